"""Tests for defcoop.rules.schema: the checks of rule files of a format of their own."""
from __future__ import annotations

import re

import pytest

from defcoop.rules import RuleFileError
from defcoop.rules.schema import (EXAMPLE_KEYS, INTEGER, NUMBER, REGEX, REGEXES, STRING, STRINGS, Example,
                                check_schema, optional, regex_with_groups, with_examples)

SCHEMA = {
    "verbs": REGEX,
    "cues": REGEXES,
    "labels": STRINGS,
    "name": optional(STRING),
    "limits": {"words": INTEGER, "ratio": NUMBER},
    "kinds": [{"id": STRING, "patterns": REGEXES}],
}
GOOD = ("verbs: 'signed'\ncues: ['a', 'b+']\nlabels: [home, news]\nlimits:\n  words: 4\n  ratio: 1.5\n"
        "kinds:\n  - id: mou\n    patterns: ['mous?']\n")


def test_a_file_that_fits_its_schema_is_returned_as_data():
    data = check_schema(GOOD, "x.yaml", SCHEMA)
    assert data["limits"] == {"words": 4, "ratio": 1.5} and data["kinds"] == [{"id": "mou", "patterns": ["mous?"]}]
    assert "name" not in data
    assert check_schema(GOOD + "name: x\n", "x.yaml", SCHEMA)["name"] == "x"
    assert "name" in check_schema(GOOD + "name:\n", "x.yaml", SCHEMA)    # an optional key may be left empty


@pytest.mark.parametrize("text, message", [
    ("a: [1", r"x\.yaml:1: invalid YAML"),
    ("", r"x\.yaml:1: the file must be a mapping with the keys: verbs, cues"),
    (GOOD + "colour: red\n", r"x\.yaml:10: unknown key 'colour' \(known: verbs, cues, labels, name, limits, kinds\)"),
    (GOOD.replace("verbs: 'signed'\n", ""), r"x\.yaml:1: missing key 'verbs'"),
    (GOOD.replace("verbs: 'signed'", "verbs:"), r"x\.yaml:1: 'verbs' is empty: it must be a regex"),
    (GOOD.replace("'signed'", "'(signed'"), r"x\.yaml:1: 'verbs': bad pattern '\(signed'"),
    (GOOD.replace("'b+'", "'+b'"), r"x\.yaml:2: 'cues': bad pattern '\+b'"),
    (GOOD.replace("cues: ['a', 'b+']", "cues: 'a'"), r"x\.yaml:2: 'cues' must be a list of regexes"),
    (GOOD.replace("[home, news]", "[home, on]"), r"x\.yaml:3: 'labels': True must be a string"),
    (GOOD.replace("words: 4", "words: four"), r"x\.yaml:5: 'limits\.words': 'four' must be an integer"),
    (GOOD.replace("words: 4", "words: yes"), r"x\.yaml:5: 'limits\.words': True must be an integer"),
    (GOOD.replace("ratio: 1.5", "ratio: wide"), r"x\.yaml:6: 'limits\.ratio': 'wide' must be a number"),
    (GOOD.replace("  ratio: 1.5\n", "  ratio: 1.5\n  depth: 2\n"), r"x\.yaml:7: 'limits': unknown key 'depth'"),
    (GOOD.replace("  words: 4\n", ""), r"x\.yaml:5: 'limits': missing key 'words'"),
    (GOOD.replace("limits:\n  words: 4\n  ratio: 1.5", "limits: 4"), r"x\.yaml:4: 'limits' must be a mapping with the keys: words, ratio"),
    (GOOD.replace("kinds:\n  - id: mou\n    patterns: ['mous?']", "kinds: mou"), r"x\.yaml:7: 'kinds' must be a list"),
    (GOOD.replace("'mous?'", "'mou('"), r"x\.yaml:9: 'kinds\[1\]\.patterns': bad pattern 'mou\('"),
])
def test_every_problem_names_file_and_line(text, message):
    with pytest.raises(RuleFileError, match=f"^{message}"):
        check_schema(text, "x.yaml", SCHEMA)


def test_regexes_are_checked_with_the_flags_they_are_used_with():
    text = "verbs: 'signed  # or inked ('\n"        # the bracket is inside a comment only in VERBOSE mode
    assert check_schema(text, "x.yaml", {"verbs": REGEX}, flags=re.VERBOSE)
    with pytest.raises(RuleFileError, match=r"^x\.yaml:1: 'verbs': bad pattern"):
        check_schema(text, "x.yaml", {"verbs": REGEX})


def test_a_regex_must_keep_the_named_groups_the_code_reads():
    schema = {"glued": regex_with_groups("caption", "rest")}
    assert check_schema("glued: '(?P<caption>a)(?P<rest>.*)'\n", "x.yaml", schema)
    with pytest.raises(RuleFileError, match=r"^x\.yaml:2: 'glued': the pattern must have the named group \(\?P<caption>"):
        check_schema("\nglued: '(a)(?P<rest>.*)'\n", "x.yaml", schema)
    with pytest.raises(RuleFileError, match=r"^x\.yaml:1: 'glued': bad pattern"):
        check_schema("glued: '(?P<caption>a'\n", "x.yaml", schema)


# --- examples -------------------------------------------------------------------------------------

EXAMPLE_SCHEMA = {
    "verbs": with_examples(REGEX),
    "cues": with_examples(REGEXES),
    "labels": optional(with_examples(STRINGS)),
    "kinds": [{"id": STRING, "patterns": REGEXES, **EXAMPLE_KEYS}],
}
WITH_EXAMPLES = ("verbs:\n  pattern: 'signed'\n  must_match: [They signed it.]\n  must_not_match: [A sign.]\n"
                 "cues: ['a']\n"
                 "labels:\n  words: [home]\n  must_match:\n    - Home\n"
                 "kinds:\n  - id: mou\n    patterns: ['mous?']\n    must_match: [Two MoUs.]\n")


def test_a_key_with_examples_is_read_as_its_value_and_its_examples_keep_their_lines():
    examples = []
    data = check_schema(WITH_EXAMPLES, "x.yaml", EXAMPLE_SCHEMA, examples=examples)
    assert data["verbs"] == "signed" and data["cues"] == ["a"] and data["labels"] == ["home"]
    assert data["kinds"][0]["patterns"] == ["mous?"]
    assert examples == [Example("x.yaml", 3, "verbs", True, "They signed it."),
                        Example("x.yaml", 4, "verbs", False, "A sign."),
                        Example("x.yaml", 9, "labels", True, "Home"),
                        Example("x.yaml", 13, "kinds[1]", True, "Two MoUs.")]
    assert check_schema(WITH_EXAMPLES, "x.yaml", EXAMPLE_SCHEMA) == data       # examples are optional to collect
    assert examples[0].failure("no verb") == "x.yaml:3: 'verbs' must_match not matched (no verb): 'They signed it.'"
    assert examples[1].failure("verb 'sign'") == "x.yaml:4: 'verbs' must_not_match matched (verb 'sign'): 'A sign.'"


@pytest.mark.parametrize("text, message", [
    (WITH_EXAMPLES.replace("  must_not_match", "  must_nat_match"), r"x\.yaml:4: 'verbs': unknown key 'must_nat_match'"),
    (WITH_EXAMPLES.replace("  pattern: 'signed'\n", ""), r"x\.yaml:2: 'verbs': missing key 'pattern'"),
    (WITH_EXAMPLES.replace("  pattern: 'signed'", "  patterns: ['signed']"), r"x\.yaml:2: 'verbs': unknown key 'patterns'"),
    (WITH_EXAMPLES.replace("'signed'", "'(signed'"), r"x\.yaml:2: 'verbs': bad pattern '\(signed'"),
    (WITH_EXAMPLES.replace("  pattern: 'signed'", "  pattern:"), r"x\.yaml:2: 'verbs' is empty: it must be a regex"),
    (WITH_EXAMPLES.replace("[A sign.]", "[A sign., 3]"), r"x\.yaml:4: 'verbs\.must_not_match': 3 must be a string"),
    (WITH_EXAMPLES.replace("[They signed it.]", "They signed it."),
     r"x\.yaml:3: 'verbs\.must_match' must be a list of strings"),
    (WITH_EXAMPLES.replace("    - Home\n", "    - on\n"), r"x\.yaml:9: 'labels\.must_match': True must be a string"),
    (WITH_EXAMPLES.replace("    must_match: [Two MoUs.]", "    must_match: [Two MoUs.]\n    note: x"),
     r"x\.yaml:14: 'kinds\[1\]': unknown key 'note'"),
    (WITH_EXAMPLES.replace("verbs:\n  pattern: 'signed'", "verbs:\n  pattern: 'signed'\n  patterns: [x]"),
     r"x\.yaml:3: 'verbs': unknown key 'patterns'"),
    ("verbs:\ncues: ['a']\nkinds: []\n",
     r"x\.yaml:1: 'verbs' is empty: it must be a regex \(a string\), or a mapping of pattern and its examples$"),
])
def test_a_broken_example_entry_names_file_and_line(text, message):
    with pytest.raises(RuleFileError, match=f"^{message}"):
        check_schema(text, "x.yaml", EXAMPLE_SCHEMA)
