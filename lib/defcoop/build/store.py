"""The per-article result store: what reading, cleaning and extracting one corpus file gave.

Adding one article to a built archive should cost one article, not the archive. Each corpus
file's result (its articles' rows as CSV text, meeting candidates, rejects) is kept in SQLite
under a key made of the file's relative path, its bytes and the fingerprint of everything
else that can change the result: the rule and reference files, the library's code and the
Python and package versions. A build looks every file up, extracts only the new or changed
ones and runs the cross-article steps (duplicates, merge, overrides, writing) over all.

Why the entries can be trusted:
- a key names its inputs completely, so an entry is right for as long as it exists; an edited
  rule file or a new version of the code changes every key (old entries simply stop matching);
- an entry is written in one transaction, so a killed build leaves whole entries or none, and
  two builds writing the same key write the same value;
- `validated` is set only by a build that finished (every row passed the table schemas), so a
  later build can skip the schema checks of those rows; it still checks ids across articles.

Entries not used by any build for `max_age_days` (default 30) are evicted at the end of a
build, then the least recently used while the store exceeds `max_bytes` (default 2 GiB);
`python -m defcoop cache` reports the size and `--clear` empties it.

>>> store = ResultStore(":memory:")
>>> key = entry_key(b"fp", "a.txt", hashlib.sha256(b"Vietnam and Cambodia held talks.").digest())
>>> store.put(key, {"rows": 1}); store.get(key), len(store)
(({'rows': 1}, False), 1)
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
import sys
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

STORE_FILE = "results.sqlite"
MAX_AGE_DAYS = float(os.environ.get("DEFCOOP_CACHE_DAYS", 30))
MAX_BYTES = int(float(os.environ.get("DEFCOOP_CACHE_MAX_MB", 2048)) * 2**20)
_SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    key BLOB PRIMARY KEY,
    value BLOB NOT NULL,
    validated INTEGER NOT NULL DEFAULT 0,
    used REAL NOT NULL
) WITHOUT ROWID
"""
# packages whose behaviour reaches the extracted rows (parsing YAML, word segmentation)
_PACKAGES = ("PyYAML", "wordsegment")


def code_fingerprint(*folders: Path) -> bytes:
    """Digest of every file under `folders` (names and bytes) plus Python and package versions.

    >>> len(code_fingerprint())
    32
    """
    from importlib import metadata

    digest = hashlib.sha256(sys.version.encode())
    for package in _PACKAGES:
        try:
            digest.update(f"{package}={metadata.version(package)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=-\0".encode())
    for folder in folders:
        folder = Path(folder)
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix != ".pyc" and "__pycache__" not in path.parts:
                digest.update(f"{folder.name}/{path.relative_to(folder).as_posix()}\0".encode())
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.digest()


def entry_key(fingerprint: bytes, relpath: str, data_digest: bytes) -> bytes:
    """The store key of one corpus file: fingerprint, relative path and the sha256 of its bytes."""
    digest = hashlib.sha256(fingerprint)
    digest.update(relpath.encode("utf-8") + b"\0")
    digest.update(data_digest)
    return digest.digest()


@dataclass(frozen=True)
class StoreStats:
    path: str
    entries: int
    validated: int
    bytes: int
    oldest_use: float | None

    def describe(self) -> str:
        """One line for people: where, how many entries, how big."""
        when = ("never used" if self.oldest_use is None else
                f"least recently used {time.strftime('%Y-%m-%d', time.localtime(self.oldest_use))}")
        return (f"{self.path}: {self.entries} article results ({self.validated} validated), "
                f"{self.bytes / 2**20:.1f} MiB, {when}")


class ResultStore:
    """Per-file results in SQLite (WAL: readers never wait for a writer)."""

    def __init__(self, path: str | os.PathLike, *, timeout: float = 60.0):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        if self.path != ":memory:":
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(_SCHEMA)

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM results").fetchone()[0]

    def known(self, keys: list[bytes]) -> dict[bytes, bool]:
        """Which of `keys` are stored, each with whether its rows were validated."""
        return {key: validated for key, (validated, _used) in self.status(keys).items()}

    def status(self, keys: list[bytes]) -> dict[bytes, tuple[bool, float]]:
        """(validated, last used) of each stored key among `keys`."""
        found: dict[bytes, tuple[bool, float]] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for key, validated, used in self._db.execute(
                    f"SELECT key, validated, used FROM results WHERE key IN ({marks})", chunk):
                found[bytes(key)] = (bool(validated), used)
        return found

    def get_many(self, keys: list[bytes], *, chunk: int = 256):
        """(value, validated) or None for each key, in order; read `chunk` keys per query."""
        for start in range(0, len(keys), chunk):
            part = keys[start:start + chunk]
            marks = ",".join("?" * len(part))
            rows = {bytes(key): (blob, validated) for key, blob, validated in self._db.execute(
                f"SELECT key, value, validated FROM results WHERE key IN ({marks})", part)}
            for key in part:
                row = rows.pop(key, None)
                yield None if row is None else _unpacked(row)

    def get(self, key: bytes):
        """(value, validated) for `key`, or None when it is missing or unreadable."""
        row = self._db.execute("SELECT value, validated FROM results WHERE key = ?", (key,)).fetchone()
        return None if row is None else _unpacked(row)

    def put(self, key: bytes, value) -> None:
        self.put_many([(key, value)])

    def put_many(self, items: list[tuple[bytes, object]]) -> None:
        """Store results in one transaction (a killed build keeps all of them or none)."""
        self.put_packed([(key, pack(value)) for key, value in items])

    def put_packed(self, items: list[tuple[bytes, bytes]]) -> None:
        """`put_many` for values already `pack`ed (in the worker processes that made them)."""
        if not items:
            return
        now = time.time()
        with self._transaction():
            self._db.executemany("INSERT OR REPLACE INTO results (key, value, validated, used) "
                                 "VALUES (?, ?, 0, ?)", ((key, blob, now) for key, blob in items))

    def mark_used(self, keys: list[bytes], *, validated: bool) -> None:
        """Record that a build used `keys`; `validated` once the build's tables passed their schemas."""
        now = time.time()
        with self._transaction():
            if validated:
                self._db.executemany("UPDATE results SET used = ?, validated = 1 WHERE key = ?",
                                     ((now, key) for key in keys))
            else:
                self._db.executemany("UPDATE results SET used = ? WHERE key = ?", ((now, key) for key in keys))

    def evict(self, *, max_age_days: float = MAX_AGE_DAYS, max_bytes: int = MAX_BYTES) -> int:
        """Drop entries unused for `max_age_days`, then the least recently used above `max_bytes`."""
        with self._transaction():
            dropped = self._db.execute("DELETE FROM results WHERE used < ?",
                                       (time.time() - max_age_days * 86400,)).rowcount
            total = self._db.execute("SELECT COALESCE(SUM(LENGTH(value)), 0) FROM results").fetchone()[0]
            if total > max_bytes:
                excess, doomed = total - max_bytes, []
                for key, size in self._db.execute("SELECT key, LENGTH(value) FROM results ORDER BY used, key"):
                    if excess <= 0:
                        break
                    doomed.append((key,))
                    excess -= size
                self._db.executemany("DELETE FROM results WHERE key = ?", doomed)
                dropped += len(doomed)
        if dropped:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return dropped

    def stats(self) -> StoreStats:
        entries, validated, size, oldest = self._db.execute(
            "SELECT COUNT(*), COALESCE(SUM(validated), 0), COALESCE(SUM(LENGTH(value)), 0), MIN(used) "
            "FROM results").fetchone()
        on_disk = sum(os.path.getsize(p) for p in (self.path, self.path + "-wal")
                      if self.path != ":memory:" and os.path.exists(p))
        return StoreStats(self.path, entries, validated, on_disk or size, oldest)

    def clear(self) -> int:
        with self._transaction():
            count = self._db.execute("DELETE FROM results").rowcount
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._db.execute("VACUUM")
        return count

    def close(self) -> None:
        self._db.close()

    def _transaction(self):
        return _Transaction(self._db)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error (the connection is in autocommit mode)."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self):
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, kind, error, trace):
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")
        return False


def _unpacked(row: tuple[bytes, int]):
    try:
        return unpack(row[0]), bool(row[1])
    except Exception:   # written by another version of a class: a miss, rebuilt and replaced
        return None


def _lz4():
    """pyarrow's LZ4 block codec (pyarrow is already pinned for pandas' string columns), or None
    without it: then entries are zlib-compressed, slower but the same values."""
    global _LZ4
    if _LZ4 is False:
        try:
            import pyarrow
            _LZ4 = pyarrow.Codec("lz4_raw")
        except (ImportError, ValueError):   # no pyarrow, or one built without LZ4
            _LZ4 = None
    return _LZ4


_LZ4 = False   # not looked up yet
_SIZE = 8      # bytes of the uncompressed length after an LZ4 entry's tag


def pack(value, *, codec: str = "lz4") -> bytes:
    """A stored value: pickled, then compressed, behind a one-byte tag naming the compression.

    LZ4 is the default because every build packs each extracted file (in the workers) and
    unpacks every stored one (in the parent, 10,000 of them to add one article to a 10k
    archive): against zlib's fastest level it compresses about 7 times and decompresses about
    10 times faster, for entries about a third larger.

    >>> [unpack(pack({"rows": 2}, codec=name)) for name in ("lz4", "zlib")]
    [{'rows': 2}, {'rows': 2}]
    """
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    lz4 = _lz4() if codec == "lz4" else None
    if lz4 is None:
        return b"z" + zlib.compress(data, 1)
    return b"4" + len(data).to_bytes(_SIZE, "little") + lz4.compress(data, asbytes=True)


def unpack(blob: bytes):
    """The value `pack` stored; ValueError for a blob it did not write."""
    tag = blob[:1]
    if tag == b"4" and _lz4() is not None:
        size = int.from_bytes(blob[1:1 + _SIZE], "little")
        return pickle.loads(_lz4().decompress(blob[1 + _SIZE:], decompressed_size=size, asbytes=True))
    if tag == b"z":
        return pickle.loads(zlib.decompress(blob[1:]))
    raise ValueError(f"not a stored result (tag {tag!r})")


def open_store(path: str | os.PathLike) -> ResultStore | None:
    """The store at `path`, or None (with a warning) when it cannot be opened: the build then
    extracts every file, which is slower but never wrong."""
    try:
        return ResultStore(path)
    except (sqlite3.Error, OSError) as error:
        print(f"defcoop: warning: result store {path} unusable ({error}); extracting every article",
              file=sys.stderr, flush=True)
        return None


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def cache_report(interim: Path) -> str:
    """What data/interim holds: the result store, the cached tables and the digest memos, with sizes.

    >>> print(cache_report(Path("/nonexistent")))
    result store: none (no build has used it yet)
    cached tables: 0 folders, 0.0 MiB
    corpus digest memos: 0 files, 0.0 MiB
    """
    interim = Path(interim)
    store_file = interim / STORE_FILE
    if store_file.exists():
        store = ResultStore(store_file)
        try:
            first = "result store: " + store.stats().describe()
        finally:
            store.close()
    else:
        first = "result store: none (no build has used it yet)"
    folders = [f for f in (interim / "tables").glob("*") if f.is_dir()]
    size = sum(_folder_bytes(f) for f in folders)
    memos = list((interim / "digests").glob("*.pickle"))
    memo_size = sum(m.stat().st_size for m in memos)
    return (f"{first}\ncached tables: {len(folders)} folders, {size / 2**20:.1f} MiB"
            f"\ncorpus digest memos: {len(memos)} files, {memo_size / 2**20:.1f} MiB")


def clear_cache(interim: Path) -> str:
    """Empty the result store and remove every cached table folder and digest memo; say what went."""
    import shutil

    interim = Path(interim)
    entries = 0
    store_file = interim / STORE_FILE
    if store_file.exists():
        store = ResultStore(store_file)
        try:
            entries = store.clear()
        finally:
            store.close()
    tables = [f for f in (interim / "tables").glob("*") if f.is_dir()]
    memos = list((interim / "digests").glob("*.pickle"))
    for folder in [f for f in interim.glob("*") if f.is_dir()]:   # tables, digest memos, older layouts
        shutil.rmtree(folder, ignore_errors=True)
    return (f"cleared {entries} stored article results, {len(tables)} cached table folders and "
            f"{len(memos)} corpus digest memos from {interim}")
