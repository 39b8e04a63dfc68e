"""The release's DuckDB file is in a storage format that DuckDB 1.x opens, tables and comments kept."""
from __future__ import annotations

import struct

import duckdb
from pipeline.release.database import write_database
from schemas import Documents
from schemas.frames import to_frame

# DuckDB's file header: 8 bytes of checksum, the magic "DUCK", then the storage version number.
# 64 is the format of DuckDB 1.0 to 1.1 (opened by every later release); 2.x writes a higher
# number by default, which a 1.x reader refuses. Checked by hand with DuckDB 1.1.3 as well.
V1_STORAGE = 64


def test_database_is_written_in_the_v1_storage_format_with_its_comments(tmp_path):
    parquet = tmp_path / "documents.parquet"
    to_frame([{"doc_id": "doc_0000000000000001", "source_file": "a.txt", "title": "A"}], Documents).write_parquet(parquet)
    path = tmp_path / "diplodata.duckdb"
    write_database(path, {"documents": parquet})
    header = path.read_bytes()[:20]
    assert header[8:12] == b"DUCK"
    assert struct.unpack("<Q", header[12:20])[0] == V1_STORAGE
    con = duckdb.connect(str(path))  # reopened read-write (views are added so): the format stays
    con.execute("CREATE VIEW titles AS SELECT title FROM documents")
    con.close()
    assert struct.unpack("<Q", path.read_bytes()[12:20])[0] == V1_STORAGE
    con = duckdb.connect(str(path), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM titles").fetchone() == (1,)
        assert con.execute("SELECT comment FROM duckdb_tables() WHERE table_name = 'documents'").fetchone()[0]
    finally:
        con.close()
