"""Commitments: every sentence of an article, classified and tagged with themes.

Each sentence becomes one row: what kind of statement it is (a commitment the sides make,
a result they report, or another statement), who acts (joint, VN, KH, LA...) and the
cooperation themes it discusses. Themes are only given to sentences of articles about
Vietnam and Cambodia, and never to sentences about other countries' affairs.

>>> classify_sentence("The two sides will continue to strengthen joint patrols.")
'commitment'
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from defcoop.rules.patterns import GatedPattern, gated
from defcoop.rules.cache import cached_by_content
from defcoop.rules import alternation, load_rules, parse_file, rules_path
from defcoop.rules.schema import INTEGER, REGEXES, Example, check_schema, optional, with_examples
from defcoop.rules.text import fold

SUBJECT_CHARS = 80   # the actor is named near the start of the sentence
PARTIES = ("VN", "KH", "LA")


@dataclass(frozen=True)
class SentenceKindRules:
    commitment: GatedPattern
    result: GatedPattern
    result_overrides_commitment: GatedPattern
    joint_actor: GatedPattern
    parties_subject: GatedPattern | None = None
    other_country_pair: GatedPattern | None = None
    partner_country: GatedPattern | None = None   # see `has_vn_kh_themes`
    vietnam_apart_sentences: int = 0   # see `has_vn_kh_themes`
    headline_counts: int = 0           # 1: the headline counts as a sentence for `has_vn_kh_themes`
    other_pair_headline: int = 0       # 1: a headline on a party and an outside country mutes themes (`has_vn_kh_themes`)
    examples: tuple[Example, ...] = ()     # the file's must_match / must_not_match sentences

    def example_failures(self) -> list[str]:
        """Every example sentence of the file the module does not treat as written, as
        ``file:line: ...`` (empty when the file behaves as documented):

        - ``commitment`` / ``result``: `classify_sentence` gives that kind to a must_match
          sentence, another kind to a must_not_match one;
        - ``result_overrides_commitment``: a must_match sentence has a commitment cue and is a
          result all the same; a must_not_match one is no result;
        - ``joint_actor``: `sentence_actor` (no people matched) gives ``joint``, or does not;
        - ``parties_subject``: `about_other_countries` is False for a must_match sentence (its
          subject is both parties, whatever country it names) and True for a must_not_match one;
        - ``other_country_pair``: `about_other_countries` is True for a must_match sentence (one
          party joined by these words to a third country, the other party not named) and False
          for a must_not_match one;
        - ``partner_country``: the pattern is found in a must_match sentence (folded), not in a
          must_not_match one.

        >>> load_sentence_kind_rules().example_failures()
        []
        """
        failures = []
        for example in self.examples:
            matched, got = _EXAMPLE_CHECKS[example.rule](example.text, self)
            if matched != example.must_match:
                failures.append(example.failure(got))
        return failures


# What sentence_kinds.yaml must hold: the keys parse_sentence_kinds reads, each a list of regexes,
# written alone or under `patterns` with must_match / must_not_match sentences
# (see `SentenceKindRules.example_failures`).
SCHEMA = {
    "version": optional(INTEGER),
    "commitment": with_examples(REGEXES),
    "result": with_examples(REGEXES),
    "result_overrides_commitment": with_examples(REGEXES),
    "joint_actor": with_examples(REGEXES),
    "parties_subject": optional(with_examples(REGEXES)),
    "other_country_pair": optional(with_examples(REGEXES)),
    "partner_country": optional(with_examples(REGEXES)),
    "vietnam_apart_sentences": optional(INTEGER),
    "headline_counts": optional(INTEGER),
    "other_pair_headline": optional(INTEGER),
}
_PATTERN_KEYS = tuple(key for key in SCHEMA
                      if key not in ("version", "vietnam_apart_sentences", "headline_counts", "other_pair_headline"))


def parse_sentence_kinds(text: str, source: str) -> SentenceKindRules:
    """Validate the text of sentence_kinds.yaml (see `SCHEMA`) and compile each list of patterns
    into one gated alternation; a problem is a `RuleFileError` naming file and line.

    >>> parse_sentence_kinds("commitment: ['\\\\bwill\\\\b']\\nresult: ['(done']\\n", "x.yaml")
    Traceback (most recent call last):
    ...
    defcoop.rules.RuleFileError: x.yaml:2: 'result': bad pattern '(done': missing ), unterminated subpattern at position 0
    """
    examples: list[Example] = []
    spec = check_schema(text, source, SCHEMA, examples=examples)
    return SentenceKindRules(**{key: gated(alternation(spec[key])) for key in _PATTERN_KEYS if spec.get(key)},
                             vietnam_apart_sentences=spec.get("vietnam_apart_sentences") or 0,
                             headline_counts=spec.get("headline_counts") or 0,
                             other_pair_headline=spec.get("other_pair_headline") or 0,
                             examples=tuple(examples))


@cached_by_content(lambda: rules_path("sentence_kinds"), preload=False)
def _load_path(file: Path) -> SentenceKindRules:
    return parse_file(file, "sentence_kinds")


def load_sentence_kind_rules(path: str | os.PathLike | None = None) -> SentenceKindRules:
    """The rules of data/rules/en/sentence_kinds.yaml (or of the file at `path`), parsed once per content."""
    if path is None:
        return load_rules("sentence_kinds")
    return _load_path(os.path.abspath(path))


def classify_sentence(sentence: str, rules: SentenceKindRules | None = None, folded: str | None = None) -> str:
    """commitment (agreed, pledged, will do), result (reported as done) or statement.

    `folded` is ``fold(sentence)`` when the caller has it (an article folds each sentence once).

    >>> classify_sentence("Almost all contents in the 2020 Cooperation Plan were implemented effectively.")
    'result'
    """
    rules = rules or load_sentence_kind_rules()
    folded = fold(sentence) if folded is None else folded
    is_result = rules.result.found(folded)
    if rules.result_overrides_commitment.found(folded) and is_result:
        return "result"
    if rules.commitment.found(folded):
        return "commitment"
    return "result" if is_result else "statement"


def sentence_actor(sentence: str, people_countries: list[tuple[int, str]], rules: SentenceKindRules | None = None,
                   folded: str | None = None, countries: list | None = None) -> str:
    """joint when both sides act, else the country of the first person or country named early on.

    `people_countries` holds (offset, ISO-2) of the people matched in this sentence; `folded`
    and `countries` (``find_countries(sentence)``) may be passed when already computed.

    >>> sentence_actor("Both sides agreed to boost patrols.", [])
    'joint'
    """
    rules = rules or load_sentence_kind_rules()
    folded = fold(sentence) if folded is None else folded
    if rules.joint_actor.found(folded[:SUBJECT_CHARS]):
        return "joint"
    countries = _countries_of(sentence, folded) if countries is None else countries
    named = [(start, iso2) for iso2, start, _end, _written in countries if start < SUBJECT_CHARS]
    named += [(start, iso2) for start, iso2 in people_countries if start < SUBJECT_CHARS and iso2]
    return min(named)[1] if named else "unknown"


def _countries_of(sentence: str, folded: str | None = None) -> list:
    from defcoop.extract.places import find_countries

    return find_countries(sentence, folded)


def is_about_vn_kh(sentences: list[str], countries: list[list] | None = None, mentions: list = ()) -> bool:
    """Whether an article concerns Vietnam and Cambodia at all (else no themes, no meetings):
    both countries are named, or one of them is named through its officials (a Vietnamese
    agency's "Defence Minister Ngo Xuan Lich ... his Cambodian counterpart" never writes
    "Vietnam").

    `countries` holds ``find_countries`` of each sentence when the caller has them;
    `mentions` the people found in the article.
    """
    countries = [_countries_of(s) for s in sentences] if countries is None else countries
    named = {iso2 for hits in countries for iso2, *_ in hits} | {m.country for m in mentions}
    return {"VN", "KH"} <= named


MIN_CAMBODIA_SENTENCES = 2   # without a VN-KH meeting, how often an article must name Cambodia


def has_vn_kh_themes(countries: list[list], reports_meeting: bool, rules: SentenceKindRules | None = None,
                     folded: list[str] | tuple = (), headline: str | None = None) -> bool:
    """Whether an article that names both countries discusses their cooperation, so its
    sentences get themes: it reports a Vietnam-Cambodia meeting, or it names Cambodia in at
    least `MIN_CAMBODIA_SENTENCES` sentences. A single mention in passing ("the Lao minister
    arrived from Cambodia") does not make a Vietnam-Laos story one about Cambodia.

    Nor, where sentence_kinds.yaml sets `vietnam_apart_sentences`, does one of Vietnam in a
    story of Cambodia and a third country ("a canal that worries Vietnam"): with no sentence naming
    the two together, Vietnam must be named in at least that many sentences.

    Nor, where sentence_kinds.yaml sets `other_pair_headline`, does an article without a VN-KH meeting whose
    `headline` joins one party to an outside country by `other_country_pair` ("Vietnam criticizes China-Cambodia
    drills"): it is a story of that pair's ties, whatever Vietnam says of them.

    `countries` holds ``find_countries`` of each sentence. Where sentence_kinds.yaml has `partner_country`
    (Vietnamese "nước bạn", the partner country), a sentence of `folded` (the folded sentences, in the order of
    `countries`) that refers to it names Cambodia when Cambodia is the only foreign country the article names.

    >>> vn, kh, cn = ("VN", 0, 7, "Vietnam"), ("KH", 0, 8, "Cambodia"), ("CN", 0, 5, "China")
    >>> has_vn_kh_themes([[vn], [kh]], reports_meeting=False), has_vn_kh_themes([[vn, kh], [kh]], False)
    (False, True)
    >>> has_vn_kh_themes([[kh, cn], [kh], [vn, cn]], False), has_vn_kh_themes([[kh, cn], [kh], [vn, cn]], True)
    (False, True)
    """
    if not {"VN", "KH"} <= {iso2 for hits in countries for iso2, *_ in hits}:
        return False
    if reports_meeting:
        return True
    rules = rules or load_sentence_kind_rules()
    if headline and rules.other_pair_headline and rules.other_country_pair is not None:
        folded_headline = fold(headline)
        if _pairs_party_with_other(folded_headline, _countries_of(headline, folded_headline), rules.other_country_pair):
            return False
    named = [{iso2 for iso2, *_ in hits} for hits in countries]
    if rules.partner_country is not None and set().union(*named) - {"VN"} == {"KH"}:
        named = [isos | {"KH"} if k < len(folded) and rules.partner_country.found(folded[k]) else isos
                 for k, isos in enumerate(named)]
    if sum("KH" in isos for isos in named) < MIN_CAMBODIA_SENTENCES:
        return False
    apart = rules.vietnam_apart_sentences
    return any({"VN", "KH"} <= isos for isos in named) or sum("VN" in isos for isos in named) >= apart


def about_other_countries(sentence: str, rules: SentenceKindRules | None = None, folded: str | None = None,
                          countries: list | None = None) -> bool:
    """A sentence that names only countries other than the three parties (a teaser, another story),
    or whose subject is another country dealing with only one of Vietnam and Cambodia ("The
    Chinese ministry says its naval cooperation with Cambodia is normal"): that country's ties.

    Seas and gulfs named after a country do not count (`find_countries` skips the names in
    data/reference/waters.csv), nor does a sentence whose subject is the two parties ("the two navies"),
    unless it pairs one party with an outside country and leaves the other party unnamed
    (`other_country_pair`: "the two countries" are then that pair).

    >>> about_other_countries("Japan and the Philippines held a naval drill.")
    True
    >>> about_other_countries("Indonesia and Malaysia are in a dispute over an atoll that both nations say is theirs.")
    True
    >>> about_other_countries("The navies will hold joint patrols in the Gulf of Thailand.")
    False
    >>> about_other_countries("The Japanese side said its coast guard training for Cambodia will go on.")
    True
    >>> about_other_countries("Cambodia thanked Japan for the training.")
    False
    >>> about_other_countries("The two countries stepped up visits, the Vietnam-China statement said.")
    True
    """
    rules = rules or load_sentence_kind_rules()
    folded = fold(sentence) if folded is None else folded
    countries = _countries_of(sentence, folded) if countries is None else countries
    named = {iso2 for iso2, *_ in countries}
    # one party paired with an outside country, the other party unnamed: "the two countries" of such a sentence are
    # that pair ("visits between the two countries, Vietnam-China"), so the pair is checked first
    if rules.other_country_pair is not None and len(named & {"VN", "KH"}) == 1 and _pairs_party_with_other(
            folded, countries, rules.other_country_pair):
        return True
    if rules.parties_subject is not None and rules.parties_subject.found(folded) and not (
            named and not named & set(PARTIES) and _parties_named_after_others(folded, countries, rules)):
        return False
    if named and not named & set(PARTIES):
        return True
    early = [(start, iso2) for iso2, start, _end, _written in countries if start < SUBJECT_CHARS]
    return bool(early) and min(early)[1] not in PARTIES and len(named & {"VN", "KH"}) < 2


def _parties_named_after_others(folded: str, countries: list, rules: SentenceKindRules) -> bool:
    """Whether the words for two parties ("both countries") come only after the sentence has named
    countries outside the three: they are those countries ("Indonesia and Malaysia dispute an atoll
    both nations say is theirs"), not Vietnam and Cambodia ("Both countries thanked Japan")."""
    first_party_words = rules.parties_subject.search(folded)
    return first_party_words is not None and min(start for _iso2, start, *_ in countries) < first_party_words.start()


def _pairs_party_with_other(folded: str, countries: list, joiner: GatedPattern) -> bool:
    """Whether two country names next to each other, joined by `joiner` (the words between them,
    `other_country_pair` of sentence_kinds.yaml), are a party and a country outside the three
    parties ("Campuchia và Trung Quốc")."""
    hits = sorted((start, end, iso2) for iso2, start, end, _written in countries)
    return any(len({a, b} & set(PARTIES)) == 1 and joiner.search(folded[end_a:start_b])
               for (_s, end_a, a), (start_b, _e, b) in zip(hits, hits[1:]))


def sentence_rows(article_id: str, sentences: list[str], mentions: list, relevant: bool,
                    meeting_key: int | None, folded: list[str] | None = None,
                    countries: list[list] | None = None) -> list[dict]:
    """One row per sentence: kind, actor and ';'-joined themes.

    `folded` and `countries` are the article's sentences folded and their ``find_countries``
    hits, computed once per article by the caller (each sentence is matched by several rules).
    """
    from defcoop.extract.themes import load_codebook

    codebook = load_codebook()
    rules = load_sentence_kind_rules()
    folded = [fold(s) for s in sentences] if folded is None else folded
    countries = [_countries_of(s, f) for s, f in zip(sentences, folded)] if countries is None else countries
    people_by_sentence: dict[int, list[tuple[int, str]]] = {}
    for mention in mentions:
        people_by_sentence.setdefault(mention.sentence_index, []).append((mention.start, mention.country))
    rows = []
    for index, (sentence, folded_sentence, named) in enumerate(zip(sentences, folded, countries)):
        themes = (codebook.themes_for_folded(folded_sentence)
                  if relevant and not about_other_countries(sentence, rules, folded_sentence, named) else ())
        rows.append({
            "sentence_id": f"{article_id}-S{index:03d}",
            "article_id": article_id,
            "meeting_key": meeting_key,
            "sentence_index": str(index),
            "sentence": sentence,
            "kind": classify_sentence(sentence, rules, folded_sentence),
            "actor": sentence_actor(sentence, people_by_sentence.get(index, []), rules, folded_sentence, named),
            "themes": ";".join(themes) or None,
        })
    return rows


# --- what each example of sentence_kinds.yaml must show (`SentenceKindRules.example_failures`) ----
# Each check takes an example sentence and the rules, and returns (whether the rule matched,
# what the module found, for the message).


def _classified(kind: str):
    def check(sentence: str, rules: SentenceKindRules) -> tuple[bool, str]:
        found = classify_sentence(sentence, rules)
        return found == kind, f"classified {found!r}"
    return check


def _result_over_commitment(sentence: str, rules: SentenceKindRules) -> tuple[bool, str]:
    found, has_cue = classify_sentence(sentence, rules), rules.commitment.found(fold(sentence))
    return found == "result" and has_cue, f"classified {found!r}" + ("" if has_cue else ", no commitment cue")


def _joint(sentence: str, rules: SentenceKindRules) -> tuple[bool, str]:
    actor = sentence_actor(sentence, [], rules)
    return actor == "joint", f"actor {actor!r}"


def _parties_are_subject(sentence: str, rules: SentenceKindRules) -> tuple[bool, str]:
    other = about_other_countries(sentence, rules)
    return not other, "about other countries" if other else "about the parties"


def _pair_is_other(sentence: str, rules: SentenceKindRules) -> tuple[bool, str]:
    other = about_other_countries(sentence, rules)
    return other, "about other countries" if other else "about the parties"


_EXAMPLE_CHECKS = {
    "commitment": _classified("commitment"),
    "result": _classified("result"),
    "result_overrides_commitment": _result_over_commitment,
    "joint_actor": _joint,
    "parties_subject": _parties_are_subject,
    "other_country_pair": _pair_is_other,
    "partner_country": lambda sentence, rules: (bool(rules.partner_country.found(fold(sentence))), "partner cue"),
}
