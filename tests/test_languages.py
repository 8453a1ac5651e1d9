"""Articles in several languages: each is told apart, then extracted with its own rule files."""
from __future__ import annotations

from pathlib import Path

import pytest

from defcoop import rules as rules_module
from defcoop.extract.article import process_article
from defcoop.ingest.corpus import RawArticle
from defcoop.ingest.language import article_language, detect_language
from defcoop.rules import (PARSERS, current_language, languages, load_rules, rule_files, rules_language,
                           rules_path)
from defcoop.rules import cache as rulecache


@pytest.mark.parametrize("text, lang", [
    ("Chiều 4/12, hai đoàn đã hội đàm tại trụ sở Bộ Chỉ huy Quân sự tỉnh.", "vi"),
    ("Chieu 4/12, hai doan da hoi dam tai tru so Bo Chi huy Quan su tinh.", "vi"),        # no diacritics
    ("Chie\u0302\u0300u 4/12, hai đoàn đã hội đàm tại trụ sở của tỉnh.", "vi"),            # partly decomposed
    ("On December 4, the two delegations held talks at the provincial military command.", "en"),
    ("Tea Banh, Phan Van Giang, Hanoi, 2019.", "en"),                                     # names only: the default
    ("", "en"),
])
def test_the_language_of_a_text_is_told_by_its_function_words(text, lang):
    assert detect_language(text) == lang


def test_a_declared_language_wins_over_the_text():
    assert article_language("vi", "The ministers met in Hanoi.") == "vi"
    assert article_language("Vietnamese", "The ministers met in Hanoi.") == "vi"
    assert article_language("fr", "Hai bên đã hội đàm và thống nhất các nội dung hợp tác.") == "vi"   # no French rules


def test_an_article_is_extracted_with_the_rules_of_its_language(monkeypatch):
    from defcoop.extract import article

    seen = []

    def extract(clean, raw):
        seen.append((load_rules("dates").source, current_language()))
        return article.ArticleRecords(clean.article_id, {"language": None})

    monkeypatch.setattr(article, "extract_article", extract)
    records = process_article(RawArticle("a", "a.txt", "txt", "Hai bên đã hội đàm tại Hà Nội và nhất trí hợp tác."))
    assert seen == [("data/rules/vi/dates.yaml", "vi")]
    assert records.article_row["language"] == "vi"
    assert current_language() == "en"          # the language is restored after the article
    process_article(RawArticle("b", "b.txt", "txt", "The two sides held talks in Hanoi and agreed to cooperate."))
    assert seen[-1] == ("data/rules/en/dates.yaml", "en")


def test_a_language_without_a_file_of_that_name_reads_english(tmp_path, monkeypatch):
    (tmp_path / "en").mkdir()
    (tmp_path / "xx").mkdir()
    (tmp_path / "en" / "cues.yaml").write_text("verb:\n  pattern: 'met'\n  must_match: [met]\n", encoding="utf-8")
    monkeypatch.setattr(rules_module, "RULES_DIR", tmp_path)
    rulecache.clear()
    try:
        with rules_language("xx"):
            assert load_rules("cues").regex("verb").pattern == "met"
            # the language's own file, added later in a live kernel, is seen after a refresh
            (tmp_path / "xx" / "cues.yaml").write_text("verb:\n  pattern: '(?!)'\n  note: unused in this language\n", encoding="utf-8")
            assert rulecache.refresh()
            assert load_rules("cues").regex("verb").pattern == "(?!)"   # needs no example: it never matches
    finally:
        rulecache.clear()


PLAIN = sorted({path.stem for path in rule_files("en")} - set(PARSERS))


@pytest.mark.parametrize("lang", [lang for lang in languages() if lang != "en"])
@pytest.mark.parametrize("name", PLAIN)
def test_a_language_file_defines_every_key_the_english_one_does(lang, name):
    """The code asks every language for the same keys; a key with no use in a language is
    written there as a pattern that never matches, with a note saying so."""
    if not rules_path(name, lang).exists():
        pytest.skip(f"{lang} has no {name}.yaml: English's is used")
    english, other = load_rules(name, "en"), load_rules(name, lang)
    missing = sorted(set(english.rules) - set(other.rules))
    assert not missing, f"{other.source} lacks {missing}"


# --- a corpus of both languages (tests/fixtures/mixed_language: pages written for these tests) ---

MIXED = Path(__file__).parent / "fixtures" / "mixed_language"


@pytest.fixture(scope="module")
def mixed_tables(tmp_path_factory):
    from defcoop.build.tables import build_to_folder, read_tables

    out = tmp_path_factory.mktemp("mixed") / "tables"
    build_to_folder(MIXED, out, jobs=1, store=None)
    return read_tables(out)


def test_each_article_of_a_mixed_corpus_records_its_language(mixed_tables):
    languages = dict(zip(mixed_tables["articles"]["article_id"], mixed_tables["articles"]["language"]))
    assert languages == {"en_dialogue": "en", "vi_doi_thoai": "vi", "vi_khong_dau": "vi"}


def test_one_meeting_reported_in_both_languages_is_one_row(mixed_tables):
    meetings = mixed_tables["meetings"]
    dialogue = meetings[meetings["mechanism"] == "defence_policy_dialogue"]
    assert len(dialogue) == 1
    row = dialogue.iloc[0]
    assert sorted(row["article_ids"].split(";")) == ["en_dialogue", "vi_doi_thoai"]
    assert (str(row["date_start"])[:10], row["edition"], row["vn_lead"], row["kh_lead"]) == \
        ("2025-10-29", 8, "Hoang Xuan Chien", "Chay Saing Yun")


def test_vietnamese_without_diacritics_is_read_like_with_them(mixed_tables):
    meetings = mixed_tables["meetings"]
    talks = meetings[meetings["article_ids"] == "vi_khong_dau"]
    assert len(talks) == 1
    assert (talks.iloc[0]["mechanism"], str(talks.iloc[0]["date_start"])[:10], talks.iloc[0]["place"]) == \
        ("border_force_talks", "2024-12-04", "Tay Ninh")


def test_the_notebooks_count_a_vietnamese_article_like_an_english_one(mixed_tables):
    from defcoop.present import analysis

    summary = analysis.languages_summary(mixed_tables["articles"], mixed_tables["meetings"]).set_index("language")
    assert summary.loc["vi", "articles"] == 2 and summary.loc["vi", "reporting_a_meeting"] == 2
    assert summary.loc["all", "meetings"] == 2
    years = analysis.article_years(mixed_tables["articles"], mixed_tables["meetings"])
    assert set(years["article_id"]) == {"en_dialogue", "vi_doi_thoai", "vi_khong_dau"}
    themes = analysis.article_themes(mixed_tables["sentences"])
    assert {"en_dialogue", "vi_doi_thoai"} <= set(themes["article_id"])


def test_a_mixed_corpus_builds_byte_identically_again_and_with_two_jobs(mixed_tables, tmp_path):
    import subprocess
    import sys

    from defcoop.build.tables import TABLE_NAMES

    outputs = []
    for name, jobs in (("one", "1"), ("again", "1"), ("two", "2")):
        done = subprocess.run([sys.executable, "-m", "defcoop", "build", "--corpus", str(MIXED), "--out",
                               str(tmp_path / name), "--quiet", "--no-store", "--jobs", jobs],
                              capture_output=True, text=True, cwd=MIXED.parents[2])
        assert done.returncode == 0, done.stderr
        outputs.append({table: (tmp_path / name / f"{table}.csv").read_bytes() for table in TABLE_NAMES})
    assert outputs[0] == outputs[1] == outputs[2]
    assert b"vi_doi_thoai" in outputs[0]["articles"]


def test_a_broken_rule_of_another_language_stops_the_build_before_any_article(tmp_path, monkeypatch):
    """The rules compiled from data/rules/vi/ are checked up front like English's, not first
    found when a Vietnamese article fails."""
    import shutil

    from defcoop.build import tables
    from defcoop.rules import RuleFileError

    shutil.copytree(rules_module.RULES_DIR, tmp_path / "rules")
    vi_dates = tmp_path / "rules" / "vi" / "dates.yaml"
    text = vi_dates.read_text(encoding="utf-8")
    assert "(?P<y>" in text
    vi_dates.write_text(text.replace("(?P<y>", "(?P<year>"), encoding="utf-8")
    monkeypatch.setattr(rules_module, "RULES_DIR", tmp_path / "rules")
    rulecache.clear()
    try:
        with pytest.raises(RuleFileError, match=r"vi/dates\.yaml:\d+: .*named group \(\?P<y>"):
            tables.load_rules()
    finally:
        rulecache.clear()


def test_a_file_another_language_borrows_reads_its_neighbours_in_its_own_language(tmp_path, monkeypatch):
    """xx has no a.yaml, so it reads English's; what is derived from that file reads English's b.yaml
    even when first asked for inside xx, so English articles never get xx's words (found as
    English date lines cleaned with Vietnamese month names after a Vietnamese article came first)."""
    for lang, word in (("en", "november"), ("xx", "thang")):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "b.yaml").write_text(f"months:\n  words: [{word}]\n", encoding="utf-8")
    (tmp_path / "en" / "a.yaml").write_text("lines:\n  words: [updated]\n", encoding="utf-8")
    monkeypatch.setattr(rules_module, "RULES_DIR", tmp_path)

    def with_months(rules):
        return set(rules.words("lines")) | set(load_rules("b").words("months"))

    rulecache.clear()
    try:
        with rules_language("xx"):
            assert load_rules("a").derived(with_months) == {"updated", "november"}
        assert load_rules("a").derived(with_months) == {"updated", "november"}
        with rules_language("xx"):
            assert load_rules("b").words("months") == ("thang",)
    finally:
        rulecache.clear()


def test_a_language_folder_added_while_running_is_seen(tmp_path, monkeypatch):
    """`languages()` keeps its answer between calls (it is asked for every article), but a
    folder made, or a first rule file put into it, changes what it says."""
    import defcoop.rules as rules_module

    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "dates.yaml").write_text("{}\n", encoding="utf-8")
    monkeypatch.setattr(rules_module, "RULES_DIR", tmp_path)
    assert rules_module.languages() == ["en"]
    (tmp_path / "fr").mkdir()
    assert rules_module.languages() == ["en"]            # no rule file in it yet
    (tmp_path / "fr" / "dates.yaml").write_text("{}\n", encoding="utf-8")
    assert rules_module.languages() == ["en", "fr"]
