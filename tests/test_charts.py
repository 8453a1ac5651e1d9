"""The notebook charts in defcoop.present.charts, drawn from small hand-made frames.

Each test draws on an Agg figure and checks what a reader would see: how many points,
bars and lines, the tick labels, the panel titles, and the "no ... in this corpus" message
when there is nothing to draw.
"""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from defcoop.present import charts  # noqa: E402
from defcoop.present.history import KIND_LABELS, MENTIONED, SIGNED  # noqa: E402

COUNTRY_COLOURS = {"VN": charts.OKABE_ITO[0], "KH": charts.OKABE_ITO[1], "LA": charts.OKABE_ITO[2]}
MARK_COLOURS = {"pledge": charts.OKABE_ITO[0], "reported result": charts.OKABE_ITO[1]}
KIND_COLOURS = charts.palette(KIND_LABELS.values())


@pytest.fixture()
def ax():
    fig, ax = plt.subplots()
    yield ax
    plt.close(fig)


def drawn(ax):
    """Render the figure (so layout and legends are exercised) and return the axes."""
    ax.figure.canvas.draw()
    return ax


def texts(ax) -> list[str]:
    return [text.get_text() for text in ax.texts]


def ticks(labels) -> list[str]:
    return [label.get_text() for label in labels]


def points(collection) -> int:
    return len(collection.get_offsets())


# --- meeting_timeline ---------------------------------------------------------------------------

def timeline_frame() -> pd.DataFrame:
    """Three meetings in two lanes; the second is known only to the year (an interval)."""
    start = pd.to_datetime(["2016-10-21", "2019-01-01", "2021-01-08"])
    end = pd.to_datetime(["2016-10-21", "2019-12-31", "2021-01-08"])
    return pd.DataFrame({
        "meeting_id": ["m1", "m2", "m3"],
        "mechanism": ["defence_policy_dialogue", "ministerial_talks", "defence_policy_dialogue"],
        "lane": [0, 1, 0], "date_start": start, "date_end": end, "midpoint": start + (end - start) / 2,
        "is_interval": [False, True, False],
        "label": ["A / B\nHanoi", "C / D\nphnom Penh", "? / B\nplace not stated"],
    })


def test_meeting_timeline_draws_a_point_per_meeting_and_a_bar_per_interval(ax):
    timeline = timeline_frame()
    assert charts.meeting_timeline(ax, timeline) is ax
    drawn(ax)
    assert [points(c) for c in ax.collections] == [1, 1, 1]
    assert len(ax.lines) == 1, "only the year-precision meeting is drawn as an interval"
    assert ticks(ax.get_yticklabels()) == ["defence policy dialogue", "ministerial talks"]
    assert texts(ax) == list(timeline["label"])
    colours = {tuple(c.get_facecolor()[0]) for c in ax.collections}
    assert len(colours) == 2, "one colour per mechanism"
    left, right = ax.get_xlim()
    assert left < matplotlib.dates.date2num(pd.Timestamp("2016-10-21")) - 300


def test_meeting_timeline_without_dated_meetings_says_so(ax):
    empty = timeline_frame().iloc[0:0]
    drawn(charts.meeting_timeline(ax, empty))
    assert texts(ax) == ["no dated meetings in this corpus"]
    assert len(ax.collections) == 0 and ax.get_yticks().tolist() == []


# --- dialogue_cadence ---------------------------------------------------------------------------

def test_dialogue_cadence_plots_each_edition_against_the_annual_line(ax):
    numbered = pd.DataFrame({"edition": pd.array([2, 8], dtype="Int64"),
                             "date_start": pd.to_datetime(["2016-10-21", "2025-10-29"]),
                             "year": pd.array([2016, 2025], dtype="Int64"), "place": ["Hanoi", None]})
    annual = pd.DataFrame({"edition": list(range(2, 9)),
                           "date": [pd.Timestamp("2016-10-21") + pd.DateOffset(years=k) for k in range(7)]})
    drawn(charts.dialogue_cadence(ax, numbered, annual))
    assert points(ax.collections[0]) == 2
    assert len(ax.lines) == 1 and len(ax.lines[0].get_xdata()) == 7
    assert ax.lines[0].get_linestyle() == "--"
    assert texts(ax) == ["edition 2: 2016\nHanoi", "edition 8: 2025\nplace not stated"]
    assert ticks(ax.get_legend().get_texts()) == ["if held every year", "edition reported in the corpus"]
    assert ax.get_ylim() == (1.0, 9.5)


def test_dialogue_cadence_without_numbered_editions_says_so(ax):
    empty = pd.DataFrame(columns=["edition", "date_start", "year", "place"])
    drawn(charts.dialogue_cadence(ax, empty, pd.DataFrame(columns=["edition", "date"])))
    assert texts(ax) == ["no numbered, dated Defence Policy Dialogue in this corpus"]
    assert len(ax.lines) == 0 and len(ax.collections) == 0 and ax.get_legend() is None


# --- theme_panels and finish_panels -------------------------------------------------------------

def test_theme_panels_one_panel_per_theme_and_spare_panels_hidden():
    long = pd.DataFrame({"theme": ["Training"] * 3 + ["Border patrols, checkpoints and border posts"] * 3,
                         "year": [2016, 2021, 2025] * 2, "n": [1, 0, 2, 0, 1, 1]})
    fig, axes = plt.subplots(1, 3, sharex=True, sharey=True, squeeze=False)
    try:
        assert charts.theme_panels(axes, long, ["Training", "Border patrols, checkpoints and border posts"]) is axes
        charts.finish_panels(fig, "Articles per theme", "year", "articles", charts.sample_note(5, 5))
        fig.canvas.draw()
        visible = [ax for ax in axes.flat if ax.get_visible()]
        assert [ax.get_title() for ax in visible] == ["Training", "Border patrols,\ncheckpoints and border\nposts"]
        assert [len(ax.patches) for ax in visible] == [3, 3]
        assert [bar.get_height() for bar in visible[0].patches] == [1, 0, 2]
        assert not axes[0, 2].get_visible()
        assert fig.get_suptitle() == "Articles per theme"
        assert [text.get_text() for text in fig.texts] == ["Articles per theme", "year", "articles",
                                                          charts.sample_note(5, 5)]
    finally:
        plt.close(fig)


# --- document_periods ---------------------------------------------------------------------------

def documents_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "document": ["Protocol 2020-2024", "Cooperation plan 2021"], "kind": ["protocol", "cooperation_plan"],
        "start_year": pd.array([2020, 2021], dtype="Int64"), "end_year": pd.array([2024, 2021], dtype="Int64"),
        "status": [MENTIONED, SIGNED], "y": [0, 1],
    })


def test_document_periods_bar_per_document_solid_when_signed(ax):
    marks = pd.DataFrame({"id": ["x-S3", "x-A1", "y-S2"], "mark": ["mentioned", "signed", "mentioned"],
                          "x": [2021.0, 2021.0, 2022.5], "y": [0, 1, 0]})
    drawn(charts.document_periods(ax, documents_frame(), marks, KIND_COLOURS))
    bars = ax.patches
    assert [int(bar.get_width()) for bar in bars] == [5, 1]
    assert [bar.get_hatch() for bar in bars] == ["///", None]
    assert bars[0].get_facecolor()[:3] == (1.0, 1.0, 1.0), "a mentioned-only document is hatched white"
    assert matplotlib.colors.to_hex(bars[1].get_facecolor()) == KIND_COLOURS[KIND_LABELS["cooperation_plan"]].lower()
    assert [points(c) for c in ax.collections] == [1, 2], "one signing, two mentions"
    assert ticks(ax.get_yticklabels()) == ["Protocol 2020-2024", "Cooperation plan 2021"]
    assert ticks(ax.get_legend().get_texts())[:2] == [SIGNED, MENTIONED]


def test_document_periods_without_documents_says_so(ax):
    empty = documents_frame().iloc[0:0]
    drawn(charts.document_periods(ax, empty, pd.DataFrame(columns=["id", "mark", "x", "y"]), KIND_COLOURS))
    assert texts(ax) == ["No plan or protocol with a period in this corpus"]
    assert len(ax.patches) == 0 and [points(c) for c in ax.collections] == [0, 0]


# --- terms_of_office ----------------------------------------------------------------------------

WINDOW = (pd.Timestamp("2014-01-01"), pd.Timestamp("2025-12-31"))


def test_terms_of_office_bars_marks_and_country_legend(ax):
    bars = pd.DataFrame({"country": ["VN", "KH"], "x_start": [2016.3, 2014.0], "x_end": [2026.0, 2023.6],
                         "open_start": [False, True], "y": [0, 1]})
    marks = pd.DataFrame({"x": [2016.8, 2021.0, 2021.0], "y": [0, 0, 2], "lead": [True, True, False]})
    rows = pd.DataFrame({"row": ["A: Minister", "B: Minister", "C: no term on record"], "y": [0, 1, 2]})
    drawn(charts.terms_of_office(ax, bars, marks, rows, WINDOW, COUNTRY_COLOURS))
    assert len(ax.patches) == 2
    assert [bar.get_alpha() for bar in ax.patches] == [0.85, 0.45], "a term open on the left is faded"
    assert [points(c) for c in ax.collections] == [2, 1], "two meetings led, one attended"
    assert ticks(ax.get_yticklabels()) == list(rows["row"])
    assert ax.get_xlim() == (2014.0, 2026.0)
    assert ax.get_ylim()[0] > ax.get_ylim()[1], "first row at the top"
    assert ticks(ax.get_legend().get_texts()) == ["Vietnam", "Cambodia", "led a meeting", "took part"]


def test_terms_of_office_without_people_says_so(ax):
    bars = pd.DataFrame(columns=["country", "x_start", "x_end", "open_start", "y"])
    marks = pd.DataFrame(columns=["x", "y", "lead"])
    drawn(charts.terms_of_office(ax, bars, marks, pd.DataFrame(columns=["row", "y"]), WINDOW, COUNTRY_COLOURS))
    assert texts(ax) == ["No leads or participants in this corpus"]
    assert len(ax.patches) == 0
    assert ticks(ax.get_legend().get_texts()) == ["led a meeting", "took part"]


# --- people_network -----------------------------------------------------------------------------

def test_people_network_nodes_edges_and_labels(ax):
    nodes = pd.DataFrame({"person": ["A", "B", "C"], "country": ["VN", "KH", "KH"], "meetings": [2, 2, 1],
                          "x": [0.0, 1.0, 1.0], "y": [0.0, 0.0, 1.0]})
    pairs = pd.DataFrame({"person_a": ["A", "A"], "person_b": ["B", "C"], "meetings": [2, 1],
                          "as_leads": [2, 0], "years": ["2016, 2021", "2021"]})
    drawn(charts.people_network(ax, nodes, pairs, COUNTRY_COLOURS))
    assert len(ax.lines) == 2 and len(ax.collections) == 3
    assert [line.get_linestyle() for line in ax.lines] == ["-", "--"], "leads solid, participant dashed"
    assert [line.get_linewidth() for line in ax.lines] == [4.0, 2.5]
    assert texts(ax) == ["2016, 2021", "2021", "A (2)", "B (2)", "C (1)"]
    assert ticks(ax.get_xticklabels()) == ["Vietnam", "other", "Cambodia"]
    assert ax.get_ylim() == (1.7, -0.7)


def test_people_network_without_people_says_so(ax):
    nodes = pd.DataFrame(columns=["person", "country", "meetings", "x", "y"])
    pairs = pd.DataFrame(columns=["person_a", "person_b", "meetings", "as_leads", "years"])
    drawn(charts.people_network(ax, nodes, pairs, COUNTRY_COLOURS))
    assert texts(ax) == ["No meetings with named people in this corpus"]
    assert len(ax.lines) == 0 and len(ax.collections) == 0


# --- pledge_ledger ------------------------------------------------------------------------------

def test_pledge_ledger_points_per_mark_and_lag_segments(ax):
    ledger = pd.DataFrame({"label": ["Border demarcation", "Personnel training"]})
    points_ = pd.DataFrame({"x": [2016.8, 2019.9, 2021.0, 2021.0], "y": [0, 0, 0, 1],
                            "mark": ["pledge", "pledge", "reported result", "pledge"], "sentences": [1, 2, 3, 1]})
    segments = pd.DataFrame({"x_start": [2016.8], "x_end": [2021.0], "y": [0]})
    drawn(charts.pledge_ledger(ax, ledger, points_, segments, MARK_COLOURS))
    pledges, results = ax.collections
    assert (points(pledges), points(results)) == (3, 1)
    assert list(pledges.get_sizes()) == [65.0, 90.0, 65.0], "bigger when more sentences pledge"
    assert len(ax.lines) == 1 and list(ax.lines[0].get_xdata()) == [2016.8, 2021.0]
    assert ticks(ax.get_yticklabels()) == ["Border demarcation", "Personnel training"]
    assert ticks(ax.get_legend().get_texts()) == ["pledge", "reported result", "first pledge to first later result"]


def test_pledge_ledger_without_pledges_says_so(ax):
    drawn(charts.pledge_ledger(ax, pd.DataFrame(columns=["label"]),
                               pd.DataFrame(columns=["x", "y", "mark", "sentences"]),
                               pd.DataFrame(columns=["x_start", "x_end", "y"]), MARK_COLOURS))
    assert texts(ax) == ["No dated pledges in this corpus"]
    assert len(ax.lines) == 0 and [points(c) for c in ax.collections] == [0, 0]
