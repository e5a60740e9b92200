"""Readers: every input form becomes an Article whose offsets index the record text."""
from __future__ import annotations

import json

import pytest

from dispacci.errors import InputError
from dispacci.ingest.readers import read_paths

HEADLINE = "Ministers meet in Vienna"
BODY = "VIENNA, March 3 (Reuters) - Two foreign ministers met on Tuesday.\nThey agreed to talk again."


def read_one(path, **options):
    items = list(read_paths([str(path)], **options))
    assert len(items) == 1, items
    return items[0]


def test_plain_layout_headline_blank_line_body(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(f"{HEADLINE}\n\n{BODY}", encoding="utf-8")
    article = read_one(path)
    assert article.title == HEADLINE
    assert article.text == f"{HEADLINE}\n\n{BODY}"
    assert article.text[article.body_start:].startswith("VIENNA")
    assert article.path == str(path)


def test_text_without_the_layout_is_all_body(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    article = read_one(path)
    assert article.title is None and article.text == BODY and article.body_start == 0


def test_windows_newlines_are_normalised(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(f"{HEADLINE}\r\n\r\n{BODY}".replace("\n", "\r\n").encode())
    article = read_one(path)
    assert "\r" not in article.text and article.title == HEADLINE


def test_cp1252_text_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("Perché è così\n\nIl caffè è già pronto, disse l'onorevole.".encode("cp1252"))
    article = read_one(path)
    assert article.title == "Perché è così"
    assert any("not UTF-8" in warning for warning in article.warnings)


def test_html_page_gives_main_text_title_date_and_canonical_url(tmp_path):
    page = f"""<!doctype html><html><head><title>{HEADLINE} | Site</title>
    <link rel="canonical" href="https://news.example.org/vienna">
    <meta property="article:published_time" content="2024-03-05"></head>
    <body><nav>Home | World | Sport</nav><article><h1>{HEADLINE}</h1>
    <p>VIENNA, March 3 (Reuters) - Two foreign ministers met on Tuesday to discuss the gas transit agreement and the border.</p>
    <p>They agreed to talk again next month, officials from both delegations told reporters after the meeting ended.</p>
    </article><footer>Contact us</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    article = read_one(path)
    assert article.title == HEADLINE
    assert article.url == "https://news.example.org/vienna"
    assert article.published == "2024-03-05"
    assert "Home | World" not in article.text and "Contact us" not in article.text
    assert article.text.startswith(HEADLINE + "\n\nVIENNA, March 3")


def test_jsonl_rows_and_malformed_lines_are_reported_and_skipped(tmp_path):
    path = tmp_path / "batch.jsonl"
    good = {"title": HEADLINE, "text": BODY, "url": "https://x.example/1", "published": "2024-03-05"}
    path.write_text("\n".join([json.dumps(good), "{not json", json.dumps({"title": "no text"}), json.dumps(good)]))
    items = list(read_paths([str(path)]))
    assert [type(item).__name__ for item in items] == ["Article", "InputError", "InputError", "Article"]
    assert items[0].url == "https://x.example/1" and items[0].published == "2024-03-05"
    assert "line 2" in str(items[1]) and "line 3" in str(items[2])
    assert items[3].path.endswith("batch.jsonl:4")


def test_csv_with_title_and_text_columns(tmp_path):
    path = tmp_path / "batch.csv"
    path.write_text('title,text,url\n"A headline","Body, with a comma.\nSecond line.",https://x.example/2\n', encoding="utf-8")
    article = read_one(path)
    assert article.title == "A headline" and article.text == "A headline\n\nBody, with a comma.\nSecond line."


def test_csv_without_text_column_names_the_columns(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("headline,body\na,b\n")
    error = read_one(path)
    assert isinstance(error, InputError) and error.code == "E008" and "headline, body" in str(error)


def test_a_folder_is_walked_in_order(tmp_path):
    for name in ("b.txt", "a.txt", "skip.bin", ".hidden.txt"):
        (tmp_path / name).write_text(f"{name}\n\nSome body text for {name}.")
    items = list(read_paths([str(tmp_path)]))
    assert [item.title for item in items] == ["a.txt", "b.txt"]


@pytest.mark.parametrize(
    "content, code",
    [
        (b"", "E001"),
        (b"   \n\n  ", "E001"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "E002"),
        (bytes(range(256)) * 4, "E002"),
        ("Titolo\n\n".encode() + b"\x81\x8d\x8f\x90\x9d" * 10, "E004"),
    ],
    ids=["empty", "blank", "png", "random-binary", "undecodable"],
)
def test_bad_files_give_one_error_naming_the_file(tmp_path, content, code):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    error = read_one(path)
    assert isinstance(error, InputError) and error.code == code
    assert str(path) in error.one_line() and "\n" not in error.one_line()


def test_huge_file_is_refused_over_the_limit(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("parola " * 2000)
    error = read_one(path, max_chars=1000)
    assert isinstance(error, InputError) and error.code == "E003" and "--max-chars" in str(error)


def test_html_without_article_text(tmp_path):
    path = tmp_path / "broken.html"
    path.write_text("<html><body><div><script>var x = 1;</script><p></div></span>")
    error = read_one(path)
    assert isinstance(error, InputError) and error.code == "E005"


def test_missing_file(tmp_path):
    error = read_one(tmp_path / "nope.txt")
    assert isinstance(error, InputError) and error.code == "E009"
