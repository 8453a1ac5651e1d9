"""Dates: find date expressions in sentences and resolve a meeting's date interval.

Articles often write only "On October 21" or "on Wednesday". The year then comes from
the publication date when known, otherwise from evidence in the text: years of plans
and protocols (`year_windows_from_text`, soft windows) and the terms of office of the
people named (`term_window`, hard windows). A day is never invented: when only the
year is known, the interval is the whole year.

Everything is regex candidate spans plus `datetime` (no dateparser: the pipeline must
handle ~1000 articles/s).

>>> resolve_meeting_date(["On October 21, the dialogue was held."], None,
...                      year_windows_from_text(["They implemented the 2016 plan."])).date_start
datetime.date(2016, 10, 21)
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Callable

from defcoop.paths import REFERENCE_DIR
from defcoop.rules.reference import ReferenceDataError, read_rows
from defcoop.rules.cache import cached_by_content
from defcoop.rules import NEVER, RuleFileError, RuleSet, current_language, load_rules, rules_path
from defcoop.rules.text import fold

_EXPLICIT_ISO = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?!\d)")
_EXPLICIT_NUMERIC = re.compile(r"\b(?P<day>\d{1,2})(?P<sep>[/.\-])(?P<month>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d{2})\b")


def month_numbers() -> dict[str, int]:
    """Month names and abbreviations (lowercase) with their number, from the rule file
    (``months`` of data/rules/en/dates.yaml).

    >>> month_numbers()["sept"], month_numbers()["december"]
    (9, 12)
    """
    return load_rules("dates").table("months")


def parse_explicit_date(text: str) -> date | None:
    """Return the first full calendar date (day, month and year all written) in `text`.

    Numeric dates ("27/08/2021", "27-08-2021", "27.08.2021") are read day-first, as Vietnamese
    and Cambodian outlets write them; month-first only when day-first is impossible
    ("9/14/2021", as some CMS templates print it).

    >>> parse_explicit_date("October 29, 2025 - 16:46"), parse_explicit_date("Updated 9/14/2021")
    (datetime.date(2025, 10, 29), datetime.date(2021, 9, 14))
    """
    rules = _mention_rules()
    for pattern in rules.explicit:
        for match in pattern.finditer(text):
            month = match.group("month")
            year, day = int(match.group("year")), int(match.group("day"))
            month_number = int(month) if month.isdigit() else rules.months[month.lower()]
            orders = [(month_number, day)] + ([(day, month_number)] if month.isdigit() else [])
            for month_value, day_value in orders:
                try:
                    return date(year, month_value, day_value)
                except ValueError:
                    continue
    return None


# ---------------------------------------------------------------------------
# Data types
# ---------------------------------------------------------------------------

OPEN_START = date(1945, 1, 1)   # stands for "no known start" in windows
OPEN_END = date(2100, 1, 1)     # stands for "no known end"; never date.today()


@dataclass(frozen=True)
class DateMention:
    """One date expression found in a sentence; unknown parts are None.

    Ranges carry `day_end`/`month_end` (month_end is set for every range, equal to
    `month` when the range stays in one month). `weekday` is 0 for Monday.
    Relative mentions carry `offset_days` ("yesterday" -> -1) or, when they only name a
    period ("last week"), `period` = ("week" | "month" | "year", 0 or -1).
    """

    text: str
    start: int
    end: int
    kind: str  # "full" | "month_day" | "day_range" | "month_year" | "month" | "weekday" | "relative"
    year: int | None
    month: int | None
    day: int | None
    day_end: int | None = None
    month_end: int | None = None
    weekday: int | None = None
    offset_days: int | None = None
    period: tuple[str, int] | None = None


@dataclass(frozen=True)
class Window:
    """An interval the meeting should (soft) or must (hard) fall in, with the words behind it."""

    start: date  # inclusive
    end: date  # inclusive
    hard: bool
    evidence: str


@dataclass(frozen=True)
class ResolvedDate:
    """The meeting's date interval; precision says how much of it is really known."""

    date_start: date | None
    date_end: date | None
    precision: str  # "day" | "month" | "year" | "unknown"
    evidence: str
    # the text's date mention it was resolved from (None: from windows or the page date alone),
    # so a later step can tell a year the text writes from one guessed (`defcoop.extract.editions`)
    mention: DateMention | None = field(default=None, compare=False, repr=False)


# ---------------------------------------------------------------------------
# Finding date mentions
# ---------------------------------------------------------------------------

def _title_or_upper(names) -> str:
    """Alternation of 'October' / 'OCTOBER' forms: case-sensitive on purpose, so the verbs
    "may" and "march" are not months, and `re` can skip fast to a capital letter."""
    forms = {n.title() for n in names} | {n.upper() for n in names}
    return "|".join(sorted(forms, key=len, reverse=True))


def _folded_forms(names) -> str:
    """Alternation of names as folded text writes them (lowercase, any run of spaces between
    words), for a language whose dates are matched on folded text (``date_text: folded``).

    >>> re.fullmatch(_folded_forms(["thang 11", "thu hai"]), "thang  11") is not None
    True
    """
    forms = {r"\s+".join(re.escape(word) for word in name.split()) for name in names}
    return "|".join(sorted(forms, key=len, reverse=True))


def _name_key(token: str) -> str:
    """A month or weekday name as its table writes it: lowercase, single spaces, no final dot."""
    return " ".join(token.lower().rstrip(".").split())


def _matches_folded(rules: RuleSet) -> bool:
    """Whether the language's date patterns read folded text (``date_text`` of dates.yaml):
    English matches month names as written, so "may" and "march" stay verbs."""
    how = rules.value("date_text")
    if how not in ("as_written", "folded"):
        raise _rule_error(rules, "date_text", "must be as_written or folded")
    return how == "folded"


_YEAR = r"(?P<y>(?:19|20)\d{2})(?!\d)"
_FULL_ISO = re.compile(r"(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
_FULL_NUMERIC_DMY = re.compile(r"(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)" + _YEAR)
# "Wednesday (October 29)", "Wednesday, October 29", "October 29 (Wednesday)"
_WEEKDAY_THEN_DATE = re.compile(r"\s*(?:\(|,)?\s*")
_DIGIT = re.compile(r"\d")
_NUMERIC_HINT = re.compile(r"\d[/.\-]\d")


def _rule_error(rules: RuleSet, key: str, problem: str) -> RuleFileError:
    """An error about rule `key`, at its line of the rule file."""
    rule = rules.rules.get(key)
    return RuleFileError(rules.source, rule.line if rule else 1, f"'{key}': {problem}")


def _regexes_with_groups(rules: RuleSet, key: str, *groups: str) -> tuple[re.Pattern[str], ...]:
    """Each pattern of rule `key` compiled on its own; every one must have the named groups
    (but ``'(?!)'``, which never matches: see `_regex_with_groups`)."""
    regexes = rules.regexes(key)
    for regex in regexes:
        if regex.pattern == NEVER:
            continue
        for group in groups:
            if group not in regex.groupindex:
                raise _rule_error(rules, key, f"the pattern must have the named group (?P<{group}>...)")
    return regexes


def _regex_with_groups(rules: RuleSet, key: str, *groups: str) -> re.Pattern[str]:
    """Rule `key` compiled; it must have the named groups the code reads from its matches
    (unless it is ``'(?!)'``, a key the language has no use for: it never matches)."""
    regex = rules.regex(key)
    if regex.pattern == NEVER:
        return regex
    for group in groups:
        if group not in regex.groupindex:
            raise _rule_error(rules, key, f"the pattern must have the named group (?P<{group}>...)")
    return regex


@dataclass(frozen=True)
class _MentionRules:
    """The compiled rules of finding date mentions, built from the rule files (`_mention_rules`)."""

    months: dict[str, int]                      # "sept" -> 9
    weekdays: dict[str, int]                    # "monday" -> 0
    folded: bool                                # patterns run on folded text (``date_text``)
    weekday_cue: re.Pattern[str]                # what must stand right before a weekday
    other_event: re.Pattern[str]                # right before a date: another event's ("ký ngày")
    report_day: re.Pattern[str]                 # right after a date: the day a source told of an earlier event
    explicit: tuple[re.Pattern[str], ...]       # full dates for `parse_explicit_date`
    # (regex, mention builder, gate): each runs only when its gate passes (see `_sentence_gates`)
    rules: tuple[tuple[re.Pattern[str], Callable, str], ...]
    month_token: re.Pattern[str]                # any month name: the "month" gate
    month_context: re.Pattern[str]              # "in", "since early" before a bare month
    future_weekday: re.Pattern[str]             # "next" before a weekday
    date_then_weekday: re.Pattern[str]          # "October 29 (Wednesday)"
    number_words: dict[str, int]                # "two" -> 2 in "two days ago"
    previous_period_words: frozenset[str]       # "last" in "last week"
    period_units: dict[str, str]                # "week" -> "week"
    word_gates: tuple[tuple[str, tuple[str, ...]], ...]   # gate -> substrings of the lowercased sentence


def _build_mention_rules(rules: RuleSet) -> _MentionRules:
    """Compile the date patterns of data/rules/en/dates.yaml (with the Vietnamese ones of
    data/rules/vi/dates.yaml, applied to every article): month and weekday names, the pieces
    of a written date, and the words of relative days and periods.

    The Vietnamese file is read here too: a change to it empties every cached rule file
    (`defcoop.rules.cache.refresh`), so this is rebuilt then as well.
    """
    months = rules.table("months")
    weekdays = {name: number for number, name in enumerate(rules.words("weekdays"))}
    number_words = rules.table("number_words")
    if not all(isinstance(value, int) for value in number_words.values()):
        raise _rule_error(rules, "number_words", "each word must map to a whole number")
    period_units = rules.table("period_units")
    if not set(period_units.values()) <= _PERIOD_INTERVALS.keys():
        raise _rule_error(rules, "period_units", f"each unit must map to one of {', '.join(_PERIOD_INTERVALS)}")
    ordinal = rules.pattern("ordinal_suffix") + "?"
    joiner = rules.pattern("day_month_joiner")
    dash = rules.pattern("range_joiner")
    year_joiner = "(?:" + rules.pattern("year_joiner") + ")"
    folded = _matches_folded(rules)
    names = _folded_forms if folded else _title_or_upper
    month_alt, weekday_alt = names(months), names(weekdays)

    def month_group(name: str) -> str:
        # No leading \b: it would disable the fast first-character scan; builders check it.
        # The dot of "Oct. 21" belongs to the date only when a number follows.
        return rf"(?P<{name}>{month_alt})\b(?:\.(?=\s*\d))?"

    def day_group(name: str, leading: bool = False) -> str:
        # A leading look-behind would disable the fast first-character scan: when the day
        # opens the pattern, the builder checks the character before it instead.
        guard = "" if leading else r"(?<!\d)"
        return rf"{guard}(?P<{name}>[0-3]?\d){ordinal}(?![\d:])"

    explicit_month = r"(?P<month>" + "|".join(sorted(months, key=len, reverse=True)) + r")\.?"
    explicit_year = r",?\s+(?P<year>(?:19|20)\d{2})\b"
    full_mdy = re.compile(month_group("m") + r"\s*" + day_group("d") + year_joiner + _YEAR)
    full_dmy = re.compile(day_group("d", leading=True) + joiner + month_group("m") + year_joiner + _YEAR)
    range_md = re.compile(  # "October 20-22", "October 30 - November 2, 2016"
        month_group("m") + r"\s*" + day_group("d") + dash
        + r"(?:" + month_group("m2") + r"\s*)?" + day_group("d2") + rf"(?:{year_joiner}{_YEAR})?")
    range_dm = re.compile(  # "20-22 October", "30 October to 2 November 2016"
        day_group("d", leading=True) + r"(?:" + joiner + month_group("m") + r")?" + dash
        + day_group("d2") + joiner + month_group("m2") + rf"(?:{year_joiner}{_YEAR})?")
    numeric_day_month = _regex_with_groups(load_rules("dates", "vi"), "numeric_day_month", "d", "m")
    day_month_numbers = _regex_with_groups(rules, "day_month_numbers", "d", "m")
    day_range_numbers = _regex_with_groups(rules, "day_range_numbers", "d", "m", "d2", "m2", "y")
    relative_day = _regex_with_groups(rules, "relative_day", "m2", "m1", "z", "p1", "n")
    relative_period = _regex_with_groups(rules, "relative_period", "mod", "unit")
    return _MentionRules(
        months=months,
        weekdays=weekdays,
        folded=folded,
        weekday_cue=rules.regex("weekday_cue_before"),
        other_event=rules.regex("other_event_date_cue"),
        report_day=rules.regex("report_day_date_cue"),
        explicit=(
            re.compile(explicit_month + r"\s+(?P<day>\d{1,2})" + ordinal + explicit_year, re.I),
            re.compile(r"\b(?P<day>\d{1,2})" + ordinal + r"\s+" + explicit_month + explicit_year, re.I),
            _EXPLICIT_ISO,
            _EXPLICIT_NUMERIC,
        ),
        rules=(
            (full_mdy, _full_mention, "month_digit"),
            (full_dmy, _full_mention, "month_digit"),
            (_FULL_ISO, _full_mention, "numeric"),
            (_FULL_NUMERIC_DMY, _full_mention, "numeric"),
            (numeric_day_month, _numeric_day_month_mention, "numeric"),
            (day_month_numbers, _numeric_day_month_mention, "numeric"),
            (day_range_numbers, _range_mention, "numeric"),
            (range_md, _range_mention, "month_digit"),
            (range_dm, _range_mention, "month_digit"),
            (re.compile(month_group("m") + r"\s*" + day_group("d")), _month_day_mention, "month_digit"),
            (re.compile(day_group("d", leading=True) + joiner + month_group("m")), _month_day_mention, "month_digit"),
            (re.compile(month_group("m") + year_joiner + _YEAR), _month_year_mention, "month_digit"),
            (re.compile(month_group("m") + r"(?![\s.,]*\d)"), _month_mention, "month"),
            (re.compile(rf"(?P<wd>{weekday_alt})\b"), _weekday_mention, "weekday"),
            (relative_day, _relative_day_mention, "relative"),
            (relative_period, _relative_period_mention, "period"),
        ),
        month_token=re.compile(month_alt),
        month_context=rules.regex("bare_month_context"),
        future_weekday=rules.regex("future_weekday_marker"),
        date_then_weekday=re.compile(rf"\s*\(\s*(?P<wd>{weekday_alt})\s*\)"),
        number_words=number_words,
        previous_period_words=frozenset(rules.words("previous_period_words")),
        period_units=period_units,
        word_gates=(("weekday", rules.words("weekday_gate")), ("relative", rules.words("relative_day_gate")),
                    ("period", rules.words("relative_period_gate"))),
    )


def _mention_rules() -> _MentionRules:
    """The compiled mention rules of the rule files as they are now (rebuilt after an edit)."""
    return load_rules("dates").derived(_build_mention_rules)


def _month_number(token: str, rules: _MentionRules) -> int:
    """'Oct.' -> 10, 'SEPTEMBER' -> 9, '10' -> 10."""
    return int(token) if token.isdigit() else rules.months[_name_key(token)]


def _starts_word(match: re.Match) -> bool:
    """True when the match does not begin inside a word or number.

    "Decade" is not "Dec"; "12021" holds no "2021"; "1.5 October" and "3/21 May" hold no day.
    """
    if match.start() == 0:
        return True
    before = match.string[match.start() - 1]
    return not before.isalnum() and not (match.group(0)[0].isdigit() and before in ".,/-")


def _valid_day(month: int, day: int, year: int | None = None) -> bool:
    """True when the day exists in that month (Feb 29 is allowed when the year is unknown)."""
    try:
        date(year or 2000, month, day)
    except ValueError:
        return False
    return True


def _full_mention(match: re.Match, rules: _MentionRules) -> DateMention | None:
    """'October 21, 2016', '21 October 2016', '2016-10-21', '21/10/2016' (day first)."""
    if not _starts_word(match):
        return None
    year, month, day = int(match.group("y")), _month_number(match.group("m"), rules), int(match.group("d"))
    if match.group("m").isdigit() and month > 12 and 1 <= day <= 12:
        month, day = day, month   # "9/14/2021": month first, as day first is impossible
    if not 1 <= month <= 12 or not _valid_day(month, day, year):
        return None
    return DateMention(match.group(0), match.start(), match.end(), "full", year, month, day)


def _numeric_day_month_mention(match: re.Match, rules: _MentionRules) -> DateMention | None:
    """Vietnamese 'ngày 19/12' (day 19, month 12), without a year."""
    month, day = int(match.group("m")), int(match.group("d"))
    if not 1 <= month <= 12 or not _valid_day(month, day):
        return None
    return DateMention(match.group(0), match.start(), match.end(), "month_day", None, month, day)


def _range_mention(match: re.Match, rules: _MentionRules) -> DateMention | None:
    """'October 20-22', '30 October to 2 November', with an optional trailing year."""
    if not _starts_word(match):
        return None
    month = _month_number(match.group("m") or match.group("m2"), rules)
    month_end = _month_number(match.group("m2"), rules) if match.group("m2") else month
    day, day_end = int(match.group("d")), int(match.group("d2"))
    year = int(match.group("y")) if match.group("y") else None
    if not (_valid_day(month, day) and _valid_day(month_end, day_end)):
        return None
    if month_end == month and day_end <= day:
        return None  # "October 22-20" or "October 21 and 3 units": not a range
    if month_end < month and not (month == 12 and month_end == 1):
        return None  # only December -> January may wrap
    return DateMention(match.group(0), match.start(), match.end(), "day_range", year, month, day,
                       day_end=day_end, month_end=month_end)


def _month_day_mention(match: re.Match, rules: _MentionRules) -> DateMention | None:
    """'October 21', 'Oct. 21', '21 October', '21st of October'."""
    if not _starts_word(match):
        return None
    month, day = _month_number(match.group("m"), rules), int(match.group("d"))
    if not _valid_day(month, day):
        return None
    return DateMention(match.group(0), match.start(), match.end(), "month_day", None, month, day)


def _month_year_mention(match: re.Match, rules: _MentionRules) -> DateMention | None:
    """'November 2023'."""
    if not _starts_word(match):
        return None
    return DateMention(match.group(0), match.start(), match.end(), "month_year",
                       int(match.group("y")), _month_number(match.group("m"), rules), None)


def _month_mention(match: re.Match, rules: _MentionRules) -> DateMention | None:
    """'(in) November', '(early) November': a bare month needs a leading time word
    (``bare_month_context``)."""
    before = match.string[max(0, match.start() - 30):match.start()]
    if not _starts_word(match) or not rules.month_context.search(before):
        return None
    return DateMention(match.group(0), match.start(), match.end(), "month",
                       None, _month_number(match.group("m"), rules), None)


def _weekday_mention(match: re.Match, rules: _MentionRules) -> DateMention | None:
    """'on Wednesday', 'last Friday' (never 'next Friday': a report describes the past)."""
    before = match.string[max(0, match.start() - 10):match.start()]
    if not _starts_word(match) or rules.future_weekday.search(before) or not rules.weekday_cue.search(before):
        return None
    return DateMention(match.group(0), match.start(), match.end(), "weekday", None, None, None,
                       weekday=rules.weekdays[_name_key(match.group("wd"))])


def _relative_day_mention(match: re.Match, rules: _MentionRules) -> DateMention | None:
    """'yesterday' -> -1, 'today' / 'this morning' -> 0, 'two days ago' -> -2 (the groups of
    ``relative_day``); None for a number word missing from ``number_words``."""
    if match.group("m2"):
        offset = -2
    elif match.group("m1"):
        offset = -1
    elif match.group("z"):
        offset = 0
    elif match.group("p1"):
        offset = 1
    else:
        count = match.group("n").lower()
        number = int(count) if count.isdigit() else rules.number_words.get(count)
        if number is None:
            return None
        offset = -number
    return DateMention(match.group(0), match.start(), match.end(), "relative", None, None, None,
                       offset_days=offset)


def _relative_period_mention(match: re.Match, rules: _MentionRules) -> DateMention | None:
    """'last week' -> ("week", -1), 'earlier this month' -> ("month", 0); None for a unit
    missing from ``period_units``."""
    unit = rules.period_units.get(match.group("unit").lower())
    if unit is None:
        return None
    offset = -1 if match.group("mod").lower() in rules.previous_period_words else 0
    return DateMention(match.group(0), match.start(), match.end(), "relative", None, None, None,
                       period=(unit, offset))


def _sentence_gates(sentence: str, rules: _MentionRules) -> set[str]:
    """Which families of date rules could match: a few substring tests per sentence (most
    sentences name no month, weekday or relative day, and skipping them keeps builds fast).

    The weekday and relative families pass when the lowercased sentence holds one of the
    substrings of their ``*_gate`` rule ("day", "this ", ...).

    >>> sorted(_sentence_gates("on Wednesday (October 29)", _mention_rules()))
    ['month', 'month_digit', 'relative', 'weekday']
    """
    gates = set()
    has_digit = _DIGIT.search(sentence) is not None
    if rules.month_token.search(sentence):
        gates.add("month")
        if has_digit:
            gates.add("month_digit")
    if has_digit and _NUMERIC_HINT.search(sentence):
        gates.add("numeric")
    lower = sentence.lower()
    for gate, substrings in rules.word_gates:
        for substring in substrings:      # a plain loop: any() with a generator costs more here
            if substring in lower:
                gates.add(gate)
                break
    return gates


def _non_overlapping(candidates: list[tuple[int, int, int, DateMention]]) -> list[DateMention]:
    """Greedy left-to-right choice; at one start the longest span (then the earlier rule) wins."""
    chosen: list[DateMention] = []
    for _, _, _, mention in sorted(candidates, key=lambda c: c[:3]):
        if not chosen or mention.start >= chosen[-1].end:
            chosen.append(mention)
    return chosen


def _attach_weekdays(sentence: str, mentions: list[DateMention], rules: _MentionRules) -> list[DateMention]:
    """Fold a weekday next to a date into it: 'Wednesday (October 29)' is one month_day
    with weekday=2, which later helps pick the year when no publication date is known.

    >>> [(m.text, m.weekday) for m in find_date_mentions("on Wednesday (October 29)")]
    [('Wednesday (October 29)', 2)]
    """
    merged: list[DateMention] = []
    for mention in mentions:
        previous = merged[-1] if merged else None
        if previous is not None and mention.start < previous.end:
            continue  # the weekday already folded into the date before it
        if (previous is not None and previous.kind == "weekday" and mention.kind in {"full", "month_day"}
                and _WEEKDAY_THEN_DATE.fullmatch(sentence, previous.end, mention.start)):
            end = mention.end
            if sentence[previous.end:mention.start].strip().startswith("(") and sentence[end:end + 1] == ")":
                end += 1
            merged[-1] = replace(mention, text=sentence[previous.start:end], start=previous.start, end=end,
                                 weekday=previous.weekday)
            continue
        after = rules.date_then_weekday.match(sentence, mention.end) if mention.kind in {"full", "month_day"} else None
        if after:
            mention = replace(mention, text=sentence[mention.start:after.end()], end=after.end(),
                              weekday=rules.weekdays[_name_key(after.group("wd"))])
        merged.append(mention)
    return merged


def find_date_mentions(sentence: str) -> list[DateMention]:
    """Every date expression in `sentence`, left to right, without overlaps.

    Rules run as regex candidate spans; where spans overlap the longest wins (so
    "October 21, 2016" is one full date, not a month_day plus a year). Years alone,
    times, "COVID-19", "2015-2019" and "Resolution 57" are not dates.

    >>> [m.kind for m in find_date_mentions("On October 21, and on Wednesday (October 29)")]
    ['month_day', 'month_day']
    """
    rules = _mention_rules()
    text = fold(sentence) if rules.folded else sentence   # fold keeps offsets: one char per char
    gates = _sentence_gates(text, rules)
    if not gates:
        return []
    candidates = []
    for rank, (pattern, build, gate) in enumerate(rules.rules):
        if gate not in gates:
            continue
        for match in pattern.finditer(text):
            mention = build(match, rules)
            if mention is not None:
                candidates.append((mention.start, -(mention.end - mention.start), rank, mention))
    mentions = _non_overlapping(candidates)
    mentions = _attach_weekdays(text, mentions, rules) if "weekday" in gates else mentions
    if rules.folded:
        mentions = [replace(m, text=sentence[m.start:m.end]) for m in mentions]
    return mentions


# ---------------------------------------------------------------------------
# Calendar facts (data/reference/calendar.csv)
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class YearWindow:
    """Dates relative to a year Y, as calendar.csv writes them: ``Y-1:09-01..Y:01-31`` is
    1 September of the year before Y to 31 January of Y. Each end is (years after Y, month, day).

    >>> parse_year_window("Y-1:09-01..Y:01-31").at(2021)
    (datetime.date(2020, 9, 1), datetime.date(2021, 1, 31))
    """

    start: tuple[int, int, int]
    end: tuple[int, int, int]

    def at(self, year: int) -> tuple[date, date]:
        """The window for the year `year`."""
        (start_years, start_month, start_day), (end_years, end_month, end_day) = self.start, self.end
        return date(year + start_years, start_month, start_day), date(year + end_years, end_month, end_day)


_WINDOW_END = re.compile(r"Y(?:(?P<sign>[+-])(?P<years>\d))?:(?P<month>\d\d)-(?P<day>\d\d)")


def parse_year_window(text: str) -> YearWindow:
    """A window ``START..END``, each end ``Y``, ``Y-1`` or ``Y+1`` then ``:MM-DD``; raises
    ValueError when the text is not one, a day does not exist in every year, or the end comes
    before the start.

    >>> parse_year_window("Y:11-01..Y+1:08-31")
    YearWindow(start=(0, 11, 1), end=(1, 8, 31))
    """
    ends = []
    for part in text.split(".."):
        match = _WINDOW_END.fullmatch(part.strip())
        if match is None or len(ends) == 2:
            raise ValueError(f"window must read like Y-1:09-01..Y:01-31, got '{text}'")
        years = int(match.group("years") or 0) * (-1 if match.group("sign") == "-" else 1)
        month, day = int(match.group("month")), int(match.group("day"))
        if not _valid_day(month, day, 2001):     # a common year: the day must exist every year
            raise ValueError(f"no day {part.strip()!r} in every year")
        ends.append((years, month, day))
    if len(ends) != 2:
        raise ValueError(f"window must read like Y-1:09-01..Y:01-31, got '{text}'")
    window = YearWindow(*ends)
    start, end = window.at(2001)
    if end < start:
        raise ValueError(f"window '{text}' ends before it starts")
    return window


# Each key of calendar.csv the code reads, with what its value must be.
CALENDAR_KEYS = {
    "vn_kh_relations_year": "year",     # anniversaries of relations count from it
    "dry_season_finds": "window",       # Y = the first year of the dry season Y-(Y+1)
    "dry_season_just_ended": "window",
    "relations_anniversary_ahead": "window",   # Y = the anniversary's year: the run-up to it
    "plan_signed": "window",            # Y = the plan's year
    "plan_implemented": "window",
    "results_reviewed": "window",       # Y = the year whose results are reviewed
    "report_lag_days": "days",          # how long before a page's publication its event may be
}


@cached_by_content(lambda: os.path.join(REFERENCE_DIR, "calendar.csv"))
def load_calendar(path: Path) -> dict[str, int | YearWindow]:
    """Calendar facts by key from calendar.csv (default data/reference/calendar.csv): years and
    day counts as int, windows as `YearWindow`; every row needs a source; validated, cached.

    >>> load_calendar()["vn_kh_relations_year"], load_calendar()["plan_signed"].at(2021)[0]
    (1967, datetime.date(2020, 9, 1))
    """
    facts: dict[str, int | YearWindow] = {}
    for line, row in read_rows(path, ("key", "value", "note", "source")):
        key, value = row["key"], row["value"]
        kind = CALENDAR_KEYS.get(key)
        if kind is None:
            raise ReferenceDataError.at(path, line, f"unknown key '{key}' (known: {', '.join(CALENDAR_KEYS)})")
        if key in facts:
            raise ReferenceDataError.at(path, line, f"duplicate key '{key}'")
        if not row["source"]:
            raise ReferenceDataError.at(path, line, f"'{key}' needs a source")
        if kind == "year":
            if not re.fullmatch(r"\d{4}", value):
                raise ReferenceDataError.at(path, line, f"'{key}' must be a year, got '{value}'")
            facts[key] = int(value)
        elif kind == "days":
            if not re.fullmatch(r"\d{1,3}", value):
                raise ReferenceDataError.at(path, line, f"'{key}' must be a number of days, got '{value}'")
            facts[key] = int(value)
        else:
            try:
                facts[key] = parse_year_window(value)
            except ValueError as exc:
                raise ReferenceDataError.at(path, line, f"'{key}': {exc}") from None
    missing = [key for key in CALENDAR_KEYS if key not in facts]
    if missing:
        raise ReferenceDataError.at(path, 1, f"missing row(s): {', '.join(missing)}")
    return facts


def calendar_window(key: str, year: int) -> tuple[date, date]:
    """The calendar.csv window `key` for the year `year`.

    >>> calendar_window("results_reviewed", 2016)
    (datetime.date(2016, 10, 1), datetime.date(2017, 3, 31))
    """
    return load_calendar()[key].at(year)


# ---------------------------------------------------------------------------
# Windows: what the text says about the year
# ---------------------------------------------------------------------------

_YEAR_RANGE = re.compile(r"(?<![\d-])(?P<y1>(?:19|20)\d{2})\s*-\s*(?P<y2>(?:19|20)\d{2}|\d{2})(?![\d-])")
_EVIDENCE_CHARS = 90


_LEADING_WORDS = re.compile(r"(?:\w+\W+){0,2}$")


def _quote(original: str, start: int, end: int) -> str:
    """The original words of a span plus a few words before it, shortened when long.

    >>> _quote("They signed the Cooperation Plan for 2021.", 28, 41)
    "'the Cooperation Plan for 2021'"
    """
    lead = _LEADING_WORDS.search(original, max(0, start - 30), start)
    if lead:
        start = lead.start()
    while start > 0 and original[start - 1].isalnum():
        start -= 1  # begin the quote on a whole word
    words = " ".join(original[start:end].split())
    if len(words) > _EVIDENCE_CHARS:
        half = _EVIDENCE_CHARS // 2 - 2
        words = words[:half] + " ... " + words[-half:]
    return f"'{words}'"


def _instrument_action(folded: str, start: int, end: int, rules: _WindowRules) -> str:
    """Whether the plan/protocol at folded[start:end] is being signed or implemented.

    The nearest action word before it in the same clause decides (``signing_verbs`` versus
    ``implementing_words``); a passive right after ("... were implemented", ``passive_action``)
    overrides: implementing when its verb is one of the implementing words. No verb at all means
    it is being implemented.

    >>> _instrument_action("they signed the cooperation plan for 2021", 16, 41, _window_rules())
    'sign'
    """
    passive = rules.passive_after.match(folded, end)
    if passive:
        implemented = rules.implement_words.fullmatch(passive.group("verb")) is not None
        return "implement" if implemented else "sign"
    clause_start = max(folded.rfind(".", 0, start), folded.rfind(";", 0, start), start - 120, 0)
    before = folded[clause_start:start]
    last_sign = max((m.end() for m in rules.sign_words.finditer(before)), default=-1)
    last_implement = max((m.end() for m in rules.implement_words.finditer(before)), default=-1)
    return "sign" if last_sign > last_implement else "implement"


def _dry_season_window(match: re.Match, folded: str, original: str, rules: _WindowRules) -> Window | None:
    """Remains search teams work in the dry season, November to May: remains "found during the
    2017-2018 dry season" are handed over from its start to the summer after it, or, once the
    season "has just ended", in the months after it (the windows ``dry_season_finds`` and
    ``dry_season_just_ended`` of calendar.csv)."""
    after = rules.dry_season.match(folded, match.end())
    if after is None and not rules.dry_season_before.search(folded, max(0, match.start() - 20), match.start()):
        return None
    if rules.season_ahead.search(folded, max(0, match.start() - 60), match.start()):
        return None   # "when it resumes its search in the 2018-2019 dry season": a season to come
    first, last = int(match.group("y1")), int(match.group("y2")[-2:]) + int(match.group("y1")) // 100 * 100
    if last != first + 1:
        return None
    quote = _quote(original, max(0, match.start() - 20), after.end() if after else match.end())
    if after is not None and after.group("ended"):
        return Window(*calendar_window("dry_season_just_ended", first), False,
                      f"{quote} (dry season {first}-{last} just ended)")
    return Window(*calendar_window("dry_season_finds", first), False,
                  f"{quote} (finds of the {first}-{last}{_SEASON_LABEL}")


def _year_range_windows(folded: str, original: str, rules: _WindowRules) -> list[tuple[tuple[int, int], Window]]:
    """Protocol / programme periods 'for 2015-2019': implemented during, signed the year before;
    a dry season '2017-2018' dates remains handed over (see `_dry_season_window`)."""
    found = []
    for match in _YEAR_RANGE.finditer(folded):
        first, last = int(match.group("y1")), match.group("y2")
        last = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
        if last <= first or last - first > 15:
            continue
        season = _dry_season_window(match, folded, original, rules)
        if season is not None:
            found.append(((match.start(), match.end()), season))
            continue
        context = folded[max(0, match.start() - 80):match.end() + 30]
        if not rules.instrument.search(context):
            continue
        quote = _quote(original, max(0, match.start() - 40), match.end())
        if _instrument_action(folded, match.start(), match.end(), rules) == "sign":
            window = Window(date(first - 1, 1, 1), date(first, 12, 31), False,
                            f"{quote} (period {first}-{last} signed)")
        else:
            window = Window(date(first, 1, 1), date(last, 12, 31), False,
                            f"{quote} (period {first}-{last} implemented)")
        found.append(((match.start(), match.end()), window))
    return found


def _plan_window(year: int, action: str, quote: str) -> Window:
    """A yearly plan: signed or implemented (the windows ``plan_signed`` and ``plan_implemented``
    of calendar.csv: Sep of Y-1..Jan of Y; Jan Y..Jan Y+1)."""
    if action == "sign":
        return Window(*calendar_window("plan_signed", year), False, f"{quote} (plan for {year} signed)")
    return Window(*calendar_window("plan_implemented", year), False, f"{quote} (plan for {year} implemented)")


def _plan_rule(match: re.Match, folded: str, quote: str, rules: _WindowRules) -> Window:
    """'signed the Cooperation Plan for 2021' / 'implemented the 2016 plan' (see `_plan_window`)."""
    year = int(match.group("y"))
    return _plan_window(year, _instrument_action(folded, match.start(), match.end(), rules), quote)


def _results_rule(match: re.Match, folded: str, quote: str, rules: _WindowRules) -> Window:
    """Year Y's results are reviewed late in Y or early in Y+1 (``results_reviewed`` of calendar.csv)."""
    year = int(match.group("y"))
    return Window(*calendar_window("results_reviewed", year), False, f"{quote} (results of {year})")


def _intention_rule(match: re.Match, folded: str, quote: str, rules: _WindowRules) -> Window:
    """'agreed to intensify cooperation in Y': said from autumn of Y-1 to the end of Y."""
    year = int(match.group("y"))
    return Window(date(year - 1, 9, 1), date(year, 12, 31), False, f"{quote} (intentions for {year})")


_EDITION_LABEL = "(a later edition)"


def _edition_rule(match: re.Match, folded: str, quote: str, rules: _WindowRules) -> Window:
    """'the first edition in 2022' (with a later edition held now): the meeting is after it
    (a year after it when it was the first, ``first_edition_words``)."""
    year = int(match.group("y"))
    after = year + 1 if match.group("which") in rules.first_edition_words else year
    return Window(date(after, 1, 1), OPEN_END, False, f"{quote} {_EDITION_LABEL}")


def _anniversary_rule(match: re.Match, folded: str, quote: str, rules: _WindowRules) -> Window | None:
    """'55th anniversary of diplomatic relations', 'diplomatic ties set up 55 years ago' -> 1967 + 55
    (``vn_kh_relations_year`` of calendar.csv), unless another country is named; with the
    pattern's optional group ``ahead`` matched (an event leading up to the anniversary), the
    ``relations_anniversary_ahead`` window of that year instead. A pattern with a group
    ``first_year`` reads the anniversary of any event from the span written after it, "the
    60th anniversary of ... (22 December 1944 - 2004)": its last year (group ``y``), when that is
    N years after the first; with no group ``y`` matched ("(December 22, 1944)"), N years after
    the first."""
    first_year = match.groupdict().get("first_year")
    if first_year is not None:
        last = match.groupdict().get("y")
        year = int(last) if last else int(first_year) + int(match.group("n"))
        if year - int(first_year) != int(match.group("n")):
            return None
        return Window(date(year, 1, 1), date(year, 12, 31), False, f"{quote} (anniversary year {year})")
    if set(re.split(r"[\s-]+", match.group("who"))) - rules.own_relations_words - {""}:
        return None      # "Vietnam – Cambodia" (spaced dash) is Vietnam and Cambodia; another country is not
    year = load_calendar()["vn_kh_relations_year"] + int(match.group("n"))
    if match.groupdict().get("ahead"):
        # an event held "towards" the anniversary comes in the year up to its day
        start, end = calendar_window("relations_anniversary_ahead", year)
        return Window(start, end, False, f"{quote} (the run-up to the anniversary in {year})")
    return Window(date(year, 1, 1), date(year, 12, 31), False, f"{quote} (anniversary year {year})")


def _friendship_rule(match: re.Match, folded: str, quote: str, rules: _WindowRules) -> Window | None:
    """'the 2017 Vietnam-Cambodia Friendship Year': the whole named year. A pattern's optional group
    ``who`` names whose friendship: another country than the two (``own_relations_words``, as for
    anniversaries: "the Laos-Vietnam Friendship Year 2022") dates nothing here."""
    who = match.groupdict().get("who")
    if who and set(re.split(r"[\s-]+", who)) - rules.own_relations_words - {""}:
        return None
    year = int(match.group("y"))
    return Window(date(year, 1, 1), date(year, 12, 31), False, f"{quote} (friendship year)")


def _event_year_rule(match: re.Match, folded: str, quote: str, rules: _WindowRules) -> Window:
    """An event named with its year ("the 2025 young officers' exchange programme"): that year."""
    year = int(match.group("y"))
    return Window(date(year, 1, 1), date(year, 12, 31), False, f"{quote} (the event's year)")


def _chair_rule(match: re.Match, folded: str, quote: str, rules: _WindowRules) -> Window:
    """'ASEAN Chairmanship Year 2020': during that year or just after (thanks, reviews)."""
    year = int(match.group("y"))
    return Window(date(year, 1, 1), date(year + 1, 1, 31), False, f"{quote} (chairmanship year)")


# The families of single-year rules, in the order they claim a year: (rule keys of
# data/rules/en/dates.yaml, tried in this order; the key of their gate substrings; the window
# builder; the group spanning the year).
_YEAR_FAMILIES = (
    (("year_then_plan", "plan_then_year"), "plan_gate", _plan_rule, "y"),
    (("review_of_year", "results_then_year", "year_then_results"), "results_gate", _results_rule, "y"),
    (("intention_year",), "intention_gate", _intention_rule, "y"),
    (("earlier_edition_year",), "earlier_edition_gate", _edition_rule, "y"),
    (("anniversary_of_relations",), "anniversary_gate", _anniversary_rule, "n"),
    (("year_then_friendship_year", "friendship_year_then_year", "year_of_friendship"), "friendship_gate",
     _friendship_rule, "y"),
    (("chair_year_then_year", "year_then_asean_chair", "asean_chair_then_year"), "chair_gate", _chair_rule, "y"),
    (("event_then_year",), "event_year_gate", _event_year_rule, "y"),
)
_YEAR_DIGITS = r"(?:19|20)\d\d"
# Groups the window builders read, beyond the span group.
_EXTRA_GROUPS = {"earlier_edition_year": ("which",), "anniversary_of_relations": ("who",)}


@dataclass(frozen=True)
class _WindowRules:
    """The compiled rules of year windows, built from the rule file (`_window_rules`)."""

    year_hint: re.Pattern[str]              # a sentence without it gives no window
    instrument: re.Pattern[str]             # plan, protocol, ...: dated by a period "2015-2019"
    sign_words: re.Pattern[str]
    implement_words: re.Pattern[str]
    passive_after: re.Pattern[str]          # "... was signed" right after a plan
    dry_season: re.Pattern[str]             # "dry season" after a year range
    dry_season_before: re.Pattern[str]      # "dry season of" before it
    season_ahead: re.Pattern[str]           # "will resume in": a season to come
    later_edition: re.Pattern[str]
    folded: bool                            # the rules read folded text (``date_text``)
    first_edition_words: frozenset[str]
    own_relations_words: frozenset[str]
    # (regexes, gate substrings, window builder, span group), in the order they claim a year
    year_rules: tuple[tuple[tuple[re.Pattern[str], ...], tuple[str, ...], Callable, str], ...]


def _build_window_rules(rules: RuleSet) -> _WindowRules:
    """Compile the year-window rules of data/rules/en/dates.yaml; a rule missing a group the
    code reads is refused with its file and line."""
    year_rules = []
    for keys, gate, build, group in _YEAR_FAMILIES:
        # each pattern of a key on its own: every one carries the groups ("the Nth anniversary of
        # relations" and "relations set up N years ago" both read group n)
        regexes = tuple(regex for key in keys for regex in _regexes_with_groups(rules, key, group,
                                                                                *_EXTRA_GROUPS.get(key, ())))
        year_rules.append((regexes, rules.words(gate), build, group))
    return _WindowRules(
        year_hint=re.compile(_YEAR_DIGITS + "|" + rules.pattern("yearless_window_hint")),
        instrument=rules.regex("instrument_words"),
        sign_words=rules.regex("signing_verbs"),
        implement_words=rules.regex("implementing_words"),
        passive_after=_regex_with_groups(rules, "passive_action", "verb"),
        dry_season=_regex_with_groups(rules, "dry_season_after_years", "ended"),
        dry_season_before=rules.regex("dry_season_before_years"),
        season_ahead=rules.regex("season_ahead_words"),
        later_edition=rules.regex("later_edition"),
        folded=_matches_folded(rules),
        first_edition_words=frozenset(rules.words("first_edition_words")),
        own_relations_words=frozenset(rules.words("own_relations_words")),
        year_rules=tuple(year_rules),
    )


def _window_rules() -> _WindowRules:
    """The compiled year-window rules of the rule file as it is now (rebuilt after an edit)."""
    return load_rules("dates").derived(_build_window_rules)


@cached_by_content(lambda: rules_path("dates", current_language()))
def load_date_rules(path: Path) -> tuple[_MentionRules, _WindowRules]:
    """Every compiled date rule (mentions, year windows) of the rule files as they are now.

    A build runs every loader before reading articles (`defcoop.rules.cache.load_all`), so a rule
    missing a group the code reads stops it with ``file:line`` instead of failing on each article.
    """
    return _mention_rules(), _window_rules()


def _single_year_windows(folded: str, original: str, rules: _WindowRules) -> list[tuple[tuple[int, int], Window]]:
    """Windows from one year each: plans, results, intentions, editions, anniversaries, named years."""
    found = []
    for patterns, gate_words, build, group in rules.year_rules:
        if not any(word in folded for word in gate_words):
            continue
        for pattern in patterns:
            for match in pattern.finditer(folded):
                first = match.start(group)
                if first and folded[first - 1].isdigit():
                    continue  # part of a longer number
                window = build(match, folded, _quote(original, *match.span()), rules)
                if window is not None:
                    found.append((match.span(group), window))
    return found


_PUNCT_TO_ASCII = (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'),
                   ("\u2013", "-"), ("\u2014", "-"), ("\u00a0", " "))


def _lower_keep_offsets(sentence: str) -> str:
    """Lowercase with ASCII quotes and dashes, same length as the input (offsets stay valid).

    A fast stand-in for `fold`: the window rules only look at English words and digits.

    >>> _lower_keep_offsets("Plan for 2020\u20132024")
    'plan for 2020-2024'
    """
    lowered = sentence.lower()
    if lowered.isascii():
        return lowered
    if len(lowered) != len(sentence):
        return fold(sentence)
    for typographic, ascii_char in _PUNCT_TO_ASCII:
        lowered = lowered.replace(typographic, ascii_char)
    return lowered


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    """True when `span` shares a character with a span already used by another rule."""
    return any(span[0] < end and start < span[1] for start, end in taken)


def year_windows_from_text(sentences: list[str]) -> list[Window]:
    """Soft windows for the meeting's date from years the text ties to the meeting.

    Each written year feeds at most one rule (the first that claims it, in the order
    periods, plans, results, intentions, editions, anniversaries); a window repeated
    with the same words (repeated paragraphs) is kept once. Only sentences with a
    four-digit year (or an anniversary) are examined.

    >>> [window] = year_windows_from_text(["They signed the Cooperation Plan for 2021."])
    >>> window.start, window.end
    (datetime.date(2020, 9, 1), datetime.date(2021, 1, 31))
    """
    rules = _window_rules()
    windows: dict[tuple[date, date, str], Window] = {}
    for sentence in sentences:
        folded = fold(sentence) if rules.folded else None
        if not rules.year_hint.search(folded or sentence):
            continue
        folded = folded or _lower_keep_offsets(sentence)
        taken: list[tuple[int, int]] = []
        found = _year_range_windows(folded, sentence, rules) + _single_year_windows(folded, sentence, rules)
        for span, window in found:
            if _overlaps(span, taken):
                continue
            taken.append(span)
            key = (window.start, window.end, re.sub(r"\W+", "", window.evidence.lower()))
            windows.setdefault(key, window)
    return _latest_season_only(_drop_unconfirmed_editions(list(windows.values()), sentences, rules))


_SEASON_LABEL = " dry season)"


def _latest_season_only(windows: list[Window]) -> list[Window]:
    """Finds of several dry seasons ("590 remains in the 2013-2014 dry season, 15 in the
    2014-2015 dry season"): the report comes after the latest of them, so only it dates the
    meeting.

    >>> seasons = year_windows_from_text(["During the 2013-2014 dry season 590 remains were found.",
    ...                                   "Another 15 were found during the 2014-2015 dry season."])
    >>> [(w.start.year, w.end.year) for w in seasons]
    [(2014, 2015)]
    """
    seasons = [w for w in windows if w.evidence.endswith(_SEASON_LABEL)]
    if len(seasons) < 2:
        return windows
    latest = max(w.end for w in seasons)
    return [w for w in windows if w not in seasons or w.end == latest]


def _drop_unconfirmed_editions(windows: list[Window], sentences: list[str], rules: _WindowRules) -> list[Window]:
    """'The first edition in 2022' only dates this meeting when a later edition is reported
    ("this year's", "second edition": ``later_edition``); the check runs only if such a window exists."""
    editions = [w for w in windows if w.evidence.endswith(_EDITION_LABEL)]
    lower = fold if rules.folded else str.lower
    if not editions or any(rules.later_edition.search(lower(sentence)) for sentence in sentences):
        return windows
    return [w for w in windows if w not in editions]


_URL_YEAR = re.compile(r"/(?P<y>199\d|20[0-3]\d)/")   # a path segment that is a year alone
_URL_MONTH = re.compile(r"/(?P<y>199\d|20[0-3]\d)(?:/(?P<m1>0?[1-9]|1[0-2])|(?P<m2>0[1-9]|1[0-2]))(?=/)")


def url_date(url: str | None) -> tuple[date, str] | None:
    """The date a page's URL carries, as (date, "day"), (first of the month, "month") or (first of
    the year, "year"); None without one.

    News sites put the publication day ("/2019-12-20/", "/2019/12/20/", read by htmldate) or
    only its month ("/2019/12/", "/201912/") or year ("/tin-tuc/2018/") in article paths; a
    page with no date of its own is dated by it.

    >>> url_date("https://www.vietmaz.com/2019/12/defence-minister-holds-talks/")
    (datetime.date(2019, 12, 1), 'month')
    >>> url_date("https://example.vn/news/2021-01-08/talks.html")
    (datetime.date(2021, 1, 8), 'day')
    >>> url_date("https://example.vn/tin-tuc/2018/talks/")
    (datetime.date(2018, 1, 1), 'year')
    >>> url_date("https://example.vn/news/talks-156609.vnp") is None
    True
    """
    if not url:
        return None
    from datetime import datetime

    from htmldate.extractors import extract_url_date
    from htmldate.utils import Extractor

    full = extract_url_date(url, Extractor(False, datetime(2039, 12, 31), datetime(1990, 1, 1), True, "%Y-%m-%d"))
    if full:
        return date.fromisoformat(full), "day"
    match = _URL_MONTH.search(url)
    if match:
        return date(int(match.group("y")), int(match.group("m1") or match.group("m2")), 1), "month"
    match = _URL_YEAR.search(url)
    if match:
        return date(int(match.group("y")), 1, 1), "year"
    return None


def url_month_windows(url_dated: tuple[date, str] | None) -> list[Window]:
    """Windows for a page dated only by its URL's month (or year): the meeting took place no
    later than that month (hard) and most likely in it (soft).

    >>> [(w.start, w.end, w.hard) for w in url_month_windows((date(2019, 12, 1), "month"))][1]
    (datetime.date(2019, 12, 1), datetime.date(2019, 12, 31), False)
    """
    if url_dated is None or url_dated[1] not in ("month", "year"):
        return []
    if url_dated[1] == "year":
        start, end = date(url_dated[0].year, 1, 1), date(url_dated[0].year, 12, 31)
        evidence = f"URL dated {start:%Y}"
    else:
        start, end = _month_interval(url_dated[0].year, url_dated[0].month)
        evidence = f"URL dated {start:%Y-%m}"
    return [Window(OPEN_START, end, True, evidence), Window(start, end, False, evidence)]


def page_month_date(page_windows: list[Window], windows: list[Window]) -> "ResolvedDate | None":
    """A page dated only by its URL's month tells of that month, when nothing else dates the
    meeting: the month (soft window of `url_month_windows`), unless the hard `windows` (the
    leads' terms) rule it out. None for a URL giving only a year.

    >>> dated = url_month_windows((date(2019, 12, 1), "month"))
    >>> page_month_date(dated, dated).precision, page_month_date(dated, dated).date_start
    ('month', datetime.date(2019, 12, 1))
    >>> page_month_date(url_month_windows((date(2019, 1, 1), "year")), []) is None
    True
    """
    soft = [w for w in page_windows if not w.hard]
    if len(soft) != 1 or (soft[0].start.year, soft[0].start.month) != (soft[0].end.year, soft[0].end.month):
        return None
    month = soft[0]
    bounds, _note = _hard_bounds(windows)
    if bounds is not None and not (bounds[0] <= month.start and month.end <= bounds[1]):
        return None
    return ResolvedDate(month.start, month.end, "month", f"no date in text; reported in the month of the {month.evidence}")


def page_month_relative_date(mentions: list[DateMention], page_windows: list[Window],
                             windows: list[Window]) -> "ResolvedDate | None":
    """A meeting dated only relative to the report ("last week", "on Wednesday") on a page dated
    only by its URL's month: the report was written on some day of that month, so the meeting lies
    between the mention read from the month's first day and read from its last day, with the
    precision that interval allows (a week before a December page: the year). None when a mention
    is not relative or the page gives no single month.

    >>> dated = url_month_windows((date(2017, 12, 1), "month"))
    >>> last_week = DateMention("last week", 0, 9, "relative", None, None, None, period=("week", -1))
    >>> found = page_month_relative_date([last_week], dated, dated)
    >>> found.precision, found.date_start.year, found.date_end
    ('year', 2017, datetime.date(2017, 12, 24))
    """
    in_month = page_month_date(page_windows, windows)
    if in_month is None or not mentions or any(m.kind not in ("relative", "weekday") for m in mentions):
        return None
    earliest = [_resolve_from_published(m, in_month.date_start) for m in mentions]
    latest = [_resolve_from_published(m, in_month.date_end) for m in mentions]
    if any(r is None or r.date_start is None for r in earliest + latest):
        return None
    start = min(r.date_start for r in earliest)
    end = min(max(r.date_end or r.date_start for r in latest), in_month.date_end)
    words = ", ".join(repr(m.text) for m in mentions)
    return ResolvedDate(start, end, coarse_precision(start, end),
                        f"{words} before a day of the month of the {in_month.evidence.split('of the ', 1)[-1]}")


def term_window(start: date | None, end: date | None, evidence: str) -> Window:
    """A hard window from a lead's term of office; open ends become OPEN_START / OPEN_END.

    >>> term_window(date(2023, 8, 22), None, "Tea Seiha minister since 2023-08-22").end
    datetime.date(2100, 1, 1)
    """
    return Window(start or OPEN_START, end or OPEN_END, True, evidence)


# ---------------------------------------------------------------------------
# Resolving a meeting's date
# ---------------------------------------------------------------------------

_KIND_RANK = {"full": 0, "day_range": 1, "month_day": 2, "weekday": 3, "relative": 3,
              "month_year": 4, "month": 5}
_PERIOD_RANK = 6          # "last week", "this year": only when nothing better is said
_TIE_TOLERANCE = 0.1      # scores this close to the best count as a tie
_NEAR_DAYS = 92           # with no window containing any candidate, accept one this close
_LATEST_YEARS_BACK = 8    # how far back to look for a month/day on or before `published`

Interval = tuple[date, date]


def _preference(mention: DateMention) -> int:
    """Rank of a mention kind, lower is better: 'October 21, 2016' (0) before 'in November' (5)."""
    if mention.kind == "relative" and mention.offset_days is None:
        return _PERIOD_RANK
    return _KIND_RANK[mention.kind]


def _month_interval(year: int, month: int) -> Interval:
    """First and last day of a month, e.g. (2023-11-01, 2023-11-30)."""
    next_month = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, 1), next_month - timedelta(days=1)


def _mention_interval(mention: DateMention, year: int) -> Interval | None:
    """The mention's own interval once its (start) year is fixed; None if the day does not exist."""
    try:
        if mention.kind == "month":
            return _month_interval(year, mention.month)
        start = date(year, mention.month, mention.day)
        if mention.kind == "day_range":
            end_year = year + 1 if mention.month_end < mention.month else year
            return start, date(end_year, mention.month_end, mention.day_end)
        return start, start
    except ValueError:
        return None


def _written_year_interval(mention: DateMention) -> Interval | None:
    """Interval of a mention that writes its year (for ranges the year is the end's)."""
    if mention.kind == "day_range" and mention.month_end < mention.month:
        return _mention_interval(mention, mention.year - 1)
    if mention.kind == "month_year":
        return _month_interval(mention.year, mention.month)
    return _mention_interval(mention, mention.year)


def _latest_on_or_before(mention: DateMention, published: date) -> Interval | None:
    """The latest occurrence of a month/day (or month) starting on or before `published`.

    >>> _latest_on_or_before(DateMention("December 30", 0, 11, "month_day", None, 12, 30, None), date(2021, 1, 2))
    (datetime.date(2020, 12, 30), datetime.date(2020, 12, 30))
    """
    for year in range(published.year, published.year - _LATEST_YEARS_BACK, -1):
        interval = _mention_interval(mention, year)
        if interval and interval[0] <= published:
            return interval
    return None


def _week_interval(offset: int, published: date) -> Interval:
    """'this week' (0) / 'last week' (-1): Monday to Sunday, cut at the publication day."""
    monday = published - timedelta(days=published.weekday()) + timedelta(weeks=offset)
    return monday, min(monday + timedelta(days=6), published)


def _month_so_far_interval(offset: int, published: date) -> Interval:
    """'this month' (0) / 'last month' (-1), cut at the publication day."""
    first = published.replace(day=1)
    if offset < 0:
        first = (first - timedelta(days=1)).replace(day=1)
    start, end = _month_interval(first.year, first.month)
    return start, min(end, published)


def _year_so_far_interval(offset: int, published: date) -> Interval:
    """'this year' (0) / 'last year' (-1), cut at the publication day."""
    year = published.year + offset
    return date(year, 1, 1), min(date(year, 12, 31), published)


# The periods a rule file's ``period_units`` may name, and how each is placed.
_PERIOD_INTERVALS: dict[str, Callable[[int, date], Interval]] = {
    "week": _week_interval, "month": _month_so_far_interval, "year": _year_so_far_interval}


def _period_interval(unit: str, offset: int, published: date) -> Interval:
    """'last week' / 'this month' / 'last year' relative to the publication day.

    >>> _period_interval("week", -1, date(2025, 10, 29))
    (datetime.date(2025, 10, 20), datetime.date(2025, 10, 26))
    """
    return _PERIOD_INTERVALS[unit](offset, published)


def coarse_precision(start: date, end: date) -> str:
    """Precision of an interval that is not a stated day: month, year or unknown."""
    if (start.year, start.month) == (end.year, end.month):
        return "month"
    return "year" if start.year == end.year else "unknown"


def _kind_precision(mention: DateMention) -> str:
    """'month' for 'in November (2023)', else 'day' (days and day ranges)."""
    return "month" if mention.kind in {"month", "month_year"} else "day"


def _resolve_from_published(mention: DateMention, published: date) -> ResolvedDate | None:
    """Resolve a year-less mention against the publication date (reports describe the past)."""
    words = f"{mention.text!r}"
    if mention.kind == "weekday":
        day = published - timedelta(days=(published.weekday() - mention.weekday) % 7)
        return ResolvedDate(day, day, "day", f"{words}: latest such weekday on/before published {published}")
    if mention.kind == "relative" and mention.offset_days is not None:
        day = published + timedelta(days=mention.offset_days)
        return ResolvedDate(day, day, "day", f"{words}: published {published} {mention.offset_days:+d} days")
    if mention.kind == "relative":
        start, end = _period_interval(*mention.period, published)
        return ResolvedDate(start, end, coarse_precision(start, end), f"{words} before published {published}")
    interval = _latest_on_or_before(mention, published)
    if interval is None:
        return None
    start, end = interval
    if mention.kind == "month":
        end = min(end, published)
    return ResolvedDate(start, end, _kind_precision(mention),
                        f"{words}; year {start.year}: latest on/before published {published}")


def _hard_bounds(windows: list[Window]) -> tuple[Interval | None, str]:
    """Intersection of the hard windows, with a note; an empty intersection is ignored."""
    hard = [w for w in windows if w.hard]
    if not hard:
        return None, ""
    start, end = max(w.start for w in hard), min(w.end for w in hard)
    if start > end:
        return None, "terms of office do not overlap (" + "; ".join(w.evidence for w in hard) + "): ignored"
    return (start, end), "within " + "; ".join(w.evidence for w in hard)


def _overlap_fraction(interval: Interval, window: Window) -> float:
    """Share of the candidate interval that lies inside the window (0..1)."""
    low, high = max(interval[0], window.start), min(interval[1], window.end)
    if low > high:
        return 0.0
    return ((high - low).days + 1) / ((interval[1] - interval[0]).days + 1)


def _distance(interval: Interval, window: Window) -> int:
    """Days between a candidate and a window (0 when they touch)."""
    if interval[1] < window.start:
        return (window.start - interval[1]).days
    if interval[0] > window.end:
        return (interval[0] - window.end).days
    return 0


def _candidate_years(bounds: Interval | None, soft: list[Window]) -> range:
    """Years to try: those of the hard bounds, else the span of the soft windows."""
    if bounds:
        return range(bounds[0].year, bounds[1].year + 1)
    if soft:
        return range(min(w.start for w in soft).year, max(w.end for w in soft).year + 1)
    return range(0)


def _best_candidates(candidates: list[Interval], soft: list[Window]) -> list[Interval]:
    """Candidates with the best soft-window score (sum of overlap fractions), ties kept.

    With no window touching any candidate, fall back to the candidates nearest a window
    (within _NEAR_DAYS), else return them all (nothing distinguishes them).
    """
    scores = [sum(_overlap_fraction(c, w) for w in soft) for c in candidates]
    best = max(scores, default=0.0)
    if best > 0:
        return [c for c, s in zip(candidates, scores) if s >= best - _TIE_TOLERANCE]
    if soft and candidates:
        distances = [min(_distance(c, w) for w in soft) for c in candidates]
        nearest = min(distances)
        if nearest <= _NEAR_DAYS:
            return [c for c, d in zip(candidates, distances) if d == nearest]
    return candidates


def _open_to_none(day: date) -> date | None:
    """Map dates that only come from open window ends to None."""
    return None if day.year <= OPEN_START.year or day.year >= OPEN_END.year - 1 else day


def _supporting(interval: Interval, soft: list[Window]) -> str:
    """' from <evidence>; <evidence>' for the soft windows touching the interval, else ''."""
    words = [w.evidence for w in soft if _overlap_fraction(interval, w) > 0]
    return " from " + "; ".join(words) if words else ""


def _pick(candidates: list[Interval], soft: list[Window], precision: str, what: str,
          notes: list[str]) -> ResolvedDate | None:
    """Choose among year candidates; a tie widens the interval and drops precision to unknown."""
    if not candidates:
        return None
    winners = _best_candidates(candidates, soft)
    extra = "".join(f"; {n}" for n in notes if n)
    if len(winners) == 1:
        start, end = winners[0]
        return ResolvedDate(start, end, precision,
                            f"{what}; year {start.year}{_supporting(winners[0], soft)}{extra}")
    start, end = min(w[0] for w in winners), max(w[1] for w in winners)
    years = f"{start.year}-{end.year}"
    return ResolvedDate(_open_to_none(start), _open_to_none(end), "unknown",
                        f"{what}; year undecided among {years}{extra}")


def _matching_weekday(candidates: list[Interval], weekday: int | None) -> list[Interval]:
    """Keep the years where 'Wednesday (October 29)' really is a Wednesday, if any is.

    >>> _matching_weekday([(date(2024, 10, 29),) * 2, (date(2025, 10, 29),) * 2], 2)
    [(datetime.date(2025, 10, 29), datetime.date(2025, 10, 29))]
    """
    if weekday is None:
        return candidates
    matching = [c for c in candidates if c[0].weekday() == weekday]
    return matching or candidates


def _resolve_from_windows(mention: DateMention, windows: list[Window]) -> ResolvedDate | None:
    """Resolve a year-less month/day, range or month with hard bounds and soft windows."""
    if mention.kind not in {"month_day", "day_range", "month"}:
        return None  # a weekday or "yesterday" says nothing without a publication date
    bounds, note = _hard_bounds(windows)
    soft = [w for w in windows if not w.hard]
    candidates = []
    for year in _candidate_years(bounds, soft):
        interval = _mention_interval(mention, year)
        if interval is not None and (not bounds or (interval[1] >= bounds[0] and interval[0] <= bounds[1])):
            candidates.append(interval)
    candidates = _matching_weekday(candidates, mention.weekday) if mention.kind == "month_day" else candidates
    if not candidates:
        return ResolvedDate(None, None, "unknown", f"{mention.text!r}; no year evidence{'; ' + note if note else ''}")
    return _pick(candidates, soft, _kind_precision(mention), repr(mention.text), [note])


def _resolve_mention(mention: DateMention, published: date | None, windows: list[Window]) -> ResolvedDate | None:
    """One mention to a ResolvedDate, or None when this mention cannot be placed."""
    if mention.year is not None:
        interval = _written_year_interval(mention)
        if interval is None or _outside_hard_bounds(interval, published, windows):
            return None   # another event's date: "the army founded on 22/12/1944"
        return ResolvedDate(interval[0], interval[1], _kind_precision(mention), f"{mention.text!r}")
    if published is not None:
        return _resolve_from_published(mention, published)
    return _resolve_from_windows(mention, windows)


def _outside_hard_bounds(interval: Interval, published: date | None, windows: list[Window]) -> bool:
    """Whether a written date cannot be the meeting's: it lies wholly outside the leads' terms
    of office (hard windows) or after the article was published.

    >>> _outside_hard_bounds((date(1944, 12, 22), date(1944, 12, 22)), date(2024, 12, 19),
    ...                      [term_window(date(2021, 4, 8), None, "Giang's term of office")])
    True
    """
    if published is not None and interval[0] > published:
        return True
    bounds, _note = _hard_bounds(windows)
    return bounds is not None and (interval[1] < bounds[0] or interval[0] > bounds[1])


_NEWS_DAYS = 7    # a report with no date tells of the last days: past this day of the month, of its month


def _resolve_without_mention(published: date | None, windows: list[Window]) -> ResolvedDate:
    """Without a date in the text, a dated report tells of its own month ("The ministry has
    presented medical supplies", published 21 May: May) once the month is `_NEWS_DAYS` old
    and the leads' terms allow it; otherwise only the year can be known: score whole years
    (clipped to hard bounds) by the windows.

    >>> _resolve_without_mention(date(2021, 5, 21), []).precision
    'month'
    """
    if published is not None and published.day > _NEWS_DAYS:
        bounds, _note = _hard_bounds(windows)
        start = published.replace(day=1)
        if bounds is None or (bounds[0] <= start and published <= bounds[1]):
            return ResolvedDate(start, published, "month", f"no date in text; reported in the month published {published}")
    if published is not None:
        windows = windows + [Window(OPEN_START, published, True, f"published {published}"),
                             Window(date(published.year, 1, 1), published, False, f"published {published}")]
    bounds, note = _hard_bounds(windows)
    soft = [w for w in windows if not w.hard]
    candidates = []
    for year in _candidate_years(bounds, soft):
        start, end = date(year, 1, 1), date(year, 12, 31)
        if bounds:
            start, end = max(start, bounds[0]), min(end, bounds[1])
        if start <= end:
            candidates.append((start, end))
    if not soft:
        if bounds and len(candidates) == 1:
            return ResolvedDate(*candidates[0], "year", f"no date in text; {note}")
        start, end = bounds if bounds else (None, None)
        return ResolvedDate(start and _open_to_none(start), end and _open_to_none(end), "unknown",
                            f"no date in text{'; ' + note if note else ''}")
    resolved = _pick(candidates, soft, "year", "no date in text", [note])
    return resolved or ResolvedDate(None, None, "unknown", "no date in text")


def _days_within_ranges_first(mentions: list[DateMention]) -> list[DateMention]:
    """Drop a day range that contains a single day the same sentence names: "on December 20 held
    talks with Tea Banh, who is here for a visit from December 19-22" dates the talks, not the visit.

    >>> [m.text for m in _days_within_ranges_first(find_date_mentions("on December 20 held talks during a visit from December 19-22"))]
    ['December 20']
    """
    days = [m for m in mentions if m.kind in {"month_day", "full"} and m.day is not None]

    def contains(span: DateMention, day: DateMention) -> bool:
        if span.year is not None and day.year is not None and span.year != day.year:
            return False
        first, last, point = (span.month, span.day), (span.month_end, span.day_end), (day.month, day.day)
        if last >= first:
            return first <= point <= last
        return point >= first or point <= last      # "December 30 - January 2"

    return [m for m in mentions if not (m.kind == "day_range" and any(contains(m, d) for d in days))]


_OTHER_EVENT_CHARS = 150   # how far before a date ``other_event_date_cue`` is searched
_REPORT_DAY_CHARS = 250    # how far after a date ``report_day_date_cue`` is matched


def _meeting_date_mentions(sentence: str) -> list[DateMention]:
    """The date mentions of `sentence` that may be a meeting's: not the date of another event
    the words right before it name (``other_event_date_cue``: a document "signed on" it), nor the
    day a source told of an event held just before it, as the words right after it say
    (``report_day_date_cue``: "on the 4th, the command said it had recently held ...").

    >>> from defcoop.rules import rules_language
    >>> with rules_language("vi"):
    ...     [m.text for m in _meeting_date_mentions("Ngày 14/6, hai tàu tuần tra theo quy chế ký ngày 14/9/2002.")]
    ...     [m.text for m in _meeting_date_mentions("Ngày 9/8, Sở Chỉ huy tỉnh A cho biết vừa tổ chức lễ bàn giao.")]
    ['Ngày 14/6']
    []
    """
    rules = _mention_rules()
    mentions = find_date_mentions(sentence)
    if not mentions or (rules.other_event.pattern == NEVER and rules.report_day.pattern == NEVER):
        return mentions
    text = fold(sentence) if rules.folded else sentence
    return [m for m in mentions if not rules.other_event.search(text, max(0, m.start - _OTHER_EVENT_CHARS), m.start)
            and not rules.report_day.search(text[m.end:m.end + _REPORT_DAY_CHARS])]


def _other_month_than_undecided_day(mention: DateMention, fallback: ResolvedDate | None) -> bool:
    """A later sentence's date in another month than the day an earlier meeting sentence gives
    without a year dates something else, not the meeting ("held a ceremony on June 12 ... | In
    March 1979, the unit was founded": 1979 is history, June 12 keeps its year undecided).

    >>> day = ResolvedDate(None, None, "unknown", "", DateMention("June 12", 0, 7, "month_day", None, 6, 12))
    >>> _other_month_than_undecided_day(DateMention("March 1979", 0, 10, "month_year", 1979, 3, None), day)
    True
    >>> _other_month_than_undecided_day(DateMention("June 12, 2018", 0, 13, "full", 2018, 6, 12), day)
    False
    """
    if fallback is None or fallback.mention is None or fallback.mention.month is None \
            or fallback.mention.year is not None or mention.month is None:
        return False
    return mention.month not in (fallback.mention.month, fallback.mention.month_end)


def resolve_meeting_date(meeting_sentences: list[str], published: date | None,
                         windows: list[Window]) -> ResolvedDate:
    """The meeting's date interval from its sentences, the publication date and year windows.

    Sentences are tried in order; within the first sentence that yields a usable
    mention, the most precise kind wins (full > day_range > month_day > weekday /
    relative day > month_year > month > "last week"), then the earliest; a period ("earlier
    this week") counts only when no sentence says more. Without any usable mention only the
    year can be resolved.

    >>> resolve_meeting_date(["held in HCM City on Wednesday."], date(2025, 10, 29), []).date_start
    datetime.date(2025, 10, 29)
    """
    fallback = period = None
    for sentence in meeting_sentences:
        mentions = sorted(_days_within_ranges_first(_meeting_date_mentions(sentence)),
                          key=lambda m: (_preference(m), m.start))
        for mention in mentions:
            if _other_month_than_undecided_day(mention, fallback):
                continue
            resolved = _resolve_mention(mention, published, windows)
            resolved = resolved if resolved is None else replace(resolved, mention=mention)
            if resolved is not None and resolved.precision != "unknown":
                if _preference(mention) < _PERIOD_RANK:
                    return resolved
                # "earlier this week" dates the meeting only when no sentence gives a day or month
                period = period or resolved
                break
            if resolved is not None and fallback is None:
                fallback = resolved  # e.g. a day whose year stays undecided
    if period is not None:
        return period
    if fallback is not None and fallback.date_start is not None:
        return fallback
    without = _resolve_without_mention(published, windows)
    if fallback is not None and without.precision == "unknown":
        return fallback  # keep the words of the undecided mention as evidence
    return without
