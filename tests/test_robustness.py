"""The build on messy archives: every file accounted for, byte-stable, kill-safe, and stopped early by bad rules.

Small generated corpora only (benchmarks/generate.py, fixed seed); no timing assertions.
"""
import csv
import importlib.util
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from defcoop.build.tables import TABLE_NAMES

ROOT = Path(__file__).resolve().parents[1]


def _generator():
    spec = importlib.util.spec_from_file_location("defcoop_bench_generate", ROOT / "benchmarks" / "generate.py")
    module = sys.modules.get(spec.name)
    if module is None:
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module   # dataclasses look their module up there
        spec.loader.exec_module(module)
    return module


def build(corpus, out, *extra, env=None):
    return subprocess.run([sys.executable, "-m", "defcoop", "build", "--corpus", str(corpus), "--out", str(out),
                           "--quiet", *extra], cwd=ROOT, capture_output=True, text=True, env=env)


def tables_bytes(folder):
    return {name: (Path(folder) / f"{name}.csv").read_bytes() for name in TABLE_NAMES}


def rows(folder, name):
    with open(Path(folder) / f"{name}.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def messy_corpus(tmp_path_factory):
    """40 generated articles plus one file of every bad kind."""
    return _generator().generate(tmp_path_factory.mktemp("messy") / "corpus", 40, bad=True)


@pytest.fixture(scope="module")
def messy_build(messy_corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("messy-out") / "tables"
    result = build(messy_corpus, out, "--no-store")
    assert result.returncode == 0, result.stderr
    return out


def test_messy_corpus_accounts_for_every_file(messy_corpus, messy_build):
    files = [p for p in messy_corpus.rglob("*") if p.is_file()]
    jsonl_lines = sum(1 for p in files if p.suffix == ".jsonl"
                      for line in p.read_text(encoding="utf-8").splitlines() if line.strip())
    articles, rejects = rows(messy_build, "articles"), rows(messy_build, "rejects")
    # every file is an article or a reject; a .jsonl file counts once per non-blank line
    assert len(articles) + len(rejects) == len(files) - sum(p.suffix == ".jsonl" for p in files) + jsonl_lines
    reasons = {row["path"]: row["reason"] for row in rejects}
    assert reasons["bad/empty.txt"] == "empty"
    assert reasons["bad/blank.txt"] == "empty"
    assert reasons["bad/binary.txt"] == "binary"
    assert reasons["bad/huge.txt"] == "too_large"
    assert reasons["bad/mixed_encoding.txt"] == "undecodable"
    assert reasons["bad/unclosed_front_matter.md"] == "malformed_front_matter"
    assert reasons["bad/broken_yaml.txt"] == "malformed_front_matter"
    assert reasons["bad/bad_date.txt"] == "malformed_front_matter"
    assert reasons["bad/image.png"] == "unsupported_format"
    kept = {row["article_id"]: row for row in articles}
    assert kept["truncated_utf8"]["encoding"] == "utf-8"          # the cut character is dropped, the rest kept
    assert kept["cp1252"]["encoding"] == "cp1252"
    assert sum(1 for row in articles if row["article_id"].startswith("gen")) == 40


def test_messy_corpus_builds_byte_identical_again_and_with_two_jobs(messy_corpus, messy_build, tmp_path):
    again, parallel = tmp_path / "again", tmp_path / "jobs2"
    assert build(messy_corpus, again, "--no-store").returncode == 0
    result = build(messy_corpus, parallel, "--jobs", "2", "--no-store")
    assert result.returncode == 0, result.stderr
    assert tables_bytes(again) == tables_bytes(messy_build)
    assert tables_bytes(parallel) == tables_bytes(messy_build)


def test_messy_corpus_from_the_result_store_is_the_same_bytes(messy_corpus, messy_build, tmp_path):
    """Cold into an empty store with two jobs, then every file (rejects too) reused from it."""
    root, env = _project_copy(tmp_path)
    cold = build(messy_corpus, tmp_path / "cold", "--jobs", "2", env=env)
    warm = subprocess.run([sys.executable, "-m", "defcoop", "build", "--corpus", str(messy_corpus),
                           "--out", str(tmp_path / "warm")], cwd=ROOT, capture_output=True, text=True, env=env)
    assert cold.returncode == 0 and warm.returncode == 0, cold.stderr + warm.stderr
    files = sum(1 for p in messy_corpus.rglob("*") if p.is_file())
    assert f"({files} reused from the result store, 0 extracted)" in warm.stderr
    assert (root / "data" / "interim" / "results.sqlite").exists()
    assert tables_bytes(tmp_path / "cold") == tables_bytes(messy_build)
    assert tables_bytes(tmp_path / "warm") == tables_bytes(messy_build)


def test_tables_read_back_and_written_again_are_the_same_bytes(messy_build, tmp_path):
    """The round trip notebooks and tests rely on: `read_string_table` then `write_tables`
    reproduces every CSV byte for byte (quoting, empty cells, newlines in text)."""
    from defcoop.schemas import read_string_table
    from defcoop.build.tables import write_tables

    tables = {name: read_string_table(messy_build / f"{name}.csv", name) for name in TABLE_NAMES}
    write_tables(tables, tmp_path / "again")
    assert tables_bytes(tmp_path / "again") == tables_bytes(messy_build)


@pytest.mark.parametrize("point", ["streaming", "before_swap"])
def test_a_build_killed_at_a_named_point_leaves_previous_tables_intact(tmp_path, point):
    """SIGKILL at a named point of the build (`defcoop.build.tables.stop_point`, a test-only hook):
    while results stream into the staging folder, or with every table staged but not yet
    swapped in. The previous tables stay as they were; the next build sweeps the staging folder
    away and writes the new tables. No timing: the build kills itself at that point."""
    corpus = _generator().generate(tmp_path / "corpus", 12)
    out = tmp_path / "tables"
    assert build(corpus, out, "--no-store").returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (corpus / "part000" / "late_addition.txt").write_text(
        "Vietnam and Cambodia agreed to hold more joint border patrols.\n", encoding="utf-8")
    killed = build(corpus, out, env={**os.environ, "DEFCOOP_TEST_STOP_AT": point})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert list(tmp_path.glob(".defcoop-build-*")), "the killed build left no staging folder to sweep"
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert build(corpus, out).returncode == 0
    assert not list(tmp_path.glob(".defcoop-build-*"))
    assert any(row["article_id"] == "late_addition" for row in rows(out, "articles"))


def _project_copy(tmp_path):
    """A throwaway copy of the rules and reference data, used through DEFCOOP_ROOT."""
    import shutil

    root = tmp_path / "project"
    for folder in ("data/reference", "data/rules"):
        shutil.copytree(ROOT / folder, root / folder)
    (root / "seeds").mkdir()
    env = {**os.environ, "DEFCOOP_ROOT": str(root)}
    return root, env


@pytest.fixture()
def tiny_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "talks.txt").write_text("Vietnam and Cambodia agreed to hold joint border patrols.\n", encoding="utf-8")
    return corpus


def _previous_tables(tiny_corpus, tmp_path):
    out = tmp_path / "tables"
    assert build(tiny_corpus, out).returncode == 0
    return out, tables_bytes(out)


def test_codebook_error_stops_before_anything_is_written(tiny_corpus, tmp_path):
    out, before = _previous_tables(tiny_corpus, tmp_path)
    root, env = _project_copy(tmp_path)
    themes = root / "data" / "rules" / "en" / "themes.yaml"
    lines = themes.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.lstrip().startswith("label:"))
    lines[number] = lines[number].split("label:")[0] + "lable: oops"
    themes.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = build(tiny_corpus, out, env=env)
    assert result.returncode == 2
    message = result.stderr.strip()
    assert message.count("\n") == 0 and "themes.yaml:" in message
    assert tables_bytes(out) == before
    assert not list(tmp_path.glob(".defcoop-build-*"))


def test_reference_error_stops_before_anything_is_written(tiny_corpus, tmp_path):
    out, before = _previous_tables(tiny_corpus, tmp_path)
    root, env = _project_copy(tmp_path)
    officials = root / "data" / "reference" / "officials.csv"
    with open(officials, "a", encoding="utf-8") as handle:
        handle.write("Nobody,,VN,no_such_role,Nobody,2020-01-01,,test,\n")
    line = officials.read_text(encoding="utf-8").count("\n")
    result = build(tiny_corpus, out, env=env)
    assert result.returncode == 2
    assert f"officials.csv:{line}:" in result.stderr
    assert tables_bytes(out) == before


@pytest.mark.parametrize("text, problem", [
    ("table,id,field,value,note\nmeetings,x,mechanism,picnic,seen\n", ":2: mechanism 'picnic': not one of"),
    ("table,id,field,value,note\n\narticles,a,title,New,\n", ":3: missing note"),
    ("table,id,field\n", ":1: header must be"),
    ("table,id,field,value,note\nnope,a,title,x,y\n", ":2: unknown table 'nope'"),
])
def test_override_error_stops_before_anything_is_written(tiny_corpus, tmp_path, text, problem):
    out, before = _previous_tables(tiny_corpus, tmp_path)
    overrides = tmp_path / "overrides.csv"
    overrides.write_text(text, encoding="utf-8")
    result = build(tiny_corpus, out, "--overrides", str(overrides))
    assert result.returncode == 2
    assert f"{overrides}{problem}" in result.stderr
    assert tables_bytes(out) == before


def test_override_applied_to_a_streamed_table_is_logged(tiny_corpus, tmp_path):
    overrides = tmp_path / "overrides.csv"
    overrides.write_text("table,id,field,value,note\narticles,talks,title,Border patrols,headline from print\n"
                         "sentences,talks-S000,kind,commitment,they agreed\n", encoding="utf-8")
    out = tmp_path / "tables"
    result = build(tiny_corpus, out, "--overrides", str(overrides))
    assert result.returncode == 0, result.stderr
    assert rows(out, "articles")[0]["title"] == "Border patrols"
    assert rows(out, "sentences")[0]["kind"] == "commitment"
    log = rows(out, "overrides_log")
    assert [(row["line"], row["table"], row["new_value"]) for row in log] == [
        ("2", "articles", "Border patrols"), ("3", "sentences", "commitment")]
