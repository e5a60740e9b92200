"""dispacci: news articles to structured, sourced records.

>>> import dispacci
>>> record = dispacci.analyze(text)            # doctest: +SKIP
>>> pipeline = dispacci.Pipeline()             # reuse for many articles
>>> records = list(pipeline.pipe(texts))       # doctest: +SKIP
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["analyze", "Pipeline", "Record", "record_json_schema", "__version__"]


def __getattr__(name: str):
    # Lazy: `import dispacci` must stay cheap for the CLI's start-up time.
    if name in ("analyze", "Pipeline"):
        from . import pipeline

        return getattr(pipeline, name)
    if name in ("Record", "record_json_schema"):
        from . import record

        return getattr(record, name)
    raise AttributeError(f"module 'dispacci' has no attribute {name!r}")
