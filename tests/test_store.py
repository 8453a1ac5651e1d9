"""The per-article result store: keyed by content, whole entries or none, bounded, and a build
that reuses it writes the same bytes as one that extracts everything."""
import sqlite3
import time

import pytest

from defcoop.build.store import ResultStore, cache_report, clear_cache, entry_key, open_store


@pytest.fixture()
def store(tmp_path):
    opened = ResultStore(tmp_path / "results.sqlite")
    yield opened
    opened.close()


def test_a_key_changes_with_the_fingerprint_the_path_and_the_bytes():
    import hashlib

    text, edited = hashlib.sha256(b"text").digest(), hashlib.sha256(b"text!").digest()
    base = entry_key(b"rules-1", "a.txt", text)
    assert entry_key(b"rules-1", "a.txt", text) == base
    assert entry_key(b"rules-2", "a.txt", text) != base
    assert entry_key(b"rules-1", "b.txt", text) != base
    assert entry_key(b"rules-1", "a.txt", edited) != base


def test_an_entry_is_stored_unvalidated_until_a_build_marks_it(store):
    store.put_many([(b"k1", {"rows": [1, 2]}), (b"k2", "second")])
    assert store.known([b"k1", b"k2", b"k3"]) == {b"k1": False, b"k2": False}
    assert store.get(b"k1") == ({"rows": [1, 2]}, False)
    store.mark_used([b"k1"], validated=True)
    assert store.known([b"k1", b"k2"]) == {b"k1": True, b"k2": False}
    assert store.get(b"missing") is None


def test_an_unreadable_entry_is_a_miss_not_an_error(store):
    store._db.execute("INSERT INTO results VALUES (?, ?, 1, ?)", (b"bad", b"not zlib", time.time()))
    assert store.get(b"bad") is None


def test_entries_packed_with_either_compression_read_back(store):
    from defcoop.build.store import pack

    value = {"text": "Hai bên nhất trí tăng cường hợp tác. " * 50, "rows": [1, 2]}
    fast, plain = pack(value), pack(value, codec="zlib")
    assert fast[:1] == b"4" and plain[:1] == b"z"   # LZ4 by default (pyarrow is pinned)
    store.put_packed([(b"fast", fast), (b"plain", plain)])
    assert store.get(b"fast") == (value, False) and store.get(b"plain") == (value, False)


def test_an_lz4_entry_without_lz4_is_a_miss(store, monkeypatch):
    from defcoop.build import store as store_module

    store.put(b"k", "value")
    monkeypatch.setattr(store_module, "_LZ4", None)   # a machine whose pyarrow has no LZ4
    assert store.get(b"k") is None


def test_entries_unused_for_too_long_are_evicted(store):
    store.put_many([(b"old", "o"), (b"new", "n")])
    store._db.execute("UPDATE results SET used = ? WHERE key = ?", (time.time() - 40 * 86400, b"old"))
    assert store.evict(max_age_days=30) == 1
    assert store.known([b"old", b"new"]) == {b"new": False}


def test_the_least_recently_used_go_first_when_the_store_is_too_big(store):
    store.put_many([(key, "x" * 1000) for key in (b"a", b"b", b"c")])
    for age, key in ((3, b"a"), (2, b"b"), (1, b"c")):
        store._db.execute("UPDATE results SET used = ? WHERE key = ?", (time.time() - age, key))
    size = store._db.execute("SELECT LENGTH(value) FROM results WHERE key = ?", (b"c",)).fetchone()[0]
    assert store.evict(max_bytes=2 * size) == 1
    assert sorted(store.known([b"a", b"b", b"c"])) == [b"b", b"c"]


def test_a_file_that_is_not_a_store_is_reported_and_skipped(tmp_path, capsys):
    broken = tmp_path / "results.sqlite"
    broken.write_bytes(b"this is not a database" * 100)
    assert open_store(broken) is None
    assert "result store" in capsys.readouterr().err


def test_a_process_killed_inside_a_write_leaves_no_entry(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "results.sqlite"
    killed = ("import os, sys\n"
              "from defcoop.build.store import ResultStore\n"
              "store = ResultStore(sys.argv[1])\n"
              "store._db.execute('BEGIN IMMEDIATE')\n"
              "store._db.execute(\"INSERT INTO results VALUES (x'01', x'02', 0, 0)\")\n"
              "os._exit(9)   # killed before COMMIT\n")
    assert subprocess.run([sys.executable, "-c", killed, str(path)]).returncode == 9
    store = ResultStore(path)
    assert len(store) == 0
    store.put_many([(b"k", "v")])   # and the store is usable afterwards
    assert store.get(b"k") == ("v", False)
    store.close()


def test_two_connections_write_the_same_key_without_conflict(tmp_path):
    first, second = ResultStore(tmp_path / "r.sqlite"), ResultStore(tmp_path / "r.sqlite")
    first.put_many([(b"k", "same")])
    second.put_many([(b"k", "same")])
    assert len(first) == 1 and second.get(b"k") == ("same", False)
    first.close(), second.close()


def test_cache_report_and_clear(tmp_path):
    interim = tmp_path / "interim"
    store = ResultStore(interim / "results.sqlite")
    store.put_many([(b"k", "v")])
    store.close()
    (interim / "tables" / "abc").mkdir(parents=True)
    (interim / "tables" / "abc" / "articles.csv").write_text("article_id\n", encoding="utf-8")
    (interim / "digests").mkdir()
    (interim / "digests" / "0123456789abcdef.pickle").write_bytes(b"memo")
    report = cache_report(interim)
    assert "1 article results (0 validated)" in report and "cached tables: 1 folders" in report
    assert "corpus digest memos: 1 files" in report
    assert clear_cache(interim).startswith(
        "cleared 1 stored article results, 1 cached table folders and 1 corpus digest memos")
    after = cache_report(interim)
    assert "0 article results" in after and "cached tables: 0 folders" in after and "memos: 0 files" in after
    with sqlite3.connect(interim / "results.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM results").fetchone()[0] == 0
