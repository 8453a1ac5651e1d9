"""Human review: analyst corrections applied after extraction, each with a note.

data/overrides.csv has one row per corrected field: ``table,id,field,value,note``.
Lines starting with ``#`` are comments. Every row is checked before anything is written:
a row naming an unknown table, id or field, a value outside the column's vocabulary or a
missing note stops the build with ``file:line: problem``. Applied rows are logged in
the overrides_log table with the old and the new value.

>>> rows = parse_overrides("table,id,field,value,note\\nmeetings,m1,place,Hanoi,seen in photo\\n", "o.csv")
>>> rows[0].line, rows[0].value
(2, 'Hanoi')
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from defcoop.schemas import ID_COLUMNS, TABLE_COLUMNS

HEADER = ["table", "id", "field", "value", "note"]


class OverridesError(ValueError):
    """A bad overrides row: the message starts with ``file:line:``."""


@dataclass(frozen=True)
class Override:
    source: str
    line: int
    table: str
    id: str
    field: str
    value: str
    note: str

    def where(self) -> str:
        return f"{self.source}:{self.line}"


def parse_overrides(text: str, source: str) -> list[Override]:
    """Parse the overrides CSV text; syntax problems raise OverridesError with the line."""
    lines = [(number, line) for number, line in enumerate(text.splitlines(), start=1)
             if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        return []
    header_line, header = lines[0]
    if next(csv.reader([header])) != HEADER:
        raise OverridesError(f"{source}:{header_line}: header must be {','.join(HEADER)}")
    overrides = []
    for number, line in lines[1:]:
        cells = next(csv.reader(io.StringIO(line)))
        if len(cells) != len(HEADER):
            raise OverridesError(f"{source}:{number}: expected {len(HEADER)} fields, found {len(cells)}")
        row = Override(source, number, *(cell.strip() for cell in cells))
        _check_row(row)
        overrides.append(row)
    return overrides


def _check_row(row: Override) -> None:
    if row.table not in ID_COLUMNS:
        raise OverridesError(f"{row.where()}: unknown table {row.table!r} (one of {', '.join(ID_COLUMNS)})")
    if not row.id:
        raise OverridesError(f"{row.where()}: missing id")
    if not row.note:
        raise OverridesError(f"{row.where()}: missing note (say why the value is corrected)")

    if row.field not in TABLE_COLUMNS[row.table] or row.field == ID_COLUMNS[row.table]:
        raise OverridesError(f"{row.where()}: table {row.table} has no editable field {row.field!r}")
    problem = _value_problem(row.field, row.value)
    if problem:
        raise OverridesError(f"{row.where()}: {row.field} {row.value!r}: {problem}")


def _value_problem(field: str, value: str) -> str | None:
    from defcoop import schemas

    if value == "":
        return None
    vocabularies = {
        "mechanism": schemas.mechanism_ids(), "date_precision": schemas.DATE_PRECISIONS,
        "format": schemas.MEETING_FORMATS, "kind": schemas.agreement_kinds() + schemas.SENTENCE_KINDS,
    }
    patterns = {"date_start": schemas.ISO_DATE, "date_end": schemas.ISO_DATE, "published": schemas.ISO_DATE,
                "country": schemas.ISO2, "edition": r"^\d+$", "sentence_index": r"^\d+$"}
    if field in vocabularies and value not in vocabularies[field]:
        return "not one of " + ", ".join(vocabularies[field])
    if field in patterns and not re.match(patterns[field], value):
        return f"does not match {patterns[field]}"
    return None


def load_overrides(path) -> list[Override]:
    """Read and check an overrides file; a missing default file means no overrides."""
    path = Path(path)
    if not path.exists():
        return []
    return parse_overrides(path.read_text(encoding="utf-8-sig"), str(path))


def apply_overrides(tables: dict, overrides: list[Override]) -> dict:
    """Return tables with every override applied, plus an `overrides_log` table."""
    import pandas as pd

    log = []
    for row in overrides:
        frame = tables[row.table]
        matches = frame.index[frame[ID_COLUMNS[row.table]] == row.id]
        if len(matches) == 0:
            raise OverridesError(f"{row.where()}: no {row.table} row with {ID_COLUMNS[row.table]} {row.id!r}")
        old = frame.at[matches[0], row.field]
        frame.loc[matches, row.field] = row.value if row.value != "" else pd.NA
        log.append({"line": str(row.line), "table": row.table, "id": row.id, "field": row.field,
                    "old_value": None if pd.isna(old) else str(old), "new_value": row.value or None,
                    "note": row.note})

    tables["overrides_log"] = pd.DataFrame(log, columns=TABLE_COLUMNS["overrides_log"]).astype("string")
    return tables
