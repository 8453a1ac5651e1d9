"""Regex speed-ups shared by the rule modules: literal anchors read off a pattern.

Python's re tries a pattern at every character of a sentence, and most rule patterns fail
on most sentences. But nearly every pattern can only match where some literal piece occurs
("demarcat\\w*" needs "demarcat", "(?:shared|land) borders?" needs "border"). Those pieces are
read off the parsed pattern (`anchor_pieces`); a `GatedPattern` checks them with `in`
(a fast substring search) and runs the regex only when one is present. Results never
change: a text without any anchor cannot match. Only speed depends on the choice of pieces
(pieces too frequent in the corpus to be good anchors are data/rules/<lang>/anchors.yaml).

>>> pattern = GatedPattern(re.compile(r"(?:shared|common|land) borders?\\b"))
>>> pattern.anchors, pattern.search("a joint exercise") is None, pattern.search("the land border").group()
(('border',), True, 'land border')
"""
from __future__ import annotations

import functools
import re
from typing import Any

from defcoop.rules import RuleSet, load_rules

try:  # the regex parser is semi-private; its home moved in Python 3.11
    from re import _constants as _const, _parser
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _const  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]
_REPEATS = tuple(getattr(_const, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
                 if hasattr(_const, name))

_WORD = re.compile(r"\w+")
_MIN_PIECE = 2


def common_pieces(lang: str | None = None) -> frozenset[str]:
    """Pieces found in most sentences of the corpus (data/rules/<lang>/anchors.yaml): poor
    anchors, so another literal of the same pattern is preferred when there is one (only speed
    depends on this, never results).

    >>> "vietnam" in common_pieces(), "demarcat" in common_pieces()
    (True, False)
    """
    return load_rules("anchors", lang).derived(_common_pieces)


def _common_pieces(rules: RuleSet) -> frozenset[str]:
    return frozenset(rules.words("common_pieces"))


def _literal_options(seq: Any, common: frozenset[str]) -> list[frozenset[str]]:
    """Sets of literals of which every match of the parsed sequence contains at least one.

    Consecutive literal characters form one literal; a group contributes its own best set,
    an alternation the union of its branches' sets (only when every branch has one), and a
    repeat only when it must occur at least once. Look-arounds, classes and case-insensitive
    groups contribute none. `common` are the `common_pieces`, passed down to `_best_pieces`.
    """
    options: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            options.append(frozenset(["".join(run)]))
            run.clear()

    for op, arg in seq:
        if op is _const.LITERAL:
            run.append(chr(arg))
            continue
        flush()
        best = None
        if op is _const.SUBPATTERN:
            if not arg[1] & _const.SRE_FLAG_IGNORECASE:
                best = _best_pieces(arg[-1], common)
        elif op is _const.BRANCH:
            branches = [_best_pieces(alt, common) for alt in arg[1]]
            best = frozenset().union(*branches) if all(branches) else None
        elif op in _REPEATS and arg[0] >= 1:
            best = _best_pieces(arg[2], common)
        if best:
            options.append(best)
    flush()
    return options


def _best_pieces(seq: Any, common: frozenset[str]) -> frozenset[str] | None:
    """The most selective literal set of a parsed sequence, cut down to word pieces.

    Each literal is cut to its longest run of word characters (callers may look pieces up
    inside single words); a set is usable when every piece has >= 2 characters. Sets free
    of `common` pieces win; then sets whose pieces all have 4 or more characters; among
    those, the set of fewest pieces (one word beats a list of words any of which lets the
    pattern run: "such (meeting|event|talks)" is gated on "such"), then the one whose
    shortest piece is longest.
    """
    best, best_key = None, None
    for option in _literal_options(seq, common):
        pieces = frozenset(max(_WORD.findall(lit) or [""], key=len) for lit in option)
        shortest = min(len(piece) for piece in pieces)
        key = (pieces.isdisjoint(common), shortest >= 4, -len(pieces), shortest)
        if shortest >= _MIN_PIECE and (best_key is None or key > best_key):
            best, best_key = pieces, key
    return best


def anchor_pieces(pattern: str | re.Pattern) -> frozenset[str] | None:
    r"""Word pieces of which any match of ``pattern`` contains one; None when there are none
    (or when the pattern ignores case, as pieces are compared as written).

    >>> sorted(anchor_pieces(r"(?:shared|common|land) borders?\b"))
    ['border']
    >>> sorted(anchor_pieces(r"covid|coronavirus|sars-?cov"))
    ['coronavirus', 'covid', 'sars']
    >>> anchor_pieces(r"\w+ ?s") is None, anchor_pieces(re.compile("talks", re.I)) is None
    (True, True)
    """
    if isinstance(pattern, re.Pattern):
        if pattern.flags & re.IGNORECASE:
            return None
        pattern = pattern.pattern
    parsed = _parser.parse(pattern)
    if parsed.state.flags & re.IGNORECASE:
        return None
    return _best_pieces(parsed, common_pieces())


class GatedPattern:
    """A compiled pattern that is only run on texts containing one of its anchor pieces.

    Offers the `re.Pattern` methods the rule modules use (search, match, finditer, sub);
    on a text without an anchor they answer as the pattern would, without running it.

    >>> GatedPattern(re.compile(r"signing ceremony|signed")).finditer("no anchor here")
    []
    """

    def __init__(self, regex: re.Pattern):
        self.regex = regex
        pieces = anchor_pieces(regex)
        self.anchors = tuple(sorted(pieces)) if pieces else None
        branches = top_level_branches(regex.pattern) if isinstance(regex.pattern, str) else None
        gates = [GatedPattern(re.compile(branch, regex.flags)) for branch in branches or ()]
        self._branches = tuple((gate.anchors, gate.regex.search) for gate in gates) if gates else None

    def possible(self, text: str) -> bool:
        """False only when the pattern cannot match anywhere in `text`."""
        anchors = self.anchors
        if anchors is None:
            return True
        for piece in anchors:
            if piece in text:
                return True
        return False

    def found(self, text: str) -> bool:
        """``bool(self.search(text))``, asking each top-level alternative behind its own
        anchors: a rule written as many alternatives ("a ceremony ...", "a drill ...") then runs
        only the ones whose words occur, not all of them at every character.

        >>> rule = gated(r"(?:signing ceremony)|(?:joint drills?)")
        >>> rule.found("the joint drill"), rule.found("a ceremony"), rule.found("the drill")
        (True, False, False)
        """
        if not self.possible(text):
            return False
        if self._branches is None:
            return self.regex.search(text) is not None
        for anchors, search in self._branches:   # `possible` inlined: this runs per sentence and rule
            if anchors is not None:
                for piece in anchors:
                    if piece in text:
                        break
                else:
                    continue
            if search(text) is not None:
                return True
        return False

    @property
    def pattern(self) -> str:
        return self.regex.pattern

    def search(self, text: str, *args):
        return self.regex.search(text, *args) if self.possible(text) else None

    def match(self, text: str, *args):
        return self.regex.match(text, *args) if self.possible(text) else None

    def finditer(self, text: str, *args):
        return self.regex.finditer(text, *args) if self.possible(text) else []

    def sub(self, replacement, text: str, *args):
        return self.regex.sub(replacement, text, *args) if self.possible(text) else text


_UNSPLITTABLE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(|^\(\?[aiLmsux]+\)")   # back-references, conditionals, global flags


def top_level_branches(pattern: str) -> list[str] | None:
    r"""The alternatives of `pattern`'s outermost ``|``, or None when it has only one (or uses
    back-references, conditionals or global inline flags, which do not survive a split). A
    text matches the pattern exactly when it matches one of them.

    >>> top_level_branches(r"(?:a|b)|[|]c|d\|e")
    ['(?:a|b)', '[|]c', 'd\\|e']
    >>> top_level_branches(r"(?:a|b)") is None, top_level_branches(r"(a)|\1") is None
    (True, True)
    """
    if _UNSPLITTABLE.search(pattern):
        return None
    branches, start, depth, i, n = [], 0, 0, 0, len(pattern)
    while i < n:
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":                      # a class: "]" right after "[" or "[^" is literal
            i += 1
            if i < n and pattern[i] == "^":
                i += 1
            if i < n and pattern[i] == "]":
                i += 1
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
        i += 1
    branches.append(pattern[start:])
    return branches if len(branches) > 1 else None


@functools.lru_cache(maxsize=1024)
def gated_once(pattern: str, flags: int = 0) -> GatedPattern:
    """`gated`, remembered by pattern: for a pattern a rule assembles from rule parts on every
    call (the same few again and again), so its anchors are read once. Anchors change only
    speed, never results, so one remembered across an edit of anchors.yaml is still right.

    >>> gated_once("signing ceremony") is gated_once("signing ceremony")
    True
    """
    return gated(pattern, flags)


def gated(pattern: str, flags: int = 0) -> GatedPattern:
    """``re.compile(pattern, flags)`` behind its anchor gate.

    >>> gated("repatriation ceremony|handover of (the )?remains").anchors
    ('handover', 'repatriation')
    """
    return GatedPattern(re.compile(pattern, flags))
