"""Plain-text tables for the management commands: left-aligned columns, long cells cut short."""

from __future__ import annotations

from collections.abc import Sequence

from tracker.sources.sanitising import strip_controls


def truncate(text: str, width: int) -> str:
    """`text`, cut to `width` characters with an ellipsis when it is longer."""
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Left-aligned columns separated by two spaces, with a rule under the header. Cells lose their
    control characters and line breaks: what a feed said must not drive the operator's terminal."""
    rows = [[_one_line(cell) for cell in row] for row in rows]
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=False)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(str(cell).ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()

    return [line(headers), line(["-" * width for width in widths]), *(line(row) for row in rows)]


def _one_line(cell: object) -> str:
    return " ".join(strip_controls(str(cell)).split())
