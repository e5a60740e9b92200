"""An analyst in headless Chromium, on a corpus of sanctions and talks in six languages.

"All sanctions by the United States against Russia in 2022, with counts and a
CSV": answered by clicking facets on ``/events``, reading the count, and
downloading what is shown. Screenshots go to ``tests/out/screenshots/``.
"""
from __future__ import annotations

import csv
import io

import pytest

from tests.web.analyst_corpus import UNRESOLVED_NAME, US_RU_2022, US_RU_2022_ASSERTED, analyst_records
from tests.web.browser_kit import NEEDS_BROWSER, chromium, follow, serving, severe_console_errors, shot, wait

selenium = pytest.importorskip("selenium", reason="selenium is not installed (pip install -e '.[test]')")
pytestmark = NEEDS_BROWSER

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as until  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402


def build_analyst_db(path):
    from dispacci.store import open_store

    store = open_store(path)
    try:
        store.add(analyst_records())
        store.cluster()
    finally:
        store.close()
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serving(build_analyst_db(tmp_path_factory.mktemp("analyst") / "analyst.db")) as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with chromium(tmp_path_factory.mktemp("chromium-analyst")) as driver:
        yield driver


def _facet(browser, facet: str, value: str):
    link = browser.find_element(By.CSS_SELECTOR, f"#facet-{facet} a.facet-value[data-value='{value}']")
    count = int(link.find_element(By.XPATH, "following-sibling::span[@class='count']").text)
    follow(browser, link, (By.ID, "result-count"))
    return count


def _count(browser) -> int:
    return int(browser.find_element(By.ID, "result-count").text)


def _fetch_text(browser, href: str) -> str:
    return browser.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "fetch(arguments[0]).then(function (r) { return r.text(); }).then(done);", href)


def test_sanctions_by_the_united_states_against_russia_in_2022_with_counts_and_a_csv(server, browser):
    browser.get(server + "/events")
    shot(browser, "events")
    everything = _count(browser)
    sanctions = _facet(browser, "plover", "SANCTION")
    assert _count(browser) == sanctions < everything
    by_us = _facet(browser, "source_country", "USA")
    assert _count(browser) == by_us < sanctions
    against_russia = _facet(browser, "target_country", "RUS")
    assert _count(browser) == against_russia
    in_2022 = _facet(browser, "year", "2022")
    assert _count(browser) == in_2022 == US_RU_2022
    assert "plover = SANCTION" in browser.find_element(By.ID, "active-filters").text
    rows = browser.find_elements(By.CSS_SELECTOR, "#event-rows tr.event-row")
    assert len(rows) == US_RU_2022
    # what is not plain fact is marked, not hidden
    assert len(browser.find_elements(By.CSS_SELECTOR, "#event-rows .trust-hypothetical")) == 1
    assert len(browser.find_elements(By.CSS_SELECTOR, "#event-rows .trust-negated")) == 1
    bars = browser.find_elements(By.CSS_SELECTOR, "#volume-chart rect.bar")
    assert bars and sum(int(bar.get_attribute("data-count")) for bar in bars) == US_RU_2022
    languages = {v.get_attribute("data-value") for v in browser.find_elements(By.CSS_SELECTOR, "#facet-lang a.facet-value")}
    assert languages == {"en", "it", "fr"}
    shot(browser, "events-us-russia-2022")

    table = list(csv.DictReader(io.StringIO(_fetch_text(browser, browser.find_element(By.ID, "download-csv").get_attribute("href")))))
    assert len(table) == US_RU_2022
    assert {(row["source_country"], row["target_country"], row["plover"]) for row in table} == {("USA", "RUS", "SANCTION")}
    assert all(row["date"].startswith("2022") for row in table)

    Select(browser.find_element(By.NAME, "status")).select_by_value("asserted")
    follow(browser, browser.find_element(By.ID, "events-go"), (By.ID, "result-count"))
    assert _count(browser) == US_RU_2022_ASSERTED
    table = list(csv.DictReader(io.StringIO(_fetch_text(browser, browser.find_element(By.ID, "download-csv").get_attribute("href")))))
    assert len(table) == US_RU_2022_ASSERTED and {row["negated"] + row["hypothetical"] for row in table} == {"FalseFalse"}
    assert severe_console_errors(browser) == []

    evidence = browser.find_element(By.CSS_SELECTOR, "#event-rows a.evidence-link")
    words = evidence.text.strip("“”")
    evidence.click()
    wait(browser, until.presence_of_element_located((By.ID, "article-text")))
    assert "#v" in browser.current_url
    flashed = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#article-text .flash"))
    assert "".join(span.text for span in flashed) == words
    shot(browser, "events-evidence")


def test_quotes_browser_marks_reported_speech_and_unresolved_speakers(server, browser):
    browser.get(server + "/quotes")
    assert _count(browser) == 3
    row = next(r for r in browser.find_elements(By.CSS_SELECTOR, "#quote-rows tr.quote-row") if UNRESOLVED_NAME in r.text)
    assert row.find_elements(By.CSS_SELECTOR, ".trust-indirect") and row.find_elements(By.CSS_SELECTOR, ".trust-unresolved")
    assert not row.find_elements(By.CSS_SELECTOR, f"a[href^='/actors/']")  # no actor page for a bare name
    shot(browser, "quotes")
    _facet(browser, "speaker", "vladimir-putin")
    assert _count(browser) == 1
    assert browser.find_elements(By.CSS_SELECTOR, "#quote-rows .trust-guessed")  # the article's year was guessed
    browser.find_element(By.CSS_SELECTOR, "#quote-rows a.evidence-link").click()
    flashed = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#article-text .flash"))
    assert "".join(span.text for span in flashed) == "Мы договорились о сотрудничестве"
    assert severe_console_errors(browser) == []


PUTIN_ARTICLES = {"Путин провёл переговоры с Токаевым", "Washington sanctionne les proches de Poutine",
                  "Washington imposes sweeping sanctions on Russian banks", "USA verhängen Sanktionen gegen Russland",
                  "Putin y Tokayev hablan de comercio"}

# The WCAG contrast of every piece of visible text against the background it sits on.
CONTRAST = """
function lum(c) { var v = c.match(/[\\d.]+/g).slice(0, 3).map(function (x) { x = x / 255;
  return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; }
function bg(el) { for (; el; el = el.parentElement) { var c = getComputedStyle(el).backgroundColor;
  var a = c.match(/[\\d.]+/g); if (a && (a.length < 4 || +a[3] > 0.5)) { return c; } } return "rgb(255, 255, 255)"; }
var low = [];
document.querySelectorAll("body *").forEach(function (el) {
  if (el.closest("svg") || !el.offsetParent) { return; }
  var own = Array.prototype.some.call(el.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); });
  if (!own) { return; }
  var a = lum(getComputedStyle(el).color), b = lum(bg(el));
  var ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  if (ratio < 4.5) { low.push(el.tagName + "." + el.className + " " + ratio.toFixed(2) + " " + el.textContent.trim().slice(0, 30)); }
});
return low;
"""


def test_search_finds_every_article_naming_putin_whatever_name_it_is_typed_in(server, browser):
    for name in ("Poutine", "Путин", "Putin", "Путина"):
        browser.get(server + "/search")
        box = browser.find_element(By.ID, "search-q")
        box.send_keys(name)
        follow(browser, browser.find_element(By.CSS_SELECTOR, "#search-form button"), (By.ID, "result-count"))
        titles = {link.text for link in browser.find_elements(By.CSS_SELECTOR, "a.record-link")}
        assert titles == PUTIN_ARTICLES, name
        assert _count(browser) == len(PUTIN_ARTICLES)
        assert "Vladimir Putin" in browser.find_element(By.ID, "search-meaning").text
        languages = {v.get_attribute("data-value") for v in browser.find_elements(By.CSS_SELECTOR, "#facet-lang a.facet-value")}
        assert languages == {"ru", "fr", "en", "de", "es"}
    shot(browser, "search-actor")
    _facet(browser, "lang", "ru")
    assert {link.text for link in browser.find_elements(By.CSS_SELECTOR, "a.record-link")} == {"Путин провёл переговоры с Токаевым"}


def test_search_matches_inflected_forms_and_explains_its_syntax(server, browser):
    browser.get(server + "/search?q=" + "санкция")  # the lemma; the articles write санкции
    titles = {link.text for link in browser.find_elements(By.CSS_SELECTOR, "a.record-link")}
    assert titles == {"США ввели санкции против Ирана", "Путин провёл переговоры с Токаевым"}
    assert browser.find_elements(By.CSS_SELECTOR, "td.snippet mark")
    browser.get(server + "/search?q=sanzione")  # the article writes "sanzioni"
    assert {link.text for link in browser.find_elements(By.CSS_SELECTOR, "a.record-link")} == {"Nuove sanzioni americane contro Mosca"}
    browser.get(server + "/search")
    help_text = browser.find_element(By.ID, "search-help").text
    assert "actor:" in help_text and '"exact phrase"' in help_text
    shot(browser, "search-help")
    assert severe_console_errors(browser) == []


def test_home_list_shows_outlet_date_provenance_and_layer_counts(server, browser):
    browser.get(server + "/")
    rows = {row.find_element(By.CSS_SELECTOR, "a.record-link").text: row
            for row in browser.find_elements(By.CSS_SELECTOR, "tr.record-row")}
    guessed = rows["Путин провёл переговоры с Токаевым"]
    assert guessed.find_elements(By.CSS_SELECTOR, ".trust-guessed")
    assert "primer-novosti.ru" in guessed.find_element(By.CSS_SELECTOR, ".record-outlet").text
    springfield = rows["Treasury holds off on new Russia measures"]
    assert springfield.find_elements(By.CSS_SELECTOR, ".trust-country")
    assert "from dateline" in springfield.find_element(By.CSS_SELECTOR, ".record-date").text
    counts = springfield.find_element(By.CSS_SELECTOR, ".layer-counts").text
    assert "3 entities" in counts and "1 quotes" in counts and "2 events" in counts and "1 unresolved" in counts
    assert "undated" in rows["Putin y Tokayev hablan de comercio"].find_element(By.CSS_SELECTOR, ".record-date").text
    shot(browser, "records-trust")
    assert browser.execute_script(CONTRAST) == []


def test_article_view_from_the_keyboard_in_the_articles_language(server, browser):
    browser.get(server + "/")
    browser.find_element(By.LINK_TEXT, "Treasury holds off on new Russia measures").click()
    wait(browser, until.presence_of_element_located((By.ID, "article-text")))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    trigger = browser.find_element(By.CSS_SELECTOR, "#article-text .evt-trigger")
    assert trigger.text == "did not sanction"
    assert browser.find_element(By.CSS_SELECTOR, "#article-text .evt-src").text == "US Treasury"
    assert browser.find_element(By.CSS_SELECTOR, "#article-text .evt-tgt").text == "Russian"
    assert browser.find_elements(By.CSS_SELECTOR, "#events .trust-negated")
    unresolved = browser.find_element(By.XPATH, f"//div[@id='article-text']//span[text()='{UNRESOLVED_NAME}']")
    assert unresolved.get_attribute("tabindex") == "0" and UNRESOLVED_NAME in unresolved.get_attribute("aria-label")
    browser.execute_script("arguments[0].focus();", unresolved)
    popup = wait(browser, until.visibility_of_element_located((By.ID, "popup")))
    assert "unresolved" in popup.text and not popup.find_elements(By.CSS_SELECTOR, "a")  # no actor page to go to
    shot(browser, "article-keyboard")
    from selenium.webdriver.common.keys import Keys

    unresolved.send_keys(Keys.ESCAPE)
    wait(browser, until.invisibility_of_element_located((By.ID, "popup")))
    chain = [step.get_attribute("data-role") for step in browser.find_elements(By.CSS_SELECTOR, "#provenance li.chain-step")]
    assert chain == ["publisher"]  # the outlet, once
    assert browser.execute_script(CONTRAST) == []
    browser.get(server + "/")
    browser.find_element(By.LINK_TEXT, "Путин провёл переговоры с Токаевым").click()
    wait(browser, until.presence_of_element_located((By.ID, "article-text")))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ru"
    assert "year guessed" in browser.find_element(By.CSS_SELECTOR, ".side").text
    assert severe_console_errors(browser) == []


def test_actor_pages_list_undated_events_and_names_in_every_language(server, browser):
    browser.get(server + "/actors?name=Путин")
    links = browser.find_elements(By.CSS_SELECTOR, "#actor-rows a.actor-link")
    assert [link.text for link in links] == ["Vladimir Putin"]
    browser.get(server + "/actors?name=Poutine")
    assert [link.text for link in browser.find_elements(By.CSS_SELECTOR, "#actor-rows a.actor-link")] == ["Vladimir Putin"]
    browser.find_element(By.CSS_SELECTOR, "#actor-rows a.actor-link").click()
    wait(browser, until.presence_of_element_located((By.ID, "actor-name")))
    seen = browser.find_element(By.ID, "names-seen").text
    assert "Poutine" in seen and "Владимир Путин" in seen and "Wladimir Putin" in seen
    undated = browser.find_elements(By.CSS_SELECTOR, "#undated-events-table tbody tr")
    assert len(undated) == 1 and "Putin y Tokayev" in undated[0].text
    assert "1 event without a date" in browser.find_element(By.ID, "timeline-undated").text
    dots = browser.find_elements(By.CSS_SELECTOR, "#timeline-chart a.dot-link")
    assert dots
    shot(browser, "actor-names")
    browser.get(server + "/actors?name=Vaskovich")
    row = browser.find_element(By.CSS_SELECTOR, "#actor-rows tbody tr")
    assert "unresolved name" in row.text
    row.find_element(By.CSS_SELECTOR, "a").click()
    assert "Unresolved name" in wait(browser, until.presence_of_element_located((By.ID, "unresolved-banner"))).text
    shot(browser, "actor-unresolved")
    assert severe_console_errors(browser) == []
