"""The build: committed tables equal a fresh build, re-runs are byte-identical, writes are atomic."""
import filecmp
import os
import re

import pytest

from defcoop.paths import DEFAULT_CORPUS as SEEDS, PROCESSED_DIR as PROCESSED
from defcoop.build.tables import TABLE_NAMES, build_tables, inputs_hash, load_tables, write_tables


def built(tmp_path, corpus, jobs=1, name="out"):
    out = tmp_path / name
    write_tables(build_tables(corpus, jobs=jobs), out, inputs_hash=inputs_hash(corpus))
    return out


def same_files(a, b):
    names = [f"{table}.csv" for table in TABLE_NAMES] + ["manifest.json", "datapackage.json"]
    match, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
    return mismatch + errors


def test_committed_tables_equal_a_fresh_build(tmp_path):
    different = same_files(PROCESSED, built(tmp_path, SEEDS))
    assert different == [], f"data/processed is stale, run `make build`: {different}"


def test_rebuild_and_parallel_build_are_byte_identical(tmp_path):
    first = built(tmp_path, SEEDS, name="one")
    assert same_files(first, built(tmp_path, SEEDS, name="two")) == []
    assert same_files(first, built(tmp_path, SEEDS, jobs=2, name="jobs2")) == []


def test_every_table_is_written_with_unix_newlines_and_utf8(tmp_path):
    out = built(tmp_path, SEEDS)
    for table in TABLE_NAMES:
        data = (out / f"{table}.csv").read_bytes()
        assert b"\r\n" not in data
        data.decode("utf-8")


def test_a_failed_build_leaves_previous_tables_intact(tmp_path, monkeypatch):
    out = built(tmp_path, SEEDS)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    import defcoop.build.tables as tables_module

    def fail_halfway(frame, path):
        if path.name.startswith("meetings"):
            raise OSError("disk full")
        return original(frame, path)

    original = tables_module._write_csv
    monkeypatch.setattr(tables_module, "_write_csv", fail_halfway)
    with pytest.raises(OSError):
        write_tables(build_tables(SEEDS), out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".defcoop-build-")]


def test_an_article_extraction_fails_on_is_a_reject_and_the_build_goes_on(tmp_path, monkeypatch, capsys):
    import defcoop.extract.article as extract_module
    from defcoop.build.tables import read_tables

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("000_3c5d06d2666c6444.txt", "001_a9c690610dddfcde.txt"):
        (corpus / name).write_bytes((SEEDS / name).read_bytes())
    original = extract_module.extract_article

    def fail_on_001(clean, raw):
        if raw.article_id.startswith("001"):
            raise ValueError("rule defect")
        return original(clean, raw)

    monkeypatch.setattr(extract_module, "extract_article", fail_on_001)
    tables = read_tables(built(tmp_path, corpus))
    assert list(tables["articles"]["article_id"]) == ["000_3c5d06d2666c6444"]
    reject = tables["rejects"].iloc[0]
    assert (reject["path"], reject["reason"]) == ("001_a9c690610dddfcde.txt", "extraction_error")
    assert re.fullmatch(r"ValueError: rule defect at [\w/]+\.py:\d+", reject["detail"])   # where in defcoop
    assert "extraction failed on 001_a9c690610dddfcde.txt" in capsys.readouterr().err


def test_load_builds_once_then_reads_the_cache(small_corpus, monkeypatch, tmp_path):
    monkeypatch.setattr("defcoop.build.tables.INTERIM_DIR", tmp_path / "interim")
    first = load_tables(small_corpus)
    assert list(first["articles"]["article_id"]) == ["talks_2024"]

    def no_build(*args, **kwargs):
        raise AssertionError("rebuilt although nothing changed")

    monkeypatch.setattr("defcoop.build.tables.build_to_folder", no_build)
    load_tables(small_corpus)
    (small_corpus / "second.txt").write_text("Another article about border patrols.\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="rebuilt"):
        load_tables(small_corpus)


def test_typed_columns_when_loaded(small_corpus, monkeypatch, tmp_path):
    monkeypatch.setattr("defcoop.build.tables.INTERIM_DIR", tmp_path / "interim")
    tables = load_tables(small_corpus)
    assert str(tables["meetings"]["date_start"].dtype).startswith("datetime64")
    assert str(tables["sentences"]["sentence_index"].dtype) == "Int64"


def test_inputs_hash_changes_with_the_corpus(small_corpus):
    before = inputs_hash(small_corpus)
    (small_corpus / "talks_2024.md").write_text("changed", encoding="utf-8")
    assert inputs_hash(small_corpus) != before
    assert os.path.exists(small_corpus)


# --- ids unique across validation chunks (kept as hashes, confirmed as text) -----------------------

def _agreement(agreement_id):
    return {"agreement_id": agreement_id, "meeting_id": None, "article_id": "a", "kind": "mou",
            "subject": "x", "sentence": "They signed an MoU.", "meeting_key": None}


def _article(article_id):
    return {"article_id": article_id, "title": "T", "source": None, "dateline": None, "url": None,
            "published": None, "language": None, "format": "txt", "path": f"{article_id}.txt",
            "encoding": "utf-8", "chars_raw": "1", "chars_clean": "1", "n_sentences": "1", "text": "x"}


def test_a_repeated_id_in_a_later_chunk_is_reported_with_value_and_rows(tmp_path, monkeypatch):
    from defcoop.build import tables
    from defcoop.schemas import SchemaError

    monkeypatch.setattr(tables, "VALIDATE_CHUNK", 2)
    sink = tables._TableSink("articles", tmp_path / "articles.csv")
    for article_id in ("a", "b", "c", "a"):
        sink.add(_article(article_id))
    with pytest.raises(SchemaError, match=r"article_id.*field_uniqueness \(value 'a', row 3; first at row 0\)"):
        sink.close()


def test_a_repeated_id_in_a_spool_is_reported_with_value_and_rows(tmp_path, monkeypatch):
    from defcoop.build import tables
    from defcoop.schemas import SchemaError

    monkeypatch.setattr(tables, "VALIDATE_CHUNK", 2)
    spool = tables._MeetingLinkedSpool("agreements", tmp_path / "agreements.spool")
    spool.add("a", tables.encode_linked_rows("agreements", [_agreement("a-A1"), _agreement("a-A2")]))
    spool.add("b", tables.encode_linked_rows("agreements", [_agreement("b-A1"), _agreement("a-A2")]))
    with pytest.raises(SchemaError, match=r"\(value 'a-A2', row 3; first at row 1\)"):
        spool.write(tmp_path / "agreements.csv", {}, tables._Overrides([]))


def test_equal_id_hashes_of_different_ids_are_not_a_duplicate(tmp_path, monkeypatch):
    from defcoop.build import tables

    monkeypatch.setattr(tables, "VALIDATE_CHUNK", 2)
    monkeypatch.setattr(tables._Validator, "_id_hash", staticmethod(lambda value: 7))
    spool = tables._MeetingLinkedSpool("agreements", tmp_path / "agreements.spool")
    spool.add("a", tables.encode_linked_rows("agreements", [_agreement("a-A1"), _agreement("a-A2"), _agreement("a-A3")]))
    assert spool.write(tmp_path / "agreements.csv", {(None, None): "m"}, tables._Overrides([])) == 3
    assert (tmp_path / "agreements.csv").read_text().count("They signed") == 3
    assert not (tmp_path / "agreements.spool").exists()


def test_a_missing_required_value_stops_encoding_but_an_empty_string_is_a_value():
    from defcoop.build import tables
    from defcoop.schemas import SchemaError

    with pytest.raises(SchemaError, match="column 'text': not_nullable"):
        tables.encode_rows("articles", [{**_article("a"), "text": None}])
    line = tables.encode_rows("articles", [{**_article("a"), "text": ""}])
    assert tables._decode_line(line, "articles")["text"] == ""


def test_a_chunk_is_validated_as_it_is_read_back(tmp_path):
    from defcoop.build import tables
    from defcoop.schemas import SchemaError

    sink = tables._TableSink("articles", tmp_path / "articles.csv")
    sink.add({**_article("a"), "format": "pdf"})
    with pytest.raises(SchemaError, match=r"column 'format'.*'pdf', row 0"):
        sink.close()


# --- the result store: incremental builds equal cold ones ------------------------------------------

def _seeds_copy(tmp_path):
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    return corpus


def _tables(folder):
    return {name: (folder / f"{name}.csv").read_bytes() for name in TABLE_NAMES}


def _count_extractions(monkeypatch):
    import defcoop.build.tables as tables_module

    extracted, original = [], tables_module._process_file_slim

    def counting(args):
        extracted.append(args[0].name)
        return original(args)

    monkeypatch.setattr(tables_module, "_process_file_slim", counting)
    return extracted


def _change_add(corpus):
    from tests.conftest import SYNTHETIC_ARTICLE

    (corpus / "zz_added.md").write_text(SYNTHETIC_ARTICLE, encoding="utf-8")
    return ["zz_added.md"]


def _change_delete(corpus):
    sorted(corpus.glob("*.txt"))[0].unlink()
    return []


def _change_rename(corpus):
    first = sorted(corpus.glob("*.txt"))[0]
    first.rename(corpus / "renamed.txt")
    return ["renamed.txt"]


def _change_edit(corpus):
    first = sorted(corpus.glob("*.txt"))[1]
    first.write_text(first.read_text(encoding="utf-8").replace("Cambodia", "Cambodia's", 1), encoding="utf-8")
    return [first.name]


@pytest.mark.parametrize("change", [_change_add, _change_delete, _change_rename, _change_edit],
                         ids=["add", "delete", "rename", "edit"])
def test_a_build_reusing_the_store_after_a_change_equals_a_cold_build(tmp_path, monkeypatch, change):
    from defcoop.build.tables import build_to_folder

    corpus, store = _seeds_copy(tmp_path), tmp_path / "results.sqlite"
    build_to_folder(corpus, tmp_path / "before", store=store)
    expected_extractions = change(corpus)
    extracted = _count_extractions(monkeypatch)
    build_to_folder(corpus, tmp_path / "warm", store=store)
    assert extracted == expected_extractions          # only the new or changed file
    build_to_folder(corpus, tmp_path / "cold", store=None)
    assert _tables(tmp_path / "warm") == _tables(tmp_path / "cold")


def test_meetings_rows_validated_by_a_finished_build_are_not_validated_again(tmp_path, monkeypatch):
    """An incremental build re-validates only the meetings and participants rows whose text is
    new; a row it has not seen (here: an edited article's meeting) is still checked."""
    import defcoop.schemas as schemas_module
    from defcoop.build.tables import build_to_folder

    corpus, store = _seeds_copy(tmp_path), tmp_path / "results.sqlite"
    checked = []
    original = schemas_module.validate_table

    def counting(name, frame):
        checked.append((name, len(frame)))
        return original(name, frame)

    monkeypatch.setattr(schemas_module, "validate_table", counting)
    build_to_folder(corpus, tmp_path / "first", store=store)
    first = {name: rows for name, rows in checked if name in ("meetings", "participants")}
    assert first.get("meetings", 0) > 0 and first.get("participants", 0) > 0
    checked.clear()
    build_to_folder(corpus, tmp_path / "again", store=store)
    assert [entry for entry in checked if entry[0] in ("meetings", "participants")] == []
    checked.clear()
    _change_date_of_first_meeting(corpus)
    build_to_folder(corpus, tmp_path / "edited", store=store)
    assert ("meetings", 1) in checked                      # the changed row, alone
    assert _tables(tmp_path / "edited") == _tables(_cold(corpus, tmp_path / "cold"))


def _change_date_of_first_meeting(corpus):
    import re

    for path in sorted(corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        edited = re.sub(r"\b(October|November|December) (\d{1,2})\b",
                        lambda m: f"{m.group(1)} {int(m.group(2)) % 28 + 1}", text, count=1)
        if edited != text:
            path.write_text(edited, encoding="utf-8")
            return path.name
    raise AssertionError("no seed names a day of October to December")


def _cold(corpus, out):
    from defcoop.build.tables import build_to_folder

    build_to_folder(corpus, out, store=None)
    return out


def test_a_failed_build_leaves_its_results_stored_but_not_validated(tmp_path, monkeypatch):
    import defcoop.extract.meetings as meetings_module
    from defcoop.build.store import ResultStore
    from defcoop.build.tables import build_to_folder

    corpus, store_file = _seeds_copy(tmp_path), tmp_path / "results.sqlite"

    def fail(*args, **kwargs):
        raise RuntimeError("merge failed")

    monkeypatch.setattr(meetings_module, "merged_meeting_rows", fail)
    with pytest.raises(RuntimeError):
        build_to_folder(corpus, tmp_path / "out", store=store_file)
    store = ResultStore(store_file)
    validated = store._db.execute("SELECT validated FROM results").fetchall()
    store.close()
    assert validated and all(flag == 0 for (flag,) in validated)   # the next build checks their rows again


def test_an_edited_rule_file_is_used_by_the_next_load_in_the_same_process(tmp_path):
    """The live-kernel case: load, edit mechanisms.yaml, load again; the second load must
    equal a fresh process's build with the edited rules (not the old rules under the new hash)."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    project, corpus = _project_with_a_dialogue(tmp_path)
    env = {**os.environ, "DEFCOOP_ROOT": str(project)}
    live = ("import sys, defcoop\n"
            "from defcoop.paths import EN_RULES_DIR\n"
            "first = defcoop.load(sys.argv[1])['meetings']['mechanism'].tolist()\n"
            "rules = EN_RULES_DIR / 'mechanisms.yaml'\n"
            "text = rules.read_text(encoding='utf-8')\n"
            "rules.write_text(text.replace(\"- 'defen[cs]e policy dialogue'\", \"- 'defen[cs]e policy dialogue never'\"),"
            " encoding='utf-8')\n"
            "second = defcoop.load(sys.argv[1])['meetings']['mechanism'].tolist()\n"
            "print(first, second)\n")
    fresh = "import sys, defcoop\nprint(defcoop.load(sys.argv[1], rebuild=True)['meetings']['mechanism'].tolist())\n"
    run = dict(cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    first, second = subprocess.run([sys.executable, "-c", live, str(corpus)], **run).stdout.strip().split("] [")
    after_edit = subprocess.run([sys.executable, "-c", fresh, str(corpus)], **run).stdout.strip()
    assert first == "['defence_policy_dialogue'"
    assert "[" + second == after_edit != first + "]"


def test_load_keeps_one_cached_table_folder_per_corpus(small_corpus, monkeypatch, tmp_path):
    interim = tmp_path / "interim"
    monkeypatch.setattr("defcoop.build.tables.INTERIM_DIR", interim)
    (interim / "0123456789abcdef").mkdir(parents=True)          # a per-state folder of an older version
    load_tables(small_corpus)
    (small_corpus / "second.md").write_text("Another article about border patrols.\n", encoding="utf-8")
    load_tables(small_corpus)
    assert [p.name for p in interim.iterdir() if p.is_dir()] == ["tables"]
    assert len(list((interim / "tables").iterdir())) == 1
    assert (interim / "results.sqlite").exists()


def test_build_and_load_use_every_core_by_default():
    import inspect

    from defcoop.cli import _parser
    from defcoop.build.tables import build_to_folder, default_jobs

    assert default_jobs() == len(os.sched_getaffinity(0))
    assert _parser().parse_args(["build"]).jobs is None
    assert inspect.signature(build_to_folder).parameters["jobs"].default is None
    assert inspect.signature(load_tables).parameters["jobs"].default is None


def test_rule_files_checked_by_an_earlier_build_are_not_checked_again(tmp_path, monkeypatch):
    """Under the same rule bytes and code, an incremental build loads only the rules its new
    articles need instead of checking every file of every language first."""
    import defcoop.build.tables as tables_module

    corpus, store = _seeds_copy(tmp_path), tmp_path / "results.sqlite"
    tables_module.build_to_folder(corpus, tmp_path / "first", store=store)
    checks = []
    original = tables_module.load_rules
    monkeypatch.setattr(tables_module, "load_rules", lambda: checks.append(1) or original())
    _change_add(corpus)
    tables_module.build_to_folder(corpus, tmp_path / "warm", store=store)
    assert checks == []
    tables_module.build_to_folder(corpus, tmp_path / "cold", store=None)
    assert checks == [1]
    assert _tables(tmp_path / "warm") == _tables(tmp_path / "cold")


def test_rules_reverted_to_an_already_checked_state_are_read_again_in_a_live_kernel(tmp_path):
    """Build, edit mechanisms.yaml, build, revert the edit, add an article, build, all in one
    process: the added article must be read with the reverted rules (already checked, so not
    loaded up front), not with the edited ones the process still holds."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    project, corpus = _project_with_a_dialogue(tmp_path)
    dialogue = (corpus / "dialogue.md").read_text(encoding="utf-8")
    later = dialogue.replace("eighth", "ninth").replace("March 14", "April 20").replace("2024-03-15", "2024-04-21")
    live = ("import sys, pathlib\n"
            "from defcoop.build.tables import build_to_folder, read_tables\n"
            "from defcoop.paths import EN_RULES_DIR\n"
            "corpus, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[3])\n"
            "def build():\n"
            "    build_to_folder(corpus, out, store=out.parent / 'results.sqlite')\n"
            "    return read_tables(out)['meetings']['mechanism'].tolist()\n"
            "build()\n"
            "rules = EN_RULES_DIR / 'mechanisms.yaml'\n"
            "text = rules.read_text(encoding='utf-8')\n"
            "rules.write_text(text.replace(\"- 'defen[cs]e policy dialogue'\", \"- 'defen[cs]e policy dialogue never'\"),"
            " encoding='utf-8')\n"
            "edited = build()\n"
            "rules.write_text(text, encoding='utf-8')\n"
            "(corpus / 'later.md').write_text(sys.argv[2], encoding='utf-8')\n"
            "print(edited, build())\n")
    env = {**os.environ, "DEFCOOP_ROOT": str(project)}
    done = subprocess.run([sys.executable, "-c", live, str(corpus), later, str(tmp_path / "out" / "tables")],
                          cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    edited, reverted = done.stdout.strip().split("] [")
    assert edited != "['defence_policy_dialogue'"
    assert reverted == "'defence_policy_dialogue', 'defence_policy_dialogue']"


def _project_with_a_dialogue(tmp_path):
    """(project, corpus): a copy of the rule and reference files to edit (DEFCOOP_ROOT), and a
    corpus of one article reporting the eighth Defence Policy Dialogue."""
    import shutil

    from tests.conftest import ROOT, SYNTHETIC_ARTICLE

    project = tmp_path / "project"
    for folder in ("data/reference", "data/rules"):
        shutil.copytree(ROOT / folder, project / folder)
    (project / "seeds").mkdir()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "dialogue.md").write_text(SYNTHETIC_ARTICLE.replace(
        "held talks with", "co-chaired the eighth Defence Policy Dialogue with"), encoding="utf-8")
    return project, corpus
