"""Articles in several languages: each is told apart, then extracted with its own rule files."""
from __future__ import annotations

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
