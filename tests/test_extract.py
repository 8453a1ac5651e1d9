"""extract_article: one synthetic article in, rows that keep their article id and sentence out."""
from defcoop.ingest.clean import clean_article
from defcoop.ingest.corpus import RawArticle, load_corpus
from defcoop.extract.article import extract_article

ARTICLE = """---
title: Vietnam, Cambodia defence ministers hold talks
published: 2022-06-21
source: VNA
---
Phnom Penh (VNA) - Vietnamese Defence Minister Gen. Phan Van Giang held talks with Cambodian Deputy Premier and Defence Minister Gen. Tea Banh in Phnom Penh on June 20.

The two sides agreed to step up joint patrols along the shared border and to boost personnel training.

After the talks, the two ministers signed the cooperation plan for 2023 and a memorandum of understanding on military medicine.

The cooperation plan for 2023 was signed in the presence of senior officers.

They also agreed to consider signing an agreement on search and rescue.
"""

NO_MEETING = """---
title: Vietnam, Cambodia ties grow
published: 2022-06-21
---
Vietnam and Cambodia have signed a cooperation plan for 2023 on border patrols, officials said.

Trade between the two countries rose 10 percent last year.
"""


def extract(tmp_path, text, name="art.md"):
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    (corpus / name).write_text(text, encoding="utf-8")
    raws, _rejects = load_corpus(corpus)
    raw = next(r for r in raws if r.article_id == name.split(".")[0])
    clean = clean_article(raw)
    return clean, extract_article(clean, raw)


def test_every_row_keeps_the_article_id_and_its_sentence(tmp_path):
    clean, records = extract(tmp_path, ARTICLE)
    assert records.article_row["article_id"] == "art"
    assert [m.article_id for m in records.meetings] == ["art"]
    assert records.meetings[0].evidence_sentence in clean.sentences
    for row in records.agreements + records.sentences:
        assert row["article_id"] == "art"
        assert row["sentence"] in clean.sentences
    assert [row["sentence"] for row in records.sentences] == list(clean.sentences)


def test_meeting_read_from_the_article(tmp_path):
    _clean, records = extract(tmp_path, ARTICLE)
    meeting = records.meetings[0]
    assert (meeting.mechanism, meeting.vn_lead, meeting.kh_lead, meeting.place) == \
        ("ministerial_talks", "Phan Van Giang", "Tea Banh", "Phnom Penh")
    assert meeting.date_start.isoformat() == "2022-06-20"


def test_repeated_documents_are_one_agreement_and_considered_ones_none(tmp_path):
    _clean, records = extract(tmp_path, ARTICLE)
    assert [(a["kind"], a["subject"]) for a in records.agreements] == [
        ("cooperation_plan", "2023"), ("mou", "military medicine")]
    assert [a["agreement_id"] for a in records.agreements] == ["art-A1", "art-A2"]
    assert all(a["meeting_key"] == records.meetings[0].key for a in records.agreements)


def test_no_agreements_without_a_meeting(tmp_path):
    _clean, records = extract(tmp_path, NO_MEETING, name="plain.md")
    assert records.meetings == []
    assert records.agreements == []
    assert all(row["meeting_key"] is None for row in records.sentences)


def test_article_not_about_vietnam_and_cambodia_has_no_meeting_or_themes(tmp_path):
    text = ARTICLE.replace("Cambodian ", "Lao ").replace("Tea Banh", "Khamliang Outhakaysone") \
                  .replace("Phnom Penh", "Vientiane")
    _clean, records = extract(tmp_path, text, name="laos.md")
    assert records.meetings == []
    assert records.agreements == []
    assert all(row["themes"] is None for row in records.sentences)


def test_dateline_date_dates_a_meeting_held_this_afternoon(tmp_path):
    text = ("Vientiane, November 20 (AKP) -- Cambodian Defence Minister Gen. Tea Seiha met with Vietnamese Minister of National Defence "
            "Gen. Phan Van Giang here this afternoon on the sidelines of the 18th ASEAN Defence Ministers' Meeting.\n\n"
            "The two sides agreed to boost joint patrols along the shared border.\n")
    clean, records = extract(tmp_path, text, name="akp.txt")
    assert clean.dateline == "Vientiane"
    meeting = records.meetings[0]
    assert (meeting.date_start.isoformat(), meeting.place) == ("2024-11-20", "Vientiane")


VIETNAM_LAOS = """Hanoi (VNA) - On December 13 in Hanoi, Vietnam's Defence Minister Gen. Phan Van Giang held \
talks with Lao Deputy Premier and Defence Minister Gen. Chansamone Chanyalath.

Gen. Giang welcomed his Lao counterpart and praised cooperation in training and border protection.

Chansamone, who arrived in Hanoi from Cambodia, briefed his host on the ASEAN chairmanship.

The two ministers signed the 2023 cooperation plan between the two ministries.
"""


def test_vietnam_laos_talks_mentioning_cambodia_in_passing_give_no_meeting_or_themes(tmp_path):
    _clean, records = extract(tmp_path, VIETNAM_LAOS, name="vn_la.md")
    assert records.meetings == []
    assert records.agreements == []
    assert all(row["themes"] is None for row in records.sentences)


def test_vietnam_cambodia_meeting_after_a_vietnam_laos_one_is_the_one_reported(tmp_path):
    text = VIETNAM_LAOS + ("\nThe same week, Gen. Giang received Cambodian Deputy Prime Minister and Minister of "
                           "National Defence Gen. Tea Banh in Hanoi.\n")
    _clean, records = extract(tmp_path, text, name="vn_la_kh.md")
    assert [(m.vn_lead, m.kh_lead, m.evidence_sentence.startswith("The same week"))
            for m in records.meetings] == [("Phan Van Giang", "Tea Banh", True)]


URL_MONTH_ONLY = """---
url: https://news.example/2019/12/defence-minister-holds-talks/
---
Hanoi (VNA) - Cambodian Defence Minister Tea Banh held talks in Hanoi on December 20 with his host, General Ngo Xuan Lich.
"""


def test_a_url_month_fixes_the_year_of_a_day_without_one(tmp_path):
    _clean, records = extract(tmp_path, URL_MONTH_ONLY)
    meeting = records.meetings[0]
    assert (meeting.date_start.isoformat(), meeting.date_precision) == ("2019-12-20", "day")
    assert "URL dated 2019-12" in meeting.date_evidence


def test_a_url_day_is_the_publication_date_when_the_page_has_none(tmp_path):
    page = URL_MONTH_ONLY.replace("/2019/12/defence", "/2019-12-21/defence").replace("on December 20", "yesterday")
    clean, records = extract(tmp_path, page)
    assert clean.published == "2019-12-21"
    assert records.meetings[0].date_start.isoformat() == "2019-12-20"
    assert ("extracted", "published_from_url") in {(entry.action, entry.rule) for entry in clean.log}


def test_the_page_date_wins_over_the_url_date(tmp_path):
    page = URL_MONTH_ONLY.replace("/2019/12/defence", "/2019-12-21/defence").replace("---\nHanoi", "published: 2019-12-22\n---\nHanoi")
    clean, _records = extract(tmp_path, page)
    assert clean.published == "2019-12-22"


def test_a_document_named_without_a_subject_is_the_one_of_its_kind_named_with_one(tmp_path):
    article = """---
title: Border forces sign agreement
published: 2022-05-10
---
Vietnamese Border Guard Commander Senior Colonel Nguyen Van An and Cambodian Military Region Commander Major General Sok Dara held talks in Tay Ninh province on May 9.

Both sides sign cooperation agreement.

During the talks, the two sides signed an agreement on border cooperation, focusing on joint patrols.
"""
    _clean, records = extract(tmp_path, article, name="twice.md")
    assert [(a["kind"], a["subject"]) for a in records.agreements] == [("agreement", "border cooperation")]


def test_a_back_reference_to_a_signed_document_is_not_another_document():
    raw = RawArticle(article_id="b", path="b.txt", format="txt", text=(
        "Hanoi (VNA) - On Monday, Vietnam and Cambodia signed a new cooperation plan for 2031.\n\n"
        "The signing of the agreement highlighted the defence ties between the two countries.\n"))
    records = extract_article(clean_article(raw), raw)
    assert [row["kind"] for row in records.agreements] == ["cooperation_plan"]
    assert "back_reference" not in records.agreements[0]


CAPTIONED = """---
title: Border officers meet
published: 2031-03-12
---
Maj. Gen. Tran Quoc Hai (L) signs a memorandum of understanding on logistics cooperation with Lieut. Gen. Sok Vanna. (Photo: VNA)

Speaking at the talks held in Hanoi on March 11, Hai said the two armies should work closely on border security.

Sok Vanna, for his part, thanked the Vietnamese side for its support.
"""


def test_a_photo_caption_introduces_the_leads_and_shows_a_signed_document(tmp_path):
    clean, records = extract(tmp_path, CAPTIONED, name="captioned.md")
    assert any(entry.rule == "caption_credit" for entry in clean.log)      # the caption is not body text
    assert [(m.vn_lead, m.kh_lead) for m in records.meetings] == [("Tran Quoc Hai", "Sok Vanna")]
    assert [a["kind"] for a in records.agreements] == ["mou"]
    assert records.agreements[0]["subject"].startswith("logistics cooperation")
    assert "(Photo" not in records.agreements[0]["sentence"]


def test_a_caption_adds_no_document_of_a_kind_the_body_names(tmp_path):
    article = CAPTIONED.replace("Sok Vanna, for his part,",
                                "That day the ministries signed a memorandum of understanding on border cooperation. Sok Vanna")
    _clean, records = extract(tmp_path, article, name="both.md")
    assert [(a["kind"], a["subject"]) for a in records.agreements] == [("mou", "border cooperation")]


REBURIAL = """---
title: Province reburies soldiers' remains
published: 2031-04-11
---
The province of Long An on April 11 held a reburial service for the remains of 12 Vietnamese volunteer soldiers who died in Cambodia.

The remains were found by the provincial search team last season.
"""


def test_a_reburial_with_nobody_of_cambodia_is_no_meeting_but_keeps_its_themes(tmp_path):
    _clean, records = extract(tmp_path, REBURIAL, name="reburial.md")
    assert records.meetings == []
    assert "remains_repatriation" in (records.sentences[0]["themes"] or "")


def test_a_reburial_attended_by_cambodian_army_representatives_is_a_meeting(tmp_path):
    text = REBURIAL.replace("last season.", "last season.\n\nRepresentatives of the Royal Cambodian Army attended.")
    _clean, records = extract(tmp_path, text, name="reburial2.md")
    assert [m.mechanism for m in records.meetings] == ["repatriation_ceremony"]
