"""Shared helpers for the reference CSVs in data/reference (officials, roles, places, countries).

Every table is read with the csv module (``import defcoop`` stays light), validated row by row,
and turned into one compiled regex over its folded aliases. Errors name the file and line so a
bad edit to the data is found at once:

>>> str(ReferenceDataError.at("data/reference/officials.csv", 12, "term_end before term_start"))
'data/reference/officials.csv:12: term_end before term_start'
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Generic, Iterator, TypeVar

from defcoop.rules import RuleFileError, display_path
from defcoop.rules.text import fold

T = TypeVar("T")


class ReferenceDataError(RuleFileError):
    """A reference CSV row is invalid; the message reads "file:line: problem"."""

    @classmethod
    def at(cls, path: str | Path, line: int, problem: str) -> "ReferenceDataError":
        """Build the error for `line` of `path` (shown relative to the project root when inside it).

        >>> str(ReferenceDataError.at("/tmp/x.csv", 3, "bad date '2021-13-01'"))
        "/tmp/x.csv:3: bad date '2021-13-01'"
        """
        return cls(display_path(path), line, problem)


def read_rows(path: str | Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each data row, values stripped; header must name `required`.

    Line numbers are those of the file (header = line 1), so errors point where an editor will.
    """
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = [column for column in required if column not in (reader.fieldnames or [])]
        if missing:
            raise ReferenceDataError.at(path, 1, f"missing column(s): {', '.join(missing)}")
        for row in reader:
            if not any((value or "").strip() for value in row.values()):
                continue
            yield reader.line_num, {key: (value or "").strip() for key, value in row.items() if key}


def split_aliases(cell: str) -> tuple[str, ...]:
    """The "|"-joined alias cell as a tuple, blanks dropped.

    >>> split_aliases("HCM City| TP.HCM ||Saigon")
    ('HCM City', 'TP.HCM', 'Saigon')
    """
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def parse_iso_date(text: str) -> date | None:
    """An ISO date cell as a date; empty means unknown/open. Raises ValueError on anything else.

    >>> parse_iso_date("2023-08-22"), parse_iso_date("")
    (datetime.date(2023, 8, 22), None)
    """
    if not text:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(text)
    return date.fromisoformat(text)


_WORD_RUN = re.compile(r"\w+")


@lru_cache(maxsize=256)
def _word_runs(folded: str) -> tuple[tuple[tuple[int, str], ...], frozenset[str]]:
    """(start, word) of every word of a folded sentence, and the set of its words; remembered,
    as every alias matcher (people, titles, places, countries) scans the same sentence in turn.

    >>> runs, words = _word_runs("tay ninh, 2021")
    >>> runs, sorted(words)
    (((0, 'tay'), (4, 'ninh'), (10, '2021')), ['2021', 'ninh', 'tay'])
    """
    runs = tuple((m.start(), m.group()) for m in _WORD_RUN.finditer(folded))
    return runs, frozenset(word for _, word in runs)


@lru_cache(maxsize=2048)
def fold_cached(sentence: str) -> str:
    """`fold`, remembered: the same sentence is matched for people, places and countries in turn.

    >>> fold_cached("Việt Nam")
    'viet nam'
    """
    return fold(sentence)


def alias_key(text: str) -> str:
    """The form aliases are compared in: folded, whitespace collapsed.

    >>> alias_key("  Hoàng  Xuân Chiến ")
    'hoang xuan chien'
    """
    return " ".join(fold(text).split())


def spelling_variants(key: str) -> tuple[str, ...]:
    """A folded phrase plus its US spelling, so data lists only the British form.

    >>> spelling_variants("defence minister")
    ('defence minister', 'defense minister')
    """
    us = key.replace("defence", "defense")
    return (key,) if us == key else (key, us)


def is_case_sensitive(alias: str) -> bool:
    """Short all-capital aliases ("US", "PM", "KL") must match as written, or "us" would be a country.

    >>> is_case_sensitive("US"), is_case_sensitive("Hue"), is_case_sensitive("TP.HCM")
    (True, False, False)
    """
    letters = re.sub(r"[^\w]", "", alias)
    return alias.isupper() and len(letters) <= 4


def trie_pattern(keys: list[str]) -> str:
    """One regex alternation over folded `keys`, factored as a character trie.

    Equivalent to ``key1|key2|...`` sorted longest first (optional tails are greedy, so the
    longest key wins), but the engine checks one branch per character instead of every key,
    which keeps matching fast with hundreds of aliases. Spaces match any run of whitespace.

    >>> re.fullmatch(trie_pattern(["tay ninh", "tay"]), "tay  ninh") is not None
    True
    """
    trie: dict = {}
    for key in keys:
        node = trie
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node_pattern(trie)


def _trie_node_pattern(node: dict) -> str:
    """Regex for one trie node: its branches, made optional (greedily) when a key ends here."""
    ends_here = "" in node
    branches = [_char_pattern(char) + _trie_node_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return "(?:" + body + ")?"
    return body


def _char_pattern(char: str) -> str:
    """A key character as regex; a space stands for any run of whitespace or hyphens (line
    breaks, double spaces, "vice-chairman" for "vice chairman", "Ba Ria-Vung Tau")."""
    return r"[\s-]+" if char == " " else re.escape(char)


_SPACES_OR_HYPHENS = re.compile(r"[\s-]+")


@dataclass(frozen=True)
class AliasMatch(Generic[T]):
    """One dictionary hit: offsets in the sentence, the text as written, and the table value."""

    start: int
    end: int
    as_written: str
    value: T


_ARTICLE = [0]   # which article the remembered results belong to (see `start_article`)


def start_article() -> None:
    """Have every `ArticleMemo` forget what it remembered for the article before.

    Results are remembered within one article only: across articles, a corpus that repeats
    sentences (the benchmark generator's) would be sped up in a way real archives are not.

    >>> matcher = AliasMatcher({"hue": ("Hue", None)})
    >>> start_article(); matcher.find("Hue") == matcher.find("Hue")
    True
    """
    _ARTICLE[0] += 1


class ArticleMemo(dict):
    """Results of pure lookups remembered within one article: the rules of an article ask the
    same matcher about the same sentence several times (countries, then places, then people).
    `current()` empties it when another article has started (or when it grew past `limit`,
    for callers outside a build that never start an article).

    >>> memo = ArticleMemo()
    >>> memo.current()["Hue"] = 1; start_article(); "Hue" in memo.current()
    False
    """

    def __init__(self, limit: int = 4096):
        super().__init__()
        self._for, self._limit = _ARTICLE[0], limit

    def current(self) -> "ArticleMemo":
        if self._for != _ARTICLE[0] or len(self) > self._limit:
            self.clear()
            self._for = _ARTICLE[0]
        return self


class AliasMatcher(Generic[T]):
    """Finds any of many aliases in a sentence with a single compiled, word-bounded regex.

    Aliases compare folded (case- and diacritic-insensitive), except short all-capital ones
    (see `is_case_sensitive`). `suffix` is an optional regex of trailing words that belong to
    the mention ("province" in "Tay Ninh province"); `capitalised` requires the first letter
    as written to be upper case (place names, unlike "hue" or "us", always are).

    >>> matcher = AliasMatcher({"tay ninh": ("Tay Ninh", None)}, suffix=r"\\s+province")
    >>> [(m.as_written, m.value) for m in matcher.find("In Tây Ninh province.")]
    [('Tây Ninh province', 'Tay Ninh')]
    """

    def __init__(self, entries: dict[str, tuple[T, str | None]], suffix: str = "", capitalised: bool = False):
        """`entries` maps alias_key -> (value, exact form when the alias is case-sensitive else None)."""
        self._entries = entries
        self._loose_entries = {}      # keys with hyphens read as spaces, for `_entry`
        for key in sorted(entries):
            self._loose_entries.setdefault(_SPACES_OR_HYPHENS.sub(" ", key), entries[key])
        self._capitalised = capitalised
        alternation = trie_pattern(sorted(entries)) if entries else r"(?!x)x"
        tail = f"(?:{suffix})?" if suffix else ""
        self._pattern = re.compile(rf"(?<!\w)(?P<alias>{alternation})(?!\w){tail}(?!\w)")
        # A hit starts where a word starts, and that word is the alias's first word, so only
        # those words need trying (see `_matches`). None when some alias starts with a non-word.
        firsts = [_WORD_RUN.match(key) for key in entries]
        self._first_words = frozenset(m.group() for m in firsts) if all(firsts) else None
        self._remembered = ArticleMemo()   # (sentence, folded) -> hits, see `find`

    def _matches(self, folded: str) -> list[re.Match]:
        """What ``self._pattern.finditer(folded)`` yields, tried only at promising words.

        A hit needs a word boundary before it and an alias that starts with a word character,
        so it starts at the start of a word; that word ends where the alias's first word ends
        (a space, a non-word character or the boundary after the alias follows it). Trying
        the pattern only there, left to right and resuming after each hit, is finditer's
        leftmost-first scan without its attempt at every character of the sentence.
        """
        if self._first_words is None:
            return list(self._pattern.finditer(folded))
        runs, words = _word_runs(folded)
        first = self._first_words
        if first.isdisjoint(words):
            return []
        found, resume, match = [], 0, self._pattern.match
        for start, word in runs:
            if start >= resume and word in first:
                hit = match(folded, start)
                if hit is not None:
                    found.append(hit)
                    resume = hit.end()
        return found

    def _entry(self, matched: str) -> tuple[T, str | None]:
        """The entry of a matched alias: spaces in keys also match hyphens (see `_char_pattern`),
        while hyphens written in a key ("commander-in-chief") match only themselves."""
        entry = self._entries.get(" ".join(matched.split()))
        if entry is None:
            entry = self._loose_entries[_SPACES_OR_HYPHENS.sub(" ", matched)]
        return entry

    def find(self, sentence: str, folded: str | None = None) -> list[AliasMatch[T]]:
        """All non-overlapping alias hits in `sentence`, leftmost then longest.

        Remembered until the next `start_article`: the rules of one article ask the same
        matcher about the same sentence several times (countries, then places, then people).
        """
        folded = fold_cached(sentence) if folded is None else folded
        remembered = self._remembered.current()
        hits = remembered.get((sentence, folded))
        if hits is None:
            hits = remembered[sentence, folded] = tuple(self._find(sentence, folded))
        return list(hits)

    def _find(self, sentence: str, folded: str) -> list[AliasMatch[T]]:
        hits = []
        for match in self._matches(folded):
            hit = self._hit(match, sentence)
            if hit is None and self._capitalised:
                # a longer alias written lowercase ("thủ đô Phnom Penh" for the alias "Thủ đô
                # Phnom Penh") is no mention as a whole, but the name inside it still is one
                hit = self._inner_hit(match, sentence, folded)
            if hit is not None:
                hits.append(hit)
        return hits

    def _hit(self, match: re.Match, sentence: str) -> AliasMatch[T] | None:
        value, exact = self._entry(match.group("alias"))
        start, end = match.span()
        if exact is not None and sentence[start:match.end("alias")].replace(" ", "") != exact.replace(" ", ""):
            return None
        if self._capitalised and not sentence[start].isupper() and not sentence[start].isdigit():
            return None
        return AliasMatch(start, end, sentence[start:end], value)

    def _inner_hit(self, match: re.Match, sentence: str, folded: str) -> AliasMatch[T] | None:
        """The first accepted hit starting at a later word inside `match` (leftmost, then longest).

        >>> matcher = AliasMatcher({"thu do phnom penh": ("Phnom Penh", None),
        ...                         "phnom penh": ("Phnom Penh", None)}, capitalised=True)
        >>> [(m.as_written, m.value) for m in matcher.find("Họp ở thủ đô Phnom Penh.")]
        [('Phnom Penh', 'Phnom Penh')]
        """
        for start, _word in _word_runs(folded)[0]:
            if match.start() < start < match.end():
                inner = self._pattern.match(folded, start)
                hit = self._hit(inner, sentence) if inner is not None else None
                if hit is not None:
                    return hit
        return None


def add_alias(entries: dict, alias: str, value: str, path: str | Path, line: int) -> None:
    """Register `alias` for the canonical name `value`; one alias for two names is a data error.

    >>> entries = {}
    >>> add_alias(entries, "Hà Nội", "Hanoi", "places.csv", 2); entries
    {'ha noi': ('Hanoi', None)}
    """
    key = alias_key(alias)
    if not key:
        return
    exact = alias if is_case_sensitive(alias) else None
    if key in entries and entries[key][0] != value:
        raise ReferenceDataError.at(path, line, f"alias '{alias}' already points to {entries[key][0]!r}")
    entries[key] = (value, exact)
