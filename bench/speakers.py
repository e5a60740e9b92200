"""Speaker attribution measured on German Wikinews speaker-attribution gold (SpkAtt-2023, train split).

Each document is rebuilt from its tokens (spaces restored as a reader would expect them:
none inside quotation marks or before punctuation) and run through the pipeline up to the
quotes layer. Prints, for the top-level annotations (``IsNested`` false):

- direct quotes: precision/recall/F1 of predicted direct quotes against gold ``Direct``
  messages (a match shares at least half the word tokens of the longer of the two; quotation
  marks are not words, else a one-word quote, „fahrlässig“, could never match its gold);
- indirect speech: how many gold ``Indirect`` messages a predicted ``direct: false`` quote
  matches, and how many indirect quotes are predicted;
- named speakers: on matched quotes whose gold source contains a proper noun, how often the
  predicted speaker shares a name word with the gold source, or is an entity mentioned inside
  it (speakers are canonical names: "Ärzte ohne Grenzen" is "Médecins Sans Frontières").

The split is fixed: documents sorted by file name, the last ``HELD_OUT`` are kept aside and
only read with ``--held-out`` (rules are developed on the others).

    python bench/speakers.py [--limit N] [--held-out] [--verbose]

Figures (2026-12-03, same backbone models; before = the parse rules of the first rewrite, after =
reported speech beyond the verb's clause, short quotes, titles, next sentence, aide relay), with
this scoring (quotation marks not words; a speaker also right when it is an entity mentioned in
the gold source): held-out 150 documents: direct-quote F1 0.847 → 0.883, named speakers right on
direct quotes 0.703 → 0.725 (all matched quotes 0.770 → 0.762, on 61 → 80 of them), indirect
speech P 0.733 → 0.712 / R 0.237 → 0.398. Development 550
documents: direct F1 0.817 → 0.830, named on direct quotes 0.717 → 0.753, indirect P 0.764 → 0.725
/ R 0.222 → 0.407.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import tarfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from dispacci import Pipeline
from dispacci.annotate.doc import DocContext, start_doc
from dispacci.ingest.article import Article
from dispacci.tokens import make_doc

DATA = Path(os.environ.get("DISPACCI_SHARED_DATA", Path(__file__).resolve().parents[1].parent / "shared" / "data"))
ARCHIVE = DATA / "quotes" / "spkatt2023-de" / "train-task2.tar.gz"
HELD_OUT = 150
_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "“", "»", "%", "…"}
_NO_SPACE_AFTER = {"(", "[", "„", "«"}
_MARKS = {'"', "„", "“", "”", "«", "»", "‚", "‘", "’", "‹", "›", "''", "``"}
_DATE = re.compile(r"\((\d{4}-\d{2}-\d{2})\)\s*$")


@dataclass
class Document:
    name: str
    title: str
    body: str
    offsets: dict[tuple[int, int], tuple[int, int]]  # (sentence, token) -> (start, end) in the article text
    annotations: list[dict]
    date: str | None = None
    marks: set[tuple[int, int]] = field(default_factory=set)  # quotation-mark tokens: not words of a message


@dataclass
class Tally:
    direct_gold: int = 0
    direct_pred: int = 0
    direct_tp: int = 0
    indirect_gold: int = 0
    indirect_pred: int = 0
    indirect_tp: int = 0
    named: int = 0
    named_ok: int = 0
    named_direct: int = 0
    named_direct_ok: int = 0
    misses: list[str] = field(default_factory=list)


def documents(held_out: bool) -> list[Document]:
    with tarfile.open(ARCHIVE) as archive:
        members = sorted((m for m in archive.getmembers() if m.isfile() and m.name.endswith(".json")),
                         key=lambda m: m.name)
        chosen = members[-HELD_OUT:] if held_out else members[:-HELD_OUT]
        return [_document(json.load(archive.extractfile(m))) for m in chosen]


def _document(data: dict) -> Document:
    name = data["DocumentName"]
    date = _DATE.search(name)
    title = _DATE.sub("", name.split(" - ", 1)[-1]).strip()
    prefix = len(title) + 2  # Article.from_parts: title, blank line, body
    pieces: list[str] = []
    offsets = {}
    cursor = 0
    straight_open = False
    for sentence in data["Sentences"]:
        sid = sentence["SentenceId"]
        for tid, token in enumerate(sentence["Tokens"]):
            glue = not pieces or token in _NO_SPACE_BEFORE or pieces[-1] in _NO_SPACE_AFTER
            if token == '"':
                glue = not pieces or straight_open
                straight_open = not straight_open
            elif pieces and pieces[-1] == '"' and straight_open:
                glue = True
            if not glue:
                pieces.append(" ")
                cursor += 1
            offsets[(sid, tid)] = (prefix + cursor, prefix + cursor + len(token))
            pieces.append(token)
            cursor += len(token)
    marks = {(sentence["SentenceId"], tid) for sentence in data["Sentences"]
             for tid, token in enumerate(sentence["Tokens"]) if token in _MARKS}
    return Document(name, title, "".join(pieces), offsets, [a for a in data["Annotations"] if not a["IsNested"]],
                    date.group(1) if date else None, marks)


def _positions(doc: Document, refs: list[str]) -> set[int]:
    found = set()
    for ref in refs:
        s, t = (int(x) for x in ref.split(":"))
        if (s, t) in doc.offsets and (s, t) not in doc.marks:
            found.add(doc.offsets[(s, t)][0])
    return found


def _token_starts(doc: Document, start: int, end: int) -> set[int]:
    return {a for key, (a, b) in doc.offsets.items() if start <= a < end and key not in doc.marks}


def _same(a: set[int], b: set[int]) -> bool:
    return bool(a and b) and len(a & b) >= 0.5 * max(len(a), len(b))


def _name_words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"\w[\w'-]+", text) if w[0].isupper() and len(w) > 2}


def score(pipeline: Pipeline, doc: Document, tally: Tally, verbose: bool) -> None:
    nlp = pipeline.nlp("de")
    article = Article.from_parts(doc.title, doc.body, language="de", published=doc.date)
    sdoc = make_doc(nlp, article.text)
    start_doc(sdoc, DocContext(article=article, language="de"))
    for name, component in nlp.pipeline:
        if name == "dispacci_events":
            break
        sdoc = component(sdoc)
    text = article.text
    proper = {t.idx for t in sdoc if t.pos_ == "PROPN"}
    predicted = [(q, _token_starts(doc, q.start, q.end)) for q in sdoc._.quotes]
    mentions: dict[str, set[int]] = {}  # an entity's canonical name -> where it is mentioned
    for entity in sdoc._.entities or []:
        mentions.setdefault(entity.canonical or entity.text, set()).update(_token_starts(doc, entity.start, entity.end))
    for direct in (True, False):
        forms = ("Direct",) if direct else ("Indirect",)
        gold = [a for a in doc.annotations if a["Form"] in forms]
        pred = [(q, toks) for q, toks in predicted if q.direct == direct]
        if direct:  # a quoted fragment inside a gold indirect message is part of that message, not a miss
            indirect = [_positions(doc, a["Message"]) for a in doc.annotations if a["Form"] != "Direct"]
            pred = [(q, toks) for q, toks in pred if not any(toks and toks <= m for m in indirect)
                    or any(_same(_positions(doc, a["Message"]), toks) for a in gold)]
        used: set[int] = set()
        for annotation in gold:
            message = _positions(doc, annotation["Message"])
            hit = next((i for i, (q, toks) in enumerate(pred) if i not in used and _same(message, toks)), None)
            if hit is None:
                if verbose:
                    kind = "MISSED" if direct else "MISSED-INDIRECT"
                    tally.misses.append(f"{kind} {doc.name[:30]}: {_text(text, doc, annotation['Cue'])!r} "
                                        f"{_text(text, doc, annotation['Message'])[:80]}")
                continue
            used.add(hit)
            if direct:
                tally.direct_tp += 1
            else:
                tally.indirect_tp += 1
            source = _positions(doc, annotation["Source"])
            if source & proper:
                tally.named += 1
                gold_source = _text(text, doc, annotation["Source"])
                speaker = pred[hit][0].speaker or ""
                right = bool(_name_words(speaker) & _name_words(gold_source)) or \
                    bool(mentions.get(speaker, set()) & source)  # "Ärzte ohne Grenzen" read as "Médecins Sans Frontières"
                tally.named_direct += direct
                tally.named_direct_ok += direct and right
                if right:
                    tally.named_ok += 1
                elif verbose:
                    tally.misses.append(f"SPEAKER {doc.name[:30]}: {speaker!r} for {gold_source!r}: "
                                        f"{pred[hit][0].text[:50]!r}")
        if verbose:
            for i, (q, _) in enumerate(pred):
                if i not in used:
                    kind = "EXTRA" if direct else "EXTRA-INDIRECT"
                    tally.misses.append(f"{kind} {doc.name[:30]}: {q.cue!r} {q.text[:80]!r} ({q.speaker})")
        if direct:
            tally.direct_gold += len(gold)
            tally.direct_pred += len(pred)
        else:
            tally.indirect_gold += len(gold)
            tally.indirect_pred += len(pred)


def _text(text: str, doc: Document, refs: list[str]) -> str:
    spans = sorted(doc.offsets[tuple(int(x) for x in r.split(":"))] for r in refs
                   if tuple(int(x) for x in r.split(":")) in doc.offsets)
    return " ".join(text[a:b] for a, b in spans)


def prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held-out", action="store_true", help=f"score the last {HELD_OUT} documents instead")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents of the split")
    parser.add_argument("--verbose", action="store_true", help="list misses")
    args = parser.parse_args()
    docs = documents(args.held_out)
    if args.limit:
        docs = docs[:args.limit]
    pipeline = Pipeline()
    tally = Tally()
    clock = time.perf_counter()
    for doc in docs:
        score(pipeline, doc, tally, args.verbose)
    seconds = time.perf_counter() - clock
    for line in tally.misses:
        print(line)
    split = "held-out" if args.held_out else "development"
    print(f"SpkAtt-2023 train, {split} split: {len(docs)} documents, {seconds:.0f} s")
    p, r, f = prf(tally.direct_tp, tally.direct_pred, tally.direct_gold)
    print(f"direct quotes: P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
          f"({tally.direct_tp} matched, {tally.direct_pred} predicted, {tally.direct_gold} gold)")
    p, r, f = prf(tally.indirect_tp, tally.indirect_pred, tally.indirect_gold)
    print(f"indirect speech: P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
          f"({tally.indirect_tp} matched, {tally.indirect_pred} predicted, {tally.indirect_gold} gold)")
    accuracy = tally.named_ok / tally.named if tally.named else 0.0
    print(f"named speakers right on matched quotes: {accuracy:.3f} ({tally.named_ok}/{tally.named})")
    accuracy = tally.named_direct_ok / tally.named_direct if tally.named_direct else 0.0
    print(f"  of which direct quotes: {accuracy:.3f} ({tally.named_direct_ok}/{tally.named_direct})")


if __name__ == "__main__":
    main()
