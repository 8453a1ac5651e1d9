"""Scoring against gold: the matching rules on tiny tables, and what the synthetic articles must give.

Each gold set's score minimums are checked by tests/test_gold_sets.py, from the file's header."""
from pathlib import Path

import pandas as pd
import pytest

from defcoop.evaluation.evaluate import accuracy, evaluate, format_report, load_gold

ROOT = Path(__file__).resolve().parents[1]
SYNTHETIC = ROOT / "tests" / "fixtures" / "articles"


# --- matching rules on tiny tables --------------------------------------------------------------

MEETING_COLUMNS = ["meeting_id", "article_ids", "date_start", "date_end", "date_precision", "place", "country",
                   "mechanism", "edition", "format", "vn_lead", "kh_lead"]


def meeting_row(article_ids, mechanism="ministerial_talks", day="2021-01-08", vn="Ngo Xuan Lich", kh="Tea Banh"):
    return {"meeting_id": f"{day}-{mechanism}", "article_ids": article_ids, "date_start": day, "date_end": day,
            "date_precision": "day", "place": None, "country": None, "mechanism": mechanism, "edition": None,
            "format": "online", "vn_lead": vn, "kh_lead": kh}


def tables(*meetings, themes=None, agreements=()):
    return {
        "meetings": pd.DataFrame(list(meetings), columns=MEETING_COLUMNS),
        "sentences": pd.DataFrame([{"article_id": doc, "themes": value} for doc, value in (themes or {}).items()],
                                    columns=["article_id", "themes"]),
        "agreements": pd.DataFrame([{"article_id": doc, "kind": kind} for doc, kind in agreements],
                                   columns=["article_id", "kind"]),
    }


def gold_meeting(mechanism="ministerial_talks", day="2021-01-08", **extra):
    return {"date": day, "precision": "day", "place": None, "mechanism": mechanism, "edition": None,
            "format": "online", "vn_lead": "Ngo Xuan Lich", "kh_lead": "Tea Banh", **extra}


def gold(*meetings, themes=(), agreements=()):
    return [{"doc": "a", "meetings": list(meetings), "themes": list(themes),
             "agreements": [{"kind": kind} for kind in agreements]}]


def test_matched_meeting_scores_every_field():
    report = evaluate(gold(gold_meeting()), tables(meeting_row("a")))
    assert (report.meetings["tp"], report.meetings["fp"], report.meetings["fn"]) == (1, 0, 0)
    assert all(accuracy(report, name) == 1.0 for name in report.fields)


def test_optional_gold_meeting_found_neither_rewards_nor_penalises():
    optional = gold_meeting("courtesy_call", "2021-01-09", optional=True)
    report = evaluate(gold(gold_meeting(), optional),
                      tables(meeting_row("a"), meeting_row("a", "courtesy_call", "2021-01-09")))
    assert (report.meetings["tp"], report.meetings["fp"], report.meetings["fn"]) == (1, 0, 0)
    assert report.fields["date"] == [1, 1]


def test_optional_gold_meeting_missed_is_no_miss():
    report = evaluate(gold(gold_meeting(), gold_meeting("courtesy_call", "2021-01-09", optional=True)),
                      tables(meeting_row("a")))
    assert (report.meetings["tp"], report.meetings["fp"], report.meetings["fn"]) == (1, 0, 0)


def test_extra_and_missed_meetings_are_counted():
    report = evaluate(gold(gold_meeting("defence_policy_dialogue", "2016-10-21")),
                      tables(meeting_row("a", "courtesy_call", "2021-01-08")))
    assert (report.meetings["tp"], report.meetings["fp"], report.meetings["fn"]) == (0, 1, 1)
    assert any(miss.kind == "missed meeting" for miss in report.misses)
    assert any(miss.kind == "extra meeting" for miss in report.misses)


def test_meeting_of_another_article_is_not_matched():
    report = evaluate(gold(gold_meeting()), tables(meeting_row("b")))
    assert (report.meetings["tp"], report.meetings["fn"]) == (0, 1)


def test_one_meeting_row_reported_by_two_articles_counts_in_each():
    entries = gold(gold_meeting()) + [{"doc": "b", "meetings": [gold_meeting()], "themes": [], "agreements": []}]
    report = evaluate(entries, tables(meeting_row("a;b")))
    assert report.meetings["tp"] == 2


def test_wrong_field_is_a_miss_on_a_matched_meeting():
    report = evaluate(gold(gold_meeting()), tables(meeting_row("a", kh="Tea Seiha")))
    assert report.fields["kh_lead"] == [0, 1] and report.fields["vn_lead"] == [1, 1]


def test_themes_and_agreements_counted_per_article():
    report = evaluate(gold(themes=["training", "border_patrol"], agreements=["mou", "cooperation_plan"]),
                      tables(themes={"a": "training;maritime"}, agreements=[("a", "mou"), ("a", "mou")]))
    assert (report.themes["tp"], report.themes["fp"], report.themes["fn"]) == (1, 1, 1)
    assert (report.agreements["tp"], report.agreements["fp"], report.agreements["fn"]) == (1, 1, 1)


# --- the synthetic articles (tests/fixtures/articles, gold tests/gold/synthetic.yaml) -------------
# Its score minimums are in the gold header (tests/test_gold_sets.py); the remaining misses
# are two leads outside officials.csv whose title the people finder cannot read, one date the
# cleaner cannot read from a numeric date line, and one extra pandemic theme.

@pytest.fixture(scope="module")
def synthetic_tables():
    from defcoop.build.tables import build_tables

    return build_tables(SYNTHETIC)


def test_synthetic_same_meeting_from_two_outlets_is_one_row(synthetic_tables):
    meetings = synthetic_tables["meetings"]
    ids = meetings["article_ids"].tolist()
    assert "syn08_talks_vnp;syn09_talks_nhandan" in ids
    assert not any("syn07" in value for value in ids)       # Vietnam-Laos only: no meeting


def test_a_lead_whose_name_differs_only_by_the_spaces_between_syllables_is_the_same_person():
    """Khmer names are transliterated with syllables joined or apart ("PhanNa" / "Phan Na")."""
    from defcoop.evaluation.evaluate import _field_hits

    gold = {"date": None, "place": None, "vn_lead": "Phan Van Phuc", "kh_lead": "Tac PhanNa", "mechanism": "other",
            "edition": None, "format": "in_person"}
    row = {"date_start": None, "date_end": None, "date_precision": "unknown", "place": None,
           "vn_lead": "Phan Van Phuc", "kh_lead": "Tac Phan Na", "mechanism": "other", "edition": None,
           "format": "in_person"}
    assert _field_hits(gold, row)["kh_lead"]
    assert not _field_hits(gold, {**row, "kh_lead": "Tac Phan"})["kh_lead"]


def test_a_gold_place_written_as_an_alias_is_the_gazetteer_place():
    """A gold "Tbong Khmum" names the place the extractor writes "Tboung Khmum" (places.csv)."""
    from defcoop.evaluation.evaluate import _field_hits

    gold = {"date": None, "place": "Tbong Khmum", "vn_lead": None, "kh_lead": None, "mechanism": "other",
            "edition": None, "format": "in_person"}
    row = {"date_start": None, "date_end": None, "date_precision": "unknown", "place": "Tboung Khmum",
           "vn_lead": None, "kh_lead": None, "mechanism": "other", "edition": None, "format": "in_person"}
    assert _field_hits(gold, row)["place"]
    assert not _field_hits(gold, {**row, "place": "Kampong Cham"})["place"]


def test_exact_date_is_also_scored_over_years_the_page_gives():
    """A gold year from outside the page (another report, general knowledge) counts in the exact
    date but not in `date_on_page`; one from the URL or the date line counts in both."""
    from_outside = gold_meeting("ministerial_talks", "2021-01-08", date_from_text=False)
    from_url = gold_meeting("courtesy_call", "2021-01-09", date_from_text=False)
    entries = [{"doc": "a", "url": "https://x.vn/talks-123.html", "published": None, "meetings": [from_outside],
                "themes": [], "agreements": []},
               {"doc": "b", "url": "https://x.vn/2021/01/09/call.html", "published": None, "meetings": [from_url],
                "themes": [], "agreements": []}]
    undated = dict(meeting_row("a"), date_start=None, date_end=None, date_precision="unknown")
    report = evaluate(entries, tables(undated, meeting_row("b", "courtesy_call", "2021-01-09")))
    assert report.fields["date"] == [1, 2]
    assert report.fields["date_on_page"] == [1, 1]
    assert "(the gold year is not on the page)" in format_report(report, verbose=True)
