"""A file of many articles is read article by article: the length limit is each article's, never the file's."""
from __future__ import annotations

import csv
import json

from typer.testing import CliRunner

from dispacci.errors import InputError
from dispacci.ingest.decode import DEFAULT_MAX_CHARS
from dispacci.ingest.readers import read_bytes, read_paths

SENTENCES = {
    "it": "Il ministro degli Esteri ha incontrato a Vienna il collega austriaco. ",
    "en": "The foreign minister met her Austrian counterpart in Vienna. ",
    "de": "Der Außenminister traf in Wien seinen österreichischen Amtskollegen. ",
    "ru": "Министр иностранных дел встретился в Вене с австрийским коллегой. ",
}


def _rows(count: int, size: int) -> list[dict]:
    langs = list(SENTENCES)
    return [{"title": f"Articolo {n}", "text": (SENTENCES[langs[n % 4]] * (size // 60 + 1))[:size]}
            for n in range(count)]


def test_a_jsonl_file_over_the_limit_whose_articles_are_under_it_is_read_whole(tmp_path):
    path = tmp_path / "big.jsonl"
    rows = _rows(1_060, 5_000)  # 5.3 million characters of text, each article 5,000
    path.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows), encoding="utf-8")
    assert path.stat().st_size > DEFAULT_MAX_CHARS
    items = list(read_paths([str(path)]))
    assert not [item for item in items if isinstance(item, InputError)]
    assert len(items) == 1_060 and items[-1].title == "Articolo 1059"


def test_the_limit_refuses_only_the_article_over_it_in_jsonl_and_csv(tmp_path):
    rows = _rows(4, 300)
    rows[2]["text"] = rows[2]["text"] * 3  # 900 characters
    jsonl = tmp_path / "feed.jsonl"
    jsonl.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows), encoding="utf-8")
    table = tmp_path / "feed.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["title", "text"])
        writer.writeheader()
        writer.writerows(rows)
    for path, line in ((jsonl, 3), (table, 4)):
        items = list(read_paths([str(path)], max_chars=500))
        kinds = [type(item).__name__ for item in items]
        assert kinds == ["Article", "Article", "InputError", "Article"], (path, kinds)
        assert items[2].code == "E003" and f"{path}:{line}" in items[2].one_line()
        assert "--max-chars" in items[2].one_line()


def test_standard_input_also_applies_the_limit_per_article():
    rows = _rows(3, 300)
    data = "\n".join(json.dumps(row) for row in rows).encode()
    assert len(data) > 500
    items = list(read_bytes(data, source="<stdin>", fmt="jsonl", max_chars=500))
    assert [type(item).__name__ for item in items] == ["Article"] * 3


def test_a_line_that_does_not_decode_is_that_lines_error(tmp_path):
    """The encoding is judged on the file's head (UTF-8 here); a later line in another is its own error."""
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"title": "Treffen in Wien", "text": SENTENCES["de"]}, ensure_ascii=False).encode()
    path.write_bytes(b"\n".join([good] * 1_000 + [b'{"text": "caf\xe9 \xff\xfe broken"}', good]))
    items = list(read_paths([str(path)]))
    assert [type(item).__name__ for item in items] == ["Article"] * 1_000 + ["InputError", "Article"]
    assert items[1_000].code == "E004" and "mixed.jsonl:1001" in items[1_000].one_line()
    assert items[-1].text.endswith("Amtskollegen. ")


def test_a_utf16_jsonl_file_streams_too(tmp_path):
    path = tmp_path / "feed.jsonl"
    rows = _rows(3, 200)
    path.write_bytes("\r\n".join(json.dumps(row, ensure_ascii=False) for row in rows).encode("utf-16"))
    items = list(read_paths([str(path)], max_chars=250))
    assert [item.title for item in items] == ["Articolo 0", "Articolo 1", "Articolo 2"]


def test_ingest_takes_max_chars(tmp_path):
    from dispacci.cli import app
    from dispacci.store import open_store

    rows = _rows(3, 300)
    rows[1]["text"] = rows[1]["text"] * 2
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows), encoding="utf-8")
    db = tmp_path / "c.db"
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", str(db), "--max-chars", "400", "-q",
                                      "--annotators", "dispacci_sentences", "--no-cluster"])
    assert result.exit_code == 1, result.output
    assert "E003" in result.output and "feed.jsonl:2" in result.output
    with open_store(db, read_only=True) as store:
        assert store.count() == 2
