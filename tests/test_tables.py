"""The build: committed tables equal a fresh build, re-runs are byte-identical, writes are atomic."""
import filecmp
import os
import re

import pytest

from defcoop.paths import DEFAULT_CORPUS as SEEDS, PROCESSED_DIR as PROCESSED
from defcoop.tables import TABLE_NAMES, build_tables, inputs_hash, load_tables, write_tables


def built(tmp_path, corpus, jobs=1, name="out"):
    out = tmp_path / name
    write_tables(build_tables(corpus, jobs=jobs), out, inputs_hash=inputs_hash(corpus))
    return out


def same_files(a, b):
    names = [f"{table}.csv" for table in TABLE_NAMES] + ["manifest.json"]
    match, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
    return mismatch + errors


def test_committed_tables_equal_a_fresh_build(tmp_path):
    different = same_files(PROCESSED, built(tmp_path, SEEDS))
    assert different == [], f"data/processed is stale, run `make build`: {different}"


def test_rebuild_and_parallel_build_are_byte_identical(tmp_path):
    first = built(tmp_path, SEEDS, name="one")
    assert same_files(first, built(tmp_path, SEEDS, name="two")) == []
    assert same_files(first, built(tmp_path, SEEDS, jobs=2, name="jobs2")) == []


def test_every_table_is_written_with_unix_newlines_and_utf8(tmp_path):
    out = built(tmp_path, SEEDS)
    for table in TABLE_NAMES:
        data = (out / f"{table}.csv").read_bytes()
        assert b"\r\n" not in data
        data.decode("utf-8")


def test_a_failed_build_leaves_previous_tables_intact(tmp_path, monkeypatch):
    out = built(tmp_path, SEEDS)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    import defcoop.tables as tables_module

    def fail_halfway(frame, path):
        if path.name.startswith("meetings"):
            raise OSError("disk full")
        return original(frame, path)

    original = tables_module._write_csv
    monkeypatch.setattr(tables_module, "_write_csv", fail_halfway)
    with pytest.raises(OSError):
        write_tables(build_tables(SEEDS), out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".defcoop-build-")]


def test_an_article_extraction_fails_on_is_a_reject_and_the_build_goes_on(tmp_path, monkeypatch, capsys):
    import defcoop.extract as extract_module
    from defcoop.tables import read_tables

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("000_3c5d06d2666c6444.txt", "001_a9c690610dddfcde.txt"):
        (corpus / name).write_bytes((SEEDS / name).read_bytes())
    original = extract_module.extract_article

    def fail_on_001(clean, raw):
        if raw.article_id.startswith("001"):
            raise ValueError("rule defect")
        return original(clean, raw)

    monkeypatch.setattr(extract_module, "extract_article", fail_on_001)
    tables = read_tables(built(tmp_path, corpus))
    assert list(tables["articles"]["article_id"]) == ["000_3c5d06d2666c6444"]
    reject = tables["rejects"].iloc[0]
    assert (reject["path"], reject["reason"]) == ("001_a9c690610dddfcde.txt", "extraction_error")
    assert re.fullmatch(r"ValueError: rule defect at \w+\.py:\d+", reject["detail"])   # where in defcoop
    assert "extraction failed on 001_a9c690610dddfcde.txt" in capsys.readouterr().err


def test_load_builds_once_then_reads_the_cache(small_corpus, monkeypatch, tmp_path):
    monkeypatch.setattr("defcoop.tables.INTERIM_DIR", tmp_path / "interim")
    first = load_tables(small_corpus)
    assert list(first["articles"]["article_id"]) == ["talks_2024"]

    def no_build(*args, **kwargs):
        raise AssertionError("rebuilt although nothing changed")

    monkeypatch.setattr("defcoop.tables.build_to_folder", no_build)
    load_tables(small_corpus)
    (small_corpus / "second.txt").write_text("Another article about border patrols.\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="rebuilt"):
        load_tables(small_corpus)


def test_typed_columns_when_loaded(small_corpus, monkeypatch, tmp_path):
    monkeypatch.setattr("defcoop.tables.INTERIM_DIR", tmp_path / "interim")
    tables = load_tables(small_corpus)
    assert str(tables["meetings"]["date_start"].dtype).startswith("datetime64")
    assert str(tables["commitments"]["sentence_index"].dtype) == "Int64"


def test_inputs_hash_changes_with_the_corpus(small_corpus):
    before = inputs_hash(small_corpus)
    (small_corpus / "talks_2024.md").write_text("changed", encoding="utf-8")
    assert inputs_hash(small_corpus) != before
    assert os.path.exists(small_corpus)


# --- ids unique across validation chunks (kept as hashes, confirmed as text) -----------------------

def _agreement(agreement_id):
    return {"agreement_id": agreement_id, "meeting_id": None, "article_id": "a", "kind": "mou",
            "subject": "x", "sentence": "They signed an MoU.", "meeting_key": None}


def _article(article_id):
    return {"article_id": article_id, "title": "T", "source": None, "dateline": None, "url": None,
            "published": None, "language": None, "format": "txt", "path": f"{article_id}.txt",
            "encoding": "utf-8", "chars_raw": "1", "chars_clean": "1", "n_sentences": "1", "text": "x"}


def test_a_repeated_id_in_a_later_chunk_is_reported_with_value_and_rows(tmp_path, monkeypatch):
    from defcoop import tables
    from defcoop.schemas import SchemaError

    monkeypatch.setattr(tables, "VALIDATE_CHUNK", 2)
    sink = tables._TableSink("articles", tmp_path / "articles.csv")
    for article_id in ("a", "b", "c", "a"):
        sink.add(_article(article_id))
    with pytest.raises(SchemaError, match=r"article_id.*field_uniqueness \(value 'a', row 3; first at row 0\)"):
        sink.close()


def test_a_repeated_id_in_a_spool_is_reported_with_value_and_rows(tmp_path, monkeypatch):
    from defcoop import tables
    from defcoop.schemas import SchemaError

    monkeypatch.setattr(tables, "VALIDATE_CHUNK", 2)
    spool = tables._MeetingLinkedSpool("agreements", tmp_path / "agreements.spool")
    spool.add("a", tables.encode_linked_rows("agreements", [_agreement("a-A1"), _agreement("a-A2")]))
    spool.add("b", tables.encode_linked_rows("agreements", [_agreement("b-A1"), _agreement("a-A2")]))
    with pytest.raises(SchemaError, match=r"\(value 'a-A2', row 3; first at row 1\)"):
        spool.write(tmp_path / "agreements.csv", {}, tables._Overrides([]))


def test_equal_id_hashes_of_different_ids_are_not_a_duplicate(tmp_path, monkeypatch):
    from defcoop import tables

    monkeypatch.setattr(tables, "VALIDATE_CHUNK", 2)
    monkeypatch.setattr(tables._Validator, "_id_hash", staticmethod(lambda value: 7))
    spool = tables._MeetingLinkedSpool("agreements", tmp_path / "agreements.spool")
    spool.add("a", tables.encode_linked_rows("agreements", [_agreement("a-A1"), _agreement("a-A2"), _agreement("a-A3")]))
    assert spool.write(tmp_path / "agreements.csv", {(None, None): "m"}, tables._Overrides([])) == 3
    assert (tmp_path / "agreements.csv").read_text().count("They signed") == 3
    assert not (tmp_path / "agreements.spool").exists()


def test_a_missing_required_value_stops_encoding_but_an_empty_string_is_a_value():
    from defcoop import tables
    from defcoop.schemas import SchemaError

    with pytest.raises(SchemaError, match="column 'text': not_nullable"):
        tables.encode_rows("articles", [{**_article("a"), "text": None}])
    line = tables.encode_rows("articles", [{**_article("a"), "text": ""}])
    assert tables._decode_line(line, "articles")["text"] == ""


def test_a_chunk_is_validated_as_it_is_read_back(tmp_path):
    from defcoop import tables
    from defcoop.schemas import SchemaError

    sink = tables._TableSink("articles", tmp_path / "articles.csv")
    sink.add({**_article("a"), "format": "pdf"})
    with pytest.raises(SchemaError, match=r"column 'format'.*'pdf', row 0"):
        sink.close()
