"""Bytes to clean text: decoding, binary detection, size limits, newlines."""
from __future__ import annotations

import codecs
import re

from ..errors import Errors, InputError

__all__ = ["DEFAULT_MAX_CHARS", "decode_bytes", "detect_encoding", "normalise_text", "check_size",
           "check_no_surrogates"]

DEFAULT_MAX_CHARS = 5_000_000

# C0/C1 control characters other than tab/newline/CR/form feed betray binary data
# or a wrong guess of the encoding.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_BOMS = ("\ufeff",)
# JSON escapes like "\ud800" decode to a lone surrogate: a str Python holds but cannot encode.
_SURROGATE = re.compile("[\ud800-\udfff]")


# A byte-order mark names its encoding; UTF-32 first, as its little-endian mark starts like UTF-16's.
_UNICODE_MARKS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
                  (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _marked_encoding(data: bytes) -> str | None:
    return next((encoding for mark, encoding in _UNICODE_MARKS if data.startswith(mark)), None)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls > max(4, len(sample) // 100)


def decode_bytes(data: bytes, *, source: str) -> tuple[str, str | None]:
    """Decode article bytes; returns the text and a warning when not UTF-8."""
    text, encoding = _decode(data, source=source)
    return text, None if encoding in ("utf-8", "utf-8-sig") else Errors.W001.format(encoding=encoding)


def detect_encoding(head: bytes, *, source: str, whole: bool = False) -> str:
    """The encoding of a file from its first bytes (``whole``: they are all of it), so
    the rest can be decoded as it streams. A head cut inside a character is no error."""
    return _decode(head, source=source, final=whole)[1]


def _as(encoding: str, data: bytes, final: bool) -> str:
    return codecs.getincrementaldecoder(encoding)().decode(data, final=final)


def _decode(data: bytes, *, source: str, final: bool = True) -> tuple[str, str]:
    if not data.strip():
        raise InputError("E001", Errors.E001, source=source)
    marked = _marked_encoding(data)
    if marked is not None:  # UTF-16 and UTF-32 hold NUL bytes: a mark says they are text
        try:
            text = _as(marked, data, final)
        except UnicodeDecodeError:
            raise InputError("E004", Errors.E004, source=source) from None
        if _looks_binary(text[:8192].encode("utf-8", "surrogatepass")):
            raise InputError("E002", Errors.E002, source=source)
        return text, marked
    if _looks_binary(data):
        raise InputError("E002", Errors.E002, source=source)
    try:
        return _as("utf-8", data, final), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    # A non-Western guess must come with a recognised language, or it is noise.
    guessed = best.encoding if best is not None and (_is_western(best.encoding) or best.coherence > 0.1) else None
    # Detectors confuse the Western code pages on short texts; old Western sites
    # overwhelmingly used cp1252, so it wins unless a non-Latin script was detected.
    if guessed is None or _is_western(guessed):
        candidates = ["cp1252", guessed or "latin-1", "latin-1"]
    else:
        candidates = [guessed, "cp1252", "latin-1"]
    for encoding in candidates:
        try:
            text = _as(encoding, data, final)
        except (UnicodeDecodeError, LookupError):
            continue
        if _CONTROL.search(text[:8192]):
            continue
        return text, encoding
    raise InputError("E004", Errors.E004, source=source)


def _is_western(encoding: str) -> bool:
    name = encoding.lower().replace("-", "_")
    return name in {"cp1250", "cp1252", "latin_1", "iso8859_1", "iso8859_2", "iso8859_15", "mac_roman",
                    "cp850", "cp437", "iso8859_9", "cp1254", "ascii", "mac_latin2", "cp1257", "iso8859_13"}


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


def check_no_surrogates(text: str, *, source: str) -> None:
    """A lone surrogate cannot be encoded, so spaCy, the store and JSON answers would all fail on it."""
    found = _SURROGATE.search(text)
    if found:
        raise InputError("E013", Errors.E013.format(code=ord(found.group()), at=found.start()), source=source)
