"""After submitting: where the file is, and what to do with it."""

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from enquete.ui.content import tr


class SubmittedDialog(ModalScreen[None]):
    """Says the response is saved at `path`, to be e-mailed to the Secretariat."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape,enter", "dismiss(None)", show=False)]

    def __init__(self, path: Path, revision: int, language: str) -> None:
        super().__init__()
        self.path, self.revision, self.language = path, revision, language

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(tr("submitted.title", self.language), classes="dialog-title", markup=False)
            yield Static(
                tr("submitted.body", self.language, path=str(self.path.resolve()), revision=self.revision),
                markup=False,
                id="submitted-body",
            )
            with Horizontal():
                yield Button(tr("button.ok", self.language), variant="primary", id="ok")

    def on_mount(self) -> None:
        self.query_one("#ok", Button).focus()

    def on_button_pressed(self) -> None:
        self.dismiss(None)
