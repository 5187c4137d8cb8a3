"""A yes/no question, answered with Enter/Y or Escape/N."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from enquete.ui.content import tr

CSS = "dialogs.tcss"


class ConfirmDialog(ModalScreen[bool]):
    """Asks before something a person may regret; returns True to go ahead."""

    CSS_PATH = CSS
    BINDINGS = [
        Binding("y", "answer(True)", show=False),
        Binding("n,escape", "answer(False)", show=False),
    ]

    def __init__(self, question: str, yes: str, no: str) -> None:
        super().__init__()
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, markup=False, classes="dialog-title")
            with Horizontal():
                yield Button(self.no, id="no")
                yield Button(self.yes, id="yes", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


def confirm_quit(language: str) -> ConfirmDialog:
    return ConfirmDialog(
        tr("confirm.quit", language), tr("button.quit", language), tr("button.stay", language)
    )
