"""The figure checks: every rule has a failing and a passing example, and the seeds pass."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

import humtrack as ht
from humtrack.checks import FINDING_COLUMNS, RULES, Findings
from humtrack.errors import UsageError
from tests.conftest import SEEDS

SOURCES = SEEDS / "sources.csv"


def seeds() -> pd.DataFrame:
    return ht.read(SEEDS / "claims.csv").frame.copy()


def add(frame: pd.DataFrame, base: int, claim_id: str, **changes: Any) -> pd.DataFrame:
    """Append a copy of row ``base`` with some cells changed."""
    row = frame.iloc[[base]].copy()
    row["claim_id"] = claim_id
    for column, value in _with_offsets(changes).items():
        row[column] = value
    return pd.concat([frame, row], ignore_index=True)


def set_cells(frame: pd.DataFrame, row: int, **changes: Any) -> pd.DataFrame:
    frame = frame.copy()
    for column, value in _with_offsets(changes).items():
        frame.loc[row, column] = value
    return frame


def _with_offsets(changes: dict[str, Any]) -> dict[str, Any]:
    """A new quote without offsets gets offsets that span it (as if it opened its text)."""
    quote = changes.get("quote")
    if isinstance(quote, str) and "quote_start" not in changes:
        return {**changes, "quote_start": 0, "quote_end": len(quote)}
    return changes


def day(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)


def codes_of(findings: Findings) -> set[str]:
    return set(findings.frame["code"])


# Each planted defect: the rule it must trip, and how to plant it in the seed claims (row 4 is
# "the displacement of more than 200,000 people between May 1 and 16" in SY07).
PLANTED: dict[str, Callable[[pd.DataFrame], pd.DataFrame]] = {
    "P002": lambda f: set_cells(
        f, 4, quote_start=f.at[4, "quote_start"] + 2, quote_end=f.at[4, "quote_end"] + 2
    ),
    "P003": lambda f: set_cells(f, 4, value=20000.0, lower=20000.0),
    "P004": lambda f: set_cells(f, 4, qualifier="exact", upper=200000.0),
    "P005": lambda f: add(
        f, 4, "x1", quote="more than 2,000 families fled", value=2000.0, lower=2000.0
    ),
    "P006": lambda f: set_cells(f, 4, quote=pd.NA, quote_start=pd.NA, quote_end=pd.NA),
    "P007": lambda f: set_cells(f, 4, source_id="s999"),
    "D001": lambda f: set_cells(f, 4, period_end=day("2019-06-30")),
    "D002": lambda f: set_cells(f, 0, period_start=day("2017-12-01"), period_end=day("2017-12-01")),
    "D003": lambda f: set_cells(f, 2, period_start=day("2017-09-01")).pipe(
        lambda g: set_cells(g, 2, quote="More than 200 people have been killed since September 19.")
    ),
    "D004": lambda f: set_cells(
        f, 4, period_start=day("2019-05-07"), period_end=day("2019-05-07")
    ).pipe(lambda g: set_cells(g, 4, quote="the displacement of more than 200,000 people in May")),
    "C001": lambda f: add(
        f,
        4,
        "x1",
        source_id="s002",
        value=50000.0,
        lower=np.nan,
        upper=np.nan,
        qualifier="approx",
        precision=10000.0,
        quote="about 50,000 people",
    ),
    "C002": lambda f: add(
        f,
        2,
        "x1",
        source_id="s002",
        period_end=day("2017-10-20"),
        value=100.0,
        lower=100.0,
        upper=100.0,
        qualifier="exact",
        quote="100 people have been killed",
    ),
    "I001": lambda f: add(f, 2, "x1", source_id="s001", attributed_to="the Observatory").pipe(
        lambda g: set_cells(g, 2, attributed_to="The Observatory")
    ),
    "W001": lambda f: add(
        f,
        4,
        "x1",
        location_code="SY",
        value=100000.0,
        lower=np.nan,
        upper=np.nan,
        qualifier="approx",
        precision=10000.0,
        quote="about 100,000 people",
    ),
    # the whole differs in place and period at once: Syria for all of May
    "W003": lambda f: add(
        f,
        4,
        "x1",
        location_code="SY",
        period_end=day("2019-05-31"),
        value=150000.0,
        lower=150000.0,
        upper=150000.0,
        qualifier="exact",
        precision=1.0,
        quote="150,000 people",
    ),
    "W002": lambda f: (
        add(
            f,
            2,
            "x1",
            value=45.0,
            lower=45.0,
            upper=45.0,
            qualifier="exact",
            precision=1.0,
            quote="45 killed",
            period_start=day("2017-10-01"),
            period_end=day("2017-10-01"),
        )
        .pipe(
            lambda g: add(
                g,
                len(g) - 1,
                "x2",
                group="women",
                value=30.0,
                lower=30.0,
                upper=30.0,
                quote="30 women",
            )
        )
        .pipe(
            lambda g: add(
                g,
                len(g) - 1,
                "x3",
                group="children",
                value=20.0,
                lower=20.0,
                upper=20.0,
                quote="20 children",
            )
        )
    ),
    "R001": lambda f: add(
        f,
        8,
        "x1",
        metric="in_need",
        group="all",
        location_code="SY",
        value=30e6,
        lower=30e6,
        upper=30e6,
        period_start=day("2024-06-01"),
        period_end=day("2024-06-01"),
        quote="30 million people",
    ),
    "R002": lambda f: add(f, 2, "x1", value=3e6, lower=3e6, quote="3,000,000 people killed"),
    "R003": lambda f: add(f, 4, "x1", value=3e6, lower=3e6, quote="3,000,000 people displaced"),
    "K001": lambda f: set_cells(f, 0, period_start=day("2017-01-01"), period_end=day("2017-12-31")),
    "K002": lambda f: set_cells(f, 1, kind="flow", period_start=day("2017-10-01")),
    "K003": lambda f: set_cells(f, 4, period_start=pd.NaT),
}


def test_the_seeds_have_no_errors() -> None:
    findings = ht.check(SEEDS / "claims.csv", sources=SOURCES)
    assert findings.ok, findings.to_text()
    # the seeds' flows with no start (s001-c07, s002-c01) are warned about, nothing else
    assert set(findings.frame["code"]) == {"K003"}
    assert sorted(findings.frame["claim_ids"]) == ["s001-c07", "s002-c01"]


@pytest.mark.parametrize("code", sorted(PLANTED))
def test_each_planted_defect_is_found_with_its_code(code: str) -> None:
    planted = PLANTED[code](seeds())
    findings = ht.check(planted, sources=SOURCES, select=[code])
    assert code in codes_of(findings), findings.to_text()
    # the same rule on the clean seeds is silent (K003's failing cases are in the seeds themselves)
    clean = seeds()
    if code == "K003":
        clean = clean[clean["period_start"].notna() | (clean["kind"] == "stock")]
    assert code not in codes_of(ht.check(clean, sources=SOURCES, select=[code]))


def test_every_rule_is_exercised_by_a_planted_defect() -> None:
    assert set(RULES) - set(PLANTED) == {"P001", "P008"}  # the two below, on the texts


def test_a_changed_source_text_and_a_missing_one(tmp_path: Path) -> None:
    sources = ht.read_sources(SOURCES)
    texts = {
        sid: (SEEDS / str(path)).read_text(encoding="utf-8")
        for sid, path in zip(sources["source_id"], sources["path"], strict=True)
    }
    texts["s001"] = texts["s001"] + "\nEdited later."
    findings = ht.check(seeds(), sources=SOURCES, texts=texts, select=["P001", "P002"])
    assert codes_of(findings) == {"P001"}
    assert "s001" in findings.frame["message"].iloc[0]
    moved = sources.copy()
    moved.loc[moved["source_id"] == "s002", "path"] = "gone.txt"
    moved.attrs["base_dir"] = str(SEEDS)
    findings = ht.check(seeds(), sources=moved, select=["P008"])
    assert list(findings.frame["source_ids"]) == ["s002"]
    assert "no such file" in findings.frame["message"].iloc[0]
    assert findings.ok  # info only


def test_quote_offsets_report_where_the_quote_is() -> None:
    planted = PLANTED["P002"](seeds())
    findings = ht.check(planted, sources=SOURCES, select=["P002"])
    message = findings.frame["message"].iloc[0]
    start = int(seeds().at[4, "quote_start"])
    assert f"it is at {start}-" in message


def test_conflict_message_states_both_figures_and_who_said_them() -> None:
    findings = ht.check(PLANTED["C001"](seeds()), sources=SOURCES, select=["C001"])
    row = findings.frame.iloc[0]
    assert row["claim_ids"] == "s001-c01, x1"
    assert "more than 200,000" in row["message"]
    assert "about 50,000" in row["message"]
    assert "source s001" in row["message"]
    assert "source s002" in row["message"]
    assert "do not overlap" in row["message"]
    assert row["value"] == 200000
    assert row["compared_to"] == 60000


def test_conflicts_need_the_same_quantity() -> None:
    # another place, another group or another period: no conflict
    f = seeds()
    for changes in (
        {"location_code": "SY02"},
        {"group": "children"},
        {"period_start": day("2019-06-01"), "period_end": day("2019-06-05")},
    ):
        g = add(
            f,
            4,
            "x1",
            value=50000.0,
            lower=np.nan,
            upper=np.nan,
            qualifier="approx",
            precision=10000.0,
            quote="about 50,000 people",
            **changes,
        )
        assert "C001" not in codes_of(ht.check(g, select=["C001"])), changes


def test_a_stock_window_conflicts_with_a_day_inside_it() -> None:
    f = add(
        seeds(),
        0,
        "x1",
        period_start=day("2017-10-01"),
        period_end=day("2017-10-31"),
        value=1e6,
        lower=1e6,
        upper=1e6,
        quote="1 million Syrian refugees",
    )
    assert "C001" in codes_of(ht.check(f, select=["C001"]))


def test_independent_sources_are_not_flagged() -> None:
    f = add(
        seeds(),
        2,
        "x1",
        source_id="s001",
        attributed_to="Another monitor",
        quote="Over 200 killed, a monitor said",
    )
    assert "I001" not in codes_of(ht.check(f, select=["I001"]))
    # the same words in two sources are one originator even without attribution
    g = add(seeds(), 2, "x1", source_id="s001")
    findings = ht.check(g, select=["I001"])
    assert "I001" in codes_of(findings)
    assert findings.frame["compared_to"].iloc[0] == 1


def test_reference_populations_can_be_replaced(tmp_path: Path) -> None:
    planted = PLANTED["R002"](seeds())
    path = tmp_path / "ref.csv"
    path.write_text("location_code,population,year\nSY07,9000000,2017\n", encoding="utf-8")
    assert "R002" not in codes_of(ht.check(planted, reference=path, select=["R"]))
    assert "R002" in codes_of(ht.check(planted, select=["R"]))


def test_an_old_reference_does_not_judge_a_stock() -> None:
    # 3.5 million civilians in Idlib in 2019, against a 2011 registry of 2.07 million: not judged
    assert "R001" not in codes_of(ht.check(seeds(), select=["R001"]))


def test_select_and_ignore_take_codes_prefixes_and_names() -> None:
    planted = PLANTED["K001"](PLANTED["P003"](seeds()))
    assert codes_of(ht.check(planted, select=["P"])) <= {c for c in RULES if c.startswith("P")}
    assert "K001" in codes_of(ht.check(planted, select="stock-over-long-window"))
    assert "P003" not in codes_of(ht.check(planted, ignore=["P003", "K"]))
    with pytest.raises(UsageError, match="unknown rule"):
        ht.check(planted, select=["Z9"])


def test_an_invalid_table_is_refused_with_its_report() -> None:
    bad = seeds()
    bad.loc[0, "value"] = -5.0
    with pytest.raises(ht.SchemaError) as info:
        ht.check(bad)
    assert info.value.report is not None
    assert not info.value.report.ok


def test_findings_api() -> None:
    findings = ht.check(PLANTED["P003"](seeds()), sources=SOURCES)
    assert not findings.ok
    assert len(findings.errors) == 1
    assert findings.errors.frame["code"].iloc[0] == "P003"
    assert findings.claim_ids(0)
    assert "P003" in findings.summary()
    assert list(findings.frame.columns) == list(FINDING_COLUMNS)
    assert findings.to_text().splitlines()[0].startswith("P003 error")
    assert next(iter(findings))["code"] == "P003"


def test_every_rule_is_documented() -> None:
    for code, rule in RULES.items():
        assert rule.code == code
        assert rule.severity in {"error", "warning", "info"}
        assert rule.summary
        assert rule.explanation
        assert rule.example
        assert code in rule.describe()


def test_no_pairwise_blowup_on_many_claims_of_one_quantity() -> None:
    # 3,000 stocks of one quantity on one day: grouped, not compared pair by pair
    f = seeds()
    base = f.iloc[[0]]
    many = pd.concat([base] * 3000, ignore_index=True)
    many["claim_id"] = [f"m{i}" for i in range(3000)]
    many["value"] = many["lower"] = many["upper"] = np.arange(3000, dtype=float) * 1000 + 1000
    findings = ht.check(many, select=["C001"])
    assert len(findings) == 1  # one finding for the group, naming its extremes
    assert findings.frame["claim_ids"].iloc[0] == "m2999, m0"


def test_the_readme_rules_table_is_the_registry() -> None:
    from humtrack.checks.rules import rules_markdown

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert rules_markdown() in readme


@pytest.mark.parametrize(
    ("whole", "parts"),
    [
        ("SY", ["SY0700", "SY0800"]),
        ("NG", ["NG001", "NG002"]),
        ("UA0502", ["UA0502001", "UA0502003"]),
    ],
)
def test_parts_are_summed_into_their_nearest_whole_at_any_depth(
    whole: str, parts: list[str]
) -> None:
    f = seeds().iloc[[2]].copy()  # more than 200 killed in SY07
    rows = [f.assign(claim_id="whole", location_code=whole, value=100.0, lower=100.0, upper=100.0,
                     qualifier="exact", precision=1.0)]  # fmt: skip
    rows += [
        f.assign(
            claim_id=f"part{i}",
            location_code=code,
            value=60.0,
            lower=60.0,
            upper=60.0,
            qualifier="exact",
            precision=1.0,
        )
        for i, code in enumerate(parts)
    ]
    findings = ht.check(pd.concat(rows, ignore_index=True), select=["W001"])
    assert findings.frame["claim_ids"].tolist() == ["whole, part0, part1"]


def test_an_empty_selection_of_rules_is_an_error_not_a_clean_table() -> None:
    from humtrack.checks.rules import select_rules

    with pytest.raises(ht.HumtrackError, match="names no rule"):
        select_rules([])
    with pytest.raises(ht.HumtrackError, match="names no rule"):
        select_rules([""])
    assert select_rules(None) == [r.code for r in ht.rules()]


def _killed(
    claim_id: str, code: str, value: float, start: str, end: str, group: str = "all"
) -> dict[str, Any]:
    quote = f"{value:,.0f} killed"
    return {
        "claim_id": claim_id,
        "source_id": "s1",
        "metric": "killed",
        "kind": "flow",
        "group": group,
        "value": value,
        "lower": value,
        "upper": value,
        "qualifier": "exact",
        "precision": 1.0,
        "location": "somewhere",
        "location_code": code,
        "period_start": day(start),
        "period_end": day(end),
        "quote": quote,
        "quote_start": 0,
        "quote_end": len(quote),
    }


def test_a_part_nested_in_place_group_and_period_is_compared_with_its_whole() -> None:
    claims = pd.DataFrame(
        [
            _killed("idlib", "SY07", 300, "2024-01-01", "2024-01-10"),
            _killed("syria", "SY", 250, "2024-01-01", "2024-01-31"),
            _killed("children", "SY0702", 260, "2024-01-03", "2024-01-05", group="children"),
            _killed("aleppo", "SY02", 100, "2024-01-01", "2024-01-10"),  # fits
        ]
    )
    findings = ht.check(claims).frame
    assert set(findings["code"]) == {"W003"}  # no other rule compares these pairs
    # one finding for the whole, with the parts above it, highest first
    assert findings["claim_ids"].tolist() == ["syria, idlib, children"]
    message = findings["message"].iloc[0]
    assert message.startswith(
        "claim syria (source s1) says 250 killed in SY 2024-01-01..2024-01-31"
    )
    assert "2 claims inside it" in message
    assert "claim children says 260 killed (children) in SY0702 2024-01-03..2024-01-05" in message
    assert findings["value"].tolist() == [299.5]  # the floor of "300" (to the nearest one)
    assert findings["compared_to"].tolist() == [250.5]


def test_a_whole_below_many_parts_is_one_finding_naming_the_highest() -> None:
    days = pd.date_range("2024-01-01", "2024-01-30").strftime("%Y-%m-%d")
    claims = pd.DataFrame(
        [_killed("month", "SY", 10, "2024-01-01", "2024-01-31")]
        + [_killed(f"d{i}", "SY07", 20 + i, d, d) for i, d in enumerate(days)]
    )
    findings = ht.check(claims, select=["W003"]).frame
    assert len(findings) == 1
    message = findings["message"].iloc[0]
    assert "30 claims inside it" in message
    assert "; and 27 more" in message
    assert "claim d29 says 49 killed" in message  # the highest part first


def test_pairs_other_rules_compare_are_not_reported_twice() -> None:
    claims = pd.DataFrame(
        [
            _killed("syria", "SY", 250, "2024-01-01", "2024-01-31"),
            _killed("idlib", "SY07", 300, "2024-01-01", "2024-01-31"),  # W001's
            _killed("women", "SY", 260, "2024-01-01", "2024-01-31", group="women"),  # W002's
            _killed("week", "SY", 270, "2024-01-01", "2024-01-07"),  # C002's: the same start
        ]
    )
    findings = ht.check(claims).frame
    assert sorted(findings["code"]) == ["C002", "W001", "W002"]


def test_claims_with_no_place_hold_no_other_claim() -> None:
    # two articles that name no place: nothing says the one's place holds the other's
    floods = _killed("floods", "SY", 317, "2024-01-05", "2024-01-10")
    clashes = _killed("clashes", "SY", 251, "2024-01-01", "2024-01-31")
    for claim in (floods, clashes):
        claim["location_code"] = None
        claim["location"] = None
    assert ht.check(pd.DataFrame([floods, clashes]), select=["W003"]).frame.empty


def test_a_code_on_an_alpha3_prefix_is_not_in_the_country_of_its_first_letters() -> None:
    claims = pd.DataFrame(
        [
            _killed("chile", "CHL13", 317, "2024-01-05", "2024-01-10"),
            _killed("switzerland", "CH", 251, "2024-01-01", "2024-01-31"),
        ]
    )
    assert ht.check(claims, select=["W001", "W003"]).frame.empty


def test_an_uncoded_place_compares_its_own_windows_here() -> None:
    # C002 compares only coded places: a week inside the month of one camp is compared here
    week = _killed("week", "SY", 317, "2024-01-20", "2024-01-31")
    month = _killed("month", "SY", 251, "2024-01-01", "2024-01-31")
    for claim in (week, month):
        claim["location_code"] = None
        claim["location"] = "Camp 4"
    findings = ht.check(pd.DataFrame([week, month])).frame
    assert findings["code"].tolist() == ["W003"]
    assert findings["claim_ids"].tolist() == ["month, week"]
