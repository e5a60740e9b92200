"""The explorer's pages, rendered on the server: what a reader sees, and nothing a hostile article could inject."""
from __future__ import annotations

import re

from tests.api.corpus import HOSTILE_ACTOR, HOSTILE_NAME, HOSTILE_SPEAKER, HOSTILE_TITLE

IT_ID = "974c4d2ef556f3b830f8"


def _hostile_id(records):
    return next(r.id for r in records if r.title == HOSTILE_TITLE)


def test_home_lists_records_with_filters(client):
    page = client.get("/").text
    assert "Telefonata tra Putin e Tokayev" in page and f'href="/records/{IT_ID}"' in page
    only_it = client.get("/?lang=it").text
    assert "Telefonata tra Putin e Tokayev" in only_it and "Putin and Tokayev discuss trade" not in only_it
    assert "is not an ISO 8601 date" in client.get("/?since=tomorrow").text


def test_article_view_shows_layers_events_and_provenance(client):
    page = client.get(f"/records/{IT_ID}").text
    assert 'id="article-text"' in page and 'data-layer="ent-person"' in page
    assert re.search(r'<span class="dl" data-marks="d0" [^>]*>Mosca, 2 aprile 2022</span>', page)
    assert 'data-mark="v0"' in page and "CONSULT" in page
    assert "Kremlin press service" in page and "RIA Novosti → Esempio Notizie" in page
    assert 'href="/actors/kassym-jomart-tokayev"' in page
    assert 'href="https://example.it/esteri/putin-tokayev"' in page
    assert '<script type="application/json" id="marks-data">' in page


def test_missing_pages_are_404_pages(client):
    assert client.get("/records/nothing").status_code == 404
    assert client.get("/actors/nobody").status_code == 404
    assert "no actor &#39;nobody&#39;" in client.get("/actors/nobody").text


def test_actor_page_draws_timeline_and_network(client):
    page = client.get("/actors/vladimir-putin").text
    timeline = re.search(r'<svg class="chart timeline".*?</svg>', page, re.S).group(0)
    assert timeline.count("<circle") == 4 and "CONSULT" in timeline and "ACCUSE" in timeline
    network = re.search(r'<svg class="chart network".*?</svg>', page, re.S).group(0)
    assert network.count('class="edge"') == 2
    assert 'stroke="#2e8b57"' in network and 'stroke="#e08a00"' not in network  # consult: cooperation
    assert 'href="/actors/kassym-jomart-tokayev"' in network
    assert "Abbiamo discusso la cooperazione economica" in page
    assert "president" in page and "2022-04-02" in page  # role and when it was seen


def test_stories_duplicates_and_search_pages(client):
    stories = client.get("/stories").text
    assert "first seen 2022-04-02" in stories and "it, en" in stories.replace("en, it", "it, en")
    duplicates = client.get("/duplicates").text
    assert "Original:" in duplicates and "Putin, Tokayev talk trade" in duplicates
    search = client.get("/search?q=Tokayev&lang=it").text
    assert "Telefonata tra Putin e Tokayev" in search and "discuss trade" not in search
    assert "<mark>Kassym-Jomart Tokayev</mark>" in search  # the actor, where the article names him
    assert "<mark>Tokayev</mark>" in client.get('/search?q="Tokayev"').text  # quoted: the letters only
    assert "Nothing matches" in client.get("/search?q=zzzz").text


def test_analyze_page_posts_to_the_api(client):
    page = client.get("/analyze").text
    assert 'id="analyze-form"' in page and 'action="/api/analyze"' in page


def test_hostile_article_text_is_escaped_everywhere(client, records):
    hostile = _hostile_id(records)
    pages = [client.get(url).text for url in
             ("/", f"/records/{hostile}", "/search?q=officials", "/actors", f"/actors/{HOSTILE_ACTOR}")]
    for page in pages:
        assert "<script>alert" not in page and "<img src=x" not in page and "<svg onload" not in page
        assert "<b>bold</b>" not in page and "<i>Evil</i>" not in page
        assert "javascript:" not in page.replace("javascript:alert(&#39;url&#39;)", "")
        assert not re.search(r'href="\s*javascript:', page, re.I)
    article = pages[1]
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in article
    assert 'class="source-url-text">javascript:alert(&#39;url&#39;)' in article  # shown, not linked
    # the span table is JSON in a data block: "<" escaped so it cannot close the block
    data = re.search(r'<script type="application/json" id="marks-data">(.*?)</script>', article, re.S).group(1)
    assert "<" not in data and "\\u003c" in data
    assert 'href="/actors/%22%3E%3Csvg%20onload%3Dalert%285%29%3E"' in article
    for raw in (HOSTILE_NAME, HOSTILE_SPEAKER):
        assert raw not in article


def test_static_files_and_headers(client):
    assert client.get("/static/explorer.js").status_code == 200
    assert client.get("/static/explorer.css").status_code == 200
    headers = client.get("/").headers
    assert headers["x-content-type-options"] == "nosniff" and "frame-ancestors 'none'" in headers["content-security-policy"]


def test_pages_never_change_what_the_api_answers(client):
    for page, api in (("/stories", "/api/stories"), ("/duplicates", "/api/duplicates"), ("/", "/api/records"),
                      ("/actors", "/api/actors"), ("/actors/vladimir-putin", "/api/actors/vladimir-putin")):
        first = client.get(api).json()
        client.get(page)
        assert client.get(api).json() == first, api
        assert "href" not in client.get(api).text, api


def test_a_story_page_summarises_what_happened_and_lists_articles_and_reprints_in_order(client):
    import re

    listing = client.get("/stories").text
    link = re.search(r'<h2><a href="(/stories/[^"]+)"', listing).group(1)
    page = client.get(link)
    assert page.status_code == 200
    text = page.text
    assert "What happened" in text and "CAMEO 04" in text and "reports in" in text
    assert "in publication order" in text and "original" in text
    published = re.findall(r"<tr><td>(\d{4}-\d{2}-\d{2}|undated)</td>", text)
    assert published == sorted(published, key=lambda d: d if d != "undated" else "9999")
    member = re.search(r'<td><a href="(/records/[^"]+)">', text).group(1)
    article = client.get(member).text
    assert "Story and reprints" in article and link in article
    assert client.get("/stories/nothing-here").status_code == 404


def test_browsers_escape_hostile_articles_and_downloads_match_the_page(client):
    for url in ("/events", "/quotes", "/events?actor=%22%3E%3Csvg%20onload%3Dalert(5)%3E", "/quotes?speaker=%3Cscript%3E"):
        page = client.get(url)
        assert page.status_code == 200, url
        assert "<script>alert" not in page.text and "<img src=x" not in page.text and "<svg onload" not in page.text
    shown = re.search(r'id="result-count">(\d+)<', client.get("/events?plover=CONSULT").text).group(1)
    table = client.get("/events.csv?plover=CONSULT")
    assert table.headers["content-type"].startswith("text/csv") and "attachment" in table.headers["content-disposition"]
    assert len(table.text.strip().splitlines()) - 1 == int(shown) == int(table.headers["x-total-count"])
    listing = client.get("/events.json?plover=CONSULT").json()
    assert listing["total"] == int(shown) and all(item["plover"] == "CONSULT" for item in listing["items"])


def test_bad_filters_are_said_on_the_page_not_raised(client):
    assert "not an ISO 8601 date" in client.get("/events?since=yesterday").text
    assert "E311" in client.get("/events?root=abc").text
    assert "bad filter value" in client.get("/events?quad=strong").text
    assert client.get("/events.csv?country=Narnia").status_code == 400


def test_network_edges_open_the_events_between_the_two_actors(client):
    page = client.get("/actors/vladimir-putin").text
    edge = re.search(r'<a class="edge-link" href="([^"]+)"', page).group(1).replace("&amp;", "&")
    events = client.get(edge).text
    assert "other = " in events and int(re.search(r'id="result-count">(\d+)<', events).group(1)) >= 1
