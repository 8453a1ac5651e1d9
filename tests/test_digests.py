"""The corpus digest memo: a file is read again whenever it may have changed, never otherwise."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from defcoop.build import digests
from defcoop.build.digests import corpus_digests


def sha(text: str) -> bytes:
    return hashlib.sha256(text.encode()).digest()


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Vietnam and Cambodia held talks.")
    (folder / "sub" / "b.md").write_text("The two sides signed a plan.")
    return folder


@pytest.fixture
def reads(monkeypatch):
    """The relative names of the files `corpus_digests` reads."""
    seen = []
    original = Path.read_bytes

    def read_bytes(path):
        seen.append(path.name)
        return original(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    return seen


@pytest.fixture
def settled_at_once(monkeypatch):
    """Files count as settled as soon as they are written (the real wait is two seconds)."""
    monkeypatch.setattr(digests, "SETTLED_NS", -10**9)


def test_digests_are_the_sha256_of_each_file_by_relative_path(corpus, tmp_path):
    assert corpus_digests(corpus, tmp_path / "memo") == {
        "a.txt": sha("Vietnam and Cambodia held talks."), "sub/b.md": sha("The two sides signed a plan.")}


def test_an_unchanged_settled_file_is_not_read_again(corpus, tmp_path, reads, settled_at_once):
    first = corpus_digests(corpus, tmp_path / "memo")
    reads.clear()
    assert corpus_digests(corpus, tmp_path / "memo") == first
    assert reads == []


def test_an_edit_that_keeps_size_and_mtime_is_still_read(corpus, tmp_path, reads, settled_at_once):
    corpus_digests(corpus, tmp_path / "memo")
    path = corpus / "a.txt"
    before = path.stat()
    path.write_text("Vietnam and Cambodia held TALKS.")                  # same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))          # mtime put back; ctime cannot be
    reads.clear()
    assert corpus_digests(corpus, tmp_path / "memo")["a.txt"] == sha("Vietnam and Cambodia held TALKS.")
    assert reads == ["a.txt"]


def test_a_file_written_just_now_is_read_every_time(corpus, tmp_path, reads):
    corpus_digests(corpus, tmp_path / "memo")
    reads.clear()
    corpus_digests(corpus, tmp_path / "memo")
    assert sorted(reads) == ["a.txt", "b.md"]


def test_deleted_and_added_files_follow_the_folder(corpus, tmp_path, settled_at_once):
    corpus_digests(corpus, tmp_path / "memo")
    (corpus / "a.txt").rename(corpus / "c.txt")
    assert sorted(corpus_digests(corpus, tmp_path / "memo")) == ["c.txt", "sub/b.md"]


def test_a_broken_memo_costs_a_read_not_a_wrong_digest(corpus, tmp_path, reads, settled_at_once):
    corpus_digests(corpus, tmp_path / "memo")
    for memo in (tmp_path / "memo").glob("*.pickle"):
        memo.write_bytes(b"not a pickle")
    reads.clear()
    assert corpus_digests(corpus, tmp_path / "memo")["a.txt"] == sha("Vietnam and Cambodia held talks.")
    assert sorted(reads) == ["a.txt", "b.md"]


def test_memos_unused_since_the_cutoff_are_evicted(corpus, tmp_path, settled_at_once):
    corpus_digests(corpus, tmp_path / "memo")
    (memo,) = (tmp_path / "memo").glob("*.pickle")
    os.utime(memo, (1, 1))
    assert digests.evict_memos(tmp_path / "memo", cutoff=100) == [memo]
    assert not memo.exists()


def test_digests_keep_path_order_folder_by_folder(tmp_path):
    """The inputs hash depends on this order: folder by folder ("a/b" before "a-b"), as pathlib sorts."""
    root = tmp_path / "corpus"
    for name in ("a/b.txt", "a-b.txt", "a0.txt", "a/a/c.txt"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(name)
    expected = [p.relative_to(root).as_posix() for p in sorted(root.rglob("*")) if p.is_file()]
    assert list(corpus_digests(root)) == expected == ["a/a/c.txt", "a/b.txt", "a-b.txt", "a0.txt"]
