"""Build benchmark corpora from the shared examples and WikiNEuRal sentences.

Used by the benchmark scripts; nothing here is shipped or committed as data.
Sentences are grouped into article-sized texts (a headline, then paragraphs of
two to four sentences), some opened with a dateline, so every annotator has
its usual work to do.
"""
from __future__ import annotations

import gzip
import random
import re
from pathlib import Path

__all__ = ["SHARED", "LANGUAGES", "wikineural_sentences", "synthetic_articles", "example_articles", "corpus"]

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
LANGUAGES = ("it", "en", "fr", "de", "es", "ru")
_DATELINES = {
    "it": ["ROMA, 3 marzo 2024 - ", "Mosca, 2 aprile 2022 – ", "Bruxelles, 15 giu. (askanews) - "],
    "en": ["WASHINGTON (Reuters) - ", "LONDON, May 4 (Reuters) - ", ""],
    "fr": ["PARIS, 24 février (Reuters) - ", ""],
    "de": ["BERLIN (dts Nachrichtenagentur) - ", ""],
    "es": ["Madrid, 9 mar (EFE).- ", ""],
    "ru": ["МОСКВА, 2 апреля. /ТАСС/. ", ""],
}
_SPACE_BEFORE = re.compile(r" ([.,;:!?)»”])")
_SPACE_AFTER = re.compile(r"([(«“]) ")


def _detokenise(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = _SPACE_BEFORE.sub(r"\1", text)
    text = _SPACE_AFTER.sub(r"\1", text)
    return text.replace("' ", "'")


def wikineural_sentences(lang: str, split: str = "val") -> list[str]:
    path = SHARED / "data" / "ner" / "wikineural" / lang / f"{split}.conllu.gz"
    sentences, tokens = [], []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line:
                if tokens:
                    sentences.append(_detokenise(tokens))
                    tokens = []
                continue
            parts = line.split("\t")
            if len(parts) >= 2:
                tokens.append(parts[1])
    if tokens:
        sentences.append(_detokenise(tokens))
    return sentences


def synthetic_articles(lang: str, count: int, seed: int = 7) -> list[str]:
    """``count`` plain-text articles of 12–24 sentences in ``lang``."""
    rng = random.Random(seed)
    pool = wikineural_sentences(lang)
    articles = []
    for _ in range(count):
        size = rng.randint(12, 24)
        start = rng.randrange(0, max(1, len(pool) - size))
        sentences = pool[start:start + size]
        title = sentences[0][:90].rstrip(" ,;:")
        paragraphs, cursor = [], 1
        while cursor < len(sentences):
            step = rng.randint(2, 4)
            paragraphs.append(" ".join(sentences[cursor:cursor + step]))
            cursor += step
        paragraphs[0] = rng.choice(_DATELINES[lang]) + paragraphs[0]
        articles.append(title + "\n\n" + "\n".join(paragraphs))
    return articles


def example_articles() -> list[tuple[str, str]]:
    """``(language hint, text)`` of the founding example and the dev articles."""
    paths = [SHARED / "examples" / "putin-tokayev-call.it.txt", *sorted((SHARED / "examples" / "news" / "articles").glob("*.txt"))]
    return [("", path.read_text(encoding="utf-8")) for path in paths]


def corpus(total: int = 2000, seed: int = 7) -> list[str]:
    """At least ``total`` texts: the real examples plus synthetic ones in six languages."""
    texts = [text for _, text in example_articles()]
    per_language = max(1, (total - len(texts)) // len(LANGUAGES) + 1)
    for lang in LANGUAGES:
        texts += synthetic_articles(lang, per_language, seed)
    random.Random(seed).shuffle(texts)
    return texts
