"""Numbered editions of recurring meetings (data/reference/editions.csv): the loader's checks
and the year a numbered meeting takes from the table when its text gives none.

Sentences are short and written for these tests; the table rows used are the real ones
(the eighth Defence Policy Dialogue: 2025-10-29; the first Vietnam-Laos-Cambodia border
defence friendship exchange: 2023-12-14).
"""
import re
from datetime import date

import pytest

from defcoop.extract.dates import resolve_meeting_date
from defcoop.extract.editions import date_from_editions, load_editions
from defcoop.extract.meetings import extract_meetings
from defcoop.extract.people import load_officials
from defcoop.rules.reference import ReferenceDataError

OFFICIALS = load_officials()
DIALOGUE = ("Deputy Defence Minister Hoang Xuan Chien and General Chay Saing Yun co-chaired the {ordinal} "
            "Vietnam-Cambodia Defence Policy Dialogue in Ho Chi Minh City{when}.")


def only_meeting(sentences, published=None):
    mentions = OFFICIALS.find_people(sentences)
    found = extract_meetings("a", sentences, published, mentions, OFFICIALS)
    assert len(found) >= 1
    return found[0]


def dialogue(ordinal="eighth", when="", published=None):
    return only_meeting([DIALOGUE.format(ordinal=ordinal, when=when),
                         "The two sides discussed training and border management."], published)


# --- using the table ---------------------------------------------------------------------------

def test_a_numbered_dialogue_with_no_date_takes_the_tables_date():
    meeting = dialogue()
    assert meeting.mechanism == "defence_policy_dialogue" and meeting.edition == 8
    assert (meeting.date_start, meeting.date_end, meeting.date_precision) == (date(2025, 10, 29), date(2025, 10, 29), "day")
    assert "editions.csv: defence_policy_dialogue 8" in meeting.date_evidence


def test_a_day_and_month_with_no_year_take_the_tables_year():
    meeting = dialogue(when=" on October 29")
    assert (meeting.date_start, meeting.date_precision) == (date(2025, 10, 29), "day")
    assert meeting.date_evidence == "'October 29'; year 2025 from editions.csv: defence_policy_dialogue 8"


def test_the_texts_day_stays_when_it_is_in_the_tables_month():
    meeting = dialogue(when=" on October 28")
    assert (meeting.date_start, meeting.date_precision) == (date(2025, 10, 28), "day")


def test_a_numbered_meeting_dated_by_the_table_long_before_the_page_is_background():
    # published a year after the eighth dialogue: "October 29" alone is that dialogue's day in
    # 2025 (the table), more than background_after_months before the page: recalled, not reported
    sentences = [DIALOGUE.format(ordinal="eighth", when=" on October 29"),
                 "The two sides discussed training and border management."]
    mentions = OFFICIALS.find_people(sentences)
    assert extract_meetings("a", sentences, date(2026, 11, 20), mentions, OFFICIALS) == []
    assert dialogue(when=" on October 29", published=date(2025, 11, 20)).date_start == date(2025, 10, 29)


def test_a_day_of_another_month_is_left_alone():
    meeting = dialogue(when=" on March 3")
    assert meeting.date_start is None or meeting.date_start.year != 2025 or meeting.date_start.month == 3
    assert "editions.csv" not in meeting.date_evidence


def test_a_year_written_in_the_text_wins():
    meeting = dialogue(when=" on October 29, 2024")
    assert (meeting.date_start, meeting.date_precision) == (date(2024, 10, 29), "day")
    assert "editions.csv" not in meeting.date_evidence


def test_another_year_written_in_the_sentence_naming_the_meeting_keeps_the_table_out():
    meeting = only_meeting([DIALOGUE.format(ordinal="eighth", when=" in 2024"),
                            "The two sides discussed training."])
    assert meeting.date_start != date(2025, 10, 29)
    assert "editions.csv" not in meeting.date_evidence


def test_a_range_of_years_in_the_sentence_does_not_keep_the_table_out():
    meeting = only_meeting([DIALOGUE.format(ordinal="eighth", when=", reviewing the protocol for 2020-2024"),
                            "The two sides discussed training."])
    assert meeting.date_start == date(2025, 10, 29)


def test_an_edition_not_in_the_table_stays_unknown():
    meeting = dialogue(ordinal="twelfth")
    assert meeting.edition == 12
    assert meeting.date_precision == "unknown" and "editions.csv" not in meeting.date_evidence


def test_an_unnumbered_dialogue_stays_unknown():
    meeting = only_meeting(["Deputy Defence Minister Hoang Xuan Chien and General Chay Saing Yun co-chaired "
                            "the Vietnam-Cambodia Defence Policy Dialogue in Ho Chi Minh City."])
    assert meeting.edition is None and meeting.date_precision == "unknown"
    assert "editions.csv" not in meeting.date_evidence


def test_a_three_country_series_is_told_apart_by_the_third_country_named():
    table = load_editions()
    two = table.lookup("border_friendship_exchange", 1, {"VN", "KH"})
    three = table.lookup("border_friendship_exchange", 1, {"VN", "KH", "LA"})
    assert two.start == date(2022, 5, 15) and three.start == date(2023, 12, 14)
    assert table.lookup("border_friendship_exchange", 1, set()) == two


def test_a_meeting_led_by_others_is_another_series():
    table = load_editions()
    assert table.lookup("border_friendship_exchange", 1, {"VN", "KH"}, {"Phan Van Giang", "Tea Banh"}) is not None
    assert table.lookup("border_friendship_exchange", 1, {"VN", "KH"}, {"Le Van Khong"}) is None
    # one lead of the row and one who did not lead that edition: not that edition
    assert table.lookup("defence_policy_dialogue", 6, set(), {"Hoang Xuan Chien", "Chay Saing Yun"}) is None
    assert table.lookup("defence_policy_dialogue", 6, set(), {"Hoang Xuan Chien"}) is not None


def test_a_multi_day_row_dates_the_meeting_with_its_span():
    row = load_editions().lookup("border_friendship_exchange", 2, {"VN", "KH"})
    resolved = date_from_editions(resolve_meeting_date(["The exchange opened."], None, []), row, [])
    assert (resolved.date_start, resolved.date_end, resolved.precision) == (date(2025, 11, 13), date(2025, 11, 14), "day")
    inside = date_from_editions(resolve_meeting_date(["It ended on November 14."], None, []), row, [])
    assert (inside.date_start, inside.precision) == (date(2025, 11, 14), "day")


def test_a_weekday_with_no_page_date_picks_that_day_of_a_multi_day_row():
    # the second exchange ran Thursday 13 to Friday 14 November 2025: "on Friday" is its second day
    row = load_editions().lookup("border_friendship_exchange", 2, {"VN", "KH"})
    sentence = "The ministers opened the second day of the exchange in Svay Rieng on Friday."
    friday = date_from_editions(resolve_meeting_date([sentence], None, []), row, [sentence])
    assert (friday.date_start, friday.date_end, friday.precision) == (date(2025, 11, 14), date(2025, 11, 14), "day")
    sunday = "The ministers met in Svay Rieng on Sunday."
    resolved = resolve_meeting_date([sunday], None, [])
    assert date_from_editions(resolved, row, [sunday]) == resolved


def test_a_row_known_to_the_year_gives_the_year():
    row = load_editions().lookup("defence_policy_dialogue", 5, set())
    assert row.precision == "year"
    resolved = date_from_editions(resolve_meeting_date(["The dialogue opened."], None, []), row, [])
    assert (resolved.date_start, resolved.date_end, resolved.precision) == (date(2022, 1, 1), date(2022, 12, 31), "year")
    dated = date_from_editions(resolve_meeting_date(["It was held on May 14."], None, []), row, [])
    assert (dated.date_start, dated.precision) == (date(2022, 5, 14), "day")


# --- the loader --------------------------------------------------------------------------------

HEADER = "mechanism,edition,parties,date,date_end,place,country,leads,source,note\n"
GOOD = "defence_policy_dialogue,8,VN;KH,2025-10-29,,Ho Chi Minh City,VN,Hoang Xuan Chien,https://example.org/a,\n"


def test_every_row_of_the_real_table_loads_with_a_source():
    rows = list(load_editions())
    assert len(rows) >= 5
    assert all(row.source.startswith("http") for row in rows)


@pytest.mark.parametrize(("row", "problem"), [
    ("ministers_tea,8,VN;KH,2025-10-29,,,,,https://example.org/a,\n",
     "unknown mechanism 'ministers_tea' (not an id of mechanisms.yaml)"),
    ("defence_policy_dialogue,8,VN;KH,29/10/2025,,,,,https://example.org/a,\n",
     "bad date '29/10/2025' (expected YYYY-MM-DD, YYYY-MM or YYYY)"),
    ("defence_policy_dialogue,8,VN;KH,2025-02-30,,,,,https://example.org/a,\n",
     "bad date '2025-02-30' (expected YYYY-MM-DD, YYYY-MM or YYYY)"),
    ("defence_policy_dialogue,0,VN;KH,2025-10-29,,,,,https://example.org/a,\n",
     "edition must be a positive integer, got '0'"),
    ("defence_policy_dialogue,eighth,VN;KH,2025-10-29,,,,,https://example.org/a,\n",
     "edition must be a positive integer, got 'eighth'"),
    ("defence_policy_dialogue,8,VN;KH,2025-10-29,,,,,,\n",
     "defence_policy_dialogue 8 needs a source"),
    ("defence_policy_dialogue,8,VN;KH,2025-10-29,2025-10-28,,,,https://example.org/a,\n",
     "date_end before date"),
    ("defence_policy_dialogue,8,VN;KH,2025-10,2025-10-30,,,,https://example.org/a,\n",
     "bad date_end '2025-10-30' (a day YYYY-MM-DD after a day date)"),
    ("defence_policy_dialogue,8,VN;XX;KH,2025-10-29,,,,,https://example.org/a,\n", "unknown country 'XX'"),
    ("defence_policy_dialogue,8,VN;LA,2025-10-29,,,,,https://example.org/a,\n",
     "parties must include KH and VN, got 'VN;LA'"),
    ("defence_policy_dialogue,8,VN;KH,2025-10-29,,,,Nguyen Van Khong,https://example.org/a,\n",
     "unknown lead 'Nguyen Van Khong' (not a person of officials.csv)"),
])
def test_a_bad_row_raises_with_file_and_line(tmp_path, row, problem):
    path = tmp_path / "editions.csv"
    path.write_text(HEADER + GOOD + row, encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=f"editions.csv:3: {re.escape(problem)}"):
        load_editions(path)


def test_a_repeated_edition_of_a_series_raises():
    path_rows = HEADER + GOOD + GOOD.replace("https://example.org/a", "https://example.org/b")
    with pytest.raises(ReferenceDataError, match=re.escape("editions.csv:3: defence_policy_dialogue 8 (VN;KH) "
                                                           "is listed on line 2 too")):
        _load_text(path_rows)


def test_the_same_edition_of_another_series_is_no_repeat(tmp_path):
    table = _load_text(HEADER + GOOD + GOOD.replace("VN;KH", "VN;LA;KH").replace(",8,", ",1,"), tmp_path)
    assert len(table) == 2


def test_a_missing_column_is_named_on_the_header(tmp_path):
    path = tmp_path / "editions.csv"
    path.write_text("mechanism,edition,date,source\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="editions.csv:1: missing column\\(s\\): parties, date_end, place, country, leads"):
        load_editions(path)


def test_the_table_is_checked_before_a_build():
    from defcoop.rules.cache import _LOADERS

    assert any(ref() is load_editions for ref in _LOADERS)


def _load_text(text, tmp_path=None):
    import tempfile
    from pathlib import Path

    folder = Path(tmp_path or tempfile.mkdtemp())
    path = folder / "editions.csv"
    path.write_text(text, encoding="utf-8")
    return load_editions(path)


def test_a_weekday_counted_from_the_page_date_gives_way_to_the_rows_day_of_that_weekday():
    # October 29, 2025 was a Wednesday; published a week later, "on Wednesday" alone reads November 5
    meeting = dialogue(when=" on Wednesday", published=date(2025, 11, 6))
    assert meeting.date_start == date(2025, 10, 29)
    other = dialogue(when=" on Tuesday", published=date(2025, 11, 6))
    assert other.date_start == date(2025, 11, 4) and "editions.csv" not in other.date_evidence


def test_yesterday_counted_from_the_page_date_stays():
    meeting = dialogue(when=" yesterday", published=date(2025, 11, 6))
    assert meeting.date_start == date(2025, 11, 5) and "editions.csv" not in meeting.date_evidence


def test_a_weekday_with_no_page_date_must_be_the_rows_weekday():
    assert dialogue(when=" on Wednesday").date_start == date(2025, 10, 29)
    tuesday = dialogue(when=" on Tuesday")
    assert tuesday.date_start != date(2025, 10, 29) and "editions.csv" not in tuesday.date_evidence
