"""After submitting: the file is saved and ready to send; where it is, to whom, by when.

Nothing is sent by enquete: the words say "saved, ready to send", never
"sent" (trial #13), and name the address and date the questionnaire gives.
The path is broken only after its separators (`PathLabel`), so the folder
and the file name can be read, and copied, whole.
"""

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from enquete.model.localized import localize
from enquete.model.questionnaire import Questionnaire
from enquete.text import printable
from enquete.ui.content import tr
from enquete.ui.widgets.dialog_button import DialogButton
from enquete.ui.widgets.path_label import PathLabel


class SubmittedDialog(ModalScreen[None]):
    """Says the response is saved at `path`, to be e-mailed to the questionnaire's contact."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape,enter", "dismiss(None)", show=False)]

    def __init__(self, path: Path, revision: int, language: str, questionnaire: Questionnaire) -> None:
        super().__init__()
        self.path, self.revision, self.language = path, revision, language
        self.questionnaire = questionnaire

    def compose(self) -> ComposeResult:
        language = self.language
        lines = [tr("submitted.revision", language, revision=self.revision)]
        contact, deadline = self.questionnaire.contact, self.questionnaire.deadline
        after = self.questionnaire.after_submit
        if after:  # the questionnaire's own words, in the person's language
            lines.append(printable(localize(after, language)))
        elif contact and deadline:
            lines.append(tr("submitted.send_by", language, contact=contact, deadline=deadline.isoformat()))
        elif contact:
            lines.append(tr("submitted.send", language, contact=contact))
        # Otherwise nothing: "e-mail it to the Secretariat" was said after every survey.
        with Vertical():
            yield Static(tr("submitted.title", language), classes="dialog-title", markup=False)
            yield Static(tr("submitted.saved_as", language), markup=False)
            yield PathLabel(str(self.path.resolve()), id="submitted-path")
            yield Static("\n\n".join(lines), markup=False, id="submitted-body")
            with Horizontal():
                yield DialogButton(tr("button.ok", language), variant="primary", id="ok")

    def on_mount(self) -> None:
        self.query_one("#ok", DialogButton).focus()

    def on_button_pressed(self) -> None:
        self.dismiss(None)
