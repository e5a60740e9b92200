"""Text in UTF-16 or UTF-32 with a byte-order mark is text; NUL bytes without one still betray binary data."""
from __future__ import annotations

import pytest

from dispacci.errors import InputError
from dispacci.ingest.readers import read_bytes, read_paths

ARTICLES = {
    "it": "Vertice a Vienna\n\nIl ministro ha detto: «Torneremo a parlarci».",
    "fr": "Sommet à Vienne\n\nLe ministre a déclaré : « Nous reparlerons ».",
    "ru": "Встреча в Вене\n\nМинистр заявил: «Мы ещё поговорим».",
    "es": "Cumbre en Viena\n\nEl ministro dijo: «Volveremos a hablar».",
}


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_text_with_a_byte_order_mark_is_decoded(tmp_path, codec, lang):
    data = ARTICLES[lang].encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data  # the big-endian mark, written explicitly
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    [article] = list(read_paths([str(path)]))
    assert not isinstance(article, InputError), article
    assert article.text == ARTICLES[lang] and article.title == ARTICLES[lang].split("\n")[0]


def test_an_html_page_in_utf16_is_read():
    page = "<html><head><title>Gipfel in Wien</title></head><body><article><p>Der Minister sagte, man werde " \
           "weiter reden. Die Gespräche dauerten drei Stunden und endeten ohne Einigung.</p></article></body></html>"
    [article] = list(read_bytes(page.encode("utf-16"), source="page.html", fmt="html"))
    assert not isinstance(article, InputError), article
    assert "Gespräche" in article.text


@pytest.mark.parametrize("data", [b"\x00\x01\x02PK\x03\x04" * 40, "no mark".encode("utf-16-le"),
                                  b"\xff\xfe" + ("\x01\x02\x03\x04\x05\x06" * 30).encode("utf-16-le")],
                         ids=["zip-like", "utf16-without-mark", "controls-behind-a-mark"])
def test_nul_bytes_without_a_mark_or_controls_behind_one_are_binary(data):
    [error] = list(read_bytes(data, source="blob", fmt="auto"))
    assert isinstance(error, InputError) and error.code == "E002"
