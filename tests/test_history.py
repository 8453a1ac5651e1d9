"""defcoop.present.history: data shaping for notebooks 04-06, on tiny hand-made tables."""
from datetime import date

import pandas as pd
import pytest

from defcoop.present import history as h
from defcoop.extract.people import Official


def dates(*values):
    return pd.to_datetime(list(values))


def meetings_frame(rows):
    """rows: (meeting_id, date or None, vn_lead, kh_lead[, precision])."""
    frame = pd.DataFrame(
        [(r[0], r[1], r[2], r[3], r[4] if len(r) > 4 else "day") for r in rows],
        columns=["meeting_id", "date_start", "vn_lead", "kh_lead", "date_precision"])
    frame["date_start"] = pd.to_datetime(frame["date_start"])
    return frame


MEETINGS = meetings_frame([
    ("2016-10-21-dpd", "2016-10-21", "Nguyen Chi Vinh", "Neang Phat"),
    ("2021-01-08-talks", "2021-01-08", "Ngo Xuan Lich", "Tea Banh"),
    ("undated-talks", None, None, "Tea Seiha"),
    ("2025-01-01-bfe", "2025-01-01", "Phan Van Giang", "Tea Seiha", "year"),
])


def agreements_frame(rows):
    """rows: (agreement_id, meeting_id, kind, subject)."""
    frame = pd.DataFrame(rows, columns=["agreement_id", "meeting_id", "kind", "subject"])
    return frame.assign(article_id=frame["agreement_id"].str.split("-").str[0], sentence="s")


AGREEMENTS = agreements_frame([
    ("b-A1", "2021-01-08-talks", "cooperation_plan", "2021"),
    ("d-A1", "2025-01-01-bfe", "cooperation_plan", "2026"),
    ("d-A2", "2025-01-01-bfe", "mou", "personnel training"),
    ("c-A1", "undated-talks", "protocol", "2020 - 2024"),
])


# --- helpers -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("2021", (2021, 2021)), ("2025-2029", (2025, 2029)), ("2020 – 2024", (2020, 2024)),
    ("the 2016 plan", (2016, 2016)), ("2029-2025", (None, None)), ("dialogue", (None, None)),
    (None, (None, None)), (pd.NA, (None, None)),
])
def test_parse_period(text, expected):
    assert h.parse_period(text) == expected


def test_decimal_year_keeps_nat():
    years = h.decimal_year(pd.Series(dates("2020-01-01", "2021-07-02", None)))
    assert years.iloc[0] == 2020.0
    assert 2021.49 < years.iloc[1] < 2021.51
    assert pd.isna(years.iloc[2])


def test_theme_labels():
    class Theme:
        def __init__(self, id, label):
            self.id, self.label = id, label
    assert h.theme_labels([Theme("maritime", "Maritime cooperation")]) == {"maritime": "Maritime cooperation"}


# --- 04 agreements -------------------------------------------------------------------------------

def test_signed_per_year_counts_kinds_and_puts_undated_last():
    table = h.signed_per_year(AGREEMENTS, MEETINGS)
    assert list(table.index) == ["2021", "2025", "undated"]
    assert list(table.columns) == ["Cooperation plan", "Protocol", "MoU"]
    assert table.loc["2025"].tolist() == [1, 0, 1]
    assert table.loc["undated", "Protocol"] == 1


def test_signed_per_year_empty():
    table = h.signed_per_year(AGREEMENTS.iloc[0:0], MEETINGS)
    assert table.empty


def test_signed_list_sorted_with_labels():
    table = h.signed_list(AGREEMENTS, MEETINGS)
    assert table["agreement_id"].tolist() == ["b-A1", "d-A1", "d-A2", "c-A1"]
    assert table["kind"].tolist()[:3] == ["Cooperation plan", "Cooperation plan", "MoU"]
    assert pd.isna(table["date"].iloc[-1])


def test_signed_periods_keeps_plans_and_protocols_with_a_period():
    table = h.signed_periods(AGREEMENTS, MEETINGS)
    assert table["agreement_id"].tolist() == ["b-A1", "d-A1", "c-A1"]
    assert table["period"].tolist() == ["2021", "2026", "2020-2024"]
    assert table.loc[2, ["start_year", "end_year"]].tolist() == [2020, 2024]
    assert pd.isna(table.loc[2, "date"])


def commitments_frame(rows):
    """rows: (sentence_id, meeting_id, kind, themes, sentence)."""
    frame = pd.DataFrame(rows, columns=["sentence_id", "meeting_id", "kind", "themes", "sentence"])
    return frame.assign(article_id=frame["sentence_id"].str.split("-").str[0])


def test_find_document_mentions_reads_the_press_phrasings():
    commitments = commitments_frame([
        ("a-S1", "2016-10-21-dpd", "result", None,
         "Units implemented contents in the protocol on bilateral defence cooperation for 2015-2019 and the 2016 plan."),
        ("b-S3", "2021-01-08-talks", "commitment", None,
         "They agreed to continue carrying out the Protocol for 2020-2024 period and the 2021 Cooperation Plan."),
        ("b-S4", "2021-01-08-talks", "result", None, "After the talks, they signed the Cooperation Plan for 2021."),
        ("b-S5", "2021-01-08-talks", "statement", None, "They agreed to intensify cooperation in 2021."),
        ("e-S0", None, "statement", None, "The Protocol on Bilateral Defence Cooperation for the 2025–2029 period."),
        ("e-S1", None, "statement", None, None),
    ])
    found = h.find_document_mentions(commitments, MEETINGS)
    assert list(zip(found["sentence_id"], found["kind"], found["period"])) == [
        ("a-S1", "protocol", "2015-2019"), ("a-S1", "cooperation_plan", "2016"),
        ("b-S3", "protocol", "2020-2024"), ("b-S3", "cooperation_plan", "2021"),
        ("b-S4", "cooperation_plan", "2021"), ("e-S0", "protocol", "2025-2029"),
    ]
    assert found.loc[0, "date"] == pd.Timestamp("2016-10-21")
    assert pd.isna(found.loc[5, "date"])
    assert found.loc[0, "sentence"].startswith("Units implemented")
    assert found.loc[0, "article_id"] == "a"


def test_find_document_mentions_empty():
    found = h.find_document_mentions(commitments_frame([]), MEETINGS)
    assert found.empty and "period" in found.columns


def test_drop_signings_keeps_other_articles_and_periods():
    mentions = pd.DataFrame({"article_id": ["b", "b", "x"], "kind": ["cooperation_plan", "protocol", "cooperation_plan"],
                             "period": ["2021", "2020-2024", "2021"]})
    signed = pd.DataFrame({"article_id": ["b"], "kind": ["cooperation_plan"], "period": ["2021"]})
    kept = h.drop_signings(mentions, signed)
    assert list(zip(kept["article_id"], kept["period"])) == [("b", "2020-2024"), ("x", "2021")]


def test_document_timeline_merges_signed_and_mentioned():
    signed = h.signed_periods(AGREEMENTS, MEETINGS)
    mentions = pd.DataFrame({"sentence_id": ["a-S1", "x-S2"], "kind": ["protocol", "cooperation_plan"],
                             "period": ["2015-2019", "2021"], "start_year": [2015, 2021], "end_year": [2019, 2021],
                             "date": dates("2016-10-21", "2022-01-01")})
    timeline = h.document_timeline(signed, mentions)
    assert timeline["document"].tolist() == [
        "Protocol 2015-2019", "Protocol 2020-2024", "Cooperation plan 2021", "Cooperation plan 2026"]
    plan = timeline.set_index("document").loc["Cooperation plan 2021"]
    assert plan["status"] == h.SIGNED and plan["signed_at"] == "2021-01-08-talks" and plan["mentioned_in"] == "x-S2"
    assert plan["first_seen"] == pd.Timestamp("2021-01-08")
    assert timeline.set_index("document").loc["Protocol 2015-2019", "status"] == h.MENTIONED
    assert timeline["y"].tolist() == [0, 1, 2, 3]


def test_document_timeline_empty():
    signed = h.signed_periods(AGREEMENTS.iloc[0:0], MEETINGS)
    mentions = h.find_document_mentions(commitments_frame([]), MEETINGS)
    assert h.document_timeline(signed, mentions).empty


def test_document_marks_skip_undated():
    signed = h.signed_periods(AGREEMENTS, MEETINGS)
    mentions = h.find_document_mentions(commitments_frame([]), MEETINGS)
    timeline = h.document_timeline(signed, mentions)
    marks = h.document_marks(timeline, signed, mentions)
    assert marks["id"].tolist() == ["b-A1", "d-A1"]          # c-A1's meeting has no date
    assert set(marks["mark"]) == {"signed"}
    assert marks["y"].tolist() == timeline.set_index("period").loc[["2021", "2026"], "y"].tolist()
    empty = h.document_marks(h.document_timeline(signed.iloc[0:0], mentions), signed.iloc[0:0], mentions)
    assert empty.empty


# --- 05 people and roles ---------------------------------------------------------------------------

PARTICIPANTS = pd.DataFrame({
    "meeting_id": ["2016-10-21-dpd", "2016-10-21-dpd", "2016-10-21-dpd", "undated-talks"],
    "person": ["Nguyen Chi Vinh", "Neang Phat", "Sao Sokha", "Tea Seiha"],
    "country": ["VN", "KH", "KH", "KH"],
    "role": ["deputy_defence_minister", "deputy_defence_minister", "service_commander", pd.NA],
})


def test_officials_frame():
    officials = [Official("A", "VN", "defence_minister", 6, "Minister", date(2016, 4, 9), None, ("a",), "src"),
                 Official("A", "VN", "other_official", 11, "Director", None, date(2016, 4, 9), (), "src")]

    class Role:
        label = "Minister of National Defence"
    frame = h.officials_frame(officials, {"defence_minister": Role()})
    assert frame["role_label"].tolist() == ["Minister of National Defence", "other_official"]
    assert frame["term_start"].iloc[0] == pd.Timestamp("2016-04-09") and pd.isna(frame["term_start"].iloc[1])
    assert pd.isna(frame["term_end"].iloc[0])


def test_people_at_meetings_leads_first_and_missing_leads():
    people = h.people_at_meetings(MEETINGS, PARTICIPANTS)
    first = people[people["meeting_id"] == "2016-10-21-dpd"]
    assert first["person"].tolist() == ["Nguyen Chi Vinh", "Neang Phat", "Sao Sokha"]
    assert first["lead"].tolist() == [True, True, False]
    assert first["role"].tolist() == ["deputy_defence_minister", "deputy_defence_minister", "service_commander"]
    undated = people[people["meeting_id"] == "undated-talks"]
    assert undated["person"].tolist() == ["Tea Seiha"] and undated["lead"].tolist() == [True]
    assert pd.isna(undated["date"].iloc[0])
    assert len(people) == 8          # no duplicate rows for leads also listed as participants


def test_timeline_window():
    assert h.timeline_window(pd.Series(dates("2016-10-21")), "2025-12-31", pad_years=1) == (
        pd.Timestamp("2015-01-01"), pd.Timestamp("2025-12-31"))
    start, end = h.timeline_window(pd.Series(dates(None)), "2025-12-31")
    assert start == pd.Timestamp("2015-01-01") and end == pd.Timestamp("2025-12-31")


def gantt_officials():
    rows = [
        ("Tea Banh", "KH", "defence_minister", "Defence minister", 6, None, "2023-08-22"),
        ("Tea Banh", "KH", "deputy_prime_minister", "Deputy PM", 5, "2004-07-16", "2023-08-22"),
        ("Tea Seiha", "KH", "defence_minister", "Defence minister", 6, "2023-08-22", None),
        ("Ngo Xuan Lich", "VN", "defence_minister", "Defence minister", 6, "2016-04-09", "2021-04-08"),
        ("Ngo Xuan Lich", "VN", "other_official", "Other", 11, "2011-01-01", "2016-04-09"),
        ("Someone Else", "VN", "defence_minister", "Defence minister", 6, "2000-01-01", "2005-01-01"),
    ]
    frame = pd.DataFrame(rows, columns=["person", "country", "role", "role_label", "rank", "term_start", "term_end"])
    frame["term_start"] = pd.to_datetime(frame["term_start"])
    frame["term_end"] = pd.to_datetime(frame["term_end"])
    return frame


def test_people_gantt_rows_bars_and_marks():
    appearances = h.people_at_meetings(MEETINGS, PARTICIPANTS)
    bars, marks = h.people_gantt(gantt_officials(), appearances, pd.Timestamp("2014-01-01"), pd.Timestamp("2025-12-31"))
    assert "Someone Else" not in set(bars["person"])                     # not at any meeting
    lich = bars[bars["person"] == "Ngo Xuan Lich"].set_index("role")
    assert bool(lich.loc["other_official", "open_start"]) and lich.loc["other_official", "bar_start"] == pd.Timestamp("2014-01-01")
    assert bool(bars.set_index("person").loc["Tea Seiha", "open_end"])
    assert bars.set_index("person").loc["Tea Seiha", "bar_end"] == pd.Timestamp("2025-12-31")
    # Tea Banh, no participant role: highest-ranked covering term (deputy PM outranks defence minister)
    banh = marks[marks["person"] == "Tea Banh"]
    assert banh["row"].tolist() == ["Tea Banh: Deputy PM"]
    # people without a term on record get their own row; an undated meeting has no x
    assert "Nguyen Chi Vinh: no term on record" in set(marks["row"])
    seiha = marks[marks["meeting_id"] == "undated-talks"]
    assert seiha["row"].tolist() == ["Tea Seiha: no term on record"] and pd.isna(seiha["x"].iloc[0])
    # VN rows before KH rows, y dense from 0
    rows = h.gantt_rows(bars, marks)
    assert rows["y"].tolist() == list(range(len(rows)))
    countries = [("VN" if r.split(":")[0] in ("Ngo Xuan Lich", "Nguyen Chi Vinh", "Phan Van Giang") else "KH") for r in rows["row"]]
    assert countries == sorted(countries, key=lambda c: c != "VN")


def test_people_gantt_empty():
    appearances = h.people_at_meetings(MEETINGS.iloc[0:0], PARTICIPANTS.iloc[0:0])
    bars, marks = h.people_gantt(gantt_officials(), appearances, pd.Timestamp("2014-01-01"), pd.Timestamp("2025-12-31"))
    assert bars.empty and marks.empty and h.gantt_rows(bars, marks).empty


def test_meeting_edges_leads_and_participants():
    appearances = h.people_at_meetings(MEETINGS, PARTICIPANTS)
    edges = h.meeting_edges(appearances)
    first = edges[edges["meeting_id"] == "2016-10-21-dpd"]
    assert list(zip(first["person_a"], first["person_b"], first["kind"])) == [
        ("Nguyen Chi Vinh", "Neang Phat", "leads"), ("Nguyen Chi Vinh", "Sao Sokha", "participant")]
    assert edges[edges["meeting_id"] == "undated-talks"].empty        # only one side known


def test_meeting_edges_unknown_country_and_no_other_lead():
    appearances = pd.DataFrame({
        "meeting_id": ["m", "m", "m", "n", "n"], "date": dates("2020-01-01", "2020-01-01", "2020-01-01", None, None),
        "person": ["A", "B", "X", "C", "D"], "country": ["VN", "KH", None, "VN", "KH"],
        "lead": [True, True, False, True, False]})
    edges = h.meeting_edges(appearances)
    assert sorted(zip(edges["person_a"], edges["person_b"])) == [("A", "B"), ("A", "X"), ("B", "X"), ("C", "D")]


def test_country_of_edge():
    appearances = pd.DataFrame({"person": ["A", "A"], "country": [None, "KH"]})
    assert h.country_of_edge(appearances, "A") == "KH"
    assert h.country_of_edge(appearances, "Z") is None


def test_network_nodes_columns_and_order():
    appearances = h.people_at_meetings(MEETINGS, PARTICIPANTS)
    nodes = h.network_nodes(appearances).set_index("person")
    assert nodes.loc["Tea Seiha", "meetings"] == 2 and nodes.loc["Tea Seiha", "led"] == 2
    assert nodes.loc["Nguyen Chi Vinh", ["x", "y"]].tolist() == [0.0, 0.0]
    assert nodes.loc["Neang Phat", ["x", "y"]].tolist() == [1.0, 0.0]
    assert nodes.loc["Sao Sokha", "led"] == 0
    assert h.network_nodes(appearances.iloc[0:0]).empty


def test_edge_weights_counts_meetings_per_pair():
    edges = pd.DataFrame({"meeting_id": ["m1", "m2", "m2"], "date": dates("2019-12-04", "2021-01-08", "2021-01-08"),
                          "person_a": ["A", "A", "A"], "person_b": ["B", "B", "C"],
                          "kind": ["leads", "leads", "participant"]})
    pairs = h.edge_weights(edges)
    assert pairs.to_dict("records") == [
        {"person_a": "A", "person_b": "B", "meetings": 2, "as_leads": 2, "years": "2019, 2021", "meeting_ids": "m1;m2"},
        {"person_a": "A", "person_b": "C", "meetings": 1, "as_leads": 0, "years": "2021", "meeting_ids": "m2"},
    ]
    assert h.edge_weights(edges.iloc[0:0]).empty


# --- 06 commitment ledger --------------------------------------------------------------------------

LEDGER_MEETINGS = meetings_frame([
    ("m2016", "2016-10-21", "A", "B"), ("m2021", "2021-01-08", "A", "B"),
    ("m2023", "2023-11-13", "A", "B"), ("m2025", "2025-01-01", "A", "B", "year"),
    ("mnone", None, "A", "B"),
])
ARTICLES = pd.DataFrame({"article_id": ["a", "b", "c", "d", "e", "f"],
                         "published": dates(None, None, None, None, None, "2024-05-01")})
COMMITMENTS = commitments_frame([
    ("a-S1", "m2016", "commitment", "training;border_patrol", "pledge 2016"),
    ("a-S2", "m2016", "result", "border_patrol", "result 2016"),
    ("b-S1", "m2021", "commitment", "training", "repeat 2021"),
    ("b-S2", "m2021", "result", "training", "done 2021"),
    ("b-S3", "m2021", "statement", "maritime", "statement, ignored"),
    ("c-S1", "m2023", "commitment", "border_demarcation", "pledge 2023"),
    ("d-S1", "m2025", "commitment", "border_demarcation;maritime", "repeat 2025"),
    ("d-S2", "m2025", "commitment", None, "no theme, ignored"),
    ("e-S1", "mnone", "result", "maritime", "undated result"),
    ("f-S1", None, "commitment", "search_rescue", "dated by publication"),
])


def test_theme_events_one_row_per_theme_with_dates():
    events = h.theme_events(COMMITMENTS, LEDGER_MEETINGS, ARTICLES)
    assert list(zip(events["sentence_id"], events["theme"]))[:2] == [("a-S1", "training"), ("a-S1", "border_patrol")]
    assert "b-S3" not in set(events["sentence_id"]) and "d-S2" not in set(events["sentence_id"])
    by_id = events.drop_duplicates("sentence_id").set_index("sentence_id")
    assert by_id.loc["f-S1", "date"] == pd.Timestamp("2024-05-01") and by_id.loc["f-S1", "date_source"] == "published"
    assert pd.isna(by_id.loc["e-S1", "date"]) and by_id.loc["e-S1", "date_source"] == "none"
    assert by_id.loc["d-S1", "date_precision"] == "year"
    assert by_id.loc["a-S1", "sentence"] == "pledge 2016"


def test_commitment_ledger_statuses_and_lag():
    events = h.theme_events(COMMITMENTS, LEDGER_MEETINGS, ARTICLES)
    ledger = h.commitment_ledger(events).set_index("theme")
    assert list(ledger.index) == ["border_patrol", "training", "border_demarcation", "search_rescue", "maritime"]
    training = ledger.loc["training"]
    assert training["status"] == "reported done" and training["times_repeated"] == 1
    assert training["first_reported_done"] == pd.Timestamp("2021-01-08") and training["result_ids"] == "b-S2"
    assert training["lag_days"] == (pd.Timestamp("2021-01-08") - pd.Timestamp("2016-10-21")).days
    assert training["lag_years"] == 4.2 and training["lag_precision"] == "day"
    # a result in the same article as the first pledge is not a follow-through
    assert ledger.loc["border_patrol", "status"] == "not heard of again"
    demarcation = ledger.loc["border_demarcation"]
    assert demarcation["status"] == "repeated" and demarcation["repeat_ids"] == "d-S1" and pd.isna(demarcation["lag_days"])
    assert ledger.loc["search_rescue", "status"] == "not heard of again"
    maritime = ledger.loc["maritime"]
    assert maritime["undated_rows"] == 1 and maritime["status"] == "not heard of again"


def test_commitment_ledger_year_precision_lag_is_flagged():
    events = pd.DataFrame({"sentence_id": ["a-S1", "b-S1"], "article_id": ["a", "b"],
                           "date": dates("2023-11-13", "2025-01-01"), "date_precision": ["day", "year"],
                           "kind": ["commitment", "result"], "theme": ["x", "x"]})
    assert h.commitment_ledger(events)["lag_precision"].tolist() == ["year"]


def test_commitment_ledger_empty_and_no_results():
    events = h.theme_events(COMMITMENTS.iloc[0:0], LEDGER_MEETINGS, ARTICLES)
    assert h.commitment_ledger(events).empty
    pledges_only = h.theme_events(COMMITMENTS[COMMITMENTS["kind"] == "commitment"], LEDGER_MEETINGS, ARTICLES)
    ledger = h.commitment_ledger(pledges_only)
    assert "reported done" not in set(ledger["status"]) and ledger["first_reported_done"].isna().all()


def test_ledger_points_one_dot_per_article_theme_kind():
    events = h.theme_events(COMMITMENTS, LEDGER_MEETINGS, ARTICLES)
    ledger = h.commitment_ledger(events)
    points = h.ledger_points(events, ledger)
    assert points["date"].notna().all()
    assert set(points["mark"]) == {"pledge", "reported result"}
    assert points.groupby(["theme", "article_id", "mark"]).size().max() == 1
    training = points[points["theme"] == "training"]
    assert training["mark"].tolist() == ["pledge", "pledge", "reported result"]
    assert set(training["y"]) == {int(ledger.index[ledger["theme"] == "training"][0])}
    assert h.ledger_points(events, ledger.iloc[0:0]).empty


def test_events_by_article():
    events = h.theme_events(COMMITMENTS, LEDGER_MEETINGS, ARTICLES)
    table = h.events_by_article(events)
    assert table["article_id"].tolist() == ["a", "b", "c", "f", "d", "e"]          # date order, undated last
    first = table.iloc[0]
    assert (first["pledge_rows"], first["result_rows"], first["themes"]) == (2, 1, "border_patrol;training")
    assert h.events_by_article(events.iloc[0:0]).empty


def test_add_labels_status_counts_lag_segments_trail():
    events = h.theme_events(COMMITMENTS, LEDGER_MEETINGS, ARTICLES)
    ledger = h.add_labels(h.commitment_ledger(events), {"training": "Personnel training"})
    assert list(ledger.columns[:2]) == ["theme", "label"]
    assert ledger.set_index("theme").loc["training", "label"] == "Personnel training"
    assert h.status_counts(ledger).to_dict("records") == [
        {"status": "reported done", "themes": 1}, {"status": "repeated", "themes": 1},
        {"status": "not heard of again", "themes": 3}]
    segments = h.lag_segments(ledger)
    assert segments["theme"].tolist() == ["training"] and segments["y"].tolist() == [1]
    assert segments["x_start"].iloc[0] < segments["x_end"].iloc[0]
    trail = h.trail(events, "border_demarcation")
    assert trail["sentence_id"].tolist() == ["c-S1", "d-S1"] and trail["sentence"].tolist() == ["pledge 2023", "repeat 2025"]
    assert h.trail(events, "nothing").empty
