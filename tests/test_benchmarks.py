"""The benchmark scripts' own logic (benchmarks/run.py, stages.py, incremental.py); no timing assertions."""
import importlib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench():
    """benchmarks/run.py and benchmarks/stages.py, imported the way `make bench` runs them."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        yield importlib.import_module("run"), importlib.import_module("stages")
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))


def test_stage_table_gives_cumulative_ceilings(bench):
    _run, stages = bench
    lines = stages.table({"read": 1.0, "clean": 1.0, "extract": 2.0, "encode": 0.0}, 2)
    assert lines[2] == "| read | 1.00 | 25 % | 2,000 |"
    assert lines[3] == "| clean | 1.00 | 25 % | 1,000 |"
    assert lines[4] == "| extract | 2.00 | 50 % | 500 |"
    assert lines[-1] == "| **all** | **4.00** | 100 % | **500** |"


def test_stage_seconds_times_every_article(bench, tmp_path):
    run, stages = bench
    corpus = stages.generate.generate(tmp_path / "corpus", 6)
    spent, articles = stages.stage_seconds(corpus)
    assert articles == 6
    assert set(spent) == set(stages.STAGES)
    assert all(seconds >= 0 for seconds in spent.values())
    assert spent["extract"] > 0


def test_write_results_replaces_only_its_own_block(bench, tmp_path, monkeypatch):
    run, stages = bench
    results = tmp_path / "results.md"
    results.write_text(f"# Notes\n\n{run.BEGIN}\nold build\n{run.END}\n\nHand-written text.\n", encoding="utf-8")
    monkeypatch.setattr(run, "RESULTS", results)
    run.write_results("stage figures", stages.BEGIN, stages.END)
    run.write_results("new build")
    text = results.read_text(encoding="utf-8")
    assert f"{run.BEGIN}\nnew build\n{run.END}" in text
    assert "old build" not in text
    assert "Hand-written text." in text
    assert text.endswith(f"{stages.BEGIN}\nstage figures\n{stages.END}\n")


def test_incremental_notes_say_what_a_load_reused(bench):
    incremental = importlib.import_module("incremental") if str(ROOT / "benchmarks") in sys.path else None
    assert incremental is not None
    note = incremental._reuse_note({"build": {"files": 10001, "reused": 10000, "extracted": 1}})
    assert note == "10000 of 10001 files reused, 1 extracted"
    assert incremental._reuse_note({"build": {}}) == "no build: the cached tables were read"
