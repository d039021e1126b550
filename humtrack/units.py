"""The one pint registry of humtrack, defined by ``humtrack/data/units.txt``.

People, households, facilities, sites and events each have a dimension of
their own, so they never convert into one another by accident. Households
convert to people only inside the ``household_size`` context.

Examples
--------
>>> from humtrack.units import ureg
>>> q = ureg.Quantity(100, "household")
>>> q.to("person", "household_size", household_size=6).magnitude
600.0
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Any, Final

import pint

__all__ = ["is_countable", "is_unit", "ureg"]

_NAME: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\s*(?:\*\*|[*/^])\s*[A-Za-z0-9_]+)*")


def _build_registry() -> pint.UnitRegistry[Any]:
    registry: pint.UnitRegistry[Any] = pint.UnitRegistry(cache_folder=None)
    source = resources.files("humtrack").joinpath("data").joinpath("units.txt")
    with resources.as_file(source) as path:
        registry.load_definitions(str(path))
    return registry


ureg: Final[pint.UnitRegistry[Any]] = _build_registry()


def is_unit(name: str) -> bool:
    """Tell whether ``name`` is a unit the registry knows.

    Examples
    --------
    >>> is_unit("household"), is_unit("km"), is_unit("kilopeople?")
    (True, True, False)
    """
    if not _NAME.fullmatch(name):
        return False
    try:
        ureg.Unit(name)
    except (pint.errors.UndefinedUnitError, ValueError, AttributeError, TypeError):
        return False
    except Exception:  # pint raises assorted parser errors on arbitrary text
        return False
    return True


def _counted_dimensions() -> frozenset[str]:
    """The base dimensions ``units.txt`` defines for things counted one by one."""
    text = resources.files("humtrack").joinpath("data").joinpath("units.txt").read_text("utf-8")
    return frozenset(re.findall(r"=\s*(\[\w+\])", text))


_COUNTED: Final = _counted_dimensions()


def is_countable(name: str) -> bool:
    """Tell whether ``name`` counts whole things (people, households, facilities ...).

    A count of people is a whole number: "1 tank" rounded to the unit still means one.
    Lengths, areas and unknown units are not countable.

    Examples
    --------
    >>> is_countable("person"), is_countable("families"), is_countable("km"), is_countable("?")
    (True, True, False, False)
    """
    if not is_unit(name):
        return False
    dims = dict(ureg.Unit(name).dimensionality)
    return len(dims) == 1 and next(iter(dims)) in _COUNTED and next(iter(dims.values())) == 1
