"""When a page without a date was published, bracketed by its URL's article id.

Many news sites number their articles in one growing series and put the number at the end of
the URL (``.../vietnam-cambodia-talks/245902.vnp``, ``...-post1076300.vnp``, ``...-583672``).
A saved page that lost its date line still has its URL, and a page of the same site with a
smaller id was published no later than it, one with a larger id no earlier. So the dated pages
of data/reference/url_ids.csv (site, id prefix, id, published, source) bracket the publication of any page
of a listed site whose id falls between two of them; ``report_lag_days`` of calendar.csv says how
long before its publication the reported event may have been. The bracket becomes two windows
for the date resolver, as a URL naming only a month does (see `defcoop.extract.dates`): the
meeting came no later than the upper anchor (hard) and most likely after the lower anchor less
the lag (soft), so "on October 17" gets the year the bracket allows.

>>> anchors = {("news.example.vn", ""): ((1000, date(2022, 12, 20)), (1400, date(2023, 2, 1)))}
>>> publication_bracket("https://news.example.vn/talks-held/1200.vnp", anchors)
('news.example.vn', 1200, datetime.date(2022, 12, 20), datetime.date(2023, 2, 1))
"""
from __future__ import annotations

import bisect
import os
import re
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from defcoop.extract.dates import OPEN_START, Window, load_calendar
from defcoop.paths import REFERENCE_DIR
from defcoop.rules.cache import cached_by_content
from defcoop.rules.reference import ReferenceDataError, parse_iso_date, read_rows

# runs of four or more digits in a URL's path: the article id is the last that is no year or date
_DIGIT_RUN = re.compile(r"\d{4,}")
_GLUED_LETTERS = re.compile(r"[A-Za-z]*$")
# host prefixes that serve the same site and the same id series
_SAME_SITE_PREFIXES = ("www.", "m.", "amp.", "lite.", "mobile.")
# a bracket wider than this tells no year (anchors too sparse around the id)
MAX_BRACKET_DAYS = 366


def site_of(url: str) -> str:
    """The site a URL belongs to, as url_ids.csv names it: lower case, without the ``www.``-like
    prefixes that serve the same pages.

    >>> site_of("https://WWW.VietnamPlus.vn./tin/123456.vnp"), site_of("https://amp.vov.vn/a-449437.vov")
    ('vietnamplus.vn', 'vov.vn')
    """
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    for prefix in _SAME_SITE_PREFIXES:
        if host.startswith(prefix):
            host = host[len(prefix):]
            break
    return host


def article_id(url: str) -> tuple[str, int] | None:
    """(prefix, number) of a URL's article id: the last run of four or more digits in its path
    that is not a year written in the title ("...-in-2019.html"), and the letters glued before it
    ("post" in "-post1076300.vnp", "" after a slash or hyphen: a site may number two series, told
    apart by it); None when there is none, or when that run is a date or time stamp
    ("...-20151212194951984.htm": a URL date, read by `dates.url_date`).

    >>> article_id("https://en.qdnd.vn/military/intl-relations/border-talks-583672")
    ('', 583672)
    >>> article_id("https://news.example.vn/politics/1692475/ties-stepped-up-in-2025.html")
    ('', 1692475)
    >>> article_id("https://news.example.vn/talks-post1076300.vnp")
    ('post', 1076300)
    >>> article_id("https://example.vn/news/2021-01-08/talks.html") is None
    True
    """
    path = urlsplit(url).path
    for match in reversed(list(_DIGIT_RUN.finditer(path))):
        digits = match.group()
        if len(digits) == 4 and digits[:2] in ("19", "20"):
            continue
        if len(digits) >= 8 and _is_date(digits[:8]):
            return None
        return _GLUED_LETTERS.search(path, 0, match.start()).group().lower(), int(digits)
    return None


def _is_date(digits: str) -> bool:
    """Whether eight digits read as a date YYYYMMDD of 1990-2099.

    >>> _is_date("20151212"), _is_date("10763001")
    (True, False)
    """
    try:
        return 1990 <= date(int(digits[:4]), int(digits[4:6]), int(digits[6:8])).year < 2100
    except ValueError:
        return False


Series = tuple[str, str]   # (site, id prefix): one growing series of article ids


@cached_by_content(lambda: os.path.join(REFERENCE_DIR, "url_ids.csv"))
def load_url_anchors(path: Path) -> dict[Series, tuple[tuple[int, date], ...]]:
    """Dated pages by series from url_ids.csv (default data/reference/url_ids.csv), each sorted
    by id; every row needs a source, and a series' dates must grow with its ids (give or take
    ``report_lag_days``: an id is given when a page is drafted); validated, cached.

    >>> anchors = load_url_anchors()
    >>> all(ids == tuple(sorted(ids)) for ids in anchors.values())
    True
    """
    rows: dict[Series, dict[int, tuple[date, int]]] = {}
    for line, row in read_rows(path, ("site", "id_prefix", "id", "published", "source")):
        site, prefix, number = row["site"].lower(), row["id_prefix"].lower(), row["id"]
        if not site or site != site_of(f"https://{site}/"):
            raise ReferenceDataError.at(path, line, f"site must be a host without www./m./amp., got '{row['site']}'")
        if not prefix.isalpha() and prefix:
            raise ReferenceDataError.at(path, line, f"id_prefix must be letters or empty, got '{row['id_prefix']}'")
        if not number.isdigit():
            raise ReferenceDataError.at(path, line, f"id must be a whole number, got '{number}'")
        try:
            published = parse_iso_date(row["published"])
        except ValueError:
            published = None
        if published is None:
            raise ReferenceDataError.at(path, line, f"published must be an ISO date, got '{row['published']}'")
        if not row["source"]:
            raise ReferenceDataError.at(path, line, "needs a source (the dated page)")
        series = rows.setdefault((site, prefix), {})
        if int(number) in series:
            raise ReferenceDataError.at(path, line, f"duplicate id {number} of {site}")
        series[int(number)] = (published, line)
    lag = timedelta(days=load_calendar()["report_lag_days"])
    for (site, prefix), dated in rows.items():
        ordered = sorted(dated.items())
        for (_, (earlier, earlier_line)), (number, (later, line)) in zip(ordered, ordered[1:]):
            if later < earlier - lag:
                raise ReferenceDataError.at(path, line, f"{site} {prefix}{number} is dated {later:%Y-%m-%d}, before "
                                            f"the smaller id of line {earlier_line} ({earlier:%Y-%m-%d}): ids must "
                                            "grow with dates (another series? give it its id_prefix or leave it out)")
    return {series: tuple((number, day) for number, (day, _) in sorted(dated.items()))
            for series, dated in sorted(rows.items())}


def publication_bracket(url: str | None, anchors: dict[Series, tuple[tuple[int, date], ...]] | None = None
                        ) -> tuple[str, int, date, date] | None:
    """(site, id, earliest, latest publication day) for a URL of a series with anchors on both
    sides of its id (an anchor of the same id gives one day); None when there are not, when
    the anchors disagree (the lower one dated later) or bracket more than `MAX_BRACKET_DAYS`.

    >>> anchors = {("news.example.vn", ""): ((1000, date(2020, 1, 20)), (3000, date(2021, 4, 15)))}
    >>> publication_bracket("https://news.example.vn/x/3500.vnp", anchors) is None
    True
    """
    found = article_id(url) if url else None
    if found is None:
        return None
    anchors = load_url_anchors() if anchors is None else anchors
    site, (prefix, number) = site_of(url), found
    series = anchors.get((site, prefix))
    if not series:
        return None
    at = bisect.bisect_left(series, (number, date.min))
    if at < len(series) and series[at][0] == number:
        return site, number, series[at][1], series[at][1]
    if at == 0 or at == len(series):
        return None
    earliest, latest = series[at - 1][1], series[at][1]
    if earliest > latest or (latest - earliest).days > MAX_BRACKET_DAYS:
        return None
    return site, number, earliest, latest


def url_id_windows(url: str | None) -> list[Window]:
    """Windows for a page dated only by its URL's article id: the meeting took place no later
    than the page's latest publication day (hard), most likely from the earliest one less the
    reporting lag (soft).

    >>> url_id_windows("https://example.vn/talks/1200.vnp")   # no anchors for this site
    []
    """
    bracket = publication_bracket(url)
    if bracket is None:
        return []
    site, number, earliest, latest = bracket
    lag = timedelta(days=load_calendar()["report_lag_days"])
    evidence = f"{site} article {number} published {earliest:%Y-%m-%d}..{latest:%Y-%m-%d} (url_ids.csv)"
    return [Window(OPEN_START, latest, True, evidence), Window(earliest - lag, latest, False, evidence)]
