"""Where extracted figures are: the items of a list by place."""

from __future__ import annotations

from datetime import date

import humtrack as ht

PUBLISHED = ht.Source("s", published=date(2024, 5, 1))


def _placed(text: str) -> list[tuple[float, str | None, str | None]]:
    found = ht.extract(text, source=PUBLISHED).frame
    return list(zip(found["value"], found["location"], found["location_code"], strict=True))


def test_an_item_of_a_list_by_place_is_where_its_own_name_says() -> None:
    # Kabul, Herat and Kunduz are in the gazetteer; Nangarhar and Paktia are not, and used to
    # take the place of the item after or before them
    assert _placed(
        "Flood deaths by province: Kabul 1, Herat 4, Nangarhar 13, Kunduz 16, Paktia 22."
    ) == [
        (1.0, "Kabul", "AF"),
        (4.0, "Herat", "AF"),
        (13.0, "Nangarhar", "AF"),
        (16.0, "Kunduz", "AF"),
        (22.0, "Paktia", "AF"),
    ]


def test_a_long_list_by_place_keeps_each_items_place_past_a_sentence_cut() -> None:
    names = ["Kabul", "Herat", "Kunduz", "Zabul", "Ghor", "Faryab", "Takhar", "Logar"] * 4
    text = "Flood deaths by province: " + ", ".join(
        f"{name} {i + 1}" for i, name in enumerate(names)
    )
    assert [location for _, location, _ in _placed(text)] == names


def test_a_name_before_a_figure_is_no_place_outside_a_list_by_place() -> None:
    found = _placed("In Idlib 12 people were killed, and in Aleppo 15, officials said.")
    assert [location for _, location, _ in found] == ["Idlib", "Aleppo"]
    # a list whose names are no places the gazetteer knows is no list by place
    assert all(
        location not in {"Men", "Women"}
        for _, location, _ in _placed("Of the 40 killed: Men 12, Women 15, Children 13.")
    )


def test_an_unknown_item_takes_the_country_of_its_own_list_only() -> None:
    # two lists in one paragraph: Tana River is in Kenya's list, Nangarhar in Afghanistan's
    assert _placed(
        "Flood deaths by county in Kenya: Mombasa 5, Nairobi 4, Tana River 3, Garissa 7, "
        "while in Afghanistan the dead were in Kabul 1, Herat 4, Kunduz 16 and Ghazni 22."
    )[2] == (3.0, "Tana River", "KE")
    assert _placed(
        "Flood deaths by province: Kabul 1, Herat 4, Nangarhar 13. In Kenya, floods killed 12 "
        "people: Mombasa 5, Nairobi 4, Garissa 3."
    )[2] == (13.0, "Nangarhar", "AF")


def test_no_country_is_guessed_for_an_unknown_item_of_a_list_of_countries() -> None:
    found = _placed(
        "People in need by country: Ethiopia 4,500,000, Kenya 2,100,000, Somaliland 800,000, "
        "Somalia 3,200,000."
    )
    assert found[2][0] == 800000.0
    assert found[2][2] != "ET"  # not the first country of the list


def test_a_total_or_a_group_in_a_list_by_place_is_no_place() -> None:
    found = _placed("Refugees by camp in Kenya: Kakuma 12,000, Dadaab 9,000, Total 21,000.")
    assert found[-1][0] == 21000.0
    assert found[-1][1] != "Total"
