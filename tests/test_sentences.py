"""Commitments: sentence kind, actor, and when sentences get no themes."""
import pytest

from defcoop.extract.sentences import (about_other_countries, classify_sentence, sentence_rows, is_about_vn_kh,
                                 sentence_actor)
from defcoop.extract.people import load_officials


@pytest.mark.parametrize(("sentence", "kind"), [
    ("The two sides will continue to strengthen joint patrols.", "commitment"),
    ("They agreed to step up personnel training.", "commitment"),
    ("Gen. Giang proposed that the two armies boost information sharing.", "commitment"),
    ("Both ministers pledged to speed up the search for remains.", "commitment"),
    ("They agreed that the exchange of high-ranking delegations has been maintained.", "result"),
    ("Almost all contents of the 2020 plan were implemented effectively.", "result"),
    ("The two sides have completed 84 percent of the border demarcation work.", "result"),
    ("The talks took place in Phnom Penh.", "statement"),
    ("Cambodia is a close neighbour of Vietnam.", "statement"),
])
def test_kinds(sentence, kind):
    assert classify_sentence(sentence) == kind


@pytest.mark.parametrize(("sentence", "people", "actor"), [
    ("The two sides agreed to boost patrols.", [], "joint"),
    ("Both ministers pledged closer ties.", [], "joint"),
    ("Vietnam and Cambodia will step up training.", [], "joint"),
    ("Vietnam will continue to help train Cambodian officers.", [], "VN"),
    ("Cambodia thanked Vietnam for its support.", [], "KH"),
    ("Gen. Tea Seiha thanked Vietnam.", [(5, "KH")], "KH"),
    ("Lao Defence Minister Khamliang Outhakaysone said the three armies coordinate closely.", [], "LA"),
    ("The remains were brought to the cemetery.", [], "unknown"),
])
def test_actor(sentence, people, actor):
    assert sentence_actor(sentence, people) == actor


def test_article_about_other_countries_is_not_relevant():
    assert not is_about_vn_kh(["Vietnam and Laos held defence talks in Hanoi.", "Laos thanked Vietnam."])
    assert is_about_vn_kh(["Vietnam and Cambodia held defence talks in Hanoi."])


def test_a_country_named_only_through_its_official_counts():
    from defcoop.extract.people import load_officials

    sentences = ["Defence Minister Ngo Xuan Lich held talks with his Cambodian counterpart."]
    assert not is_about_vn_kh(sentences)
    assert is_about_vn_kh(sentences, mentions=load_officials().find_people(sentences))


def test_sentence_only_about_other_countries():
    assert about_other_countries("Japan and the Philippines held a naval drill.")
    assert not about_other_countries("Vietnam and Japan held talks.")
    assert not about_other_countries("The two navies will hold joint patrols in the Gulf of Thailand.")
    assert not about_other_countries("The ministers reviewed the South China Sea situation at sea.")


def rows(sentences, relevant=True):
    mentions = load_officials().find_people(sentences)
    return sentence_rows("art", sentences, mentions, relevant, None)


def test_irrelevant_article_sentences_carry_no_themes():
    result = rows(["The two sides agreed to boost joint border patrols and personnel training."], relevant=False)
    assert result[0]["themes"] is None


def test_sentence_about_other_countries_carries_no_themes_in_a_relevant_article():
    result = rows(["Vietnam and Cambodia agreed to boost joint border patrols.",
                   "Thailand and Myanmar agreed to boost joint border patrols."])
    assert result[0]["themes"] == "border_patrol"
    assert result[1]["themes"] is None


def test_one_row_per_sentence_with_ids_kind_and_actor():
    result = rows(["Vietnam and Cambodia held talks.", "The two sides will step up personnel training."])
    assert [r["sentence_id"] for r in result] == ["art-S000", "art-S001"]
    assert [r["sentence_index"] for r in result] == ["0", "1"]
    assert result[1]["kind"] == "commitment" and result[1]["actor"] == "joint"
    assert result[1]["themes"] == "training"


def test_participle_agreeing_to_is_a_commitment():
    sentence = "They discussed measures to speed up the delineation, agreeing to invite international consultants."
    assert classify_sentence(sentence) == "commitment"


def test_a_sentence_whose_subject_is_a_third_country_dealing_with_one_party_is_about_others():
    assert about_other_countries("The Japanese ministry says its naval training for Cambodia is normal.")
    assert not about_other_countries("Cambodia thanked Japan and Vietnam for the training.")
    assert not about_other_countries("Japan will help Vietnam and Cambodia clear mines.")


# --- The rule file ----------------------------------------------------------------------------

COMMITMENTS_OK = ("commitment: ['\\bwill\\b']\nresult: ['\\bwere held\\b']\nresult_overrides_commitment: ['\\breviewed\\b']\n"
                  "joint_actor: ['^both\\b']\n")


@pytest.mark.parametrize("text, message", [
    (COMMITMENTS_OK + "joint_actors: ['^they\\b']\n", r"x\.yaml:5: unknown key 'joint_actors'"),
    (COMMITMENTS_OK.replace("'\\bwere held\\b'", "'(held'"), r"x\.yaml:2: 'result': bad pattern '\(held'"),
    (COMMITMENTS_OK.replace("result: ['\\bwere held\\b']\n", ""), r"x\.yaml:1: missing key 'result'"),
    (COMMITMENTS_OK.replace("['^both\\b']", "'^both'"), r"x\.yaml:4: 'joint_actor' must be a list of regexes"),
    (COMMITMENTS_OK + "parties_subject: [2]\n", r"x\.yaml:5: 'parties_subject': 2 must be a string"),
])
def test_a_broken_commitments_file_is_reported_with_file_and_line(text, message):
    from defcoop.extract.sentences import parse_sentence_kinds
    from defcoop.rules import RuleFileError

    with pytest.raises(RuleFileError, match=f"^{message}"):
        parse_sentence_kinds(text, "x.yaml")


def test_the_commitments_file_is_read_through_the_one_loader_and_from_a_given_path(tmp_path):
    from defcoop.extract.sentences import SentenceKindRules, load_sentence_kind_rules
    from defcoop.rules import load_rules

    assert isinstance(load_rules("sentence_kinds"), SentenceKindRules) and load_sentence_kind_rules() is load_rules("sentence_kinds")
    file = tmp_path / "sentence_kinds.yaml"
    file.write_text(COMMITMENTS_OK, encoding="utf-8")
    rules = load_sentence_kind_rules(file)
    assert rules.parties_subject is None and rules.commitment.pattern == "(?:\\bwill\\b)"
    assert classify_sentence("Both sides will meet.", rules) == "commitment"
    assert classify_sentence("Talks were held.", rules) == "result"


# --- the examples of sentence_kinds.yaml -------------------------------------------------------------

def test_every_example_of_sentence_kinds_yaml_behaves():
    """Each must_match / must_not_match sentence of sentence_kinds.yaml, run through the module
    (`classify_sentence`, `sentence_actor`, `about_other_countries`); a failure reads
    ``file:line: 'key' ...: 'sentence'``."""
    from defcoop.extract.sentences import load_sentence_kind_rules

    failures = load_sentence_kind_rules().example_failures()
    assert not failures, "\n".join(failures)


def test_every_key_of_sentence_kinds_yaml_has_examples_both_ways():
    from defcoop.extract.sentences import SCHEMA, load_sentence_kind_rules

    examples = load_sentence_kind_rules().examples
    both = {e.rule for e in examples if e.must_match} & {e.rule for e in examples if not e.must_match}
    # vietnam_apart_sentences is a number (test_a_story_of_cambodia_and_a_third_country_naming_vietnam_once_has_no_themes);
    # headline_counts is a Vietnamese number (tests/test_vi_sentences.py, a headline naming Cambodia); partner_country
    # is Vietnamese only ("nước bạn"), its examples both ways in data/rules/vi/sentence_kinds.yaml; other_pair_headline
    # is a number (test_a_headline_on_cambodia_and_a_third_country_mutes_themes_without_a_meeting)
    assert both == set(SCHEMA) - {"version", "vietnam_apart_sentences", "headline_counts", "partner_country",
                                  "other_pair_headline"}


def _broken_sentence_kinds(old: str, new: str):
    from defcoop.extract.sentences import parse_sentence_kinds
    from defcoop.rules import rules_path

    text = rules_path("sentence_kinds").read_text(encoding="utf-8")
    assert text.count(old) == 1
    return parse_sentence_kinds(text.replace(old, new), "data/rules/en/sentence_kinds.yaml"), text


def _line(text: str, example: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if line.strip().startswith(f'- "{example}"'))


def test_a_broken_pattern_fails_its_examples_with_file_line_and_sentence():
    rules, text = _broken_sentence_kinds("'\\bpledg\\w*|", "'\\bpledges|")      # "pledged" no longer a commitment
    example = "Cambodia pledged to support the search for soldiers' remains."
    assert (f"data/rules/en/sentence_kinds.yaml:{_line(text, example)}: 'commitment' must_match not matched "
            f"(classified 'statement'): {example!r}") in rules.example_failures()
    rules, _ = _broken_sentence_kinds("|\\bspoke highly of\\b|", "|")      # the override no longer fires
    assert [failure.split(": ", 1)[1] for failure in rules.example_failures()] == [
        "'result_overrides_commitment' must_match not matched (classified 'commitment'): "
        "'The minister spoke highly of the results and urged both armies to keep up the work.'"]


def test_sentence_kind_examples_are_kept_with_the_rules_and_optional():
    from defcoop.extract.sentences import parse_sentence_kinds

    assert parse_sentence_kinds(COMMITMENTS_OK, "x.yaml").examples == ()
    text = COMMITMENTS_OK.replace("commitment: ['\\bwill\\b']\n", "commitment:\n  patterns: ['\\bwill\\b']\n"
                                  "  must_match: [Both sides will meet.]\n  must_not_match: [Talks were held.]\n")
    rules = parse_sentence_kinds(text, "x.yaml")
    assert rules.commitment.pattern == "(?:\\bwill\\b)"
    assert [(e.line, e.rule, e.must_match) for e in rules.examples] == [(3, "commitment", True), (4, "commitment", False)]
    assert rules.example_failures() == []


def test_a_story_of_cambodia_and_a_third_country_naming_vietnam_once_has_no_themes():
    from defcoop.extract.places import find_countries
    from defcoop.extract.sentences import has_vn_kh_themes

    def countries(*sentences):
        return [find_countries(sentence) for sentence in sentences]

    drill = ("Cambodia and Thailand opened a naval drill.", "The Cambodian navy sent six ships.",
             "The port project worries Vietnam and Malaysia.")
    assert not has_vn_kh_themes(countries(*drill), reports_meeting=False)
    assert has_vn_kh_themes(countries(*drill, "Vietnam sent observers."), reports_meeting=False)
    assert has_vn_kh_themes(countries("Vietnam and Cambodia opened a drill.", "The Cambodian navy sent six ships."),
                            reports_meeting=False)


def test_a_headline_on_cambodia_and_a_third_country_mutes_themes_without_a_meeting():
    from defcoop.extract.places import find_countries
    from defcoop.extract.sentences import has_vn_kh_themes

    body = [find_countries(sentence) for sentence in (
        "Vietnam said Thailand and Cambodia should respect the law.", "The Cambodian army sent 900 troops.")]
    assert not has_vn_kh_themes(body, reports_meeting=False, headline="Vietnam frowns on Thailand-Cambodia war games")
    assert has_vn_kh_themes(body, reports_meeting=False, headline="Vietnam and Cambodia hold war games")
    assert has_vn_kh_themes(body, reports_meeting=True, headline="Vietnam frowns on Thailand-Cambodia war games")


def test_both_countries_after_two_third_countries_are_those_countries():
    assert about_other_countries("Indonesia and Malaysia are in a dispute over an atoll that both nations say is theirs.")
    assert not about_other_countries("Both countries thanked Japan for its help with mine clearance.")


def test_a_party_hyphenated_with_a_third_country_is_that_pairs_story():
    assert about_other_countries("The Cambodia-Thailand deal on the port was denied on Friday.")
    assert not about_other_countries("The Vietnam-Cambodia deal on the port was signed on Friday.")


def test_a_party_asking_a_third_countrys_ministry_is_that_pairs_story():
    # batch 60: the request goes to the third country, the other party is not named
    assert about_other_countries("The Cambodian general asked the Thai ministry to fund a demining course.")
    assert not about_other_countries("The Cambodian general asked the Vietnamese ministry to fund a demining course.")
