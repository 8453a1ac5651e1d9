"""Meetings: find the meeting an article reports, then merge reports across articles.

An article reports a meeting when a sentence names the event ("at the eighth Defence
Policy Dialogue", "during their online talks", "during a meeting with"). The first such
sentence that is not about a meeting with a third country (`is_third_country_meeting`)
is the trigger; its mechanism comes from data/rules/en/mechanisms.yaml (`parse_mechanisms`),
generic mentions ("the talks") are refined by who led each side, and the date, place, format,
edition and leads are read from the trigger and the two sentences after it, with the cue words
of data/rules/en/meetings.yaml (`meeting_cues`). Candidates from several articles that share
mechanism, overlapping dates and a lead are one meeting.

>>> rules = load_mechanisms()
>>> rules.mechanisms_in("at the second Vietnam-Cambodia defence policy dialogue held in Hanoi")
['defence_policy_dialogue']
"""
from __future__ import annotations

import functools
import itertools
import os
import re
import sys
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any, NamedTuple

from defcoop.rules.patterns import GatedPattern, gated, gated_once
from defcoop.rules import (NEVER, RuleFileError, RuleSet, alternation, compose_yaml, load_rules, node_line,
                           parse_file)
from defcoop.rules.text import fold
from defcoop.extract.editions import date_from_editions, load_editions

WINDOW_AFTER_TRIGGER = 2
_POINT_PLACES = frozenset({"border_gate", "locality"})   # places.csv kinds that sit inside a province


class MeetingCues(NamedTuple):
    """The cue words of data/rules/en/meetings.yaml, compiled once per file content (`meeting_cues`);
    the names are the file's keys."""

    ordinal_words: dict            # ordinal word -> number ("eighth" -> 8)
    ordinal: str                   # regex text of an ordinal, word or figures, as group `ordinal`
    edition_word: str              # regex text
    edition_noun_adjectives: str   # regex text of one such word (up to three are allowed, space-separated)
    ordinal_after_name: bool       # the ordinal follows what it numbers ("lần thứ 8" after the name), not before it
    edition_gap_stop: str          # regex text: a word between a name and an ordinal that the ordinal numbers instead
    edition_appositive_opening: str   # regex text: between a name and the ordinal of an appositive numbering it (", the")
    edition_appositive: str        # regex text: what follows an ordinal in an appositive after the name ("of its kind")
    place_skips_relative_clause: bool   # a place in a relative clause is not where the meeting was
    lead_from_caption: bool             # a caption showing one lead with one person of the other side
    place_from_lead_in: bool            # the sentence before the trigger naming a lead places a meeting placed nowhere else
    place_from_headline: bool           # the headline's cued place ("Khánh thành Đài A tỉnh X") places a meeting placed nowhere else
    announced_within_days: int          # an event the article dates this many days after the page date at most is announced
    background_after_months: int        # a first meeting dated this many months before the page date is background (0: never)
    undated_in_page_month: bool         # an undated meeting on a page dated only by its URL's month is of that month
    future_cue: re.Pattern
    place_cue: re.Pattern
    country_cue: re.Pattern
    visit_place_cue: re.Pattern
    held_verbs: re.Pattern
    here_cue: re.Pattern
    today_cue: re.Pattern
    same_day_cue: re.Pattern       # the trigger happened on the day an earlier sentence dates ("later the same day")
    reporting_verbs: GatedPattern
    same_visit: GatedPattern       # same_visit_words, "on" + a weekday, during_visit
    bilateral_aside_cue: GatedPattern
    unnamed_counterpart: re.Pattern       # a further meeting with the other side's force, no one named
    delegation_actor: GatedPattern
    title_clause_start: re.Pattern
    title_words: frozenset
    possessive_ending: re.Pattern
    appositive_start: re.Pattern   # what opens an appositive title right after a name ("," or " - "), as written
    framework_cue: re.Pattern      # ends the text before the named event a generic one is part of
    framed_talks: re.Pattern       # a trigger naming talks, which stay their own meeting within a named event
    same_day_place: re.Pattern     # a later sentence putting another event of the visit on the meeting's day
    visiting_party: re.Pattern     # the visiting delegation, before the unit that names its place
    guest_thanks: re.Pattern       # a person thanking the hosts, after the name: that person's side is the guest
    headline_place: re.Pattern     # a headline opening with a place then a colon, the place as group `place`
    earlier_event_place: re.Pattern | None = None   # ends the text before a place of an earlier event, not the meeting's
    possessive_place: re.Pattern | None = None   # begins the text after a place in the possessive ("Hanoi's role")
    separate_sessions: frozenset = frozenset()   # mechanisms a later sentence of the visit reports as a session of their own
    unit_home_place: re.Pattern | None = None   # ends the text before the home province of the unit that acts
    at_sea: re.Pattern | None = None            # a trigger placing the meeting at sea: no place
    event_back_reference: re.Pattern | None = None   # a trigger opening on the event the sentence before reported
    event_report: re.Pattern | None = None   # a sentence before such a trigger reporting the event, its day and place
    pronoun_actor: re.Pattern | None = None   # a later sentence of the visit whose subject is a pronoun ("he met ...")
    headline_edition: re.Pattern | None = None   # a headline naming the mechanism as held for the first time
    announcing_headline: re.Pattern | None = None   # a headline announcing a meeting to come ("... will meet")
    framed_activity: re.Pattern | None = None   # a trigger where the leads watch a plain joint activity of a named event
    lead_meeting_day: re.Pattern | None = None   # before a lead's name in a later sentence giving the day met
    statement_after_meeting: re.Pattern | None = None   # a trigger quoting what a lead told after the meeting
    capital_anaphor: re.Pattern | None = None   # "in the capital": the host country's capital
    organiser_host: re.Pattern | None = None   # a unit (group `unit`) holding talks with the other side's: the host
    own_side_not_both: bool = False   # a both-sides cue naming only the lead's own country shows no other side
    url_reception: re.Pattern | None = None   # a URL slug reporting a reception ("thu-tuong-tiep-..."): see `url_triggers`
    co_named_events: tuple = ()   # (mechanism, regex of its event in the trigger sentence): see `_co_named_events`


def _build_cues(rules: RuleSet) -> MeetingCues:
    """Compile meetings.yaml (weekday names from dates.yaml)."""
    ordinals = rules.table("ordinal_words")
    for word, number in ordinals.items():
        if not isinstance(number, int) or isinstance(number, bool):
            raise RuleFileError(rules.source, rules.rules["ordinal_words"].line,
                                f"'ordinal_words': {word!r} must give a whole number, not {number!r}")
    weekdays = "|".join(re.escape(day) for day in load_rules("dates").words("weekdays"))
    return MeetingCues(
        ordinal_words=ordinals,
        ordinal="(?P<ordinal>" + "|".join(re.escape(word) for word in ordinals) + "|"
                + rules.pattern("numeric_ordinal") + ")",
        edition_word=rules.pattern("edition_word"),
        edition_noun_adjectives="(?:" + "|".join(re.escape(word) for word in rules.words("edition_noun_adjectives"))
                                + ")",
        ordinal_after_name=_flag(rules, "ordinal_after_name"),
        edition_gap_stop=rules.pattern("edition_gap_stop"),
        edition_appositive_opening=rules.pattern("edition_appositive_opening"),
        edition_appositive=rules.pattern("edition_appositive"),
        place_skips_relative_clause=_flag(rules, "place_skips_relative_clause"),
        lead_from_caption=_flag(rules, "lead_from_caption"),
        place_from_lead_in=_flag(rules, "place_from_lead_in"),
        place_from_headline=_flag(rules, "place_from_headline"),
        announced_within_days=_whole_number(rules, "announced_within_days", "days"),
        background_after_months=_whole_number(rules, "background_after_months", "months"),
        undated_in_page_month=_flag(rules, "undated_in_page_month"),
        headline_edition=rules.regex("headline_edition_cue"),
        announcing_headline=rules.regex("announcing_headline_cue"),
        future_cue=rules.regex("future_cue"),
        place_cue=rules.regex("place_cue"),
        country_cue=rules.regex("country_cue"),
        visit_place_cue=rules.regex("visit_place_cue"),
        held_verbs=rules.regex("held_verbs"),
        here_cue=rules.regex("here_cue"),
        today_cue=rules.regex("today_cue"),
        same_day_cue=rules.regex("same_day_cue"),
        reporting_verbs=GatedPattern(rules.regex("reporting_verbs")),
        same_visit=gated(r"\b(?:" + rules.pattern("same_visit_words") + "|" + rules.pattern("weekday_preposition")
                         + "(?:" + weekdays + ")|" + rules.pattern("during_visit") + r")\b"),
        bilateral_aside_cue=GatedPattern(rules.regex("bilateral_aside_cue")),
        unnamed_counterpart=rules.regex("unnamed_counterpart_force"),
        delegation_actor=GatedPattern(rules.regex("delegation_actor")),
        title_clause_start=rules.regex("title_clause_start"),
        title_words=frozenset(rules.words("title_words")),
        possessive_ending=rules.regex("possessive_ending"),
        appositive_start=rules.regex("appositive_start"),
        framework_cue=rules.regex("framework_cue"),
        framed_talks=rules.regex("framed_talks_cue"),
        same_day_place=rules.regex("same_day_place_cue"),
        visiting_party=rules.regex("visiting_party"),
        guest_thanks=rules.regex("guest_thanks_cue"),
        headline_place=rules.regex("headline_place"),
        earlier_event_place=rules.regex("earlier_event_place_cue"),
        possessive_place=rules.regex("possessive_place_cue"),
        separate_sessions=frozenset(rules.words("separate_sessions")),
        lead_meeting_day=rules.regex("lead_meeting_day_cue"),
        unit_home_place=rules.regex("unit_home_place_cue"),
        at_sea=rules.regex("at_sea_cue"),
        event_back_reference=rules.regex("event_back_reference_cue"),
        event_report=rules.regex("event_report_cue"),
        pronoun_actor=rules.regex("pronoun_actor"),
        framed_activity=rules.regex("framed_activity_cue"),
        statement_after_meeting=rules.regex("statement_after_meeting_cue"),
        capital_anaphor=rules.regex("capital_anaphor_cue"),
        organiser_host=rules.regex("organiser_host_cue"),
        own_side_not_both=_flag(rules, "own_side_not_both"),
        url_reception=rules.regex("url_reception_cue"),
        co_named_events=_co_named_event_patterns(rules),
    )


def _co_named_event_patterns(rules: RuleSet) -> tuple[tuple[str, re.Pattern], ...]:
    """`co_named_events` of meetings.yaml: each pattern with the mechanism id its one named group is called by
    (a mechanism of mechanisms.yaml); a pattern that never matches gives nothing."""
    known = {m for m, _specific, _pattern in load_mechanisms().patterns}
    line = rules.rules["co_named_events"].line if "co_named_events" in rules.rules else 1
    found = []
    for regex in rules.regexes("co_named_events"):
        if regex.pattern == NEVER:
            continue
        names = list(regex.groupindex)
        if len(names) != 1 or names[0] not in known:
            raise RuleFileError(rules.source, line, f"'co_named_events': {regex.pattern!r} needs one named group, "
                                                    f"called by a mechanism id of mechanisms.yaml")
        found.append((names[0], regex))
    return tuple(found)


def _whole_number(rules: RuleSet, key: str, unit: str) -> int:
    """A whole number of `unit`s (months, days), 0 or more, of a rule file's `value` entry."""
    value = rules.value(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise RuleFileError(rules.source, rules.rules[key].line, f"'{key}' must be a whole number of {unit}, not {value!r}")
    return value


def _recalled_background(resolved, published: date | None, months: int) -> bool:
    """Whether a meeting dated to the day or month ended more than `months` months before the
    page's date: a news page reports recent meetings, so one dated long before is recalled
    background ("The coming drills follow the first exchange, in May 2024" on a June 2025
    page). 0 months: never.

    >>> from types import SimpleNamespace as M
    >>> _recalled_background(M(precision="month", date_end=date(2023, 12, 31)), date(2024, 9, 17), 6)
    True
    >>> _recalled_background(M(precision="month", date_end=date(2024, 6, 30)), date(2024, 9, 17), 6)
    False
    >>> _recalled_background(M(precision="year", date_end=date(2023, 12, 31)), date(2024, 9, 17), 6)
    False
    """
    if not months or published is None or resolved.precision not in ("day", "month") or resolved.date_end is None:
        return False
    year, month = divmod(published.year * 12 + published.month - 1 - months, 12)
    return resolved.date_end < date(year, month + 1, 1)


def _flag(rules: RuleSet, key: str) -> bool:
    """A true/false `value` entry of a rule file."""
    value = rules.value(key)
    if not isinstance(value, bool):
        raise RuleFileError(rules.source, rules.rules[key].line, f"'{key}' must be true or false, not {value!r}")
    return value


def meeting_cues() -> MeetingCues:
    """The cue words of data/rules/en/meetings.yaml, compiled (rebuilt after an edit of the file).

    >>> meeting_cues().ordinal_words["eighth"], bool(meeting_cues().today_cue.search("they met this morning"))
    (8, True)
    """
    return load_rules("meetings").derived(_build_cues)


@dataclass(frozen=True)
class MechanismRules:
    """Compiled mechanism patterns, in priority order (specific names first)."""

    patterns: tuple[tuple[str, bool, GatedPattern], ...]
    online: GatedPattern
    courtesy_call_max_rank: int
    border_force_roles: frozenset
    border_force_context: re.Pattern | None = None
    border_force_max_rank: int = 10
    ministerial_max_rank: int = 7
    named_courtesy_call_max_rank: int = 99    # a named courtesy call with no lead ranked this high is `other`
    civilian_caller_roles: frozenset = frozenset()   # a lead of only these roles on a call below a head: `other`
    trilateral_partner_countries: frozenset = frozenset()   # the third country of the trilateral ministers' meeting
    trilateral_partner_roles: frozenset = frozenset()       # ... whose lead, named with the two, makes talks trilateral
    surname_countries: tuple[tuple[str, frozenset], ...] = ()
    foreign_name_word: re.Pattern | None = None       # a word of a name no `surname_countries` people would carry
    numbered_series: tuple[tuple[str, int, int, tuple[re.Pattern, ...]], ...] = ()
    series_per_year: tuple[tuple[str, int], ...] = ()   # (label, meetings a year) of series held more than once a year
    series_frame: re.Pattern | None = None            # before a numbered series: the meeting was held within it
    sideline_context: re.Pattern | None = None        # after a generic meeting: it was held on a multilateral event's occasion
    place_anaphor: re.Pattern | None = None           # "held ... at the Cambodian province": the province named before
    title_countries: tuple[tuple[str, GatedPattern], ...] = ()
    non_defence_ministries: re.Pattern | None = None
    non_defence_body: re.Pattern | None = None
    back_reference_event: re.Pattern | None = None   # a trigger naming only "the ceremony" an earlier sentence named
    defence_roles: frozenset = frozenset()
    defence_words: re.Pattern | None = None
    defence_attendee: re.Pattern | None = None   # a joint event's window naming a defence official who attends
    topic_list: re.Pattern | None = None
    future_event: re.Pattern | None = None
    relative_clause: re.Pattern | None = None
    other_event_actor: re.Pattern | None = None       # ends the text before a name that acts in a clause of another event
    separate_meetings: re.Pattern | None = None
    joint_host_joiner: re.Pattern | None = None        # the text between two hosts of one side named together
    joint_host_verb: re.Pattern | None = None          # the receiving verb right after the last of them
    visit_span: re.Pattern | None = None
    leader_only: re.Pattern | None = None
    one_side_event: re.Pattern | None = None
    attendee_before_country: re.Pattern | None = None
    attendee_after_country: re.Pattern | None = None
    both_sides: re.Pattern | None = None              # the article has both parties take part ("the two sides")
    party_group: re.Pattern | None = None             # a group of countries named elsewhere ("the three countries")
    role_reference: re.Pattern | None = None          # ends the text before a title that names a lead ("the Vietnamese ")
    delegation_leader: re.Pattern | None = None       # ends the text before the name of who led a delegation
    addressed_party: re.Pattern | None = None         # after a name: the other party it acts towards (group party)
    posting_country: re.Pattern | None = None         # before a country in a title: where the person is posted
    non_border_force_titles: re.Pattern | None = None   # a lead with such a title leads no border force
    own_kind_events: re.Pattern | None = None   # an `other` event whose trigger names one stays `other` at any level
    inland_units: re.Pattern | None = None      # a provincial unit of a province on no border of the two: no border force
    three_armies: re.Pattern | None = None      # the armies of three countries named as who met: no two sides' border forces
    sub_ministerial_guests: re.Pattern | None = None   # in the trigger, a side met only as a body below ministers
    examples: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = ()   # (id, must_match, must_not_match)
    edition_nouns: tuple[tuple[str, tuple[str, ...]], ...] = ()   # (id, nouns an ordinal numbers it by)

    def is_non_defence_meeting(self, window_folded: list[str]) -> bool:
        """The sentences (a trigger and the two after it, or a whole article) name another
        ministry (public security, interior) and nothing of defence: that ministry's meeting,
        not a defence meeting."""
        if self.non_defence_ministries is None or self.defence_words is None:
            return False
        text = " ".join(window_folded)
        return bool(self.non_defence_ministries.search(text)) and not self.defence_words.search(text)

    def mechanisms_in(self, sentence: str, folded: str | None = None) -> list[str]:
        """Mechanism ids named in `sentence`, specific ones first, each once (`folded`: the
        sentence already folded, when the caller has it)."""
        folded = fold(sentence) if folded is None else folded
        found = []
        for mechanism, _specific, pattern in self.patterns:
            if mechanism not in found and pattern.found(folded):
                found.append(mechanism)
        return found

    def events_in(self, sentence: str, folded: str | None = None) -> list[str]:
        """`mechanisms_in`, leaving out mechanisms named only as items of a list of cooperation
        contents (`topic_list_cues`): "a plan focusing on delegation exchanges, the defence policy
        dialogue and joint patrols" reports no dialogue; nor one named as the precedent another event
        follows (`precedent_cues`: "these drills follow the first friendship exchange")."""
        folded = fold(sentence) if folded is None else folded
        if self.future_event is not None and self.future_event.search(folded):
            return []      # announced, not reported: "is scheduled to take place"
        return [m for m in self.mechanisms_in(sentence, folded) if not self._only_as_topic(m, folded)]

    def _only_as_topic(self, mechanism: str, folded: str) -> bool:
        pattern = self.phrase(mechanism)
        if self.topic_list is None or pattern is None:
            return False
        starts = [match.start() for match in pattern.finditer(folded)]
        return bool(starts) and all(self.topic_list.search(_clause_before(folded, start))
                                    or self.topic_list.search(_lead_in(folded, start)) for start in starts)

    def example_failures(self) -> list[str]:
        """Every must_match example that does not name its mechanism as an event, and every
        must_not_match example that does (mechanisms.yaml)."""
        failures = []
        for mechanism, must_match, must_not_match in self.examples:
            failures += [f"{mechanism}: must_match not matched: {s!r}" for s in must_match
                         if mechanism not in self.events_in(s)]
            failures += [f"{mechanism}: must_not_match matched: {s!r}" for s in must_not_match
                         if mechanism in self.events_in(s)]
        return failures

    def names(self, mechanism: str, folded: str) -> bool:
        """``mechanism in mechanisms_in(folded)``, searching only that mechanism's patterns."""
        return any(pattern.found(folded) for m, _specific, pattern in self.patterns if m == mechanism)

    def is_specific(self, mechanism: str) -> bool:
        return any(specific for m, specific, _ in self.patterns if m == mechanism)

    def phrase(self, mechanism: str) -> GatedPattern | None:
        """The patterns naming `mechanism`; None for one named by no phrase (`other`)."""
        return next((pattern for m, _, pattern in self.patterns if m == mechanism), None)


# --- mechanisms.yaml: its own format, read by `parse_mechanisms` through `defcoop.rules` ---------

# lists of regexes OR-ed into one pattern each (see the comments in mechanisms.yaml)
_CUE_LISTS = ("topic_list_cues", "future_event_cues", "separate_meetings_cues", "leader_only_cues",
              "visit_span_cues", "relative_clause_cues", "non_defence_ministries", "non_defence_meetings",
              "non_defence_bodies",
              "defence_words", "online_patterns", "one_side_events", "attendees_before_country",
              "attendees_after_country", "delegation_leader_cues", "addressed_party_cues", "both_sides_cues",
              "role_reference_cues", "series_frame_cues", "party_group_cues",
              "place_anaphor_cues", "other_event_actor_cues", "precedent_cues", "sideline_context_cues",
              "defence_attendee_cues", "back_reference_event_cues", "posting_country_cues", "foreign_name_word_cues",
              "joint_host_joiner_cues", "joint_host_verb_cues")
_TOP_KEYS = ("version", "mechanisms", "refine_generic", "title_countries", "surname_countries", "defence_roles",
             "numbered_series") + _CUE_LISTS
_REFINE_KEYS = ("courtesy_call_max_rank", "ministerial_max_rank", "border_force_max_rank", "border_force_roles",
                "named_courtesy_call_max_rank", "civilian_caller_roles", "trilateral_partner_countries",
                "trilateral_partner_roles",
                "border_force_context", "non_border_force_titles", "own_kind_events", "inland_units", "three_armies",
                "sub_ministerial_guests")
# the keys of a mechanism and of a numbered series, required ones first
_MECHANISM_KEYS = ("id", "patterns", "label", "specific", "edition_nouns", "must_match", "must_not_match")
_SERIES_KEYS = ("label", "offset", "patterns", "min_number", "per_year")


class _Checked:
    """Readers of a mechanisms file's nodes: each returns the value when it has the expected shape
    and raises `RuleFileError` at the line of the node at fault otherwise."""

    def __init__(self, source: str):
        self.source = source

    def fail(self, node, problem: str):
        raise RuleFileError(self.source, node_line(node), problem)

    def mapping(self, node, value, what: str, allowed: tuple[str, ...], required: tuple[str, ...] = ()) -> dict:
        """key -> (value, value node) of a mapping whose keys are all `allowed`."""
        pairs = self.pairs(node, value, what)
        for key, key_node, _, _ in pairs:
            if key not in allowed:
                self.fail(key_node, f"unknown key {key!r} in {what} (known: {', '.join(allowed)})")
        found = {key: (item, item_node) for key, _, item, item_node in pairs}
        for key in required:
            if key not in found:
                self.fail(node, f"{what} needs '{key}'")
        return found

    def pairs(self, node, value, what: str) -> list[tuple]:
        """(key, key node, value, value node) of each entry of a mapping, in file order."""
        if not isinstance(value, dict):
            self.fail(node, f"{what} must be a mapping")
        seen = set()
        for key_node, _ in node.value:
            if key_node.value in seen:
                self.fail(key_node, f"duplicate key {key_node.value!r} in {what}")
            seen.add(key_node.value)
        if len(node.value) != len(value):      # keys written differently that read the same ("1", "01")
            self.fail(node, f"duplicate key in {what}")
        return [(key, key_node, item, item_node)
                for (key_node, item_node), (key, item) in zip(node.value, value.items())]

    def items(self, node, value, what: str, optional: bool = True) -> list[tuple]:
        """(item, item node) of a list (an empty entry is an empty list when `optional`)."""
        if value is None and optional:
            return []
        if not isinstance(value, list):
            self.fail(node, f"{what} must be a list")
        return list(zip(value, node.value))

    def text(self, node, value, what: str) -> str:
        if not isinstance(value, str):
            self.fail(node, f"{what} must be a string, not {value!r}")
        return value

    def strings(self, node, value, what: str) -> tuple[str, ...]:
        found = []
        for item, item_node in self.items(node, value, what):
            if not isinstance(item, str):
                self.fail(item_node, f"{what}: {item!r} must be a string")
            found.append(item)
        return tuple(found)

    def integer(self, node, value, what: str) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            self.fail(node, f"{what} must be a whole number, not {value!r}")
        return value

    def flag(self, node, value, what: str) -> bool:
        if not isinstance(value, bool):
            self.fail(node, f"{what} must be true or false, not {value!r}")
        return value

    def patterns(self, node, value, what: str, group: str | None = None) -> tuple[str, ...]:
        """Regexes of a list, each compiled once to check it (and, with `group`, that it has that group)."""
        found = []
        for item, item_node in self.items(node, value, what):
            pattern = self.text(item_node, item, f"{what}: pattern")
            try:
                compiled = re.compile(pattern)
            except re.error as exc:
                self.fail(item_node, f"{what}: bad pattern {pattern!r}: {exc}")
            if group is not None and group not in compiled.groupindex:
                self.fail(item_node, f"{what}: pattern {pattern!r} needs a group (?P<{group}>...)")
            found.append(pattern)
        return tuple(found)

    def joined_patterns(self, node, value, what: str) -> str:
        """`patterns` OR-ed by `joined`."""
        return self.joined(node, self.patterns(node, value, what), what)

    def joined(self, node, patterns: tuple[str, ...], what: str) -> str:
        """The `alternation` of checked patterns, itself checked (two patterns may clash, such as
        two groups of one name)."""
        pattern = alternation(patterns)
        try:
            re.compile(pattern)
        except re.error as exc:
            self.fail(node, f"{what}: the patterns do not combine: {exc}")
        return pattern


def parse_mechanisms(text: str, source: str = "mechanisms.yaml") -> MechanismRules:
    """Validate a mechanisms file's text (data/rules/en/mechanisms.yaml) and compile it: every key
    it reads is checked, and a problem is a `RuleFileError` naming ``file:line``.

    >>> rules = parse_mechanisms("mechanisms:\\n  - id: ministerial_talks\\n    patterns: ['talks']\\n")
    >>> rules.mechanisms_in("they held talks")
    ['ministerial_talks']
    >>> parse_mechanisms("mechanisms: []\\nonline_pattern: ['online']\\n", "x.yaml")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    defcoop.rules.RuleFileError: x.yaml:2: unknown key 'online_pattern' in the file (known: version, ...)
    """
    check = _Checked(source)
    root, spec = compose_yaml(text, source)
    if root is None:
        raise RuleFileError(source, 1, "the file needs 'mechanisms'")
    top = check.mapping(root, spec, "the file", _TOP_KEYS, required=("mechanisms",))
    _optional(top, "version", check.integer, 1)      # nothing reads it yet
    refine = _optional(top, "refine_generic", lambda node, value, what: check.mapping(node, value, what, _REFINE_KEYS)
                       if value is not None else {}, {})

    def cues(*keys: str) -> re.Pattern | None:
        return _cue_regex(check, top, keys)

    def rank(key: str, default: int) -> int:
        return _optional(refine, key, check.integer, default, "'refine_generic': ")

    mechanisms = _read_mechanisms(check, *top["mechanisms"])
    specific_first = sorted(mechanisms, key=lambda m: not m.specific)     # file order otherwise
    return MechanismRules(
        patterns=tuple((m.id, m.specific, gated(m.pattern)) for m in specific_first),
        online=gated(_optional(top, "online_patterns", check.joined_patterns, NEVER)),
        courtesy_call_max_rank=rank("courtesy_call_max_rank", 4),
        border_force_roles=frozenset(_optional(refine, "border_force_roles", check.strings, (), "'refine_generic': ")),
        border_force_context=_cue_regex(check, refine, ("border_force_context",), "'refine_generic': "),
        border_force_max_rank=rank("border_force_max_rank", 10),
        ministerial_max_rank=rank("ministerial_max_rank", 7),
        named_courtesy_call_max_rank=rank("named_courtesy_call_max_rank", 99),
        civilian_caller_roles=frozenset(_optional(refine, "civilian_caller_roles", check.strings, (),
                                                  "'refine_generic': ")),
        trilateral_partner_countries=frozenset(_optional(refine, "trilateral_partner_countries", check.strings, (),
                                                         "'refine_generic': ")),
        trilateral_partner_roles=frozenset(_optional(refine, "trilateral_partner_roles", check.strings, (),
                                                     "'refine_generic': ")),
        surname_countries=tuple((iso2, frozenset(fold(name) for name in names))
                                for iso2, names in _by_country(check, top, "surname_countries", check.strings)),
        numbered_series=_optional(top, "numbered_series", functools.partial(_read_series, check), ()),
        series_per_year=_optional(top, "numbered_series", functools.partial(_read_series_per_year, check), ()),
        series_frame=cues("series_frame_cues"),
        foreign_name_word=cues("foreign_name_word_cues"),
        sideline_context=cues("sideline_context_cues"),
        place_anaphor=cues("place_anaphor_cues"),
        title_countries=tuple((iso2, gated(pattern))
                              for iso2, pattern in _by_country(check, top, "title_countries", check.joined_patterns)),
        non_defence_ministries=cues("non_defence_ministries", "non_defence_meetings"),
        non_defence_body=cues("non_defence_bodies"),
        back_reference_event=cues("back_reference_event_cues"),
        defence_roles=frozenset(_optional(top, "defence_roles", check.strings, ())),
        defence_words=cues("defence_words"),
        defence_attendee=cues("defence_attendee_cues"),
        topic_list=cues("topic_list_cues", "precedent_cues"),   # (a precedent another event follows: no news either)
        future_event=cues("future_event_cues"),
        relative_clause=cues("relative_clause_cues"),
        other_event_actor=cues("other_event_actor_cues"),
        separate_meetings=cues("separate_meetings_cues"),
        joint_host_joiner=cues("joint_host_joiner_cues"),
        joint_host_verb=cues("joint_host_verb_cues"),
        visit_span=cues("visit_span_cues"),
        leader_only=cues("leader_only_cues"),
        one_side_event=cues("one_side_events"),
        attendee_before_country=cues("attendees_before_country"),
        attendee_after_country=cues("attendees_after_country"),
        both_sides=cues("both_sides_cues"),
        party_group=cues("party_group_cues"),
        role_reference=cues("role_reference_cues"),
        delegation_leader=cues("delegation_leader_cues"),
        addressed_party=cues("addressed_party_cues"),
        posting_country=cues("posting_country_cues"),
        non_border_force_titles=_cue_regex(check, refine, ("non_border_force_titles",), "'refine_generic': "),
        own_kind_events=_cue_regex(check, refine, ("own_kind_events",), "'refine_generic': "),
        inland_units=_cue_regex(check, refine, ("inland_units",), "'refine_generic': "),
        three_armies=_cue_regex(check, refine, ("three_armies",), "'refine_generic': "),
        sub_ministerial_guests=_cue_regex(check, refine, ("sub_ministerial_guests",), "'refine_generic': "),
        examples=tuple((m.id, m.must_match, m.must_not_match) for m in mechanisms),
        edition_nouns=tuple((m.id, m.edition_nouns) for m in mechanisms),
    )


def _optional(found: dict, key: str, read, default, prefix: str = ""):
    """``read(node, value, what)`` of an entry of a checked mapping (`_Checked.mapping`), `default`
    when it has none; `what`, for messages, is the key after `prefix` (quoted when no prefix)."""
    if key not in found:
        return default
    value, node = found[key]
    return read(node, value, f"{prefix}{key}" if prefix else f"'{key}'")


def _cue_regex(check: _Checked, found: dict, keys: tuple[str, ...], prefix: str = "") -> re.Pattern | None:
    """The patterns of these lists of a checked mapping OR-ed (`alternation`) and compiled; None
    without any."""
    patterns = tuple(pattern for key in keys for pattern in _optional(found, key, check.patterns, (), prefix))
    if not patterns:
        return None
    node = next(found[key][1] for key in keys if key in found)
    return re.compile(check.joined(node, patterns, f"{prefix}{keys[0]}" if prefix else f"'{keys[0]}'"))


class _Mechanism(NamedTuple):
    id: str
    specific: bool
    pattern: str                    # its patterns OR-ed
    must_match: tuple[str, ...]
    must_not_match: tuple[str, ...]
    edition_nouns: tuple[str, ...]


def _read_mechanisms(check: _Checked, value, node) -> list[_Mechanism]:
    """The entries of ``mechanisms``, in file order, each checked."""
    mechanisms: list[_Mechanism] = []
    for item, item_node in check.items(node, value, "'mechanisms'", optional=False):
        fields = check.mapping(item_node, item, "a mechanism", _MECHANISM_KEYS, required=_MECHANISM_KEYS[:2])
        mechanism_id = check.text(fields["id"][1], fields["id"][0], "a mechanism's id")
        if any(m.id == mechanism_id for m in mechanisms):
            check.fail(fields["id"][1], f"mechanism '{mechanism_id}' is defined twice")
        what = f"mechanism '{mechanism_id}': "
        _optional(fields, "label", check.text, "", what)
        patterns_value, patterns_node = fields["patterns"]
        patterns = check.patterns(patterns_node, patterns_value, f"{what}patterns")
        if not patterns:
            check.fail(patterns_node, f"{what}patterns must name at least one pattern")
        mechanisms.append(_Mechanism(
            mechanism_id, _optional(fields, "specific", check.flag, False, what),
            check.joined(patterns_node, patterns, f"{what}patterns"),
            *(_optional(fields, key, check.strings, (), what)
              for key in ("must_match", "must_not_match", "edition_nouns"))))
    return mechanisms


def _read_series(check: _Checked, node, value, what: str) -> tuple[tuple[str, int, int, tuple[re.Pattern, ...]], ...]:
    """The entries of ``numbered_series``: (label, offset, min_number, patterns with a group `n`)."""
    series = []
    for item, item_node in check.items(node, value, what):
        fields = check.mapping(item_node, item, "a numbered series", _SERIES_KEYS, required=_SERIES_KEYS[:3])
        label = check.text(fields["label"][1], fields["label"][0], "a numbered series' label")
        prefix = f"numbered series '{label}': "
        patterns = _optional(fields, "patterns", functools.partial(check.patterns, group="n"), (), prefix)
        series.append((label, _optional(fields, "offset", check.integer, 0, prefix),
                       _optional(fields, "min_number", check.integer, 1, prefix),
                       tuple(re.compile(pattern) for pattern in patterns)))
    return tuple(series)


def _read_series_per_year(check: _Checked, node, value, what: str) -> tuple[tuple[str, int], ...]:
    """(label, per_year) of the ``numbered_series`` entries held more than once a year (`per_year`:
    the ASEAN Summit twice a year, its numbers 2 apart each year)."""
    found = []
    for item, item_node in check.items(node, value, what):
        fields = check.mapping(item_node, item, "a numbered series", _SERIES_KEYS, required=_SERIES_KEYS[:3])
        label = check.text(fields["label"][1], fields["label"][0], "a numbered series' label")
        per_year = _optional(fields, "per_year", check.integer, 1, f"numbered series '{label}': ")
        if per_year > 1:
            found.append((label, per_year))
    return tuple(found)


def _by_country(check: _Checked, top: dict, key: str, read) -> list[tuple[str, Any]]:
    """(iso2, ``read`` of its entry) of a top-level mapping keyed by country code."""
    if key not in top or top[key][0] is None:
        return []
    value, node = top[key]
    found = []
    for iso2, key_node, items, items_node in check.pairs(node, value, f"'{key}'"):
        if not isinstance(iso2, str) or not re.fullmatch(r"[A-Z]{2}", iso2):
            check.fail(key_node, f"'{key}': {iso2!r} must be a country code of two capital letters")
        found.append((iso2, read(items_node, items, f"'{key}': {iso2}")))
    return found


def load_mechanisms(path: str | os.PathLike | None = None) -> MechanismRules:
    """The mechanisms of data/rules/en/mechanisms.yaml (``load_rules("mechanisms")``, parsed once
    per content), or of the mechanisms file at `path` (parsed on each call)."""
    if path is None:
        return load_rules("mechanisms")
    return parse_file(path, "mechanisms")


def named_only_as_leader(mention, sentences: list[str], rules: MechanismRules) -> bool:
    """Whether the person is named only as the one who leads a party or a country
    (`leader_only_cues` in mechanisms.yaml), not as someone at the meeting: "Cambodia will
    achieve more under the leadership of the party headed by President Hun Sen".

    >>> from defcoop.extract.people import PersonMention
    >>> sentence = "He hoped that under the leadership of the party headed by Chairman Hun Sen, Cambodia will prosper."
    >>> hun_sen = PersonMention("Hun Sen", "Hun Sen", "KH", "", 0, 67, 74, "alias")
    >>> named_only_as_leader(hun_sen, [sentence], load_mechanisms())
    True
    """
    if rules.leader_only is None or mention.sentence_index >= len(sentences):
        return False
    return bool(rules.leader_only.search(fold(sentences[mention.sentence_index][:mention.start])))


def _clause_before(folded: str, end: int) -> str:
    """The text before `end` back to the last full stop, semicolon or colon.

    >>> _clause_before("they met. the plan focuses on patrols, the dialogue", 43)
    ' the plan focuses on patrols, the '
    """
    start = max(folded.rfind(stop, 0, end) for stop in ".;:") + 1
    return folded[start:end]


def _lead_in(folded: str, end: int) -> str:
    """The clause that a colon before `end` ends, when the text from that colon to `end` is a
    list (no full stop or semicolon): what introduces the list `end` is in; "" without one.

    >>> _lead_in("the programme has these activities: a seminar, joint patrols", 48)
    'the programme has these activities'
    >>> _lead_in("they met. the plan focuses on patrols, the dialogue", 43)
    ''
    """
    colon = folded.rfind(":", 0, end)
    if colon < 0 or any(stop in folded[colon:end] for stop in ".;"):
        return ""
    return _clause_before(folded, colon)


class Participant(NamedTuple):
    """One person at a meeting, as one article names them (a tuple: a build holds ~100,000)."""

    person: str
    country: str | None
    role: str | None
    name_as_written: str


@dataclass(slots=True)
class MeetingCandidate:
    """One meeting as one article reports it, before merging with other articles.

    Slotted, with `Participant` tuples, because a build keeps every candidate of the corpus
    in memory until the merge (see `compact`).
    """

    article_id: str
    key: int
    mechanism: str
    date_start: date | None
    date_end: date | None
    date_precision: str
    date_evidence: str
    place: str | None
    country: str | None
    edition: int | None
    format: str
    vn_lead: str | None
    kh_lead: str | None
    evidence_sentence: str
    participants: list = field(default_factory=list)   # list[Participant]

    def compact(self) -> "MeetingCandidate":
        """Share the strings that recur across candidates (mechanism, leads, places...) with
        other candidates, so an archive's candidates take less memory; returns itself.

        >>> a = MeetingCandidate("x", 0, "".join(["signing", "_ceremony"]), None, None, "unknown", "",
        ...                      None, None, None, "in_person", None, None, "")
        >>> a.compact().mechanism is MeetingCandidate("y", 0, "signing_ceremony", None, None, "unknown",
        ...     "", None, None, None, "in_person", None, None, "").compact().mechanism
        True
        """
        for name in _RECURRING_FIELDS:
            value = getattr(self, name)
            if value is not None:
                setattr(self, name, sys.intern(value))
        self.participants = [Participant(*(sys.intern(v) if v is not None else None for v in p))
                             for p in self.participants]
        return self


_RECURRING_FIELDS = ("mechanism", "date_precision", "place", "country", "format", "vn_lead", "kh_lead")


# --- finding the meeting in one article --------------------------------------------------------

def find_trigger(sentences: list[str], rules: MechanismRules,
                 folded: list[str] | None = None) -> tuple[int, str] | None:
    """Index and mechanism of the first sentence that names a meeting as an event.

    >>> find_trigger(["They agreed.", "It was held during their online talks on January 8."], load_mechanisms())
    (1, 'ministerial_talks')
    """
    return next(trigger_candidates(sentences, rules, folded), None)


def _organiser_guest(trigger: str, trigger_folded: str, cues: MeetingCues) -> str | None:
    """The guest side told by the unit the trigger has hold the talks with the other side's unit
    (`organiser_host_cue`, the unit as group `unit`: "Bộ CHQS tỉnh A tổ chức hội nghị với Tiểu khu
    Quân sự tỉnh B"): the party other than the country of the first place in the unit's name.
    None without such a unit or a place of either party in its name.

    >>> from defcoop.rules import rules_language
    >>> with rules_language("vi"):
    ...     text = "Sáng 9-5, Bộ CHQS tỉnh Tây Ninh tổ chức hội nghị sơ kết với Tiểu khu Quân sự tỉnh Svay Rieng."
    ...     _organiser_guest(text, fold(text), meeting_cues())
    'KH'
    """
    from defcoop.extract.places import find_places

    found = cues.organiser_host.search(trigger_folded) if cues.organiser_host is not None else None
    if found is None:
        return None
    start, end = found.span("unit")
    hit = next(iter(find_places(trigger[start:end], trigger_folded[start:end])), None)
    if hit is None or hit.country not in PARTY_COUNTRIES:
        return None
    return next(iter(PARTY_COUNTRIES - {hit.country}))


def _host_place(trigger: str, trigger_folded: str, sentences: list[str], folded: list[str], cues: MeetingCues,
                country: str | None, mentions: list = ()) -> tuple[str | None, str | None]:
    """The province of the host side the trigger sentence names, when the article names the other
    side as the visiting delegation (`visiting_party` of meetings.yaml, then a place of that side
    before any comma: "Về phía đoàn của Chi khu quân sự huyện Chantrea có ..."): "Ban CHQS huyện
    Bến Cầu và Chi khu quân sự huyện Chantrea tổng kết ..." was held in Ben Cau.
    The guest side is also the country of a person who thanks the hosts (`guest_thanks_cue`, matched right
    after the name's clause: "General B, Deputy Commander of X, thanked the host for the welcome"), the person
    named last before the cue in its sentence (`mentions`, with their countries).
    (None, country) when there is no such delegation or place, or it contradicts `country`; (None, host) when the
    trigger names several provinces of the host side (a delegation touring the forces of three provinces)."""
    from defcoop.extract.places import find_countries, find_places, load_places

    visiting = None
    for sentence, sentence_folded in zip(sentences, folded):
        for match in cues.visiting_party.finditer(sentence_folded):
            end = match.end() + 80
            hit = next((p for p in find_places(sentence[match.end():end], sentence_folded[match.end():end])), None)
            if hit is not None and not re.search(r"[,;.]", sentence_folded[match.end(): match.end() + hit.start]):
                visiting = hit.country
                break
            # no place of the unit, but its country ("a delegation of the Royal Cambodian Army"): that side visits
            named = next((c for c in find_countries(sentence[match.end():end], sentence_folded[match.end():end])
                          if c[0] in PARTY_COUNTRIES), None)
            if named is not None and not re.search(r"[,;.]", sentence_folded[match.end(): match.end() + named[1]]):
                visiting = named[0]
                break
        if visiting is not None:
            break
    if visiting is None:
        visiting = _thanking_guest(sentences, folded, cues, mentions)
    if visiting is None:
        visiting = _organiser_guest(trigger, trigger_folded, cues)
    host = next(iter(PARTY_COUNTRIES - {visiting}), None) if visiting in PARTY_COUNTRIES else None
    if host is None or country not in (None, host):
        return None, country
    hosts = []
    for place in find_places(trigger, trigger_folded):
        if place.country == host:
            name = load_places().province_of(place.place) if place.kind in _POINT_PLACES else place.place
            if (name or place.place) not in hosts:
                hosts.append(name or place.place)
    if len(hosts) == 1:
        return hosts[0], host
    # several provinces of the host side ("visited the forces of three provinces: A, B and C"): none is singled out
    return None, (host if hosts else country)


def _same_day_place(index: int, sentences: list[str], folded: list[str], cues: MeetingCues,
                    country: str | None) -> tuple[str | None, str | None]:
    """The place of the first later sentence that puts another event of the visit on the meeting's day
    (`same_day_place_cue` of meetings.yaml: "Cũng trong ngày 7/6, đoàn thăm một bảo tàng ở Thủ đô Phnom Penh"),
    when its country agrees with `country`; else (None, country)."""
    for sentence, sentence_folded in zip(sentences[index + 1:], folded[index + 1:]):
        if cues.same_day_place.search(sentence_folded):
            place, place_country = find_place([sentence], [sentence_folded])
            if place is not None and country in (None, place_country):
                return place, place_country
    return None, country


def _thanking_guest(sentences: list[str], folded: list[str], cues: MeetingCues, mentions: list) -> str | None:
    """The country of the first person who thanks the hosts (`guest_thanks_cue`): the one named last
    before the cue in its sentence, when their country is known; else None."""
    for index, sentence_folded in enumerate(folded):
        for match in cues.guest_thanks.finditer(sentence_folded):
            before = [m for m in mentions if m.sentence_index == index and m.end <= match.start()]
            speaker = max(before, key=lambda m: m.end, default=None)
            if speaker is not None and speaker.country in PARTY_COUNTRIES:
                return speaker.country
    return None


def _headline_place(headline: str, country: str | None, cues: MeetingCues, window: list[str] = (),
                    window_folded: list[str] = ()) -> tuple[str | None, str | None]:
    """The province or city a headline opens with before a colon (`headline_place` of
    meetings.yaml: "Gia Lai: Lễ bàn giao hài cốt liệt sĩ"), where the local press puts the
    news; (None, country) when the headline opens with no such place, the place lies outside the
    `country` the text gives, or the meeting's sentences (`window`) name a place of the other
    country: a handover between two provinces may have been held on either side."""
    from defcoop.extract.places import find_places

    folded = fold(headline)
    match = cues.headline_place.match(folded)
    if match is None:
        return None, country
    start, end = match.span("place")
    found = find_places(headline[start:end], folded[start:end])
    place = found[0] if len(found) == 1 else None
    if (place is None or place.kind in _POINT_PLACES or place.start > 0
            or folded[start:end][place.end:].strip() or country not in (None, place.country)):
        return None, country
    if any(other.country != place.country for sentence, sentence_folded in zip(window, window_folded)
           for other in find_places(sentence, sentence_folded)):
        return None, country
    return place.place, place.country


def _framing_event(window_folded: list[str], rules: MechanismRules, cues: MeetingCues) -> str | None:
    """The specific mechanism the trigger sentence or the one after it names as the framework of
    the event (`framework_cue` of meetings.yaml: "nằm trong khuôn khổ" X), else None."""
    for folded in window_folded:
        for mechanism in rules.mechanisms_in(folded, folded):
            phrase = rules.phrase(mechanism)
            if rules.is_specific(mechanism) and phrase is not None and any(
                    cues.framework_cue.search(folded[:match.start()]) for match in phrase.finditer(folded)):
                return mechanism
    return None


def trigger_candidates(sentences: list[str], rules: MechanismRules, folded: list[str] | None = None):
    """(index, mechanism) of every sentence that names a meeting as an event, in reading order."""
    folded = _folded(sentences, folded)
    for index, sentence in enumerate(sentences):
        found = rules.events_in(sentence, folded[index])
        if found:
            yield index, found[0]


def url_slug(url: str | None) -> str:
    """The words of a URL's last path segment, folded, its hyphens as spaces ("" without a URL).

    >>> url_slug("https://example.vn/chinh-tri/bo-truong-tiep-doan-campuchia-post12345.html")
    'bo truong tiep doan campuchia post12345'
    >>> url_slug(None)
    ''
    """
    if not url:
        return ""
    last = url.split("?", 1)[0].split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    return fold(re.sub(r"\.[A-Za-z]{2,5}$", "", last).replace("-", " ").replace("_", " ")).strip()


def url_triggers(url: str | None, mentions: list, cues: MeetingCues):
    """(index, mechanism) of the one trigger a page that names no meeting in its body gets from its URL.

    An excerpt that lost its headline and lead opens on what the host said ("Thủ tướng A khẳng định ...",
    "Đại tướng B cho biết ..."): the slug of its URL is then the only line that reports the reception
    (`url_reception_cue` of meetings.yaml: "thu-tuong-tiep-tham-muu-truong-...-campuchia"). The
    first sentence naming a person stands for it, as generic talks, which `refine_mechanism` files by
    the leads' rank; every check of a trigger in the body still applies (both sides named, a
    defence lead). Nothing when the cue is absent or the slug does not match it.
    """
    if cues.url_reception is None or not cues.url_reception.search(url_slug(url)):
        return
    first = min((m.sentence_index for m in mentions if m.country in PARTY_COUNTRIES), default=None)
    if first is not None:
        yield first, "ministerial_talks"


PARTY_COUNTRIES = frozenset({"VN", "KH"})


def is_third_country_meeting(mentions: list, countries: list[list], index: int, mechanism: str) -> bool:
    """Whether the meeting named in sentence `index` is Vietnam's or Cambodia's with a third
    country: its sentence names another country or someone of it, but not Cambodia, and no
    Cambodian official is named in it or the two sentences after it ("Giang held talks with
    Lao Defence Minister Chansamone", "Gen. Giang welcomed his Lao counterpart").
    Trilateral meetings include that third country by definition.

    `countries` holds ``find_countries`` of each sentence (hits are (iso2, start, end, text)).

    >>> from defcoop.extract.people import PersonMention
    >>> lao = PersonMention("Chansamone Chanyalath", "Chansamone", "LA", "", 0, 40, 50, "person")
    >>> is_third_country_meeting([lao], [[]], 0, "ministerial_talks")
    True
    """
    if mechanism == "trilateral_ministers_meeting":
        return False
    named_here = {m.country for m in mentions if m.sentence_index == index}
    named_here |= {iso2 for iso2, *_ in countries[index]}
    if not any(iso2 and iso2 not in PARTY_COUNTRIES for iso2 in named_here):
        return False
    people_here = {m.country for m in mentions if m.sentence_index == index}
    if "KH" in named_here and not (people_here - PARTY_COUNTRIES - {""} and people_here & PARTY_COUNTRIES):
        return False   # (Cambodia named only as a topic while its people met a third country's: a US envoy
        # meeting a Vietnamese general, "an expert on Cambodia")
    return not any(m.country == "KH" for m in mentions
                   if index <= m.sentence_index <= index + WINDOW_AFTER_TRIGGER)


def _names_both_sides(mentions: list, countries: list[list], start: int, end: int,
                      folded: list[str] | None = None, rules: MechanismRules | None = None) -> bool:
    """Whether sentences start..end-1 name Vietnam and Cambodia (countries, places or people):
    a ceremony or handover is a joint event only with both sides present (Hun Sen opening a
    highway is not).

    >>> _names_both_sides([], [[("VN", 0, 7, "Vietnam")], [("KH", 0, 8, "Cambodia")]], 0, 2)
    True

    A party named in a sentence that also names two other countries or more is one of several
    guests ("representatives of Vietnam, Indonesia and Korea attended"), not a side of the event.

    >>> guests = [("VN", 0, 7, "Vietnam"), ("ID", 9, 18, "Indonesia"), ("KR", 23, 28, "Korea")]
    >>> _names_both_sides([], [guests, [("KH", 0, 8, "Cambodia")]], 0, 2)
    False

    A group of countries (`party_group_cues` of mechanisms.yaml: "the militaries of the three
    countries") names them when the article names both elsewhere.

    >>> countries = [[], [], [("VN", 0, 7, "Vietnam"), ("LA", 9, 13, "Laos"), ("KH", 19, 27, "Cambodia")]]
    >>> _names_both_sides([], countries, 0, 2, ["the drill of the three countries was held", "it went well"], load_mechanisms())
    True
    >>> _names_both_sides([], countries, 0, 2, ["the drill was held", "it went well"], load_mechanisms())
    False
    """
    named = {iso2 for hits in countries[start:end]
             if len({iso2 for iso2, *_ in hits} - PARTY_COUNTRIES) < 2 for iso2, *_ in hits}
    named |= {m.country for m in mentions if start <= m.sentence_index < end}
    if PARTY_COUNTRIES <= named:
        return True
    if rules is None or rules.party_group is None or folded is None \
            or not any(rules.party_group.search(f) for f in folded[start:end]):
        return False
    named_anywhere = {iso2 for hits in countries for iso2, *_ in hits} | {m.country for m in mentions}
    return PARTY_COUNTRIES <= named_anywhere


def other_side_attends(sentences: list[str], folded: list[str], mentions: list, countries: list[list],
                       host: str | None, rules: MechanismRules) -> bool:
    """Whether someone of the party other than the host country takes part in an event one side
    holds on its own (`one_side_events` in mechanisms.yaml: a reburial service in Vietnam): a
    person of that country is named in the article, or its people are named as attendees
    ("representatives of the Royal Cambodian Army", "Cambodian delegates": `attendees_before_country`,
    `attendees_after_country`). True when the host is unknown or no party.

    >>> rules = load_mechanisms()
    >>> sentences = ["Tay Ninh held a reburial service for soldiers who died in Cambodia.",
    ...              "Representatives of the Royal Cambodian Army attended."]
    >>> from defcoop.extract.places import find_countries
    >>> hits = [find_countries(s) for s in sentences]
    >>> other_side_attends(sentences, [fold(s) for s in sentences], [], hits, "VN", rules)
    True
    >>> other_side_attends(sentences[:1], [fold(sentences[0])], [], hits[:1], "VN", rules)
    False
    """
    if host not in PARTY_COUNTRIES:
        return True
    other = next(iter(PARTY_COUNTRIES - {host}))
    if any(m.country == other for m in mentions):
        return True
    before, after = rules.attendee_before_country, rules.attendee_after_country
    for folded_sentence, hits in zip(folded, countries):
        for iso2, start, end, _written in hits:
            if iso2 == other and ((before is not None and before.search(folded_sentence[:start]))
                                  or (after is not None and after.match(folded_sentence[end:]))):
                return True
    return False


def one_sided_meeting(mechanism: str, vn_lead, kh_lead, sentences: list[str], folded: list[str], mentions: list,
                      countries: list[list], rules: MechanismRules, own_side_not_both: bool = False) -> bool:
    """Whether a generic meeting ("at the meeting", "received") names a lead of one side only and
    nobody of the other takes part: neither attendees of that country (`other_side_attends`) nor
    both parties (`both_sides_cues`: "the two sides", "his Cambodian counterpart") anywhere in
    the article. A deputy minister reviewing with his own units the agreements they will sign with
    Cambodian forces is no Vietnam-Cambodia meeting. Specific mechanisms name their two parties
    themselves; without `both_sides_cues` in the language's mechanisms file, no check. With
    `own_side_not_both` (meetings.yaml), a cue naming only the lead's own country ("phía Campuchia" for a
    Cambodian lead) shows no other side.

    >>> rules = load_mechanisms()
    >>> from defcoop.extract.people import PersonMention
    >>> chien = PersonMention("Hoang Xuan Chien", "Hoang Xuan Chien", "VN", "", 0, 11, 16, "alias")
    >>> sentences = ["At the meeting, Chien asked the units to prepare the agreements with Cambodian forces."]
    >>> f = [fold(s) for s in sentences]
    >>> one_sided_meeting("ministerial_talks", chien, None, sentences, f, [chien], [[]], rules)
    True
    >>> sentences = ["At the meeting, Chien and the Cambodian side agreed to boost patrols."]
    >>> one_sided_meeting("ministerial_talks", chien, None, sentences, [fold(sentences[0])], [chien], [[]], rules)
    False
    """
    if rules.both_sides is None or rules.is_specific(mechanism) or (vn_lead is None) == (kh_lead is None):
        return False
    host = "VN" if vn_lead is not None else "KH"
    return not (other_side_attends(sentences, folded, mentions, countries, host, rules)
                or any(not own_side_not_both
                       or _names_other_party(s[match.start():match.end()], f[match.start():match.end()], host)
                       for s, f in zip(sentences, folded) for match in rules.both_sides.finditer(f)))


def _names_other_party(cue: str, cue_folded: str, host: str) -> bool:
    """A `both_sides_cues` match (`cue` as written, and folded) names a party other than the `host`: not
    one that names only the host's own country ("phía Campuchia" for a Cambodian lead's meeting is his
    own side, not the other).

    >>> _names_other_party("Cambodian side", "cambodian side", "KH"), _names_other_party("Cambodian side", "cambodian side", "VN")
    (False, True)
    >>> _names_other_party("the two sides", "the two sides", "KH")
    True
    """
    from defcoop.extract.places import find_countries

    named = {iso2 for iso2, *_ in find_countries(cue, cue_folded)}
    return not named or bool(named - {host})


def reports_one_side_event(sentences: list[str], folded: list[str] | None = None,
                           rules: MechanismRules | None = None) -> bool:
    """Whether a sentence reports an event one side holds on its own (`one_side_events`: a reburial of
    remains found in Cambodia): no meeting without the other side, but still a story of the two
    countries' cooperation, whose sentences get themes.

    >>> reports_one_side_event(["The province held a reburial service on May 2 for soldiers who died in Cambodia."])
    True
    """
    rules = rules or load_mechanisms()
    if rules.one_side_event is None:
        return False
    return any(rules.one_side_event.search(f) and rules.events_in(s, f)
               for s, f in zip(sentences, _folded(sentences, folded)))


def _host_country(sentences: list[str], folded: list[str], dateline: str | None) -> str | None:
    """The country of the first gazetteer place the sentences name ("The province of Tay Ninh held
    ..."), else of the dateline's place: who holds an event one side holds on its own."""
    from defcoop.extract.places import find_places

    found = [p for s, f in zip(sentences, folded) for p in find_places(s, f)]
    return found[0].country if found else _dateline_place(dateline, None)[1]


def _folded(sentences: list[str], folded: list[str] | None) -> list[str]:
    """The sentences folded: `folded` when the caller already has them (an article folds once)."""
    return [fold(s) for s in sentences] if folded is None else folded


def find_edition(sentences: list[str], mechanism: str, rules: MechanismRules,
                 folded: list[str] | None = None) -> int | None:
    """The highest ordinal attached to this mechanism's name or to "edition"; None if unnumbered.

    Earlier editions are mentioned for contrast ("following the first edition in 2022"),
    so the current one is the largest ordinal the article gives, leaving out sentences about
    the future ("the fifth Defence Policy Dialogue will be held in Cambodia next year").

    >>> find_edition(["the eighth Viet Nam-Cambodia Defence Policy Dialogue"], "defence_policy_dialogue", load_mechanisms())
    8
    """
    cues = meeting_cues()
    phrase = rules.phrase(mechanism)
    named = f"{phrase.pattern}|{cues.edition_word}" if phrase is not None else cues.edition_word
    nouns = next((n for m, n in rules.edition_nouns if m == mechanism), ())
    noun = "(?:" + "|".join(re.escape(noun) for noun in nouns) + ")"
    adjective = cues.edition_noun_adjectives
    gap_word = r"(?!" + cues.edition_gap_stop + r")[\w'-]+"    # "bên lề Hội nghị ADMM lần thứ 17" numbers the ADMM
    if cues.ordinal_after_name:
        # "Hội nghị Hợp tác Quốc phòng A - B lần thứ 8": the name, a few whole words or dashes,
        # the ordinal; an edition noun takes the ordinal right after it and its adjectives ("tuần tra chung
        # thường niên lần thứ 75")
        gap = r"(?:\s+(?!" + cues.edition_gap_stop + r")[\w'-]*\w\b|\s*-+)"
        attached = [gated_once("(?:" + named + ")" + gap + r"{0,6}?\s+" + cues.ordinal + r"\b")]
        if nouns:
            attached.append(gated_once(r"\b" + noun + r"(?:\s+" + adjective + r"){0,3}\s+" + cues.ordinal + r"\b"))
    else:
        attached = [gated_once(r"\b" + cues.ordinal + r"\s+(?:" + gap_word + r"\s+){0,5}?(?:" + named + ")")]
        if nouns:
            # an edition noun takes its ordinal right before it ("their 6th talks"), not across a name
            # ("the 19th ASEAN Chiefs of Defence Forces' Meeting" numbers that meeting)
            attached.append(gated_once(r"\b" + cues.ordinal + r"\s+(?:" + adjective + r"\s+){0,3}" + noun + r"\b"))
    if NEVER not in (cues.edition_appositive_opening, cues.edition_appositive):
        # "Held in Kep, the talks, the sixth of their kind, ended with ...": the ordinal in an appositive after the name
        attached.append(gated_once(r"(?:" + named + (r"|\b" + noun + r"\b" if nouns else "") + r")(?:"
                                   + cues.edition_appositive_opening + ")" + cues.ordinal
                                   + r"\s+(?:" + cues.edition_appositive + ")"))

    def ordinals(folded_sentence: str) -> list[int]:
        # an ordinal in figures gives its number wherever it stands in the ordinal ("8th", "lần thứ 8")
        found = [cues.ordinal_words.get(m.group("ordinal")) or int(re.search(r"\d+", m.group("ordinal")).group())
                 for pattern in attached for m in pattern.finditer(folded_sentence)]
        # "their first meeting" of generic talks says when they met, not which edition this is
        return found if rules.is_specific(mechanism) else [n for n in found if n > 1]

    numbers = [n for f in _folded(sentences, folded) if not cues.future_cue.search(f) for n in ordinals(f)]
    return max(numbers) if numbers else None


def series_year_windows(sentences: list[str], rules: MechanismRules, framed: bool = False) -> list:
    """Hard year windows from numbered multilateral meetings named in the sentences ("ADMM-18").
    A series held `per_year` times a year numbers its years by ``offset + number // per_year``.
    With `framed`, only a series the meeting was held within counts: one named after a
    `series_frame_cues` phrase of its sentence ("within the framework of his attendance at the
    40th ASEAN Summit").

    >>> [(w.start.year, w.evidence) for w in series_year_windows(["on the sidelines of ADMM-18"], load_mechanisms())]
    [(2024, "year 2024 from 'ADMM-18'")]
    >>> [w.start.year for w in series_year_windows(["He came for his attendance at the 41st ASEAN Summit."], load_mechanisms(), True)]
    [2022]
    >>> series_year_windows(["They reviewed the 41st ASEAN Summit."], load_mechanisms(), True)
    []
    """
    from defcoop.extract.dates import Window

    if framed and rules.series_frame is None:
        return []
    per_year = dict(rules.series_per_year)
    windows = []
    for sentence in sentences:
        folded = fold(sentence)
        for label, offset, min_number, patterns in rules.numbered_series:
            for pattern in patterns:
                for match in pattern.finditer(folded):
                    number = int(match.group("n"))
                    if framed and not rules.series_frame.search(folded[:match.start()]):
                        continue
                    if number >= min_number:
                        year = offset + number // per_year.get(label, 1)
                        quote = sentence[match.start():match.end()]
                        windows.append(Window(date(year, 1, 1), date(year, 12, 31), True,
                                              f"year {year} from '{quote}'"))
    years = {w.start.year for w in windows}
    return windows if len(years) == 1 else []      # conflicting numbers: trust none


def _series_numbers(folded_sentence: str, rules: MechanismRules) -> set[tuple[str, int]]:
    """(label, number) of every numbered multilateral meeting named in a folded sentence."""
    return {(label, int(match.group("n")))
            for label, _offset, min_number, patterns in rules.numbered_series
            for pattern in patterns for match in pattern.finditer(folded_sentence)
            if int(match.group("n")) >= min_number}


def host_event_sentences(index: int, sentences: list[str], folded: list[str], rules: MechanismRules) -> list[str]:
    """The other sentences that name the numbered multilateral meeting sentence `index` names
    ("On the sidelines of the 16th ADMM" and "The 16th ADMM opened on June 22"), in reading order:
    where a meeting on its sidelines with no date of its own takes its day.

    >>> host_event_sentences(1, ["The 16th ADMM opened on June 22.", "On the sidelines of the 16th ADMM, they met.",
    ...                          "The 15th ADMM was held on June 5."], None, load_mechanisms())
    ['The 16th ADMM opened on June 22.']
    """
    folded = _folded(sentences, folded)
    named = _series_numbers(folded[index], rules)
    if not named:
        return []
    return [sentence for i, (sentence, f) in enumerate(zip(sentences, folded))
            if i != index and named & _series_numbers(f, rules)]


def find_place(sentences: list[str], folded: list[str] | None = None,
               cue: re.Pattern | None = None) -> tuple[str | None, str | None]:
    """The first gazetteer place introduced by "in"/"at" (`cue`, default `place_cue` of meetings.yaml)
    in the given sentences, with its country.

    A border gate is a point, not a city or province: when the same sentence also places the
    meeting in a province ("at the Xa Mat border gate in Tay Ninh province"), the province wins.
    When only the gate is cued, a province of the gate's country named elsewhere in the same
    sentence is the one it sits in ("at the Moc Bai border gate, the People's Committee of Tay
    Ninh province held ..."), else the province places.csv gives the gate (`Gazetteer.province_of`).

    >>> find_place(["A ceremony was held at the Moc Bai border gate in Tay Ninh province on May 2."])
    ('Tay Ninh', 'VN')
    >>> find_place(["At the Moc Bai border gate, the authorities of Tay Ninh province held a ceremony."])
    ('Tay Ninh', 'VN')
    >>> find_place(["It was held in Chau Thanh district, the Mekong Delta province of Dong Thap, on May 2."])
    ('Dong Thap', 'VN')
    >>> find_place(["They met at the Moc Bai border gate."])
    ('Tay Ninh', 'VN')

    Where meetings.yaml says `place_skips_relative_clause`, a place inside a relative clause that
    says nothing of holding the meeting is left out (`_in_relative_clause`): Vietnamese writes
    "hài cốt liệt sĩ hy sinh tại tỉnh Koh Kong" (remains of soldiers who fell in Koh Kong).
    """
    from defcoop.extract.places import find_countries, find_places, load_places

    cues = meeting_cues()
    cue = cues.place_cue if cue is None else cue
    rules = load_mechanisms() if cues.place_skips_relative_clause else None
    for sentence, folded_sentence in zip(sentences, _folded(sentences, folded)):
        found = find_places(sentence, folded_sentence)
        cued = [m for m in found if cue.search(folded_sentence[: m.start])]
        if cues.earlier_event_place is not None:
            # "went ahead under a deal reached at the meeting of the ministers in Hanoi": Hanoi is that meeting's
            cued = [m for m in cued if not cues.earlier_event_place.search(folded_sentence[: m.start])]
        if cues.possessive_place is not None:
            # "ties factor prominently in Phnom Penh's foreign relations": the capital names the government
            cued = [m for m in cued if not cues.possessive_place.search(folded_sentence[m.end:])]
        if rules is not None:
            # the clause names one place, where the soldiers fell: a later place is the main clause's
            # ("hài cốt liệt sĩ hy sinh ở Campuchia từ tỉnh X tại cửa khẩu Y": handed over at Y)
            named = [m.end for m in found] + [hit[2] for hit in find_countries(sentence, folded_sentence)]
            cued = [m for m in cued if not _in_relative_clause(folded_sentence[: m.start], rules, cues.held_verbs,
                                                               named, cue)]
        if cued:
            best = next((m for m in cued if m.kind not in _POINT_PLACES), None)
            if best is None:
                best = next((m for m in found if m.kind not in _POINT_PLACES and m.country == cued[0].country),
                            cued[0])
            if best.kind in _POINT_PLACES:
                return load_places().province_of(best.place) or best.place, best.country
            return best.place, best.country
    return None, None


def anaphoric_place(sentence: str, folded: str, rules: MechanismRules) -> tuple[str | None, str | None]:
    """The province a trigger sentence names first and then holds its meeting in by its country
    alone (`place_anaphor_cues`, group party: "A's province and B's province held talks at the
    Cambodian province", "... signed the minutes in the Central Highlands locality of Vietnam"): the last
    province or city of that country named before the cue. (None, None) otherwise.

    >>> rules = load_mechanisms()
    >>> s = "Tay Ninh province and Svay Rieng province held talks at the Cambodian province on May 3."
    >>> anaphoric_place(s, fold(s), rules)
    ('Svay Rieng', 'KH')
    >>> s = "Tay Ninh and Svay Rieng held talks in the Cambodian province of Kampot on May 3."
    >>> anaphoric_place(s, fold(s), rules)
    (None, None)
    """
    from defcoop.extract.places import find_countries, find_places

    if rules.place_anaphor is None:
        return None, None
    cue = rules.place_anaphor.search(folded)
    if cue is None or cue.groupdict().get("party") is None:
        return None, None
    party = sentence[cue.start("party"):cue.end("party")] if len(folded) == len(sentence) else cue.group("party")
    named = {iso2 for iso2, *_ in find_countries(party)}
    if len(named) != 1:
        return None, None
    before = [p for p in find_places(sentence, folded) if p.end <= cue.start() and p.country in named
              and p.kind not in _POINT_PLACES]
    return (before[-1].place, before[-1].country) if before else (None, None)


def find_host_country(sentences: list[str], folded: list[str] | None = None,
                      rules: MechanismRules | None = None) -> str | None:
    """Country of a meeting placed only at country level ("held in Cambodia").

    A country in a relative clause (`relative_clause_cues` in mechanisms.yaml) that does not
    itself say held or took place (`held_verbs` in meetings.yaml) is no host: "held a ceremony
    for soldiers who died in Cambodia".

    >>> find_host_country(["Long An held a ceremony for soldiers who died in Cambodia."]) is None
    True
    >>> find_host_country(["The talks, which were held in Cambodia, ended."])
    'KH'
    """
    from defcoop.extract.places import find_countries

    rules = rules or load_mechanisms()
    cues = meeting_cues()
    for sentence, folded_sentence in zip(sentences, _folded(sentences, folded)):
        if not cues.held_verbs.search(folded_sentence):
            continue
        for iso2, start, _end, _written in find_countries(sentence, folded_sentence):
            if cues.country_cue.search(folded_sentence[:start]) \
                    and not _in_relative_clause(folded_sentence[:start], rules, cues.held_verbs):
                return iso2
    return None


def _in_relative_clause(before: str, rules: MechanismRules, held: re.Pattern, named: list[int] = (),
                        cue: re.Pattern | None = None) -> bool:
    """Whether the text ends inside a relative clause that says nothing of holding the meeting
    (`held`: the `held_verbs` of meetings.yaml). A clause names one place, where the soldiers fell:
    with `named` (ends of the sentence's places and countries) and the place `cue`, a place cued
    anew after the clause has named its own is the main clause's.

    >>> held = meeting_cues().held_verbs
    >>> _in_relative_clause("soldiers who died in ", load_mechanisms(), held)
    True
    >>> _in_relative_clause("the talks, which were held in ", load_mechanisms(), held)
    False
    >>> _in_relative_clause("soldiers who died in Laos, received at ", load_mechanisms(), held, [25],
    ...                     re.compile("at $"))
    False
    """
    if rules.relative_clause is None:
        return False
    cues = list(rules.relative_clause.finditer(before))
    if cues and cue is not None and any(cues[-1].end() <= end <= len(before) and cue.search(before[end:])
                                        for end in named):
        return False
    return bool(cues) and not held.search(before, cues[-1].end())


def choose_lead(mentions: list, country: str, trigger_index: int, officials,
                sentences: list[str] | None = None, day: date | None = None) -> object | None:
    """The person who led `country`'s side: named in the trigger sentence first, then just after.

    Within a sentence the higher-ranked official leads (a president receiving a minister), ranked by
    the terms that cover `day` (the page's date) when officials.csv has any: an official who only later
    became head of state does not outrank the defence minister of the day;
    with nobody near the trigger, the article's first mention of that country's officials
    that is not a possessive (`sentences`: the article's, to tell). A trigger that names nobody
    of the country and receives "the delegation" the sentence before introduced (`_delegation_leader`)
    is led by whom that sentence names as leading a delegation.
    """
    from defcoop.extract.people import rank_of

    of_country = [m for m in mentions if m.country == country]
    other_event_actor = load_mechanisms().other_event_actor
    if other_event_actor is not None and sentences is not None:
        # "the upgrades, which Prime Minister A inaugurated on April 5": A acted in another event
        of_country = [m for m in of_country
                      if not other_event_actor.search(fold(sentences[m.sentence_index][:m.start]))]
    if not of_country:
        return None
    leader = _delegation_leader(of_country, trigger_index, sentences)
    if leader is not None:
        return leader

    def best_rank(mention) -> int:
        roles = officials.roles_of(mention.person) if mention.matched != "title" else []
        if day is not None and any(r.covers(day) for r in roles):
            roles = [r for r in roles if r.covers(day)]
        return min((rank_of(r.role) for r in roles), default=99)

    near = [m for m in of_country if trigger_index <= m.sentence_index <= trigger_index + WINDOW_AFTER_TRIGGER]
    if not near:
        # a possessive names no actor: "the 45th anniversary of Hun Sen's path" led nothing
        possessive = meeting_cues().possessive_ending
        actors = [m for m in of_country
                  if sentences is None or not possessive.match(sentences[m.sentence_index], m.end)]
        return min(actors, key=lambda m: (m.sentence_index, m.start)) if actors else None
    return min(near, key=lambda m: (m.sentence_index != trigger_index, best_rank(m), m.sentence_index, m.start))


def _delegation_leader(of_country: list, trigger_index: int, sentences: list[str] | None):
    """Who the sentence before the trigger names as leading a delegation (`delegation_leader_cues`
    of mechanisms.yaml, "a delegation ... led by Major General A"), when the trigger sentence
    names nobody of that country (`of_country`: one country's mentions) and receives "the
    delegation" (`delegation_actor` of meetings.yaml): that delegation's leader leads the side,
    whoever of the hosts speaks after the trigger. None otherwise.

    >>> from defcoop.extract.people import PersonMention
    >>> sentences = ["A delegation led by Major General Do Van Ba visited the command.",
    ...              "Receiving the delegation were officers of the command.", "Colonel Le Van Hai spoke."]
    >>> ba = PersonMention("Do Van Ba", "Do Van Ba", "VN", "", 0, 34, 43, "title")
    >>> hai = PersonMention("Le Van Hai", "Le Van Hai", "VN", "", 2, 8, 18, "title")
    >>> _delegation_leader([ba, hai], 1, sentences).person
    'Do Van Ba'
    >>> _delegation_leader([ba, hai], 2, sentences) is None
    True
    """
    rules = load_mechanisms()
    if (sentences is None or trigger_index == 0 or rules.delegation_leader is None
            or any(m.sentence_index == trigger_index for m in of_country)
            or not meeting_cues().delegation_actor.search(fold(sentences[trigger_index]))):
        return None
    before = sentences[trigger_index - 1]
    leaders = [m for m in of_country if m.sentence_index == trigger_index - 1
               and rules.delegation_leader.search(fold(before[:m.start]))]
    return min(leaders, key=lambda m: m.start) if leaders else None


def has_defence_lead(leads: list, officials, rules: MechanismRules) -> bool:
    """Whether a meeting between these leads can be a defence meeting: some lead holds or held
    a defence post (`defence_roles` in mechanisms.yaml), or some lead's office is unknown. The
    public security minister's talks with Cambodia's interior minister, and the prime minister
    receiving the latter, are not.

    >>> from defcoop.extract.people import PersonMention, load_officials
    >>> to_lam = PersonMention("To Lam", "To Lam", "VN", "", 0, 0, 6, "alias")
    >>> interior = PersonMention("Sar Kheng", "Sar Kheng", "KH", "deputy_prime_minister", 0, 20, 29, "title")
    >>> has_defence_lead([to_lam, interior], load_officials(), load_mechanisms())
    False
    """
    present = [m for m in leads if m is not None]
    if len(present) < 2 or not rules.defence_roles:
        return True
    for mention in present:
        roles = [r.role for r in officials.roles_of(mention.person)] if mention.matched != "title" else \
            ([mention.role] if mention.role else [])
        if not roles or set(roles) & rules.defence_roles:
            return True
    return False


def names_defence_official(mentions: list, index: int, officials, rules: MechanismRules) -> bool:
    """Whether the trigger sentence `index` names someone who holds or held a defence post (`defence_roles`),
    lead or not: a delegation calling on the prime minister and the defence minister in one sentence ("called
    on Prime Minister A and Defence Minister B") is a defence meeting whoever of them leads the other side.

    >>> from defcoop.extract.people import PersonMention, load_officials
    >>> banh = PersonMention("Tea Banh", "Tea Banh", "KH", "", 0, 30, 38, "alias")
    >>> names_defence_official([banh], 0, load_officials(), load_mechanisms())
    True
    >>> names_defence_official([banh], 1, load_officials(), load_mechanisms())
    False
    """
    for mention in mentions:
        if mention.sentence_index != index:
            continue
        roles = [r.role for r in officials.roles_of(mention.person)] if mention.matched != "title" else \
            ([mention.role] if mention.role else [])
        if set(roles) & rules.defence_roles:
            return True
    return False


def defence_official_attends(window_folded: list[str], rules: MechanismRules) -> bool:
    """Whether a joint event's trigger sentence or the two after it name a defence official who attends
    (`defence_attendee_cues`: a defence attache), whoever leads the sides: a monument inaugurated by an
    ambassador and a deputy prime minister with the military attache present is the two armies' event too.

    >>> defence_official_attends(["the vietnamese military attache, colonel a, also attended."], load_mechanisms())
    True
    >>> defence_official_attends(["the ambassador attended."], load_mechanisms())
    False
    """
    return rules.defence_attendee is not None and any(rules.defence_attendee.search(f) for f in window_folded)


def heads_only_meeting(leads: list, sentences: list[str], index: int, published: date | None, officials,
                       rules: MechanismRules) -> bool:
    """Whether both leads were heads of state, government, party or legislature (rank up to
    `courtesy_call_max_rank`) on the day the trigger sentence `index` and the two after it date
    the meeting: two prime ministers' talks are diplomacy, not a defence meeting, even when one
    of them led the army before (Hun Manet until August 2023). Undated, or a lead without such a
    post: False.

    >>> from defcoop.extract.people import load_officials
    >>> officials = load_officials()
    >>> sentences = ["Prime Minister Hun Manet met Prime Minister Pham Minh Chinh on Monday."]
    >>> leads = sorted(officials.find_people(sentences), key=lambda m: m.country)
    >>> heads_only_meeting(leads, sentences, 0, date(2023, 12, 12), officials, load_mechanisms())
    True
    >>> heads_only_meeting(leads, sentences, 0, date(2023, 6, 13), officials, load_mechanisms())
    False
    """
    from defcoop.extract.dates import resolve_meeting_date
    from defcoop.extract.people import rank_of

    present = [m for m in leads if m is not None]
    if len(present) < 2 or any(m.matched == "title" for m in present):
        return False
    heads = rules.courtesy_call_max_rank
    if not all(any(rank_of(term.role) <= heads for term in officials.roles_of(m.person)) for m in present):
        return False
    resolved = resolve_meeting_date(sentences[index:index + WINDOW_AFTER_TRIGGER + 1], published,
                                    lead_term_windows(present, sentences, officials))
    if resolved.precision == "unknown" or resolved.date_start is None:
        return False
    return all(all(rank_of(role) <= heads for role in _roles_held(officials, m.person, resolved.date_start))
               for m in present)


def _roles_held(officials, person: str, when: date | None, written: str | None = None,
                until: date | None = None) -> list[str]:
    """The roles `person` held on `when` (with `until`: at some time from `when` to `until`, an
    undated meeting's bounds). When there is no date, or officials.csv has no term of
    theirs covering it (a post the table does not list): the role the article writes next to
    their name (`written`, see `written_roles`), else every role they ever held."""
    terms = officials.roles_of(person)
    if until is None:
        held = [term.role for term in terms if when is not None and term.covers(when)]
    else:
        held = [term.role for term in terms if when is not None
                and (term.term_start is None or term.term_start <= until)
                and (term.term_end is None or when <= term.term_end)]
    if written in held:
        return [written]     # terms overlapping the meeting's bounds: the one the article writes
    return held or ([written] if written else [term.role for term in terms])


def written_roles(leads: list, mentions: list, sentences: list[str], officials) -> dict[str, str]:
    """Each lead's role as the article writes it next to one of their names, listed in
    officials.csv for them or not: the title at the lead's own mention first, then at their
    other mentions in reading order ("the delegation, headed by Commander of Military Region 9
    Major General A, ... At a meeting with B, A said"). Leads found by a title are left out
    (their role is that title's already).

    >>> from defcoop.extract.people import load_officials
    >>> officials = load_officials()
    >>> sentences = ["The delegation was led by Commander of Military Region 7 Nguyen Truong Thang.",
    ...              "At a meeting with Chay Saingyun, Thang thanked Cambodia."]
    >>> mentions = officials.find_people(sentences)
    >>> written_roles([m for m in mentions if m.sentence_index == 1], mentions, sentences, officials)
    {'Nguyen Truong Thang': 'service_commander'}
    """
    found = {}
    for lead in leads:
        if lead is None or lead.matched == "title":
            continue
        own = sorted((m for m in mentions if m.person == lead.person),
                     key=lambda m: (m != lead, m.sentence_index, m.start))
        for mention in own:
            role = officials.written_role(sentences[mention.sentence_index], mention, held_only=False)
            if role:
                found[lead.person] = role
                break
        else:
            role = _role_referred_to(lead, mentions, sentences, officials)
            if role:
                found[lead.person] = role
    return found


def _role_referred_to(lead, mentions: list, sentences: list[str], officials) -> str | None:
    """The role of a lead whose name carries no title, from a sentence that refers to them by that
    title alone, after their country (`role_reference_cues`: "The Vietnamese deputy defence minister
    also praised ..."): a role officials.csv lists for them, which no other person of their country
    named in the article holds. None otherwise.

    >>> from defcoop.extract.people import load_officials
    >>> officials = load_officials()
    >>> sentences = ["Senior Lieutenant General Hoang Xuan Chien received General Sao Sokha.",
    ...              "The Vietnamese deputy defence minister praised their cooperation."]
    >>> mentions = officials.find_people(sentences)
    >>> _role_referred_to(mentions[0], mentions, sentences, officials)
    'deputy_defence_minister'
    """
    from defcoop.extract.places import find_countries

    rules = load_mechanisms()
    if rules.role_reference is None or not lead.country:
        return None
    held = {term.role for term in officials.roles_of(lead.person)}
    others = {person for person in {m.person for m in mentions if m.country == lead.country} - {lead.person}}
    for index, sentence in enumerate(sentences):
        for hit in officials.titles_in(sentence):
            if hit.value not in held or any(hit.value in {t.role for t in officials.roles_of(person)}
                                            for person in others):
                continue
            if any(m.sentence_index == index and 0 <= m.start - hit.end <= 3 for m in mentions):
                continue      # a title before a name: that person's, read by `written_role`
            before = sentence[:hit.start]
            folded = fold(before)
            cue = rules.role_reference.search(folded)
            if cue is None or cue.groupdict().get("party") is None:
                continue
            # the party as written (country names are found case-sensitively), when folding kept the length
            party = before[cue.start("party"):cue.end("party")] if len(folded) == len(before) else cue.group("party")
            if {iso2 for iso2, *_ in find_countries(party)} == {lead.country}:
                return hit.value
    return None


def refine_mechanism(mechanism: str, leads: list, officials, rules: MechanismRules, context: str = "",
                     when: date | None = None, written: dict[str, str] | None = None,
                     until: date | None = None, titles: dict[str, str] | None = None,
                     trigger: str = "") -> str:
    """Turn a generic "talks"/"meeting" into courtesy call, border-force talks or ministerial talks.

    A head of state, government, party or legislature on either side makes a courtesy call.
    Border-force talks: every lead is a known border-force or regional commander, or the leads
    are people outside officials.csv (or such commanders) and `context` (the trigger and the
    sentences after it) names border guards, military regions or the gendarmerie. Talks
    between two leads of whom one is no minister or deputy minister (a commander-in-chief
    meeting a chief of the general staff, an ambassador handing over aid) are `other`:
    ministerial talks are the ministers'. Talks whose leads go unnamed, and `other` events
    (ceremonies, drills), are border-force talks at border-force level, else `other`. Known
    leads' roles are those they held on `when` (Hun Manet led the army before he was prime
    minister); with no date, any they ever held, unless the article writes their role next to
    their name (`written`, person -> role: `written_roles`); with `until`, any they held between
    `when` and `until` (an undated meeting within the leads' terms). A lead whose title the
    article writes (`titles`, person -> text: `written_titles`) names a research or teaching body
    (`non_border_force_titles`) makes no event border-force talks by its context. An `other` event
    whose `trigger` sentence names one of `own_kind_events` (a joint patrol) stays `other` whatever
    forces hold it: GOLD.md files joint patrols by their kind, not their level. Context that names a
    provincial unit of a province on no border between the two countries (`inland_units`: a Cambodian
    military sub-region of Siem Reap visiting a Vietnamese provincial command) makes no event
    border-force talks: those units guard no shared border; nor does context that names the armies of
    three countries as those who met (`three_armies`: a trilateral conference chaired by a third
    country's officer is no talks between two sides' border forces). Generic talks with one side unnamed
    whose `trigger` names that side only as a body below ministers (`sub_ministerial_guests`: a delegation
    of a military attache's office or of an embassy) are `other`: no minister met the other side's.
    """
    from defcoop.extract.people import rank_of

    present = [m for m in leads if m is not None]
    if mechanism == "other" and rules.own_kind_events is not None and rules.own_kind_events.search(fold(trigger)):
        return "other"
    inland = any(cue is not None and cue.search(fold(context)) is not None
                 for cue in (rules.inland_units, rules.three_armies))
    if mechanism == "other" or (not present and not rules.is_specific(mechanism)):
        return "border_force_talks" if not inland and _border_force_event(leads, officials, rules, context, when,
                                                                          written, until, titles) else "other"
    written = written or {}
    if rules.is_specific(mechanism):
        if mechanism == "courtesy_call" and (_outranked_call(present, officials, rules, when, written, until)
                                             or _civilian_call(present, officials, rules, when, written, until)):
            return "other"
        return mechanism
    roles = [_roles_held(officials, m.person, when, written.get(m.person), until)
             for m in present if m.matched != "title"]
    if any(min((rank_of(r) for r in person_roles), default=99) <= rules.courtesy_call_max_rank
           for person_roles in roles):
        return "courtesy_call"
    if roles and len(roles) == len(present) and all(set(person_roles) & rules.border_force_roles
                                                    for person_roles in roles):
        return "border_force_talks"
    titled = [m for m in present if m.matched == "title"]
    if (titled and rules.border_force_context is not None
            and all(set(person_roles) & rules.border_force_roles for person_roles in roles)
            and all(not m.role or m.role in rules.border_force_roles for m in titled)
            and rules.border_force_context.search(fold(context)) and not inland
            and not _leads_no_border_force(present, titles, rules)):
        return "border_force_talks"
    ranks = [min((rank_of(r) for r in person_roles), default=99) for person_roles in roles]
    ranks += [rank_of(m.role) for m in titled]
    if max(ranks) > rules.ministerial_max_rank:
        return "other"
    if len(present) < len(leads) and rules.sub_ministerial_guests is not None \
            and rules.sub_ministerial_guests.search(fold(trigger)):
        return "other"      # the unnamed side is a body below ministers: no ministers' talks
    return mechanism


def _outranked_call(present: list, officials, rules: MechanismRules, when: date | None, written: dict[str, str],
                    until: date | None) -> bool:
    """A meeting the article calls a courtesy call whose known leads all rank below
    `named_courtesy_call_max_rank` (young officers calling on an army commander): no head of
    state, government or minister received them."""
    from defcoop.extract.people import rank_of

    ranks = [min((rank_of(r) for r in _roles_held(officials, m.person, when, written.get(m.person), until)), default=99)
             for m in present if m.matched != "title"]
    ranks += [rank_of(m.role) for m in present if m.matched == "title" and m.role]
    return bool(ranks) and min(ranks) > rules.named_courtesy_call_max_rank


def _trilateral_partner_named(mentions: list, start: int, end: int, officials, rules: MechanismRules,
                              when: date | None) -> bool:
    """Whether sentences start..end-1 name a person of the trilateral meeting's third country
    (`trilateral_partner_countries`) who holds one of `trilateral_partner_roles` (its defence
    minister) on `when`: the meeting of the two defence ministers is then the three ministers'.

    >>> from defcoop.extract.people import PersonMention, load_officials
    >>> lao = PersonMention("Khamliang Outhakaysone", "Khamliang Outhakaysone", "LA", "", 1, 0, 10, "alias")
    >>> rules = replace(load_mechanisms(), trilateral_partner_countries=frozenset({"LA"}),
    ...                 trilateral_partner_roles=frozenset({"defence_minister"}))
    >>> _trilateral_partner_named([lao], 0, 3, load_officials(), rules, date(2025, 10, 15))
    True
    >>> _trilateral_partner_named([lao], 2, 4, load_officials(), rules, date(2025, 10, 15))
    False
    """
    if not rules.trilateral_partner_countries:
        return False
    return any(start <= m.sentence_index < end and m.country in rules.trilateral_partner_countries
               and m.matched != "title"
               and set(_roles_held(officials, m.person, when)) & rules.trilateral_partner_roles
               for m in mentions)


def _civilian_call(present: list, officials, rules: MechanismRules, when: date | None, written: dict[str, str],
                   until: date | None) -> bool:
    """A meeting the article calls a courtesy call that no head of state, government, party or
    legislature received (rank above `courtesy_call_max_rank`), made by a lead who holds only
    `civilian_caller_roles` (an ambassador calling on the defence minister): no defence
    delegation calling on a head (GOLD.md), so `other`.

    >>> from defcoop.extract.people import PersonMention, load_officials
    >>> envoy = PersonMention("Tran Van A", "Tran Van A", "VN", "other_official", 0, 0, 10, "title")
    >>> minister = PersonMention("Tea Seiha", "Tea Seiha", "KH", "", 0, 20, 29, "alias")
    >>> _civilian_call([envoy, minister], load_officials(), load_mechanisms(), date(2025, 3, 18), {}, None)
    True
    """
    if not rules.civilian_caller_roles:
        return False
    from defcoop.extract.people import rank_of

    held = [_roles_held(officials, m.person, when, written.get(m.person), until) if m.matched != "title"
            else [m.role] for m in present]
    if any(rank_of(r) <= rules.courtesy_call_max_rank for roles in held for r in roles if r):
        return False
    return any(roles and all(r in rules.civilian_caller_roles for r in roles) for roles in held)


def _level_context(sentences: list[str], window: list[str], leads: list) -> str:
    """The text that tells a meeting's level (`refine_mechanism`'s context): the trigger and the
    sentences after it, or the whole article when no lead of either side is named, since then the
    units the article names are the only sign of who met ("Leaders of the two sides sign the
    minutes" under a story about two provinces' border guards).

    >>> _level_context(["The border guards of A and B met.", "They sign the minutes."], ["They sign the minutes."], [None, None])
    'The border guards of A and B met. They sign the minutes.'
    >>> _level_context(["The border guards of A and B met.", "They sign the minutes."], ["They sign the minutes."], ["x", None])
    'They sign the minutes.'
    """
    return " ".join(sentences if all(lead is None for lead in leads) else window)


def _leads_no_border_force(leads: list, titles: dict[str, str] | None, rules: MechanismRules) -> bool:
    """Some lead's written title names a body that is no border force (`non_border_force_titles`:
    an institute, an academy, a library)."""
    if rules.non_border_force_titles is None or not titles:
        return False
    return any(rules.non_border_force_titles.search(fold(titles.get(m.person, ""))) for m in leads if m is not None)


def _border_force_event(leads: list, officials, rules: MechanismRules, context: str, when: date | None,
                        written: dict[str, str] | None = None, until: date | None = None,
                        titles: dict[str, str] | None = None) -> bool:
    """Whether a ceremony, handover or drill (`other`) is one of border forces: the trigger and
    the sentences after it name border guards, military regions or the gendarmerie, and no lead
    is a defence minister or above ("the Svay Rieng gendarmerie handed test kits to the Moc Bai
    border station"). GOLD.md files such events by their level, as border-force talks."""
    from defcoop.extract.people import rank_of

    if rules.border_force_context is None or not rules.border_force_context.search(fold(context)) \
            or _leads_no_border_force(leads, titles, rules):
        return False
    for lead in (m for m in leads if m is not None):
        roles = _roles_held(officials, lead.person, when, (written or {}).get(lead.person), until) \
            if lead.matched != "title" else [lead.role]
        if min((rank_of(r) for r in roles if r), default=99) <= rules.ministerial_max_rank \
                and not set(roles) & rules.border_force_roles:
            return False      # undated, a regional commander later made a deputy minister still leads a border force
    return True


def infer_countries(mentions: list, sentences: list[str], rules: MechanismRules | None = None) -> list:
    """Give a country to people outside officials.csv whose title did not name one.

    The country comes from a place or country in the title before the name ("Vice Chairman
    of the Tay Ninh provincial People's Committee Nguyen Hong Thanh"), else from the
    appositive after it ("Bun Seng, Commander of Cambodian Military Region 3"), else from a
    title only one country uses ("Nem Sowath, Secretary of State at the Ministry of National
    Defence": `title_countries` in mechanisms.yaml), else from a surname only one country's
    people carry (`surname_countries`), else from the party the person acts towards right after the
    name ("Colonel A (right) greets the Cambodian guests": `addressed_party_cues`, the other party).

    >>> from defcoop.extract.people import PersonMention
    >>> m = PersonMention("Chan Kosal", "Chan Kosal", "", "", 0, 39, 49, "title")
    >>> infer_countries([m], ["Deputy Governor of Svay Rieng province Chan Kosal spoke."])[0].country
    'KH'
    """
    from dataclasses import replace

    from defcoop.extract.people import name_cues
    from defcoop.extract.places import find_countries, find_places

    rules = rules or load_mechanisms()
    cues = meeting_cues()
    appositive_end = name_cues().appositive_end
    result = []
    for mention in mentions:
        if mention.country or mention.matched != "title" or mention.sentence_index >= len(sentences):
            result.append(mention)
            continue
        sentence = sentences[mention.sentence_index]
        before, after = _title_around(mention, sentence, cues, appositive_end)
        country = (_country_named(before, find_places, find_countries, last=True, posted=rules.posting_country)
                   or _country_named(after, find_places, find_countries, last=False, posted=rules.posting_country)
                   or _country_of_title(before + " " + after, rules)
                   or _country_of_surname(mention.person, rules)
                   or _facing_party(sentence[mention.end:], rules, find_countries)
                   or _the_other_party(mention.person, sentence, find_places, find_countries))
        if country:
            mention = replace(mention, country=country)
            near = _near_surname(fold(mention.person).split()[0], rules) if len(mention.person.split()) > 1 else None
            if near is not None and near[0] == country:
                # "Col Ngyen Anh Dung": the person is Nguyen Anh Dung, as written stays
                mention = replace(mention, person=" ".join([near[1].capitalize(), *mention.person.split()[1:]]))
        result.append(mention)
    return result


def _title_around(mention, sentence: str, cues: MeetingCues, appositive_end: re.Pattern) -> tuple[str, str]:
    """The title written before a mentioned name (`_title_chain`) and the appositive title after
    it ("Bun Seng, Commander of Cambodian Military Region 3, said"), as written."""
    from defcoop.extract.people import name_cues

    dash = name_cues().title_name_dash
    starts = list(cues.title_clause_start.finditer(sentence, 0, mention.start))
    last = starts[-1] if starts else None
    if last is not None and last.end() == mention.start and dash.search(last.group()):
        # "Phó Chủ tịch UBND tỉnh - Trần Văn A": the title before the dash is the name's
        begin = starts[-2].end() if len(starts) > 1 else 0
        before = _title_chain(sentence[begin:last.start()], cues.title_words)
    else:
        before = _title_chain(sentence[last.end() if last else 0: mention.start], cues.title_words)
    after = ""
    opening = cues.appositive_start.match(sentence, mention.end)
    rest_start = opening.end() if opening else _glued_appositive_start(sentence, mention.end)
    if rest_start is not None:
        rest = sentence[rest_start:]
        end = appositive_end.search(rest, 1)
        after = rest[: end.start() if end else len(rest)]
        if end and dash.search(end.group()) and rest[end.end():end.end() + 1].isupper():
            after = ""   # "A, Phó Tỉnh trưởng Svay Rieng - B": that title is B's
    return before, after


def _glued_appositive_start(sentence: str, end: int) -> int | None:
    """Where the title starts that a name ending at `end` is glued to by a dash, as Vietnamese
    reports list officials ("Lê Văn A-Phó Bí thư Tỉnh ủy": people.yaml `name_before_title_gap`,
    which the people reader read the name by), or None.

    >>> from defcoop.rules import rules_language
    >>> with rules_language("vi"):
    ...     _glued_appositive_start("Lê Văn An-Phó Chủ tịch UBND tỉnh", 9), _glued_appositive_start("Việt Nam-Campuchia", 8)
    (10, None)
    """
    from defcoop.extract.people import load_officials, name_cues

    gap = name_cues().name_before_title_gap
    window = sentence[end:end + 80]
    return next((end + title.start for title in load_officials().titles_in(window)
                 if 0 < title.start <= 3 and gap.fullmatch(window, 0, title.start)), None)


def written_titles(leads: list, mentions: list, sentences: list[str]) -> dict[str, str]:
    """Each lead's titles as the article writes them at any of their mentions, before the name or
    in an appositive after it, joined (person -> text).

    >>> from defcoop.extract.people import PersonMention
    >>> sentences = ["Colonel Kim Sok, Head of the Military Library, arrived.", "Kim Sok spoke."]
    >>> sok = PersonMention("Kim Sok", "Kim Sok", "KH", "", 0, 8, 15, "title")
    >>> written_titles([sok], [sok], sentences)
    {'Kim Sok': 'Colonel Head of the Military Library'}
    """
    from defcoop.extract.people import name_cues

    cues, appositive_end = meeting_cues(), name_cues().appositive_end
    people = {lead.person for lead in leads if lead is not None}
    found: dict[str, list[str]] = {}
    for mention in mentions:
        if mention.person in people and mention.sentence_index < len(sentences):
            found.setdefault(mention.person, []).extend(
                _title_around(mention, sentences[mention.sentence_index], cues, appositive_end))
    return {person: " ".join(part.strip() for part in parts) for person, parts in found.items()}


def _title_chain(text: str, title_words: frozenset) -> str:
    """The words just before a name that can belong to its title: capitalised words, numbers,
    organisation words, connectors and `title_words` (meetings.yaml) ("Vice Chairman of the Tay
    Ninh provincial People's Committee"); a verb or other lowercase word ends it ("... welcomed Col.").

    >>> _title_chain("The delegation welcomed Vice Chairman of the Tay Ninh provincial People's Committee ",
    ...              meeting_cues().title_words)
    "Vice Chairman of the Tay Ninh provincial People's Committee "
    """
    from defcoop.extract.people import name_cues

    names = name_cues()
    tokens = list(re.finditer(r"[\w'’.-]+", text))
    start = len(text)
    for token in reversed(tokens):
        word = token.group()
        folded = fold(word).rstrip(".")
        if word[:1].isupper() or word[:1].isdigit() or folded in names.organisation_words \
                or folded in names.connectors or folded in title_words:
            start = token.start()
        else:
            break
    return text[start:]


def _country_named(text: str, find_places, find_countries, last: bool, posted: re.Pattern | None = None) -> str | None:
    """The country of the last (or first) place or country named in a title; not one the title posts the
    person to (`posted`, `posting_country_cues`: "Vietnamese military attache to Cambodia" is Vietnamese).

    >>> from defcoop.extract.places import find_countries, find_places
    >>> rules = load_mechanisms()
    >>> _country_named("Vietnamese defence attache to Cambodia ", find_places, find_countries, True, rules.posting_country)
    'VN'
    """
    if not text.strip():
        return None
    hits = [(p.start, p.country) for p in find_places(text)]
    hits += [(start, iso2) for iso2, start, _end, _written in find_countries(text)]
    if posted is not None:
        hits = [(start, iso2) for start, iso2 in hits if not posted.search(fold(text[:start]))]
    if not hits:
        return None
    return (max(hits) if last else min(hits))[1]


def _country_of_title(title: str, rules: MechanismRules) -> str | None:
    """The one country whose officials carry a title or honorific named in `title`."""
    folded = fold(title)
    found = {iso2 for iso2, pattern in rules.title_countries if pattern.search(folded)}
    return found.pop() if len(found) == 1 else None


def _facing_party(after: str, rules: MechanismRules, find_countries) -> str | None:
    """The party other than the one a person acts towards in the words right after the name
    (`addressed_party_cues`, group party: "greets the Cambodian guests" -> VN).

    >>> from defcoop.extract.places import find_countries
    >>> _facing_party(" (right) greets the Cambodian guests.", load_mechanisms(), find_countries)
    'VN'
    >>> _facing_party(", head of the Cambodian side, spoke.", load_mechanisms(), find_countries) is None
    True
    """
    if rules.addressed_party is None:
        return None
    folded = fold(after)
    match = rules.addressed_party.search(folded)
    if match is None or match.groupdict().get("party") is None:
        return None
    party = after[match.start("party"):match.end("party")] if len(folded) == len(after) else match.group("party")
    named = {iso2 for iso2, *_ in find_countries(party)}
    if len(named) != 1 or not named <= PARTY_COUNTRIES:
        return None
    (other,) = PARTY_COUNTRIES - named
    return other


def _the_other_party(name: str, sentence: str, find_places, find_countries) -> str | None:
    """Cambodian, for a titled person whose name is not Vietnamese (`_country_of_surname` found
    no Vietnamese family name) in a sentence that names no third country: in these articles the
    other party is Cambodia ("Lieutenant General Moeun Samon ... of Prey Veng province").

    >>> from defcoop.extract.places import find_countries, find_places
    >>> _the_other_party("Moeun Samon", "Lt. Gen. Moeun Samon thanked Dong Thap.", find_places, find_countries)
    'KH'
    >>> _the_other_party("Khamliang Outhakaysone", "Khamliang Outhakaysone of Laos spoke.", find_places, find_countries)
    """
    if len(name.split()) < 2:
        return None
    named = {p.country for p in find_places(sentence)} | {iso2 for iso2, *_ in find_countries(sentence)}
    return "KH" if named <= PARTY_COUNTRIES else None


def _country_of_surname(name: str, rules: MechanismRules) -> str | None:
    """The country whose people alone carry the name's surname (`surname_countries`), also when the surname
    of five letters or more is written one letter off, as English pages misspell it ("Col Ngyen Anh Dung").

    >>> _country_of_surname("Ngyen Van Ba", load_mechanisms()), _country_of_surname("Ngy Van Ba", load_mechanisms())
    ('VN', None)
    """
    from defcoop.extract.people import _one_letter_apart

    words = fold(name).split()
    if len(words) < 2:
        return None
    if rules.foreign_name_word is not None and any(rules.foreign_name_word.fullmatch(w) for w in words[1:]):
        return None   # "Ly Sovann": a surname Vietnamese also carry, before a given name no Vietnamese has
    found = next((iso2 for iso2, surnames in rules.surname_countries if words[0] in surnames), None)
    if found is None:
        near = _near_surname(words[0], rules)
        found = near[0] if near else None
    return found


def _near_surname(word: str, rules: MechanismRules) -> tuple[str, str] | None:
    """(country, surname) of the one `surname_countries` surname of five letters or more that the folded
    `word` (not itself a listed surname) is one letter off from; None when none or several are.

    >>> _near_surname("ngyen", load_mechanisms())
    ('VN', 'nguyen')
    """
    from defcoop.extract.people import _one_letter_apart

    if len(word) < 5 or any(word in surnames for _iso2, surnames in rules.surname_countries):
        return None
    near = {(iso2, surname) for iso2, surnames in rules.surname_countries
            for surname in surnames if len(surname) >= 5 and _one_letter_apart(word, surname)}
    return near.pop() if len(near) == 1 else None


def place_from_dateline(sentences_folded: list[str], dateline: str | None) -> tuple[str | None, str | None]:
    """The dateline's place, when the meeting sentences place the meeting "here" (agency style:
    "VIENTIANE, Nov. 20 -- ... met here on Wednesday").

    >>> place_from_dateline(["the ministers met here on wednesday."], "Vientiane")
    ('Vientiane', 'LA')
    >>> place_from_dateline(["the ministers met on wednesday."], "Vientiane")
    (None, None)
    """
    from defcoop.extract.places import find_places

    here = meeting_cues().here_cue
    if not dateline or not any(here.search(f) for f in sentences_folded):
        return None, None
    found = find_places(dateline)
    return (found[0].place, found[0].country) if found else (None, None)


def _dateline_place(dateline: str | None, country: str | None) -> tuple[str | None, str | None]:
    """The dateline's place for a meeting the text places nowhere else, unless it is in another
    country than the one the text names: agency copy is filed where the event was.

    >>> _dateline_place("Phnom Penh", None), _dateline_place("Phnom Penh", "VN")
    (('Phnom Penh', 'KH'), (None, 'VN'))
    """
    from defcoop.extract.places import find_places

    found = find_places(dateline) if dateline else []
    if not found or (country is not None and found[0].country != country):
        return None, country
    return found[0].place, found[0].country


def extract_meetings(article_id: str, sentences: list[str], published: date | None, mentions: list,
                     officials, folded: list[str] | None = None,
                     dateline: str | None = None, dateline_text: str | None = None,
                     countries: list[list] | None = None, page_windows: list | None = None,
                     captions: list[str] | None = None, headline: str | None = None,
                     url: str | None = None) -> list[MeetingCandidate]:
    """The meetings this article reports as news, read from its sentences: the first one it
    names, then other meetings of the same visit (`_further_meetings`); with none in its body, the
    reception its `url`'s slug reports (`url_triggers`).

    `folded` is the sentences folded, when the caller has them: every rule here reads folded
    text, and folding each sentence once per article instead of once per rule saves time.
    `dateline` is the article's dateline place, used when the meeting took place "here";
    `dateline_text` the dateline as written ("Vientiane, November 20 (AKP) -- "), whose date
    is the meeting's when the trigger says it happened "today" or "this afternoon";
    `countries` the country hits of each sentence (``find_countries``, places' countries
    added by `extract_article`), when the caller has them;
    `page_windows` date windows the page itself gives (a URL naming only the month);
    `captions` what the removed photo captions show (`clean.caption_text`): a caption naming
    both leads dates and places the meeting when its own sentences do not;
    `headline` the article's title, whose opening province places a meeting placed nowhere else
    (`_headline_place`).
    """
    from defcoop.extract.dates import (find_date_mentions, page_month_date, page_month_relative_date,
                                       resolve_meeting_date, year_windows_from_text)

    rules, cues = load_mechanisms(), meeting_cues()
    folded = _folded(sentences, folded)
    mentions = [m for m in infer_countries(mentions, sentences, rules) if not named_only_as_leader(m, sentences, rules)]
    if countries is None:
        from defcoop.extract.places import find_countries

        countries = [find_countries(sentence, f) for sentence, f in zip(sentences, folded)]
    for index, mechanism in itertools.chain(trigger_candidates(sentences, rules, folded),
                                            url_triggers(url, mentions, cues)):
        window_end = index + WINDOW_AFTER_TRIGGER + 1
        if (is_third_country_meeting(mentions, countries, index, mechanism)
                or rules.is_non_defence_meeting(folded[index:window_end])
                or _non_defence_body_meeting(index, mechanism, folded, rules)
                or (mechanism == "other"
                    and not _names_both_sides(mentions, countries, index, window_end, folded, rules))):
            continue
        # the article moved on to another meeting of the visit: who is named from there led that one
        moved_on = _next_meeting_sentence(index, mechanism, sentences, folded, rules)
        leading = [m for m in mentions if m.sentence_index < moved_on]
        vn_lead = choose_lead(leading, "VN", index, officials, sentences, published)
        kh_lead = choose_lead(leading, "KH", index, officials, sentences, published)
        vn_lead, kh_lead = _one_side_per_person(vn_lead, kh_lead, rules)
        if not (has_defence_lead([vn_lead, kh_lead], officials, rules)
                or names_defence_official(mentions, index, officials, rules)
                or (mechanism == "other" and defence_official_attends(folded[index:window_end], rules))) \
                or heads_only_meeting([vn_lead, kh_lead], sentences, index, published, officials, rules):
            continue
        if (rules.one_side_event is not None and rules.one_side_event.search(folded[index])
                and not other_side_attends(sentences, folded, mentions, countries,
                                           _host_country(sentences[index:window_end], folded[index:window_end],
                                                         dateline), rules)):
            continue
        if one_sided_meeting(mechanism, vn_lead, kh_lead, sentences, folded, mentions, countries, rules,
                             cues.own_side_not_both):
            continue
        if _undated_signing_before_talks(index, mechanism, sentences, folded, rules):
            continue
        if _announced_event(index, mechanism, sentences, folded, published, rules, cues.announced_within_days,
                            announcing_headline=bool(headline and cues.announcing_headline is not None
                                                     and cues.announcing_headline.search(fold(headline)))):
            continue
        break
    else:
        return []
    if (vn_lead is None or kh_lead is None) and captions:
        # the body names nobody of a side; a photo caption names its one person ("Colonel A (right)
        # greets the Cambodian guests"): the photo shows the meeting, so that person led the side
        shown_people = _caption_people(captions, officials, rules)
        vn_lead = vn_lead or shown_people.get("VN")
        kh_lead = kh_lead or shown_people.get("KH")
    window, window_folded = sentences[index:window_end], folded[index:window_end]
    named_mechanism = mechanism
    written = written_roles([vn_lead, kh_lead], mentions, sentences, officials)
    titles = written_titles([vn_lead, kh_lead], mentions, sentences)
    context = _level_context(sentences, window, [vn_lead, kh_lead])
    mechanism = refine_mechanism(mechanism, [vn_lead, kh_lead], officials, rules, context, written=written,
                                 titles=titles, trigger=sentences[index])
    framing = _framing_event(window_folded[:2], rules, cues) \
        if (not rules.is_specific(named_mechanism) or named_mechanism == "other") \
        and not (mechanism == "ministerial_talks" and cues.framed_talks.search(folded[index])) else None
    framed_item = framing is not None and framing != named_mechanism and rules.is_specific(named_mechanism) \
        and not (cues.framed_activity is not None and cues.framed_activity.search(folded[index]))
    if framing == named_mechanism:
        framing = None
    if framing is not None:
        # "Sáng 13/11, A chủ trì lễ đón B. Sự kiện nằm trong khuôn khổ Giao lưu ... lần thứ 2": the
        # welcome is an activity of the named event, which the meeting is (with its edition). A joint
        # event of its own kind (`other`: "chương trình Giao lưu sĩ quan trẻ ... năm 2025") so framed is an
        # item of that event, filed under it; the event's ordinal numbers the event, not the item. A plain
        # activity the leads watch (`framed_activity_cue`: "hai Bộ trưởng chứng kiến diễn tập chung") is a
        # part of the event, which it is, with the event's ordinal
        mechanism = named_mechanism = framing

    text_windows = year_windows_from_text(sentences) + list(page_windows or ())
    windows = list(text_windows)
    if mechanism == "sideline_meeting":
        windows += series_year_windows(window, rules)
    else:
        windows += series_year_windows(window[:1], rules, framed=True)
    windows += lead_term_windows([vn_lead, kh_lead], sentences, officials)
    # (not a sentence that announces an event of the kind, "the drill will be held from 4 to 15 October": still to come)
    same_event = [s for s, f in zip(sentences, folded) if rules.names(mechanism, f) and s not in window
                  and not (rules.future_event is not None and rules.future_event.search(f))]
    resolved = resolve_meeting_date(window + same_event, published, windows)
    article_day = published
    if article_day is None and dateline_text:
        # no page date: "yesterday" or "on Wednesday" counts from the dateline's day
        from_dateline = resolve_meeting_date([dateline_text], None, windows)
        article_day = from_dateline.date_start if from_dateline.precision == "day" else None
    if dateline_text and resolved.precision != "day" and cues.today_cue.search(folded[index]):
        # agency style: "VIENTIANE, Nov. 20 (AKP) -- ... met here this afternoon": the day is the dateline's
        from_dateline = resolve_meeting_date([dateline_text], published, windows)
        if PRECISION_ORDER[from_dateline.precision] < PRECISION_ORDER[resolved.precision]:
            resolved = from_dateline
    if resolved.precision != "day" and cues.same_day_cue.search(folded[index]):
        # "Later the same day, A paid a courtesy call on B": the day the nearest sentence before writes
        earlier = _same_day_date(sentences[:index], published, windows)
        if earlier is not None:
            resolved = earlier
    if resolved.precision != "day" and rules.names("sideline_meeting", folded[index]):
        # "On the sidelines of the 16th ADMM, ...": the day the article gives that numbered meeting
        host = host_event_sentences(index, sentences, folded, rules)
        from_host = resolve_meeting_date(host, published, windows) if host else None
        if from_host is not None and PRECISION_ORDER[from_host.precision] < PRECISION_ORDER[resolved.precision]:
            resolved = replace(from_host, evidence=f"the day of the meeting it was on the sidelines of: "
                                                   f"{from_host.evidence}")
    shown = _caption_of_meeting(captions, [vn_lead, kh_lead], officials)
    if shown is not None and resolved.precision != "day":
        # "President A (right) received General B in Hanoi on August 9. (Photo: VNA)"
        from_caption = resolve_meeting_date([shown], published, windows)
        if PRECISION_ORDER[from_caption.precision] < PRECISION_ORDER[resolved.precision]:
            resolved = replace(from_caption, evidence=f"photo caption: {from_caption.evidence}")
    shown_event = _caption_of_event(captions, mechanism, rules) if resolved.precision != "day" else None
    if shown_event is not None:
        # "Ngày 26/5, lễ truy điệu ... diễn ra tại ... (Ảnh: TTXVN)": the photo of the ceremony the article reports,
        # dated, when the sentences date no day of it
        from_caption = resolve_meeting_date([shown_event], published, windows)
        if (from_caption.precision == "day" and from_caption.date_end in (None, from_caption.date_start)
                and PRECISION_ORDER[from_caption.precision] < PRECISION_ORDER[resolved.precision]):
            resolved = replace(from_caption, evidence=f"photo caption of the event: {from_caption.evidence}")
    lead_in = _lead_in_sentence(sentences, index, [vn_lead, kh_lead], mentions)
    if (lead_in is not None and resolved.precision == "day" and cues.statement_after_meeting is not None
            and cues.statement_after_meeting.search(folded[index]) and not find_date_mentions(sentences[index])):
        # "General A said on Wednesday that ... | 'We agree,' he told reporters after a meeting with B": the trigger
        # goes on with what the lead said that day, right after the meeting; a later sentence's day ("B arrived on
        # Tuesday") is another event's
        from_lead_in = resolve_meeting_date([lead_in], article_day, windows)
        if from_lead_in.precision == "day" and from_lead_in.date_end in (None, from_lead_in.date_start):
            resolved = replace(from_lead_in, evidence=f"the sentence before: {from_lead_in.evidence}")
    if lead_in is not None and resolved.precision != "day" and (resolved.mention is None or not any(
            find_date_mentions(s) for s in window + same_event)):
        # "Ties matter, General A said in Hanoi on August 8 ... | A hosted a reception for ...":
        # the sentence just before the trigger names a lead and the day; the meeting's own sentences none, or
        # only days that date nothing of it ("at the summit last week" with no page date). With no page date,
        # "A said on Wednesday" counts from the dateline's day
        from_lead_in = resolve_meeting_date([lead_in], article_day, windows)
        if from_lead_in.precision == "day" and from_lead_in.date_end in (None, from_lead_in.date_start):
            # one day; a visit's span ("visited Cambodia from June 20 to 22") dates no one meeting of it
            resolved = replace(from_lead_in, evidence=f"the sentence before: {from_lead_in.evidence}")
    report = _event_report_sentence(index, sentences, folded, cues)
    if report is not None and resolved.precision != "day":
        # "A memorial was unveiled in Kampot on May 4. | The ceremony was attended by ...": the sentence
        # reporting the event the trigger opens on gives its day
        from_report = resolve_meeting_date([report], published, windows)
        if from_report.precision == "day" and from_report.date_end in (None, from_report.date_start):
            resolved = replace(from_report, evidence=f"the sentence reporting the event: {from_report.evidence}")
    if (rules.visit_span is not None and resolved.precision == "day" and resolved.date_start and resolved.date_end
            and resolved.date_end > resolved.date_start and rules.visit_span.search(folded[index])
            and not any(find_date_mentions(s) for s in window[1:])):
        # the trigger dates a visit's span ("visited Cambodia from June 20 to 23, during which he met ..."), not the
        # meeting's day: the meeting lies within the visit, so its precision is the span's (`visit_span_date`)
        from defcoop.extract.dates import coarse_precision
        within_visit = _day_within_span(sentences[index], resolved, published, windows)
        if within_visit is not None:
            # "A on Monday met B, who is on a visit on November 12-14": the meeting's own day, inside the span
            resolved = within_visit
        else:
            resolved = replace(resolved, precision=coarse_precision(resolved.date_start, resolved.date_end),
                               evidence=f"within the visit: {resolved.evidence}")
    visit_sentence = None
    if resolved.precision == "unknown" or not any(
            find_date_mentions(s) for s in window + same_event + ([shown] if shown else [])
            + ([lead_in] if lead_in and resolved.precision == "day" else [])):
        # "the delegation met ..." with no date of its own, or only one that dates nothing ("Yesterday
        # morning" with no page date): the visit the article dates elsewhere
        visit_sentence, within = _visit_span(sentences, published, windows, rules)
        if within is not None and not (resolved.date_start and resolved.date_end
                                       and within.date_start <= resolved.date_start
                                       and resolved.date_end <= within.date_end):
            resolved = within   # the visit, not a guess from the page date outside it
        else:
            visit_sentence = None
    # a numbered edition of a series editions.csv lists: the year it was held, unless the text writes one
    numbered_as = mechanism if rules.is_specific(named_mechanism) else named_mechanism
    edition = None if framed_item else find_edition(sentences, numbered_as, rules, folded)
    if edition is None and not framed_item and shown:
        # the body names the session unnumbered ("co-chaired the session"); the photo of its two leads numbers it
        edition = find_edition([shown], numbered_as, rules)
    if (edition is None and not framed_item and headline and rules.is_specific(numbered_as)
            and cues.headline_edition is not None and rules.names(numbered_as, fold(headline))
            and cues.headline_edition.search(fold(headline))):
        # "Campuchia - Việt Nam lần đầu tiên đối thoại quốc phòng" over a body that writes "cuộc đối thoại giữa ..."
        edition = 1
    edition_row = load_editions().lookup(
        mechanism, edition, {hit[0] for hits in countries[index:window_end] for hit in hits},
        {lead.person for lead in (vn_lead, kh_lead) if lead is not None})
    resolved = date_from_editions(resolved, edition_row, window + same_event)
    if resolved.date_start is not None and (resolved.precision != "unknown" or resolved.date_end is not None):
        # the roles the leads held then: a past commander is no prime minister yet; undated, the
        # roles they held within the bounds the leads' terms give
        mechanism = refine_mechanism(named_mechanism, [vn_lead, kh_lead], officials, rules, context,
                                     when=resolved.date_start, written=written,
                                     until=resolved.date_end if resolved.precision == "unknown" else None,
                                     titles=titles, trigger=sentences[index])

    if mechanism == "ministerial_talks" and _trilateral_partner_named(
            mentions, max(0, index - WINDOW_AFTER_TRIGGER), window_end, officials, rules, resolved.date_start):
        # "The Lao delegation, led by Defence Minister A, ... | The Cambodian delegation, led by Defence Minister B,
        # attended the meeting": the third country's minister takes part, so the two ministers' talks are the
        # trilateral ministers' meeting
        mechanism = "trilateral_ministers_meeting"

    if resolved.precision in ("unknown", "year") and page_windows and cues.undated_in_page_month \
            and not any(find_date_mentions(s) for s in window + same_event):
        # no date in the text, the page dated only by its URL's month ("/2019/12/"): reported in that month
        in_month = page_month_date(page_windows, windows)
        if in_month is not None and (resolved.date_start is None or resolved.date_start <= in_month.date_start) \
                and (resolved.date_end is None or in_month.date_end <= resolved.date_end):
            resolved = in_month
    if resolved.precision == "unknown" and published is None and page_windows and cues.undated_in_page_month:
        # only "last week" or "on Wednesday" and a page dated by its URL's month: before some day of that month
        relative = page_month_relative_date([m for s in window + same_event for m in find_date_mentions(s)],
                                            page_windows, windows)
        if relative is not None and (resolved.date_start is None or resolved.date_start <= relative.date_start) \
                and (resolved.date_end is None or relative.date_end <= resolved.date_end):
            resolved = relative
    if (mechanism in ("ministerial_talks", "other") and not rules.is_specific(named_mechanism)
            and rules.sideline_context is not None and any(rules.sideline_context.search(f) for f in window_folded)):
        # "The talks were held right after the general's attendance at the ADMM": on a multilateral meeting's side
        mechanism = "sideline_meeting"
    if _recalled_background(resolved, published, cues.background_after_months):
        return []   # recalled background of a page about something else, not a meeting it reports
    online = any(rules.online.search(f) for f in window_folded)
    # held at sea ("tại vùng nước lịch sử"), with no city or province named in the trigger: no place, and none from
    # the sentences around it (a port in a caption is where the ships called after)
    placeless = online or (cues.at_sea is not None and bool(cues.at_sea.search(folded[index]))
                           and find_place([sentences[index]], [folded[index]])[0] is None)
    place, country = (None, None) if placeless else anaphoric_place(sentences[index], folded[index], rules)
    if place is None and not placeless:
        place, country = find_place(window, window_folded)
    if place is None and not placeless and report is not None:
        # the sentence reporting the event the trigger opens on places it, before the dateline's city
        in_report, report_country = find_place([report])
        if in_report is not None and country in (None, report_country):
            place, country = in_report, report_country
    if place is None and not placeless:
        place, country = place_from_dateline(window_folded, dateline)
    if country is None and not placeless:
        country = find_host_country(window, window_folded, rules)
    if place is None and not placeless and index > 0 and cues.event_back_reference is not None \
            and cues.event_back_reference.search(folded[index]):
        # "A ceremony was held at a memorial in province X ... | The event saw the attendance of ...": the sentence
        # before reported the event the trigger opens on, and places it (before the dateline's city)
        before, before_country = find_place([sentences[index - 1]])
        if before is not None and country in (None, before_country):
            place, country = before, before_country
    if place is None and not placeless and shown is not None:
        # the caption's place, unless the text puts the meeting in the other country
        in_caption, caption_country = find_place([shown])
        if in_caption is not None and country in (None, caption_country):
            place, country = in_caption, caption_country
    if place is None and not placeless and visit_sentence is not None:
        # dated by the visit, placed by it too: "visits (May 3-5) by the ministers to Da Nang"
        in_visit, visit_country = find_place([visit_sentence], cue=cues.visit_place_cue)
        if in_visit is not None and country in (None, visit_country):
            place, country = in_visit, visit_country
    if place is None and not placeless:
        place, country = _dateline_place(dateline, country)
    if place is None and not placeless and lead_in is not None and cues.place_from_lead_in:
        # "Phóng viên TTXVN tại X cho biết, dự buổi lễ có A, B ... | Buổi diễn tập đã diễn ra ở hồ Y": the
        # sentence before, which names the leads, places the meeting its own sentences do not
        in_lead_in, lead_in_country = find_place([lead_in])
        if in_lead_in is not None and country in (None, lead_in_country):
            place, country = in_lead_in, lead_in_country
    if place is None and not placeless:
        place, country = _host_place(sentences[index], folded[index], sentences, folded, cues, country, mentions)
    if place is None and not placeless and headline:
        place, country = _headline_place(headline, country, cues, window, window_folded)
    if place is None and not placeless and headline and cues.place_from_headline:
        # the headline names the work inaugurated with its province ("Khánh thành Đài Hữu nghị A tỉnh X"), its
        # place cued as a sentence's would be: the event the article reports was held there
        in_headline, headline_country = find_place([headline])
        if in_headline is not None and country in (None, headline_country):
            place, country = in_headline, headline_country
    if place is None and not placeless:
        place, country = _same_day_place(index, sentences, folded, cues, country)
    if place is None and not placeless and country is not None and cues.capital_anaphor is not None \
            and any(cues.capital_anaphor.search(f) for f in window_folded):
        # "a new memorial in the capital", the meeting held in that country: its capital (places.csv kind)
        place = _capital_of(country)
    if place is None and not placeless and country is None and cues.unit_home_place is not None:
        # the last resort: the province the article writes in brackets after the unit that acts ("Đồn Biên
        # phòng X (huyện Y, tỉnh Long An) phối hợp ... tuần tra song phương trên tuyến Đồn phụ trách")
        place, country = find_place(sentences, folded, cue=cues.unit_home_place)
    participants = [_participant(m, officials, resolved.date_start) for m in _participant_mentions(
        mentions, index, [vn_lead, kh_lead])]
    shown_vn, shown_kh = _side_shown_in_caption(captions, vn_lead, kh_lead, officials, rules,
                                                {named_mechanism, mechanism})
    primary = MeetingCandidate(
        article_id=article_id, key=0, mechanism=mechanism,
        date_start=resolved.date_start, date_end=resolved.date_end, date_precision=resolved.precision,
        date_evidence=resolved.evidence, place=place, country=country,
        # a generic trigger refined to another id keeps the numbering words of what was written
        edition=edition if numbered_as == (mechanism if rules.is_specific(named_mechanism) else named_mechanism)
        else find_edition(sentences, mechanism, rules, folded),
        format="online" if online else "in_person",
        vn_lead=vn_lead.person if vn_lead else shown_vn, kh_lead=kh_lead.person if kh_lead else shown_kh,
        evidence_sentence=sentences[index], participants=participants,
    )
    listed = _listed_counterparts(primary, named_mechanism, vn_lead, kh_lead, index, sentences, folded,
                                  mentions, officials, rules)
    listed += _joint_hosts(primary, named_mechanism, vn_lead, kh_lead, index, sentences, folded, mentions,
                           officials, rules)
    further = _further_meetings(primary, index, sentences, folded, article_day, mentions, officials,
                                rules, text_windows)
    co_named = _co_named_events(primary, {named_mechanism} | {m.mechanism for m in listed + further}, index,
                                sentences, folded, mentions, officials, rules, cues, article_day, text_windows)
    for key, candidate in enumerate(listed + further + co_named, start=1):
        candidate.key = key
    _lead_of_the_delegation(primary, further, folded[index], countries[index], cues)
    return [_day_met_lead(m, sentences, mentions, published, text_windows, cues)
            for m in [primary] + listed + further + co_named]


def _event_report_sentence(index: int, sentences: list[str], folded: list[str], cues: MeetingCues,
                           back: int = 3) -> str | None:
    """The nearest of the `back` sentences before a trigger that opens on an event (`event_back_reference_cue`:
    "The ceremony was attended by ...") which reports that event in the passive (`event_report_cue`: "A memorial
    was unveiled in Kampot on May 4"); None when the trigger refers back to nothing or none does.

    >>> s = ["A memorial was unveiled in Kampot on May 4.", "It is the fifth one.", "The ceremony was attended by A."]
    >>> _event_report_sentence(2, s, [fold(x) for x in s], meeting_cues())
    'A memorial was unveiled in Kampot on May 4.'
    >>> _event_report_sentence(1, s[1:], [fold(x) for x in s[1:]], meeting_cues()) is None
    True
    """
    if cues.event_back_reference is None or cues.event_report is None \
            or not cues.event_back_reference.search(folded[index]):
        return None
    for before in range(index - 1, max(index - back, 0) - 1, -1):
        if cues.event_report.search(folded[before]):
            return sentences[before]
    return None


def _day_met_lead(meeting: MeetingCandidate, sentences: list[str], mentions: list, published: date | None,
                  windows: list, cues: MeetingCues) -> MeetingCandidate:
    """A meeting dated only by the span of a visit (several days) takes the day a later sentence
    gives for the meeting with its Cambodian lead (`lead_meeting_day_cue` before the name: "During
    their talks with General Sok Pheap on May 8, both ministers ..."), when that day falls within the span.

    >>> from defcoop.extract.people import PersonMention
    >>> span = MeetingCandidate("a", 0, "courtesy_call", date(2024, 5, 6), date(2024, 5, 9), "day", "span", None,
    ...                         None, None, "in_person", "Phan Van Giang", "Sok Pheap", "")
    >>> later = "During their talks with Sok Pheap on May 8, the guests spoke of trade."
    >>> at = later.index("Sok")
    >>> found = PersonMention("Sok Pheap", "Sok Pheap", "KH", "", 1, at, at + 9, "title")
    >>> _day_met_lead(span, ["The visit ran from May 6 to 9.", later], [found], date(2024, 5, 9), [],
    ...               meeting_cues()).date_start
    datetime.date(2024, 5, 8)
    """
    from defcoop.extract.dates import resolve_meeting_date

    if (cues.lead_meeting_day is None or meeting.kh_lead is None or meeting.date_precision == "unknown"
            or meeting.date_start is None or meeting.date_end is None or meeting.date_end <= meeting.date_start):
        return meeting
    for mention in mentions:
        if mention.person != meeting.kh_lead or mention.sentence_index >= len(sentences):
            continue
        sentence = sentences[mention.sentence_index]
        if not cues.lead_meeting_day.search(fold(sentence[:mention.start])):
            continue
        found = resolve_meeting_date([sentence], published, windows)
        if (found.precision == "day" and found.date_start is not None and found.date_end in (None, found.date_start)
                and meeting.date_start <= found.date_start <= meeting.date_end):
            return replace(meeting, date_start=found.date_start, date_end=found.date_start, date_precision="day",
                           date_evidence=f"the day of the meeting with {meeting.kh_lead}: {found.evidence}")
    return meeting


def _same_day_date(before: list[str], published: date | None, windows: list):
    """The one day the nearest sentence of `before` that writes a date gives (searched backwards),
    for a meeting held "the same day"; None when that sentence gives no single day.

    >>> _same_day_date(["They met in Hanoi on May 3, 2024.", "They agreed on patrols."], None, []).date_start
    datetime.date(2024, 5, 3)
    """
    from defcoop.extract.dates import find_date_mentions, resolve_meeting_date

    for sentence in reversed(before):
        if find_date_mentions(sentence):
            found = resolve_meeting_date([sentence], published, windows)
            if found.precision == "day" and found.date_end in (None, found.date_start):
                return replace(found, evidence=f"the same day as an earlier sentence: {found.evidence}")
            return None
    return None


def _announced_event(index: int, mechanism: str, sentences: list[str], folded: list[str], published: date | None,
                     rules: MechanismRules, within_days: int, announcing_headline: bool = False) -> bool:
    """Whether the event of trigger sentence `index` is one the article dates in the days just
    after the page date: the trigger's own days all fall after `published` and at most
    `within_days` days later ("Giao lưu ... diễn ra trong hai ngày 13 - 14/11" on a page of 12/11),
    or, when the trigger writes no date of its own, a sentence naming the same kind of event
    (an `edition_nouns` word of its mechanism that the trigger names: "diễn tập") writes a day and
    month without a year that falls so ("buổi diễn tập sẽ vào ngày 20/6" on a page of 12/6): a
    briefing announcing it, no report. So is an event whose trigger writes no date of its own under a
    headline announcing a meeting to come (`announcing_headline`: "Ministers of the three countries
    will meet in X"): the article previews it. Never when `within_days` is 0 or there is no page date.

    >>> from defcoop.rules import rules_language
    >>> with rules_language("vi"):
    ...     rules = load_mechanisms()
    ...     s = ["Lần đầu hai quân đội tổ chức diễn tập chung.", "Buổi diễn tập vào ngày 20/6 ở Kampot."]
    ...     _announced_event(0, "other", s, [fold(x) for x in s], date(2025, 6, 12), rules, 60)
    True
    >>> s = ["Giao lưu lần thứ 3 kéo dài hai ngày 13 - 14/11 ở tỉnh A."]
    >>> with rules_language("vi"):
    ...     [_announced_event(0, "border_friendship_exchange", s, [fold(s[0])], date(2025, 11, day), rules, 60)
    ...      for day in (12, 15)]
    [True, False]
    >>> s = ["Đây là lần đầu hai nước tiến hành giao lưu hữu nghị biên giới."]
    >>> with rules_language("vi"):
    ...     [_announced_event(0, "border_friendship_exchange", s, [fold(s[0])], date(2025, 11, 12), rules, 60,
    ...                       announcing_headline=ahead) for ahead in (True, False)]
    [True, False]
    """
    from defcoop.extract.dates import find_date_mentions

    if within_days <= 0 or published is None:
        return False
    own = find_date_mentions(sentences[index])
    if own:
        days = [_day_near(mention, published, within_days) for mention in own]
        return all(day is not None and published < day <= published + timedelta(days=within_days) for day in days)
    if announcing_headline:
        return True
    nouns = [n for m, ns in rules.edition_nouns if m == mechanism for n in ns
             if re.search(rf"\b{re.escape(n)}\b", folded[index])]
    for sentence, sentence_folded in zip(sentences, folded):
        if not any(re.search(rf"\b{re.escape(n)}\b", sentence_folded) for n in nouns):
            continue
        for mention in find_date_mentions(sentence):
            if mention.year is not None:
                continue
            day = _day_near(mention, published, within_days)
            if day is not None and published < day <= published + timedelta(days=within_days):
                return True
    return False


def _day_near(mention, published: date, within_days: int) -> date | None:
    """The day a mention names, its year written or else the one that puts it nearest after
    `published` (a day more than 365 - `within_days` days before it is next year's); None for
    a mention without a day and month.

    >>> from defcoop.extract.dates import find_date_mentions
    >>> [_day_near(m, date(2025, 12, 20), 60) for m in find_date_mentions("ngày 5/1 và sáng 2/12/2024")]
    [datetime.date(2026, 1, 5), datetime.date(2024, 12, 2)]
    """
    if mention.day is None or mention.month is None:
        return None
    try:
        day = date(mention.year or published.year, mention.month, mention.day)
    except ValueError:
        return None
    if mention.year is None and day < published - timedelta(days=365 - within_days):
        day = date(published.year + 1, day.month, day.day) if not (day.month == 2 and day.day == 29) else day
    return day


def _one_side_per_person(vn_lead, kh_lead, rules: MechanismRules) -> tuple:
    """One person leads one side: when the mentions chosen for both sides name the same person
    (a host quoted on "the two armies" read as Cambodian in one sentence), the side their surname
    tells (`surname_countries` of mechanisms.yaml) keeps them and the other side has no lead named;
    leads of two people, or a surname that tells no side, are kept as they are.

    >>> from defcoop.extract.people import PersonMention
    >>> host = PersonMention("Nguyen Van A", "Nguyen Van A", "VN", "", 1, 9, 21, "title")
    >>> as_kh = PersonMention("Nguyen Van A", "Nguyen Van A", "KH", "", 5, 40, 52, "title")
    >>> [lead and lead.person for lead in _one_side_per_person(host, as_kh, load_mechanisms())]
    ['Nguyen Van A', None]
    """
    if vn_lead is None or kh_lead is None or vn_lead.person != kh_lead.person:
        return vn_lead, kh_lead
    side = _country_of_surname(vn_lead.person, rules)
    if side == "VN":
        return vn_lead, None
    if side == "KH":
        return None, kh_lead
    return vn_lead, kh_lead


def _lead_of_the_delegation(primary: MeetingCandidate, further: list, trigger_folded: str, trigger_countries: list,
                            cues) -> None:
    """A first meeting whose actor is "the delegation" (`delegation_actor`) and that names nobody
    of the delegation's side (the country its words name, "the Vietnamese delegation") is led by whom the visit's further meetings of the delegation
    name on that side: "the delegation visited Brigade 12 ... | The same day, the delegation
    called on General A" with Colonel B speaking for the delegation (the same delegation, the
    same leader)."""
    actor = cues.delegation_actor.search(trigger_folded)
    if actor is None:
        return
    own = {iso2 for iso2, *_rest, written in trigger_countries if fold(written) in actor.group()}
    side = {"VN": "vn_lead", "KH": "kh_lead"}.get(own.pop()) if len(own) == 1 else None
    if side is None or getattr(primary, side) is not None:
        return
    named = {getattr(c, side) for c in further if cues.delegation_actor.search(fold(c.evidence_sentence))}
    named.discard(None)
    if len(named) == 1:
        setattr(primary, side, named.pop())


def _lead_in_sentence(sentences: list[str], index: int, leads: list, mentions: list) -> str | None:
    """The sentence just before the trigger sentence `index` when it names one of the meeting's
    leads (the same person): an article's lead often says who spoke to whom, where and when ("Ties
    matter, the general said in Hanoi on August 8 ...") and the next sentence names the
    reception itself. None at the first sentence or when it names no lead.

    >>> from defcoop.extract.people import PersonMention
    >>> giang = PersonMention("Phan Van Giang", "Phan Van Giang", "VN", "", 0, 0, 14, "alias")
    >>> _lead_in_sentence(["Phan Van Giang spoke on May 2.", "He held a reception."], 1, [giang], [giang])
    'Phan Van Giang spoke on May 2.'
    >>> _lead_in_sentence(["Phan Van Giang spoke on May 2.", "He held a reception."], 0, [giang], [giang]) is None
    True
    """
    if index == 0:
        return None
    people = {lead.person for lead in leads if lead is not None}
    if any(m.sentence_index == index - 1 and m.person in people for m in mentions):
        return sentences[index - 1]
    return None


def _capital_of(country: str) -> str | None:
    """The one place places.csv lists as `country`'s capital, or None.

    >>> _capital_of("KH")
    'Phnom Penh'
    """
    from defcoop.extract.places import load_places

    capitals = {p.place for p in load_places().places.values() if p.country == country and p.kind == "capital"}
    return capitals.pop() if len(capitals) == 1 else None


def _caption_people(captions: list[str], officials, rules: MechanismRules) -> dict:
    """The one person outside officials.csv that the photo captions introduce by title for each
    country (country -> mention; a country with two such people has none).

    >>> from defcoop.extract.people import load_officials
    >>> people = _caption_people(["Colonel Le Van Ba (right) greets the Cambodian guests."],
    ...                          load_officials(), load_mechanisms())
    >>> {country: mention.person for country, mention in people.items()}
    {'VN': 'Le Van Ba'}
    """
    found: dict[str, list] = {}
    for mention in infer_countries(officials.introduced_people(captions), captions, rules):
        if mention.country and mention.person not in {m.person for m in found.get(mention.country, [])}:
            found.setdefault(mention.country, []).append(mention)
    return {country: people[0] for country, people in found.items() if len(people) == 1}


def _side_shown_in_caption(captions: list[str] | None, vn_lead, kh_lead, officials, rules: MechanismRules,
                           mechanisms: set[str]) -> tuple[str | None, str | None]:
    """The lead of the side the text names nobody for, from a photo caption that shows the other
    lead with one person of that side ("Mr A, Vice Chairman of X province, and H.E. B, Acting
    Governor of Y, sign the minutes"): (VN person or None, KH person or None), only for the side
    missing. The photo shows the two leads at the meeting, unless it names another meeting than
    `mechanisms` (the meeting's, as named and as refined): "General B receives General A" under
    a dialogue shows the courtesy call of the same visit. Only where meetings.yaml says
    `lead_from_caption`.
    """
    if not captions or (vn_lead is None) == (kh_lead is None) or not meeting_cues().lead_from_caption:
        return None, None
    known, missing = (vn_lead, "KH") if kh_lead is None else (kh_lead, "VN")
    for caption in captions:
        shown = rules.events_in(caption)
        if shown and not set(shown) & mechanisms:
            continue
        people = infer_countries(officials.find_people([caption]), [caption], rules)
        if known.person not in {m.person for m in people}:
            continue
        other = {m.person for m in people if m.country == missing}
        if len(other) == 1:
            person = other.pop()
            return (person, None) if missing == "VN" else (None, person)
    return None, None


def _caption_of_meeting(captions: list[str] | None, leads: list, officials) -> str | None:
    """The first photo caption that names both leads of the meeting (both found, each by
    officials.csv or a title): the photo shows the meeting, so its date and place are the
    meeting's. None without captions or leads.

    >>> from defcoop.extract.people import load_officials
    >>> officials = load_officials()
    >>> [lich, banh] = [m for m in officials.find_people(["Ngo Xuan Lich met Tea Banh."])]
    >>> _caption_of_meeting(["Soldiers on parade.", "Ngo Xuan Lich (left) and Tea Banh in Hanoi on May 2."],
    ...                     [lich, banh], officials)
    'Ngo Xuan Lich (left) and Tea Banh in Hanoi on May 2.'
    >>> _caption_of_meeting(["Tea Banh speaks on May 2."], [lich, banh], officials) is None
    True
    """
    if not captions or any(lead is None for lead in leads):
        return None
    wanted = {lead.person for lead in leads}
    for caption in captions:
        if wanted <= {m.person for m in officials.find_people([caption])}:
            return caption
    return None


def _caption_of_event(captions: list[str] | None, mechanism: str, rules: MechanismRules) -> str | None:
    """The first photo caption that names the meeting's own kind of event, when that kind is a specific one (a
    repatriation ceremony, not a generic meeting): the photo shows the event, so a day it gives is the event's.

    >>> rules = load_mechanisms()
    >>> _caption_of_event(["Soldiers on parade.", "A burial service for the remains at the cemetery on May 2."],
    ...                   "repatriation_ceremony", rules)
    'A burial service for the remains at the cemetery on May 2.'
    >>> _caption_of_event(["The two generals on May 2."], "courtesy_call", rules) is None
    True
    """
    if not captions or not rules.is_specific(mechanism) or mechanism == "other":
        return None
    return next((caption for caption in captions if rules.names(mechanism, fold(caption))), None)


def _day_within_span(sentence: str, span, published: date | None, windows: list):
    """The one day another date of `sentence` gives inside the visit span `span` resolved from it, else None: the
    meeting's own day when the trigger dates both ("A on Monday met B, who is visiting from November 12 to 14").

    >>> from defcoop.extract.dates import resolve_meeting_date
    >>> s = "A on Monday met B, who is on a visit on November 12-14."
    >>> span = resolve_meeting_date([s], date(2023, 11, 13), [])
    >>> _day_within_span(s, span, date(2023, 11, 13), []).date_start
    datetime.date(2023, 11, 13)
    >>> s = "A met B, who is on a visit on November 12-14."
    >>> _day_within_span(s, resolve_meeting_date([s], date(2023, 11, 13), []), date(2023, 11, 13), []) is None
    True
    """
    from defcoop.extract.dates import find_date_mentions, resolve_meeting_date
    mention = span.mention
    if mention is None:
        return None
    rest = sentence[:mention.start] + " " * (mention.end - mention.start) + sentence[mention.end:]
    if not find_date_mentions(rest):
        return None
    own = resolve_meeting_date([rest], published, windows)
    if (own.precision == "day" and own.date_start is not None and own.date_end in (None, own.date_start)
            and span.date_start <= own.date_start <= span.date_end):
        return replace(own, evidence=f"{own.evidence}, within the visit {span.evidence}")
    return None


def visit_span_date(sentences: list[str], published: date | None, windows: list, rules: MechanismRules):
    """The dates of the visit a meeting belongs to, when the article gives the visit's span and
    not the meeting's day: "a five-day trip, from May 29 to June 2". The
    meeting lies within the span, so its precision is the span's: a month when the span stays in
    one month, else the year (`visit_span_cues` in mechanisms.yaml name the visit). A visit the
    article dates by its month alone ("the delegation started visiting Cambodian units in April")
    puts the meeting in that month. None without such a sentence.

    >>> from defcoop.extract.dates import url_month_windows
    >>> visit_span_date(["He made a trip that lasted from October 30 to November 2."], None,
    ...                 url_month_windows((date(2019, 11, 1), "month")), load_mechanisms()).precision
    'year'
    >>> visit_span_date(["The delegation started visiting units of the other army in April."], None,
    ...                 url_month_windows((date(2019, 5, 1), "month")), load_mechanisms()).date_start
    datetime.date(2019, 4, 1)
    """
    return _visit_span(sentences, published, windows, rules)[1]


def _visit_span(sentences: list[str], published: date | None, windows: list, rules: MechanismRules):
    """(sentence, dates) of the visit `visit_span_date` finds; (None, None) without one."""
    from defcoop.extract.dates import coarse_precision, resolve_meeting_date

    if rules.visit_span is None:
        return None, None
    for sentence in sentences:
        if not rules.visit_span.search(fold(sentence)):
            continue
        span = resolve_meeting_date([sentence], published, windows)
        if span.precision == "day" and span.date_start and span.date_end and span.date_end > span.date_start:
            return sentence, replace(span, precision=coarse_precision(span.date_start, span.date_end),
                                     evidence=f"within the visit: {span.evidence}")
        if span.precision == "month" and span.mention is not None and span.mention.kind in ("month", "month_year"):
            return sentence, replace(span, evidence=f"within the visit: {span.evidence}")
    return None, None


def _listed_counterparts(primary: MeetingCandidate, named_mechanism: str, vn_lead, kh_lead, index: int,
                         sentences: list[str], folded: list[str], mentions: list, officials,
                         rules: MechanismRules) -> list[MeetingCandidate]:
    """Meetings with the other counterparts the trigger sentence lists ("the delegation met with
    top Cambodian officials including Prime Minister A, Defence Minister B and Army Commander C"):
    one meeting per counterpart named after a `separate_meetings_cues` phrase, led on the other
    side by the first meeting's lead, on the same date and at the same place. The list may stand in
    the later sentence the first meeting's Cambodian lead was found in, when the trigger has none (a
    visit, then "He paid courtesy calls on the Senate President A and Prime Minister B").
    """
    if rules.separate_meetings is None or vn_lead is None or kh_lead is None:
        return []
    cue, at = None, index
    for at in dict.fromkeys([index, kh_lead.sentence_index]):
        cue = rules.separate_meetings.search(folded[at]) if at < len(folded) else None
        if cue is not None:
            break
    if cue is None:
        return []
    listed = []
    seen = {kh_lead.person}
    for mention in mentions:
        if mention.sentence_index != at or mention.start < cue.start() or mention.person in seen:
            continue
        if mention.country != "KH":
            continue
        seen.add(mention.person)
        leads = [vn_lead, mention]
        when = primary.date_start if primary.date_precision != "unknown" else None
        mechanism = refine_mechanism(named_mechanism, leads, officials, rules, sentences[at], when=when,
                                     written=written_roles(leads, mentions, sentences, officials))
        listed.append(replace(
            primary, mechanism=mechanism, kh_lead=mention.person, edition=None,
            participants=[_participant(m, officials, primary.date_start) for m in leads]))
    return listed


def _joint_hosts(primary: MeetingCandidate, named_mechanism: str, vn_lead, kh_lead, index: int,
                 sentences: list[str], folded: list[str], mentions: list, officials,
                 rules: MechanismRules) -> list[MeetingCandidate]:
    """Meetings of the other hosts the trigger names together with the first meeting's lead as who received the
    guest ("Chủ tịch nước A, Thủ tướng B tiếp Đại tướng C"): one reception per host, as the press reports them, with
    the same guest on the same day. Hosts of one side, named one after the other (`joint_host_joiner_cues` between
    them: a comma or "và" and the next one's title), the last followed by the receiving verb (`joint_host_verb_cues`),
    the guest after it. A place the trigger itself does not name (the first host's palace, in a later sentence) is
    not the other receptions'.
    """
    if rules.joint_host_joiner is None or rules.joint_host_verb is None or vn_lead is None or kh_lead is None:
        return []
    sentence = folded[index]
    for lead, guest in ((vn_lead, kh_lead), (kh_lead, vn_lead)):
        if guest.sentence_index != index:
            continue
        named = sorted((m for m in mentions if m.sentence_index == index and m.country == lead.country
                        and m.end <= guest.start), key=lambda m: m.start)
        chain: list = []
        for mention in named:
            if chain and mention.person != chain[-1].person \
                    and rules.joint_host_joiner.search(sentence[chain[-1].end:mention.start]):
                chain.append(mention)
            elif not chain or mention.person != chain[-1].person:
                chain = [mention]
            if len(chain) > 1 and lead.person in {m.person for m in chain} \
                    and rules.joint_host_verb.match(sentence[chain[-1].end:guest.start]):
                break
        else:
            continue
        own_place = find_place([sentences[index]], [sentence])[0]
        hosts = []
        for host in chain:
            if host.person == lead.person:
                continue
            leads = [host, guest] if lead is vn_lead else [guest, host]
            when = primary.date_start if primary.date_precision != "unknown" else None
            mechanism = refine_mechanism(named_mechanism, leads, officials, rules, sentences[index], when=when,
                                         written=written_roles(leads, mentions, sentences, officials))
            hosts.append(replace(
                primary, mechanism=mechanism, edition=None,
                place=primary.place if own_place == primary.place else None,
                vn_lead=leads[0].person, kh_lead=leads[1].person,
                participants=[_participant(m, officials, primary.date_start) for m in leads]))
        return hosts
    return []


def _co_named_events(primary: MeetingCandidate, reported: set[str], index: int, sentences: list[str],
                     folded: list[str], mentions: list, officials, rules: MechanismRules, cues: MeetingCues,
                     published: date | None, text_windows: list) -> list[MeetingCandidate]:
    """Events of another kind the trigger sentence at `index` names besides the first meeting, as ones its lead took
    part in (`co_named_events` of meetings.yaml: "made an official visit to Laos from May 3 to 5, during which he
    joined a meeting with his Cambodian and Lao counterparts and witnessed a joint rescue drill"): each is a meeting
    of its own, which one trigger per sentence would lose. It takes the first meeting's date, a lead for each side only
    where the sentence itself names someone of that side, and the place the sentence names (none else); the first
    meeting stays as it is. An event of a kind already reported (`reported`: the mechanism the trigger named, those of
    the visit's other meetings) is that meeting; one the sentence dates apart from the first meeting (recalled) or
    announces (`future_event_cues`) is none. With the first meeting's year undecided (`unknown` precision: "On
    October 15" on a page with no date) there is no date to give the event, which then stays unreported: an undated
    row the merge can tie to no other report of it.
    """
    from defcoop.extract.dates import find_date_mentions, resolve_meeting_date

    if (not cues.co_named_events or primary.date_precision == "unknown" or primary.date_start is None
            or (rules.future_event is not None and rules.future_event.search(folded[index]))):
        return []
    sentence, sentence_folded = sentences[index], folded[index]
    in_sentence = [m for m in mentions if m.sentence_index == index]
    found, seen = [], {primary.mechanism} | set(reported)
    for mechanism, regex in cues.co_named_events:
        match = regex.search(sentence_folded)
        if match is None or mechanism in seen:
            continue
        clause_end = next((at for at in (sentence_folded.find(stop, match.end()) for stop in ",;") if at >= 0),
                          len(sentence_folded))
        clause = sentence[match.start(mechanism):clause_end]
        if find_date_mentions(clause) and _dated_apart(resolve_meeting_date([clause], published, text_windows),
                                                       primary):
            continue   # "... witnessed a joint drill in 2019": recalled, not this visit's
        seen.add(mechanism)
        vn_lead = choose_lead(in_sentence, "VN", index, officials, sentences, primary.date_start)
        kh_lead = choose_lead(in_sentence, "KH", index, officials, sentences, primary.date_start)
        online = bool(rules.online.search(sentence_folded))
        place, country = (None, None) if online else find_place([sentence], [sentence_folded])
        found.append(MeetingCandidate(
            article_id=primary.article_id, key=0, mechanism=mechanism,
            date_start=primary.date_start, date_end=primary.date_end, date_precision=primary.date_precision,
            date_evidence=f"named with the first meeting ({primary.date_evidence})",
            place=place, country=country or (None if online else primary.country),
            edition=None,
            format="online" if online else "in_person",
            vn_lead=vn_lead.person if vn_lead else None, kh_lead=kh_lead.person if kh_lead else None,
            evidence_sentence=sentence,
            participants=[_participant(m, officials, primary.date_start) for m in (vn_lead, kh_lead) if m is not None],
        ))
    return found


_MULTILATERAL = frozenset({"trilateral_ministers_meeting"})


def _is_bilateral_aside(folded_sentence: str, mentions: list, index: int, cues: MeetingCues) -> bool:
    """A Vietnam-Cambodia meeting on the side of the multilateral one the article reports ("Giang
    and Tea Seiha also had a bilateral meeting": `bilateral_aside_cue`), named with no third
    country's official in the sentence (the host's own bilateral talks with each of them are not one).

    >>> _is_bilateral_aside("giang and tea seiha also had a bilateral meeting.", [], 0, meeting_cues())
    True
    """
    if not cues.bilateral_aside_cue.search(folded_sentence):
        return False
    return not any(m.country and m.country not in PARTY_COUNTRIES for m in mentions if m.sentence_index == index)


def _with_third_country(sentence: str, folded_sentence: str, mentions: list, index: int) -> bool:
    """A later meeting of the visit held with a third country: its sentence, from the words that
    tie it to the visit on (the last such words: pages glue sentences), names another country or someone of it and no Cambodian ("The same
    day, the general also had a meeting with his Chinese counterpart"); the Cambodians named
    after it belong to other events.

    >>> _with_third_country("The same day, he also had a meeting with his Chinese counterpart.",
    ...                     "the same day, he also had a meeting with his chinese counterpart.", [], 0)
    True
    >>> _with_third_country("The same day, he had a meeting with Cambodia's prime minister.",
    ...                     "the same day, he had a meeting with cambodia's prime minister.", [], 0)
    False
    """
    from defcoop.extract.places import find_countries

    same_visit = meeting_cues().same_visit
    start = max((cue.start() for cue in same_visit.finditer(folded_sentence)), default=0)   # glued sentences
    named = {iso2 for iso2, hit_start, *_ in find_countries(sentence, folded_sentence) if hit_start >= start}
    named |= {m.country for m in mentions if m.sentence_index == index and m.country and m.start >= start}
    return bool(named - PARTY_COUNTRIES) and "KH" not in named


def _non_defence_body_meeting(index: int, mechanism: str, folded: list[str], rules: MechanismRules) -> bool:
    """The trigger at `index` names the meeting of a body outside defence (`non_defence_bodies`),
    or names a meeting only generically ("the meeting", "talks") or only by a word that refers back
    to an event already named (`back_reference_event_cues`: "attending the ceremony") after the
    article named such a body's meeting: that body's meeting, not a defence one."""
    if rules.non_defence_body is None:
        return False
    if rules.non_defence_body.search(folded[index]):
        return True
    refers_back = rules.back_reference_event is not None and rules.back_reference_event.search(folded[index])
    return (not rules.is_specific(mechanism) or bool(refers_back)) \
        and any(rules.non_defence_body.search(f) for f in folded[:index])


def _undated_signing_before_talks(index: int, mechanism: str, sentences: list[str], folded: list[str],
                                  rules: MechanismRules) -> bool:
    """The trigger at `index` names a signing and no date ("Lễ ký kết Kế hoạch hợp tác của hai Bộ.",
    a photo caption left in the text), and one of the next sentences reports dated talks or
    another meeting of a named kind: the documents were signed at that meeting, which is the one
    reported (as when the talks come first: "after the talks, the ministers witnessed the signing").

    >>> rules = load_mechanisms()
    >>> s = ["The signing of the protocol.", "At their talks on March 6 in Hanoi, the ministers agreed."]
    >>> _undated_signing_before_talks(0, "signing_ceremony", s, [fold(x) for x in s], rules)
    True
    >>> s = ["The protocol was signed on March 6 in the presence of the ministers.", s[1]]
    >>> _undated_signing_before_talks(0, "signing_ceremony", s, [fold(x) for x in s], rules)
    False
    """
    from defcoop.extract.dates import find_date_mentions

    if mechanism != "signing_ceremony" or find_date_mentions(sentences[index]):
        return False
    for later in range(index + 1, min(index + WINDOW_AFTER_TRIGGER + 1, len(sentences))):
        found = rules.events_in(sentences[later], folded[later])
        if found and found[0] not in ("signing_ceremony", "other") and find_date_mentions(sentences[later]):
            return True
    return False


def _next_meeting_sentence(index: int, mechanism: str, sentences: list[str], folded: list[str],
                           rules: MechanismRules) -> int:
    """The first sentence after the trigger at `index` that reports another meeting of the same
    visit (a same-visit word and a reporting verb with another mechanism: "On the morning of the
    8th the delegation paid a courtesy call on ..." after the dialogue it came for); the article's
    length when none does."""
    cues = meeting_cues()
    for later in range(index + 1, len(sentences)):
        if not (cues.same_visit.search(folded[later]) and cues.reporting_verbs.search(folded[later])):
            continue
        found = rules.events_in(sentences[later], folded[later])
        if found and mechanism not in found and all(rules.is_specific(m) for m in found[:1]):
            return later
    return len(sentences)


def _further_meetings(primary: MeetingCandidate, primary_index: int, sentences: list[str], folded: list[str],
                      published: date | None, mentions: list, officials, rules: MechanismRules,
                      text_windows: list) -> list[MeetingCandidate]:
    """Other meetings of the same visit the article reports after the first one.

    A visiting minister often holds talks and also pays a courtesy call on the head of
    government on the same day ("Earlier the same day, Giang paid a courtesy call on Prime
    Minister Hun Sen"). A later sentence reports another meeting when it names a mechanism
    with a reporting verb (held, paid, received, met), ties it to the visit ("the same day",
    "earlier", "also") and its leads, named in it or in the two sentences after it, are a
    different Vietnamese-Cambodian pair. The visiting delegation named as the one that meets
    ("On 9 July, the Vietnamese delegation called on Senate President B":
    `delegation_actor`) ties the sentence to the visit too, and when nobody of one side is named,
    that side is the delegation, led by its head: the first meeting's lead. With nobody named on
    either side, a sentence that names the other side's force as the counterpart
    (`unnamed_counterpart_force`: "the ship docked at Sihanoukville and began a visit and exchange
    with the Royal Cambodian Navy") reports a meeting all the same, without leads. A meeting only
    announced ("is scheduled to be received by ... today": `future_event_cues`) is none. Its date
    and place default to the first meeting's when the sentences give none (the same visit).

    A later sentence tied to the visit that names a mechanism of `separate_sessions` (meetings.yaml)
    other than the first meeting's, as held ("Later, a meeting of the defence ministers of the three
    nations was held in the provincial capital": `held_verbs` or a reporting verb), is a session of its own
    even between the first meeting's leads; with nobody named, its leads are the first meeting's.
    """
    from defcoop.extract.dates import find_date_mentions, resolve_meeting_date

    cues = meeting_cues()
    seen = {(primary.mechanism, primary.vn_lead, primary.kh_lead)}
    pairs = {(primary.vn_lead, primary.kh_lead)}
    further = []
    for index in range(primary_index + 1, len(sentences)):
        aside = primary.mechanism in _MULTILATERAL and _is_bilateral_aside(folded[index], mentions, index, cues)
        delegation = cues.delegation_actor.search(folded[index])
        tied = bool(delegation or cues.same_visit.search(folded[index]))
        session = tied and _separate_session(sentences[index], folded[index], primary.mechanism, rules, cues)
        if not aside and not session and (not tied or not cues.reporting_verbs.search(folded[index])):
            continue
        found = ["sideline_meeting"] if aside else rules.events_in(sentences[index], folded[index])
        if not found or (not aside and _with_third_country(sentences[index], folded[index], mentions, index)):
            continue
        near = [m for m in mentions if index <= m.sentence_index <= index + WINDOW_AFTER_TRIGGER]
        vn_lead = choose_lead(near, "VN", index, officials)
        kh_lead = choose_lead(near, "KH", index, officials)
        pronoun = cues.pronoun_actor is not None and cues.pronoun_actor.search(folded[index]) is not None
        if (delegation is not None or pronoun) and (vn_lead is None) != (kh_lead is None):
            # the side nobody is named for is the delegation, led by the first meeting's lead of that side
            # ("Later that day, she met separately with Senate President A": "she" is that lead)
            vn_lead = vn_lead or _mention_of(primary.vn_lead, mentions)
            kh_lead = kh_lead or _mention_of(primary.kh_lead, mentions)
        if session and vn_lead is None and kh_lead is None:
            # the same delegations' next session: the first meeting's leads
            vn_lead, kh_lead = _mention_of(primary.vn_lead, mentions), _mention_of(primary.kh_lead, mentions)
        unnamed = (vn_lead is None and kh_lead is None and rules.is_specific(found[0])
                   and bool(cues.unnamed_counterpart.search(folded[index])))
        if not unnamed and (vn_lead is None or kh_lead is None
                            or ((vn_lead.person, kh_lead.person) in pairs and not aside and not session)):
            continue
        window_end = index + WINDOW_AFTER_TRIGGER + 1
        window, window_folded = sentences[index:window_end], folded[index:window_end]
        leads = [vn_lead, kh_lead]
        mechanism = found[0] if unnamed else refine_mechanism(
            found[0], leads, officials, rules, " ".join(window), written=written_roles(leads, mentions, sentences,
                                                                                      officials))
        persons = (vn_lead.person if vn_lead else None, kh_lead.person if kh_lead else None)
        if (mechanism, *persons) in seen:
            continue
        seen.add((mechanism, *persons))
        pairs.add(persons)
        windows = list(text_windows) + lead_term_windows([m for m in leads if m is not None], sentences, officials)
        resolved = resolve_meeting_date(window[:1], published, windows)
        if session and find_date_mentions(window[0]) and _dated_apart(resolved, primary):
            continue   # "Back in 2019, the first exchange was held": recalled, not this visit's
        dated = (resolved.date_start, resolved.date_end, resolved.precision, resolved.evidence)
        if PRECISION_ORDER[resolved.precision] > PRECISION_ORDER[primary.date_precision]:
            dated = (primary.date_start, primary.date_end, primary.date_precision,
                     f"same visit as the first meeting ({primary.date_evidence})")
        online = any(rules.online.search(f) for f in window_folded[:1])
        place, country = (None, None) if online else find_place(window[:1], window_folded[:1])
        if place is None and country is None and not online:
            place, country = primary.place, primary.country
        edition = find_edition(window, mechanism, rules, window_folded) if rules.is_specific(mechanism) else None
        if edition is not None and (mechanism, edition) == (primary.mechanism, primary.edition):
            edition = None   # the first meeting named again ("after the 72nd joint patrol, the ship docked ...")
        further.append(MeetingCandidate(
            article_id=primary.article_id, key=len(further) + 1, mechanism=mechanism,
            date_start=dated[0], date_end=dated[1], date_precision=dated[2], date_evidence=dated[3],
            place=place, country=country,
            edition=edition,
            format="online" if online else "in_person",
            vn_lead=persons[0], kh_lead=persons[1], evidence_sentence=sentences[index],
            participants=[_participant(m, officials, dated[0]) for m in _participant_mentions(
                mentions, index, [m for m in leads if m is not None])],
        ))
        if pronoun and vn_lead is not None and kh_lead is not None and kh_lead.sentence_index == index:
            # "she met separately with Senate President A and Prime Minister B": one meeting per counterpart
            for listed in _listed_counterparts(further[-1], found[0], vn_lead, kh_lead, index, sentences, folded,
                                               mentions, officials, rules):
                if (listed.mechanism, listed.vn_lead, listed.kh_lead) not in seen:
                    seen.add((listed.mechanism, listed.vn_lead, listed.kh_lead))
                    pairs.add((listed.vn_lead, listed.kh_lead))
                    further.append(replace(listed, key=len(further) + 1))
    return further


def _separate_session(sentence: str, folded_sentence: str, first_mechanism: str, rules: MechanismRules,
                      cues: MeetingCues) -> bool:
    """Whether a later sentence of the visit reports a session of its own: it names a mechanism of
    `separate_sessions` (meetings.yaml) other than the first meeting's, as held, not to come.

    >>> from defcoop.rules import rules_language
    >>> with rules_language("en"):
    ...     s = "Later, a meeting of the defence ministers of the three nations was held in the city."
    ...     _separate_session(s, fold(s), "border_friendship_exchange", load_mechanisms(), meeting_cues())
    True
    """
    if not cues.separate_sessions or not (cues.held_verbs.search(folded_sentence)
                                          or cues.reporting_verbs.search(folded_sentence)):
        return False
    found = rules.events_in(sentence, folded_sentence)
    return bool(found) and found[0] in cues.separate_sessions and found[0] != first_mechanism \
        and not cues.future_cue.search(folded_sentence)


def _dated_apart(resolved, primary: MeetingCandidate) -> bool:
    """Whether a later sentence dates its event (to the day, month or year) outside the first
    meeting's date: another occasion, not a session of the same visit.

    >>> from types import SimpleNamespace as D
    >>> first = D(date_start=date(2025, 10, 15), date_end=date(2025, 10, 15), date_precision="day")
    >>> _dated_apart(D(date_start=date(2023, 12, 1), date_end=date(2023, 12, 31), precision="month"), first)
    True
    >>> _dated_apart(D(date_start=date(2025, 10, 1), date_end=date(2025, 10, 31), precision="month"), first)
    False
    """
    if resolved.precision == "unknown" or primary.date_precision == "unknown" or None in (
            resolved.date_start, primary.date_start):
        return False
    end = resolved.date_end or resolved.date_start
    return end < primary.date_start or resolved.date_start > (primary.date_end or primary.date_start)


def _mention_of(person: str | None, mentions: list):
    """The first mention of `person` (None for no one)."""
    return next((m for m in mentions if person is not None and m.person == person), None)


def lead_term_windows(leads: list, sentences: list[str], officials) -> list:
    """Hard windows from the leads' terms of office: of the role a title next to the name gives
    ("Defence Minister Ngo Xuan Lich"), else of every role officials.csv lists for them."""
    from defcoop.extract.dates import term_window

    windows = []
    for lead in leads:
        if lead is None or lead.matched == "title":
            continue
        role = officials.written_role(sentences[lead.sentence_index], lead)
        start, end = officials.term_window(lead.person, role)
        label = f"{lead.person}'s term as {role}" if role else f"{lead.person}'s term of office"
        windows.append(term_window(start, end, label))
    return windows


def _participant_mentions(mentions: list, trigger_index: int, leads: list) -> list:
    """Leads plus everyone named near the trigger, each person once, in reading order."""
    near = [m for m in mentions if trigger_index <= m.sentence_index <= trigger_index + WINDOW_AFTER_TRIGGER]
    chosen, seen = [], set()
    for mention in [lead for lead in leads if lead is not None] + sorted(near, key=lambda m: (m.sentence_index, m.start)):
        if mention.person not in seen:
            seen.add(mention.person)
            chosen.append(mention)
    return chosen


def _participant(mention, officials, when: date | None) -> Participant:
    role = mention.role
    if mention.matched != "title":
        official = officials.role_at(mention.person, when)
        role = official.role if official else role
    return Participant(mention.person, mention.country or None, role or None, mention.name_as_written)


# --- merging across articles ---------------------------------------------------------------------

def same_meeting(a: MeetingCandidate, b: MeetingCandidate) -> bool:
    """Two reports describe one meeting: same mechanism and format, overlapping dates, a shared
    lead and no conflicting lead or host country.

    >>> x = MeetingCandidate("a", 0, "ministerial_talks", date(2021, 1, 8), date(2021, 1, 8), "day", "",
    ...                      None, None, None, "online", "Ngo Xuan Lich", "Tea Banh", "")
    >>> y = MeetingCandidate("b", 0, "ministerial_talks", date(2021, 1, 1), date(2021, 12, 31), "year", "",
    ...                      None, None, None, "online", "Ngo Xuan Lich", None, "")
    >>> same_meeting(x, y)
    True
    """
    if a.mechanism != b.mechanism or a.date_start is None or b.date_start is None:
        return False
    if a.format != b.format or (a.country and b.country and a.country != b.country):
        return False
    if "unknown" in (a.date_precision, b.date_precision):
        # an undecided year is no interval: only the same undecided date can be the same meeting
        if not (a.date_precision == b.date_precision and a.date_start == b.date_start):
            return False
    elif a.date_start > (b.date_end or b.date_start) or b.date_start > (a.date_end or a.date_start):
        return False
    shared = [(x, y) for x, y in ((a.vn_lead, b.vn_lead), (a.kh_lead, b.kh_lead)) if x and y]
    return bool(shared) and all(x == y for x, y in shared)


PRECISION_ORDER = {"day": 0, "month": 1, "year": 2, "unknown": 3}


def merge_candidates(candidates: list[MeetingCandidate]) -> list[list[MeetingCandidate]]:
    """Group candidates that are the same meeting (transitively), groups in a stable order.

    Only pairs that can pass `same_meeting` are compared, so archives of 100,000 articles stay
    near-linear: such a pair shares a lead, so it sits in one of the blocks of `_merge_blocks`;
    within a block sorted by start date, a candidate is compared with the ones that start before
    it ends. Groups are connected components, whatever order the pairs are joined in.
    """
    parent = list(range(len(candidates)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _overlapping_pairs(candidates):
        root_i, root_j = find(i), find(j)
        if root_i != root_j and same_meeting(candidates[i], candidates[j]):   # one group already: no test
            parent[root_j] = root_i
    groups: dict[int, list[MeetingCandidate]] = {}
    for i, candidate in enumerate(candidates):
        groups.setdefault(find(i), []).append(candidate)
    return list(groups.values())


def _merge_blocks(candidates: list[MeetingCandidate]) -> dict[tuple, list[int]]:
    """Indices of dated candidates by (mechanism, side, lead), one block per lead they name."""
    blocks: dict[tuple, list[int]] = {}
    for i, c in enumerate(candidates):
        if c.date_start is None:
            continue   # never the same meeting as anything
        for side, lead in (("vn", c.vn_lead), ("kh", c.kh_lead)):
            if lead:
                blocks.setdefault((c.mechanism, side, lead), []).append(i)
    return blocks


def _overlapping_pairs(candidates: list[MeetingCandidate]):
    """(i, j) pairs sharing a block whose date spans can overlap: a sweep over start dates."""
    for members in _merge_blocks(candidates).values():
        members.sort(key=lambda i: candidates[i].date_start)
        for position, i in enumerate(members):
            a = candidates[i]
            end = max(a.date_start, a.date_end or a.date_start)
            for j in members[position + 1:]:
                if candidates[j].date_start > end:
                    break
                yield (i, j) if i < j else (j, i)


def _best(group: list[MeetingCandidate]) -> MeetingCandidate:
    """The most precise report of a meeting; ties go to the smallest article id."""
    return min(group, key=lambda c: (PRECISION_ORDER[c.date_precision], c.article_id))


def _first_known(group: list[MeetingCandidate], attribute: str):
    ordered = sorted(group, key=lambda c: (PRECISION_ORDER[c.date_precision], c.article_id))
    return next((getattr(c, attribute) for c in ordered if getattr(c, attribute) is not None), None)


def meeting_id(best: MeetingCandidate) -> str:
    """Readable id: the start date (or 'undated') and the mechanism, e.g. 2016-10-21-defence_policy_dialogue."""
    return f"{best.date_start.isoformat() if best.date_start else 'undated'}-{best.mechanism}"


def merged_meeting_rows(candidates: list[MeetingCandidate]) -> tuple[list[dict], list[dict], dict]:
    """Merge meeting candidates: meetings rows, participants rows, and the meeting id of each
    candidate by (article_id, key), which agreements and sentences rows link to."""
    groups = merge_candidates(candidates)
    groups.sort(key=lambda g: (_best(g).date_start or date.max, _best(g).mechanism, _best(g).article_id))
    ids: dict[tuple[str, int], str] = {}
    meetings, participants, used = [], [], {}
    for group in groups:
        best = _best(group)
        base = meeting_id(best)
        used[base] = used.get(base, 0) + 1
        mid = base if used[base] == 1 else f"{base}-{used[base]}"
        for candidate in group:
            ids[(candidate.article_id, candidate.key)] = mid
        meetings.append(_meeting_row(mid, group, best))
        seen = set()
        for candidate in sorted(group, key=lambda c: c.article_id):
            for person in candidate.participants:
                if person.person in seen:
                    continue
                seen.add(person.person)
                participants.append({"participant_id": f"{mid}-P{len(seen)}", "meeting_id": mid,
                                     **person._asdict(), "article_id": candidate.article_id})
    return meetings, participants, ids


def _meeting_row(mid: str, group: list[MeetingCandidate], best: MeetingCandidate) -> dict:
    return {
        "meeting_id": mid,
        "article_ids": ";".join(sorted({c.article_id for c in group})),
        "date_start": best.date_start.isoformat() if best.date_start else None,
        "date_end": best.date_end.isoformat() if best.date_end else None,
        "date_precision": best.date_precision,
        "date_evidence": best.date_evidence or None,
        "place": _first_known(group, "place"),
        "country": _first_known(group, "country"),
        "mechanism": best.mechanism,
        "edition": str(e) if (e := _first_known(group, "edition")) is not None else None,
        "format": best.format,
        "vn_lead": _first_known(group, "vn_lead"),
        "kh_lead": _first_known(group, "kh_lead"),
        "evidence_sentence": best.evidence_sentence,
    }
