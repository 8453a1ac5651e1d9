"""Vietnamese sentence kinds (data/rules/vi/sentence_kinds.yaml) and actors, through the module that
applies them (defcoop.extract.sentences). Every sentence is written for the test."""
from __future__ import annotations

import re

import pytest

from defcoop.extract.sentences import about_other_countries, classify_sentence, sentence_actor
from defcoop.rules import _parser, load_rules, rules_language, rules_path

_REGEX_LINE = re.compile(r"^(?P<lead>\s*(?:- |[a-z_]+: ))(?P<value>'.*'|\['.*'\])(?P<comment>\s+#.*)?$")


@pytest.fixture(scope="module")
def rules():
    with rules_language("vi"):
        loaded = load_rules("sentence_kinds")
    return loaded


def test_the_vietnamese_file_has_every_key_of_the_english_one(rules):
    english = load_rules("sentence_kinds", "en")
    for key in ("commitment", "result", "result_overrides_commitment", "joint_actor", "parties_subject"):
        assert (getattr(english, key) is None) == (getattr(rules, key) is None), key


def test_the_vietnamese_examples_behave(rules):
    assert any(e.must_match for e in rules.examples) and any(not e.must_match for e in rules.examples)
    assert rules.example_failures() == []


def test_every_vietnamese_pattern_is_needed_by_an_example():
    """Each pattern replaced in turn by one that never matches: some example must fail."""
    path = rules_path("sentence_kinds", "vi")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    parse, unneeded = _parser("sentence_kinds"), []
    for index, line in enumerate(lines):
        match = _REGEX_LINE.match(line.rstrip("\n"))
        if not match:
            continue
        broken = lines[:index] + [f"{match.group('lead')}'(?!)'\n"] + lines[index + 1:]
        if not parse("".join(broken), "vi.yaml").example_failures():
            unneeded.append(f"{index + 1}: {line.strip()[:80]}")
    assert not unneeded, "\n".join(unneeded)


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Hai bên nhất trí sẽ tiếp tục phối hợp tuần tra song phương.", "commitment"),
    ("Ông đề nghị hai bên tăng cường hơn nữa công tác đào tạo.", "commitment"),
    ("Trong năm 2024, hai đơn vị đã tổ chức 12 cuộc tuần tra song phương.", "result"),
    ("Hai bên đánh giá cao kết quả đạt được và nhất trí tiếp tục phát huy.", "result"),
    ("Thượng tá Lê Văn Nam chia sẻ về kinh nghiệm của đội.", "statement"),     # chia sẻ is no "sẽ"
    ("Hai bên ủng hộ nhau trên các diễn đàn đa phương.", "statement"),        # đa phương is no "đã"
    ("Cán bộ hai đơn vị dự buổi lễ.", "statement"),                           # cán bộ is no "cần"
    ("Hai ben se tiep tuc trao doi doan cac cap.", "commitment"),             # typed without diacritics
])
def test_vietnamese_sentences_are_classified(rules, sentence, kind):
    assert classify_sentence(sentence, rules) == kind


def test_the_actor_of_a_vietnamese_sentence(rules):
    with rules_language("vi"):
        assert sentence_actor("Tại hội đàm, hai bên nhất trí tăng cường hợp tác.", [], rules) == "joint"
        assert sentence_actor("Campuchia sẽ cử học viên sang học tập.", [], rules) == "KH"
        assert sentence_actor("Nhân dân hai bên biên giới dự lễ hội.", [], rules) == "unknown"


def test_a_sentence_whose_subject_is_both_parties_is_not_about_other_countries(rules):
    with rules_language("vi"):
        assert not about_other_countries("Hải quân hai nước diễn tập cùng hải quân Thái Lan.", rules)
        assert about_other_countries("Nhật Bản và Australia tổ chức diễn tập chung.", rules)


def test_one_party_paired_with_a_third_country_is_about_that_pair(rules):
    with rules_language("vi"):
        assert about_other_countries("Ngày 2/4, Campuchia và Thái Lan bắt đầu diễn tập cứu hộ.", rules)
        assert about_other_countries("Diễn tập kéo dài 10 ngày với binh sĩ Campuchia và Thái Lan.", rules)
        assert not about_other_countries("Việt Nam, Campuchia và Thái Lan cùng diễn tập cứu hộ.", rules)
        assert not about_other_countries("Campuchia cảm ơn Thái Lan đã hỗ trợ.", rules)
        # a third country with a base in one party (named after the sentence's opening words): that pair's ties
        assert about_other_countries("Theo nhận định của một số chuyên gia trong bài phân tích mới đăng trên báo, nếu "
                                     "Nhật Bản có căn cứ quân sự tại Campuchia thì khu vực sẽ bị ảnh hưởng.", rules)
        # one party as the other country's ally (batch 47): that pair's ties, whatever bloc the sentence names next
        assert about_other_countries("Theo bài báo, Campuchia đã trở thành đồng minh thân cận của Thái Lan trong khối "
                                     "ASEAN.", rules)
        assert not about_other_countries("Campuchia là đối tác của Thái Lan trong ASEAN.", rules)
    with rules_language("en"):   # English pairs only a hyphenated compound ("a Cambodia-Thailand deal"), not "and"
        assert about_other_countries("The Cambodia-Thailand drill began on Monday.", load_rules("sentence_kinds", "en"))
        assert not about_other_countries("Cambodia and Thailand began a drill.", load_rules("sentence_kinds", "en"))


def test_the_two_countries_of_a_sentence_pairing_one_party_with_a_third_country_are_that_pair(rules):
    """"hai nước Việt Nam - Thái Lan" (batch 79): the "two countries" a sentence names are the pair it spells out, so
    visits between them are their ties, not Vietnam and Cambodia's; "hai nước" with both parties stays theirs."""
    with rules_language("vi"):
        assert about_other_countries("Ông nhấn mạnh những chuyến thăm qua lại giữa lãnh đạo hai nước Việt Nam - "
                                     "Thái Lan sẽ giúp quân đội hai nước hợp tác thực chất hơn.", rules)
        assert not about_other_countries("Ông nhấn mạnh những chuyến thăm qua lại giữa lãnh đạo hai nước Việt Nam - "
                                         "Campuchia sẽ giúp hai quân đội hợp tác cùng Thái Lan.", rules)
        assert not about_other_countries("Hải quân hai nước diễn tập cùng hải quân Thái Lan.", rules)



@pytest.mark.parametrize(("headline", "themes"), [
    ("Lễ truy điệu 12 liệt sĩ quân tình nguyện hy sinh tại Campuchia", ["remains_repatriation"]),
    ("Lễ truy điệu 12 liệt sĩ quân tình nguyện", []),
])
def test_a_headline_naming_cambodia_counts_when_the_body_names_it_once(headline, themes):
    from defcoop.extract.article import process_article
    from defcoop.ingest.corpus import RawArticle

    text = (f"{headline}\nĐợt này, Đội K52 đã quy tập được 12 hài cốt liệt sĩ tại tỉnh Kratie.\n"
            "Chỉ huy trưởng Bộ CHQS tỉnh Tây Ninh biểu dương tinh thần trách nhiệm của Đội.")
    rows = process_article(RawArticle("t", "t.md", "md", text, meta={"language": "vi"})).sentences
    assert sorted({theme for row in rows for theme in (row["themes"] or "").split(";") if theme}) == themes


def test_the_partner_country_counts_as_cambodia_when_no_other_foreign_country_is_named(rules):
    """A feature on one side's border work names Cambodia once, then "nước bạn": the article is about both
    countries, so its sentences get themes; with Laos also named, "nước bạn" is not read as Cambodia."""
    from defcoop.extract.places import find_countries
    from defcoop.extract.sentences import has_vn_kh_themes
    from defcoop.rules.text import fold

    def about_both(sentences):
        with rules_language("vi"):
            return has_vn_kh_themes([find_countries(s) for s in sentences], False, rules,
                                    folded=[fold(s) for s in sentences])

    feature = ["Chiến sĩ Việt Nam trực Tết trên tuyến biên giới với Campuchia.",
               "Lực lượng nước bạn cũng phối hợp tuần tra chung."]
    assert about_both(feature)
    assert not about_both([feature[0], "Lực lượng hai bên cũng phối hợp tuần tra chung."])
    assert not about_both([feature[0].replace("Campuchia", "Campuchia và Lào"), feature[1]])
