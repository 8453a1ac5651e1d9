"""Every gold set in tests/gold/ scored against a fresh build of its corpus, each held to the
minimums in its own header (`# test-corpus:` and `# test-thresholds:` lines), so adding a gold
set is adding a file.

The scores each blind set had when it arrived (the honest estimate for unseen articles) are in
the comments of its header; the thresholds sit just below the scores after the fixes it prompted.
"""
from pathlib import Path

import pytest
import yaml

from defcoop.evaluation.evaluate import accuracy, evaluate, load_gold

ROOT = Path(__file__).resolve().parents[1]
GOLD_FILES = sorted((ROOT / "tests" / "gold").glob("*.yaml"))
F1_METRICS = ("meetings", "themes", "agreements")


def header(path: Path) -> tuple[Path, dict[str, float]]:
    """The corpus folder and the score minimums a gold file's header names."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        key, _, value = line[1:].strip().partition(":")
        if key in ("test-corpus", "test-thresholds"):
            found[key] = value.strip()
    assert set(found) == {"test-corpus", "test-thresholds"}, f"{path.name}: header lacks test-corpus / test-thresholds"
    return ROOT / found["test-corpus"], yaml.safe_load(found["test-thresholds"])


@pytest.fixture(scope="module")
def reports():
    """One build and evaluation per gold file, shared by its metrics."""
    from defcoop.build.tables import build_tables

    cache = {}

    def report(path: Path):
        if path not in cache:
            corpus, _ = header(path)
            cache[path] = evaluate(load_gold(path), build_tables(corpus))
        return cache[path]

    return report


def test_every_gold_file_names_its_corpus_and_minimums():
    assert len(GOLD_FILES) >= 6
    for path in GOLD_FILES:
        corpus, minimums = header(path)
        assert corpus.is_dir(), f"{path.name}: corpus {corpus} not found"
        assert set(minimums) >= set(F1_METRICS)
        assert all(0 < value <= 1 for value in minimums.values())


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_gold_set_scores_hold(path, reports):
    report = reports(path)
    _, minimums = header(path)
    scores = {metric: (getattr(report, metric)["f1"] if metric in F1_METRICS else accuracy(report, metric))
              for metric in minimums}
    below = {metric: round(score, 3) for metric, score in scores.items() if score < minimums[metric]}
    assert not below, f"{path.name}: below the minimum of its header: {below} (minimums {minimums})"
