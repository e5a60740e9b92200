"""Quotes and credits measured on the founding example and the development articles.

Prints direct-quote precision/recall/F1 (a predicted quote matches a reference
quote when their words overlap by at least half), speaker accuracy on the
matched quotes, credit precision/recall/F1 by canonical name, and what the
two layers cost per article next to spaCy's bare tokenisation. ``--own`` measures
credits alone on the project's own made-up articles in six languages
(``tests/annotate/credits_articles.yaml``), which no rule was written on.

    python bench/quotes_credits.py [--repeat 20] [--own]
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import yaml

from dispacci import Pipeline
from dispacci.annotate.doc import DocContext, start_doc
from dispacci.ingest.readers import read_text

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "examples"
FOUNDING = SHARED / "putin-tokayev-call.it.txt"
NEWS = SHARED / "news"
OWN = Path(__file__).resolve().parents[1] / "tests" / "annotate" / "credits_articles.yaml"


def cases() -> list[tuple[str, str, dict]]:
    """(name, text, reference) for the founding example and every development article."""
    found = [("founding", FOUNDING.read_text(encoding="utf-8"),
              json.loads(FOUNDING.with_suffix(".expected.json").read_text(encoding="utf-8")))]
    for path in sorted((NEWS / "articles").glob("*.txt")):
        gold = json.loads((NEWS / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
        found.append((path.stem, path.read_text(encoding="utf-8"), gold))
    return found


def own_articles() -> list[dict]:
    """The made-up articles with their reference credits."""
    return yaml.safe_load(OWN.read_text(encoding="utf-8"))["articles"]


def own_credits(pipeline: Pipeline, verbose: bool) -> None:
    """Credits P/R/F1 on the own articles, per language, for the articles the rules were
    developed beside (``dev``) and for those written after them (``heldout``)."""
    by_lang: dict[str, list[int]] = {}
    by_split: dict[str, list[int]] = {}
    for article in own_articles():
        record = pipeline.analyze(article["text"], title=article["title"], language=article["lang"])
        got = {c.name for c in record.credits if c.role != "publisher"}
        want = set(article["credits"])
        for counts in (by_lang.setdefault(article["lang"], [0, 0, 0]),
                       by_split.setdefault(article.get("split", "dev"), [0, 0, 0])):
            counts[0] += len(got & want)
            counts[1] += len(got)
            counts[2] += len(want)
        if verbose:
            for extra in sorted(got - want):
                print(f"{article['id']}: extra credit {extra!r}")
            for missed in sorted(want - got):
                print(f"{article['id']}: missed credit {missed!r}")
    total = [sum(c[i] for c in by_lang.values()) for i in range(3)]
    for lang, (tp, pred, ref) in [*sorted(by_lang.items()), *sorted(by_split.items()), ("all", total)]:
        p, r, f = prf(tp, pred, ref)
        print(f"own credits {lang:7s}: P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({tp} right, {pred} predicted, {ref} reference)")


def _words(text: str) -> list[str]:
    return text.casefold().split()


def overlap(a: str, b: str) -> float:
    """Shared words over the longer quote's words."""
    left, right = _words(a), _words(b)
    if not left or not right:
        return 0.0
    pool = list(right)
    shared = 0
    for word in left:
        if word in pool:
            pool.remove(word)
            shared += 1
    return shared / max(len(left), len(right))


def match_quotes(predicted: list[dict], reference: list[dict]) -> list[tuple[dict, dict]]:
    """Greedy one-to-one matching, best overlaps first."""
    pairs = sorted(((overlap(p["text"], r["text"]), i, j) for i, p in enumerate(predicted)
                    for j, r in enumerate(reference)), reverse=True)
    used_p, used_r, matched = set(), set(), []
    for score, i, j in pairs:
        if score < 0.5 or i in used_p or j in used_r:
            continue
        used_p.add(i)
        used_r.add(j)
        matched.append((predicted[i], reference[j]))
    return matched


def prf(true_positive: int, predicted: int, reference: int) -> tuple[float, float, float]:
    precision = true_positive / predicted if predicted else 1.0
    recall = true_positive / reference if reference else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def timing(pipeline: Pipeline, texts: list[str], repeat: int) -> dict[str, float]:
    """Milliseconds per article for each component, and for bare tokenisation."""
    totals: dict[str, float] = {}
    for _ in range(repeat):
        for text in texts:
            article = read_text(text, source="bench")
            lang, _ = pipeline._language(article)
            nlp = pipeline.nlp(lang)
            clock = time.perf_counter()
            doc = nlp.make_doc(article.text)
            totals["tokenise"] = totals.get("tokenise", 0.0) + time.perf_counter() - clock
            start_doc(doc, DocContext(article=article, language=lang))
            for name, component in nlp.pipeline:
                clock = time.perf_counter()
                doc = component(doc)
                totals[name] = totals.get(name, 0.0) + time.perf_counter() - clock
    runs = repeat * len(texts)
    return {name: 1000 * seconds / runs for name, seconds in totals.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="timing runs over the articles")
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    parser.add_argument("--own", action="store_true", help="credits on the project's own made-up articles only")
    args = parser.parse_args()
    pipeline = Pipeline()
    if args.own:
        own_credits(pipeline, args.verbose)
        return
    q_tp = q_pred = q_ref = speaker_ok = 0
    c_tp = c_pred = c_ref = 0
    for name, text, reference in cases():
        record = pipeline.analyze(text)
        predicted = [{"text": q.text, "speaker": q.speaker} for q in record.quotes if q.direct]
        gold_quotes = reference.get("quotes", [])
        matched = match_quotes(predicted, gold_quotes)
        q_tp, q_pred, q_ref = q_tp + len(matched), q_pred + len(predicted), q_ref + len(gold_quotes)
        speaker_ok += sum(p["speaker"] == r["speaker"] for p, r in matched)
        got = {c.name for c in record.credits if c.role != "publisher"}
        want = {c if isinstance(c, str) else c["name"] for c in reference.get("credits", [])}
        c_tp, c_pred, c_ref = c_tp + len(got & want), c_pred + len(got), c_ref + len(want)
        if args.verbose:
            for p, r in matched:
                if p["speaker"] != r["speaker"]:
                    print(f"{name}: speaker {p['speaker']!r} for {r['speaker']!r}: {r['text'][:60]!r}")
            hit_p = {id(p) for p, _ in matched}
            hit_r = {id(r) for _, r in matched}
            for p in predicted:
                if id(p) not in hit_p:
                    print(f"{name}: extra quote {p['text'][:70]!r}")
            for r in gold_quotes:
                if id(r) not in hit_r:
                    print(f"{name}: missed quote {r['text'][:70]!r}")
            for extra in sorted(got - want):
                print(f"{name}: extra credit {extra!r}")
            for missed in sorted(want - got):
                print(f"{name}: missed credit {missed!r}")
    articles = len(cases())
    p, r, f = prf(q_tp, q_pred, q_ref)
    print(f"articles: {articles} (founding example + development set)")
    print(f"direct quotes: P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({q_tp} matched, {q_pred} predicted, {q_ref} reference)")
    print(f"speaker accuracy on matched quotes: {speaker_ok / q_tp if q_tp else 0:.3f} ({speaker_ok}/{q_tp})")
    p, r, f = prf(c_tp, c_pred, c_ref)
    print(f"credits: P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({c_tp} right, {c_pred} predicted, {c_ref} reference)")
    costs = timing(pipeline, [text for _, text, _ in cases()], args.repeat)
    print(f"cost per article, ms (mean of {args.repeat} runs over {articles} articles):")
    for component, ms in costs.items():
        print(f"  {component:22s} {ms:7.3f}")
    layers = costs.get("dispacci_credits", 0.0) + costs.get("dispacci_quotes", 0.0)
    print(f"  credits + quotes = {layers:.3f} ms = {layers / costs['tokenise']:.2f}x tokenisation")


if __name__ == "__main__":
    main()
