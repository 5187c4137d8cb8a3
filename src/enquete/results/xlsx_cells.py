"""The workbook's cells: text that stays text, and a few looks shared as named styles.

openpyxl keeps a cell's look as indexes into the workbook's lists of fonts,
alignments and number formats. Giving a cell an `Alignment(...)` of its own
builds the object and hashes it to find its index, cell after cell: at 150
respondents, 35,000 of them were most of the workbook's 4.3 s. A named style
is registered once per workbook and a cell takes it by name; it also shows in
Excel's style gallery, so an analyst can restyle every header at once.
"""

from __future__ import annotations

import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, NamedStyle
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
HEADING = "Enquete Heading"
"""Table headers and the question's text: bold, wrapped in their column, from the top."""
TEXT = "Enquete Text"
"""Text that wraps in its column (labels, comments, anything over one line), from the top."""
FIGURE = "Enquete Figure"
"""A number beside wrapped text: on its first line."""
SHARE = "Enquete Share"
"""An exact fraction shown as a percentage, on its label's first line."""
SHARE_BY_COUNT = "Enquete Share Left"
"""A share in a column a comment table below made wide: beside its count, not 60 characters away."""
DATE = "Enquete Date"
"""An answer that is a date, as 2025-05-02 (a workbook's default would show a serial number)."""
WRAPPED = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
TOP_LEFT = Alignment(horizontal="left", vertical="top", indent=1)


def add_styles(workbook: Workbook) -> None:
    """Register the named styles in `workbook`, once, before any cell takes one."""
    for style in (
        NamedStyle(name=HEADING, font=Font(bold=True), alignment=WRAPPED),
        NamedStyle(name=TEXT, alignment=WRAPPED),
        NamedStyle(name=FIGURE, alignment=TOP),
        NamedStyle(name=SHARE, alignment=TOP, number_format="0%"),
        NamedStyle(name=SHARE_BY_COUNT, alignment=TOP_LEFT, number_format="0%"),
        NamedStyle(name=DATE, alignment=TOP, number_format="yyyy-mm-dd"),
    ):
        workbook.add_named_style(style)


def safe_text(text: str) -> str:
    """Text a workbook can hold: characters XML forbids become U+FFFD; everything else verbatim."""
    return str(ILLEGAL_CHARACTERS_RE.sub("\ufffd", text))


def put(sheet: Worksheet, row: int, column: int, value: Any, style: str | None = None) -> None:
    """Write `value` in a cell with a named style; text is never a formula, whatever it starts with.

    Text over several lines wraps (TEXT) unless another style is given; a date is
    shown as a date (DATE).
    """
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = safe_text(value)
        cell.data_type = "s"
        if style is None and "\n" in value:
            style = TEXT
    else:
        cell.value = value
        if style is None and isinstance(value, datetime.date):
            style = DATE
    if style is not None:
        cell.style = style
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell.quotePrefix = True  # after the style, which resets it
