"""The SSRF guard refuses every address that could reach internal services, before connecting."""
from __future__ import annotations

import socket

import pytest

from dispacci.errors import InputError
from dispacci.feeds import Fetcher, FetchPolicy, checked_addresses


def resolver(table):
    """A DNS stand-in: tests never ask a real resolver, and never connect to what it answers."""
    def resolve(host, port, proto=0):
        if host not in table:
            raise socket.gaierror(f"unknown host {host}")
        return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, proto, "", (a, port))
                for a in table[host]]
    return resolve


DNS = resolver({
    "intranet.example": ["10.1.2.3"], "router.example": ["192.168.0.1"], "metadata.example": ["169.254.169.254"],
    "cgnat.example": ["100.64.1.1"], "v6local.example": ["fd12:3456::1"], "mapped.example": ["::ffff:127.0.0.1"],
    "mixed.example": ["93.184.216.34", "10.0.0.1"], "public.example": ["93.184.216.34"],
    "multicast.example": ["224.0.0.1"],
})


@pytest.mark.parametrize("url, kind", [
    ("http://127.0.0.1/", "loopback"), ("http://localhost.invalid.intranet.example/", None),
    ("http://[::1]/admin", "loopback"), ("http://2130706433/", "loopback"), ("http://0x7f000001/", "loopback"),
    ("http://127.1/", "loopback"), ("http://0.0.0.0/", "unspecified"), ("http://intranet.example/", "private"),
    ("http://router.example:8080/", "private"), ("http://metadata.example/latest/meta-data/", "link-local"),
    ("http://169.254.169.254/latest/meta-data/", "link-local"), ("http://cgnat.example/", "shared"),
    ("http://v6local.example/", "private"), ("http://mapped.example/", "loopback"),
    ("http://[::ffff:10.0.0.1]/", "private"), ("http://mixed.example/", "private"),
    ("http://multicast.example/", "multicast"),
])
def test_private_and_internal_addresses_are_refused_with_the_reason(url, kind):
    with pytest.raises(InputError) as refused:
        checked_addresses(url, resolve=DNS)
    if kind is None:
        assert refused.value.code == "E511"  # a name DNS does not know
        return
    assert refused.value.code == "E510" and kind in refused.value.message
    assert "--allow-private" in refused.value.message and url in refused.value.one_line()


def test_public_addresses_pass_and_allow_private_lifts_the_guard():
    assert checked_addresses("https://public.example/news", resolve=DNS) == ["93.184.216.34"]
    assert checked_addresses("http://intranet.example/", resolve=DNS, allow_private=True) == ["10.1.2.3"]


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://public.example/x", "gopher://public.example/"])
def test_only_http_and_https_are_fetched(url):
    with pytest.raises(InputError) as refused:
        checked_addresses(url, resolve=DNS)
    assert refused.value.code == "E514"


def test_a_redirect_into_private_space_is_refused_before_connecting(site, monkeypatch):
    from dispacci.feeds import fetch

    real = fetch.checked_addresses

    def guard(url, *, allow_private, resolve):
        # the loopback test site stands in for a public server; every other hop meets the real guard
        if url.startswith(site.base):
            return ["127.0.0.1"]
        return real(url, allow_private=allow_private, resolve=DNS)

    monkeypatch.setattr(fetch, "checked_addresses", guard)
    fetcher = Fetcher(FetchPolicy(per_host_delay=0))
    with pytest.raises(InputError) as refused:
        fetcher.get(site.base + "/to-private")
    assert refused.value.code == "E510" and "10.0.0.7" in refused.value.message
    assert [path for path, _ in site.requests] == ["/robots.txt", "/to-private"]
