"""Analyst overrides: applied last, logged, and bad rows stop the build with file:line."""
import pandas as pd
import pytest

from defcoop.build.overrides import OverridesError, apply_overrides, load_overrides, parse_overrides

HEADER = "table,id,field,value,note\n"


def meetings_table():
    return {"meetings": pd.DataFrame({"meeting_id": ["m1", "m2"], "place": ["Hanoi", pd.NA],
                                      "mechanism": ["ministerial_talks", "other"], "article_ids": ["a", "b"],
                                      "date_start": ["2020-01-01", pd.NA]}).astype("string")}


def test_override_is_applied_and_logged():
    rows = parse_overrides(HEADER + "meetings,m2,place,Phnom Penh,caption names the city\n", "o.csv")
    tables = apply_overrides(meetings_table(), rows)
    assert tables["meetings"].loc[1, "place"] == "Phnom Penh"
    log = tables["overrides_log"].iloc[0]
    assert (log["id"], log["field"], log["new_value"], log["line"]) == ("m2", "place", "Phnom Penh", "2")
    assert pd.isna(log["old_value"])


def test_empty_value_clears_a_field():
    rows = parse_overrides(HEADER + "meetings,m1,place,,place is the dateline not the venue\n", "o.csv")
    assert pd.isna(apply_overrides(meetings_table(), rows)["meetings"].loc[0, "place"])


def test_comments_and_blank_lines_are_skipped_and_line_numbers_kept():
    text = "# comment\n\n" + HEADER + "# another\nmeetings,m9,place,X,note\n"
    rows = parse_overrides(text, "o.csv")
    assert rows[0].line == 5
    with pytest.raises(OverridesError, match=r"^o.csv:5: no meetings row with meeting_id 'm9'"):
        apply_overrides(meetings_table(), rows)


@pytest.mark.parametrize("row, problem", [
    ("meets,m1,place,X,note", "unknown table 'meets'"),
    ("meetings,m1,venue,X,note", "no editable field 'venue'"),
    ("meetings,m1,meeting_id,X,note", "no editable field 'meeting_id'"),
    ("meetings,m1,place,X,", "missing note"),
    ("meetings,,place,X,note", "missing id"),
    ("meetings,m1,mechanism,summit,note", "mechanism 'summit': not one of"),
    ("meetings,m1,date_start,21/10/2016,note", "date_start '21/10/2016': does not match"),
    ("meetings,m1,place,X", "expected 5 fields, found 4"),
])
def test_bad_rows_name_file_line_and_problem(row, problem):
    with pytest.raises(OverridesError) as error:
        parse_overrides(HEADER + row + "\n", "data/overrides.csv")
    assert str(error.value).startswith("data/overrides.csv:2: ")
    assert problem in str(error.value)


def test_bad_header():
    with pytest.raises(OverridesError, match=r"o.csv:1: header must be"):
        parse_overrides("table,id,value\n", "o.csv")


def test_missing_file_means_no_overrides(tmp_path):
    assert load_overrides(tmp_path / "absent.csv") == []


def test_project_overrides_file_holds_no_active_correction_and_its_example_parses():
    """data/overrides.csv ships with no correction (the seed tables are what the rules give, and
    data/processed/overrides_log.csv is empty) and with a commented example that is a valid row
    for a real meeting: uncommented, it parses and names an existing id."""
    from defcoop.paths import OVERRIDES_FILE, PROCESSED_DIR

    text = OVERRIDES_FILE.read_text(encoding="utf-8")
    assert load_overrides(OVERRIDES_FILE) == []
    assert (PROCESSED_DIR / "overrides_log.csv").read_text(encoding="utf-8").strip() == \
        "line,table,id,field,old_value,new_value,note"
    example = next(line[2:] for line in text.splitlines() if line.startswith("# meetings,"))
    [row] = parse_overrides(HEADER + example + "\n", "example")
    assert (row.table, row.field) == ("meetings", "place")
    meeting_ids = pd.read_csv(PROCESSED_DIR / "meetings.csv")["meeting_id"].tolist()
    assert row.id in meeting_ids
