from __future__ import annotations

import humtrack as ht


def test_all_is_sorted_and_complete() -> None:
    assert list(ht.__all__) == sorted(ht.__all__)
    for name in ht.__all__:
        assert hasattr(ht, name), name


def test_public_functions_are_there() -> None:
    for name in ("read", "write", "read_sources", "validate", "ClaimSchema", "SourceSchema"):
        assert name in ht.__all__


def test_package_ships_its_type_marker_and_data() -> None:
    from importlib import resources

    root = resources.files("humtrack")
    assert root.joinpath("py.typed").is_file()
    for name in ("metrics.csv", "groups.csv", "vague.csv", "units.txt", "countries.csv"):
        assert root.joinpath("data").joinpath(name).is_file(), name
