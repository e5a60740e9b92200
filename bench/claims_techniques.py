"""Claims and techniques on the founding example, and what the two layers cost per article.

Prints, for the founding example, the reference claims found (by claimant, and by span
overlap where the reference gives one) and the loaded phrases found (exact spans); then
the claims and techniques of each development article and the milliseconds per article
of each component, timed over the annotated docs.

    python bench/claims_techniques.py [--repeat 5]
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from dispacci import Pipeline

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "examples"
FOUNDING = SHARED / "putin-tokayev-call.it.txt"
NEWS = SHARED / "news" / "articles"


def founding(pipeline: Pipeline) -> None:
    record = pipeline.analyze(FOUNDING.read_text(encoding="utf-8"))
    expected = json.loads(FOUNDING.with_suffix(".expected.json").read_text(encoding="utf-8"))
    claimants = {c.claimant for c in record.claims}
    wanted = expected["attributed_claims"]
    print(f"founding claims: {sum(w['claimant'] in claimants for w in wanted)}/{len(wanted)} reference claimants "
          f"found; {len(record.claims)} claims in all")
    for claim in record.claims:
        print(f"  {claim.claimant} [{claim.cue}] {claim.start}-{claim.end}: {claim.summary}")
    spans = {(t.start, t.end) for t in record.techniques}
    loaded = expected["loaded_language"]
    print(f"founding loaded phrases: {sum((x['start'], x['end']) in spans for x in loaded)}/{len(loaded)}; "
          f"{len(record.techniques)} technique spans in all")


def cost(pipeline: Pipeline, repeat: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(NEWS.glob("*.txt"))]
    totals = {"dispacci_claims": 0.0, "dispacci_techniques": 0.0}
    counts = {"claims": 0, "techniques": 0}
    for text in texts:
        record = pipeline.analyze(text)
        counts["claims"] += len(record.claims)
        counts["techniques"] += len(record.techniques)
        nlp = pipeline.nlp(record.language)
        doc = None
        for _ in range(repeat):
            from dispacci.annotate.doc import DocContext, start_doc
            from dispacci.ingest.readers import read_text
            from dispacci.tokens import make_doc

            article = read_text(text, source="bench")
            doc = make_doc(nlp, article.text)
            start_doc(doc, DocContext(article=article, language=record.language))
            for name, component in nlp.pipeline:
                began = time.perf_counter()
                doc = component(doc)
                if name in totals:
                    totals[name] += time.perf_counter() - began
    runs = len(texts) * repeat
    print(f"development articles: {len(texts)}, {counts['claims']} claims, {counts['techniques']} technique spans")
    for name, seconds in totals.items():
        print(f"{name}: {1000 * seconds / runs:.2f} ms per article")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    pipeline = Pipeline()
    founding(pipeline)
    cost(pipeline, args.repeat)


if __name__ == "__main__":
    main()
