"""What extracted figures count: people of mixed status, verbs of care and interception, and the
words that say a count of the displaced is a stock."""

from __future__ import annotations

from datetime import date

import humtrack as ht

PUBLISHED = ht.Source("s", published=date(2019, 5, 28))


def _counted(text: str) -> list[tuple[float, str, str]]:
    found = ht.extract(text, source=PUBLISHED).frame
    return list(zip(found["value"], found["metric"], found["kind"], strict=True))


def test_a_movement_of_refugees_and_migrants_together_is_other() -> None:
    assert _counted(
        "In 2018, 113,717 refugees and migrants arrived by sea in Spain, Italy and Greece."
    ) == [(113717.0, "other", "flow")]
    assert _counted("Some 105,000 migrants and asylum seekers crossed into Yemen.") == [
        (105000.0, "other", "flow")
    ]
    # refugees alone stay refugees; a stock of refugees and migrants abroad stays refugees
    assert _counted("Some 2,000 refugees crossed into Chad last week.") == [
        (2000.0, "refugees", "flow")
    ]
    assert _counted("Some 5.4 million refugees and migrants from Venezuela live abroad.") == [
        (5400000.0, "refugees", "stock")
    ]


def test_people_admitted_intercepted_or_pushed_back_are_counted_as_other() -> None:
    assert _counted(
        "Since October, 61 health workers have contracted cholera. The coast guard has "
        "intercepted more than 3,700 people at sea. Partners recorded 1,279 people pushed back "
        "from Croatia. Clinics admitted 420 children in March. About 700 people boarded buses."
    ) == [
        (61.0, "other", "flow"),
        (3700.0, "other", "flow"),
        (1279.0, "other", "flow"),
        (420.0, "other", "flow"),
        (700.0, "other", "flow"),
    ]


def test_displaced_people_a_place_hosted_are_a_stock_whatever_a_part_of_them_did_since() -> None:
    assert _counted(
        "The camps hosted an estimated 800,000 internally displaced people, many of them "
        "displaced since 2003."
    ) == [(800000.0, "idps", "stock")]
    assert _counted(
        "Zamzam camp was home to some 500,000 internally displaced people, most of them "
        "uprooted since 2004."
    ) == [(500000.0, "idps", "stock")]
    # without a word of a stock, "since" says a flow
    assert _counted("Some 80,000 people have been internally displaced since April.") == [
        (80000.0, "displaced", "flow")
    ]


def test_words_of_demolition_collapse_and_lost_roofs_say_places_were_damaged() -> None:
    assert _counted(
        "Bulldozers demolished 72 homes. The floods destroyed two dams. The quake brought down "
        "nine apartment blocks. On Carriacou about 150 houses lost their roofs. 40 homes were "
        "wrecked."
    ) == [
        (72.0, "facilities_damaged", "flow"),
        (2.0, "facilities_damaged", "flow"),
        (9.0, "facilities_damaged", "flow"),
        (150.0, "facilities_damaged", "flow"),
        (40.0, "facilities_damaged", "flow"),
    ]


def test_tents_and_latrines_are_damaged_only_when_a_word_says_so() -> None:
    assert _counted(
        "Tents destroyed: 4,970\nTents damaged: 16,750\n\nUNHCR distributed 5,000 tents. "
        "Some 283,000 latrines were reported damaged."
    ) == [
        (4970.0, "facilities_damaged", "flow"),
        (16750.0, "facilities_damaged", "flow"),
        (5000.0, "other", "flow"),
        (283000.0, "facilities_damaged", "flow"),
    ]


def test_a_phone_number_with_its_area_code_in_brackets_is_no_figure() -> None:
    assert _counted("Contact the focal point, tel. (0361) 251 177, or (+41) 22 917 1234.") == []
    # a change in brackets before a figure is no country code
    assert _counted("New cases this week (+12) 45 500 people were affected.") == [
        (12.0, "other", "flow"),
        (45500.0, "affected", "stock"),
    ]
    # a figure after a bracketed aside is still a figure
    assert _counted("In Bali (Indonesia) 12 000 people fled.") == [(12000.0, "displaced", "flow")]


def test_one_person_found_dead_drowned_past_an_aside_or_gone_missing_is_counted() -> None:
    assert _counted(
        "One man was found dead on arrival. One woman, a Haitian, drowned. One child went missing."
    ) == [(1.0, "killed", "flow"), (1.0, "killed", "flow"), (1.0, "missing", "flow")]
    # "one" before a place is still no count of people
    assert _counted("One camp, a site near the border, was flooded.") == []


def test_people_forced_or_driven_from_villages_or_towns_are_displaced() -> None:
    assert _counted(
        "Attacks have forced more than 10,000 Togolese from villages along the border. "
        "The fighting drove 5,000 people from towns in the east."
    ) == [(10000.0, "displaced", "flow"), (5000.0, "displaced", "flow")]


def test_a_river_that_burst_its_banks_damages_nothing_by_that_word() -> None:
    ((_, metric, _),) = _counted("The river burst its banks, affecting 3,000 houses.")
    assert metric != "facilities_damaged"


def test_one_person_is_counted_by_the_verb_after_an_aside_not_by_a_clause_in_it() -> None:
    assert _counted("One soldier, who was injured, was killed.") != [(1.0, "injured", "flow")]
    assert _counted("One boy was missing school for weeks.") == []


def test_the_children_of_a_parent_are_no_figure_and_the_parent_is_counted() -> None:
    # "three" is how many children she has, not three people found dead
    assert _counted("One woman, a mother of three, was found dead in her home.") == [
        (1.0, "killed", "flow")
    ]
    assert _counted("One man, a father of two young girls, was shot dead at the checkpoint.") == [
        (1.0, "killed", "flow")
    ]
    assert _counted("Among the dead was the father of five.") == []
    # past an aside, the casualty word after it gives the metric
    assert _counted("One nurse, a volunteer from Gaza City, was injured.") == [
        (1.0, "injured", "flow")
    ]


def test_a_group_and_others_like_it_are_counted_by_the_noun_after_them() -> None:
    assert _counted(
        "About 30,000 ethnic Rakhine and other non-Muslim residents have been displaced."
    ) == [(30000.0, "displaced", "flow")]
    found = ht.extract("Some 2,000 Yazidis and other minorities fled.", source=PUBLISHED).frame
    assert list(found["value"]) == [2000.0]
    # a verb and its own figure after "and" are not part of the noun phrase
    assert _counted("It killed 12 and other reports said 40 were injured.") == [
        (12.0, "killed", "flow"),
        (40.0, "injured", "flow"),
    ]


def test_a_persons_age_between_commas_is_no_figure_and_the_person_is_counted() -> None:
    assert _counted("One man, 45, was killed.") == [(1.0, "killed", "flow")]
    assert _counted("One boy, aged 12, drowned.") == [(1.0, "killed", "flow")]
    # a count after a person in a list is still a count
    assert _counted("The attack killed one woman, 12 children and 3 men.") == [
        (1.0, "killed", "flow"),
        (12.0, "killed", "flow"),
        (3.0, "killed", "flow"),
    ]


def test_number_words_are_no_things_a_figure_counts() -> None:
    assert _counted("1 twenty-one dozens") == []
    # nouns that end like number words are still things
    assert _counted("The authorities issued 1,200 travel passes.") == [(1200.0, "other", "flow")]
