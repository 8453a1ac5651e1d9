"""Stage 1 - corpus: read a folder of articles into decoded text plus metadata.

Scraped news arrives in mixed shapes and encodings, so this stage turns every file
under the corpus root into either `RawArticle`s or `Reject`s - never both silently
nor neither - so analysts can see exactly what was left out and why.

>>> articles, rejects = load_corpus("seeds")  # doctest: +SKIP
>>> [reject.reason for reject in rejects]  # doctest: +SKIP
['readme']
"""
from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path, PurePosixPath

from defcoop.extract.dates import parse_explicit_date


class CorpusError(Exception):
    """The corpus path itself is unusable (missing, not a directory)."""


@dataclass(frozen=True)
class RawArticle:
    article_id: str          # file stem; for .jsonl the record's "id"
    path: str                # path relative to the corpus root, POSIX separators
    format: str              # "txt" | "md" | "html" | "jsonl"
    text: str                # decoded body (front matter removed), NFC, "\n" line endings
    meta: dict = field(default_factory=dict)  # title, url, published, source, language -> str | None
    encoding: str = "utf-8"  # detected encoding: utf-8 | utf-8-sig | utf-16 | cp1252
    body_line: int = 1       # 1-based line in the file where `text` starts (after front matter)
    warnings: tuple[str, ...] = ()  # non-fatal notes, e.g. a dropped truncated character

    @property
    def chars_raw(self) -> int:
        return len(self.text)


@dataclass(frozen=True)
class Reject:
    path: str                # relative to the corpus root, POSIX
    reason: str              # short code, see REJECT_REASONS
    detail: str = ""         # human detail, e.g. "line 3: could not parse YAML"


REJECT_REASONS = {
    "empty": "the file (or record) has no text once front matter is removed",
    "binary": "the file contains NUL bytes or many control characters, so it is not text",
    "undecodable": "the bytes are neither UTF-8, UTF-16 with a BOM, nor cp1252",
    "too_large": "the file is over the 5 MB limit",
    "malformed_front_matter": "the YAML front matter at the top of a .txt/.md file is broken",
    "malformed_jsonl": "a .jsonl line is not a JSON object with string 'id' and 'text'",
    "duplicate": "same text (ignoring whitespace) as an article earlier in path order",
    "duplicate_id": "same article_id as an article earlier in path order",
    "unsupported_format": "the extension is not .txt, .md, .html, .htm or .jsonl",
    "unreadable": "the operating system refused to read the file (permissions, a file that vanished)",
    "extraction_error": "cleaning or extraction failed on this article (a defect of defcoop: please report it)",
    "readme": "README files document the folder; they are not articles",
    "hidden": "hidden files and folders (name starting with '.') are skipped",
}

MAX_FILE_BYTES = 5 * 1024 * 1024
FORMATS = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
META_KEYS = ("title", "url", "published", "source", "language")
# Other names scrapers and static-site generators give the same fields, first match wins
# (Jekyll/Hugo write `date`, schema.org `datePublished`, trafilatura `hostname`/`sitename`...).
META_ALIASES = {
    "title": ("title", "headline"),
    "url": ("url", "link", "canonical_url", "source_url"),
    "published": ("published", "date", "pubdate", "publish_date", "published_at", "date_published",
                  "datePublished"),
    "source": ("source", "outlet", "publisher", "sitename", "site_name"),
    "language": ("language", "lang"),
}
# Optional metadata, in `meta` only when given: the month of a page that gives no day of
# publication ("published_month: 2024-08"), which dates the meetings like a month in its URL.
META_OPTIONAL = ("published_month",)
_YEAR_MONTH = re.compile(r"\A(?:19|20)\d\d-(?:0[1-9]|1[0-2])\Z")
PROGRESS_EVERY = 1000

_NUL = "\x00"
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.05
_FRONT_MATTER_OPEN = "---"
_FRONT_MATTER_CLOSE = re.compile(r"^(?:---|\.\.\.)$", re.M)


class _Unreadable(Exception):
    """Internal signal: this file (or record) becomes a `Reject` with this reason."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


class _BadMeta(ValueError):
    """Internal signal: metadata `key` has an unusable value."""

    def __init__(self, key: str, problem: str):
        super().__init__(problem)
        self.key = key
        self.problem = problem


@dataclass(frozen=True)
class _Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


# --- listing ---------------------------------------------------------------------


def list_corpus_files(root: str | Path) -> list[Path]:
    """Every regular file under `root`, sorted by relative POSIX path.

    Sorting by the relative path (not the OS order) makes builds reproducible and
    decides which of two duplicates counts as the "earlier" one.

    >>> list_corpus_files("seeds")[0].name  # doctest: +SKIP
    '000_3c5d06d2666c6444.txt'
    """
    root = Path(root)
    if not root.exists():
        raise CorpusError(f"corpus folder not found: {root}")
    if not root.is_dir():
        raise CorpusError(f"corpus path is not a directory: {root}")
    return [root / relpath for relpath in sorted(corpus_relpaths(root))]


def corpus_relpaths(root: str | Path) -> list[str]:
    """The relative POSIX paths of every regular file under `root` (symlinks to files included,
    symlinked folders not entered: what ``Path.rglob("*")`` then ``is_file()`` give), unsorted.

    os.walk and string paths: on a 10,000-file archive, several times faster than pathlib,
    and every `load()` lists the whole corpus.

    >>> sorted(corpus_relpaths("seeds"))[0]  # doctest: +SKIP
    '000_3c5d06d2666c6444.txt'
    """
    top = os.fspath(root)
    found = []
    for folder, _dirs, names in os.walk(top):
        prefix = os.path.relpath(folder, top).replace(os.sep, "/")
        prefix = "" if prefix == "." else prefix + "/"
        found.extend(prefix + name for name in names if os.path.isfile(os.path.join(folder, name)))
    return found


# --- decoding --------------------------------------------------------------------


def _binary_problem(text: str) -> str | None:
    """Why `text` looks like binary data rather than prose, or None if it looks like text.

    Run on bytes decoded as latin-1 (one character per byte, so positions are byte
    offsets) to catch images or archives renamed to .txt before they are misread as cp1252.

    >>> _binary_problem("PNG\\x00\\x01")
    'NUL character at position 3'
    """
    if _NUL in text:
        return f"NUL character at position {text.index(_NUL)}"
    controls = len(_CONTROL_CHARS.findall(text))
    if controls > _MAX_CONTROL_SHARE * len(text):
        return f"{controls} control characters in {len(text)} characters"
    return None


def _decode_dropping_truncated_end(data: bytes, codec: str) -> tuple[str, tuple[str, ...]]:
    """Strictly decode `data`, forgiving only a multibyte character cut off at the very end.

    Scrapers that cap download size cut files mid-character; the rest of the article is fine.

    >>> _decode_dropping_truncated_end(b"caf\\xc3", "utf-8")
    ('caf', ('dropped incomplete utf-8 sequence at end of file (1 byte)',))
    """
    try:
        return data.decode(codec), ()
    except UnicodeDecodeError as error:
        dropped = _incomplete_tail(data, codec) if error.end == len(data) else 0
        if not dropped:
            raise
        note = f"dropped incomplete {codec} sequence at end of file ({dropped} byte{'s' * (dropped > 1)})"
        return data[: error.start].decode(codec), (note,)


def _incomplete_tail(data: bytes, codec: str) -> int:
    """How many bytes at the end of `data` an incremental decoder holds back as the start of a
    character still to come (0 if none, or if bytes before them are invalid anyway).

    Where a whole decode fails, this tells a cut-off end from a bad byte without reading the
    codec's error messages. It holds back a little more than a cut can leave (b"\\xed\\xa0",
    the start of a surrogate): the caller also requires the whole decode's error to reach the end.

    >>> _incomplete_tail(b"caf\\xe2\\x80", "utf-8"), _incomplete_tail(b"caf\\x80", "utf-8")
    (2, 0)
    """
    decoder = codecs.getincrementaldecoder(codec)()
    try:
        decoder.decode(data, final=False)
    except UnicodeDecodeError:
        return 0
    return len(decoder.getstate()[0])


def _has_valid_utf8_multibyte(data: bytes) -> bool:
    """True if some non-ASCII character in `data` is well-formed UTF-8.

    Invalid bytes next to valid UTF-8 mean mixed encodings; guessing cp1252 would garble
    the UTF-8 part, so such files are rejected instead.

    >>> _has_valid_utf8_multibyte("é".encode() + b"\\xe9")
    True
    """
    return not data.decode("utf-8", errors="ignore").isascii()


def _decode_utf16(data: bytes) -> _Decoded:
    """UTF-16 (BOM-marked) text; checked for binary only after decoding, as it is full of NUL bytes."""
    try:
        text, warnings = _decode_dropping_truncated_end(data, "utf-16")
    except UnicodeDecodeError as error:
        raise _Unreadable("undecodable", f"invalid UTF-16 at byte {error.start}: {error.reason}") from None
    problem = _binary_problem(text)
    if problem:
        raise _Unreadable("binary", problem)
    return _Decoded(text, "utf-16", warnings)


def _decode_8bit(data: bytes) -> _Decoded:
    """UTF-8 (with or without BOM), else cp1252, rejecting binary and mixed-encoding bytes."""
    problem = _binary_problem(data.decode("latin-1"))
    if problem:
        raise _Unreadable("binary", problem)
    has_bom = data.startswith(b"\xef\xbb\xbf")
    payload = data[3:] if has_bom else data
    try:
        text, warnings = _decode_dropping_truncated_end(payload, "utf-8")
        return _Decoded(text, "utf-8-sig" if has_bom else "utf-8", warnings)
    except UnicodeDecodeError as error:
        utf8_error = f"invalid UTF-8 at byte {error.start + 3 * has_bom}"
    if has_bom:
        raise _Unreadable("undecodable", f"{utf8_error} after a UTF-8 byte order mark")
    if _has_valid_utf8_multibyte(data):
        raise _Unreadable("undecodable", f"{utf8_error} in a file that also has valid UTF-8 (mixed encodings)")
    try:
        return _Decoded(data.decode("cp1252"), "cp1252")
    except UnicodeDecodeError as error:
        byte = data[error.start]
        raise _Unreadable("undecodable", f"{utf8_error} and not cp1252 (byte 0x{byte:02x} at {error.start})") from None


def _decode_bytes(data: bytes) -> _Decoded:
    """Decode file bytes to NFC text with "\\n" line endings, or raise `_Unreadable`.

    Order matters: a BOM is the strongest evidence, strict UTF-8 is next (cp1252 would
    accept almost any bytes, so it is only the last resort).

    >>> _decode_bytes("Việt Nam\\r\\n".encode("utf-16")).text
    'Việt Nam\\n'
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        decoded = _decode_utf16(data)
    else:
        decoded = _decode_8bit(data)
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    return _Decoded(unicodedata.normalize("NFC", text), decoded.encoding, decoded.warnings)


# --- metadata --------------------------------------------------------------------


def iso_date(value: str) -> str | None:
    """`value` (ISO like "2025-10-29 16:46" or prose like "October 29, 2025") as YYYY-MM-DD.

    Front matter is written by hand and by scrapers, so several spellings are accepted;
    returns None when no calendar date can be read.

    >>> iso_date("29/10/2025")
    '2025-10-29'
    """
    try:
        return datetime.fromisoformat(value.strip()).date().isoformat()
    except ValueError:
        parsed = parse_explicit_date(value)
        return parsed.isoformat() if parsed else None


def _meta_value(key: str, value: object, written: str | None = None) -> str | None:
    """One metadata value as str or None; `published` must be a readable date.

    `written` is the key as the file wrote it (an alias such as `date`), for error messages.
    """
    written = written or key
    if value is None:
        return None
    if isinstance(value, (list, dict)):
        raise _BadMeta(written, f"{written} must be a single value, not a {type(value).__name__}")
    if key == "published":
        published = iso_date(str(value))
        if published is None:
            raise _BadMeta(written, f"{written} {str(value)!r} is not a date")
        return published
    if key == "published_month":
        if not _YEAR_MONTH.match(str(value).strip()):
            raise _BadMeta(written, f"{written} {str(value)!r} is not a month written YYYY-MM")
        return str(value).strip()
    text = str(value).strip()
    return text or None


def _meta_from_mapping(raw: Mapping) -> dict:
    """The five known metadata keys from `raw`, as str or None, and the `META_OPTIONAL` keys
    `raw` gives; other keys are ignored.

    Every article gets all five keys so downstream tables have fixed columns. Each key may
    be written under one of its `META_ALIASES` (the first one present wins).

    >>> _meta_from_mapping({"title": "Talks", "date": "2025-10-29", "author": "x"})
    {'title': 'Talks', 'url': None, 'published': '2025-10-29', 'source': None, 'language': None}
    >>> _meta_from_mapping({"published_month": "2024-08"})["published_month"]
    '2024-08'
    """
    meta = {}
    for key in META_KEYS:
        written = next((alias for alias in META_ALIASES[key] if raw.get(alias) is not None), key)
        meta[key] = _meta_value(key, raw.get(written), written)
    for key in META_OPTIONAL:
        if raw.get(key) is not None:
            meta[key] = _meta_value(key, raw[key], key)
    return meta


# --- txt / md --------------------------------------------------------------------


@lru_cache(maxsize=1)
def _front_matter_loader():
    """A safe YAML loader that keeps timestamps as strings, so `iso_date` alone validates them."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = type("FrontMatterLoader", (base,), {})
    loader.add_constructor("tag:yaml.org,2002:timestamp", base.construct_yaml_str)
    return loader


def _key_line(yaml_text: str, key: str) -> int:
    """1-based line of `key:` inside the front matter block (line 1 is the opening '---')."""
    for offset, line in enumerate(yaml_text.split("\n")):
        if line.startswith(f"{key}:"):
            return offset + 2
    return 2


def _parse_yaml_mapping(yaml_text: str) -> Mapping:
    """The front matter as a mapping; YAML errors name the file line where they occurred."""
    import yaml

    try:
        data = yaml.load(yaml_text, Loader=_front_matter_loader())
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        problem = getattr(error, "problem", None) or "could not parse YAML"
        raise _Unreadable("malformed_front_matter", f"line {mark.line + 2 if mark else 2}: {problem}") from None
    except ValueError as error:  # explicit tags such as "!!int abc" fail after parsing, with no position
        raise _Unreadable("malformed_front_matter", f"line 2: {error}") from None
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise _Unreadable("malformed_front_matter", f"line 2: front matter is a {type(data).__name__}, not key: value pairs")
    return data


def _split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Split `text` into (front matter YAML or None, body, 1-based line where the body starts).

    Only a first line of exactly '---' opens front matter, so articles that merely
    contain a horizontal rule are left alone.

    >>> _split_front_matter("---\\ntitle: Talks\\n---\\nBody")
    ('title: Talks', 'Body', 4)
    """
    if text != _FRONT_MATTER_OPEN and not text.startswith(_FRONT_MATTER_OPEN + "\n"):
        return None, text, 1
    start = len(_FRONT_MATTER_OPEN) + 1
    close = _FRONT_MATTER_CLOSE.search(text, start)
    if close is None:
        raise _Unreadable("malformed_front_matter", "line 1: front matter opened with '---' is never closed")
    yaml_text = text[start : close.start()].rstrip("\n")
    body_start = min(close.end() + 1, len(text))
    return yaml_text, text[body_start:], text.count("\n", 0, close.end()) + 2


def _text_meta(yaml_text: str | None) -> dict:
    """Metadata from optional front matter, with bad values reported at their key's line."""
    if yaml_text is None:
        return _meta_from_mapping({})
    try:
        return _meta_from_mapping(_parse_yaml_mapping(yaml_text))
    except _BadMeta as bad:
        raise _Unreadable("malformed_front_matter", f"line {_key_line(yaml_text, bad.key)}: {bad.problem}") from None


def _require_text(text: str, what: str) -> None:
    """Reject whitespace-only text: an article with nothing to extract is noise downstream."""
    if not text.strip():
        raise _Unreadable("empty", f"{what} has no text")


def _read_text_file(decoded: _Decoded, relpath: str, fmt: str) -> tuple[list[RawArticle], list[Reject]]:
    """One article from a .txt/.md file, with metadata from its optional YAML front matter."""
    yaml_text, body, body_line = _split_front_matter(decoded.text)
    meta = _text_meta(yaml_text)
    _require_text(body, "body after front matter" if yaml_text is not None else "file")
    article = RawArticle(
        article_id=PurePosixPath(relpath).stem, path=relpath, format=fmt, text=body, meta=meta,
        encoding=decoded.encoding, body_line=body_line, warnings=decoded.warnings,
    )
    return [article], []


# --- html ------------------------------------------------------------------------


def _read_html_file(decoded: _Decoded, relpath: str, fmt: str) -> tuple[list[RawArticle], list[Reject]]:
    """One article from a web page's main text; menus, comments and tables are left out.

    `fast=True` skips trafilatura's backup extractors: about 4x quicker, and its own
    extractor already handles news pages and short snippets.
    """
    import trafilatura

    document = trafilatura.bare_extraction(
        decoded.text, fast=True, favor_precision=False, include_comments=False, include_tables=False,
        with_metadata=True,
    )
    text = unicodedata.normalize("NFC", document.text or "") if document else ""
    if document is not None:
        text = _with_lead(text, document.description)
    _require_text(text, "page")
    meta = _meta_from_mapping({"title": document.title, "url": document.url})
    meta["published"] = iso_date(document.date) if document.date else None
    article = RawArticle(
        article_id=PurePosixPath(relpath).stem, path=relpath, format=fmt, text=text, meta=meta,
        encoding=decoded.encoding, warnings=decoded.warnings,
    )
    return [article], []


_MIN_LEAD_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?$")


def _with_lead(text: str, description: str | None) -> str:
    """`text` with the page's description first, when that is a lead sentence the main-text
    extractor left out: Vietnamese outlets put the lead ("sapo") in a heading-like element
    that extractors drop, and repeat it in the description meta tag. A description that is
    no sentence (a site slogan) or is already in the text changes nothing.

    >>> _with_lead("Body.", "Vietnam and Cambodia held their sixth defence policy dialogue in Hanoi yesterday, the ministry said.")
    'Vietnam and Cambodia held their sixth defence policy dialogue in Hanoi yesterday, the ministry said.\\n\\nBody.'
    >>> _with_lead("Body.", "Latest news from Vietnam")
    'Body.'
    """
    lead = " ".join(unicodedata.normalize("NFC", description or "").split())
    if len(lead.split()) < _MIN_LEAD_WORDS or not _SENTENCE_END.search(lead):
        return text
    squeeze = " ".join(text.split())
    if lead[:80] in squeeze:
        return text
    return f"{lead}\n\n{text}"


# --- jsonl -----------------------------------------------------------------------


def _encodable(value: str) -> bool:
    """False for strings with lone surrogates (from JSON "\\ud800" escapes), which cannot be written out."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _parse_jsonl_record(line: str) -> tuple[str, str, dict]:
    """(id, text, meta) from one JSON line, or raise `_Unreadable` saying what is wrong.

    Records are validated one by one so a single bad line costs one article, not the file.

    >>> _parse_jsonl_record('{"id": "a1", "text": "Talks held.", "source": "VNA"}')[:2]
    ('a1', 'Talks held.')
    """
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise _Unreadable("malformed_jsonl", f"invalid JSON at column {error.colno}: {error.msg}") from None
    except RecursionError:
        raise _Unreadable("malformed_jsonl", "JSON nested too deeply") from None
    if not isinstance(record, dict):
        raise _Unreadable("malformed_jsonl", f"expected a JSON object, got {type(record).__name__}")
    for key in ("id", "text"):
        if not isinstance(record.get(key), str):
            raise _Unreadable("malformed_jsonl", f"'{key}' is missing or not a string")
    try:
        meta = _meta_from_mapping(record)
    except _BadMeta as bad:
        raise _Unreadable("malformed_jsonl", bad.problem) from None
    article_id, text = record["id"].strip(), record["text"]
    if not article_id:
        raise _Unreadable("malformed_jsonl", "'id' is blank")
    if not all(_encodable(value) for value in (article_id, text, *filter(None, meta.values()))):
        raise _Unreadable("malformed_jsonl", "contains an unpaired surrogate escape")
    _require_text(text, "record")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return article_id, text, meta


def _read_jsonl_file(decoded: _Decoded, relpath: str, fmt: str) -> tuple[list[RawArticle], list[Reject]]:
    """One article per good line and one reject per bad line, each with path "<relpath>:<line>"."""
    articles, rejects = [], []
    for number, line in enumerate(decoded.text.split("\n"), start=1):
        if not line.strip():
            continue
        record_path = f"{relpath}:{number}"
        try:
            article_id, text, meta = _parse_jsonl_record(line)
        except _Unreadable as problem:
            rejects.append(Reject(record_path, problem.reason, problem.detail))
            continue
        articles.append(RawArticle(
            article_id=article_id, path=record_path, format=fmt, text=text, meta=meta,
            encoding=decoded.encoding, body_line=number, warnings=decoded.warnings,
        ))
    if not articles and not rejects:
        raise _Unreadable("empty", "file has no records")
    return articles, rejects


# --- files -----------------------------------------------------------------------

_READERS = {"txt": _read_text_file, "md": _read_text_file, "html": _read_html_file, "jsonl": _read_jsonl_file}


def _file_format(relpath: str) -> str:
    """The article format for `relpath`, or raise `_Unreadable` for files that are not articles.

    >>> _file_format("news/2024/talks.HTM")
    'html'
    """
    path = PurePosixPath(relpath)
    if any(part.startswith(".") for part in path.parts):
        raise _Unreadable("hidden", "hidden file or folder")
    if path.name.lower().startswith("readme."):
        raise _Unreadable("readme", "README file")
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise _Unreadable("unsupported_format", f"extension {path.suffix or '(none)'!r} is not supported")
    return fmt


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, checking size first so huge files are never loaded into memory."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _Unreadable("too_large", f"{size} bytes; the limit is {MAX_FILE_BYTES} bytes (5 MB)")
    if size == 0:
        raise _Unreadable("empty", "file is empty")
    return path.read_bytes()


def read_file(path: Path, root: Path) -> tuple[list[RawArticle], list[Reject]]:
    """Articles and rejects from one corpus file; never raises because of file content.

    Pure and module-level so a parallel build can run it in worker processes.

    >>> read_file(Path("seeds/README.md"), Path("seeds"))  # doctest: +SKIP
    ([], [Reject(path='README.md', reason='readme', detail='README file')])
    """
    relpath = Path(path).relative_to(root).as_posix()
    try:
        fmt = _file_format(relpath)
        decoded = _decode_bytes(_read_bytes(Path(path)))
        return _READERS[fmt](decoded, relpath, fmt)
    except _Unreadable as problem:
        return [], [Reject(relpath, problem.reason, problem.detail)]
    except OSError as error:
        return [], [Reject(relpath, "unreadable", error.strerror or type(error).__name__)]


# --- corpus ----------------------------------------------------------------------


def _path_order(path: str) -> tuple[str, int]:
    """Sort key for article/reject paths: file path, then jsonl line number as a number."""
    file_path, _, line = path.rpartition(":")
    if file_path and line.isdigit():
        return file_path, int(line)
    return path, 0


def text_fingerprint(text: str) -> bytes:
    """Digest of the whitespace-collapsed text; digests keep memory flat on large corpora."""
    return hashlib.blake2b(" ".join(text.split()).encode("utf-8"), digest_size=16).digest()


class DuplicateFilter:
    """Remembers the texts and ids seen so far: the first article of each wins.

    Syndicated stories are scraped from several outlets; counting them twice would
    inflate meeting counts. Both `drop_duplicates` and the streaming build use this one
    rule, checking articles in path order.

    >>> seen = DuplicateFilter()
    >>> seen.check("a", "a.txt", text_fingerprint("Talks  held.")) is None
    True
    >>> seen.check("b", "b.txt", text_fingerprint("Talks held."))
    Reject(path='b.txt', reason='duplicate', detail='same text as a')
    """

    def __init__(self) -> None:
        self._id_by_text: dict[bytes, str] = {}
        self._path_by_id: dict[str, str] = {}

    def check(self, article_id: str, path: str, fingerprint: bytes) -> Reject | None:
        """A Reject when this article repeats an earlier text or id; else remember it and return None."""
        if fingerprint in self._id_by_text:
            return Reject(path, "duplicate", f"same text as {self._id_by_text[fingerprint]}")
        if article_id in self._path_by_id:
            return Reject(path, "duplicate_id", f"id already used by {self._path_by_id[article_id]}")
        self._id_by_text[fingerprint] = article_id
        self._path_by_id[article_id] = path
        return None


def drop_duplicates(articles: Iterable[RawArticle]) -> tuple[list[RawArticle], list[Reject]]:
    """Keep the first article (in path order) of each text and of each article_id.

    >>> a, b = RawArticle("a", "a.txt", "txt", "Talks  held."), RawArticle("b", "b.txt", "txt", "Talks held.")
    >>> drop_duplicates([b, a])[1]
    [Reject(path='b.txt', reason='duplicate', detail='same text as a')]
    """
    seen = DuplicateFilter()
    kept, rejects = [], []
    for article in sorted(articles, key=lambda article: _path_order(article.path)):
        reject = seen.check(article.article_id, article.path, text_fingerprint(article.text))
        if reject is None:
            kept.append(article)
        else:
            rejects.append(reject)
    return kept, rejects


def load_corpus(root: str | Path, progress: bool = False) -> tuple[list[RawArticle], list[Reject]]:
    """All articles under `root` (sorted by article_id) and all rejects (sorted by path).

    Every file under `root` ends up as an article path or a reject path (for .jsonl,
    the part before ":"), so nothing disappears without a reason.

    >>> articles, rejects = load_corpus("seeds")  # doctest: +SKIP
    >>> len(articles), rejects[0].reason  # doctest: +SKIP
    (5, 'readme')
    """
    root = Path(root)
    files = list_corpus_files(root)
    articles, rejects = [], []
    for count, path in enumerate(files, start=1):
        file_articles, file_rejects = read_file(path, root)
        articles.extend(file_articles)
        rejects.extend(file_rejects)
        if progress and (count % PROGRESS_EVERY == 0 or count == len(files)):
            print(f"read {count}/{len(files)} files", file=sys.stderr)
    articles, duplicates = drop_duplicates(articles)
    articles.sort(key=lambda article: article.article_id)
    rejects = sorted(rejects + duplicates, key=lambda reject: _path_order(reject.path))
    return articles, rejects
