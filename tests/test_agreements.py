"""Signed documents: kinds, subjects, lists, and documents that were not signed at the meeting."""
import pytest

from defcoop.extract.agreements import find_signed_documents


def kinds(sentence):
    return [(d.kind, d.subject) for d in find_signed_documents(sentence)]


def test_plan_signed_after_talks_has_its_year_as_subject():
    assert kinds("After the talks, the two Defence Ministers signed the Cooperation Plan for 2021./.") == [
        ("cooperation_plan", "2021")]


def test_year_before_plan_name():
    assert kinds("The ministers inked the 2024 defence cooperation plan.") == [("cooperation_plan", "2024")]


@pytest.mark.parametrize("sentence", [
    "The two commanders signed the minutes of the meeting and the plan on joint patrols for 2019.",
    "The two navies signed the 2019 joint patrol plan.",
])
def test_plan_for_one_joint_activity_is_a_cooperation_plan(sentence):
    assert ("cooperation_plan", "2019") in kinds(sentence)


def test_plan_on_a_field_of_cooperation_for_a_year():
    sentence = "The two directors signed the plan on military medical cooperation for 2023 between the departments."
    assert kinds(sentence) == [("cooperation_plan", "2023")]


@pytest.mark.parametrize("sentence, subject", [
    ("Border guards of the two provinces signed a coordination programme for border protection in 2025.", "2025"),
    ("The two commands inked the 2026 cooperation programme.", "2026"),
])
def test_a_programme_of_joint_work_is_a_cooperation_plan(sentence, subject):
    assert kinds(sentence) == [("cooperation_plan", subject)]


def test_a_programme_only_mentioned_is_no_document():
    assert kinds("The sides will carry out cooperation programmes this year.") == []


def test_list_of_three_documents_split_at_separators():
    sentence = ("The talks concluded with the signing of the cooperation plan for 2026, a Memorandum of "
                "Understanding on strengthening cooperation in personnel training, and an agreement on "
                "border cooperation by the two ministers.")
    assert kinds(sentence) == [("cooperation_plan", "2026"), ("mou", "personnel training"),
                               ("agreement", "border cooperation")]


def test_and_inside_a_document_name_does_not_start_a_new_document():
    sentence = ("The officials signed a Memorandum of Understanding between the Vietnamese and Cambodian "
                "Ministries of National Defence on cooperation in the field of military and defence law, "
                "and the minutes of the dialogue.")
    assert kinds(sentence) == [("mou", "military and defence law"), ("minutes", "dialogue")]


def test_a_ceremony_marking_twinning_ties_is_a_twinning_with_both_parties():
    sentence = "The day closed with a ceremony marking the twinning ties between Hamlet A of Long An and Village B."
    assert kinds(sentence) == [("twinning", "Hamlet A of Long An - Village B")]
    assert kinds("They held a ceremony marking the fifth anniversary of the twinning of the two posts.") == []
    assert kinds("A ceremony for the opening of the border market was held.") == []


def test_twinning_agreement_is_twinning_with_both_parties():
    sentence = ("Generals Lam and Sok witnessed the signing of a twinning agreement between Vietnam's Border "
                "Post of Xa Mat and Cambodia's Trapeang Phlong Border Police Post.")
    assert kinds(sentence) == [("twinning", "Vietnam's Border Post of Xa Mat - Cambodia's Trapeang Phlong Border Police Post")]


def test_protocol_period():
    assert kinds("Both sides signed a protocol on defence cooperation for 2025-2029.") == [("protocol", "2025-2029")]


@pytest.mark.parametrize("sentence", [
    "The two sides are considering the signing of an agreement on search and rescue in border areas.",
    "The ministers agreed to sign a protocol for 2025-2029 next year.",
    "Both sides will sign a memorandum of understanding on training.",
    "They reviewed the implementation of the protocol signed in 2019.",
    "The agreements signed between the two countries have been implemented well.",
    "Surveys must continue to serve the signing of a border treaty and agreement.",
    "Both sides work on, paving the way for the signing of a protocol on markers.",
])
def test_documents_not_signed_at_the_meeting_are_left_out(sentence):
    assert kinds(sentence) == []


def test_document_inside_another_documents_subject_is_not_counted():
    sentence = "They signed a MoU on the implementation of the agreement on border management."
    assert [k for k, _ in kinds(sentence)] == ["mou"]


def test_a_document_signed_by_the_parties_during_their_talks_was_signed_at_the_meeting():
    sentence = "Work goes on under a cooperation agreement signed by the two committees during their 14th talks on July 6."
    assert [d.kind for d in find_signed_documents(sentence)] == ["agreement"]


def test_a_document_signed_in_an_earlier_year_is_only_mentioned():
    assert find_signed_documents("They reviewed the agreement signed in 2019 by the two committees.") == []


def test_a_subject_stops_before_a_participial_clause_and_a_bare_year_is_the_subject():
    assert kinds("They signed an agreement on border cooperation, attaching importance to patrols.") == [
        ("agreement", "border cooperation")]
    assert kinds("During the meeting, both ministries signed a cooperation agreement in 2021, focusing on crime.") == [
        ("agreement", "2021")]


def test_a_document_after_a_second_signing_verb_is_signed_too():
    assert [kind for kind, _ in kinds("The ministers inked the 2030 cooperation plan and witnessed the signing of "
                                      "the two ministries' memorandum of understanding on military law.")] == [
        "cooperation_plan", "mou"]


def test_the_agreement_with_nothing_after_it_is_a_back_reference():
    (document,) = find_signed_documents("The signing of the agreement highlighted the ties.")
    assert (document.kind, document.back_reference) == ("agreement", True)
    (document,) = find_signed_documents("They signed the agreement on border management.")
    assert document.back_reference is False


# --- The rule files ---------------------------------------------------------------------------

AGREEMENTS_OK = "sign_verbs: 'signed'\nnot_yet_signed: ['will\\s*$']\nkinds:\n  - id: mou\n    patterns: ['mous?']\nlist_separator: ','\n"


@pytest.mark.parametrize("text, message", [
    (AGREEMENTS_OK + "sign_verb: 'inked'\n", r"x\.yaml:7: unknown key 'sign_verb'"),
    (AGREEMENTS_OK.replace("'mous?'", "'(mou'"), r"x\.yaml:5: 'kinds\[1\]\.patterns': bad pattern '\(mou'"),
    (AGREEMENTS_OK.replace("list_separator: ','\n", ""), r"x\.yaml:1: missing key 'list_separator'"),
    (AGREEMENTS_OK.replace("    patterns:", "    pattern:"), r"x\.yaml:5: 'kinds\[1\]': unknown key 'pattern'"),
    (AGREEMENTS_OK.replace("['will\\s*$']", "'will'"), r"x\.yaml:2: 'not_yet_signed' must be a list of regexes"),
    (AGREEMENTS_OK + "back_reference:\n  kinds: [agreement]\n  before: 'the\\s+$'\n",
     r"x\.yaml:8: 'back_reference': missing key 'after'"),
])
def test_a_broken_agreements_file_is_reported_with_file_and_line(text, message):
    from defcoop.extract.agreements import parse_agreements
    from defcoop.rules import RuleFileError

    with pytest.raises(RuleFileError, match=f"^{message}"):
        parse_agreements(text, "x.yaml")


def test_the_agreements_file_is_read_through_the_one_loader_and_from_a_given_path(tmp_path):
    from defcoop.extract.agreements import AgreementRules, load_agreement_rules
    from defcoop.rules import load_rules, rules_path

    assert isinstance(load_rules("agreements"), AgreementRules) and load_agreement_rules() is load_rules("agreements")
    file = tmp_path / "agreements.yaml"
    file.write_text(AGREEMENTS_OK, encoding="utf-8")
    rules = load_agreement_rules(file)
    assert [kind for kind, _ in rules.kinds] == ["mou"] and rules.passive_sign is None and rules.back_reference is None
    assert [d.kind for d in find_signed_documents("They signed a MoU.", rules)] == ["mou"]
    assert load_agreement_rules(rules_path("agreements")).kinds == load_agreement_rules().kinds


def test_subject_rules_come_from_agreement_subjects_yaml():
    from defcoop.extract.agreements import _subject, subject_rules
    from defcoop.rules import load_rules

    subjects = subject_rules()
    assert subjects is subject_rules() and subjects.relative_pronoun is load_rules("agreement_subjects").regex("relative_pronoun")
    assert _subject("minutes", "minutes", "of the dialogue", subjects) == "dialogue"
    assert _subject("twinning", "twinning agreement", "between the Post of Xa Mat and a Cambodian post", subjects) == (
        "Post of Xa Mat - Cambodian post")
    assert _subject("agreement", "agreement", "in 2022", subjects) == "2022"


# --- the examples of agreements.yaml ---------------------------------------------------------------

AGREEMENT_CUES = ("sign_verbs", "passive_sign", "signed_earlier", "not_yet_signed", "list_separator", "back_reference")


def test_every_example_of_agreements_yaml_behaves():
    """Each must_match / must_not_match sentence of agreements.yaml, run through the module
    (`AgreementRules.example_failures`); a failure reads ``file:line: 'rule' ...: 'sentence'``."""
    from defcoop.extract.agreements import load_agreement_rules

    failures = load_agreement_rules().example_failures()
    assert not failures, "\n".join(failures)


def test_every_kind_and_cue_of_agreements_yaml_has_examples_both_ways():
    from defcoop.extract.agreements import load_agreement_rules

    rules = load_agreement_rules()
    both = ({e.rule for e in rules.examples if e.must_match} & {e.rule for e in rules.examples if not e.must_match})
    kinds = {f"kinds[{index}]" for index in range(1, len(rules.kinds) + 1)}
    assert kinds | set(AGREEMENT_CUES) <= both


def _broken_agreements(old: str, new: str):
    from defcoop.extract.agreements import parse_agreements
    from defcoop.rules import rules_path

    text = rules_path("agreements").read_text(encoding="utf-8")
    assert text.count(old) == 1
    return parse_agreements(text.replace(old, new), "data/rules/en/agreements.yaml"), text


def _line(text: str, example: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if line.strip().startswith(f'- "{example}"'))


def test_a_broken_kind_pattern_fails_its_examples_with_file_line_and_sentence():
    rules, text = _broken_agreements("'\\bmous?\\b'", "'\\bmou\\b'")     # plural MoUs no longer found
    example = "Both sides inked two MoUs on personnel training."
    assert rules.example_failures() == [
        f"data/rules/en/agreements.yaml:{_line(text, example)}: 'kinds[4] mou' must_match not matched "
        f"(documents found: none): '{example}'"]


def test_a_broken_cue_fails_its_examples():
    rules, text = _broken_agreements("    - '\\bto\\s*$'", "    - '\\btoo\\s*$'")    # "agreed to sign" no longer held back
    assert any(f":{_line(text, 'Both armies agreed to sign a protocol on border management.')}: 'not_yet_signed' "
               "must_match not matched" in failure for failure in rules.example_failures())
    rules, _ = _broken_agreements("|last\\b|earlier\\b|", "|earlier\\b|")   # "signed last year" no longer earlier
    assert [failure.split(": ", 1)[1] for failure in rules.example_failures()] == [
        "'signed_earlier' must_match not matched (not dated before the meeting): "
        "'The agreement was signed last year in Phnom Penh.'"]


def test_examples_are_kept_with_the_rules_and_optional():
    from defcoop.extract.agreements import parse_agreements

    assert parse_agreements(AGREEMENTS_OK, "x.yaml").examples == ()
    text = AGREEMENTS_OK.replace("    patterns: ['mous?']\n", "    patterns: ['mous?']\n    must_match: [They signed a MoU.]\n"
                                 "    must_not_match: [They will sign a MoU.]\n")
    rules = parse_agreements(text, "x.yaml")
    assert [(e.line, e.rule, e.must_match, e.text) for e in rules.examples] == [
        (6, "kinds[1]", True, "They signed a MoU."), (7, "kinds[1]", False, "They will sign a MoU.")]
    assert rules.example_failures() == []


@pytest.mark.parametrize("sentence", [
    "The two provinces have carried out the signed accords on border trade well.",
    "Both commands will keep implementing their signed agreements on joint patrols.",
    "Units work within the framework of signed agreements between the two armies.",
])
def test_documents_signed_before_that_the_sides_carry_out_are_not_signed_now(sentence):
    assert kinds(sentence) == []


def test_a_caption_showing_their_signed_document_at_the_talks_still_names_it():
    assert [kind for kind, _ in kinds("The two colonels show their signed MoU on training at the talks.")] == ["mou"]


def test_agreeing_on_a_plan_at_the_talks_adopts_it():
    assert kinds("The two ministers agreed on a cooperation plan for 2021 at their talks.") == [
        ("cooperation_plan", "2021")]


@pytest.mark.parametrize("sentence", [
    "The ministers agreed on the need to sign an MoU on training.",
    "Both sides agreed on measures to carry out the plan.",
])
def test_agreeing_on_anything_but_a_document_signs_nothing(sentence):
    assert kinds(sentence) == []


def test_a_subject_stops_before_the_meeting_the_document_was_signed_at():
    assert kinds("They signed an MoU on training during talks in Hue on May 2.") == [("mou", "training")]


def test_a_plan_for_this_year_takes_the_year_of_its_meeting():
    from defcoop.extract.agreements import dated_subject
    [plan] = find_signed_documents("In Hue, the two staffs agreed on a cooperation plan for this year.")
    assert (plan.subject, dated_subject(plan.subject, 2021)) == ("for this year", "2021")
    assert dated_subject("for the coming year", 2021) == "2022" and dated_subject("for this year", None) is None


def test_the_implementation_of_a_signed_document_signs_nothing():
    assert kinds("Officers checked the implementation of all signed MoUs on sea rescue.") == []


def test_signed_by_names_who_signed_the_document_before_it_and_signs_none_after_it():
    assert find_signed_documents("Ties grew under the protocol signed by the two armies in 2009 and the joint "
                                 "statement on border work adopted in 2016.") == []


def test_signed_documents_the_sides_disseminate_were_signed_before():
    assert find_signed_documents("Both forces will boost the dissemination of signed treaties and agreements to locals.") == []
    assert find_signed_documents("After the meeting, the two forces signed an agreement on patrols.")


def test_a_cooperation_agreement_for_one_year_is_that_years_plan():
    assert kinds("The two border units sign cooperation agreement for 2031.") == [("cooperation_plan", "2031")]
    assert kinds("The two border units signed a cooperation agreement on joint patrols.") == [
        ("agreement", "joint patrols")]


def test_informing_residents_about_signed_accords_signs_nothing():
    assert kinds("The posts will inform villagers about signed agreements on the border.") == []


def test_the_day_of_the_signing_after_on_is_no_subject():
    assert kinds("The two commands signed an MoU on March 3 to mark cooperation in 2031.") == [
        ("mou", "to mark cooperation in 2031")]


def test_a_signed_deal_is_an_agreement_unless_it_is_a_twinning():
    assert kinds("The two colonels signed a deal on Friday to build a library.")[0][0] == "agreement"
    assert [kind for kind, _ in kinds("The districts inked a deal on the twinning of two villages.")] == ["twinning"]


def test_a_document_signed_at_an_earlier_meeting_is_only_mentioned():
    # carried out after being signed at the previous talks: not signed at the meeting reported
    assert find_signed_documents("At the event, both sides agreed to keep carrying out the plan signed at the "
                                 "previous meeting.") == []
    assert find_signed_documents("The deal signed during their last annual talks was praised.") == []
    # signed at this meeting, as before
    assert [d.kind for d in find_signed_documents("Work starts under an agreement signed at the meeting in Hue.")] == [
        "agreement"]
