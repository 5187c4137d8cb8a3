"""The enquete app: holds the questionnaire, the folder and the language; screens do the rest."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive

from enquete.i18n.catalog import LANGUAGES
from enquete.model.questionnaire import Questionnaire
from enquete.session import FillSession
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

    def __init__(
        self,
        questionnaire: Questionnaire,
        responses: Path,
        *,
        language: str | None = None,
        mode: str = "home",
        office: str | None = None,
    ) -> None:
        super().__init__()
        self.questionnaire = questionnaire
        self.folder = ResponseFolder(responses)
        self.mode = mode
        self.office = office
        self._language_given = language is not None
        self.set_reactive(EnqueteApp.language, language if language in LANGUAGES else "en")

    def on_mount(self) -> None:
        from enquete.ui.screens.home import HomeScreen

        self.title = self.questionnaire.title_in(self.language)
        if self.mode == "results":
            from enquete.ui.screens.results import ResultsScreen

            self.push_screen(ResultsScreen())
        elif self.mode == "fill":
            self.push_screen(HomeScreen())
            self.start_filling(self.office)
        else:
            self.push_screen(HomeScreen())

    def start_filling(self, office: str | None = None, resume: Path | None = None) -> None:
        """Open the fill screen on a draft, a submitted response, an office or a new response."""
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
        if not self._language_given and session.response.answers:
            self.language = session.response.language
        self.push_screen(FillScreen(session))

    def watch_language(self, language: str) -> None:
        self.title = self.questionnaire.title_in(language)
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

        self.push_screen(LanguageDialog(self.language), chosen)

    async def action_quit_app(self) -> None:
        """Quit; from the fill screen, after a confirmation (the draft is saved either way)."""
        leave = getattr(self.screen, "confirm_leaving", None)
        if leave is not None:
            await leave(then=self.exit)
        else:
            self.exit()
