"""End to end in headless Chromium: a reader opens an article, toggles a layer,
follows an actor, sees the charts, searches, pastes an article, and a hostile
article runs nothing.

Needs Debian's ``chromium`` and ``chromium-driver`` (CI installs them); the
tests skip with a message when they are missing. Screenshots of every page go
to ``tests/out/screenshots/``.
"""
from __future__ import annotations

import time

import pytest

from tests.api.conftest import build_corpus_db
from tests.api.corpus import HOSTILE_TITLE, sample_records
from tests.web.browser_kit import NEEDS_BROWSER, chromium, serving
from tests.web.browser_kit import severe_console_errors as _severe_console_errors
from tests.web.browser_kit import shot as _shot
from tests.web.browser_kit import wait as _wait

IT_ID = "974c4d2ef556f3b830f8"

selenium = pytest.importorskip("selenium", reason="selenium is not installed (pip install -e '.[test]')")
pytestmark = NEEDS_BROWSER

from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as until  # noqa: E402


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The real app over a small ingested corpus, served by uvicorn on loopback."""
    with serving(build_corpus_db(tmp_path_factory.mktemp("browser") / "corpus.db")) as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with chromium(tmp_path_factory.mktemp("chromium")) as driver:
        yield driver


def _no_alert(driver) -> bool:
    try:
        driver.switch_to.alert
    except NoAlertPresentException:
        return True
    return False


def test_open_an_article_and_toggle_a_layer(server, browser):
    browser.get(server + "/")
    _shot(browser, "records")
    browser.find_element(By.LINK_TEXT, "Telefonata tra Putin e Tokayev").click()
    _wait(browser, until.presence_of_element_located((By.ID, "article-text")))
    person = browser.find_element(By.CSS_SELECTOR, "#article-text .ent-person")
    assert person.text == "Vladimir Putin"
    assert person.value_of_css_property("border-bottom-color") != "rgba(0, 0, 0, 0)"
    quote = browser.find_element(By.CSS_SELECTOR, "#article-text .qt")
    assert quote.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"
    _shot(browser, "article")

    browser.find_element(By.ID, "layer-ent-person").click()
    text = browser.find_element(By.ID, "article-text")
    assert "hide-ent-person" in text.get_attribute("class")
    assert person.value_of_css_property("border-bottom-color") == "rgba(0, 0, 0, 0)"
    browser.find_element(By.ID, "layer-qt").click()
    assert quote.value_of_css_property("background-color") == "rgba(0, 0, 0, 0)"
    browser.find_element(By.ID, "layer-ent-person").click()
    assert person.value_of_css_property("border-bottom-color") != "rgba(0, 0, 0, 0)"
    assert _severe_console_errors(browser) == []  # no CSP violation, no script error


def test_click_an_actor_and_see_timeline_and_graph(server, browser):
    browser.get(f"{server}/records/{IT_ID}")
    span = browser.find_element(By.XPATH, "//div[@id='article-text']//span[text()='Kassym-Jomart Tokayev']")
    span.click()
    popup = _wait(browser, until.visibility_of_element_located((By.ID, "popup")))
    assert "Kassym-Jomart Tokayev" in popup.text and "person" in popup.text.lower()
    _shot(browser, "article-popup")
    popup.find_element(By.CSS_SELECTOR, "a.popup-label").click()
    _wait(browser, until.url_contains("/actors/kassym-jomart-tokayev"))
    assert browser.find_element(By.ID, "actor-name").text == "Kassym-Jomart Tokayev"

    browser.get(server + "/actors/vladimir-putin")
    dots = browser.find_elements(By.CSS_SELECTOR, "#timeline-chart circle.dot")
    assert dots and all(dot.is_displayed() for dot in dots)
    assert browser.find_element(By.ID, "timeline-chart").size["height"] > 40
    edges = browser.find_elements(By.CSS_SELECTOR, "#network-graph line.edge")
    assert len(edges) == 2 and all(edge.is_displayed() for edge in edges)
    widths = sorted(float(edge.get_attribute("stroke-width")) for edge in edges)
    assert widths[0] < widths[-1]  # weighted by number of events
    _shot(browser, "actor")
    assert _severe_console_errors(browser) == []
    browser.find_element(By.CSS_SELECTOR, "#network-graph a[href='/actors/UKR'] circle").click()
    _wait(browser, until.url_contains("/actors/UKR"))


def test_run_a_search_with_a_filter(server, browser):
    browser.get(server + "/search")
    box = browser.find_element(By.ID, "search-q")
    box.send_keys("Tokayev")
    browser.find_element(By.NAME, "lang").send_keys("en")
    browser.find_element(By.CSS_SELECTOR, "#search-form button").click()
    _wait(browser, until.presence_of_element_located((By.CSS_SELECTOR, "table.rows")))
    titles = [link.text for link in browser.find_elements(By.CSS_SELECTOR, "a.record-link")]
    assert "Putin and Tokayev discuss trade by phone" in titles and "Telefonata tra Putin e Tokayev" not in titles
    assert browser.find_elements(By.CSS_SELECTOR, "td.snippet mark")
    _shot(browser, "search")


def test_stories_and_duplicates_pages(server, browser):
    browser.get(server + "/stories")
    assert "en, it" in browser.find_element(By.CSS_SELECTOR, ".story .meta").text
    _shot(browser, "stories")
    browser.get(server + "/duplicates")
    assert "Putin, Tokayev talk trade" in browser.find_element(By.CSS_SELECTOR, ".dup-group").text
    _shot(browser, "duplicates")
    assert _severe_console_errors(browser) == []


def test_hostile_article_runs_nothing(server, browser):
    hostile = next(r for r in sample_records() if r.title == HOSTILE_TITLE)
    for url in (f"/records/{hostile.id}", "/", "/actors", "/search?q=officials"):
        browser.get(server + url)
        time.sleep(0.2)
        assert _no_alert(browser), url
        assert not browser.find_elements(By.CSS_SELECTOR, "img, svg[onload], [onerror], [onload], b, i"), url
        scripts = browser.find_elements(By.TAG_NAME, "script")
        assert {s.get_attribute("src") or s.get_attribute("type") for s in scripts} <= {
            server + "/static/explorer.js", "application/json"}, url
    browser.get(server + f"/records/{hostile.id}")
    assert browser.find_element(By.ID, "record-title").text == HOSTILE_TITLE
    for span in browser.find_elements(By.CSS_SELECTOR, "#article-text [data-marks]"):
        span.click()
        assert _no_alert(browser)
    assert not browser.find_elements(By.CSS_SELECTOR, "a[href^='javascript']")
    assert not browser.find_elements(By.CSS_SELECTOR, "#popup img, #popup script")
    _shot(browser, "hostile")


def test_paste_an_article_and_see_it_analysed(server, browser):
    browser.get(server + "/analyze")
    browser.find_element(By.ID, "analyze-text").send_keys(
        "Vertice tra i ministri\n\nRoma, 3 maggio 2024 – I ministri degli Esteri si sono incontrati oggi "
        "per discutere della crisi. <script>alert('pasted')</script>")
    browser.find_element(By.ID, "analyze-go").click()
    result = _wait(browser, until.visibility_of_element_located((By.ID, "analyze-result")), seconds=60)
    assert browser.find_element(By.ID, "result-title").text == "Vertice tra i ministri"
    assert browser.find_element(By.CSS_SELECTOR, "#article-text .dl").text.startswith("Roma, 3 maggio 2024")
    assert "<script>alert('pasted')</script>" in result.text and _no_alert(browser)
    _shot(browser, "analyze")
    assert _severe_console_errors(browser) == []


def test_api_docs_render_offline(server, browser):
    browser.get(server + "/api/docs")
    _wait(browser, lambda driver: len(driver.find_elements(By.CSS_SELECTOR, ".opblock")) >= 10, seconds=20)
    assert "/api/records" in browser.find_element(By.ID, "swagger-ui").text
    assert _severe_console_errors(browser) == []
    _shot(browser, "api-docs")
