"""Language identification with py3langid's bundled model.

This runs before tokenisation (the language picks the tokenizer), so it is a
plain function rather than a spaCy component. The model takes about half a
second to decompress; it is loaded in a background thread as soon as a
pipeline is created, while spaCy itself is imported.
"""
from __future__ import annotations

import re
import threading

__all__ = ["LanguageIdentifier", "LanguageGuess", "SAMPLE_CHARS"]

SAMPLE_CHARS = 1200
_MIN_CONFIDENCE = 0.5
_LETTERS = re.compile(r"[^\W\d_]")


class LanguageGuess(tuple):
    """``(code, confidence)``; confidence is a probability in [0, 1]."""

    __slots__ = ()

    def __new__(cls, code: str, confidence: float):
        return super().__new__(cls, (code, confidence))

    @property
    def code(self) -> str:
        return self[0]

    @property
    def confidence(self) -> float:
        return self[1]

    @property
    def uncertain(self) -> bool:
        return self[1] < _MIN_CONFIDENCE


class LanguageIdentifier:
    """Identify the language of a text among the ~100 py3langid knows."""

    def __init__(self) -> None:
        self._model = None
        self._error: BaseException | None = None
        self._ready = threading.Event()
        threading.Thread(target=self._load, name="dispacci-langid", daemon=True).start()

    def _load(self) -> None:
        try:
            from py3langid.langid import MODEL_FILE
            from py3langid.langid import LanguageIdentifier as _Model

            self._model = _Model.from_model_file(MODEL_FILE, norm_probs=True)
        except BaseException as error:  # re-raised in the caller's thread
            self._error = error
        finally:
            self._ready.set()

    @property
    def model(self):
        self._ready.wait()
        if self._error is not None:
            raise self._error
        return self._model

    @property
    def languages(self) -> list[str]:
        return sorted(self.model.labels)

    def identify(self, text: str) -> LanguageGuess:
        sample = text[:SAMPLE_CHARS]
        if len(_LETTERS.findall(sample[:400])) < 3:
            return LanguageGuess("xx", 0.0)
        code, confidence = self.model.classify(sample)
        return LanguageGuess(str(code), float(confidence))
