"""Agreements: documents signed at the reported meeting, one row per document.

A sentence with a signing verb lists the documents after it; each is classified by the
kind patterns in data/rules/en/agreements.yaml and given a short subject (a year or
period for plans and protocols, the field for memoranda, the two parties for twinning), cut
out of its words with the patterns of data/rules/en/agreement_subjects.yaml.
Documents only considered, planned or mentioned as signed earlier are left out.

>>> [(d.kind, d.subject) for d in find_signed_documents("After the talks, the ministers signed the Cooperation Plan for 2021.")]
[('cooperation_plan', '2021')]
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from defcoop.rules.cache import cached_by_content
from defcoop.rules import RuleSet, alternation, load_rules, parse_file, rules_path
from defcoop.rules.schema import (EXAMPLE_KEYS, INTEGER, REGEX, REGEXES, STRING, STRINGS, Example, check_schema,
                                  optional, with_examples)
from defcoop.rules.text import fold

_PERIOD = re.compile(r"\b((?:19|20)\d\d)(?:\s*-\s*((?:19|20)\d\d))?\b")   # "2025-2029": digits, no words


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
    examples: tuple[Example, ...] = ()     # the file's must_match / must_not_match sentences

    def example_failures(self) -> list[str]:
        """Every example of the file the module does not treat as written, as ``file:line: ...``
        (empty when the file behaves as documented). Each example is a sentence, run through
        the module's own matching on its folded text:

        - a kind (``kinds[n]``): `find_signed_documents` reports a document of that kind;
        - ``sign_verbs``: a signing verb is found that nothing before it holds back;
        - ``not_yet_signed``: a signing verb is held back as planned or hypothetical;
        - ``passive_sign``: a passive signing at the meeting is found ("an MoU was signed");
        - ``signed_earlier``: a passive signing is dated before the meeting ("was signed in 2019");
        - ``list_separator``: more than one document is reported;
        - ``back_reference``: a reported document refers back to one named elsewhere.

        >>> load_agreement_rules().example_failures()
        []
        """
        failures = []
        kind_ids = {f"kinds[{index}]": kind for index, (kind, _) in enumerate(self.kinds, start=1)}
        for example in self.examples:
            if example.rule in kind_ids:
                matched, got = _reports_kind(kind_ids[example.rule], example.text, self)
                example = replace(example, rule=f"{example.rule} {kind_ids[example.rule]}")
            else:
                matched, got = _EXAMPLE_CHECKS[example.rule](example.text, self)
            if matched != example.must_match:
                failures.append(example.failure(got))
        return failures


@dataclass(frozen=True)
class SubjectRules:
    """The patterns of data/rules/en/agreement_subjects.yaml, compiled (see `subject_rules`)."""

    trailing_separator: re.Pattern
    subject_lead: re.Pattern
    subject_tail: re.Pattern
    occasion_clause: re.Pattern
    relative_year: re.Pattern
    participial_clause: re.Pattern
    signing_year: re.Pattern
    twinning_parties: re.Pattern
    minutes_of: re.Pattern
    leading_article: re.Pattern
    relative_pronoun: re.Pattern


def _build_subject_rules(rules: RuleSet) -> SubjectRules:
    return SubjectRules(**{name: rules.regex(name) for name in SubjectRules.__dataclass_fields__})


def subject_rules() -> SubjectRules:
    """The compiled patterns of agreement_subjects.yaml, rebuilt when the file changes.

    >>> subject_rules().leading_article.sub("", "The Border Post of Xa Mat")
    'Border Post of Xa Mat'
    """
    return load_rules("agreement_subjects").derived(_build_subject_rules)


# What agreements.yaml must hold: the keys parse_agreements reads, each with its type.
# A key may carry must_match / must_not_match example sentences (see `AgreementRules.example_failures`).
SCHEMA = {
    "version": optional(INTEGER),
    "sign_verbs": with_examples(REGEX),
    "passive_sign": optional(with_examples(REGEX)),
    "signed_earlier": optional(with_examples(REGEX)),
    "not_yet_signed": with_examples(REGEXES),
    "kinds": [{"id": STRING, "patterns": REGEXES, **EXAMPLE_KEYS}],
    "list_separator": with_examples(REGEX),
    "back_reference": optional({"kinds": STRINGS, "before": REGEX, "after": REGEX, **EXAMPLE_KEYS}),
}


def parse_agreements(text: str, source: str) -> AgreementRules:
    """Validate the text of agreements.yaml (see `SCHEMA`) and compile its rules; a problem is
    a `RuleFileError` naming file and line.

    >>> parse_agreements("sign_verbs: 'signed'\\nnot_yet_signed: []\\nkinds: []\\nlist_separator: ','\\nsign: x\\n", "x.yaml")
    Traceback (most recent call last):
    ...
    defcoop.rules.RuleFileError: x.yaml:5: unknown key 'sign' (known: version, sign_verbs, passive_sign, signed_earlier, not_yet_signed, kinds, list_separator, back_reference)
    """
    examples: list[Example] = []
    spec = check_schema(text, source, SCHEMA, examples=examples)
    return AgreementRules(
        sign_verbs=re.compile(spec["sign_verbs"]),
        not_yet_signed=re.compile(alternation(spec["not_yet_signed"])),
        kinds=tuple((k["id"], re.compile(alternation(k["patterns"]))) for k in spec["kinds"]),
        list_separator=re.compile(spec["list_separator"]),
        passive_sign=re.compile(spec["passive_sign"]) if spec.get("passive_sign") else None,
        signed_earlier=re.compile(spec["signed_earlier"]) if spec.get("signed_earlier") else None,
        back_reference=_back_reference_rules(spec.get("back_reference")),
        examples=tuple(examples),
    )


@cached_by_content(lambda: rules_path("agreements"), preload=False)
def _load_path(file: Path) -> AgreementRules:
    return parse_file(file, "agreements")


def load_agreement_rules(path: str | os.PathLike | None = None) -> AgreementRules:
    """The rules of data/rules/en/agreements.yaml (or of the file at `path`), parsed once per content."""
    if path is None:
        return load_rules("agreements")
    return _load_path(os.path.abspath(path))


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
    subjects = subject_rules()
    folded = fold(sentence) if folded is None else folded
    passive = _passive_signing(folded, rules, subjects)
    verb = None if passive else _signing_verb(folded, rules)
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
        rest = subjects.trailing_separator.sub("", sentence[end:stop]).strip(" ,;.")
        words = (sentence[start:end] + " " + rest).strip()
        documents.append(SignedDocument(kind, _subject(kind, sentence[start:end], rest, subjects), words,
                                        _is_back_reference(kind, folded, start, end, rules)))
    return documents


def _held_back(folded: str, start: int, rules: AgreementRules) -> bool:
    """The words just before a signing verb at `start` make it planned or hypothetical
    (`not_yet_signed`: "agreed to sign", "will sign", "considering the signing of")."""
    return bool(rules.not_yet_signed.search(folded[max(0, start - 40): start]))


def _signing_verb(folded: str, rules: AgreementRules) -> re.Match | None:
    """The first signing verb (`sign_verbs`) that nothing before it holds back, else None."""
    return next((m for m in rules.sign_verbs.finditer(folded) if not _held_back(folded, m.start(), rules)), None)


def _signed_before(folded: str, passive: re.Match, rules: AgreementRules) -> bool:
    """The words after a passive signing date it before the meeting (`signed_earlier`)."""
    return rules.signed_earlier is not None and bool(rules.signed_earlier.search(folded[passive.end():]))


def _passive_signing(folded: str, rules: AgreementRules, subjects: SubjectRules) -> tuple[int, int] | None:
    """(clause start, verb start) of "<documents> was/were signed" at the meeting, else None."""
    if rules.passive_sign is None:
        return None
    for match in rules.passive_sign.finditer(folded):
        if _signed_before(folded, match, rules):
            continue
        if _held_back(folded, match.start(), rules):
            continue
        if subjects.relative_pronoun.search(folded[: match.start()]):
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
    previous = listed[0] if listed else None
    for span in claimed[1:]:
        if previous is not listed[-1]:
            # the document just before is not signed ("an MoU implementing the Agreement on X, the
            # Regulation on Y"): one listed after it belongs to its list, unless signed anew
            between = folded[previous[2]: span[1]]
            if rules.list_separator.search(between) and not _signed_again(folded[previous[2]: span[2]], len(between), rules):
                previous = span
                continue
        between = folded[listed[-1][2]: span[1]]
        if rules.list_separator.search(between) or _signed_again(folded[listed[-1][2]: span[2]], len(between), rules):
            listed.append(span)
        previous = span
    return listed


def _signed_again(text: str, before: int, rules: AgreementRules) -> bool:
    """A signing verb, not planned or hypothetical, in the words between two documents: `text`
    runs from the end of the first through the second, whose name a verb may need to see after it
    (Vietnamese "ký" signs only before a document's name: "...; chứng kiến ký Biên bản ghi nhớ"),
    and the verb starts in its first `before` characters."""
    return any(m.start() < before and not _held_back(text, m.start(), rules) for m in rules.sign_verbs.finditer(text))


def _subject(kind: str, name: str, rest: str, subjects: SubjectRules) -> str | None:
    """A short subject: the year or period of a plan/protocol, else the field or parties.

    >>> _subject("mou", "Memorandum of Understanding", "on strengthening cooperation in personnel training", subject_rules())
    'personnel training'
    """
    if kind in ("cooperation_plan", "protocol"):
        period = _PERIOD.search(name) or _PERIOD.search(rest)
        if period:
            return period.group(0).replace(" ", "")
    if kind == "twinning":
        parties = subjects.twinning_parties.search(rest)
        if parties:
            return f"{_strip_article(parties.group(1), subjects)} - {_strip_article(parties.group(2), subjects)}"
    if kind == "minutes":
        of = subjects.minutes_of.match(rest)
        return of.group(1) if of else None
    rest = subjects.occasion_clause.sub("", rest)
    subject = subjects.subject_tail.sub("", subjects.subject_lead.sub(
        "", subjects.participial_clause.sub("", rest), count=1)).strip(" ,;.")
    year = subjects.signing_year.match(subject)
    return (year.group(1) if year else subject) or None


def dated_subject(subject: str | None, meeting_year: int | None) -> str | None:
    """A subject that names its period from the meeting's year ("for this year", `relative_year`)
    as that year, or None when the meeting has no year; any other subject as it is.

    >>> dated_subject("for next year", 2023), dated_subject("for this year", None), dated_subject("training", 2023)
    ('2024', None, 'training')
    """
    relative = subject_rules().relative_year.match(subject or "")
    if not relative:
        return subject
    return None if meeting_year is None else str(meeting_year + (1 if relative.group("next") else 0))


def _strip_article(text: str, subjects: SubjectRules) -> str:
    return subjects.leading_article.sub("", text.strip(" ,;."))


# --- what each example of agreements.yaml must show (`AgreementRules.example_failures`) ---------
# Each check takes an example sentence and the rules, and returns (whether the rule matched,
# what the module found, for the message).


def _reports_kind(kind: str, sentence: str, rules: AgreementRules) -> tuple[bool, str]:
    found = [document.kind for document in find_signed_documents(sentence, rules)]
    return kind in found, f"documents found: {', '.join(found) or 'none'}"


def _finds_signing_verb(sentence: str, rules: AgreementRules) -> tuple[bool, str]:
    verb = _signing_verb(fold(sentence), rules)
    return verb is not None, f"signing verb {verb.group()!r}" if verb else "no signing verb"


def _holds_back_a_verb(sentence: str, rules: AgreementRules) -> tuple[bool, str]:
    folded = fold(sentence)
    held = [m.group() for m in rules.sign_verbs.finditer(folded) if _held_back(folded, m.start(), rules)]
    return bool(held), f"held back: {', '.join(held)}" if held else "no signing verb held back"


def _finds_passive_signing(sentence: str, rules: AgreementRules) -> tuple[bool, str]:
    found = _passive_signing(fold(sentence), rules, subject_rules()) is not None
    return found, "a passive signing at the meeting" if found else "no passive signing at the meeting"


def _dates_signing_earlier(sentence: str, rules: AgreementRules) -> tuple[bool, str]:
    folded = fold(sentence)
    passives = list(rules.passive_sign.finditer(folded)) if rules.passive_sign is not None else []
    if not passives:
        return False, "no passive signing"
    earlier = any(_signed_before(folded, match, rules) for match in passives)
    return earlier, "signed earlier" if earlier else "not dated before the meeting"


def _reports_several(sentence: str, rules: AgreementRules) -> tuple[bool, str]:
    found = [document.kind for document in find_signed_documents(sentence, rules)]
    return len(found) > 1, f"documents found: {', '.join(found) or 'none'}"


def _refers_back(sentence: str, rules: AgreementRules) -> tuple[bool, str]:
    found = [document.kind for document in find_signed_documents(sentence, rules) if document.back_reference]
    return bool(found), f"refers back: {', '.join(found)}" if found else "no reference back"


_EXAMPLE_CHECKS = {
    "sign_verbs": _finds_signing_verb,
    "not_yet_signed": _holds_back_a_verb,
    "passive_sign": _finds_passive_signing,
    "signed_earlier": _dates_signing_earlier,
    "list_separator": _reports_several,
    "back_reference": _refers_back,
}
