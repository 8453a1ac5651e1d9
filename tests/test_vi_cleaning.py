"""Cleaning Vietnamese news pages (data/rules/vi/boilerplate.yaml through defcoop.ingest.clean).

One synthetic page per outlet family of the Vietnamese dev batch shows what is removed and what
is kept. Every page and sentence here is written for the test (none is copied from an article).
"""
from __future__ import annotations

import re

import pytest

from defcoop.ingest.clean import clean_article, split_outlet_opener, split_sentences
from defcoop.ingest.corpus import RawArticle
from defcoop.rules import _parser, load_rules, rules_language, rules_path

_REGEX_LINE = re.compile(r"^(?P<lead>\s*(?:- |[a-z_]+: ))(?P<value>'.*'|\['.*'\])(?P<comment>\s+#.*)?$")


def clean(text: str, **meta):
    with rules_language("vi"):
        return clean_article(RawArticle("p", "p.md", "md", text, meta=meta))


def removed(article, rule: str) -> list[str]:
    return [entry.text for entry in article.log if entry.rule == rule]


# --- the rule file --------------------------------------------------------------------------


def test_the_vietnamese_boilerplate_examples_behave():
    with rules_language("vi"):
        rules = load_rules("boilerplate")
    assert rules.outlet_opener is not None
    assert any(e.must_match for e in rules.examples) and any(not e.must_match for e in rules.examples)
    assert rules.example_failures() == []


def test_english_has_no_outlet_opener_so_its_datelines_are_unchanged():
    assert load_rules("boilerplate", "en").outlet_opener is None
    assert split_outlet_opener("TPO - The two sides met.", load_rules("boilerplate", "en")) == (
        None, "TPO - The two sides met.")


def test_every_vietnamese_boilerplate_pattern_is_needed_by_an_example():
    """Each regex of the file replaced in turn by one that never matches: some example must fail."""
    lines = rules_path("boilerplate", "vi").read_text(encoding="utf-8").splitlines(keepends=True)
    parse, unneeded = _parser("boilerplate"), []
    for index, line in enumerate(lines):
        match = _REGEX_LINE.match(line.rstrip("\n"))
        if not match:
            continue
        groups = "".join(f"(?P<{group}>)" for group in re.findall(r"\(\?P<(\w+)>", match.group("value")))
        never = "['(?!)']" if match.group("value").startswith("[") else f"'(?!){groups}'"
        broken = lines[:index] + [f"{match.group('lead')}{never}\n"] + lines[index + 1:]
        if not parse("".join(broken), "vi.yaml").example_failures():
            unneeded.append(f"{index + 1}: {line.strip()[:80]}")
    assert not unneeded, "\n".join(unneeded)


# --- one page per outlet family ---------------------------------------------------------------


def test_a_news_agency_page_loses_its_dateline_end_mark_and_related_stories():
    """TTXVN / VietnamPlus: "Hà Nội (TTXVN) - " dateline, "./." end mark, related stories, keywords."""
    page = ("Trang chủ › Chính trị\n\n"
            "Hai đoàn quân sự cấp cao hội đàm tại Hà Nội\n\n"
            "Thứ Năm, 04/12/2014 - 18:30\n\n"
            "Hà Nội (TTXVN) - Chiều 4/12, đoàn quân sự cấp cao hai nước đã hội đàm tại Hà Nội.\n\n"
            "Hai bên nhất trí mở rộng hợp tác trong lĩnh vực đào tạo./.\n\n"
            "Tin liên quan\n\n"
            "Hải quân hai nước tuần tra chung\n\n"
            "Từ khóa: quốc phòng, hội đàm\n")
    article = clean(page)
    assert article.dateline == "Hà Nội" and article.source == "TTXVN"
    assert article.title == "Hai đoàn quân sự cấp cao hội đàm tại Hà Nội"
    assert article.published == "2014-12-04"
    assert article.sentences == ("Chiều 4/12, đoàn quân sự cấp cao hai nước đã hội đàm tại Hà Nội.",
                                 "Hai bên nhất trí mở rộng hợp tác trong lĩnh vực đào tạo.")
    assert removed(article, "nav_line") == ["Trang chủ › Chính trị"]
    assert "Hải quân hai nước tuần tra chung" in removed(article, "stop_marker")[0]


def test_a_related_box_after_the_lead_is_dropped_and_the_article_read_on():
    """Báo Quốc tế style: the lead, "TIN LIÊN QUAN" with two headlines (long enough to be joined as one wrapped
    line), then the article goes on: its paragraphs, around a photo (its alt text repeating the title, its caption),
    stay the article's."""
    page = ("Khánh thành nhà bia tưởng niệm ở Thạch Lâm\n\n"
            "Ngày 9/4, tỉnh Thạch Lâm đã khánh thành nhà bia tưởng niệm quân tình nguyện Việt Nam.\n"
            "TIN LIÊN QUAN\n"
            "khanh thanh nha bia Hội thao quân sự các trường sĩ quan trong khu vực lần thứ ba\n"
            "khanh thanh nha bia Giao lưu văn nghệ: Gắn kết tình thân giữa hai bên biên giới\n\n"
            "Dự lễ có Đại tá Lê Văn Khải, Phó Chính ủy Quân khu, cùng lãnh đạo tỉnh Thạch Lâm.\n\n"
            "khanh thanh nha bia tuong niem o thach lam\n"
            "Nhà bia tưởng niệm quân tình nguyện. (Ảnh: TTXVN)\n\n"
            "Phát biểu tại buổi lễ, ông Sok Dara cảm ơn sự giúp đỡ của quân tình nguyện Việt Nam.\n")
    article = clean(page)
    assert article.sentences == (
        "Ngày 9/4, tỉnh Thạch Lâm đã khánh thành nhà bia tưởng niệm quân tình nguyện Việt Nam.",
        "Dự lễ có Đại tá Lê Văn Khải, Phó Chính ủy Quân khu, cùng lãnh đạo tỉnh Thạch Lâm.",
        "Phát biểu tại buổi lễ, ông Sok Dara cảm ơn sự giúp đỡ của quân tình nguyện Việt Nam.")
    assert removed(article, "inline_box")[0] == "TIN LIÊN QUAN"
    assert "Hội thao quân sự" in " ".join(removed(article, "inline_box"))
    assert not removed(article, "stop_marker")


def test_related_stories_under_the_article_and_readers_comments_still_end_it():
    lead = "Chiều 4/12, đoàn quân sự cấp cao hai nước đã hội đàm tại Hà Nội."
    related = clean(f"{lead}\n\nTin liên quan\n\nHải quân hai nước tuần tra chung\n\n"
                    f"Hai tàu của hải quân đã cùng tuần tra dọc bờ biển phía nam.\n")
    assert related.sentences == (lead,) and not removed(related, "inline_box")
    comments = clean(f"{lead}\n\nBình luận\n\nTôi rất vui khi đọc tin này, mong hai nước mãi gắn bó.\n\n"
                     f"Bài viết hay, cảm ơn tòa soạn đã đưa tin kịp thời.\n")
    assert comments.sentences == (lead,) and not removed(comments, "inline_box")


def test_the_earliest_date_line_above_the_body_dates_the_page():
    """A site's clock above the headline shows the day the page was read; the article's own date line is earlier."""
    page = ("Thứ 2, 04/05/2026 08:10:12 GMT+7\n\n"
            "Hai đồn biên phòng hội đàm với công an huyện bạn\n\n"
            "Thứ 2, 12/10/2020 | 09:30:00\n\n"
            "Ngày 12-10, đồn biên phòng A đã hội đàm với công an huyện B của nước bạn về công tác biên giới.\n")
    article = clean(page)
    assert article.published == "2020-10-12"
    # the log says which line the date came from: the clock line is removed, the article's own kept as the date
    assert [(e.action, e.text[:5]) for e in article.log if e.rule == "date_line"] == [("removed", "Thứ 2"),
                                                                                     ("extracted", "Thứ 2")]
    assert [e.text for e in article.log if e.rule == "date_line" and e.action == "extracted"] == \
        ["Thứ 2, 12/10/2020 | 09:30:00"]


def test_a_byline_of_authors_ending_with_a_date_stamp_dates_the_page():
    page = ("Hai quân đội tăng cường hợp tác\n\n"
            "Văn An - Thu Hà-Thứ hai, ngày 03/05/2021 09:15 GMT+7\n\n"
            "Từ ngày 1-4/5, đoàn cấp cao Bộ Tổng Tham mưu đang thăm và làm việc tại nước bạn theo lời mời.\n")
    assert clean(page).published == "2021-05-03"


def test_a_byline_of_an_author_then_a_dash_and_a_time_and_date_dates_the_page():
    # batch 72: "<tác giả> - hh:mm, dd/mm/yyyy" under the headline
    page = ("Hai quân đội tăng cường hợp tác\n\n"
            "Minh Tâm - 07:45, 12/09/2030\n\n"
            "Ngày 11/9, đoàn cấp cao Bộ Tổng Tham mưu đang thăm và làm việc tại nước bạn theo lời mời.\n")
    assert clean(page).published == "2030-09-12"


def test_a_stamp_printed_under_the_lead_paragraph_dates_the_page():
    # batch 68: a video page prints its lead, then "hh:mm - dd/mm/yyyy", then the rest of the story
    page = ("Hai đồn biên phòng giao lưu bóng đá\n\n"
            "Chiều 3/4, hai đồn biên phòng đã tổ chức giao lưu bóng đá tại cửa khẩu.\n\n"
            "18:20 - 04/04/2031\n\n"
            "Trận đấu diễn ra trong không khí vui vẻ, thắm tình hữu nghị giữa hai bên.\n\n"
            "Sau trận đấu, hai đơn vị trao cờ lưu niệm cho nhau.\n")
    assert clean(page).published == "2031-04-04"
    # a stamp deeper in the story (a quoted earlier report's) does not date the page
    later = page.replace("18:20 - 04/04/2031\n\n", "").replace("Sau trận đấu,", "18:20 - 04/04/2031\n\nSau trận đấu,")
    assert clean(later).published is None


def test_a_url_ending_in_a_publication_timestamp_dates_the_page():
    page = "Hai đồn biên phòng hội đàm\n\nNgày 3/5, hai đồn biên phòng đã hội đàm về việc tuần tra biên giới.\n"
    assert clean(page, url="https://example.vn/thoi-su/hai-don-hoi-dam-20210503164625830.htm").published == "2021-05-03"
    assert clean(page, url="https://example.vn/thoi-su/hai-don-hoi-dam-156609.vnp").published is None


def test_a_url_id_with_a_two_digit_year_after_its_section_number_dates_the_page():
    page = "Hai đồn biên phòng hội đàm\n\nNgày 3/5, hai đồn biên phòng đã hội đàm về việc tuần tra biên giới.\n"
    assert clean(page, url="https://example.vn/hai-don-hoi-dam-185210503164625830.htm").published == "2021-05-03"
    assert clean(page, url="https://example.vn/hai-don-hoi-dam-185210503164625830123.htm").published is None


def test_a_journal_page_keeps_its_abstract_and_drops_author_and_issue():
    """A research journal's page: title, date line, abstract, then the author and the issue."""
    page = ("Hợp tác quốc phòng giữa hai nước láng giềng: thực trạng và giải pháp\n\n"
            "12/05/2021\n\n"
            "Bài viết đánh giá hợp tác quốc phòng giữa hai nước từ năm 2010 đến nay và đề xuất một số giải pháp.\n\n"
            "Trần Văn Bình\n\n"
            "Số 4, 2021\n")
    article = clean(page)
    assert article.published == "2021-05-12"
    assert article.text.startswith("Bài viết đánh giá") and "Trần Văn Bình" not in article.text
    assert removed(article, "trailing_headline") == ["Trần Văn Bình", "Số 4, 2021"]


def test_a_page_whose_captions_end_with_a_capitalised_credit():
    """Thanh Niên: "<caption> ẢNH: <NAME>" lines between paragraphs."""
    page = ("Hội nghị đối thoại chính sách quốc phòng lần thứ 6 do hai thứ trưởng đồng chủ trì.\n\n"
            "Toàn cảnh hội nghị đối thoại lần thứ 6 ẢNH: MINH TRANG\n\n"
            "Hai bên nhất trí tăng cường trao đổi đoàn các cấp.\n\n"
            "Thứ trưởng phát biểu tại hội nghị ẢNH: MINH TRANG\n\n"
            "Hai bên cần đẩy mạnh tuyên truyền về truyền thống hữu nghị.\n")
    article = clean(page)
    assert removed(article, "caption_credit") == ["Toàn cảnh hội nghị đối thoại lần thứ 6 ẢNH: MINH TRANG",
                                                  "Thứ trưởng phát biểu tại hội nghị ẢNH: MINH TRANG"]
    assert len(article.sentences) == 3 and "ẢNH" not in article.text


def test_an_outlet_opener_is_cut_off_and_kept_as_the_source():
    """Tiền Phong "TPO - ", Quân khu 7 "(QK7 Online) - ": the outlet, not a place."""
    article = clean("TPO - Chiều 14/5, hai đoàn đã hội đàm tại đồn biên phòng cửa khẩu.\n\n"
                    "Hai bên nhất trí phối hợp quản lý, bảo vệ biên giới.\n")
    assert (article.source, article.dateline) == ("TPO", None)
    assert article.sentences[0] == "Chiều 14/5, hai đoàn đã hội đàm tại đồn biên phòng cửa khẩu."
    article = clean("(QK7 Online) - Sáng ngày 2/8, hai bên tổ chức hội nghị sơ kết hợp tác.\n")
    assert (article.source, article.dateline) == ("QK7 Online", None)
    assert article.text == "Sáng ngày 2/8, hai bên tổ chức hội nghị sơ kết hợp tác."
    assert removed(article, "outlet_opener") == ["(QK7 Online) - "]


def test_a_place_in_capitals_is_still_a_dateline():
    article = clean("TÂY NINH - Bộ đội Biên phòng tỉnh tổ chức giao lưu với lực lượng bạn.\n")
    assert (article.dateline, article.source) == ("TÂY NINH", None)


def test_a_radio_page_loses_breadcrumb_share_buttons_and_reprint_credit():
    """VOV: breadcrumb, "VOV.VN - " opener, share buttons, "Theo ..." reprint credit, teaser link."""
    page = ("Trang chủ > Quân sự - Quốc phòng\n\n"
            "Chia sẻ Facebook Zalo\n\n"
            "VOV.VN - Hai bên đã bàn cách phối hợp quản lý, bảo vệ biên giới.\n\n"
            "Xem thêm: Hải quân hai nước tuần tra chung lần thứ 70\n\n"
            "Hai bên nhất trí duy trì giao ban định kỳ và trao đổi thông tin.\n\n"
            "Theo VOV\n")
    article = clean(page)
    assert article.source == "VOV.VN"
    assert article.sentences == ("Hai bên đã bàn cách phối hợp quản lý, bảo vệ biên giới.",
                                 "Hai bên nhất trí duy trì giao ban định kỳ và trao đổi thông tin.")
    assert removed(article, "teaser") == ["Xem thêm: Hải quân hai nước tuần tra chung lần thứ 70"]
    assert "Chia sẻ Facebook Zalo" in removed(article, "nav_line")


def test_a_page_with_photo_credits_after_the_caption_and_a_comment_section():
    """VietNamNet: "<caption>. Ảnh: <source>" line, then the comments under the article."""
    page = ("Cuộc gặp bộ trưởng quốc phòng ba nước diễn ra tại Viêng Chăn ngày 15/10.\n\n"
            "Các đại biểu chụp ảnh lưu niệm. Ảnh: BQP\n\n"
            "Quân đội ba nước tăng cường hợp tác trên cơ sở tin cậy lẫn nhau.\n\n"
            "Bình luận\n\n"
            "Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin bổ ích.\n")
    article = clean(page)
    assert removed(article, "caption_credit") == ["Các đại biểu chụp ảnh lưu niệm. Ảnh: BQP"]
    assert len(article.sentences) == 2 and "cảm ơn tác giả" not in article.text


def test_a_caption_whose_credit_is_a_bracketed_source_is_dropped():
    """Báo Quốc tế: "<caption>. (Nguồn: TTXVN)" under the picture; a sentence about a source of
    funds ("Nguồn kinh phí ...") stays."""
    page = ("Sáng 2/3, hai bộ trưởng đã gặp nhau tại Phnom Penh.\n\n"
            "Hai bộ trưởng bắt tay tại cuộc gặp. (Nguồn: TTXVN)\n\n"
            "Nguồn kinh phí cho các hoạt động được hai bên thống nhất.\n")
    article = clean(page)
    assert removed(article, "caption_credit") == ["Hai bộ trưởng bắt tay tại cuộc gặp. (Nguồn: TTXVN)"]
    assert len(article.sentences) == 2


def test_a_page_with_share_buttons_and_a_reporter_credit():
    """VTC News: share buttons over the story, "PV" under it, related stories; the reporter named
    inside a sentence ("Ghi nhận của PV ...") stays."""
    page = ("Thích Chia sẻ\n\n"
            "Sáng 13/11, giao lưu hữu nghị giữa hai quân đội chính thức bắt đầu tại Tây Ninh.\n\n"
            "Ghi nhận của PV tại cửa khẩu, ngay từ 6 giờ sáng người dân đã tập trung rất đông.\n\n"
            "Nhóm PV\n\n"
            "Tin liên quan / Related news\n\n"
            "Khai mạc lễ hội tại Tây Ninh\n")
    article = clean(page)
    assert article.sentences[1] == "Ghi nhận của PV tại cửa khẩu, ngay từ 6 giờ sáng người dân đã tập trung rất đông."
    assert "Nhóm PV" in removed(article, "credit_line")
    assert "Khai mạc lễ hội" not in article.text


def test_a_page_with_a_photo_table():
    """Thời Đại: a markdown image row, then the caption cell "... (Ảnh: TTXVN). |"."""
    page = ("Tỉnh biên giới tổ chức lễ tiếp nhận hài cốt liệt sĩ\n\n"
            "![]() |\n"
            "Lãnh đạo hai tỉnh ký biên bản bàn giao hài cốt liệt sĩ (Ảnh: TTXVN). |\n"
            "Phát biểu tại buổi lễ, lãnh đạo tỉnh cảm ơn sự giúp đỡ của nhân dân nước bạn.\n")
    article = clean(page)
    assert article.title == "Tỉnh biên giới tổ chức lễ tiếp nhận hài cốt liệt sĩ"
    assert article.text == "Phát biểu tại buổi lễ, lãnh đạo tỉnh cảm ơn sự giúp đỡ của nhân dân nước bạn."
    assert removed(article, "caption_credit") == ["Lãnh đạo hai tỉnh ký biên bản bàn giao hài cốt liệt sĩ (Ảnh: TTXVN). |"]


# --- sentences ------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Hội nghị diễn ra tại TP. Hồ Chí Minh ngày 13/11. Hai bên ký kế hoạch.",
     ["Hội nghị diễn ra tại TP. Hồ Chí Minh ngày 13/11.", "Hai bên ký kế hoạch."]),
    ("PGS.TS. Nguyễn Văn Minh và TS. Lê Thị Hoa dự hội thảo. Hội thảo kết thúc lúc 17h.",
     ["PGS.TS. Nguyễn Văn Minh và TS. Lê Thị Hoa dự hội thảo.", "Hội thảo kết thúc lúc 17h."]),
    ("Trụ sở ở Q. 1 và P. Bến Nghé. Đoàn đến lúc 9h.",
     ["Trụ sở ở Q. 1 và P. Bến Nghé.", "Đoàn đến lúc 9h."]),
    ("Cuộc gặp vào tháng 2.2025 đã phân giới được 932,7/1.137 km. Đây là kết quả quan trọng.",
     ["Cuộc gặp vào tháng 2.2025 đã phân giới được 932,7/1.137 km.", "Đây là kết quả quan trọng."]),
    ("Ngày 13/11, hai bên hội đàm. Ngày 14/11, đoàn sang Svay Rieng.",
     ["Ngày 13/11, hai bên hội đàm.", "Ngày 14/11, đoàn sang Svay Rieng."]),
    ("Đại tướng nói: “Hai bên sẽ hợp tác.” Đoàn rời Hà Nội.",
     ["Đại tướng nói: “Hai bên sẽ hợp tác.”", "Đoàn rời Hà Nội."]),
    ("Hai bên ký biên bản. Đồng thời, đoàn thăm đồn biên phòng.",
     ["Hai bên ký biên bản.", "Đồng thời, đoàn thăm đồn biên phòng."]),   # a sentence opening with Đ
])
def test_vietnamese_sentences_are_split_at_sentence_ends_only(text, expected):
    with rules_language("vi"):
        assert split_sentences(text) == expected


def test_a_full_stop_glued_to_the_next_vietnamese_sentence_is_repaired():
    article = clean("Hai bên nhất trí tăng cường hợp tác.Đây là kết quả quan trọng của hội đàm tại TP.HCM.\n")
    assert article.sentences == ("Hai bên nhất trí tăng cường hợp tác.",
                                 "Đây là kết quả quan trọng của hội đàm tại TP.HCM.")
    assert [e.text for e in article.log if e.rule == "glued_words"] == ["tác.Đây -> tác. Đây"]


def test_bulleted_headlines_of_related_stories_are_dropped_and_the_border_guards_paper_is_an_outlet():
    article = clean("Biên phòng - Sáng 3/5, hai đồn biên phòng đã hội đàm tại cửa khẩu.\n"
                    "- Hải quân hai nước tuần tra chung lần thứ 70\n"
                    "- Hai tỉnh ký kết bản ghi nhớ hợp tác bảo vệ biên giới\n\n"
                    "Hai bên thống nhất một số nội dung:\n"
                    "- Phối hợp tuần tra, kiểm soát biên giới;\n"
                    "- Trao đổi thông tin về tình hình tội phạm.\n")
    assert article.source == "Biên phòng"
    assert removed(article, "teaser") == ["- Hải quân hai nước tuần tra chung lần thứ 70",
                                          "- Hai tỉnh ký kết bản ghi nhớ hợp tác bảo vệ biên giới"]
    assert "Phối hợp tuần tra, kiểm soát biên giới;" in article.text


def test_a_trending_video_widget_label_is_navigation_not_an_online_meeting_cue():
    page = ("Hai đoàn đã hội đàm tại tỉnh Kampot.\n\n"
            "Video đang HOT\n\n"
            "Hai bên nhất trí tăng cường tuần tra chung.\n")
    article = clean(page)
    assert "Video đang HOT" in removed(article, "nav_line")
    assert all("Video" not in sentence for sentence in article.sentences)


def test_a_date_stamp_glued_to_the_title_is_the_pages_date_not_part_of_the_title():
    page = ("Quân y hai nước khám bệnh cho người dân biên giới 04/05/2026 10:30\n\n"
            "Sáng 4-5, bác sĩ quân đội hai nước khám bệnh cho bà con xã A.\n")
    article = clean(page)
    assert (article.title, article.published) == ("Quân y hai nước khám bệnh cho người dân biên giới", "2026-05-04")
    # the front matter's date comes first
    assert clean(page, published="2026-05-05").published == "2026-05-05"
