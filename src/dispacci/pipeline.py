"""The pipeline: ingest → normalise → annotate → record.

Annotators are spaCy components declared by name (``@Language.factory``) in
``dispacci.annotate``; a ``Pipeline`` builds one blank spaCy pipeline per
language on first use, adds the annotators in order and reuses them for every
article, so models and resources are loaded once.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from .errors import ConfigError, DispacciError, Errors, InputError
from .ingest.article import Article
from .ingest.decode import DEFAULT_MAX_CHARS, check_no_surrogates, check_size, normalise_text
from .ingest.readers import read_text
from .record import Record, Source
from .tokens import make_doc

__all__ = ["Pipeline", "analyze", "record_id", "content_id", "known_languages", "check_language", "check_published"]



def record_id(title: str | None, body: str) -> str:
    """Stable content id: same normalised title and body, same id."""
    normalised = " ".join((title or "").split()) + "\n" + " ".join(body.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:20]


def content_id(record: Record) -> str:
    """The id dispacci gives a record's title and text (the body follows the title and a blank line)."""
    title, text = record.title, record.text
    body = text[len(title):] if title and text.startswith(title) else text
    return record_id(title, body)


class Pipeline:
    """Analyse articles into records. Create once, use for many articles.

    ``annotators`` names the components to run (default: all); ``resources``
    lists extra folders with user data files; ``actors`` extra actor files;
    ``language`` forces a language instead of identifying it.
    """

    def __init__(self, annotators: Sequence[str] | None = None, *, resources: Sequence[str] = (),
                 language: str | None = None, max_chars: int = DEFAULT_MAX_CHARS, actors: Sequence[str] = ()):
        from .annotate.language import LanguageIdentifier

        # Start decompressing the language model first: it overlaps with importing spaCy.
        self.identifier = LanguageIdentifier() if language is None else None
        from .annotate import available_annotators, default_annotators, register_extensions

        register_extensions()
        _one_blas_thread()
        valid = available_annotators()
        self.annotators = tuple(annotators) if annotators is not None else default_annotators()
        for name in self.annotators:
            if name not in valid:
                raise ConfigError("E021", Errors.E021.format(name=name, valid=", ".join(valid)))
        self.resources = tuple(str(r) for r in resources)
        self.actors = tuple(str(a) for a in actors)  # user actor files (--actors)
        self.language = check_language(language, self.resources) if language else None
        self.max_chars = max_chars
        self._nlps: dict = {}
        self._lock = threading.Lock()

    def nlp(self, lang: str):
        """The spaCy pipeline for ``lang``, built on first use."""
        with self._lock:
            if lang not in self._nlps:
                self._nlps[lang] = self._build(lang)
            return self._nlps[lang]

    def _build(self, lang: str):
        import spacy

        from .resources.compiled_patterns import language_class

        try:
            language_class(lang)  # its large patterns from the user's cache
            nlp = spacy.blank(lang)
        except (ImportError, KeyError, ValueError):
            nlp = spacy.blank("xx")
        # Our own limit (max_chars, an InputError) applies instead of spaCy's 1M-character guard,
        # which is about parsers' memory; a blank pipeline has none.
        nlp.max_length = max(self.max_chars + 1, nlp.max_length)
        for name in ("dispacci_context", *self.annotators):
            config = {"resources": list(self.resources)}
            # Every layer that reads the actor base must see the user's actors too.
            if self.actors and "actors" in nlp.get_factory_meta(name).default_config:
                config["actors"] = list(self.actors)
            nlp.add_pipe(name, config=config)
        return nlp

    def analyze(self, text: str, *, title: str | None = None, url: str | None = None,
                published: str | dt.date | None = None, language: str | None = None,
                path: str | None = None, publisher: str | None = None) -> Record:
        """Analyse one article. ``text`` is the body, or the whole plain-text/HTML
        file when ``title`` is None."""
        source = path or url or "<text>"
        if title is None:
            article = read_text(text, source=source)
        else:
            article = Article.from_parts(title, normalise_text(text))
        article.path = path or article.path
        article.url = url or article.url
        article.publisher = publisher or article.publisher
        article.published = _iso_date(published, source) or article.published
        article.language = language or article.language
        return self.analyze_article(article)

    def analyze_article(self, article: Article, *, deadline: float | None = None) -> Record:
        """Analyse one read article. ``deadline`` (a ``time.monotonic()`` instant) stops an
        analysis that runs past it with E023, checked between layers."""
        from .annotate.doc import DocContext, start_doc
        from .annotate.record import build_record

        name = article.name
        published = _iso_date_or_none(article.published)
        if article.published and published is None:  # a file's own field: the article goes on without it
            article.warnings.append(f"published date {article.published!r} is not an ISO 8601 date; ignored")
        article.published = published
        if not article.text.strip():
            raise InputError("E010", Errors.E010, source=name)
        check_size(article.text, source=name, max_chars=self.max_chars)
        for part in (article.text, article.title or ""):
            check_no_surrogates(part, source=name)
        lang, confidence = self._language(article)
        nlp = self.nlp(lang)
        doc = make_doc(nlp, article.text)
        context = DocContext(article=article, language=lang, language_confidence=confidence,
                             warnings=list(article.warnings))
        if confidence < 0.5 and not (article.language or self.language):
            context.warnings.append(Errors.W002.format(lang=lang, confidence=confidence))
        start_doc(doc, context)
        for name, component in nlp.pipeline:
            if deadline is not None and time.monotonic() > deadline:
                raise InputError("E023", Errors.E023.format(layer=name), source=article.name)
            doc = component(doc)
        return build_record(doc, record_id(article.title, article.text[article.body_start:]))

    def pipe(self, items: Iterable[str | Article], *, errors: str = "raise") -> Iterator[Record | DispacciError]:
        """Analyse many articles. With ``errors="return"`` a bad item yields its
        error instead of stopping the batch."""
        for item in items:
            try:
                if isinstance(item, DispacciError):
                    raise item
                yield self.analyze_article(item) if isinstance(item, Article) else self.analyze(item)
            except DispacciError as error:
                if errors != "return":
                    raise
                yield error

    def _language(self, article: Article) -> tuple[str, float]:
        forced = article.language or self.language
        if forced:
            return check_language(forced, self.resources), 1.0
        if self.identifier is None:
            from .annotate.language import LanguageIdentifier

            self.identifier = LanguageIdentifier()
        guess = self.identifier.identify(article.text)
        return guess.code, guess.confidence


_blas_limited = False


def _one_blas_thread() -> None:
    """Annotators use numpy only for small vector work, where OpenBLAS's spinning
    helper threads cost more than they give: on two cores they halved throughput."""
    global _blas_limited
    if _blas_limited:
        return
    _blas_limited = True
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return
    threadpool_limits(limits=1, user_api="blas")


@lru_cache(maxsize=16)
def known_languages(resources: tuple[str, ...] = ()) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(full, rules_only)``: languages with a data file (the six shipped, and any the user's
    ``--resources`` add) get the whole analysis; other languages spaCy can tokenise without a
    model are analysed by the rules alone (a blank tokenizer, no trained parse)."""
    import pkgutil

    import spacy.lang

    from .resources.languages import languages

    full = tuple(languages(tuple(resources)))
    blank = {module.name for module in pkgutil.iter_modules(spacy.lang.__path__)
             if 2 <= len(module.name) <= 3 and module.name.isalpha() and module.name != "xx"}
    return full, tuple(sorted(blank - set(full)))


def check_language(code: str, resources: Sequence[str] = ()) -> str:
    """A forced language, lower-cased; E020 names the valid codes for anything else."""
    cleaned = str(code).strip().lower()
    full, rules_only = known_languages(tuple(resources))
    if cleaned not in full and cleaned not in rules_only:
        examples = f"{', '.join(full)} (full analysis), or rules only: {', '.join(rules_only)}"
        raise ConfigError("E020", Errors.E020.format(lang=code, examples=examples))
    return cleaned


_check_language = check_language  # the name other modules imported


def check_published(value, option: str = "--published") -> str | None:
    """A publication date given as an option: ISO 8601 or E022, never silently dropped.
    It is a bad option value (ConfigError), not a bad article."""
    try:
        return _iso_date(value, option)
    except InputError as error:
        raise ConfigError(error.code, error.message, source=error.source) from None


def _iso_date(value, source: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise InputError("E022", Errors.E022.format(value=value), source=source) from None


def _iso_date_or_none(value) -> str | None:
    try:
        return _iso_date(value, "")
    except InputError:
        return None


_default: Pipeline | None = None


def analyze(text: str, *, title: str | None = None, url: str | None = None, published=None,
            language: str | None = None) -> Record:
    """Analyse one article with a shared default pipeline."""
    global _default
    if _default is None:
        _default = Pipeline()
    return _default.analyze(text, title=title, url=url, published=published, language=language)
