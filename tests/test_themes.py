"""Tests for the theme codebook (data/rules/en/themes.yaml) and its matcher (defcoop.extract.themes).

The codebook's own must_match / must_not_match examples are the main specification; the
seed check guards against drifting away from how the human annotator applies the themes.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from defcoop.rules.cache import refresh
from defcoop.rules.text import fold
from defcoop.extract.themes import CORE_THEMES, CodebookError, load_codebook, parse_codebook

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = Path(__file__).parent / "gold" / "seeds.yaml"
CODEBOOK = load_codebook()


def _examples(kind: str) -> list:
    return [pytest.param(theme.id, text, id=f"{theme.id}-{i}")
            for theme in CODEBOOK.themes for i, text in enumerate(getattr(theme, kind))]


# ---------------------------------------------------------------- the real codebook


def test_real_codebook_loads_with_all_core_themes_in_order():
    assert CODEBOOK.ids[: len(CORE_THEMES)] == CORE_THEMES
    assert CODEBOOK.version is not None


def test_every_theme_is_documented_with_enough_examples():
    for theme in CODEBOOK.themes:
        assert theme.label and theme.definition, theme.id
        assert len(theme.must_match) >= 4 and len(theme.must_not_match) >= 3, theme.id


@pytest.mark.parametrize(("theme_id", "sentence"), _examples("must_match"))
def test_must_match(theme_id, sentence):
    assert theme_id in CODEBOOK.themes_for(sentence)


@pytest.mark.parametrize(("theme_id", "sentence"), _examples("must_not_match"))
def test_must_not_match(theme_id, sentence):
    assert theme_id not in CODEBOOK.themes_for(sentence)


def test_check_examples_reports_nothing_for_the_real_codebook():
    assert CODEBOOK.check_examples() == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The navies and border guards will step up joint patrols and fight drug smuggling.",
     ("border_patrol", "transnational_crime", "maritime")),
    ("They agreed to boost delegation exchanges, officer training and information sharing.",
     ("training", "delegation_exchange", "information_sharing")),
    ("Việt Nam, Laos and Cambodia will coordinate at ASEAN and ADMM-Plus meetings.",
     ("trilateral", "multilateral")),
    ("Both sides will speed up demarcation and protect border markers in the shared border area.",
     ("border_patrol", "border_demarcation")),
    # the pandemic as a hardship overcome is not COVID-19 cooperation (two blind gold sets agree)
    ("Despite the COVID-19 pandemic, the search for and repatriation of remains of Vietnamese "
     "volunteer soldiers continued.", ("remains_repatriation",)),
    ("The MoU covers military and defence law, defence-economic cooperation and border trade.",
     ("defence_law", "defence_economy")),
    ("The two sides exchanged views on regional and international issues.", ()),
    # batch 13: a marker repainted, the waters the two countries share, schemes against the friendship
    ("The two ministers repainted border Marker 9 and kept the waters bordering the two countries safe.",
     ("border_demarcation", "maritime")),
    ("They discussed how to counter schemes to sabotage the friendship of the two peoples.", ("political_education",)),
    ("A delegation of Naval Region 5 visited units of the Royal Cambodian Navy in Kampot.",
     ("maritime", "delegation_exchange")),
    # batch 64: the hosts' welcome ceremony for the visiting delegations is the exchange of delegations itself
    ("At a welcoming ceremony for the arriving army delegations, the colonel spoke of the parade.",
     ("delegation_exchange",)),
])
def test_multi_theme_sentences_in_codebook_order(sentence, expected):
    assert CODEBOOK.themes_for(sentence) == expected


@pytest.mark.parametrize(("sentence", "absent"), [
    ("They exchanged views on regional issues of mutual concern.", "delegation_exchange"),
    ("Both sides also touched upon land exchanges in several provinces.", "delegation_exchange"),
    ("The work must be done in line with international law.", "defence_law"),
    ("He extended condolences over losses caused by storms and natural disasters.", "search_rescue"),
    ("The search and repatriation of remains of voluntary soldiers is underway.", "search_rescue"),
    ("The drill let the armies step up experience and cultural exchanges.", "delegation_exchange"),
    ("The new pier sits next to a Cambodia-China Joint Logistics and Training Center.", "training"),
    ("The soldiers embodied the international spirit between Vietnam, Laos and Cambodia.", "trilateral"),
    ("He congratulated Cambodia on hosting the ASEAN Summits, helping raise its standing.", "multilateral"),
    ("The visit will contribute to the success of the ASEAN events hosted by Cambodia.", "multilateral"),
    ("He congratulated Vietnam on its achievements, notably in the COVID-19 combat.", "pandemic"),
    # praise for one side's own fight against the pandemic names no cooperation (as congratulations above)
    ("A colonel spoke highly of the efforts of Cambodian soldiers in the COVID-19 fight.", "pandemic"),
])
def test_annotator_subtleties(sentence, absent):
    assert absent not in CODEBOOK.themes_for(sentence)


@pytest.mark.parametrize(("sentence", "theme"), [
    ("The two forces jointly protected the borderline and national landmarks.", "border_demarcation"),
    ("Young officers of both armies should carry forward the tradition of solidarity.", "political_education"),
    ("The veterans passed down the tradition of friendship to the younger generations.", "political_education"),
])
def test_markers_named_national_landmarks_and_tradition_handed_to_the_young(sentence, theme):
    assert theme in CODEBOOK.themes_for(sentence)


@pytest.mark.parametrize(("sentence", "theme"), [
    ("The younger generations must cherish and preserve the solidarity of the two peoples.", "political_education"),
    ("The governors agreed to upgrade trade zones near the shared border.", "defence_economy"),
])
def test_young_generations_asked_to_value_the_friendship_and_border_commercial_facilities(sentence, theme):
    assert theme in CODEBOOK.themes_for(sentence)


def test_excluded_phrase_does_not_hide_a_genuine_mention_in_the_same_sentence():
    sentence = "They exchanged views on the region and agreed to increase delegation exchanges."
    assert "delegation_exchange" in CODEBOOK.themes_for(sentence)


def _naive_themes(sentence: str, codebook=CODEBOOK) -> tuple[str, ...]:
    """Reference semantics without the prefilter: blank excludes, search every include."""
    folded, found = fold(sentence), []
    for theme in codebook.themes:
        text = folded
        for pattern in theme.exclude:
            text = re.sub(pattern, lambda m: "#" * len(m.group()), text)
        if any(re.search(pattern, text) for pattern in theme.include):
            found.append(theme.id)
    return tuple(found)


def _seed_lines() -> list[str]:
    return [line for path in sorted(SEEDS.glob("*.txt"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_prefilter_never_changes_results(lang):
    """The literal prefilter (defcoop.extract.themes._Prefilter) skips no pattern that matches, in
    each language's codebook, on its examples (and, for English, every line of the seeds)."""
    from defcoop.rules import load_rules

    codebook = load_rules("themes", lang)
    examples = [text for theme in codebook.themes for text in theme.must_match + theme.must_not_match]
    for sentence in examples + (_seed_lines() if lang == "en" else []):
        assert codebook.themes_for(sentence) == _naive_themes(sentence, codebook), sentence


# ---------------------------------------------------------------- loading and caching


def test_load_is_cached_and_reloads_after_an_edit(tmp_path):
    path = tmp_path / "themes.yaml"
    path.write_text(_codebook_yaml(), encoding="utf-8")
    first = load_codebook(path)
    assert load_codebook(path) is first
    path.write_text(_codebook_yaml(_theme("extra_theme", include="'extra'")), encoding="utf-8")
    assert load_codebook(path) is first          # fixed until the next build refreshes the rules
    assert refresh() is True                     # by content: no clock involved
    assert "extra_theme" in load_codebook(path).ids


def test_default_path_is_the_project_codebook():
    assert load_codebook() is load_codebook()
    assert load_codebook(ROOT / "data" / "rules" / "en" / "themes.yaml").ids == CODEBOOK.ids == load_codebook().ids


# ---------------------------------------------------------------- codebook errors


def _theme(theme_id: str | None, label: str | None = "Label", include: str | None = "'x'",
           extra: str = "") -> str:
    """YAML for one theme entry; None leaves a key out."""
    lines = [f"  - id: {theme_id}" if theme_id is not None else "  - definition: no id here"]
    if label is not None:
        lines.append(f"    label: {label}")
    if include is not None:
        lines.append(f"    include:\n      - {include}")
    return "\n".join(lines) + ("\n" + extra if extra else "") + "\n"


def _codebook_yaml(*extra: str, core: tuple[str, ...] = CORE_THEMES) -> str:
    body = "".join(_theme(theme_id, include=f"'{theme_id}'") for theme_id in core)
    return "version: 1\nthemes:\n" + body + "".join(extra)


def _line_of(text: str, needle: str, occurrence: int = 1) -> int:
    hits = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[occurrence - 1]


def _error(tmp_path: Path, text: str) -> str:
    path = tmp_path / "themes.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CodebookError) as info:
        load_codebook(path)
    assert str(info.value).startswith(f"{path}:")
    return str(info.value)


def test_error_missing_id(tmp_path):
    text = _codebook_yaml(_theme(None))
    assert _error(tmp_path, text) == f"{tmp_path / 'themes.yaml'}:{_line_of(text, 'no id here')}: missing 'id'"


def test_error_missing_label(tmp_path):
    text = _codebook_yaml(_theme("no_label", label=None))
    message = _error(tmp_path, text)
    assert message.endswith(f":{_line_of(text, 'id: no_label')}: theme 'no_label': missing 'label'")


def test_error_missing_include(tmp_path):
    text = _codebook_yaml(_theme("no_include", include=None))
    message = _error(tmp_path, text)
    assert message.endswith(f":{_line_of(text, 'id: no_include')}: theme 'no_include': missing 'include'")


def test_error_duplicate_id_points_at_the_second_entry(tmp_path):
    text = _codebook_yaml(_theme("training"))
    message = _error(tmp_path, text)
    assert message.endswith(f":{_line_of(text, 'id: training', 2)}: theme 'training': duplicate id")


def test_error_invalid_regex_names_the_pattern_and_its_line(tmp_path):
    text = _codebook_yaml(_theme("bad_regex", include="'border (patrol'"))
    message = _error(tmp_path, text)
    assert f":{_line_of(text, 'border (patrol')}: theme 'bad_regex': invalid regex in 'include': " \
           "'border (patrol'" in message


def test_error_invalid_exclude_regex(tmp_path):
    text = _codebook_yaml(_theme("bad_exclude", extra="    exclude:\n      - '[unclosed'"))
    message = _error(tmp_path, text)
    assert f":{_line_of(text, '[unclosed')}: theme 'bad_exclude': invalid regex in 'exclude'" in message


def test_error_missing_core_id_points_at_themes_key(tmp_path):
    text = _codebook_yaml(core=tuple(t for t in CORE_THEMES if t != "pandemic"))
    message = _error(tmp_path, text)
    assert message.endswith(f":{_line_of(text, 'themes:')}: theme 'pandemic': missing core theme id")


def test_error_unknown_key_points_at_the_key(tmp_path):
    text = _codebook_yaml(_theme("typo_theme", extra="    includes:\n      - 'x'"))
    message = _error(tmp_path, text)
    assert f":{_line_of(text, 'includes:')}: theme 'typo_theme': unknown key 'includes'" in message


def test_error_non_string_pattern(tmp_path):
    text = _codebook_yaml(_theme("numeric", include="42"))
    assert f":{_line_of(text, '- 42')}: theme 'numeric': 'include' entry 42 must be a string" \
        in _error(tmp_path, text)


def test_error_broken_yaml_has_a_line(tmp_path):
    text = _codebook_yaml() + "  - id: [unclosed\n"
    assert re.search(r":\d+: invalid YAML", _error(tmp_path, text))


def test_error_message_uses_project_relative_path():
    with pytest.raises(CodebookError, match=r"^data/rules/en/themes\.yaml:3: theme 'x': duplicate id$"):
        raise CodebookError("data/rules/en/themes.yaml", 3, "x", "duplicate id")
    assert CODEBOOK.source == "data/rules/en/themes.yaml"


def test_parse_codebook_accepts_valid_text():
    assert parse_codebook(_codebook_yaml()).ids == CORE_THEMES


# ---------------------------------------------------------------- seed-level sanity check

_STOP = re.compile(r"^\s*(?:Other News|See more|Trending|Recent Posts)\b")


def _naive_sentences(text: str) -> list[str]:
    """Lines before the first page-boilerplate marker that end with a period."""
    lines = []
    for line in text.splitlines():
        if _STOP.match(line):
            break
        if line.strip().endswith("."):
            lines.append(line.strip())
    return lines


def seed_scores() -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) of article-level theme unions."""
    gold = {doc["doc"]: set(doc["themes"]) for doc in yaml.safe_load(GOLD.read_text(encoding="utf-8"))}
    tp = fp = fn = 0
    for path in sorted(SEEDS.glob("*.txt")):
        found = {t for line in _naive_sentences(path.read_text(encoding="utf-8"))
                 for t in CODEBOOK.themes_for(line)}
        expected = gold[path.stem]
        tp, fp, fn = tp + len(found & expected), fp + len(found - expected), fn + len(expected - found)
    return tp, fp, fn


def test_seed_theme_unions_match_gold():
    tp, fp, fn = seed_scores()
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.95, f"micro P={precision:.3f} R={recall:.3f} F1={f1:.3f}"


# ---------------------------------------------------------------- exact error messages

THEME_OK = "  - id: training\n    label: Training\n    include: ['train']\n"


@pytest.mark.parametrize("text, message", [
    ("- just a list\n", "cb.yaml:1: codebook must be a mapping with 'version' and 'themes'"),
    ("", "cb.yaml:1: codebook must be a mapping with 'version' and 'themes'"),
    ("version: 1\nthemez: []\n", "cb.yaml:2: unknown top-level key 'themez'"),
    ("version: 1\n", "cb.yaml:1: 'themes' must be a list of themes"),
    ("version: 1\nthemes: {a: 1}\n", "cb.yaml:2: 'themes' must be a list of themes"),
    ("version: 1\nthemes:\n  - just text\n", "cb.yaml:3: theme entry must be a mapping"),
    ("version: 1\nthemes:\n" + THEME_OK + "    colour: red\n",
     "cb.yaml:6: theme 'training': unknown key 'colour' (allowed: definition, exclude, id, include, label, "
     "must_match, must_not_match)"),
    ("version: 1\nthemes:\n  - id: training\n    include: ['x']\n", "cb.yaml:3: theme 'training': missing 'label'"),
    ("version: 1\nthemes:\n  - id: Training\n    label: T\n    include: ['x']\n",
     "cb.yaml:3: theme 'Training': id 'Training' must be lowercase letters, digits and '_'"),
])
def test_codebook_errors_name_file_line_theme_and_problem(text, message):
    with pytest.raises(CodebookError) as error:
        parse_codebook(text, "cb.yaml")
    assert str(error.value) == message


def test_a_parsed_theme_keeps_every_field():
    text = ("version: 1\nthemes:\n  - id: training\n    label: Training\n    definition: Courses.\n"
            "    include: ['train\\w*']\n    exclude: ['train station']\n"
            "    must_match: ['They train officers.']\n    must_not_match: ['The train station.']\n")
    from defcoop.extract.themes import _parse_theme, _compose

    root, data = _compose(text, "cb.yaml")
    theme = _parse_theme(data["themes"][0], root.value[1][1].value[0], "cb.yaml")
    assert (theme.id, theme.label, theme.definition, theme.line) == ("training", "Training", "Courses.", 3)
    assert (theme.include, theme.exclude) == (("train\\w*",), ("train station",))
    assert (theme.must_match, theme.must_not_match) == (("They train officers.",), ("The train station.",))


# ---------------------------------------------------------------- batch 14 of the real-article set
# Passing mentions that named no cooperation field: each on a sentence written for it.

def test_scholarships_given_to_schoolchildren_are_no_personnel_training():
    assert "training" not in CODEBOOK.themes_for("Border units will also hand out 50 scholarships to pupils "
                                                 "and rice to poor families.")
    assert "training" in CODEBOOK.themes_for("The ministry offered 40 scholarships to Cambodian military students.")


def test_cargo_ships_on_a_canal_are_no_maritime_cooperation():
    assert "maritime" not in CODEBOOK.themes_for("The waterway is meant for cargo ships carrying rice to the port.")
    assert "maritime" in CODEBOOK.themes_for("Ships of the two navies held a joint patrol.")


def test_the_border_wars_of_the_past_are_no_border_management():
    assert "border_patrol" not in CODEBOOK.themes_for("Veterans of the border defence war gathered at the memorial.")
    assert "border_patrol" in CODEBOOK.themes_for("The two armies pledged to step up border defence cooperation.")


def test_a_visit_that_only_dates_a_remark_is_no_delegation_exchange():
    assert "delegation_exchange" not in CODEBOOK.themes_for(
        "The minister mentioned the dam to his counterpart when he paid an official visit last spring.")
    assert "delegation_exchange" in CODEBOOK.themes_for("The state visit by the Cambodian king deepened ties.")


def test_a_state_level_visit_is_a_high_level_visit():
    assert "delegation_exchange" in CODEBOOK.themes_for(
        "Preparations for the King's State-level visit to Hanoi went smoothly.")


def test_a_workshop_on_the_friendship_is_political_education():
    assert "political_education" in CODEBOOK.themes_for(
        "Students attended a seminar on the Vietnam-Cambodia friendship at the museum.")
    assert "political_education" not in CODEBOOK.themes_for("A workshop on border trade was held in the friendship house.")


def test_the_pandemic_as_the_cause_of_a_pause_is_no_pandemic_cooperation():
    assert "pandemic" not in CODEBOOK.themes_for("The teams restarted their search after a long pause due to COVID-19.")
    assert "pandemic" not in CODEBOOK.themes_for(
        "Owing to the pandemic, the two plans will be signed at an appropriate time.")
    assert "pandemic" not in CODEBOOK.themes_for("He urged units to prevent the epidemic from affecting border relations.")
    # fighting it together still counts, even when the pandemic is a cause
    assert "pandemic" in CODEBOOK.themes_for("Due to COVID-19, the two units agreed to share test kits.")


def test_a_wish_for_prosperity_in_the_border_area_is_no_border_management():
    assert "border_patrol" not in CODEBOOK.themes_for("Ties bring peace, stability and prosperity in the border area.")
    assert "border_patrol" in CODEBOOK.themes_for("Both forces maintain security and order in the border area.")


def test_building_the_asean_community_in_passing_is_no_multilateral_cooperation():
    assert "multilateral" not in CODEBOOK.themes_for("Their friendship contributes to building the ASEAN Community.")
    assert "multilateral" in CODEBOOK.themes_for("The two sides will support each other at ASEAN forums.")


def test_facilitating_commercial_activities_of_border_residents_is_defence_economy():
    assert "defence_economy" in CODEBOOK.themes_for(
        "Twinning helped facilitate visits, travel and commercial activities of the border residents.")
    assert "defence_economy" not in CODEBOOK.themes_for("The twinning facilitated visits of relatives.")


# --- batch 19 of the real-article set: general rules, each on a sentence written for it ----------

def test_neighbours_with_a_shared_border_line_is_geography_not_border_management():
    assert "border_patrol" not in CODEBOOK.themes_for("The two kingdoms are neighbours with a common border line.")
    assert "border_patrol" in CODEBOOK.themes_for("Both forces keep order along the shared borderline.")


def test_pandemics_in_general_and_sympathy_with_a_fight_against_covid_are_no_covid_cooperation():
    assert "pandemic" not in CODEBOOK.themes_for("The commands will help each other against storms and epidemics.")
    assert "pandemic" not in CODEBOOK.themes_for("He shared the difficulties of the Lao army in its fight against "
                                                 "the COVID-19 pandemic.")
    assert "pandemic" in CODEBOOK.themes_for("The army handed over COVID-19 vaccines to the Cambodian army.")


def test_tackling_natural_disasters_together_is_disaster_relief():
    assert "search_rescue" in CODEBOOK.themes_for("The two units pledged support in tackling natural disasters.")


def test_a_delegations_visit_to_a_unit_of_the_other_army_is_a_delegation_exchange():
    assert "delegation_exchange" in CODEBOOK.themes_for(
        "The Vietnamese delegation paid a visit to Brigade 9 of the Royal Cambodian Army.")
    assert "delegation_exchange" not in CODEBOOK.themes_for("The delegation paid a visit to a pagoda in Phnom Penh.")


def test_work_kept_up_even_during_the_pandemic_is_no_covid_cooperation():
    assert "pandemic" not in CODEBOOK.themes_for("Joint drills went on even during the COVID-19 outbreak.")
    assert "pandemic" in CODEBOOK.themes_for("Even during the pandemic, the units shared face masks.")


def test_the_pandemic_as_the_backdrop_of_a_friendship_deed_is_no_covid_cooperation():
    assert "pandemic" not in CODEBOOK.themes_for("In the context of the COVID-19 pandemic, the new school hall is "
                                                 "proof of the ties between the two provinces.")
    assert "pandemic" in CODEBOOK.themes_for("In the midst of the pandemic, the two armies shared face masks.")


def test_people_to_people_exchanges_of_residents_are_no_delegation_exchange():
    assert "delegation_exchange" not in CODEBOOK.themes_for("Border residents keep up people-to-people "
                                                            "exchanges at the markets.")
    assert "delegation_exchange" in CODEBOOK.themes_for("The two armies will promote people-to-people exchanges "
                                                        "between their units.")


def test_favourable_conditions_for_import_and_export_are_border_trade():
    assert "defence_economy" in CODEBOOK.themes_for("Simpler customs rules give favourable conditions for imports "
                                                    "and exports.")


# --- batch 24 of the real-article set: general rules, each on a sentence written for it ----------

def test_the_asean_community_as_the_last_end_of_several_and_asean_as_geography_are_no_forum():
    assert "multilateral" not in CODEBOOK.themes_for("The drills contribute to security along the border and to "
                                                     "building the ASEAN Community.")
    assert "multilateral" not in CODEBOOK.themes_for("The port is a gateway among ASEAN nations.")
    assert "multilateral" in CODEBOOK.themes_for("The armies will back each other at ASEAN forums.")


def test_spreading_the_time_honoured_relationship_and_a_friendship_associations_campaigns_are_political_education():
    assert "political_education" in CODEBOOK.themes_for("The units will disseminate the time-honored relationship "
                                                        "of the two armies.")
    assert "political_education" in CODEBOOK.themes_for("The friendship association runs communication activities "
                                                        "for the people of both provinces.")
    assert "political_education" not in CODEBOOK.themes_for("The clinic runs communication activities for the "
                                                            "people of both provinces.")


def test_a_missions_new_year_greetings_to_the_other_sides_troops_is_a_delegation_exchange():
    assert "delegation_exchange" in CODEBOOK.themes_for("The border guard mission extended warm greetings to "
                                                        "Cambodian border troops.")
    assert "delegation_exchange" not in CODEBOOK.themes_for("The mission extended greetings to the residents.")


# --- batch 26 of the real-article set: general rules, each on a sentence written for it ----------

def test_one_countrys_own_fight_against_covid_and_plain_medical_equipment_are_no_pandemic_cooperation():
    assert "pandemic" not in CODEBOOK.themes_for("The colonel congratulated Laos on its success in curbing the "
                                                 "COVID-19 spread and its high vaccination rate.")
    assert "pandemic" not in CODEBOOK.themes_for("The premier briefed the guests on Laos's reopening policy and "
                                                 "its rules on COVID-19 tests.")
    assert "pandemic" not in CODEBOOK.themes_for("The army will present medical equipment to the district clinic.")
    assert "pandemic" in CODEBOOK.themes_for("The army will present anti-epidemic equipment to the district.")


def test_a_numbered_milestone_is_a_border_marker_and_a_milestone_of_ties_is_not():
    assert "border_demarcation" in CODEBOOK.themes_for("The ministers saluted and painted milestone 12 at the gate.")
    assert "border_demarcation" not in CODEBOOK.themes_for("The talks are a milestone in the ties of the two armies.")


def test_rescue_training_and_treating_victims_of_floods_are_search_and_rescue():
    assert "search_rescue" in CODEBOOK.themes_for("Both armies will run emergency rescue training.")
    assert "search_rescue" in CODEBOOK.themes_for("The medics treated mock victims of a flood in the drill.")
    assert "search_rescue" not in CODEBOOK.themes_for("The medics treated victims of the old war.")


def test_the_two_sides_jointly_making_recommendations_is_strategic_advice():
    assert "information_sharing" in CODEBOOK.themes_for("The armies coordinate to give timely recommendations on "
                                                        "security matters.")
    assert "information_sharing" not in CODEBOOK.themes_for("The panel will make recommendations on pay.")


def test_twinning_with_provinces_or_cities_is_no_border_patrol():
    assert "border_patrol" not in CODEBOOK.themes_for("The city has twinning ties with three provinces of Laos.")
    assert "border_patrol" in CODEBOOK.themes_for("The border post has twinning ties with a post of Kampot province.")


def test_projects_linking_the_infrastructure_and_markets_of_two_localities_are_connectivity():
    assert "defence_economy" in CODEBOOK.themes_for("Both districts work to link their infrastructure and market "
                                                    "systems.")
    assert "defence_economy" not in CODEBOOK.themes_for("A cable links the two border posts.")


def test_leaders_holding_regular_meetings_as_a_practice_is_a_delegation_exchange():
    assert "delegation_exchange" in CODEBOOK.themes_for("The two district chiefs have held regular meetings since 2012.")
    assert "delegation_exchange" not in CODEBOOK.themes_for("The district chiefs held a meeting on May 3.")


def test_a_visit_that_only_frames_the_reported_talks_is_no_delegation_exchange():
    assert "delegation_exchange" not in CODEBOOK.themes_for("The minister met his guest, who is in Hue for a working "
                                                            "visit.")
    assert "delegation_exchange" in CODEBOOK.themes_for("Both sides praised the official visits that built trust.")


def test_visits_listed_with_exchanges_by_a_comma_are_a_delegation_exchange():
    assert "delegation_exchange" in CODEBOOK.themes_for("Both units want more visits, exchanges and joint sports events.")
    assert "delegation_exchange" not in CODEBOOK.themes_for("Site visits, surveys and tests came first.")


def test_young_army_officers_are_training():
    assert "training" in CODEBOOK.themes_for("Ties between their young army officers grew stronger.")


def test_raising_the_awareness_of_troops_is_political_education():
    assert "political_education" in CODEBOOK.themes_for("Units will enhance awareness among cadres and militia.")
    assert "political_education" not in CODEBOOK.themes_for("The clinic raised awareness of mothers about vaccines.")


def test_exchange_in_the_field_of_information_is_information_sharing():
    assert "information_sharing" in CODEBOOK.themes_for("The two commands agreed on exchange in the field of information.")
    assert "information_sharing" not in CODEBOOK.themes_for(
        "Two ministries widened exchange in the field of information and communications technology.")


def test_trainees_updated_with_the_traditions_of_the_solidarity_is_political_education():
    assert "political_education" in CODEBOOK.themes_for(
        "Young officers were updated on the traditions of solidarity between the two militaries.")
    assert "political_education" not in CODEBOOK.themes_for("Cadets will be updated with new radio equipment.")


def test_border_safeguarding_is_border_patrol():
    assert "border_patrol" in CODEBOOK.themes_for("Both units praised their cooperation in border safeguarding.")


def test_a_visit_to_the_other_country_wished_for_or_invited_is_delegation_exchange():
    assert "delegation_exchange" in CODEBOOK.themes_for("The admiral hoped to visit Cambodia later this year.")
    assert "delegation_exchange" in CODEBOOK.themes_for("He invited the Lao minister to pay a visit to Vietnam.")
    assert "delegation_exchange" not in CODEBOOK.themes_for("The students hope to visit the war museum.")


def test_helping_young_people_learn_about_a_shared_struggle_is_political_education():
    assert "political_education" in CODEBOOK.themes_for(
        "The exhibition helps pupils and young soldiers learn about the sacrifices of the volunteers.")
    assert "political_education" not in CODEBOOK.themes_for("The app helps young drivers learn about road signs.")


@pytest.mark.parametrize("sentence", [
    "Thailand closed its beaches to guard its people against the epidemic.",
    "Schools in the capital opened again after containing the coronavirus outbreak.",
    "The sentries claimed the barrier was meant to contain the coronavirus.",
    "Owing to COVID-19, the two commands could not carry out several joint drills in 2021.",
])
def test_a_countrys_own_measures_or_a_pause_forced_by_the_pandemic_are_no_pandemic_cooperation(sentence):
    assert "pandemic" not in CODEBOOK.themes_for(sentence)


def test_safety_along_the_border_named_by_its_two_owners_is_border_patrol():
    assert "border_patrol" in CODEBOOK.themes_for("The communes coordinate to keep security along the two nations' borders.")
    assert "border_patrol" not in CODEBOOK.themes_for("Security along the two nations' coasts has improved.")


def test_soldiers_who_died_defending_the_border_are_history_not_border_patrol():
    assert "border_patrol" not in CODEBOOK.themes_for(
        "The town honoured 12 militiamen who died in 1978 while defending the western border.")
    assert "border_patrol" in CODEBOOK.themes_for("The militiamen are defending the western border together.")


def test_sides_sending_delegations_to_visit_each_other_is_delegation_exchange():
    assert "delegation_exchange" in CODEBOOK.themes_for(
        "Every year both towns send delegations to visit and greet each other at the harvest festival.")
    assert "delegation_exchange" not in CODEBOOK.themes_for("The agency sent a delegation to visit the dam site.")


def test_a_memorial_site_built_to_honour_the_fallen_is_political_education_a_visit_to_one_is_not():
    assert "political_education" in CODEBOOK.themes_for(
        "Both commands are building a memorial site in Kratie which was designed to honour fallen volunteers.")
    assert "political_education" not in CODEBOOK.themes_for(
        "Officers of the two commands visited the monument to honour the volunteers who fell there.")


def test_illegal_fishing_by_residents_of_the_land_border_is_not_maritime():
    assert "maritime" not in CODEBOOK.themes_for(
        "Police fined a dozen border residents last month for illegal fishing in the canal.")
    assert "maritime" in CODEBOOK.themes_for("Border residents of the island commune fish at sea for a living.")


def test_scholarships_given_to_needy_families_named_first_are_no_training():
    assert "training" not in CODEBOOK.themes_for("Needy pupils in the commune got bicycles and scholarships from the border post.")
    assert "training" in CODEBOOK.themes_for("The academy granted scholarships to 30 Cambodian cadets.")


def test_a_delegations_new_year_visit_to_the_other_sides_defence_units_is_delegation_exchange():
    assert "delegation_exchange" in CODEBOOK.themes_for(
        "The Kampot delegation brought New Year wishes to the Military Police Command of the Cambodian army.")
    assert "delegation_exchange" not in CODEBOOK.themes_for(
        "The Kampot delegation brought New Year wishes to the governors of two Cambodian provinces.")


def test_people_who_received_training_in_a_field_is_training_but_a_farming_training_centre_is_not():
    assert "training" in CODEBOOK.themes_for("Dozens of Laotian officers have received training in military medicine in Hue.")
    assert "training" not in CODEBOOK.themes_for(
        "The brigade opened a training centre in the field of farming to teach soldiers to grow rice.")


def test_a_countrys_role_in_the_international_arena_or_a_visits_multilateral_activities_are_not_multilateral():
    assert "multilateral" not in CODEBOOK.themes_for(
        "The minister backed a strong Laos with a bigger role in the international arena.")
    assert "multilateral" not in CODEBOOK.themes_for(
        "During her stay in Vientiane the general took part in various bilateral and multilateral activities and events.")
    assert "multilateral" in CODEBOOK.themes_for(
        "The general took part in bilateral and multilateral activities at the ASEAN defence forum.")


def test_a_twinning_of_two_schools_is_not_border_patrol_but_of_border_posts_or_commands_it_is():
    assert "border_patrol" not in CODEBOOK.themes_for("Photo: the two engineering schools sign their twinning deal.")
    assert "border_patrol" in CODEBOOK.themes_for("The two posts signed a twinning deal in March.")
    assert "border_patrol" in CODEBOOK.themes_for("The provincial command signed twinning rules with two Cambodian commands.")


def test_finding_and_assembling_remains_or_collecting_martyrs_is_remains_repatriation():
    assert "remains_repatriation" in CODEBOOK.themes_for("The team is tasked to find and assemble the remains of fallen volunteers in Takeo.")
    assert "remains_repatriation" in CODEBOOK.themes_for("The unit carried out the search and collection of martyrs in Svay Rieng.")
    assert "remains_repatriation" not in CODEBOOK.themes_for("The province will collect the taxes of martyrs' families later.")


def test_meetings_at_high_and_all_levels_are_delegation_exchange():
    assert "delegation_exchange" in CODEBOOK.themes_for("The armies will keep holding meetings at high and all levels.")
    assert "delegation_exchange" not in CODEBOOK.themes_for("The hotel has rooms at high and low prices.")


def test_delegations_or_one_sides_representatives_paying_visits_is_delegation_exchange():
    assert "delegation_exchange" in CODEBOOK.themes_for("Delegations of two districts paid spring visits to the post.")
    assert "delegation_exchange" in CODEBOOK.themes_for(
        "Representatives from Vietnamese agencies paid visits to a Cambodian province before the festival.")
    assert "delegation_exchange" not in CODEBOOK.themes_for("Officials from the health office paid visits to schools.")


def test_security_in_land_and_river_border_areas_is_border_patrol():
    assert "border_patrol" in CODEBOOK.themes_for("Police will keep security in land and river border areas.")


def test_sending_doctors_to_attend_courses_is_training():
    assert "training" in CODEBOOK.themes_for("The hospital sent 12 doctors to attend courses at an army clinic.")
    assert "training" not in CODEBOOK.themes_for("The hospital sent 12 doctors to treat flood victims.")


def test_restoring_friendship_monuments_is_political_education():
    assert "political_education" in CODEBOOK.themes_for("The ministry pays for restoring the friendship monuments in three towns.")
    assert "political_education" not in CODEBOOK.themes_for("The ministry pays for restoring the old bridges in three towns.")


def test_receiving_the_visiting_delegation_of_the_other_side_is_delegation_exchange():
    assert "delegation_exchange" in CODEBOOK.themes_for("The deputy minister welcomed the visiting logistics delegation of the Cambodian army.")


def test_an_asean_summit_that_only_brought_the_leaders_there_is_not_multilateral():
    assert "multilateral" not in CODEBOOK.themes_for("The ministers talked over dinner while they were in Manila to attend the ASEAN meetings.")
    assert "multilateral" in CODEBOOK.themes_for("The ministers agreed to back each other at ASEAN meetings.")


def test_hosting_a_reception_for_the_other_armys_delegation_is_delegation_exchange():
    assert "delegation_exchange" in CODEBOOK.themes_for(
        "The city's party chief welcomed a delegation from the Royal Cambodian Navy on March 2.")
    assert "delegation_exchange" not in CODEBOOK.themes_for(
        "The city's party chief welcomed a delegation from Cambodian traders on March 2.")


def test_responses_to_an_earthquake_disaster_are_search_rescue():
    assert "search_rescue" in CODEBOOK.themes_for("Both armies' doctors drilled a response to flood disasters.")
    assert "search_rescue" not in CODEBOOK.themes_for("The ministry responded to questions on the earthquake of 1999.")


def test_the_tri_border_marker_as_a_venue_is_no_demarcation():
    assert "border_demarcation" not in CODEBOOK.themes_for("The youth camp opened with a march at the tri-border marker.")
    assert "border_demarcation" in CODEBOOK.themes_for("Engineers will repair the tri-border marker damaged by floods.")


def test_the_border_junction_marker_area_as_a_venue_is_no_demarcation():
    assert "border_demarcation" not in CODEBOOK.themes_for("The generals checked the stage at the border junction marker area.")
    assert "border_demarcation" in CODEBOOK.themes_for("Engineers will repair the border junction marker damaged by floods.")


def test_a_base_called_a_multilateral_hub_is_not_multilateral():
    assert "multilateral" not in CODEBOOK.themes_for("Officials describe the naval base as a multilateral hub.")
    assert "multilateral" in CODEBOOK.themes_for("The navies agreed to coordinate at multilateral forums.")


def test_a_vietnamese_name_before_said_is_no_truong_sa_archipelago():
    assert "maritime" not in CODEBOOK.themes_for("Governor Le Van Truong said both provinces would trade more.")
    assert "maritime" in CODEBOOK.themes_for("The two navies discussed the situation around Truong Sa.")


def test_exchanging_visits_is_delegation_exchange():
    assert "delegation_exchange" in CODEBOOK.themes_for("The two armies exchange visits every year.")
    assert "delegation_exchange" not in CODEBOOK.themes_for("The two armies exchange views every year.")


def test_a_rank_abbreviation_does_not_cut_a_festive_visit_of_a_delegation_short():
    sentence = ("A mission of the signal corps under the Cambodian Ministry of National Defence, headed by Maj. Gen. "
                "Sok Pheap, brought New Year greetings to Tay Ninh.")
    assert "delegation_exchange" in CODEBOOK.themes_for(sentence)


def test_emergency_response_is_search_rescue():
    assert "search_rescue" in CODEBOOK.themes_for("Both commands practised emergency response on Monday.")
    assert "search_rescue" not in CODEBOOK.themes_for("The council held an emergency session on trade.")


def test_boats_given_to_a_locality_with_other_aid_are_no_cooperation_at_sea():
    assert "maritime" not in CODEBOOK.themes_for("The command gave rice and four boats to the flooded commune.")
    assert "maritime" in CODEBOOK.themes_for("The army gave the Cambodian navy eight patrol boats.")


def test_the_sar_abbreviation_is_search_rescue_but_not_a_special_region():
    assert "search_rescue" in CODEBOOK.themes_for("The staffs discussed joint SAR drills for the rainy season.")
    assert "search_rescue" not in CODEBOOK.themes_for("Traders from the Macau SAR toured the port.")


def test_the_pandemic_as_a_time_frame_or_one_sides_priority_is_no_cooperation():
    assert "pandemic" not in CODEBOOK.themes_for("Since the COVID-19 outbreak, the huts have stayed on the hill.")
    assert "pandemic" not in CODEBOOK.themes_for("He said the huts would go once the pandemic is over.")
    assert "pandemic" not in CODEBOOK.themes_for("They place a priority on COVID-19 prevention, he said.")
    assert "pandemic" in CODEBOOK.themes_for("Since the outbreak began, both armies have shared face masks.")


def test_an_unsettled_or_unresolved_border_is_demarcation():
    assert "border_demarcation" in CODEBOOK.themes_for("Both sides built huts on unsettled borderlands last year.")
    assert "border_demarcation" in CODEBOOK.themes_for("The hut sits in a white zone near the river.")
    assert "border_demarcation" not in CODEBOOK.themes_for("Villagers argued over a disputed border gate fee.")


def test_the_border_affairs_committee_in_a_title_is_no_border_management():
    assert "border_patrol" not in CODEBOOK.themes_for("A border affairs committee member wrote to the paper.")
    assert "border_patrol" in CODEBOOK.themes_for("The border affairs committee asked police to patrol the border.")


def test_a_tourism_plan_of_the_development_triangle_is_not_trilateral():
    assert "trilateral" not in CODEBOOK.themes_for("Hotels will grow under the tourism plan for the Development Triangle.")
    assert "trilateral" in CODEBOOK.themes_for("Security in the Development Triangle Area was discussed.")


def test_crimes_listed_as_threats_of_the_regional_situation_are_no_cooperation():
    assert "transnational_crime" not in CODEBOOK.themes_for(
        "He said the situation in the region will continue to see threats like terrorism.")
    assert "transnational_crime" in CODEBOOK.themes_for("Both armies will fight terrorism together.")


def test_delegations_organised_to_visit_or_visits_of_officials_to_localities_are_exchanges():
    assert "delegation_exchange" in CODEBOOK.themes_for("Each spring the district organises delegations to visit its neighbour.")
    assert "delegation_exchange" in CODEBOOK.themes_for("Visits of Lao officers to Vietnamese units grew last year.")


def test_people_on_both_sides_of_the_border_trading_is_border_trade():
    assert "defence_economy" in CODEBOOK.themes_for("Farmers on both sides of the border to trade cattle were helped.")


def test_staff_whose_capacity_the_cooperation_improved_is_training():
    assert "training" in CODEBOOK.themes_for("Through the programme, medics' skills at the clinic have been improved.")
    assert "training" not in CODEBOOK.themes_for("The clinic's capacity has been raised to 80 beds.")


def test_the_education_training_compound_is_training():
    assert "training" in CODEBOOK.themes_for("They lauded ties in border management and education-training.")
    assert "training" not in CODEBOOK.themes_for("The province seeks ties in health, education-training and tourism.")


def test_a_unit_advising_its_own_local_party_committee_is_no_information_sharing():
    assert "information_sharing" not in CODEBOOK.themes_for(
        "The command gave advice to the provincial party committee on its own work.")
    assert "information_sharing" in CODEBOOK.themes_for(
        "The two armies gave advice to the leaders of both parties.")


def test_a_monument_called_a_symbol_of_the_friendship_is_political_education():
    assert "political_education" in CODEBOOK.themes_for(
        "The colonel said the monument stands as a symbol of the two peoples' enduring friendship.")
    assert "political_education" not in CODEBOOK.themes_for("The old monument is a symbol of the town's market.")


def test_forces_monitoring_their_border_areas_is_border_management_but_watching_a_dispute_is_not():
    assert "border_patrol" in CODEBOOK.themes_for("Both armies have units that watch their remote border areas.")
    assert "border_patrol" not in CODEBOOK.themes_for("Observers are watching the border tensions closely.")


def test_the_asean_way_as_a_norm_is_no_multilateral_work():
    assert "multilateral" not in CODEBOOK.themes_for("Hanoi has kept to the ASEAN Way of consensus since 1995.")
    assert "multilateral" in CODEBOOK.themes_for("Both ministries backed each other at ASEAN defence meetings.")


def test_delegation_and_information_exchanges_are_both_kinds_of_exchange():
    themes = load_codebook().themes_for("The two air forces keep up delegation and information exchanges.")
    assert {"delegation_exchange", "information_sharing"} <= set(themes)
    assert "delegation_exchange" not in load_codebook().themes_for("The two air forces keep up information exchanges.")


def test_a_clash_with_one_sides_border_forces_is_an_incident_not_border_management():
    assert "border_patrol" not in load_codebook().themes_for("Two farmers were hurt in a clash with border security forces.")
    assert "border_patrol" in load_codebook().themes_for("The border security forces of both sides patrol the line.")


def test_a_delegation_travelling_to_attend_meetings_is_no_exchange_of_delegations():
    codebook = load_codebook()
    assert "delegation_exchange" not in codebook.themes_for("She led a delegation to Hue to attend high-level meetings.")
    assert "delegation_exchange" in codebook.themes_for("Both sides keep up high-level meetings.")


def test_border_posts_erected_to_demarcate_the_line_are_markers_not_border_management():
    assert "border_patrol" not in CODEBOOK.themes_for("The engineers erected border posts along the new road.")
    assert "border_patrol" not in CODEBOOK.themes_for("They built border posts to demarcate the line.")
    assert "border_patrol" in CODEBOOK.themes_for("The border posts of the two sides held joint patrols.")


def test_police_sent_to_the_other_country_for_training_is_personnel_training():
    assert "training" in CODEBOOK.themes_for("The army would send a number of police to Vietnam for training.")
    assert "training" not in CODEBOOK.themes_for("The army would send troops to the flooded district for relief.")


def test_a_border_described_as_not_yet_demarcated_in_passing_is_no_demarcation_work():
    assert "border_demarcation" not in CODEBOOK.themes_for(
        "Both forces will curb smuggling along a frontier, parts of which are still not demarcated.")
    assert "border_demarcation" in CODEBOOK.themes_for("They will speed up the demarcation of the border.")


def test_upgrading_a_border_gate_is_border_gate_facilitation():
    assert "defence_economy" in CODEBOOK.themes_for("The provinces welcomed the upgrading of the Xa Mat border gate.")


# --- enfix19: extra themes on the whole English real set, each on a sentence written for it -------

def test_a_border_defence_exchange_named_as_an_event_is_no_border_management():
    assert "border_patrol" not in CODEBOOK.themes_for("The minister praised the first border defence exchange of the two armies.")
    assert "border_patrol" in CODEBOOK.themes_for("At the border defence exchange, both forces agreed on joint patrols.")


def test_an_asean_meeting_only_as_where_leaders_stayed_or_a_deal_came_from_is_no_multilateral_cooperation():
    assert "multilateral" not in CODEBOOK.themes_for("The drill rests on a deal reached at the ASEAN ministers' meeting.")
    assert "multilateral" not in CODEBOOK.themes_for(
        "They met while they were in Bangkok, Thailand for the ASEAN Defence Ministers' Meeting (ADMM).")
    assert "multilateral" in CODEBOOK.themes_for("On the sidelines of the summit, both pledged support at ASEAN forums.")


def test_a_third_countrys_ships_at_a_base_or_boats_in_a_flood_are_no_maritime_cooperation():
    assert "maritime" not in CODEBOOK.themes_for("Chinese warships have docked at the naval base for months.")
    assert "maritime" not in CODEBOOK.themes_for("Troops used boats to reach flooded villages.")
    assert "maritime" in CODEBOOK.themes_for("The minister said disputes in the South China Sea must be settled peacefully.")
    assert "maritime" in CODEBOOK.themes_for("Chinese and Vietnamese ships joined a joint drill with the Cambodian navy.")


def test_crime_listed_among_the_challenges_framing_a_speech_is_no_crime_cooperation():
    assert "transnational_crime" not in CODEBOOK.themes_for(
        "The bloc must stay united in the context of many challenges, such as smuggling and terrorism.")
    assert "transnational_crime" in CODEBOOK.themes_for(
        "In the context of new threats such as cyber attacks, the two armies agreed to fight drug trafficking together.")


def test_exchange_activities_meetings_and_exchanges_and_a_visits_significance_are_delegation_exchange():
    assert "delegation_exchange" in CODEBOOK.themes_for("Both posts should increase exchange activities next year.")
    assert "delegation_exchange" in CODEBOOK.themes_for("The units held nine meetings and exchanges in 2020.")
    assert "delegation_exchange" in CODEBOOK.themes_for("They want more exchanges between youths of the two nations.")
    assert "delegation_exchange" in CODEBOOK.themes_for("He said the guest's visit would help strengthen ties.")
    assert "delegation_exchange" not in CODEBOOK.themes_for("The clubs will boost cultural exchange activities.")


def test_informing_each_other_promptly_and_consultation_mechanisms_are_information_sharing():
    assert "information_sharing" in CODEBOOK.themes_for("The two posts regularly inform each other of river floods.")
    assert "information_sharing" in CODEBOOK.themes_for("They kept their consultation and dialogue mechanisms working.")
    assert "information_sharing" not in CODEBOOK.themes_for("At the talks they informed each other of recent results.")


def test_training_in_a_list_of_aid_is_personnel_training():
    assert "training" in CODEBOOK.themes_for("The army gives its neighbour vehicles, training and money.")
    assert "training" not in CODEBOOK.themes_for("The army gives its neighbour vehicles and money.")


def test_students_of_civilian_universities_are_no_personnel_training():
    # batch 60: a friendship get-together with students of civilian universities
    assert "training" not in CODEBOOK.themes_for("The city's friendship union hosted Lao students from two "
                                                 "universities for the festival.")
    assert "training" in CODEBOOK.themes_for("Lao students at the army's officer college met the minister.")


def test_one_countrys_own_record_in_un_missions_is_no_multilateral_work():
    # batch 60: a speaker telling his own country's record, with no joint work named
    assert "multilateral" not in CODEBOOK.themes_for("Since 2016, Cambodia has sent some 900 officers to UN "
                                                     "peacekeeping operations in Africa.")
    assert "multilateral" in CODEBOOK.themes_for("Viet Nam has sent engineers to UN missions and will help "
                                                 "Cambodia train its peacekeepers.")


def test_a_rescue_of_people_from_a_flood_is_search_and_rescue():
    # batch 67: troops of one side rescuing people of the other from a flood is disaster relief in action
    assert "search_rescue" in CODEBOOK.themes_for("Army engineers rescued six farmers from floodwaters near the post.")
    assert "search_rescue" not in CODEBOOK.themes_for("Army engineers rescued the old bridge plan from oblivion.")


def test_a_reopening_named_only_as_a_time_frame_is_no_pandemic_or_trade_cooperation():
    # batch 67: the next search season is set for "when" the outbreak is contained and border trade reopens
    sentence = ("The teams will dig again when the COVID-19 is under control again, if Phnom Penh "
                "allows normal cross-border trade activities once more.")
    assert {"pandemic", "defence_economy"}.isdisjoint(CODEBOOK.themes_for(sentence))
    assert "defence_economy" in CODEBOOK.themes_for("They agreed to promote cross-border trade activities.")
    assert "pandemic" in CODEBOOK.themes_for("When the COVID-19 broke out, the army sent face masks to its partner.")
    assert "pandemic" in CODEBOOK.themes_for("When the pandemic struck, the two armies shared their test kits.")


def test_a_forces_delegation_paying_a_festive_visit_is_a_delegation_exchange_even_in_a_long_sentence():
    sentence = ("A delegation of the Royal Cambodian Gendarmerie visited the border province of An Giang on Friday "
                "to bring wishes to its leaders, officers and people ahead of the Lunar New Year.")
    assert "delegation_exchange" in load_codebook().themes_for(sentence)


def test_a_case_count_or_a_post_pandemic_setting_is_no_pandemic_cooperation():
    codebook = load_codebook()
    assert "pandemic" not in codebook.themes_for("The visitor said the number of COVID-19 cases at home had fallen.")
    assert "pandemic" not in codebook.themes_for("The province reported strong post-COVID-19 growth.")
    assert "pandemic" in codebook.themes_for("The two armies shared COVID-19 vaccines.")


def test_a_site_helping_people_learn_about_a_leaders_odyssey_is_political_education():
    sentence = "The memorial will help people, the young above all, learn more about the colonel's odyssey in 1978."
    assert "political_education" in load_codebook().themes_for(sentence)


def test_a_third_powers_access_to_a_naval_base_is_no_maritime_cooperation_unless_joint_work_is_named():
    assert "maritime" not in CODEBOOK.themes_for("The premier barred the United States from visiting the naval port.")
    assert "maritime" in CODEBOOK.themes_for("The United States and both navies will patrol the gulf together.")


@pytest.mark.parametrize(("sentence", "theme", "present"), [
    # one side asked to keep helping to train the other's army: personnel training
    ("The premier hoped the guests would keep helping to train the Lao army.", "training", True),
    ("The grant helps the town train its firefighters.", "training", False),
    # information exchanged to keep joint works on schedule is project coordination, not information sharing
    ("The two offices often exchanged information to ensure the progress of the new works.",
     "information_sharing", False),
    ("The two posts exchanged information on smugglers to ensure the safety of the works.",
     "information_sharing", True),
    # a friendship exchange culture departments organise is a cultural programme, not a delegation exchange
    ("The Department of Culture of a district, with the arts office of its twin town, organised a friendship "
     "exchange on May 3.", "delegation_exchange", False),
    ("The provincial military command organised a friendship exchange for young officers on May 3.",
     "delegation_exchange", True),
])
def test_training_help_project_progress_and_cultural_friendship_exchanges(sentence, theme, present):
    assert (theme in CODEBOOK.themes_for(sentence)) is present
