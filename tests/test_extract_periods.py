"""When extracted figures hold: the report's window a title gives, and the day an event began."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

import humtrack as ht


def _periods(text: str, published: date) -> list[tuple[float, object, object, str]]:
    found = ht.extract(text, source=ht.Source("s", published=published)).frame
    return [
        (v, None if pd.isna(s) else s.date(), None if pd.isna(e) else e.date(), m)
        for v, s, e, m in zip(
            found["value"], found["period_start"], found["period_end"], found["metric"], strict=True
        )
    ]


SITREP = (
    "IRAQ: Mosul Humanitarian Response – Situation Report No. 28 ({window})\n\n"
    "Partners report that 1,200 people fled the western neighbourhoods.\n"
)


@pytest.mark.parametrize(
    ("window", "start", "end"),
    [
        ("3 – 9 April 2017", date(2017, 4, 3), date(2017, 4, 9)),
        ("March 2017", date(2017, 3, 1), date(2017, 3, 31)),
    ],
)
def test_a_flow_with_no_date_of_its_own_counts_within_the_window_of_the_reports_title(
    window: str, start: date, end: date
) -> None:
    assert _periods(SITREP.format(window=window), date(2017, 4, 12)) == [
        (1200.0, start, end, "displaced")
    ]


def test_a_title_window_not_yet_over_or_in_a_sentence_dates_nothing() -> None:
    # the window ends after publication: a plan, not a report of what happened
    plan = "Response Plan (January – December 2017)\n\nPartners report that 1,200 people fled."
    assert _periods(plan, date(2017, 4, 12)) == [(1200.0, None, date(2017, 4, 12), "displaced")]
    # the first line is a sentence, not a title
    sentence = (
        "Fighting in April 2017 was heavy in the west of the city.\n\n"
        "Partners report that 1,200 people fled."
    )
    assert _periods(sentence, date(2017, 5, 12)) == [(1200.0, None, date(2017, 5, 12), "displaced")]


def test_a_title_window_is_not_the_period_of_a_stock_nor_of_a_dated_flow() -> None:
    text = (
        "Weekly Update | 18-24 June 2022\n\n"
        "On 20 June, 300 people fled Gimbi. The camp hosts 5,000 displaced people."
    )
    assert _periods(text, date(2022, 6, 27)) == [
        (300.0, date(2022, 6, 20), date(2022, 6, 20), "displaced"),
        (5000.0, date(2022, 6, 27), date(2022, 6, 27), "idps"),
    ]


def test_a_flow_counted_by_a_day_starts_when_the_reports_window_opens() -> None:
    text = (
        "Regional Overview: East Africa | 18-24 June 2022\n\n"
        "An estimated 2,000 households had arrived in Gimbi town by 22 June."
    )
    ((_, start, end, _),) = _periods(text, date(2022, 6, 28))
    assert (start, end) == (date(2022, 6, 18), date(2022, 6, 22))
    # a day outside the title's window keeps its open start
    later = text.replace("22 June", "30 June")
    ((_, start, end, _),) = _periods(later, date(2022, 7, 2))
    assert (start, end) == (None, date(2022, 6, 30))


def test_since_the_clashes_counts_from_the_day_the_text_says_the_fighting_erupted() -> None:
    text = (
        "Fighting that erupted on 27 August in towns along the Euphrates has continued. "
        "Health facilities report heavy caseloads.\n\n"
        "Some 6,500 families have fled nearby villages since the clashes began."
    )
    assert _periods(text, date(2023, 9, 8)) == [
        (6500.0, date(2023, 8, 27), date(2023, 9, 8), "displaced")
    ]


def test_a_stock_with_no_date_of_its_own_stands_on_the_day_of_the_reports_title() -> None:
    text = (
        "Mozambique: Tropical Cyclone Gombe\nFlash Update No. 4 (as of 17 March 2022)\n\n"
        "Some 23,000 people are staying in accommodation centres in Nampula city."
    )
    assert _periods(text, date(2022, 3, 18)) == [
        (23000.0, date(2022, 3, 17), date(2022, 3, 17), "idps")
    ]
    # a day in the title that is not the day the figures stand at (an event's) dates nothing
    event = text.replace("Flash Update No. 4 (as of 17 March 2022)", "Storm of 11 March 2022")
    assert _periods(event, date(2022, 3, 18)) == [
        (23000.0, date(2022, 3, 18), date(2022, 3, 18), "idps")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Since the war began, 1.2 million refugees have fled to neighbouring countries.",
        "To date, 1.2 million refugees have fled to neighbouring countries.",
        "A total of 1.2 million refugees have fled to neighbouring countries.",
    ],
)
def test_a_running_total_is_not_held_in_the_window_of_the_reports_title(sentence: str) -> None:
    text = f"Weekly Update (3 - 9 April 2024)\n\n{sentence}"
    ((_, start, end, _),) = _periods(text, date(2024, 4, 12))
    assert start != date(2024, 4, 3)
    assert end == date(2024, 4, 12)


def test_a_title_with_two_windows_reports_on_the_last() -> None:
    text = (
        "Sudan: April 2023 Conflict – Weekly Update (3 - 9 June 2023)\n\n"
        "Partners report that 1,200 people fled Khartoum."
    )
    assert _periods(text, date(2023, 6, 12)) == [
        (1200.0, date(2023, 6, 3), date(2023, 6, 9), "displaced")
    ]


def test_the_texts_own_word_for_an_event_comes_before_another_word_for_it() -> None:
    text = (
        "Since the war began, 2 million people have fled to Chad. On 20 April 2024, fighting "
        "erupted in El Fasher. The war erupted on 15 April 2023."
    )
    ((_, start, _, _),) = _periods(text, date(2024, 5, 1))
    assert start == date(2023, 4, 15)
    # another word for the event dates it only where the text says the event began
    forecast = (
        "Since the floods, 3,000 people have been displaced. More rain is forecast for 5 May."
    )
    ((_, start, _, _),) = _periods(forecast, date(2024, 5, 1))
    assert start is None


def test_a_title_ending_in_windows_line_breaks_still_dates_the_stocks_below() -> None:
    text = (
        "Flash Update No. 4 (as of 17 March 2022)\r\n\r\n"
        "Some 23,000 people are staying in accommodation centres in Nampula city."
    )
    ((_, start, end, _),) = _periods(text, date(2022, 3, 18))
    assert (start, end) == (date(2022, 3, 17), date(2022, 3, 17))
