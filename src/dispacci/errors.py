"""Every error dispacci raises, with a code, the input it concerns and the fix.

User errors (bad input, bad options, bad resource files) are ``DispacciError``
subclasses; the CLI prints them as one line and exits with the code of their
class (the table is in ``dispacci.commands.exits``). Anything else is a bug and
keeps its traceback.
"""
from __future__ import annotations

import functools
import re
import string

__all__ = [
    "DispacciError",
    "InputError",
    "ResourceError",
    "ConfigError",
    "StoreError",
    "NotFoundError",
    "Errors",
    "warning_code",
]


class DispacciError(Exception):
    """Base of all user-facing errors: ``[E###] input: reason``."""

    def __init__(self, code: str, message: str, *, source: str | None = None):
        self.code = code
        self.message = _printable(message)
        self.source = _printable(source) if source is not None else None
        super().__init__(self.one_line())

    def one_line(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"[{self.code}] {where}{self.message}"


# Line and paragraph breaks inside a message (from the input it quotes) would break the one-line contract.
_BREAKS = str.maketrans({"\n": "\\n", "\r": "\\r", "\v": "\\v", "\f": "\\f", "\x1c": "\\x1c",
                         "\x1d": "\\x1d", "\x1e": "\\x1e", "\x85": "\\x85", "\u2028": "\\u2028",
                         "\u2029": "\\u2029"})


def _printable(text: str) -> str:
    """Encodable and on one line: the message must print and travel as JSON whatever input it quotes."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8").translate(_BREAKS)


class InputError(DispacciError):
    """An article that cannot be read or analysed."""


class ResourceError(DispacciError):
    """A data file (actors, patterns, cue words) that does not validate."""


class ConfigError(DispacciError):
    """An option or setting with an invalid value."""


class StoreError(DispacciError):
    """A database that cannot be opened, migrated or written."""


class NotFoundError(ConfigError):
    """An option naming something (a record id) that the store does not hold."""


class Errors:
    """Message templates, one per code, so wording lives in one place."""

    E001 = "file is empty"
    E002 = "looks binary, not text (NUL bytes or control characters); give a text, HTML, JSONL or CSV file"
    E003 = "is {size:,} characters, over the limit of {limit:,}; raise it with --max-chars"
    E004 = "cannot be decoded as text (tried UTF-8 and detected encodings)"
    E005 = "HTML page has no extractable article text"
    E006 = "line {line}: not a JSON object ({reason})"
    E007 = "line {line}: record has no 'text' field; expected keys: title, text, url, published"
    E008 = "CSV has no 'text' column; found columns: {columns}"
    E009 = "no such file or directory"
    E010 = "no article text after normalisation"
    E011 = "unknown input format {fmt!r}; valid formats: {valid}"
    E012 = "cannot be read: {reason}"
    E013 = "contains a lone UTF-16 surrogate (U+{code:04X} at character {at}), which is not text; fix the encoding where the text was produced"
    E020 = "unknown language {lang!r}; valid ISO 639-1 codes: {examples}"
    E021 = "unknown annotator {name!r}; valid annotators: {valid}"
    E022 = "published date {value!r} is not an ISO 8601 date (YYYY-MM-DD)"
    E023 = "analysis stopped before {layer}: it ran past its time budget; give a shorter article or a larger budget"
    E030 = "{reason}"
    # resource files E040–E049
    E040 = "cannot read resource file: {reason}"
    E041 = "no resource file named {name!r} in {folders}"
    E042 = "is a {found}, but {name} is a {expected}"
    # backbone models E050–E059
    E050 = "no backbone model for language {lang!r}; languages with a model: {valid}"
    E051 = "the shipped model directory for {lang!r} is missing or incomplete ({path}); reinstall dispacci"
    E052 = ("French needs {package}=={version} (pinned in pyproject); found {found}; "
            "reinstall with: pip install {package}=={version}")
    # actor files E100–E149
    E100 = ("actor file not found; give a YAML or JSON file of actor entries "
            "(see the format in dispacci/resources/data/actors/README.md)")
    E101 = "cannot read actor file: {reason}; fix the YAML/JSON syntax"
    E102 = ("{where} is a {found}, not {expected}; an actor file is a list of actor entries "
            "or a mapping of such lists, such as {{people: [...]}}")
    E103 = "entry {entry}{field}: {reason}; {fix}"
    # cue files E150–E199: E150 cues/quotes.yaml, E151 cues/credits.yaml, E152 cues/wires.yaml
    E150 = "{name}{where} must {expected}, not {found}; quote words YAML would read otherwise (\"on\", \"no\", numbers)"
    E151 = E150
    E152 = "cues/wires.yaml: {where} must be {expected}, got {found}"
    # claims and techniques E160–E169
    E160 = "{name}: {reason}"
    E161 = "unknown technique {label!r} in {name}; use a SemEval-2023 Task 3 label such as {examples}"
    E162 = "is not a SemEval-2023 Task 3 data folder: {reason}; give the folder holding article<id>.txt files and the <split>-labels-subtask-3.txt files"
    E163 = "is not a readable techniques model: {reason}; train one with `dispacci train techniques DATA_DIR`"
    E300 = "cannot open the database: {reason}"
    E301 = "is an SQLite database but not a dispacci one (tables: {tables}); give another --db file or a new name"
    E302 = "is not a readable SQLite database (corrupted or another kind of file: {reason}); restore it from a backup or give another --db file"
    E303 = "has schema version {found}, newer than this dispacci knows ({known}); upgrade dispacci"
    E304 = "is opened read-only; open it without read_only to write"
    E305 = "the PostgreSQL back-end needs psycopg: pip install 'dispacci[postgres]'"
    E306 = "cannot connect to PostgreSQL: {reason}"
    E307 = "cannot write to the database: {reason}"
    E308 = "cannot be opened for writing: {reason}; SQLite keeps journal files beside the database, so give a --db in a folder you can write to or change the permissions (the file itself is not damaged)"
    E310 = "{option} {value!r} is not an ISO 8601 date (YYYY-MM-DD)"
    E311 = "CAMEO code {value!r} is not 2 to 4 digits such as 04 or 041"
    E312 = "country {value!r} is not an ISO 3166-1 code such as RUS or RU"
    E313 = "cannot export {value!r}; valid {option}: {valid}"
    E314 = "parquet export needs pyarrow: pip install 'dispacci[parquet]'"
    E315 = "no record with id {value!r}; list ids with `dispacci search` or `dispacci duplicates`"
    E316 = "--workers must be 1 or more, not {value}"
    E317 = "a number in the query (--limit or --offset) is past the largest the database holds (2**63 - 1)"
    # batch, WARC, feeds E500–E549
    E500 = "is not a readable WARC file: {reason}; give a WARC or WARC.gz file (ISO 28500)"
    E501 = "is not a readable Parquet file of articles: {reason}; it needs a 'text' column (and optional title, url, published, publisher)"
    E502 = "--out {path!r} holds a batch made with other settings ({reason}); give a new --out folder or the same settings to resume"
    E503 = "cannot reach the Dask scheduler {address!r}: {reason}; start one with `dask scheduler` or use --engine local"
    E504 = "--engine {value!r} is not one of: {valid}"
    E505 = "is not a batch output folder (no manifest.json); give the --out folder of `dispacci batch`"
    E510 = "refused: {host} resolves to {address}, a {kind} address; fetching it could reach internal services (SSRF). Pass --allow-private to fetch private addresses on purpose"
    E511 = "cannot fetch: {reason}"
    E512 = "refused: the page is over the size limit of {limit:,} bytes"
    E513 = "refused: robots.txt of {host} disallows this URL for dispacci"
    E514 = "refused: only http and https URLs are fetched, not {scheme!r}"
    E515 = "refused: more than {limit} redirects"
    E516 = "is not an RSS or Atom feed nor an HTML page ({reason})"
    E517 = "--every {value!r} is not a duration such as 30s, 10m or 1h"
    # events E200–E249
    E200 = "unknown CAMEO code {code!r} in events/patterns/{lang}.yaml; use a code listed in events/cameo.yaml or 'meet'"
    E201 = "is not a folder of reference files (<id>.json, as examples/news/gold); give the folder holding them"
    E202 = "is not a readable reference file: {reason}"
    E203 = "is not a folder of articles; give the folder with the <id>.txt files the reference files annotate"
    E204 = "is not a PLOVER records file: {reason}; give a JSON list of records with 'text' and 'event'"
    # api/web E400–E449
    E400 = "request body is over the limit of {limit:,} bytes; send a shorter article or raise the server's --max-request-bytes"
    E401 = "missing or wrong token; send the header 'Authorization: Bearer <token>' with the token the operator set (--token or DISPACCI_TOKEN)"
    E402 = "give exactly one of 'text' or 'html' (got {got})"
    E403 = "no record with id {id!r}; list ids with GET /api/records"
    E404 = "no actor {actor!r}; list actors with GET /api/actors"
    E405 = "writing is disabled: the server is read-only; the operator enables POST /api/ingest by starting it with --token or DISPACCI_TOKEN"
    E406 = "nothing to ingest: give a non-empty 'records' list (records as JSON) or 'articles' list (objects with text, title, url, published)"
    E407 = "invalid request: {details}"
    E408 = "{name} {value!r} is not an ISO 8601 date (YYYY-MM-DD)"
    E409 = "no such page {path!r}; the API lives under /api (see /api/docs)"
    E410 = "the analysis took longer than this server's budget of {seconds:g} s per article; send a shorter article, or the operator raises --analysis-timeout"
    E411 = "Host {host!r} is not a name this server answers to (allowed: {allowed}); the operator adds names with --allowed-host"
    E412 = "record id {id!r} is not the id of its title and text ({expected}); ids are computed from the content, so send records as dispacci produced them"

    # Warnings W001–W099: not errors, the article is analysed. The record keeps the
    # message (its bytes do not change); the CLI and explorer show the code with it,
    # found back from the message by `warning_code`.
    W001 = "input was not UTF-8; decoded as {encoding}"
    W002 = "language uncertain: {lang} with confidence {confidence:.2f}"
    W003 = "article date year not written; {year} taken from {how}"


def warning_code(message: str) -> str | None:
    """The code of a warning a record carries (``W003``), or None for a message the catalogue does not know."""
    for code, pattern in _warning_patterns():
        if pattern.fullmatch(message):
            return code
    return None


@functools.lru_cache(maxsize=1)
def _warning_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    patterns = []
    for code in sorted(name for name in vars(Errors) if re.fullmatch(r"W\d{3}", name)):
        parts = string.Formatter().parse(getattr(Errors, code))
        patterns.append((code, re.compile("".join(re.escape(text) + ("(.+?)" if field is not None else "")
                                                  for text, field, _, _ in parts), re.S)))
    return tuple(patterns)
