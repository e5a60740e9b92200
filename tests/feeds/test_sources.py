"""Feeds and pages from a local site: polite, conditional, capped, de-duplicated."""
from __future__ import annotations

import subprocess
import sys

import pytest

from dispacci.errors import InputError
from dispacci.feeds import Fetcher, FetchPolicy, Sources, parse_every
from dispacci.errors import ConfigError


def local(**policy) -> Fetcher:
    return Fetcher(FetchPolicy(allow_private=True, per_host_delay=0, **policy))


def test_a_feed_gives_each_entry_once_and_a_second_poll_costs_a_304(site):
    sources = Sources(local())
    first = list(sources.read([site.base + "/feed.xml"]))
    assert [a.url for a in first] == [site.base + "/a1", site.base + "/a2"]  # the copy has the same content
    assert all(a.published == "2024-03-04" and a.title for a in first)
    assert list(sources.read([site.base + "/feed.xml"])) == []
    feed_requests = [headers for path, headers in site.requests if path == "/feed.xml"]
    assert feed_requests[-1].get("If-None-Match") == '"v1"'


def test_a_page_url_is_one_article_and_redirects_are_followed(site):
    (article,) = list(Sources(local()).read([site.base + "/moved"]))
    assert article.url == site.base + "/a1" and "ministro" in article.text


def test_robots_txt_is_honoured(site):
    (refused,) = list(Sources(local()).read([site.base + "/private/x"]))
    assert isinstance(refused, InputError) and refused.code == "E513"


def test_pages_over_the_size_cap_are_refused(site):
    (refused,) = list(Sources(local(max_bytes=10_000)).read([site.base + "/big"]))
    assert refused.code == "E512"


def test_redirect_loops_stop(site):
    (refused,) = list(Sources(local(max_redirects=3)).read([site.base + "/loop"]))
    assert refused.code == "E515"


def test_loopback_is_refused_without_allow_private(site):
    (refused,) = list(Sources(Fetcher(FetchPolicy(per_host_delay=0))).read([site.base + "/a1"]))
    assert refused.code == "E510" and not site.requests


def test_requests_to_one_host_are_spaced():
    waits = []
    now = [100.0]
    fetcher = Fetcher(FetchPolicy(per_host_delay=2.0), clock=lambda: now[0], sleep=waits.append)
    fetcher._wait_for("news.example")
    now[0] += 0.5
    fetcher._wait_for("news.example")
    fetcher._wait_for("other.example")
    assert waits == [1.5]


@pytest.mark.parametrize("value, seconds", [("30s", 30), ("10m", 600), ("1h", 3600), ("45", 45)])
def test_durations(value, seconds):
    assert parse_every(value) == seconds


def test_a_bad_duration_is_a_coded_error():
    with pytest.raises(ConfigError) as error:
        parse_every("soon")
    assert error.value.code == "E517"


def test_ingest_and_watch_read_feeds_into_the_store(site, tmp_path):
    db = str(tmp_path / "c.db")
    cli = [sys.executable, "-c", "from dispacci.cli import main; main()"]
    done = subprocess.run([*cli, "ingest", site.base + "/feed.xml", "--db", db, "--allow-private", "--quiet"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "2 stored" in done.stderr
    refused = subprocess.run([*cli, "ingest", site.base + "/a1", "--db", db, "--quiet"],
                             capture_output=True, text=True, timeout=300)
    assert refused.returncode != 0 and "E510" in refused.stderr
    watched = subprocess.run([*cli, "watch", site.base + "/feed.xml", "--db", db, "--allow-private",
                              "--rounds", "2", "--every", "0.1s"], capture_output=True, text=True, timeout=300)
    assert watched.returncode == 0, watched.stderr
    assert "poll 2: 0 stored" in watched.stderr and "poll 1: 0 stored, 2 duplicate" in watched.stderr
