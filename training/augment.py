"""Training-time augmenter: some sentences upper-cased, as in all-caps headlines and datelines."""
from __future__ import annotations

import random

import spacy
from spacy.training import Example

__all__ = ["upper_case_augmenter", "TimeUp"]


@spacy.registry.augmenters("dispacci.upper_case_sentences.v1")
def create_upper_case_augmenter(level: float):
    """Upper-case one sentence (or the whole doc, if it has no sentence marks) of a share `level` of docs."""
    return lambda nlp, example: upper_case_augmenter(nlp, example, level=level)


def upper_case_augmenter(nlp, example: Example, *, level: float):
    yield example
    if random.random() >= level:
        return
    reference = example.reference
    sents = list(reference.sents) if reference.has_annotation("SENT_START") else [reference[:]]
    sent = random.choice(sents)
    words = [t.text.upper() if sent.start <= t.i < sent.end and len(t.text.upper()) == len(t.text) else t.text
             for t in reference]
    example_dict = example.to_dict()
    example_dict["token_annotation"]["ORTH"] = words
    text = "".join(w + t.whitespace_ for w, t in zip(words, reference))
    augmented = Example.from_dict(nlp.make_doc(text), example_dict)
    if not reference.has_annotation("ENT_IOB"):  # from_dict turns missing entities into O: undo
        augmented.reference.set_ents([], default="missing")
    yield augmented


class TimeUp(Exception):
    """Raised before an update once the training budget is spent; model-best is already on disk."""


@spacy.registry.callbacks("dispacci.time_limit.v1")
def create_time_limit(minutes: float):
    """Stop training after `minutes` of wall time, so a run fits its budget on a shared machine."""
    import time
    deadline = time.time() + minutes * 60

    def before_update(nlp, args):
        if time.time() > deadline:
            raise TimeUp(f"time limit of {minutes} minutes reached at step {args['step']}")
    return before_update
