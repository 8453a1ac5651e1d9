"""Stage 2 - clean: strip what is not the article, repair glued words, split sentences.

Scraped pages carry menus, photo captions, credits, datelines, sign-offs and lists of
unrelated stories around the article. `clean_article` classifies each source line with
the rules in ``data/rules/en/boilerplate.yaml`` (editable by a domain expert), keeps the
body paragraphs, and logs every removal, extraction and repair as a `LogEntry`, so that
nothing leaves the text without a trace.

>>> from defcoop.ingest.corpus import RawArticle
>>> raw = RawArticle("a1", "a1.txt", "txt", "Talks held\\n\\nHanoi (VNA) - The two sides met on Monday.\\nOther News\\n- Tet fair opens")
>>> art = clean_article(raw)
>>> (art.title, art.dateline, art.source, art.text)
('Talks held', 'Hanoi', 'VNA', 'The two sides met on Monday.')
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Iterable

from defcoop.extract.dates import month_numbers, parse_explicit_date, url_date
from defcoop.ingest.corpus import iso_date
from defcoop.rules import RuleFileError, alternation, load_rules
from defcoop.rules.schema import (EXAMPLE_KEYS, INTEGER, NUMBER, REGEXES, STRING, STRINGS, Example, check_schema,
                                  optional, regex_with_groups, with_examples)
from defcoop.rules.text import fold

if TYPE_CHECKING:  # pragma: no cover - typing only
    from defcoop.ingest.corpus import RawArticle


@dataclass(frozen=True)
class LogEntry:
    article_id: str
    action: str      # "removed" | "repaired" | "extracted" | "warning"
    rule: str        # which rule fired, e.g. "stop_marker", "caption_credit", "duplicate_paragraph", "glued_words"
    line: int        # 1-based line in the source file (0 when not applicable)
    text: str        # the removed span, or "tointensify -> to intensify" for repairs


@dataclass(frozen=True)
class CleanArticle:
    article_id: str
    title: str | None
    source: str | None       # news agency / outlet credit, e.g. "VNA", "VNA/VNS"
    dateline: str | None     # place of the dateline as written, e.g. "Hanoi", "HCM CITY"
    published: str | None    # ISO date YYYY-MM-DD: front matter first, else a date line in the page
    text: str                # clean body: paragraphs joined by "\n\n"
    sentences: tuple[str, ...]
    log: tuple[LogEntry, ...]
    dateline_text: str | None = None   # the whole dateline as written, e.g. "Vientiane, November 20 (AKP) -- "


# --------------------------------------------------------------------------------------
# Rules: read once from YAML, compiled once.
# --------------------------------------------------------------------------------------

_NAV_SEPARATORS = r"[\s>|/»›·:\-–—]"
_TERMINAL_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
_PIPE_ONLY = re.compile(r"^[|\s]+$")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_NON_LETTERS = re.compile(r"[\W\d_]+")
_ASCII_NON_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())
_LETTER_WORDS = re.compile(r"[^\W\d_]+")
_SPACES = re.compile(r"\s+")
_BLANK_LINE = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class _GlueRules:
    min_len: int
    max_len: int
    common_rank: int
    min_log10_gain: float
    short_pieces: frozenset[str]
    trailing_function_words: tuple[str, ...]
    name_particles: frozenset[str]
    never_split: frozenset[str]      # lowercased
    always_split: frozenset[str]
    # marks a trailing function word cannot stand before ("Sow at," is a name cut, not "Plus and ..."); "" = none
    function_word_not_before: str = ""


@dataclass(frozen=True)
class _Rules:
    stop_markers: frozenset[str]
    stop_prefixes: tuple[str, ...]
    nav_line: re.Pattern
    teaser: re.Pattern
    caption: re.Pattern
    caption_hints: tuple[str, ...]
    max_caption_chars: int
    credit: re.Pattern
    glued_caption: re.Pattern
    sign_off_line: re.Pattern
    sign_off_suffix: re.Pattern
    end_marks: tuple[str, ...]
    dateline: re.Pattern
    dateline_places: frozenset[str]
    dateline_paragraphs: int
    date_words: frozenset[str]
    max_headline_words: int
    min_body_words: int
    abbreviations: frozenset[str]
    number_abbreviations: frozenset[str]
    glue: _GlueRules
    wrap_min_length: int = 45
    wrap_length_ratio: float = 1.5
    wrap_line_end_words: frozenset[str] = frozenset()
    wrap_block_breaks: int = 0
    # An opener naming only the outlet ("TPO - ", "(QK7 Online) - "), group "agency"; None when
    # the language's file has no `outlet_opener_pattern` (English: datelines name a place).
    outlet_opener: re.Pattern | None = None
    # A headline-like last line of the text right after the body with at least this many words is the body's
    # last paragraph cut off mid-sentence (a saved excerpt's end), not a headline; 0 when the file has no
    # `headline.cut_off_min_words`.
    cut_off_min_words: int = 0
    # Of several date lines above the body, which dates the page (`page_date_line`): "first" (the default),
    # "last" (nearest the text: a blog's own stamp comes before its source's) or "earliest" (a site's clock line
    # shows the day the page was read, never one before the article).
    page_date_line: str = "first"
    # A date-time stamp glued to the end of the title line ("Title 06/11/2025 18:58"), group "stamp"; None when
    # the language's file has no `title_date_stamp_pattern`.
    title_date_stamp: re.Pattern | None = None
    # A byline of authors ending with a dash and a full date stamp is a date line; False when the file has no
    # `byline_dash_date: 1`.
    byline_dash_date: bool = False
    # A date line right after at most this many body paragraphs (a page that prints its lead, then its stamp) dates
    # a page that no line above the body dates; 0 (the default, the file has no `date_line_after_lead`): never.
    date_line_after_lead: int = 0
    # The publication time a URL carries as a content system's id glued to its slug, groups y, m, d; None when the
    # file has no `url_timestamp_pattern`.
    url_timestamp: re.Pattern | None = None
    # The same with a two-digit year (groups y, m, d; the year is 20y) after a section number ("...-185260309174059305.htm");
    # None when the file has no `url_short_timestamp_pattern`.
    url_short_timestamp: re.Pattern | None = None
    # Stop markers that may head a box of related stories INSIDE the article (`inline_box.markers`, compared as
    # stop markers are): when article prose resumes after the box's headline lines, the box is dropped and the
    # article read on (`_inline_box_end`). Empty when the file has no `inline_box`.
    inline_box_markers: frozenset[str] = frozenset()
    inline_box_max_lines: int = 0          # at most this many headline lines under the box's heading
    inline_box_min_paragraphs: int = 0     # at least this many paragraphs in a row after the box; 0: off
    examples: tuple[Example, ...] = ()     # the file's must_match / must_not_match lines

    def example_failures(self) -> list[str]:
        """Every example of the file the module does not treat as written, as ``file:line: ...``
        (empty when the file behaves as documented):

        - a line rule (stop markers, section labels, teasers, captions, credits, date words,
          agencies, end marks): `classify_line` puts a must_match line under that rule
          (`EXAMPLE_LABELS`), and keeps a must_not_match line as text ("body" or "headline");
        - ``glued_caption_pattern``: a caption glued to the paragraph after it is split off;
        - ``dateline``: `split_dateline` finds a dateline opening the paragraph;
        - ``outlet_opener_pattern``: `split_outlet_opener` finds an outlet opening the paragraph;
        - ``title_date_stamp_pattern``: `split_title_date_stamp` finds a dated stamp ending the title;
        - ``abbreviations`` / ``abbreviations_before_number``: the full stop of a must_match
          text ends no sentence (it stays one sentence); a must_not_match text is split.

        >>> rules().example_failures()
        []
        """
        failures = []
        for example in self.examples:
            if example.rule in EXAMPLE_LABELS:
                label = classify_line(example.text, self)
                matched = label == EXAMPLE_LABELS[example.rule] if example.must_match else not _is_text_label(label)
                got = f"classified {label!r}"
            else:
                matched, got = _EXAMPLE_CHECKS[example.rule](example.text, self)
            if matched != example.must_match:
                failures.append(example.failure(got))
        return failures


def _any_of(patterns: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern:
    """One alternation of several patterns, so a line is scanned once, not once per rule.

    >>> bool(_any_of([r"^a", r"b$"]).search("xb"))
    True
    """
    return re.compile(alternation(patterns), flags)


def _literal_alternation(words: Iterable[str]) -> str:
    """Regex alternation of literal words, longest first so "Khmer Times" beats "Khmer".

    >>> _literal_alternation(["VNA", "VNA Plus"])
    'VNA\\\\ Plus|VNA'
    """
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _agency_pattern(agencies: list[str]) -> str:
    """Agencies, possibly paired with slashes as outlets credit them: "VNA/VNS".

    >>> bool(re.fullmatch(_agency_pattern(["VNA", "VNS"]), "VNA / VNS"))
    True
    """
    one = _literal_alternation(agencies)
    return rf"(?:{one})(?:\s*/\s*(?:{one}))*"


def _build_rules(data: dict) -> _Rules:
    """Compile the YAML rules into regexes and sets (pure: the data in, the rules out)."""
    agency = _agency_pattern(data["agencies"])
    source_labels = "|".join(re.escape(label) for label in data["source_labels"])
    labels = _literal_alternation(fold(x) for x in data["section_labels"])
    place_word = r"[^\W\d_][\w’'.]*"
    dateline_cfg = data["dateline"]
    max_words = int(dateline_cfg["max_place_words"])
    glue = data["glue"]
    return _Rules(
        stop_markers=frozenset(_marker_key(m) for m in data["stop_markers"]),
        stop_prefixes=tuple(fold(p) for p in data["stop_prefixes"]),
        nav_line=re.compile(rf"^(?:{labels})(?:{_NAV_SEPARATORS}+(?:{labels}))*{_NAV_SEPARATORS}*$"),
        teaser=_any_of(data["teaser_patterns"]),
        caption=_any_of(data["caption_patterns"]),
        caption_hints=tuple(hint.lower() for hint in data["caption_hints"]),
        max_caption_chars=int(data["max_caption_chars"]),
        credit=_any_of(data["credit_line_patterns"]),
        glued_caption=re.compile(data["glued_caption_pattern"], re.IGNORECASE | re.DOTALL),
        sign_off_line=re.compile(
            rf"^[\s\-–—(]*(?:(?i:{source_labels})\s*:\s*)?(?P<agency>{agency})[\s).]*$"
        ),
        # "... he said. - VNA", "... he said.-VNA": a hyphen right after the full stop signs off too
        sign_off_suffix=re.compile(rf"(?:\s*[—–]+\s*|\s+-{{1,2}}\s*|(?<=[.!?\"”])-{{1,2}}\s*)(?P<agency>{agency})\s*\.?\s*$"),
        end_marks=tuple(data["end_marks"]),
        dateline=re.compile(
            rf"^(?P<place>{place_word}(?:\s+{place_word}){{0,{max_words - 1}}})"
            r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}/\d{1,2}(?:/\d{2,4})?))?"
            rf"\s*(?:\(\s*(?P<agency>{agency})\s*\))?"
            r"(?P<pre>\s*)(?:[—–]+|-{1,2})(?P<post>\s*)(?=\S)"
        ),
        dateline_places=frozenset(fold(p) for p in dateline_cfg["places"]),
        dateline_paragraphs=int(dateline_cfg["search_paragraphs"]),
        date_words=frozenset(fold(w) for w in data["date_line_words"]) | frozenset(month_numbers()),
        max_headline_words=int(data["headline"]["max_words"]),
        min_body_words=int(data["headline"]["min_body_words"]),
        abbreviations=frozenset(data["abbreviations"]),
        number_abbreviations=frozenset(str(a) for a in data["abbreviations_before_number"]),
        glue=_GlueRules(
            min_len=int(glue["min_token_length"]),
            max_len=int(glue["max_token_length"]),
            common_rank=int(glue["common_rank"]),
            min_log10_gain=float(glue["min_log10_gain"]),
            short_pieces=frozenset(glue["short_pieces"]),
            trailing_function_words=tuple(glue["trailing_function_words"]),
            name_particles=frozenset(glue["name_particles"]),
            never_split=frozenset(w.lower() for w in glue["never_split"]),
            always_split=frozenset(glue["always_split"]),
            function_word_not_before=str(glue.get("function_word_not_before", "")),
        ),
        wrap_min_length=int(data["wrapped_lines"]["min_length"]),
        wrap_length_ratio=float(data["wrapped_lines"]["max_length_ratio"]),
        wrap_line_end_words=frozenset(w.lower() for w in data["wrapped_lines"]["line_end_words"]),
        wrap_block_breaks=int(data["wrapped_lines"].get("block_breaks", 0)),
        outlet_opener=re.compile(data["outlet_opener_pattern"]) if data.get("outlet_opener_pattern") else None,
        cut_off_min_words=int(data["headline"].get("cut_off_min_words", 0)),
        page_date_line=data.get("page_date_line", "first"),
        title_date_stamp=re.compile(data["title_date_stamp_pattern"]) if data.get("title_date_stamp_pattern") else None,
        byline_dash_date=bool(int(data.get("byline_dash_date", 0))),
        date_line_after_lead=int(data.get("date_line_after_lead", 0)),
        url_timestamp=re.compile(data["url_timestamp_pattern"]) if data.get("url_timestamp_pattern") else None,
        url_short_timestamp=(re.compile(data["url_short_timestamp_pattern"])
                             if data.get("url_short_timestamp_pattern") else None),
        inline_box_markers=frozenset(_marker_key(m) for m in data.get("inline_box", {}).get("markers", ())),
        inline_box_max_lines=int(data.get("inline_box", {}).get("max_lines", 0)),
        inline_box_min_paragraphs=int(data.get("inline_box", {}).get("min_paragraphs", 0)),
    )


# What boilerplate.yaml must hold: the keys `_build_rules` reads, each with its type. The keys
# `with_examples` may be written as a mapping of their list (`words` or `patterns`) with
# must_match / must_not_match lines (see `_Rules.example_failures`).
SCHEMA = {
    "stop_markers": with_examples(STRINGS),
    "stop_prefixes": with_examples(STRINGS),
    "section_labels": with_examples(STRINGS),
    "teaser_patterns": with_examples(REGEXES),
    "max_caption_chars": INTEGER,
    "caption_patterns": with_examples(REGEXES),
    "caption_hints": STRINGS,
    "glued_caption_pattern": with_examples(regex_with_groups("caption", "rest")),
    "credit_line_patterns": with_examples(REGEXES),
    "agencies": with_examples(STRINGS),
    "source_labels": with_examples(STRINGS),
    "dateline": {"max_place_words": INTEGER, "search_paragraphs": INTEGER, "places": STRINGS, **EXAMPLE_KEYS},
    "outlet_opener_pattern": optional(with_examples(regex_with_groups("agency"))),
    "title_date_stamp_pattern": optional(with_examples(regex_with_groups("stamp"))),
    "byline_dash_date": optional(INTEGER),
    "date_line_after_lead": optional(INTEGER),
    "url_timestamp_pattern": optional(with_examples(regex_with_groups("y", "m", "d"))),
    "url_short_timestamp_pattern": optional(with_examples(regex_with_groups("y", "m", "d"))),
    "date_line_words": with_examples(STRINGS),
    "page_date_line": optional(STRING),
    "end_marks": with_examples(STRINGS),
    "headline": {"max_words": INTEGER, "min_body_words": INTEGER, "cut_off_min_words": optional(INTEGER)},
    "inline_box": optional({"markers": STRINGS, "max_lines": INTEGER, "min_paragraphs": INTEGER, **EXAMPLE_KEYS}),
    "abbreviations": with_examples(STRINGS),
    "abbreviations_before_number": with_examples(STRINGS),
    "wrapped_lines": {"min_length": INTEGER, "max_length_ratio": NUMBER, "line_end_words": STRINGS,
                      "block_breaks": optional(INTEGER)},
    "glue": {"min_token_length": INTEGER, "max_token_length": INTEGER, "common_rank": INTEGER,
             "min_log10_gain": NUMBER, "short_pieces": STRINGS, "trailing_function_words": STRINGS,
             "name_particles": STRINGS, "never_split": STRINGS, "always_split": STRINGS,
             "function_word_not_before": optional(STRING)},
}


PAGE_DATE_LINES = ("first", "last", "earliest")   # which of several date lines above the body dates the page


def parse_boilerplate(text: str, source: str) -> _Rules:
    """Validate the text of boilerplate.yaml (see `SCHEMA`; patterns ignore case) and compile
    its rules; a problem is a `RuleFileError` naming file and line.

    >>> parse_boilerplate("stop_markers: [other news]\\ncaption_patterns: ['(photo']\\n", "x.yaml")
    Traceback (most recent call last):
    ...
    defcoop.rules.RuleFileError: x.yaml:2: 'caption_patterns': bad pattern '(photo': missing ), unterminated subpattern at position 0
    """
    examples: list[Example] = []
    data = check_schema(text, source, SCHEMA, flags=re.IGNORECASE, examples=examples)
    if data.get("page_date_line", "first") not in PAGE_DATE_LINES:
        line = next((n for n, row in enumerate(text.splitlines(), 1) if row.startswith("page_date_line")), 1)
        raise RuleFileError(source, line, f"'page_date_line' must be one of {', '.join(PAGE_DATE_LINES)}, "
                                          f"not {data['page_date_line']!r}")
    return replace(_build_rules(data), examples=tuple(examples))


def rules() -> _Rules:
    """The boilerplate rules of data/rules/en/boilerplate.yaml, read on first use and kept until
    the file changes (`defcoop.rules.load_rules`)."""
    return load_rules("boilerplate")


# --------------------------------------------------------------------------------------
# Small text helpers
# --------------------------------------------------------------------------------------


def _marker_key(line: str) -> str:
    """A line as compared with stop markers: folded, trailing ":" or "»" dropped, spaces squeezed.

    >>> _marker_key("  Other News: ")
    'other news'
    """
    return " ".join(fold(line).split()).rstrip(":»›>.").strip()


_MARKER_SEPARATOR = re.compile(r"\s+[/|]\s+")
_MENU_SEPARATOR = re.compile(r"\s+\|\s+")
MIN_MENU_ITEMS = 4        # "Home | News | Politics | Video": a menu, whatever its labels
MAX_MENU_ITEM_WORDS = 5


def _is_pipe_menu(line: str) -> bool:
    """A bar of at least four short items between " | " and no sentence: site navigation in
    any language, when its labels are not in section_labels.

    >>> _is_pipe_menu("Trang chủ | Home | Tin tức | Quốc phòng - An ninh | Đối ngoại quốc phòng | Video")
    True
    >>> _is_pipe_menu("Thứ Năm, 19/12/2024 | 20:15 (GMT+7)"), _is_pipe_menu("Talks held. | Photo: VNA")
    (False, False)
    """
    if line.count("|") < MIN_MENU_ITEMS - 1:
        return False
    items = [item for item in _MENU_SEPARATOR.split(line.strip(" |")) if item]
    return (len(items) >= MIN_MENU_ITEMS and not any(_ends_sentence(item) for item in items)
            and all(len(item.split()) <= MAX_MENU_ITEM_WORDS for item in items))


def _is_bilingual_marker(key: str, rules_: _Rules) -> bool:
    """A stop marker given in two languages: "tin lien quan / related news".

    >>> _is_bilingual_marker("tin lien quan / related news", rules()), _is_bilingual_marker("home / news", rules())
    (True, False)
    """
    if "/" not in key and "|" not in key:
        return False
    parts = [part.rstrip(":»›>.").strip() for part in _MARKER_SEPARATOR.split(key)]
    return len(parts) > 1 and all(part in rules_.stop_markers for part in parts)


def paragraph_key(text: str) -> str:
    """What two paragraphs must share to count as duplicates: folded letters only.

    Glue, punctuation and spacing differ between a summary and its repeat, letters don't.

    >>> paragraph_key("Việt Nam, Cambodia  agreed tointensify") == paragraph_key("Viet Nam Cambodia agreed to intensify")
    True
    """
    folded = fold(text)
    if folded.isascii():  # fast path: bytes.translate deletes in C
        return folded.encode("ascii").translate(None, _ASCII_NON_LETTERS).decode("ascii")
    return _NON_LETTERS.sub("", folded)


def _word_count(text: str) -> int:
    return len(text.split())


def _ends_sentence(line: str) -> bool:
    """Does the line end with sentence-final punctuation, maybe inside quotes or brackets?

    >>> _ends_sentence('He said: "We agree."'), _ends_sentence("Talks held in Hanoi")
    (True, False)
    """
    return bool(_TERMINAL_END.search(line[-12:]))


def _is_date_line(line: str, rules_: _Rules) -> bool:
    """A short stamp such as "October 29, 2025 - 16:46": digits plus only date words; or a
    byline bar one of whose "|" segments is such a stamp with a full date.

    >>> _is_date_line("October 29, 2025 - 16:46", rules())
    True
    >>> _is_date_line("Niem Chheng | Publication date 20 June 2019 | 08:45 ICT", rules())
    True
    """
    if _is_date_stamp(line, rules_):
        return True
    if len(line) > 2 * _MAX_DATE_STAMP:
        return False
    if rules_.byline_dash_date:
        # the authors, then a dash and the stamp ("A - B-Thứ năm, ngày 05/03/2015 09:41 GMT+7"), the stamp
        # opening with its weekday or with its time ("A - 18:59, 06/06/2024")
        last = _DASH_BEFORE_STAMP.split(line)[-1]
        if last != line and _is_date_stamp(last, rules_) and parse_explicit_date(last):
            return True
    if "|" not in line:
        return False
    return any(_is_date_stamp(segment, rules_) and parse_explicit_date(segment) for segment in line.split("|"))


# a dash before a word or a clock time (not one inside a numeric date, "06-06-2024")
_DASH_BEFORE_STAMP = re.compile(r"\s*[-–]\s*(?=[^\W\d_]|\d{1,2}:\d{2}\b)")


_MAX_DATE_STAMP = 80


def _is_date_stamp(text: str, rules_: _Rules) -> bool:
    if len(text) > _MAX_DATE_STAMP or not any(ch.isdigit() for ch in text):
        return False
    return all(word in rules_.date_words for word in _LETTER_WORDS.findall(fold(text)))


def _is_body(line: str, rules_: _Rules) -> bool:
    """Body paragraphs end a sentence (and are not tiny), or are too long for a headline.

    >>> _is_body("Vietnam, Cambodia beef up defence cooperation", rules())
    False
    """
    words = _word_count(line)
    if words > rules_.max_headline_words:
        return True
    return words >= rules_.min_body_words and _ends_sentence(strip_sign_off(line, rules_)[0])


# --------------------------------------------------------------------------------------
# Step 1: source lines -> labelled lines
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    number: int      # 1-based line in the source file
    text: str        # stripped
    label: str       # rule name, or "body" / "headline"


def _source_lines(text: str, first_line: int) -> list[tuple[int, str, bool]]:
    """Non-blank stripped lines with their file line number and whether a blank line precedes.

    >>> _source_lines("a\\n\\n b \\nc", 1)
    [(1, 'a', True), (3, 'b', True), (4, 'c', False)]
    """
    out: list[tuple[int, str, bool]] = []
    after_blank = True
    for offset, line in enumerate(text.split("\n")):
        stripped = line.strip()
        if stripped:
            out.append((first_line + offset, stripped, after_blank))
        after_blank = not stripped
    return out


def _join_wrapped(lines: list[tuple[int, str, bool]], rules_: _Rules | None = None) -> list[tuple[int, str]]:
    """Re-join hard-wrapped lines: a long unfinished line followed, in the same block, by a
    lowercase start, and every line of a wrapped run (`_wrapped_runs`) with the line after it.

    >>> _join_wrapped([(1, "The two sides agreed to boost cooperation in", True), (2, "training and patrols.", False)])
    [(1, 'The two sides agreed to boost cooperation in training and patrols.')]
    """
    rules_ = rules_ or rules()
    continues = _wrapped_runs(lines, rules_)
    in_wrapped_block = _hard_wrapped_blocks(lines, rules_)
    out: list[tuple[int, str]] = []
    for i, (number, text, after_blank) in enumerate(lines):
        if out and not after_blank and (text[0].islower() or continues[i - 1] or in_wrapped_block[i]):
            prev_number, prev = out[-1]
            if (len(prev) >= 40 or in_wrapped_block[i]) and not _ends_sentence(prev) and not prev.endswith("|"):
                out[-1] = (prev_number, f"{prev} {text}")
                continue
        out.append((number, text))
    return out


def _hard_wrapped_blocks(lines: list[tuple[int, str, bool]], rules_: _Rules) -> list[bool]:
    """For each line, whether it sits in a block (lines between blank lines) that is plainly
    hard-wrapped, past its first line: a block where at least `block_breaks` lines (boilerplate.yaml,
    `wrapped_lines`; 0 turns this off) are cut mid-sentence, unfinished and followed by a lowercase
    word, or ending in a comma or a word no heading ends with; list items and table bars (a line
    not opening with a letter or digit, or ending in "|") neither count nor run on. In such a block a line
    break inside a sentence is no paragraph break, whatever the length of the line: a short line
    ("The meeting") or a name cut in two ("General Tran" / "Van Minh, ...") continues.

    >>> lines = [(1, "Hanoi (VNA) - The two defence ministers met on", True), (2, "Monday in Hanoi, and", False),
    ...          (3, "The", False), (4, "talks covered training and border patrols with", False),
    ...          (5, "Senior General Tran", False), (6, "Van Minh hosted the guests.", False)]
    >>> _hard_wrapped_blocks(lines, replace(rules(), wrap_block_breaks=3))
    [False, True, True, True, True, True]
    >>> _hard_wrapped_blocks([(1, "Border guards meet in Tay Ninh", True)] + lines[1:], replace(rules(), wrap_block_breaks=3))
    [False, False, True, True, True, True]
    >>> _hard_wrapped_blocks(lines, replace(rules(), wrap_block_breaks=5))
    [False, False, False, False, False, False]
    """
    inside = [False] * len(lines)
    if rules_.wrap_block_breaks <= 0:
        return inside

    def prose(text: str) -> bool:   # not a list item, a bullet or a table bar
        return text[:1].isalnum() and not text.endswith("|")

    def cut(text: str, following: str) -> bool:
        if _ends_sentence(text) or not prose(text) or not prose(following):
            return False
        last = text.rsplit(None, 1)[-1].lower()
        return following[:1].islower() or text.endswith(",") or last in rules_.wrap_line_end_words

    start = 0
    while start < len(lines):
        end = start + 1
        while end < len(lines) and not lines[end][2]:
            end += 1
        breaks = sum(cut(lines[k][1], lines[k + 1][1]) for k in range(start, end - 1))
        if breaks >= rules_.wrap_block_breaks:
            # the block's first line may be a headline or a photo caption: it runs on only when cut
            for k in range(start + 1, end):
                inside[k] = ((k > start + 1 or cut(lines[start][1], lines[k][1]))
                             and prose(lines[k - 1][1]) and prose(lines[k][1])
                             and _is_text_line(lines[k - 1][1], rules_))
        start = end
    return inside


def _is_text_line(line: str, rules_: _Rules) -> bool:
    """The line is text (body or headline), not boilerplate a rule removes (a caption, a credit)."""
    label = classify_line(line, rules_)
    return label == "body" or label == "headline"


def _wrapped_runs(lines: list[tuple[int, str, bool]], rules_: _Rules) -> list[bool]:
    """For each line, whether the next one continues it because both sit in a hard-wrapped run:
    two or more lines of similar length in one block, none ending a sentence, one of them ending
    in a word no heading ends with (`wrapped_lines` in boilerplate.yaml).

    >>> lines = [(1, "Visiting General Tran Quang Minh, Commander of the Vietnam Border Guard, and", True),
    ...          (2, "General Chea Sopheap, head of the Cambodian Interior Ministry's immigration", False),
    ...          (3, "department, reached a consensus at their meeting on Tuesday.", False)]
    >>> _wrapped_runs(lines, rules())
    [True, True, False]
    >>> _wrapped_runs([(1, "Vietnam and Cambodia boost their defence cooperation ties", True),
    ...                (2, "Tay Ninh border guards hold friendly exchange with Svay Rieng", False)], rules())
    [False, False]
    """
    def wrapped(text: str) -> bool:
        return len(text) >= rules_.wrap_min_length and not _ends_sentence(text) and not text.endswith("|")

    def open_end(text: str) -> bool:
        last = text.rsplit(None, 1)[-1].lower()
        return text.endswith(",") or last in rules_.wrap_line_end_words

    continues = [False] * len(lines)
    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and wrapped(lines[j][1]) and not lines[j + 1][2] and wrapped(lines[j + 1][1]):
            j += 1
        run = [text for _, text, _ in lines[i:j + 1]]
        if j > i and max(map(len, run)) <= rules_.wrap_length_ratio * min(map(len, run)) and any(map(open_end, run)):
            for k in range(i, j + 1):
                continues[k] = k + 1 < len(lines) and not lines[k + 1][2]
        i = j + 1
    return continues


def classify_line(line: str, rules_: _Rules | None = None) -> str:
    """Name of the rule a stripped line falls under, or "body" / "headline" for text.

    >>> classify_line("(Photo: VNA)"), classify_line("Home Politics & Law"), classify_line("./.")
    ('caption_credit', 'nav_line', 'sign_off')
    """
    r = rules_ or rules()
    if _PIPE_ONLY.match(line):
        return "table_pipe"
    if r.sign_off_line.match(line) or line in r.end_marks:
        return "sign_off"
    if not _HAS_LETTER.search(line):
        # A numeric stamp ("27/08/2021 20:15") has no letters but carries the published date.
        return "date_line" if _is_date_line(line, r) and parse_explicit_date(line) else "no_letters"
    key = _marker_key(line)
    if key in r.stop_markers or key.startswith(r.stop_prefixes) or _is_bilingual_marker(key, r):
        return "stop_marker"
    if (len(key) <= 80 and r.nav_line.match(key)) or _is_pipe_menu(line):
        return "nav_line"
    if r.teaser.search(line):
        return "teaser"
    if _is_date_line(line, r):
        return "date_line"
    if r.credit.search(line):
        return "credit_line"
    if len(line) <= r.max_caption_chars and _is_caption(line, r):
        return "caption_credit"
    return "body" if _is_body(line, r) else "headline"


def _is_caption(line: str, rules_: _Rules) -> bool:
    """A caption pattern matches. The patterns are one alternation tried at every character
    (~12 µs a line); a line without any caption hint, the usual body line, skips it (~1 µs).

    >>> _is_caption("Gen. Tea Banh (third from right). VNA/VNS Photo", rules()), _is_caption("Talks held.", rules())
    (True, False)
    """
    lowered = line.lower()
    return any(hint in lowered for hint in rules_.caption_hints) and bool(rules_.caption.search(line))


def caption_text(caption: str, rules_: _Rules | None = None) -> str:
    """A removed photo caption without its credit: what the photo shows.

    A marker inside the caption, with words after it, is only cut out: "Minister A (right)
    receives General B in Hanoi" shows who met where.

    >>> caption_text("The two generals sign the minutes of the talks. VNA/VNS Photo")
    'The two generals sign the minutes of the talks.'
    >>> caption_text("Minister A (right) receives General B in Hanoi on May 2. (Photo: VNA)")
    'Minister A receives General B in Hanoi on May 2.'

    A marker with no word in it before the caption's text (the "|" of a photo table's cell) is
    only the cell's border, not a credit line:

    >>> caption_text("| The three ministers sign the minutes. (Photo: VNA) |")
    'The three ministers sign the minutes.'
    """
    pattern = (rules_ or rules()).caption
    shown, pos, end = "", 0, len(caption)
    for match in pattern.finditer(caption):
        if not (shown + caption[pos:match.start()]).strip() and not re.search(r"\w", match.group()):
            pos = match.end()     # a table cell's border before the text
            continue
        if not (shown + caption[pos:match.start()]).strip() or not re.search(r"\w", caption[match.end():]):
            end = match.start()   # a credit line, or the credit that ends the caption
            break
        shown += caption[pos:match.start()]
        pos = match.end()
    shown += caption[pos:end]
    return re.sub(r"\s+(?=[.,;:])", "", re.sub(r"\s+", " ", shown)).strip()


def _mark_pipe_captions(lines: list[_Line]) -> list[_Line]:
    """A headline-like line next to a line of table pipes is a photo caption.

    Photo tables come out of HTML as a caption line beside a "|" line, e.g.
    "Hanoi hosted the dialogue" followed by "|".
    """
    out = list(lines)
    for i, line in enumerate(lines):
        if line.label != "headline":
            continue
        neighbours = lines[max(0, i - 1):i] + lines[i + 1:i + 2]
        if any(n.label == "table_pipe" for n in neighbours):
            out[i] = _Line(line.number, line.text, "caption_credit")
    return out


# --------------------------------------------------------------------------------------
# Step 2: labelled lines -> paragraphs plus title / published / source
# --------------------------------------------------------------------------------------


@dataclass
class _Draft:
    """What is known about an article while its lines are walked (local to one call)."""

    article_id: str
    title: str | None = None
    source: str | None = None
    dateline: str | None = None
    dateline_text: str | None = None
    published: str | None = None
    paragraphs: list[tuple[int, str]] = field(default_factory=list)   # (source line, text)
    log: list[LogEntry] = field(default_factory=list)

    def record(self, action: str, rule: str, line: int, text: str) -> None:
        self.log.append(LogEntry(self.article_id, action, rule, line, text))


def _first_index(lines: list[_Line], label: str, start: int = 0) -> int | None:
    return next((i for i in range(start, len(lines)) if lines[i].label == label), None)


def _stop_index(lines: list[_Line], first_body: int | None, rules_: _Rules | None = None,
                titles: frozenset[str] = frozenset()) -> tuple[int, set[int]]:
    """Where the article ends: the first stop marker after body text that heads no box inside the
    article (`_inline_box_end`; `titles`: the `paragraph_key` of the page's title), else the end;
    and the indices of the lines of the boxes inside.

    >>> lines = [_Line(1, "The two sides met in Hanoi.", "body"), _Line(2, "Other news", "stop_marker"),
    ...          _Line(3, "Fair opens", "headline")]
    >>> _stop_index(lines, 0)
    (1, set())
    """
    rules_ = rules_ or rules()
    boxes: set[int] = set()
    if first_body is None:
        return len(lines), boxes
    found = _first_index(lines, "stop_marker", first_body + 1)
    while found is not None:
        box_end = _inline_box_end(lines, found, rules_, titles)
        if box_end is None:
            return found, boxes
        boxes.update(range(found, box_end))
        found = _first_index(lines, "stop_marker", box_end)
    return len(lines), boxes


def is_inline_box_marker(line: str, rules_: _Rules | None = None) -> bool:
    """A stop marker that may head a box of related stories set inside the article (boilerplate.yaml's
    `inline_box.markers`), alone or given in two languages.

    >>> is_inline_box_marker("Related news:"), is_inline_box_marker("Other News")
    (True, False)
    """
    r = rules_ or rules()
    parts = [part.rstrip(":»›>.").strip() for part in _MARKER_SEPARATOR.split(_marker_key(line))]
    return bool(r.inline_box_markers) and all(part in r.inline_box_markers for part in parts)


# Lines that may sit between two paragraphs of the article without breaking its run: a photo's caption
# or credit, a table bar, a line without letters.
_BETWEEN_PARAGRAPHS = frozenset({"caption_credit", "table_pipe", "no_letters"})


def _inline_box_end(lines: list[_Line], marker: int, rules_: _Rules, titles: frozenset[str] = frozenset()) -> int | None:
    """The index just past a box of related stories that sits inside the article, when the stop
    marker at `marker` heads one; None when the marker ends the article.

    The box is its heading (an `inline_box.markers` line) and at most `inline_box.max_lines`
    lines under it that end no sentence (headlines, teasers, or headlines a wrapped run joined into
    one long line). The article reads on after the box when `inline_box.min_paragraphs` body paragraphs
    follow it in a row, with only photo captions (`_BETWEEN_PARAGRAPHS`) or a line repeating the title
    (`titles`, an image's alt text) between them. A box of related stories under the article has
    at most one paragraph before the next headline (a story's summary under its headline).

    >>> lines = [_Line(1, "The ministers met in Hanoi on Monday.", "body"), _Line(2, "Related news", "stop_marker"),
    ...          _Line(3, "Border fair opens", "headline"), _Line(4, "They also agreed to hold joint patrols.", "body"),
    ...          _Line(5, "The talks ended with a banquet.", "body")]
    >>> _inline_box_end(lines, 1, replace(rules(), inline_box_min_paragraphs=2))
    3
    >>> _inline_box_end(lines[:4] + [_Line(5, "Bridge opens", "headline"), lines[4]], 1,
    ...                 replace(rules(), inline_box_min_paragraphs=2)) is None
    True
    """
    if rules_.inline_box_min_paragraphs <= 0 or not is_inline_box_marker(lines[marker].text, rules_):
        return None
    start = marker + 1
    while start < len(lines) and lines[start].label != "stop_marker" \
            and not (lines[start].label == "body" and _ends_sentence(lines[start].text)):
        start += 1
    if start - marker - 1 > rules_.inline_box_max_lines:
        return None
    paragraphs = 0
    for line in lines[start:]:
        if line.label == "body":
            paragraphs += 1
            if paragraphs >= rules_.inline_box_min_paragraphs:
                return start
        elif not (line.label in _BETWEEN_PARAGRAPHS or (line.label == "headline" and paragraph_key(line.text) in titles)):
            return None
    return None


def _pick_title_index(header: list[int], lines: list[_Line]) -> int | None:
    """The title is the first header line of at least four words, else the first header line."""
    for i in header:
        if _word_count(lines[i].text) >= 4:
            return i
    return header[0] if header else None


def _cut_off_last_paragraph(lines: list[_Line], stop: int, last_body: int | None, rules_: _Rules) -> int | None:
    """The index of the text's last line when it is the body's last paragraph cut off mid-sentence:
    headline-like only for its missing full stop, right after the body, with at least
    `cut_off_min_words` words ("They agreed to work closely together on the plan and the points
    agreed by the two si"); None otherwise, or when the rule is off (0).

    >>> lines = [_Line(1, "The two sides met in Hanoi on Monday and agreed to step up patrols.", "body"),
    ...          _Line(2, "They also pledged to share information and to fight crime along the bor", "headline")]
    >>> _cut_off_last_paragraph(lines, 2, 0, replace(rules(), cut_off_min_words=12))
    1
    >>> _cut_off_last_paragraph(lines, 2, 0, replace(rules(), cut_off_min_words=0)) is None
    True
    """
    last = len(lines) - 1
    if (rules_.cut_off_min_words <= 0 or last_body is None or stop != len(lines) or last != last_body + 1
            or lines[last].label != "headline" or _word_count(lines[last].text) < rules_.cut_off_min_words):
        return None
    return last


def _after_lead(lines: list[_Line], index: int, lead_paragraphs: int) -> bool:
    """The line at `index` follows at most `lead_paragraphs` body paragraphs (none: False), as a page's stamp
    printed under its lead paragraph does.

    >>> lines = [_Line(1, "Talks were held in Hanoi on 3 May.", "body"), _Line(2, "10:05 - 04/05/2031", "date_line")]
    >>> _after_lead(lines, 1, 1), _after_lead(lines, 1, 0)
    (True, False)
    """
    return 0 < sum(line.label == "body" for line in lines[:index]) <= lead_paragraphs


def _walk_lines(lines: list[_Line], draft: _Draft, meta_title: str | None) -> None:
    """Keep body paragraphs; log and drop every other line; note title, date and source."""
    first_body = _first_index(lines, "body")
    header = [i for i in range(len(lines) if first_body is None else first_body) if lines[i].label == "headline"]
    title_index = None if meta_title else _pick_title_index(header, lines)
    titles = frozenset(paragraph_key(t) for t in (meta_title, title_index is not None and lines[title_index].text) if t)
    stop, boxes = _stop_index(lines, first_body, titles=titles)
    last_body = max((i for i in range(stop) if lines[i].label == "body" and i not in boxes), default=None)
    if stop < len(lines):
        span = "\n".join(line.text for line in lines[stop:])
        draft.record("removed", "stop_marker", lines[stop].number, span)
    cut_off = _cut_off_last_paragraph(lines, stop, last_body, rules())
    from_date_line = None   # the log entry of the date line the publication date was taken from
    for i in range(stop):
        line = lines[i]
        label = line.label
        if i in boxes:
            draft.record("removed", "inline_box", line.number, line.text)
        elif label == "body" or (label == "headline" and first_body is not None and first_body < i < last_body) \
                or i == cut_off:
            draft.paragraphs.append((line.number, line.text))
        elif i == title_index:
            title, stamp = split_title_date_stamp(line.text)
            draft.title = title
            draft.record("extracted", "title", line.number, line.text)
            if stamp is not None and draft.published is None:
                draft.published = stamp.isoformat()
                draft.record("extracted", "title_date_stamp", line.number, line.text[len(title):].strip())
        elif label == "headline":
            in_header = first_body is None or i < first_body
            rule = "header_line" if in_header else "trailing_headline"
            if in_header and meta_title and paragraph_key(line.text) == paragraph_key(meta_title):
                rule = "title_repeat"
            draft.record("removed", rule, line.number, line.text)
        elif label == "date_line" and (draft.published is None or from_date_line is not None) \
                and (first_body is None or i < first_body
                     or (draft.published is None and _after_lead(lines, i, rules().date_line_after_lead))):
            # of several stamps above the article, the one boilerplate.yaml's `page_date_line` names: "last", nearest
            # the text (a blog reposting a story stamps its own day first, "Friday, 9 May 2031", the source's stamp
            # follows, "Source: Xinhua | 2031-05-08"), or "earliest" (a site's clock, "Thứ 6, 29/03/2024 05:05:29",
            # shows the day the page was read, an "updated" stamp a later day)
            parsed = parse_explicit_date(line.text)
            mode = rules().page_date_line
            if parsed is not None and (draft.published is None or mode == "last"
                                       or (mode == "earliest" and parsed.isoformat() < draft.published)):
                if from_date_line is not None:
                    draft.log[from_date_line] = replace(draft.log[from_date_line], action="removed")
                draft.published = parsed.isoformat()
                from_date_line = len(draft.log) if mode != "first" else None
                draft.record("extracted", "date_line", line.number, line.text)
            else:
                draft.record("removed", "date_line", line.number, line.text)
        else:
            if label == "sign_off":
                match = rules().sign_off_line.match(line.text)
                if match and draft.source is None:
                    draft.source = _SPACES.sub("", match.group("agency"))
            rule = "nav_line" if label == "stop_marker" else label
            draft.record("removed", rule, line.number, line.text)


# --------------------------------------------------------------------------------------
# Step 3: paragraph-level clean-up
# --------------------------------------------------------------------------------------


def split_dateline(paragraph: str, rules_: _Rules | None = None) -> tuple[str | None, str | None, str]:
    """(place, agency, rest) when the paragraph opens with a dateline, else (None, None, paragraph).

    A dateline is trusted when it names an agency, is in capitals, or names a listed place.

    >>> split_dateline("Phnom Penh, Oct 29 (VNA) - The two sides met.")
    ('Phnom Penh', 'VNA', 'The two sides met.')
    >>> split_dateline("Vietnam - Cambodia ties grow.")
    (None, None, 'Vietnam - Cambodia ties grow.')
    """
    r = rules_ or rules()
    match = r.dateline.match(paragraph)
    if not match:
        return None, None, paragraph
    place, agency = match.group("place"), match.group("agency")
    if not all(word[0].isupper() for word in place.split()):
        return None, None, paragraph
    trusted = agency or place.isupper() or fold(place) in r.dateline_places
    spaced = match.group("pre") or match.group("post")
    if not trusted or not (agency or spaced):
        return None, None, paragraph
    return place, _SPACES.sub("", agency) if agency else None, paragraph[match.end():]


def split_outlet_opener(paragraph: str, rules_: _Rules | None = None) -> tuple[str | None, str]:
    """(outlet, rest) when the paragraph opens with the name of the outlet alone ("TPO - ",
    "(QK7 Online) - ": `outlet_opener_pattern` of the language's boilerplate.yaml), else
    (None, paragraph). A listed dateline place ("HÀ NỘI - ") is no outlet: `split_dateline` takes it.

    >>> rules_ = replace(rules(), outlet_opener=re.compile(r"^\\((?P<agency>[^()]{2,30})\\)\\s*-\\s*"))
    >>> split_outlet_opener("(Border News) - The two sides met.", rules_)
    ('Border News', 'The two sides met.')
    >>> split_outlet_opener("(Hanoi) - The two sides met.", rules_), split_outlet_opener("(VNA) - Met.")
    ((None, '(Hanoi) - The two sides met.'), (None, '(VNA) - Met.'))
    """
    r = rules_ or rules()
    match = r.outlet_opener.match(paragraph) if r.outlet_opener is not None else None
    if not match or fold(match.group("agency")).strip() in r.dateline_places:
        return None, paragraph
    return _SPACES.sub(" ", match.group("agency")).strip(), paragraph[match.end():]


def split_title_date_stamp(title: str, rules_: _Rules | None = None) -> tuple[str, "date | None"]:
    """(title, date) when the title line ends with a dated stamp the page printed after it ("... Tây Ninh
    06/11/2025 18:58": `title_date_stamp_pattern` of the language's boilerplate.yaml), else (title, None).

    >>> rules_ = replace(rules(), title_date_stamp=re.compile(r"\\s(?P<stamp>\\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2})\\s*$"))
    >>> split_title_date_stamp("Two armies hold a drill 06/11/2025 18:58", rules_)
    ('Two armies hold a drill', datetime.date(2025, 11, 6))
    >>> split_title_date_stamp("Two armies hold a drill 06/11/2025 18:58")
    ('Two armies hold a drill 06/11/2025 18:58', None)
    """
    r = rules_ or rules()
    match = r.title_date_stamp.search(title) if r.title_date_stamp is not None else None
    stamp = parse_explicit_date(match.group("stamp")) if match else None
    if stamp is None:
        return title, None
    return title[: match.start()].rstrip(), stamp


def _extract_dateline(draft: _Draft) -> None:
    """Strip the dateline from the first body paragraph that has one; note place and agency.

    A feed's dateline can precede the story's own ("VIETNAM, August 8 - HÀ NỘI — ..."): the second,
    right after the first, is where the story was filed. An opener naming only the outlet
    (`split_outlet_opener`) is cut off the same way; it gives the source, not a place.
    """
    r = rules()
    for index, (number, text) in enumerate(draft.paragraphs[: r.dateline_paragraphs]):
        outlet, rest = split_outlet_opener(text, r)
        if outlet is not None:
            draft.source = draft.source or outlet
            draft.record("extracted", "outlet_opener", number, text[: len(text) - len(rest)])
            draft.paragraphs[index] = (number, rest)
            return
        place, agency, rest = split_dateline(text, r)
        if place is None:
            continue
        inner_place, inner_agency, inner_rest = split_dateline(rest, r)
        if inner_place is not None:
            place, agency, rest = inner_place, inner_agency or agency, inner_rest
        draft.dateline = place
        draft.dateline_text = text[: len(text) - len(rest)]
        draft.source = agency or draft.source
        draft.record("extracted", "dateline", number, draft.dateline_text)
        draft.paragraphs[index] = (number, rest)
        return


def strip_sign_off(paragraph: str, rules_: _Rules | None = None) -> tuple[str, str, str | None]:
    """(kept text, removed tail, agency) for a closing "./." or "— VNA/VNS" at a paragraph's end.

    >>> strip_sign_off("They signed the plan for 2021./.")
    ('They signed the plan for 2021.', '/.', None)
    >>> strip_sign_off("They signed the minutes. — VNA/VNS")
    ('They signed the minutes.', ' — VNA/VNS', 'VNA/VNS')
    """
    r = rules_ or rules()
    for mark in r.end_marks:
        if paragraph.endswith(mark):
            kept = paragraph[: len(paragraph) - len(mark)] + mark[0]
            return kept, mark[1:], None
    cut = max(0, len(paragraph) - 60)  # sign-offs are short: search only the tail
    match = r.sign_off_suffix.search(paragraph, cut)
    if match and match.start() > 0:
        return paragraph[: match.start()], paragraph[match.start():], _SPACES.sub("", match.group("agency"))
    return paragraph, "", None


def _strip_sign_offs(draft: _Draft) -> None:
    kept = []
    for number, text in draft.paragraphs:
        text, tail, agency = strip_sign_off(text)
        if tail:
            draft.record("removed", "sign_off", number, tail)
            draft.source = draft.source or agency
        kept.append((number, text))
    draft.paragraphs = kept


def _drop_duplicates(draft: _Draft) -> None:
    """Keep the first of paragraphs with equal keys; drop paragraphs that repeat the title."""
    seen = {paragraph_key(draft.title)} if draft.title else set()
    kept = []
    for number, text in draft.paragraphs:
        key = paragraph_key(text)
        if not key:
            draft.record("removed", "no_letters", number, text)
        elif key in seen:
            rule = "title_repeat" if draft.title and key == paragraph_key(draft.title) else "duplicate_paragraph"
            draft.record("removed", rule, number, text)
        else:
            seen.add(key)
            kept.append((number, text))
    draft.paragraphs = kept


def _repair_paragraphs(draft: _Draft) -> None:
    repaired = []
    for number, text in draft.paragraphs:
        text, repairs = repair_glued_words(text)
        for before, after in repairs:
            draft.record("repaired", "glued_words", number, f"{before} -> {after}")
        repaired.append((number, text))
    draft.paragraphs = repaired


# --------------------------------------------------------------------------------------
# Glued words
# --------------------------------------------------------------------------------------


class _Lexicon:
    """wordsegment's word list, loaded in two steps: the words themselves (`known`, `common`)
    for every text checked, their counts and the bigrams only when a token could be split.

    Most articles have no glued word worth scoring, so most builds never pay for the counts
    (two 5 MB files parsed into dicts: most of the lexicon's load time).

    >>> lex = _Lexicon(["the", "of", "border"], rules().glue)
    >>> "border" in lex.known, "of" in lex.common
    (True, True)
    """

    def __init__(self, words: list[str], glue: _GlueRules):
        self.known: frozenset[str] = frozenset(words) | glue.never_split   # every word the segmenter knows
        self.common: frozenset[str] = frozenset(words[: glue.common_rank])  # each split piece must be one

    @cached_property
    def counts(self) -> dict:
        """word -> unigram count, shared with wordsegment's segmenter (which scores with it)."""
        import wordsegment

        segmenter = wordsegment.segment.__self__
        if not segmenter.unigrams:                 # what ``wordsegment.load()`` does, minus its word list
            segmenter.unigrams.update(_read_counts(segmenter.UNIGRAMS_FILENAME))
            segmenter.bigrams.update(_read_counts(segmenter.BIGRAMS_FILENAME))
            segmenter.total, segmenter.limit = segmenter.TOTAL, segmenter.LIMIT
        return segmenter.unigrams

    @cached_property
    def log10_total(self) -> float:
        return math.log10(float(sum(self.counts.values())))

    def segment(self, token: str) -> list[str]:
        """wordsegment.segment, once the counts it scores with are loaded."""
        import wordsegment

        self.counts
        return wordsegment.segment(token)


def _read_counts(path: str) -> dict[str, float]:
    """A wordsegment count file (``word<TAB>count`` lines) as {word: count}, in file order.

    The same dict as ``wordsegment.load()`` builds, in about half the time (one split of the
    whole file instead of a generator over its lines).

    >>> import wordsegment
    >>> list(_read_counts(wordsegment.Segmenter.UNIGRAMS_FILENAME).items())[:2]
    [('the', 23135851162.0), ('of', 13151942776.0)]
    """
    cells = _read_cells(path)
    return dict(zip(cells[0::2], map(float, cells[1::2])))


def _read_cells(path: str) -> list[str]:
    with open(path, encoding="utf-8") as file:
        cells = file.read().replace("\n", "\t").split("\t")
    if cells and cells[-1] == "":
        cells.pop()
    return cells


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    """The word list, read once per process and only when a text is checked.

    wordsegment lists its words by descending count, so the first `common_rank` are the most common.
    """
    import wordsegment

    return _Lexicon(_read_cells(wordsegment.Segmenter.UNIGRAMS_FILENAME)[0::2], rules().glue)


def load_lexicon() -> None:
    """Load the whole lexicon now, counts included (before worker processes fork, so they share it)."""
    _lexicon().counts


def _log10_prob(word: str, lex: _Lexicon) -> float:
    """Unigram log-probability; unknown words are penalised by length, as wordsegment does."""
    count = lex.counts.get(word)
    return math.log10(count) - lex.log10_total if count is not None else 1.0 - lex.log10_total - len(word)


def _pieces_acceptable(pieces: list[str], whole: str, lex: _Lexicon, g: _GlueRules) -> bool:
    """Every piece is a common word (short ones only if function words) and the split is much likelier.

    >>> _pieces_acceptable(["to", "intensify"], "tointensify", _lexicon(), rules().glue)
    True
    >>> _pieces_acceptable(["so", "kh", "onn"], "sokhonn", _lexicon(), rules().glue)
    False
    """
    if len(pieces) < 2:
        return False
    if not all(_allowed_piece(piece, lex, g) for piece in pieces):
        return False
    gain = sum(_log10_prob(p, lex) for p in pieces) - _log10_prob(whole, lex)
    return gain >= g.min_log10_gain


def _apply_pieces(token: str, pieces: list[str]) -> str:
    """Cut `token` (original case) at the lengths of the lowercase `pieces`.

    >>> _apply_pieces("Plusand", ["plus", "and"])
    'Plus and'
    """
    out, start = [], 0
    for piece in pieces:
        out.append(token[start:start + len(piece)])
        start += len(piece)
    return " ".join(out)


def _could_split(word: str, lex: _Lexicon, g: _GlueRules) -> bool:
    """Cheap test before the segmenter: can `word` be cut into allowed pieces at all?

    Most unknown tokens are names ("sokhonn") that fail here in a few set look-ups,
    sparing wordsegment's search, which costs about a millisecond.

    >>> _could_split("borderchecks", _lexicon(), rules().glue), _could_split("sokhonn", _lexicon(), rules().glue)
    (True, False)
    """
    reachable = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 20), end):
            if reachable[start] and _allowed_piece(word[start:end], lex, g):
                reachable[end] = True
                break
    return reachable[-1]


def _allowed_piece(piece: str, lex: _Lexicon, g: _GlueRules) -> bool:
    """Short pieces must be function words ("to", "of"), longer ones common words."""
    return piece in g.short_pieces if len(piece) < 3 else piece in lex.common


def _split_lower(token: str, lex: _Lexicon, g: _GlueRules) -> str:
    """Split an all-lowercase token that is not a known word ("borderchecks" -> "border checks")."""
    if token in lex.known and token not in g.always_split:
        return token
    if not _could_split(token, lex, g):
        return token
    pieces = lex.segment(token)
    return _apply_pieces(token, pieces) if _pieces_acceptable(pieces, token, lex, g) else token


def _split_capitalised(token: str, lex: _Lexicon, g: _GlueRules) -> str:
    """Split a capitalised token only as "Word" + function word ("Plusand"); names stay whole."""
    lower = token.lower()
    if lower in lex.known or not lower.endswith(g.trailing_function_words):
        return token
    if not _could_split(lower, lex, g):
        return token
    pieces = lex.segment(lower)
    if len(pieces) != 2 or pieces[-1] not in g.trailing_function_words:
        return token
    return _apply_pieces(token, pieces) if _pieces_acceptable(pieces, lower, lex, g) else token


_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _split_camel(token: str, lex: _Lexicon, g: _GlueRules) -> str:
    """Split at lower->Upper boundaries after a known word ("theProtocol"), never after "Mc", "De"..."""
    parts = _CAMEL_BOUNDARY.split(token)
    out = [parts[0]]
    for part in parts[1:]:
        left = out[-1].lower()
        ok_left = left in lex.known and (len(left) >= 3 or left in g.short_pieces) and left not in g.name_particles
        if ok_left and len(part) >= 2:
            out.append(part)
        else:
            out[-1] += part
    return " ".join(_split_token(piece, lex, g) if piece != token else piece for piece in out)


_DIGIT_GLUE = re.compile(r"(?P<la>[A-Za-z]+)(?P<da>\d+)|(?P<db>\d+)(?P<lb>[A-Za-z]+)")


def _plain_word(letters: str, lex: _Lexicon, g: _GlueRules) -> bool:
    """A lowercase or Capitalised common word, long enough not to be a unit or ordinal ("th", "km")."""
    shape_ok = letters.islower() or (letters[0].isupper() and letters[1:].islower())
    lower = letters.lower()
    return shape_ok and ((len(lower) >= 3 and lower in lex.common) or (letters.islower() and lower in g.short_pieces))


def _split_digits(token: str, lex: _Lexicon, g: _GlueRules) -> str:
    """Split "the2020" / "2020Cooperation" at the letter-digit boundary; keep "G20", "1990s", "21st"."""
    match = _DIGIT_GLUE.fullmatch(token)
    if not match:
        return token
    if match.group("la"):
        letters, digits = match.group("la"), match.group("da")
        return f"{letters} {digits}" if len(digits) >= 2 and _plain_word(letters, lex, g) else token
    digits, letters = match.group("db"), match.group("lb")
    return f"{digits} {letters}" if len(letters) >= 3 and _plain_word(letters, lex, g) else token


def _split_token(token: str, lex: _Lexicon, g: _GlueRules) -> str:
    """The token with spaces inserted where words were glued, or unchanged."""
    if token.lower() in g.never_split or len(token) > g.max_len:
        return token
    if any(ch.isdigit() for ch in token):
        return _split_digits(token, lex, g)
    if _CAMEL_BOUNDARY.search(token):
        return _split_camel(token, lex, g)
    if len(token) < g.min_len:
        return token
    if token.islower():
        return _split_lower(token, lex, g)
    if token[0].isupper() and token[1:].islower():
        return _split_capitalised(token, lex, g)
    return token


@lru_cache(maxsize=65536)
def _split_token_cached(token: str) -> str:
    """`_split_token` with the process-wide lexicon and rules, memoised: tokens recur across articles."""
    return _split_token(token, _lexicon(), rules().glue)


_COMMA_BEFORE_LETTER = re.compile(r",(?=[^\W\d_])")
_WORD_END = re.compile(r"[^\W\d_]+$")
_WORD_START = re.compile(r"[^\W\d_]+")
_ALNUM_RUN = re.compile(r"[^\W_]+")


def _words(text: str) -> set[str]:
    """Distinct alphanumeric runs of `text`, found with str.split (fast) and a regex only on chunks with punctuation.

    >>> sorted(_words("theProtocol, 2020-2024 Chiến's"))
    ['2020', '2024', 'Chiến', 's', 'theProtocol']
    """
    words: set[str] = set()
    for chunk in set(text.split()):
        if chunk.isalnum():
            words.add(chunk)
        else:
            words.update(_ALNUM_RUN.findall(chunk))
    return words


def _is_suspicious(word: str, lex: _Lexicon, g: _GlueRules) -> bool:
    """Worth a closer look: an unknown lowercase word, camel case, a capitalised word ending
    in a function word, or letters glued to digits. Non-ASCII words (Vietnamese) never are.

    >>> _is_suspicious("borderchecks", _lexicon(), rules().glue), _is_suspicious("Chiến", _lexicon(), rules().glue)
    (True, False)
    """
    if not word.isascii() or len(word) > g.max_len:
        return False
    if not word.isalpha():
        return not word.isdigit()
    if word.islower():
        return len(word) >= g.min_len and (word not in lex.known or word in g.always_split)
    if word.isupper():
        return False
    if word.istitle():
        return len(word) >= g.min_len and word.endswith(g.trailing_function_words) and word.lower() not in lex.known
    return True  # camel case


@lru_cache(maxsize=65536)
def _is_suspicious_cached(word: str) -> bool:
    """`_is_suspicious` with the process-wide lexicon and rules, memoised: every word of every
    paragraph is checked, and the vocabulary of news text recurs (Zipf), so most are repeats."""
    return _is_suspicious(word, _lexicon(), rules().glue)


def _repair_commas(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Add the space lost after a comma between two words ("friendship,solidary")."""
    repairs: list[tuple[str, str]] = []
    cuts = [m.start() for m in _COMMA_BEFORE_LETTER.finditer(text) if m.start() and text[m.start() - 1].isalpha()]
    if not cuts:
        return text, repairs
    for cut in cuts:
        left = _WORD_END.search(text, max(0, cut - 40), cut).group()
        right = _WORD_START.match(text, cut + 1).group()
        repairs.append((f"{left},{right}", f"{left}, {right}"))
    bounds = [0, *(c + 1 for c in cuts), len(text)]
    return " ".join(text[a:b] for a, b in zip(bounds, bounds[1:])), repairs


# Letters of any script (Vietnamese "tác.Hai" as well as "patrols.A"); `_glued_stop_shape` then
# asks for a lowercase word or a number before the stop and a capitalised word after it.
_GLUED_FULL_STOP = re.compile(r"(?<![\w.])(?P<left>[^\W\d_]{2,}|\d{1,4})(?P<stop>[.!?][\"'”’)]?)(?P<right>[^\W\d_]+)\b")


def _glued_stop_shape(left: str, right: str) -> bool:
    """A lowercase word or a number, then a capitalised word: the shape of two glued sentences.

    >>> _glued_stop_shape("tác", "Hai"), _glued_stop_shape("Mr", "Smith"), _glued_stop_shape("29", "ABC")
    (True, False, False)
    """
    return (left.isdigit() or left.islower()) and right[0].isupper() and (len(right) == 1 or right[1:].islower())


def _repair_full_stops(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Add the space lost after a sentence's full stop ("on December 29.Main activities"), so the
    sentences split: a lowercase word or a number, the stop, then a capitalised word, in any
    script. Domains ("vietnamplus.vn") and initials ("U.S.") do not have that shape.

    >>> _repair_full_stops("held on December 29.Main activities include patrols.A battalion signed")[0]
    'held on December 29. Main activities include patrols. A battalion signed'
    >>> _repair_full_stops("read qdnd.vn, the U.S.Army and Mr.Smith")[0]
    'read qdnd.vn, the U.S.Army and Mr.Smith'
    >>> _repair_full_stops("hai bên hợp tác.Đây là kết quả tại TP.HCM")[0]
    'hai bên hợp tác. Đây là kết quả tại TP.HCM'
    """
    repairs: list[tuple[str, str]] = []

    def fix(match: re.Match) -> str:
        if not _glued_stop_shape(match.group("left"), match.group("right")):
            return match.group()
        fixed = f"{match.group('left')}{match.group('stop')} {match.group('right')}"
        repairs.append((match.group(), fixed))
        return fixed

    return _GLUED_FULL_STOP.sub(fix, text), repairs


def _function_word_before_mark(fixed: str, following: str, g: _GlueRules) -> bool:
    """Would the split leave a trailing function word right before a mark it cannot precede?
    Then the token was a name ending in those letters ("Gen. Nem Sowat, Director ..."), not a name
    glued to the next word ("Plusand").

    >>> g = rules().glue
    >>> _function_word_before_mark("Sow at", ",", g), _function_word_before_mark("Plus and", " ", g)
    (True, False)
    """
    last = fixed.rsplit(" ", 1)[-1].lower()
    return bool(following) and following in g.function_word_not_before and last in g.trailing_function_words


def repair_glued_words(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Re-insert spaces lost with line breaks; return the text and (before, after) pairs.

    Only unknown or camel-cased tokens are split, only into common words, and names
    (capitalised tokens without an inner capital) are left alone.

    >>> repair_glued_words("agreed tointensify theProtocol in the2020 plan")
    ('agreed to intensify the Protocol in the 2020 plan', [('tointensify', 'to intensify'), ('theProtocol', 'the Protocol'), ('the2020', 'the 2020')])
    """
    text, repairs = _repair_commas(text)
    text, stops = _repair_full_stops(text)
    repairs += stops
    splits = {}
    for token in filter(_is_suspicious_cached, _words(text)):
        fixed = _split_token_cached(token)
        if fixed != token:
            splits[token] = fixed
    if not splits:
        return text, repairs
    pattern = re.compile(r"\b(?:" + _literal_alternation(splits) + r")\b")
    g = rules().glue

    def fix(match: re.Match) -> str:
        fixed = splits[match.group()]
        if _function_word_before_mark(fixed, text[match.end():match.end() + 1], g):
            return match.group()
        repairs.append((match.group(), fixed))
        return fixed

    return pattern.sub(fix, text), repairs


# --------------------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?…](?:[.!?…]|/\.)*[\"'”’)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"(\S+)$")
_DOTTED_INITIALS = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$|^[A-Z]$")
_OPENERS = "\"'“‘([«"


def _starts_sentence(rest: str) -> bool:
    """After the gap, does the text open a sentence (capital or digit, behind any opening quote)?"""
    stripped = rest.lstrip().lstrip(_OPENERS)
    return bool(stripped) and (stripped[0].isupper() or stripped[0].isdigit())


def _is_abbreviation(before: str, rest: str, rules_: _Rules) -> bool:
    """Does the full stop end an abbreviation ("Gen.", "U.S.", "V.", "No. 68") rather than a sentence?"""
    match = _WORD_BEFORE.search(before)
    if not match:
        return False
    word = match.group(1).lstrip(_OPENERS)
    if not word.endswith(".") or word.endswith("./."):
        return False
    stem = word[:-1]
    if stem in rules_.abbreviations or _DOTTED_INITIALS.match(stem):
        return True
    return stem in rules_.number_abbreviations and rest.lstrip()[:1].isdigit()


def _split_paragraph(paragraph: str, rules_: _Rules) -> list[str]:
    sentences, start = [], 0
    for match in _SENTENCE_END.finditer(paragraph):
        end = match.end()
        rest = paragraph[end:]
        if not _starts_sentence(rest) or _is_abbreviation(paragraph[:end].rstrip("\"'”’)]"), rest, rules_):
            continue
        sentences.append(paragraph[start:end])
        start = end
    sentences.append(paragraph[start:])
    return [" ".join(s.split()) for s in sentences if not s.isspace() and s]


def split_sentences(text: str) -> list[str]:
    """Split clean text into sentences; paragraphs (blank-line separated) always end one.

    Abbreviations come from the YAML rules; decimals and "./." are handled.

    >>> split_sentences("Sen. Lt. Gen. Hoang Xuan Chien met Gen. Tea Seiha. Trade rose 3.5 percent.\\n\\nNext.")
    ['Sen. Lt. Gen. Hoang Xuan Chien met Gen. Tea Seiha.', 'Trade rose 3.5 percent.', 'Next.']
    """
    r = rules()
    out: list[str] = []
    for paragraph in _BLANK_LINE.split(text):
        if paragraph.strip():
            out.extend(_split_paragraph(paragraph.strip(), r))
    return out


# --------------------------------------------------------------------------------------
# The stage
# --------------------------------------------------------------------------------------


def _meta_text(meta: dict, key: str) -> str | None:
    value = meta.get(key) if isinstance(meta, dict) else None
    value = str(value).strip() if value is not None else ""
    return value or None


def url_timestamp_date(url: str, rules_: _Rules | None = None) -> date | None:
    """The publication day of a content system's id made of the publication time and glued to the
    URL's slug ("...-20251022164625830.htm": `url_timestamp_pattern` of the language's
    boilerplate.yaml), else None.

    >>> rules_ = replace(rules(), url_timestamp=re.compile(r"-(?P<y>\\d{4})(?P<m>\\d\\d)(?P<d>\\d\\d)\\d{9}\\.htm$"))
    >>> url_timestamp_date("https://example.vn/talks-20251022164625830.htm", rules_)
    datetime.date(2025, 10, 22)
    >>> url_timestamp_date("https://example.vn/talks-20251022164625830.htm") is None   # English: no such ids
    True

    A two-digit year (`url_short_timestamp_pattern`) is one of this century:

    >>> rules_ = replace(rules(), url_short_timestamp=re.compile(r"-\\d{3}(?P<y>\\d\\d)(?P<m>\\d\\d)(?P<d>\\d\\d)\\d{9}\\.htm$"))
    >>> url_timestamp_date("https://example.vn/talks-185251022164625830.htm", rules_)
    datetime.date(2025, 10, 22)
    """
    r = rules_ or rules()
    for pattern, century in ((r.url_timestamp, 0), (r.url_short_timestamp, 2000)):
        stamp = pattern.search(url) if pattern is not None else None
        if stamp is None:
            continue
        try:
            return date(century + int(stamp.group("y")), int(stamp.group("m")), int(stamp.group("d")))
        except ValueError:
            return None
    return None


def _finds_url_timestamp(text: str, rules_: _Rules) -> tuple[bool, str]:
    stamped = url_timestamp_date(text, rules_)
    return stamped is not None, f"dated {stamped}" if stamped else "no timestamp"


def _published_from_url(meta: dict, draft: _Draft) -> str | None:
    """The publication day a page without a date carries in its URL ("/2019-12-20/"), logged."""
    url = _meta_text(meta, "url")
    dated = url_date(url)
    if (dated is None or dated[1] != "day") and url:
        stamped = url_timestamp_date(url)
        dated = (stamped, "day") if stamped else dated
    if dated is None or dated[1] != "day":
        return None
    draft.record("extracted", "published_from_url", 0, url)
    return dated[0].isoformat()


def _label_lines(raw_text: str, first_line: int) -> list[_Line]:
    r = rules()
    joined = _join_wrapped(_source_lines(raw_text, first_line), r)
    labelled = []
    for number, text in joined:
        glued = _glued_caption(text, r)
        if glued:
            labelled.append(_Line(number, glued.group("caption"), "caption_credit"))
            text = glued.group("rest")
        labelled.append(_Line(number, text, classify_line(text, r)))
    return _mark_pipe_captions(labelled)


_MIN_GLUED_WORDS = 12   # a glued caption (`glued_caption_pattern`) is split off only before a paragraph this long


def _glued_caption(text: str, rules_: _Rules) -> re.Match | None:
    """A photo caption glued to the paragraph after it (groups "caption" and "rest"), when the
    paragraph is long enough to split it off; else None."""
    glued = rules_.glued_caption.match(text) if ":" in text and ")" in text else None
    return glued if glued and _word_count(glued.group("rest")) >= _MIN_GLUED_WORDS else None


def clean_article(raw: RawArticle) -> CleanArticle:
    """Turn a scraped page into the article alone, with an audit log of everything done.

    Steps, each a small function: label lines, cut at stop markers, keep body paragraphs,
    extract title / published / dateline / source, strip sign-offs, drop duplicates,
    repair glued words, split sentences.

    >>> from defcoop.ingest.corpus import RawArticle
    >>> clean_article(RawArticle("x", "x.txt", "txt", "Home Politics & Law\\nThe two armies agreed to hold joint patrols.")).text
    'The two armies agreed to hold joint patrols.'
    """
    meta = raw.meta or {}
    draft = _Draft(raw.article_id)
    for warning in getattr(raw, "warnings", ()) or ():
        draft.record("warning", "decode", 0, str(warning))
    meta_title = _meta_text(meta, "title")
    _walk_lines(_label_lines(raw.text or "", raw.body_line), draft, meta_title)
    _extract_dateline(draft)
    _strip_sign_offs(draft)
    if meta_title:
        draft.title = meta_title
    _drop_duplicates(draft)
    _repair_paragraphs(draft)
    written = _meta_text(meta, "published")   # read from front matter: already ISO (defcoop.ingest.corpus)
    published = (iso_date(written) or written if written else None) or draft.published or _published_from_url(meta, draft)
    text = "\n\n".join(p for _, p in draft.paragraphs)
    return CleanArticle(
        article_id=raw.article_id,
        title=draft.title,
        source=_meta_text(meta, "source") or draft.source,
        dateline=draft.dateline,
        published=published,
        text=text,
        sentences=tuple(split_sentences(text)),
        log=tuple(sorted(draft.log, key=lambda entry: entry.line)),  # stable: source order
        dateline_text=draft.dateline_text,
    )


# --------------------------------------------------------------------------------------
# What each example of boilerplate.yaml must show (`_Rules.example_failures`)
# --------------------------------------------------------------------------------------

# The line rules: the label `classify_line` gives a must_match line of each.
EXAMPLE_LABELS = {
    "stop_markers": "stop_marker",
    "stop_prefixes": "stop_marker",
    "section_labels": "nav_line",
    "teaser_patterns": "teaser",
    "caption_patterns": "caption_credit",
    "credit_line_patterns": "credit_line",
    "date_line_words": "date_line",
    "agencies": "sign_off",
    "source_labels": "sign_off",
    "end_marks": "sign_off",
}


def _is_text_label(label: str) -> bool:
    """A line kept as article text, not dropped as boilerplate."""
    return label == "body" or label == "headline"


def _splits_glued_caption(text: str, rules_: _Rules) -> tuple[bool, str]:
    glued = _glued_caption(text, rules_)
    return glued is not None, f"caption split off: {glued.group('caption')!r}" if glued else "nothing split off"


def _finds_dateline(text: str, rules_: _Rules) -> tuple[bool, str]:
    place, agency, _rest = split_dateline(text, rules_)
    return place is not None, f"dateline {place!r}" + (f" ({agency})" if agency else "") if place else "no dateline"


def _finds_url_short_timestamp(text: str, rules_: _Rules) -> tuple[bool, str]:
    # this pattern's own reading, without the four-digit form tried before it
    stamped = url_timestamp_date(text, replace(rules_, url_timestamp=None))
    return stamped is not None, f"dated {stamped}" if stamped else "no timestamp"


def _finds_outlet_opener(text: str, rules_: _Rules) -> tuple[bool, str]:
    outlet, _rest = split_outlet_opener(text, rules_)
    return outlet is not None, f"outlet {outlet!r}" if outlet else "no outlet opener"


def _finds_title_date_stamp(text: str, rules_: _Rules) -> tuple[bool, str]:
    _title, stamp = split_title_date_stamp(text, rules_)
    return stamp is not None, f"stamp {stamp}" if stamp else "no dated stamp"


def _one_sentence(text: str, rules_: _Rules) -> tuple[bool, str]:
    sentences = _split_paragraph(text, rules_)
    return len(sentences) == 1, f"{len(sentences)} sentences: {sentences!r}" if len(sentences) > 1 else "one sentence"


def _heads_inline_box(text: str, rules_: _Rules) -> tuple[bool, str]:
    label = classify_line(text, rules_)
    heads = label == "stop_marker" and is_inline_box_marker(text, rules_)
    return heads, "heads a box inside the article" if heads else f"classified {label!r}, no box heading"


_EXAMPLE_CHECKS = {
    "glued_caption_pattern": _splits_glued_caption,
    "dateline": _finds_dateline,
    "outlet_opener_pattern": _finds_outlet_opener,
    "title_date_stamp_pattern": _finds_title_date_stamp,
    "url_timestamp_pattern": _finds_url_timestamp,
    "url_short_timestamp_pattern": _finds_url_short_timestamp,
    "abbreviations": _one_sentence,
    "abbreviations_before_number": _one_sentence,
    "inline_box": _heads_inline_box,
}
