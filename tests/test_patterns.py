"""Anchor gates never change what a rule pattern finds; they only skip hopeless texts."""
import re

import pytest
from hypothesis import given, settings, strategies as st

from defcoop.extract.sentences import load_sentence_kind_rules
from defcoop.extract.meetings import load_mechanisms
from defcoop.rules import cache as rulecache
from defcoop.rules.patterns import GatedPattern, anchor_pieces, common_pieces, gated, top_level_branches
from defcoop.extract.themes import load_codebook


def rule_patterns():
    """Every gated pattern of the rule files, by name."""
    mechanisms = load_mechanisms()
    found = {f"mechanism:{m}": p for m, _specific, p in mechanisms.patterns}
    found["online"] = mechanisms.online
    found.update({f"title_country:{iso2}": p for iso2, p in mechanisms.title_countries})
    rules = load_sentence_kind_rules()
    found.update({f"sentence_kinds:{name}": getattr(rules, name) for name in rules.__dataclass_fields__
                  if isinstance(getattr(rules, name), GatedPattern)})     # not its examples
    found.update({f"theme_exclude:{m.id}": m.exclude for m in load_codebook()._matchers if m.exclude is not None})
    return found


PATTERNS = rule_patterns()


def test_rule_patterns_are_gated_and_most_have_anchors():
    assert all(isinstance(p, GatedPattern) for p in PATTERNS.values())
    assert sum(p.anchors is not None for p in PATTERNS.values()) >= len(PATTERNS) - 2


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_gate_agrees_with_the_regex_on_the_codebook_examples(name):
    pattern = PATTERNS[name]
    from defcoop.rules.text import fold

    texts = [fold(example) for theme in load_codebook().themes
             for example in theme.must_match + theme.must_not_match]
    for text in texts:
        assert bool(pattern.search(text)) == bool(pattern.regex.search(text)), text
        assert pattern.found(text) == bool(pattern.regex.search(text)), text


# Texts built from the patterns' own words, so matches are frequent, plus noise.
_WORDS = sorted({word for p in PATTERNS.values() for word in re.findall(r"[a-z]{2,}", p.pattern)})
_texts = st.lists(st.one_of(st.sampled_from(_WORDS), st.text("ab -,.'0123", max_size=4)), max_size=12).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(text=_texts)
def test_gate_agrees_with_the_regex_on_generated_texts(text):
    for name, pattern in PATTERNS.items():
        assert bool(pattern.search(text)) == bool(pattern.regex.search(text)), name
        assert pattern.found(text) == bool(pattern.regex.search(text)), name
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in pattern.regex.finditer(text)], name


def test_a_pattern_that_ignores_case_is_never_gated():
    assert anchor_pieces(r"(?i:border) talks") == frozenset({"talks"})
    assert anchor_pieces(r"(?i)border talks") is None
    assert gated("Border", re.IGNORECASE).search("BORDER") is not None


def test_optional_and_alternative_parts_give_no_anchor_of_their_own():
    assert anchor_pieces(r"(?:land )?border") == frozenset({"border"})
    assert anchor_pieces(r"talks|\d+ meetings?") == frozenset({"talks", "meeting"})
    assert anchor_pieces(r"talks|\d+") is None   # one branch needs no literal
    assert gated(r"x?(?:ab)*").anchors is None


# --- which anchors are chosen (speed only, but pinned so a change is deliberate) ------------------

@pytest.mark.parametrize("pattern, anchors", [
    (r"defence policy dialogue", {"dialogue"}),                     # one literal run: its longest word piece
    (r"(?:joint )?border patrols?", {"border"}),                    # optional group: no anchor from it
    (r"(?:border|sea) (?:talks|meeting)s?", {"talks", "meeting"}),  # the set whose shortest piece is longest
    (r"such (?:meeting|event|talks)", {"such"}),                    # one word of 4+ beats a list of words
    (r"vietnam(?:ese)? navy", {"navy"}),                            # a common piece loses to a rarer one
    (r"cambodia", {"cambodia"}),                                    # a common piece is still better than none
    (r"(?:ab)+ and more", {"more"}),                                # a repeat of at least one counts, but "ab" is shorter
    (r"x{0,3}(?=drill)drills?", {"drill"}),                         # look-aheads and optional repeats give none
    (r"(?i:talks) held", {"held"}),                                 # a case-insensitive group gives none
])
def test_anchor_pieces_chosen(pattern, anchors):
    assert anchor_pieces(pattern) == frozenset(anchors)


def test_common_pieces_are_read_from_anchors_yaml(tmp_path, monkeypatch):
    import shutil

    import defcoop.rules as rules_module

    assert {"vietnam", "cambodia", "defen", "minister"} <= common_pieces() and "navy" not in common_pieces()
    shutil.copytree(rules_module.RULES_DIR, tmp_path / "rules")
    monkeypatch.setattr(rules_module, "RULES_DIR", tmp_path / "rules")
    (tmp_path / "rules" / "en" / "anchors.yaml").write_text("common_pieces:\n  words: [navy]\n", encoding="utf-8")
    rulecache.clear()
    try:
        assert common_pieces() == frozenset({"navy"})
        assert anchor_pieces(r"vietnam(?:ese)? navy") == frozenset({"vietnam"})   # now the rarer piece
    finally:
        rulecache.clear()


def test_short_or_missing_literals_give_no_anchor():
    assert anchor_pieces(r"a|b") is None          # pieces of one character are useless
    assert anchor_pieces(r"(?:talks|\d+) held") == frozenset({"held"})
    assert anchor_pieces(r"\d+") is None


def test_gated_match_and_sub_answer_like_the_pattern():
    gated_pattern = GatedPattern(re.compile(r"border (?:posts?|guards?)"))
    assert gated_pattern.anchors == ("border",)
    assert gated_pattern.match("border guards met").group() == "border guards"
    assert gated_pattern.match("the border guards met") is None
    assert gated_pattern.match("no anchor at all") is None
    assert gated_pattern.sub("X", "two border posts and border guards") == "two X and X"
    assert gated_pattern.sub("X", "nothing to replace") == "nothing to replace"
    assert gated_pattern.pattern == r"border (?:posts?|guards?)"
    assert not gated_pattern.possible("a sea patrol") and gated_pattern.possible("borders")


@pytest.mark.parametrize("pattern, branches", [
    (r"(?:a)|(?:b)", ["(?:a)", "(?:b)"]),
    (r"x(?:a|b)y", None),                          # alternatives only inside a group
    (r"[(|]a|b", ["[(|]a", "b"]),                  # a class holds "(" and "|" literally
    (r"[]|]a|b", ["[]|]a", "b"]),                  # "]" first in a class is literal
    (r"\(a|b\)", ["\\(a", "b\\)"]),              # escaped parentheses open no group
    (r"(?i)a|b", None),                            # a global flag applies to every branch
    (r"(a)|(?P=x)", None),                         # a back-reference counts groups across branches
])
def test_top_level_branches(pattern, branches):
    assert top_level_branches(pattern) == branches


def test_found_asks_only_the_branches_whose_anchors_occur():
    rule = gated(r"(?:signing ceremony)|(?:joint drills?)|(?:talks)")
    assert rule._branches is not None and len(rule._branches) == 3
    assert rule.found("a joint drill was held") and not rule.found("a ceremony and a drill")
    assert rule.found("talks") and not rule.found("")
