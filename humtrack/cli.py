"""The ``humtrack`` command line: a thin layer over the library.

Exit codes: 0 success; 1 the input was read but fails validation; 2 usage
errors and unreadable input. Bad input gets a one-line message, never a
traceback.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Final, NoReturn, TextIO

import pandas as pd

from humtrack import __version__
from humtrack.claimset import DISPLAY_COLUMNS, display_frame, period_text
from humtrack.errors import AggregationError, HumtrackError, SchemaError, UsageError
from humtrack.io import json as json_io
from humtrack.io import read, validate
from humtrack.ledger import LedgerError
from humtrack.schema import CLAIM_DTYPES

__all__ = ["main"]

EXIT_OK: Final = 0
EXIT_INVALID: Final = 1
EXIT_USAGE: Final = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"humtrack: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="humtrack", description="Check and track the figures humanitarian reports carry."
    )
    parser.add_argument("--version", action="version", version=f"humtrack {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("validate", help="check a claims table against the schema")
    p.add_argument("path", help="claims table (.csv or .json)")
    p.add_argument(
        "--format",
        choices=("text", "csv", "json"),
        default="text",
        help="how to print the failures (default: text)",
    )

    p = sub.add_parser("extract", help="propose the figures of text files as candidate claims")
    p.add_argument("paths", nargs="+", help="text files (UTF-8)")
    p.add_argument(
        "--sources", help="sources table; files are matched by sha256, path or file name"
    )
    p.add_argument("-o", "--output", help="write the candidates here (format by extension)")
    p.add_argument(
        "--format",
        choices=("csv", "json", "table"),
        default=None,
        help="output format (default: by the output's extension, else CSV)",
    )
    p.add_argument(
        "--compare",
        metavar="CLAIMS",
        help="recorded claims to show the candidates against (precision and recall)",
    )

    p = sub.add_parser(
        "check", help="check figures against their sources, each other and the world"
    )
    p.add_argument("path", help="claims table (.csv or .json)")
    p.add_argument("--sources", help="sources table (publication dates; texts by path)")
    p.add_argument(
        "--reference", help="reference population table (default: the one shipped with humtrack)"
    )
    p.add_argument(
        "--select", help="comma-separated rule codes, prefixes or names to run (default: all)"
    )
    p.add_argument("--ignore", help="comma-separated rule codes, prefixes or names to leave out")
    p.add_argument(
        "--format",
        choices=("text", "csv", "json"),
        default="text",
        help="how to print the findings (default: text)",
    )

    p = sub.add_parser("rules", help="list the rules of `check`, or explain one")
    p.add_argument("code", nargs="?", help="a rule code or name to explain")

    p = sub.add_parser(
        "triangulate", help="one row per quantity: its claims, sources, range and preferred figure"
    )
    p.add_argument("path", help="claims table (.csv or .json)")
    p.add_argument("--sources", help="sources table (publication dates, reliability)")
    p.add_argument("--by", help="comma-separated columns to group on instead of the quantity")
    p.add_argument(
        "--prefer",
        help="comma-separated order of credibility, reliability, recency, precision",
    )
    _output_arguments(p)

    p = sub.add_parser("total", help="add figures up across places or periods, with bounds")
    p.add_argument("path", help="claims table (.csv or .json)")
    p.add_argument(
        "--over",
        default="location",
        help="location, period, or both as location,period (default: location)",
    )
    p.add_argument("--metric", help="only this metric (comma-separated for several)")
    p.add_argument("--kind", choices=["stock", "flow"], help="only stocks or only flows")
    p.add_argument("--group", help="only this group (comma-separated for several)")
    p.add_argument("--within", help="only places whose code starts with this (SY07)")
    p.add_argument(
        "--resolve",
        choices=["widest", "narrowest"],
        help="where figures nest, keep the containing or the contained ones",
    )
    p.add_argument("--sources", help="sources table (used to triangulate)")
    _output_arguments(p)

    p = sub.add_parser("convert", help="convert a claims table between formats (by extension)")
    p.add_argument("source", help="claims table to read (.csv, .json, .parquet, .hxl ...)")
    p.add_argument("target", help="file to write; its extension names the format")
    p.add_argument("--sources", help="sources table (HXL output: publication dates, URLs)")

    p = sub.add_parser("ledger", help="record claims in a ledger that keeps every revision")
    ledger = p.add_subparsers(dest="ledger_command", required=True, parser_class=_Parser)
    q = ledger.add_parser("add", help="record new claims (all of them or none)")
    q.add_argument("ledger", help="ledger file (SQLite; created if missing)")
    q.add_argument("claims", help="claims table to add")
    q.add_argument("--sources", help="sources table to record with them")
    q.add_argument("--by", help="who records them")
    q = ledger.add_parser("log", help="the revisions of a ledger, or of one claim")
    q.add_argument("ledger", help="ledger file")
    q.add_argument("claim_id", nargs="?", help="only this claim's revisions")
    q = ledger.add_parser("export", help="write the claims as they stand now")
    q.add_argument("ledger", help="ledger file")
    q.add_argument("target", help="file to write; its extension names the format")
    q.add_argument("--as-of", help="the claims as they stood at this moment (ISO date or time)")

    p = sub.add_parser("report", help="write one self-contained HTML page of the figures")
    p.add_argument("path", help="claims table")
    p.add_argument("--sources", help="sources table (quotes in context, publishers, links)")
    p.add_argument("--reference", help="reference populations (CSV) instead of the shipped one")
    p.add_argument("-o", "--output", default="report.html", help="HTML file to write")
    p.add_argument("--title", default="Figures checked with humtrack", help="the page's title")

    p = sub.add_parser("show", help="print claims readably")
    p.add_argument("path", help="claims table (.csv or .json)")
    p.add_argument(
        "--columns", help="comma-separated columns to show (default: a readable selection)"
    )
    p.add_argument("--width", type=int, default=None, help="line width (default: the terminal's)")
    return parser


def _output_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", help="write the table here (.csv or .json)")
    p.add_argument(
        "--format",
        choices=["text", "csv", "json"],
        default="text",
        help="how to print the table when there is no --output (default: text)",
    )


def _bound_text(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.1f}"


def _range_column(lower: pd.Series, upper: pd.Series) -> list[str]:
    """ "200,000-250,000", "at least 200", "45" for each row's interval."""
    out = []
    for lo, hi in zip(lower.to_numpy(dtype=float), upper.to_numpy(dtype=float), strict=True):
        if hi == float("inf"):
            out.append(f"at least {_bound_text(lo)}")
        elif lo == hi:
            out.append(_bound_text(lo))
        else:
            out.append(f"{_bound_text(lo)}-{_bound_text(hi)}")
    return out


def _emit(table: pd.DataFrame, args: argparse.Namespace, text_columns: list[str]) -> None:
    """Write a result table to --output, or print it in --format."""
    if args.output:
        suffix = args.output.rsplit(".", 1)[-1].lower()
        if suffix == "csv":
            table.to_csv(args.output, index=False)
        elif suffix == "json":
            table.to_json(
                args.output, orient="records", indent=1, force_ascii=False, date_format="iso"
            )
        else:
            raise HumtrackError(f"cannot write {args.output!r}: use a .csv or .json file")
        print(f"{len(table)} rows written to {args.output}", file=sys.stderr)
    elif args.format == "csv":
        table.to_csv(sys.stdout, index=False)
    elif args.format == "json":
        table.to_json(sys.stdout, orient="records", indent=1, force_ascii=False, date_format="iso")
        print()
    else:
        view = table.copy()
        view["range"] = _range_column(table["lower"], table["upper"])
        view["period"] = period_text(table) if "period_end" in table else ""
        shown = [c for c in text_columns if c in view.columns]
        view = view[shown].astype(object).where(view[shown].notna(), "")
        with pd.option_context(
            "display.width", 250, "display.max_rows", 1000, "display.max_colwidth", 60
        ):
            print(view.to_string(index=False) if len(view) else "(no rows)")


def _triangulate(args: argparse.Namespace) -> int:
    from humtrack.aggregate import triangulate

    table = triangulate(
        read(args.path),
        sources=args.sources,
        by=args.by.split(",") if args.by else None,
        prefer=args.prefer.split(",")
        if args.prefer
        else ("credibility", "reliability", "recency", "precision"),
    )
    keys = list(table.columns[: list(table.columns).index("n_claims")])
    columns = [k for k in keys if k not in ("period_start", "period_end")]
    columns += ["period", "n_claims", "n_sources", "n_independent", "range", "central"]
    columns += ["preferred", "preferred_claim_id", "conflict"]
    _emit(table, args, columns)
    return EXIT_OK


def _total(args: argparse.Namespace) -> int:
    from humtrack.aggregate import total

    frame = read(args.path).frame
    keep = pd.Series(True, index=frame.index)
    for column, wanted in (("metric", args.metric), ("kind", args.kind), ("group", args.group)):
        if wanted:
            keep &= frame[column].astype(object).isin(_known_values(column, wanted))
    if args.within:
        keep &= frame["location_code"].fillna("").str.startswith(args.within)
    table = total(
        frame[keep.to_numpy(dtype=bool)],
        over=args.over.split(","),
        resolve=args.resolve,
        sources=args.sources,
    )
    keys = list(table.columns[: list(table.columns).index("n_quantities")])
    columns = [k for k in keys if k not in ("period_start", "period_end")]
    columns += ["period", "n_quantities", "n_claims", "range", "central", "left_out"]
    _emit(table, args, columns)
    return EXIT_OK


def _known_values(column: str, wanted: str) -> list[str]:
    """The comma-separated values of an option, each one of the column's vocabulary: a typo
    ("kiled") is an error, not an empty total."""
    import difflib

    from humtrack.vocab import vocabulary

    choices = vocabulary(column)
    values = [v.strip().lower() for v in wanted.split(",") if v.strip()]
    if not values:
        raise UsageError(f"--{column} names no {column}", code=column, value=wanted)
    for value in values:
        if value not in choices:
            close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else f" (one of {', '.join(choices)})"
            raise UsageError(f"unknown {column} {value!r}{hint}", code=column, value=value)
    return values


def _report(args: argparse.Namespace) -> int:
    from humtrack.report import report

    path = report(
        read(args.path),
        args.output,
        sources=args.sources,
        reference=args.reference,
        title=args.title,
    )
    print(f"report written to {path.resolve()}", file=sys.stderr)
    return EXIT_OK


def _convert(args: argparse.Namespace) -> int:
    from humtrack.io import write

    claims = read(args.source)
    path = write(claims, args.target, sources=args.sources)
    print(f"{len(claims)} claims written to {path}", file=sys.stderr)
    return EXIT_OK


def _ledger(args: argparse.Namespace) -> int:
    from humtrack.io import write
    from humtrack.ledger import Ledger

    if args.ledger_command != "add" and not Path(args.ledger).exists():
        raise HumtrackError(f"no such ledger: {args.ledger}")
    with Ledger(args.ledger) as ledger:
        if args.ledger_command == "add":
            added = ledger.add(args.claims, sources=args.sources, by=args.by)
            print(f"{added} claims added to {args.ledger}", file=sys.stderr)
        elif args.ledger_command == "log":
            history = ledger.history(args.claim_id)
            if history.empty:
                print(
                    f"{args.ledger}: no revisions"
                    + (f" of {args.claim_id}" if args.claim_id else "")
                )
                return EXIT_OK
            view = history[
                ["rev", "recorded_at", "action", "claim_id", "recorded_by", "reason"]
            ].copy()
            view["figure"] = _figure_column(history)
            view["recorded_at"] = view["recorded_at"].dt.strftime("%Y-%m-%d %H:%M:%S")
            view = view.astype(object).where(view.notna(), "")
            with pd.option_context("display.width", 200, "display.max_rows", 10000):
                print(view.to_string(index=False))
        else:
            claims = ledger.as_of(args.as_of) if args.as_of else ledger.current()
            write(claims, args.target)
            print(f"{len(claims)} claims written to {args.target}", file=sys.stderr)
    return EXIT_OK


def _figure_column(frame: pd.DataFrame) -> pd.Series:
    from humtrack.claimset import ClaimSet

    return display_frame(ClaimSet._trusted(frame[list(CLAIM_DTYPES)]))["figure"]


def _show(args: argparse.Namespace) -> int:
    claims = read(args.path)
    _print_table(claims.frame, args.columns, args.width)
    return EXIT_OK


def _print_table(
    frame: pd.DataFrame, columns_arg: str | None, width_arg: int | None = None
) -> None:
    from humtrack.claimset import ClaimSet

    view = display_frame(ClaimSet._trusted(frame))
    columns = columns_arg.split(",") if columns_arg else list(DISPLAY_COLUMNS)
    unknown = [c for c in columns if c not in view.columns]
    if unknown:
        raise HumtrackError(f"unknown column(s) for show: {', '.join(unknown)}")
    width = width_arg or shutil.get_terminal_size((160, 24)).columns
    view = view[columns].astype(object).where(view[columns].notna(), "")
    if "quote" in view:
        limit = max(30, width // 3)
        view["quote"] = [q if len(q) <= limit else q[: limit - 1] + "…" for q in view["quote"]]
    with pd.option_context(
        "display.width",
        width,
        "display.max_columns",
        None,
        "display.max_colwidth",
        max(30, width // 3),
        "display.max_rows",
        500,
    ):
        print(view.to_string(index=False))
    print(f"\n{len(frame)} claim{'s' if len(frame) != 1 else ''}")


def _validate(args: argparse.Namespace) -> int:
    report = validate(args.path)
    if args.format == "csv":
        report.failures.to_csv(sys.stdout, index=False)
    elif args.format == "json":
        report.failures.to_json(sys.stdout, orient="records", indent=1)
        print()
    else:
        print(report if not report.ok else f"{args.path}: {report.summary()}")
    return EXIT_OK if report.ok else EXIT_INVALID


def _check(args: argparse.Namespace) -> int:
    from humtrack.checks import check

    findings = check(
        read(args.path),
        sources=args.sources,
        reference=args.reference,
        select=args.select.split(",") if args.select else None,
        ignore=args.ignore.split(",") if args.ignore else None,
    )
    if args.format == "csv":
        findings.frame.to_csv(sys.stdout, index=False)
    elif args.format == "json":
        findings.frame.to_json(sys.stdout, orient="records", indent=1, force_ascii=False)
        print()
    else:
        print(findings.to_text() if len(findings) else f"{args.path}: no findings")
    return EXIT_OK if findings.ok else EXIT_INVALID


def _rules(args: argparse.Namespace) -> int:
    from humtrack.checks.rules import RULES, select_rules

    if args.code:
        for code in select_rules([args.code]):
            print(RULES[code].describe())
        return EXIT_OK
    width = max(len(r.name) for r in RULES.values())
    for rule in RULES.values():
        print(f"{rule.code}  {rule.severity:<7}  {rule.name:<{width}}  {rule.summary}")
    return EXIT_OK


def _extract(args: argparse.Namespace) -> int:
    from humtrack.extract import evaluate, extract_files
    from humtrack.extract.files import terminal_progress
    from humtrack.io import read_sources, write

    sources = read_sources(args.sources) if args.sources else None
    progress = terminal_progress if len(args.paths) > 1 and sys.stderr.isatty() else None
    found = extract_files(args.paths, sources=sources, progress=progress)
    fmt = args.format
    if fmt == "table" and args.output:
        raise UsageError(
            "--format table prints to the terminal; drop -o, or write csv or json with -o",
            code="format",
        )
    if args.compare and fmt in {"csv", "json"} and not args.output:
        raise UsageError(
            "--compare prints the comparison; write the candidates with -o to have both",
            code="format",
        )
    if args.output:
        written_as = _output_format(args.output, fmt)
        write(found, args.output, format=written_as)
        print(f"{len(found)} candidates written to {args.output}", file=sys.stderr)
    elif fmt == "table":
        _print_table(found.frame, None)
    elif fmt == "json":
        sys.stdout.write(json_io.dumps(found.frame))
    elif not args.compare:
        view = found.frame.copy()
        for name in ("period_start", "period_end"):
            view[name] = view[name].dt.strftime("%Y-%m-%d")
        view.to_csv(sys.stdout, index=False)
    if args.compare:
        recorded = read(args.compare)
        result = evaluate(found, recorded)
        _print_comparison(found.frame, recorded.frame, result.pairs)
        print(f"\n{result}")
    return EXIT_OK


def _output_format(output: str, fmt: str | None) -> str | None:
    """The format to write ``output`` in: the one asked for, which must agree with the file's
    extension when it has one that humtrack knows (no JSON written into ``x.csv``)."""
    from humtrack.io import FORMATS

    suffix = Path(output).suffix.lstrip(".").lower()
    if (
        fmt is not None
        and suffix in FORMATS
        and suffix != fmt
        and not (fmt == "csv" and output.lower().endswith(".hxl.csv"))
    ):
        raise UsageError(
            f"--format {fmt} does not match the extension of {output}; drop --format or name "
            f"the file .{fmt}",
            code="format",
            value=output,
        )
    return fmt


def _print_comparison(found: pd.DataFrame, recorded: pd.DataFrame, pairs: pd.DataFrame) -> None:
    from humtrack.claimset import ClaimSet

    figure_of = {c.claim_id: str(c.estimate) for c in ClaimSet._trusted(found)}
    figure_of.update({c.claim_id: str(c.estimate) for c in ClaimSet._trusted(recorded)})
    rows = []
    for pair in pairs.itertuples(index=False):
        recorded_id = pair.recorded_id if isinstance(pair.recorded_id, str) else None
        found_id = pair.found_id if isinstance(pair.found_id, str) else None
        status = (
            "found"
            if recorded_id and found_id and pair.metric_ok
            else (
                "other metric"
                if recorded_id and found_id
                else ("missed" if recorded_id else "extra")
            )
        )
        rows.append(
            {
                "recorded": recorded_id or "",
                "recorded figure": figure_of.get(recorded_id or "", ""),
                "recorded metric": getattr(pair, "recorded_metric", "") if recorded_id else "",
                "candidate figure": figure_of.get(found_id or "", ""),
                "candidate metric": pair.found_metric if found_id else "",
                "": status,
            }
        )
    table = pd.DataFrame(rows).fillna("")
    with pd.option_context("display.width", 200, "display.max_rows", 1000):
        print(table.to_string(index=False))


_UNREADABLE_LEDGER: Final = frozenset({"not_a_ledger", "not_a_file", "corrupt", "newer_schema"})


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """A warning on the command line: its message, not the place in humtrack it came from."""
    print(f"humtrack: warning: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    handlers = {
        "validate": _validate,
        "show": _show,
        "extract": _extract,
        "check": _check,
        "rules": _rules,
        "triangulate": _triangulate,
        "total": _total,
        "convert": _convert,
        "report": _report,
        "ledger": _ledger,
    }
    try:
        with warnings.catch_warnings():
            warnings.showwarning = _show_warning
            return handlers[args.command](args)
    except LedgerError as exc:
        print(f"humtrack: {exc}", file=sys.stderr)
        # a file that is no ledger (or one this version cannot read) is unreadable input
        return EXIT_USAGE if exc.code in _UNREADABLE_LEDGER else EXIT_INVALID
    except AggregationError as exc:
        print(f"humtrack: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except SchemaError as exc:
        print(f"humtrack: {exc}", file=sys.stderr)
        if exc.report is not None:
            print(exc.report, file=sys.stderr)
        return EXIT_INVALID
    except HumtrackError as exc:
        print(f"humtrack: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(
            f"humtrack: {exc.strerror or exc}: {getattr(exc, 'filename', '') or ''}".rstrip(": "),
            file=sys.stderr,
        )
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
