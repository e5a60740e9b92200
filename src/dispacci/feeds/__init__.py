"""Live sources: feeds and pages fetched politely, behind an SSRF guard."""
from __future__ import annotations

from .fetch import USER_AGENT, Fetcher, FetchPolicy, Response
from .guard import address_kind, checked_addresses
from .sources import Sources, is_url

__all__ = ["USER_AGENT", "Fetcher", "FetchPolicy", "Response", "Sources", "is_url", "address_kind",
           "checked_addresses", "parse_every"]


def parse_every(value: str) -> float:
    """Seconds in a duration such as ``30s``, ``10m``, ``1h`` (a bare number is seconds)."""
    import re

    from ..errors import ConfigError, Errors

    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*", value or "")
    if match is None or float(match.group(1)) <= 0:
        raise ConfigError("E517", Errors.E517.format(value=value))
    return float(match.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[match.group(2)]
