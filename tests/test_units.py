from __future__ import annotations

import pint
import pytest

from humtrack import vocab
from humtrack.units import is_unit, ureg


def test_households_convert_to_people_only_through_a_household_size() -> None:
    households = ureg.Quantity(100, "household")
    with pytest.raises(pint.DimensionalityError):
        households.to("person")
    people = households.to("person", "household_size", household_size=6.5)
    assert people.magnitude == pytest.approx(650)
    back = people.to("household", "household_size", household_size=6.5)
    assert back.magnitude == pytest.approx(100)


def test_countables_do_not_mix() -> None:
    with pytest.raises(pint.DimensionalityError):
        ureg.Quantity(3, "facility").to("site")
    with pytest.raises(pint.DimensionalityError):
        ureg.Quantity(3, "person").to("event")


def test_every_vocabulary_unit_is_in_the_registry() -> None:
    assert all(is_unit(u) for u in vocab.UNITS)
    assert ureg.Quantity(15, "km").to("m").magnitude == 15_000


def test_metric_units_are_vocabulary_units() -> None:
    assert {m.unit for m in vocab.METRICS.values()} <= set(vocab.UNITS)


def test_unknown_text_is_not_a_unit() -> None:
    assert not is_unit("kilopeople?")
    assert not is_unit("")
