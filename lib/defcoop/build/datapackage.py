"""The tables as a Frictionless Data Package: `datapackage.json` beside the CSVs.

A colleague, a journal or a data portal should open the tables without guessing types. The
descriptor is generated from the project's one schema (`defcoop.schemas`: types, required and
unique columns, vocabularies as enum constraints, patterns), the ids (`primaryKey`), the links
between tables (`foreignKeys`) and the column descriptions of data/README.md, so it cannot
drift from what the build checks. It holds no timestamp: the same code writes the same bytes.

>>> package = descriptor()
>>> [r["name"] for r in package["resources"]][:3]
['articles', 'rejects', 'cleaning_log']
>>> meetings = next(r for r in package["resources"] if r["name"] == "meetings")
>>> meetings["schema"]["primaryKey"], meetings["schema"]["fields"][2]["type"]   # ISO dates
('meeting_id', 'date')
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from defcoop import __version__
from defcoop.schemas import DATE_COLUMNS, ID_COLUMNS, INT_COLUMNS, TABLE_COLUMNS, column_rules

FILE = "datapackage.json"
# The column documentation of this code's tables: beside the code, not under DEFCOOP_ROOT
# (a project copy with its own data need not carry the docs).
README = Path(__file__).resolve().parents[3] / "data" / "README.md"

# table -> [(column, table it refers to, that table's key)]
FOREIGN_KEYS: dict[str, list[tuple[str, str, str]]] = {
    "cleaning_log": [("article_id", "articles", "article_id")],
    "participants": [("meeting_id", "meetings", "meeting_id"), ("article_id", "articles", "article_id")],
    "agreements": [("meeting_id", "meetings", "meeting_id"), ("article_id", "articles", "article_id")],
    "sentences": [("article_id", "articles", "article_id"), ("meeting_id", "meetings", "meeting_id")],
}
LICENSE = {
    "name": "other-closed",
    "title": ("Article texts and the sentences quoted from them remain their publishers' copyright "
              "(see articles.csv: source, url); the extracted fields (dates, places, leads, mechanisms, "
              "themes, kinds) may be reused with attribution to defcoop"),
}
_HEADING = re.compile(r"^## (\w+)\.csv\s+[—-]+\s+(.+)$")
_ROW = re.compile(r"^\|\s*([a-z_][a-z_, ]*?)\s*\|\s*(.+?)\s*\|$")


def descriptor(readme: Path | str | None = None) -> dict:
    """The data package descriptor for the tables `defcoop.build.tables` writes."""
    readme = Path(readme) if readme else README
    docs = readme_descriptions(readme) if readme.exists() else {}   # an install without the docs
    resources = []
    for name, columns in TABLE_COLUMNS.items():
        table_doc, column_docs = docs.get(name, ("", {}))
        resources.append({
            "name": name,
            "path": f"{name}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            **({"description": table_doc} if table_doc else {}),
            "dialect": {"delimiter": ",", "lineTerminator": "\n", "quoteChar": '"', "doubleQuote": True,
                        "header": True},
            "schema": table_schema(name, columns, column_docs),
        })
    return {
        "profile": "tabular-data-package",
        "name": "defcoop-tables",
        "title": "Vietnam-Cambodia defence cooperation: meetings, participants, agreements and sentences from news articles",
        "description": ("Tidy tables built by defcoop from a corpus of news articles. Every row keeps the "
                        "article id (and sentence) it was read from. Column meanings: data/README.md."),
        "version": __version__,
        "licenses": [LICENSE],
        "sources": [{"title": "News articles: each one's outlet and url are in articles.csv (source, url)",
                     "path": "articles.csv"}],
        "resources": resources,
    }


def table_schema(name: str, columns: list[str], docs: dict[str, str]) -> dict:
    """A Table Schema for one table: fields with types and constraints, keys."""

    rules = column_rules(name)
    fields = []
    for column in columns:
        rule = rules[column]
        kind = ("date" if column in DATE_COLUMNS.get(name, ()) else
                "integer" if column in INT_COLUMNS.get(name, ()) else "string")
        constraints = {}
        if rule["required"]:
            constraints["required"] = True
        if rule["unique"]:
            constraints["unique"] = True
        if rule["enum"]:
            constraints["enum"] = list(rule["enum"])
        if rule["pattern"] and kind == "string":
            constraints["pattern"] = rule["pattern"].removeprefix("^").removesuffix("$")
        field = {"name": column, "type": kind}
        if column in docs:
            field["description"] = docs[column]
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    schema: dict = {"fields": fields, "missingValues": [""]}
    if name in ID_COLUMNS:
        schema["primaryKey"] = ID_COLUMNS[name]
    if name in FOREIGN_KEYS:
        schema["foreignKeys"] = [{"fields": column, "reference": {"resource": table, "fields": key}}
                                 for column, table, key in FOREIGN_KEYS[name]]
    return schema


def readme_descriptions(readme: Path) -> dict[str, tuple[str, dict[str, str]]]:
    """(table description, {column: meaning}) for each `## name.csv — what` section of data/README.md.

    A row naming several columns ("date_start, date_end") describes each of them.

    >>> docs = readme_descriptions(README)
    >>> docs["meetings"][0]
    'one row per meeting, however many articles report it'
    >>> docs["meetings"][1]["date_end"].startswith("inclusive interval")
    True
    """
    found: dict[str, tuple[str, dict[str, str]]] = {}
    table = None
    for line in readme.read_text(encoding="utf-8").splitlines():
        heading = _HEADING.match(line)
        if heading:
            table = heading.group(1)
            found[table] = (heading.group(2).strip(), {})
            continue
        if line.startswith("## "):
            table = None
            continue
        row = _ROW.match(line)
        if table and row and row.group(1) != "column":
            for column in row.group(1).split(","):
                found[table][1][column.strip()] = _plain(row.group(2))
    return found


def _plain(markdown: str) -> str:
    """A README cell as plain text: no backticks, escaped pipes restored."""
    return markdown.replace("`", "").replace("\\|", "|")


def write(folder: Path) -> Path:
    """Write `datapackage.json` into `folder` (a build's staging folder); return its path."""
    path = Path(folder) / FILE
    path.write_text(json.dumps(descriptor(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
