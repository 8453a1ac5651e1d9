"""Which language an article is in, so it is cleaned and extracted with that language's rules.

The front matter's ``language`` wins when given; otherwise the language whose marker words
(``markers`` in ``data/rules/<lang>/language.yaml``) make up the largest share of the article's
folded words, English when none reaches its ``min_share``. Folding first means Vietnamese
written without diacritics is told as well as with them.

>>> detect_language("Hai Bộ trưởng đã hội đàm tại Hà Nội và ký kết các văn kiện hợp tác của hai nước.")
'vi'
>>> detect_language("Hai Bo truong da hoi dam tai Ha Noi va ky ket cac van kien hop tac cua hai nuoc.")
'vi'
>>> detect_language("The two ministers held talks in Hanoi and signed a cooperation plan.")
'en'
"""
from __future__ import annotations

import re

from defcoop.rules import DEFAULT_LANGUAGE, languages, load_rules
from defcoop.rules.text import fold

_WORD = re.compile(r"[^\W\d_]+")
SAMPLE_CHARS = 1500   # the opening tells the language (all 144 real-set pages are told right from 800 characters)


def detect_language(text: str) -> str:
    """The rule language whose markers are the largest share of `text`'s words (see the module)."""
    words = _WORD.findall(fold(text[:SAMPLE_CHARS]))
    if not words:
        return DEFAULT_LANGUAGE
    best, best_share = DEFAULT_LANGUAGE, 0.0
    for lang in languages():
        rules = load_rules("language", lang)
        markers = rules.derived(_markers)
        share = sum(word in markers for word in words) / len(words)
        if share >= float(rules.value("min_share")) and share > best_share:
            best, best_share = lang, share
    return best


def _markers(rules) -> frozenset[str]:
    return frozenset(rules.words("markers"))


def language_name(code: str) -> str:
    """A rule language's name (``name`` in its language.yaml); the code itself for a language
    without rules.

    >>> language_name("vi"), language_name("xx")
    ('Vietnamese', 'xx')
    """
    return str(load_rules("language", code).value("name")) if code in languages() else code


def article_language(declared: str | None, text: str) -> str:
    """The language an article is extracted in: the declared one (front matter ``language``: a
    code, a language's `language_name`, or a value that starts with the code, "vie") when
    rules exist for it, else the detected one.

    >>> article_language("VI", "The ministers met."), article_language(None, "The ministers met.")
    ('vi', 'en')
    >>> article_language("Vietnamese", "The ministers met.")
    'vi'
    """
    if declared:
        value = declared.strip().lower()
        for code in languages():
            if value == code or value == language_name(code).lower() or value[:2] == code:
                return code
    return detect_language(text)
