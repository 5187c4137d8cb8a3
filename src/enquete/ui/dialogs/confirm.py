"""A yes/no question: Space or Enter presses the focused button, Left and Right move between the
buttons, Y answers yes, N or Escape no."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from enquete.ui.content import tr
from enquete.ui.widgets.dialog_button import DialogButton

CSS = "dialogs.tcss"


class ConfirmDialog(ModalScreen[bool]):
    """Asks before something a person may regret; returns True to go ahead.

    `safe_default` puts the focus on the "no" button, so that Enter does the
    harmless thing (discarding, quitting unsaved).
    """

    CSS_PATH = CSS
    BINDINGS = [
        Binding("y", "answer(True)", show=False),
        Binding("n,escape", "answer(False)", show=False),
        Binding("left", "app.focus_previous", show=False),
        Binding("right", "app.focus_next", show=False),
    ]
    """Left and Right as in a desktop dialog (trial 2026-12: Delete, Right, Enter on the home screen
    kept the draft, as only Tab moved to Discard)."""

    def __init__(self, question: str, yes: str, no: str, *, safe_default: bool = False) -> None:
        super().__init__()
        self.question, self.yes, self.no = question, yes, no
        self.safe_default = safe_default

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, markup=False, classes="dialog-title")
            with Horizontal():
                yield DialogButton(self.no, id="no", variant="primary" if self.safe_default else "default")
                yield DialogButton(self.yes, id="yes", variant="default" if self.safe_default else "primary")

    def on_mount(self) -> None:
        self.query_one("#no" if self.safe_default else "#yes", DialogButton).focus()

    def on_button_pressed(self, event: DialogButton.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


def confirm_quit(language: str, unsaved: str | None = None, *, nothing_yet: bool = False) -> ConfirmDialog:
    """The quit question; when the last save failed it says so and Enter stays (trial #9).

    With nothing answered yet there is no draft, and the question says that instead.
    """
    if nothing_yet and not unsaved:
        return ConfirmDialog(
            tr("confirm.quit_nothing", language), tr("button.quit", language), tr("button.stay", language)
        )
    if unsaved:
        return ConfirmDialog(
            tr("confirm.quit_unsaved", language, reason=unsaved),
            tr("button.quit_anyway", language),
            tr("button.stay", language),
            safe_default=True,
        )
    return ConfirmDialog(
        tr("confirm.quit", language), tr("button.quit", language), tr("button.stay", language)
    )
