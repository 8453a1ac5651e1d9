"""Where defcoop finds its reference data and default corpus.

The package is installed in editable mode from ``lib/``, so the project root is two
levels above this file. ``DEFCOOP_ROOT`` overrides it (used by tests and benchmarks
that run against a temporary copy of the project).

>>> DATA_DIR.name
'data'
"""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(os.environ.get("DEFCOOP_ROOT", Path(__file__).resolve().parents[2]))
DATA_DIR = PROJECT_ROOT / "data"
REFERENCE_DIR = DATA_DIR / "reference"
RULES_DIR = DATA_DIR / "rules"           # data/rules/<lang>/<name>.yaml, see defcoop.rules
EN_RULES_DIR = RULES_DIR / "en"
PROCESSED_DIR = DATA_DIR / "processed"
INTERIM_DIR = DATA_DIR / "interim"
DEFAULT_CORPUS = PROJECT_ROOT / "seeds"
OVERRIDES_FILE = DATA_DIR / "overrides.csv"
