"""The real-article development set: manifest validation, the verified cache, the corpus it writes."""
import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from defcoop.evaluation.devset import DevsetError, check_cache, load_manifest, prepare, split_page_date

ROOT = Path(__file__).resolve().parents[1]
PAGE = " date 2021-01-08 Hanoi (VNA) - The two defence ministers held online talks on January 8."


def manifest_entry(doc="en1_01", url="https://news.example/a", sha=None, batch=1, text=PAGE):
    sha = sha or hashlib.sha256(text.encode("utf-8")).hexdigest()
    return (f"- doc: {doc}\n  url: {url}\n  query: defence talks\n  rank: 2\n  sha256: {sha}\n"
            f"  lang: en\n  batch: {batch}\n")


@pytest.fixture
def devset(tmp_path):
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "en1_01.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "manifest.yaml").write_text(manifest_entry(), encoding="utf-8")
    return tmp_path


def test_store_date_prefix_becomes_the_publication_date():
    assert split_page_date(PAGE) == ("2021-01-08", PAGE[len(" date 2021-01-08 "):])


def test_a_date_later_in_the_text_is_not_a_prefix():
    assert split_page_date("Talks on date 2021-01-08 were held")[0] is None


def test_manifest_entries_keep_their_fields(devset):
    (entry,) = load_manifest(devset / "manifest.yaml")
    assert (entry.doc, entry.rank, entry.batch, entry.lang, entry.line) == ("en1_01", 2, 1, "en", 1)


def test_an_all_digit_hash_stays_a_64_character_string(tmp_path):
    (tmp_path / "m.yaml").write_text(manifest_entry(sha="1" * 64), encoding="utf-8")
    assert load_manifest(tmp_path / "m.yaml")[0].sha256 == "1" * 64


def test_missing_key_names_file_and_line(tmp_path):
    text = manifest_entry() + manifest_entry(doc="en1_02", url="https://news.example/b").replace("  rank: 2\n", "")
    (tmp_path / "m.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DevsetError, match=r"m.yaml:8: missing rank"):
        load_manifest(tmp_path / "m.yaml")


def test_a_url_used_twice_is_refused(tmp_path):
    (tmp_path / "m.yaml").write_text(manifest_entry() + manifest_entry(doc="en1_02"), encoding="utf-8")
    with pytest.raises(DevsetError, match=r"m.yaml:8: url 'https://news.example/a' already used at line 1"):
        load_manifest(tmp_path / "m.yaml")


def test_cache_problems_name_the_doc(devset):
    entries = load_manifest(devset / "manifest.yaml")
    assert check_cache(entries, devset / ".cache") == []
    (devset / ".cache" / "en1_01.txt").write_text(PAGE + " edited", encoding="utf-8")
    assert "en1_01" in check_cache(entries, devset / ".cache")[0]
    (devset / ".cache" / "en1_01.txt").unlink()
    assert "missing" in check_cache(entries, devset / ".cache")[0]


def test_prepare_writes_front_matter_and_removes_articles_left_out(devset, tmp_path):
    out = tmp_path / "corpus"
    out.mkdir()
    (out / "dropped.md").write_text("old", encoding="utf-8")
    assert prepare(devset, out)[1] == []
    assert sorted(p.name for p in out.iterdir()) == ["en1_01.md"]
    page = (out / "en1_01.md").read_text(encoding="utf-8")
    assert page.startswith("---\nurl: https://news.example/a\npublished: '2021-01-08'\nlanguage: en\n---\nHanoi (VNA)")


def test_prepare_without_cache_says_how_to_refetch(devset, tmp_path):
    (devset / ".cache" / "en1_01.txt").unlink()
    with pytest.raises(DevsetError, match="1 of 1 cached texts unusable") as error:
        prepare(devset, tmp_path / "corpus")
    assert "search tool" in str(error.value)


def test_prepare_keeps_only_the_chosen_batch(devset, tmp_path):
    text = manifest_entry() + manifest_entry(doc="en2_01", url="https://news.example/b", batch=2)
    (devset / "manifest.yaml").write_text(text, encoding="utf-8")
    entries, _left_out = prepare(devset, tmp_path / "corpus", batches={1})
    assert [entry.doc for entry in entries] == ["en1_01"]


def test_skip_unusable_leaves_out_a_changed_text_and_names_it(devset, tmp_path):
    text = manifest_entry() + manifest_entry(doc="en1_02", url="https://news.example/b")
    (devset / "manifest.yaml").write_text(text, encoding="utf-8")
    (devset / ".cache" / "en1_02.txt").write_text(PAGE + " (page changed since)", encoding="utf-8")
    entries, left_out = prepare(devset, tmp_path / "corpus", skip_unusable=True)
    assert [entry.doc for entry in entries] == ["en1_01"]
    assert len(left_out) == 1 and left_out[0].startswith("en1_02: ")
    assert sorted(p.name for p in (tmp_path / "corpus").iterdir()) == ["en1_01.md"]


def test_cli_reports_a_missing_cache_in_plain_words(devset, tmp_path):
    (devset / ".cache" / "en1_01.txt").unlink()
    result = subprocess.run([sys.executable, "-m", "defcoop", "devset", "--set", str(devset), "--out",
                             str(tmp_path / "corpus")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2
    assert "en1_01: missing" in result.stderr and "search tool" in result.stderr


def seeds_manifest(tmp_path):
    """The five seeds as a two-batch manifest (the first seed in batch 1), to score by batch."""
    docs = sorted(path.stem for path in (ROOT / "seeds").glob("*.txt"))
    text = "".join(manifest_entry(doc=doc, url=f"https://news.example/{doc}", batch=1 if i == 0 else 2)
                   for i, doc in enumerate(docs))
    (tmp_path / "manifest.yaml").write_text(text, encoding="utf-8")
    return tmp_path / "manifest.yaml", docs


def evaluate_cli(*extra):
    return subprocess.run([sys.executable, "-m", "defcoop", "evaluate", "--gold", "tests/gold/seeds.yaml",
                           "--tables", "data/processed", *extra], cwd=ROOT, capture_output=True, text=True)


def test_evaluate_prints_one_row_per_batch(tmp_path):
    manifest, _docs = seeds_manifest(tmp_path)
    result = evaluate_cli("--manifest", str(manifest))
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if line.startswith("| batch") or line.startswith("| all")]
    assert [row.split(" | ")[0:2] for row in rows] == [["| batch 1", "1"], ["| batch 2", "4"], ["| all", "5"]]


def test_evaluate_one_batch_scores_only_its_articles(tmp_path):
    manifest, docs = seeds_manifest(tmp_path)
    result = evaluate_cli("--manifest", str(manifest), "--batch", "1")
    assert result.returncode == 0, result.stderr
    assert "| all | 1 |" in result.stdout and "| batch 2" not in result.stdout


def test_evaluate_batch_without_manifest_is_a_one_line_error():
    result = evaluate_cli("--batch", "1")
    assert result.returncode == 2
    assert "--batch needs --manifest" in result.stderr


def meetings_recall(stdout: str) -> float:
    return float(next(line for line in stdout.splitlines() if line.startswith("meetings ")).split()[2])


def test_built_only_names_gold_articles_the_tables_lack_instead_of_scoring_them(tmp_path):
    absent = ("- doc: absent_doc\n  url: null\n  published: null\n  meetings:\n    - date: 2020-01-02\n"
              "      precision: day\n      date_from_text: true\n      place: Hanoi\n      country: VN\n"
              "      mechanism: ministerial_talks\n      edition: null\n      format: in_person\n"
              "      vn_lead: null\n      kh_lead: null\n      others: []\n  agreements: []\n  themes: []\n")
    gold = tmp_path / "gold.yaml"
    gold.write_text((ROOT / "tests/gold/seeds.yaml").read_text(encoding="utf-8").rstrip("\n") + "\n" + absent,
                    encoding="utf-8")
    command = [sys.executable, "-m", "defcoop", "evaluate", "--gold", str(gold), "--tables", "data/processed"]
    counted = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    left_out = subprocess.run(command + ["--built-only"], cwd=ROOT, capture_output=True, text=True)
    assert counted.returncode == left_out.returncode == 0, counted.stderr + left_out.stderr
    assert meetings_recall(counted.stdout) < 1.0            # the absent article's meeting counts as missed
    assert meetings_recall(left_out.stdout) == 1.0
    assert "scoring 5 of 6 gold articles; not built, left out: absent_doc" in left_out.stderr
