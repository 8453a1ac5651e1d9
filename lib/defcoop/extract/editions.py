"""Numbered editions of recurring meetings (data/reference/editions.csv) and the dates they give.

Many reports number a recurring meeting ("the eighth Defence Policy Dialogue", "Giao lưu hữu
nghị lần thứ 2 giữa hai lực lượng") but give no year: the page has no
date, or the text says only "on October 29". The reference table lists when each numbered
edition was held, every row with its source, so such a meeting takes its year from the table
(`date_from_editions`) instead of a guess. A year the text writes always wins.

Columns: ``mechanism`` (an id of mechanisms.yaml), ``edition`` (a positive integer), ``parties``
(the ISO-2 codes of the countries the series is between, ``;``-joined: a series of three
countries numbers its editions apart from the two-country one of the same mechanism),
``date`` (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``: the first day of a meeting over several days),
``date_end`` (the last day, for such a meeting), ``place``, ``country``, ``leads`` (who led the
two sides, names of officials.csv, ``;``-joined: a meeting led by anyone else is not that edition,
such as two provinces' "first border friendship exchange" of the same mechanism id, or a report
that numbers the meeting but names other leads), ``source`` (URLs, ``;``-joined) and ``note``. A bad row stops the build with ``editions.csv:LINE: problem``.

>>> row = load_editions().lookup("defence_policy_dialogue", 8, set())
>>> row.start, row.precision
(datetime.date(2025, 10, 29), 'day')
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from defcoop.paths import REFERENCE_DIR
from defcoop.rules import DEFAULT_LANGUAGE, load_rules
from defcoop.rules.cache import cached_by_content
from defcoop.rules.reference import ReferenceDataError, read_rows

COLUMNS = ("mechanism", "edition", "parties", "date", "date_end", "place", "country", "leads", "source", "note")
_DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")
# a year written on its own ("in 2024", "October 29, 2024"), not inside a range ("1967-2022") or a figure
_YEAR_WRITTEN = re.compile(r"(?<![\d/.-])(?:19|20)\d{2}(?![\d/-])")
# the two countries every series of the table is between; a row's other parties must be named
_HOME_PARTIES = frozenset({"VN", "KH"})


@dataclass(frozen=True)
class Edition:
    """One row of editions.csv: when (and where) one numbered edition of a series was held."""

    mechanism: str
    edition: int
    parties: frozenset
    start: date          # first day of the interval the `date` cell stands for
    end: date            # last day: `date_end`, else the end of the day, month or year written
    precision: str       # "day" | "month" | "year"
    place: str
    country: str
    leads: frozenset
    source: str
    line: int

    @property
    def label(self) -> str:
        """How date_evidence names the row, e.g. "editions.csv: defence_policy_dialogue 8"."""
        return f"editions.csv: {self.mechanism} {self.edition}"

    @property
    def month(self) -> int | None:
        return self.start.month if self.precision != "year" else None


class EditionTable:
    """The rows of editions.csv by (mechanism, edition)."""

    def __init__(self, rows: list[Edition]):
        self._rows: dict[tuple[str, int], list[Edition]] = {}
        for row in rows:
            self._rows.setdefault((row.mechanism, row.edition), []).append(row)

    def __len__(self) -> int:
        return sum(len(rows) for rows in self._rows.values())

    def __iter__(self):
        return (row for rows in self._rows.values() for row in rows)

    def lookup(self, mechanism: str, edition: int | None, named_countries: set,
               leads: set = frozenset()) -> Edition | None:
        """The row of this numbered meeting: among the rows of (mechanism, edition) whose
        parties beyond Vietnam and Cambodia are all named by the meeting's sentences
        (`named_countries`) and that no one else led than the row's leads (each of the meeting's
        `leads` that is known is one of them), the one with the most parties; None when the table
        has none.

        >>> table = load_editions()
        >>> table.lookup("border_friendship_exchange", 1, {"VN", "KH"}).parties == {"VN", "KH"}
        True
        >>> sorted(table.lookup("border_friendship_exchange", 1, {"VN", "LA", "KH"}).parties)
        ['KH', 'LA', 'VN']
        >>> table.lookup("defence_policy_dialogue", 99, set()) is None
        True
        >>> table.lookup("border_friendship_exchange", 1, {"VN", "KH"}, {"Nguyen Van A"}) is None
        True
        """
        if edition is None:
            return None
        leads = {lead for lead in leads if lead}
        fitting = [row for row in self._rows.get((mechanism, edition), ())
                   if (row.parties - _HOME_PARTIES) <= named_countries
                   and (not row.leads or leads <= row.leads)]
        return max(fitting, key=lambda row: len(row.parties), default=None)


def parse_edition_date(text: str) -> tuple[date, date, str]:
    """A ``date`` cell as (first day, last day, precision); raises ValueError when it is not
    ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` or names no real day.

    >>> parse_edition_date("2022-05")
    (datetime.date(2022, 5, 1), datetime.date(2022, 5, 31), 'month')
    >>> parse_edition_date("2022")[2]
    'year'
    """
    match = _DATE.fullmatch(text)
    if match is None:
        raise ValueError(text)
    year = int(match.group("year"))
    if match.group("day"):
        day = date(year, int(match.group("month")), int(match.group("day")))
        return day, day, "day"
    if match.group("month"):
        month = int(match.group("month"))
        first = date(year, month, 1)
        following = date(year + month // 12, month % 12 + 1, 1)
        return first, following - timedelta(days=1), "month"
    return date(year, 1, 1), date(year, 12, 31), "year"


@cached_by_content(lambda: os.path.join(REFERENCE_DIR, "editions.csv"))
def load_editions(path: Path) -> EditionTable:
    """The numbered editions of editions.csv (default data/reference/editions.csv), validated;
    cached. Raises ReferenceDataError("data/reference/editions.csv:LINE: problem") for an unknown
    mechanism id, country or lead, a bad date or edition, a missing source or a repeated
    (mechanism, parties, edition)."""
    from defcoop.extract.people import load_officials
    from defcoop.extract.places import load_countries

    # the ids of mechanisms.yaml (every language's file has the same ids, fixed by the gold format)
    mechanisms = {mechanism for mechanism, _specific, _pattern in load_rules("mechanisms", DEFAULT_LANGUAGE).patterns}
    countries = load_countries()
    people = {official.person for official in load_officials().officials}
    rows: list[Edition] = []
    seen: dict[tuple, int] = {}
    for line, row in read_rows(path, COLUMNS):
        rows.append(_edition_from_row(row, path, line, mechanisms, countries, people))
        key = (rows[-1].mechanism, rows[-1].parties, rows[-1].edition)
        if key in seen:
            raise ReferenceDataError.at(path, line, f"{rows[-1].mechanism} {rows[-1].edition} "
                                                    f"({row['parties']}) is listed on line {seen[key]} too")
        seen[key] = line
    return EditionTable(rows)


def _edition_from_row(row: dict[str, str], path: Path, line: int, mechanisms: set, countries, people: set) -> Edition:
    if row["mechanism"] not in mechanisms:
        raise ReferenceDataError.at(path, line, f"unknown mechanism '{row['mechanism']}' (not an id of mechanisms.yaml)")
    if not re.fullmatch(r"\d+", row["edition"]) or int(row["edition"]) < 1:
        raise ReferenceDataError.at(path, line, f"edition must be a positive integer, got '{row['edition']}'")
    parties = frozenset(code.strip() for code in row["parties"].split(";") if code.strip())
    if not _HOME_PARTIES <= parties:
        raise ReferenceDataError.at(path, line, f"parties must include {' and '.join(sorted(_HOME_PARTIES))}, "
                                                f"got '{row['parties']}'")
    for code in sorted(parties) + ([row["country"]] if row["country"] else []):
        if code not in countries:
            raise ReferenceDataError.at(path, line, f"unknown country '{code}'")
    try:
        start, end, precision = parse_edition_date(row["date"])
    except ValueError:
        raise ReferenceDataError.at(path, line, f"bad date '{row['date']}' (expected YYYY-MM-DD, YYYY-MM or YYYY)") from None
    if row["date_end"]:
        try:
            last, _last, last_precision = parse_edition_date(row["date_end"])
        except ValueError:
            last_precision = ""
        if precision != "day" or last_precision != "day":
            raise ReferenceDataError.at(path, line, f"bad date_end '{row['date_end']}' (a day YYYY-MM-DD after a "
                                                    f"day date)")
        if last < start:
            raise ReferenceDataError.at(path, line, "date_end before date")
        end = last
    leads = frozenset(name.strip() for name in row["leads"].split(";") if name.strip())
    for name in sorted(leads):
        if name not in people:
            raise ReferenceDataError.at(path, line, f"unknown lead '{name}' (not a person of officials.csv)")
    if not row["source"]:
        raise ReferenceDataError.at(path, line, f"{row['mechanism']} {row['edition']} needs a source")
    return Edition(row["mechanism"], int(row["edition"]), parties, start, end, precision, row["place"],
                   row["country"], leads, row["source"], line)


# ---------------------------------------------------------------------------
# The year of a numbered meeting
# ---------------------------------------------------------------------------

def _agrees(mention, row: Edition) -> bool:
    """Whether a year-less day, day range or month of the text can be the row's meeting: the same
    month, or a day within the row's span; any day when the row knows only the year."""
    if row.precision == "year":
        return True
    if mention.month == row.month:
        return True
    if mention.day is None:
        return False
    try:
        day = date(row.start.year, mention.month, mention.day)
    except ValueError:
        return False
    return row.start <= day <= row.end


def _with_year(mention, year: int):
    """The text's day, day range or month placed in `year`: (start, end, precision), or None."""
    from defcoop.extract.dates import _kind_precision, _mention_interval

    interval = _mention_interval(mention, year)
    return None if interval is None else (*interval, _kind_precision(mention))


def date_from_editions(resolved, row: Edition | None, sentences: list[str]):
    """The meeting's date once editions.csv knows when its numbered edition was held.

    The text keeps its date when it writes the year: a mention with its year, a date whose
    year the meeting's `sentences` write and the row does not hold, or a year written in the
    sentence naming the meeting (`sentences[0]`, "the eighth dialogue in 2024") when none it
    writes is the row's. Otherwise a day, day range or month of the text that agrees with the row
    (`_agrees`) keeps its day with the row's year (a month alone takes the row's day); one that
    does not agree is left alone. A date
    counted from the page's date ("yesterday", "last week", a weekday) stays when it is a day the
    row holds, or lies outside the row and no weekday of the row's says otherwise. Anything else
    (no date, a weekday with no page date, a period holding the row's day) takes the row's date
    with its precision. `date_evidence` says where the year came from. Returns `resolved`
    unchanged when nothing changes.

    >>> from defcoop.extract.dates import resolve_meeting_date
    >>> row = load_editions().lookup("defence_policy_dialogue", 8, set())
    >>> date_from_editions(resolve_meeting_date(["The dialogue opened."], None, []), row, [])
    ResolvedDate(date_start=datetime.date(2025, 10, 29), date_end=datetime.date(2025, 10, 29), precision='day', evidence='no date in text; date from editions.csv: defence_policy_dialogue 8')
    """
    if row is None:
        return resolved
    mention = getattr(resolved, "mention", None)
    if mention is not None and mention.year is not None:
        return resolved        # the text writes the year
    written = {int(y) for s in sentences for y in _YEAR_WRITTEN.findall(s)}
    row_years = set(range(row.start.year, row.end.year + 1))
    if resolved.date_start is not None and resolved.date_start.year in written - row_years:
        return resolved        # the year of the date found is one the text writes
    in_trigger = {int(y) for y in _YEAR_WRITTEN.findall(sentences[0])} if sentences else set()
    if in_trigger and not in_trigger & row_years:
        return resolved        # "co-chaired the eighth dialogue in 2024": the sentence naming it writes another year
    if mention is not None and mention.kind in {"month_day", "day_range", "month"}:
        if not _agrees(mention, row):
            return resolved    # another day than the edition's: not ours to move
        if mention.kind == "month" and row.precision == "day":
            return _row_date(row, resolved, repr(mention.text))
        placed = _with_year(mention, row.start.year)
        if placed is None or placed == (resolved.date_start, resolved.date_end, resolved.precision):
            return resolved    # no such day that year, or the year was right already
        return replace(resolved, date_start=placed[0], date_end=placed[1], precision=placed[2],
                       evidence=f"{mention.text!r}; year {row.start.year} from {row.label}")
    if mention is not None:    # a weekday, "yesterday", "last week": counted from the page's date
        other_weekday = mention.kind == "weekday" and row.precision == "day" and row.start.weekday() != mention.weekday
        if resolved.date_start is not None and resolved.date_end is not None:
            overlaps = resolved.date_start <= row.end and row.start <= resolved.date_end
            if overlaps and resolved.precision == "day":
                return resolved    # a day the row agrees with
            if not overlaps and (mention.kind != "weekday" or other_weekday):
                return resolved    # the page's date puts it elsewhere, and no weekday says otherwise
        elif other_weekday:
            return resolved        # "on Tuesday" is not the row's day
    if mention is None and row.precision == "day" and sentences:
        named = _weekdays_named(sentences[0])
        if named and row.start.weekday() not in named:
            day = _row_day_on(row, named)
            if day is None:
                return resolved    # "on Tuesday" with no page date to count from: not the row's day
            # "on Friday", the second day of an edition held Thursday to Friday: that day
            return replace(resolved, date_start=day, date_end=day, precision="day",
                           evidence=f"{day:%A}; date from {row.label}")
    what = "no date in text" if mention is None else repr(mention.text)
    return _row_date(row, resolved, what)


def _weekdays_named(sentence: str) -> set[int]:
    """The weekdays (0 = Monday) by which the sentence dates its event, with no year written."""
    from defcoop.extract.dates import find_date_mentions

    return {m.weekday for m in find_date_mentions(sentence) if m.weekday is not None and m.year is None}


def _row_day_on(row: Edition, weekdays: set[int]) -> date | None:
    """The one day of a row held over several days that falls on one of `weekdays`, else None.

    >>> row = load_editions().lookup("border_friendship_exchange", 2, set())
    >>> _row_day_on(row, {4}), _row_day_on(row, {0})
    (datetime.date(2025, 11, 14), None)
    """
    days = [row.start + timedelta(days=n) for n in range((row.end - row.start).days + 1)]
    hits = [day for day in days if day.weekday() in weekdays]
    return hits[0] if len(hits) == 1 else None


def _row_date(row: Edition, resolved, what: str):
    """The row's own date as the meeting's, evidence naming the row."""
    if (row.start, row.end, row.precision) == (resolved.date_start, resolved.date_end, resolved.precision):
        return resolved
    return replace(resolved, date_start=row.start, date_end=row.end, precision=row.precision,
                   evidence=f"{what}; date from {row.label}")
