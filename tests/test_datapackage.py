"""datapackage.json: generated from the one schema, written by every build, valid for frictionless."""
import json

import pytest

from defcoop.build.datapackage import FOREIGN_KEYS, descriptor, readme_descriptions
from defcoop.paths import PROCESSED_DIR
from defcoop.schemas import mechanism_ids
from defcoop.build.tables import TABLE_COLUMNS


def resource(package, name):
    return next(r for r in package["resources"] if r["name"] == name)


def test_every_table_and_column_is_described_in_order():
    package = descriptor()
    assert [r["name"] for r in package["resources"]] == list(TABLE_COLUMNS)
    for name, columns in TABLE_COLUMNS.items():
        fields = resource(package, name)["schema"]["fields"]
        assert [f["name"] for f in fields] == columns
        assert all(f.get("description") for f in fields), f"{name}: a column lacks a description in data/README.md"


def test_types_keys_and_vocabularies_come_from_the_schema():
    meetings = resource(descriptor(), "meetings")["schema"]
    fields = {f["name"]: f for f in meetings["fields"]}
    assert meetings["primaryKey"] == "meeting_id"
    assert fields["date_start"]["type"] == "date" and fields["edition"]["type"] == "integer"
    assert fields["mechanism"]["constraints"]["enum"] == list(mechanism_ids())
    assert fields["country"]["constraints"]["pattern"] == "[A-Z]{2}"
    agreements = resource(descriptor(), "agreements")["schema"]
    assert {"fields": "meeting_id", "reference": {"resource": "meetings", "fields": "meeting_id"}} in agreements["foreignKeys"]


def test_foreign_keys_point_at_primary_keys():
    package = descriptor()
    for table, links in FOREIGN_KEYS.items():
        for column, target, key in links:
            assert column in TABLE_COLUMNS[table]
            assert resource(package, target)["schema"]["primaryKey"] == key


def test_readme_rows_naming_several_columns_describe_each(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("## meetings.csv — one row per meeting\n| column | meaning |\n|---|---|\n"
                      "| vn_lead, kh_lead | who led each side, `canonical` |\n## other\n| x | not a table |\n",
                      encoding="utf-8")
    assert readme_descriptions(readme) == {"meetings": ("one row per meeting", {
        "vn_lead": "who led each side, canonical", "kh_lead": "who led each side, canonical"})}


def test_the_committed_tables_carry_the_descriptor_and_it_validates():
    frictionless = pytest.importorskip("frictionless")
    written = json.loads((PROCESSED_DIR / "datapackage.json").read_text(encoding="utf-8"))
    assert written == json.loads(json.dumps(descriptor()))
    report = frictionless.validate(str(PROCESSED_DIR / "datapackage.json"))
    errors = [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors]
    assert report.valid, "\n".join(errors[:10])


def test_a_broken_table_fails_validation(tmp_path):
    frictionless = pytest.importorskip("frictionless")
    import shutil

    folder = tmp_path / "tables"
    shutil.copytree(PROCESSED_DIR, folder)
    meetings = (folder / "meetings.csv").read_text(encoding="utf-8").splitlines()
    meetings[1] = meetings[1].replace(",defence_policy_dialogue,", ",tea_party,", 1)   # the mechanism cell
    (folder / "meetings.csv").write_text("\n".join(meetings) + "\n", encoding="utf-8")
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert not report.valid
    assert any("tea_party" in error.message for task in report.tasks for error in task.errors)
