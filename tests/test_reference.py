"""The reference-table machinery: CSV rows with line numbers, alias tries, alias matching."""
import re

import pytest

from defcoop.rules.reference import (AliasMatcher, ReferenceDataError, read_rows, spelling_variants, split_aliases,
                               start_article, trie_pattern)


def test_rows_keep_file_line_numbers_strip_values_and_skip_blank_lines(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("name,aliases\n Hanoi , Ha Noi\n,\n\nHue,\n", encoding="utf-8")
    assert list(read_rows(path, ("name",))) == [(2, {"name": "Hanoi", "aliases": "Ha Noi"}),
                                                 (5, {"name": "Hue", "aliases": ""})]


def test_a_missing_column_is_an_error_on_line_one(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("name\nHanoi\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError) as error:
        list(read_rows(path, ("name", "aliases", "country")))
    assert str(error.value).endswith("t.csv:1: missing column(s): aliases, country")


def test_a_quoted_cell_may_hold_a_line_break(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('name,note\n"Tay Ninh","two\nlines"\nHue,x\n', encoding="utf-8")
    rows = list(read_rows(path, ("name",)))
    assert rows[0][1]["note"] == "two\nlines" and rows[1] == (4, {"name": "Hue", "note": "x"})


def test_spelling_variants_add_the_us_form_only_when_it_differs():
    assert spelling_variants("defence ministry") == ("defence ministry", "defense ministry")
    assert spelling_variants("army") == ("army",)


def test_split_aliases():
    assert split_aliases(" Ha Noi | Hà Nội ||") == ("Ha Noi", "Hà Nội")


@pytest.mark.parametrize("keys, text, matches", [
    (["tay ninh", "tay"], "tay ninh", True),
    (["tay ninh", "tay"], "tay", True),
    (["tay ninh", "tay"], "tay-ninh", True),          # a space in a key matches hyphens too
    (["tay ninh", "tay"], "tay\n ninh", True),        # and any run of whitespace
    (["tay ninh", "tay"], "ninh", False),
    (["an giang", "an"], "an giang", True),
    (["a.b"], "axb", False),                          # key characters are literal
    (["ba ria-vung tau"], "ba ria-vung tau", True),
])
def test_trie_pattern_matches_exactly_its_keys(keys, text, matches):
    assert (re.fullmatch(trie_pattern(keys), text) is not None) is matches


def test_the_trie_prefers_the_longest_key():
    assert re.match(trie_pattern(["tay", "tay ninh"]), "tay ninh province").group() == "tay ninh"
    assert trie_pattern(["ab", "ac"]) == "a(?:b|c)"
    assert trie_pattern(["a", "ab"]) == "a(?:b)?"


def test_matcher_reads_a_hyphen_as_the_space_of_a_key_and_returns_the_entry():
    matcher = AliasMatcher({"ba ria vung tau": ("Ba Ria-Vung Tau", None), "hanoi": ("Hanoi", None)})
    hits = matcher.find("Delegates from Ba Ria-Vung Tau and Hanoi met.")
    assert [(hit.as_written, hit.value) for hit in hits] == [("Ba Ria-Vung Tau", "Ba Ria-Vung Tau"),
                                                              ("Hanoi", "Hanoi")]
    assert (hits[0].start, hits[0].end) == (15, 30)


def test_matcher_needs_whole_words_capitals_and_exact_case_when_asked():
    places = AliasMatcher({"hue": ("Hue", None)}, capitalised=True)
    assert [hit.value for hit in places.find("In Hue, they met.")] == ["Hue"]
    assert places.find("The hue of the sky.") == [] and places.find("Huế's hues") != []
    assert AliasMatcher({"hue": ("Hue", None)}).find("Hues") == []
    exact = AliasMatcher({"us": ("US", "US")})
    assert [hit.value for hit in exact.find("The US and us.")] == ["US"]


def test_an_empty_matcher_finds_nothing():
    assert AliasMatcher({}).find("Anything at all.") == []


def test_alias_hits_are_remembered_within_one_article_only():
    matcher = AliasMatcher({"tay ninh": ("Tay Ninh", None)})
    start_article()
    first = matcher.find("Met in Tay Ninh.")
    assert matcher.find("Met in Tay Ninh.") == first and len(matcher._remembered) == 1
    first.clear()                                    # a caller's list is its own
    assert len(matcher.find("Met in Tay Ninh.")) == 1
    start_article()
    matcher.find("Tay Ninh")
    assert list(matcher._remembered) == [("Tay Ninh", "tay ninh")]   # the last article's hits are gone
