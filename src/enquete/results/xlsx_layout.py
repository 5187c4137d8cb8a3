"""How the workbook's sheets are laid out: names, print setup, and rows as tall as their text.

openpyxl does not fit a row's height to its text, and LibreOffice keeps the
heights a file gives (rows without one stay one line high): a multi-line
comment printed its lines over the next rows (new-user trial). So every row
holding wrapped text is given a height, estimated from the lines its text
takes when wrapped at spaces in its column.
"""

from __future__ import annotations

from functools import lru_cache

from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from enquete.text import text_width

SHEET_NAME_LIMIT = 31
"""Excel's longest sheet name."""
LINE_HEIGHT = 15.0
"""Points per line of 11-point text, as Excel sets a row of one line."""


@lru_cache(maxsize=4096)  # the same option labels on thousands of rows of the Responses sheet
def wrapped_lines(text: str, width: float) -> int:
    """About how many lines `text` takes, wrapped at spaces in a column `width` characters wide.

    A column's width counts the digit "0" of the default font. Prose is
    narrower, letter for letter: a fifth or more in Calibri (Excel) and in
    LibreOffice's stand-ins; it is taken to be a tenth narrower (CJK twice as
    wide as a digit), which errs towards a line too many rather than text
    printed over the next row. A word longer than the line (a URL) is broken.
    """
    capacity = max(int(width * 1.1) - 1, 1)
    total = 0
    for line in text.rstrip("\n").split("\n"):  # a comment's closing newline shows nothing
        lines, used = 1, 0
        for word in line.split(" "):
            size = text_width(word)
            if used and used + 1 + size > capacity:
                lines, used = lines + 1, 0
            if used:
                used += 1 + size
            else:
                lines += (max(size, 1) - 1) // capacity
                used = size - (max(size, 1) - 1) // capacity * capacity
        total += lines
    return total


def row_height(lines: int) -> float:
    """The height in points of a row showing `lines` lines."""
    return LINE_HEIGHT * max(lines, 1)


def sheet_name(number: int, title: str) -> str:
    """The sheet of question 4 is "Q4 Current focus": at most 31 characters, none of []:*?/\\."""
    cleaned = " ".join("".join(" " if c in "[]:*?/\\" else c for c in title).split())
    name = f"Q{number} {cleaned}"
    if len(name) <= SHEET_NAME_LIMIT:
        return name
    cut = name[: SHEET_NAME_LIMIT + 1].rsplit(" ", 1)[0]  # at a word (regression: "... implementation l")
    return (cut if len(cut) > len(f"Q{number}") else name[:SHEET_NAME_LIMIT]).rstrip(" ,;.-")


def unique_name(name: str, taken: set[str]) -> str:
    """`name`, or `name` shortened with " (2)", " (3)"...: Excel refuses two sheets named alike (any case)."""
    candidate, suffix = name, 1
    while candidate.casefold() in taken:
        suffix += 1
        tail = f" ({suffix})"
        candidate = name[: SHEET_NAME_LIMIT - len(tail)].rstrip() + tail
    taken.add(candidate.casefold())
    return candidate


def print_setup(sheet: Worksheet, *, title_rows: str | None = "1:1") -> None:
    """Landscape, as wide as one page, its header row on every page (regression: 152 PDF pages)."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    if title_rows:
        sheet.print_title_rows = title_rows
