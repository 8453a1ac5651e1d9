"""The built tables for spreadsheet and dataframe users: one Excel workbook, or Parquet files.

`python -m defcoop export --format xlsx` writes one sheet per table plus a README sheet (what
each column means, from the data package); `--format parquet` writes one typed Parquet file per
table (dates as dates, counts as integers) and the data package beside them. Nothing is
dropped silently: Excel holds at most 32,767 characters in a cell and 1,048,576 rows in a
sheet, so longer cells are cut and listed on the README sheet, and a table too long for a
sheet is an error that names it and suggests Parquet.

>>> export_tables("data/processed", "tables.xlsx", "xlsx")      # doctest: +SKIP
PosixPath('tables.xlsx')
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

EXCEL_CELL_CHARS = 32_767
EXCEL_ROWS = 1_048_576
FORMATS = ("xlsx", "parquet")


class ExportError(ValueError):
    """The tables cannot be exported as asked; the message says why and what to do."""


def export_tables(tables_dir: str | os.PathLike, out: str | os.PathLike, fmt: str) -> Path:
    """Export the CSVs of `tables_dir` (a finished build) to `out`; return the path written.

    The output appears only when complete (written beside it, then renamed).
    """
    from defcoop.build.tables import MANIFEST, read_tables

    tables_dir, out = Path(tables_dir), Path(out)
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if not (tables_dir / MANIFEST).exists():
        raise ExportError(f"{tables_dir}: no finished build here ({MANIFEST} is missing); run `python -m defcoop build` first")
    tables = read_tables(tables_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        return _atomic_file(out, lambda path: write_xlsx(tables, path))
    return _atomic_folder(out, lambda folder: write_parquet(tables, folder))


def readme_rows() -> list[dict]:
    """One row per column of every table: table, column, type, required, description."""
    from defcoop.build.datapackage import descriptor

    rows = []
    for resource in descriptor()["resources"]:
        for field in resource["schema"]["fields"]:
            rows.append({"table": resource["name"], "column": field["name"], "type": field["type"],
                         "required": "yes" if field.get("constraints", {}).get("required") else "",
                         "allowed values": "; ".join(field.get("constraints", {}).get("enum", [])),
                         "description": field.get("description", "")})
    return rows


def excel_ready(name: str, frame):
    """`frame` with every text cell cut to Excel's limit, and the list of cuts made.

    >>> import pandas as pd
    >>> frame, cuts = excel_ready("articles", pd.DataFrame({"article_id": ["a"], "text": ["x" * 40000]}))
    >>> len(frame.loc[0, "text"]), cuts
    (32767, [{'table': 'articles', 'row': 2, 'column': 'text', 'characters': 40000}])
    """
    if len(frame) + 1 > EXCEL_ROWS:
        raise ExportError(f"table {name} has {len(frame):,} rows, more than an Excel sheet holds "
                          f"({EXCEL_ROWS - 1:,}); export --format parquet instead")
    frame, cuts = frame.copy(), []
    for column in frame.columns:
        if frame[column].dtype.kind not in "OUS" and str(frame[column].dtype) != "string":
            continue
        lengths = frame[column].str.len()
        for index in frame.index[(lengths > EXCEL_CELL_CHARS).fillna(False).to_numpy()]:
            cuts.append({"table": name, "row": int(index) + 2, "column": column,
                         "characters": int(lengths[index])})
            frame.loc[index, column] = frame.loc[index, column][:EXCEL_CELL_CHARS]
    return frame, cuts


def write_xlsx(tables: dict, path: Path) -> None:
    """One sheet per table after a README sheet; dates stay dates, counts stay integers."""
    import pandas as pd

    ready, cuts = {}, []
    for name, frame in tables.items():
        ready[name], cut = excel_ready(name, frame)
        cuts += cut
    readme = pd.DataFrame(readme_rows())
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        readme.to_excel(writer, sheet_name="README", index=False)
        if cuts:
            start = len(readme) + 3
            note = pd.DataFrame([{"table": f"{len(cuts)} cells longer than Excel allows were cut "
                                           f"to {EXCEL_CELL_CHARS:,} characters; the CSVs and Parquet "
                                           f"files keep them whole:"}])
            note.to_excel(writer, sheet_name="README", index=False, header=False, startrow=start)
            pd.DataFrame(cuts).to_excel(writer, sheet_name="README", index=False, startrow=start + 1)
        for name, frame in ready.items():
            frame.to_excel(writer, sheet_name=name, index=False)
    if cuts:
        import sys

        print(f"defcoop: {len(cuts)} cells longer than {EXCEL_CELL_CHARS:,} characters were cut in {path} "
              f"(listed on its README sheet)", file=sys.stderr)


def write_parquet(tables: dict, folder: Path) -> None:
    """One Parquet file per table, and datapackage.json describing the columns."""
    import json

    from defcoop.build.datapackage import descriptor

    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        frame.to_parquet(folder / f"{name}.parquet", index=False)
    package = descriptor()
    for resource in package["resources"]:
        resource.update(path=f"{resource['name']}.parquet", format="parquet",
                        mediatype="application/vnd.apache.parquet")
        for key in ("dialect", "encoding"):
            resource.pop(key, None)
    (folder / "datapackage.json").write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n",
                                             encoding="utf-8")


def _atomic_file(out: Path, write) -> Path:
    handle, temporary = tempfile.mkstemp(prefix=f".{out.name}-", suffix=out.suffix, dir=out.parent)
    os.close(handle)
    try:
        write(Path(temporary))
        os.replace(temporary, out)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return out


def _atomic_folder(out: Path, write) -> Path:
    import shutil

    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        write(staging)
        if out.exists():
            shutil.rmtree(out)
        os.replace(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out
