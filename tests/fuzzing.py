"""Hostile inputs and the properties every reader and the pipeline must keep on them.

Shared by the fuzz campaign (``bench/fuzz.py``, long, not in CI) and the fast
subset in ``tests/test_fuzz.py``. A *target* takes one generated input and
raises ``PropertyBroken`` when a property fails; a ``DispacciError`` (a coded,
one-line refusal) is an allowed answer, any other exception is a crash.
"""
from __future__ import annotations

import csv
import io
import json

from hypothesis import strategies as st

from dispacci.errors import DispacciError

__all__ = ["PropertyBroken", "TARGETS", "mutants", "check_record", "check_items", "article_text", "html_page", "jsonl_file",
           "csv_file", "any_bytes"]


class PropertyBroken(AssertionError):
    """An input on which a target answered, but wrongly (a span off its text, a bad item)."""


# ---------------------------------------------------------------- strategies

# Words of several scripts and shapes, so mixed-script sentences look like text to the layers.
_WORDS = ["Roma", "Putin", "Macron", "ministro", "said", "ha", "detto", "Мосва", "заявил", "Путин", "a", "la",
          "der", "Kanzler", "sagte", "el", "presidente", "dijo", "ANSA", "Reuters", "AFP", "中国", "الرئيس",
          "Ελλάδα", "אמר", "2024", "1°", "U.S.", "e.g.", "O'Neill", "Jean-Luc", "—", "(AGI)", "MOSCA,", "12 aprile",
          "«", "»", "„", "“", "”", "‘", "’", "‹", "›", "\"", "'", "「", "」", ":", ";", ",", ".", "!", "?", "…"]
_QUOTES = "\"'«»„“”‘’‹›「」『』‚‛❝❞〝〞＂"
_CONTROLS = "".join(chr(c) for c in [*range(0, 9), 11, *range(14, 32), *range(0x7f, 0xa0)]) + "\u200b\u200e\u202e\ufeff\u2028\u2029\ufffe"
_SPACES = " \t\n\n\u00a0\u2009\u3000"

_any_char = st.characters(blacklist_categories=("Cs",))
_word = st.one_of(st.sampled_from(_WORDS), st.text(_any_char, min_size=1, max_size=12))
_separator = st.one_of(st.just(" "), st.sampled_from(_SPACES), st.sampled_from(". , ; : \n\n".split(" ")))


@st.composite
def _sentence_soup(draw) -> str:
    parts = draw(st.lists(st.tuples(_word, _separator), max_size=40))
    return "".join(w + s for w, s in parts)


_huge_token = st.builds(lambda ch, n: ch * n, st.sampled_from(list(_QUOTES + ".-_*=#/\\|a1") + ["ab", "\"a", "«»"]),
                        st.integers(60, 6000))
_quote_storm = st.builds(lambda parts: "".join(parts),
                         st.lists(st.one_of(st.sampled_from(list(_QUOTES)), _word, st.just(" "), st.just(": ")),
                                  max_size=300))
_controls = st.text(st.sampled_from(_CONTROLS + "ab \n"), max_size=200)
_surrogated = st.builds(lambda text, at, code: text[:at] + chr(code) + text[at:],
                        st.text(_any_char, max_size=40), st.integers(0, 40), st.integers(0xD800, 0xDFFF))

article_text = st.one_of(
    st.text(_any_char, max_size=400),  # random Unicode
    _sentence_soup(),  # mixed scripts
    _quote_storm,
    _huge_token,
    _controls,
    st.builds(lambda a, b, c: a + b + c, _sentence_soup(), _huge_token, _sentence_soup()),
    _surrogated,
)


@st.composite
def html_page(draw) -> str:
    """Random tag soup, deep nesting, unclosed and broken markup around article text."""
    tags = ["div", "p", "span", "b", "article", "script", "style", "table", "td", "li", "a", "h1", "title", "br"]
    depth = draw(st.one_of(st.integers(0, 8), st.integers(0, 8), st.integers(0, 8), st.integers(200, 3000)))
    tag = draw(st.sampled_from(tags))
    inner = draw(article_text)
    body = f"<{tag}>" * depth + inner + draw(st.sampled_from(["", f"</{tag}>" * depth, "</", "<", "<!--"]))
    pieces = draw(st.lists(st.one_of(
        st.builds(lambda t, x: f"<{t}>{x}</{t}>", st.sampled_from(tags), article_text),
        st.builds(lambda t, x: f"<{t} class=\"{x}\">", st.sampled_from(tags), st.text(_any_char, max_size=20)),
        st.sampled_from(["<", ">", "&amp;", "&#0;", "&#xD800;", "&#1114112;", "&bogus;", "<![CDATA[", "<?xml?>",
                         "<meta charset=\"utf-16\">", "<html>", "</html>", "<head>"]),
    ), max_size=20))
    head = draw(st.sampled_from(["", "<!DOCTYPE html>", "<html><head><title>T</title></head><body>"]))
    return head + body + "".join(pieces)


_json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), article_text),
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)),
    max_leaves=12)


@st.composite
def jsonl_file(draw) -> str:
    """Lines of records, some well formed, some broken, some not objects."""
    lines = []
    for _ in range(draw(st.integers(0, 6))):
        row = draw(st.dictionaries(st.sampled_from(["title", "text", "url", "published", "publisher", "language",
                                                    "x"]), st.one_of(article_text, _json_value), max_size=6))
        line = json.dumps(row, ensure_ascii=draw(st.booleans()))
        kind = draw(st.integers(0, 9))
        if kind == 0:
            line = line[: draw(st.integers(0, len(line)))]  # cut short
        elif kind == 1:
            line = json.dumps(draw(_json_value))  # not an object
        elif kind == 2:
            line = draw(article_text)  # not JSON
        lines.append(line)
    return draw(st.sampled_from(["\n", "\r\n", "\n\n"])).join(lines)


@st.composite
def csv_file(draw) -> str:
    columns = draw(st.lists(st.sampled_from(["title", "text", "url", "published", "x", ""]), min_size=0, max_size=5))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=draw(st.sampled_from([",", "\t"])))
    writer.writerow(columns)
    for _ in range(draw(st.integers(0, 5))):
        writer.writerow(draw(st.lists(article_text, max_size=len(columns) + 1)))
    text = out.getvalue()
    if draw(st.booleans()):  # malformed: unbalanced quotes, stray NULs, cut
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(['"', '"\n"', "\x00", "\r", ""])) + text[at:]
    return text


any_bytes = st.one_of(
    st.binary(max_size=600),
    st.builds(lambda text, codec: text.encode(codec, "surrogatepass" if codec.startswith("utf") else "replace"),
              article_text, st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-32", "cp1252", "utf-8-sig"])),
    st.builds(lambda text: text.encode("utf-8", "surrogatepass"), st.one_of(html_page(), jsonl_file(), csv_file())),
)


# ---------------------------------------------------------------- mutations

_NASTY = ["\x00", "\ud800", "\udfff", "\ufeff", "\u202e", "\r", "\r\n", "\u2028", "\x85", "\t", "\\", "\\u0000",
          "\\ud800", '"', "'", ",", "{", "}", "[", "]", "<", ">", "</", "<!--", "-->", "&#", ";", "\n\n", "«", "»", "„",
          "“", "”", "‘", "’", "...", "—", "MOSCA, 3 aprile –", "(Reuters) -", "ha detto", "said", "заявил", ":",
          "🙂", "\U0010ffff", "\u0301", "\u200d", "ǅ", "ß", "İ", "ﬁ"]


def mutants(value, rng, count: int):
    """``count`` variants of a generated input, made by cheap random edits (insert, repeat,
    delete, splice nasty pieces), so the campaign tries many inputs per generated one."""
    is_bytes = isinstance(value, bytes)
    for _ in range(count):
        text = value
        for _ in range(rng.randint(1, 4)):
            text = _edit(text, rng, is_bytes)
        yield text


def _edit(text, rng, is_bytes: bool):
    at = rng.randint(0, len(text))
    piece = rng.choice(_NASTY)
    if is_bytes:
        piece = piece.encode("utf-8", "surrogatepass") if rng.random() < 0.7 else bytes([rng.randint(0, 255)])
    choice = rng.randint(0, 4)
    if choice == 0:  # insert a nasty piece
        return text[:at] + piece + text[at:]
    if choice == 1:  # repeat a piece or a slice many times: huge tokens and storms
        chunk = text[at:at + rng.randint(1, 8)] or piece
        return text[:at] + chunk * rng.randint(2, 2000) + text[at:]
    if choice == 2:  # delete a slice
        return text[:at] + text[at + rng.randint(1, 50):]
    if choice == 3:  # a random code point (or byte)
        if is_bytes:
            return text[:at] + bytes([rng.randint(0, 255)]) + text[at:]
        return text[:at] + chr(rng.choice([rng.randint(0, 0x2FF), rng.randint(0, 0x10FFFF)])) + text[at:]
    return text[at:] + text[:at]  # rotate


# ---------------------------------------------------------------- checks

def check_items(items) -> int:
    """Every item a reader yields is an ``Article`` or a coded error; returns how many articles."""
    from dispacci.ingest.article import Article

    articles = 0
    for item in items:
        if isinstance(item, DispacciError):
            if not item.code or len(item.one_line().splitlines()) != 1:
                raise PropertyBroken(f"error without a code or on several lines: {item!r}")
            item.one_line().encode("utf-8")
            continue
        if not isinstance(item, Article) or not isinstance(item.text, str):
            raise PropertyBroken(f"reader yielded {type(item).__name__}")
        if item.title is not None and not item.text.startswith(item.title):
            raise PropertyBroken("article text does not start with its title")
        articles += 1
    return articles


def check_record(record) -> None:
    """Every span of the record indexes its text exactly, and the record survives JSON."""
    text = record.text
    for layer, span in record.spans():
        if not 0 <= span.start <= span.end <= len(text):
            raise PropertyBroken(f"{layer} span {span.start}:{span.end} outside a text of {len(text)}")
        quoted = getattr(span, "text", None)
        if isinstance(quoted, str) and text[span.start:span.end] != quoted:
            raise PropertyBroken(f"{layer} span {span.start}:{span.end} is {text[span.start:span.end]!r}, "
                                 f"not {quoted!r}")
    type(record).model_validate_json(record.to_json())


def _refused(call):
    """Run ``call``; a coded error is an answer, so it is returned, not raised."""
    try:
        return call()
    except DispacciError as error:
        if not error.code:
            raise PropertyBroken(f"error without a code: {error!r}") from error
        return error


# ---------------------------------------------------------------- targets

def read_plain(text: str) -> None:
    from dispacci.ingest.readers import read_bytes, read_text

    _refused(lambda: read_text(text, html=False))
    check_items(read_bytes(text.encode("utf-8", "surrogatepass"), source="fuzz.txt", fmt="text"))


def read_html(page: str) -> None:
    from dispacci.ingest.readers import read_bytes, read_text

    _refused(lambda: read_text(page, html=True))
    check_items(read_bytes(page.encode("utf-8", "surrogatepass"), source="fuzz.html", fmt="html"))


def read_jsonl(data: str) -> None:
    from dispacci.ingest.readers import read_bytes

    check_items(read_bytes(data.encode("utf-8", "surrogatepass"), source="fuzz.jsonl", fmt="jsonl"))


def read_csv(data: str) -> None:
    from dispacci.ingest.readers import read_bytes

    check_items(read_bytes(data.encode("utf-8", "surrogatepass"), source="fuzz.csv", fmt="csv"))


def read_any(data: bytes) -> None:
    from dispacci.ingest.readers import read_bytes

    check_items(read_bytes(data, source="fuzz", fmt="auto"))


def read_warc(page: str, tmp_dir) -> None:
    """One WARC response record holding ``page``, written then read back."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from dispacci.ingest.warc import read_warc as read

    path = tmp_dir / "fuzz.warc"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        payload = io.BytesIO(page.encode("utf-8", "surrogatepass"))
        writer.write_record(writer.create_warc_record("http://example.org/a", "response", payload=payload,
                                                      http_headers=headers))
    check_items(read(path))


TARGETS = {  # name: (strategy, function, cost per input: "cheap" readers, "slow" the pipeline)
    "text": (article_text, read_plain),
    "html": (html_page(), read_html),
    "jsonl": (jsonl_file(), read_jsonl),
    "csv": (csv_file(), read_csv),
    "bytes": (any_bytes, read_any),
}

LANGUAGES = [None, "it", "en", "fr", "de", "es", "ru"]


def analyse(pipeline, text: str, title: str | None, language: str | None) -> None:
    """The whole annotator pipeline on one text: a coded refusal or a record whose spans hold."""
    result = _refused(lambda: pipeline.analyze(text, title=title, language=language))
    if not isinstance(result, DispacciError):
        check_record(result)
