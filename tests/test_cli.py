"""Command line: build, evaluate, and one-line errors with a non-zero exit."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "defcoop", *args], cwd=cwd, capture_output=True, text=True)


def test_bad_corpus_path_is_one_line_error_and_exit_2(tmp_path):
    result = run("build", "--corpus", str(tmp_path / "missing"), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "corpus folder not found" in result.stderr
    assert not (tmp_path / "out").exists()


def test_build_writes_every_table_and_reports_progress(small_corpus, tmp_path):
    result = run("build", "--corpus", str(small_corpus), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "processed 1/1 files" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir())[:3] == ["agreements.csv", "articles.csv", "cleaning_log.csv"]


def test_bad_override_stops_the_build_before_writing(small_corpus, tmp_path):
    overrides = tmp_path / "overrides.csv"
    overrides.write_text("table,id,field,value,note\nmeetings,nope,place,X,typo\n", encoding="utf-8")
    result = run("build", "--corpus", str(small_corpus), "--out", str(tmp_path / "out"), "--overrides", str(overrides))
    assert result.returncode == 2
    assert f"{overrides}:2: no meetings row with meeting_id 'nope'" in result.stderr
    assert not (tmp_path / "out").exists()


def test_evaluate_prints_a_score_table():
    result = run("evaluate", "--gold", "tests/gold/seeds.yaml", "--tables", "data/processed", "--verbose")
    assert result.returncode == 0, result.stderr
    assert "meetings" in result.stdout and "misses" in result.stdout


def test_evaluate_bad_gold_file(tmp_path):
    gold = tmp_path / "gold.yaml"
    gold.write_text("doc: x\n", encoding="utf-8")
    result = run("evaluate", "--gold", str(gold))
    assert result.returncode == 2
    assert "expected a YAML list" in result.stderr
