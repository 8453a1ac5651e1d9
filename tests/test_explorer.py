"""The live explorer driven without a browser: set a control, read what the widgets show."""
import matplotlib
import pytest

matplotlib.use("Agg")

from defcoop.present.explore import Selection, example_tables  # noqa: E402
from defcoop.present.explorer import Explorer  # noqa: E402


@pytest.fixture()
def explorer():
    return Explorer(example_tables(), theme_labels={"training": "Training and education"})


def test_it_starts_with_every_meeting_and_the_first_one_chosen(explorer):
    assert repr(explorer) == "Explorer(all meetings -> 3 meetings)"
    assert explorer.meeting.value == "2019-03-01-ministerial_talks"
    assert "The ministers held talks in Hanoi on March 1." in explorer.sources.value
    assert explorer.themes.options == (("Training and education", "training"),)


def test_a_theme_narrows_the_table_and_the_meeting_list(explorer):
    explorer.themes.value = ("training",)
    assert explorer.meeting.options == ("2019-03-01-ministerial_talks", "2021-01-08-ministerial_talks")
    assert "2019-03-02-courtesy_call" not in explorer.table.value
    assert "2 meetings" in explorer.count.value


def test_the_year_slider_filters_and_the_chosen_meeting_follows(explorer):
    explorer.years.value = (2021, 2021)
    assert explorer.selection() == Selection(years=(2021, 2021))
    assert explorer.meeting.value == "2021-01-08-ministerial_talks"
    assert "They held online talks on training." in explorer.sources.value
    assert "https://example.org/a1" not in explorer.sources.value


def test_choosing_a_meeting_shows_its_sentences_with_their_article(explorer):
    explorer.meeting.value = "2021-01-08-ministerial_talks"
    assert "They held online talks on training." in explorer.sources.value
    assert ">a2<" in explorer.sources.value


def test_a_person_and_a_selection_with_nothing_in_it(explorer):
    explorer.person.value = "Hun Sen"
    assert list(explorer.selected["meeting_id"]) == ["2019-03-02-courtesy_call"]
    explorer.mechanism.value = "ministerial_talks"
    assert explorer.selected.empty and explorer.meeting.value is None
    assert "No meeting in this selection" in explorer.sources.value


def test_the_charts_are_redrawn_on_every_change_and_are_stable(explorer):
    timeline, grid = bytes(explorer.timeline_image.value), bytes(explorer.grid_image.value)
    assert timeline.startswith(b"\x89PNG") and grid.startswith(b"\x89PNG")
    explorer.years.value = (2021, 2021)
    assert bytes(explorer.timeline_image.value) != timeline and bytes(explorer.grid_image.value) != grid
    explorer.years.value = (2019, 2021)
    assert bytes(explorer.timeline_image.value) == timeline     # same selection, same bytes


def test_the_language_control_shows_only_when_there_are_several(explorer):
    assert explorer.language.layout.display == "none"
    tables = example_tables()
    tables["articles"].loc[1, "language"] = "vi"
    assert Explorer(tables).language.layout.display == ""
