"""Score records against reference annotations: P/R/F1 per layer.

Reference files follow ``examples/news/gold/``: one JSON per article with
``dateline``, ``credits``, ``persons``, ``countries``, ``quotes`` (text and
speaker) and ``events`` (source, target, their countries, CAMEO, PLOVER, mode,
date). An event matches a reference event when the CAMEO roots agree and each
side agrees by name or by country; on matched events CAMEO 3-digit accuracy
and date accuracy are reported. ``score_plover`` codes the PLOVER gold-standard
records from their raw text and reports category accuracy.

Functions here are quiet: they return data; the ``evaluate`` command prints.
"""
from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .errors import Errors, InputError

__all__ = [
    "Score", "EventScore", "Report", "PloverScore",
    "load_gold", "analyze_dir", "evaluate_records", "evaluate_dirs",
    "score_events", "score_plover", "plover_full_match", "normalise",
]


@dataclass
class Score:
    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else (1.0 if not self.fp else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    def to_dict(self) -> dict:
        return {**asdict(self), "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class EventScore(Score):
    cameo3_correct: int = 0
    date_correct: int = 0
    errors: list[dict] = field(default_factory=list)

    @property
    def cameo3_accuracy(self) -> float:
        return self.cameo3_correct / self.tp if self.tp else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.date_correct / self.tp if self.tp else 0.0

    def to_dict(self) -> dict:
        return {**super().to_dict(), "cameo3_accuracy": round(self.cameo3_accuracy, 4),
                "date_accuracy": round(self.date_accuracy, 4)}


@dataclass
class Report:
    articles: int
    layers: dict[str, Score]
    missing: list[str] = field(default_factory=list)  # reference files without an article

    def to_dict(self) -> dict:
        return {"articles": self.articles, "missing": self.missing,
                "layers": {name: score.to_dict() for name, score in self.layers.items()}}


def normalise(text: str | None) -> str:
    """Casefolded, accents and punctuation dropped, spaces collapsed."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(ch if ch.isalnum() else " " for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(kept.split())


# -- loading ---------------------------------------------------------------------------------

def load_gold(gold_dir: str | Path) -> dict[str, dict]:
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise InputError("E201", Errors.E201, source=str(folder))
    gold = {}
    for path in sorted(folder.glob("*.json")):
        try:
            gold[path.stem] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            raise InputError("E202", Errors.E202.format(reason=error), source=str(path)) from None
    if not gold:
        raise InputError("E201", Errors.E201, source=str(folder))
    return gold


def analyze_dir(articles_dir: str | Path, ids: Iterable[str], pipeline=None) -> tuple[dict[str, dict], list[str]]:
    """Records (as dicts) of the articles named ``<id>.*`` in ``articles_dir``."""
    from .pipeline import Pipeline

    folder = Path(articles_dir)
    if not folder.is_dir():
        raise InputError("E203", Errors.E203, source=str(folder))
    pipeline = pipeline or Pipeline()
    records, missing = {}, []
    for stem in ids:
        found = sorted(p for p in folder.glob(f"{stem}.*") if p.is_file())
        if not found:
            missing.append(stem)
            continue
        path = found[0]
        records[stem] = pipeline.analyze(path.read_text(encoding="utf-8"), path=str(path)).to_dict()
    return records, missing


# -- scoring ---------------------------------------------------------------------------------

def _set_score(score: Score, predicted: Iterable[str], expected: Iterable[str]) -> None:
    pred = {normalise(p) for p in predicted if p}
    gold = {normalise(g) for g in expected if g}
    pred.discard("")
    gold.discard("")
    score.add(len(pred & gold), len(pred - gold), len(gold - pred))


def _quote_match(a: str, b: str) -> bool:
    a, b = normalise(a), normalise(b)
    if not a or not b:
        return False
    if a == b or (len(a) > 20 and a in b) or (len(b) > 20 and b in a):
        return True
    wa, wb = set(a.split()), set(b.split())
    return len(wa & wb) / max(len(wa | wb), 1) >= 0.8


def _score_quotes(quotes: Score, speakers: Score, record: dict, gold: dict) -> None:
    # the references list direct quotes; reported speech (direct: false) is scored where a reference lists it
    expected = list(gold.get("quotes", []))
    scored_direct = {bool(q.get("direct", True)) for q in expected} or {True}
    predicted = [q for q in record.get("quotes", []) if bool(q.get("direct", True)) in scored_direct]
    used_text, used_speaker = set(), set()
    for item in expected:
        hit = next((i for i, q in enumerate(predicted) if i not in used_text and _quote_match(q["text"], item["text"])), None)
        if hit is not None:
            used_text.add(hit)
            if normalise(predicted[hit].get("speaker")) == normalise(item.get("speaker")):
                used_speaker.add(hit)
    quotes.add(len(used_text), len(predicted) - len(used_text), len(expected) - len(used_text))
    speakers.add(len(used_speaker), len(predicted) - len(used_speaker), len(expected) - len(used_speaker))


def _score_dateline(score: Score, record: dict, gold: dict) -> None:
    predicted, expected = record.get("dateline"), gold.get("dateline")
    if expected is None:
        score.add(0, 1 if predicted else 0, 0)
        return
    if predicted is None:
        score.add(0, 0, 1)
        return
    same = normalise(predicted.get("place")) == normalise(expected.get("place")) and \
        (expected.get("date") is None or predicted.get("date") == expected.get("date"))
    score.add(1 if same else 0, 0 if same else 1, 0 if same else 1)


def _side(name: str | None, country: str | None, actor: dict | None) -> bool:
    if not actor:
        return name is None and country is None
    if name and normalise(actor.get("name")) == normalise(name):
        return True
    return bool(country) and actor.get("country") == country


def _event_matches(event: dict, reference: dict) -> bool:
    code, ref_code = str(event.get("cameo", "")), str(reference.get("cameo", ""))
    return (code[:2] == ref_code[:2]
            and _side(reference.get("source"), reference.get("source_country"), event.get("source"))
            and _side(reference.get("target"), reference.get("target_country"), event.get("target")))


def _score_article_events(score: EventScore, article: str, record: dict, gold: dict) -> None:
    predicted = [e for e in record.get("events", []) if not e.get("negated")]
    expected = list(gold.get("events", []))
    used: set[int] = set()
    for reference in expected:
        candidates = [i for i, e in enumerate(predicted) if i not in used and _event_matches(e, reference)]
        ref_code = str(reference.get("cameo", ""))
        exact = [i for i in candidates if str(predicted[i]["cameo"])[:3] == ref_code[:3]]
        hit = (exact or candidates or [None])[0]
        if hit is None:
            score.add(0, 0, 1)
            score.errors.append({"article": article, "missed": reference})
            continue
        used.add(hit)
        score.add(1, 0, 0)
        event = predicted[hit]
        if len(ref_code) < 3 or str(event["cameo"])[:3] == ref_code[:3]:
            score.cameo3_correct += 1
        if event.get("date") == reference.get("date"):
            score.date_correct += 1
        else:
            score.errors.append({"article": article, "date": event.get("date"), "expected": reference.get("date"),
                                 "cameo": event["cameo"]})
    for i, event in enumerate(predicted):
        if i not in used:
            score.add(0, 1, 0)
            score.errors.append({"article": article, "extra": {
                "cameo": event["cameo"], "source": (event.get("source") or {}).get("name"),
                "target": (event.get("target") or {}).get("name")}})


def score_events(records: dict[str, dict], gold: dict[str, dict]) -> EventScore:
    score = EventScore("events")
    for article, reference in gold.items():
        if article in records:
            _score_article_events(score, article, records[article], reference)
    return score


def evaluate_records(records: dict[str, dict], gold: dict[str, dict]) -> Report:
    """Scores of every layer for the records that have a reference file."""
    layers = {name: Score(name) for name in ("persons", "countries", "credits", "quotes", "quote speakers", "dateline")}
    for article, reference in gold.items():
        record = records.get(article)
        if record is None:
            continue
        entities = record.get("entities", [])
        _set_score(layers["persons"], (e.get("canonical") or e["text"] for e in entities if e["kind"] == "person"),
                   reference.get("persons", []))
        _set_score(layers["countries"], (e.get("country") for e in entities if e["kind"] == "country"),
                   reference.get("countries", []))
        _set_score(layers["credits"], (c["name"] for c in record.get("credits", [])), reference.get("credits", []))
        _score_quotes(layers["quotes"], layers["quote speakers"], record, reference)
        _score_dateline(layers["dateline"], record, reference)
    layers["events"] = score_events(records, gold)
    return Report(articles=sum(1 for a in gold if a in records), layers=layers)


def evaluate_dirs(gold_dir: str | Path, articles_dir: str | Path, pipeline=None) -> Report:
    gold = load_gold(gold_dir)
    records, missing = analyze_dir(articles_dir, gold, pipeline)
    report = evaluate_records(records, gold)
    report.missing = missing
    return report


# -- PLOVER gold-standard records -------------------------------------------------------------

@dataclass
class PloverScore:
    records: int = 0
    coded: int = 0  # records where the coder found any event
    correct: int = 0  # first event's category is the reference category
    any_correct: int = 0  # some event has the reference category
    full: int = 0  # some event has the reference category and both reference actors
    by_category: dict[str, list[int]] = field(default_factory=dict)  # category → [correct, total]
    errors: list[dict] = field(default_factory=list)  # records without a full match (with ``errors``)

    @property
    def accuracy(self) -> float:
        return self.correct / self.records if self.records else 0.0

    @property
    def coded_accuracy(self) -> float:
        return self.correct / self.coded if self.coded else 0.0

    @property
    def full_match(self) -> float:
        return self.full / self.records if self.records else 0.0

    @property
    def no_event(self) -> float:
        return 1 - self.coded / self.records if self.records else 0.0

    def to_dict(self) -> dict:
        return {**asdict(self), "accuracy": round(self.accuracy, 4), "coded_accuracy": round(self.coded_accuracy, 4),
                "full_match": round(self.full_match, 4), "no_event": round(self.no_event, 4)}


def _plover_actors(value) -> list[dict]:
    return [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []


def _plover_side(actor: dict | None, references: list[dict]) -> bool:
    """A coded actor is a reference actor when the reference's code (a country's
    ISO/CAMEO code, or IGO, NGO…) opens the actor's code or is its country, or
    the reference's words name it."""
    if actor is None:
        return False
    code, country = (actor.get("code") or "").upper(), (actor.get("country") or "").upper()
    name = normalise(actor.get("name"))
    for reference in references:
        ref_code = (reference.get("code") or "").upper()
        if ref_code and ref_code != "***" and (code.startswith(ref_code) or country == ref_code):
            return True
        text = normalise(reference.get("actorText"))
        if text and name and (text == name or f" {text} " in f" {name} " or f" {name} " in f" {text} "):
            return True
    return False


def plover_full_match(event: dict, item: dict, category: str, legacy: dict) -> bool:
    """The event has the record's category and both its actors. A record whose
    source lists two actors and no target (a compound: "Hungarian and Romanian
    officials agreed") is matched by an event between any two of them; a record
    with no target otherwise checks the source alone."""
    if legacy.get(event.get("plover"), event.get("plover")) != category:
        return False
    sources, targets = _plover_actors(item.get("source")), _plover_actors(item.get("target"))
    source, target = event.get("source"), event.get("target")
    if not targets and len(sources) >= 2:
        return any(_plover_side(source, [a]) and _plover_side(target, [b])
                   for a in sources for b in sources if a is not b)
    if not _plover_side(source, sources):
        return False
    return not targets or _plover_side(target, targets)


def score_plover(path: str | Path, pipeline=None, limit: int | None = None, errors: bool = False) -> PloverScore:
    """Code each PLOVER gold-standard record's text and compare event categories
    (first event) and full matches (category and both actors, any event)."""
    from .resources.ontology import load_ontology
    from .pipeline import Pipeline

    source = Path(path)
    try:
        items = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise InputError("E204", Errors.E204.format(reason=error), source=str(source)) from None
    if not isinstance(items, list):
        raise InputError("E204", Errors.E204.format(reason="not a JSON list"), source=str(source))
    legacy = load_ontology().plover.get("legacy_categories", {})
    pipeline = pipeline or Pipeline()
    score = PloverScore()
    for item in items[:limit] if limit else items:
        text, category = item.get("text"), item.get("event")
        if not text or not category or category == "DOCUMENT":
            continue
        expected = legacy.get(category, category)
        record = pipeline.analyze(text, title="", language=item.get("language") or "en")
        coded = [e.model_dump() for e in record.events if e.plover and not e.negated]
        found = [legacy.get(e["plover"], e["plover"]) for e in coded]
        score.records += 1
        tally = score.by_category.setdefault(expected, [0, 0])
        tally[1] += 1
        if found:
            score.coded += 1
        if found and found[0] == expected:
            score.correct += 1
            tally[0] += 1
        if expected in found:
            score.any_correct += 1
        if any(plover_full_match(e, item, expected, legacy) for e in coded):
            score.full += 1
        elif errors:
            score.errors.append({"id": item.get("id"), "text": text, "expected": expected, "coded": [
                {"plover": e["plover"], "cameo": e["cameo"], "source": (e["source"] or {}).get("code"),
                 "target": (e.get("target") or {}).get("code")} for e in coded]})
    return score
