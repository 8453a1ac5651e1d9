"""One article end to end through `process_article` / `extract_article`: every field of the rows
it yields, checked against values written here (a page written for this test)."""
from __future__ import annotations

from defcoop.extract.article import process_article
from defcoop.ingest.corpus import RawArticle

LEAD = ("Defence Minister General Phan Van Giang held talks with Cambodian Deputy Prime Minister and "
        "Defence Minister General Tea Seiha in Hanoi on May 2.")
PLAN = "The two ministers signed the 2024 defence cooperation plan."
CAPTION = "Phan Van Giang and Tea Seiha sign a memorandum of understanding on officer training."
TRAINING = "The two sides agreed to expand joint training of officers."
PAGE = f"HANOI, May 2 - {LEAD}\n{PLAN}\n{CAPTION} (Photo: VNA)\n{TRAINING}"
META = {"title": "Ministers meet", "url": "https://example.org/a1", "published": "2024-05-03",
        "source": "Example News", "language": "English"}


def records():
    return process_article(RawArticle("a1", "news/a1.md", "md", PAGE, meta=dict(META), encoding="cp1252"))


def test_the_article_row_holds_the_page_its_metadata_and_what_cleaning_kept():
    clean_text = f"{LEAD}\n\n{PLAN}\n\n{TRAINING}"
    assert records().article_row == {
        "article_id": "a1", "title": "Ministers meet", "source": "Example News", "dateline": "HANOI",
        "url": "https://example.org/a1", "published": "2024-05-03", "language": "en", "format": "md",
        "path": "news/a1.md", "encoding": "cp1252", "chars_raw": str(len(PAGE)),
        "chars_clean": str(len(clean_text)), "n_sentences": "3", "text": clean_text,
    }


def test_the_declared_language_is_the_one_read_even_against_the_text():
    raw = RawArticle("a2", "a2.txt", "txt", TRAINING, meta={"language": "vi"})
    assert process_article(raw).article_row["language"] == "vi"


def test_the_cleaning_log_rows_name_rule_line_and_text():
    assert records().log_rows == [
        {"article_id": "a1", "action": "extracted", "rule": "dateline", "line": "1", "text": "HANOI, May 2 - "},
        {"article_id": "a1", "action": "removed", "rule": "caption_credit", "line": "3",
         "text": f"{CAPTION} (Photo: VNA)"},
    ]


def test_documents_signed_in_the_body_and_in_a_photo_caption_belong_to_the_meeting():
    found = records()
    assert [(m.key, m.mechanism) for m in found.meetings] == [(0, "ministerial_talks")]
    assert found.agreements == [
        {"agreement_id": "a1-A1", "meeting_key": 0, "article_id": "a1", "kind": "cooperation_plan",
         "subject": "2024", "sentence": PLAN},
        {"agreement_id": "a1-A2", "meeting_key": 0, "article_id": "a1", "kind": "mou",
         "subject": "officer training", "sentence": CAPTION},
    ]


def test_sentences_are_tied_to_the_meeting_and_classified():
    rows = records().sentences
    assert [(r["sentence_id"], r["meeting_key"], r["kind"], r["themes"]) for r in rows] == [
        ("a1-S000", 0, "statement", None), ("a1-S001", 0, "statement", None),
        ("a1-S002", 0, "commitment", "training")]


def test_a_document_named_again_with_the_first_words_of_its_subject_before_a_comma_is_one_document():
    from defcoop.extract.article import _drop_repeated_documents

    rows = [{"kind": "mou", "subject": "border cooperation in 2031, with a focus on drugs", "article_id": "a"},
            {"kind": "mou", "subject": "border cooperation in 2031", "article_id": "a"}]
    assert [row["subject"] for row in _drop_repeated_documents(rows)] == [
        "border cooperation in 2031, with a focus on drugs"]
