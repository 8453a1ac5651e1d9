"""Tests for defcoop.rules.schema: the checks of rule files of a format of their own."""
from __future__ import annotations

import re

import pytest

from defcoop.rules import RuleFileError
from defcoop.rules.schema import (INTEGER, NUMBER, REGEX, REGEXES, STRING, STRINGS, check_schema, optional,
                                regex_with_groups)

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
