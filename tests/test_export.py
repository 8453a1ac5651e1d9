"""python -m defcoop export: the tables as an Excel workbook or Parquet files, opened back."""
import subprocess
import sys

import pandas as pd
import pytest

from defcoop.build.export import EXCEL_CELL_CHARS, ExportError, excel_ready, export_tables
from defcoop.paths import PROCESSED_DIR, PROJECT_ROOT
from defcoop.build.tables import TABLE_NAMES, read_tables


def test_xlsx_has_a_readme_sheet_and_one_sheet_per_table(tmp_path):
    pytest.importorskip("openpyxl")
    out = export_tables(PROCESSED_DIR, tmp_path / "tables.xlsx", "xlsx")
    sheets = pd.read_excel(out, sheet_name=None)
    assert list(sheets) == ["README", *TABLE_NAMES]
    tables = read_tables(PROCESSED_DIR)
    meetings = sheets["meetings"]
    assert meetings["meeting_id"].tolist() == tables["meetings"]["meeting_id"].tolist()
    assert meetings["date_start"].tolist() == tables["meetings"]["date_start"].tolist()   # dates stay dates
    readme = sheets["README"]
    row = readme[(readme["table"] == "meetings") & (readme["column"] == "mechanism")].iloc[0]
    assert "ministerial_talks" in row["allowed values"]


def test_parquet_keeps_types_and_ships_the_descriptor(tmp_path):
    pytest.importorskip("pyarrow")
    out = export_tables(PROCESSED_DIR, tmp_path / "parquet", "parquet")
    tables = read_tables(PROCESSED_DIR)
    for name in TABLE_NAMES:
        back = pd.read_parquet(out / f"{name}.parquet")
        assert back.shape == tables[name].shape
    meetings = pd.read_parquet(out / "meetings.parquet")
    assert str(meetings["date_start"].dtype).startswith("datetime64")
    assert str(meetings["edition"].dtype) == "Int64"
    assert (out / "datapackage.json").exists()


def test_a_cell_too_long_for_excel_is_cut_and_listed():
    frame = pd.DataFrame({"article_id": ["a", "b"], "text": ["short", "y" * (EXCEL_CELL_CHARS + 5)]}, dtype="string")
    ready, cuts = excel_ready("articles", frame)
    assert len(ready.loc[1, "text"]) == EXCEL_CELL_CHARS and ready.loc[0, "text"] == "short"
    assert cuts == [{"table": "articles", "row": 3, "column": "text", "characters": EXCEL_CELL_CHARS + 5}]
    assert frame.loc[1, "text"].endswith("yyyyy") and len(frame.loc[1, "text"]) == EXCEL_CELL_CHARS + 5


def test_no_build_no_export(tmp_path):
    with pytest.raises(ExportError, match="no finished build"):
        export_tables(tmp_path, tmp_path / "x.xlsx", "xlsx")


def test_cli_export_names_the_output(tmp_path):
    pytest.importorskip("openpyxl")
    result = subprocess.run([sys.executable, "-m", "defcoop", "export", "--format", "xlsx", "--tables",
                             str(PROCESSED_DIR), "--out", str(tmp_path / "t.xlsx")],
                            cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert f"wrote {tmp_path / 't.xlsx'}" in result.stderr
    bad = subprocess.run([sys.executable, "-m", "defcoop", "export", "--format", "xlsx", "--tables",
                          str(tmp_path / "none"), "--out", str(tmp_path / "u.xlsx")],
                         cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert bad.returncode == 2 and "no finished build" in bad.stderr
