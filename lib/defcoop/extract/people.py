"""Officials: an actor dictionary (PETRARCH-style) and the finder for people named in an article.

The dictionary is data/reference/officials.csv (one row per person, role and term) ranked by
data/reference/roles.csv. `find_people` works in three passes over an article's sentences:

1. aliases: any alias of any official, case- and diacritic-insensitive, whole words;
2. short references to someone already found: a Vietnamese given name ("Gen. Giang", "Chiến"),
   a Cambodian last name after a title ("Gen. Banh"), a Lao first name after a title;
   how each country's press shortens names is data (countries.csv);
3. unknown people introduced by a title ("Thai Defence Minister Sutin Klungsang") or followed by an
   appositive one ("Men Vibol, Governor of Svay Rieng province"), kept as written; a title phrase
   ends at a list separator (", and", ", ", ";"), so it belongs to the name it directly precedes.

An earlier pass wins where mentions overlap. The words around names (honorifics, ranks, vague
titles, organisation words, words never part of a name, where a title phrase ends) are
data/rules/<lang>/people.yaml, read by `name_cues`.

>>> table = load_officials()
>>> [(m.person, m.matched) for m in table.find_people(["Gen. Phan Văn Giang met Gen. Tea Seiha.", "Giang said."])]
[('Phan Van Giang', 'alias'), ('Tea Seiha', 'alias'), ('Phan Van Giang', 'short')]
"""
from __future__ import annotations

import itertools
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from defcoop.paths import REFERENCE_DIR
from defcoop.extract.places import CountryTable, Gazetteer, load_countries, load_places
from defcoop.rules.reference import (AliasMatch, AliasMatcher, ReferenceDataError, add_alias, alias_key, fold_cached,
                               parse_iso_date,
                               is_case_sensitive, read_rows, spelling_variants, split_aliases)
from defcoop.rules.cache import cached_by_content, register_cache
from defcoop.rules import RuleFileError, RuleSet, current_language, load_rules
from defcoop.rules.text import ascii_name, fold

UNRANKED = 99  # rank given to an empty role ("" = unknown), below every role in roles.csv

_PERSON, _TITLE = "person", "title"   # kinds of hit in the combined people-and-titles scan
# an apostrophe right before a capital stays inside the word: Ede and Jarai names ("H'Yim"), "O'Neill"
_TOKEN = re.compile(r"[^\W\d_](?:[\w-]|['’](?=[A-ZĐ]))*")
_SPACE_ONLY = re.compile(r"\s+")


@dataclass(frozen=True)
class NameCues:
    """The words of data/rules/<lang>/people.yaml, ready for matching (see that file's notes).

    `non_name_words` is every word never taken as part of a name: organisation words, title
    connectors, people.yaml's non-name words and the weekday and month names of dates.yaml.
    `filler` reads one word, possessive ending or comma of a title phrase.
    """

    honorifics: tuple[str, ...]
    generic_titles: tuple[str, ...]
    honorifics_in_names: frozenset[str]
    honorifics_with_marks: frozenset[str]   # as written with their diacritics; without them, another word
    organisation_words: frozenset[str]
    # organisation words as written with their diacritics: a word that folds like one but is written with other
    # marks is a name syllable (the Khmer "Bô" of "Hem Bô Na Rel" folds like "Bộ", ministry)
    organisation_words_written: frozenset[str]
    connectors: frozenset[str]
    country_prepositions: frozenset[str]
    non_name_words: frozenset[str]
    possessive_endings: tuple[str, ...]
    filler: re.Pattern[str]
    appositive_end: re.Pattern[str]
    title_gap: re.Pattern[str]
    appositive_gap: re.Pattern[str]
    # at the end of the text before a title: the gap after a name whose appositive that title is ("Men Vibol, |")
    name_before_title_gap: re.Pattern[str]
    title_continuation: re.Pattern[str]
    title_name_dash: re.Pattern[str]
    list_item_after_name: re.Pattern[str]
    original_spelling: re.Pattern[str] | None = None   # after a name: its spelling in the person's own usage
    camel_case_names: bool = False   # "SokDaRa": one word, a capital opening each syllable, is a name of that many words
    # between a country and the title clause after it: a word joining two people ("A, Bộ Quốc phòng Việt Nam và Đại
    # tướng B"), so the country is the person's before it, not the next one's; None: any gap of a few spaces counts
    joiner_before_title: re.Pattern[str] | None = None


def _original_spelling(sentence: str, end: int) -> str | None:
    """The name as the person's own country spells it, written in brackets right after a
    transliterated name (people.yaml `original_spelling_after_name`: Vietnamese "Miếc Xom On
    (Meas Som Ol)"); None without one, or when the brackets hold a place or a country.

    >>> from defcoop.rules import rules_language
    >>> with rules_language("vi"):
    ...     _original_spelling("Đại tướng Xô Kha (Sok Kha) phát biểu", 16), _original_spelling("Đại tá Xô Kha (Svay Rieng)", 13)
    ('Sok Kha', None)
    """
    from defcoop.extract.places import find_countries, find_places

    cue = name_cues().original_spelling
    found = cue.match(sentence, end) if cue is not None else None
    if found is None or find_places(found.group("name")) or find_countries(found.group("name")):
        return None
    return found.group("name")


def _unmarked_honorific(as_written: str, sentence: str) -> bool:
    """An honorific of `honorifics_with_marks` written without its diacritics in a sentence written
    with them: another word that folds like it (Vietnamese "ba", three, as in "ngã ba" (a
    junction), is no "Bà", Mrs).

    >>> from defcoop.rules import rules_language
    >>> with rules_language("vi"):
    ...     _unmarked_honorific("ba", "ngã ba Bình Minh"), _unmarked_honorific("bà", "bà Lê Thị A"), _unmarked_honorific("ba", "ba Le Thi A")
    (True, False, False)
    """
    marked = name_cues().honorifics_with_marks
    if not marked or not as_written.isascii() or sentence.isascii():
        return False
    return any(fold(word) == fold(as_written) for word in marked)


def name_cues(lang: str | None = None) -> NameCues:
    """The cue words of people.yaml (and the calendar words of dates.yaml), compiled once per
    content of the files (an edit of either is seen by the next build: `defcoop.rules.cache.refresh`
    drops every rule file read when one of them changed).

    >>> cues = name_cues()
    >>> "ministry" in cues.non_name_words, "monday" in cues.non_name_words, "seiha" in cues.non_name_words
    (True, True, False)
    >>> cues.appositive_end.search("Bun Seng, Commander of Military Region 3, said", 10).start()
    40
    """
    return load_rules("people", lang).derived(_build_name_cues)


def _build_name_cues(rules: RuleSet) -> NameCues:
    dates = load_rules("dates", Path(rules.source).parent.name)   # the same language's dates.yaml
    organisation_words = frozenset(rules.words("organisation_words"))
    connectors = frozenset(rules.words("title_connectors"))
    # Vietnamese writes its connectors in lowercase ("Thứ trưởng kiêm Tổng Tham mưu trưởng"): a capitalised
    # word that folds like one is a name (the given name Kiệm), so they are no non-name words there
    in_names = "capitalised_connectors_in_names" in rules.rules and rules.value("capitalised_connectors_in_names")
    if not isinstance(in_names, bool):
        raise RuleFileError(rules.source, rules.rules["capitalised_connectors_in_names"].line,
                            "'capitalised_connectors_in_names' must be true or false")
    non_name_words = (organisation_words | (frozenset() if in_names else connectors)
                      | frozenset(rules.words("non_name_words"))
                      | frozenset(dates.words("weekdays")) | frozenset(_full_month_names(dates.table("months"))))
    possessives = rules.words("possessive_endings")
    # ",", then each possessive ending, then any word: the possessive wins over the word reader.
    filler = "(?:" + "|".join([",", *(re.escape(ending) + r"\b" for ending in possessives), r"[\w-]+\.?"]) + ")"
    return NameCues(
        honorifics=rules.words("honorifics"), generic_titles=rules.words("generic_titles"),
        honorifics_in_names=frozenset(rules.words("honorifics_in_names")),
        honorifics_with_marks=frozenset(word.lower() for word in rules.words("honorifics_with_marks"))
        if "honorifics_with_marks" in rules.rules else frozenset(),
        organisation_words=organisation_words, connectors=connectors,
        organisation_words_written=frozenset(unicodedata.normalize("NFC", word.lower())
                                             for word in rules.words("organisation_words_written"))
        if "organisation_words_written" in rules.rules else frozenset(),
        country_prepositions=frozenset(rules.words("country_prepositions")),
        non_name_words=non_name_words, possessive_endings=possessives, filler=re.compile(filler),
        appositive_end=rules.regex("appositive_end"), title_gap=rules.regex("title_gap"),
        appositive_gap=rules.regex("appositive_gap"), name_before_title_gap=rules.regex("name_before_title_gap"),
        title_continuation=rules.regex("title_continuation"),
        title_name_dash=rules.regex("title_name_dash"), list_item_after_name=rules.regex("list_item_after_name"),
        original_spelling=rules.regex("original_spelling_after_name") if "original_spelling_after_name" in rules.rules
        else None,
        camel_case_names="camel_case_names" in rules.rules and rules.value("camel_case_names") is True,
        joiner_before_title=rules.regex("joiner_before_title") if "joiner_before_title" in rules.rules else None)


def _full_month_names(months: dict[str, int]) -> list[str]:
    """The full name of each month: the longest of its names in a months table (dates.yaml
    lists abbreviations too, which may well be names: "Jun", "Jan").

    >>> _full_month_names({"jan": 1, "january": 1, "may": 5})
    ['january', 'may']
    """
    longest: dict[int, str] = {}
    for name, number in months.items():
        if len(name) > len(longest.get(number, "")):
            longest[number] = name
    return [longest[number] for number in sorted(longest)]


# Names other modules import (meetings.py): read from people.yaml at each use, never at import.
@dataclass(frozen=True)
class Official:
    """One person in one role for one term; empty term dates mean unknown start / still in office."""

    person: str
    country: str
    role: str
    rank: int
    title: str
    term_start: date | None
    term_end: date | None
    aliases: tuple[str, ...]
    source: str

    def covers(self, day: date) -> bool:
        """The term contains `day` (both ends inclusive, open ends unbounded).

        >>> Official("X", "VN", "head_of_state", 2, "President", date(2023, 3, 2), date(2024, 3, 21), (), "").covers(date(2024, 3, 21))
        True
        """
        return (self.term_start is None or self.term_start <= day) and (self.term_end is None or day <= self.term_end)


@dataclass(frozen=True)
class PersonMention:
    person: str            # canonical name, or the name as written for title-pattern finds
    name_as_written: str
    country: str           # ISO-2, '' if unknown
    role: str              # role id, '' if unknown
    sentence_index: int
    start: int             # char offsets in that sentence
    end: int
    matched: str           # "alias" | "short" | "near" (a one-letter misspelling of an alias) | "title"


@dataclass(frozen=True)
class Role:
    role: str
    rank: int
    label: str
    titles: tuple[str, ...]


# --- roles ---------------------------------------------------------------------------------------

@cached_by_content(lambda: os.path.join(REFERENCE_DIR, "roles.csv"))
def load_roles(path: str | Path | None = None) -> dict[str, Role]:
    """Roles by id from roles.csv (default data/reference/roles.csv), validated; cached.

    >>> load_roles()["defence_minister"].rank < load_roles()["deputy_defence_minister"].rank
    True
    """
    path = Path(path) if path else REFERENCE_DIR / "roles.csv"
    roles: dict[str, Role] = {}
    for line, row in read_rows(path, ("role", "rank", "label")):
        if not re.fullmatch(r"[a-z_]+", row["role"]):
            raise ReferenceDataError.at(path, line, f"role id must be lower_snake_case, got '{row['role']}'")
        if row["role"] in roles:
            raise ReferenceDataError.at(path, line, f"duplicate role '{row['role']}'")
        if not row["rank"].isdigit() or int(row["rank"]) < 1:
            raise ReferenceDataError.at(path, line, f"rank must be a positive integer, got '{row['rank']}'")
        roles[row["role"]] = Role(row["role"], int(row["rank"]), row["label"], split_aliases(row.get("titles", "")))
    return roles


def rank_of(role: str) -> int:
    """Protocol rank of a role id (1 = highest); UNRANKED for '' (unknown role).

    >>> rank_of("head_of_state") < rank_of("defence_minister") < rank_of("")
    True
    """
    if not role:
        return UNRANKED
    return load_roles()[role].rank


# --- the table -----------------------------------------------------------------------------------

class OfficialsTable:
    """The actor dictionary: terms of office by person, and the matchers that find people in text."""

    def __init__(self, officials: tuple[Official, ...], aliases: dict, titles: dict,
                 short_names: dict[str, frozenset[str]], countries: CountryTable, places: Gazetteer):
        """`aliases` and `titles` are alias entries (see reference.add_alias) for people and titles."""
        self.officials = officials
        self._by_person: dict[str, list[Official]] = {}
        for official in officials:
            self._by_person.setdefault(official.person, []).append(official)
        self._titles = AliasMatcher(titles)
        # People and titles in one regex; a title never outranks a person's alias of the same text.
        combined = {key: ((_TITLE, role), exact) for key, (role, exact) in titles.items()}
        combined.update({key: ((_PERSON, person), exact) for key, (person, exact) in aliases.items()})
        self._names_and_titles = AliasMatcher(combined)
        self._short_names = short_names
        self._short_keys_of: dict[str, set[str]] = {}
        for key, people in short_names.items():
            for person in people:
                self._short_keys_of.setdefault(person, set()).add(key)
        self._short_matcher = AliasMatcher({key: (key, None) for key in short_names}, capitalised=True)
        self._countries = countries
        self._places = places
        self._near_keys = _names_by_first_word(officials)
        self._spaceless_keys = _names_without_spaces(officials)

    # -- terms --

    def roles_of(self, person: str) -> list[Official]:
        """Every term of `person`, earliest first ([] for someone not in the table).

        >>> [o.role for o in load_officials().roles_of("Tea Banh")]
        ['defence_minister', 'deputy_prime_minister']
        """
        return sorted(self._by_person.get(person, []), key=lambda o: (o.term_start or date.min, o.rank))

    def role_at(self, person: str, day: date | None) -> Official | None:
        """The highest-ranked term of `person` containing `day`; with no day, the current one.

        "Current" is the highest-ranked open term, else the one that ended last.

        >>> load_officials().role_at("Tea Banh", date(2023, 9, 1)) is None
        True
        """
        terms = self._by_person.get(person, [])
        if day is None:
            return min(terms, key=_recency_key, default=None)
        return min((o for o in terms if o.covers(day)), key=lambda o: o.rank, default=None)

    def term_window(self, person: str, role: str | None = None) -> tuple[date | None, date | None]:
        """Union span of `person`'s terms (in `role` if given); None = open (or unknown person).

        >>> load_officials().term_window("Vo Van Thuong", "head_of_state")
        (datetime.date(2023, 3, 2), datetime.date(2024, 3, 21))
        """
        terms = [o for o in self._by_person.get(person, []) if role is None or o.role == role]
        if not terms:
            return None, None
        start = None if any(o.term_start is None for o in terms) else min(o.term_start for o in terms)
        end = None if any(o.term_end is None for o in terms) else max(o.term_end for o in terms)
        return start, end

    def titles_in(self, sentence: str) -> list:
        """The role titles written in `sentence` (hits with start, end and the role as value).

        >>> [hit.value for hit in load_officials().titles_in("The deputy defence minister spoke.")]
        ['deputy_defence_minister']
        """
        return list(self._titles.find(sentence))

    def written_role(self, sentence: str, mention: "PersonMention", held_only: bool = True) -> str | None:
        """The role a title written next to the name gives, when the person held that role:
        "Vietnamese Defence Minister Ngo Xuan Lich" (before it, ranks allowed between) or "Ngo
        Xuan Lich, Minister of National Defence" (right after a comma). None otherwise.

        Terms of office then narrow to that role's: Lich was a defence minister from 2016, but
        in officials.csv from 2011 in another post. With `held_only` false, any role the title
        names, listed for the person or not (what the article says they were at the time).

        >>> table = load_officials()
        >>> sentence = "He met Vietnamese Defence Minister General Ngo Xuan Lich in Hanoi."
        >>> table.written_role(sentence, table.find_people([sentence])[0])
        'defence_minister'
        >>> sentence = "He met Commander of Military Region 7 Lieutenant General Nguyen Truong Thang."
        >>> table.written_role(sentence, table.find_people([sentence])[0], held_only=False)
        'service_commander'
        """
        held = {o.role for o in self._by_person.get(mention.person, [])}
        if not held and held_only:
            return None
        cues = name_cues()
        for hit in sorted(self._titles.find(sentence), key=lambda h: -h.end):
            gap = sentence[hit.end:mention.start] if hit.end <= mention.start else sentence[mention.end:hit.start]
            before = hit.end <= mention.start and cues.title_gap.fullmatch(gap)
            after = hit.start >= mention.end and cues.appositive_gap.fullmatch(gap)
            if (before or after) and hit.value and (hit.value in held or not held_only):
                return hit.value
        return None

    # -- finding people --

    def find_people(self, sentences: list[str], day: date | None = None,
                    introduced: list[PersonMention] | tuple = ()) -> list[PersonMention]:
        """Everyone named in an article's sentences, in reading order (see module docstring).

        `role` of a dictionary person is their role on `day` (the article's date when known),
        else their current role. Each sentence is scanned once for aliases and titles together.
        `introduced` are people that texts outside the sentences introduced by title (the article's
        removed photo captions, `introduced_people`): the body's bare mentions of them count
        (`_bare_references`), as do those of people a title introduces in the sentences.
        """
        folded = [fold_cached(sentence) for sentence in sentences]
        scans = [self._names_and_titles.find(sentence, folded_sentence)
                 for sentence, folded_sentence in zip(sentences, folded)]
        titles = [[AliasMatch(h.start, h.end, h.as_written, h.value[1]) for h in scan
                   if h.value[0] == _TITLE and not _unmarked_honorific(h.as_written, sentence)]
                  for scan, sentence in zip(scans, sentences)]
        mentions = [self._mention(AliasMatch(h.start, h.end, h.as_written, h.value[1]), index, "alias", day)
                    for index, scan in enumerate(scans) for h in scan if h.value[0] == _PERSON]
        found = frozenset(m.person for m in mentions)
        short_keys = {key for person in found for key in self._short_keys_of.get(person, ())}
        for index, sentence in enumerate(sentences):
            # Titles count as taken too: the "Sen." of "Sen. Lt. Gen." is not Hun Sen.
            taken = [(m.start, m.end) for m in mentions if m.sentence_index == index]
            taken += [(title.start, title.end) for title in titles[index]]
            if short_keys and any(key in folded[index] for key in short_keys):
                for mention in self._short_references(sentence, folded[index], index, found, titles[index], day):
                    if not _overlaps(mention.start, mention.end, taken):
                        mentions.append(mention)
                        taken.append((mention.start, mention.end))
            for mention in self._titled_short_names(sentence, folded[index], index, titles[index], day):
                if not _overlaps(mention.start, mention.end, taken):
                    mentions.append(mention)
                    taken.append((mention.start, mention.end))
            for mention in self._title_pattern_people(sentence, folded[index], index, titles[index]):
                if not _overlaps(mention.start, mention.end, taken):
                    near = (self._respaced_official(mention.person) or self._near_official(mention.person)
                            or self._near_official_in_role(mention.person, mention.role))
                    if near is not None:
                        hit = AliasMatch(mention.start, mention.end, mention.name_as_written, near)
                        mention = self._mention(hit, index, "near", day)
                    mentions.append(mention)
        introduced = [m for m in mentions if m.matched == "title"] + list(introduced)
        if introduced:
            taken = [[(t.start, t.end) for t in titles[index]] for index in range(len(sentences))]
            for mention in mentions:
                taken[mention.sentence_index].append((mention.start, mention.end))
            mentions += _bare_references(sentences, introduced, taken, self._places)
        return _trailing_names_of_people(
            _short_names_of_titled_people(sorted(mentions, key=lambda m: (m.sentence_index, m.start))))

    def introduced_people(self, texts: list[str] | tuple) -> list[PersonMention]:
        """People outside the dictionary that `texts` (photo captions) introduce by title; each
        mention's `sentence_index` is its text's index in `texts`.

        >>> [m.person for m in load_officials().introduced_people(["Maj. Gen. Pham Van Nam (R) and Gen. Tea Banh."])]
        ['Pham Van Nam']
        """
        found = []
        for index, text in enumerate(texts):
            folded = fold_cached(text)
            scan = self._names_and_titles.find(text, folded)
            titles = [AliasMatch(h.start, h.end, h.as_written, h.value[1]) for h in scan
                      if h.value[0] == _TITLE and not _unmarked_honorific(h.as_written, text)]
            known = [(h.start, h.end) for h in scan if h.value[0] == _PERSON]
            found += [m for m in self._title_pattern_people(text, folded, index, titles)
                      if not _overlaps(m.start, m.end, known) and self._near_official(m.person) is None
                      and self._respaced_official(m.person) is None]
        return found

    def _respaced_official(self, name: str) -> str | None:
        """The one official whose name or alias has the same letters as a titled `name` with its
        syllables spaced otherwise ("General Ouk Sey Ha", a camel-cased "SeyHa" split, is Ouk Seyha;
        "Chay Saingyun" is Chay Saing Yun); None when there is no such official or more than one,
        or when the name is written as the official's is (an alias match found it already).

        >>> load_officials()._respaced_official("Tea Sei Ha"), load_officials()._respaced_official("Teaseiha")
        ('Tea Seiha', None)
        """
        words = fold(name).split()
        if len(words) < 2:
            return None     # one word glued from a whole name is too loose a match
        found = self._spaceless_keys.get("".join(words), frozenset())
        return next(iter(found)) if len(found) == 1 else None

    def _near_official(self, name: str) -> str | None:
        """The one official whose name differs from a titled `name` by a single letter in its
        last word ("Defence Minister Tea Bank" is Tea Banh); None when there is no such official
        or more than one.

        >>> load_officials()._near_official("Tea Bank"), load_officials()._near_official("Tea Bun")
        ('Tea Banh', None)
        """
        words = fold(name).split()
        if len(words) < 2 or len(words[-1]) < 4:
            return None
        found = {person for person, first, last in self._near_keys.get((len(words), words[0]), ())
                 if first == tuple(words[:-1]) and _one_letter_apart(last, words[-1])}
        return found.pop() if len(found) == 1 else None

    def _near_official_in_role(self, name: str, role: str | None) -> str | None:
        """The one official who held the role the written title names (`role`, from roles.csv) and
        whose name differs from `name` by a single letter in any one word, the family name too:
        "Deputy Defence Minister Vu Minh Luong" is Vo Minh Luong, a deputy defence minister. Without
        a role, or with two such officials, None.

        >>> load_officials()._near_official_in_role("Vu Minh Luong", "deputy_defence_minister")
        'Vo Minh Luong'
        >>> load_officials()._near_official_in_role("Vu Minh Luong", "head_of_state") is None
        True
        """
        if not role:
            return None
        words = fold(name).split()
        if len(words) < 2:
            return None
        found = set()
        for official in self.officials:
            if official.role != role:
                continue
            for written in (official.person, *official.aliases):
                other = fold(written).split()
                if len(other) != len(words):
                    continue
                differing = [(a, b) for a, b in zip(words, other) if a != b]
                if len(differing) == 1 and _one_letter_apart(*differing[0]):
                    found.add(official.person)
        return found.pop() if len(found) == 1 else None

    def _short_references(self, sentence: str, folded: str, index: int, found: frozenset[str],
                          titles: list[AliasMatch[str]], day: date | None) -> list[PersonMention]:
        """Short names in one sentence that resolve to exactly one person already found."""
        mentions = []
        for hit in self._short_matcher.find(sentence, folded):
            person = self._resolve_short(sentence, folded, hit, found, titles)
            if person:
                mentions.append(self._mention(AliasMatch(hit.start, hit.end, hit.as_written, person),
                                              index, "short", day))
        return mentions

    def _titled_short_names(self, sentence: str, folded: str, index: int, titles: list[AliasMatch[str]],
                            day: date | None) -> list[PersonMention]:
        """A title plus a short name only one official in the whole table has ("Gen. Giang").

        Used when the article never gives the full name (it was in a dropped photo caption);
        with `day`, that official must have been in office then (term windows are wide).
        """
        mentions = []
        country_spans = None
        for title in titles:
            token = _TOKEN.match(sentence, title.end + 1) if sentence[title.end:title.end + 1] == " " else None
            if not token or not token.group()[0].isupper():
                continue
            if country_spans is None:
                country_spans = {(start, end) for _iso2, start, end, _written in self._countries.find(sentence, folded)}
            if any(start == token.start() and end > token.end() for start, end in country_spans):
                continue   # the first word of a longer country name ("Thứ trưởng Bộ Quốc phòng Việt Nam")
            people = self._short_names.get(folded[token.start():token.end()], frozenset())
            if len(people) > 1:
                people = self._by_body_named(people, folded, day)
            if len(people) != 1 or name_cues().title_continuation.match(folded, token.start()):
                continue   # (or the title goes on: "Thứ trưởng Thường trực", a permanent deputy minister)
            if _capitalised_word_follows(sentence, token.end()):
                continue   # the first word of another person's full name ("Vice Minister Giang Van Tuan")
            person = next(iter(people))
            if day is None or self._in_office(person, day):
                hit = AliasMatch(token.start(), token.end(), token.group(), person)
                mentions.append(self._mention(hit, index, "short", day))
        return mentions

    def _by_body_named(self, people: frozenset[str], folded: str, day: date | None) -> frozenset[str]:
        """Of several officials one short name may mean, the one whose office's body the sentence
        names: "on behalf of the General Staff, General A ..." is the one whose title in officials.csv
        is "Chief of the General Staff", not the one heading another department (`_title_body`).
        With `day`, only officials in office then count. All of `people` when not exactly one fits.

        >>> table = load_officials()
        >>> sorted(table._by_body_named(frozenset({"Luong Cuong", "Nguyen Tan Cuong"}), "for the general staff, gen. x", None))
        ['Nguyen Tan Cuong']
        >>> len(table._by_body_named(frozenset({"Luong Cuong", "Nguyen Tan Cuong"}), "gen. x said", None))
        2
        """
        fitting = frozenset(
            person for person in people
            if (day is None or self._in_office(person, day))
            and any(body and re.search(r"\b" + re.escape(body) + r"\b", folded)
                    for body in (_title_body(o.title) for o in self._by_person.get(person, ()))))
        return fitting if len(fitting) == 1 else people

    def _in_office(self, person: str, day: date) -> bool:
        """`day` falls within the union span of `person`'s terms."""
        start, end = self.term_window(person)
        return (start is None or start <= day) and (end is None or day <= end)

    def _mention(self, hit: AliasMatch[str], index: int, how: str, day: date | None) -> PersonMention:
        official = self.role_at(hit.value, day) or self.role_at(hit.value, None)
        country = official.country if official else ""
        return PersonMention(hit.value, hit.as_written, country, official.role if official else "",
                             index, hit.start, hit.end, how)

    def _resolve_short(self, sentence: str, folded: str, hit: AliasMatch[str], found: frozenset[str],
                       titles: list[AliasMatch[str]]) -> str | None:
        """The one already-found person a short name can mean here, or None."""
        candidates = self._short_names[hit.value] & found
        if len(candidates) != 1 or name_cues().title_continuation.match(folded, hit.start):
            return None   # (or the word begins the name of an office or force: "Hải quân", the navy)
        person = next(iter(candidates))
        rules = self._countries.get(self._by_person[person][0].country)
        if _follows_title(hit.start, titles, sentence):
            return person
        if not rules.short_name_alone or _next_to_capitalised_word(sentence, hit.start, hit.end):
            return None
        if any(p.start <= hit.start and hit.end <= p.end for p in self._places.find(sentence, folded)):
            return None
        return person

    def _title_pattern_people(self, sentence: str, folded: str, index: int,
                              titles: list[AliasMatch[str]]) -> list[PersonMention]:
        """People outside the dictionary introduced by a chain of titles: kept as written."""
        mentions, appositives = [], []
        own_title_country, dash_titles = {}, []   # see title_name_dash below
        country_hits = place_hits = None
        title_spans = [(title.start, title.end) for title in titles]
        i = 0
        while i < len(titles):
            chain_start, pos, i = titles[i].start, titles[i].end, i + 1
            # "Name, Title ...": the title phrase is that name's appositive and ends at the next comma.
            before = _read_name_before(sentence, chain_start, title_spans)
            if before is not None and (not self._plausible_name(sentence, *before)
                                       or name_cues().title_continuation.match(folded, before[0])):
                before = None   # (or an organ's name: "Phó Tư lệnh Lục quân, Tư lệnh ...")
            while True:
                place_hits = self._places.find(sentence, folded) if place_hits is None else place_hits
                pos = self._skip_filler(sentence, folded, pos, place_hits)
                if sentence[pos:pos + 1] == ",":
                    # A list separator ends the title: it belongs to the name it directly precedes.
                    # Only "Defence Minister, Gen. Tea Banh" (a title right after the comma) goes on.
                    gap = _SPACE_ONLY.match(sentence, pos + 1)
                    after = gap.end() if gap else pos + 1
                    if before is not None or not any(t.start == after for t in titles[i:]):
                        pos = None
                        break
                    pos = after
                while i < len(titles) and titles[i].start < pos:
                    i += 1
                if i < len(titles) and titles[i].start == pos:
                    pos, i = titles[i].end, i + 1
                    continue
                break
            dash = name_cues().title_name_dash.match(sentence, pos) if pos is not None else None
            if dash and _read_name(sentence, dash.end()):
                # "Chủ tịch UBND tỉnh - Đỗ Văn A, Phó Tỉnh trưởng Svay Rieng - Sok B": a title written
                # before a dash and a name is that name's, not an appositive of the name before it
                pos, before = dash.end(), None
                dash_titles.append(chain_start)
            if before is not None:
                country_hits = self._countries.find(sentence, folded) if country_hits is None else country_hits
                appositives.append(self._appositive_mention(sentence, folded, index, before, chain_start,
                                                         country_hits, place_hits))
            span = _read_name(sentence, pos, {start for start, _end in title_spans}) if pos is not None else None
            if span is None or not self._plausible_name(sentence, *span):
                continue
            if name_cues().title_continuation.match(folded, span[0]):
                continue   # the title goes on into an organ's name ("Quân đội Hoàng gia": royal)
            country_hits = self._countries.find(sentence, folded) if country_hits is None else country_hits
            own_start = chain_start
            if before is not None:
                # the chain began as an earlier name's appositive ("A, Chief of the Dak Nong Command and Lt. Gen.
                # B"): this name's own title starts where that appositive ends
                stop = name_cues().appositive_end.search(sentence, chain_start)
                if stop is not None and stop.end() <= span[0]:
                    own_start = stop.end()
            title_country = _country_of_title(country_hits, place_hits, own_start, span[0], sentence)
            country = title_country or _country_of_appositive(sentence, span[1], country_hits, place_hits)
            role = self._role_of_title(folded[chain_start:span[0]], country_hits, chain_start)
            name = sentence[span[0]:span[1]]
            own_title_country[len(mentions)] = title_country
            mentions.append(PersonMention(_camel_case_spaced(ascii_name(_original_spelling(sentence, span[1]) or name)),
                                          name, country, role, index, span[0], span[1], "title"))
        # the title after "A, " that a dash gives to the next name is not A's appositive
        for k, mention in enumerate(mentions):
            if any(sentence[mention.end:start].strip() == "," for start in dash_titles):
                mentions[k] = PersonMention(mention.person, mention.name_as_written, own_title_country[k],
                                            mention.role, index, mention.start, mention.end, "title")
        # A name both introduced by a title and followed by an appositive: the title before it wins.
        taken = [(m.start, m.end) for m in mentions]
        return mentions + [m for m in appositives if not _overlaps(m.start, m.end, taken)]

    def _appositive_mention(self, sentence: str, folded: str, index: int, span: tuple[int, int],
                            title_start: int, country_hits: list, place_hits: list) -> PersonMention:
        """An unknown person named before an appositive title ("Men Vibol, Governor of Svay Rieng
        province"): country and role come from that appositive, up to where it ends."""
        stop = name_cues().appositive_end.search(sentence, title_start)
        end = stop.start() if stop else len(sentence)
        country = _country_of_appositive(sentence, span[1], country_hits, place_hits)
        role = self._role_of_title(folded[title_start:end], country_hits, title_start)
        name = sentence[span[0]:span[1]]
        return PersonMention(ascii_name(name), name, country, role, index, span[0], span[1], "title")

    def _skip_filler(self, sentence: str, folded: str, pos: int, places: list) -> int:
        """Move past connectors, organisation, country and place words between titles and a name.

        Places count because local offices name them ("Deputy Governor of Tboung Khmum province
        Chan Kosal"). Returns the start of the first word that is none of these (or the end).
        """
        cues = name_cues()
        long_countries = None   # country names of several words ("Việt Nam"), read whole
        while True:
            space = _SPACE_ONLY.match(folded, pos)
            pos = space.end() if space else pos
            place_end = next((p.end for p in places if p.start == pos), None)
            if place_end is not None:
                pos = place_end
                continue
            if sentence[pos:pos + 1].isupper():
                if long_countries is None:
                    long_countries = {start: end for _iso2, start, end, written in self._countries.find(sentence, folded)
                                      if " " in written.strip()}
                if pos in long_countries:
                    pos = long_countries[pos]
                    continue
            match = cues.filler.match(folded, pos)
            if not match:
                return pos
            if match.group() == ",":
                return pos  # a comma may end the title (see _title_pattern_people)
            word = match.group().rstrip(".")
            original = sentence[match.start():match.end()]
            is_filler = (match.group() in cues.possessive_endings or word in cues.organisation_words
                         or word in cues.connectors
                         or (original[:1].isupper() and bool(self._countries.find(original)))
                         or (word in cues.country_prepositions and self._country_follows(sentence, match.end())))
            if not is_filler:
                return pos
            pos = match.end()

    def _country_follows(self, sentence: str, pos: int) -> bool:
        """Whether the next word is a capitalised country name ("to | Cambodia")."""
        token = _TOKEN.match(sentence, pos + 1) if sentence[pos:pos + 1] == " " else None
        return bool(token) and token.group()[:1].isupper() and any(
            hit[1] == 0 for hit in self._countries.find(sentence[token.start():]))

    def _plausible_name(self, sentence: str, start: int, end: int) -> bool:
        """Not a place, country or organisation dressed as a name ("Gen. Phnom Penh").

        The word after the name counts too, since the name reader stops at "City" or "Centre".
        """
        following = _TOKEN.match(sentence, end + 1) if sentence[end:end + 1] == " " else None
        if following and following.group()[0].isupper() and fold(following.group()) in name_cues().non_name_words:
            return False  # "UNESCO World Heritage Centre", "Ho Chi Minh City": an organisation or place
        if following and following.group()[0].islower() and fold(following.group()) in name_cues().organisation_words:
            return False  # "deputy chief of the A B border station": the unit's name, not a person's
        text = sentence[start:following.end() if following else end]
        return not self._places.find(text) and not self._countries.find(text)

    def _role_of_title(self, title_text: str, country_hits: list, offset: int) -> str:
        """The highest-ranked role a title phrase names, country words removed ("Cambodian Ministry")."""
        for _iso2, start, end, _written in sorted(country_hits, key=lambda h: -h[1]):
            if offset <= start and end - offset <= len(title_text):
                title_text = title_text[: start - offset] + title_text[end - offset:]
        for ending in name_cues().possessive_endings:
            title_text = title_text.replace(ending + " ", " ")
        title_text = _SPACE_ONLY.sub(" ", title_text)
        roles = [hit.value for hit in self._titles.find(title_text) if hit.value]
        return min(roles, key=rank_of, default="")


_TABLES: dict = {}   # (path, language) -> OfficialsTable: titles and honorifics are the language's
register_cache(_TABLES)


def load_officials(path: str | Path | None = None) -> OfficialsTable:
    """The actor dictionary of officials.csv (default data/reference/officials.csv) for the
    current rule language (`defcoop.rules.rules_language`): the honorifics and vague titles that
    introduce a name are that language's people.yaml, the places its gazetteer. Cached per file
    content and language.

    Raises ReferenceDataError("data/reference/officials.csv:12: term_end before term_start")
    for an unknown role or country, a bad date, a missing person or an alias of two people.
    """
    key = (None if path is None else str(path), current_language())
    try:
        return _TABLES[key]
    except KeyError:
        officials, aliases = _read_officials(path)
        countries = load_countries()
        table = _TABLES[key] = OfficialsTable(officials, aliases, _title_entries(load_roles()),
                                              _short_names(officials, countries), countries, load_places())
        return table


@cached_by_content(lambda: os.path.join(REFERENCE_DIR, "officials.csv"))
def _read_officials(path: Path) -> tuple[tuple[Official, ...], dict]:
    """The rows of officials.csv and the alias entries of their people, validated; cached."""
    roles, countries = load_roles(), load_countries()
    officials, aliases, home = [], {}, {}
    for line, row in read_rows(path, ("person", "aliases", "country", "role", "title", "term_start", "term_end")):
        official = _official_from_row(row, path, line, roles, countries)
        if home.setdefault(official.person, official.country) != official.country:
            raise ReferenceDataError.at(path, line, f"{official.person} is listed under {home[official.person]} elsewhere")
        for alias in (official.person, *official.aliases):
            add_alias(aliases, alias, official.person, path, line)
        officials.append(official)
    return tuple(officials), aliases


def _official_from_row(row: dict[str, str], path: Path, line: int, roles: dict[str, Role],
                       countries: CountryTable) -> Official:
    if not row["person"]:
        raise ReferenceDataError.at(path, line, "missing person")
    if not row["country"]:
        raise ReferenceDataError.at(path, line, "missing country")
    if row["country"] not in countries:
        raise ReferenceDataError.at(path, line, f"unknown country '{row['country']}'")
    if row["role"] not in roles:
        raise ReferenceDataError.at(path, line, f"unknown role '{row['role']}'")
    try:
        start, end = parse_iso_date(row["term_start"]), parse_iso_date(row["term_end"])
    except ValueError as error:
        raise ReferenceDataError.at(path, line, f"bad date '{error}' (expected YYYY-MM-DD)") from None
    if start and end and end < start:
        raise ReferenceDataError.at(path, line, "term_end before term_start")
    return Official(row["person"], row["country"], row["role"], roles[row["role"]].rank, row["title"],
                    start, end, split_aliases(row["aliases"]), row.get("source", ""))


def _title_entries(roles: dict[str, Role]) -> dict:
    """Titles -> role id ('' for honorifics and vague titles), with and without abbreviation dots,
    and without the last one only ("Sen. Lt. Gen Hoang Xuan Chien").

    >>> entries = _title_entries({})
    >>> entries["sen. lt. gen"], entries["sen lt gen"], entries["sen. lt. gen."]
    (('', None), ('', None), ('', None))
    """
    entries: dict = {}
    cues = name_cues()
    phrases = [(title, "") for title in cues.honorifics + cues.generic_titles]
    phrases += [(title, role.role) for role in roles.values() for title in role.titles]
    for title, role in phrases:
        for variant in {title, title.replace(".", ""), title.rstrip(".")}:
            for spelling in spelling_variants(alias_key(variant)):
                if spelling not in entries or not entries[spelling][0]:
                    entries[spelling] = (role, variant if is_case_sensitive(variant) else None)
    return entries


def _title_body(title: str) -> str | None:
    """The body an office in officials.csv heads, folded: the words of its title after the first run
    of title connectors, up to the next one (people.yaml `title_connectors`); None for a title with
    no connector ("President") or a body of one word, too common a word to tell offices apart.

    >>> _title_body("Chief of the General Staff"), _title_body("Director of the Office of Works"), _title_body("President")
    ('general staff', None, None)
    """
    connectors = name_cues().connectors
    words = fold(title).split()
    first = next((i for i, word in enumerate(words) if word in connectors), None)
    if first is None:
        return None
    rest = list(itertools.dropwhile(lambda word: word in connectors, words[first:]))
    body = list(itertools.takewhile(lambda word: word not in connectors, rest))
    return " ".join(body) if len(body) > 1 else None


def _short_names(officials: list[Official], countries: CountryTable) -> dict[str, frozenset[str]]:
    """Folded short name -> people it may mean, by each country's naming rule (countries.csv)."""
    short: dict[str, set[str]] = {}
    honorifics = name_cues().honorifics_in_names
    for official in officials:
        token = countries.get(official.country).short_name_token
        if not token:
            continue
        for name in (official.person, *official.aliases):
            words = alias_key(name).split()
            if len(words) >= 2 and words[0] not in honorifics:
                short.setdefault(words[-1] if token == "last" else words[0], set()).add(official.person)
    return {key: frozenset(people) for key, people in short.items()}


def _recency_key(official: Official) -> tuple:
    """Sort key putting open terms first, then later ends, then higher rank."""
    is_open = official.term_end is None
    return (not is_open, -(official.term_end or date.max).toordinal(), official.rank)


def _short_names_of_titled_people(mentions: list["PersonMention"]) -> list["PersonMention"]:
    """A title plus a short name ("Colonel Phuc") means the person the article named in full
    before ("Senior Colonel Phan Van Phuc"), not the one official elsewhere called Phuc.

    >>> full = PersonMention("Phan Van Phuc", "Phan Van Phuc", "VN", "", 0, 15, 28, "title")
    >>> short = PersonMention("Nguyen Xuan Phuc", "Phuc", "VN", "head_of_government", 1, 8, 12, "short")
    >>> [m.person for m in _short_names_of_titled_people([full, short])]
    ['Phan Van Phuc', 'Phan Van Phuc']
    """
    from dataclasses import replace

    named: dict[str, PersonMention] = {}
    result = []
    for mention in mentions:
        if mention.matched == "title" and len(mention.person.split()) > 1:
            named.setdefault(fold(mention.person.split()[-1]), mention)
        earlier = named.get(fold(mention.name_as_written)) if mention.matched == "short" else None
        if earlier is not None and earlier.person != mention.person:
            mention = replace(mention, person=earlier.person, country=earlier.country, role=earlier.role,
                              matched="title")
        result.append(mention)
    return result


def _trailing_names_of_people(mentions: list["PersonMention"]) -> list["PersonMention"]:
    """A titled name of two or more words that ends the full name of someone the article named
    before ("Mr. Dai Quang" after "Minister Tran Dai Quang": the English press drops the
    Vietnamese family name) means that person, not a new one.

    >>> full = PersonMention("Tran Van Ba", "Tran Van Ba", "VN", "other_official", 0, 9, 20, "alias")
    >>> later = PersonMention("Van Ba", "Van Ba", "KH", "", 1, 4, 10, "title")
    >>> [(m.person, m.country) for m in _trailing_names_of_people([full, later])]
    [('Tran Van Ba', 'VN'), ('Tran Van Ba', 'VN')]
    """
    from dataclasses import replace

    named: dict[str, PersonMention] = {}
    result = []
    for mention in mentions:
        words = fold(mention.person).split()
        earlier = named.get(" ".join(words)) if mention.matched == "title" and len(words) >= 2 else None
        if earlier is not None and earlier.person != mention.person:
            mention = replace(mention, person=earlier.person, country=earlier.country, role=earlier.role,
                              matched=earlier.matched)
        elif len(words) >= 3:
            for cut in range(1, len(words) - 1):
                named.setdefault(" ".join(words[cut:]), mention)
        result.append(mention)
    return result


def _bare_references(sentences: list[str], introduced: list[PersonMention], taken: list[list[tuple[int, int]]],
                     places) -> list[PersonMention]:
    """Later mentions, without a title, of people outside the dictionary that a title introduced
    (in a sentence or a photo caption): the full name as written ("Neum Balen said") or its last
    word, the name the press uses for short ("Son said" for Maj. Gen. Pham Truong Son). A short
    form two people share, one glued to another capitalised word ("Son La") or inside a place
    name is no mention. `taken` holds each sentence's spans already found (mentions, titles).

    >>> intro = PersonMention("Pham Truong Son", "Pham Truong Son", "", "", -1, 10, 25, "title")
    >>> [(m.person, m.name_as_written) for m in _bare_references(
    ...     ["Son said the two armies would cooperate.", "They visited Son La."], [intro], [[], []], None)]
    [('Pham Truong Son', 'Son')]
    """
    forms: dict[str, set] = {}
    by_person = {}
    for mention in introduced:
        words = mention.name_as_written.split()
        if len(words) < 2:
            continue
        by_person.setdefault(mention.person, mention)
        forms.setdefault(mention.name_as_written, set()).add(mention.person)
        if len(words[-1]) >= 3:
            forms.setdefault(words[-1], set()).add(mention.person)
    found = []
    continuation = name_cues().title_continuation
    for form, people in forms.items():
        if len(people) != 1:
            continue
        person = by_person[next(iter(people))]
        short = form != person.name_as_written
        pattern = re.compile(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])")
        for index, sentence in enumerate(sentences):
            if form not in sentence:
                continue
            for match in pattern.finditer(sentence):
                start, end = match.span()
                if _overlaps(start, end, taken[index]):
                    continue
                if short and (_next_to_capitalised_word(sentence, start, end) or (places is not None and any(
                        p.start <= start and end <= p.end for p in places.find(sentence, fold_cached(sentence))))
                        or continuation.match(fold_cached(sentence), start)):
                    continue   # (a force or office: "Hải quân", the navy, is not Colonel Hải)
                taken[index].append((start, end))
                found.append(PersonMention(person.person, form, person.country, person.role, index, start, end,
                                           "title"))
    return found


def _names_by_first_word(officials) -> dict:
    """Officials' folded names and aliases of two words or more by (word count, first word):
    the candidates a misspelt name is compared with."""
    keys: dict = {}
    for official in officials:
        for written in (official.person, *official.aliases):
            words = fold(written).split()
            if len(words) >= 2:
                keys.setdefault((len(words), words[0]), set()).add((official.person, tuple(words[:-1]), words[-1]))
    return {key: tuple(sorted(value)) for key, value in keys.items()}


def _names_without_spaces(officials) -> dict[str, frozenset[str]]:
    """Officials by their folded names and aliases with the spaces taken out ("teaseiha"):
    a name written with its syllables spaced otherwise still finds its official."""
    keys: dict[str, set[str]] = {}
    for official in officials:
        for written in (official.person, *official.aliases):
            keys.setdefault("".join(fold(written).split()), set()).add(official.person)
    return {key: frozenset(people) for key, people in keys.items()}


def _one_letter_apart(a: str, b: str) -> bool:
    """One substitution, insertion or deletion turns `a` into `b` (and they differ).

    >>> _one_letter_apart("banh", "bank"), _one_letter_apart("banh", "ban"), _one_letter_apart("banh", "banh")
    (True, True, False)
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    shorter, longer = sorted((a, b), key=len)
    return any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """The span [start, end) shares a character with any of `spans` (an earlier pass's mention)."""
    return any(start < other_end and other_start < end for other_start, other_end in spans)


def _follows_title(start: int, titles: list[AliasMatch[str]], sentence: str) -> bool:
    """A title ends just before `start`, only whitespace between ("Gen. Giang")."""
    return any(t.end <= start and not sentence[t.end:start].strip() for t in titles)


def _capitalised_word_follows(sentence: str, end: int) -> bool:
    """A capitalised word follows `end` after spaces: a name token there goes on as a longer name.

    >>> _capitalised_word_follows("Vice Minister Giang Van Tuan said", 19), _capitalised_word_follows("Gen. Banh said", 9)
    (True, False)
    """
    after = re.match(r"\s+([^\W\d_][\w-]*)", sentence[end:end + 40])
    return bool(after and after.group(1)[0].isupper())


def _next_to_capitalised_word(sentence: str, start: int, end: int) -> bool:
    """A bare name glued to another capitalised word is part of a longer name ("Kien Giang")."""
    before = re.search(r"([^\W\d_][\w-]*)\s+$", sentence[max(0, start - 40):start])
    after = re.match(r"\s+([^\W\d_][\w-]*)", sentence[end:end + 40])
    return bool((before and before.group(1)[0].isupper()) or (after and after.group(1)[0].isupper()))


def _read_name(sentence: str, pos: int, title_starts: frozenset[int] | set[int] = frozenset()) -> tuple[int, int] | None:
    """Span of 2-4 capitalised name tokens starting at `pos`, or None. A dash glued to a word's
    end ends the name ("Phạm Trung Chánh- Chủ tịch ...": a title follows the dash), and so does
    one glued on both sides when a title starts right after it (`title_starts`: "Trần Văn
    Hải-Chỉ huy trưởng").

    >>> s = "Ông Phạm Trung Chánh- Chủ tịch"
    >>> s[slice(*_read_name(s, 4))]
    'Phạm Trung Chánh'
    >>> s = "Đại tá Trần Văn Hải-Chỉ huy trưởng"
    >>> s[slice(*_read_name(s, 7, {20}))]
    'Trần Văn Hải'

    A name written as capitalised syllables joined by dashes counts each syllable; one word is no name.

    >>> s = "Trung tướng Sok-Dara - Phó Tư lệnh"
    >>> s[slice(*_read_name(s, 12))], _read_name("Trung tướng Sokdara - Phó", 12)
    ('Sok-Dara', None)
    """
    spans = []
    non_name_words = name_cues().non_name_words
    while len(spans) <= 4:
        match = _TOKEN.match(sentence, pos)
        cut = next((start - 1 for start in title_starts
                    if match and match.start() < start - 1 < match.end() and sentence[start - 1] == "-"), None)
        if cut is not None:
            if _is_name_token(sentence[match.start():cut], non_name_words):
                spans.append((match.start(), cut))
            break
        if not match or not _is_name_token(match.group().rstrip("-"), non_name_words):
            break
        if match.group().endswith("-") and sentence[match.end():match.end() + 1].isspace():
            spans.append((match.start(), match.start() + len(match.group().rstrip("-"))))
            break
        spans.append(match.span())
        gap = _SPACE_ONLY.match(sentence, match.end())
        if not gap or "\n" in gap.group():
            break
        pos = gap.end()
    # a Khmer name transliterated as capitalised syllables joined by a dash ("Mông-Then") counts each syllable,
    # and so, where the language's press writes them, does one written in camel case ("SokDaRa")
    syllables = len(spans) + sum(_joined_syllables(sentence[start:end]) for start, end in spans)
    if name_cues().camel_case_names:
        syllables += sum(_camel_case_syllables(sentence[start:end]) for start, end in spans)
    if not 2 <= syllables or len(spans) > 4:
        return None
    return spans[0][0], spans[-1][1]


def _camel_case_syllables(token: str) -> int:
    """How many syllables beyond the first a word written in camel case holds ("SokDaRa": 2), every
    syllable a capital then small letters; 0 for any other word ("Sokdara", "ThS", "McCain-X").

    >>> _camel_case_syllables("SokDaRa"), _camel_case_syllables("Sokdara"), _camel_case_syllables("ThS")
    (2, 0, 0)
    """
    parts = _camel_case_parts(token)
    return len(parts) - 1 if len(parts) >= 2 else 0


def _camel_case_parts(token: str) -> list[str]:
    """The syllables of a camel-cased word, each a capital then small letters; [] when it is not one."""
    parts: list[str] = []
    for ch in token:
        if ch.isupper():
            parts.append(ch)
        elif ch.isalpha() and ch.islower() and parts:
            parts[-1] += ch
        else:
            return []
    return parts if all(len(part) >= 2 for part in parts) else []


def _camel_case_spaced(name: str) -> str:
    """A name with each camel-cased word split into its syllables, where the language reads them
    (`camel_case_names`); any other name unchanged.

    >>> _camel_case_spaced("Sok Vanna")
    'Sok Vanna'
    """
    if not name_cues().camel_case_names:
        return name
    return " ".join(" ".join(_camel_case_parts(word)) if _camel_case_syllables(word) else word
                    for word in name.split(" "))


def _joined_syllables(token: str) -> int:
    """How many capitalised syllables a dash joins to the one before it ("Mông-Then": 1; "Xăm-đéc": 0).

    >>> _joined_syllables("Mông-Then"), _joined_syllables("Xăm-đéc"), _joined_syllables("Ma-Ni-Vong")
    (1, 0, 2)
    """
    return sum(1 for i, ch in enumerate(token[1:-1], 1) if ch == "-" and token[i - 1].isalpha() and token[i + 1].isupper())


def _read_name_before(sentence: str, title_start: int,
                      titles: list[tuple[int, int]] = ()) -> tuple[int, int] | None:
    """Span of the 2-4 capitalised name tokens ending just before ", " (people.yaml
    `name_before_title_gap`: also a dash in Vietnamese) and `title_start`, or None.

    Tokens inside `titles` (spans of titles found) end the name ("Governor Men Vibol, ...").

    >>> s = "Attending were Men Vibol, Governor of Svay Rieng."
    >>> s[slice(*_read_name_before(s, s.index("Governor")))]
    'Men Vibol'
    >>> _read_name_before("Vietnam, Laos and Cambodia, Ministers", 28) is None
    True
    """
    comma = name_cues().name_before_title_gap.search(sentence, 0, title_start)
    if not comma:
        return None
    words = list(re.finditer(r"\S+", sentence[:comma.start()]))
    spans = []
    non_name_words = name_cues().non_name_words
    for word in reversed(words[-5:]):
        token = _TOKEN.fullmatch(word.group())
        if not token or not _is_name_token(token.group(), non_name_words) or _overlaps(*word.span(), titles):
            break
        spans.append(word.span())
    if not 2 <= len(spans) <= 4:
        return None
    return spans[-1][0], spans[0][1]


def _is_name_token(token: str, non_name_words: frozenset[str]) -> bool:
    """Capitalised, not one of `non_name_words` (`NameCues`), not two words glued together ("MinisterTea").

    >>> words = name_cues().non_name_words
    >>> _is_name_token("Saingyun", words), _is_name_token("Ministry", words), _is_name_token("MinisterTea", words)
    (True, False, False)
    """
    glued = any(a.islower() and b.isupper() for a, b in zip(token, token[1:]))
    if glued and name_cues().camel_case_names:
        # where the press writes Khmer names in camel case ("SokDaRa"), such a word is a name unless a syllable
        # is a word that never is one
        parts = _camel_case_parts(token)
        glued = not parts or any(fold(part) in non_name_words for part in parts)
    return token[0].isupper() and not glued and (fold(token) not in non_name_words or _marked_otherwise(token))


def _marked_otherwise(token: str) -> bool:
    """A word that folds like an organisation word but is written with other diacritics than every written form of
    it (`organisation_words_written`): a name syllable ("Bô" of a Khmer name; "Bộ", ministry, or "Bo" in a text
    written without marks, is the organisation word).

    >>> from defcoop.rules import rules_language
    >>> with rules_language("vi"):
    ...     _marked_otherwise("Bô"), _marked_otherwise("Bộ"), _marked_otherwise("Bo"), _marked_otherwise("Hem")
    (True, False, False, False)
    """
    written = name_cues().organisation_words_written
    if not written:
        return False
    lowered = unicodedata.normalize("NFC", token.lower())
    word = fold(token)
    forms = {form for form in written if fold(form) == word}
    return bool(forms) and lowered != word and lowered not in forms


def _country_of_title(country_hits: list, place_hits: list, chain_start: int, name_start: int,
                      sentence: str = "") -> str:
    """The one country named in the title phrase or just before it ("Thai Defence Minister"), or
    of the places in it ("... of the Tay Ninh provincial People's Committee"), else ''. A country
    the title points to ("Vietnamese Ambassador to Cambodia") is not the person's, nor one that ends
    the clause before the title, a comma between them ("... tỉnh Takeo, Vương quốc Campuchia, Đại tá A"), or the
    item before it in a list, a semicolon between them ("Giám đốc Học viện A Việt Nam; Đại tá B").

    >>> _country_of_title([("VN", 0, 10, "Vietnamese"), ("KH", 25, 33, "Cambodia")], [], 11, 34,
    ...                   "Vietnamese Ambassador to Cambodia Nguyen Huy Tang")
    'VN'
    """
    prepositions, joiner = name_cues().country_prepositions, name_cues().joiner_before_title
    near = {iso2 for iso2, start, end, _ in country_hits if chain_start - 4 <= end and start < name_start
            and not _after_country_preposition(sentence, start, prepositions)
            and not any(mark in sentence[end:chain_start] for mark in ",;")
            and not (joiner is not None and end < chain_start and joiner.fullmatch(sentence[end:chain_start]))}
    near |= {p.country for p in place_hits if chain_start <= p.start and p.end <= name_start}
    return near.pop() if len(near) == 1 else ""


def _after_country_preposition(sentence: str, start: int, prepositions: frozenset[str]) -> bool:
    """The word before `start` is one of `prepositions` ("Ambassador to | Cambodia")."""
    words = sentence[max(0, start - 12):start].split()
    return bool(words) and fold(words[-1]) in prepositions


def _country_of_appositive(sentence: str, name_end: int, country_hits: list, place_hits: list) -> str:
    """The first country or place named in an appositive right after the name ("Bun Seng,
    Commander of Cambodian Military Region 3,"), else ''. A comma opening the next item of a list
    (`list_item_after_name`: ", and Deputy Chief B of the Cambodian army") opens no appositive.

    >>> _country_of_appositive("led by A Bc, and Chief of the Cambodian army", 11, [("KH", 30, 39, "Cambodian")], [])
    ''
    """
    if sentence[name_end:name_end + 1] != "," or name_cues().list_item_after_name.match(sentence, name_end):
        return ""
    stop = name_cues().appositive_end.search(sentence, name_end + 2)
    end = stop.start() if stop else len(sentence)
    paired = _paired_countries(sentence, country_hits)
    hits = [(start, iso2) for iso2, start, stop_, _ in country_hits
            if name_end < start and stop_ <= end and start not in paired]
    hits += [(p.start, p.country) for p in place_hits if name_end < p.start and p.end <= end]
    return min(hits)[1] if hits else ""


def _paired_countries(sentence: str, country_hits: list) -> set[int]:
    """Starts of countries joined to another by a dash ("biên giới Việt Nam – Campuchia", "the
    Vietnam-Cambodia border"): they name a relationship, not a person's country.

    >>> sorted(_paired_countries("phụ trách biên giới Việt Nam – Campuchia",
    ...                          [("VN", 20, 28, "Việt Nam"), ("KH", 31, 40, "Campuchia")]))
    [20, 31]
    """
    spans = sorted((start, stop) for _iso2, start, stop, _ in country_hits)
    paired = set()
    for (start, stop), (next_start, next_stop) in zip(spans, spans[1:]):
        if re.fullmatch(r"\s*[-\u2013\u2014]\s*", sentence[stop:next_start]):
            paired |= {start, next_start}
    return paired
