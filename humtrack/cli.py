"""The ``humtrack`` command line: a thin layer over the library.

Exit codes: 0 success; 1 the input was read but fails validation; 2 usage
errors and unreadable input. Bad input gets a one-line message, never a
traceback.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Sequence
from typing import Final, NoReturn

import pandas as pd

from humtrack import __version__
from humtrack.errors import HumtrackError, SchemaError
from humtrack.io import read, validate

__all__ = ["main"]

EXIT_OK: Final = 0
EXIT_INVALID: Final = 1
EXIT_USAGE: Final = 2

_SHOW_COLUMNS: Final = (
    "claim_id",
    "metric",
    "group",
    "kind",
    "figure",
    "unit",
    "location",
    "location_code",
    "period",
    "source_id",
    "attributed_to",
    "quote",
)


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

    p = sub.add_parser("show", help="print claims readably")
    p.add_argument("path", help="claims table (.csv or .json)")
    p.add_argument(
        "--columns", help="comma-separated columns to show (default: a readable selection)"
    )
    p.add_argument("--width", type=int, default=None, help="line width (default: the terminal's)")
    return parser


def _figure_column(frame: pd.DataFrame) -> pd.Series:
    from humtrack.claimset import ClaimSet

    claims = ClaimSet._trusted(frame)
    return pd.Series([str(c.estimate) for c in claims], index=frame.index, dtype="string")


def _period_column(frame: pd.DataFrame) -> pd.Series:
    start = frame["period_start"].dt.strftime("%Y-%m-%d").fillna("..")
    end = frame["period_end"].dt.strftime("%Y-%m-%d")
    joined: pd.Series = (start + "/" + end).where(start != end, end)
    return joined


def _show(args: argparse.Namespace) -> int:
    claims = read(args.path)
    frame = claims.frame
    view = frame.copy()
    view["figure"] = _figure_column(frame)
    view["period"] = _period_column(frame)
    columns = args.columns.split(",") if args.columns else list(_SHOW_COLUMNS)
    unknown = [c for c in columns if c not in view.columns]
    if unknown:
        raise HumtrackError(f"unknown column(s) for show: {', '.join(unknown)}")
    width = args.width or shutil.get_terminal_size((160, 24)).columns
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
    return EXIT_OK


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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    handlers = {"validate": _validate, "show": _show}
    try:
        return handlers[args.command](args)
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
