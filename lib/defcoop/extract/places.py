"""Gazetteer and country lookup: find places and countries named in a sentence.

Both tables live in data/reference (places.csv, countries.csv), are read lazily once, and are
matched with one folded-alias regex each, so "HCM City", "TP.HCM" and "Thành phố Hồ Chí Minh"
all give Ho Chi Minh City with the offsets of the words as written.

>>> [(m.place, m.name_as_written) for m in find_places("Talks in Tây Ninh province and HCM City")]
[('Tay Ninh', 'Tây Ninh province'), ('Ho Chi Minh City', 'HCM City')]
"""
from __future__ import annotations

import os
import re

from dataclasses import dataclass
from pathlib import Path

from defcoop.paths import REFERENCE_DIR
from defcoop.rules.reference import AliasMatcher, ReferenceDataError, add_alias, alias_key, fold_cached, read_rows, split_aliases
from defcoop.rules.cache import cached_by_content, register_cache
from defcoop.rules import NEVER, current_language, load_rules

PLACE_KINDS = ("capital", "city", "province", "border_gate", "locality")   # locality: a town, base or city inside a province, placed at the province
SHORT_NAME_TOKENS = ("first", "last", "")


@dataclass(frozen=True)
class Place:
    place: str
    country: str
    kind: str
    aliases: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class PlaceMention:
    place: str
    country: str
    kind: str
    name_as_written: str
    start: int
    end: int


@dataclass(frozen=True)
class Country:
    """A country row; `short_name_token`/`short_name_alone` say how the press shortens its people's names."""

    iso2: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    short_name_token: str      # "last" (Vietnamese given name), "first" (Lao given name) or "" (never)
    short_name_alone: bool     # the short name may stand without a title ("Chiến said")
    source: str


class CountryTable:
    """Countries by ISO code plus a matcher over their names, aliases and demonyms."""

    def __init__(self, countries: dict[str, Country], matcher: AliasMatcher[str],
                 waters: AliasMatcher[str] | None = None, plain_only: frozenset[str] = frozenset()):
        self.countries = countries
        self._matcher = matcher
        self._waters = waters
        self._plain_only = plain_only   # keys whose every alias is written without diacritics

    def __contains__(self, iso2: str) -> bool:
        return iso2 in self.countries

    def get(self, iso2: str) -> Country | None:
        return self.countries.get(iso2)

    def find(self, sentence: str, folded: str | None = None,
             places: "Gazetteer | None" = None) -> list[tuple[str, int, int, str]]:
        """(iso2, start, end, as_written) for each country name or demonym in `sentence`.

        A hit inside a longer place name is not a country: "Lao Cai" is a Vietnamese province,
        "Thai Binh" too, and "the Gulf of Thailand" is a sea (waters.csv), whatever the caller.
        An alias only ever written without diacritics (the English demonym "Thai") does not match
        a word written with them (the Vietnamese surname "Thái").

        >>> load_countries().find("Patrols in the Gulf of Thailand")
        []
        >>> [hit[0] for hit in load_countries().find("Đại tá Thái Văn Minh và đoàn Thái Lan")]
        ['TH']
        """
        folded = fold_cached(sentence) if folded is None else folded
        hits = self._matcher.find(sentence, folded)
        if not hits:
            return []
        place_spans = [(m.start, m.end) for m in places.find(sentence, folded)] if places else []
        if self._waters is not None:
            place_spans += [(m.start, m.end) for m in self._waters.find(sentence, folded)]
        found = []
        for hit in hits:
            if any(s <= hit.start and hit.end <= e and e - s > hit.end - hit.start for s, e in place_spans):
                continue
            if not hit.as_written.isascii() and alias_key(hit.as_written) in self._plain_only:
                continue
            found.append((hit.value, hit.start, hit.end, hit.as_written))
        return found


class Gazetteer:
    """Places by canonical name plus a matcher over their aliases."""

    def __init__(self, places: dict[str, Place], matcher: AliasMatcher[str],
                 waters: AliasMatcher[str] | None = None, common_word: re.Pattern | None = None,
                 place_word_before: re.Pattern | None = None, seat_venues: re.Pattern | None = None,
                 seat_place: str | None = None, regional_seats: re.Pattern | None = None,
                 regional_seat_places: dict[str, str] | None = None):
        self.places = places
        self._matcher = matcher
        self._waters = waters
        self._common_word = common_word
        self._place_word_before = place_word_before
        self._seat_venues = seat_venues
        self._seat_place = None if seat_venues is None else places[seat_place]
        self._regional_seats = regional_seats
        self._regional_places = {key: places[name] for key, name in (regional_seat_places or {}).items()}

    def find(self, sentence: str, folded: str | None = None) -> list[PlaceMention]:
        """Every gazetteer place in `sentence`, longest alias first, trailing "province"/"city" included.

        A name inside a sea's (waters.csv: "Tây Thái Bình Dương", the Western Pacific, holds the
        province Thái Bình) is none; a name that is also a common word of the language
        (places.yaml `common_word_names`: "Hòa Bình", peace, as in the palace "Cung Hòa Bình") is
        a place only after a generic place word (`place_word_before`: "tỉnh Hòa Bình"). The seat
        of a national institution named without its city (places.yaml `seat_venues`: "trụ sở Bộ
        Quốc phòng") is a mention of the place `seat_venue_place` names; the seat of a numbered
        regional command (`regional_seats`: "tại Bộ Tư lệnh Quân khu 5") one of the place
        `regional_seat_places` gives its number.
        """
        folded = fold_cached(sentence) if folded is None else folded
        hits = self._matcher.find(sentence, folded)
        seats = [] if self._seat_venues is None else [(m, self._seat_place) for m in self._seat_venues.finditer(folded)]
        if self._regional_seats is not None:
            seats += [(m, self._regional_places[m.group("n")]) for m in self._regional_seats.finditer(folded)
                      if m.group("n") in self._regional_places]
        if not hits and not seats:
            return []
        seas = [(m.start, m.end) for m in self._waters.find(sentence, folded)] if self._waters is not None else []
        mentions = []
        for hit in hits:
            if any(s <= hit.start and hit.end <= e and e - s > hit.end - hit.start for s, e in seas):
                continue
            if (self._common_word is not None and self._common_word.fullmatch(folded[hit.start:hit.end])
                    and not self._place_word_before.search(folded[:hit.start])):
                continue
            place = self.places[hit.value]
            mentions.append(PlaceMention(place.place, place.country, place.kind, hit.as_written, hit.start, hit.end))
        if seats:
            mentions += [PlaceMention(seat.place, seat.country, seat.kind, sentence[m.start():m.end()], m.start(), m.end())
                         for m, seat in seats if not any(n.start < m.end() and m.start() < n.end for n in mentions)]
            mentions.sort(key=lambda m: m.start)
        return mentions

    def province_of(self, name: str) -> str | None:
        """The province a point place (a border gate) lies in: the first province of the place's
        own country that its row's note names ("Tay Ninh; opposite Bavet (Svay Rieng)"); None
        when the note names none.

        >>> load_places().province_of("Moc Bai"), load_places().province_of("Xa Xia")
        ('Tay Ninh', 'Kien Giang')
        """
        place = self.places.get(name)
        if place is None or not place.note:
            return None
        return next((m.place for m in self.find(place.note) if m.kind == "province" and m.country == place.country),
                    None)


@cached_by_content(lambda: os.path.join(REFERENCE_DIR, "countries.csv"))
def load_countries(path: str | Path | None = None) -> CountryTable:
    """Read and validate countries.csv (default: data/reference/countries.csv); cached.

    >>> load_countries().get("KH").demonyms
    ('Cambodian', 'Khmer')
    """
    path = Path(path) if path else REFERENCE_DIR / "countries.csv"
    countries: dict[str, Country] = {}
    entries: dict = {}
    written_with_diacritics: dict[str, bool] = {}
    for line, row in read_rows(path, ("iso2", "name", "aliases", "demonyms")):
        country = _country_from_row(row, path, line)
        if country.iso2 in countries:
            raise ReferenceDataError.at(path, line, f"duplicate iso2 '{country.iso2}'")
        countries[country.iso2] = country
        for alias in (country.name, *country.aliases, *country.demonyms):
            add_alias(entries, alias, country.iso2, path, line)
            key = alias_key(alias)
            written_with_diacritics[key] = written_with_diacritics.get(key, False) or not alias.isascii()
    plain_only = frozenset(key for key, marked in written_with_diacritics.items() if not marked)
    return CountryTable(countries, AliasMatcher(entries, capitalised=True), load_waters(), plain_only)


@cached_by_content(lambda: os.path.join(REFERENCE_DIR, "waters.csv"))
def load_waters(path: str | Path | None = None) -> AliasMatcher[str]:
    """Matcher over waters.csv: seas and gulfs whose names contain a country's ("Gulf of Thailand"),
    so that country is not counted as named. Any case: "gulf of thailand" is no country either."""
    path = Path(path) if path else REFERENCE_DIR / "waters.csv"
    entries: dict = {}
    for line, row in read_rows(path, ("name", "aliases")):
        if not row["name"]:
            raise ReferenceDataError.at(path, line, "missing name")
        for alias in (row["name"], *split_aliases(row["aliases"])):
            add_alias(entries, alias, row["name"], path, line)
    return AliasMatcher(entries)


def _country_from_row(row: dict[str, str], path: Path, line: int) -> Country:
    iso2, name = row["iso2"], row["name"]
    if len(iso2) != 2 or not iso2.isupper():
        raise ReferenceDataError.at(path, line, f"iso2 must be two capital letters, got '{iso2}'")
    if not name:
        raise ReferenceDataError.at(path, line, "missing name")
    token = row.get("short_name_token", "")
    if token not in SHORT_NAME_TOKENS:
        raise ReferenceDataError.at(path, line, f"short_name_token must be first, last or empty, got '{token}'")
    alone = row.get("short_name_alone", "")
    if alone not in ("yes", "no", ""):
        raise ReferenceDataError.at(path, line, f"short_name_alone must be yes, no or empty, got '{alone}'")
    return Country(iso2, name, split_aliases(row["aliases"]), split_aliases(row["demonyms"]),
                   token, alone == "yes", row.get("source", ""))


_GAZETTEERS: dict = {}   # (path, language) -> Gazetteer: the words after a name are the language's
register_cache(_GAZETTEERS)


def load_places(path: str | Path | None = None) -> Gazetteer:
    """The gazetteer of places.csv (default: data/reference/places.csv) for the current rule
    language (`defcoop.rules.rules_language`): the words a name may carry after it ("province",
    "border gate") are `place_suffix` of that language's places.yaml. Cached per file content
    and language.

    >>> load_places().places["Phnom Penh"].kind
    'capital'
    """
    key = (None if path is None else str(path), current_language())
    try:
        return _GAZETTEERS[key]
    except KeyError:
        places, entries = _read_places(path)
        rules = load_rules("places")
        suffix = rules.pattern("place_suffix")
        common = rules.pattern("common_word_names")
        seats = rules.pattern("seat_venues")
        seat_place = rules.value("seat_venue_place") or None
        if seats != NEVER and seat_place not in places:
            raise ReferenceDataError(rules.source, rules.rules["seat_venue_place"].line,
                                     f"seat_venue_place '{seat_place}' is no place of places.csv")
        regional = rules.pattern("regional_seats")
        regional_places = {str(number): name for number, name in rules.table("regional_seat_places").items()}
        for name in regional_places.values():
            if name not in places:
                raise ReferenceDataError(rules.source, rules.rules["regional_seat_places"].line,
                                         f"regional_seat_places '{name}' is no place of places.csv")
        gazetteer = _GAZETTEERS[key] = Gazetteer(
            places, AliasMatcher(entries, suffix=suffix, capitalised=True), load_waters(),
            None if common == NEVER else re.compile(common), rules.regex("place_word_before"),
            None if seats == NEVER else rules.regex("seat_venues"), seat_place,
            None if regional == NEVER else rules.regex("regional_seats"), regional_places)
        return gazetteer


@cached_by_content(lambda: os.path.join(REFERENCE_DIR, "places.csv"))
def _read_places(path: Path) -> tuple[dict[str, Place], dict]:
    """Places by name and their alias entries from places.csv, validated; cached."""
    countries = load_countries()
    places: dict[str, Place] = {}
    entries: dict = {}
    for line, row in read_rows(path, ("place", "aliases", "country", "kind")):
        place = _place_from_row(row, path, line, countries)
        if place.place in places:
            raise ReferenceDataError.at(path, line, f"duplicate place '{place.place}'")
        places[place.place] = place
        for alias in (place.place, *place.aliases):
            add_alias(entries, alias, place.place, path, line)
    return places, entries


def _place_from_row(row: dict[str, str], path: Path, line: int, countries: CountryTable) -> Place:
    if not row["place"]:
        raise ReferenceDataError.at(path, line, "missing place")
    if row["country"] not in countries:
        raise ReferenceDataError.at(path, line, f"unknown country '{row['country']}'")
    if row["kind"] not in PLACE_KINDS:
        raise ReferenceDataError.at(path, line, f"unknown kind '{row['kind']}' (expected one of {', '.join(PLACE_KINDS)})")
    return Place(row["place"], row["country"], row["kind"], split_aliases(row["aliases"]), row.get("note", ""))


def find_places(sentence: str, folded: str | None = None) -> list[PlaceMention]:
    """Gazetteer places in `sentence` (alias-, case- and diacritic-insensitive, whole words);
    `folded` is ``fold(sentence)`` when the caller already has it.

    >>> find_places("Delegates met in Hà Nội.")[0].place
    'Hanoi'
    """
    return load_places().find(sentence, folded)


def find_countries(sentence: str, folded: str | None = None) -> list[tuple[str, int, int, str]]:
    """(iso2, start, end, as_written) for country names and demonyms in `sentence`.

    Pass `folded` (``fold(sentence)``) when the caller already has it, to fold only once.

    >>> find_countries("Vietnamese and Khmer officers met in Viet Nam")
    [('VN', 0, 10, 'Vietnamese'), ('KH', 15, 20, 'Khmer'), ('VN', 37, 45, 'Viet Nam')]
    """
    return load_countries().find(sentence, folded, places=load_places())
