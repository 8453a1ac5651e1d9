"""Tag sentences with cooperation themes from the editable codebook.

The rules live in ``data/rules/en/themes.yaml`` so a domain expert can change them without
touching Python; this module only loads, validates and applies them. Patterns run on the
folded sentence (see `defcoop.rules.text.fold`): a theme's excluded phrases are blanked out
first, then the theme applies if any of its includes is found in what is left. Blanking,
rather than vetoing the whole sentence, means "exchanged views on regional issues" never
counts as a delegation exchange while "... and agreed to boost delegation exchanges" in
the same sentence still does; an exclude spanning the sentence ('^.*condolence.*') vetoes.

Speed (~30 sentences per article, 1000 articles/s) comes from a literal prefilter: every
pattern is compiled once, and a pattern only runs when a word piece it cannot match
without (read off the parsed regex) occurs in the sentence. See `_Prefilter`.

>>> codebook = load_codebook()
>>> codebook.themes_for("Border guards and the navies held joint patrols to fight drug smuggling.")
('border_patrol', 'transnational_crime', 'maritime')
>>> codebook.themes_for("Both navies held joint patrols to fight drug smuggling.")   # sea patrols: maritime
('transnational_crime', 'maritime')
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from defcoop.paths import EN_RULES_DIR
from defcoop.rules import RuleFileError, alternation, compose_yaml, display_path, mapping_nodes, node_line
from defcoop.rules.patterns import GatedPattern, anchor_pieces, gated
from defcoop.rules.cache import cached_by_content
from defcoop.schemas import CORE_THEMES
from defcoop.rules.text import fold

DEFAULT_PATH = EN_RULES_DIR / "themes.yaml"

_REQUIRED = ("id", "label", "include")
_LIST_KEYS = ("include", "exclude", "must_match", "must_not_match")
_ALLOWED = frozenset(("id", "label", "definition", *_LIST_KEYS))
_TOP_ALLOWED = frozenset(("version", "themes"))
_ID_RE = re.compile(r"[a-z][a-z0-9_]*\Z")


class CodebookError(RuleFileError):
    """A codebook problem a user can fix, located as ``file:line: theme 'x': problem``.

    >>> str(CodebookError("data/rules/en/themes.yaml", 12, "training", "missing 'label'"))
    "data/rules/en/themes.yaml:12: theme 'training': missing 'label'"
    """

    def __init__(self, source: str, line: int, theme: str | None, problem: str):
        self.theme = theme
        where = f"theme '{theme}': " if theme is not None else ""
        super().__init__(source, line, f"{where}{problem}")
        self.problem = problem


@dataclass(frozen=True)
class Theme:
    """One codebook entry; ``line`` is where it starts in the YAML (1-based), for messages.

    >>> Theme("maritime", "Maritime", "", ("navy",), (), (), (), 1).id
    'maritime'
    """

    id: str
    label: str
    definition: str
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    must_match: tuple[str, ...]
    must_not_match: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class _Matcher:
    """A theme's id and its excludes compiled as one alternation (None when it has none)."""

    id: str
    exclude: GatedPattern | None

    def masked(self, folded: str) -> str:
        """The sentence with this theme's excluded phrases blanked out.

        >>> _Matcher("x", gated("land exchanges?")).masked("land exchanges, youth exchanges")
        '##############, youth exchanges'
        """
        if self.exclude is None or not self.exclude.found(folded):
            return folded
        return self.exclude.sub(_blank, folded)


def _blank(match: re.Match[str]) -> str:
    """Replace an excluded span by non-word filler of the same length, so offsets and word
    boundaries survive but no include can match inside it.

    >>> re.sub("land exchanges?", _blank, "land exchanges")
    '##############'
    """
    return "#" * len(match.group())


# ---------------------------------------------------------------- literal prefilter
#
# Python's re tries an alternation at every character, so running ~100 include patterns on
# every sentence costs ~0.5 ms. But nearly every pattern can only match where some literal
# word-piece occurs ("demarcat\w*" needs "demarcat", "(?:shared|land) borders?" needs
# "border"). Those pieces are read off the parsed patterns (`defcoop.rules.patterns.anchor_pieces`);
# a sentence's words are looked up once (memoised per word) and only the patterns whose
# piece is present are run.


class _Prefilter:
    """Maps the words of a folded sentence to the patterns worth running.

    Patterns without a usable piece always run. Words are split on whitespace only (a word
    piece never spans whitespace, and punctuation left on a word does no harm), and
    word -> pattern ids is memoised, so the steady-state cost is one dict lookup per word.

    >>> pf = _Prefilter([frozenset({"border"}), frozenset({"covid"}), None])
    >>> pf.candidates("cross-border checks.")
    [0, 2]
    """

    _CACHE_LIMIT = 200_000

    def __init__(self, anchors: list[frozenset[str] | None]):
        by_piece: dict[str, set[int]] = {}
        for pid, pieces in enumerate(anchors):
            for piece in pieces or ():
                by_piece.setdefault(piece, set()).add(pid)
        self._pieces = tuple((piece, frozenset(ids)) for piece, ids in sorted(by_piece.items()))
        self._always = frozenset(pid for pid, pieces in enumerate(anchors) if pieces is None)
        self._by_word: dict[str, frozenset[int]] = {}

    def _learn(self, word: str) -> frozenset[int]:
        """Pattern ids whose piece occurs in ``word``; remembered for next time."""
        if len(self._by_word) > self._CACHE_LIMIT:
            self._by_word.clear()
        ids = frozenset().union(*(pids for piece, pids in self._pieces if piece in word))
        self._by_word[word] = ids
        return ids

    def candidates(self, folded: str) -> list[int]:
        """Sorted ids of the patterns that could match ``folded``."""
        by_word, found = self._by_word, set(self._always)
        for word in set(folded.split()):
            ids = by_word.get(word)
            if ids is None:
                ids = self._learn(word)
            if ids:
                found |= ids
        return sorted(found)


@dataclass(frozen=True)
class Codebook:
    """The validated codebook, compiled for fast tagging (see `themes_for`).

    >>> cb = load_codebook()
    >>> cb.ids[:2], cb.themes_for("Officer training will be stepped up.")
    (('border_patrol', 'border_demarcation'), ('training',))
    """

    version: Any
    themes: tuple[Theme, ...]
    source: str = ""
    _matchers: tuple[_Matcher, ...] = field(default=(), repr=False, compare=False)
    # Every pattern, numbered theme by theme (excludes before includes) for the prefilter:
    # (theme index, is_exclude, compiled pattern).
    _patterns: tuple[tuple[int, bool, re.Pattern[str]], ...] = field(default=(), repr=False, compare=False)
    _prefilter: _Prefilter | None = field(default=None, repr=False, compare=False)

    @property
    def ids(self) -> tuple[str, ...]:
        """Theme ids in codebook order."""
        return tuple(theme.id for theme in self.themes)

    def theme(self, theme_id: str) -> Theme:
        """Look up a theme by id (KeyError when unknown).

        >>> load_codebook().theme("pandemic").label
        'COVID-19 cooperation'
        """
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(theme_id)

    def themes_for(self, sentence: str) -> tuple[str, ...]:
        """Ids of every theme the sentence carries, in codebook order.

        >>> load_codebook().themes_for("They exchanged views on regional issues.")
        ()
        """
        return self.themes_for_folded(fold(sentence))

    def themes_for_folded(self, folded: str) -> tuple[str, ...]:
        """Like `themes_for` for text already passed through `fold` (it must be: patterns and
        the prefilter assume lowercase ASCII), so a caller that folds a whole article once
        does not pay for folding again per sentence.

        >>> load_codebook().themes_for_folded("the coast guard")
        ('maritime',)
        """
        hits: list[int] = []
        excluding = -1                  # the theme one of whose excludes may apply
        masked_for, masked = -1, folded
        for pid in self._prefilter.candidates(folded) if self._prefilter else ():
            theme, is_exclude, pattern = self._patterns[pid]
            if hits and hits[-1] == theme:
                continue  # theme already found; its other patterns need not run
            if is_exclude:  # blank the theme's excludes, but only once an include needs it
                excluding = theme
                continue
            text = folded
            if excluding == theme:
                if masked_for != theme:
                    masked_for, masked = theme, self._matchers[theme].masked(folded)
                text = masked
            if pattern.search(text):
                hits.append(theme)
        return tuple(self._matchers[theme].id for theme in hits)

    def check_examples(self) -> list[str]:
        """Every must_match example that is not tagged, and every must_not_match example that
        is, as readable lines; empty when the codebook behaves as documented.

        >>> load_codebook().check_examples()
        []
        """
        failures = []
        for theme in self.themes:
            for i, example in enumerate(theme.must_match):
                if theme.id not in self.themes_for(example):
                    failures.append(f"{theme.id}: must_match[{i}] not tagged: {example!r}")
            for i, example in enumerate(theme.must_not_match):
                if theme.id in self.themes_for(example):
                    failures.append(f"{theme.id}: must_not_match[{i}] wrongly tagged: {example!r}")
        return failures


# ---------------------------------------------------------------- loading and validation


def _codebook_error(source: str, line: int, problem: str) -> CodebookError:
    return CodebookError(source, line, None, problem)


def _compose(text: str, source: str) -> tuple[Any, Any]:
    """Parse YAML once: (node tree with line marks, plain data); see `defcoop.rules.compose_yaml`."""
    return compose_yaml(text, source, error=_codebook_error)


def _as_strings(value: Any, key: str, node: Any, source: str, theme: str) -> tuple[str, ...]:
    """Validate a list-of-strings field; ``None`` (an empty key) counts as an empty list."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise CodebookError(source, node_line(node), theme, f"'{key}' must be a list")
    for item, item_node in zip(value, node.value):
        if not isinstance(item, str):
            raise CodebookError(source, node_line(item_node), theme, f"'{key}' entry {item!r} must be a string")
    return tuple(value)


def _check_patterns(patterns: tuple[str, ...], key: str, node: Any, source: str, theme: str) -> None:
    """Compile each pattern alone so a bad one is named with its own line."""
    for pattern, item_node in zip(patterns, node.value):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise CodebookError(source, node_line(item_node), theme,
                                f"invalid regex in '{key}': {pattern!r} ({exc})") from exc


def _parse_theme(entry: Any, node: Any, source: str) -> Theme:
    """Validate one theme entry (data + its MappingNode) and build a `Theme`."""
    if not isinstance(entry, dict):
        raise CodebookError(source, node_line(node), None, "theme entry must be a mapping")
    items = mapping_nodes(node)
    theme_id = entry.get("id")
    label = theme_id if isinstance(theme_id, str) else None
    for key, (key_node, _) in items.items():
        if key not in _ALLOWED:
            raise CodebookError(source, node_line(key_node), label,
                                f"unknown key '{key}' (allowed: {', '.join(sorted(_ALLOWED))})")
    for key in _REQUIRED:
        if entry.get(key) in (None, "", []):
            raise CodebookError(source, node_line(node), label, f"missing '{key}'")
    if not isinstance(theme_id, str) or not _ID_RE.match(theme_id):
        raise CodebookError(source, node_line(items["id"][1]), label,
                            f"id {theme_id!r} must be lowercase letters, digits and '_'")
    lists = {key: _as_strings(entry.get(key), key, items.get(key, (None, node))[1], source, theme_id)
             for key in _LIST_KEYS}
    for key in ("include", "exclude"):
        if lists[key]:
            _check_patterns(lists[key], key, items[key][1], source, theme_id)
    return Theme(id=theme_id, label=str(entry["label"]), definition=str(entry.get("definition") or ""),
                 include=lists["include"], exclude=lists["exclude"], must_match=lists["must_match"],
                 must_not_match=lists["must_not_match"], line=node_line(node))


def _check_ids(themes: list[Theme], themes_line: int, source: str) -> None:
    """Reject duplicate ids (at the second occurrence) and missing core ids."""
    seen: set[str] = set()
    for theme in themes:
        if theme.id in seen:
            raise CodebookError(source, theme.line, theme.id, "duplicate id")
        seen.add(theme.id)
    for core in CORE_THEMES:
        if core not in seen:
            raise CodebookError(source, themes_line, core, "missing core theme id")


def _alternation(patterns: tuple[str, ...]) -> GatedPattern | None:
    """One compiled alternation of several patterns (None for none), each behind its anchors.

    >>> _alternation(("a", "b|c")).pattern
    '(?:a)|(?:b|c)'
    """
    return gated(alternation(patterns)) if patterns else None


def _build(version: Any, themes: list[Theme], source: str) -> Codebook:
    """Compile validated themes: every pattern on its own, so the prefilter can skip it, plus
    one exclude alternation per theme for blanking."""
    matchers = tuple(_Matcher(theme.id, _alternation(theme.exclude)) for theme in themes)
    numbered = tuple((index, is_exclude, re.compile(pattern))
                     for index, theme in enumerate(themes)
                     for is_exclude, patterns in ((True, theme.exclude), (False, theme.include))
                     for pattern in patterns)
    prefilter = _Prefilter([anchor_pieces(pattern.pattern) for _, _, pattern in numbered])
    return Codebook(version=version, themes=tuple(themes), source=source,
                    _matchers=matchers, _patterns=numbered, _prefilter=prefilter)


def parse_codebook(text: str, source: str = "themes.yaml") -> Codebook:
    """Validate codebook YAML text and compile it; ``source`` is the name used in errors.

    >>> parse_codebook("version: 1\\nthemes: []\\n", "x.yaml")
    Traceback (most recent call last):
    ...
    defcoop.extract.themes.CodebookError: x.yaml:2: theme 'border_patrol': missing core theme id
    """
    root, data = _compose(text, source)
    if not isinstance(data, dict):
        raise CodebookError(source, node_line(root) if root is not None else 1, None,
                            "codebook must be a mapping with 'version' and 'themes'")
    top = mapping_nodes(root)
    for key, (key_node, _) in top.items():
        if key not in _TOP_ALLOWED:
            raise CodebookError(source, node_line(key_node), None, f"unknown top-level key '{key}'")
    if "themes" not in top or not isinstance(data["themes"], list):
        line = node_line(top["themes"][0]) if "themes" in top else 1
        raise CodebookError(source, line, None, "'themes' must be a list of themes")
    themes_key, themes_node = top["themes"]
    themes = [_parse_theme(entry, node, source) for entry, node in zip(data["themes"], themes_node.value)]
    _check_ids(themes, node_line(themes_key), source)
    return _build(data.get("version"), themes, source)


@cached_by_content(lambda: DEFAULT_PATH, preload=False)
def _load_cached(file: Path) -> Codebook:
    """Parse a codebook file (kept until its content changes, see `defcoop.rules.cache`)."""
    return parse_codebook(file.read_text(encoding="utf-8"), display_path(file))


def load_codebook(path: str | os.PathLike[str] | None = None) -> Codebook:
    """Load (once per path and content) and validate the theme codebook.

    >>> len(load_codebook().ids) >= len(CORE_THEMES)
    True
    """
    if path is None:
        from defcoop.rules import load_rules

        return load_rules("themes")
    return _load_cached(os.path.abspath(path))
