"""Scoring against gold: the seeds thresholds, matching rules, and the synthetic articles' scores."""
from pathlib import Path

import pandas as pd
import pytest

from defcoop.evaluate import accuracy, evaluate, format_report, load_gold

ROOT = Path(__file__).resolve().parents[1]
SEEDS_GOLD = ROOT / "tests" / "gold" / "seeds.yaml"
SYNTHETIC_GOLD = ROOT / "tests" / "gold" / "synthetic.yaml"
SYNTHETIC = ROOT / "tests" / "fixtures" / "articles"


# --- the seeds: thresholds of the issue ----------------------------------------------------------

@pytest.fixture(scope="module")
def seeds_report(seed_tables):
    return evaluate(load_gold(SEEDS_GOLD), seed_tables)


def test_seed_meetings_f1_is_perfect(seeds_report):
    assert seeds_report.meetings["f1"] == 1.0


def test_seed_dates_are_exact(seeds_report):
    assert accuracy(seeds_report, "date") == 1.0


def test_seed_leads_are_right(seeds_report):
    assert accuracy(seeds_report, "both_leads") == 1.0


def test_seed_themes_f1(seeds_report):
    assert seeds_report.themes["f1"] >= 0.95


def test_seed_agreements_f1(seeds_report):
    assert seeds_report.agreements["f1"] >= 0.95


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
        "commitments": pd.DataFrame([{"article_id": doc, "themes": value} for doc, value in (themes or {}).items()],
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
# Thresholds sit just below the scores reached when the gold was written; the remaining misses
# are two leads outside officials.csv whose title the people finder cannot read, one date the
# cleaner cannot read from a numeric date line, and one extra pandemic theme.

@pytest.fixture(scope="module")
def synthetic_tables():
    from defcoop.tables import build_tables

    return build_tables(SYNTHETIC)


@pytest.fixture(scope="module")
def synthetic_report(synthetic_tables):
    return evaluate(load_gold(SYNTHETIC_GOLD), synthetic_tables)


def test_synthetic_meetings_themes_agreements(synthetic_report):
    assert synthetic_report.meetings["f1"] >= 0.95
    assert synthetic_report.themes["f1"] >= 0.95
    assert synthetic_report.agreements["f1"] >= 0.95


@pytest.mark.parametrize(("field", "minimum"), [
    ("date", 0.9), ("place", 0.9), ("both_leads", 0.9), ("mechanism", 0.9), ("edition", 0.9), ("format", 0.9),
])
def test_synthetic_meeting_fields(synthetic_report, field, minimum):
    assert accuracy(synthetic_report, field) >= minimum


def test_synthetic_same_meeting_from_two_outlets_is_one_row(synthetic_tables):
    meetings = synthetic_tables["meetings"]
    ids = meetings["article_ids"].tolist()
    assert "syn08_talks_vnp;syn09_talks_nhandan" in ids
    assert not any("syn07" in value for value in ids)       # Vietnam-Laos only: no meeting


# --- holdout-style articles (tests/fixtures/holdout_style, gold tests/gold/holdout_style.yaml) -----
# Eight scraped-page imitations written blind to the code. Thresholds sit just below the scores
# after the fixes; the remaining misses are three delegation_exchange themes the codebook gives a
# visit or a friendship exchange itself (debatable gold).
HOLDOUT_STYLE = ROOT / "tests" / "fixtures" / "holdout_style"
HOLDOUT_STYLE_GOLD = ROOT / "tests" / "gold" / "holdout_style.yaml"


@pytest.fixture(scope="module")
def holdout_style_report():
    from defcoop.tables import build_tables

    return evaluate(load_gold(HOLDOUT_STYLE_GOLD), build_tables(HOLDOUT_STYLE))


def test_holdout_style_scores(holdout_style_report):
    assert holdout_style_report.meetings["f1"] >= 0.99
    assert holdout_style_report.themes["f1"] >= 0.95
    assert holdout_style_report.agreements["f1"] >= 0.99


@pytest.mark.parametrize(("field", "minimum"), [
    ("date", 0.99), ("place", 0.99), ("both_leads", 0.99), ("mechanism", 0.99), ("edition", 0.99), ("format", 0.99),
])
def test_holdout_style_meeting_fields(holdout_style_report, field, minimum):
    assert accuracy(holdout_style_report, field) >= minimum


# --- second blind set (tests/fixtures/blind2, gold tests/gold/blind2.yaml) ------------------------
# Ten more imitations written blind to the code; their scores before the fixes they prompted are
# in the gold file's header. Thresholds sit just below the scores after the fixes; the remaining
# miss is border_patrol on a navy-only article whose signed "plan on joint patrols" reads as land
# patrols (the codebook tags sentences, and that sentence names no sea).
BLIND2 = ROOT / "tests" / "fixtures" / "blind2"
BLIND2_GOLD = ROOT / "tests" / "gold" / "blind2.yaml"


@pytest.fixture(scope="module")
def blind2_report():
    from defcoop.tables import build_tables

    return evaluate(load_gold(BLIND2_GOLD), build_tables(BLIND2))


def test_blind2_scores(blind2_report):
    assert blind2_report.meetings["f1"] >= 0.99
    assert blind2_report.themes["f1"] >= 0.97
    assert blind2_report.agreements["f1"] >= 0.99


@pytest.mark.parametrize("field", ["date", "place", "both_leads", "mechanism", "edition", "format"])
def test_blind2_meeting_fields(blind2_report, field):
    assert accuracy(blind2_report, field) >= 0.99


# --- third blind set (tests/fixtures/blind3, gold tests/gold/blind3.yaml) -------------------------
# Scores before the fixes it prompted are in the gold file's header. Remaining misses: a Military
# Region 7 commander's talks with Cambodia's army commander read as `other` (gold: border-force
# talks; the helper called `other` defensible), a year the gold infers from world knowledge, and
# a search "suspended due to COVID-19" tagged pandemic.
BLIND3 = ROOT / "tests" / "fixtures" / "blind3"
BLIND3_GOLD = ROOT / "tests" / "gold" / "blind3.yaml"


@pytest.fixture(scope="module")
def blind3_report():
    from defcoop.tables import build_tables

    return evaluate(load_gold(BLIND3_GOLD), build_tables(BLIND3))


def test_blind3_scores(blind3_report):
    assert blind3_report.meetings["f1"] >= 0.99
    assert blind3_report.themes["f1"] >= 0.98
    assert blind3_report.agreements["f1"] >= 0.99


@pytest.mark.parametrize(("field", "minimum"), [
    ("date", 0.89), ("place", 0.99), ("both_leads", 0.99), ("mechanism", 0.89), ("edition", 0.99), ("format", 0.99),
])
def test_blind3_meeting_fields(blind3_report, field, minimum):
    assert accuracy(blind3_report, field) >= minimum


# --- fourth blind set (tests/fixtures/blind4, gold tests/gold/blind4.yaml) ------------------------
# Scores on arrival are in the gold file's header. Remaining misses (left, each needs more than a
# general rule): a lead sentence whose "yesterday" only the page's heading carries, a
# Lao-Cambodian-Vietnamese military-region meeting's place and number, a regional friendship
# exchange's Vietnamese lead, the police ministers' story's courtesy call (its guest is named by
# honorific only), and the gold's "Tbong Khmum" for places.csv's "Tboung Khmum".
BLIND4 = ROOT / "tests" / "fixtures" / "blind4"
BLIND4_GOLD = ROOT / "tests" / "gold" / "blind4.yaml"


@pytest.fixture(scope="module")
def blind4_report():
    from defcoop.tables import build_tables

    return evaluate(load_gold(BLIND4_GOLD), build_tables(BLIND4))


def test_blind4_scores(blind4_report):
    assert blind4_report.meetings["f1"] >= 0.96
    assert blind4_report.themes["f1"] >= 0.95
    assert blind4_report.agreements["f1"] >= 0.89


@pytest.mark.parametrize(("field", "minimum"), [
    ("date", 0.92), ("place", 0.85), ("both_leads", 0.92), ("mechanism", 0.99), ("edition", 0.92), ("format", 0.99),
])
def test_blind4_meeting_fields(blind4_report, field, minimum):
    assert accuracy(blind4_report, field) >= minimum


def test_verbose_report_groups_misses_by_class():
    report = evaluate(gold(gold_meeting("defence_policy_dialogue", "2016-10-21"), themes=["training"]),
                      tables(meeting_row("a", "courtesy_call", "2021-01-08")))
    lines = format_report(report, verbose=True).splitlines()
    start = lines.index("misses (3), by class:")
    assert [line.strip() for line in lines[start + 1:]] == [
        "missed meeting (1):",
        "- a: missed meeting defence_policy_dialogue 2016-10-21 at None (Ngo Xuan Lich / Tea Banh)",
        "extra meeting (1):",
        "- a: extra meeting 2021-01-08-courtesy_call: courtesy_call 2021-01-08 (day) at None (Ngo Xuan Lich / Tea Banh)",
        "missed theme (1):",
        "- a: missed theme training",
    ]
