"""Tests for the rule-file loader (defcoop.rules) and for every rule file's own examples."""
from __future__ import annotations

import re

import pytest

from defcoop.rules import cache as rulecache
from defcoop.rules.reference import ReferenceDataError
from defcoop.rules import (PARSERS, RuleFileError, RuleSet, alternation, load_rules, parse_rules, rule_files,
                           rules_path)
from defcoop.extract.themes import CodebookError

PLAIN_FILES = [path for path in rule_files() if path.stem not in PARSERS]


@pytest.mark.parametrize("path", PLAIN_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_rule_file_behaves_as_its_examples_say(path):
    rules = load_rules(path.stem, path.parent.name)
    assert isinstance(rules, RuleSet)
    assert rules.check_examples() == []


@pytest.mark.parametrize("path", PLAIN_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_rule_file_has_examples(path):
    rules = load_rules(path.stem, path.parent.name)
    assert any(rule.must_match for rule in rules.rules.values()), f"{path.name} has no must_match example"


def test_one_error_class_for_every_rule_and_reference_file():
    assert issubclass(CodebookError, RuleFileError) and issubclass(ReferenceDataError, RuleFileError)
    assert str(ReferenceDataError.at("/tmp/x.csv", 3, "bad date")) == "/tmp/x.csv:3: bad date"


@pytest.mark.parametrize("text, message", [
    ("a: [1", r"x\.yaml:1: invalid YAML"),
    ("- a\n- b\n", r"x\.yaml:1: a rule file must be a mapping"),
    ("Bad-Key:\n  value: 1\n", r"x\.yaml:1: rule key 'Bad-Key' must be snake_case"),
    ("a:\n  value: 1\nb: 3\n", r"x\.yaml:3: 'b' must be a mapping"),
    ("a:\n  words: [x]\n  pattern: y\n  must_match: [y]\n", r"x\.yaml:1: 'a' needs exactly one of"),
    ("a:\n  words: [x]\n  colour: red\n", r"x\.yaml:3: 'a': unknown key 'colour'"),
    ("a:\n  pattern: 'talks?'\n", r"x\.yaml:1: 'a': a pattern needs at least one must_match example"),
    ("a:\n  note: x\n  pattern: '(unclosed'\n  must_match: [x]\n", r"x\.yaml:3: 'a': bad pattern '\(unclosed'"),
    ("a:\n  patterns:\n    - ok\n    - '[z'\n  must_match: [ok]\n", r"x\.yaml:4: 'a': bad pattern '\[z'"),
    ("a:\n  words: [x, 2]\n", r"x\.yaml:2: 'a' words: 2 must be a string"),
    ("a:\n  pattern: x\n  flags: [LOUD]\n  must_match: [x]\n", r"x\.yaml:3: 'a': unknown flag 'LOUD'"),
    ("a:\n  table: [1]\n", r"x\.yaml:2: 'a': table must be a mapping"),
    ("a:\n  value: 3\n  must_match: [x]\n", r"x\.yaml:1: 'a': examples need a pattern"),
])
def test_a_broken_rule_file_names_file_and_line(text, message):
    with pytest.raises(RuleFileError, match=f"^{message}"):
        parse_rules(text, "x.yaml")


def test_each_kind_of_entry_is_read_as_written():
    rules = parse_rules(
        "p:\n  pattern: 'talks?'\n  flags: [IGNORECASE]\n  must_match: [TALK]\n"
        "ps:\n  patterns: ['met', 'meets?']\n  must_match: [meets]\n  must_not_match: [meeting]\n"
        "w:\n  words: [general, colonel]\n  must_match: [a general said]\n  must_not_match: [generally]\n"
        "t:\n  table: {jan: 1, feb: 2}\n"
        "v:\n  value: 1967\n", "x.yaml")
    assert rules.regex("p").search("The TALKS") and rules.pattern("p") == "talks?"
    assert rules.patterns("ps") == ("met", "meets?") and rules.pattern("ps") == "(?:met)|(?:meets?)"
    assert rules.words("w") == ("general", "colonel") and rules.regex("w").findall("general, colonel") == ["general", "colonel"]
    assert rules.table("t") == {"jan": 1, "feb": 2} and rules.value("v") == 1967
    assert rules.check_examples() == ["x.yaml:5: 'ps' must_not_match matched: 'meeting'"]
    with pytest.raises(RuleFileError, match=r"^x\.yaml:1: no rule 'missing'"):
        rules.pattern("missing")
    with pytest.raises(RuleFileError, match=r"^x\.yaml:15: 'v' must be a words, not a value"):
        rules.words("v")


def test_examples_that_fail_are_reported_with_their_line():
    rules = parse_rules("a:\n  pattern: 'signed'\n  must_match: [inked]\n  must_not_match: [signed it]\n", "x.yaml")
    assert rules.check_examples() == ["x.yaml:1: 'a' must_match not matched: 'inked'",
                                      "x.yaml:1: 'a' must_not_match matched: 'signed it'"]


def test_alternation_keeps_each_pattern_in_its_group():
    assert alternation(["a|b", "c"]) == "(?:a|b)|(?:c)"
    assert alternation([]) == "(?!)"


def test_derived_tables_are_rebuilt_after_an_edit(tmp_path, monkeypatch):
    """A table compiled from a rule file must follow the file, not the first version read."""
    import defcoop.rules as rules_module

    monkeypatch.setattr(rules_module, "RULES_DIR", tmp_path)
    (tmp_path / "en").mkdir()
    file = tmp_path / "en" / "cues.yaml"
    file.write_text("verbs:\n  words: [met]\n", encoding="utf-8")
    rulecache.clear()
    try:
        def build(rules):
            return set(rules.words("verbs"))
        assert load_rules("cues").derived(build) == {"met"}
        file.write_text("verbs:\n  words: [met, held]\n", encoding="utf-8")
        assert load_rules("cues").derived(build) == {"met"}          # until a build refreshes
        assert rulecache.refresh() is True
        assert load_rules("cues").derived(build) == {"met", "held"}
    finally:
        rulecache.clear()


def test_rules_path_is_per_language():
    assert rules_path("dates", "vi").parts[-3:] == ("rules", "vi", "dates.yaml")


# --- the files of a format of their own that carry examples (agreements, sentence_kinds, boilerplate) ---

OWN_FORMAT_WITH_EXAMPLES = ("agreements", "sentence_kinds", "boilerplate")
_REGEX_LINE = re.compile(r"^(?P<lead>\s*(?:- |[a-z_]+: ))(?P<value>'.*'|\['.*'\])(?P<comment>\s+#.*)?$")


@pytest.mark.parametrize("name", OWN_FORMAT_WITH_EXAMPLES)
def test_every_own_format_file_carries_examples_that_behave(name):
    rules = load_rules(name)
    assert any(example.must_match for example in rules.examples) and any(not e.must_match for e in rules.examples)
    failures = rules.example_failures()
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("name", OWN_FORMAT_WITH_EXAMPLES)
def test_every_pattern_of_an_own_format_file_is_needed_by_an_example(name):
    """Each regex of the file (a single-quoted value) replaced in turn by one that never matches:
    some example must fail, so a broken edit of any pattern fails a test. A pattern no example
    needs wants a must_match example that it alone finds."""
    from defcoop.rules import _parser

    path = rules_path(name)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    parse, source = _parser(name), f"data/rules/en/{path.name}"
    unneeded = []
    for index, line in enumerate(lines):
        match = _REGEX_LINE.match(line.rstrip("\n"))
        if not match:
            continue
        groups = "".join(f"(?P<{group}>)" for group in re.findall(r"\(\?P<(\w+)>", match.group("value")))
        never = "['(?!)']" if match.group("value").startswith("[") else f"'(?!){groups}'"   # keeping the groups the code reads
        broken = lines[:index] + [f"{match.group('lead')}{never}\n"] + lines[index + 1:]
        if not parse("".join(broken), source).example_failures():
            unneeded.append(f"{source}:{index + 1}: no example needs {line.strip()[:80]!r}")
    assert not unneeded, "\n".join(unneeded)


def test_the_patterns_of_an_entry_may_each_carry_the_same_named_group():
    rules = parse_rules("age:\n  patterns: ['(?P<n>\\d+)th birthday', 'born (?P<n>\\d+) years ago']\n"
                        "  must_match: ['the 5th birthday', 'born 7 years ago']\n  must_not_match: ['born in 7']\n",
                        "x.yaml")
    assert [r.search("she was born 7 years ago").group("n") if r.search("she was born 7 years ago") else None
            for r in rules.regexes("age")] == [None, "7"]
    assert rules.check_examples() == []
    bad = parse_rules("age:\n  pattern: '(?P<n>\\d+)th'\n  must_match: ['5th']\n  must_not_match: ['6th']\n", "x.yaml")
    assert bad.check_examples() == ["x.yaml:1: 'age' must_not_match matched: '6th'"]
