"""The explorer notebook (07) used in a real JupyterLab: pick a theme, move the year slider,
choose a meeting; the chart, the table and the source sentences must follow.

Screenshots of the notebook before and after the interaction go to reports/screens/
(07_explorer_before.png, 07_explorer_after.png), and of the explorer alone afterwards
(07_explorer_widget.png, shown in the README).
"""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = "notebooks/07_explorer.ipynb"
THEME = "remains_repatriation"                        # on the seeds: the 2016 dialogue and the 2021 talks
EARLY, LATE = "2016-10-21-defence_policy_dialogue", "2021-01-08-ministerial_talks"


def theme_label(theme: str) -> str:
    from defcoop.present.analysis import theme_table
    from defcoop.extract.themes import load_codebook

    themes = theme_table(load_codebook())
    return themes.loc[themes["id"] == theme, "label"].iloc[0]


def explorer_state(lab) -> dict:
    """What the explorer widget shows: the chart images' sources, the meetings table, the
    chosen meeting and the sources text."""
    view = lab.notebook.locator(".widget-vbox").first
    return {
        "images": view.locator(".widget-image").evaluate_all("imgs => imgs.map(i => i.src)"),
        "table": view.locator(".widget-html table").first.inner_text(),
        "meeting": view.locator(".widget-dropdown select").last.input_value(),
        "sources": view.locator(".widget-html").last.inner_text(),
        "count": view.locator(".widget-html").first.inner_text(),
    }


def wait_for_change(lab, before: dict, key: str, timeout: float = 30) -> dict:
    deadline = timeout * 1000
    waited = 0
    while waited < deadline:
        state = explorer_state(lab)
        if state[key] != before[key]:
            return state
        lab.page.wait_for_timeout(200)
        waited += 200
    raise AssertionError(f"the explorer's {key} did not change within {timeout} s")


def test_explorer_follows_theme_years_and_meeting(lab, screens):
    lab.open_from_file_browser(NOTEBOOK)
    lab.restart_and_run_all()
    assert not lab.errors(), "cells failed:\n" + "\n".join(lab.errors())
    view = lab.notebook.locator(".widget-vbox").first
    view.wait_for()
    view.scroll_into_view_if_needed()
    lab.page.wait_for_function("""() => [...document.querySelectorAll('.widget-image')]
        .every(img => img.complete && img.naturalWidth > 0)""")
    lab.collapse_left_sidebar()
    lab.screenshot(screens / "07_explorer_before.png")
    start = explorer_state(lab)
    assert start["meeting"] == EARLY and "5 meetings" in start["count"]

    view.locator(".widget-select-multiple select").select_option(label=theme_label(THEME))
    themed = wait_for_change(lab, start, "table")
    assert "2 meetings" in themed["count"]
    assert EARLY in themed["table"] and LATE in themed["table"] and "courtesy_call" not in themed["table"]
    assert themed["images"] != start["images"], "the charts did not change with the theme"

    handle = view.locator(".widget-hslider .noUi-handle").first   # the lower end of the year range
    handle.focus()
    lab.page.keyboard.press("ArrowRight")                          # 2016 -> 2017: the 2016 dialogue drops out
    narrowed = wait_for_change(lab, themed, "table")
    assert "1 meeting" in narrowed["count"] and EARLY not in narrowed["table"]
    assert narrowed["meeting"] == LATE
    assert narrowed["images"] != themed["images"], "the charts did not change with the years"

    view.locator(".widget-select-multiple select").select_option([])   # all themes again, years kept
    widened = wait_for_change(lab, narrowed, "table")
    meetings = view.locator(".widget-dropdown select").last
    meetings.select_option(value="2023-11-13-courtesy_call")
    chosen = wait_for_change(lab, widened, "sources")
    assert "Sentences behind 2023-11-13-courtesy_call" in chosen["sources"]
    assert "003_" in chosen["sources"], "the source sentence's article id is not shown"
    lab.screenshot(screens / "07_explorer_after.png")
    shoot_controls_and_timeline(lab, view, screens / "07_explorer_widget.png")   # for the README


def shoot_controls_and_timeline(lab, view, path: Path) -> None:
    """The explorer's controls and its timeline in one picture (the whole widget is taller than the page)."""
    view.evaluate("element => element.scrollIntoView({block: 'start'})")
    lab.page.wait_for_timeout(300)
    top = view.bounding_box()
    chart = view.locator(".widget-image").first.bounding_box()
    clip = {"x": top["x"], "y": top["y"], "width": top["width"],
            "height": min(chart["y"] + chart["height"] - top["y"], lab.page.viewport_size["height"] - top["y"] - 40)}
    lab.page.screenshot(path=str(path), clip=clip)


@pytest.fixture(autouse=True)
def _needs_the_notebook():
    if not (ROOT / NOTEBOOK).exists():
        pytest.fail(f"{NOTEBOOK} is missing")
