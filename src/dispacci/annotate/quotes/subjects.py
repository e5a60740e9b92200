"""Who a subject phrase on the parse stands for.

In order: a person named in the phrase's head or in apposition with it ("der
EU-Außenbeauftragte Javier Solana", "Anna Beispiel (SPD)": the person, not the
party); else an organisation so named ("Palazzo Chigi ha detto"); else the proper
name the phrase carries, a person the entities layer does not know (that person, never
someone famous named elsewhere); else, for a personal pronoun, the current subject; else
what a role or description in the whole phrase points to ("il portavoce del governo,
Marco Rossi", "un portavoce militare", "der Kanzler"), through the speaker resolver.
An indefinite pronoun ("chi", "man") names no one.
"""
from __future__ import annotations

from ..text import doc_text

__all__ = ["subject_speaker"]

_SPEAKING_KINDS = ("person", "organization")


def subject_speaker(resolver, s, subjects, position: int):
    """(name, actor) for ``subjects`` (tokens of one subject) of a quote at ``position``, or None."""
    parse = resolver.parse
    names = parse.names_of(subjects, s.quoted)
    low, high = parse.phrase(subjects, s.quoted)
    covered = [(t.idx, t.idx + len(t)) for t in names]
    entities = [e for e in resolver._between(s, max(0, low - 60), high + 60) if e.kind in _SPEAKING_KINDS
                and any(e.start < b and a < e.end for a, b in covered)]
    person = next((e for e in entities if e.kind == "person"), None) or _titled_person(resolver, s, subjects, high)
    if person is not None:
        return _remember(s, position, (person.canonical or person.text, person.actor))
    titled = _role_then_person(resolver, s, low, high)
    if titled is not None:  # "teilte Regierungssprecher Steffen Hebestreit mit": the parse cut the name off
        return _remember(s, position, titled)
    bodies = [(e.start, e.end) for e in entities]
    proper = _proper_run([t for t in names if not any(a <= t.idx < b for a, b in bodies)])
    if proper is not None:  # "Die Ministerin Anna Beispiel (SPD)": the person, not the party beside her
        return _remember(s, position, (proper, None))
    if entities:
        return _remember(s, position, (entities[0].canonical or entities[0].text, entities[0].actor))
    if any(t.pos_ == "PRON" and t.lower_ in resolver.pronouns for t in subjects):
        return _remember(s, position, resolver._current_subject(s, position))
    if all(t.pos_ == "PRON" for t in subjects):
        return None
    low, high = parse.subtree(subjects, s.quoted)  # "Der Leiter der Studie, Paulo Pinheiro, …"
    role = resolver.roles_re.search(s.text, low, high) if resolver.roles_re else None
    following = _apposed_person(resolver, s, high) if role else None
    if following is not None:  # "il portavoce del governo, Marco Rossi": the name set off by a comma
        return _remember(s, position, following)
    return _remember(s, position, resolver._in_chunk(s, low, high, position, countries=True))


def _titled_person(resolver, s, subjects, end: int):
    """The person a title or role noun introduces, where the parse hung the name elsewhere:
    "FDP-Finanzexperte Jürgen Koppelin", "dem Direktor der peruanischen Zivilluftfahrtbehörde
    Roberto Rodriguez" — a person right after the phrase, or ending its subtree with no
    preposition before it (a name after "von", "di", "of" is someone else)."""
    if any(t.pos_ in ("PROPN", "PRON") for t in subjects):
        return None
    following = next((e for e in resolver._between(s, end, end + 60) if e.kind == "person"), None)
    if following is not None and not s.text[end:following.start].strip():
        return following
    tokens = [t for h in subjects for t in h.subtree if not any(a <= t.idx < b for a, b in s.quoted)]
    if not tokens:
        return None
    low, high = min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)
    last = next((e for e in reversed(resolver._between(s, low, high)) if e.kind == "person"), None)
    if last is None or last.end < high - 1:
        return None
    head = min(subjects, key=lambda t: t.i)
    between = [t for t in tokens if head.idx < t.idx < last.start]
    if any(t.pos_ == "ADP" or t.text in ",;:()" or t.pos_ == "VERB" for t in between):
        return None
    return last


def _apposed_person(resolver, s, end: int):
    """A person named right after ``end`` (the end of a role: "il portavoce del governo"), set off
    by a comma: an apposition the parse missed."""
    gap = s.text[end:end + 3]
    if not gap.startswith(","):
        return None
    for entity in resolver._between(s, end, end + 80):
        if entity.kind == "person" and not s.text[end + 1:entity.start].strip():
            return entity.canonical or entity.text, entity.actor
        break
    return None


def _role_then_person(resolver, s, low: int, high: int):
    """The person named right after a subject phrase that is only a role ("Regierungssprecher
    Steffen Hebestreit", "spokesman John Kirby"), where the parse left the name outside it, even
    with the role tagged as a proper noun (which ``_titled_person`` leaves alone)."""
    if resolver.roles_re is None:
        return None
    role = resolver.roles_re.search(s.text, low, high)
    if role is None or s.text[low:high].strip(" ,") != s.text[role.start():role.end()].strip(" ,"):
        return None
    for entity in resolver._between(s, high, high + 80):
        if entity.kind == "person" and not s.text[high:entity.start].strip():
            return entity.canonical or entity.text, entity.actor
        break
    return None


def _remember(s, position: int, found):
    if found is not None:
        s.history.append((position, found))
    return found


def _proper_run(tokens) -> str | None:
    """The proper name among ``tokens``: the longest run of adjacent proper nouns."""
    best: list = []
    run: list = []
    for token in tokens:
        named = token.pos_ == "PROPN" or (token.dep_.startswith("flat") and run and token.head.i == run[-1].i)
        if named and token.text[:1].isupper():
            run = run + [token] if run and run[-1].i == token.i - 1 else [token]
            if len(run) > len(best):
                best = run
    if not best:
        return None
    return doc_text(best[0].doc)[best[0].idx:best[-1].idx + len(best[-1])]
