"""Bytes to clean text: decoding, binary detection, size limits, newlines."""
from __future__ import annotations

import re

from ..errors import Errors, InputError

__all__ = ["DEFAULT_MAX_CHARS", "decode_bytes", "normalise_text", "check_size"]

DEFAULT_MAX_CHARS = 5_000_000

# Control characters other than tab/newline/carriage return/form feed betray binary data.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_BOMS = ("\ufeff",)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample and not (sample.startswith(b"\xff\xfe") or sample.startswith(b"\xfe\xff")):
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls > max(4, len(sample) // 100)


def decode_bytes(data: bytes, *, source: str) -> tuple[str, str | None]:
    """Decode article bytes; returns the text and a warning when not UTF-8."""
    if not data.strip():
        raise InputError("E001", Errors.E001, source=source)
    if _looks_binary(data):
        raise InputError("E002", Errors.E002, source=source)
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    candidates = [best.encoding] if best is not None else []
    candidates += ["cp1252", "latin-1"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _CONTROL.search(text[:8192]):
            continue
        return text, f"input was not UTF-8; decoded as {encoding}"
    raise InputError("E004", Errors.E004, source=source)


def normalise_text(text: str) -> str:
    """Normalise newlines and drop a byte-order mark; nothing else moves."""
    for bom in _BOMS:
        if text.startswith(bom):
            text = text[len(bom):]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u2028" in text or "\u2029" in text:
        text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return text


def check_size(text: str, *, source: str, max_chars: int) -> None:
    if len(text) > max_chars:
        raise InputError("E003", Errors.E003.format(size=len(text), limit=max_chars), source=source)
