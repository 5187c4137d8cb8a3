"""Submitting when the office's file already holds another response: the person chooses."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from enquete.errors import SubmitCollision
from enquete.storage.responses import OtherResponse
from enquete.ui.content import tr
from enquete.ui.widgets.end_stop_option_list import EndStopOptionList


class OtherResponseDialog(ModalScreen[OtherResponse | None]):
    """Says whose file is there; returns how to keep both, or None to go back without submitting."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "dismiss(None)", show=False)]

    def __init__(self, collision: SubmitCollision, language: str) -> None:
        super().__init__()
        self.collision, self.language = collision, language

    def compose(self) -> ComposeResult:
        collision, language = self.collision, self.language
        if collision.other_revision is None:
            text = tr("other.unreadable", language, office=collision.key)
        else:
            saved = (collision.other_saved or "")[:10]
            text = tr(
                "other.there", language, office=collision.key, revision=collision.other_revision, saved=saved
            )
        with Vertical():
            yield Static(text, classes="dialog-title", markup=False)
            yield EndStopOptionList(
                Option(tr("other.continue", language), id=OtherResponse.CONTINUE_IT.value),
                Option(tr("other.keep_both", language), id=OtherResponse.KEEP_BOTH.value),
                Option(tr("other.cancel", language), id="cancel"),
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id
        self.dismiss(OtherResponse(choice) if choice in {o.value for o in OtherResponse} else None)
