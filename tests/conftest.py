"""Shared fixtures: the project root, the seeds corpus and a small synthetic corpus."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
PROCESSED = ROOT / "data" / "processed"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_tables():
    """The seeds built once per test session (fresh, not read from data/processed)."""
    from defcoop.build.tables import build_tables

    return build_tables(SEEDS)


SYNTHETIC_ARTICLE = """---
title: Viet Nam, Cambodia hold defence talks
published: 2024-03-15
source: VNA
---
Hanoi (VNA) - Defence Minister Gen. Phan Van Giang held talks with Cambodian Deputy Premier and Defence Minister Gen. Tea Seiha in Hanoi on March 14.

The two sides agreed to step up joint patrols along the shared border and to boost personnel training.

After the talks, the two ministers signed the cooperation plan for 2024.
"""


@pytest.fixture()
def small_corpus(tmp_path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "talks_2024.md").write_text(SYNTHETIC_ARTICLE, encoding="utf-8")
    return corpus


@pytest.fixture(autouse=True, scope="session")
def _fresh_caches_under_mutation():
    """Under mutmut (tests/mutation.py) each mutant's tests run in a process forked after the
    whole suite ran once with the original code: rule files it parsed and regexes it compiled
    would be reused, hiding mutants in the loaders. Start such a process with empty caches."""
    import os
    import sys

    if os.environ.get("MUTANT_UNDER_TEST", "") in ("", "stats", "fail"):
        return
    for name, module in list(sys.modules.items()):
        if name.startswith("defcoop"):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
    from defcoop.rules import cache as rulecache

    rulecache.clear()
