"""Stage 4 - tables: run every stage over a corpus and write tidy, validated CSVs.

Each file is processed on its own (`process_file`, picklable, so `--jobs N` can spread
files over processes); results come back in corpus order, duplicates are dropped, meetings
reported by several articles are merged, analyst overrides are applied last, every table
is validated against its schema, and the CSVs are swapped into place only once all of
them are written, so a failed build leaves the previous tables intact.

>>> tables = build_tables("seeds")                # doctest: +SKIP
>>> write_tables(tables, "data/processed")        # doctest: +SKIP
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from defcoop import __version__
from defcoop.paths import CODEBOOK_DIR, DEFAULT_CORPUS, INTERIM_DIR, OVERRIDES_FILE, PROCESSED_DIR, REFERENCE_DIR

TABLE_COLUMNS: dict[str, list[str]] = {
    "articles": [
        "article_id", "title", "source", "dateline", "url", "published", "language", "format",
        "path", "encoding", "chars_raw", "chars_clean", "n_sentences", "text",
    ],
    "rejects": ["path", "reason", "detail"],
    "cleaning_log": ["article_id", "action", "rule", "line", "text"],
    "meetings": [
        "meeting_id", "article_ids", "date_start", "date_end", "date_precision", "date_evidence",
        "place", "country", "mechanism", "edition", "format", "vn_lead", "kh_lead", "evidence_sentence",
    ],
    "participants": ["participant_id", "meeting_id", "person", "country", "role", "name_as_written", "article_id"],
    "agreements": ["agreement_id", "meeting_id", "article_id", "kind", "subject", "sentence"],
    "commitments": [
        "commitment_id", "article_id", "meeting_id", "sentence_index", "sentence", "kind", "actor", "themes",
    ],
    "overrides_log": ["line", "table", "id", "field", "old_value", "new_value", "note"],
}
TABLE_NAMES = tuple(TABLE_COLUMNS)
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
    from defcoop.clean import clean_article
    from defcoop.corpus import read_file
    from defcoop.extract import extract_article

    raws, rejects = read_file(path, root)
    result = FileResult(rejects=list(rejects))
    for raw in raws:
        result.articles.append((raw, extract_article(clean_article(raw), raw)))
    return result


def _process_file_star(args):
    return process_file(*args)


def iter_file_results(root: Path, files: list[Path], jobs: int):
    """Yield `FileResult`s in corpus order, using `jobs` worker processes when > 1."""
    if jobs <= 1 or len(files) < 2:
        for path in files:
            yield process_file(path, root)
        return
    import multiprocessing

    context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    chunksize = max(1, min(64, len(files) // (jobs * 8) or 1))
    with context.Pool(jobs) as pool:
        yield from pool.imap(_process_file_star, ((path, root) for path in files), chunksize=chunksize)


def build_tables(corpus=None, *, jobs: int = 1, progress: bool = False, overrides=None) -> dict:
    """Run the whole pipeline on a corpus folder and return the tables as DataFrames.

    >>> sorted(build_tables("seeds"))   # doctest: +SKIP
    ['agreements', 'articles', 'cleaning_log', 'commitments', 'meetings', 'participants', 'rejects']
    """
    from defcoop.corpus import list_corpus_files
    from defcoop.meetings import assemble_meetings
    from defcoop.overrides import apply_overrides, load_overrides

    root = Path(corpus) if corpus is not None else DEFAULT_CORPUS
    override_rows = load_overrides(overrides if overrides is not None else OVERRIDES_FILE)
    files = list_corpus_files(root)
    rows = {name: [] for name in TABLE_NAMES if name != "overrides_log"}
    seen_text: dict[str, str] = {}
    seen_id: dict[str, str] = {}
    extracted = []
    for done, result in enumerate(iter_file_results(root, files, jobs), start=1):
        rows["rejects"].extend(_reject_row(r) for r in result.rejects)
        for raw, records in result.articles:
            duplicate = _duplicate_reject(raw, seen_text, seen_id)
            if duplicate is not None:
                rows["rejects"].append(_reject_row(duplicate))
                continue
            extracted.append(records)
            rows["articles"].append(records.article_row)
            rows["cleaning_log"].extend(records.log_rows)
        if progress and (done % PROGRESS_EVERY == 0 or done == len(files)):
            print(f"defcoop: processed {done}/{len(files)} files", file=sys.stderr, flush=True)
    for name, table_rows in assemble_meetings(extracted).items():
        rows[name].extend(table_rows)
    rows["rejects"].sort(key=lambda row: (row["path"], row["reason"]))
    tables = {name: _frame(name, table_rows) for name, table_rows in rows.items()}
    return apply_overrides(tables, override_rows)


def _reject_row(reject) -> dict:
    return {"path": reject.path, "reason": reject.reason, "detail": reject.detail}


def _text_key(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()


def _duplicate_reject(raw, seen_text: dict, seen_id: dict):
    """Return a Reject when `raw` repeats an earlier article's id or text, else record it."""
    from defcoop.corpus import Reject

    if raw.article_id in seen_id:
        return Reject(raw.path, "duplicate_id", f"id already used by {seen_id[raw.article_id]}")
    key = _text_key(raw.text)
    if key in seen_text:
        return Reject(raw.path, "duplicate", f"same text as {seen_text[key]}")
    seen_id[raw.article_id] = raw.path
    seen_text[key] = raw.article_id
    return None


def _frame(name: str, rows: list[dict]):
    import pandas as pd

    return pd.DataFrame(rows, columns=TABLE_COLUMNS[name]).astype("string")


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
    staging = Path(tempfile.mkdtemp(prefix=".defcoop-build-", dir=out.parent))
    try:
        for name in TABLE_NAMES:
            _write_csv(tables[name], staging / f"{name}.csv")
        manifest = {"defcoop": __version__, "inputs_hash": inputs_hash,
                    "rows": {name: int(len(tables[name])) for name in TABLE_NAMES}}
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        for item in sorted(staging.iterdir()):
            os.replace(item, out / item.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _write_csv(frame, path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        frame.to_csv(handle, index=False, lineterminator="\n")
        handle.flush()
        os.fsync(handle.fileno())


# --- caching ------------------------------------------------------------------------------

def inputs_hash(corpus) -> str:
    """Content hash of everything a build depends on: corpus files, rules and the code.

    >>> len(inputs_hash("seeds"))   # doctest: +SKIP
    64
    """
    digest = hashlib.sha256()
    root = Path(corpus)
    sources = [("corpus", root, p) for p in sorted(root.rglob("*")) if p.is_file()]
    for label, base in (("reference", REFERENCE_DIR), ("codebook", CODEBOOK_DIR), ("code", Path(__file__).parent)):
        sources += [(label, base, p) for p in sorted(base.rglob("*")) if p.is_file() and p.suffix != ".pyc"]
    if OVERRIDES_FILE.exists():
        sources.append(("overrides", OVERRIDES_FILE.parent, OVERRIDES_FILE))
    for label, base, path in sources:
        digest.update(f"{label}:{path.relative_to(base).as_posix()}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def read_tables(folder) -> dict:
    """Read written CSVs back as typed DataFrames (dates as datetime64, counts as Int64)."""
    from defcoop.schemas import read_table

    return {name: read_table(Path(folder) / f"{name}.csv", name) for name in TABLE_NAMES}


def load_tables(corpus=None, *, rebuild: bool = False) -> dict:
    """Tables for `corpus`, from data/processed or a cache in data/interim, built when stale."""
    from defcoop.corpus import CorpusError

    root = Path(corpus) if corpus is not None else DEFAULT_CORPUS
    if not root.is_dir():
        raise CorpusError(f"corpus folder not found: {root}")
    digest = inputs_hash(root)
    candidates = [PROCESSED_DIR] if root.resolve() == DEFAULT_CORPUS.resolve() else []
    candidates.append(INTERIM_DIR / digest[:16])
    if not rebuild:
        for folder in candidates:
            if _manifest_hash(folder) == digest:
                return read_tables(folder)
    folder = candidates[-1]
    write_tables(build_tables(root), folder, inputs_hash=digest)
    return read_tables(folder)


def _manifest_hash(folder: Path) -> str | None:
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8")).get("inputs_hash")
    except (OSError, ValueError):
        return None
