"""Which finalized response to edit, when the folder holds more than a few: type to narrow, Enter opens.

An office's folder holds its own file, listed on the home screen as it is.
A Secretariat's holds hundreds: listed one per line, they pushed "View
results" hundreds of lines down the home screen. There they are one entry,
which opens this list.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from enquete.text import fold
from enquete.ui.content import file_label, tr
from enquete.ui.widgets.end_stop_option_list import EndStopOptionList
from enquete.ui.widgets.one_line_input import OneLineInput


class FinalizedListDialog(ModalScreen[Path | None]):
    """Returns the file chosen, or None. Up and Down move in the list while the filter has the keys."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("escape", "dismiss(None)", show=False),
        Binding("down", "move(1)", show=False),
        Binding("up", "move(-1)", show=False),
        Binding("pagedown", "move(10)", show=False),
        Binding("pageup", "move(-10)", show=False),
    ]

    def __init__(self, files: Sequence[Path], language: str) -> None:
        super().__init__()
        self.files = list(files)
        self.language = language
        self.labels = [file_label(path, language) for path in self.files]
        self.folded = [fold(label) for label in self.labels]

    def compose(self) -> ComposeResult:
        with Vertical():
            title = tr("finalized.title", self.language, count=len(self.files))
            yield Static(title, classes="dialog-title", markup=False)
            yield OneLineInput(placeholder=tr("finalized.filter", self.language), id="filter")
            yield EndStopOptionList(*self._options(""), id="files")

    def on_mount(self) -> None:
        self.query_one("#files", OptionList).highlighted = 0
        self.query_one("#filter", Input).focus()

    def _options(self, text: str) -> list[Option]:
        wanted = fold(text.strip())
        found = [
            Option(Content(label), id=str(index))
            for index, (label, folded) in enumerate(zip(self.labels, self.folded, strict=True))
            if wanted in folded
        ]
        if not found:
            return [Option(Content(tr("finalized.none", self.language)), disabled=True)]  # no id: never opens
        return found

    @on(Input.Changed, "#filter")
    def _narrow(self, event: Input.Changed) -> None:
        files = self.query_one("#files", OptionList)
        files.set_options(self._options(event.value))
        files.highlighted = 0 if files.option_count and not files.get_option_at_index(0).disabled else None

    def action_move(self, step: int) -> None:
        """Move the highlight, stopping at either end (a held key does not wrap round)."""
        files = self.query_one("#files", OptionList)
        if files.option_count == 0 or files.get_option_at_index(0).disabled:
            return
        current = files.highlighted if files.highlighted is not None else -1
        files.highlighted = max(0, min(files.option_count - 1, current + step))

    @on(Input.Submitted, "#filter")
    def _open_highlighted(self) -> None:
        files = self.query_one("#files", OptionList)
        if files.highlighted is not None:
            self._open(files.get_option_at_index(files.highlighted).id)

    @on(OptionList.OptionSelected, "#files")
    def _open_selected(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option.id)

    def _open(self, option_id: str | None) -> None:
        if option_id is not None:
            self.dismiss(self.files[int(option_id)])
