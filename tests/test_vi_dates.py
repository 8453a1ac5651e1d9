"""Vietnamese dates, people and places: the vi rule files read with the shared machinery.

Every sentence here is written for the test (no article text)."""
from __future__ import annotations

from datetime import date

import pytest

from defcoop.extract.dates import find_date_mentions, resolve_meeting_date, year_windows_from_text
from defcoop.extract.people import load_officials
from defcoop.extract.places import find_countries, find_places
from defcoop.rules import rules_language


def vi_mentions(sentence):
    with rules_language("vi"):
        return [(m.kind, m.year, m.month, m.day, m.day_end, m.month_end) for m in find_date_mentions(sentence)]


@pytest.mark.parametrize("sentence, expected", [
    ("Chiều 4/12, hai đoàn đã hội đàm.", [("month_day", None, 12, 4, None, None)]),
    ("Chieu 4/12, hai doan da hoi dam.", [("month_day", None, 12, 4, None, None)]),        # no diacritics
    ("Sáng ngày 7.3, đoàn đến thăm.", [("month_day", None, 3, 7, None, None)]),
    ("Tối 20-6, hai bên ký biên bản.", [("month_day", None, 6, 20, None, None)]),
    ("Lễ diễn ra từ ngày 3 đến 5/9 tại tỉnh.", [("day_range", None, 9, 3, 5, 9)]),
    ("Trong hai ngày 8 và 9/10, hai bên tuần tra.", [("day_range", None, 10, 8, 9, 10)]),
    ("Chuyến thăm từ 30/10 đến 2/11/2023.", [("day_range", 2023, 10, 30, 2, 11)]),
    ("Hồi tháng 7/2021, hai bên đã gặp.", [("month_year", 2021, 7, None, None, None)]),
    ("Vào tháng 3.2020, đoàn sang thăm.", [("month_year", 2020, 3, None, None, None)]),
    ("Ngày 9 tháng 8 năm 2019, hai bộ ký kết.", [("full", 2019, 8, 9, None, None)]),
    ("Ngày 9/8/2019 và 10-8-2019.", [("full", 2019, 8, 9, None, None), ("full", 2019, 8, 10, None, None)]),
    ("Vào tháng Mười Hai, hai bên gặp nhau.", [("month", None, 12, None, None, None)]),
    ("Đã cắm được 120/300 mốc giới.", []),                  # a fraction, not a day and month
    ("Đây là hội nghị lần thứ hai.", []),                  # "thứ hai" is "second" here, not Monday
])
def test_vietnamese_date_mentions(sentence, expected):
    assert vi_mentions(sentence) == expected


def test_vietnamese_weekdays_and_relative_days():
    with rules_language("vi"):
        [weekday] = find_date_mentions("Sáng thứ Tư, hai đoàn làm việc.")
        [yesterday] = find_date_mentions("Hôm qua, đoàn đã về nước.")
        [last_year] = find_date_mentions("Năm ngoái, hai bên đã gặp.")
        assert find_date_mentions("Bốn năm trước, hai bên đã gặp.") == []
    assert (weekday.kind, weekday.weekday, weekday.text) == ("weekday", 2, "thứ Tư")
    assert (yesterday.offset_days, yesterday.text) == (-1, "Hôm qua")
    assert last_year.period == ("year", -1)


def test_a_vietnamese_meeting_is_dated_by_its_day_and_the_publication_date():
    with rules_language("vi"):
        resolved = resolve_meeting_date(["Chiều 4/12, hai đoàn đã hội đàm."], date(2023, 12, 5), [])
    assert (resolved.date_start, resolved.precision) == (date(2023, 12, 4), "day")


def test_vietnamese_year_windows():
    with rules_language("vi"):
        [season] = year_windows_from_text(["Trong mùa khô 2019 - 2020, đội đã quy tập 30 hài cốt."])
        [plan] = year_windows_from_text(["Sáng nay, hai Bộ trưởng ký Kế hoạch hợp tác quốc phòng năm 2022."])
        assert year_windows_from_text(["Việt Nam 2022 là một năm thành công."]) == []
    assert (season.start, season.end) == (date(2019, 11, 1), date(2020, 8, 31))
    assert (plan.start, plan.end) == (date(2021, 9, 1), date(2022, 1, 31))         # signed the year before


def test_english_dates_are_read_as_before():
    assert [(m.kind, m.month, m.day) for m in find_date_mentions("On Monday (May 3) they met, ngày 19/12.")] == [
        ("month_day", 5, 3), ("month_day", 12, 19)]
    assert find_date_mentions("He may march on.") == []


# --- people ---------------------------------------------------------------------------------------

def vi_people(sentence):
    with rules_language("vi"):
        return [(m.person, m.country) for m in load_officials().find_people([sentence])]


def test_a_rank_introduces_a_vietnamese_name_kept_in_ascii_with_the_country_of_its_office():
    assert vi_people("Đại tá Lê Văn Bình, Chỉ huy trưởng Bộ CHQS tỉnh Long An, phát biểu.") == [
        ("Le Van Binh", "VN")]
    assert vi_people("Thiếu tướng Sok Sambath, Tư lệnh Tiểu khu Quân sự tỉnh Prey Veng, cảm ơn.") == [
        ("Sok Sambath", "KH")]


def test_an_office_before_the_name_and_offices_listed_after_it():
    assert vi_people("Phó Chủ tịch UBND tỉnh Đồng Tháp Trần Văn Hòa dự lễ.") == [("Tran Van Hoa", "VN")]
    assert vi_people("Ông Trần Văn Hòa, Phó Chủ tịch UBND tỉnh, Trưởng ban tỉnh Đồng Tháp và "
                     "Ngài Chea Sokha, Phó Tỉnh trưởng, Trưởng ban tỉnh Prey Veng ký biên bản.") == [
        ("Tran Van Hoa", "VN"), ("Chea Sokha", "KH")]


def test_khmer_names_in_vietnamese_transliteration_are_the_officials():
    assert vi_people("Đại tướng Tia-Xây-ha tiếp đoàn.") == [("Tea Seiha", "KH")]


def test_a_country_after_a_title_is_no_short_name():
    # "Việt" of "Việt Nam" is not the given name of an official called Viet
    assert vi_people("Thứ trưởng Bộ Quốc phòng Việt Nam phát biểu.") == []


def test_each_language_has_its_own_titles():
    with rules_language("vi"):
        vietnamese = load_officials()
    assert load_officials() is not vietnamese
    assert [m.person for m in load_officials().find_people(["Ông Lê Văn Bình spoke."])] == []
    assert vi_people("Ông Lê Văn Bình phát biểu.") == [("Le Van Binh", "")]


# --- places and countries -------------------------------------------------------------------------

def test_vietnamese_spellings_of_places_and_countries():
    assert [(m.place, m.country) for m in find_places("tại Thủ đô Viêng Chăn và tỉnh Kông Pông Chàm")] == [
        ("Vientiane", "LA"), ("Kampong Cham", "KH")]
    assert [iso2 for iso2, *_ in find_countries("Lào và Campuchia, không phải Lào Cai")] == ["LA", "KH"]


def test_a_country_name_of_two_words_is_crossed_between_a_title_and_the_name():
    assert vi_people("Bộ trưởng đã tiếp Đại sứ Lào tại Việt Nam Khampheng Saysompheng.") == [
        ("Khampheng Saysompheng", "LA")]


def test_an_event_towards_an_anniversary_of_relations_is_in_the_year_up_to_it():
    """"hướng tới kỷ niệm 50 năm" (towards the 50th anniversary, 24 June 2017): the twelve months before."""
    with rules_language("vi"):
        [ahead] = year_windows_from_text(["Chuỗi hoạt động hướng tới lễ kỷ niệm 50 năm thiết lập quan hệ ngoại giao."])
        [during] = year_windows_from_text(["Hai bên dự mít tinh kỷ niệm 50 năm thiết lập quan hệ ngoại giao."])
        resolved = resolve_meeting_date(["Ngày 3/12, hai bên gặp mặt."], None, [ahead])
    assert (ahead.start, ahead.end) == (date(2016, 6, 25), date(2017, 6, 24))
    assert (during.start, during.end) == (date(2017, 1, 1), date(2017, 12, 31))
    assert resolved.date_start == date(2016, 12, 3)


def test_a_place_after_a_venue_and_the_word_capital():
    from defcoop.extract.meetings import find_place

    with rules_language("vi"):
        assert find_place(["Ngày 3/12, tại Trung tâm Hội nghị quốc gia, thủ đô Phnom Penh, hai bên gặp mặt."]) == \
            ("Phnom Penh", "KH")


def test_a_province_named_like_a_common_word_needs_its_place_word_and_a_sea_holds_no_province():
    with rules_language("vi"):
        assert [p.place for p in find_places("Hai bên gặp tại Cung Hòa Bình, Thủ đô Phnom Penh.")] == ["Phnom Penh"]
        assert [p.place for p in find_places("Đoàn đến thăm tỉnh Hòa Bình.")] == ["Hoa Binh"]
        assert find_places("Tàu hải quân diễn tập ở Tây Thái Bình Dương.") == []
        assert find_countries("Tàu tuần tra trong Vịnh Thái Lan và Tây Thái Bình Dương.") == []
        from defcoop.extract.meetings import find_place
        assert find_place(["Sáng 4/5, tại Cung Hòa Bình, Thủ đô Phnom Penh, Thủ tướng tiếp đoàn."]) == ("Phnom Penh", "KH")
    assert [p.place for p in find_places("Talks in Thai Binh province.")] == ["Thai Binh"]     # English: as before


def test_an_exchange_named_with_its_year_dates_its_day():
    with rules_language("vi"):
        windows = year_windows_from_text(["Ngày 9/10, tại Huế diễn ra buổi giao lưu sĩ quan trẻ hai quân "
                                          "đội năm 2024."])
        resolved = resolve_meeting_date(["Ngày 9/10, tại Huế diễn ra buổi giao lưu."], None, windows)
    assert (resolved.date_start, resolved.precision) == (date(2024, 10, 9), "day")


def test_a_review_of_the_first_months_of_a_year_is_held_within_that_year():
    with rules_language("vi"):
        text = ("Sáng ngày 5.7, Ban CHQS huyện A họp sơ kết việc phối hợp cùng chi khu quân sự các "
                "huyện B và C 6 tháng đầu năm 2019.")
        resolved = resolve_meeting_date([text], None, year_windows_from_text([text]))
    assert (resolved.date_start, resolved.precision) == (date(2019, 7, 5), "day")


def test_results_of_the_first_months_of_a_year_date_an_undated_review_to_that_year():
    with rules_language("vi"):
        text = ["Hai đơn vị tổ chức buổi làm việc đánh giá công tác phối hợp.",
                "Trong 9 tháng đầu năm 2018, hai bên đã tổ chức 12 lần tuần tra song phương."]
        resolved = resolve_meeting_date(text[:1], None, year_windows_from_text(text))
    assert (resolved.date_start, resolved.precision) == (date(2018, 1, 1), "year")


def test_a_clause_telling_what_the_sides_did_in_a_year_dates_its_review_after_that_year():
    with rules_language("vi"):
        text = ["Sáng 3/2, hai bộ chỉ huy tổ chức hội đàm.", "Năm 2018, hai bên đã tổ chức 6 lần tuần tra song phương."]
        resolved = resolve_meeting_date(text[:1], None, year_windows_from_text(text))
    assert (resolved.date_start, resolved.precision) == (date(2019, 2, 3), "day")


def test_the_year_of_the_conference_a_programme_was_agreed_at_does_not_date_the_programme():
    with rules_language("vi"):
        windows = year_windows_from_text(["Chương trình diễn tập được tổ chức theo thỏa thuận tại Hội nghị Bộ "
                                          "trưởng Quốc phòng ba nước diễn ra năm 2019."])
        resolved = resolve_meeting_date(["Ngày 9/10, chương trình diễn tập khai mạc tại Kampot."], None, windows)
    assert resolved.date_start is None


def test_a_title_that_goes_on_is_no_short_name_of_an_official():
    """"Thứ trưởng Thường trực" (permanent deputy minister), "Ban Thanh niên" (youth department):
    not the short names of officials called Thường or Thanh."""
    assert [person for person, _ in vi_people("Đoàn do ông Nguyễn Văn Hai, Thứ trưởng Thường trực Bộ Ngoại giao "
                                              "dẫn đầu.")] == ["Nguyen Van Hai"]
    assert [person for person, _ in vi_people("Đại tá Lê Quang Minh, Phó trưởng Ban Thanh niên Quân đội, phát biểu.")] \
        == ["Le Quang Minh"]


def test_the_month_of_a_meeting_whose_results_are_carried_out_is_not_this_meetings():
    with rules_language("vi"):
        resolved = resolve_meeting_date(["Đối thoại nhằm triển khai kết quả cuộc gặp giữa lãnh đạo hai Đảng vào tháng "
                                         "2.2025."], date(2025, 10, 29), [])
    assert resolved.precision == "month" and resolved.date_start == date(2025, 10, 1)   # the page's month, not February



def test_a_highlight_of_the_year_under_review_dates_no_meeting():
    """"Đặc biệt, tháng 11/2024, ..." opening a sentence recalls a highlight of the reviewed year, not the meeting."""
    with rules_language("vi"):
        resolved = resolve_meeting_date(["Tại buổi làm việc, hai bên đánh giá kết quả phối hợp năm 2024.",
                                         "Đặc biệt, tháng 11/2024, đơn vị đã tổ chức giao lưu với nhân dân hai bên."],
                                        date(2025, 3, 20), [])
    assert resolved.precision == "month" and resolved.date_start == date(2025, 3, 1)   # the page's month

def test_a_url_with_only_a_year_dates_a_yearless_day():
    from defcoop.extract.dates import url_date, url_month_windows

    windows = url_month_windows(url_date("https://example.edu.vn/tin-tuc/2018/hai-bo-truong-hoi-kien"))
    with rules_language("vi"):
        resolved = resolve_meeting_date(["Chiều 16-1, tại Vientiane, hai Bộ trưởng hội kiến."], None, windows)
    assert (resolved.date_start, resolved.precision) == (date(2018, 1, 16), "day")


def test_the_span_of_an_anniversary_in_brackets_dates_no_meeting():
    from defcoop.extract.dates import _meeting_date_mentions

    with rules_language("vi"):
        assert [m.text for m in _meeting_date_mentions(
            "Ngày 5/3, hai bên giao lưu hướng tới kỷ niệm 60 năm Ngày truyền thống (3/3/1959 - 3/3/2019).")] == \
            ["Ngày 5/3"]


def test_the_span_of_a_second_anniversary_listed_after_the_first_dates_no_meeting():
    # batch 68: two anniversaries with their spans, the second after "và"; only the day the rite was held dates it
    from defcoop.extract.dates import _meeting_date_mentions

    with rules_language("vi"):
        assert [m.text for m in _meeting_date_mentions(
            "Nhân kỷ niệm 20 năm Ngày A (2/5/2001-2/5/2021) và 60 năm ngày thành lập đơn vị B (2/5/1961-2/5/2021), "
            "chiều 28/4, hai đoàn dâng hoa tại đài tưởng niệm.")] == ["chiều 28/4"]


def test_the_navy_is_not_an_officer_called_hai():
    """"Hải quân" (navy) after "Đại tá Nguyễn Văn Hải" names the force, not the colonel again."""
    with rules_language("vi"):
        found = load_officials().find_people(["Đại tá Nguyễn Văn Hải chỉ huy tàu tuần tra.",
                                              "Tàu 20 giao lưu với Hải quân Hoàng gia Campuchia.",
                                              "Đại tá Hải cảm ơn phía bạn."])
    assert [(m.sentence_index, m.name_as_written) for m in found] == [(0, "Nguyễn Văn Hải"), (2, "Hải")]


def test_results_since_the_start_of_a_year_date_a_yearless_day_in_that_year():
    with rules_language("vi"):
        [window] = year_windows_from_text(["Từ đầu năm 2022 đến nay, hai đơn vị phối hợp chặt chẽ."])
        assert year_windows_from_text(["Từ đầu năm 2022, hai đơn vị phối hợp chặt chẽ."]) == []
    assert window.start.year == 2022 and window.end < date(2023, 7, 1)


def test_an_anniversary_congratulated_on_with_its_span_in_brackets_gives_its_last_year():
    """"chúc mừng 70 năm Ngày truyền thống (9-11-1953 - 9-11-2023)": the anniversary year dates a yearless
    day, as English "70th anniversary (1953 - 2023)" does; a span that is not N years long dates nothing."""
    with rules_language("vi"):
        [window] = year_windows_from_text(["Bộ trưởng chúc mừng 70 năm Ngày truyền thống quân đội bạn "
                                           "(9-11-1953 - 9-11-2023)."])
        assert year_windows_from_text(["Bộ trưởng chúc mừng 60 năm Ngày truyền thống (9-11-1953 - 9-11-2023)."]) == []
        resolved = resolve_meeting_date(["Ngày 13-11, hai Bộ trưởng hội đàm."], None, [window])
    assert (window.start, window.end) == (date(2023, 1, 1), date(2023, 12, 31))
    assert (resolved.date_start, resolved.precision) == (date(2023, 11, 13), "day")


def test_the_day_a_source_tells_of_a_ceremony_just_held_is_not_the_ceremony_s_day():
    """"Ngày 9/8, Bộ CHQS tỉnh A cho biết ... vừa tổ chức lễ bàn giao": the 9th is when the command
    said so; the handover came before, on a day the sentence does not give."""
    with rules_language("vi"):
        told = resolve_meeting_date(["Ngày 9/8, Bộ CHQS tỉnh Đồng Tháp cho biết đội quy tập vừa phối hợp với "
                                     "tỉnh bạn tổ chức lễ bàn giao hài cốt."], date(2026, 8, 9), [])
        held = resolve_meeting_date(["Ngày 9/8, Bộ CHQS tỉnh Đồng Tháp phối hợp với tỉnh bạn tổ chức lễ bàn giao "
                                     "hài cốt."], date(2026, 8, 9), [])
    assert told.precision != "day"
    assert (held.date_start, held.precision) == (date(2026, 8, 9), "day")


def test_a_quarterly_meeting_named_with_its_quarter_is_held_in_that_year():
    """"hội nghị giao ban quý 2/2020" dates a yearless day in 2020 (`event_then_year`); the fourth quarter, which may
    be reviewed the January after, dates nothing."""
    with rules_language("vi"):
        [window] = year_windows_from_text(["Ngày 24-6, huyện tổ chức hội nghị giao ban quý 2/2020."])
        assert year_windows_from_text(["Ngày 5-1, huyện tổ chức hội nghị giao ban quý 4/2020."]) == []
    assert (window.start, window.end) == (date(2020, 1, 1), date(2020, 12, 31))


def test_three_written_without_marks_is_no_honorific_before_a_place():
    """"ngã ba Bình Minh" (a junction): "ba" (three), written without the marks of "Bà" (`honorifics_with_marks`) in a
    text written with them, introduces no person; "bà" as written still does, and so does "ba" in a text typed
    without any marks."""
    with rules_language("vi"):
        officials = load_officials()
        assert officials.find_people(["Xe của đoàn dừng ở ngã ba Bình Minh cách thị trấn hai cây số."]) == []
        [marked] = officials.find_people(["Dự lễ có bà Lê Thị Hoa, Phó Chủ tịch huyện."])
        [unmarked] = officials.find_people(["Du le co ba Le Thi Hoa, Pho Chu tich huyen."])
    assert (marked.person, unmarked.person) == ("Le Thi Hoa", "Le Thi Hoa")


def test_the_span_of_years_a_tie_has_lasted_is_history_and_ends_in_the_report_s_year():
    """"trải qua 30 năm kết nghĩa (5-3-1990/5-3-2020)": neither end of the span, joined by a slash, is the meeting's
    day (`other_event_date_cue`), and its last year dates the meeting (`anniversary_of_relations`)."""
    with rules_language("vi"):
        sentence = "Phát biểu tại lễ, ông A nói trải qua 30 năm kết nghĩa hai đơn vị (5-3-1990/5-3-2020) tình bạn bền chặt."
        [window] = year_windows_from_text([sentence])
        resolved = resolve_meeting_date([sentence], None, [window])
    assert (window.start, window.end) == (date(2020, 1, 1), date(2020, 12, 31))
    assert (resolved.date_start, resolved.precision) == (date(2020, 1, 1), "year")


def test_a_country_ending_the_list_item_before_a_title_is_not_the_next_guest_s():
    """Guests listed with semicolons: "Việt Nam" closing the first guest's office is not the country of the next
    guest's rank ("Đại tá"); his own office after his name says Cambodia."""
    with rules_language("vi"):
        found = load_officials().find_people(["Tham dự có Đại tá Trần Văn A, Hiệu trưởng Trường Quân sự Việt Nam; "
                                              "Đại tá Sok Dara, Phó Tư lệnh Lục quân Hoàng gia Campuchia."])
    assert [(m.person, m.country) for m in found] == [("Tran Van A", "VN"), ("Sok Dara", "KH")]


def test_secretary_general_is_a_title_not_a_person_called_tong_thu():
    """"Tổng Thư ký" (secretary general) folds like a family and a given name (Tống Thư); as a title
    (`generic_titles`) it introduces the name after it and is nobody itself."""
    with rules_language("vi"):
        found = load_officials().find_people(["Đến dự có Phó Chủ tịch kiêm Tổng Thư ký Sok Dara cùng nhiều khách mời."])
    assert [m.person for m in found] == ["Sok Dara"]


# --- batch 72 (vi32): sentences written for these tests ----------------------------------------------------------

def test_the_lunar_new_year_named_with_its_year_dates_a_greeting_visit_of_a_page_with_no_date():
    """"Tết Nguyên đán Giáp Thìn năm 2024" (`event_then_year`): the visits greeting it fall in that year; the
    Gregorian New Year ("Tết Dương lịch 2024", greeted in the December before) dates nothing."""
    with rules_language("vi"):
        sentences = ["Chiều ngày 03/02, lãnh đạo tỉnh A đón đoàn bạn sang thăm, chúc Tết Nguyên đán Giáp Thìn năm 2024."]
        resolved = resolve_meeting_date(sentences, None, year_windows_from_text(sentences))
        assert year_windows_from_text(["Đơn vị chúc Tết Dương lịch 2024 các gia đình chính sách."]) == []
    assert (resolved.date_start, resolved.precision) == (date(2024, 2, 3), "day")


def test_a_khmer_syllable_that_folds_like_an_organisation_word_is_part_of_the_name():
    """"Bô" folds like "Bộ" (ministry), an organisation word never taken into a name; written with other marks it is a
    syllable of the name (`organisation_words_written`), while "Bộ Quốc phòng" stays the ministry."""
    assert vi_people("Thiếu tướng Keo Bô Sa Rath, Chỉ huy trưởng Hiến binh tỉnh Kratie, phát biểu.") == [
        ("Keo Bo Sa Rath", "KH")]
    assert [person for person, _ in vi_people("Đoàn cán bộ Bộ Quốc phòng do Thiếu tướng Lê Văn Bình dẫn đầu.")] == [
        "Le Van Binh"]
