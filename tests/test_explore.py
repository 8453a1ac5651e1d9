"""The explorer's shaping: selections in, the meetings, counts and source sentences out."""
import pandas as pd

from defcoop.present.explore import Selection, example_tables, meeting_sources, options, select_meetings, theme_year_counts


def _with_undated(tables):
    meetings = tables["meetings"]
    undated = meetings.iloc[[0]].assign(meeting_id="undated-other", mechanism="other", date_start=pd.NaT,
                                        date_end=pd.NaT, date_precision="unknown", article_ids="a2")
    return {**tables, "meetings": pd.concat([meetings, undated], ignore_index=True)}


def test_no_selection_keeps_every_meeting_undated_last():
    chosen = select_meetings(_with_undated(example_tables()), Selection())
    assert chosen["meeting_id"].tolist()[-1] == "undated-other"
    assert len(chosen) == 4


def test_a_year_range_drops_undated_meetings_and_keeps_overlapping_intervals():
    tables = _with_undated(example_tables())
    tables["meetings"].loc[1, ["date_start", "date_end"]] = pd.to_datetime(["2019-01-01", "2020-12-31"])
    chosen = select_meetings(tables, Selection(years=(2020, 2020)))
    assert chosen["meeting_id"].tolist() == ["2019-03-02-courtesy_call"]   # a 2019-2020 interval overlaps 2020


def test_themes_select_meetings_with_any_of_them_and_are_listed():
    chosen = select_meetings(example_tables(), Selection(themes=("training", "trilateral")))
    assert chosen["meeting_id"].tolist() == ["2019-03-01-ministerial_talks", "2021-01-08-ministerial_talks"]
    assert chosen["themes"].tolist() == ["training", "training"]


def test_language_keeps_meetings_reported_in_it():
    tables = example_tables()
    tables["articles"].loc[1, "language"] = "vi"
    assert select_meetings(tables, Selection(language="vi"))["meeting_id"].tolist() == ["2021-01-08-ministerial_talks"]


def test_an_empty_selection_result_gives_empty_counts():
    tables = example_tables()
    chosen = select_meetings(tables, Selection(person="Nobody"))
    assert chosen.empty
    assert theme_year_counts(tables, chosen).empty


def test_counts_span_every_year_with_zeros():
    tables = example_tables()
    counts = theme_year_counts(tables, select_meetings(tables, Selection()))
    assert counts.to_dict("index") == {"training": {2019: 1, 2020: 0, 2021: 1}}


def test_sources_name_article_url_and_precision_evidence_first():
    sources = meeting_sources(example_tables(), "2019-03-01-ministerial_talks")
    assert sources.iloc[0][["article_id", "url", "date_precision", "evidence"]].tolist() == [
        "a1", "https://example.org/a1", "day", True]
    assert meeting_sources(example_tables(), "no-such-meeting").empty


def test_options_follow_the_codebook_order_and_cope_with_no_meetings():
    tables = example_tables()
    assert options(tables, ["trilateral", "training"])["themes"] == ["training"]
    empty = {name: frame.iloc[0:0] for name, frame in tables.items()}
    assert options(empty) == {"themes": [], "mechanisms": [], "years": None, "people": [], "languages": []}
