"""Decoding files strictly, with messages that say where the bad bytes are."""

from __future__ import annotations

from pathlib import Path

from humtrack.errors import ReadError

__all__ = ["read_text"]


def read_text(path: Path) -> str:
    """Read a whole file as UTF-8 (a leading byte-order mark is dropped)."""
    data = path.read_bytes()
    if not data.strip():
        raise ReadError(f"{path} is empty", code="empty_file", value=str(path))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ReadError(
            f"{path} is not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start} (line {line}); "
            "save it as UTF-8 and try again",
            code="not_utf8",
            value=str(path),
        ) from None
