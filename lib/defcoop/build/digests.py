"""The sha256 of every corpus file, remembered by file identity so an unchanged archive is not re-read.

Every `load()` hashes the whole corpus to decide whether its tables are current, and a build
keys the result store by those hashes. On a 10,000-article archive reading every file for that
is a quarter of a no-change `load()`. So each digest is kept with the file's identity (size,
mtime, ctime and inode, in nanoseconds), one memo file per corpus folder in
data/interim/digests/, and a file whose identity is unchanged is not read again.

Why a remembered digest can be trusted (the "racy" case git also guards against): any write
to a file sets its ctime to the time of the write, which no program can set back, and a digest
is remembered only when the file's mtime and ctime were at least `SETTLED_NS` old when it was
read. A later write then gives a ctime later than the remembered one, so the file is read
again. Files written in the last two seconds are simply hashed every time until they settle.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     corpus = Path(folder, "corpus"); corpus.mkdir(); _ = (corpus / "a.txt").write_text("talks")
...     digests = corpus_digests(corpus, Path(folder, "memo"))
>>> digests == {"a.txt": hashlib.sha256(b"talks").digest()}
True
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import time
from pathlib import Path

from defcoop.ingest.corpus import corpus_relpaths

SETTLED_NS = 2_000_000_000   # a file unchanged this long before it is read has a stable identity
_VERSION = 1


def corpus_digests(corpus, memo_folder: Path | None = None) -> dict[str, bytes]:
    """sha256 of every file of `corpus` by relative path, in path order; with `memo_folder`,
    unchanged files (same identity as when last hashed) are not read again.

    >>> sorted(corpus_digests("seeds"))[0]   # doctest: +SKIP
    '000_3c5d06d2666c6444.txt'
    """
    root = Path(corpus)
    memo_file = _memo_file(root, memo_folder) if memo_folder is not None else None
    remembered = _read_memo(memo_file) if memo_file is not None else {}
    digests: dict[str, bytes] = {}
    settled: dict[str, tuple] = {}
    for relpath in sorted(corpus_relpaths(root), key=_path_order):
        path = root / relpath
        identity = _identity(path)
        entry = remembered.get(relpath)
        if entry is not None and identity is not None and entry[0] == identity:
            digests[relpath] = entry[1]
            settled[relpath] = entry
            continue
        started = time.time_ns()
        digests[relpath] = hashlib.sha256(path.read_bytes()).digest()
        if identity is not None and max(identity[1], identity[2]) < started - SETTLED_NS:
            settled[relpath] = (identity, digests[relpath])
    if memo_file is not None and settled != remembered:
        _write_memo(memo_file, settled)
    return digests


def _path_order(relpath: str) -> list[str]:
    """`Path` order (folder by folder), which the corpus digests and so the inputs hash have always used."""
    return relpath.split("/")


def evict_memos(memo_folder: Path, cutoff: float) -> list[Path]:
    """Remove memo files no build has written or read since `cutoff` (seconds since the epoch)."""
    gone = []
    for memo in Path(memo_folder).glob("*.pickle"):
        try:
            if memo.stat().st_mtime < cutoff:
                memo.unlink()
                gone.append(memo)
        except OSError:
            pass
    return gone


def _identity(path: Path) -> tuple[int, int, int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino


def _memo_file(root: Path, memo_folder: Path) -> Path:
    name = hashlib.sha256(str(root.resolve()).encode("utf-8")).hexdigest()[:16]
    return Path(memo_folder) / f"{name}.pickle"


def _read_memo(memo_file: Path) -> dict[str, tuple]:
    """The remembered {relpath: (identity, digest)}, or {} when missing, unreadable or of another version."""
    try:
        with open(memo_file, "rb") as file:
            memo = pickle.load(file)
        os.utime(memo_file)   # used: eviction keeps it
    except Exception:   # missing, truncated, another version: costs one full read, never a wrong digest
        return {}
    return memo.get("entries", {}) if isinstance(memo, dict) and memo.get("version") == _VERSION else {}


def _write_memo(memo_file: Path, entries: dict[str, tuple]) -> None:
    """Replace the memo atomically (a temporary file, then `os.replace`); a failure costs speed only."""
    try:
        memo_file.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".digests-", dir=memo_file.parent)
        try:
            with os.fdopen(handle, "wb") as file:
                pickle.dump({"version": _VERSION, "entries": entries}, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, memo_file)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass
