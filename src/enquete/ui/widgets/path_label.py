"""A file's path drawn on as many lines as it needs, broken only after its separators.

The terminal (and Rich) wraps a long path at the last space or cell that
fits, cutting a folder or the file name in two; a person then cannot read it
whole or select it to copy. `path_lines` chooses the breaks; this widget
asks it again whenever its width changes.
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from enquete.text import path_lines


class PathLabel(Widget):
    """Shows `path` (made inert: never markup, no control sequences) broken at separators."""

    DEFAULT_CSS = "PathLabel { height: auto; }"

    def __init__(self, path: str, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.path = path

    def render(self) -> Content:
        return Content("\n".join(path_lines(self.path, self.size.width or 60)))
