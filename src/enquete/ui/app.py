"""The enquete app: holds the questionnaire, the folder and the language; screens do the rest.

It paints the home screen from the questionnaire's raw title first and
validates the questionnaire just after (pydantic costs more to import than
Textual does), so nothing here imports the model at module level.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive

from enquete.storage.questionnaire_file import check_language, header_languages, header_text
from enquete.text import printable

if TYPE_CHECKING:
    from enquete.model.questionnaire import Questionnaire
    from enquete.storage.responses import ResponseFolder


class EnqueteApp(App[int]):
    """Fill in a questionnaire, or look at the results, keyboard first."""

    TITLE = "enquete"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("f1", "help", "key.help", id="help"),
        Binding("f2", "choose_language", "key.language", id="language"),
        Binding("ctrl+q", "quit_app", "key.quit", id="quit", priority=True),
    ]
    """App-wide keys; every screen adds its own."""

    language: reactive[str] = reactive("en")
    """The language of every text on screen; changing it redraws the screens."""

    questionnaire: Questionnaire
    """The validated questionnaire, set once `ready` is true."""
    folder: ResponseFolder
    """The responses folder, set once `ready` is true."""

    def __init__(
        self,
        questionnaire_data: dict[str, Any],
        responses: Path,
        *,
        source: str = "questionnaire.toml",
        language: str | None = None,
        mode: str = "home",
        office: str | None = None,
    ) -> None:
        super().__init__()
        self.questionnaire_data = questionnaire_data
        self.source = source
        self.responses = responses
        self.mode = mode
        self.office = office
        self.ready = False
        self._language_given = language is not None
        self.set_reactive(EnqueteApp.language, check_language(None, self.languages))
        if language in self.languages:
            self.set_reactive(EnqueteApp.language, language)

    @property
    def languages(self) -> list[str]:
        """The questionnaire's languages: the only ones F2 offers."""
        return header_languages(self.questionnaire_data)

    def header(self, key: str) -> str:
        """The questionnaire's title or description, available before validation, made printable.

        It comes from a file anyone may have written: it also becomes the
        terminal's window title, where an escape sequence would be obeyed.
        """
        return printable(header_text(self.questionnaire_data, key, self.language))

    def on_mount(self) -> None:
        from enquete.ui.screens.home import HomeScreen

        self.title = self.header("title")
        self.push_screen(HomeScreen())
        self.call_after_refresh(self.finish_loading)

    def finish_loading(self) -> None:
        """Validate the questionnaire, then open what the command line asked for."""
        from enquete.errors import QuestionnaireError
        from enquete.storage.questionnaire_file import questionnaire_from_data
        from enquete.storage.responses import ResponseFolder

        try:
            self.questionnaire = questionnaire_from_data(self.questionnaire_data, source=self.source)
        except QuestionnaireError as error:
            # Printed by Rich after the app closes: as Text, so neither markup nor escapes apply.
            self.exit(return_code=2, message=Text(printable(f"enquete: {error}")))
            return
        self.folder = ResponseFolder(self.responses)
        self.ready = True
        if self.mode == "results":
            from enquete.ui.screens.results import ResultsScreen

            self.push_screen(ResultsScreen())
        elif self.mode == "fill":
            self.start_filling(self.office)
        else:
            refresh = getattr(self.screen, "refresh_list", None)
            if refresh is not None:
                self.call_later(refresh)

    def start_filling(self, office: str | None = None, resume: Path | None = None) -> None:
        """Open the fill screen on a draft, a submitted response, an office or a new response."""
        from enquete.session import FillSession
        from enquete.ui.screens.fill import FillScreen

        if resume is not None:
            session = FillSession.resume(self.questionnaire, self.folder, resume)
        elif office:
            session = FillSession.for_office(self.questionnaire, self.folder, office, self.language)
        else:
            drafts = self.folder.drafts(self.questionnaire)
            if drafts and self.mode == "fill":
                session = FillSession.resume(self.questionnaire, self.folder, drafts[0][0])
            else:
                session = FillSession.new(self.questionnaire, self.folder, self.language)
        if (
            not self._language_given
            and session.response.answers
            and session.response.language in self.languages
        ):
            self.language = session.response.language
        self.push_screen(FillScreen(session))

    def watch_language(self, language: str) -> None:
        self.title = self.header("title")
        for screen in self.screen_stack:
            refresh = getattr(screen, "language_changed", None)
            if refresh is not None:
                self.call_later(refresh)

    def action_help(self) -> None:
        from enquete.ui.dialogs.help import HelpDialog

        self.push_screen(HelpDialog(self.screen))

    def action_choose_language(self) -> None:
        from enquete.ui.dialogs.language import LanguageDialog

        def chosen(language: str | None) -> None:
            if language:
                self.language = language

        self.push_screen(LanguageDialog(self.language, self.languages), chosen)

    async def action_quit_app(self) -> None:
        """Quit; from the fill screen, after a confirmation (the draft is saved either way)."""
        leave = getattr(self.screen, "confirm_leaving", None)
        if leave is not None:
            await leave(then=self.exit)
        else:
            self.exit()
