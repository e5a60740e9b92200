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
from tests.web.browser_kit import NEEDS_BROWSER, chromium, serving, severe_console_errors, shot, wait

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
    link.click()
    wait(browser, until.presence_of_element_located((By.ID, "result-count")))
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
    browser.find_element(By.ID, "events-go").click()
    wait(browser, until.presence_of_element_located((By.ID, "result-count")))
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
