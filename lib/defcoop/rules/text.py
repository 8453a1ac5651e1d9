"""Small text helpers shared by every stage.

`fold` is the one normalisation used for all dictionary matching (officials, places,
themes): it makes matching case- and diacritic-insensitive while keeping offsets, since
it maps each character to exactly one character.

>>> fold("Hoàng Xuân Chiến, Đà Nẵng")
'hoang xuan chien, da nang'
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that NFD does not decompose into base + combining mark. The eth ("Ð", "ð") is what some
# Vietnamese pages type for "Đ", "đ" (the glyphs look alike in their fonts), and folds as it.
_SPECIAL = {"đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "æ": "a", "Æ": "a"}
# Typographic punctuation folded to ASCII so patterns need only one form.
_PUNCT = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " "}
_NON_ASCII_RUNS = re.compile(r"([^\x00-\x7f]+)")


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    if ch in _PUNCT:
        return _PUNCT[ch]
    base = unicodedata.normalize("NFD", ch)[0]
    folded = base.casefold()
    return folded if len(folded) == 1 else base.lower()


class _FoldTable(dict):
    """Code point -> `_fold_char`, filled on first sight, for `str.translate` (a C loop)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lowercase and strip diacritics, one output character per input character.

    ASCII runs are lowered by `str.lower` and the other runs mapped by `str.translate`
    with a table of `_fold_char` results: the same characters as folding one by one.

    >>> fold("Việt Nam–Cambodia")
    'viet nam-cambodia'
    """
    if text.isascii():
        return text.lower()
    parts = _NON_ASCII_RUNS.split(text)   # even: ASCII runs, odd: non-ASCII runs
    parts[::2] = [part.lower() for part in parts[::2]]
    parts[1::2] = [part.translate(_FOLD_TABLE) for part in parts[1::2]]
    return "".join(parts)


def ascii_name(text: str) -> str:
    """A name without its diacritics, case kept: the canonical form of people and places that
    are not in the reference tables.

    >>> ascii_name("Nguyễn Văn Đức")
    'Nguyen Van Duc'
    """
    if text.isascii():
        return text
    return "".join(ch if ch.isascii() else (fold(ch).upper() if ch.isupper() else fold(ch)) for ch in text)
