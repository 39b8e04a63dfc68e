"""Every kind of bad input becomes a source_issues row and the rest still publishes."""
from __future__ import annotations

import codecs
import datetime as dt
import os

import pytest

from pipeline.ingest import ingest_corpus

NOW = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.timezone.utc)
GOOD = "Ministers met in Oslo.\n\nThe foreign minister said the talks went well and would go on next week.\n"
HEADER = "file,title,publisher,author,url,published_date,language\n"


def run(tmp_path, **kw):
    return ingest_corpus(tmp_path, now=NOW, **kw)


def codes(result) -> dict[str, str]:
    return {i["source_file"]: i["code"] for i in result.issues}


def test_clean_corpus_has_no_issues(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = run(tmp_path)
    assert result.issues == [] and [d["source_file"] for d in result.documents] == ["a.txt"]


@pytest.mark.parametrize("content", [b"", b"   \n\t\n"])
def test_empty(tmp_path, content):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_bytes(content)
    result = run(tmp_path)
    assert codes(result) == {"b.txt": "empty"}
    assert len(result.documents) == 1


def test_binary(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    assert codes(run(tmp_path)) == {"a.txt": "binary"}


@pytest.mark.parametrize("text, encoding", [
    ("The minister said \u201cwe will meet again\u201d \u2014 over caf\u00e9 in S\u00e3o Paulo.\n", "cp1252"),
    ("\u041c\u0438\u043d\u0438\u0441\u0442\u0440\u044b \u0432\u0441\u0442\u0440\u0435\u0442\u0438\u043b\u0438\u0441\u044c "
     "\u0432 \u041c\u043e\u0441\u043a\u0432\u0435 \u0438 \u043e\u0431\u0441\u0443\u0434\u0438\u043b\u0438 "
     "\u0442\u043e\u0440\u0433\u043e\u0432\u043b\u044e.\n", "cp1251"),
])
def test_legacy_encoding_is_decoded_and_recorded(tmp_path, text, encoding):
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    result = run(tmp_path)
    assert result.issues == []
    assert (result.documents[0]["text"], result.documents[0]["encoding"]) == (text.strip(), encoding)


def test_utf8_and_bom_files_record_their_encoding(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(codecs.BOM_UTF16_LE + GOOD.replace("Oslo", "Bergen").encode("utf-16-le"))
    result = run(tmp_path)
    assert [d["encoding"] for d in result.documents] == ["utf-8", "utf-16-le"]


def test_utf8_with_stray_bytes_stays_invalid_utf8(tmp_path):
    """A UTF-8 file with a Latin-1 byte pasted in: no single encoding explains it."""
    (tmp_path / "a.txt").write_bytes(GOOD.encode() + "Caf\u00e9 ".encode("latin-1") + "na\u00efve \u2014 \u65e5\u672c".encode())
    result = run(tmp_path)
    assert codes(result) == {"a.txt": "invalid_utf8"}
    assert f"byte {len(GOOD.encode()) + 3}" in result.issues[0]["message"]


def test_utf8_bom_with_invalid_bytes_is_not_guessed(tmp_path):
    (tmp_path / "a.txt").write_bytes(codecs.BOM_UTF8 + "Caf\u00e9 talks in Oslo went well.".encode("cp1252"))
    assert codes(run(tmp_path)) == {"a.txt": "invalid_utf8"}


def test_binary_junk_is_not_decoded(tmp_path):
    import random

    rng = random.Random(7)
    (tmp_path / "a.txt").write_bytes(bytes(rng.randrange(1, 256) for _ in range(4000)))
    (tmp_path / "b.txt").write_bytes(bytes(rng.randrange(128, 256) for _ in range(4000)))
    result = run(tmp_path)
    assert result.documents == []
    assert set(codes(result).values()) <= {"invalid_utf8", "binary"} and set(codes(result)) == {"a.txt", "b.txt"}


def test_too_large_is_not_read(tmp_path):
    (tmp_path / "big.txt").write_text("word " * 1000)
    (tmp_path / "a.txt").write_text(GOOD)
    result = run(tmp_path, max_bytes=1000)
    assert codes(result) == {"big.txt": "too_large"}
    assert [d["source_file"] for d in result.documents] == ["a.txt"]


def test_duplicate_keeps_first_in_sorted_order(tmp_path):
    for name in ("b.txt", "a.txt"):
        (tmp_path / name).write_text(GOOD)
    result = run(tmp_path)
    assert codes(result) == {"b.txt": "duplicate"}
    assert [d["source_file"] for d in result.documents] == ["a.txt"]
    assert "a.txt" in result.issues[0]["message"]


def test_same_text_after_line_end_normalisation_is_a_duplicate(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_bytes(GOOD.replace("\n", "\r\n").encode())
    assert codes(run(tmp_path)) == {"b.txt": "duplicate"}


def test_catalog_missing_file(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "catalog.csv").write_text(HEADER + "a.txt,T,,,,,en\nghost.txt,Ghost,,,,,en\n")
    result = run(tmp_path)
    assert codes(result) == {"ghost.txt": "catalog_missing_file"}
    assert result.documents[0]["title"] == "T"


def test_catalog_bad_date_keeps_document_and_infers(tmp_path):
    (tmp_path / "a.txt").write_text("Talks in Oslo\n\nMarch 3, 2021\n\n" + GOOD)
    (tmp_path / "catalog.csv").write_text(HEADER + "a.txt,,,,,2021-13-45,en\n")
    result = run(tmp_path)
    assert codes(result) == {"a.txt": "catalog_bad_date"}
    doc = result.documents[0]
    assert (doc["published_date"], doc["published_date_source"]) == (dt.date(2021, 3, 3), "text")
    assert "date taken from the text instead (2021-03-03, day precision)" in result.issues[0]["message"]


SPEECHES = "name: speeches\nfile_pattern: '(?P<country>[A-Z]{3})_(?P<year>\\d{4})\\.txt'\n"


@pytest.mark.parametrize("name, text, expected", [
    ("a.md", "---\ntitle: Talks\ndate: 2020-05-04\n---\n" + GOOD, (dt.date(2020, 5, 4), "day", "front_matter")),
    ("speeches/JPN_1999.txt", GOOD, (dt.date(1999, 1, 1), "year", "file_name")),
    ("b.txt", "Talks in Oslo\n\nPublished on 3 March 2021\n\n" + GOOD, (dt.date(2021, 3, 3), "day", "text")),
])
def test_bad_catalog_date_falls_back_to_the_date_the_source_gives(tmp_path, name, text, expected):
    (tmp_path / "speeches").mkdir()
    (tmp_path / "speeches" / "collection.yaml").write_text(SPEECHES)
    (tmp_path / name).write_text(text)
    (tmp_path / "catalog.csv").write_text(HEADER + f"{name},,,,,03/04/2019,en\n")
    result = run(tmp_path)
    assert codes(result) == {name: "catalog_bad_date"}
    doc = result.documents[0]
    assert (doc["published_date"], doc["published_date_precision"], doc["published_date_source"]) == expected
    assert f"date taken from the {expected[2].replace('_', ' ')} instead" in result.issues[0]["message"]


def test_bad_catalog_date_and_no_other_date_is_undated_and_says_so(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "catalog.csv").write_text(HEADER + "a.txt,,,,,yesterday,en\n")
    result = run(tmp_path)
    assert result.documents[0]["published_date"] is None and result.documents[0]["published_date_source"] is None
    assert result.issues[0]["message"].endswith(": undated")


@pytest.mark.parametrize("catalog", [
    "name,title\na.txt,T\n",                                  # no file column
    HEADER + "../outside.txt,T,,,,,en\n",                     # path traversal
    HEADER + "/etc/passwd,T,,,,,en\n",                        # absolute path
    HEADER + "a.txt,T,,,,,en,extra,fields\n",                 # too many fields
    "file,title\na.txt,T\n",                                  # missing columns
])
def test_catalog_malformed(tmp_path, catalog):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "catalog.csv").write_text(catalog)
    result = run(tmp_path)
    assert "catalog_malformed" in {i["code"] for i in result.issues}
    assert len(result.documents) == 1


def test_catalog_not_utf8(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "catalog.csv").write_bytes(b"file,title\na.txt,Caf\xe9\n")
    assert codes(run(tmp_path)) == {"catalog.csv": "catalog_malformed"}


def test_symlink_outside_is_not_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Secret text that must never be read.")
    src = tmp_path / "sources"
    src.mkdir()
    (src / "a.txt").write_text(GOOD)
    (src / "link.txt").symlink_to(outside / "secret.txt")
    (src / "folder").symlink_to(outside, target_is_directory=True)
    (src / "catalog.csv").symlink_to(outside / "secret.txt")
    result = run(src)
    assert codes(result) == {"link.txt": "symlink_outside", "folder": "symlink_outside",
                             "catalog.csv": "symlink_outside"}
    assert all("Secret" not in d["text"] for d in result.documents)


def test_symlink_inside_is_read(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").symlink_to(tmp_path / "sub" / "a.txt")
    result = run(tmp_path)
    assert codes(result) == {"sub/a.txt": "duplicate"}  # b.txt sorts first and is kept
    assert [d["source_file"] for d in result.documents] == ["b.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    locked = tmp_path / "b.txt"
    locked.write_text("Another text.")
    locked.chmod(0)
    try:
        result = run(tmp_path)
    finally:
        locked.chmod(0o644)
    assert codes(result) == {"b.txt": "unreadable"}


def test_fifo_is_unreadable_and_does_not_hang(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "a.txt").write_text(GOOD)
    assert codes(run(tmp_path)) == {"pipe.txt": "unreadable"}


def test_issue_rows_have_the_codebook_columns(tmp_path):
    (tmp_path / "b.txt").write_bytes(b"")
    issue = run(tmp_path).issues[0]
    assert set(issue) == {"source_file", "code", "message", "detected_at"}
    assert issue["detected_at"] == NOW and issue["message"]


def test_decoding_variants(tmp_path):
    (tmp_path / "bom.txt").write_bytes(codecs.BOM_UTF8 + b"First line.\r\nSecond line.\rThird.")
    (tmp_path / "utf16.txt").write_bytes("Talks resumed in Geneva.\r\n".encode("utf-16"))
    docs = {d["source_file"]: d["text"] for d in run(tmp_path).documents}
    assert docs["bom.txt"] == "First line.\nSecond line.\nThird."
    assert docs["utf16.txt"] == "Talks resumed in Geneva."


def test_subfolders_sorted_and_deterministic(tmp_path):
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / "a.txt").write_text(GOOD.replace("Oslo", "Lima"))
    (tmp_path / "b.txt").write_text(GOOD)
    (tmp_path / "notes.pdf").write_text("not a source")
    first, second = run(tmp_path), run(tmp_path)
    assert [d["source_file"] for d in first.documents] == ["b.txt", "z/a.txt"]
    assert codes(first) == {"notes.pdf": "unsupported_format"}
    assert first.documents == second.documents


def test_catalog_row_for_subfolder_file(tmp_path):
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / "a.txt").write_text(GOOD)
    (tmp_path / "catalog.csv").write_text(HEADER + "./z/a.txt,Oslo talks,Wire,,,2020-02,en\n")
    doc = run(tmp_path).documents[0]
    assert (doc["title"], doc["publisher"], doc["published_date"], doc["published_date_precision"]) == \
        ("Oslo talks", "Wire", dt.date(2020, 2, 1), "month")


def test_os_error_becomes_unreadable(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_text("Another text.")
    real_open = os.open

    def failing_open(path, *args, **kw):
        if str(path).endswith("b.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kw)

    monkeypatch.setattr(os, "open", failing_open)
    result = run(tmp_path)
    assert codes(result) == {"b.txt": "unreadable"}
    assert "Permission denied" in result.issues[0]["message"]
    assert len(result.documents) == 1
