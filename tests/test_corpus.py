"""Stage 1 - corpus: every file becomes articles or rejects, with the right text and reason."""
from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from defcoop.ingest.corpus import (
    MAX_FILE_BYTES,
    REJECT_REASONS,
    CorpusError,
    RawArticle,
    Reject,
    drop_duplicates,
    list_corpus_files,
    load_corpus,
    _incomplete_tail,
    read_file,
)
from defcoop.paths import PROJECT_ROOT

SEEDS = PROJECT_ROOT / "seeds"


def write(root: Path, name: str, content: str | bytes) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def read(root: Path, name: str, content: str | bytes) -> tuple[list[RawArticle], list[Reject]]:
    return read_file(write(root, name, content), root)


def read_article(root: Path, name: str, content: str | bytes) -> RawArticle:
    articles, rejects = read(root, name, content)
    assert rejects == [] and len(articles) == 1
    return articles[0]


def read_reject(root: Path, name: str, content: str | bytes) -> Reject:
    articles, rejects = read(root, name, content)
    assert articles == [] and len(rejects) == 1
    return rejects[0]


# --- encodings -------------------------------------------------------------------

VIETNAMESE = "Bộ đội hai nước Việt Nam và Campuchia cùng tuần tra biên giới.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (VIETNAMESE.encode("utf-8"), "utf-8"),
        (VIETNAMESE.encode("utf-8-sig"), "utf-8-sig"),
        (b"\xff\xfe" + VIETNAMESE.encode("utf-16-le"), "utf-16"),
        (b"\xfe\xff" + VIETNAMESE.encode("utf-16-be"), "utf-16"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be"],
)
def test_unicode_encodings_are_detected(tmp_path, data, encoding):
    article = read_article(tmp_path, "a.txt", data)
    assert (article.text, article.encoding) == (VIETNAMESE, encoding)


def test_cp1252_is_the_fallback_for_non_utf8_bytes(tmp_path):
    article = read_article(tmp_path, "a.txt", "café – “quoted”".encode("cp1252"))
    assert (article.text, article.encoding) == ("café – “quoted”", "cp1252")


def test_crlf_and_lone_cr_become_newlines(tmp_path):
    assert read_article(tmp_path, "a.txt", "one\r\ntwo\rthree\n").text == "one\ntwo\nthree\n"


def test_text_is_normalised_to_nfc(tmp_path):
    decomposed = unicodedata.normalize("NFD", "Việt Nam")
    assert read_article(tmp_path, "a.txt", decomposed).text == "Việt Nam"


def test_truncated_utf8_at_end_keeps_article_with_warning(tmp_path):
    article = read_article(tmp_path, "a.txt", "Hanoi talks – ".encode() + "–".encode()[:2])
    assert article.text == "Hanoi talks – "
    assert article.warnings == ("dropped incomplete utf-8 sequence at end of file (2 bytes)",)


@pytest.mark.parametrize("data, tail", [
    (b"caf\xc3", 1), (b"caf\xe2\x80", 2), (b"caf\xf0\x9f\x98", 3),   # a UTF-8 character cut off
    (b"caf\x80", 0), (b"caf\xc3(", 0),                             # a bad byte, not a cut
    (b"\x80caf\xc3", 0),                                           # bad before the cut: no tail
    (b"caf\xed\xa0", 2),   # held back though only a surrogate could follow: the decode's own error
])                        # ends before the end, so it is still rejected (test below)
def test_incomplete_tail_is_a_character_cut_off_at_the_end(data, tail):
    assert _incomplete_tail(data, "utf-8") == tail


@pytest.mark.parametrize("data, tail", [
    (b"\xff\xfea\x00b", 1), (b"\xff\xfea\x00\x3d\xd8", 2), (b"\xff\xfea\x00\x3d\xd8\x00", 3),
    (b"\xff\xfea\x00\x00\xdc", 0),                                # a lone low surrogate is bad
])
def test_incomplete_tail_of_utf16(data, tail):
    assert _incomplete_tail(data, "utf-16") == tail


@pytest.mark.parametrize("data, dropped", [(b"\xff\xfeH\x00i\x00!", 1), (b"\xff\xfeH\x00i\x00\x3d\xd8", 2)])
def test_truncated_utf16_at_end_keeps_article_with_warning(tmp_path, data, dropped):
    article = read_article(tmp_path, "a.txt", data)
    assert article.text == "Hi"
    assert article.warnings == (f"dropped incomplete utf-16 sequence at end of file ({dropped} byte{'s' * (dropped > 1)})",)


def test_a_bad_last_byte_is_not_forgiven_as_truncation(tmp_path):
    reject = read_reject(tmp_path, "a.txt", "Việt Nam".encode() + b"\xed\xa0")   # a surrogate's first bytes
    assert (reject.reason, reject.detail) == (
        "undecodable", "invalid UTF-8 at byte 10 in a file that also has valid UTF-8 (mixed encodings)")


def test_mixed_utf8_and_cp1252_is_undecodable(tmp_path):
    reject = read_reject(tmp_path, "a.txt", "Việt Nam ".encode() + "café.".encode("cp1252"))
    assert reject.reason == "undecodable"
    assert "invalid UTF-8 at byte 14" in reject.detail and "mixed" in reject.detail


def test_bytes_undefined_in_cp1252_are_undecodable(tmp_path):
    reject = read_reject(tmp_path, "a.txt", b"abc \x81 def")
    assert (reject.reason, reject.detail) == ("undecodable", "invalid UTF-8 at byte 4 and not cp1252 (byte 0x81 at 4)")


@pytest.mark.parametrize("data", [b"PK\x03\x04\x00\x00text", b"\x01\x02\x03 mostly control \x1b\x1b\x1b"])
def test_nul_bytes_or_many_control_characters_are_binary(tmp_path, data):
    assert read_reject(tmp_path, "a.txt", data).reason == "binary"


@pytest.mark.parametrize("data", [b"", b" \n\t\r\n"])
def test_empty_or_whitespace_file_is_empty(tmp_path, data):
    assert read_reject(tmp_path, "a.txt", data).reason == "empty"


def test_file_over_five_megabytes_is_too_large(tmp_path):
    reject = read_reject(tmp_path, "a.txt", b"a" * (MAX_FILE_BYTES + 1))
    assert reject.reason == "too_large" and str(MAX_FILE_BYTES + 1) in reject.detail


# --- front matter ----------------------------------------------------------------

FULL_FRONT_MATTER = """---
title: Vietnam, Cambodia hold defence talks
url: https://example.org/a/1
published: 2024-11-13
source: VNA
language: en
author: ignored
---
Hanoi (VNA) - Talks were held.
"""


def test_front_matter_fills_meta_and_body_line(tmp_path):
    article = read_article(tmp_path, "a.md", FULL_FRONT_MATTER)
    assert article.meta == {
        "title": "Vietnam, Cambodia hold defence talks",
        "url": "https://example.org/a/1",
        "published": "2024-11-13",
        "source": "VNA",
        "language": "en",
    }
    assert (article.text, article.body_line, article.format) == ("Hanoi (VNA) - Talks were held.\n", 9, "md")


@pytest.mark.parametrize("published", ["October 29, 2025", "29/10/2025", "'2025-10-29'", "2025-10-29 16:46:00"])
def test_published_accepts_several_spellings(tmp_path, published):
    article = read_article(tmp_path, "a.txt", f"---\npublished: {published}\n...\nBody\n")
    assert article.meta["published"] == "2025-10-29"


def test_front_matter_aliases_fill_the_known_keys(tmp_path):
    article = read_article(tmp_path, "a.txt", "---\ndate: 2024-06-02\nlink: https://example.org/a\n"
                                              "publisher: Khmer Times\nlang: en\n---\nBody\n")
    assert article.meta == {"title": None, "url": "https://example.org/a", "published": "2024-06-02",
                            "source": "Khmer Times", "language": "en"}


def test_canonical_key_wins_over_its_alias(tmp_path):
    article = read_article(tmp_path, "a.txt", "---\ndate: 2024-06-01\npublished: 2024-06-02\n---\nBody\n")
    assert article.meta["published"] == "2024-06-02"


def test_bad_alias_value_is_reported_under_the_key_written(tmp_path):
    reject = read_reject(tmp_path, "a.txt", "---\ntitle: x\ndate: someday\n---\nBody\n")
    assert (reject.reason, reject.detail) == ("malformed_front_matter", "line 3: date 'someday' is not a date")


def test_without_front_matter_meta_is_all_none(tmp_path):
    article = read_article(tmp_path, "a.txt", "Title\n---\nBody\n")
    assert set(article.meta.values()) == {None} and article.body_line == 1


@pytest.mark.parametrize(
    ("content", "detail"),
    [
        ("---\ntitle: x\nBody\n", "line 1: front matter opened with '---' is never closed"),
        ("---\ntitle: x\nsource: [VNA\n---\nBody\n", "line 4: "),
        ("---\ntitle: x\n  bad: indent\n---\nBody\n", "line 3: "),
        ("---\n- a list\n---\nBody\n", "line 2: front matter is a list, not key: value pairs"),
        ("---\ntitle: x\npublished: someday\n---\nBody\n", "line 3: published 'someday' is not a date"),
    ],
    ids=["unclosed", "bad-yaml-at-closing", "bad-yaml", "not-a-mapping", "bad-published"],
)
def test_malformed_front_matter_reports_file_line(tmp_path, content, detail):
    reject = read_reject(tmp_path, "a.txt", content)
    assert reject.reason == "malformed_front_matter" and reject.detail.startswith(detail)


def test_front_matter_without_body_is_empty(tmp_path):
    assert read_reject(tmp_path, "a.txt", "---\ntitle: x\n---\n\n").reason == "empty"


# --- html ------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html lang="en"><head>
<title>Vietnam, Cambodia hold defence talks</title>
<meta property="og:url" content="https://example.org/a/1">
<meta name="date" content="2024-11-13">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics and Law section</a></li></ul></nav>
<article><h1>Vietnam, Cambodia hold defence talks</h1>
<p>Hanoi (VNA) - Vietnamese and Cambodian defence ministers met in Hanoi on November 13 to review cooperation.</p>
<p>The two sides agreed to strengthen border patrols and the training of officers in the coming year.</p>
</article></body></html>"""


def test_html_keeps_article_paragraphs_and_drops_navigation(tmp_path):
    article = read_article(tmp_path, "page.htm", PAGE)
    assert "defence ministers met in Hanoi on November 13" in article.text
    assert "strengthen border patrols" in article.text
    assert "Politics and Law section" not in article.text
    assert article.meta["title"] == "Vietnam, Cambodia hold defence talks"
    assert (article.meta["published"], article.meta["url"]) == ("2024-11-13", "https://example.org/a/1")
    assert (article.article_id, article.format) == ("page", "html")


def test_html_without_text_is_empty(tmp_path):
    assert read_reject(tmp_path, "page.html", "<html><body><nav></nav></body></html>").reason == "empty"


# --- jsonl -----------------------------------------------------------------------


def test_jsonl_good_lines_become_articles_and_bad_lines_rejects(tmp_path):
    lines = [
        '{"id": "r1", "text": "First report.", "source": "VNA", "published": "2024-11-13"}',
        "",
        '{"id": "r2", "text": 5}',
        "not json",
        '["a list"]',
        '{"id": "r3", "text": "Third report."}',
        "[" * 100_000,
    ]
    articles, rejects = read(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    assert [(a.article_id, a.path, a.body_line) for a in articles] == [("r1", "feed.jsonl:1", 1), ("r3", "feed.jsonl:6", 6)]
    assert articles[0].meta["source"] == "VNA" and articles[0].meta["published"] == "2024-11-13"
    assert [(r.path, r.reason) for r in rejects] == [(f"feed.jsonl:{n}", "malformed_jsonl") for n in (3, 4, 5, 7)]
    assert rejects[0].detail == "'text' is missing or not a string"


def test_jsonl_bad_published_is_malformed(tmp_path):
    reject = read_reject(tmp_path, "feed.jsonl", '{"id": "r1", "text": "x", "published": "soon"}')
    assert (reject.path, reject.detail) == ("feed.jsonl:1", "published 'soon' is not a date")


def test_jsonl_without_records_is_empty(tmp_path):
    assert read_reject(tmp_path, "feed.jsonl", "\n  \n").reason == "empty"


# --- names -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("README.md", "readme"),
        ("readme.TXT", "readme"),
        (".notes.txt", "hidden"),
        (".ipynb_checkpoints/a.txt", "hidden"),
        ("a.pdf", "unsupported_format"),
        ("notes", "unsupported_format"),
    ],
)
def test_non_article_files_are_rejected_by_name(tmp_path, name, reason):
    reject = read_reject(tmp_path, name, "Some text.")
    assert (reject.path, reject.reason) == (name, reason)


HTML_LEAD = "Vietnam and Cambodia held their sixth defence policy dialogue in Hanoi, agreeing to deepen cooperation."


def html_page(body_lead: str) -> str:
    return (f'<html><head><title>Dialogue</title><meta name="description" content="{HTML_LEAD}"></head><body>'
            f'<article><h1>Dialogue</h1>{body_lead}'
            + "".join(f"<p>Paragraph {i} of the article says the two sides agreed on many things today.</p>"
                      for i in range(6)) + "</article></body></html>")


def test_html_lead_missing_from_the_main_text_comes_back_from_the_description(tmp_path):
    article = read_article(tmp_path, "page.html", html_page(""))
    assert article.text.startswith(HTML_LEAD + "\n\n") and "Paragraph 0" in article.text


def test_html_lead_kept_by_the_extractor_is_not_repeated(tmp_path):
    article = read_article(tmp_path, "page.html", html_page(f'<h2 class="sapo">{HTML_LEAD}</h2>'))
    assert article.text.count(HTML_LEAD) == 1


def test_every_reason_is_explained():
    assert set(REJECT_REASONS) == {
        "empty", "binary", "undecodable", "too_large", "malformed_front_matter", "malformed_jsonl",
        "duplicate", "duplicate_id", "unsupported_format", "readme", "hidden", "unreadable", "extraction_error",
    }


def test_a_file_the_system_refuses_to_read_is_rejected_as_unreadable(tmp_path, monkeypatch):
    from pathlib import Path

    (tmp_path / "locked.txt").write_text("Vietnam and Cambodia held talks.", encoding="utf-8")

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    articles, rejects = read_file(tmp_path / "locked.txt", tmp_path)
    assert articles == []
    assert [(r.path, r.reason, r.detail) for r in rejects] == [("locked.txt", "unreadable", "Permission denied")]


# --- duplicates ------------------------------------------------------------------


def article(article_id: str, path: str, text: str) -> RawArticle:
    return RawArticle(article_id=article_id, path=path, format="txt", text=text)


def test_same_text_up_to_whitespace_is_a_duplicate_of_the_earlier_path():
    kept, rejects = drop_duplicates([article("b", "b.txt", "Talks\n held. "), article("a", "a.txt", "Talks held.")])
    assert [a.article_id for a in kept] == ["a"]
    assert rejects == [Reject("b.txt", "duplicate", "same text as a")]


def test_same_id_is_a_duplicate_id():
    kept, rejects = drop_duplicates([article("a", "x/a.txt", "One."), article("a", "feed.jsonl:2", "Two.")])
    assert [a.path for a in kept] == ["feed.jsonl:2"]
    assert rejects == [Reject("x/a.txt", "duplicate_id", "id already used by feed.jsonl:2")]


def test_jsonl_lines_are_ordered_numerically():
    kept, rejects = drop_duplicates([article("a", "f.jsonl:10", "Same."), article("b", "f.jsonl:9", "Same.")])
    assert [a.path for a in kept] == ["f.jsonl:9"] and rejects[0].path == "f.jsonl:10"


# --- corpus ----------------------------------------------------------------------


@pytest.mark.parametrize(("make", "message"), [(lambda p: p / "missing", "corpus folder not found"), (lambda p: write(p, "f.txt", "x"), "not a directory")])
def test_bad_root_raises_corpus_error(tmp_path, make, message):
    with pytest.raises(CorpusError, match=message):
        load_corpus(make(tmp_path))


def test_list_corpus_files_sorts_by_relative_path(tmp_path):
    for name in ["b.txt", "a/z.txt", "a.txt", ".hidden/x.txt"]:
        write(tmp_path, name, "x")
    relpaths = [path.relative_to(tmp_path).as_posix() for path in list_corpus_files(tmp_path)]
    assert relpaths == [".hidden/x.txt", "a.txt", "a/z.txt", "b.txt"]


def test_load_corpus_sorts_articles_by_id_and_rejects_by_path(tmp_path, capsys):
    write(tmp_path, "z/first.txt", "One.")
    write(tmp_path, "second.txt", "Two.")
    write(tmp_path, "copy.txt", "Two.")
    write(tmp_path, "README.md", "About.")
    articles, rejects = load_corpus(tmp_path, progress=True)
    assert [a.article_id for a in articles] == ["copy", "first"]
    assert [(r.path, r.reason) for r in rejects] == [("README.md", "readme"), ("second.txt", "duplicate")]
    assert capsys.readouterr().err == "read 4/4 files\n"


def test_seed_corpus_loads_five_articles_and_skips_readme():
    articles, rejects = load_corpus(SEEDS)
    assert len(articles) == 5 and all(a.encoding == "utf-8" and a.text for a in articles)
    assert rejects == [Reject("README.md", "readme", "README file")]


# --- properties ------------------------------------------------------------------

EXTENSIONS = [".txt", ".md", ".html", ".htm", ".jsonl"]
files_strategy = st.dictionaries(
    st.text("abcdefgh", min_size=1, max_size=6).flatmap(lambda stem: st.sampled_from([stem + ext for ext in EXTENSIONS])),
    st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)),
    max_size=6,
)


@settings(max_examples=50, deadline=None)
@given(files_strategy)
def test_arbitrary_bytes_never_raise_and_every_file_is_accounted_for(files):
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        for name, data in files.items():
            write(root, name, data)
        articles, rejects = load_corpus(root)
    seen = [item.path for item in articles + rejects]
    assert {path.split(":")[0] for path in seen} == set(files)
    non_jsonl = [path for path in seen if not path.endswith(".jsonl") and ":" not in path]
    assert sorted(non_jsonl) == sorted(name for name in files if not name.endswith(".jsonl"))


@settings(max_examples=50, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1).filter(str.strip))
def test_utf8_text_round_trips_as_nfc(text):
    with tempfile.TemporaryDirectory() as directory:
        article_ = read_article(Path(directory), "a.txt", "\n" + text)
    assert article_.text == unicodedata.normalize("NFC", "\n" + text)


def test_corpus_listing_matches_pathlib_on_links_hidden_and_nested_files(tmp_path):
    """The fast os.walk listing gives exactly what rglob + is_file gave, in the same order."""
    from defcoop.ingest.corpus import corpus_relpaths, list_corpus_files

    root = tmp_path / "corpus"
    (root / "b" / "deep").mkdir(parents=True)
    (root / "a-b").mkdir()
    for name in ("z.txt", ".hidden.md", "b/deep/x.txt", "b/y.md", "a-b/w.txt"):
        (root / name).write_text("Vietnam and Cambodia held talks.")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "o.txt").write_text("talks")
    (root / "linked_dir").symlink_to(outside, target_is_directory=True)    # not entered
    (root / "linked.txt").symlink_to(root / "z.txt")                         # a file
    (root / "dangling.txt").symlink_to(tmp_path / "missing.txt")             # not a file
    expected = sorted((p for p in root.rglob("*") if p.is_file()), key=lambda p: p.relative_to(root).as_posix())
    assert list_corpus_files(root) == expected
    assert sorted(corpus_relpaths(root)) == [".hidden.md", "a-b/w.txt", "b/deep/x.txt", "b/y.md", "linked.txt", "z.txt"]
