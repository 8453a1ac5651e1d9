"""Every notebook runs cleanly in a real JupyterLab, and an analyst can add an article.

Per notebook: open it from the file browser, Kernel > Restart Kernel and Run All Cells…,
wait for the kernel to go idle, check that no cell failed and that every figure the
committed notebook shows is rendered as an image, and save a screenshot of the whole
notebook to reports/screens/NN_name.png.

The analyst scenario: a corpus of the seeds plus tests/fixtures/e2e_article.md (talks in
Hanoi on 2018-11-19), set as CORPUS in the `parameters` cell of the timeline and themes
notebooks by typing into the cell, then rerun: the new meeting must show up in the
outputs and the charts must change.
"""
from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from labdriver import parameters_cell, stored_figures, with_parameter

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = ROOT / ".venv" / "bin"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
ARTICLE = ROOT / "tests" / "fixtures" / "e2e_article.md"
NEW_MEETING = "2018-11-19"
# The notebooks an analyst reruns on the bigger corpus, by a word of their file name.
SCENARIO = ("timeline", "theme")


def python() -> str:
    return str(VENV_BIN / "python") if (VENV_BIN / "python").exists() else sys.executable


@pytest.fixture(scope="session")
def analyst_corpus(e2e_root) -> Path:
    """The seeds plus the test article, in a folder of the analyst's own."""
    corpus = e2e_root / "analyst_corpus"
    shutil.copytree(ROOT / "seeds", corpus)
    shutil.copy2(ARTICLE, corpus / ARTICLE.name)
    return corpus


def run_all(lab, screenshot: Path | None = None) -> float:
    """Restart and run all cells of the open notebook, then screenshot it; seconds taken."""
    seconds = lab.restart_and_run_all()
    if screenshot is not None:
        lab.collapse_left_sidebar()
        lab.screenshot(screenshot)
    return seconds


@pytest.fixture(scope="session")
def first_runs() -> dict:
    """What each notebook showed on the seeds, so the scenario need not run it again."""
    return {}


def assert_ran_cleanly(lab, notebook: Path) -> None:
    """No error output, every code cell ran, and as many images as `notebook` stores."""
    errors = lab.errors()
    assert not errors, f"{notebook.name}: cells failed in JupyterLab:\n\n" + "\n\n".join(errors)
    counts = lab.execution_counts()
    unrun = [index for index, prompt in enumerate(counts) if not prompt.strip("[]: ").isdigit()]
    assert not unrun, f"{notebook.name}: code cells {unrun} did not run (prompts {counts})"
    shown, expected = len(lab.images()), stored_figures(notebook)
    assert shown == expected, f"{notebook.name}: {shown} figures rendered as images, the notebook stores {expected}"


def test_fixture_article_adds_a_ministerial_talks_meeting(analyst_corpus, e2e_root):
    """The scenario's premise, checked with the command line the README documents."""
    out = e2e_root / "analyst_tables"
    subprocess.run([python(), "-m", "defcoop", "build", "--corpus", str(analyst_corpus), "--out", str(out),
                    "--quiet"], check=True, cwd=ROOT, timeout=300)
    with (out / "meetings.csv").open(encoding="utf-8", newline="") as handle:
        meetings = list(csv.DictReader(handle))
    added = [row for row in meetings if ARTICLE.stem in row["article_ids"].split(";")]
    assert [(row["date_start"], row["mechanism"]) for row in added] == [(NEW_MEETING, "ministerial_talks")]
    assert (added[0]["vn_lead"], added[0]["kh_lead"]) == ("Ngo Xuan Lich", "Tea Banh")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[path.stem for path in NOTEBOOKS])
def test_notebook_runs_in_jupyterlab(lab, notebook, workspace, screens, first_runs):
    lab.open_from_file_browser(f"notebooks/{notebook.name}")
    run_all(lab, screens / f"{notebook.stem}.png")     # before the checks: a failure is on screen
    assert_ran_cleanly(lab, workspace / "notebooks" / notebook.name)
    first_runs[notebook.stem] = (lab.output_text(), lab.images())


@pytest.mark.parametrize("word", SCENARIO)
def test_analyst_adds_an_article_and_reruns(lab, word, analyst_corpus, workspace, screens, first_runs):
    matches = [path for path in NOTEBOOKS if word in path.stem]
    assert matches, f"no notebook named *{word}* in notebooks/ for the analyst scenario"
    notebook = workspace / "notebooks" / matches[0].name

    lab.open_from_file_browser(f"notebooks/{notebook.name}")
    if notebook.stem not in first_runs:     # run alone (pytest -k): see the seeds' version first
        run_all(lab)
        assert_ran_cleanly(lab, notebook)
        first_runs[notebook.stem] = (lab.output_text(), lab.images())
    before_text, before_images = first_runs[notebook.stem]
    assert NEW_MEETING not in before_text, f"{notebook.name} shows {NEW_MEETING} before the article is added"

    index, source = parameters_cell(notebook)
    edited = with_parameter(source, "CORPUS", str(analyst_corpus))
    lab.replace_cell_source(index, edited)
    assert lab.cell_source(index) == edited, "the parameters cell did not take the typed text"

    run_all(lab, screens / f"{notebook.stem}_with_e2e_article.png")
    assert_ran_cleanly(lab, notebook)
    after_text, after_images = lab.output_text(), lab.images()
    assert NEW_MEETING in after_text, f"{notebook.name}: no {NEW_MEETING} in the outputs after adding the article"
    changed = [number for number, (old, new) in enumerate(zip(before_images, after_images), 1) if old != new]
    assert changed, f"{notebook.name}: no figure changed after adding the article"
