"""Small text helpers shared by every stage.

`fold` is the one normalisation used for all dictionary matching (officials, places,
themes): it makes matching case- and diacritic-insensitive while keeping offsets, since
it maps each character to exactly one character.

>>> fold("Hoàng Xuân Chiến, Đà Nẵng")
'hoang xuan chien, da nang'
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

# Letters that NFD does not decompose into base + combining mark.
_SPECIAL = {"đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "æ": "a", "Æ": "a"}
# Typographic punctuation folded to ASCII so patterns need only one form.
_PUNCT = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " "}


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    if ch in _PUNCT:
        return _PUNCT[ch]
    base = unicodedata.normalize("NFD", ch)[0]
    folded = base.casefold()
    return folded if len(folded) == 1 else base.lower()


def fold(text: str) -> str:
    """Lowercase and strip diacritics, one output character per input character.

    >>> fold("Việt Nam–Cambodia")
    'viet nam-cambodia'
    """
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(ch) for ch in text)
