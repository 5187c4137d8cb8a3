"""Lines of typed text drawn with a hanging indent, wrapped to the width the widget has.

Rich wraps a long line back to the left margin, so the second line of one
office's bullet looks like a new office. Each `Line` here keeps its indent
on every wrapped piece. Text is made printable and never parsed as markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.widget import Widget

from enquete.text import one_line, printable, text_width, wrap_cells


@dataclass(frozen=True)
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
    return [Line(part.expandtabs(4), indent, style) for part in printable(text).strip("\n").split("\n")]


class WrappedLines(Widget):
    """Draws `Line`s for the width it has; `show` replaces them."""

    DEFAULT_CSS = "WrappedLines { height: auto; }"

    def __init__(self, lines: list[Line], empty: str = "", classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self.lines, self.empty = lines, empty

    def show(self, lines: list[Line]) -> None:
        self.lines = lines
        self.refresh(layout=True)

    def render(self) -> Content:
        width = self.size.width or 60
        parts: list[Content] = []
        for line in self.lines:
            pieces = wrap_cells(line.text, width - line.indent)
            if line.hang and len(pieces) > 1:
                rest = " ".join(pieces[1:])
                pieces = [
                    pieces[0],
                    *(" " * line.hang + p for p in wrap_cells(rest, width - line.indent - line.hang)),
                ]
            for piece in pieces:
                parts.append(
                    Content.styled(" " * line.indent + piece, line.style)
                    if line.style
                    else Content(" " * line.indent + piece)
                )
        if not parts:
            return Content(self.empty)
        return Content("\n").join(parts)
