"""Read the shared UD and NER files into spaCy Docs, one job per format.

UD docs carry syntax, morphology and lemmas and leave entities unset (ent_iob 0 = missing);
NER docs carry entities and leave syntax unset, so each corpus only teaches what it annotates.
"""
from __future__ import annotations

import gzip
from pathlib import Path
from typing import Iterator

from spacy.tokens import Doc
from spacy.vocab import Vocab

__all__ = ["read_conllu", "read_ner_columns", "read_germeval", "NER_LABELS"]

NER_LABELS = ("PER", "LOC", "ORG", "MISC")
# GermEval's OTH is CoNLL's MISC; "deutsche" (LOCderiv) is MISC in CoNLL too; "EU-Staaten" (LOCpart)
# is not itself a name, so parts become O.
_LABEL_MAP = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC", "OTH": "MISC",
              "GPE": "LOC", "PERderiv": "MISC", "LOCderiv": "MISC", "ORGderiv": "MISC", "OTHderiv": "MISC"}


def _open(path: Path):
    return gzip.open(path, "rt", encoding="utf8") if path.suffix == ".gz" else open(path, encoding="utf8")


def _sentences(path: Path) -> Iterator[list[list[str]]]:
    rows: list[list[str]] = []
    with _open(path) as lines:
        for line in lines:
            line = line.rstrip("\n")
            if not line.strip():
                if rows:
                    yield rows
                rows = []
            elif not line.startswith("#"):  # comments, and GermEval's source-URL lines
                rows.append(line.split("\t"))
    if rows:
        yield rows


def _conllu_sentence(rows: list[list[str]]) -> dict:
    """Surface tokens of one UD sentence; a multiword token takes the annotation of its word that
    attaches outside it (the preposition of 'del' = 'di il', the verb of 'dárselo')."""
    words = [r for r in rows if r[0].isdigit()]
    ranges = {int(r[0].split("-")[0]): r for r in rows if "-" in r[0]}
    tokens, word_to_token, i = [], {}, 0
    while i < len(words):
        wid = int(words[i][0])
        if wid in ranges:
            start, end = (int(x) for x in ranges[wid][0].split("-"))
            parts = [w for w in words if start <= int(w[0]) <= end]
            outside = [w for w in parts if not (start <= int(w[6]) <= end)] or parts
            tokens.append((ranges[wid][1], outside[0], ranges[wid][9]))
            for w in parts:
                word_to_token[int(w[0])] = len(tokens) - 1
            i += len(parts)
        else:
            tokens.append((words[i][1], words[i], words[i][9]))
            word_to_token[wid] = len(tokens) - 1
            i += 1
    out = {"words": [], "spaces": [], "pos": [], "morphs": [], "lemmas": [], "heads": [], "deps": []}
    for n, (form, word, misc) in enumerate(tokens):
        head = int(word[6])
        out["words"].append(form)
        out["spaces"].append("SpaceAfter=No" not in misc)
        out["pos"].append(word[3])
        out["morphs"].append("" if word[5] == "_" else word[5])
        out["lemmas"].append(word[2] if word[2] != "_" else form)
        out["heads"].append(n if head == 0 else word_to_token[head])
        out["deps"].append("ROOT" if head == 0 else word[7])
    return out


def read_conllu(path: Path, vocab: Vocab, per_doc: int = 8) -> Iterator[Doc]:
    """UD sentences grouped `per_doc` to a Doc, so sentence boundaries are learnt too."""
    batch: list[dict] = []
    for rows in _sentences(path):
        batch.append(_conllu_sentence(rows))
        if len(batch) == per_doc:
            yield _ud_doc(batch, vocab)
            batch = []
    if batch:
        yield _ud_doc(batch, vocab)


def _ud_doc(sentences: list[dict], vocab: Vocab) -> Doc:
    merged = {k: [] for k in sentences[0]}
    sent_starts = []
    for sent in sentences:
        offset = len(merged["words"])
        sent["spaces"][-1] = True
        for key, values in sent.items():
            merged[key].extend(h + offset for h in values) if key == "heads" else merged[key].extend(values)
        sent_starts.extend([True] + [False] * (len(sent["words"]) - 1))
    merged["spaces"][-1] = False
    return Doc(vocab, **merged, sent_starts=sent_starts)


def _iob(tag: str) -> str:
    if tag in ("O", "", "_"):
        return "O"
    prefix, _, label = tag.partition("-")
    if not label:  # KIND's IO tags: a run of one label is one entity
        prefix, label = "I", tag
    mapped = _LABEL_MAP.get(label)
    return f"{prefix}-{mapped}" if mapped and prefix in ("B", "I") else "O"


def _fix_iob(tags: list[str]) -> list[str]:
    """An I- whose label changed after mapping starts a new entity."""
    fixed, prev = [], "O"
    for tag in tags:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        fixed.append(tag)
        prev = tag
    return fixed


def _ner_doc(sentences: list[tuple[list[str], list[str]]], vocab: Vocab) -> Doc:
    words = [w for ws, _ in sentences for w in ws]
    tags = [t for _, ts in sentences for t in _fix_iob(ts)]
    return Doc(vocab, words=words, ents=tags)


def _grouped(sentences, vocab: Vocab, per_doc: int) -> Iterator[Doc]:
    batch = []
    for sent in sentences:
        batch.append(sent)
        if len(batch) == per_doc:
            yield _ner_doc(batch, vocab)
            batch = []
    if batch:
        yield _ner_doc(batch, vocab)


def read_ner_columns(path: Path, vocab: Vocab, per_doc: int = 4) -> Iterator[Doc]:
    """WikiNEuRal (index, token, tag) and KIND (token, tag): token in the second-to-last column."""
    sentences = (([r[-2] for r in rows], [_iob(r[-1]) for r in rows]) for rows in _sentences(path))
    yield from _grouped(((w, t) for w, t in sentences if w), vocab, per_doc)


def read_germeval(path: Path, vocab: Vocab, per_doc: int = 4) -> Iterator[Doc]:
    """GermEval 2014 (index, token, outer tag, inner tag): the outer, coarse layer."""
    sentences = (([r[1] for r in rows], [_iob(r[2]) for r in rows]) for rows in _sentences(path))
    yield from _grouped(sentences, vocab, per_doc)
