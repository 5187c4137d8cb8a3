"""F1: every key of the screen below, with what it does, in the person's language."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from enquete.i18n.catalog import translate
from enquete.ui.content import tr
from enquete.ui.widgets.key_bar import key_groups


class HelpDialog(ModalScreen[None]):
    """Lists the keys of `screen` (and the app's); any of Escape, F1, Enter closes it."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape,f1,enter,q", "dismiss(None)", show=False)]

    def __init__(self, screen: Screen[object], language: str) -> None:
        super().__init__()
        self.below = screen
        self.language = language

    def compose(self) -> ComposeResult:
        language = self.language
        lines = [
            Content.assemble((f"{keys:>12}", "bold"), "  ", translate(description, language))
            for keys, description in key_groups(self.below, for_help=True)
        ]
        extra = tr(f"help.{type(self.below).__name__}", language) if _has_help(self.below) else ""
        with Vertical():
            yield Static(tr("help.title", language), classes="dialog-title", markup=False)
            with VerticalScroll():
                yield Static(Content("\n").join(lines))
                if extra:
                    yield Static("\n" + extra, markup=False)
            yield Static(tr("help.close", language), markup=False)


def _has_help(screen: Screen[object]) -> bool:
    from enquete.i18n.catalog import messages

    return f"help.{type(screen).__name__}" in messages("en")
