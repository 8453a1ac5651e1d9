"""Tests for defcoop.extract.dates: date mentions, year windows and meeting-date resolution.

The phrasings mirror patterns seen in Vietnam-Cambodia defence news (plans, protocols,
terms of office), written as general cases rather than copies of any one article.
"""
from __future__ import annotations

import re
from datetime import date

import pytest

from defcoop.extract.dates import (
    OPEN_END,
    OPEN_START,
    DateMention,
    ResolvedDate,
    Window,
    find_date_mentions,
    parse_explicit_date,
    resolve_meeting_date,
    term_window,
    year_windows_from_text,
)


def only(sentence: str) -> DateMention:
    mentions = find_date_mentions(sentence)
    assert len(mentions) == 1, mentions
    return mentions[0]


def spans(windows: list[Window]) -> set[tuple[str, str]]:
    return {(w.start.isoformat(), w.end.isoformat()) for w in windows}


def soft(start: date, end: date, evidence: str = "test") -> Window:
    return Window(start, end, False, evidence)


# --------------------------------------------------------------------------- mentions

@pytest.mark.parametrize(
    "sentence, text, kind, year, month, day",
    [
        ("On October 21, at the second dialogue", "October 21", "month_day", None, 10, 21),
        ("The talks took place on 21 October in Hanoi.", "21 October", "month_day", None, 10, 21),
        ("Oct. 21 talks", "Oct. 21", "month_day", None, 10, 21),
        ("on the 3rd of July", "3rd of July", "month_day", None, 7, 3),
        ("HANOI, OCTOBER 21", "OCTOBER 21", "month_day", None, 10, 21),
        ("October 21, 2016 - 16:46", "October 21, 2016", "full", 2016, 10, 21),
        ("signed on 21 October 2016", "21 October 2016", "full", 2016, 10, 21),
        ("on 21/10/2016", "21/10/2016", "full", 2016, 10, 21),
        ("published 2016-10-21", "2016-10-21", "full", 2016, 10, 21),
        ("in November 2023", "November 2023", "month_year", 2023, 11, None),
        ("in November", "November", "month", None, 11, None),
        ("in mid-November", "November", "month", None, 11, None),
    ],
)
def test_simple_mentions(sentence, text, kind, year, month, day):
    mention = only(sentence)
    assert (mention.text, mention.kind, mention.year, mention.month, mention.day) == (text, kind, year, month, day)
    assert sentence[mention.start:mention.end] == mention.text


@pytest.mark.parametrize(
    "sentence, month, day, month_end, day_end, year",
    [
        ("the exercise ran October 20-22 in Kampot", 10, 20, 10, 22, None),
        ("from 30 October to 2 November", 10, 30, 11, 2, None),
        ("between October 20 and 22, 2016", 10, 20, 10, 22, 2016),
        ("1\u20133 November", 11, 1, 11, 3, None),
        ("December 30 - January 2", 12, 30, 1, 2, None),
    ],
)
def test_range_mentions(sentence, month, day, month_end, day_end, year):
    mention = only(sentence)
    assert mention.kind == "day_range"
    assert (mention.month, mention.day, mention.month_end, mention.day_end, mention.year) == (
        month, day, month_end, day_end, year)


def test_weekday_alone_and_attached_to_a_date():
    assert (only("held in HCM City on Wednesday").kind, only("held on Wednesday").weekday) == ("weekday", 2)
    attached = only("held on Wednesday (October 29) in Hanoi")
    assert (attached.kind, attached.month, attached.day, attached.weekday) == ("month_day", 10, 29, 2)
    assert attached.text == "Wednesday (October 29)"
    after = only("October 29 (Wednesday)")
    assert (after.kind, after.weekday) == ("month_day", 2)
    full = only("Monday, 2 December 2019")
    assert (full.kind, full.weekday, full.day) == ("full", 0, 2)


@pytest.mark.parametrize(
    "sentence, offset",
    [("Yesterday, the two ministers met", -1), ("talks held today in Phnom Penh", 0),
     ("this morning", 0), ("last night", -1), ("two days ago", -2), ("the day before yesterday", -2)],
)
def test_relative_day_mentions(sentence, offset):
    mention = only(sentence)
    assert (mention.kind, mention.offset_days) == ("relative", offset)


def test_relative_period_mentions_carry_no_day_offset():
    mention = only("the delegation visited last week")
    assert (mention.kind, mention.offset_days, mention.period) == ("relative", None, ("week", -1))


@pytest.mark.parametrize(
    "sentence",
    [
        "at 16:46 local time",
        "in 2016",
        "the 2016 plan",
        "the fight against the COVID-19 pandemic",
        "the protocol for 2015-2019",
        "Resolution 57 sparks reforms",
        "they may 5 times review it",
        "Military Zones 5, 7, 9 and the Border Guard",
        "the meeting next Friday",
        "in today's complex world",
        "the 2nd Vietnam-Cambodia dialogue",
        "a 1.5 October-like rise",
    ],
)
def test_non_dates_are_ignored(sentence):
    assert find_date_mentions(sentence) == []


def test_mentions_are_ordered_and_do_not_overlap():
    mentions = find_date_mentions("On October 21, 2016, after talks on October 20, they met yesterday.")
    assert [m.kind for m in mentions] == ["full", "month_day", "relative"]
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


def test_parse_explicit_date_is_kept():
    assert parse_explicit_date("October 29, 2025 - 16:46") == date(2025, 10, 29)


def test_parse_explicit_date_numeric_separators():
    for text in ("27/08/2021 20:15", "27-08-2021 | 20:15 GMT+7", "27.08.2021"):
        assert parse_explicit_date(text) == date(2021, 8, 27)
    assert parse_explicit_date("27-08/2021") is None   # mixed separators are not a date


# --------------------------------------------------------------------------- windows

@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a yearly plan being implemented or reviewed: during the year or just after
        ("Units implemented contents in the protocol and the 2016 plan.", ("2016-01-01", "2017-01-31")),
        ("Almost all contents in the 2020 Cooperation Plan were implemented.", ("2020-01-01", "2021-01-31")),
        ("They reviewed the implementation of the 2019 cooperation plan.", ("2019-01-01", "2020-01-31")),
        # a yearly plan being signed: from autumn of the year before to January
        ("After the talks, the ministers signed the Cooperation Plan for 2021.", ("2020-09-01", "2021-01-31")),
        ("The talks concluded with the signing of the cooperation plan for 2026.", ("2025-09-01", "2026-01-31")),
        ("The two sides inked the 2024 cooperation plan.", ("2023-09-01", "2024-01-31")),
        # multi-year periods
        ("They implemented the protocol on bilateral defence cooperation for 2015-2019.",
         ("2015-01-01", "2019-12-31")),
        ("They will continue carrying out the Protocol for 2020\u20132024 period.", ("2020-01-01", "2024-12-31")),
        ("The ministers signed the protocol for 2025-2029.", ("2024-01-01", "2025-12-31")),
        # intentions and results
        ("Vietnam and Cambodia have agreed to intensify defence cooperation in 2021.",
         ("2020-09-01", "2021-12-31")),
        ("Both sides spoke highly of defence cooperation results in 2020.", ("2020-10-01", "2021-03-31")),
        ("They reviewed achievements in 2019.", ("2019-10-01", "2020-03-31")),
        ("The ministers reviewed 2018 and discussed ways to deepen ties in 2019.", ("2018-10-01", "2019-03-31")),
        # named years
        ("The events mark the 55th anniversary of Vietnam-Cambodia diplomatic relations.",
         ("2022-01-01", "2022-12-31")),
        ("Activities of the 2017 Vietnam-Cambodia Friendship Year were reviewed.", ("2017-01-01", "2017-12-31")),
        ("Cambodia supported Vietnam's ASEAN Chairmanship Year 2020.", ("2020-01-01", "2021-01-31")),
        ("He thanked Laos for its help in its role of ASEAN President 2024.", ("2024-01-01", "2025-01-31")),
        # remains found in a dry season (November to May)
        ("The remains were found in the 2021-2022 dry season.", ("2021-11-01", "2022-08-31")),
        ("They were found during the 2017-2018 dry season, which has just ended.", ("2018-03-01", "2018-08-31")),
        ("In the dry season of 2019-2020 the team found 30 sets of remains.", ("2019-11-01", "2020-08-31")),
    ],
)
def test_single_window_rules(sentence, expected):
    windows = year_windows_from_text([sentence])
    assert spans(windows) == {expected}
    assert all(not w.hard and w.evidence.startswith("'") for w in windows)


def test_window_evidence_quotes_the_words():
    [window] = year_windows_from_text(["After the talks, the two ministers signed the Cooperation Plan for 2021."])
    assert "Cooperation Plan for 2021" in window.evidence and "signed" in window.evidence


def test_plan_and_period_in_one_sentence_each_get_a_window():
    windows = year_windows_from_text(
        ["Agencies implemented contents in the protocol on bilateral defence cooperation "
         "for 2015-2019 and the 2016 plan, helping strengthen friendship."])
    assert spans(windows) == {("2015-01-01", "2019-12-31"), ("2016-01-01", "2017-01-31")}


def test_a_written_date_outside_the_leads_terms_is_another_events():
    sentences = ["The delegation attended the celebration of the army founded on 22/12/1944 and met on ngày 19/12."]
    giang = term_window(date(2021, 4, 8), None, "Phan Van Giang's term of office")
    resolved = resolve_meeting_date(sentences, date(2024, 12, 19), [giang])
    assert (resolved.date_start, resolved.precision) == (date(2024, 12, 19), "day")


def test_vietnamese_day_month_and_an_impossible_day_first_date():
    assert [(m.kind, m.month, m.day) for m in find_date_mentions("Hà Nội, ngày 19/12 – the talks")] == [
        ("month_day", 12, 19)]
    assert parse_explicit_date("9/14/2021 10:05") == date(2021, 9, 14)
    assert parse_explicit_date("05/04/2021") == date(2021, 4, 5)       # day first when both can be


def test_first_edition_needs_a_later_edition():
    lone = ["The first edition in 2022 was a success."]
    assert year_windows_from_text(lone) == []
    later = ["Following the success of the first edition in 2022, this year's exchange affirmed itself."]
    assert spans(year_windows_from_text(later)) == {("2023-01-01", OPEN_END.isoformat())}
    elsewhere = ["The first edition in 2022 was a success.", "The second edition opened in Tay Ninh."]
    assert spans(year_windows_from_text(elsewhere)) == {("2023-01-01", OPEN_END.isoformat())}


@pytest.mark.parametrize(
    "sentence",
    [
        "Resolution 57 sparks reforms to strengthen science.",
        "Hanoi to train 240,000 workers in 2025.",
        "Hanoi's relics draw visitors this Tet 2025.",
        "the fight against the COVID-19 pandemic",
        "the 50th anniversary of Vietnam-US diplomatic relations",
        "Vietnam's socio-economic development strategy for 2021-2030",
        "The meeting between the two Politburos held in February 2025.",
        "Svay Rieng will assist the team when it resumes its search in the 2018-2019 dry season.",
    ],
)
def test_unrelated_years_give_no_window(sentence):
    assert year_windows_from_text([sentence]) == []


def test_repeated_paragraphs_count_once():
    sentence = "Vietnam and Cambodia have agreed to intensify defence cooperation in 2021."
    assert len(year_windows_from_text([sentence, sentence])) == 1


def test_plans_to_is_an_intention_not_a_plan():
    windows = year_windows_from_text(["The navies plans to hold a joint exercise in 2025."])
    assert spans(windows) == {("2024-09-01", "2025-12-31")}


def test_term_window_is_hard_with_open_ends():
    window = term_window(date(2023, 8, 22), None, "Tea Seiha defence minister since 2023-08-22")
    assert window == Window(date(2023, 8, 22), OPEN_END, True, "Tea Seiha defence minister since 2023-08-22")
    assert term_window(None, date(2024, 3, 21), "x").start == OPEN_START


# --------------------------------------------------------------------------- resolution: seed patterns

def test_day_from_plan_and_protocol_years():
    text = [
        "On October 21, at the second Vietnam-Cambodia defence policy dialogue held in Hanoi, "
        "the deputy ministers shared views.",
        "Agencies and units coordinated and implemented contents in the protocol on bilateral defence "
        "cooperation for 2015-2019 and the 2016 plan, helping strengthen friendship.",
    ]
    resolved = resolve_meeting_date(text[:1], None, year_windows_from_text(text))
    assert (resolved.date_start, resolved.date_end, resolved.precision) == (date(2016, 10, 21),) * 2 + ("day",)
    assert "2016 plan" in resolved.evidence and "October 21" in resolved.evidence


def test_day_from_many_year_clues():
    text = [
        "Vietnam and Cambodia have agreed to intensify defence cooperation in 2021, with the focus on border checks.",
        "The agreement was reached by the two defence ministers during their online talks on January 8.",
        "At the talks, both sides spoke highly of defence cooperation results in 2020.",
        "Almost all contents in the 2020 Cooperation Plan were implemented effectively.",
        "They agreed to continue carrying out contents of the Protocol for 2020-2024 period and the 2021 "
        "Cooperation Plan.",
        "After the talks, the two Defence Ministers signed the Cooperation Plan for 2021.",
    ]
    resolved = resolve_meeting_date(text[1:2], None, year_windows_from_text(text))
    assert (resolved.date_start, resolved.precision) == (date(2021, 1, 8), "day")


def test_weekday_with_published_date():
    resolved = resolve_meeting_date(["The dialogue was held in HCM City on Wednesday."], date(2025, 10, 29), [])
    assert (resolved.date_start, resolved.date_end, resolved.precision) == (date(2025, 10, 29),) * 2 + ("day",)


def test_day_from_terms_of_office():
    hard = [term_window(date(2023, 3, 2), date(2024, 3, 21), "Vo Van Thuong, President 2023-03-02..2024-03-21"),
            term_window(date(2023, 8, 22), None, "Tea Seiha, defence minister from 2023-08-22")]
    resolved = resolve_meeting_date(["He met Gen. Tea Seiha in Hanoi on November 13."], None, hard)
    assert (resolved.date_start, resolved.precision) == (date(2023, 11, 13), "day")
    assert "Vo Van Thuong" in resolved.evidence


def test_year_only_when_no_date_is_written():
    text = [
        "Gen. Giang emphasized that following the success of the first edition in 2022, this year's exchange "
        "once again affirmed itself as an effective model.",
        "Gen. Tea Seiha expressed his delight at participating in the second edition in Tay Ninh province.",
        "The talks concluded with the signing of the cooperation plan for 2026.",
    ]
    hard = [term_window(date(2021, 4, 8), None, "Phan Van Giang, minister from 2021-04-08"),
            term_window(date(2023, 8, 22), None, "Tea Seiha, minister from 2023-08-22")]
    resolved = resolve_meeting_date(text[1:2], None, year_windows_from_text(text) + hard)
    assert resolved == ResolvedDate(date(2025, 1, 1), date(2025, 12, 31), "year", resolved.evidence)
    assert "cooperation plan for 2026" in resolved.evidence


# --------------------------------------------------------------------------- resolution: general rules

def test_weekday_is_the_latest_on_or_before_published():
    thursday = date(2025, 10, 30)
    assert resolve_meeting_date(["talks on Monday"], thursday, []).date_start == date(2025, 10, 27)
    assert resolve_meeting_date(["talks on Thursday"], thursday, []).date_start == date(2025, 10, 30)
    assert resolve_meeting_date(["talks on Friday"], thursday, []).date_start == date(2025, 10, 24)


def test_month_day_wraps_to_the_previous_year():
    resolved = resolve_meeting_date(["They met on December 30."], date(2021, 1, 2), [])
    assert (resolved.date_start, resolved.precision) == (date(2020, 12, 30), "day")
    same_day = resolve_meeting_date(["They met on January 2."], date(2021, 1, 2), [])
    assert same_day.date_start == date(2021, 1, 2)


def test_published_date_beats_text_windows():
    windows = [soft(date(2016, 1, 1), date(2017, 1, 31))]
    resolved = resolve_meeting_date(["On October 21, they met."], date(2019, 11, 2), windows)
    assert resolved.date_start == date(2019, 10, 21)


def test_relative_days_count_from_published():
    resolved = resolve_meeting_date(["Yesterday, the two ministers held talks."], date(2024, 6, 5), [])
    assert (resolved.date_start, resolved.precision) == (date(2024, 6, 4), "day")


def test_ranges_resolve_to_day_intervals():
    resolved = resolve_meeting_date(["The exercise ran October 20-22."], date(2016, 10, 25), [])
    assert (resolved.date_start, resolved.date_end, resolved.precision) == (
        date(2016, 10, 20), date(2016, 10, 22), "day")
    across = resolve_meeting_date(["from December 30 to January 2"], date(2021, 1, 5), [])
    assert (across.date_start, across.date_end) == (date(2020, 12, 30), date(2021, 1, 2))
    written = resolve_meeting_date(["between October 20 and 22, 2016"], None, [])
    assert (written.date_start, written.date_end) == (date(2016, 10, 20), date(2016, 10, 22))


def test_month_precision():
    resolved = resolve_meeting_date(["The dialogue took place in November."], date(2023, 12, 5), [])
    assert (resolved.date_start, resolved.date_end, resolved.precision) == (
        date(2023, 11, 1), date(2023, 11, 30), "month")
    earlier = resolve_meeting_date(["The dialogue took place in December."], date(2023, 11, 5), [])
    assert (earlier.date_start, earlier.precision) == (date(2022, 12, 1), "month")
    written = resolve_meeting_date(["held in November 2023"], None, [])
    assert (written.date_start, written.date_end, written.precision) == (
        date(2023, 11, 1), date(2023, 11, 30), "month")


def test_month_without_published_from_windows():
    windows = [soft(date(2019, 1, 1), date(2020, 1, 31), "plan 2019")]
    resolved = resolve_meeting_date(["The talks were held in early March."], None, windows)
    assert (resolved.date_start, resolved.date_end, resolved.precision) == (
        date(2019, 3, 1), date(2019, 3, 31), "month")


def test_full_date_needs_no_other_evidence():
    resolved = resolve_meeting_date(["On October 21, 2016, the dialogue opened."], None, [])
    assert (resolved.date_start, resolved.precision) == (date(2016, 10, 21), "day")


def test_tie_lowers_precision_instead_of_guessing():
    windows = [soft(date(2015, 1, 1), date(2019, 12, 31), "protocol 2015-2019")]
    resolved = resolve_meeting_date(["On October 21, they met."], None, windows)
    assert resolved.precision == "unknown"
    assert (resolved.date_start, resolved.date_end) == (date(2015, 10, 21), date(2019, 10, 21))


def test_year_tie_without_mention_is_unknown():
    windows = [soft(date(2015, 1, 1), date(2016, 12, 31))]
    resolved = resolve_meeting_date(["The two sides held talks."], None, windows)
    assert (resolved.date_start, resolved.date_end, resolved.precision) == (
        date(2015, 1, 1), date(2016, 12, 31), "unknown")


def test_empty_hard_intersection_is_ignored_and_said():
    hard = [term_window(date(2010, 1, 1), date(2012, 12, 31), "A in office 2010-2012"),
            term_window(date(2020, 1, 1), None, "B in office from 2020")]
    windows = hard + [soft(date(2016, 1, 1), date(2017, 1, 31), "plan 2016")]
    resolved = resolve_meeting_date(["On October 21, they met."], None, windows)
    assert (resolved.date_start, resolved.precision) == (date(2016, 10, 21), "day")
    assert "ignored" in resolved.evidence


def test_hard_windows_exclude_years_that_soft_windows_prefer():
    hard = [term_window(date(2021, 4, 8), None, "minister from 2021-04-08")]
    windows = hard + [soft(date(2020, 1, 1), date(2024, 12, 31), "protocol 2020-2024"),
                      soft(date(2020, 1, 1), date(2021, 1, 31), "plan 2020")]
    resolved = resolve_meeting_date(["talks on January 8"], None, windows)
    assert resolved.precision == "unknown"  # 2022, 2023, 2024 remain equally possible
    assert resolved.date_start == date(2022, 1, 8)


def test_weekday_next_to_a_date_picks_the_year():
    windows = [soft(date(2025, 1, 1), date(2029, 12, 31), "protocol 2025-2029")]
    resolved = resolve_meeting_date(["held on Wednesday, October 29, in Hanoi"], None, windows)
    assert (resolved.date_start, resolved.precision) == (date(2025, 10, 29), "day")


def test_most_precise_mention_in_the_first_sentence_wins():
    sentences = ["Following the meeting in November 2023, they held talks on Wednesday (November 29).",
                 "The first talks were on October 2, 2019."]
    resolved = resolve_meeting_date(sentences, date(2023, 12, 1), [])
    assert resolved.date_start == date(2023, 11, 29)


def test_later_sentence_used_when_the_first_has_no_usable_date():
    sentences = ["The talks were held on Tuesday.", "The talks on October 21 focused on training."]
    windows = [soft(date(2016, 1, 1), date(2017, 1, 31))]
    resolved = resolve_meeting_date(sentences, None, windows)
    assert resolved.date_start == date(2016, 10, 21)


def test_published_without_mention_gives_the_year_only():
    resolved = resolve_meeting_date(["The two ministers held talks."], date(2024, 5, 3), [])
    assert (resolved.date_start, resolved.date_end, resolved.precision) == (
        date(2024, 1, 1), date(2024, 5, 3), "year")


def test_nothing_known():
    resolved = resolve_meeting_date(["The two ministers held talks."], None, [])
    assert (resolved.date_start, resolved.date_end, resolved.precision) == (None, None, "unknown")
    undecided = resolve_meeting_date(["They met on October 21."], None, [])
    assert (undecided.date_start, undecided.precision) == (None, "unknown")
    assert "October 21" in undecided.evidence


def test_never_day_precision_without_a_written_day():
    windows = [soft(date(2016, 1, 1), date(2017, 1, 31), "plan 2016")]
    resolved = resolve_meeting_date(["The two sides held talks."], None, windows)
    assert resolved.precision == "year" and resolved.date_start == date(2016, 1, 1)
    assert resolved.date_end == date(2016, 12, 31)


@pytest.mark.parametrize(
    "sentence, published, start, end, precision",
    [
        ("the delegation visited last week", date(2024, 6, 5), date(2024, 5, 27), date(2024, 6, 2), "year"),
        ("the delegation visited last week", date(2024, 6, 19), date(2024, 6, 10), date(2024, 6, 16), "month"),
        ("talks held earlier this month", date(2024, 6, 5), date(2024, 6, 1), date(2024, 6, 5), "month"),
        ("the exchange held last month", date(2024, 1, 10), date(2023, 12, 1), date(2023, 12, 31), "month"),
        ("the exchange held last year", date(2024, 1, 10), date(2023, 1, 1), date(2023, 12, 31), "year"),
    ],
)
def test_relative_periods_with_published(sentence, published, start, end, precision):
    resolved = resolve_meeting_date([sentence], published, [])
    assert (resolved.date_start, resolved.date_end, resolved.precision) == (start, end, precision)


def test_relative_mentions_need_a_published_date():
    windows = [soft(date(2016, 1, 1), date(2017, 1, 31), "plan 2016")]
    resolved = resolve_meeting_date(["Yesterday, the two sides met."], None, windows)
    assert (resolved.date_start, resolved.precision) == (date(2016, 1, 1), "year")


def test_published_year_combines_with_text_windows():
    windows = year_windows_from_text(["The talks concluded with the signing of the cooperation plan for 2026."])
    resolved = resolve_meeting_date(["The two ministers held talks."], date(2025, 12, 20), windows)
    assert (resolved.date_start, resolved.date_end, resolved.precision) == (
        date(2025, 12, 1), date(2025, 12, 20), "month")     # a report of the 20th with no date: that month


def test_a_day_in_a_later_sentence_beats_a_period_in_the_first():
    sentences = ["They agreed to boost ties following high-level talks, media reported earlier this week.",
                 "At talks held on March 6 in Can Tho, the ministers signed a protocol."]
    resolved = resolve_meeting_date(sentences, date(2015, 3, 11), [])
    assert (resolved.date_start, resolved.precision) == (date(2015, 3, 6), "day")


def test_a_period_alone_still_dates_the_meeting():
    resolved = resolve_meeting_date(["The ministers met earlier this week."], date(2015, 3, 11), [])
    assert (resolved.date_start, resolved.date_end, resolved.precision) == \
        (date(2015, 3, 9), date(2015, 3, 11), "month")


def test_a_day_named_inside_the_visit_range_dates_the_talks():
    sentence = "The minister on December 20 held talks with his counterpart, who is here for a visit from December 19-22."
    resolved = resolve_meeting_date([sentence], date(2019, 12, 21), [])
    assert (resolved.date_start, resolved.date_end) == (date(2019, 12, 20), date(2019, 12, 20))


def test_a_day_outside_the_range_leaves_the_range():
    sentence = "The visit from December 19-22 follows the talks of November 3."
    resolved = resolve_meeting_date([sentence], date(2019, 12, 23), [])
    assert (resolved.date_start, resolved.date_end) == (date(2019, 12, 19), date(2019, 12, 22))


def test_an_anniversary_of_ties_written_with_a_spaced_dash_dates_the_year():
    windows = year_windows_from_text(["Both armies hailed the 50th anniversary of Vietnam – Cambodia diplomatic ties."])
    assert [(w.start, w.end) for w in windows] == [(date(2017, 1, 1), date(2017, 12, 31))]


def test_an_anniversary_of_ties_with_another_country_does_not():
    assert year_windows_from_text(["This marks the 50th anniversary of Vietnam - Laos diplomatic ties."]) == []


def test_a_report_early_in_its_month_gives_no_month_to_an_undated_meeting():
    resolved = resolve_meeting_date(["The two ministers held talks."], date(2025, 12, 3), [])
    assert resolved.precision == "year"


def test_a_report_outside_the_leads_terms_gives_no_month():
    term = term_window(date(2016, 4, 9), date(2021, 4, 8), "Ngo Xuan Lich's term")
    resolved = resolve_meeting_date(["The two ministers held talks."], date(2021, 5, 20), [term])
    assert resolved.precision != "month"


def test_coarse_precision_of_a_span():
    from defcoop.extract.dates import coarse_precision

    assert coarse_precision(date(2019, 10, 30), date(2019, 11, 2)) == "year"
    assert coarse_precision(date(2018, 6, 20), date(2018, 6, 22)) == "month"
    assert coarse_precision(date(2019, 12, 30), date(2020, 1, 2)) == "unknown"


# --------------------------------------------------------------------------- calendar facts

CALENDAR_HEADER = "key,value,note,source\n"
CALENDAR_ROWS = ("vn_kh_relations_year,1967,n,s\ndry_season_finds,Y:11-01..Y+1:08-31,n,s\n"
                 "dry_season_just_ended,Y+1:03-01..Y+1:08-31,n,s\nplan_signed,Y-1:09-01..Y:01-31,n,s\n"
                 "plan_implemented,Y:01-01..Y+1:01-31,n,s\nresults_reviewed,Y:10-01..Y+1:03-31,n,s\n"
                 "relations_anniversary_ahead,Y-1:06-25..Y:06-24,n,s\nreport_lag_days,31,n,s\n")


def test_calendar_facts_are_read_with_their_types():
    from defcoop.extract.dates import YearWindow, load_calendar

    facts = load_calendar()
    assert facts["vn_kh_relations_year"] == 1967 and facts["report_lag_days"] == 31
    assert all(isinstance(facts[key], YearWindow) for key in facts
               if key not in ("vn_kh_relations_year", "report_lag_days"))


def test_a_year_window_is_placed_on_a_year():
    from defcoop.extract.dates import calendar_window, parse_year_window

    assert parse_year_window("Y-1:09-01..Y:01-31").at(2021) == (date(2020, 9, 1), date(2021, 1, 31))
    assert parse_year_window(" Y+1:03-01 .. Y+1:08-31 ").start == (1, 3, 1)
    assert calendar_window("dry_season_finds", 2017) == (date(2017, 11, 1), date(2018, 8, 31))


@pytest.mark.parametrize("text", ["Y-1:09-01", "Y:09-01..Y:01-31", "Y:02-29..Y:03-01", "X:01-01..Y:01-31",
                                  "Y:1-01..Y:01-31", "Y:01-01..Y:02-01..Y:03-01", "Y:13-01..Y+1:01-01"])
def test_a_bad_year_window_is_refused(text):
    from defcoop.extract.dates import parse_year_window

    with pytest.raises(ValueError):
        parse_year_window(text)


@pytest.mark.parametrize("row, problem", [
    ("founding_year,1945,n,s", "unknown key 'founding_year'"),
    ("vn_kh_relations_year,1968,n,s", "duplicate key 'vn_kh_relations_year'"),
    ("plan_signed,Y-1:09-01..Y:01-31,n,", "'plan_signed' needs a source"),
    ("vn_kh_relations_year,June 1967,n,s", "'vn_kh_relations_year' must be a year, got 'June 1967'"),
    ("plan_signed,Sep..Jan,n,s", "'plan_signed': window must read like"),
    ("plan_signed,Y:09-31..Y+1:01-31,n,s", "'plan_signed': no day 'Y:09-31' in every year"),
    ("plan_signed,Y:09-01..Y-1:01-31,n,s", "'plan_signed': window 'Y:09-01..Y-1:01-31' ends before it starts"),
    ("report_lag_days,a month,n,s", "'report_lag_days' must be a number of days, got 'a month'"),
])
def test_a_bad_calendar_row_raises_with_file_and_line(tmp_path, row, problem):
    from defcoop.extract.dates import load_calendar
    from defcoop.rules.reference import ReferenceDataError

    path = tmp_path / "calendar.csv"
    key = row.split(",")[0]
    rows = "".join(good for good in CALENDAR_ROWS.splitlines(keepends=True)
                   if problem.startswith("duplicate") or not good.startswith(key + ","))
    path.write_text(CALENDAR_HEADER + rows + row + "\n", encoding="utf-8")
    line = rows.count("\n") + 2
    with pytest.raises(ReferenceDataError, match=f"calendar.csv:{line}: {re.escape(problem)}"):
        load_calendar(path)


def test_a_calendar_without_a_row_the_code_reads_raises_on_the_header(tmp_path):
    from defcoop.extract.dates import load_calendar
    from defcoop.rules.reference import ReferenceDataError

    path = tmp_path / "calendar.csv"
    path.write_text(CALENDAR_HEADER + CALENDAR_ROWS.replace("results_reviewed,Y:10-01..Y+1:03-31,n,s\n", ""),
                    encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="calendar.csv:1: missing row\\(s\\): results_reviewed"):
        load_calendar(path)
    path.write_text("key,value\nplan_signed,Y-1:09-01..Y:01-31\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="calendar.csv:1: missing column\\(s\\): note, source"):
        load_calendar(path)


# --------------------------------------------------------------------------- rule files

def test_month_numbers_come_from_the_rule_file():
    from defcoop.extract.dates import month_numbers
    from defcoop.rules import load_rules

    assert month_numbers() == load_rules("dates").table("months")
    assert month_numbers()["sept"] == 9 and month_numbers()["may"] == 5


def test_every_number_word_is_read_in_days_ago():
    from defcoop.rules import load_rules

    for word, number in load_rules("dates").table("number_words").items():
        assert only(f"They met {word} days ago.").offset_days == -number


def test_each_gate_lets_through_every_example_of_its_rule():
    """A gate is a fast pre-check: it must never hide a match the rule file documents."""
    from defcoop.rules import load_rules

    rules = load_rules("dates")
    for gate, keys in [("weekday_gate", ["weekdays"]), ("relative_day_gate", ["relative_day"]),
                       ("relative_period_gate", ["relative_period"])]:
        substrings = rules.words(gate)
        for key in keys:
            for example in rules.rules[key].must_match:
                assert any(s in example.lower() for s in substrings), (gate, example)
    assert all(any(s in name for s in rules.words("weekday_gate")) for name in rules.words("weekdays"))


def test_each_year_rule_gate_lets_through_every_example_of_its_family():
    from defcoop.extract.dates import _YEAR_FAMILIES
    from defcoop.rules import load_rules

    for lang in ("en", "vi"):
        _each_gate_lets_through_its_examples(load_rules("dates", lang), _YEAR_FAMILIES)


def _each_gate_lets_through_its_examples(rules, families):
    from defcoop.rules import NEVER

    for keys, gate, _build, _group in families:
        for key in keys:
            if rules.rules[key].data == NEVER:
                continue      # a family the language has no use for (English event_then_year)
            assert rules.rules[key].must_match, key
            for example in rules.rules[key].must_match:
                assert any(s in example for s in rules.words(gate)), (gate, example)


def test_a_passive_verb_among_the_implementing_words_means_implemented():
    from defcoop.extract.dates import _instrument_action, _window_rules

    rules = _window_rules()
    for verb, action in [("carried out", "implement"), ("realised", "implement"),
                         ("adopted", "sign"), ("inked", "sign")]:
        folded = f"they discussed how the cooperation plan for 2021 was {verb}"
        start = folded.index("the cooperation")
        assert _instrument_action(folded, start, folded.index(" was"), rules) == action, verb


@pytest.fixture()
def rule_copy(tmp_path, monkeypatch):
    """data/rules copied to a temporary folder the loader reads; caches emptied before and after."""
    import shutil

    import defcoop.rules as rules_module
    from defcoop.rules import cache as rulecache

    shutil.copytree(rules_module.RULES_DIR, tmp_path / "rules")
    monkeypatch.setattr(rules_module, "RULES_DIR", tmp_path / "rules")
    rulecache.clear()
    yield tmp_path / "rules"
    rulecache.clear()


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_an_edited_rule_file_is_used_by_the_next_build(rule_copy):
    from defcoop.rules import cache as rulecache

    assert find_date_mentions("They met eight days ago.") == []
    edit(rule_copy / "en" / "dates.yaml", "six|seven)", "six|seven|eight)")
    edit(rule_copy / "en" / "dates.yaml", "six: 6, seven: 7}", "six: 6, seven: 7, eight: 8}")
    edit(rule_copy / "vi" / "dates.yaml", r"'\bng[aà]y\s+", r"'\b(?:ng[aà]y|h[oô]m)\s+")
    assert rulecache.refresh() is True
    assert only("They met eight days ago.").offset_days == -8
    assert (only("hôm 19/12").month, only("hôm 19/12").day) == (12, 19)


def test_a_rule_without_the_groups_the_code_reads_names_its_line(rule_copy):
    from defcoop.rules import RuleFileError

    edit(rule_copy / "en" / "dates.yaml", "(?P<p1>tomorrow)", "(?:tomorrow)")
    line = next(number for number, text in enumerate((rule_copy / "en" / "dates.yaml").read_text().splitlines(), 1)
                if text.startswith("relative_day:"))
    message = rf"en/dates.yaml:{line}: 'relative_day': the pattern must have the named group \(\?P<p1>"
    with pytest.raises(RuleFileError, match=message):
        find_date_mentions("They met yesterday.")


def test_a_broken_date_rule_stops_a_build_before_any_article(rule_copy):
    from defcoop.rules import cache as rulecache
    from defcoop.extract.dates import load_date_rules
    from defcoop.rules import RuleFileError

    assert load_date_rules()[0].months["sept"] == 9
    edit(rule_copy / "en" / "dates.yaml", "(?P<verb>signed", "(?P<action>signed")
    assert rulecache.refresh() is True
    with pytest.raises(RuleFileError, match=r"'passive_action': the pattern must have the named group \(\?P<verb>"):
        rulecache.load_all()


def test_a_period_unit_the_code_does_not_know_is_refused(rule_copy):
    from defcoop.rules import RuleFileError

    edit(rule_copy / "en" / "dates.yaml", "{week: week, month: month, year: year}",
         "{week: week, month: month, year: decade}")
    with pytest.raises(RuleFileError, match="'period_units': each unit must map to one of week, month, year"):
        find_date_mentions("They met last week.")


def test_an_edited_year_rule_is_used_by_the_next_build(rule_copy):
    from defcoop.rules import cache as rulecache

    assert year_windows_from_text(["They marked the 2017 Vietnam-Cambodia Friendship Season."]) == []
    edit(rule_copy / "en" / "dates.yaml", "(?:friendship|solidarity)(?:\\s+and\\s+[a-z]+)?\\s+year\\b'",
         "(?:friendship|solidarity)(?:\\s+and\\s+[a-z]+)?\\s+(?:year|season)\\b'")
    assert rulecache.refresh() is True
    [window] = year_windows_from_text(["They marked the 2017 Vietnam-Cambodia Friendship Season."])
    assert (window.start, window.end) == (date(2017, 1, 1), date(2017, 12, 31))


def test_a_year_rule_without_its_year_group_names_its_line(rule_copy):
    from defcoop.rules import RuleFileError

    edit(rule_copy / "en" / "dates.yaml", "'\\bchair(?:manship)?\\s*year\\s+(?P<y>",
         "'\\bchair(?:manship)?\\s*year\\s+(?P<year>")
    line = next(number for number, text in enumerate((rule_copy / "en" / "dates.yaml").read_text().splitlines(), 1)
                if text.startswith("chair_year_then_year:"))
    message = rf"en/dates.yaml:{line}: 'chair_year_then_year': the pattern must have the named group \(\?P<y>"
    with pytest.raises(RuleFileError, match=message):
        year_windows_from_text(["The ASEAN Chairmanship Year 2020."])


def test_an_edited_calendar_is_used_by_the_next_build(tmp_path, monkeypatch):
    import shutil

    import defcoop.extract.dates as dates_module
    from defcoop.rules import cache as rulecache

    shutil.copy(dates_module.REFERENCE_DIR / "calendar.csv", tmp_path / "calendar.csv")
    monkeypatch.setattr(dates_module, "REFERENCE_DIR", tmp_path)
    rulecache.clear()
    try:
        sentence = ["The events mark the 55th anniversary of Vietnam-Cambodia diplomatic relations."]
        assert year_windows_from_text(sentence)[0].start == date(2022, 1, 1)
        edit(tmp_path / "calendar.csv", "vn_kh_relations_year,1967,", "vn_kh_relations_year,1966,")
        assert rulecache.refresh() is True
        assert year_windows_from_text(sentence)[0].start == date(2021, 1, 1)
    finally:
        rulecache.clear()


def test_relations_set_up_n_years_ago_date_the_year_like_their_anniversary():
    windows = year_windows_from_text(["Since the establishment of the bilateral diplomatic ties 50 years ago, ties grew."])
    assert [(w.start, w.end) for w in windows] == [(date(2017, 1, 1), date(2017, 12, 31))]
    assert year_windows_from_text(["Vietnam and Laos set up Lao - Thai diplomatic ties 50 years ago."]) == []
    resolved = resolve_meeting_date(["He received the guest in Hanoi on May 4."], None, windows)
    assert (resolved.date_start, resolved.precision) == (date(2017, 5, 4), "day")


def test_the_span_of_an_anniversary_in_brackets_gives_its_year():
    windows = year_windows_from_text(["The visit fell in the year of the army's 60th anniversary "
                                      "(22 December 1944 - 2004)."])
    assert [(w.start, w.end) for w in windows] == [(date(2004, 1, 1), date(2004, 12, 31))]
    resolved = resolve_meeting_date(["The ministers held talks in Hanoi on December 23."], None, windows)
    assert (resolved.date_start, resolved.precision) == (date(2004, 12, 23), "day")
    # a span that is not N years long is no anniversary's
    assert year_windows_from_text(["It marked the 70th anniversary of the army (1953 - 2013)."]) == []


def test_the_founding_day_of_an_anniversary_in_brackets_gives_its_year():
    windows = year_windows_from_text(["The guests came for the army's 70th founding anniversary (December 22, 1944)."])
    assert [(w.start, w.end) for w in windows] == [(date(2014, 1, 1), date(2014, 12, 31))]
    resolved = resolve_meeting_date(["The ministers held talks in Hanoi on December 20."], None, windows)
    assert (resolved.date_start, resolved.precision) == (date(2014, 12, 20), "day")
    # a year in brackets after a full stop is not the anniversary's
    assert year_windows_from_text(["It marked the 70th anniversary of the army. (1944)"]) == []


def test_a_plan_a_ministry_works_on_the_basis_of_is_being_implemented():
    windows = year_windows_from_text(["On the basis of its cooperation plan for 2023, the ministry assigned tasks."])
    assert [(w.start, w.end) for w in windows] == [(date(2023, 1, 1), date(2024, 1, 31))]
    assert "implemented" in windows[0].evidence


def test_a_friendship_year_of_another_country_dates_nothing():
    assert year_windows_from_text(["They praised activities of the Vietnam-Laos Friendship Year 2022."]) == []
    windows = year_windows_from_text(["They praised activities of the Cambodia-Vietnam Friendship Year 2022."])
    assert [(w.start, w.end) for w in windows] == [(date(2022, 1, 1), date(2022, 12, 31))]
    # so a receiving in March under the plan for 2023 falls in 2023
    text = ["The deputy minister received the Cambodian attache in Hanoi on March 20.",
            "Based on its cooperation plan for 2023, the ministry gave tasks to its units.",
            "He valued joint work during Vietnam-Laos, Laos-Vietnam Friendship and Solidarity Year 2022."]
    resolved = resolve_meeting_date(text[:1], None, year_windows_from_text(text))
    assert (resolved.date_start, resolved.precision) == (date(2023, 3, 20), "day")


def test_a_url_month_outside_the_leads_terms_dates_no_meeting():
    from defcoop.extract.dates import page_month_date, term_window, url_month_windows

    page = url_month_windows((date(2019, 12, 1), "month"))
    assert page_month_date(page, page + [term_window(date(2016, 1, 1), date(2019, 11, 30), "minister to November")]) is None


def test_a_later_sentences_date_in_another_month_does_not_date_a_day_without_year():
    resolved = resolve_meeting_date(["The two commands opened a clinic on June 12 in Kratie.",
                                     "The first field hospital there opened in March 1979."], None, [])
    assert resolved.date_start is None or resolved.date_start.year != 1979
    resolved = resolve_meeting_date(["The two commands opened a clinic on June 12 in Kratie.",
                                     "The clinic, opened on June 12, 2018, has 20 beds."], None, [])
    assert resolved.date_start == date(2018, 6, 12)


def test_the_dates_of_an_anniversary_span_in_brackets_are_not_the_meeting_day():
    # the founding day and the anniversary day in brackets belong to the anniversary, not to the tribute
    sentence = ("The envoy laid flowers at the memorial on May 3 to mark the 70th anniversary of the army "
                "(May 5, 1954 - May 5, 2024).")
    resolved = resolve_meeting_date([sentence], date(2024, 5, 3), [])
    assert (resolved.date_start, resolved.precision) == (date(2024, 5, 3), "day")


def test_last_week_on_a_page_dated_only_by_its_urls_month_lies_in_that_year():
    from datetime import date

    from defcoop.extract.dates import find_date_mentions, page_month_relative_date, url_month_windows

    page = url_month_windows((date(2030, 6, 1), "month"))
    found = page_month_relative_date(find_date_mentions("They met last week."), page, page)
    assert (found.date_start.year, found.date_end.year, found.precision) == (2030, 2030, "year")
    january = url_month_windows((date(2030, 1, 1), "month"))
    assert page_month_relative_date(find_date_mentions("They met last week."), january, january).precision == "unknown"
    assert page_month_relative_date(find_date_mentions("They met on May 2."), page, page) is None


def test_the_day_a_news_agency_reported_a_signing_is_not_the_signing_day():
    sentence = "On Saturday, the news agency reported that the two colonels signed a deal on Friday."
    resolved = resolve_meeting_date([sentence], date(2031, 5, 5), [])
    assert (resolved.date_start, resolved.precision) == (date(2031, 5, 2), "day")
    # the agency named after the event's own day only attributes it
    resolved = resolve_meeting_date(["The drill ended on Saturday, the news agency reported."], date(2031, 5, 5), [])
    assert resolved.date_start == date(2031, 5, 3)


def test_the_day_a_regime_was_overthrown_is_history_not_the_ceremonys_day():
    sentence = "At the ceremony on May 3, the envoy recalled the struggle to overthrow the regime on May 4, 2001."
    resolved = resolve_meeting_date([sentence], date(2031, 5, 5), [])
    assert resolved.date_start == date(2031, 5, 3)
