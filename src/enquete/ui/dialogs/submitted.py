"""After submitting: where the file is, and what to do with it."""

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from enquete.text import printable
from enquete.ui.content import tr


class SubmittedDialog(ModalScreen[None]):
    """Says the response is saved at `path`, then what the questionnaire says to do with it."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape,enter", "dismiss(None)", show=False)]

    def __init__(self, path: Path, revision: int, language: str, after_submit: str = "") -> None:
        super().__init__()
        self.path, self.revision, self.language = path, revision, language
        self.after_submit = after_submit
        """The questionnaire's `after_submit` in the person's language ("" when it says nothing)."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(tr("submitted.title", self.language), classes="dialog-title", markup=False)
            body = tr("submitted.body", self.language, path=str(self.path.resolve()), revision=self.revision)
            if self.after_submit:
                body += "\n\n" + printable(self.after_submit)
            yield Static(body, markup=False, id="submitted-body")
            with Horizontal():
                yield Button(tr("button.ok", self.language), variant="primary", id="ok")

    def on_mount(self) -> None:
        self.query_one("#ok", Button).focus()

    def on_button_pressed(self) -> None:
        self.dismiss(None)
