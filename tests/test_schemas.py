"""The quick schema check (`rows_pass`) against pandera, the authority it spares a build importing."""
from __future__ import annotations

import pandas as pd
import pytest

from defcoop.schemas import (
    SchemaError, TABLE_COLUMNS, _schemas, column_rules, rows_pass, unique_columns, validate_table,
)


def _pandera_passes(name: str, frame) -> bool:
    import pandera.errors

    try:
        _schemas()[name].validate(frame, lazy=True)
    except pandera.errors.SchemaErrors:
        return False
    return True


def _broken_variants(name: str, frame):
    """(what was broken, frame) for every rule of every column `frame` can break."""
    first = frame.index[0]
    for column, rule in column_rules(name).items():
        if rule["required"]:
            yield f"{column} missing", frame.assign(**{column: frame[column].mask(frame.index == first)})
        if rule["unique"] and len(frame) > 1:
            copied = frame[column].copy()
            copied.iloc[1] = copied.iloc[0]
            yield f"{column} repeated", frame.assign(**{column: copied})
        if rule["enum"] is not None:
            yield f"{column} outside its vocabulary", _with(frame, column, "no-such-value")
        if rule["pattern"] is not None:
            yield f"{column} not matching", _with(frame, column, "12x")
    yield "columns out of order", frame[list(reversed(frame.columns))]
    if name == "meetings":
        dated = frame["date_start"].notna()
        if dated.any():
            later = frame["date_start"].mask(dated & (dated.cumsum() == 1), "2999-01-01")
            yield "date_start after date_end", frame.assign(date_start=later)


def _with(frame, column: str, value: str):
    changed = frame[column].copy()
    changed.iloc[0] = value
    return frame.assign(**{column: changed})


@pytest.fixture(scope="module")
def seed_frames(seed_tables) -> dict:
    return {name: seed_tables[name].astype("string") for name in TABLE_COLUMNS
            if name in seed_tables and len(seed_tables[name])}


def test_sound_seed_tables_pass_both_checks(seed_frames):
    assert {"articles", "meetings", "participants", "agreements", "sentences"} <= set(seed_frames)
    for name, frame in seed_frames.items():
        assert rows_pass(name, frame), name
        assert _pandera_passes(name, frame), name


def test_every_broken_rule_fails_both_checks(seed_frames):
    checked = 0
    for name, frame in seed_frames.items():
        for what, broken in _broken_variants(name, frame):
            assert not rows_pass(name, broken), f"{name}: {what}"
            assert not _pandera_passes(name, broken), f"{name}: {what}"
            checked += 1
    assert checked > 40


def test_an_unexpected_column_type_is_left_to_pandera(seed_frames):
    as_objects = seed_frames["articles"].astype("object")
    assert not rows_pass("articles", as_objects)
    validate_table("articles", as_objects)   # pandera accepts Python strings in an object column


def test_a_fault_is_still_reported_by_pandera_with_the_row():
    frame = pd.DataFrame({"path": ["a.txt", "b.txt"], "reason": ["empty", pd.NA], "detail": [pd.NA, pd.NA]},
                         dtype="string")
    with pytest.raises(SchemaError, match=r"table rejects: column 'reason': not_nullable.*row 1"):
        validate_table("rejects", frame)


def test_the_id_columns_are_the_unique_ones():
    from defcoop.schemas import ID_COLUMNS

    assert {name: unique_columns(name) for name in ID_COLUMNS} == {
        name: [column] for name, column in ID_COLUMNS.items()}
    assert unique_columns("rejects") == []


def test_schema_rules_do_not_import_pandera():
    import subprocess
    import sys

    code = ("import sys, pandas as pd\n"
            "from defcoop.schemas import rows_pass, unique_columns, required_columns\n"
            "frame = pd.DataFrame({'path': ['a'], 'reason': ['r'], 'detail': [None]}, dtype='string')\n"
            "assert rows_pass('rejects', frame) and unique_columns('meetings') == ['meeting_id']\n"
            "print('pandera' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
