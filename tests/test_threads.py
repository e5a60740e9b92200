"""One pipeline shared by threads gives every article the record it gets alone.

Components keep no document's state on themselves: each call reads its own
document into local state. Four threads run the development articles, each in
its own order, through one ``Pipeline`` at once; every record must equal the
sequential one byte for byte.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from .conftest import FOUNDING, NEWS, news_ids

THREADS = 4


def _texts() -> list[str]:
    return [FOUNDING.read_text(encoding="utf-8"),
            *((NEWS / "articles" / f"{stem}.txt").read_text(encoding="utf-8") for stem in news_ids())]


def test_four_threads_on_one_pipeline_give_the_sequential_records(pipeline):
    texts = _texts()
    sequential = [pipeline.analyze(text).to_json() for text in texts]

    def run(shift: int) -> dict[int, str]:
        order = [*range(shift, len(texts)), *range(shift)]  # each thread starts elsewhere
        return {i: pipeline.analyze(texts[i]).to_json() for i in order * 2}

    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(run, [k * len(texts) // THREADS for k in range(THREADS)]))
    for result in results:
        assert [result[i] for i in range(len(texts))] == sequential
