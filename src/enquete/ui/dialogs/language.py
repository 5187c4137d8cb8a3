"""Choosing the language of the app and of the questions."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from enquete.i18n.catalog import language_name
from enquete.ui.content import tr
from enquete.ui.widgets.end_stop_option_list import EndStopOptionList


class LanguageDialog(ModalScreen[str | None]):
    """Lists the questionnaire's languages, each in its own name; returns the code chosen, or None."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "dismiss(None)", show=False)]

    def __init__(self, current: str, languages: list[str]) -> None:
        super().__init__()
        self.current = current
        self.languages = languages

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(tr("language.title", self.current), classes="dialog-title", markup=False)
            yield EndStopOptionList(*(Option(language_name(code), id=code) for code in self.languages))

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if self.current in self.languages:
            options.highlighted = self.languages.index(self.current)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
