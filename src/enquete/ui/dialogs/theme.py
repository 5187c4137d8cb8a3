"""Choosing the app's colours, for a person who never opens the command palette.

The palette (Ctrl+P → theme) lists every Textual theme by its developer's
name; here a few readable ones are offered by plain names in the person's
language: dark, light, the terminal's own colours (for a terminal set up
for low vision or high contrast), and Solarized light. The choice is
remembered in the settings, as a theme picked from the palette is.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from enquete.ui.content import tr
from enquete.ui.widgets.end_stop_option_list import EndStopOptionList

THEMES = {
    "textual-dark": "theme.dark",
    "textual-light": "theme.light",
    "ansi-dark": "theme.terminal",
    "solarized-light": "theme.solarized",
}
"""The themes offered, by Textual's name, with the catalog key of their plain name."""


def theme_name(theme: str, language: str) -> str:
    """A theme's plain name; one chosen from the palette keeps Textual's name ("nord")."""
    return tr(THEMES[theme], language) if theme in THEMES else theme


class ThemeDialog(ModalScreen[str | None]):
    """Lists the offered themes (and the one in use); returns the theme chosen, or None."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "dismiss(None)", show=False)]

    def __init__(self, current: str, language: str, *, no_color: bool = False) -> None:
        super().__init__()
        self.current = current
        self.language = language
        self.no_color = no_color
        self.themes = list(THEMES) + ([current] if current not in THEMES else [])

    def compose(self) -> ComposeResult:
        def label(theme: str) -> Content:
            name = theme_name(theme, self.language)
            if theme == self.current:  # said in words: NO_COLOR shows no highlight colour
                return Content(f"{name} {tr('theme.current', self.language)}")
            return Content(name)

        with Vertical():
            yield Static(tr("theme.title", self.language), classes="dialog-title", markup=False)
            if self.no_color:
                yield Static(tr("theme.no_color", self.language), markup=False)
            yield EndStopOptionList(*(Option(label(theme), id=theme) for theme in self.themes))

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = self.themes.index(self.current)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
