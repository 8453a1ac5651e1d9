"""A page without a date, dated by its URL's article id between dated pages of the same site."""
from __future__ import annotations

import re
from datetime import date

import pytest

from defcoop.extract.url_ids import article_id, load_url_anchors, publication_bracket, site_of, url_id_windows

ANCHORS = {("news.example.vn", ""): ((1000, date(2022, 12, 20)), (1400, date(2023, 2, 1)), (2000, date(2023, 2, 5)),
                               (9000, date(2025, 3, 1)))}


@pytest.mark.parametrize("url, number", [
    ("https://news.example.vn/border-talks/245902.vnp", ("", 245902)),
    ("https://news.example.vn/border-talks-post1076300.vnp", ("post", 1076300)),
    ("https://news.example.vn/military/border-talks-583672", ("", 583672)),
    ("https://news.example.vn/amp/border-talks-449437.vov?ref=home", ("", 449437)),
    ("https://news.example.vn/border-talks-ar117865.html", ("ar", 117865)),
    ("https://news.example.vn/2021/12/08/border-talks/", None),     # a date, not an id
    ("https://news.example.vn/border-talks-20151212194951984.htm", None),   # a timestamp
    ("https://news.example.vn/border-talks-123.html", None),       # too short to be an id
    ("https://news.example.vn/politics/1692475/ties-stepped-up-in-2025.html", ("", 1692475)),   # a year in the title
    ("https://news.example.vn/tin-tuc/2019/talks.html", None),      # only a year
])
def test_the_article_id_is_the_number_that_ends_the_path(url, number):
    assert article_id(url) == number


def test_hosts_serving_the_same_pages_are_one_site():
    assert {site_of(u) for u in ("https://www.example.vn/a", "https://m.example.vn/a", "https://amp.example.vn/a",
                                 "https://EXAMPLE.vn./a")} == {"example.vn"}
    assert site_of("https://en.example.vn/a") == "en.example.vn"   # another language, another series


def test_a_series_of_another_prefix_on_the_same_site_is_not_bracketed_by_this_one():
    assert publication_bracket("https://news.example.vn/x-post1200.vnp", ANCHORS) is None


def test_a_page_between_two_anchors_was_published_between_their_dates():
    assert publication_bracket("https://news.example.vn/x/1200.vnp", ANCHORS) == (
        "news.example.vn", 1200, date(2022, 12, 20), date(2023, 2, 1))
    assert publication_bracket("https://www.news.example.vn/x/1400.vnp", ANCHORS)[2:] == (date(2023, 2, 1),) * 2


@pytest.mark.parametrize("url", [
    "https://news.example.vn/x/900.vnp",        # before the first anchor: no lower bound
    "https://news.example.vn/x/9500.vnp",       # after the last: no upper bound
    "https://news.example.vn/x/5000.vnp",       # anchors two years apart tell no year
    "https://other.example.vn/x/1200.vnp",      # a site without anchors
    None,
])
def test_no_bracket_without_close_anchors_on_both_sides(url):
    assert publication_bracket(url, ANCHORS) is None


def test_anchors_that_disagree_bracket_nothing():
    crossed = {("news.example.vn", ""): ((1000, date(2023, 3, 1)), (1400, date(2023, 1, 1)))}
    assert publication_bracket("https://news.example.vn/x/1200.vnp", crossed) is None


def test_the_windows_bound_the_meeting_by_the_latest_day_and_start_a_lag_before_the_earliest(tmp_path, monkeypatch):
    import defcoop.extract.url_ids as url_ids

    monkeypatch.setattr(url_ids, "load_url_anchors", lambda: ANCHORS)
    hard, soft = url_id_windows("https://news.example.vn/x/1200.vnp")
    assert (hard.hard, hard.end) == (True, date(2023, 2, 1))
    assert (soft.hard, soft.start, soft.end) == (False, date(2022, 11, 19), date(2023, 2, 1))
    assert "news.example.vn article 1200 published 2022-12-20..2023-02-01" in soft.evidence


def test_a_day_and_month_without_a_year_take_the_year_the_bracket_allows(monkeypatch):
    """The end-to-end point: "on December 29" in a page published between late December and
    late January is the December before, not the next one."""
    import defcoop.extract.url_ids as url_ids
    from defcoop.extract.dates import resolve_meeting_date

    monkeypatch.setattr(url_ids, "load_url_anchors", lambda: ANCHORS)
    windows = url_id_windows("https://news.example.vn/x/1200.vnp")
    resolved = resolve_meeting_date(["The two commands held talks on December 29."], None, windows)
    assert (resolved.date_start, resolved.precision) == (date(2022, 12, 29), "day")
    resolved = resolve_meeting_date(["The two commands held talks on January 10."], None, windows)
    assert (resolved.date_start, resolved.precision) == (date(2023, 1, 10), "day")


def test_an_undated_page_of_an_anchored_site_gets_its_meeting_year(monkeypatch):
    import defcoop.extract.url_ids as url_ids
    from defcoop.extract.article import process_article
    from defcoop.ingest.corpus import RawArticle

    monkeypatch.setattr(url_ids, "load_url_anchors", lambda: ANCHORS)
    page = ("Defence Minister General Phan Van Giang held talks with Cambodian Defence Minister "
            "General Tea Seiha in Hanoi on January 10.")
    meta = {"title": "Ministers meet", "url": "https://news.example.vn/ministers-meet/1200.vnp"}
    [meeting] = process_article(RawArticle("u1", "u1.md", "md", page, meta=meta)).meetings
    assert (meeting.date_start, meeting.date_precision) == (date(2023, 1, 10), "day")
    assert "url_ids.csv" in meeting.date_evidence


HEADER = "site,id_prefix,id,published,source,note\n"


@pytest.mark.parametrize("row, problem", [
    ("www.example.vn,,1000,2023-01-01,s,", "site must be a host without www./m./amp., got 'www.example.vn'"),
    ("example.vn,p-,1000,2023-01-01,s,", "id_prefix must be letters or empty, got 'p-'"),
    ("example.vn,,10a0,2023-01-01,s,", "id must be a whole number, got '10a0'"),
    ("example.vn,,1000,1 Jan 2023,s,", "published must be an ISO date, got '1 Jan 2023'"),
    ("example.vn,,1000,2023-01-01,,", "needs a source (the dated page)"),
    ("example.vn,,500,2023-01-02,s,", "duplicate id 500 of example.vn"),
    ("example.vn,,1000,2022-09-01,s,", "example.vn 1000 is dated 2022-09-01, before the smaller id of line 2 "
                                       "(2022-12-01): ids must grow with dates"),
])
def test_a_bad_anchor_row_raises_with_file_and_line(tmp_path, row, problem):
    """The last: a smaller id dated later (by more than the reporting lag) is another series."""
    from defcoop.rules.reference import ReferenceDataError

    path = tmp_path / "url_ids.csv"
    path.write_text(HEADER + "example.vn,,500,2022-12-01,s,\n" + row + "\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=f"url_ids.csv:3: {re.escape(problem)}"):
        load_url_anchors(path)


def test_ids_of_two_prefixes_are_two_series(tmp_path):
    path = tmp_path / "url_ids.csv"
    path.write_text(HEADER + "example.vn,,500,2022-12-01,s,\nexample.vn,post,400,2023-03-01,s,\n", encoding="utf-8")
    assert load_url_anchors(path) == {("example.vn", ""): ((500, date(2022, 12, 1)),),
                                      ("example.vn", "post"): ((400, date(2023, 3, 1)),)}
