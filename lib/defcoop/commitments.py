"""Commitments: every sentence of an article, classified and tagged with themes.

Each sentence becomes one row: what kind of statement it is (a commitment the sides make,
a result they report, or another statement), who acts (joint, VN, KH, LA...) and the
cooperation themes it discusses. Themes are only given to sentences of articles about
Vietnam and Cambodia, and never to sentences about other countries' affairs.

>>> classify_sentence("The two sides will continue to strengthen joint patrols.")
'commitment'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from defcoop.paths import CODEBOOK_DIR
from defcoop.text import fold

SUBJECT_CHARS = 80   # the actor is named near the start of the sentence
PARTIES = ("VN", "KH", "LA")


@dataclass(frozen=True)
class CommitmentRules:
    commitment: re.Pattern
    result: re.Pattern
    result_overrides_commitment: re.Pattern
    joint_actor: re.Pattern
    not_country_mentions: re.Pattern | None = None
    parties_subject: re.Pattern | None = None


def _alternation(patterns: list[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@lru_cache(maxsize=4)
def load_commitment_rules(path: Path | None = None) -> CommitmentRules:
    """Read data/codebook/commitments.yaml (cached)."""
    import yaml

    spec = yaml.safe_load(Path(path or CODEBOOK_DIR / "commitments.yaml").read_text(encoding="utf-8"))
    return CommitmentRules(**{key: _alternation(spec[key]) for key in CommitmentRules.__dataclass_fields__
                              if spec.get(key)})


def classify_sentence(sentence: str, rules: CommitmentRules | None = None) -> str:
    """commitment (agreed, pledged, will do), result (reported as done) or statement.

    >>> classify_sentence("Almost all contents in the 2020 Cooperation Plan were implemented effectively.")
    'result'
    """
    rules = rules or load_commitment_rules()
    folded = fold(sentence)
    is_result = bool(rules.result.search(folded))
    if rules.result_overrides_commitment.search(folded) and is_result:
        return "result"
    if rules.commitment.search(folded):
        return "commitment"
    return "result" if is_result else "statement"


def sentence_actor(sentence: str, people_countries: list[tuple[int, str]], rules: CommitmentRules | None = None) -> str:
    """joint when both sides act, else the country of the first person or country named early on.

    `people_countries` holds (offset, ISO-2) of the people matched in this sentence.

    >>> sentence_actor("Both sides agreed to boost patrols.", [])
    'joint'
    """
    from defcoop.places import find_countries

    rules = rules or load_commitment_rules()
    head = fold(sentence)[:SUBJECT_CHARS]
    if rules.joint_actor.search(head):
        return "joint"
    named = [(start, iso2) for iso2, start, _end, _written in find_countries(sentence) if start < SUBJECT_CHARS]
    named += [(start, iso2) for start, iso2 in people_countries if start < SUBJECT_CHARS and iso2]
    return min(named)[1] if named else "unknown"


def is_about_vn_kh(sentences: list[str]) -> bool:
    """Whether an article concerns Vietnam and Cambodia at all (else no themes, no meetings)."""
    from defcoop.places import find_countries

    named = {iso2 for sentence in sentences for iso2, *_ in find_countries(sentence)}
    return {"VN", "KH"} <= named


def about_other_countries(sentence: str, rules: CommitmentRules | None = None) -> bool:
    """A sentence that names only countries other than the three parties (a teaser, another story).

    Seas and gulfs named after a country do not count, nor does a sentence whose subject is
    the two parties ("the two navies").

    >>> about_other_countries("Japan and the Philippines held a naval drill.")
    True
    >>> about_other_countries("The navies will hold joint patrols in the Gulf of Thailand.")
    False
    """
    from defcoop.places import find_countries

    rules = rules or load_commitment_rules()
    folded = fold(sentence)
    if rules.parties_subject is not None and rules.parties_subject.search(folded):
        return False
    if rules.not_country_mentions is not None:
        for match in rules.not_country_mentions.finditer(folded):    # fold keeps offsets
            sentence = sentence[: match.start()] + " " * (match.end() - match.start()) + sentence[match.end():]
    named = {iso2 for iso2, *_ in find_countries(sentence)}
    return bool(named) and not named & set(PARTIES)


def commitment_rows(article_id: str, sentences: list[str], mentions: list, relevant: bool,
                    meeting_key: int | None) -> list[dict]:
    """One row per sentence: kind, actor and ';'-joined themes."""
    from defcoop.themes import load_codebook

    codebook = load_codebook()
    rules = load_commitment_rules()
    people_by_sentence: dict[int, list[tuple[int, str]]] = {}
    for mention in mentions:
        people_by_sentence.setdefault(mention.sentence_index, []).append((mention.start, mention.country))
    rows = []
    for index, sentence in enumerate(sentences):
        themes = codebook.themes_for(sentence) if relevant and not about_other_countries(sentence, rules) else ()
        rows.append({
            "commitment_id": f"{article_id}-S{index:03d}",
            "article_id": article_id,
            "meeting_key": meeting_key,
            "sentence_index": str(index),
            "sentence": sentence,
            "kind": classify_sentence(sentence, rules),
            "actor": sentence_actor(sentence, people_by_sentence.get(index, []), rules),
            "themes": ";".join(themes) or None,
        })
    return rows
