"""Schemas every table must pass before it is written, and typed reading of the CSVs.

Tables travel between stages as string columns (so the CSVs are byte-stable); the schemas
check the vocabulary and shape of each column (ISO dates, known mechanisms and kinds,
unique ids, one interval per meeting) and `read_table` gives notebooks typed columns.

>>> validate_tables(build_tables("seeds"))   # doctest: +SKIP
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

# ---------------------------------------------------------------- the registry: tables, ids, vocabularies

# Columns of every table, in CSV order; every module takes table shapes from here.
TABLE_COLUMNS: dict[str, list[str]] = {
    "articles": [
        "article_id", "title", "source", "dateline", "url", "published", "language", "format",
        "path", "encoding", "chars_raw", "chars_clean", "n_sentences", "text",
    ],
    "rejects": ["path", "reason", "detail"],
    "cleaning_log": ["article_id", "action", "rule", "line", "text"],
    "meetings": [
        "meeting_id", "article_ids", "date_start", "date_end", "date_precision", "date_evidence",
        "place", "country", "mechanism", "edition", "format", "vn_lead", "kh_lead", "evidence_sentence",
    ],
    "participants": ["participant_id", "meeting_id", "person", "country", "role", "name_as_written", "article_id"],
    "agreements": ["agreement_id", "meeting_id", "article_id", "kind", "subject", "sentence"],
    "sentences": [
        "sentence_id", "article_id", "meeting_id", "sentence_index", "sentence", "kind", "actor", "themes",
    ],
    "overrides_log": ["line", "table", "id", "field", "old_value", "new_value", "note"],
}
TABLE_NAMES = tuple(TABLE_COLUMNS)
# The id column of each table overrides can address.
ID_COLUMNS = {
    "articles": "article_id", "meetings": "meeting_id", "participants": "participant_id",
    "agreements": "agreement_id", "sentences": "sentence_id",
}
# The 15 theme ids the gold format scores (shared/eval/GOLD.md); the codebook must define each.
CORE_THEMES: tuple[str, ...] = (
    "border_patrol", "border_demarcation", "training", "remains_repatriation", "trilateral",
    "multilateral", "transnational_crime", "maritime", "delegation_exchange",
    "information_sharing", "search_rescue", "pandemic", "defence_law", "political_education",
    "defence_economy",
)

DATE_PRECISIONS = ("day", "month", "year", "unknown")
MEETING_FORMATS = ("in_person", "online")
SENTENCE_KINDS = ("commitment", "result", "statement")   # what defcoop.extract.sentences returns


def mechanism_ids() -> tuple[str, ...]:
    """The meeting mechanism ids, in the order ``data/rules/en/mechanisms.yaml`` defines them.

    >>> mechanism_ids()[0], "other" in mechanism_ids()
    ('defence_policy_dialogue', True)
    """
    from defcoop.rules import load_rules

    return tuple(mechanism for mechanism, _, _ in load_rules("mechanisms").examples)


def agreement_kinds() -> tuple[str, ...]:
    """The kinds of signed documents, in the order ``data/rules/en/agreements.yaml`` defines them.

    >>> "mou" in agreement_kinds()
    True
    """
    from defcoop.rules import load_rules

    return tuple(kind for kind, _ in load_rules("agreements").kinds)


ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
ISO2 = r"^[A-Z]{2}$"

DATE_COLUMNS = {"articles": ["published"], "meetings": ["date_start", "date_end"]}
INT_COLUMNS = {
    "articles": ["chars_raw", "chars_clean", "n_sentences"],
    "cleaning_log": ["line"],
    "meetings": ["edition"],
    "sentences": ["sentence_index"],
}


class SchemaError(ValueError):
    """A table broke its schema; the message names the table, column and first bad rows."""


def _schemas() -> dict:
    """The table schemas with today's vocabularies (rebuilt when a rule file changes them)."""
    return _schemas_for(mechanism_ids(), agreement_kinds())


def _column_rules() -> dict[str, dict[str, dict]]:
    """`column_rules` of every table, with today's vocabularies."""
    return _column_rules_for(mechanism_ids(), agreement_kinds())


@lru_cache(maxsize=4)
def _column_rules_for(mechanisms: tuple[str, ...], agreement_kinds: tuple[str, ...]) -> dict:
    """What each column must hold, as plain data: the one source of the pandera schemas
    (`_schemas_for`), of the quick check that spares a build importing pandera when its rows
    are sound (`rows_pass`), and of the tables' descriptions (`defcoop.build.datapackage`)."""
    def text(required=False, unique=False):
        return {"required": required, "unique": unique, "enum": None, "pattern": None}

    def one_of(values):
        return {**text(required=True), "enum": tuple(values)}

    def matches(pattern):
        return {**text(), "pattern": pattern}

    integer = matches(r"^\d+$")
    ids = {"required": True, "unique": True}
    return {
        "articles": {
            "article_id": text(**ids), "title": text(), "source": text(), "dateline": text(), "url": text(),
            "published": matches(ISO_DATE), "language": text(), "format": one_of(("txt", "md", "html", "jsonl")),
            "path": text(required=True), "encoding": text(), "chars_raw": integer, "chars_clean": integer,
            "n_sentences": integer, "text": text(required=True),
        },
        "rejects": {"path": text(required=True), "reason": text(required=True), "detail": text()},
        "cleaning_log": {
            "article_id": text(required=True), "action": one_of(("removed", "repaired", "extracted", "warning")),
            "rule": text(required=True), "line": integer, "text": text(),
        },
        "meetings": {
            "meeting_id": text(**ids), "article_ids": text(required=True),
            "date_start": matches(ISO_DATE), "date_end": matches(ISO_DATE),
            "date_precision": one_of(DATE_PRECISIONS), "date_evidence": text(),
            "place": text(), "country": matches(ISO2), "mechanism": one_of(mechanisms),
            "edition": integer, "format": one_of(MEETING_FORMATS),
            "vn_lead": text(), "kh_lead": text(), "evidence_sentence": text(),
        },
        "participants": {
            "participant_id": text(**ids), "meeting_id": text(required=True), "person": text(required=True),
            "country": matches(ISO2), "role": text(), "name_as_written": text(required=True),
            "article_id": text(required=True),
        },
        "agreements": {
            "agreement_id": text(**ids), "meeting_id": text(), "article_id": text(required=True),
            "kind": one_of(agreement_kinds), "subject": text(), "sentence": text(required=True),
        },
        "sentences": {
            "sentence_id": text(**ids), "article_id": text(required=True), "meeting_id": text(),
            "sentence_index": integer, "sentence": text(required=True), "kind": one_of(SENTENCE_KINDS),
            "actor": text(required=True), "themes": text(),
        },
        "overrides_log": {
            "line": integer, "table": text(required=True), "id": text(required=True),
            "field": text(required=True), "old_value": text(), "new_value": text(), "note": text(required=True),
        },
    }


@lru_cache(maxsize=4)
def _schemas_for(mechanisms: tuple[str, ...], agreement_kinds: tuple[str, ...]) -> dict:
    import pandera.pandas as pa

    def column(rule: dict):
        checks = []
        if rule["enum"] is not None:
            checks.append(pa.Check.isin(list(rule["enum"])))
        if rule["pattern"] is not None:
            checks.append(pa.Check.str_matches(rule["pattern"]))
        return pa.Column("string", checks or None, nullable=not rule["required"], unique=rule["unique"])

    table_checks = {"meetings": pa.Check(_dates_in_order, error="date_start after date_end")}
    return {
        name: pa.DataFrameSchema({name: column(rule) for name, rule in rules.items()},
                                 checks=table_checks.get(name), strict=True, ordered=True)
        for name, rules in _column_rules_for(mechanisms, agreement_kinds).items()
    }


def _dates_in_order(frame) -> bool:
    """No meeting starts after it ends (undated ones have neither date)."""
    return (frame["date_start"].isna() | (frame["date_start"] <= frame["date_end"])).all()


def validate_tables(tables: dict) -> None:
    """Raise SchemaError naming the table and the failing checks when any table is invalid."""
    for name in _schemas():
        validate_table(name, tables[name])


def validate_table(name: str, frame) -> None:
    """Check one table (or a chunk of one, indexed by its row numbers) against its schema.

    Sound rows are recognised by `rows_pass`; pandera is asked only when it finds a fault,
    to name every failing check. A large table is validated chunk by chunk by
    `defcoop.build.tables`, which checks the uniqueness of ids across chunks itself.
    """
    if rows_pass(name, frame):
        return
    import pandera.errors

    try:
        _schemas()[name].validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as error:
        cases = error.failure_cases.head(5)
        details = "; ".join(
            f"column {row.column!r}: {row.check} (value {row.failure_case!r}, row {row.index})"
            for row in cases.itertuples()
        )
        raise SchemaError(f"table {name}: {details}") from None


def rows_pass(name: str, frame) -> bool:
    """Whether `frame` passes table `name`'s schema, checked from `column_rules` without
    pandera, whose import would cost a fresh kernel about 0.3 s on every incremental build.
    True only when every rule holds; on False, `validate_table` asks pandera what broke.

    >>> import pandas as pd
    >>> rejects = pd.DataFrame({"path": ["a.txt"], "reason": ["empty"], "detail": [None]}, dtype="string")
    >>> rows_pass("rejects", rejects), rows_pass("rejects", rejects.assign(reason=pd.NA))
    (True, False)
    """
    import re

    rules = _column_rules()[name]
    if list(frame.columns) != list(rules):
        return False
    for column, rule in rules.items():
        values = frame[column]
        if str(values.dtype) != "string":
            return False
        missing = values.isna()
        if rule["required"] and missing.any():
            return False
        present = values[~missing]
        if rule["unique"] and not present.is_unique:
            return False
        if rule["enum"] is not None and not present.isin(rule["enum"]).all():
            return False
        if rule["pattern"] is not None:
            match = re.compile(rule["pattern"]).match
            if not all(match(value) for value in present.tolist()):
                return False
    if name == "meetings":
        try:
            return bool(_dates_in_order(frame))
        except (TypeError, ValueError):   # a comparison pandas cannot make: let pandera say why
            return False
    return True


def unique_columns(name: str) -> list[str]:
    """Columns of table `name` whose values must be unique (its id).

    >>> unique_columns("sentences")
    ['sentence_id']
    """
    return [column for column, rule in _column_rules()[name].items() if rule["unique"]]


def _read_csv(source):
    import pandas as pd

    return pd.read_csv(source, dtype="string", keep_default_na=False, na_values=[""], encoding="utf-8")


def read_string_table(source, name: str):
    """Read one written CSV (a path or an open text buffer) back as the build held it: string
    columns, empty cells missing, except in required columns, where an empty cell was
    written from an empty string (an article whose text cleaned away to nothing) and is
    read back as one. The build validates its tables in this form, as they will be read."""
    frame = _read_csv(source)
    for column in required_columns(name):
        frame[column] = frame[column].fillna("")
    return frame


def read_table(path: Path, name: str):
    """Read one written CSV with typed columns: ISO dates to datetime64, counts to Int64."""
    import pandas as pd

    frame = _read_csv(path)
    for column in DATE_COLUMNS.get(name, []):
        frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
    for column in INT_COLUMNS.get(name, []):
        frame[column] = frame[column].astype("Int64")
    return frame


def column_rules(name: str) -> dict[str, dict]:
    """What the schema says of each column of table `name`: required, unique, the allowed
    values (`enum`) and the pattern, for descriptions of the tables outside pandera
    (`defcoop.build.datapackage`).

    >>> column_rules("meetings")["date_precision"]
    {'required': True, 'unique': False, 'enum': ('day', 'month', 'year', 'unknown'), 'pattern': None}
    """
    return {column: dict(rule) for column, rule in _column_rules()[name].items()}


def required_columns(name: str) -> list[str]:
    """Columns of table `name` that may not be missing.

    >>> required_columns("rejects")
    ['path', 'reason']
    """
    return [column for column, rule in _column_rules()[name].items() if rule["required"]]
