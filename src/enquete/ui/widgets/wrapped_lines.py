"""Lines of typed text drawn with a hanging indent, wrapped to the width the widget has.

Rich wraps a long line back to the left margin, so the second line of one
office's bullet looks like a new office. Each `Line` here keeps its indent
on every wrapped piece. Text is made printable and never parsed as markup.

A question's comments run to thousands of rows (150 offices' bulleted
paragraphs), so the widget draws through Textual's line API: the lines are
wrapped once per width (and each wrapped line is remembered across sections
and filters), and only the rows on screen are turned into strips. Wrapping
every comment and drawing the whole text on each frame took seconds a key.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from textual.content import Content
from textual.geometry import Size
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual
from textual.widget import Widget

from enquete.text import one_line, printable, text_width, wrap_cells


@dataclass(frozen=True, slots=True)
class Line:
    """One line to draw: its text, its indent in cells, and a style ("" for none)."""

    text: str
    indent: int = 0
    style: str = ""
    hang: int = 0
    """Extra indent of the wrapped pieces after the first: "AU   Australia, ..." wraps under the name."""


def pad(text: str, width: int) -> str:
    """`text` on one line, cut and padded to exactly `width` terminal cells (CJK counts two)."""
    cut = one_line(text, width)
    return cut + " " * max(0, width - text_width(cut))


def text_lines(text: str, indent: int, style: str = "") -> list[Line]:
    """A multi-line typed text as `Line`s, one per typed line, each made printable."""
    return list(_typed_lines(text, indent, style))


@lru_cache(maxsize=4_096)
def _typed_lines(text: str, indent: int, style: str) -> tuple[Line, ...]:
    """Remembered, like `rows_of`: a section shown again, or filtered again, makes no new objects
    (thousands of them a section, and with them the collector's full passes over the heap)."""
    return tuple(Line(part.expandtabs(4), indent, style) for part in printable(text).strip("\n").split("\n"))


Row = tuple[str, str]
"""One row on screen: its text, indent included, and its style."""


@lru_cache(maxsize=50_000)
def rows_of(line: Line, width: int) -> tuple[Row, ...]:
    """The rows `line` is drawn as in `width` cells: its pieces, each indented, under its style.

    Remembered: moving back to a section, or widening a filter again, wraps nothing anew.
    A row wider than `width` (a pane narrower than an indent and four cells) is folded again,
    so nothing is drawn past the edge.
    """
    pieces = wrap_cells(line.text, width - line.indent)
    if line.hang and len(pieces) > 1:
        rest = " ".join(pieces[1:])
        pieces = [
            pieces[0],
            *(" " * line.hang + p for p in wrap_cells(rest, width - line.indent - line.hang)),
        ]
    rows: list[Row] = []
    for piece in pieces:
        text = " " * line.indent + piece
        if text_width(text) > width:
            rows += ((part, line.style) for part in wrap_cells(text, width))
        else:
            rows.append((text, line.style))
    return tuple(rows)


def _content(row: Row) -> Content:
    text, style = row
    return Content.styled(text, style) if style else Content(text)


class WrappedLines(Widget):
    """Draws `Line`s for the width it has, the rows on screen only; `show` replaces them."""

    DEFAULT_CSS = "WrappedLines { height: auto; }"

    def __init__(self, lines: list[Line], empty: str = "", classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self.lines, self.empty = lines, empty
        self._rows: tuple[int, list[Row]] = (-1, [])

    def show(self, lines: list[Line]) -> None:
        """Draw `lines` instead: the rows are wrapped again (from memory where seen before)."""
        self.lines = lines
        self._rows = (-1, [])
        self.refresh(layout=True)

    def rows(self, width: int) -> list[Row]:
        """Every row the lines take at `width` cells, worked out once per width."""
        if self._rows[0] != width:
            rows: list[Row] = []
            for line in self.lines:
                rows += rows_of(line, width)
            self._rows = (width, rows)
        return self._rows[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not self.lines:
            return super().get_content_height(container, viewport, width)
        return len(self.rows(width))

    def render(self) -> Content:
        """The whole text, one row a line: what copying a selection reads (drawing uses `render_line`)."""
        if not self.lines:
            return Content(self.empty)
        return Content("\n").join(_content(row) for row in self.rows(self.size.width or 60))

    def render_line(self, y: int) -> Strip:
        """Row `y` alone, with the part of a mouse selection that falls on it."""
        width = self.size.width
        if not self.lines or not width:
            return super().render_line(y)
        rows = self.rows(width)
        if not 0 <= y < len(rows):
            return Strip.blank(width, self.visual_style.rich_style)
        content = _content(rows[y])
        selection = self.text_selection
        if selection is not None and (span := selection.get_span(y)) is not None:
            start, end = span
            style = Style.from_styles(self.screen.get_component_styles("screen--selection"))
            content = content.stylize(style, start, len(content) if end == -1 else end)
        strip = Visual.to_strips(self, content, width, 1, self.visual_style, apply_selection=False)[0]
        return strip.apply_offsets(0, y)  # the row's place in the whole text, for selecting with the mouse
