"""A development set of real articles: manifest, verified text cache, and a corpus to build.

Third-party text is never committed. A set folder (``eval/real``) holds ``manifest.yaml``
(doc, url, query, rank, sha256, lang, batch per article) and ``gold.yaml``; the texts live in
its git-ignored ``.cache/<doc>.txt``, saved verbatim from the search tool's excerpt. This
module checks every cached text against its manifest hash and writes the corpus the pipeline
reads: one markdown file per article with front matter (url, published).

The stored pages begin with their publication date when the store knows it (" date
2019-07-23 ..."); that prefix is page metadata, not article text, so it becomes ``published``:

>>> split_page_date(" date 2019-07-23 Hanoi (VNA) - Talks were held")
('2019-07-23', 'Hanoi (VNA) - Talks were held')
>>> split_page_date("Hanoi (VNA) - Talks")
(None, 'Hanoi (VNA) - Talks')

A store that knows only the month writes it alone (" date 2024-08 ..."): it becomes
``published_month``, which dates the meetings like a month in the URL.

>>> split_page_date(" date 2024-08 Sáng 8/8, hai bên hội đàm.")
('2024-08', 'Sáng 8/8, hai bên hội đàm.')
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

MANIFEST_KEYS = ("doc", "url", "query", "rank", "sha256", "lang", "batch")
_PAGE_DATE = re.compile(r"\A\s*date (\d{4}-\d{2}(?:-\d{2})?)\s+")
_DOC_ID = re.compile(r"\A[A-Za-z0-9_]+\Z")


class DevsetError(ValueError):
    """The manifest or the cache is not usable; the message says which file, line or doc."""


@dataclass(frozen=True)
class Entry:
    """One manifest entry and the line it starts on (for error messages)."""

    doc: str
    url: str
    query: str
    rank: int
    sha256: str
    lang: str
    batch: int
    line: int


def split_page_date(text: str) -> tuple[str | None, str]:
    """(publication date, YYYY-MM-DD or YYYY-MM, or None; text without the store's date prefix)."""
    match = _PAGE_DATE.match(text)
    if match is None:
        return None, text
    return match.group(1), text[match.end():]


def load_manifest(path: str | Path) -> list[Entry]:
    """Read and validate ``manifest.yaml``; problems read ``file:line: problem``.

    >>> import tempfile, os
    >>> folder = tempfile.mkdtemp()
    >>> path = os.path.join(folder, "manifest.yaml")
    >>> _ = open(path, "w").write("- doc: en1_01\\n  url: https://x.vn/a\\n  query: q\\n  rank: 1\\n"
    ...                          "  sha256: " + "0" * 64 + "\\n  lang: en\\n  batch: 1\\n")
    >>> [entry.doc for entry in load_manifest(path)]
    ['en1_01']
    """
    import yaml

    path = Path(path)
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=yaml.BaseLoader)
        data = yaml.load(text, Loader=yaml.BaseLoader)  # every value a string: a hash stays a hash
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise DevsetError(f"{path}:{mark.line + 1 if mark else 1}: {getattr(error, 'problem', error)}") from None
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        raise DevsetError(f"{path}:1: expected a YAML list of articles")
    entries, seen_docs, seen_urls = [], {}, {}
    for node, raw in zip(root.value, data):
        line = node.start_mark.line + 1
        if not isinstance(raw, dict):
            raise DevsetError(f"{path}:{line}: entry is not a mapping")
        missing = [key for key in MANIFEST_KEYS if raw.get(key) in (None, "", "null", "~")]
        if missing:
            raise DevsetError(f"{path}:{line}: missing {', '.join(missing)}")
        doc, sha = str(raw["doc"]), str(raw["sha256"]).lower()
        if not _DOC_ID.match(doc):
            raise DevsetError(f"{path}:{line}: doc id {doc!r} must be letters, digits and '_'")
        if not re.fullmatch(r"[0-9a-f]{64}", sha):
            raise DevsetError(f"{path}:{line}: sha256 of {doc} is not 64 hex digits")
        for key, seen in (("doc", seen_docs), ("url", seen_urls)):
            value = str(raw[key])
            if value in seen:
                raise DevsetError(f"{path}:{line}: {key} {value!r} already used at line {seen[value]}")
            seen[value] = line
        try:
            rank, batch = int(raw["rank"]), int(raw["batch"])
        except ValueError:
            raise DevsetError(f"{path}:{line}: rank and batch must be whole numbers") from None
        entries.append(Entry(doc, str(raw["url"]), str(raw["query"]), rank, sha, str(raw["lang"]), batch, line))
    return entries


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_cache(entries: list[Entry], cache: Path) -> list[str]:
    """One problem line per article whose cached text is missing or differs from the manifest."""
    problems = []
    for entry in entries:
        text_path = cache / f"{entry.doc}.txt"
        if not text_path.is_file():
            problems.append(f"{entry.doc}: missing {text_path}")
        elif file_sha256(text_path) != entry.sha256:
            problems.append(f"{entry.doc}: {text_path} does not match the manifest's sha256 (re-fetch it)")
    return problems


def write_corpus(entries: list[Entry], cache: Path, out: Path) -> int:
    """Write ``out/<doc>.md`` (front matter url, published, language) for every entry; returns the count.

    Files of docs no longer in the manifest are removed, so the corpus is exactly the manifest.
    """
    import yaml

    out.mkdir(parents=True, exist_ok=True)
    wanted = {f"{entry.doc}.md" for entry in entries}
    for stale in out.glob("*.md"):
        if stale.name not in wanted:
            stale.unlink()
    for entry in entries:
        published, body = split_page_date((cache / f"{entry.doc}.txt").read_text(encoding="utf-8"))
        month = published if published is not None and len(published) == len("2024-08") else None
        meta = {"url": entry.url, "published": None if month else published, "language": entry.lang}
        if month:
            meta["published_month"] = month
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False).strip()
        page = f"---\n{front}\n---\n{body}\n"
        target = out / f"{entry.doc}.md"
        if not target.is_file() or target.read_text(encoding="utf-8") != page:
            target.write_text(page, encoding="utf-8")
    return len(entries)


REFETCH_HELP = (
    "The texts of the real-article set are not committed. To rebuild the cache, for each missing doc run "
    "the manifest's `query` with the search tool (pages corpus), take the result whose url is the "
    "manifest's url, and save its excerpt verbatim to {cache}/<doc>.txt (see eval/real/README.md)."
)


def prepare(set_dir: str | Path, out: str | Path, batches: set[int] | None = None,
            skip_unusable: bool = False) -> tuple[list[Entry], list[str]]:
    """Check the cache of ``set_dir`` and write the corpus to ``out``; returns the entries written
    and the problem lines of those left out.

    An unusable cached text (missing, or its hash differs) raises DevsetError, unless
    `skip_unusable`: then that article is left out of the corpus and its problem line returned,
    for when a stored page has changed since the set was made and cannot be fetched as it was.

    >>> prepare("eval/real", "/tmp/corpus", skip_unusable=True)     # doctest: +SKIP
    ([Entry(doc='en1_01', ...), ...], ['vi7_08: ... does not match the manifest's sha256 (re-fetch it)'])
    """
    set_dir = Path(set_dir)
    cache = set_dir / ".cache"
    entries = load_manifest(set_dir / "manifest.yaml")
    if batches:
        entries = [entry for entry in entries if entry.batch in batches]
    problems = check_cache(entries, cache)
    if problems and not skip_unusable:
        shown = "\n  ".join(problems[:20]) + ("" if len(problems) <= 20 else f"\n  ... {len(problems) - 20} more")
        raise DevsetError(f"{len(problems)} of {len(entries)} cached texts unusable:\n  {shown}\n"
                          + REFETCH_HELP.format(cache=cache)
                          + "\nTo score the rest, leaving these out: --skip-unusable (make eval-real SKIP_UNUSABLE=1).")
    unusable = {problem.split(":", 1)[0] for problem in problems}
    entries = [entry for entry in entries if entry.doc not in unusable]
    write_corpus(entries, cache, Path(out))
    return entries, problems
