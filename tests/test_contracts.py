"""Every annotator declares what it reads and writes, and spaCy can check the order.

spaCy's ``requires``/``assigns`` are only as good as they are complete. These
tests watch each component run on real articles in several languages and
record every ``doc._`` extension it reads and writes: whatever it reads must be
declared (required, or its own assignment) and whatever it writes assigned.
Then ``nlp.analyze_pipes()`` proves every requirement is assigned upstream.
"""
from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.tokens.underscore import Underscore

from .conftest import FOUNDING, NEWS, news_ids

LANGUAGES = ("it", "en", "fr", "de", "es", "ru")


def _articles() -> list[str]:
    return [FOUNDING.read_text(encoding="utf-8"),
            *((NEWS / "articles" / f"{stem}.txt").read_text(encoding="utf-8") for stem in news_ids())]


def _doc_attribute(underscore: Underscore, name: str) -> str | None:
    obj = object.__getattribute__(underscore, "_obj")
    return f"doc._.{name}" if isinstance(obj, Doc) else None


@pytest.fixture(scope="module")
def observed(pipeline):
    """Component name → (doc._ attributes read, doc._ attributes written), over the articles."""
    with pytest.MonkeyPatch.context() as patch:
        running: list[str | None] = [None]
        seen: dict[str, tuple[set[str], set[str]]] = {}
        get, put = Underscore.__getattr__, Underscore.__setattr__

        def watched_get(self, name):
            attribute = _doc_attribute(self, name)
            if attribute and running[0]:
                seen.setdefault(running[0], (set(), set()))[0].add(attribute)
            return get(self, name)

        def watched_put(self, name, value):
            attribute = _doc_attribute(self, name)
            if attribute and running[0]:
                seen.setdefault(running[0], (set(), set()))[1].add(attribute)
            return put(self, name, value)

        patch.setattr(Underscore, "__getattr__", watched_get)
        patch.setattr(Underscore, "__setattr__", watched_put)
        wrapped: set[type] = set()
        for lang in LANGUAGES:
            for name, component in pipeline.nlp(lang).pipeline:
                kind = type(component)
                if kind in wrapped:
                    continue
                wrapped.add(kind)

                def call(self, doc, _call=kind.__call__, _name=name):
                    running[0] = _name
                    try:
                        return _call(self, doc)
                    finally:
                        running[0] = None

                patch.setattr(kind, "__call__", call)
        for text in _articles():
            pipeline.analyze(text)
    return seen


def _meta(pipeline, name: str):
    return pipeline.nlp("it").get_pipe_meta(name)


def test_the_watch_saw_the_layers_at_work(pipeline, observed):
    assert set(observed) <= set(pipeline.nlp("it").pipe_names)
    for layer in ("not_body", "dateline", "entities", "credits", "quotes", "events"):
        assert f"doc._.{layer}" in observed[f"dispacci_{layer}"][1]


def test_a_component_reads_only_what_it_requires_or_assigns(pipeline, observed):
    undeclared = {name: sorted(read - set(_meta(pipeline, name).requires) - set(_meta(pipeline, name).assigns))
                  for name, (read, _) in observed.items()}
    undeclared = {name: attrs for name, attrs in undeclared.items() if attrs}
    if undeclared:
        pytest.fail(f"read but not declared: {undeclared}")


def test_a_component_writes_only_what_it_assigns(pipeline, observed):
    undeclared = {name: sorted(written - set(_meta(pipeline, name).assigns)) for name, (_, written) in observed.items()}
    undeclared = {name: attrs for name, attrs in undeclared.items() if attrs}
    if undeclared:
        pytest.fail(f"read but not declared: {undeclared}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_spacy_finds_no_requirement_left_unassigned(pipeline, lang):
    problems = pipeline.nlp(lang).analyze_pipes(pretty=False)["problems"]
    assert {name: missing for name, missing in problems.items() if missing} == {}
