"""A menu of items above the highlighted item's reading: the shape of the results' "By …" views.

By respondent and By option differ only in what the menu lists and what an
item's reading says; moving through the menu, redrawing the reading and
telling the screen where it stands (to keep the place on reload) is here.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from enquete.ui.widgets.end_stop_option_list import EndStopOptionList
from enquete.ui.widgets.wrapped_lines import Line, WrappedLines


class MenuWithReading(Vertical):
    """A short option list and, under it, the lines the highlighted item reads as."""

    DEFAULT_CSS = """
    MenuWithReading { height: auto; }
    MenuWithReading OptionList { height: auto; max-height: 7; }
    """

    class Chosen(Message):
        """The highlighted item changed; the screen keeps its place for a reload."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, labels: list[str], index: int = 0, empty: str = "") -> None:
        """Args:
        labels: one line per item, already printable and cut to fit.
        index: the item highlighted first (kept in range).
        empty: what the reading says when there is no item at all.
        """
        super().__init__()
        self.labels = labels
        self.index = max(0, min(index, len(labels) - 1))
        self.empty = empty

    def reading(self, index: int) -> list[Line]:
        """The lines item `index` reads as; each view says its own."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        menu = EndStopOptionList(*(Option(Content(label)) for label in self.labels))
        if self.labels:
            menu.highlighted = self.index
        yield menu
        yield WrappedLines(self._lines(), self.empty)

    def _lines(self) -> list[Line]:
        return self.reading(self.index) if self.labels else []

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index != self.index:
            self.index = event.option_index
            self.query_one(WrappedLines).show(self._lines())
            self.post_message(self.Chosen(self.index))
