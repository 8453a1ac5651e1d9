"""Agreements: documents signed at the reported meeting, one row per document.

A sentence with a signing verb lists the documents after it; each is classified by the
kind patterns in data/rules/en/agreements.yaml and given a short subject (a year or
period for plans and protocols, the field for memoranda, the two parties for twinning).
Documents only considered, planned or mentioned as signed earlier are left out.

>>> [(d.kind, d.subject) for d in find_signed_documents("After the talks, the ministers signed the Cooperation Plan for 2021.")]
[('cooperation_plan', '2021')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from defcoop.paths import EN_RULES_DIR
from defcoop.rulecache import cached_by_content
from defcoop.text import fold

_PERIOD = re.compile(r"\b((?:19|20)\d\d)(?:\s*-\s*((?:19|20)\d\d))?\b")
_SUBJECT_LEADS = re.compile(
    r"^(?:.*?\b(?:on|in the field of|in the fields of|regarding|concerning|about)\s+)?"
    r"(?:strengthening\s+|enhancing\s+|promoting\s+)?(?:the\s+)?(?:cooperation\s+(?:in|on)\s+(?:the\s+field\s+of\s+)?)?",
)
_TRAILING_SEPARATOR = re.compile(r"(?:,\s*(?:and\s+)?|;\s*|\s+and\s+|\s+as well as\s+)(?:a|an|the)?\s*$", re.I)
_SUBJECT_TAIL = re.compile(r"\s+(?:by|between)\s+the\s+two\b.*$|\s+(?:was|were)\s+(?:also\s+)?signed\b.*$")
_PARTICIPIAL = re.compile(r",\s+[a-z]+ing\b.*$")   # a participial clause: ", attaching importance to ..."
_SUBJECT_TIME = re.compile(r"^(?:in|during)\s+(?:the\s+year\s+)?((?:19|20)\d\d)\b")   # "in 2022" dates the signing


@dataclass(frozen=True)
class SignedDocument:
    kind: str
    subject: str | None
    text: str          # the words naming the document, as written
    back_reference: bool = False   # "the agreement" naming no field: a document named elsewhere


@dataclass(frozen=True)
class AgreementRules:
    sign_verbs: re.Pattern
    not_yet_signed: re.Pattern
    kinds: tuple[tuple[str, re.Pattern], ...]
    list_separator: re.Pattern
    passive_sign: re.Pattern | None = None
    signed_earlier: re.Pattern | None = None
    back_reference: tuple[frozenset, re.Pattern, re.Pattern] | None = None   # (kinds, before, after)


@cached_by_content(lambda: EN_RULES_DIR / "agreements.yaml")
def load_agreement_rules(path: Path | None = None) -> AgreementRules:
    """Read data/rules/en/agreements.yaml (cached)."""
    import yaml

    spec = yaml.safe_load(Path(path or EN_RULES_DIR / "agreements.yaml").read_text(encoding="utf-8"))
    return AgreementRules(
        sign_verbs=re.compile(spec["sign_verbs"]),
        not_yet_signed=re.compile("|".join(f"(?:{p})" for p in spec["not_yet_signed"])),
        kinds=tuple((k["id"], re.compile("|".join(f"(?:{p})" for p in k["patterns"]))) for k in spec["kinds"]),
        list_separator=re.compile(spec["list_separator"]),
        passive_sign=re.compile(spec["passive_sign"]) if spec.get("passive_sign") else None,
        signed_earlier=re.compile(spec["signed_earlier"]) if spec.get("signed_earlier") else None,
        back_reference=_back_reference_rules(spec.get("back_reference")),
    )


def _back_reference_rules(spec: dict | None) -> tuple[frozenset, re.Pattern, re.Pattern] | None:
    if not spec:
        return None
    return frozenset(spec["kinds"]), re.compile(spec["before"]), re.compile(spec["after"])


def _is_back_reference(kind: str, folded: str, start: int, end: int, rules: AgreementRules) -> bool:
    """A generic document named after "the" with nothing after it that says which one.

    >>> folded = "the signing of the agreement highlighted the ties."
    >>> _is_back_reference("agreement", folded, 19, 28, load_agreement_rules())
    True
    >>> folded = "they signed the agreement on border management."
    >>> _is_back_reference("agreement", folded, 16, 25, load_agreement_rules())
    False
    """
    if rules.back_reference is None:
        return False
    kinds, before, after = rules.back_reference
    return kind in kinds and bool(before.search(folded[:start])) and bool(after.match(folded[end:]))


def find_signed_documents(sentence: str, rules: AgreementRules | None = None,
                          folded: str | None = None) -> list[SignedDocument]:
    """Documents the sentence says were signed, in the order written (`folded`: the sentence
    already folded, when the caller has it).

    >>> [(d.kind, d.subject) for d in find_signed_documents("A memorandum of understanding on military medicine was signed after the talks.")]
    [('mou', 'military medicine')]
    >>> find_signed_documents("The protocol was signed in 2019.")
    []
    """
    rules = rules or load_agreement_rules()
    folded = fold(sentence) if folded is None else folded
    passive = _passive_signing(folded, rules)
    verb = None if passive else next(
        (m for m in rules.sign_verbs.finditer(folded)
         if not rules.not_yet_signed.search(folded[max(0, m.start() - 40): m.start()])), None)
    if passive:
        begin, limit = passive
        spans = _document_spans(folded[:limit], begin, rules)
    elif verb is None:
        return []
    else:
        limit = len(folded)
        spans = _document_spans(folded, verb.end(), rules)
    documents = []
    for position, (kind, start, end) in enumerate(spans):
        stop = spans[position + 1][1] if position + 1 < len(spans) else limit
        rest = _TRAILING_SEPARATOR.sub("", sentence[end:stop]).strip(" ,;.")
        words = (sentence[start:end] + " " + rest).strip()
        documents.append(SignedDocument(kind, _subject(kind, sentence[start:end], rest), words,
                                        _is_back_reference(kind, folded, start, end, rules)))
    return documents


def _passive_signing(folded: str, rules: AgreementRules) -> tuple[int, int] | None:
    """(clause start, verb start) of "<documents> was/were signed" at the meeting, else None."""
    if rules.passive_sign is None:
        return None
    for match in rules.passive_sign.finditer(folded):
        if rules.signed_earlier is not None and rules.signed_earlier.search(folded[match.end():]):
            continue
        if rules.not_yet_signed.search(folded[max(0, match.start() - 40): match.start()]):
            continue
        if re.search(r"\b(which|that)\s*$", folded[: match.start()]):
            continue      # "the protocol that was signed ..." refers back to an earlier document
        clause = max(folded.rfind(mark, 0, match.start()) for mark in (";", ":", ". "))
        return clause + 1, match.start()
    return None


def _document_spans(folded: str, begin: int, rules: AgreementRules) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each document named after `begin`; later ones must follow a list
    separator or another signing verb ("signed the plan and witnessed the signing of an MoU").

    >>> folded = "signed the 2030 cooperation plan and witnessed the signing of the ministries' mou"
    >>> [kind for kind, *_ in _document_spans(folded, 0, load_agreement_rules())]
    ['cooperation_plan', 'mou']
    """
    claimed: list[tuple[str, int, int]] = []
    for kind, pattern in rules.kinds:
        for match in pattern.finditer(folded, begin):
            if not any(s < match.end() and match.start() < e for _, s, e in claimed):
                claimed.append((kind, match.start(), match.end()))
    claimed.sort(key=lambda span: span[1])
    listed = claimed[:1]
    for span in claimed[1:]:
        between = folded[listed[-1][2]: span[1]]
        if rules.list_separator.search(between) or _signed_again(between, rules):
            listed.append(span)
    return listed


def _signed_again(between: str, rules: AgreementRules) -> bool:
    """A signing verb, not planned or hypothetical, in the words between two documents."""
    return any(not rules.not_yet_signed.search(between[max(0, m.start() - 40): m.start()])
               for m in rules.sign_verbs.finditer(between))


def _subject(kind: str, name: str, rest: str) -> str | None:
    """A short subject: the year or period of a plan/protocol, else the field or parties."""
    if kind in ("cooperation_plan", "protocol"):
        period = _PERIOD.search(name) or _PERIOD.search(rest)
        if period:
            return period.group(0).replace(" ", "")
    if kind == "twinning":
        parties = re.search(r"\bbetween\s+(.+?)\s+and\s+(.+)$", rest)
        if parties:
            return f"{_strip_article(parties.group(1))} - {_strip_article(parties.group(2))}"
    if kind == "minutes":
        of = re.match(r"^of\s+(?:the\s+)?(.+)$", rest)
        return of.group(1) if of else None
    subject = _SUBJECT_TAIL.sub("", _SUBJECT_LEADS.sub("", _PARTICIPIAL.sub("", rest), count=1)).strip(" ,;.")
    year = _SUBJECT_TIME.match(subject)
    return (year.group(1) if year else subject) or None


def _strip_article(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text.strip(" ,;."), flags=re.I)
