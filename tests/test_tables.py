"""The build: committed tables equal a fresh build, re-runs are byte-identical, writes are atomic."""
import filecmp
import os

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
