"""Stage 4 - tables: run every stage over a corpus and write tidy, validated CSVs.

Each file is processed on its own (`process_file`, picklable, so `--jobs N` can spread
files over processes); results come back in corpus order, duplicates are dropped, meetings
reported by several articles are merged, analyst overrides are applied last, every table
is validated against its schema, and the CSVs are swapped into place only once all of
them are written, so a failed build leaves the previous tables intact.

One pipeline: `build_to_folder` (what the CLI and `load_tables` run) streams rows to the
CSVs as results arrive, validates them in chunks and keeps only the small meeting candidates
for the merge, so memory stays flat on archives of 100,000 articles. `build_tables` is a thin
wrapper that builds into a temporary folder and reads the CSVs back as string DataFrames
(handy in notebooks and tests); `write_tables` writes such DataFrames again, same bytes.

>>> tables = build_tables("seeds")                # doctest: +SKIP
>>> write_tables(tables, "data/processed")        # doctest: +SKIP
>>> build_to_folder("seeds", "data/processed")    # doctest: +SKIP
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import struct
import sys
import tempfile
from array import array
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from defcoop import __version__
from defcoop.build import datapackage
from defcoop.schemas import ID_COLUMNS, TABLE_COLUMNS, TABLE_NAMES
from defcoop.paths import DEFAULT_CORPUS, INTERIM_DIR, OVERRIDES_FILE, PROCESSED_DIR, REFERENCE_DIR, RULES_DIR

MANIFEST = "manifest.json"
PROGRESS_EVERY = 500


@dataclass
class FileResult:
    """What one corpus file yields: extracted articles (with a text key for de-duplication) and rejects."""

    articles: list = field(default_factory=list)   # list[tuple[RawArticle, ArticleRecords]]
    rejects: list = field(default_factory=list)    # list[Reject]


def process_file(path: Path, root: Path) -> FileResult:
    """Read, clean and extract one corpus file; never raises on the file's content.

    >>> process_file(Path("seeds/000_3c5d06d2666c6444.txt"), Path("seeds")).articles[0][0].article_id  # doctest: +SKIP
    '000_3c5d06d2666c6444'
    """
    from defcoop.ingest.corpus import read_file
    from defcoop.extract.article import process_article

    raws, rejects = read_file(path, root)
    result = FileResult(rejects=list(rejects))
    for raw in raws:
        try:
            result.articles.append((raw, process_article(raw)))
        except Exception as error:  # a defect on one article must not cost the rest of the archive
            result.rejects.append(extraction_error(raw, error))
    return result


def extraction_error(raw, error: Exception):
    """The reject for an article that cleaning or extraction failed on, naming where it failed.

    Also printed to stderr, since it is a defect to report, not a property of the file.

    >>> from defcoop.ingest.corpus import RawArticle
    >>> try:
    ...     {}["x"]
    ... except KeyError as error:
    ...     extraction_error(RawArticle("a", "a.txt", "txt", "text"), error).detail.split(" at ")[0]
    "KeyError: 'x'"
    """
    import traceback

    from defcoop.ingest.corpus import Reject

    frames = traceback.extract_tb(error.__traceback__)
    package = Path(__file__).resolve().parents[1]
    where = next((f"{Path(f.filename).resolve().relative_to(package).as_posix()}:{f.lineno}" for f in reversed(frames)
                  if Path(f.filename).resolve().is_relative_to(package)),
                 frames[-1].name if frames else "?")
    detail = f"{type(error).__name__}: {error} at {where}"
    print(f"defcoop: extraction failed on {raw.path} ({raw.article_id}): {detail}", file=sys.stderr, flush=True)
    return Reject(raw.path, "extraction_error", detail)   # a .jsonl record's path ends in ":<line>"


def _process_file_slim(args) -> FileResult:
    """`process_file` with each article reduced to what the parent writes: its rows as CSV
    text (`EncodedArticle`), so the encoding runs in the worker processes and the raw text,
    which the parent only needs as a de-duplication key, is not pickled back."""
    result = process_file(*args)
    result.articles = [encode_article(raw, records) for raw, records in result.articles]
    return result


@dataclass
class EncodedArticle:
    """One article's rows as CSV text, encoded where it was extracted.

    `linked` holds, for agreements and sentences, (meeting_key, row id, text before the
    meeting_id cell, text after it): the meeting id is known only after the merge.
    """

    article_id: str
    path: str
    fingerprint: bytes                 # de-duplication key of the raw text
    article: str                       # the articles row, one CSV line
    log: str                           # its cleaning_log rows
    log_rows: int
    linked: dict                       # table -> list[tuple[meeting_key, id, head, tail]]
    meetings: list                     # list[MeetingCandidate]


class _RowEncoder:
    """CSV text of rows, exactly as `_csv_writer` writes them to a file."""

    def __init__(self):
        import io

        self._buffer = io.StringIO()
        self._writer = _csv_writer(self._buffer)

    def lines(self, rows: list[list]) -> str:
        buffer = self._buffer
        buffer.seek(0)
        buffer.truncate()
        self._writer.writerows(rows)
        return buffer.getvalue()

    def cells(self, cells: list) -> str:
        """CSV text of `cells` as they appear inside a longer row (no line end)."""
        return self.lines([cells])[:-1]


_ENCODER: _RowEncoder | None = None


def _encoder() -> _RowEncoder:
    global _ENCODER
    if _ENCODER is None:
        _ENCODER = _RowEncoder()
    return _ENCODER


def check_required(name: str, row: dict) -> None:
    """A missing value in a required column is an error (an empty string is a value).

    Checked before encoding, since a CSV cell cannot tell the two apart afterwards.

    >>> check_required("rejects", {"path": "a.txt", "reason": None})
    Traceback (most recent call last):
    defcoop.schemas.SchemaError: table rejects: column 'reason': not_nullable (value None, row {'path': 'a.txt', 'reason': None})
    """
    from defcoop.schemas import SchemaError

    for column in _required(name):
        if row.get(column) is None:
            raise SchemaError(f"table {name}: column {column!r}: not_nullable (value None, row {row!r})")


@lru_cache(maxsize=None)
def _required(name: str) -> tuple[str, ...]:
    from defcoop.schemas import required_columns

    return tuple(required_columns(name))


def encode_rows(name: str, rows: list[dict]) -> str:
    """CSV text of a table's rows (no header), after checking their required values."""
    columns = TABLE_COLUMNS[name]
    for row in rows:
        check_required(name, row)
    return _encoder().lines([_cells(row, columns) for row in rows]) if rows else ""


def encode_linked_rows(name: str, rows: list[dict]) -> list[tuple]:
    """(meeting_key, id, head, tail) of each agreements or sentences row (see `EncodedArticle`)."""

    columns, id_column, encoder = TABLE_COLUMNS[name], ID_COLUMNS[name], _encoder()
    split = columns.index("meeting_id")
    encoded = []
    for row in rows:
        check_required(name, row)
        cells = _cells(row, columns)
        encoded.append((row.get("meeting_key"), row[id_column], encoder.cells(cells[:split]),
                        encoder.cells(cells[split + 1:])))
    return encoded


def encode_article(raw, records) -> EncodedArticle:
    """What the parent needs of one extracted article, rows encoded."""
    from defcoop.ingest.corpus import text_fingerprint

    return EncodedArticle(
        article_id=records.article_id, path=raw.path, fingerprint=text_fingerprint(raw.text),
        article=encode_rows("articles", [records.article_row]),
        log=encode_rows("cleaning_log", records.log_rows), log_rows=len(records.log_rows),
        linked={name: encode_linked_rows(name, getattr(records, name)) for name in ("agreements", "sentences")},
        meetings=records.meetings,
    )


_WARM_UP_TEXT = ("Hanoi (VNA) - Vietnam and Cambodia agreed tointensify joint border patrols at the "
                 "second defence policy dialogue held in Hanoi on October 21, 2016.\n\n"
                 "Deputy Minister of National Defence Sen. Lt. Gen. Nguyen Chi Vinh and Gen. Tea Banh "
                 "signed the 2017 cooperation plan.")


RULE_MODULES = ("defcoop.extract.dates", "defcoop.extract.themes", "defcoop.extract.agreements",
                "defcoop.extract.sentences", "defcoop.extract.people", "defcoop.extract.places",
                "defcoop.extract.editions", "defcoop.extract.url_ids")


def load_rules() -> None:
    """Load and validate every rule file and reference table, re-reading any edited since.

    Run before any file is extracted, so a broken codebook or reference file stops the
    build before any file is processed or written.
    """
    import importlib

    from defcoop.rules.cache import load_all, refresh
    from defcoop.rules import languages, load_every_file, rules_language

    for module in RULE_MODULES:   # each registers its loaders on import
        importlib.import_module(module)

    refresh()
    for lang in languages():      # the rules compiled from each language's files, checked too
        with rules_language(lang):
            load_all()
    load_every_file()


def warm_up() -> None:
    """`load_rules`, then one extraction, then the word-segmentation lexicon's counts.

    Run before worker processes fork, so each is loaded once for the whole build (forked
    workers share it); a build that extracts in-process loads the lexicon only if a text needs it.
    """
    from defcoop.ingest.clean import load_lexicon
    from defcoop.ingest.corpus import RawArticle
    from defcoop.extract.article import process_article

    load_rules()
    raw = RawArticle("warm-up", "warm-up.txt", "txt", _WARM_UP_TEXT, meta={"published": "2016-10-22"})
    process_article(raw)
    load_lexicon()


POOL_MIN_FILES = 32   # with the default --jobs, fewer files to extract than this run in-process


def default_jobs() -> int:
    """Every core this process may use (the default for `build` and `load`)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:   # not on Linux
        return max(1, os.cpu_count() or 1)


def _process_file_packed(args) -> bytes:
    """`_process_file_slim`, packed for the result store where it was made (the parent only unpacks)."""
    from defcoop.build.store import pack

    return pack(_process_file_slim(args))


def extract_files(root: Path, files: list[Path], jobs: int | None, *, packed: bool = False):
    """Yield slim `FileResult`s (see `_process_file_slim`) in corpus order, using worker
    processes when `jobs` > 1 (None: every core, once there are `POOL_MIN_FILES` files);
    `packed`: each as the bytes the result store keeps (see `defcoop.build.store.pack`)."""
    work = _process_file_packed if packed else _process_file_slim
    if jobs is None:
        jobs = default_jobs() if len(files) >= POOL_MIN_FILES else 1
    if jobs <= 1 or len(files) < 2:
        for path in files:
            yield work((path, root))
        return
    import multiprocessing

    warm_up()

    context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    chunksize = max(1, min(16, len(files) // (jobs * 8) or 1))
    with context.Pool(jobs) as pool:
        yield from pool.imap(work, ((path, root) for path in files), chunksize=chunksize)


class _Reuse:
    """The build's side of the result store: look each file up, keep what was extracted."""

    FLUSH_EVERY = 256

    def __init__(self, store, fingerprint: bytes, digests: dict[str, bytes] | None = None):
        self.store, self.fingerprint, self.digests = store, fingerprint, digests or {}
        self.used: list[bytes] = []
        self.pending: list[tuple[bytes, FileResult]] = []
        self.reused = self.extracted = 0
        self.to_extract = 0   # known once the corpus is looked up

    MARK_AFTER = 86400.0   # a reused entry's last-use time is refreshed at most daily

    def needs_marking(self, validated: bool, used: float) -> bool:
        """Whether the store must record this build's use of a reused entry."""
        import time

        return not validated or used < time.time() - self.MARK_AFTER

    def key(self, root: Path, path: Path) -> bytes | None:
        from defcoop.build.store import entry_key

        relpath = path.relative_to(root).as_posix()
        digest = self.digests.get(relpath)
        if digest is None:
            try:
                digest = hashlib.sha256(path.read_bytes()).digest()
            except OSError:   # unreadable: extracted every time (it becomes a reject)
                return None
        return entry_key(self.fingerprint, relpath, digest)

    def keep(self, key: bytes | None, blob: bytes) -> None:
        """Store one packed result (written in batches)."""
        if key is None:
            return
        self.pending.append((key, blob))
        if len(self.pending) >= self.FLUSH_EVERY:
            self.flush()

    def flush(self) -> None:
        pending, self.pending = self.pending, []
        self._safely(self.store.put_packed, pending)

    def check_rules(self) -> None:
        """`load_rules` before extracting, unless a build under this fingerprint (the same rule
        and reference bytes, the same code) already checked every file: then the extraction
        loads only the rules its articles need. `refresh` still runs, so a live kernel drops
        rules it cached from other bytes (an edit reverted to an already-checked state)."""
        from defcoop.build.store import entry_key
        from defcoop.rules.cache import refresh

        key = entry_key(self.fingerprint, "\0every rule file checked", b"")
        try:
            checked = self.store.get(key) is not None
        except Exception:   # an unreadable entry costs speed only
            checked = False
        if checked:
            refresh()
        else:
            load_rules()
            self._safely(self.store.put, key, True)
        self.used.append(key)

    def validated_rows(self, root: Path) -> _ValidatedRows:
        """The cross-article rows an earlier finished build of `root` validated (see `_ValidatedRows`)."""
        from defcoop.build.store import entry_key

        self._rows_key = entry_key(self.fingerprint, f"\0validated rows of {root.resolve()}", b"")
        stored = None
        try:
            stored = self.store.get(self._rows_key)
        except Exception:   # an unreadable entry costs speed only
            pass
        self._rows = _ValidatedRows(stored[0] if stored is not None and stored[1] else frozenset())
        return self._rows

    def finish(self) -> None:
        """The build succeeded: every row it used passed the schemas."""
        self.flush()
        self._safely(lambda: self.store.mark_used(self.used, validated=True))
        rows = getattr(self, "_rows", None)
        if rows is not None:
            self._safely(lambda: self.store.put(self._rows_key, frozenset(rows.digests)))
            self._safely(lambda: self.store.mark_used([self._rows_key], validated=True))
        self._safely(self.store.evict)

    def _safely(self, action, *args) -> None:
        """Run a store write; a store that fails (disk full, locked too long) costs speed, not the build."""
        import sqlite3

        try:
            action(*args)
        except sqlite3.Error as error:
            print(f"defcoop: warning: result store {self.store.path}: {error}", file=sys.stderr, flush=True)


def iter_file_results(root: Path, files: list[Path], jobs: int | None, reuse: _Reuse | None = None):
    """Yield (slim `FileResult`, trusted) in corpus order: stored results where `reuse` has
    them, the rest extracted (in `jobs` processes). `trusted` rows passed the table schemas
    in an earlier build that finished."""
    from defcoop.build.store import unpack

    if reuse is None:
        load_rules()
        for result in extract_files(root, files, jobs):
            yield result, False
        return
    keys = [reuse.key(root, path) for path in files]
    known = reuse.store.status([key for key in keys if key is not None])
    reuse.to_extract = len(files) - len(known)
    if reuse.to_extract:   # the rules must be sound first
        reuse.check_rules()
    extracted = extract_files(root, [path for path, key in zip(files, keys) if key not in known], jobs,
                              packed=True)
    stored = reuse.store.get_many([key for key in keys if key in known])
    for path, key in zip(files, keys):
        hit = next(stored) if key in known else None
        if hit is not None:
            reuse.reused += 1
            if reuse.needs_marking(*known[key]):
                reuse.used.append(key)
            yield hit
            continue
        if key not in known:
            blob = next(extracted)
        else:   # stored but unreadable: extract it here
            load_rules()
            blob = _process_file_packed((path, root))
        result = unpack(blob)
        reuse.extracted += 1
        reuse.keep(key, blob)
        if key is not None:
            reuse.used.append(key)
        yield result, False
    for _ in extracted:   # let the pool shut down
        pass


def build_tables(corpus=None, *, jobs: int = 1, progress: bool = False, overrides=None) -> dict:
    """Run the whole pipeline on a corpus folder and return the tables as string DataFrames.

    A thin wrapper over `build_to_folder` (a temporary folder, read back), so the tables a
    notebook or test sees are exactly the CSVs the CLI writes: there is one pipeline.

    >>> sorted(build_tables("seeds"))   # doctest: +SKIP
    ['agreements', 'articles', 'cleaning_log', 'sentences', 'meetings', 'overrides_log', 'participants', 'rejects']
    """
    from defcoop.schemas import read_string_table

    with tempfile.TemporaryDirectory(prefix="defcoop-tables-") as folder:
        out = Path(folder) / "tables"
        build_to_folder(corpus, out, jobs=jobs, progress=progress, overrides=overrides)
        return {name: read_string_table(out / f"{name}.csv", name) for name in TABLE_NAMES}


def _reject_row(reject) -> dict:
    return {"path": reject.path, "reason": reject.reason, "detail": reject.detail}


# --- writing ---------------------------------------------------------------------------

def write_tables(tables: dict, out, *, inputs_hash: str = "") -> None:
    """Validate every table, then write all CSVs atomically into `out`.

    Files go to a temporary folder beside `out` first; only when every table is written
    are they moved into place, one `os.replace` each.
    """
    from defcoop.schemas import validate_tables

    validate_tables(tables)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    clean_stale_staging(out.parent)
    staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=out.parent))
    try:
        for name in TABLE_NAMES:
            _write_csv(tables[name], staging / f"{name}.csv")
        datapackage.write(staging)
        manifest = {"defcoop": __version__, "inputs_hash": inputs_hash,
                    "rows": {name: int(len(tables[name])) for name in TABLE_NAMES}}
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        _swap_into(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _write_csv(frame, path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        frame.to_csv(handle, index=False, lineterminator="\n")
        handle.flush()
        os.fsync(handle.fileno())


# --- streaming build ---------------------------------------------------------------------

VALIDATE_CHUNK = 20_000              # rows validated at once...
VALIDATE_CHUNK_CHARS = 4_000_000     # ...or fewer, when they are long (articles carry their text)
STAGING_PREFIX = ".defcoop-build-"


def _csv_writer(handle):
    """The CSV dialect pandas' to_csv uses (minimal quoting, "\n"): same bytes, no DataFrame."""
    return csv.writer(handle, lineterminator="\n")


def _cells(row: dict, columns) -> list:
    return ["" if row.get(column) is None else row[column] for column in columns]


class _Validator:
    """Checks a table's rows against its schema in chunks, and its ids across chunks.

    Rows arrive as the CSV text written for them and each chunk is read back the way
    `defcoop.schemas.read_string_table` reads a table, so what is checked is what analysts
    will load. Trusted rows (stored results an earlier finished build validated) skip the
    schema checks but not the id checks. Ids seen in earlier chunks are kept as 64-bit hashes in an array (8 bytes an
    id, against ~150 for a dict entry: 1.5 million ids at 100,000 articles); at `close` rows
    whose hashes repeat are read back with `values_at` and compared as text, so a hash
    collision is never reported as a duplicate.
    """

    _id_hash = staticmethod(hash)

    def __init__(self, name: str, values_at=None):
        from defcoop.schemas import unique_columns

        self.name, self.columns = name, TABLE_COLUMNS[name]
        self.count = 0                      # rows added, pending ones included
        self._pending: list[str] = []
        self._pending_at: list[range] = []  # the row numbers of each pending text
        self._pending_rows = self._pending_chars = 0
        self._hashes = {column: array("q") for column in unique_columns(name)}
        self._header = _encoder().lines([self.columns])
        self._values_at = values_at

    def add_text(self, text: str, rows: int, ids=(), trusted: bool = False) -> None:
        """`rows` rows written as `text`; `ids` their values of the table's id column, if it has one."""
        for hashes in self._hashes.values():
            hashes.extend(map(self._id_hash, ids))
        start = self.count
        self.count += rows
        if trusted or not rows:
            return
        self._pending.append(text)
        self._pending_at.append(range(start, start + rows))
        self._pending_rows += rows
        self._pending_chars += len(text)
        if self._pending_rows >= VALIDATE_CHUNK or self._pending_chars >= VALIDATE_CHUNK_CHARS:
            self._validate()

    def _validate(self) -> None:
        import io

        import pandas as pd

        from defcoop.schemas import SchemaError, read_string_table, validate_table

        text, rows, at = "".join(self._pending), self._pending_rows, self._pending_at
        self._pending, self._pending_at, self._pending_rows, self._pending_chars = [], [], 0, 0
        frame = read_string_table(io.StringIO(self._header + text), self.name)
        start = at[0].start if at else self.count
        if len(frame) != rows:
            raise SchemaError(f"table {self.name}: {rows} rows written from row {start}, {len(frame)} read back")
        frame.index = (pd.RangeIndex(start, start + rows) if len(at) <= 1 else
                       pd.Index([row for block in at for row in block]))
        validate_table(self.name, frame)   # unique within the chunk, among the rest

    def close(self) -> int:
        """Validate what is pending, then check ids across chunks; return the row count."""
        if self._pending or self.count == 0:
            self._validate()
        for column, hashes in self._hashes.items():
            self._check_unique(column, hashes)
        self._hashes.clear()
        return self.count

    def _check_unique(self, column: str, hashes) -> None:
        import numpy as np

        from defcoop.schemas import SchemaError

        values = np.frombuffer(hashes, dtype=np.int64) if len(hashes) else np.zeros(0, dtype=np.int64)
        order = np.argsort(values, kind="stable")
        ordered = values[order]
        repeats = np.flatnonzero(ordered[1:] == ordered[:-1])
        if not len(repeats):
            return
        suspects = sorted({int(order[i]) for i in repeats} | {int(order[i + 1]) for i in repeats})
        text = self._values_at(column, suspects)
        first: dict = {}
        for index in suspects:   # rows in order: the first repeat found is the earliest one
            value = text[index]
            if value in first:
                raise SchemaError(f"table {self.name}: column {column!r}: field_uniqueness "
                                  f"(value {value!r}, row {index}; first at row {first[value]})")
            first[value] = index


class _ValidatedRows:
    """Digests of the cross-article rows (meetings, participants) a finished build validated.

    Those rows are made anew by every build from all the articles, so an incremental build
    would validate them all again although almost all are the same text as last time. A row's
    schema checks look only at the row itself (its ids are still checked across the table), so
    a row whose exact text passed under the same code and rules passes again. The digests are
    kept in the result store under the code fingerprint and the corpus, replaced by each build.

    >>> rows = _ValidatedRows(frozenset())
    >>> rows.seen("meetings", "m1,2016-10-21"), len(rows.digests)
    (False, 1)
    >>> _ValidatedRows(rows.digests).seen("meetings", "m1,2016-10-21")
    True
    """

    def __init__(self, known: frozenset[bytes]):
        self.known, self.digests = known, set()

    def seen(self, table: str, text: str) -> bool:
        """Remember `text` as a row of `table` of this build; True when a finished build validated it."""
        digest = hashlib.blake2b(f"{table}\0{text}".encode("utf-8"), digest_size=16).digest()
        self.digests.add(digest)
        return digest in self.known


class _TableSink:
    """Writes one table's rows to a CSV as they come, validating them on the way."""

    def __init__(self, name: str, path: Path):
        self.name, self.path, self.columns = name, path, TABLE_COLUMNS[name]
        self.handle = open(path, "w", encoding="utf-8", newline="")
        _csv_writer(self.handle).writerow(self.columns)
        self.validator = _Validator(name, values_at=self._values_at)
        self._id_columns = tuple(self.validator._hashes)

    def add(self, row: dict, validated: _ValidatedRows | None = None) -> None:
        """Write one row made in this process (meetings, rejects...); with `validated`, a row
        whose exact text an earlier finished build validated skips the schema checks."""
        text = encode_rows(self.name, [row])
        trusted = validated.seen(self.name, text) if validated is not None else False
        self.add_text(text, 1, [row[c] for c in self._id_columns], trusted)

    def add_text(self, text: str, rows: int, ids=(), trusted: bool = False) -> None:
        """Write rows already encoded (see `encode_rows`)."""
        self.handle.write(text)
        self.validator.add_text(text, rows, ids, trusted)

    def _values_at(self, column: str, rows: list[int]) -> dict[int, str]:
        """Cells of `column` in the given (0-based) data rows, read back from the file so far."""
        self.handle.flush()
        wanted, position = set(rows), self.columns.index(column)
        with open(self.path, encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            next(reader)
            return {index: cells[position] for index, cells in enumerate(reader) if index in wanted}

    def close(self) -> int:
        self.handle.flush()
        count = self.validator.close()
        os.fsync(self.handle.fileno())
        self.handle.close()
        return count


class _Overrides:
    """Analyst overrides indexed by (table, id), applied row by row as rows are written.

    Each targeted row goes through `defcoop.build.overrides.apply_overrides` as a one-row table,
    so values and the overrides_log rows are exactly what the in-memory build gives.
    """

    def __init__(self, overrides: list):
    
        self.overrides = list(overrides)
        self.id_columns = ID_COLUMNS
        self.by_row: dict[tuple[str, str], list[int]] = {}
        for number, override in enumerate(self.overrides):
            self.by_row.setdefault((override.table, override.id), []).append(number)
        self.log: dict[int, dict] = {}

    def targets(self, table: str, row_id: str) -> bool:
        """Whether some override is meant for this row."""
        return bool(self.by_row) and (table, row_id) in self.by_row

    def apply(self, table: str, row: dict) -> dict:
        column = self.id_columns.get(table)
        if column is None or not self.by_row:
            return row
        numbers = self.by_row.get((table, row.get(column)))
        if not numbers or numbers[0] in self.log:   # a repeated id is the validator's to report
            return row
        import pandas as pd

        from defcoop.build.overrides import apply_overrides

        frame = pd.DataFrame([row], columns=TABLE_COLUMNS[table]).astype("string")
        result = apply_overrides({table: frame}, [self.overrides[n] for n in numbers])
        for number, entry in zip(numbers, result["overrides_log"].to_dict("records")):
            self.log[number] = {key: (None if pd.isna(value) else value) for key, value in entry.items()}
        fixed = result[table].iloc[0]
        return {key: (None if pd.isna(value) else value) for key, value in fixed.items()}

    def finish(self) -> list[dict]:
        """The overrides_log rows in file order; an override that matched no row raises as
        `apply_overrides` does."""
        import pandas as pd

        from defcoop.build.overrides import apply_overrides

        for number, override in enumerate(self.overrides):
            if number not in self.log:
                empty = pd.DataFrame(columns=TABLE_COLUMNS[override.table]).astype("string")
                apply_overrides({override.table: empty}, [override])   # raises OverridesError
        return [self.log[number] for number in range(len(self.overrides))]


class _MeetingLinkedSpool:
    """Rows of a table with a meeting_id column (agreements, sentences) wait on disk until
    meetings are merged and their meeting_id is known.

    Rows are validated as they arrive (meeting_id has no check but its type) and stored as
    their CSV text before and after the meeting_id cell, length-prefixed so any character is
    safe; `write` puts each row's meeting id between the two. Only each article's id and the
    meeting key of each of its rows stay in memory.
    """

    _HEADER = struct.Struct("<II")

    def __init__(self, name: str, path: Path):
    
        self.name, self.path, self.columns = name, path, TABLE_COLUMNS[name]
        self.id_column = ID_COLUMNS[name]
        self.handle = open(path, "w+b")
        self.validator = _Validator(name, values_at=self._values_at)
        self.articles: list[tuple[str, list]] = []   # (article_id, meeting key of each row), in order
        self._split = self.columns.index("meeting_id")

    def add(self, article_id: str, rows: list[tuple], trusted: bool = False) -> None:
        """Spool one article's rows, as `encode_linked_rows` gives them."""
        if not rows:
            return
        pack = self._HEADER.pack
        spooled, text = [], []
        for _key, _row_id, head, tail in rows:
            head_bytes, tail_bytes = head.encode("utf-8"), tail.encode("utf-8")
            spooled += (pack(len(head_bytes), len(tail_bytes)), head_bytes, tail_bytes)
            text.append(f"{head},,{tail}\n")   # meeting_id is empty until the merge
        self.handle.write(b"".join(spooled))
        self.validator.add_text("".join(text), len(rows), [row[1] for row in rows], trusted)
        self.articles.append((article_id, [row[0] for row in rows]))

    def _records(self):
        """(head, tail) text of every spooled row, in order."""
        self.handle.flush()
        self.handle.seek(0)
        read, unpack, size = self.handle.read, self._HEADER.unpack, self._HEADER.size
        for _article_id, keys in self.articles:
            for _key in keys:
                head_len, tail_len = unpack(read(size))
                yield read(head_len).decode("utf-8"), read(tail_len).decode("utf-8")

    def _values_at(self, column: str, rows: list[int]) -> dict[int, str]:
        """Cells of `column` in the given data rows, decoded from the spool."""
        wanted, position = set(rows), self.columns.index(column)
        found = {}
        for index, (head, tail) in enumerate(self._records()):
            if index in wanted:
                found[index] = _decode_row(head, tail, self.columns, self._split, None)[column] or ""
        self.handle.seek(0, os.SEEK_END)
        return found

    def write(self, path: Path, meeting_ids: dict, overrides: _Overrides) -> int:
        """Write the table's CSV with the meeting ids (and any analyst override); return rows."""
        count = self.validator.close()
        columns, name = self.columns, self.name
        corrected = {key[1] for key in overrides.by_row if key[0] == name}
        keys = (key for _article_id, keys in self.articles for key in keys)
        article_ids = (article_id for article_id, keys in self.articles for _ in keys)
        cell_of: dict = {None: ""}
        with open(path, "w", encoding="utf-8", newline="") as out:
            writer = _csv_writer(out)
            writer.writerow(columns)
            for index, (head, tail) in enumerate(self._records()):
                key, article_id = next(keys), next(article_ids)
                meeting_id = meeting_ids.get((article_id, key)) if key is not None else None
                if corrected:
                    row = _decode_row(head, tail, columns, self._split, meeting_id)
                    if row[self.id_column] in corrected:
                        fixed = overrides.apply(name, row)
                        _validate_one(name, fixed, index)
                        writer.writerow(_cells(fixed, columns))
                        continue
                cell = cell_of.get(meeting_id)
                if cell is None:
                    cell = cell_of[meeting_id] = self._encode([meeting_id, ""])[:-1]
                out.write(f"{head},{cell},{tail}\n" if head else f"{cell},{tail}\n")
            out.flush()
            os.fsync(out.fileno())
        self.handle.close()
        self.path.unlink()
        return count

    @staticmethod
    def _encode(cells: list) -> str:
        return _encoder().cells(cells)


def _validate_one(name: str, row: dict, index: int) -> None:
    import pandas as pd

    from defcoop.schemas import validate_table

    frame = pd.DataFrame([row], columns=TABLE_COLUMNS[name], index=pd.RangeIndex(index, index + 1))
    validate_table(name, frame.astype("string"))


def _decode_line(text: str, name: str) -> dict:
    """The row of one encoded CSV line of table `name`: empty cells are None, except in
    required columns (as `defcoop.schemas.read_string_table` reads them).

    >>> _decode_line('a1,,"x, y"', "rejects")
    {'path': 'a1', 'reason': '', 'detail': 'x, y'}
    """
    import io

    values = next(csv.reader(io.StringIO(text)))
    required = _required(name)
    return {column: (value if value != "" or column in required else None)
            for column, value in zip(TABLE_COLUMNS[name], values)}


def _decode_row(head: str, tail: str, columns: list, split: int, meeting_id) -> dict:
    values = next(csv.reader([head])) if split else []
    values.append(meeting_id or "")
    values += next(csv.reader([tail]))
    return {column: (value if value != "" else None) for column, value in zip(columns, values)}


def clean_stale_staging(parent: Path) -> None:
    """Remove staging folders left by builds that were killed (their process is gone)."""
    if not parent.is_dir():
        return
    for folder in parent.glob(STAGING_PREFIX + "*"):
        parts = folder.name[len(STAGING_PREFIX):].split("-", 1)
        if not parts[0].isdigit():
            continue
        pid = int(parts[0])
        if pid == os.getpid():
            continue
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except PermissionError:   # alive, someone else's
            continue


def build_to_folder(corpus=None, out=None, *, jobs: int | None = None, progress: bool | str = False,
                    overrides=None, inputs_hash: str = "", store=None,
                    file_digests: dict[str, bytes] | None = None) -> dict[str, int]:
    """Build the tables of `corpus` straight into `out`, streaming; return row counts by table.

    `build_tables` and `load_tables` run this too. Overrides,
    rules and reference data are checked before any file is read; the tables go to a staging
    folder beside `out` and replace the previous ones only when all are written and valid,
    so an error or a kill (SIGKILL included) leaves the previous tables as they were.

    `store` (a path to a `defcoop.build.store.ResultStore` file, or None for none) lets the build
    reuse each unchanged file's stored result and extract only new or changed files; the
    tables are the same bytes either way (`file_digests`: the corpus files' sha256 by relative
    path, when the caller has them, so no file is read twice). `jobs=None` uses every core when
    there is enough to extract. `progress="auto"` reports only builds that extract many files.
    """
    from defcoop.ingest.corpus import list_corpus_files
    from defcoop.build.overrides import load_overrides

    root = Path(corpus) if corpus is not None else DEFAULT_CORPUS
    out = Path(out) if out is not None else PROCESSED_DIR
    pending_overrides = _Overrides(load_overrides(overrides if overrides is not None else OVERRIDES_FILE))
    files = list_corpus_files(root)
    reuse = _open_reuse(store, file_digests)
    out.parent.mkdir(parents=True, exist_ok=True)
    clean_stale_staging(out.parent)
    staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=out.parent))
    try:
        counts = _stream(root, files, staging, jobs, progress, pending_overrides, reuse)
        _LAST_BUILD.update(files=len(files), reused=reuse.reused if reuse else 0,
                           extracted=reuse.extracted if reuse else len(files))
        if reuse is not None:
            reuse.finish()
        datapackage.write(staging)
        manifest = {"defcoop": __version__, "inputs_hash": inputs_hash, "rows": counts}
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        stop_point("before_swap")
        _swap_into(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if reuse is not None:
            reuse.flush()   # results of a failed build are kept, not marked validated
            reuse.store.close()
    return {name: counts[name] for name in TABLE_NAMES}


_LAST_BUILD: dict[str, int] = {}


def last_build() -> dict[str, int]:
    """Files in the last build this process ran, how many were reused from the store and how
    many extracted; empty before any build.

    >>> sorted(last_build()) in ([], ['extracted', 'files', 'reused'])
    True
    """
    return dict(_LAST_BUILD)


def _open_reuse(store, digests: dict[str, bytes] | None = None) -> _Reuse | None:
    from defcoop.build.store import code_fingerprint, open_store

    if store is None:
        return None
    opened = open_store(store)
    if opened is None:
        return None
    return _Reuse(opened, code_fingerprint(REFERENCE_DIR, RULES_DIR, Path(__file__).parents[1]), digests)


def _stream(root: Path, files: list, staging: Path, jobs: int | None, progress: bool | str,
            overrides: _Overrides, reuse: _Reuse | None = None) -> dict[str, int]:
    """Write every table into `staging` as file results arrive; return row counts by table.

    Articles and cleaning_log rows go straight to their CSVs; agreements and sentences
    wait in spools for their meeting ids; only meeting candidates (for the merge), one
    fingerprint per article (for duplicates) and rejects stay in memory.
    """
    from defcoop.ingest.corpus import DuplicateFilter
    from defcoop.extract.meetings import merged_meeting_rows

    articles = _TableSink("articles", staging / "articles.csv")
    log = _TableSink("cleaning_log", staging / "cleaning_log.csv")
    spools = {name: _MeetingLinkedSpool(name, staging / f"{name}.spool") for name in ("agreements", "sentences")}
    rejects: list[dict] = []
    candidates: list = []
    duplicates = DuplicateFilter()
    report = _Progress(len(files), progress, reuse)
    for done, (result, trusted) in enumerate(iter_file_results(root, files, jobs, reuse), start=1):
        rejects.extend(_reject_row(r) for r in result.rejects)
        for encoded in result.articles:
            duplicate = duplicates.check(encoded.article_id, encoded.path, encoded.fingerprint)
            if duplicate is not None:
                rejects.append(_reject_row(duplicate))
                continue
            if overrides.targets("articles", encoded.article_id):
                articles.add(overrides.apply("articles", _decode_line(encoded.article, "articles")))
            else:
                articles.add_text(encoded.article, 1, (encoded.article_id,), trusted)
            log.add_text(encoded.log, encoded.log_rows, (), trusted)
            for name, spool in spools.items():
                spool.add(encoded.article_id, encoded.linked[name], trusted)
            candidates.extend(candidate.compact() for candidate in encoded.meetings)
        report.step(done)
        if done == 1:
            stop_point("streaming")
    del duplicates
    counts = {"articles": articles.close(), "cleaning_log": log.close()}

    meetings, participants, meeting_ids = merged_meeting_rows(candidates)
    del candidates
    validated = reuse.validated_rows(root) if reuse is not None else None
    for name, rows in (("meetings", meetings), ("participants", participants)):
        sink = _TableSink(name, staging / f"{name}.csv")
        for row in rows:
            sink.add(overrides.apply(name, row), validated)
        counts[name] = sink.close()
    del meetings, participants
    for name, spool in spools.items():
        counts[name] = spool.write(staging / f"{name}.csv", meeting_ids, overrides)

    rejects.sort(key=lambda row: (row["path"], row["reason"]))
    sink = _TableSink("rejects", staging / "rejects.csv")
    for row in rejects:
        sink.add(row)
    counts["rejects"] = sink.close()
    sink = _TableSink("overrides_log", staging / "overrides_log.csv")
    for row in overrides.finish():
        sink.add(row)
    counts["overrides_log"] = sink.close()
    return counts


class _Progress:
    """Progress lines on stderr: files done, and how many were reused from the store."""

    def __init__(self, total: int, mode: bool | str, reuse: _Reuse | None):
        self.total, self.mode, self.reuse = total, mode, reuse

    @property
    def on(self) -> bool:
        """`True`: always; "auto": when there are `PROGRESS_EVERY` files or more to extract."""
        if self.mode != "auto":
            return bool(self.mode)
        to_extract = self.total if self.reuse is None else self.reuse.to_extract
        return to_extract >= PROGRESS_EVERY

    def step(self, done: int) -> None:
        if (done % PROGRESS_EVERY == 0 or done == self.total) and self.on:
            detail = ""
            if self.reuse is not None:
                detail = f" ({self.reuse.reused} reused from the result store, {self.reuse.extracted} extracted)"
            print(f"defcoop: processed {done}/{self.total} files{detail}", file=sys.stderr, flush=True)


STOP_AT = "DEFCOOP_TEST_STOP_AT"


def stop_point(name: str) -> None:
    """A test-only hook: SIGKILL this process here when DEFCOOP_TEST_STOP_AT names this point.

    Lets a test kill a build at an exact step ("streaming": after the first file's rows were
    staged; "before_swap": every table staged, none swapped in) instead of racing it.

    >>> stop_point("before_swap")   # not set: nothing happens
    """
    if os.environ.get(STOP_AT) == name:
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


def _swap_into(staging: Path, out: Path) -> None:
    """Move every written file into `out`, the manifest last (it vouches for the tables)."""
    out.mkdir(parents=True, exist_ok=True)
    items = sorted(staging.iterdir(), key=lambda item: (item.name == MANIFEST, item.name))
    for item in items:
        os.replace(item, out / item.name)
    try:
        fd = os.open(out, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --- caching ------------------------------------------------------------------------------

def corpus_digests(corpus, *, remember: bool = False) -> dict[str, bytes]:
    """sha256 of every file of a corpus by relative path: read once per build, used by both the
    inputs hash and the result store's keys. `remember`: skip files unchanged since an earlier
    call (see `defcoop.build.digests`; the memo lives in data/interim/digests/).

    >>> sorted(corpus_digests("seeds"))[0]   # doctest: +SKIP
    '000_3c5d06d2666c6444.txt'
    """
    from defcoop.build import digests

    return digests.corpus_digests(corpus, DIGESTS_DIR if remember else None)


def inputs_hash(corpus, digests: dict[str, bytes] | None = None) -> str:
    """Content hash of everything a build depends on: corpus files, rules and the code.

    `digests` are the corpus files' (`corpus_digests`), when already computed.

    >>> len(inputs_hash("seeds"))   # doctest: +SKIP
    64
    """
    digest = hashlib.sha256()
    for relpath, file_digest in (digests if digests is not None else corpus_digests(corpus)).items():
        digest.update(f"corpus:{relpath}\0".encode())
        digest.update(file_digest)
    sources = []
    for label, base in (("reference", REFERENCE_DIR), ("rules", RULES_DIR), ("code", Path(__file__).parents[1])):
        sources += [(label, base, p) for p in sorted(base.rglob("*")) if p.is_file() and p.suffix != ".pyc"]
    if OVERRIDES_FILE.exists():
        sources.append(("overrides", OVERRIDES_FILE.parent, OVERRIDES_FILE))
    if datapackage.README.exists():   # column descriptions of datapackage.json
        sources.append(("docs", datapackage.README.parent, datapackage.README))
    for label, base, path in sources:
        digest.update(f"{label}:{path.relative_to(base).as_posix()}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def read_tables(folder) -> dict:
    """Read written CSVs back as typed DataFrames (dates as datetime64, counts as Int64)."""
    from defcoop.schemas import read_table

    return {name: read_table(Path(folder) / f"{name}.csv", name) for name in TABLE_NAMES}


DIGESTS_DIR = INTERIM_DIR / "digests"


def store_path() -> Path:
    """Where builds keep per-article results: data/interim/results.sqlite."""
    from defcoop.build.store import STORE_FILE

    return INTERIM_DIR / STORE_FILE


def tables_folder(corpus) -> Path:
    """The cached tables of one corpus folder: one folder per corpus, replaced when it changes."""
    name = hashlib.sha256(str(Path(corpus).resolve()).encode("utf-8")).hexdigest()[:16]
    return INTERIM_DIR / "tables" / name


def load_tables(corpus=None, *, rebuild: bool = False, jobs: int | None = None) -> dict:
    """Tables for `corpus`, from data/processed or a cache in data/interim, built when stale.

    A build reuses the stored result of every unchanged article (see `defcoop.build.store`), so
    adding one article to a large archive re-extracts one article; `rebuild=True` ignores
    both the cached tables and the stored results.
    """
    from defcoop.ingest.corpus import CorpusError
    from defcoop.rules.cache import refresh

    root = Path(corpus) if corpus is not None else DEFAULT_CORPUS
    if not root.is_dir():
        raise CorpusError(f"corpus folder not found: {root}")
    refresh()
    digests = corpus_digests(root, remember=True)
    digest = inputs_hash(root, digests)
    candidates = [PROCESSED_DIR] if root.resolve() == DEFAULT_CORPUS.resolve() else []
    candidates.append(tables_folder(root))
    if not rebuild:
        for folder in candidates:
            if _manifest_hash(folder) == digest:
                if folder != PROCESSED_DIR:
                    _touch(folder / MANIFEST)
                return read_tables(folder)
    folder = candidates[-1]
    build_to_folder(root, folder, inputs_hash=digest, jobs=jobs, progress="auto",
                    store=None if rebuild else store_path(), file_digests=digests)
    evict_tables(INTERIM_DIR)
    return read_tables(folder)


def evict_tables(interim: Path, *, max_age_days: float | None = None) -> list[Path]:
    """Remove cached tables and corpus digest memos no load used for `max_age_days`, and the
    per-state folders (data/interim/<hash>/) that versions before the result store left; return what went."""
    import time

    from defcoop.build.store import MAX_AGE_DAYS

    cutoff = time.time() - (MAX_AGE_DAYS if max_age_days is None else max_age_days) * 86400
    legacy = [f for f in interim.glob("*") if f.is_dir() and len(f.name) == 16
              and all(c in "0123456789abcdef" for c in f.name)]   # never read again
    from defcoop.build.digests import evict_memos

    gone = evict_memos(interim / DIGESTS_DIR.name, cutoff)
    for folder in [*legacy, *(f for f in (interim / "tables").glob("*") if f.is_dir())]:
        try:
            used = (folder / MANIFEST).stat().st_mtime
        except OSError:
            used = 0.0
        if folder in legacy or used < cutoff:
            shutil.rmtree(folder, ignore_errors=True)
            gone.append(folder)
    return gone


def _touch(path: Path) -> None:
    """Mark cached tables as used, so eviction keeps them."""
    try:
        os.utime(path)
    except OSError:
        pass


def _manifest_hash(folder: Path) -> str | None:
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8")).get("inputs_hash")
    except (OSError, ValueError):
        return None
