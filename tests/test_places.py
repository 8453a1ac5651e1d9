"""Gazetteer and countries: one behaviour per test, small synthetic sentences."""
from __future__ import annotations

import pytest

from defcoop.extract.places import find_countries, find_places, load_countries, load_places
from defcoop.rules.reference import ReferenceDataError


def places(sentence):
    return [(m.place, m.name_as_written) for m in find_places(sentence)]


@pytest.mark.parametrize("written", ["HCM City", "HCM CITY", "TP.HCM", "Saigon", "Thành phố Hồ Chí Minh",
                                     "Ho Chi Minh City"])
def test_ho_chi_minh_city_aliases(written):
    assert places(f"The dialogue was held in {written} on Wednesday.") == [("Ho Chi Minh City", written)]


@pytest.mark.parametrize("written", ["Kampong Chhnang", "Kompong Chhnang", "Kampong Chnang", "Kampong Chahnang"])
def test_kampong_chhnang_spellings_of_the_english_press(written):
    assert places(f"The drill opened in {written} on Monday.") == [("Kampong Chhnang", written)]


@pytest.mark.parametrize("written", ["Hà Nội", "Ha Noi", "Hanoi", "HANOI"])
def test_hanoi_aliases(written):
    [mention] = find_places(f"{written} hosted the talks.")
    assert (mention.place, mention.country, mention.kind) == ("Hanoi", "VN", "capital")


def test_svay_rieng_written_joined_by_the_vietnamese_press():
    # one word without the space ("tỉnh Svayrieng") is the same province
    assert places("Đoàn làm việc với công an tỉnh Svayrieng hôm qua.") == [("Svay Rieng", "Svayrieng")]


def test_province_suffix_belongs_to_the_mention():
    [mention] = find_places("The exchange took place in Tay Ninh province.")
    assert (mention.place, mention.name_as_written, mention.start, mention.end) == (
        "Tay Ninh", "Tay Ninh province", 27, 44)


def test_the_suffix_words_come_from_the_rule_file_and_follow_an_edit(tmp_path, monkeypatch):
    """`place_suffix` of data/rules/en/places.yaml, read again after the file changes."""
    import shutil

    import defcoop.rules as rules_module
    from defcoop.rules import cache as rulecache
    from defcoop.paths import RULES_DIR

    shutil.copytree(RULES_DIR, tmp_path / "rules")
    monkeypatch.setattr(rules_module, "RULES_DIR", tmp_path / "rules")
    rulecache.clear()
    try:
        assert places("Talks in Tay Ninh province.") == [("Tay Ninh", "Tay Ninh province")]
        file = tmp_path / "rules" / "en" / "places.yaml"
        file.write_text(file.read_text(encoding="utf-8").replace("(?:province|city|", "(?:city|"), encoding="utf-8")
        assert rulecache.refresh() is True
        assert places("Talks in Tay Ninh province.") == [("Tay Ninh", "Tay Ninh")]
    finally:
        rulecache.clear()


def test_phnom_penh_is_a_cambodian_capital():
    [mention] = find_places("Talks in Phnom Penh ended.")
    assert (mention.place, mention.country, mention.kind) == ("Phnom Penh", "KH", "capital")


def test_longest_alias_wins():
    assert places("Delegates from Vientiane province and Vientiane met.") == [
        ("Vientiane Province", "Vientiane province"), ("Vientiane", "Vientiane")]


def test_border_gates():
    assert [m.kind for m in find_places("From Moc Bai International Border Gate to Bavet.")] == [
        "border_gate", "border_gate"]


def test_a_border_gate_lies_in_the_province_of_its_country_its_note_names_first():
    gazetteer = load_places()
    assert [gazetteer.province_of(gate) for gate in ("Moc Bai", "Bavet", "Xa Xia")] == [
        "Tay Ninh", "Svay Rieng", "Kien Giang"]
    assert gazetteer.province_of("Hanoi") is None and gazetteer.province_of("Nowhere") is None


def test_places_need_whole_capitalised_words():
    assert places("Shanoi is not a hue of Hue.") == [("Hue", "Hue")]


@pytest.mark.parametrize("written, iso2", [
    ("Vietnam", "VN"), ("Viet Nam", "VN"), ("Việt Nam", "VN"), ("Vietnamese", "VN"),
    ("Cambodia", "KH"), ("Kampuchea", "KH"), ("Cambodian", "KH"), ("Khmer", "KH"),
    ("Laos", "LA"), ("Lao", "LA"), ("Laotian", "LA"), ("Thai", "TH"), ("US", "US"),
])
def test_countries_and_demonyms(written, iso2):
    assert find_countries(f"Officials of {written} met.") == [(iso2, 13, 13 + len(written), written)]


def test_short_capital_alias_is_case_sensitive():
    assert find_countries("Let us meet.") == []


def test_demonym_inside_a_place_name_is_not_a_country():
    assert find_countries("Lao Cai and Thai Binh are Vietnamese provinces.") == [("VN", 26, 36, "Vietnamese")]


def test_bad_place_rows_raise_with_file_and_line(tmp_path):
    path = tmp_path / "places.csv"
    path.write_text("place,aliases,country,kind,note\nA Town,,VN,city,\nB Town,,VN,village,\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="places.csv:3: unknown kind 'village'"):
        load_places(path)


@pytest.mark.parametrize("row, problem", [
    (",,VN,city,", "missing place"),
    ("B Town,,XX,city,", "unknown country 'XX'"),
    ("B Town,A Town,VN,city,", "alias 'A Town' already points to 'A Town'"),
])
def test_place_validation(tmp_path, row, problem):
    path = tmp_path / "places.csv"
    path.write_text(f"place,aliases,country,kind,note\nA Town,,VN,city,\n{row}\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match=f"places.csv:3: {problem}"):
        load_places(path)


def test_bad_country_rows_raise_with_file_and_line(tmp_path):
    path = tmp_path / "countries.csv"
    path.write_text("iso2,name,aliases,demonyms\nVN,Vietnam,,Vietnamese\nvnm,Viet,,\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="countries.csv:3: iso2 must be two capital letters"):
        load_countries(path)


def test_real_places_and_countries_validate():
    gazetteer, countries = load_places(), load_countries()
    vietnam = [p for p in gazetteer.places.values() if p.country == "VN" and p.kind in ("province", "city", "capital")]
    cambodia = [p for p in gazetteer.places.values() if p.country == "KH" and p.kind in ("province", "capital")]
    assert len(vietnam) >= 63 and len(cambodia) == 25
    assert {"VN", "KH", "LA", "TH", "CN", "US"} <= set(countries.countries)


def test_country_name_inside_a_sea_name_is_not_a_country():
    from defcoop.extract.places import find_countries

    assert find_countries("Navies of Vietnam and Cambodia patrol the Gulf of Thailand.") == [
        ("VN", 10, 17, "Vietnam"), ("KH", 22, 30, "Cambodia")]
    assert [hit[0] for hit in find_countries("Thailand joined the drill.")] == ["TH"]


COUNTRY_HEADER = "iso2,name,aliases,demonyms,short_name_token,short_name_alone,source\n"
GOOD_COUNTRY = "VN,Vietnam,Viet Nam|Việt Nam,Vietnamese,last,yes,ISO 3166-1\n"


@pytest.mark.parametrize("row, problem", [
    ("vnm,Viet,,,,,", "iso2 must be two capital letters, got 'vnm'"),
    ("K,Cambodia,,,,,", "iso2 must be two capital letters, got 'K'"),
    ("KH,,,,,,", "missing name"),
    ("KH,Cambodia,,,middle,,", "short_name_token must be first, last or empty, got 'middle'"),
    ("KH,Cambodia,,,last,maybe,", "short_name_alone must be yes, no or empty, got 'maybe'"),
    ("VN,Vietnam again,,,,,", "duplicate iso2 'VN'"),
])
def test_country_validation_names_file_line_and_problem(tmp_path, row, problem):
    path = tmp_path / "countries.csv"
    path.write_text(COUNTRY_HEADER + GOOD_COUNTRY + row + "\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError) as error:
        load_countries(path)
    assert str(error.value).endswith(f"countries.csv:3: {problem}")


def test_a_country_row_keeps_every_field(tmp_path):
    path = tmp_path / "countries.csv"
    path.write_text(COUNTRY_HEADER + GOOD_COUNTRY + "KH,Cambodia,Kampuchea,Cambodian|Khmer,,no,ISO\n", encoding="utf-8")
    table = load_countries(path)
    vietnam, cambodia = table.get("VN"), table.get("KH")
    assert (vietnam.iso2, vietnam.name, vietnam.aliases, vietnam.demonyms) == (
        "VN", "Vietnam", ("Viet Nam", "Việt Nam"), ("Vietnamese",))
    assert (vietnam.short_name_token, vietnam.short_name_alone, vietnam.source) == ("last", True, "ISO 3166-1")
    assert (cambodia.short_name_token, cambodia.short_name_alone, cambodia.demonyms) == ("", False, ("Cambodian", "Khmer"))


@pytest.mark.parametrize("row, problem", [
    ("B Town,,VN,hamlet,", "unknown kind 'hamlet' (expected one of "),
])
def test_place_kind_error_lists_the_kinds(tmp_path, row, problem):
    from defcoop.extract.places import PLACE_KINDS

    path = tmp_path / "places.csv"
    path.write_text(f"place,aliases,country,kind,note\nA Town,,VN,city,\n{row}\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError) as error:
        load_places(path)
    assert str(error.value).endswith(f"places.csv:3: {problem}{', '.join(PLACE_KINDS)})")


def test_a_place_row_keeps_every_field(tmp_path):
    path = tmp_path / "places.csv"
    path.write_text("place,aliases,country,kind,note\nTay Ninh,Tây Ninh|Tay-Ninh,VN,province,a note\n", encoding="utf-8")
    place = load_places(path).places["Tay Ninh"]
    assert (place.place, place.country, place.kind, place.aliases, place.note) == (
        "Tay Ninh", "VN", "province", ("Tây Ninh", "Tay-Ninh"), "a note")


def test_an_english_demonym_does_not_match_a_vietnamese_name_written_with_diacritics():
    """"Thai" (countries.csv demonym, only ever written plain) is not the surname "Thái"; the
    Vietnamese name of the country, "Thái Lan", and the plain "Thai" still are Thailand."""
    from defcoop.extract.places import load_countries

    countries = load_countries()
    assert countries.find("Thượng tá Thái Văn Minh phát biểu.") == []
    assert [hit[0] for hit in countries.find("Đoàn Thái Lan đến thăm.")] == ["TH"]
    assert [hit[0] for hit in countries.find("The Thai navy joined the drill.")] == ["TH"]
    assert [hit[0] for hit in countries.find("Hai nước Việt Nam và Lào ký kết.")] == ["VN", "LA"]
