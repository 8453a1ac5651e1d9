"""defcoop.present.analysis: the data shaping behind notebooks 01-03, on tiny hand-made tables."""
from types import SimpleNamespace

import pandas as pd
import pytest

from defcoop.present import analysis as an


def dates(*values):
    return pd.to_datetime(list(values))


@pytest.fixture()
def articles():
    return pd.DataFrame({
        "article_id": ["a1", "a2", "a3"],
        "title": ["Talks", None, "Dialogue"],
        "source": ["VNA", None, "VNA/VNS"],
        "published": dates("2021-01-12", None, "2025-10-29"),
        "format": ["txt", "md", "txt"],
        "chars_raw": pd.array([200, 50, 100], dtype="Int64"),
        "chars_clean": pd.array([100, 50, 80], dtype="Int64"),
        "n_sentences": pd.array([5, 2, 4], dtype="Int64"),
    })


@pytest.fixture()
def log():
    return pd.DataFrame({
        "article_id": ["a1", "a1", "a1", "a1", "a3", "a3"],
        "action": ["extracted", "removed", "repaired", "repaired", "removed", "repaired"],
        "rule": ["title", "stop_marker", "glued_words", "glued_words", "caption_credit", "glued_words"],
        "line": pd.array([1, 9, 3, 4, 2, 5], dtype="Int64"),
        "text": ["Talks", "x" * 60, "tointensify -> to intensify", "tointensify -> to intensify",
                 "Photo: VNA", "borderchecks -> border checks"],
    })


@pytest.fixture()
def meetings():
    return pd.DataFrame({
        "meeting_id": ["2016-10-21-defence_policy_dialogue", "2021-01-08-ministerial_talks",
                       "2025-01-01-border_friendship_exchange", "2025-10-29-defence_policy_dialogue",
                       "undated-courtesy_call"],
        "article_ids": ["a0", "a1", "a4", "a3;a5", "a2"],
        "date_start": dates("2016-10-21", "2021-01-08", "2025-01-01", "2025-10-29", None),
        "date_end": dates("2016-10-21", "2021-01-08", "2025-12-31", "2025-10-29", None),
        "date_precision": ["day", "day", "year", "day", "unknown"],
        "mechanism": ["defence_policy_dialogue", "ministerial_talks", "border_friendship_exchange",
                      "defence_policy_dialogue", "courtesy_call"],
        "edition": pd.array([2, None, 2, 8, None], dtype="Int64"),
        "place": ["Hanoi", None, "Tay Ninh", "Ho Chi Minh City", None],
        "country": ["VN", None, "VN", "VN", None],
        "vn_lead": ["Nguyen Chi Vinh", "Ngo Xuan Lich", "Phan Van Giang", None, None],
        "kh_lead": ["Neang Phat", "Tea Banh", "Tea Seiha", "Chay Saing Yun", "Tea Seiha"],
        "format": ["in_person", "online", "in_person", "in_person", "in_person"],
    })


THEMES = pd.DataFrame({"id": ["border_patrol", "training", "remains_repatriation", "trilateral"],
                       "label": ["Border patrols", "Training", "Remains", "Trilateral"]})


# ------------------------------------------------------------------------- corpus

def test_corpus_overview_keeps_corpus_order_and_counts_removed_characters(articles):
    out = an.corpus_overview(articles)
    assert out["article_id"].tolist() == ["a1", "a2", "a3"]
    assert out["chars_removed"].tolist() == [100, 0, 20]


def test_count_by_counts_missing_values_and_sorts_by_frequency(articles):
    out = an.count_by(articles, "source")
    assert out.to_dict("list") == {"source": ["(not stated)", "VNA", "VNA/VNS"], "n": [1, 1, 1]}
    assert an.count_by(articles.iloc[0:0], "source").empty
    assert an.count_by(pd.DataFrame({"x": []}), "missing_column").empty


def test_published_range_counts_undated_articles(articles):
    row = an.published_range(articles).iloc[0]
    assert (row["first"], row["last"]) == (pd.Timestamp("2021-01-12"), pd.Timestamp("2025-10-29"))
    assert (row["n_dated"], row["n_undated"]) == (2, 1)
    empty = an.published_range(articles.iloc[0:0]).iloc[0]
    assert pd.isna(empty["first"]) and empty["n_dated"] == 0


def test_cleaning_summary_counts_entries_and_characters_per_rule(log):
    out = an.cleaning_summary(log)
    assert out[["action", "rule", "n"]].values.tolist() == [
        ["extracted", "title", 1], ["removed", "stop_marker", 1], ["removed", "caption_credit", 1],
        ["repaired", "glued_words", 3]]
    assert out.set_index("rule").loc["stop_marker", "chars"] == 60
    assert an.cleaning_summary(log.iloc[0:0]).empty


def test_repair_examples_split_before_and_after_and_skip_repeats(log):
    out = an.repair_examples(log)
    assert out[["before", "after"]].values.tolist() == [["tointensify", "to intensify"],
                                                       ["borderchecks", "border checks"]]
    assert len(an.repair_examples(log, n=1)) == 1
    assert an.repair_examples(log[log["action"] != "repaired"]).empty


def test_removal_examples_one_per_rule_on_one_short_line():
    log = pd.DataFrame({"article_id": ["a1", "a1"], "action": ["removed", "removed"],
                        "rule": ["stop_marker", "stop_marker"], "line": [9, 20],
                        "text": ["Other News\n- " + "y" * 200, "See more"]})
    out = an.removal_examples(log, width=30)
    assert len(out) == 1 and out.loc[0, "line"] == 9
    assert "\n" not in out.loc[0, "example"] and len(out.loc[0, "example"]) == 30


def test_text_budget_accounts_for_every_raw_character(articles, log):
    out = an.text_budget(articles, log)
    assert list(out.index) == ["a1", "a2", "a3"]
    assert list(out.columns) == [an.KEPT, "stop_marker", "caption_credit", an.MOVED, an.OTHER]
    assert out.loc["a1"].tolist() == [100, 60, 0, 5, 35]
    assert out.sum(axis=1).tolist() == [200, 50, 100]          # nothing lost when the log undercounts
    assert (out >= 0).all().all()


def test_text_budget_groups_small_rules_and_never_goes_negative(articles, log):
    out = an.text_budget(articles, log, max_rules=1)
    assert an.OTHER_RULES in out.columns and out.loc["a3", an.OTHER_RULES] == 10
    overcounted = log.assign(text=["t" * 500] + list(log["text"][1:]))
    assert an.text_budget(articles, overcounted).loc["a1", an.OTHER] == 0


def test_text_budget_on_an_empty_log(articles):
    out = an.text_budget(articles, pd.DataFrame(columns=["article_id", "action", "rule", "line", "text"]))
    assert out[an.KEPT].tolist() == [100, 50, 80]
    assert out[an.OTHER].tolist() == [100, 0, 20]


# ----------------------------------------------------------------------- meetings

def test_meeting_table_sorts_by_date_with_unknown_dates_last(meetings):
    out = an.meeting_table(meetings.iloc[::-1])
    assert out["meeting_id"].iloc[-1] == "undated-courtesy_call"
    assert out["date_start"].iloc[:-1].is_monotonic_increasing
    assert out.set_index("meeting_id").loc["2025-10-29-defence_policy_dialogue", "n_articles"] == 2


def test_timeline_rows_skip_undated_meetings_and_label_missing_values(meetings):
    out = an.timeline_rows(meetings)
    assert "undated-courtesy_call" not in set(out["meeting_id"])
    assert out["lane"].tolist() == [0, 1, 2, 0]                 # one lane per mechanism, by first date
    row = out.set_index("meeting_id").loc["2025-01-01-border_friendship_exchange"]
    assert bool(row["is_interval"]) and row["midpoint"] == pd.Timestamp("2025-07-02")
    assert out.set_index("meeting_id").loc["2021-01-08-ministerial_talks", "label"] == \
        "Ngo Xuan Lich / Tea Banh\nplace not stated"
    assert out.set_index("meeting_id").loc["2025-10-29-defence_policy_dialogue", "label"].startswith("? / ")


def test_timeline_rows_and_undated_meetings_on_odd_tables(meetings):
    assert an.timeline_rows(meetings.iloc[0:0]).empty
    assert an.timeline_rows(meetings.iloc[[4]]).empty
    assert an.undated_meetings(meetings)["meeting_id"].tolist() == ["undated-courtesy_call"]
    assert an.undated_meetings(meetings.iloc[:4]).empty
    no_end = meetings.assign(date_end=pd.NaT)
    assert not an.timeline_rows(no_end)["is_interval"].any()


def test_dialogue_editions_keep_only_the_dialogue_in_edition_order(meetings):
    out = an.dialogue_editions(meetings.iloc[::-1])
    assert out["edition"].tolist() == [2, 8]
    assert out["year"].tolist() == [2016, 2025]
    assert an.dialogue_editions(meetings, mechanism="border_friendship_exchange")["place"].tolist() == ["Tay Ninh"]
    assert an.dialogue_editions(meetings.iloc[0:0]).empty


def test_edition_gaps_are_computed_from_editions_and_years(meetings):
    gaps = an.edition_gaps(an.dialogue_editions(meetings))
    assert gaps.iloc[0].to_dict() == {
        "from_edition": 2, "to_edition": 8, "from_year": 2016, "to_year": 2025, "editions_missing": 5,
        "years_apart": 9, "gap_years": "2017–2024", "years_per_edition": 1.5}


def test_edition_gaps_for_adjacent_editions_and_unknown_ones():
    editions = pd.DataFrame({"edition": pd.array([3, 4, 6, None], dtype="Int64"),
                             "date_start": dates("2017-05-01", "2018-06-01", "2020-06-01", "2019-01-01")})
    gaps = an.edition_gaps(editions)
    assert gaps["gap_years"].tolist() == ["", "2019"]
    assert gaps["editions_missing"].tolist() == [0, 1]
    assert an.edition_gaps(editions.iloc[[0]]).empty
    assert an.edition_gaps(editions.iloc[0:0]).empty


def test_annual_cadence_runs_from_the_first_known_edition(meetings):
    out = an.annual_cadence(an.dialogue_editions(meetings))
    assert out["edition"].tolist() == list(range(2, 9))
    assert out["date"].iloc[-1] == pd.Timestamp("2022-10-21")
    assert an.annual_cadence(an.dialogue_editions(meetings.iloc[0:0])).empty


# ------------------------------------------------------------------------- themes

def test_theme_table_and_select_themes():
    codebook = SimpleNamespace(themes=[SimpleNamespace(id=i, label=l) for i, l in zip(THEMES["id"], THEMES["label"])])
    assert an.theme_table(codebook).equals(THEMES)
    assert an.select_themes(THEMES, ["trilateral", "training"])["label"].tolist() == ["Trilateral", "Training"]


def test_article_years_prefer_the_meeting_date_then_published(articles, meetings):
    out = an.article_years(articles, meetings).set_index("article_id")
    assert out.loc["a1", "year"] == 2021 and out.loc["a1", "year_from"] == "meeting"
    assert out.loc["a3", "meeting_id"] == "2025-10-29-defence_policy_dialogue"
    assert pd.isna(out.loc["a2", "year"]) and out.loc["a2", "year_from"] == "unknown"   # undated meeting, no date
    assert an.article_years(articles, meetings.iloc[0:0])["year_from"].tolist() == ["published", "unknown", "published"]


def test_article_years_take_the_earliest_dated_meeting(articles):
    meetings = pd.DataFrame({"meeting_id": ["m-late", "m-none", "m-early"], "article_ids": ["a1", "a1", "a1;a2"],
                             "date_start": dates("2022-01-01", None, "2020-06-01")})
    out = an.article_years(articles, meetings).set_index("article_id")
    assert out.loc["a1", "meeting_id"] == "m-early" and out.loc["a2", "year"] == 2020


def test_articles_per_year_fills_the_span_with_zeros():
    years = pd.DataFrame({"article_id": ["a", "b", "c", "d"], "year": pd.array([2019, 2016, 2019, None], dtype="Int64")})
    out = an.articles_per_year(years)
    assert out["year"].tolist() == [2016, 2017, 2018, 2019]
    assert out["n_articles"].tolist() == [1, 0, 0, 2]
    assert an.articles_per_year(years.iloc[[3]]).empty


def test_article_themes_are_unique_per_article():
    sentences = pd.DataFrame({"article_id": ["a1", "a1", "a2", "a3"],
                              "themes": ["training;border_patrol", "training", None, ""]})
    out = an.article_themes(sentences)
    assert out.values.tolist() == [["a1", "training"], ["a1", "border_patrol"]]
    assert an.article_themes(sentences.iloc[0:0]).empty


def test_theme_year_counts_count_articles_with_all_themes_and_years():
    themes_of_articles = pd.DataFrame({"article_id": ["a1", "a1", "a2", "a3", "a9"],
                                       "theme": ["training", "trilateral", "training", "training", "training"]})
    years = pd.DataFrame({"article_id": ["a1", "a2", "a3"], "year": pd.array([2016, 2018, None], dtype="Int64")})
    out = an.theme_year_counts(themes_of_articles, years, THEMES)
    assert list(out.index) == ["Border patrols", "Training", "Remains", "Trilateral"]
    assert list(out.columns) == [2016, 2017, 2018]
    assert out.loc["Training"].tolist() == [1, 0, 1]         # a3 has no year, a9 is not an article here
    assert out.loc["Border patrols"].sum() == 0


def test_theme_year_counts_and_to_long_without_any_dated_article():
    years = pd.DataFrame({"article_id": ["a1"], "year": pd.array([None], dtype="Int64")})
    out = an.theme_year_counts(pd.DataFrame({"article_id": ["a1"], "theme": ["training"]}), years, THEMES)
    assert out.shape == (4, 0)
    assert an.to_long(out).empty


def test_to_long_round_trips_the_counts():
    wide = pd.DataFrame([[1, 0], [2, 3]], index=pd.Index(["A", "B"], name="theme"),
                        columns=pd.Index([2020, 2021], name="year"))
    long = an.to_long(wide)
    assert len(long) == 4 and long["n"].sum() == 6
    assert long.pivot(index="theme", columns="year", values="n").values.tolist() == [[1, 0], [2, 3]]


def test_theme_kinds_count_commitments_and_results_per_theme():
    sentences = pd.DataFrame({"kind": ["commitment", "result", "statement", "commitment", None],
                              "themes": ["training;border_patrol", "training", "training", None, "trilateral"]})
    out = an.theme_kinds(sentences, THEMES)
    assert list(out.columns) == ["commitment", "result"]
    assert out.loc["Training"].tolist() == [1, 1]
    assert out.loc["Border patrols"].tolist() == [1, 0]
    assert out.loc["Trilateral"].tolist() == [0, 0]          # unknown kind is not counted
    assert an.theme_kinds(sentences.iloc[0:0], THEMES).to_numpy().sum() == 0


def test_corpus_totals_sum_the_articles(articles):
    row = an.corpus_totals(articles).iloc[0]
    assert (row["articles"], row["sentences"], row["chars_raw"], row["chars_clean"]) == (3, 11, 350, 230)
    assert row["share_kept"] == round(230 / 350, 3)
    assert pd.isna(an.corpus_totals(articles.iloc[0:0]).iloc[0]["share_kept"])


def test_numbered_editions_need_a_number_and_a_date(meetings):
    editions = an.dialogue_editions(pd.concat([meetings, meetings.iloc[[3]].assign(meeting_id="dup")]))
    assert an.numbered_editions(editions)["edition"].tolist() == [2, 8]
    assert an.numbered_editions(editions.assign(date_start=pd.NaT)).empty
