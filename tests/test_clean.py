"""Tests for defcoop.ingest.clean: synthetic articles, one shape of boilerplate each, plus the seeds."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from defcoop.ingest.clean import (
    CleanArticle,
    classify_line,
    clean_article,
    paragraph_key,
    repair_glued_words,
    split_dateline,
    split_sentences,
    strip_sign_off,
)
from defcoop.ingest.corpus import RawArticle

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
BODY = "The two armies agreed to hold joint patrols along the shared border."
BODY2 = "Both sides will also step up training cooperation next year."


def raw(text: str, meta: dict | None = None, body_line: int = 1, article_id: str = "t") -> RawArticle:
    return RawArticle(article_id, f"{article_id}.txt", "txt", text, meta or {}, "utf-8", body_line)


def clean(text: str, **kw) -> CleanArticle:
    return clean_article(raw(text, **kw))


def rules_fired(article: CleanArticle, action: str = "removed") -> set[str]:
    return {e.rule for e in article.log if e.action == action}


# ---------------------------------------------------------------- line classification


@pytest.mark.parametrize(
    "line, label",
    [
        ("Home Politics & Law", "nav_line"),
        ("Home > World > Asia", "nav_line"),
        ("Other News", "stop_marker"),
        ("Related news:", "stop_marker"),
        ("Tin liên quan", "stop_marker"),
        ("Tags: defence, Cambodia", "stop_marker"),
        ("☕ Afternoon briefing on May 20", "teaser"),
        ("October 29, 2025 - 16:46", "date_line"),
        ("Thursday, 30/10/2025 16:46 (GMT+7)", "date_line"),
        ("(Photo: VNA)", "caption_credit"),
        ("Officers at the ceremony. VNA/VNS Photo", "caption_credit"),
        ("Talks held in Hanoi ảnh 1Defence Minister at the talks", "caption_credit"),
        ("The delegation poses for a photo. |", "caption_credit"),
        ("General A (second from left) at the event.", "caption_credit"),
        ("Translated by Mai Huong", "credit_line"),
        ("Edited by Tran Anh", "credit_line"),
        ("By Nguyen Van Minh", "credit_line"),
        ("VNA", "sign_off"),
        ("— VNA/VNS", "sign_off"),
        ("./.", "sign_off"),
        ("   |", "table_pipe"),
        ("***", "no_letters"),
        (BODY, "body"),
        ("Vietnam, Cambodia beef up defence cooperation", "headline"),
    ],
)
def test_classify_line(line, label):
    assert classify_line(line) == label


@pytest.mark.parametrize("line", [
    "(Photo: VNA)", "Photos: baoquocte.vn", "Ảnh: TTXVN", "(ẢNH: TTXVN)", "xx ẢNH 12", "VNA/VNS PHOTO",
    "Officers at the ceremony. VNA Photo ", "| caption cell", "caption cell |", "(front row, third from right)",
    "(Illustrative image)", "SOURCE: VNA", "Nguồn: TTXVN", "\u017fource: VNA", "Talks held in Hanoi.",
    "VNA photo", "Photo", BODY,
])
def test_caption_hints_never_hide_a_caption(line):
    """The cheap hint check in front of the caption patterns must not change any answer."""
    from defcoop.ingest.clean import _is_caption, rules

    assert _is_caption(line, rules()) == bool(rules().caption.search(line))


# ---------------------------------------------------------------- synthetic articles


def test_stop_marker_truncates_after_body():
    art = clean(f"{BODY}\nRelated news\n- Tet fair opens in Hanoi\n{BODY2}")
    assert art.text == BODY
    assert "stop_marker" in rules_fired(art)
    assert any("Tet fair" in e.text for e in art.log)


def test_a_related_box_inside_the_article_is_dropped_and_the_article_read_on():
    lead = "Vientiane (KPL) - The three defence ministers met on Tuesday to review their joint drills."
    page = (f"{lead}\nRELATED NEWS\nLao fair draws record crowds\nNew bridge opens on the Mekong\n"
            f"{BODY}\n{BODY2}\nOther news\n- Tet fair opens in Hanoi")
    art = clean(page)
    assert art.text == f"The three defence ministers met on Tuesday to review their joint drills.\n\n{BODY}\n\n{BODY2}"
    assert [e.text for e in art.log if e.rule == "inline_box"] == [
        "RELATED NEWS", "Lao fair draws record crowds", "New bridge opens on the Mekong"]
    assert "Tet fair" in next(e.text for e in art.log if e.rule == "stop_marker")


def test_a_related_box_of_headlines_with_their_summaries_still_ends_the_article():
    teasers = ("Related\nLao fair draws record crowds\nThe fair in Luang Prabang welcomed more visitors than ever.\n"
               "New bridge opens on the Mekong\nThe bridge links two provinces and shortens the trip by an hour.")
    art = clean(f"{BODY}\n{teasers}")
    assert art.text == BODY and "inline_box" not in rules_fired(art)


def test_a_closing_box_that_is_no_related_box_ends_the_article_whatever_follows():
    art = clean(f"{BODY}\nComments\nI think the patrols are a good idea.\nThe border needs more of them, I agree.")
    assert art.text == BODY and "inline_box" not in rules_fired(art)


def test_bilingual_stop_marker_truncates_and_footer_credits_go():
    art = clean(f"{BODY}\nStory: Phuong Nhi\nTin liên quan / Related news:\n- Vietnam, Singapore hold 11th dialogue\n"
                f"Copyright © QĐND Online. All rights reserved.")
    assert art.text == BODY
    assert {"credit_line", "stop_marker"} <= set(rules_fired(art))


def test_a_long_menu_bar_in_any_language_is_navigation_and_keeps_the_date_line():
    art = clean(f"Trang chủ | Home | Tin tức | Quốc phòng - An ninh | Đối ngoại quốc phòng | Video\n"
                f"Thứ Năm, 19/12/2024 | 20:15 (GMT+7)\n{BODY}")
    assert art.text == BODY and art.published == "2024-12-19"


def test_stop_marker_in_top_menu_does_not_wipe_article():
    art = clean(f"Latest news\nTrending\n{BODY}\n{BODY2}")
    assert art.text == f"{BODY}\n\n{BODY2}"
    assert "nav_line" in rules_fired(art)


def test_trailing_headlines_dropped():
    art = clean(f"{BODY}\n{BODY2}\nHanoi metro lines to run non-stop\nVietnam hosts lantern contest")
    assert art.text == f"{BODY}\n\n{BODY2}"
    assert "trailing_headline" in rules_fired(art)


def test_a_last_paragraph_cut_off_mid_word_stays_but_a_short_trailing_headline_goes():
    cut = "They also agreed to share information and to fight smuggling and other crime along the sha"
    assert clean(f"{BODY}\n{BODY2}\n{cut}").text == f"{BODY}\n\n{BODY2}\n\n{cut}"
    assert clean(f"{BODY}\n{BODY2}\nHanoi metro lines to run non-stop").text == f"{BODY}\n\n{BODY2}"


def test_subheading_between_body_paragraphs_kept():
    art = clean(f"{BODY}\nBorder cooperation\n{BODY2}")
    assert "Border cooperation" in art.text


def test_title_from_header_and_not_in_text():
    art = clean(f"Home Politics & Law\n\nTwo armies boost border patrols\n\n{BODY}")
    assert art.title == "Two armies boost border patrols"
    assert "Two armies boost" not in art.text
    assert ("extracted", "title") in {(e.action, e.rule) for e in art.log}


def test_meta_title_wins_and_repeat_dropped():
    art = clean(f"Two armies boost border patrols\n{BODY}\nTwo armies boost border patrols.", meta={"title": "Two armies boost border patrols"})
    assert art.title == "Two armies boost border patrols"
    assert art.text == BODY
    assert "title_repeat" in rules_fired(art)


@pytest.mark.parametrize("stamp", ["27/08/2021 20:15", "27-08-2021 | 20:15 GMT+7"])
def test_published_from_numeric_date_line(stamp):
    """A stamp without letters must reach the date-line rule, not be dropped as no_letters."""
    article = clean(f"Talks held\n{stamp}\n{BODY}")
    assert article.published == "2021-08-27"
    assert "date_line" in rules_fired(article, "extracted")


def test_published_from_a_byline_bar_with_a_date_segment():
    article = clean(f"Remains returned\nNiem Chheng | Publication date 20 June 2019 | 08:45 ICT\n{BODY}")
    assert article.published == "2019-06-20"
    assert BODY in article.text and "Chheng" not in article.text


def test_a_stamp_followed_by_share_buttons_is_the_date_line_not_the_title():
    article = clean(f"05/03/2019 10:20 GMT+7 Email Print Like 3\n\nNavies hold joint drill\n\n{BODY}")
    assert (article.published, article.title) == ("2019-03-05", "Navies hold joint drill")


def test_a_menu_bar_without_a_full_date_is_not_a_date_line():
    article = clean(f"Home | Politics | 2019 | Sport\n{BODY}")
    assert article.published is None


def test_published_from_date_line_and_meta():
    assert clean(f"Talks held\nOctober 29, 2025 - 16:46\n{BODY}").published == "2025-10-29"
    assert clean(f"Talks held\nOctober 29, 2025\n{BODY}", meta={"published": "2024-01-08"}).published == "2024-01-08"


@pytest.mark.parametrize(
    "opening, place, agency",
    [
        ("Hanoi (VNA) – ", "Hanoi", "VNA"),
        ("HCM CITY — ", "HCM CITY", None),
        ("Hanoi - ", "Hanoi", None),
        ("Phnom Penh, Oct 29 (VNA) - ", "Phnom Penh", "VNA"),
        ("Phnom Penh (Xinhua) -- ", "Phnom Penh", "Xinhua"),
        ("Hà Nội (VNA) – ", "Hà Nội", "VNA"),
    ],
)
def test_dateline_variants(opening, place, agency):
    art = clean(f"Talks held\n{opening}{BODY}")
    assert art.dateline == place
    assert art.text == BODY
    if agency:
        assert art.source == agency


@pytest.mark.parametrize("text", ["Vietnam - Cambodia friendship grows stronger every year.", "Hanoi-based experts met on Monday."])
def test_no_false_dateline(text):
    assert split_dateline(text)[0] is None
    assert clean(text).text == text


def test_sign_offs_removed_and_source_taken():
    art = clean(f"{BODY}\n{BODY2} — VNA/VNS")
    assert art.source == "VNA/VNS"
    assert art.text.endswith("next year.")
    art = clean(f"{BODY[:-1]}./.\nVNA")
    assert art.text == BODY
    assert art.source == "VNA"
    assert strip_sign_off("Signed in 2021./.")[0] == "Signed in 2021."


def test_meta_source_wins():
    assert clean(f"Hanoi (VNA) – {BODY}", meta={"source": "Nhan Dan"}).source == "Nhan Dan"


def test_captions_and_credits_removed():
    text = "\n".join([
        BODY,
        "    |",
        "|",
        "General A (third from right) leads the delegation. |",
        "The two ministers at the talks. (Photo: VNA)",
        BODY2,
        "Translated by Mai Huong",
    ])
    art = clean(text)
    assert art.text == f"{BODY}\n\n{BODY2}"
    assert {"table_pipe", "caption_credit", "credit_line"} <= rules_fired(art)


def test_headline_beside_pipe_is_caption():
    art = clean(f"{BODY}\nHanoi hosted the policy dialogue\n|\n{BODY2}")
    assert "Hanoi hosted" not in art.text


def test_teasers_after_body_removed():
    art = clean(f"{BODY}\nSee more\n☕ Afternoon briefing on May 20\nCao Bang province enhances ties")
    assert art.text == BODY


def test_a_read_also_link_inside_the_body_is_dropped_and_the_article_goes_on():
    art = clean(f"{BODY}\nRead also: Navies of the region hold their first drill at sea\n{BODY2}")
    assert "Read also" not in art.text and BODY2 in art.text
    assert "teaser" in rules_fired(art)


def test_duplicate_lead_with_dateline_and_glue_dropped():
    lead = "Vietnam and Cambodia have agreed to intensify defence cooperation in 2021."
    glued = "Hanoi (VNA) – Vietnam and Cambodia have agreed tointensify defence cooperation in2021."
    art = clean(f"Talks\n\n{lead}\n\n{glued}\n\n{BODY}")
    assert art.text.count("agreed to intensify") == 1
    assert art.dateline == "Hanoi" and art.source == "VNA"
    assert "duplicate_paragraph" in rules_fired(art)


def test_paragraph_key_ignores_glue_and_diacritics():
    assert paragraph_key("Việt Nam agreed tointensify, 2021") == paragraph_key("Viet Nam agreed to intensify 2021")


def test_log_lines_follow_body_line_and_warnings_logged():
    r = RawArticle("w", "w.md", "md", f"Home\n{BODY}", {}, "cp1252", 4)
    object.__setattr__(r, "warnings", ("replaced 1 undecodable byte",))
    art = clean_article(r)
    assert LogLine(art, "nav_line") == 4
    assert ("warning", "decode") in {(e.action, e.rule) for e in art.log}


def LogLine(art: CleanArticle, rule: str) -> int:
    return next(e.line for e in art.log if e.rule == rule)


def test_hard_wrapped_lines_rejoined():
    art = clean("The two sides agreed to boost cooperation in border\nmanagement and joint patrols this year.")
    assert art.text == "The two sides agreed to boost cooperation in border management and joint patrols this year."


def test_every_removed_line_is_logged():
    text = f"Home\nTitle of the story here\n{BODY}\n(Photo: VNA)\n{BODY2}\nOther News\n- a\n- b"
    art = clean(text)
    logged = "\n".join(e.text for e in art.log)
    for line in text.split("\n"):
        assert line in art.text or line in logged


def test_empty_article():
    art = clean("")
    assert art.text == "" and art.sentences == () and art.title is None


# ---------------------------------------------------------------- glued words


@pytest.mark.parametrize(
    "glued, fixed",
    [
        ("agreed tointensify ties", "agreed to intensify ties"),
        ("stepping up borderchecks", "stepping up border checks"),
        ("contents of theProtocol", "contents of the Protocol"),
        ("Defence MinisterGen. Ngo", "Defence Minister Gen. Ngo"),
        ("Defence MinisterTea Banh", "Defence Minister Tea Banh"),
        ("ASEAN ChairmanshipYear 2020", "ASEAN Chairmanship Year 2020"),
        ("ADMM Plusand related", "ADMM Plus and related"),
        ("contents in the2020 plan", "contents in the 2020 plan"),
        ("the 2020Cooperation Plan", "the 2020 Cooperation Plan"),
        ("traditional friendship,solidary and", "traditional friendship, solidary and"),
        ("defence cooperationresults in", "defence cooperation results in"),
        ("most ofthe units", "most of the units"),
    ],
)
def test_repair_glued_words(glued, fixed):
    text, repairs = repair_glued_words(glued)
    assert text == fixed
    assert repairs


def test_word_counts_load_only_when_a_token_could_be_split():
    """The counts (most of the lexicon's load time) wait for a token worth scoring."""
    import wordsegment
    from defcoop.ingest.clean import _Lexicon, _split_token, rules

    glue = rules().glue
    lex = _Lexicon(_read_words(wordsegment.Segmenter.UNIGRAMS_FILENAME), glue)
    assert _split_token("sokhonn", lex, glue) == "sokhonn"        # a name: no split possible
    assert "counts" not in vars(lex)
    assert _split_token("borderchecks", lex, glue) == "border checks"
    assert "counts" in vars(lex) and lex.counts["border"] > lex.counts["checks"] > 0


def _read_words(path: str) -> list[str]:
    with open(path, encoding="utf-8") as file:
        return [line.split("\t", 1)[0] for line in file]


@pytest.mark.parametrize(
    "text",
    [
        "COVID-19 pandemic", "ADMM-Plus meeting", "the 2015-2019 protocol", "Resolution No. 68-NQ/TW",
        "G20 summit", "the 1990s", "the 21st century", "Su-30MK2 jets", "4G network", "H5N1 flu",
        "Gen. Chay Saingyun", "Hoàng Xuân Chiến", "McDonald and DeSantis", "YouTube channel",
        "1,000 soldiers", "3.5 percent", "Vietnam’s army",
    ],
)
def test_repair_leaves_codes_numbers_and_names(text):
    assert repair_glued_words(text) == (text, [])


@pytest.mark.parametrize("text", ["The talks were led by Colonel Kim Sowat, his deputy said.",
                                  "He thanked Colonel Kim Sowat.", "Chaired by Gen. Sok Dinat; both sides agreed."])
def test_a_name_ending_in_a_function_word_before_a_mark_stays_whole(text):
    # "Sow at," would leave "at" before the comma, where no function word stands
    assert repair_glued_words(text) == (text, [])


def test_a_name_glued_to_a_function_word_is_still_split_before_a_word():
    assert repair_glued_words("the ADMM Plusand related meetings")[0] == "the ADMM Plus and related meetings"


ORDINARY_WORDS = """
demarcation repatriation comprehensive Cambodia Cambodian Seiha Saingyun Chiến ADMM neighbourliness
neighbourship defence defense twinning gendarmerie Bavet Moc trilateral bilateral multilateral delineation cooperation
cooperative solidarity friendship fraternity comradeship ministry ministries minister ministers deputy
general generals lieutenant colonel admiral brigadier commander command commanders border borders
borderline frontier maritime naval navy coastguard peacekeeping counterterrorism cybersecurity
landmine landmines demining wartime outpost outposts airspace waterway waterways headquarters battlefield
breakthrough framework network stakeholder stakeholders overseas undertake forward become indeed another
therefore itself however nonetheless something everyone anyway within without cannot sometimes
delegation delegations exchange exchanges dialogue dialogues protocol protocols memorandum understanding
agreement agreements commitment commitments implementation implemented strengthen strengthening
enhance enhancing enhanced promote promoting consolidate consolidating substantive practical effective
effectively efficiency mechanism mechanisms personnel training trainings education political ideological
awareness patriotism tradition traditional significance importance history historical remains soldiers
voluntary martyrs search rescue humanitarian disaster relief pandemic vaccine vaccines equipment logistics
smuggling trafficking transnational crime crimes illegal entry exit patrol patrols patrolling checkpoint
checkpoints province provinces provincial district districts commune communes residents residential
welfare infrastructure connectivity facilitation economic economy investment trade gateway international
regional global stability security peace peaceful prosperity development developed developing sovereignty
territorial integrity independence neutrality nonaligned interference sincere mutual mutually beneficial
Vietnam Vietnamese Laos Lao Thailand Thai China Chinese ASEAN Hanoi Phnom Penh Tay Ninh Kampot Svay Rieng
Prey Veng Takeo Kandal Ratanakiri Mondulkiri Kratie Battambang Siem Reap Hun Manet Tea Banh Chay Saing
Giang Nguyen Phan Hoang Xuan Vinh Lich Thuong Samdech Techo Pheap Sokhonn Kun Kim Neang Phat Hing Bun
Heang Vong Pisen Yun Manet Angkor Mekong Phu Quoc Dak Nong Binh Phuoc Gia Lai Kon Tum Long An Dong Thap
ceremony inauguration anniversary celebration visit visits visited talks meeting meetings reception
courtesy counterpart counterparts envoy ambassador embassy consulate consul attache attaches
congratulated congratulate appreciated expressed affirmed reaffirmed emphasised emphasized highlighted
underlined pledged vowed agreed signed witnessed chaired cochaired hosted attended reviewed assessed
organisation organization specialised specialized recognise recognize programme programmes centre centres
""".split()


def test_ordinary_words_never_split():
    assert len(ORDINARY_WORDS) >= 200
    text = " ".join(ORDINARY_WORDS)
    fixed, repairs = repair_glued_words(text)
    assert repairs == []
    assert fixed == text


# ---------------------------------------------------------------- sentences


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sen. Lt. Gen. Hoang Xuan Chien spoke. Gen. Tea Seiha agreed.", ["Sen. Lt. Gen. Hoang Xuan Chien spoke.", "Gen. Tea Seiha agreed."]),
        ("Col. A and Maj. B met Brig. Gen. C and Adm. Dung. Then they left.", ["Col. A and Maj. B met Brig. Gen. C and Adm. Dung.", "Then they left."]),
        ("Mr. Nam met Dr. Lan in the U.S. on Monday.", ["Mr. Nam met Dr. Lan in the U.S. on Monday."]),
        ("Trade rose 3.5 percent. Exports grew.", ["Trade rose 3.5 percent.", "Exports grew."]),
        ("Resolution No. 68 was issued. It helps.", ["Resolution No. 68 was issued.", "It helps."]),
        ('He said: "We agree." The talks ended.', ['He said: "We agree."', "The talks ended."]),
        ("They signed the plan./. Next story", ["They signed the plan./.", "Next story"]),
        ("Nguyen V. Minh attended. It rained.", ["Nguyen V. Minh attended.", "It rained."]),
        ("Sen. Lieu. Gen. Tran Van Khoa spoke. It rained.", ["Sen. Lieu. Gen. Tran Van Khoa spoke.", "It rained."]),
        ("First paragraph without stop\n\nSecond one.", ["First paragraph without stop", "Second one."]),
    ],
)
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected


# ---------------------------------------------------------------- seeds


def seed(prefix: str) -> CleanArticle:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return clean_article(RawArticle(path.stem, path.name, "txt", path.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def seeds() -> dict[str, CleanArticle]:
    return {p: seed(p) for p in ("000", "001", "002", "003", "004")}


UNWANTED = [
    "Tet", "Ho Chi Minh's birthday", "Ho Chi Minh in eyes", "Cao Bang", "Guangxi", "Argentina", "Dong Ho",
    "Lazare", "Home Politics & Law", "Other News", "Trending", "See more", "Recent Posts", "(Photo:",
    "VNA/VNS Photo", "ảnh 1", "|", "front line, third from right", "Translated by", "briefing", "Morning digest",
    "snake sculptures", "lantern",
]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_has_no_boilerplate(seeds, prefix):
    text = seeds[prefix].text
    for unwanted in UNWANTED:
        assert not re.search(rf"(?<!\w){re.escape(unwanted)}(?!\w)", text), (prefix, unwanted)


BODY_MARKERS = {
    "000": ["practical results", "2016 plan", "Military Zones 5, 7, 9", "joint patrols and annual meetings",
            "international consultants", "border residents"],
    "001": ["COVID-19 pandemic", "online talks on January 8", "search and repatriation", "ADMM Plus and related meetings",
            "congratulate Vietnam on successfully", "Defence Policy Dialogue", "drug smuggling", "Cooperation Plan for 2021."],
    "002": ["training human resources", "held in HCM City on Wednesday", "Chay Saing Yun", "2025 Cooperation Plan",
            "good neighbourliness, and mutually", "defence-economic cooperation", "Laos, and Cambodia",
            "regional and global issues", "minutes of the dialogue"],
    "003": ["on November 13", "According to Vietnam News Agency", "border markers", "division levels",
            "essential foundation", "Phan Van Giang", "previous generations"],
    "004": ["first edition in 2022", "Tay Ninh province", "natural disasters", "stable environment",
            "twinning models", "strategic issue", "young officers", "non-traditional security",
            "humane treatment of fishermen", "mutual concern", "Bavet City Gendarmerie Command"],
}


@pytest.mark.parametrize("prefix", sorted(BODY_MARKERS))
def test_seed_keeps_every_body_paragraph(seeds, prefix):
    for marker in BODY_MARKERS[prefix]:
        assert marker in seeds[prefix].text, (prefix, marker)


def test_seed_001_glue_repaired_and_lead_once(seeds):
    art = seeds["001"]
    for fixed in ["to intensify", "border checks", "the Protocol", "Minister Gen. Ngo Xuan Lich", "Minister Tea Banh",
                  "cooperation results", "the 2020 Cooperation Plan", "friendship, solidary", "Chairmanship Year"]:
        assert fixed in art.text, fixed
    assert art.text.count("have agreed to intensify defence cooperation in 2021") == 1
    assert art.title == "Vietnam, Cambodia beef up defence cooperation"
    assert art.dateline == "Hanoi" and art.source == "VNA"


def test_seed_002_metadata(seeds):
    art = seeds["002"]
    assert art.published == "2025-10-29"
    assert art.dateline == "HCM CITY"
    assert "VNA" in art.source
    assert art.title.startswith("Việt Nam, Cambodia vow")
    assert "Saingyun" in art.text and "Chiến" in art.text


def test_seed_sentences_stay_inside_paragraphs(seeds):
    for art in seeds.values():
        paragraphs = art.text.split("\n\n")
        assert all(any(s in p for p in paragraphs) for s in art.sentences)
        assert "Gen." not in {s[-4:] for s in art.sentences}


# ---------------------------------------------------------------- properties

BOILERPLATE_LINES = [
    "Other News", "Home Politics & Law", "(Photo: VNA)", "|", "   |", "VNA", "./.", "— VNA/VNS", "Translated by X",
    "☕ Afternoon briefing", "October 29, 2025 - 16:46", "Hanoi (VNA) – ", "ảnh 1", "See more", "Tags:", "",
]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_clean_never_raises_on_arbitrary_text(text):
    art = clean_article(raw(text))
    assert isinstance(art.text, str)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(BOILERPLATE_LINES + [BODY, BODY2]), st.text(max_size=80)), max_size=20))
def test_clean_never_raises_on_boilerplate_mixes(lines):
    art = clean_article(raw("\n".join(lines)))
    assert "\n\n\n" not in art.text


WORD = st.text(alphabet=st.sampled_from("abcdefgHIJK.,!?\"'()-ếữ0123"), min_size=1, max_size=8)
PARAGRAPH = st.lists(WORD, min_size=1, max_size=15).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(PARAGRAPH, min_size=1, max_size=5).map("\n\n".join))
def test_split_sentences_loses_nothing(text):
    joined = "".join("".join(s.split()) for s in split_sentences(text))
    assert joined == "".join(text.split())


def test_dateline_text_keeps_the_date_written_in_the_dateline():
    raw = RawArticle(article_id="d", path="d.txt", format="txt",
                     text="Vientiane, November 20 (AKP) -- The defence ministers met here today to discuss border patrols.\n")
    article = clean_article(raw)
    assert (article.dateline, article.dateline_text) == ("Vientiane", "Vientiane, November 20 (AKP) -- ")


def test_a_hard_wrapped_paragraph_is_one_paragraph_even_where_a_line_ends_inside_a_name():
    text = ("Visiting Lieutenant General Tran Quang Minh, Commander of the Vietnam\n"
            "Border Guard, and General Chea Sopheap, head of the Cambodian Interior\n"
            "Ministry's immigration department, reached a consensus at their\n"
            "meeting in Siem Reap on Tuesday, according to the news agency.\n")
    article = clean(text)
    assert article.sentences[0].startswith("Visiting Lieutenant General Tran Quang Minh, Commander of the Vietnam Border")
    assert len(article.sentences) == 1


def test_a_plainly_hard_wrapped_block_joins_short_lines_and_names_cut_in_two():
    # three lines end inside a sentence (a lowercase start, a comma, "the"): the block is hard-wrapped,
    # so the short line and the name split over two lines are joined too
    text = ("Hanoi (VNA) - Both defence ministers opened a memorial site in the\n"
            "border province on Monday. The\n"
            "ceremony was attended by Senior General Tran\n"
            "Van Minh, the Cambodian envoy, and\n"
            "local officials.\n")
    article = clean(text)
    assert article.sentences[-1] == ("The ceremony was attended by Senior General Tran Van Minh, the Cambodian envoy, "
                                     "and local officials.")


def test_a_list_of_items_is_no_hard_wrapped_block():
    text = ("Trending\n-\nBorder guards of two provinces meet in Tay Ninh\n-\nNew bridge opens in the city of\n"
            "-\nFarmers harvest rice early,\n-\nA festival of lanterns in the old town of\n\n"
            "The two defence ministers held talks in Hanoi on Monday to review cooperation in 2024.\n")
    assert not any("Tay Ninh -" in p or "Tay Ninh New" in p for p in clean(text).text.split("\n\n"))


def test_headlines_of_similar_length_are_not_joined():
    text = ("Vietnam and Cambodia boost defence ties in the border areas\n"
            "Tay Ninh border guards hold a friendly exchange with Svay Rieng\n"
            "Remains of volunteer soldiers repatriated from Kampong Cham\n\n"
            "The two defence ministers held talks in Hanoi on Monday to review cooperation in 2024.\n")
    assert not any("border areas Tay Ninh" in p for p in clean(text).text.split("\n\n"))


def test_a_full_stop_without_its_space_still_ends_the_sentence():
    article = clean("Border guards held their second friendly exchange in Long An on March 12.Main activities "
                    "include joint patrols.A battalion signed a coordination agreement.\n")
    assert article.sentences == ("Border guards held their second friendly exchange in Long An on March 12.",
                                 "Main activities include joint patrols.", "A battalion signed a coordination agreement.")


def test_a_last_paragraph_signed_off_without_a_space_is_body_without_the_agency():
    article = clean("The two armies held talks in Hanoi on Monday to review their cooperation this year.\n\n"
                    "This also marks the 50th anniversary of diplomatic ties, he said.-VNA\n")
    assert article.sentences[-1] == "This also marks the 50th anniversary of diplomatic ties, he said."


def test_a_caption_glued_to_the_lead_paragraph_goes_and_the_paragraph_stays():
    article = clean("At the event (Photo: VNA)Hanoi (VNA) - Defence Minister Phan Van Giang welcomed General "
                    "Tea Banh, his Cambodian counterpart, in Hue on May 8.\n")
    assert article.sentences == ("Defence Minister Phan Van Giang welcomed General Tea Banh, his Cambodian "
                                 "counterpart, in Hue on May 8.",)
    assert ("removed", "caption_credit") in {(entry.action, entry.rule) for entry in article.log}


def test_a_caption_alone_is_still_a_caption():
    assert clean("Gen. Tea Banh at the talks (Photo: VNA)\n\nThe two ministers held talks in Hanoi on May 23 "
                 "to review their cooperation.\n").sentences[0].startswith("The two ministers")


def test_lieut_does_not_end_a_sentence():
    assert split_sentences("Sen. Lieut. Gen. Nguyen Van Binh met the guests. They talked.") == [
        "Sen. Lieut. Gen. Nguyen Van Binh met the guests.", "They talked."]


def test_a_feed_dateline_before_the_story_own_dateline_gives_the_story_place():
    raw = RawArticle(article_id="f", path="f.txt", format="txt",
                     text="VIETNAM, May 8 - HÀ NỘI — The two defence ministers held talks on Monday in the capital.\n")
    article = clean_article(raw)
    assert (article.dateline, article.dateline_text) == ("HÀ NỘI", "VIETNAM, May 8 - HÀ NỘI — ")
    assert article.text.startswith("The two defence ministers")


def test_caption_text_cuts_out_a_position_marker_inside_the_caption():
    from defcoop.ingest.clean import caption_text

    assert caption_text("Minister A (second from left) meets General B in Hue on May 2.") == \
        "Minister A meets General B in Hue on May 2."
    assert caption_text("Photo: Tran Van C") == ""


def test_caption_text_drops_the_credit():
    from defcoop.ingest.clean import caption_text

    assert caption_text("Two colonels sign the minutes. (Photo: VNA)") == "Two colonels sign the minutes."
    assert caption_text("No credit here") == "No credit here"


# --- The rule file ----------------------------------------------------------------------------

def _boilerplate_text() -> str:
    from defcoop.rules import rules_path

    return rules_path("boilerplate").read_text(encoding="utf-8")


def _line_of(text: str, start: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if line.startswith(start))


@pytest.mark.parametrize("old, new, start, message", [
    ("caption_hints:", "caption_hint:", "caption_hint:", "unknown key 'caption_hint'"),
    ("'\\bảnh\\s+\\d+'", "'\\bảnh\\s+(\\d+'", "    - '\\bảnh\\s+(", "'caption_patterns': bad pattern"),
    ("(?P<rest>", "(?P<body>", "  pattern: '(?P<caption>", "'glued_caption_pattern': the pattern must have the named group (?P<rest>...)"),
    ("  max_words: 25", "  max_words: many", "  max_words:", "'headline.max_words': 'many' must be an integer"),
    ('  - "on"                  # "Posted on', '  - on                    # "Posted on', "    - on ",
     "'date_line_words': True must be a string"),
    ("page_date_line: last", "page_date_line: latest", "page_date_line:",
     "'page_date_line' must be one of first, last, earliest, not 'latest'"),
])
def test_a_broken_boilerplate_file_is_reported_with_file_and_line(old, new, start, message):
    from defcoop.ingest.clean import parse_boilerplate
    from defcoop.rules import RuleFileError

    text = _boilerplate_text()
    assert text.count(old) == 1
    broken = text.replace(old, new)
    with pytest.raises(RuleFileError) as error:
        parse_boilerplate(broken, "boilerplate.yaml")
    assert str(error.value).startswith(f"boilerplate.yaml:{_line_of(broken, start)}: {message}")


def test_a_boilerplate_file_without_a_key_the_code_reads_is_refused():
    from defcoop.ingest.clean import parse_boilerplate
    from defcoop.rules import RuleFileError

    text = re.sub(r"(?m)^source_labels:\n(?:  .*\n)+", "", _boilerplate_text())
    with pytest.raises(RuleFileError, match=r"^boilerplate\.yaml:\d+: missing key 'source_labels'"):
        parse_boilerplate(text, "boilerplate.yaml")


def test_the_boilerplate_rules_come_from_the_one_loader_and_follow_the_file():
    from defcoop.ingest.clean import _label_lines, parse_boilerplate, rules
    from defcoop.rules import load_rules

    assert rules() is load_rules("boilerplate")
    text = _boilerplate_text().replace("  - nguồn                 # Vietnamese", "  - theo                  # Vietnamese")
    edited = parse_boilerplate(text, "boilerplate.yaml")
    assert classify_line("Nguồn: TTXVN") == "sign_off" and classify_line("Theo: TTXVN") != "sign_off"
    assert classify_line("Theo: TTXVN", edited) == "sign_off" and classify_line("Nguồn: TTXVN", edited) != "sign_off"
    glued = "At the event (Photo: VNA)" + BODY + " " + BODY2
    assert [line.label for line in _label_lines(glued, 1)] == ["caption_credit", "body"]   # glued_caption_pattern


# --- The examples of boilerplate.yaml ---------------------------------------------------------

def test_every_example_of_boilerplate_yaml_behaves():
    """Each must_match / must_not_match line of boilerplate.yaml, run through the module
    (`classify_line`, `split_dateline`, the glued-caption split, sentence splitting); a failure
    reads ``file:line: 'key' ...: 'line'``."""
    from defcoop.ingest.clean import rules

    failures = rules().example_failures()
    assert not failures, "\n".join(failures)


def test_every_line_rule_of_boilerplate_yaml_has_examples_both_ways():
    from defcoop.ingest.clean import EXAMPLE_LABELS, rules

    examples = rules().examples
    both = {e.rule for e in examples if e.must_match} & {e.rule for e in examples if not e.must_match}
    assert set(EXAMPLE_LABELS) | {"glued_caption_pattern", "dateline", "abbreviations", "abbreviations_before_number"} <= both


def _example_line(text: str, example: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if line.strip().startswith(f'- "{example}"'))


@pytest.mark.parametrize("old, new, example, failure", [
    ("'\\((?:file\\s+)?photos?\\s*:[^)]*\\)'", "'\\((?:file\\s+)?photoz\\s*:[^)]*\\)'",
     "Soldiers of the two armies on patrol (Photo: qdnd.vn)", "'caption_patterns' must_match not matched (classified 'headline')"),
    ("    - '^\\s*(?:file\\s+)?photos?\\s*:'", "    - '^\\s*(?:file\\s+)?photoz\\s*:'",
     "Photo: Thu Trang", "'caption_patterns' must_match not matched (classified 'headline')"),
    ("    - home                  # first", "    - homepage              # first",
     "Home > Asia > ASEAN", "'section_labels' must_match not matched (classified 'headline')"),
    ("  - Lt                    # Lieutenant", "  - Lx                    # Lieutenant",
     "Sen. Lt. Gen. Nguyen Van Binh received the delegation.", "'abbreviations' must_match not matched (2 sentences"),
])
def test_a_broken_boilerplate_rule_fails_its_examples_with_file_line_and_text(old, new, example, failure):
    from defcoop.ingest.clean import parse_boilerplate

    text = _boilerplate_text()
    assert text.count(old) == 1
    failures = parse_boilerplate(text.replace(old, new), "data/rules/en/boilerplate.yaml").example_failures()
    assert any(f.startswith(f"data/rules/en/boilerplate.yaml:{_example_line(text, example)}: {failure}")
               and f.endswith(f": {example!r}") for f in failures), failures


def test_good_neighbourship_stays_one_word():
    text = "The towns praised their good neighbourship at the fair."
    assert repair_glued_words(text) == (text, [])


def test_a_dateline_after_a_reposting_blogs_header_lines_and_the_headline_is_still_found():
    raw = RawArticle(article_id="b", path="b.txt", format="txt", text=(
        "Listen to our radio and read more news on our site every day.\n\n"
        "Follow us on the social network for the latest updates.\n\n"
        "Border commanders agree to share more information\n\n"
        "Soldiers stand in line at a border post in the rain.\n\n"
        "VIENTIANE, May 4 (Xinhua) -- The two army commanders met on Monday to discuss border patrols.\n"))
    article = clean_article(raw)
    assert article.dateline == "VIENTIANE"


def test_a_blogs_invitations_above_the_article_are_dropped_and_the_sources_stamp_dates_it():
    raw = RawArticle(article_id="b", path="b.txt", format="txt", text=(
        "Please read more news and listen to our radio every day.\n\n"
        "Follow our blog on Facebook: https://example.org/blog\n\n"
        "Friday, 9 May 2031\n\n"
        "Border commanders agree to share more information\n\n"
        "Source: Xinhua | 2031-05-08\n\n"
        "The two army commanders met on Wednesday to discuss border patrols along the shared border.\n"))
    article = clean_article(raw)
    assert article.published == "2031-05-08"
    assert "radio" not in article.text and "Facebook" not in article.text


def test_a_syndicated_page_is_dated_by_its_stamp_under_the_standfirst_and_byline_and_keeps_its_dateline():
    # standfirst, byline twice, the outlet, a photo's file name and caption, the page's stamp, then the story
    raw = RawArticle(article_id="s", path="s.txt", format="txt", text=(
        "Neighbours mark a quiet season of friendly visits along the river.\n\n"
        "Dara Kimsan\n\n"
        "Dara Kimsan\n\n"
        "The Riverside Courier\n\n"
        "pic-12.jpg\n\n"
        "Officers shake hands at the gate on March 3. PHOTO: Defence Ministry/THE RIVERSIDE COURIER\n\n"
        "March 6, 2031\n\n"
        "KAMPOT – The two armies agreed on March 3 to hold more joint patrols along the shared border.\n\n"
        f"{BODY2}\n"))
    article = clean_article(raw)
    assert article.published == "2031-03-06"
    assert article.dateline == "KAMPOT"
    assert "\n\nThe two armies agreed on March 3" in article.text and "KAMPOT" not in article.text


def test_a_date_line_after_two_body_paragraphs_still_does_not_date_an_english_page():
    raw = RawArticle(article_id="s", path="s.txt", format="txt", text=(
        f"{BODY}\n\n{BODY2}\n\nMarch 6, 2031\n\nThe talks ended with a joint statement on training and patrols.\n"))
    assert clean_article(raw).published is None
