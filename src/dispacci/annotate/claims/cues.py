"""The cue words of attributed claims, read from ``cues/claims.yaml`` for one language.

Each kind of cue becomes one regular expression (longest phrase first, whole words,
case-insensitive) or a set of lower-cased words; the stance markers keep their kind.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...errors import Errors, ResourceError
from ...resources import load_resource
from ..text import phrase_pattern

__all__ = ["ClaimCues", "load_claim_cues", "STANCE_KINDS"]

NAME = "cues/claims.yaml"
STANCE_KINDS = ("distanced", "unsupported", "disputed")
_LISTS = ("according", "according_self", "according_relative", "postposed", "verbs", "complementizers", "quote_verbs", "pronouns",
          "conjunctions", "negations")


@dataclass(frozen=True)
class ClaimCues:
    according: re.Pattern | None
    according_self: re.Pattern | None
    according_relative: re.Pattern | None
    postposed: re.Pattern | None
    verbs: frozenset[str]
    complementizers: frozenset[str]
    quote_verbs: frozenset[str]
    pronouns: frozenset[str]
    conjunctions: frozenset[str]
    negations: frozenset[str]
    stance: tuple[tuple[str, re.Pattern], ...]


def _pattern(words: list[str]) -> re.Pattern | None:
    words = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(phrase_pattern(w) for w in words) + r")(?!\w)", re.IGNORECASE)


def _check(table, lang: str) -> None:
    if table is None:
        return
    if not isinstance(table, dict):
        raise ResourceError("E160", Errors.E160.format(name=NAME, reason="must map language codes to cue kinds"))
    for block in ("any", lang):
        entry = table.get(block) or {}
        if not isinstance(entry, dict):
            raise ResourceError("E160", Errors.E160.format(name=NAME, reason=f"'{block}' must map cue kinds to lists"))
        for key, words in entry.items():
            if key == "stance":
                if not isinstance(words, dict) or set(words) - set(STANCE_KINDS):
                    raise ResourceError("E160", Errors.E160.format(
                        name=NAME, reason=f"'{block}.stance' must map {', '.join(STANCE_KINDS)} to lists of words"))
                words = [w for values in words.values() for w in (values or [])]
            elif key not in _LISTS:
                raise ResourceError("E160", Errors.E160.format(
                    name=NAME, reason=f"unknown cue kind '{block}.{key}'; known: {', '.join((*_LISTS, 'stance'))}"))
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise ResourceError("E160", Errors.E160.format(
                    name=NAME, reason=f"'{block}.{key}' must be a list of words; quote words YAML reads otherwise"))


def load_claim_cues(lang: str, resources: tuple[str, ...] = ()) -> ClaimCues:
    table = load_resource(NAME, resources)
    _check(table, lang)
    table = table or {}
    blocks = [table.get("any") or {}, table.get(lang) or {}]

    def words(key: str) -> list[str]:
        return [w for block in blocks for w in (block.get(key) or [])]

    def lowered(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in words(key))

    stance = []
    for kind in STANCE_KINDS:
        pattern = _pattern([w for block in blocks for w in ((block.get("stance") or {}).get(kind) or [])])
        if pattern is not None:
            stance.append((kind, pattern))
    return ClaimCues(
        according=_pattern(words("according")), according_self=_pattern(words("according_self")),
        according_relative=_pattern(words("according_relative")),
        postposed=_pattern(words("postposed")), verbs=lowered("verbs"), complementizers=lowered("complementizers"),
        quote_verbs=lowered("quote_verbs"), pronouns=lowered("pronouns"), conjunctions=lowered("conjunctions"),
        negations=lowered("negations"), stance=tuple(stance))
