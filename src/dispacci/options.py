"""The analysis options, one object for every way in: the CLI verbs, corpus ingest and the API.

Each verb that analyses articles takes the same ``--annotators``, ``--resources``,
``--actors``, ``--language`` and ``--max-chars``; they become one
``AnalysisOptions``, which builds the ``Pipeline`` (in a worker process too:
the object is small and picklable).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .ingest.decode import DEFAULT_MAX_CHARS

__all__ = ["AnalysisOptions"]


@dataclass(frozen=True)
class AnalysisOptions:
    annotators: tuple[str, ...] | None = None  # None: every annotator
    resources: tuple[str, ...] = ()  # folders of the user's data files
    actors: tuple[str, ...] = ()  # the user's actor files
    language: str | None = None  # forced instead of identified
    max_chars: int = DEFAULT_MAX_CHARS

    @classmethod
    def of(cls, *, annotators: Iterable[str] | str | None = None, resources: Iterable = (), actors: Iterable = (),
           language: str | None = None, max_chars: int = DEFAULT_MAX_CHARS) -> "AnalysisOptions":
        """From option values as a CLI or a request gives them: paths, a comma-separated list.
        An unknown ``language`` is refused here (E020), before any article is read."""
        if language:
            from .pipeline import check_language

            language = check_language(language, tuple(str(r) for r in resources))
        if isinstance(annotators, str):
            annotators = [name.strip() for name in annotators.split(",") if name.strip()]
        return cls(annotators=tuple(annotators) if annotators is not None else None,
                   resources=tuple(str(r) for r in resources), actors=tuple(str(a) for a in actors),
                   language=language or None, max_chars=max_chars)

    def pipeline(self):
        from .pipeline import Pipeline

        return Pipeline(self.annotators, resources=self.resources, actors=self.actors, language=self.language,
                        max_chars=self.max_chars)
