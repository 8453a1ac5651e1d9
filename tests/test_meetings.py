"""Meetings: trigger, mechanism refinement, edition, place/format, leads, merging and ids.

Inputs are small synthetic sentences; people come from data/reference/officials.csv.
"""
from datetime import date

import pytest

from defcoop.rules.text import fold as _fold

from defcoop.extract.meetings import (MeetingCandidate, choose_lead, extract_meetings, find_edition, find_place, find_trigger,
                              infer_countries, load_mechanisms, merge_candidates, merged_meeting_rows, refine_mechanism,
                              same_meeting, series_year_windows)
from defcoop.extract.people import PersonMention, load_officials

RULES = load_mechanisms()
OFFICIALS = load_officials()


def meetings_of(sentences, published=None, article_id="a"):
    mentions = OFFICIALS.find_people(sentences)
    return extract_meetings(article_id, sentences, published, mentions, OFFICIALS)


def only_meeting(sentences, published=None):
    found = meetings_of(sentences, published)
    assert len(found) == 1
    return found[0]


def candidate(article_id, mechanism="ministerial_talks", start=date(2022, 6, 20), end=None, precision="day",
              vn="Phan Van Giang", kh="Tea Banh", fmt="in_person", country="KH", place="Phnom Penh", edition=None):
    return MeetingCandidate(article_id, 0, mechanism, start, end or start, precision, "", place, country, edition,
                            fmt, vn, kh, "sentence")


# --- trigger -----------------------------------------------------------------------------------

def test_trigger_is_the_first_sentence_naming_a_meeting():
    sentences = ["Vietnam and Cambodia enjoy good ties.", "The two ministers held talks in Hanoi on May 3.",
                 "The Defence Policy Dialogue is held every year."]
    assert find_trigger(sentences, RULES) == (1, "ministerial_talks")


def test_specific_mechanism_wins_over_generic_words_in_the_same_sentence():
    sentence = "During the talks at the third Defence Policy Dialogue, they met in Hanoi."
    assert find_trigger([sentence], RULES) == (0, "defence_policy_dialogue")


def test_one_persons_meetings_with_several_hosts_reported_together_are_a_meeting():
    sentence = "In her meetings with the leaders of two provinces, the Cambodian general praised their help."
    assert find_trigger([sentence], RULES) == (0, "ministerial_talks")
    assert find_trigger(["The general recalled his meetings with the leaders of two provinces."], RULES) is None


def test_a_gendarmerie_delegation_visiting_a_province_is_a_meeting_even_after_an_abbreviated_rank():
    sentence = "A delegation from the Royal Cambodian Gendarmerie led by Maj. Gen. Sok A visited Tay Ninh province on May 3."
    assert find_trigger([sentence], RULES) == (0, "other")


def test_no_trigger_in_an_article_without_a_meeting():
    assert find_trigger(["Cambodia's economy grew 5 percent.", "Exports rose."], RULES) is None


@pytest.mark.parametrize(("sentence", "mechanism"), [
    ("The third Vietnam-Laos-Cambodia Defence Ministers' Meeting opened in Vientiane.",
     "trilateral_ministers_meeting"),
    ("A ceremony to receive the remains of fallen Vietnamese soldiers took place at the Moc Bai border gate.",
     "repatriation_ceremony"),
    ("Gen. Giang met Gen. Tea Seiha on the sidelines of the ADMM in Vientiane.", "sideline_meeting"),
    ("The Military Region 9 of Vietnam and the Military Region 3 of the Royal Cambodian Armed Forces "
     "held talks in Kien Giang.", "border_force_talks"),
    ("Talks between the border guards of the two provinces took place on Monday.", "border_force_talks"),
    ("The province held a ceremony at the border gate on July 11 to receive the remains of 27 volunteer soldiers.",
     "repatriation_ceremony"),
    ("The province on Wednesday handed over the remains of 18 Vietnamese volunteer soldiers who died in "
     "Cambodia, at a ceremony held near the border.", "repatriation_ceremony"),
    ("The Command of Military Region 9 held its annual talks with the Command of Military Region 3 of the RCAF.",
     "border_force_talks"),
    ("The Royal Cambodian Navy and Vietnam's Naval Region 5 held their annual meeting at Ream.", "border_force_talks"),
])
def test_specific_mechanisms_are_named_by_their_phrases(sentence, mechanism):
    assert RULES.mechanisms_in(sentence)[0] == mechanism


# --- mechanism refinement -------------------------------------------------------------------------

def test_generic_talks_received_by_a_prime_minister_are_a_courtesy_call():
    meeting = only_meeting(["Cambodian Prime Minister Hun Manet received Vietnamese Defence Minister "
                            "Gen. Phan Van Giang in Phnom Penh on December 12."], date(2023, 12, 13))
    assert (meeting.mechanism, meeting.kh_lead, meeting.vn_lead) == ("courtesy_call", "Hun Manet", "Phan Van Giang")


def test_generic_talks_between_defence_ministers_stay_ministerial_talks():
    meeting = only_meeting(["Defence Minister Gen. Phan Van Giang held talks with Cambodian Defence Minister "
                            "Gen. Tea Seiha in Hanoi on March 14."], date(2024, 3, 15))
    assert meeting.mechanism == "ministerial_talks"


def test_talks_held_within_the_framework_of_a_numbered_exchange_are_that_exchange_with_its_edition():
    meeting = only_meeting(["Defence Minister Gen. Phan Van Giang held talks with Cambodian Defence Minister "
                            "Gen. Tea Seiha in Hanoi on March 14.",
                            "The talks were held within the framework of the third border friendship exchange."],
                           date(2024, 3, 15))
    assert (meeting.mechanism, meeting.edition) == ("border_friendship_exchange", 3)


def test_talks_next_to_cooperation_within_a_framework_stay_ministerial_talks():
    meeting = only_meeting(["Defence Minister Gen. Phan Van Giang held talks with Cambodian Defence Minister "
                            "Gen. Tea Seiha in Hanoi on March 14.",
                            "They agreed to cooperate within the framework of the third border friendship exchange."],
                           date(2024, 3, 15))
    assert meeting.mechanism == "ministerial_talks"


_ARRIVAL = "Troops of the Royal Cambodian Armed Forces arrived in Dong Nai province on Monday to rehearse for a parade."


def test_a_provincial_command_welcoming_visiting_contingents_named_earlier_is_a_joint_event_of_its_own_kind():
    meeting = only_meeting([_ARRIVAL, "At a welcome ceremony for the visiting contingents, Colonel Tran Van Binh, Commander "
                                      "of the Dong Nai Provincial Military Command, spoke of the coming celebration.",
                            "He wished the guests a pleasant stay."], date(2025, 4, 22))
    assert (meeting.mechanism, meeting.vn_lead, meeting.kh_lead) == ("other", "Tran Van Binh", None)


def test_a_ceremony_for_visiting_contingents_with_no_welcome_named_is_no_meeting():
    assert meetings_of([_ARRIVAL, "At a ceremony for the visiting contingents, Colonel Tran Van Binh, Commander "
                                  "of the Dong Nai Provincial Military Command, spoke of the coming celebration."],
                       date(2025, 4, 22)) == []


def test_generic_talks_between_border_force_commanders_are_border_force_talks():
    meeting = only_meeting(["Maj. Gen. Le Duc Thai, Commander of the Vietnam Border Guard, held talks with "
                            "Gen. Sao Sokha, Commander of the Royal Gendarmerie of Cambodia, in An Giang on March 24."],
                           date(2022, 3, 25))
    assert meeting.mechanism == "border_force_talks"


def test_unknown_commanders_with_border_force_context_are_border_force_talks():
    people = [PersonMention("Nguyen Xuan Dan", "Nguyen Xuan Dan", "VN", "", 0, 0, 10, "title"),
              PersonMention("Bun Seng", "Bun Seng", "KH", "", 0, 20, 28, "title")]
    context = "The talks were co-chaired by the commanders of Military Region 9 and Cambodian Military Region 3."
    assert refine_mechanism("ministerial_talks", people, OFFICIALS, RULES, context) == "border_force_talks"
    # without that context, two people of unknown office are not defence ministers either
    assert refine_mechanism("ministerial_talks", people, OFFICIALS, RULES, "They met in Hanoi.") == "other"


def test_a_minister_meeting_someone_of_unknown_office_is_other():
    people = [PersonMention("Le Chiem", "Le Chiem", "VN", "deputy_defence_minister", 0, 0, 8, "alias"),
              PersonMention("Seang Lapress", "Seang Lapress", "KH", "", 1, 0, 13, "title")]
    assert refine_mechanism("ministerial_talks", people, OFFICIALS, RULES, "At a meeting in Hanoi.") == "other"


def test_talks_of_a_commander_in_chief_and_a_chief_of_general_staff_are_other():
    cuong = PersonMention("Nguyen Tan Cuong", "Nguyen Tan Cuong", "VN", "", 0, 0, 10, "alias")
    pisen = PersonMention("Vong Pisen", "Vong Pisen", "KH", "", 0, 20, 30, "alias")
    banh = PersonMention("Tea Banh", "Tea Banh", "KH", "", 0, 20, 28, "alias")
    assert refine_mechanism("ministerial_talks", [cuong, pisen], OFFICIALS, RULES) == "other"
    assert refine_mechanism("ministerial_talks", [cuong, banh], OFFICIALS, RULES) == "ministerial_talks"


def test_edition_of_a_mechanism_without_phrases_comes_from_the_word_edition():
    assert find_edition(["The talks were the third edition of the annual meeting."], "other", RULES) == 3
    assert find_edition(["The third talks were held."], "other", RULES) is None


def test_specific_mechanism_is_never_refined():
    hun_manet = PersonMention("Hun Manet", "Hun Manet", "KH", "head_of_government", 0, 0, 9, "alias")
    assert refine_mechanism("defence_policy_dialogue", [hun_manet], OFFICIALS, RULES) == "defence_policy_dialogue"


# --- edition ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentences", "expected"), [
    (["the eighth Viet Nam-Cambodia Defence Policy Dialogue"], 8),
    (["Hanoi hosted the 2nd Vietnam-Cambodia defence policy dialogue"], 2),
    (["the second edition of the exchange was held in Tay Ninh"], 2),
    (["Following the first edition in 2022, the second edition opened."], 2),
    (["The Defence Policy Dialogue was held in Hanoi."], None),
])
def test_edition_ordinals(sentences, expected):
    mechanism = "border_friendship_exchange" if "exchange" in sentences[0] else "defence_policy_dialogue"
    assert find_edition(sentences, mechanism, RULES) == expected


def test_a_numbered_joint_patrol_is_a_joint_event_with_its_number_as_edition():
    sentences = ["The 40th annual joint naval patrol of the Vietnamese and Cambodian navies took place on April 3 and 4."]
    assert find_trigger(sentences, RULES) == (0, "other")
    assert find_edition(sentences, "other", RULES) == 40
    assert find_edition(["The two navies concluded the 61st joint patrol on May 2."], "other", RULES) == 61


def test_ordinal_of_another_meeting_is_ignored():
    sentences = ["Gen. Giang met Gen. Tea Seiha on the sidelines of the 18th ASEAN Defence Ministers' Meeting."]
    assert find_edition(sentences, "sideline_meeting", RULES) is None


def test_admm_number_fixes_the_year_of_a_sideline_meeting():
    assert [w.start.year for w in series_year_windows(["on the sidelines of ADMM-18 in Vientiane"], RULES)] == [2024]
    meeting = only_meeting(["Gen. Phan Van Giang met Gen. Tea Seiha on the sidelines of the 18th ASEAN Defence "
                            "Ministers' Meeting (ADMM-18) in Vientiane, Laos on November 20."])
    assert (meeting.date_start, meeting.date_precision) == (date(2024, 11, 20), "day")


# --- place and format ---------------------------------------------------------------------------

def test_place_after_in_or_at():
    assert find_place(["The talks took place in Phnom Penh on June 20."]) == ("Phnom Penh", "KH")


def test_province_wins_over_a_border_gate_in_the_same_sentence():
    assert find_place(["The event was held at the Xa Mat International Border Gate of Tay Ninh province."]) == \
        ("Tay Ninh", "VN")


def test_border_gate_alone_gives_the_province_it_lies_in():
    assert find_place(["It was held at the Moc Bai border gate."]) == ("Tay Ninh", "VN")
    assert find_place(["The two ministers repainted a marker at the Bavet border gate."]) == ("Svay Rieng", "KH")


def test_a_town_not_in_the_gazetteer_then_its_province_places_the_meeting_over_an_earlier_border_gate():
    assert find_place(["The ministers met at the Moc Bai border gate, then went on to the exchange, held in "
                       "Chrak Town, Svay Rieng Province."]) == ("Svay Rieng", "KH")


def test_online_meeting_has_no_place():
    meeting = only_meeting(["Defence Minister Gen. Phan Van Giang held online talks with Cambodian Defence Minister "
                            "Gen. Tea Banh from Hanoi on August 27."], date(2021, 8, 28))
    assert (meeting.format, meeting.place, meeting.country) == ("online", None, None)


def test_talks_by_telephone_are_an_online_ministerial_meeting():
    meeting = only_meeting(["Defence Minister Gen. Ngo Xuan Lich and Cambodian Defence Minister Tea Banh held a "
                            "phone discussion on May 4 to review cooperation."], date(2019, 5, 5))
    assert (meeting.mechanism, meeting.format, meeting.place) == ("ministerial_talks", "online", None)


def test_in_person_meeting_has_place_and_country():
    meeting = only_meeting(["Gen. Phan Van Giang held talks with Gen. Tea Banh in Phnom Penh on June 20."],
                           date(2022, 6, 21))
    assert (meeting.format, meeting.place, meeting.country) == ("in_person", "Phnom Penh", "KH")


# --- leads --------------------------------------------------------------------------------------

def test_higher_ranked_official_in_the_trigger_leads():
    meeting = only_meeting(["Prime Minister Hun Manet and Defence Minister Tea Seiha received Gen. Phan Van Giang "
                            "in Phnom Penh on December 12."], date(2023, 12, 13))
    assert meeting.kh_lead == "Hun Manet"


def test_lead_named_just_after_the_trigger():
    meeting = only_meeting(["The fifth Defence Policy Dialogue was held in Phnom Penh on December 5, 2019.",
                            "It was co-chaired by Gen. Neang Phat and Senior Lt. Gen. Nguyen Chi Vinh."])
    assert (meeting.vn_lead, meeting.kh_lead) == ("Nguyen Chi Vinh", "Neang Phat")


def test_title_only_people_get_a_country_from_their_title_or_surname():
    sentence = "Deputy Governor Chan Kosal of Svay Rieng province welcomed Col. Nguyen Van Hai."
    mentions = [PersonMention("Chan Kosal", "Chan Kosal", "", "", 0, 16, 26, "title"),
                PersonMention("Nguyen Van Hai", "Nguyen Van Hai", "", "", 0, 64, 78, "title")]
    assert infer_countries(mentions, [sentence])[1].country == "VN"   # not KH from the other clause
    titled = "Vice Chairman of the Tay Ninh provincial People's Committee Nguyen Hong Thanh spoke."
    start = titled.index("Nguyen")
    mention = PersonMention("Nguyen Hong Thanh", "Nguyen Hong Thanh", "", "", 0, start, start + 17, "title")
    cambodian = "Lt. Gen. Bun Seng, Commander of Cambodian Military Region 3, spoke."
    appositive = PersonMention("Bun Seng", "Bun Seng", "", "", 0, 9, 17, "title")
    assert infer_countries([mention], [titled])[0].country == "VN"
    assert infer_countries([appositive], [cambodian])[0].country == "KH"


# --- trilateral ---------------------------------------------------------------------------------

def test_trilateral_meeting_is_one_meeting_with_three_delegations():
    meeting = only_meeting(["The third Vietnam-Laos-Cambodia Defence Ministers' Meeting took place in Vientiane on "
                            "December 16, with Vietnamese Defence Minister Gen. Phan Van Giang, Lao Minister of "
                            "National Defence Gen. Khamliang Outhakaysone and Cambodian Defence Minister "
                            "Gen. Tea Banh."], date(2022, 12, 17))
    assert meeting.mechanism == "trilateral_ministers_meeting"
    assert (meeting.vn_lead, meeting.kh_lead, meeting.edition) == ("Phan Van Giang", "Tea Banh", 3)
    assert {p.country for p in meeting.participants} == {"VN", "LA", "KH"}
    assert "Khamliang Outhakaysone" in {p.person for p in meeting.participants}


# --- merging across articles ----------------------------------------------------------------------

def test_same_meeting_in_two_articles_is_one_row_with_both_ids():
    rows, _participants, _ids = merged_meeting_rows([candidate("a"), candidate("b", kh=None, place=None, country=None)])
    assert len(rows) == 1
    assert rows[0]["article_ids"] == "a;b"
    assert rows[0]["kh_lead"] == "Tea Banh"


def test_different_mechanism_is_another_meeting():
    assert not same_meeting(candidate("a"), candidate("b", mechanism="courtesy_call"))


def test_non_overlapping_dates_are_two_meetings():
    assert not same_meeting(candidate("a"), candidate("b", start=date(2022, 6, 25)))
    groups = merge_candidates([candidate("a"), candidate("b", start=date(2023, 6, 20))])
    assert len(groups) == 2


def test_day_report_merges_with_a_year_report_of_the_same_leads():
    assert same_meeting(candidate("a"), candidate("b", start=date(2022, 1, 1), end=date(2022, 12, 31),
                                                  precision="year"))


def test_online_and_in_person_or_different_host_countries_are_two_meetings():
    assert not same_meeting(candidate("a"), candidate("b", fmt="online", place=None, country=None))
    assert not same_meeting(candidate("a"), candidate("b", country="VN", place="Hanoi"))


def test_undecided_year_does_not_merge_with_a_dated_meeting():
    undecided = candidate("b", start=date(2021, 6, 20), end=None, precision="unknown")
    assert not same_meeting(candidate("a"), undecided)


def test_conflicting_leads_are_two_meetings():
    assert not same_meeting(candidate("a"), candidate("b", kh="Tea Seiha"))


def test_meeting_id_clash_gets_a_suffix():
    rows, _participants, _ids = merged_meeting_rows([candidate("a"), candidate("b", vn="Ngo Xuan Lich", kh="Tea Seiha")])
    ids = [row["meeting_id"] for row in rows]
    assert ids == ["2022-06-20-ministerial_talks", "2022-06-20-ministerial_talks-2"]


def test_undated_meeting_id():
    rows, _participants, _ids = merged_meeting_rows([candidate("a", start=None, precision="unknown")])
    assert rows[0]["meeting_id"] == "undated-ministerial_talks"


def test_each_candidate_is_mapped_to_its_merged_meeting_id():
    """The build links an article's agreements and sentences to meetings through this map,
    keyed by (article_id, meeting_key): both reports of one meeting get its id."""
    _rows, _participants, ids = merged_meeting_rows(
        [candidate("a"), candidate("b", kh=None), candidate("c", mechanism="courtesy_call")])
    assert ids[("a", 0)] == ids[("b", 0)] == "2022-06-20-ministerial_talks"
    assert ids[("c", 0)] == "2022-06-20-courtesy_call"


def test_same_meeting_reads_a_missing_end_as_the_start_day():
    from dataclasses import replace

    open_end = replace(candidate("b"), date_end=None)
    assert same_meeting(candidate("a"), open_end) and same_meeting(open_end, candidate("a"))
    later = replace(candidate("c", start=date(2022, 6, 21)), date_end=None)
    assert not same_meeting(open_end, later)
    spanning = candidate("d", start=date(2022, 6, 19), end=date(2022, 6, 22))
    assert same_meeting(spanning, later) and same_meeting(later, spanning)


def test_merging_does_not_depend_on_candidate_order():
    """The blocked sweep must find the same groups (as sets) whatever the input order."""
    import itertools

    pool = [candidate("a"), candidate("b", start=date(2022, 1, 1), end=date(2022, 12, 31), precision="year", kh=None),
            candidate("c", vn=None, start=date(2022, 6, 19), end=date(2022, 6, 21)),
            candidate("d", start=date(2023, 6, 20)), candidate("e", kh="Tea Seiha", vn=None),
            candidate("f", start=date(2021, 6, 20), precision="unknown"),
            candidate("g", start=date(2021, 6, 20), precision="unknown", kh=None)]

    def groups(order):
        return sorted(sorted(c.article_id for c in group) for group in merge_candidates(order))

    expected = groups(pool)
    assert expected == [["a", "b", "c"], ["d"], ["e"], ["f", "g"]]
    for order in itertools.islice(itertools.permutations(pool), 0, 5040, 97):
        assert groups(list(order)) == expected


# --- holdout-style fixes (tests/fixtures/holdout_style) -----------------------------------------

def test_three_defence_ministers_meeting_as_subject_is_trilateral():
    assert find_trigger(["Defence ministers of Viet Nam, Laos and Cambodia met in Ha Noi on Thursday."],
                        RULES)[1] == "trilateral_ministers_meeting"
    assert RULES.mechanisms_in("The three defence ministers held talks in Vientiane.")[0] == \
        "trilateral_ministers_meeting"


def test_border_gate_takes_the_province_named_elsewhere_in_its_sentence():
    assert find_place(["At the Xa Mat border gate, the authorities of Tay Ninh province held a ceremony."]) == \
        ("Tay Ninh", "VN")
    # a province of the other country is not where the gate is: the gate's own province is
    assert find_place(["At the Moc Bai border gate, the People's Committee received guests from Svay Rieng."]) == \
        ("Tay Ninh", "VN")


def test_meeting_held_here_is_at_the_dateline_place():
    sentences = ["Gen. Phan Van Giang met Gen. Tea Seiha here on the sidelines of the ADMM-18."]
    mentions = OFFICIALS.find_people(sentences)
    meeting = extract_meetings("a", sentences, None, mentions, OFFICIALS, dateline="Vientiane")[0]
    assert (meeting.place, meeting.country) == ("Vientiane", "LA")


def test_meeting_held_this_afternoon_takes_the_dateline_date():
    sentences = ["Gen. Phan Van Giang met Gen. Tea Seiha this afternoon on the sidelines of the ADMM-18."]
    mentions = OFFICIALS.find_people(sentences)
    plain = extract_meetings("a", sentences, None, mentions, OFFICIALS)[0]
    assert plain.date_precision == "year"
    dated = extract_meetings("a", sentences, None, mentions, OFFICIALS, dateline="Vientiane",
                             dateline_text="Vientiane, November 20 (AKP) -- ")[0]
    assert (dated.date_start, dated.date_precision) == (date(2024, 11, 20), "day")


def test_a_cambodian_only_title_gives_the_country():
    sentence = "The talks were co-chaired by Gen Kim Sophal, Secretary of State at the defence ministry."
    mention = next(m for m in OFFICIALS.find_people([sentence]) if m.person == "Kim Sophal")
    assert infer_countries([mention], [sentence])[0].country == "KH"


def test_courtesy_call_the_same_day_is_a_second_meeting():
    sentences = ["Defence Minister Gen. Phan Van Giang held talks with Gen. Tea Banh in Phnom Penh on Tuesday.",
                 "They agreed to boost border patrols.",
                 "They signed the cooperation plan for 2023.",
                 "Earlier the same day, Giang paid a courtesy call on Prime Minister Hun Sen."]
    found = meetings_of(sentences, published=date(2022, 12, 20))
    assert [(m.key, m.mechanism, m.vn_lead, m.kh_lead) for m in found] == [
        (0, "ministerial_talks", "Phan Van Giang", "Tea Banh"), (1, "courtesy_call", "Phan Van Giang", "Hun Sen")]
    assert all((m.date_start, m.place) == (date(2022, 12, 20), "Phnom Penh") for m in found)


def test_a_dialogue_co_chaired_earlier_the_same_day_is_a_second_meeting():
    sentences = ["Prime Minister Hun Sen met with visiting Deputy Defence Minister Sen. Lt. Gen. Nguyen Chi Vinh "
                 "in Phnom Penh on Tuesday.",
                 "Earlier on Tuesday, Vinh and Gen. Neang Phat co-chaired the fifth Defence Policy Dialogue."]
    found = meetings_of(sentences, published=date(2019, 11, 26))
    assert [(m.mechanism, m.kh_lead, m.edition) for m in found] == [
        ("courtesy_call", "Hun Sen", None), ("defence_policy_dialogue", "Neang Phat", 5)]


def test_an_edition_announced_for_next_year_is_not_this_one():
    sentences = ["The fourth Defence Policy Dialogue took place in Hanoi.",
                 "They agreed that the fifth Defence Policy Dialogue will be held in Cambodia next year."]
    assert find_edition(sentences, "defence_policy_dialogue", RULES) == 4


def test_leads_roles_on_the_meeting_day_refine_the_mechanism():
    manet = PersonMention("Hun Manet", "Hun Manet", "KH", "", 0, 0, 9, "alias")
    giang = PersonMention("Phan Van Giang", "Phan Van Giang", "VN", "", 0, 20, 30, "alias")
    assert refine_mechanism("ministerial_talks", [giang, manet], OFFICIALS, RULES, when=date(2024, 1, 10)) == \
        "courtesy_call"                                   # prime minister since August 2023
    assert refine_mechanism("ministerial_talks", [giang, manet], OFFICIALS, RULES, when=date(2022, 6, 20)) == \
        "other"                                           # then the army's commander


def test_an_undated_meetings_leads_have_the_roles_the_article_writes():
    # officials.csv lists Thang only as a deputy defence minister; the article calls him a region's commander
    sentences = ["Commander of Military Region 7 Nguyen Truong Thang headed the delegation.",
                 "During talks with Permanent Secretary of State General Chay Saingyun, Thang thanked Cambodia."]
    assert only_meeting(sentences).mechanism == "other"
    thang = next(m for m in OFFICIALS.find_people(sentences) if m.sentence_index == 1 and m.country == "VN")
    yun = next(m for m in OFFICIALS.find_people(sentences) if m.country == "KH")
    assert refine_mechanism("ministerial_talks", [thang, yun], OFFICIALS, RULES) == "ministerial_talks"


def test_talks_with_an_ambassador_are_other():
    ambassador = PersonMention("Vu Quang Minh", "Vu Quang Minh", "VN", "other_official", 0, 0, 10, "title")
    banh = PersonMention("Tea Banh", "Tea Banh", "KH", "", 0, 20, 28, "alias")
    assert refine_mechanism("ministerial_talks", [ambassador, banh], OFFICIALS, RULES) == "other"


def test_police_ministers_talks_are_not_a_defence_meeting():
    sentences = ["Minister of Public Security General To Lam held talks in Hanoi on June 23 with Cambodian Deputy "
                 "Prime Minister and Minister of Interior Sar Kheng.",
                 "They reviewed cooperation between the Ministry of Public Security and the Ministry of Interior.",
                 "Vietnamese police will help verify fugitives."]
    assert meetings_of(sentences, published=date(2022, 6, 23)) == []


def test_a_courtesy_call_on_the_next_weekday_is_a_second_meeting():
    sentences = ["Defence Minister Gen. Phung Quang Thanh held talks with Gen. Tea Banh in Phnom Penh on Tuesday.",
                 "They agreed to boost border patrols.",
                 "They signed the cooperation plan for 2015.",
                 "On Wednesday, Gen. Thanh was received by Prime Minister Hun Sen."]
    found = meetings_of(sentences, published=date(2014, 12, 17))
    assert [(m.mechanism, m.kh_lead) for m in found] == [("ministerial_talks", "Tea Banh"), ("courtesy_call", "Hun Sen")]


def test_a_courtesy_call_by_the_delegation_is_led_by_its_head():
    sentences = ["A delegation led by Defence Minister Gen. Phan Van Giang visited Cambodia from May 3 to 5.",
                 "Giang held talks with Gen. Tea Seiha in Phnom Penh on May 4, 2024.",
                 "They agreed to boost border patrols.",
                 "They signed the cooperation plan for 2025.",
                 "On May 3, the Vietnamese delegation paid a courtesy call on Prime Minister Hun Manet."]
    found = meetings_of(sentences, published=date(2024, 5, 6))
    assert [(m.mechanism, m.vn_lead, m.kh_lead) for m in found] == [
        ("ministerial_talks", "Phan Van Giang", "Tea Seiha"), ("courtesy_call", "Phan Van Giang", "Hun Manet")]
    assert (found[1].date_start, found[1].place) == (date(2024, 5, 3), "Phnom Penh")
    announced = sentences[:4] + ["The Vietnamese delegation is scheduled to be received by Prime Minister Hun Manet today."]
    assert len(meetings_of(announced, published=date(2024, 5, 4))) == 1


def test_a_bilateral_meeting_beside_a_trilateral_one_is_a_sideline_meeting():
    sentences = ["The defence ministers of Vietnam, Laos and Cambodia met in Vientiane on September 6.",
                 "Gen. Phan Van Giang and Gen. Tea Seiha attended with Lao Defence Minister Gen. Chansamone Chanyalath.",
                 "They signed the minutes.",
                 "On the sidelines, Gen. Chansamone Chanyalath held separate bilateral talks with Gen. Phan Van Giang "
                 "and with Gen. Tea Seiha.",
                 "Gen. Phan Van Giang and Gen. Tea Seiha also had a bilateral meeting."]
    found = meetings_of(sentences, published=date(2024, 9, 6))
    assert [(m.mechanism, m.vn_lead, m.kh_lead) for m in found] == [
        ("trilateral_ministers_meeting", "Phan Van Giang", "Tea Seiha"),
        ("sideline_meeting", "Phan Van Giang", "Tea Seiha")]
    assert found[1].evidence_sentence == sentences[4] and found[1].date_start == date(2024, 9, 6)


def test_a_meeting_within_the_framework_of_an_expo_is_a_sideline_meeting():
    assert RULES.mechanisms_in("Within the framework of the second Viet Nam International Defence Expo 2024, "
                               "Gen. Giang received Gen. Tea Seiha.")[0] == "sideline_meeting"


def test_yesterday_counts_from_the_datelines_day_when_the_page_has_no_date():
    sentences = ["Samdech Pichey Sena Tea Banh held talks with Gen. Ngo Xuan Lich at the ministry this morning.",
                 "They agreed to boost border patrols.",
                 "They reviewed the 2016 cooperation plan.",
                 "Yesterday afternoon, Gen. Ngo Xuan Lich paid a courtesy call on Prime Minister Hun Sen."]
    mentions = OFFICIALS.find_people(sentences)
    found = extract_meetings("a", sentences, None, mentions, OFFICIALS, dateline="Phnom Penh",
                             dateline_text="Phnom Penh, March 15, 2017 (AKP) -- ")
    assert [(m.mechanism, m.date_start) for m in found] == [
        ("ministerial_talks", date(2017, 3, 15)), ("courtesy_call", date(2017, 3, 14))]


def test_a_past_meeting_recalled_is_not_a_second_meeting():
    sentences = ["President Vo Van Thuong received Gen. Tea Seiha in Hanoi on November 13.",
                 "Tea Seiha shared the outcomes of his talks with Defence Minister Phan Van Giang."]
    assert len(meetings_of(sentences, published=date(2023, 11, 13))) == 1


def test_mechanism_examples_in_the_codebook_behave():
    assert RULES.example_failures() == []


def test_a_mechanism_in_a_list_of_plan_contents_is_no_meeting():
    sentences = ["Vietnam and Cambodia signed a plan for 2016 with the focus on delegation exchanges, "
                 "the deputy ministerial-level defence policy dialogue and joint sea patrols."]
    assert find_trigger(sentences, RULES) is None


def test_talks_whose_leads_go_unnamed_are_other_and_keep_their_number():
    from defcoop.extract.people import load_officials

    sentences = ["The special committees of Vietnam and Cambodia on remains held their 14 th talks in "
                 "Ho Chi Minh City on July 6, 2015."]
    (meeting,) = extract_meetings("a", sentences, None, [], load_officials())
    assert (meeting.mechanism, meeting.edition) == ("other", 14)


def test_a_ceremony_a_friendship_association_hosts_with_nothing_of_defence_is_no_defence_meeting():
    assert RULES.is_non_defence_meeting(["the friendship association hosted a ceremony in hanoi on may 3 to mark the day."])
    assert RULES.is_non_defence_meeting(["a get-together organised by the provincial friendship association was held."])
    assert not RULES.is_non_defence_meeting(["the friendship association and the army command held a ceremony on may 3."])
    # batch 60: the associations' umbrella, a union of friendship organisations
    assert RULES.is_non_defence_meeting(["the city union of friendship organizations held a party for students on may 3."])
    assert not RULES.is_non_defence_meeting(["the union of friendship organisations and the border guard held a party."])


def test_talks_of_the_prime_ministers_with_nothing_of_defence_are_no_defence_meeting():
    assert RULES.is_non_defence_meeting(["during the talks, the prime ministers hailed the new treaty on trade"])
    assert not RULES.is_non_defence_meeting(["during the talks, the prime ministers hailed defence ties"])


def test_what_a_command_signed_over_a_period_is_no_signing_ceremony():
    assert find_trigger(["Carrying out its project in the period of 2016-2020, the command has signed two memoranda with "
                         "two Cambodian units."], RULES) is None
    assert find_trigger(["The command has signed a memorandum with two Cambodian units."], RULES) == (0, "signing_ceremony")


def test_a_get_together_co_chaired_by_both_sides_is_a_meeting():
    sentences = ["The defence attache office organised a get-together in Phnom Penh on June 3 with former trainees.",
                 "The gathering was co-chaired by the ambassador and General Tea Banh."]
    assert find_trigger(sentences, RULES) == (0, "ministerial_talks")
    assert find_trigger(["The gathering was co-chaired by the ambassador and the minister."], RULES) == (0, "ministerial_talks")
    assert find_trigger(["This meeting took place in Kep on the occasion of the anniversary."], RULES) == (0, "ministerial_talks")


def test_a_border_guard_missions_new_year_greeting_to_the_other_sides_troops_is_a_meeting():
    sentences = ["During the visit, Colonel Le Van Hai of the Dong Thap Border Guard wished troops of the Border "
                 "Command of the Royal Cambodian Army a happy New Year.",
                 "General Sok Dara thanked the mission for the gifts.", "The two sides pledged to patrol the border."]
    assert find_trigger(sentences, RULES) == (0, "other")


def test_a_drill_of_the_three_countries_is_a_joint_event_and_the_meeting_behind_its_agreement_is_background():
    sentences = ["The flood drill, the first between the armies of the three countries, was held under an accord "
                 "reached at a meeting of their defence ministers in Hanoi two years ago.",
                 "Some 300 soldiers took part.", "Officers called it a success.",
                 "It deepened ties among Vietnam, Laos and Cambodia."]
    meeting = only_meeting(sentences)
    assert (meeting.mechanism, meeting.place, meeting.country) == ("other", None, None)
    assert meetings_of(sentences[:3]) == []     # nothing names the three countries


def test_bilateral_meetings_with_heads_of_delegations_are_on_the_sidelines_and_an_agenda_to_come_is_no_event():
    sentences = ["Participants are expected to review the findings of the 9th annual meeting of the research network.",
                 "On Monday, the general had bilateral meetings with the heads of the Lao and Cambodian delegations."]
    assert find_trigger(sentences, RULES) == (1, "sideline_meeting")


@pytest.mark.parametrize("sentence", ["The minister on March 10th received the new envoy.",
                                      "On the 12th of June the general met his counterpart."])
def test_a_day_of_the_month_in_figures_is_no_edition(sentence):
    assert find_edition([sentence], "ministerial_talks", RULES) is None
    assert find_edition(["The minister received the envoy at their 10th meeting."], "ministerial_talks", RULES) == 10


def test_an_undersecretary_of_state_is_cambodian():
    sentence = "Seang Lapress, undersecretary of state at the Interior Ministry, thanked Vietnam."
    people = load_officials().find_people([sentence])
    assert [(m.person, m.country) for m in infer_countries(people, [sentence], RULES)] == [("Seang Lapress", "KH")]


def test_an_ordinal_on_the_mechanisms_edition_noun_numbers_it():
    sentences = ["The province held a ceremony to repatriate the remains of 24 volunteer soldiers on May 16.",
                 "It was the 16th repatriation of the remains found this dry season."]
    assert find_edition(sentences, "repatriation_ceremony", RULES) == 16


def test_a_single_known_regional_commander_makes_generic_talks_border_force_talks():
    luong = PersonMention("Vo Minh Luong", "Vo Minh Luong", "VN", "service_commander", 0, 0, 13, "alias")
    assert refine_mechanism("ministerial_talks", [luong, None], OFFICIALS, RULES, "The visits went well.",
                            when=date(2019, 4, 10)) == "border_force_talks"


def test_an_official_named_only_as_a_possessive_leads_nothing():
    sentences = ["At the meeting, General Hoang Xuan Chien congratulated the new ambassador.",
                 "The armies train together.", "They patrol the border.",
                 "Next year marks 40 years of Cambodian Prime Minister Hun Sen's fight against the regime."]
    people = load_officials().find_people(sentences)
    assert choose_lead(people, "KH", 0, OFFICIALS, sentences) is None
    assert choose_lead(people, "KH", 0, OFFICIALS).person == "Hun Sen"      # without the text, any mention


def test_a_caption_free_lead_paragraph_reports_a_reception():
    assert find_trigger(["Minister Nguyen Van Binh held a reception for visiting Cambodian Defence Minister "
                         "Tea Banh in Da Nang on June 4."], RULES) == (0, "ministerial_talks")


def test_an_announced_meeting_is_no_meeting():
    sentences = ["The second Vietnam-Cambodia Border Defence Friendship Exchange will be held in "
                 "Tay Ninh from November 12 to 14."]
    assert find_trigger(sentences, RULES) is None


def test_unnamed_units_talks_at_border_force_level_are_border_force_talks():
    sentences = ["The provincial Border Guard Command and the two Cambodian military sub-regions held talks on May 4, 2024."]
    (meeting,) = extract_meetings("a", sentences, None, [], load_officials())
    assert meeting.mechanism == "border_force_talks"


# --- batch 6 of the real-article set: general rules, each on a sentence written for it -----------

def test_the_three_defence_ministries_getting_together_is_a_trilateral_meeting():
    sentences = ["Defence ministries of Cambodia, Vietnam and Laos got together for two days in Vientiane.",
                 "Generals Phan Van Giang and Tea Banh attended their trilateral meeting."]
    meeting = meetings_of(sentences, published=date(2022, 9, 19))[0]
    assert (meeting.mechanism, meeting.vn_lead, meeting.kh_lead) == (
        "trilateral_ministers_meeting", "Phan Van Giang", "Tea Banh")


def test_talks_named_by_their_date_are_a_meeting():
    sentences = ["General Vong Pisen and Deputy Minister of Defence Nguyen Tan Cuong agreed to boost ties.",
                 "Their March 3 talks were held in Hanoi."]
    meeting = only_meeting(sentences, published=date(2023, 3, 5))
    assert (meeting.mechanism, meeting.date_start, meeting.place) == ("other", date(2023, 3, 3), "Hanoi")


def test_bilateral_meetings_while_in_a_city_for_the_admm_are_sideline_meetings():
    sentences = ["Defence Minister Phan Van Giang held bilateral talks with the Lao and Cambodian ministers "
                 "on May 4 while he was in Vientiane for the 18th ADMM."]
    meeting = only_meeting(sentences)
    assert (meeting.mechanism, meeting.date_start) == ("sideline_meeting", date(2024, 5, 4))


def test_a_reburial_ceremony_is_held_where_the_dateline_says_not_where_the_soldiers_died():
    sentences = ["The province held a ceremony on Friday to rebury the remains of 12 fighters who fell in Cambodia "
                 "decades ago.", "Officials from a Cambodian province came too."]
    found = extract_meetings("a", sentences, date(2017, 7, 23), OFFICIALS.find_people(sentences), OFFICIALS,
                             dateline="Long An")
    assert [(m.mechanism, m.place, m.country) for m in found] == [("repatriation_ceremony", "Long An", "VN")]


def test_a_country_in_a_relative_clause_is_no_host():
    from defcoop.extract.meetings import find_host_country

    assert find_host_country(["The province held a ceremony for soldiers who died in Cambodia."]) is None
    assert find_host_country(["The talks, which were held in Cambodia, ended early."]) == "KH"


def test_an_award_ceremony_with_an_ambassador_speaking_is_a_joint_event():
    sentences = ["The Royal Cambodian Army Command held a ceremony to award medals to 40 Cambodian officers.",
                 "The guests included Vietnamese Ambassador to Cambodia Nguyen Huy Tang, who thanked them."]
    meeting = only_meeting(sentences, published=date(2024, 5, 4))
    assert (meeting.mechanism, meeting.vn_lead) == ("other", "Nguyen Huy Tang")


def test_border_commanders_co_chairing_the_event_are_border_force_talks():
    sentences = ["In Tay Ninh, Border Guard Commander Senior Colonel Nguyen Van An and Svay Rieng "
                 "Military Sub-region Commander Major General Sok Dara co-chaired the event on Monday.",
                 "The two sides reviewed their cooperation."]
    meeting = only_meeting(sentences)
    assert (meeting.mechanism, meeting.vn_lead, meeting.kh_lead) == ("border_force_talks", "Nguyen Van An", "Sok Dara")


def test_talks_between_the_countries_top_leaders_are_no_defence_meeting():
    sentences = ["Provincial governor Sok Dara said the tents were removed after talks between the countries' top "
                 "leaders.", "The workers left on Monday.", "Nobody objected.",
                 "Prime Minister Hun Sen and President Nguyen Xuan Phuc spoke by video."]
    assert meetings_of(sentences, published=date(2020, 11, 26)) == []


def test_an_ordinal_before_admm_fixes_the_year_but_not_before_admm_plus():
    assert [w.start.year for w in series_year_windows(["in Vientiane for the 18th ADMM"], RULES)] == [2024]
    assert series_year_windows(["in Jakarta for the 9th ADMM-Plus"], RULES) == []


# --- batch 7 fixes (eval/real batch 7) ------------------------------------------------------------

def test_three_ministers_discussing_on_the_sidelines_of_a_numbered_admm_meet_on_its_day():
    sentences = ["The 20th ADMM opened on May 14 in Vientiane under the chair of the Lao minister.",
                 "Defence Minister Phan Van Giang attended.",
                 "On the sidelines of the 20th ADMM, the defence ministers of Laos, Vietnam and Cambodia discussed "
                 "joint training."]
    meeting = only_meeting(sentences, published=date(2026, 5, 20))
    assert (meeting.mechanism, meeting.date_start, meeting.date_precision) == (
        "trilateral_ministers_meeting", date(2026, 5, 14), "day")


def test_a_sideline_meeting_with_its_own_day_keeps_it():
    sentences = ["The 20th ADMM opened on May 14 in Vientiane.",
                 "On the sidelines of the 20th ADMM, Gen. Phan Van Giang met Gen. Tea Banh on May 13."]
    meeting = only_meeting(sentences, published=date(2026, 5, 20))
    assert (meeting.mechanism, meeting.date_start) == ("sideline_meeting", date(2026, 5, 13))


def test_a_talk_between_young_border_guard_officers_is_numbered_by_their_exchange():
    sentences = ["The Border Guard Command held a talk between junior Cambodian and Vietnamese border guard officers "
                 "in An Giang on May 3, as part of their second exchange."]
    meeting = only_meeting(sentences, published=date(2026, 5, 5))
    assert (meeting.mechanism, meeting.edition, meeting.place) == ("border_force_talks", 2, "An Giang")


def test_a_reburial_held_in_a_district_of_a_province_is_in_that_province():
    sentences = ["A reburial of the remains of 20 volunteer soldiers who died in Cambodia was held at the cemetery "
                 "in Chau Thanh district, the Mekong Delta province of Dong Thap on May 2.",
                 "The remains were found in the Cambodian province of Svay Rieng last season.",
                 "Representatives of the Royal Cambodian Army attended."]
    meeting = only_meeting(sentences, published=date(2026, 5, 3))
    assert (meeting.mechanism, meeting.place, meeting.date_start) == ("repatriation_ceremony", "Dong Thap",
                                                                      date(2026, 5, 2))


def test_a_plan_inked_over_the_weekend_is_a_signing():
    assert find_trigger(["Over the weekend, Cambodia and Vietnam inked a fresh plan for training cooperation."],
                        RULES)[1] == "signing_ceremony"
    assert find_trigger(["Last year, Cambodia and Vietnam inked a fresh plan for training cooperation."], RULES) is None


# --- several counterparts met one by one; a visit's span dates its meetings ---------------------

def test_counterparts_listed_after_a_cue_are_separate_meetings():
    sentences = ["Defence Minister Phan Van Giang visited Cambodia from May 3 to May 5, 2031.",
                 "The delegation met with senior Cambodian leaders including Prime Minister Hun Manet "
                 "and Defence Minister Tea Seiha."]
    found = meetings_of(sentences)
    assert [(m.vn_lead, m.kh_lead) for m in found] == [("Phan Van Giang", "Hun Manet"), ("Phan Van Giang", "Tea Seiha")]
    assert [m.mechanism for m in found] == ["courtesy_call", "ministerial_talks"]
    assert {m.key for m in found} == {0, 1}


def test_counterparts_met_together_are_one_meeting():
    sentences = ["Defence Minister Phan Van Giang met Prime Minister Hun Manet and Defence Minister Tea Seiha "
                 "in Phnom Penh on May 4, 2031."]
    assert [m.kh_lead for m in meetings_of(sentences)] == ["Hun Manet"]


@pytest.mark.parametrize("sentence, cue", [
    ("The delegation met with top Cambodian officials, including the prime minister.", True),
    ("The general separately received the two commanders.", True),
    ("The minister paid courtesy calls on the King and the Senate President.", True),
    ("The minister met the prime minister and the defence minister.", False),
    ("Cooperation including training was discussed with leaders.", False),
])
def test_separate_meetings_cues(sentence, cue):
    from defcoop.rules.text import fold

    assert bool(RULES.separate_meetings.search(fold(sentence))) is cue


def test_a_meeting_with_no_date_of_its_own_lies_within_the_visit_span():
    sentences = ["The chief of the general staff made a three-day trip to Cambodia from October 30 to November 1.",
                 "During the trip, General Phan Van Giang met with Defence Minister Tea Banh."]
    meeting = only_meeting(sentences, published=date(2019, 11, 8))
    assert (meeting.date_start, meeting.date_end, meeting.date_precision) == (
        date(2019, 10, 30), date(2019, 11, 1), "year")
    assert meeting.date_evidence.startswith("within the visit")


def test_a_visit_span_within_one_month_gives_the_month():
    sentences = ["Defence Minister Ngo Xuan Lich paid an official visit to Cambodia from June 20 to 22.",
                 "The delegation met with Defence Minister Tea Banh."]
    meeting = only_meeting(sentences, published=date(2018, 6, 30))
    assert (meeting.date_start, meeting.date_precision) == (date(2018, 6, 20), "month")


def test_a_meeting_dated_in_its_own_sentence_ignores_the_visit_span():
    sentences = ["Defence Minister Ngo Xuan Lich paid an official visit to Cambodia from June 20 to 22.",
                 "On June 21, he met with Defence Minister Tea Banh."]
    meeting = only_meeting(sentences, published=date(2018, 6, 30))
    assert (meeting.date_start, meeting.date_precision) == (date(2018, 6, 21), "day")


def test_a_weekday_in_the_trigger_dates_the_meeting_inside_the_visit_span_it_also_gives():
    # batch 60: the weekday of the meeting, the span of the guest's visit in a relative clause
    sentences = ["On Tuesday, Prime Minister Hun Manet received General Phan Van Giang, who is paying a visit to "
                 "Cambodia on March 3-6."]
    meeting = only_meeting(sentences, published=date(2029, 3, 6))
    assert (meeting.date_start, meeting.date_precision) == (date(2029, 3, 6), "day")


def test_a_weekday_outside_the_visit_span_leaves_the_span():
    sentences = ["On Friday, Prime Minister Hun Manet received General Phan Van Giang, who is paying a visit to "
                 "Cambodia on March 3-6."]
    meeting = only_meeting(sentences, published=date(2029, 3, 6))
    assert meeting.date_precision == "month"


# --- batch 9 fixes: further meetings with "had", third-country asides, captions, leaders named only -------

def test_a_meeting_the_visitor_had_the_same_day_is_a_further_meeting():
    sentences = ["On May 4, General Nguyen Tan Cuong paid a courtesy call on Senate President Hun Sen.",
                 "The same day, Cuong had a meeting with Prime Minister Hun Manet."]
    found = meetings_of(sentences, published=date(2031, 5, 5))
    assert [(m.kh_lead, m.mechanism, m.date_start) for m in found] == [
        ("Hun Sen", "courtesy_call", date(2031, 5, 4)), ("Hun Manet", "courtesy_call", date(2031, 5, 4))]


def test_a_same_day_meeting_with_a_third_country_is_no_further_meeting():
    sentences = ["Defence Minister Phan Van Giang met Defence Minister Tea Banh in Phnom Penh on May 4. "
                 "Giang invited Tea Banh to visit. The same day, Giang also had a meeting with his Chinese "
                 "counterpart, who praised Party General Secretary Nguyen Phu Trong."]
    assert [m.kh_lead for m in meetings_of(sentences, published=date(2031, 5, 5))] == ["Tea Banh"]


def test_a_caption_naming_both_leads_dates_and_places_the_meeting():
    sentences = ["Defence Minister Phan Van Giang received Defence Minister Tea Banh this week.",
                 "The two sides praised their cooperation."]
    mentions = OFFICIALS.find_people(sentences)
    caption = "Phan Van Giang receives Tea Banh in Hanoi on March 3."
    [meeting] = extract_meetings("a", sentences, date(2031, 3, 20), mentions, OFFICIALS,
                                 captions=["Soldiers march in Hanoi on March 1.", caption])
    assert (meeting.date_start, meeting.date_precision, meeting.place) == (date(2031, 3, 3), "day", "Hanoi")
    assert meeting.date_evidence.startswith("photo caption")


def test_a_caption_does_not_override_the_meetings_own_day():
    sentences = ["Defence Minister Phan Van Giang received Defence Minister Tea Banh in Hue on March 5."]
    mentions = OFFICIALS.find_people(sentences)
    [meeting] = extract_meetings("a", sentences, date(2031, 3, 20), mentions, OFFICIALS,
                                 captions=["Phan Van Giang receives Tea Banh in Hanoi on March 3."])
    assert meeting.date_start == date(2031, 3, 5)


@pytest.mark.parametrize("sentence, only_leader", [
    ("He said Cambodia will prosper under the leadership of the party headed by Chairman Hun Sen.", True),
    ("He said under the wise leadership of the new government and Prime Minister Hun Manet, it grew.", True),
    ("The delegation, under the leadership of General Tea Banh, visited Hanoi.", False),
    ("Prime Minister Hun Manet received the delegation.", False),
    ("In 1979 the regiment had been led by today's Prime Minister Hun Sen.", True),
    ("The delegation was led by Defence Minister Tea Banh.", False),
    ("Colonel Sok Dara, adviser to Prime Minister Hun Manet, greeted the hosts.", True),
    ("The adviser greeted Prime Minister Hun Manet.", False),
    ("Sok Dara, Minister attached to Prime Minister Hun Manet, met the general.", True),
    ("The minister then reported to Prime Minister Hun Manet.", False),
    ("They praised the plan signed during the state visit of Prime Minister Hun Manet in 2024.", True),
    ("During the official visit of Prime Minister Hun Manet, he met the minister.", False),
])
def test_a_person_named_only_as_leader_of_a_party_or_country(sentence, only_leader):
    from defcoop.extract.meetings import named_only_as_leader

    [mention] = [m for m in OFFICIALS.find_people([sentence]) if m.country == "KH"]
    assert named_only_as_leader(mention, [sentence], RULES) is only_leader


def test_the_party_leader_named_in_good_wishes_does_not_lead_the_reception():
    sentences = ["In Hanoi on May 13, Deputy Chief of the General Staff Huynh Chien Thang hosted a reception "
                 "for a Cambodian delegation.",
                 "He wished that under the leadership of the party headed by President Hun Sen, Cambodia will thrive."]
    meeting = only_meeting(sentences, published=date(2031, 5, 14))
    assert meeting.kh_lead != "Hun Sen" and meeting.mechanism != "courtesy_call"


def test_a_meeting_whose_only_date_resolves_to_nothing_takes_the_visit_span_and_place():
    sentences = ["The ministers are on visits (March 8-11) to the central city of Da Nang.",
                 "In separate talks, Defence Minister Ngo Xuan Lich and Defence Minister Tea Banh reviewed 2018.",
                 "Yesterday morning, Lich praised the two ministries."]
    meeting = only_meeting(sentences)
    assert (meeting.date_start, meeting.date_precision, meeting.place) == (date(2019, 3, 8), "month", "Da Nang")


# --- the rule files: mechanisms.yaml (parse_mechanisms) and meetings.yaml (meeting_cues) -------------

_ONE_MECHANISM = "mechanisms:\n  - id: ministerial_talks\n    patterns: ['talks']\n"


@pytest.mark.parametrize("text, message", [
    (_ONE_MECHANISM + "online_pattern: ['online']\n", r"x\.yaml:4: unknown key 'online_pattern' in the file"),
    ("version: 1\n", r"x\.yaml:1: the file needs 'mechanisms'"),
    ("mechanisms:\n  id: talks\n", r"x\.yaml:2: 'mechanisms' must be a list"),
    ("mechanisms:\n  - label: Talks\n    patterns: ['talks']\n", r"x\.yaml:2: a mechanism needs 'id'"),
    ("mechanisms:\n  - id: ministerial_talks\n    label: Talks\n", r"x\.yaml:2: a mechanism needs 'patterns'"),
    ("mechanisms:\n  - id: ministerial_talks\n    patterns: []\n",
     r"x\.yaml:3: mechanism 'ministerial_talks': patterns must name at least one pattern"),
    ("mechanisms:\n  - id: ministerial_talks\n    patterns:\n      - 'talks'\n      - '(held'\n",
     r"x\.yaml:5: mechanism 'ministerial_talks': patterns: bad pattern '\(held'"),
    ("mechanisms:\n  - id: ministerial_talks\n    pattern: ['talks']\n",
     r"x\.yaml:3: unknown key 'pattern' in a mechanism"),
    (_ONE_MECHANISM + "    specific: yes please\n",
     r"x\.yaml:4: mechanism 'ministerial_talks': specific must be true or false, not 'yes please'"),
    (_ONE_MECHANISM + "  - id: ministerial_talks\n    patterns: ['meeting']\n",
     r"x\.yaml:4: mechanism 'ministerial_talks' is defined twice"),
    (_ONE_MECHANISM + "    edition_nouns: talks\n", r"x\.yaml:4: mechanism 'ministerial_talks': edition_nouns must be a list"),
    (_ONE_MECHANISM + "refine_generic:\n  courtesy_call_max_rank: four\n",
     r"x\.yaml:5: 'refine_generic': courtesy_call_max_rank must be a whole number, not 'four'"),
    (_ONE_MECHANISM + "refine_generic:\n  border_force_context: ['\\bborder guard', '(?P<x']\n",
     r"x\.yaml:5: 'refine_generic': border_force_context: bad pattern"),
    (_ONE_MECHANISM + "title_countries:\n  Cambodia: ['samdech']\n",
     r"x\.yaml:5: 'title_countries': 'Cambodia' must be a country code of two capital letters"),
    (_ONE_MECHANISM + "surname_countries:\n  VN: [Nguyen, 3]\n", r"x\.yaml:5: 'surname_countries': VN: 3 must be a string"),
    (_ONE_MECHANISM + "defence_words: '\\bdefence\\b'\n", r"x\.yaml:4: 'defence_words' must be a list"),
    (_ONE_MECHANISM + "numbered_series:\n  - label: ADMM\n    offset: 2006\n    patterns: ['\\badmm\\b']\n",
     r"x\.yaml:7: numbered series 'ADMM': patterns: pattern '\\\\badmm\\\\b' needs a group \(\?P<n>...\)"),
    (_ONE_MECHANISM + "numbered_series:\n  - label: ADMM\n    patterns: ['admm-(?P<n>\\d+)']\n",
     r"x\.yaml:5: a numbered series needs 'offset'"),
    (_ONE_MECHANISM + "defence_roles: [defence_minister]\ndefence_roles: [army_commander]\n",
     r"x\.yaml:5: duplicate key 'defence_roles' in the file"),
    (_ONE_MECHANISM + "online_patterns: ['(?P<n>online)', '(?P<n>virtual)']\n",
     r"x\.yaml:4: 'online_patterns': the patterns do not combine"),
])
def test_a_broken_mechanisms_file_names_file_line_and_problem(text, message):
    from defcoop.extract.meetings import parse_mechanisms
    from defcoop.rules import RuleFileError

    with pytest.raises(RuleFileError, match=f"^{message}"):
        parse_mechanisms(text, "x.yaml")


def test_a_mechanisms_file_is_read_as_written():
    from defcoop.extract.meetings import parse_mechanisms

    rules = parse_mechanisms(
        "version: 1\nmechanisms:\n"
        "  - id: ministerial_talks\n    patterns: ['talks', 'meeting']\n    edition_nouns: [talks]\n"
        "    must_match: ['They held talks.']\n    must_not_match: ['A talk show.']\n"
        "  - id: defence_policy_dialogue\n    specific: true\n    patterns: ['policy dialogue']\n"
        "refine_generic: {courtesy_call_max_rank: 3, border_force_roles: [service_commander],"
        " border_force_context: ['gendarmerie']}\n"
        "title_countries: {KH: ['samdech']}\nsurname_countries: {VN: [Nguyễn]}\n"
        "non_defence_ministries: ['police']\nnon_defence_meetings: ['top leaders']\n"
        "online_patterns: ['online']\ndefence_roles: [defence_minister]\n"
        "numbered_series:\n  - {label: ADMM, offset: 2006, patterns: ['admm-(?P<n>\\d+)']}\n", "x.yaml")
    assert [(m, specific, p.pattern) for m, specific, p in rules.patterns] == [
        ("defence_policy_dialogue", True, "(?:policy dialogue)"), ("ministerial_talks", False, "(?:talks)|(?:meeting)")]
    assert rules.examples[0] == ("ministerial_talks", ("They held talks.",), ("A talk show.",))
    assert rules.edition_nouns == (("ministerial_talks", ("talks",)), ("defence_policy_dialogue", ()))
    assert (rules.courtesy_call_max_rank, rules.ministerial_max_rank, rules.border_force_max_rank) == (3, 7, 10)
    assert rules.border_force_roles == {"service_commander"} and rules.border_force_context.pattern == "(?:gendarmerie)"
    assert rules.title_countries[0][0] == "KH" and rules.surname_countries == (("VN", frozenset({"nguyen"})),)
    assert rules.non_defence_ministries.pattern == "(?:police)|(?:top leaders)"
    assert rules.online.pattern == "(?:online)" and rules.defence_roles == {"defence_minister"}
    assert [(label, offset, min_number) for label, offset, min_number, _ in rules.numbered_series] == [("ADMM", 2006, 1)]
    assert rules.topic_list is None and rules.defence_words is None


def test_the_mechanisms_file_is_read_through_the_one_loader(tmp_path):
    from defcoop.extract.meetings import MechanismRules
    from defcoop.paths import EN_RULES_DIR
    from defcoop.rules import RuleFileError, load_rules

    assert load_mechanisms() is load_rules("mechanisms") and isinstance(RULES, MechanismRules)
    copy = tmp_path / "mechanisms.yaml"
    text = (EN_RULES_DIR / "mechanisms.yaml").read_text(encoding="utf-8")
    copy.write_text(text, encoding="utf-8")
    assert load_mechanisms(copy).patterns[0][0] == RULES.patterns[0][0]     # a path of one's own still works
    copy.write_text(text.replace("refine_generic:", "refine_generics:"), encoding="utf-8")
    line = text[:text.index("refine_generic:")].count("\n") + 1
    with pytest.raises(RuleFileError, match=f"mechanisms.yaml:{line}: unknown key 'refine_generics' in the file"):
        load_mechanisms(copy)


def test_meeting_cues_come_from_the_rule_file_and_follow_an_edit(tmp_path, monkeypatch):
    import shutil

    import defcoop.rules as rules_module
    from defcoop.rules import cache as rulecache
    from defcoop.extract.meetings import meeting_cues
    from defcoop.paths import RULES_DIR
    from defcoop.rules import RuleFileError

    shutil.copytree(RULES_DIR, tmp_path / "rules")
    monkeypatch.setattr(rules_module, "RULES_DIR", tmp_path / "rules")
    rulecache.clear()
    file = tmp_path / "rules" / "en" / "meetings.yaml"
    try:
        cues = meeting_cues()
        assert cues is meeting_cues() and cues.ordinal_words["twentieth"] == 20
        assert cues.same_visit.search("talks on sunday") and cues.title_words >= {"provincial", "'s"}
        file.write_text(file.read_text(encoding="utf-8").replace("twentieth: 20}", "twentieth: 20, twenty-first: 21}"),
                        encoding="utf-8")
        assert rulecache.refresh() is True
        assert meeting_cues().ordinal_words["twenty-first"] == 21
        assert find_edition(["the twenty-first defence policy dialogue"], "defence_policy_dialogue", load_mechanisms()) == 21
        file.write_text(file.read_text(encoding="utf-8").replace("twentieth: 20,", "twentieth: twenty,"),
                        encoding="utf-8")
        assert rulecache.refresh() is True
        with pytest.raises(RuleFileError, match=r"meetings\.yaml:\d+: 'ordinal_words': 'twentieth' must give a whole number"):
            meeting_cues()
    finally:
        rulecache.clear()


# --- batch 13 fixes --------------------------------------------------------------------------------

def test_armies_completing_drills_without_the_word_joint_are_the_reported_event():
    sentences = ["The Lao, Vietnamese and Cambodian armies completed four-day flood rescue drills in Vientiane.",
                 "The drills ended on Friday.",
                 "They were agreed at a defence ministers' meeting among the three countries in Hanoi in 2018."]
    meeting = only_meeting(sentences, published=date(2026, 3, 6))
    assert (meeting.mechanism, meeting.place, meeting.date_start, meeting.date_precision) == (
        "other", "Vientiane", date(2026, 3, 6), "day")


def test_the_past_commander_of_a_unit_does_not_lead_the_handover_of_its_fallen():
    sentences = ["The defence ministry held a ceremony in Tay Ninh on Friday to hand over the remains of Cambodian "
                 "soldiers of a volunteer regiment.",
                 "The regiment had been led by today's Cambodian Prime Minister Hun Sen.",
                 "The remains were exhumed last month.",
                 "Receiving the remains, General Sao Sokha thanked Vietnam."]
    meeting = only_meeting(sentences, published=date(2031, 3, 8))
    assert meeting.kh_lead == "Sao Sokha" and meeting.mechanism == "repatriation_ceremony"


def test_a_reburial_by_one_side_needs_someone_of_the_other_side():
    sentences = ["The province of Tay Ninh held memorial and burial services on May 2 for the remains of "
                 "volunteer soldiers who died in Cambodia.",
                 "The remains were found last season."]
    assert meetings_of(sentences, published=date(2031, 5, 3)) == []
    with_guests = sentences + ["Cambodian delegates laid wreaths at the cemetery."]
    assert only_meeting(with_guests, published=date(2031, 5, 3)).mechanism == "repatriation_ceremony"
    named = sentences + ["General Sao Sokha laid a wreath."]
    assert only_meeting(named, published=date(2031, 5, 3)).kh_lead == "Sao Sokha"
    # a handover has both sides by definition: not an event one side holds on its own
    handover = ["Cambodia held a ceremony at the Moc Bai border gate on May 2 to hand over the remains of soldiers."]
    assert only_meeting(handover, published=date(2031, 5, 3)).mechanism == "repatriation_ceremony"


@pytest.mark.parametrize("sentence, attends", [
    ("Representatives of the Royal Cambodian Army laid wreaths.", True),
    ("Officials from a Cambodian province came too.", True),
    ("Leaders of Cambodia's Kratie province attended.", True),
    ("Cambodian delegates offered incense.", True),
    ("The soldiers died in Cambodia during the war.", False),
    ("The remains were found with support from the authorities of Cambodian provinces.", False),
    ("The search team of the Vietnamese army found them in Cambodia.", False),
])
def test_who_of_the_other_side_attends_an_event_one_side_holds(sentence, attends):
    from defcoop.extract.meetings import other_side_attends
    from defcoop.extract.places import find_countries
    from defcoop.rules.text import fold

    assert other_side_attends([sentence], [fold(sentence)], [], [find_countries(sentence)], "VN", RULES) is attends


def test_two_prime_ministers_talks_are_no_defence_meeting_even_if_one_led_the_army_before():
    sentences = ["Cambodian Prime Minister Hun Manet met Prime Minister Pham Minh Chinh in Hanoi on Monday.",
                 "The talks would cover trade, security and defence."]
    assert meetings_of(sentences, published=date(2024, 3, 5)) == []
    # before August 2023 Hun Manet commanded the army: his call on the prime minister is a courtesy call
    assert only_meeting(["Army Commander Hun Manet met Prime Minister Pham Minh Chinh in Hanoi on Monday."],
                        published=date(2022, 3, 8)).mechanism == "courtesy_call"


def test_a_bilateral_conference_of_the_marine_police_is_a_meeting_but_one_of_the_police_is_not():
    sentences = ["Vietnam and Cambodia agreed on joint sea patrols at a bilateral conference held in Kampot on May 4.",
                 "Vietnam's Marine Police and Cambodia's maritime security committee discussed smuggling."]
    meeting = only_meeting(sentences, published=date(2031, 5, 6))
    assert (meeting.mechanism, meeting.place, meeting.date_start) == ("other", "Kampot", date(2031, 5, 4))
    police = [sentences[0], "Vietnam's traffic police and Cambodia's police discussed smuggling."]
    assert meetings_of(police, published=date(2031, 5, 6)) == []


def test_an_undated_meeting_takes_the_roles_the_leads_held_within_their_terms_overlap():
    # Le Chiem left the deputy ministry in 2021, so the meeting is before Hun Manet became prime minister
    sentences = ["Deputy Defence Minister Le Chiem received General Hun Manet.",
                 "At the meeting, General Hun Manet thanked the Vietnamese Defence Ministry."]
    meeting = only_meeting(sentences)
    assert (meeting.date_precision, meeting.mechanism) == ("unknown", "other")


# --- batch 14 of the real-article set: general rules, each on a sentence written for it ----------

def test_a_meeting_slated_for_a_coming_date_is_no_meeting():
    sentences = ["A joint drill of the two border forces is slated for next March in Tay Ninh."]
    assert find_trigger(sentences, RULES) is None
    assert meetings_of(sentences, published=date(2023, 12, 1)) == []


def test_a_signing_ceremony_on_the_agenda_of_a_coming_event_is_no_meeting():
    assert find_trigger(["A signing ceremony for the new plan is on the agenda as well."], RULES) is None


def test_the_lead_sentence_before_a_reception_dates_it_when_the_reception_gives_no_day():
    sentences = ["Cooperation with Cambodia is a priority, General Phan Van Giang said while meeting visitors in "
                 "Hanoi on August 8.",
                 "Giang hosted a reception for a delegation led by Tea Banh.",
                 "The two sides discussed training."]
    meeting = only_meeting(sentences, published=date(2022, 8, 9))
    assert (meeting.date_start, meeting.date_precision) == (date(2022, 8, 8), "day")
    # a sentence before that names neither lead dates nothing
    sentences[0] = "Cooperation with Cambodia is a priority, an official said while meeting reporters on August 8."
    assert only_meeting(sentences, published=date(2022, 8, 9)).date_precision == "month"


def test_a_command_receiving_a_research_delegation_holds_no_border_force_talks():
    sentences = ["Two delegations, one from a Vietnamese defence academy led by Major General Do Van Ba and one from "
                 "the Cambodian army led by Colonel Kim Sok, Director of the Army Research Centre, toured the "
                 "Provincial Military Command.",
                 "Officers of the command received the delegation.",
                 "Colonel Le Van Hai, Political Commissar of the Provincial Military Command, briefed the guests."]
    (meeting,) = meetings_of(sentences)
    # the delegation's leader leads the side, not the host who speaks after the trigger
    assert (meeting.mechanism, meeting.vn_lead, meeting.kh_lead) == ("other", "Do Van Ba", "Kim Sok")


def test_a_command_receiving_a_border_unit_delegation_still_holds_border_force_talks():
    sentences = ["A delegation of the Cambodian Military Region 2 led by Colonel Kim Sok toured the Provincial "
                 "Military Command.",
                 "Officers of the command received the delegation.",
                 "Colonel Le Van Hai, Political Commissar of the Provincial Military Command, briefed the guests."]
    (meeting,) = meetings_of(sentences)
    assert meeting.mechanism == "border_force_talks"


def test_a_unit_delegation_greeting_the_other_sides_troops_is_a_meeting_led_by_the_one_its_caption_shows():
    sentences = ["During the festival, a delegation of the provincial military command wished the troops of "
                 "Cambodian units a happy new year.",
                 "The Cambodian officers thanked the Vietnamese delegation for the visit."]
    captions = ["Colonel Tran Van Ba (right) greets the Cambodian guests at the new-year party."]
    (meeting,) = extract_meetings("a", sentences, None, OFFICIALS.find_people(sentences), OFFICIALS,
                                  captions=captions)
    assert (meeting.mechanism, meeting.vn_lead, meeting.kh_lead) == ("border_force_talks", "Tran Van Ba", None)
    # greeting people, not the other side's troops, is no meeting
    assert find_trigger(["The delegation visited and congratulated the Khmer people on the festival."], RULES) is None


def test_a_titled_person_acting_towards_one_party_is_of_the_other():
    caption = "Colonel Trach Van Ba (right) greets the Cambodian guests at the new-year party."
    (mention,) = infer_countries(OFFICIALS.introduced_people([caption]), [caption])
    assert mention.country == "VN"
    # heading a side names the person's own side: left to the other rules
    sentence = "Colonel Trach Van Ba, head of the Cambodian side, spoke."
    (mention,) = infer_countries(OFFICIALS.find_people([sentence]), [sentence])
    assert mention.country == "KH"


# --- batch 16 of the real-article set: general rules, each on a sentence written for it ----------

def test_a_meeting_with_the_defence_ministers_of_the_three_countries_is_trilateral():
    sentences = ["A meeting with the defence ministers of the three countries of Laos, Cambodia and Vietnam "
                 "took place in Vientiane on the morning of March 9.",
                 "General Phan Van Giang and General Tea Seiha praised the solidarity of the three armies."]
    meeting = meetings_of(sentences, published=date(2024, 3, 10))[0]
    assert (meeting.mechanism, meeting.vn_lead, meeting.kh_lead) == (
        "trilateral_ministers_meeting", "Phan Van Giang", "Tea Seiha")


def test_a_meeting_with_a_lead_of_one_side_and_nobody_of_the_other_is_no_meeting():
    # an internal review of agreements to be signed later with the other side's forces
    sentences = ["At the meeting, Deputy Defence Minister Hoang Xuan Chien asked the Border Guard Command to "
                 "prepare the agreements with the Royal Cambodian Army, to be signed at a suitable time."]
    assert meetings_of(sentences, published=date(2021, 1, 20)) == []
    # the other side present, though unnamed: still a meeting
    sentences = ["At the meeting, Deputy Defence Minister Hoang Xuan Chien and the Cambodian delegation "
                 "reviewed border cooperation."]
    assert len(meetings_of(sentences, published=date(2021, 1, 20))) == 1
    sentences = ["Lieutenant General Vo Minh Luong's delegation was received by all Cambodian military units "
                 "of Military Region 3 in April."]
    assert len(meetings_of(sentences, published=date(2019, 4, 20))) == 1


def test_bilateral_meetings_held_in_the_course_of_a_multilateral_meeting_are_sideline_meetings():
    sentences = ["In the course of this 18th meeting, Defence Minister Phan Van Giang held bilateral meetings "
                 "with his counterparts from Laos, India and Cambodia."]
    meeting = only_meeting(sentences, published=date(2024, 11, 21))
    assert (meeting.mechanism, meeting.vn_lead) == ("sideline_meeting", "Phan Van Giang")


def test_a_lead_referred_to_by_title_alone_holds_that_role_at_an_undated_meeting():
    # Chien was Border Guard commander before he became deputy minister: the text names the latter, so a
    # deputy minister receiving the gendarmerie commander is `other`, not border-force talks
    sentences = ["During the reception, Senior Lieutenant General Hoang Xuan Chien thanked General Sao Sokha.",
                 "The Vietnamese deputy defence minister also praised the two border forces for their work."]
    meeting = only_meeting(sentences)
    assert (meeting.mechanism, meeting.vn_lead, meeting.kh_lead) == ("other", "Hoang Xuan Chien", "Sao Sokha")
    # with no such reference, either role may be his: border-force talks, as before
    assert only_meeting(sentences[:1] + ["The border forces of the two countries work well together."]
                        ).mechanism == "border_force_talks"


def test_a_reception_within_a_numbered_asean_summit_takes_the_summits_year():
    sentences = ["Prime Minister Pham Minh Chinh received General Vong Pisen in Vientiane on October 9, within the "
                 "framework of his attendance at the 44th and 45th ASEAN Summits."]
    meeting = only_meeting(sentences)
    assert (meeting.date_start, meeting.date_precision) == (date(2024, 10, 9), "day")
    # a summit the sentence only mentions, not one the meeting was held within: no year from it
    sentences = ["Prime Minister Pham Minh Chinh received General Vong Pisen on October 9 and praised the 44th "
                 "ASEAN Summit."]
    assert only_meeting(sentences).date_precision != "day"


def test_a_meeting_held_in_a_province_named_by_its_country_alone_is_in_the_province_named_before():
    sentences = ["Border guards of Tay Ninh province and the gendarmerie of Svay Rieng province held talks at "
                 "the Cambodian province on May 3."]
    assert (only_meeting(sentences, published=date(2023, 5, 4)).place) == "Svay Rieng"
    sentences = ["Border guards of Tay Ninh province and the gendarmerie of Svay Rieng province held talks in "
                 "the southern locality of Vietnam on May 3."]
    assert (only_meeting(sentences, published=date(2023, 5, 4)).place) == "Tay Ninh"


# --- batch 19 of the real-article set: general rules, each on a sentence written for it ----------

def test_a_meeting_being_prepared_is_no_meeting():
    # preparations for it, a date "slated for" it as a participle, its programme "expected to feature"
    assert find_trigger(["Preparations are in full swing for the third Border Defence Friendship Exchange in "
                         "An Giang."], RULES) is None
    assert find_trigger(["Officials toured Moc Bai ahead of the third border friendship exchange, planned for "
                         "March in Tay Ninh."], RULES) is None
    assert find_trigger(["The third border friendship exchange is expected to feature a joint medical drill."],
                        RULES) is None
    # tasks a unit has been given for it
    assert find_trigger(["For the third Border Defence Friendship Exchange, the engineers have been tasked with "
                         "building the stage."], RULES) is None
    # a place chosen to host it
    assert find_trigger(["Kep has been selected to host the closing ceremony of the third Border Defence Friendship "
                         "Exchange."], RULES) is None
    # held, it is news
    assert find_trigger(["The third Border Defence Friendship Exchange was held in Tay Ninh on March 3."],
                        RULES) == (0, "border_friendship_exchange")


def test_a_mechanism_listed_among_a_programmes_items_is_no_meeting():
    assert find_trigger(["Its main activities include the Defence Policy Dialogue and a tree planting."],
                        RULES) is None


def test_sideline_meetings_spoken_of_in_general_are_no_meeting():
    sentences = ["General Phan Van Giang is attending the ADMM Retreat in Phnom Penh.",
                 "Bilateral meetings on the sidelines of such events are a useful chance to build trust."]
    assert meetings_of(sentences, published=date(2022, 11, 21)) == []


def test_an_undated_signing_reported_in_the_present_perfect_is_a_signing_ceremony():
    sentences = ["The Military Command of Tay Ninh province and the Svay Rieng military sub-region have signed a "
                 "memorandum of understanding on joint patrols."]
    meeting = only_meeting(sentences)
    assert (meeting.mechanism, meeting.date_start) == ("signing_ceremony", None)
    # a record kept over the years reports no signing
    assert meetings_of(["The two provincial military commands have signed a memorandum every year since 2015."]) == []


def test_a_courtesy_call_on_an_army_commander_is_other():
    sentences = ["A delegation of young Vietnamese officers led by Senior Colonel Nguyen Van Hai paid a courtesy call "
                 "on General Mao Sophan, Commander of the Royal Cambodian Army, at his Phnom Penh office on May 5, 2024."]
    assert only_meeting(sentences).mechanism == "other"
    # on a deputy prime minister and defence minister, the courtesy call the article names stays one
    sentences = ["Deputy Defence Minister Hoang Xuan Chien paid a courtesy call on Deputy Prime Minister and "
                 "Defence Minister Tea Banh in Phnom Penh on May 5, 2022."]
    assert only_meeting(sentences).mechanism == "courtesy_call"


def test_a_delegations_visit_to_a_unit_of_the_other_army_is_a_meeting_led_as_its_further_meetings_name():
    sentences = ["On May 5, the Vietnamese delegation paid a visit to Division 3 of the Royal Cambodian Army.",
                 "The same day, the delegation paid a courtesy call on General Mao Sophan, Commander of the Royal "
                 "Cambodian Army.",
                 "Senior Colonel Nguyen Van Hai, on behalf of the delegation, thanked the hosts."]
    first = meetings_of(sentences)[0]
    assert (first.mechanism, first.vn_lead, first.kh_lead) == ("other", "Nguyen Van Hai", None)


def test_an_undated_unit_visit_of_a_regional_commander_later_made_deputy_minister_is_at_border_force_level():
    sentences = ["Led by Lieutenant General Vo Minh Luong, a delegation of the Military Region 7 Command toured "
                 "Cambodia.",
                 "The Vietnamese delegation visited Military Regions 1 and 2 of the Royal Cambodian Armed Forces."]
    assert only_meeting(sentences).mechanism == "border_force_talks"


def test_a_navy_ships_port_call_at_a_base_of_the_other_side_is_a_meeting_in_the_bases_province():
    sentences = ["A Vietnamese navy ship commanded by Senior Colonel Nguyen Van Hai completed a port call at "
                 "Cambodia's Ream Naval Base on May 5, 2025."]
    meeting = only_meeting(sentences)
    assert (meeting.mechanism, meeting.place, meeting.country) == ("other", "Preah Sihanouk", "KH")
    assert meetings_of(["The Vietnamese navy ship will make a port call at Ream Naval Base next month."]) == []


def test_a_hotline_of_the_two_armies_put_into_use_is_a_meeting():
    sentences = ["A hotline linking the Royal Cambodian Armed Forces' High Command and the General Staff "
                 "of the Vietnam People's Army was put into use on August 15, 2024.",
                 "Deputy Chief of the General Staff Senior Lieutenant General Huynh Chien Thang and General Vong "
                 "Veasna, Deputy Commander-in-Chief of the RCAF, spoke at the ceremony."]
    meeting = only_meeting(sentences)
    assert (meeting.mechanism, meeting.date_start) == ("other", date(2024, 8, 15))


def test_a_dialogue_held_by_border_forces_is_border_force_talks():
    sentences = ["Young officers from the Vietnam Border Guard and the Cambodian Gendarmerie held a dialogue in Tay "
                 "Ninh on November 12, 2025.",
                 "Major General Nguyen Van Hai and Lieutenant General Tien Sophornvong co-chaired the dialogue."]
    meeting = only_meeting(sentences)
    assert (meeting.mechanism, meeting.kh_lead) == ("border_force_talks", "Tien Sophonrnvong")


def test_a_building_one_side_inaugurates_thanking_the_other_is_no_meeting():
    sentences = ["On Monday Cambodia inaugurated a new barracks for its defence ministry.",
                 "Speaking at the inauguration ceremony in Phnom Penh, Prime Minister Hun Sen thanked China and "
                 "Vietnam for aiding the project, which began in June 2018."]
    assert meetings_of(sentences, published=date(2021, 12, 29)) == []


def test_a_provincial_peoples_committee_official_is_vietnamese():
    mention = PersonMention("Y Ngoc", "Y Ngoc", "", "", 0, 0, 6, "title")
    sentence = "Y Ngoc, Vice Chairwoman of the provincial People's Committee, addressed the ceremony."
    assert infer_countries([mention], [sentence])[0].country == "VN"
    # so a reburial service in Vietnam that she addresses has no Cambodian side, and no meeting
    sentences = ["A reburial service was held in Kon Tum province on June 10, 2023 for the remains of 12 soldiers who "
                 "died in Cambodia.", sentence]
    assert meetings_of(sentences) == []


def test_a_leader_named_in_a_relative_clause_of_another_event_leads_no_side():
    sentences = ["A Vietnamese navy ship commanded by Senior Colonel Nguyen Van Hai completed a port call at "
                 "Cambodia's Ream Naval Base on April 28, 2025.",
                 "The new pier, which Prime Minister Hun Manet inaugurated on April 5, can take larger ships."]
    meeting = only_meeting(sentences)
    assert (meeting.vn_lead, meeting.kh_lead) == ("Nguyen Van Hai", None)
    # named as the actor of the sentence itself, he would lead
    sentences[1] = "Prime Minister Hun Manet welcomed the crew at the new pier."
    assert only_meeting(sentences).kh_lead == "Hun Manet"


def test_minutes_of_talks_signed_with_no_lead_named_are_talks_of_the_forces_the_article_names():
    sentences = ["The border guards of Gia Lai and the gendarmerie of Ratanakiri have kept close ties.",
                 "Both commanders signed the talk's minutes afterwards.",
                 "The two sides have shared information on crime."]
    meeting = only_meeting(sentences)
    assert (meeting.mechanism, meeting.vn_lead, meeting.kh_lead) == ("border_force_talks", None, None)


def test_a_meeting_with_a_third_countrys_envoy_is_not_a_vn_kh_meeting_when_cambodia_is_only_its_topic():
    sentences = ["U.S. Deputy Secretary of State Wendy Sherman is due in Hanoi this week.",
                 "Back in 2014, Sherman met with General Nguyen Chi Vinh, a Vietnamese expert on Cambodia.",
                 "She held another post then.", "Historical ties run deep.",
                 "Prime Minister Hun Sen has long ruled Cambodia."]
    assert meetings_of(sentences) == []


def test_a_meeting_named_as_the_precedent_another_event_follows_is_no_meeting():
    assert RULES.events_in("The drills follow the first border friendship exchange, held in Tay Ninh in 2023.") == []
    assert RULES.events_in("The first border friendship exchange was held in Tay Ninh in 2023.") == [
        "border_friendship_exchange"]


def test_a_first_meeting_dated_long_before_the_page_is_recalled_background():
    sentences = ["The Vietnamese and Cambodian armies held their first joint rescue drill in Kampot in January 2023."]
    assert meetings_of(sentences, published=date(2024, 9, 17)) == []
    assert only_meeting(sentences, published=date(2023, 2, 10)).date_start == date(2023, 1, 1)


def test_talks_held_after_a_leads_attendance_at_an_asean_meeting_are_a_sideline_meeting():
    sentences = ["Senior Lieutenant General Nguyen Tan Cuong held talks with General Vong Pisen in Phnom Penh on "
                 "March 18, 2022.",
                 "The talks were held right after Cuong's attendance at the ASEAN summit in the city."]
    assert only_meeting(sentences).mechanism == "sideline_meeting"
    assert only_meeting(sentences[:1]).mechanism == "other"


def test_an_undated_meeting_on_a_page_dated_only_by_its_urls_month_is_of_that_month():
    from defcoop.extract.dates import url_date, url_month_windows

    sentences = ["General Nguyen Tan Cuong held talks with General Vong Pisen."]
    page = url_month_windows(url_date("https://example.com/2019/12/vietnam-cambodia-talks/"))
    meeting = extract_meetings("a", sentences, None, OFFICIALS.find_people(sentences), OFFICIALS, page_windows=page)[0]
    assert (meeting.date_start, meeting.date_end, meeting.date_precision) == (date(2019, 12, 1), date(2019, 12, 31),
                                                                             "month")
    assert only_meeting(sentences).date_precision != "month"


def test_civilian_heads_of_provinces_and_a_friendship_association_hold_no_defence_meeting():
    # the titles of roles.csv make both leads civilian (other_official): a friendship trip, not a defence meeting
    sentences = ["At a meeting with the visitors on May 4, Chairman of the provincial council Kong Dara thanked the "
                 "Vietnamese People's Army.",
                 "Le Van Binh, Vice President of the Vietnam-Cambodia Friendship Association, led the Vietnamese delegation."]
    mentions = OFFICIALS.find_people(sentences)
    assert {m.role for m in mentions} == {"other_official"}
    assert meetings_of(sentences, date(2023, 5, 5)) == []


def test_a_joint_drill_that_took_place_is_a_meeting():
    sentences = ["The first joint rescue exercise of the armies of Vietnam and Cambodia took place in Kampot on "
                 "March 3, 2023.",
                 "Defence Minister Phan Van Giang and General Tea Banh attended the drill."]
    meeting = only_meeting(sentences)
    assert (meeting.mechanism, meeting.place, meeting.date_start) == ("other", "Kampot", date(2023, 3, 3))


def test_a_ceremony_where_one_side_thanks_the_other_country_is_a_meeting():
    sentences = ["At the ceremony on May 4, 2017, General Tea Banh expressed his gratitude to the Vietnamese defence "
                 "ministry for funding the new barracks.",
                 "Senior Colonel Nguyen Van Binh, Vietnamese Defence Attache in Cambodia, also spoke."]
    meeting = only_meeting(sentences)
    assert (meeting.mechanism, meeting.kh_lead, meeting.date_start) == ("other", "Tea Banh", date(2017, 5, 4))


def test_thanks_to_the_fallen_at_a_ceremony_is_no_meeting():
    sentences = ["Addressing the ceremony on June 10, 2023, General Tea Banh expressed his gratitude to the soldiers "
                 "who died for the country."]
    assert meetings_of(sentences) == []


def test_a_talk_of_two_commands_addressed_by_their_leads_is_border_force_talks():
    sentences = ["Addressing the talk, Major General Tran Van Hoa, Political Commissar of the Ho Chi Minh City "
                 "Military Command, praised the friendship of the two armies.",
                 "Major General Chea Sokha, Deputy Commander of the Cambodian Special Region Command, thanked the "
                 "host."]
    meeting = only_meeting(sentences)
    assert (meeting.mechanism, meeting.vn_lead, meeting.kh_lead) == ("border_force_talks", "Tran Van Hoa", "Chea Sokha")


def test_a_meeting_placed_nowhere_else_is_in_the_city_of_the_side_a_guest_thanks_as_host():
    sentences = ["Addressing the talk, Major General Tran Van Hoa, Political Commissar of the Ho Chi Minh City "
                 "Military Command, praised the friendship of the two armies.",
                 "Major General Chea Sokha, Deputy Commander of the Cambodian Special Region Command, thanked the "
                 "host for the warm welcome."]
    meeting = only_meeting(sentences)
    assert (meeting.place, meeting.country) == ("Ho Chi Minh City", "VN")


@pytest.mark.parametrize("key, unit", [("background_after_months", "months"), ("announced_within_days", "days")])
@pytest.mark.parametrize("value", ["'six'", "-1", "true"])
def test_a_setting_counted_in_months_or_days_must_be_a_whole_number(key, unit, value):
    from defcoop.extract.meetings import _whole_number
    from defcoop.rules import RuleFileError, parse_rules

    rules = parse_rules(f"{key}:\n  value: {value}\n", "x.yaml")
    with pytest.raises(RuleFileError, match=rf"^x\.yaml:1: '{key}' must be a whole number of {unit}, not "):
        _whole_number(rules, key, unit)
    assert _whole_number(parse_rules(f"{key}:\n  value: 6\n", "x.yaml"), key, unit) == 6


def test_a_partys_warship_that_docked_at_the_other_sides_port_is_a_meeting():
    sentences = ["On June 2, 2024, a Cambodian navy frigate docked at Cam Ranh in Vietnam.",
                 "Its crew met the Vietnamese navy to discuss search and rescue."]
    meeting = only_meeting(sentences)
    assert (meeting.mechanism, meeting.date_start) == ("other", date(2024, 6, 2))


def test_a_third_countrys_warship_docking_is_no_meeting():
    assert meetings_of(["On June 2, 2024, two Chinese warships docked at Ream in Cambodia.",
                        "Vietnam has voiced concern about the base."]) == []


def test_a_defence_attache_visiting_a_school_of_the_host_country_is_a_meeting():
    sentences = ["Cambodian Defence Attache in Vietnam Colonel Sok Dara on May 5, 2024 visited the Army Officer "
                 "School in Hanoi.",
                 "Vice Principal Nguyen Van Tam briefed the guest on the training of Cambodian cadets."]
    meeting = only_meeting(sentences)
    assert (meeting.mechanism, meeting.vn_lead, meeting.kh_lead, meeting.place) == (
        "other", "Nguyen Van Tam", "Sok Dara", "Hanoi")


def test_a_workshop_where_the_two_sides_talk_is_a_meeting():
    sentences = ["The naval forces of Vietnam and Cambodia met in Kampot on May 4, 2022.",
                 "At the workshop, the two sides shared experience in sea rescue."]
    assert [m.mechanism for m in meetings_of(sentences)] == ["other"]
    assert meetings_of(["At the workshop, a scholar spoke of Vietnam and Cambodia on May 4, 2022."]) == []


def test_a_later_session_of_another_kind_between_the_same_leads_is_a_meeting_of_its_own():
    sentences = ["The second Vietnam-Laos-Cambodia border defence friendship exchange took place in Gia Lai on March 3, "
                 "2025.",
                 "Phan Van Giang and Tea Seiha led their delegations.",
                 "They planted friendship trees at a border post.",
                 "Later, a meeting of the defence ministers of the three nations was held in Pleiku."]
    found = meetings_of(sentences)
    assert [(m.mechanism, m.vn_lead, m.kh_lead, m.date_start) for m in found] == [
        ("border_friendship_exchange", "Phan Van Giang", "Tea Seiha", date(2025, 3, 3)),
        ("trilateral_ministers_meeting", "Phan Van Giang", "Tea Seiha", date(2025, 3, 3))]


def test_a_later_session_of_the_same_kind_or_to_come_is_no_second_meeting():
    sentences = ["The second Vietnam-Laos-Cambodia border defence friendship exchange took place in Gia Lai on March 3, "
                 "2025.",
                 "Phan Van Giang and Tea Seiha led their delegations.",
                 "They planted friendship trees at a border post.",
                 "Later, a meeting of the defence ministers of the three nations will be held in Hanoi."]
    assert [m.mechanism for m in meetings_of(sentences)] == ["border_friendship_exchange"]


def test_an_ambassadors_courtesy_call_on_the_defence_minister_is_other():
    sentences = ["Vietnamese Ambassador to Cambodia Tran Van Binh paid a courtesy call on Deputy Prime Minister and "
                 "Minister of National Defence Tea Seiha in Phnom Penh on May 6, 2025.",
                 "Tea Seiha praised defence cooperation."]
    meeting = only_meeting(sentences)
    assert (meeting.mechanism, meeting.vn_lead, meeting.kh_lead) == ("other", "Tran Van Binh", "Tea Seiha")


def test_a_defence_delegations_courtesy_call_on_the_prime_minister_stays_one():
    sentences = ["Defence Minister Phan Van Giang paid a courtesy call on Prime Minister Hun Manet in Phnom Penh on "
                 "May 6, 2025."]
    assert only_meeting(sentences).mechanism == "courtesy_call"


def test_a_meeting_later_the_same_day_is_dated_by_the_sentence_before():
    sentences = ["Vietnamese Ambassador Tran Van Binh met with Senate President Hun Sen in Phnom Penh on May 6.",
                 "Hun Sen wished the envoy success in his term.",
                 "Later the same day, Binh paid a courtesy call on Defence Minister Tea Seiha."]
    meeting = only_meeting(sentences, published=date(2025, 5, 7))
    assert (meeting.date_start, meeting.date_precision) == (date(2025, 5, 6), "day")


def test_an_earlier_session_of_another_kind_dated_apart_is_recalled_not_a_meeting():
    sentences = ["The defence ministers of Vietnam, Laos and Cambodia met in Vientiane on October 15, 2025.",
                 "Phan Van Giang and Tea Seiha led their delegations.",
                 "They reviewed cooperation.",
                 "Back in 2019, the Vietnam-Laos-Cambodia border defence friendship exchange was first "
                 "held in Dak Nong."]
    assert [m.mechanism for m in meetings_of(sentences)] == ["trilateral_ministers_meeting"]


def test_an_online_conference_held_with_the_counterpart_is_online_ministerial_talks():
    sentences = ["On May 3, General Tea Banh held a video conference with General Ngo Xuan Lich and his aides.",
                 "Both reviewed training for Cambodian cadets."]
    meeting = only_meeting(sentences)
    assert (meeting.mechanism, meeting.format, meeting.place, meeting.vn_lead, meeting.kh_lead) == (
        "ministerial_talks", "online", None, "Ngo Xuan Lich", "Tea Banh")


def test_an_event_the_other_sides_minister_attended_is_a_meeting():
    sentences = ["A friendship house built with Vietnamese funds opened in Kampot on May 9, 2022.",
                 "Among the guests, Cambodian General Tea Banh and Minister Phan Van Giang attended the ceremony."]
    meeting = only_meeting(sentences)
    assert (meeting.mechanism, meeting.vn_lead, meeting.kh_lead) == ("other", "Phan Van Giang", "Tea Banh")
    assert meetings_of(["Minister Phan Van Giang will attend the ceremony in Tay Ninh next week."]) == []


def test_a_delegation_visiting_a_school_of_the_other_sides_defence_ministry_is_a_meeting():
    sentences = ["Cambodian army doctors in a delegation headed by General Sok Dara toured Hospital 175 of Vietnam's "
                 "defence ministry in Ho Chi Minh City on March 4, 2024.",
                 "Director Nguyen Van Tam showed the guests the wards."]
    meeting = only_meeting(sentences)
    assert (meeting.mechanism, meeting.place, meeting.date_start) == ("other", "Ho Chi Minh City", date(2024, 3, 4))


def test_talks_named_only_by_their_level_are_no_meeting():
    sentences = ["Both sides said the quarrel over the fishing huts eased after talks at the commune level.",
                 "General Tea Banh said the matter was closed."]
    assert meetings_of(sentences) == []


def test_an_ordinal_in_an_appositive_after_the_meeting_numbers_it_and_a_slated_one_does_not():
    sentences = ["Held in Kep, the talks, the fifth of their kind, ended with a joint communique.",
                 "The sixth talks are slated for the spring of 2027."]
    assert find_edition(sentences, "ministerial_talks", RULES) == 5
    assert find_edition(["The sixth talks are scheduled for June."], "ministerial_talks", RULES) is None


def test_a_virtual_consultation_held_with_the_counterpart_is_an_online_meeting_on_its_day():
    sentences = ["General Tea Banh had a virtual consultation on March 9 with General Ngo Xuan Lich about drills.",
                 "Both sides agreed to review the plan this year."]
    meeting = only_meeting(sentences, published=date(2021, 3, 11))
    assert (meeting.mechanism, meeting.format, meeting.place, meeting.vn_lead, meeting.kh_lead) == (
        "ministerial_talks", "online", None, "Ngo Xuan Lich", "Tea Banh")
    assert (meeting.date_start, meeting.date_precision) == (date(2021, 3, 9), "day")


def test_a_meeting_held_in_a_city_places_the_meeting_there():
    sentences = ["Both sides compared search maps at a meeting held in Hue on a spring morning.",
                 "General Tea Banh said the work would go on."]
    meeting = only_meeting(sentences)
    assert (meeting.place, meeting.country) == ("Hue", "VN")


def test_an_event_that_saw_the_attendance_of_the_other_sides_guests_is_an_other_meeting():
    sentences = ["A new museum opened in Kampot province on May 9, 2022.",
                 "This celebration saw the presence of Minister Phan Van Giang and other Vietnamese officers.",
                 "In a speech, General Tea Banh thanked the builders."]
    meeting = only_meeting(sentences)
    assert (meeting.mechanism, meeting.vn_lead, meeting.kh_lead) == ("other", "Phan Van Giang", "Tea Banh")


def test_an_event_the_trigger_opens_on_is_placed_by_the_sentence_before_not_the_dateline():
    sentences = ["A memorial service took place at a war monument in Kampot province on May 9, 2022.",
                 "The ceremony was attended by Minister Phan Van Giang of Vietnam.",
                 "General Tea Banh laid a wreath."]
    found = extract_meetings("a", sentences, None, OFFICIALS.find_people(sentences), OFFICIALS, dateline="Phnom Penh")
    assert [(m.place, m.country) for m in found] == [("Kampot", "KH")]


def test_a_kind_of_ceremony_the_trigger_opens_on_is_placed_by_the_sentence_before():
    sentences = ["Work on a friendship memorial began in Kampot province on May 9, 2022.",
                 "The ground-breaking ceremony was attended by Minister Phan Van Giang of Vietnam.",
                 "General Tea Banh laid the first stone."]
    found = extract_meetings("a", sentences, None, OFFICIALS.find_people(sentences), OFFICIALS, dateline="Phnom Penh")
    assert [(m.mechanism, m.place, m.country) for m in found] == [("other", "Kampot", "KH")]


def test_an_exchange_named_as_what_a_plan_prepares_is_no_meeting():
    assert meetings_of(["The seminar was part of the plan for holding a first aid drill within the second border "
                        "friendship exchange of Tay Ninh and Svay Rieng."]) == []


def test_a_lead_titled_by_a_hospital_leads_no_border_force():
    sentences = ["Vietnamese Colonel Tran Van Khoa, head of a hospital of Military Region 7, and Cambodian Colonel "
                 "Chea Sokha, deputy director of an army hospital, attended the ceremony.",
                 "Both praised the course."]
    meeting = only_meeting(sentences)
    assert meeting.mechanism == "other"


def test_a_city_party_official_receiving_an_army_delegation_holds_no_border_force_talks():
    sentences = ["Deputy Secretary of the Can Tho Party Committee Tran Van Lam received a delegation of the Cambodian "
                 "army led by Lt. Gen. Kim Sok on March 3.",
                 "The guests included officers of a provincial military sub-region."]
    meeting = only_meeting(sentences)
    assert (meeting.mechanism, meeting.vn_lead, meeting.kh_lead) == ("other", "Tran Van Lam", "Kim Sok")
    # a party committee of a military body is no civilian one: its secretary can lead a border force
    sentences[0] = sentences[0].replace("Can Tho Party Committee", "Party Committee of the An Giang Border Guard Command")
    assert only_meeting(sentences).mechanism == "border_force_talks"


def test_the_other_sides_delegation_paying_tribute_on_the_same_occasion_is_a_joint_event():
    sentences = ["Embassy staff headed by Vietnamese Ambassador Nguyen Huy Tang laid flowers at the memorial in Kampot "
                 "on May 3.",
                 "On that occasion the Cambodian army's delegation, headed by Secretary of State of the Defence "
                 "Ministry Gen. Sok Dara, placed flowers too.",
                 "The general thanked the Vietnamese army for its help."]
    meeting = only_meeting(sentences, published=date(2024, 5, 3))
    assert (meeting.mechanism, meeting.vn_lead, meeting.kh_lead, meeting.date_start) == (
        "other", "Nguyen Huy Tang", "Sok Dara", date(2024, 5, 3))
    # one side's tribute alone is no joint event
    assert meetings_of(sentences[:1] + sentences[2:], published=date(2024, 5, 3)) == []


def test_delegations_of_the_countries_inspecting_an_exchanges_rehearsal_is_other_not_the_exchange():
    sentences = ["Delegations of both defence ministries jointly inspected preparations and the dress rehearsal for "
                 "the second Border Defence Friendship Exchange in Tay Ninh on May 3.",
                 "Deputy Minister of National Defence Hoang Xuan Chien led the Vietnamese delegation and General "
                 "Sok Dara, Deputy Commander-in-Chief of the Royal Cambodian Armed Forces, the Cambodian one."]
    meeting = only_meeting(sentences, published=date(2024, 5, 4))
    assert (meeting.mechanism, meeting.edition) == ("other", None)


def test_a_session_reviewing_preparations_for_an_exchange_is_no_meeting():
    sentences = ["Major General Nguyen Van Hai, Commander of the Border Guard, told his officers on March 3 to "
                 "inspect the readiness of units for the coming Border Defence Friendship Exchange with Cambodia.",
                 "Kratie will host it next autumn."]
    assert meetings_of(sentences) == []


def test_a_remark_made_on_the_sidelines_of_an_event_is_no_sideline_meeting():
    sentences = ["A military doctor, Colonel Tran Van Binh, on the sidelines of a trade fair in Kratie, told the "
                 "press that medics of both armies had treated 500 villagers.",
                 "Cambodian medics of Military Region 2 joined the work."]
    assert [m.mechanism for m in meetings_of(sentences)] != ["sideline_meeting"]


def test_a_ground_breaking_for_a_memorial_by_two_military_regions_is_other_and_not_dated_by_history():
    sentences = ["On June 12 a ground-breaking ceremony for a memorial site was held in Kratie province.",
                 "Among the guests were Colonel Nguyen Van Hai, Commander of Military Region 9, and General Sok "
                 "Pheap, Commander of Cambodia's Military Region 2.",
                 "The region's first field hospital opened there in March 1979."]
    meeting = only_meeting(sentences)
    assert (meeting.mechanism, meeting.place) == ("other", "Kratie")
    assert meeting.date_start is None or meeting.date_start.year != 1979


def test_agreements_signed_during_the_ceremony_make_a_signing_ceremony():
    sentences = ["Colonel Tran Van Binh, Commander of the Dong Thap Border Guard, spoke at the event in Cao Lanh.",
                 "At this event, Dong Thap's border guard and two Cambodian police units signed three memoranda on "
                 "river patrols."]
    assert [m.mechanism for m in meetings_of(sentences)] == ["signing_ceremony"]
    assert meetings_of(["Colonel Tran Van Binh, Commander of the Dong Thap Border Guard, spoke at the event.",
                        "At the ceremony, he recalled that the two units had signed agreements on joint patrols "
                        "in 2019."]) == []


def test_a_delegation_of_a_department_under_the_defence_ministry_visiting_a_province_is_a_meeting():
    sentences = ["Ahead of the New Year, a mission from a logistics unit of the Cambodian army, headed by Major "
                 "General Sok Pheap, visited Tra Vinh province.",
                 "Tran Van Binh, Vice Chairman of the Tra Vinh People's Committee, hosted the guests."]
    meeting = only_meeting(sentences)
    assert meeting.mechanism == "other"
    assert meetings_of(["Next week a mission from a logistics unit of the Cambodian army will visit Tra Vinh "
                        "province."]) == []


def test_a_phung_of_a_corps_no_country_names_is_vietnamese_by_surname():
    sentence = "Colonel Phung Van Toan, a signals officer, spoke first."
    start = sentence.index("Phung")
    mention = PersonMention("Phung Van Toan", "Phung Van Toan", "", "", 0, start, start + 14, "title")
    assert infer_countries([mention], [sentence])[0].country == "VN"


def test_an_exchange_named_as_forthcoming_or_as_the_subject_of_a_speech_is_no_meeting():
    assert meetings_of(["Colonel Tran Van Binh, Commander of the Kien Giang Border Guard, chaired a session on "
                        "lodging for the forthcoming border friendship exchange with Cambodia."]) == []
    assert meetings_of(["Colonel Tran Van Binh, Commander of the Kien Giang Border Guard, stressed the role of the "
                        "third border friendship exchange with Cambodia for the two armies."]) == []
    assert [m.mechanism for m in meetings_of(
        ["The third border friendship exchange with Cambodia was held in Kien Giang on May 4.",
         "Colonel Tran Van Binh and General Sok Pheap attended."])] == ["border_friendship_exchange"]


def test_an_exchange_a_press_conference_is_about_is_announced_not_held():
    # batch 60: the briefing before the event is one side's own
    assert meetings_of(["On May 2 in Hanoi, Colonel Tran Van Binh gave a press conference on the fourth border "
                        "friendship exchange with Cambodia."]) == []
    assert meetings_of(["Speaking at the press conference, Colonel Tran Van Binh said that the two armies held the "
                        "first border friendship exchange in 2027 in Kien Giang."], published=date(2029, 5, 2)) == []
    assert [m.mechanism for m in meetings_of(
        ["At a press conference on May 4 after the third border friendship exchange with Cambodia in Kien Giang, "
         "Colonel Tran Van Binh and General Sok Pheap thanked the hosts."])] == ["border_friendship_exchange"]


def test_leaders_of_a_border_guard_command_wishing_the_other_sides_units_a_new_year_are_border_force_talks():
    # batch 60: the command's leaders as visitors, wishes rather than greetings, units named by three words
    sentences = ["On May 3, leaders of the provincial Border Guard Command in the province of Tay Ninh visited and extended Lunar New Year "
                 "greetings to Cambodian police and army units in the neighbouring province of Svay Rieng.",
                 "Colonel Nguyen Van Lu, head of the Tay Ninh Border Guard Command, thanked them."]
    (meeting,) = meetings_of(sentences, published=date(2031, 5, 10))
    assert (meeting.mechanism, meeting.place, meeting.vn_lead) == ("border_force_talks", "Svay Rieng", "Nguyen Van Lu")
    assert meetings_of(["On May 3, leaders of the Border Guard Command of Tay Ninh province extended New Year wishes "
                        "to local Khmer people."], published=date(2031, 5, 10)) == []


def test_an_anniversary_event_abroad_attended_by_the_host_minister_with_its_place_after_the_noun_is_a_meeting():
    # batch 60: "The event in <city> was attended by ..." (the place between the noun and the verb)
    sentences = ["Receptions were held in Cambodia and Laos on May 2 to mark the founding anniversary of the "
                 "Vietnamese navy.",
                 "The celebration in Phnom Penh was also attended by Tea Banh, the defence minister, and officers of "
                 "the Royal Cambodian Navy.",
                 "Colonel Tran Van Binh, head of the Vietnamese defence attache office in Cambodia, spoke."]
    (meeting,) = meetings_of(sentences, published=date(2031, 5, 10))
    assert (meeting.mechanism, meeting.place, meeting.date_start, meeting.vn_lead, meeting.kh_lead) == (
        "other", "Phnom Penh", date(2031, 5, 2), "Tran Van Binh", "Tea Banh")


def test_a_party_delegations_new_year_visit_at_units_under_the_defence_ministry_is_other():
    sentences = ["Kampot's delegation, headed by Head of the Provincial Party Committee's Propaganda and Mass "
                 "Mobilization Department Le Van Tam, greeted soldiers on May 2 at the Gendarmerie Command under the "
                 "Ministry of National Defence of Cambodia.",
                 "Major General Sok Pheap, Deputy Commander of the Gendarmerie Command, welcomed them."]
    meeting = only_meeting(sentences)
    assert (meeting.mechanism, meeting.vn_lead, meeting.kh_lead) == ("other", "Le Van Tam", "Sok Pheap")


def test_a_call_dated_by_a_visit_span_takes_the_day_a_later_sentence_gives_for_the_meeting_with_its_lead():
    sentences = ["Defence Minister Phan Van Giang toured Cambodia on a working trip from May 6 to 9, 2024.",
                 "Giang paid a courtesy call on Prime Minister Hun Manet.",
                 "At the talks with Hun Manet on May 8, both leaders spoke of flood relief."]
    meeting = only_meeting(sentences, date(2024, 5, 9))
    assert (meeting.mechanism, meeting.kh_lead, meeting.date_start, meeting.date_end) == (
        "courtesy_call", "Hun Manet", date(2024, 5, 8), date(2024, 5, 8))


def test_courtesy_calls_listed_in_the_sentence_after_the_visit_are_one_meeting_each():
    sentences = ["Defence Minister Ngo Xuan Lich was in Cambodia from May 6 to 9, 2019, and attended a meeting with "
                 "local veterans.",
                 "During the trip he paid courtesy calls on National Assembly President Heng Samrin and Prime "
                 "Minister Hun Sen."]
    found = meetings_of(sentences, date(2019, 5, 9))
    assert sorted((m.mechanism, m.kh_lead) for m in found) == [("courtesy_call", "Heng Samrin"), ("courtesy_call", "Hun Sen")]


def test_a_meeting_dated_only_by_the_span_of_the_visit_its_trigger_names_is_dated_to_the_month():
    sentences = ["Defence Minister Phan Van Giang paid a working visit to Cambodia from May 6 to 9, 2024, during which "
                 "he held talks with General Tea Seiha."]
    meeting = only_meeting(sentences, date(2024, 5, 9))
    assert (meeting.date_start.month, meeting.date_precision) == (5, "month")
    held = only_meeting(["The two border commands held talks in Kampot from May 6 to 9, 2024.",
                         "Colonel Tran Van Binh and General Sok Pheap led the sides."], date(2024, 5, 9))
    assert (held.date_start, held.date_precision) == (date(2024, 5, 6), "day")


def test_a_delegation_of_a_unit_named_after_its_army_visiting_a_city_is_a_meeting():
    sentences = ["A delegation from the Royal Cambodian Army's signal command led by General Sok Pheap visited the "
                 "city of Tay Ninh on May 2.",
                 "Tran Van Binh, Vice Chairman of the Tay Ninh People's Committee, wished the guests a happy New Year."]
    meeting = only_meeting(sentences)
    assert (meeting.mechanism, meeting.vn_lead, meeting.kh_lead) == ("other", "Tran Van Binh", "Sok Pheap")
    assert meetings_of(["A delegation from the Royal Cambodian Army's signal command will visit the city of Tay Ninh "
                        "next week."]) == []


def test_soldiers_of_both_countries_taking_part_in_a_drill_is_a_joint_event():
    sentences = ["Some 500 Vietnamese and Cambodian soldiers took part in a flood rescue drill in Kampot on Friday.",
                 "Defence Minister Phan Van Giang and his counterpart Tea Seiha attended the drill."]
    assert only_meeting(sentences).mechanism == "other"
    assert meetings_of(["Vietnamese and Cambodian soldiers will take part in a flood rescue drill next month."]) == []


def test_the_city_or_province_a_delegation_visited_places_its_meeting():
    assert find_place(["The army delegation visited the central city of Hue on May 2."]) == ("Hue", "VN")
    assert find_place(["Delegations of the two commands paid New Year visits to Kampot province."]) == ("Kampot", "KH")
    assert find_place(["They met in Hanoi, and the delegation then visited Hue."]) == ("Hanoi", "VN")


def test_a_signing_ceremony_a_minister_will_partake_in_or_witness_is_announced_not_held():
    assert meetings_of(["Next week Defence Minister Tea Seiha will take part in talks in Hanoi with Phan Van Giang "
                        "and witness the signing ceremony of the 2026 plan."]) == []
    assert [m.mechanism for m in meetings_of(["Tea Seiha and Phan Van Giang witnessed the signing ceremony of the "
                                              "2026 plan on May 2."])] == ["signing_ceremony"]


def test_a_ceremony_trigger_is_dated_and_placed_by_the_earlier_sentence_reporting_the_event():
    sentences = ["A memorial to volunteer soldiers was unveiled in Kampot province on May 4.",
                 "It is the fifth such memorial to be rebuilt.",
                 "The ceremony saw the attendance of Defence Minister Tea Seiha and Colonel Tran Van Binh, "
                 "Vietnamese Military Attache in Cambodia."]
    meeting = only_meeting(sentences, published=date(2024, 5, 5))
    assert (meeting.date_start, meeting.date_precision, meeting.place) == (date(2024, 5, 4), "day", "Kampot")
    sentences[0] = "A memorial to volunteer soldiers stands in Kampot province."
    assert only_meeting(sentences, published=date(2024, 5, 5)).date_start != date(2024, 5, 4)


def test_a_pronoun_meeting_counterparts_separately_on_the_visit_is_one_call_each_led_by_the_visitor():
    sentences = ["Defence Minister Tea Banh held talks with visiting Defence Minister Phan Van Giang in Phnom Penh "
                 "on Wednesday, June 1, 2016.",
                 "Giang arrived on Tuesday for a three-day visit.",
                 "Later that day, he met separately with Assembly President Heng Samrin and Prime Minister "
                 "Hun Sen."]
    found = {(m.mechanism, m.vn_lead, m.kh_lead) for m in meetings_of(sentences)}
    assert {("courtesy_call", "Phan Van Giang", "Hun Sen"),
            ("courtesy_call", "Phan Van Giang", "Heng Samrin")} <= found
    sentences[2] = "Later that day, the people met separately with Prime Minister Hun Sen."
    assert not any(m.kh_lead == "Hun Sen" for m in meetings_of(sentences))


def test_the_prime_minister_a_general_advises_does_not_lead_the_generals_visit():
    sentences = ["A delegation from the Royal Cambodian Army's guard command visited the city of Tay Ninh on May 2.",
                 "General Sok Pheap, adviser to Prime Minister Hun Manet and head of the engineers, "
                 "thanked Tran Van Binh, Chairman of the Tay Ninh People's Committee."]
    assert only_meeting(sentences).kh_lead == "Sok Pheap"


def test_the_prime_minister_a_visiting_minister_is_attached_to_does_not_lead_the_reception():
    sentences = ["Defence Minister Phan Van Giang received Sok Dara, Minister to Prime Minister Hun Manet and head of "
                 "the demining board, in Hue on March 9.",
                 "They discussed clearing unexploded ordnance along the border."]
    meeting = only_meeting(sentences, published=date(2031, 3, 10))
    assert meeting.kh_lead != "Hun Manet" and meeting.mechanism != "courtesy_call"


def test_an_awards_ceremony_both_sides_co_chair_is_a_joint_event():
    sentences = ["Forty Cambodian soldiers got Vietnamese medals for their help in the search for remains.",
                 "The awards ceremony was held in Kampot on June 4 and co-chaired by Defence Minister Phan Van Giang "
                 "and Defence Minister Tea Banh."]
    meeting = only_meeting(sentences, published=date(2031, 6, 5))
    assert (meeting.mechanism, meeting.date_start, meeting.vn_lead, meeting.kh_lead) == \
        ("other", date(2031, 6, 4), "Phan Van Giang", "Tea Banh")


def test_an_exchange_recalled_as_a_past_success_is_not_the_meeting_reported():
    sentences = ["The success of the third border friendship exchange in May has brought the two armies closer.",
                 "Defence Minister Phan Van Giang received Defence Minister Tea Banh in Hue on July 8."]
    meeting = only_meeting(sentences, published=date(2031, 7, 9))
    assert (meeting.mechanism, meeting.date_start, meeting.edition) == ("ministerial_talks", date(2031, 7, 8), None)


def test_a_lead_is_ranked_by_the_office_held_on_the_pages_day_not_a_later_one():
    from defcoop.extract.meetings import choose_lead

    sentences = ["General Luong Cuong and Defence Minister Ngo Xuan Lich received General Tea Banh in Hanoi."]
    mentions = OFFICIALS.find_people(sentences)
    assert choose_lead(mentions, "VN", 0, OFFICIALS, sentences, date(2019, 5, 2)).person == "Ngo Xuan Lich"
    # with no day, Luong Cuong's later presidency outranks the minister, as before
    assert choose_lead(mentions, "VN", 0, OFFICIALS, sentences).person == "Luong Cuong"


@pytest.mark.parametrize("sentence, non_defence", [
    ("Deputy Foreign Minister Tran Van A met with Foreign Minister Sok B on Monday to discuss the outpost.", True),
    ("National Border Committee chairman Sok B met his Vietnamese counterpart on Sunday.", True),
    ("The chairman of the National Border Committee received the Vietnamese delegation.", True),
    ("Defence Minister Tea Banh met with the foreign minister's envoy on Monday.", False),
    ("The border guard commander met his Cambodian counterpart on Sunday.", False),
    ("The third conference on border province cooperation and development closed in Tay Ninh.", True),
    ("The two ministers held a meeting on border provinces' development and cooperation.", True),
    ("The border guards held a meeting on border patrol cooperation.", False),
    # a veterans' association's leader as one side (en: no defence body)
    ("The social welfare minister received Colonel Le Van C, chairman of the Dong Nai Veterans’ Association.", True),
    ("Minister Sok D met the president of the national war veterans' federation in Kampot.", True),
    ("Veterans attended the talks of the two border guard commanders.", False),
    # a culture department as the body holding the event (en: a cultural programme of civil agencies)
    ("The Department of Culture of Kampot, with its neighbour's arts office, organised a friendship exchange.", True),
    ("The exchange was organised by the provincial Department of Culture and Sports.", True),
    ("The Department of Culture and the Border Guard Command organised a friendship exchange.", False),
])
def test_a_meeting_of_foreign_ministries_or_the_civil_border_committee_is_no_defence_meeting(sentence, non_defence):
    assert bool(RULES.non_defence_body.search(_fold(sentence))) is non_defence


def test_an_incense_offering_ceremony_both_sides_attend_is_an_event_placed_by_its_venues_city():
    sentences = ["Officials at the incense-offering ceremony at the friendship monument, Phnom Penh, May 4",
                 "Ambassador Nguyen Huy Tang said the event honoured the volunteer soldiers.",
                 "Cambodia's Ministry of National Defence Secretary of State, Gen. Yun Min, thanked Vietnam."]
    meeting = only_meeting(sentences, published=date(2031, 5, 5))
    assert (meeting.mechanism, meeting.place, meeting.date_start) == ("other", "Phnom Penh", date(2031, 5, 4))


def test_doctors_of_a_military_hospital_treating_the_other_sides_patients_is_an_event():
    sentences = ["Doctors from Vietnam's Military Hospital 175 on May 2 and 3 offer free check-ups to Cambodian patients.",
                 "General Ly Sovann, director of the Cambodian army's hospital, praised the event."]
    meeting = only_meeting(sentences, published=date(2031, 5, 3))
    assert (meeting.mechanism, meeting.kh_lead, meeting.date_start) == ("other", "Ly Sovann", date(2031, 5, 2))


def test_works_on_a_monument_starting_on_a_day_is_the_ground_breaking_dated_and_placed_by_that_sentence():
    sentences = ["Work on a new friendship memorial started in the Cambodian province of Kratie on May 9.",
                 "The ground-breaking ceremony was attended by Cambodia's Defence Minister Tea Banh and the "
                 "Vietnamese Defence Attache, Colonel Le Van Nam."]
    meeting = only_meeting(sentences, published=date(2031, 5, 10))
    assert (meeting.mechanism, meeting.place, meeting.date_start, meeting.date_precision) == \
        ("other", "Kratie", date(2031, 5, 9), "day")


def test_a_joint_ceremony_led_by_civilians_with_the_defence_attache_present_is_a_defence_event():
    sentences = ["A friendship memorial was inaugurated in Kratie province on May 9.",
                 "The inauguration ceremony was also attended by Cambodian Deputy Prime Minister Chea Sok and Vietnamese "
                 "Ambassador Le Van Nam, with the Vietnamese defence attache, Colonel Tran Van Ba."]
    meeting = only_meeting(sentences, published=date(2031, 5, 10))
    assert (meeting.mechanism, meeting.place, meeting.date_start) == ("other", "Kratie", date(2031, 5, 9))
    without_attache = [sentences[0], "The inauguration ceremony was also attended by Cambodian Deputy Prime Minister "
                       "Chea Sok and Vietnamese Ambassador Le Van Nam."]
    assert meetings_of(without_attache, published=date(2031, 5, 10)) == []


def test_receiving_weapons_or_aid_is_no_reception_of_a_guest():
    sentences = ["In the 1970s the rebels raided villages across the border while receiving weapons from abroad.",
                 "Vietnam and Cambodia later fought a war."]
    assert meetings_of(sentences, published=date(2031, 5, 3)) == []
    assert find_trigger(["The minister received the visiting Cambodian general."], RULES) == (0, "ministerial_talks")


def test_a_defence_ministry_and_a_cambodian_body_convening_a_session_to_review_a_programme_is_an_event():
    sentences = ["Vietnam's Ministry of National Defence and the Cambodian council convened a working session in "
                 "Hue on May 2 to review the memorial projects.",
                 "Deputy Defence Minister Hoang Xuan Chien and Vice Chairman of the Cambodian council Sok Dara spoke."]
    meeting = only_meeting(sentences, published=date(2031, 5, 3))
    assert (meeting.mechanism, meeting.place, meeting.date_start, meeting.vn_lead) == \
        ("other", "Hue", date(2031, 5, 2), "Hoang Xuan Chien")
    civil = ["The People's Committee of An Giang province held a conference on May 2 to review its cooperation "
             "with Cambodia's Takeo province."]
    assert find_trigger(civil, RULES) is None


def test_an_event_chaired_by_one_side_and_attended_by_the_other_named_between_commas_is_an_event():
    sentences = ["The Cambodian defence ministry inaugurated a new hall in Kratie province on May 9.",
                 "The event, presided over by General Tea Banh, was also attended by Minister Counsellor Tran Van Ba "
                 "of the Vietnamese Embassy."]
    meeting = only_meeting(sentences, published=date(2031, 5, 10))
    assert (meeting.mechanism, meeting.kh_lead, meeting.vn_lead) == ("other", "Tea Banh", "Tran Van Ba")


def test_an_ambassador_at_a_ceremony_military_regions_hold_leads_no_border_force_talks():
    sentences = ["The Cambodian army and Military Region 9 of Vietnam held a ground-breaking ceremony for a clinic in "
                 "Kampot on May 9.",
                 "Vietnamese Ambassador to Cambodia Tran Van Ba thanked the two commands."]
    meeting = only_meeting(sentences, published=date(2031, 5, 10))
    assert (meeting.mechanism, meeting.vn_lead) == ("other", "Tran Van Ba")


def test_works_reported_as_started_date_and_place_a_ceremony_the_next_sentence_addresses():
    sentences = ["Construction of a house for the remains of fallen soldiers started in the Cambodian province of "
                 "Kratie on May 9.",
                 "Addressing the groundbreaking ceremony, Vietnamese Ambassador to Cambodia Tran Van Ba "
                 "praised the Cambodian army and Military Region 9 of Vietnam."]
    meeting = only_meeting(sentences, published=date(2031, 5, 10))
    assert (meeting.mechanism, meeting.place, meeting.date_start) == ("other", "Kratie", date(2031, 5, 9))


def test_remains_exhumed_on_the_other_sides_soil_with_its_general_present_is_a_repatriation_event():
    sentences = ["Twelve graves of Cambodian soldiers at a cemetery in Tay Ninh province, Vietnam, were opened and the "
                 "remains exhumed on May 4, to be repatriated next month.",
                 "General Sok Dara, deputy commander of the Royal Cambodian Armed Forces, thanked Vietnam."]
    meeting = only_meeting(sentences, published=date(2031, 5, 5))
    assert (meeting.mechanism, meeting.place, meeting.kh_lead) == ("repatriation_ceremony", "Tay Ninh", "Sok Dara")
    assert find_trigger(["The remains will be exhumed next month."], RULES) is None


def test_a_meeting_dated_only_last_week_on_a_page_dated_by_its_urls_month_is_of_that_year():
    from defcoop.extract.dates import url_date, url_month_windows

    sentences = ["Last week, General Nguyen Tan Cuong held talks with General Vong Pisen."]
    page = url_month_windows(url_date("https://example.com/2019/12/vietnam-cambodia-talks/"))
    meeting = extract_meetings("a", sentences, None, OFFICIALS.find_people(sentences), OFFICIALS, page_windows=page)[0]
    # a week before some day of December: late November or December, so only the year is sure
    assert (meeting.date_start.year, meeting.date_end.year, meeting.date_precision) == (2019, 2019, "year")


def test_a_capital_in_the_possessive_names_its_government_not_the_meetings_place():
    assert find_place(["The ties weigh heavily in Hanoi's foreign policy."]) == (None, None)
    assert find_place(["The talks were held in Hanoi on May 2."])[0] == "Hanoi"


def test_a_capital_as_the_subject_of_reported_speech_names_its_government_not_the_meetings_place():
    assert find_place(["The colonel toured a barracks in the north and said Phnom Penh would send two engineers."]) \
        == (None, None)
    assert find_place(["The minister added that Hanoi will host cadets next year."]) == (None, None)
    # a place after "in" is still the meeting's, even where a speech verb comes earlier
    assert find_place(["He said the talks were held in Hanoi on May 2."])[0] == "Hanoi"


def test_a_prime_minister_named_as_head_of_the_government_leads_no_side():
    sentences = ["Officers of the two armies met on May 2, 2031 to review joint drills.",
                 "Their cooperation grew under the government led by Prime Minister Hun Sen."]
    assert all(m.kh_lead != "Hun Sen" for m in meetings_of(sentences))


@pytest.mark.parametrize("sentence, non_defence", [
    ("The third conference on cooperation and development of the border provinces was held on May 2.", True),
    ("A conference for cooperation and development among border provinces of both countries closed on Friday.", True),
    ("The border guard commands held a meeting on cooperation in patrolling on May 2.", False),
])
def test_the_border_provinces_cooperation_and_development_conference_is_no_defence_meeting(sentence, non_defence):
    assert bool(RULES.non_defence_body.search(_fold(sentence))) is non_defence


def test_a_lead_who_spoke_on_a_weekday_before_the_meeting_sentence_dates_it_from_the_datelines_day():
    sentences = ["Gen. Tea Banh said on Wednesday that the two armies would keep up patrols.",
                 "He spoke to the press after a meeting with visiting Gen. Ngo Xuan Lich.",
                 "Both had attended a forum in Bangkok last week."]
    mentions = OFFICIALS.find_people(sentences)
    found = extract_meetings("a", sentences, None, mentions, OFFICIALS, dateline="Phnom Penh",
                             dateline_text="Phnom Penh, March 15, 2017 (AKP) -- ")[0]
    # March 15, 2017 was a Wednesday; "last week" names the forum, which dates nothing of the meeting
    assert (found.date_start, found.date_precision) == (date(2017, 3, 15), "day")


def test_a_working_session_with_the_other_sides_delegation_is_a_meeting_dated_by_its_sentence():
    sentences = ["Senior Lieutenant General Nguyen Tan Cuong had a working session with a delegation led by General "
                 "Vong Pisen in Hanoi on May 2, 2022.",
                 "The general said the museum project has received great attention from both governments."]
    meeting = only_meeting(sentences)
    assert (meeting.date_start, meeting.place) == (date(2022, 5, 2), "Hanoi")
    assert not RULES.mechanisms_in(sentences[1])


def test_an_undated_meeting_of_a_visit_the_article_dates_by_its_month_is_of_that_month():
    sentences = ["The Military Region 7 delegation led by Lieutenant General Vo Minh Luong started visiting "
                 "Cambodian units early in April 2019.",
                 "Under the schedule, the Vietnamese delegation visited the units of the Royal Cambodian Armed Forces "
                 "and held talks with their commanders."]
    found = [m for m in meetings_of(sentences) if m.vn_lead == "Vo Minh Luong"]
    assert found and all((m.date_start, m.date_precision) == (date(2019, 4, 1), "month") for m in found)


def test_a_building_for_remains_inaugurated_at_a_ceremony_is_an_event_of_its_own_kind():
    sentences = ["A house for preserving the remains of Vietnamese volunteer soldiers was inaugurated at a ceremony "
                 "held on May 4 in the Cambodian province of Kratie.",
                 "Speaking at the ceremony, the firm's CEO Tran Van Khanh thanked the local authorities.",
                 "General Sok Dara, commander of Military Region 2, who also attended the ceremony, praised the project."]
    meeting = only_meeting(sentences, published=date(2031, 5, 5))
    assert (meeting.mechanism, meeting.place, meeting.date_start) == ("other", "Kratie", date(2031, 5, 4))
    assert (meeting.vn_lead, meeting.kh_lead) == ("Tran Van Khanh", "Sok Dara")


def test_a_venue_in_an_area_then_its_province_places_the_meeting_in_that_province():
    assert find_place(["The drill opened at the training centre in the hilly Oral area, Kampong Speu province, "
                       "on Monday."]) == ("Kampong Speu", "KH")
    assert find_place(["The ship docked at the naval base, Preah Sihanouk province."]) == ("Preah Sihanouk", "KH")


def test_a_caption_naming_those_at_the_ceremony_is_placed_by_the_sentence_reporting_it_before():
    sentences = ["The army museum of Cambodia has inaugurated its new building in Kampot, funded by the Vietnamese "
                 "defence ministry.",
                 "Guests at the inauguration ceremony",
                 "General Sok Dara and the Vietnamese defence attache, Colonel Le Van Nam, cut the ribbon."]
    meeting = only_meeting(sentences, published=date(2031, 5, 5))
    assert meeting.place == "Kampot"


def test_a_host_receiving_a_delegation_of_the_other_countrys_army_holds_the_meeting_in_its_own_city():
    sentences = ["Vice Secretary of the Can Tho Party Committee Tran Van Khanh hosted a reception for a delegation "
                 "of the Royal Cambodian Army led by General Sok Dara on May 4.",
                 "The two sides discussed cooperation between the army and the city."]
    meeting = only_meeting(sentences, published=date(2031, 5, 5))
    assert (meeting.place, meeting.country) == ("Can Tho", "VN")


def test_a_joint_drill_at_a_gendarmerie_centre_stays_other_whoever_holds_it():
    trigger = "The two armies launched a joint flood rescue drill at the gendarmerie training centre on Monday."
    assert refine_mechanism("other", [None, None], OFFICIALS, RULES, trigger, trigger=trigger) == "other"
    gifts = "The border guards presented gifts to the gendarmerie post on Monday."
    assert refine_mechanism("other", [None, None], OFFICIALS, RULES, gifts, trigger=gifts) == "border_force_talks"


def test_a_deal_signed_on_a_weekday_is_a_signing_of_that_day_not_placed_where_its_project_will_be_built():
    sentences = ["On Saturday, the state news agency reported that General Sok Dara of the Cambodian defence ministry "
                 "and Colonel Le Van Nam, Vietnam's defence attache, inked a deal on Friday under which Vietnam will "
                 "build a library in Kampot for the Cambodian army."]
    meeting = only_meeting(sentences, published=date(2031, 5, 5))
    assert (meeting.mechanism, meeting.date_start, meeting.place) == ("signing_ceremony", date(2031, 5, 2), None)


def test_a_leads_word_to_reporters_after_the_meeting_is_dated_by_the_sentence_before_not_by_the_arrival():
    sentences = ["Cambodian Defence Minister General Sok Dara said on Wednesday that the border was calm.",
                 "\"Patrols will go on,\" he said to journalists following their talks with Vietnamese Defence Minister "
                 "General Le Van Nam.",
                 "The Vietnamese minister had landed in Phnom Penh on Tuesday for a visit of four days."]
    meeting = only_meeting(sentences, published=date(2031, 5, 8))
    assert (meeting.date_start, meeting.date_precision) == (date(2031, 5, 7), "day")


def test_a_joint_anniversary_ceremony_reported_as_held_is_an_other_event():
    sentences = ["A ceremony marking the 30th anniversary of the joint victory was held in Tay Ninh on May 5.",
                 "Addressing the event, Major General Le Van Nam, Commander of the provincial Military Command, "
                 "thanked Cambodian Deputy Governor Sok Dara for attending."]
    meeting = only_meeting(sentences, published=date(2031, 5, 6))
    assert (meeting.mechanism, meeting.date_start, meeting.place) == ("other", date(2031, 5, 5), "Tay Ninh")
    assert meetings_of(["A ceremony marking the 30th anniversary of the joint victory will be held in Tay Ninh.",
                        sentences[1]], date(2031, 5, 6)) == []


def test_a_speech_at_an_anniversary_event_both_sides_attend_is_an_other_event_not_dated_by_the_history_it_recalls():
    sentences = ["Speaking at the event held on the occasion of the 30th anniversary of the victory (May 4, 2001 - 2031), "
                 "Vietnamese Ambassador Le Van Nam recalled the help given to overthrow the regime on May 4, 2001.",
                 "General Sok Dara of the Cambodian defence ministry led a delegation of officers to the event."]
    meeting = only_meeting(sentences)
    assert (meeting.mechanism, meeting.date_start.year) == ("other", 2031)


def test_a_country_a_title_posts_its_holder_to_is_not_the_holders_country():
    from defcoop.extract.meetings import infer_countries
    sentence = "The aid was confirmed by Vietnamese military attache to Cambodia Colonel Le Van Nam."
    found = infer_countries(load_officials().find_people([sentence]), [sentence])
    assert [(m.person, m.country) for m in found] == [("Le Van Nam", "VN")]


def test_a_common_vietnamese_surname_written_one_letter_off_still_names_a_vietnamese():
    from defcoop.extract.meetings import infer_countries
    sentence = "Col Ngyen Van Nam, defence attache, cut the ribbon."
    found = infer_countries(load_officials().find_people([sentence]), [sentence])
    assert [(m.person, m.country, m.name_as_written) for m in found] == [("Nguyen Van Nam", "VN", "Ngyen Van Nam")]


def test_a_site_in_the_capital_with_no_name_places_the_meeting_in_the_host_countrys_capital():
    sentences = ["Speaking at the event held on the occasion of the 30th anniversary of the victory, Vietnamese "
                 "Ambassador to Cambodia Le Van Nam thanked the Cambodian army.",
                 "A new memorial in the capital honours the fallen of both armies.",
                 "General Sok Dara of the Cambodian defence ministry led a delegation of officers to the event."]
    meeting = only_meeting(sentences, published=date(2031, 5, 5))
    assert (meeting.place, meeting.country) == ("Phnom Penh", "KH")


# --- enfix19: the day first, then a signing, on a working visit to a capital -----------------------

def test_a_signing_dated_by_its_weekday_earlier_in_the_sentence_is_a_signing_ceremony():
    sentence = "On a working trip to the Lao capital Vientiane on Friday, the colonel signed an agreement on patrols."
    assert find_trigger([sentence], RULES) == (0, "signing_ceremony")
    assert find_trigger(["The minister recalled on Monday that both sides signed an agreement in 2010."], RULES) is None


def test_a_working_visit_to_a_named_capital_places_the_meeting_there():
    assert find_place(["On a working trip to the Lao capital Vientiane on Friday, the colonel signed an agreement."]) == \
        ("Vientiane", "LA")


def test_a_place_in_a_relative_clause_about_the_fallen_is_not_the_venue():
    # batch 67: the provinces reviewed the search for remains of soldiers "who fell in" a province: where they fell
    assert find_place(["The two committees reviewed the search for volunteers who fell in Kratie province."]) == (None, None)
    assert find_place(["The review, which was held in Kratie province, ended at noon."]) == ("Kratie", "KH")


def test_one_sides_troops_rescuing_the_other_sides_people_from_a_flood_is_a_joint_event():
    # batch 67: a border unit, asked by the other side's post, rescues its soldiers and villagers from a flood
    assert RULES.mechanisms_in("Troops of a Lao border post rescued Vietnamese villagers and drivers from the landslide.") \
        == ["other"]
    assert RULES.mechanisms_in("Border troops will be ready to rescue Cambodian villagers if the river floods.") == []


@pytest.mark.parametrize("text", [
    "Deputy Minister A received a delegation from the Vietnamese Defence Attache's Office on May 3.",
    "The secretary of state met a delegation of the military attache office of the Cambodian embassy.",
    "The general welcomed the Military Attache Office's delegation.",
    "He received a delegation of the Vietnamese Embassy in Phnom Penh.",
    "The minister hosted an embassy delegation."])
def test_sub_ministerial_guests_name_a_delegation_of_an_attache_office_or_an_embassy(text):
    assert RULES.sub_ministerial_guests.search(_fold(text))


@pytest.mark.parametrize("text", [
    "The minister received a delegation led by the defence attache, Colonel A.",
    "The minister received a Cambodian delegation at the embassy's request.",
    "Two delegations of the armies met at the border."])
def test_sub_ministerial_guests_need_the_office_or_the_embassy_as_the_delegation(text):
    assert not RULES.sub_ministerial_guests.search(_fold(text))


def test_a_deputy_minister_receiving_an_attache_offices_unnamed_delegation_holds_no_ministerial_talks():
    banh = next(m for m in OFFICIALS.find_people(["Tea Banh met them."]) if m.person == "Tea Banh")
    guests = "Tea Banh met a Vietnamese military attache office delegation in Kampot."
    assert refine_mechanism("ministerial_talks", [None, banh], OFFICIALS, RULES, guests, trigger=guests) == "other"
    delegation = "Tea Banh met a Vietnamese delegation in Kampot."
    assert refine_mechanism("ministerial_talks", [None, banh], OFFICIALS, RULES, delegation,
                            trigger=delegation) == "ministerial_talks"


def test_a_meeting_with_a_veterans_associations_chairman_is_no_defence_meeting():
    page = ["On May 3, Minister of Social Welfare Sok Vanna held a meeting with Senior Colonel Le Van Tam, chairman "
            "of the Quang Tri Veterans' Association, who leads a visiting delegation.",
            "They agreed to share the experience of the two armies' veterans."]
    assert meetings_of(page, date(2021, 5, 4)) == []
    # the same page with a defence official instead is a meeting
    defence = [s.replace("Minister of Social Welfare Sok Vanna", "Deputy Defence Minister Sok Vanna")
               .replace("chairman of the Quang Tri Veterans' Association", "Commander of Military Region 4")
               for s in page]
    assert meetings_of(defence, date(2021, 5, 4))


def test_a_session_where_the_two_delegations_review_their_work_is_a_meeting():
    page = ["Deputy Defence Minister Hoang Xuan Chien headed the Vietnamese delegation, while the Cambodian "
            "side was headed by Sok Dara, Secretary of State at a Cambodian ministry.",
            "At the session, the two delegations reviewed the repair of five memorials."]
    (meeting,) = meetings_of(page, date(2022, 9, 1))
    assert (meeting.mechanism, meeting.vn_lead, meeting.kh_lead) == ("other", "Hoang Xuan Chien", "Sok Dara")
    # a session of one side's assembly is no meeting of the two
    assert meetings_of(["At the session, deputies of the assembly approved the budget."], date(2022, 9, 1)) == []


def test_a_friendship_exchange_held_by_culture_departments_is_no_defence_meeting():
    page = ["The Department of Culture of Kampot, with the arts office of Kien Giang, organised a friendship "
            "exchange on May 3 in Ha Tien.",
            "Artists of both provinces and a border guard band performed at the event."]
    assert meetings_of(page, date(2024, 5, 5)) == []


# --- a second event named in the trigger sentence (co_named_events of meetings.yaml) -----------------------

def _fields(meeting):
    return (meeting.mechanism, meeting.date_start, meeting.date_end, meeting.date_precision, meeting.place,
            meeting.country, meeting.vn_lead, meeting.kh_lead, meeting.edition)


_TALKS = "Gen. Phan Van Giang held talks with Gen. Tea Seiha in Kampot on May 4"
_AFTER = "They agreed to train more officers."


def test_a_joint_drill_the_leads_witnessed_in_the_trigger_sentence_is_a_meeting_of_its_own():
    first, drill = meetings_of([_TALKS + ", and later witnessed a joint flood rescue drill of the two armies.", _AFTER],
                               date(2024, 5, 6))
    (alone,) = meetings_of([_TALKS + ".", _AFTER], date(2024, 5, 6))
    assert _fields(first) == _fields(alone)      # the first meeting stays as it is
    assert _fields(drill) == ("other", date(2024, 5, 4), date(2024, 5, 4), "day", "Kampot", "KH",
                              "Phan Van Giang", "Tea Seiha", None)
    assert (first.key, drill.key) == (0, 1)


def test_the_three_ministers_meeting_joined_on_a_visit_takes_the_visits_date_and_only_the_leads_the_sentence_names():
    page = ["Vietnamese Defence Minister Gen. Phan Van Giang paid an official visit to Laos from May 3 to 5, during "
            "which he attended a yearly meeting with his Cambodian and Lao counterparts.",
            "In Vientiane he also held talks with Gen. Tea Seiha, Cambodia's defence minister."]
    first, trilateral = meetings_of(page, date(2024, 5, 6))
    assert (first.mechanism, first.vn_lead, first.kh_lead, first.place) == (
        "ministerial_talks", "Phan Van Giang", "Tea Seiha", "Vientiane")
    # the visit's dates; no Cambodian named in the sentence, no place (only the country) named in it
    assert _fields(trilateral) == ("trilateral_ministers_meeting", date(2024, 5, 3), date(2024, 5, 5),
                                   first.date_precision, None, "LA", "Phan Van Giang", None, None)
    assert trilateral.date_precision == "month"


@pytest.mark.parametrize("clause", [
    ", and the two ministers are to observe a joint rescue drill of the two navies next week.",       # a plan
    ", recalling a deal struck at a meeting with Lao and Cambodian defence ministers.",                 # background
    ", a year after he witnessed a joint rescue drill of the two navies in May 2023.",                  # recalled, dated
])
def test_an_event_the_trigger_sentence_names_as_plan_or_background_is_no_meeting(clause):
    (only,) = meetings_of([_TALKS + clause, _AFTER], date(2024, 5, 6))
    assert only.mechanism == "ministerial_talks"


def test_an_event_named_with_a_first_meeting_of_undecided_year_is_no_meeting():
    page = ["On May 4, Gen. Phan Van Giang held talks with Gen. Tea Seiha in Kampot and witnessed a joint flood "
            "rescue drill of the two armies.", _AFTER]
    (only,) = meetings_of(page)
    assert (only.mechanism, only.date_precision) == ("ministerial_talks", "unknown")


def test_each_co_named_event_pattern_needs_one_group_named_by_a_mechanism():
    from defcoop.extract.meetings import _co_named_event_patterns
    from defcoop.rules import RuleFileError, parse_rules

    good = parse_rules("co_named_events:\n  patterns: ['witnessed (?P<other>a joint drill)']\n"
                       "  must_match: ['he witnessed a joint drill']\n", "meetings.yaml")
    assert [m for m, _regex in _co_named_event_patterns(good)] == ["other"]
    for bad in ("witnessed (?P<parade>a joint drill)", "witnessed a joint drill"):
        rules = parse_rules(f"co_named_events:\n  patterns: ['{bad}']\n  must_match: ['he witnessed a joint drill']\n",
                            "meetings.yaml")
        with pytest.raises(RuleFileError, match="co_named_events"):
            _co_named_event_patterns(rules)
