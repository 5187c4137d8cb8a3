"""The enquete app: holds the workspace and the language; screens do the rest.

It paints the home screen from the questionnaire's raw title first and
validates the questionnaire just after, in a worker (pydantic costs more to
import than Textual does), so nothing here imports the model at module level
and the home screen answers keys meanwhile. An action chosen before the
questionnaire is validated is remembered and carried out once it is. Opening
a response reads files, so it runs in a worker that posts what it found.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from rich.text import Text
from textual import events, on, work
from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen

from enquete.settings import Settings
from enquete.storage.folder_glance import glance
from enquete.storage.questionnaire_file import header_languages, header_text
from enquete.text import printable
from enquete.ui.terminal_gone import TerminalGone
from enquete.ui.typed_ahead import TypedAhead

if TYPE_CHECKING:
    from textual.driver import Driver

    from enquete.model.questionnaire import Questionnaire
    from enquete.session import FillSession, Workspace
    from enquete.storage.responses import ResponseFolder
    from enquete.ui.screens.home import HomeAction, HomeScreen

Mode = Literal["home", "fill", "results"]


@dataclass(frozen=True)
class OpenRequest:
    """Which response to open: a file, an office's, the only draft, or a new one."""

    path: Path | None = None
    office: str | None = None
    pick_draft: bool = False
    """`enquete fill` without an office: the one real draft if there is one, else a new response."""


class EnqueteApp(App[int]):
    """Fill in a questionnaire, or look at the results, keyboard first."""

    TITLE = "enquete"
    CSS_PATH = ["screens/home.tcss"]
    """The home screen's styles: as the default screen (`get_default_screen`) it is never pushed,
    and Textual loads a screen's own `CSS_PATH` only when it is pushed."""
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("f1", "help", "key.help", id="help"),
        Binding("f2", "choose_language", "key.language", id="language"),
        Binding("f3", "choose_theme", "key.theme", id="theme", show=False),
        Binding("ctrl+q", "quit_app", "key.quit", id="quit", priority=True),
    ]
    """App-wide keys; every screen adds its own. F3 is listed by F1 and on the home screen, not in the bar."""

    language: reactive[str] = reactive("en")
    """The language of every text on screen; screens watch it and redraw."""

    questionnaire: Questionnaire
    """The validated questionnaire, set once `ready` is true (the results screen reads it)."""
    folder: ResponseFolder
    """The responses folder, set once `ready` is true (the results screen reads it)."""

    class SessionOpened(Message):
        def __init__(self, session: FillSession) -> None:
            super().__init__()
            self.session = session

    class OpenRefused(Message):
        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    class Validated(Message):
        """The questionnaire passed its schema (`questionnaire`), or did not (`error`)."""

        def __init__(self, questionnaire: Questionnaire | None, error: str = "") -> None:
            super().__init__()
            self.questionnaire, self.error = questionnaire, error

    def __init__(
        self,
        questionnaire_data: dict[str, Any],
        responses: Path,
        *,
        source: str = "questionnaire.toml",
        language: str | None = None,
        mode: Mode = "home",
        office: str | None = None,
        settings: Settings | None = None,
        invited: Path | None = None,
    ) -> None:
        super().__init__()
        self.invited_path = invited
        """`--invited FILE`: the results header counts against it (None: invited.csv beside, if any)."""
        self.questionnaire_data = questionnaire_data
        self.source = source
        self.responses = responses
        self.mode: Mode = mode
        self.office = office
        self.ready = False
        self.workspace: Workspace | None = None
        self.settings = settings or Settings()
        chosen = language or self.settings.language
        languages = header_languages(self.questionnaire_data)  # the questionnaire decides them
        self.set_reactive(EnqueteApp.language, chosen if chosen in languages else languages[0])
        if self.settings.theme and self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        self._home: HomeScreen | None = None
        self._glanced = glance(responses) if mode == "home" else None
        """The folder by names, read before the app starts: with no draft, the list is in the first frame."""
        self._terminal_gone = TerminalGone(self)
        """Closing the terminal or stopping the system saves what was typed, then ends the app."""
        self._typed_ahead = TypedAhead(keeping=mode == "fill")
        """`enquete fill`: keys typed before the fill screen opens, given to it when it does."""
        self._validating = False
        self._chosen_early: HomeAction | None = None
        """An action chosen on the home screen before the questionnaire was validated."""

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver, reading input with `PasteSafeParser`: a paste holding escapes arrives whole."""
        from enquete.ui.paste_safe_parser import install_paste_safe_parser

        install_paste_safe_parser()
        return super().get_driver_class()

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

    def get_default_screen(self) -> Screen[Any]:
        """The home screen is the bottom of the stack itself: no blank screen under it to push it on
        (pushing re-styles every widget once more before the first paint)."""
        from enquete.ui.screens.home import HomeScreen

        self._home = HomeScreen(
            self.header("title"),
            self.header("description"),
            self.language,
            self._glanced,  # None unless the home screen is the first to stay
            first=self.mode == "home",
        )
        return self._home

    def on_mount(self) -> None:
        self._terminal_gone.install()
        self.title = self.header("title")
        self.watch(self, "theme", self._remember_theme, init=False)
        if self.mode != "home":
            self.call_after_refresh(self._start_validating)
        # else: once the home screen has shown what it can (`on_home_screen_glanced`)

    def on_unmount(self) -> None:
        self._terminal_gone.remove()

    def on_home_screen_glanced(self) -> None:
        self._start_validating()

    def _start_validating(self) -> None:
        if not self._validating:
            self._validating = True
            self._validate()

    @work(thread=True, exclusive=True, group="validate", exit_on_error=False, description="validating")
    def _validate(self) -> None:
        """Import pydantic and check the questionnaire off the UI thread; post what came of it."""
        from enquete.errors import QuestionnaireError
        from enquete.storage.questionnaire_file import questionnaire_from_data

        try:
            questionnaire = questionnaire_from_data(self.questionnaire_data, source=self.source)
        except QuestionnaireError as error:
            self.post_message(self.Validated(None, str(error)))
            return
        except Exception as error:  # a bug: said and ended, never a screen waiting forever
            self.post_message(self.Validated(None, f"{self.source}: cannot be loaded ({error!r})"))
            return
        self.post_message(self.Validated(questionnaire))

    @on(Validated)
    def _validated(self, event: Validated) -> None:
        if event.questionnaire is None:
            # Printed by Rich after the app closes: as Text, so neither markup nor escapes apply.
            self.exit(return_code=2, message=Text(printable(f"enquete: {event.error}")))
            return
        self.finish_loading(event.questionnaire)

    def finish_loading(self, questionnaire: Questionnaire) -> None:
        """Hand the validated questionnaire to the screens, then do what was asked meanwhile."""
        from enquete.session import Workspace
        from enquete.storage.responses import ResponseFolder

        self.questionnaire = questionnaire
        self.folder = ResponseFolder(self.responses)
        self.workspace = Workspace(self.questionnaire, self.folder)
        self.ready = True
        if self._home is not None:
            self._home.workspace = self.workspace
        if self.mode == "results":
            self._show_results()
        elif self.mode == "fill":
            self.open_response(OpenRequest(office=self.office, pick_draft=not self.office))
        chosen, self._chosen_early = self._chosen_early, None
        if chosen is not None:
            self._carry_out(chosen)

    # --- opening a response ---------------------------------------------------------

    def on_home_screen_chosen(self, message: HomeScreen.Chosen) -> None:
        self._choose(message.action)

    def _choose(self, action: HomeAction) -> None:
        from enquete.ui.screens.home import ChooseTheme, PickSubmitted, QuitApp

        if self.ready or isinstance(action, QuitApp | ChooseTheme | PickSubmitted):
            self._carry_out(action)
        else:
            self._chosen_early = action  # carried out once the questionnaire is validated

    def _carry_out(self, action: HomeAction) -> None:
        from enquete.ui.screens.home import (
            ChooseTheme,
            EditSubmitted,
            NewResponse,
            OpenDraft,
            PickSubmitted,
            QuitApp,
        )

        if isinstance(action, ChooseTheme):
            self.action_choose_theme()
        elif isinstance(action, PickSubmitted):
            self._pick_submitted(action.files)
        elif isinstance(action, OpenDraft | EditSubmitted):
            self.open_response(OpenRequest(path=action.path))
        elif isinstance(action, NewResponse):
            self.open_response(OpenRequest())
        elif isinstance(action, QuitApp):
            self.exit()
        else:
            self._show_results()

    def _pick_submitted(self, files: tuple[Path, ...]) -> None:
        """The list of many finalized responses; the one chosen opens as if chosen on the home screen."""
        from enquete.ui.dialogs.finalized_list import FinalizedListDialog
        from enquete.ui.screens.home import EditSubmitted

        def chosen(path: Path | None) -> None:
            if path is not None:
                self._choose(EditSubmitted(path))

        self.push_screen(FinalizedListDialog(files, self.language), chosen)

    def _show_results(self) -> None:
        from enquete.ui.screens.results import ResultsScreen

        self.push_screen(ResultsScreen())

    @work(thread=True, exclusive=True, group="open", exit_on_error=False, description="opening a response")
    def open_response(self, request: OpenRequest) -> None:
        """Read what the response needs, claim it against other windows, then post the session."""
        from enquete.errors import EnqueteError, ResponseFileError, ResponseInUse
        from enquete.session import FillSession
        from enquete.ui.content import tr
        from enquete.ui.storage_text import storage_error_text

        workspace = self.workspace
        if workspace is None:
            return
        try:
            if request.path is not None:
                session = FillSession.resume(workspace, request.path)
            elif request.office:
                session = FillSession.for_office(workspace, request.office, self.language)
            elif request.pick_draft:
                real = [(p, d) for p, d in workspace.folder.drafts(workspace.questionnaire) if d.answers]
                if len(real) > 1:
                    # Several drafts: the person chooses on the home screen (trial #11).
                    self.post_message(
                        self.OpenRefused(tr("home.choose_draft", self.language, count=len(real)))
                    )
                    return
                session = (
                    FillSession.resume(workspace, real[0][0])
                    if real
                    else FillSession.new(workspace, self.language)
                )
            else:
                session = FillSession.new(workspace, self.language)
            session.claim()
        except ResponseInUse:
            self.post_message(self.OpenRefused(tr("home.in_use", self.language)))
            return
        except ResponseFileError as error:
            # Bug: "answers the questionnaire 'x', not 'y'" was shown in English whatever the language.
            name = request.path.name if request.path is not None else ""
            key = error.kind if error.kind in ("other_questionnaire", "other_version") else "unreadable"
            self.post_message(
                self.OpenRefused(
                    tr(
                        f"open.{key}",
                        self.language,
                        file=name,
                        found=error.found,
                        questionnaire=workspace.questionnaire.id,
                        version=workspace.questionnaire.version,
                    )
                )
            )
            return
        except EnqueteError as error:
            self.post_message(self.OpenRefused(storage_error_text(error, self.language)))
            return
        self.post_message(self.SessionOpened(session))

    @on(SessionOpened)
    async def _session_opened(self, event: SessionOpened) -> None:
        from enquete.ui.screens.fill import FillScreen

        await self.push_screen(FillScreen(event.session, self.language))
        # Handled here, as the app handles a key it reads, and now: keys typed while the screen
        # was being built wait in the app's queue, and must come after these (bug: "ja" kept,
        # then "p" typed during the build, gave "pja").
        for typed in self._typed_ahead.take():  # after the first question's focus, set on mount
            await self.on_event(typed)

    async def on_event(self, event: events.Event) -> None:
        """`enquete fill`: keys typed while it starts are kept for the first question before any
        screen acts on them (trial 2026-12 #7: "AU" typed at once was lost); see `typed_ahead`."""
        if (
            isinstance(event, events.Key | events.Paste)
            and not event.is_forwarded  # read from the terminal, not bubbling up from a widget
            and self._typed_ahead.keep(event, quits=isinstance(event, events.Key) and self._quits(event))
        ):
            return
        await super().on_event(event)

    def _quits(self, key: events.Key) -> bool:
        """Whether `key` is the app's own quit key (Ctrl+Q), which acts before any screen's."""
        return any(binding.id == "quit" for binding in self._bindings.key_to_bindings.get(key.key, []))

    @on(OpenRefused)
    def _open_refused(self, event: OpenRefused) -> None:
        self._typed_ahead.drop()  # the person now chooses on the home screen: nothing to type into
        self.notify(event.reason, severity="warning", markup=False, timeout=8)

    # --- language, theme, help, quitting ----------------------------------------------

    def watch_language(self, language: str) -> None:
        self.title = self.header("title")
        if self._home is not None:
            # Bug: after F2 the home screen kept the title and description of the old language.
            self._home.title_text = self.header("title")
            self._home.description = self.header("description")
        self._remember(language=language)

    def _remember_theme(self, theme: str) -> None:
        self._remember(theme=theme)

    def _remember(self, **changes: str) -> None:
        from dataclasses import replace

        self.settings = replace(self.settings, **changes)
        self._save_settings(self.settings)

    @work(thread=True, exclusive=True, group="settings", exit_on_error=False, description="saving settings")
    def _save_settings(self, settings: Settings) -> None:
        settings.save()

    def action_help(self) -> None:
        from enquete.ui.dialogs.help import HelpDialog

        self.push_screen(HelpDialog(self.screen, self.language))

    def action_choose_language(self) -> None:
        from enquete.ui.dialogs.language import LanguageDialog

        def chosen(language: str | None) -> None:
            if language:
                self.language = language

        self.push_screen(LanguageDialog(self.language, self.languages), chosen)

    def action_choose_theme(self) -> None:
        """F3 or the home screen's "Colours" entry: a few themes by plain names (Ctrl+P lists them all)."""
        from enquete.ui.dialogs.theme import ThemeDialog

        def chosen(theme: str | None) -> None:
            if theme:
                self.theme = theme  # remembered by the theme watcher

        self.push_screen(ThemeDialog(self.theme, self.language, no_color=self.no_color), chosen)

    def action_help_quit(self) -> None:
        """Ctrl+C: say how to quit, in the person's language (trial #25)."""
        from enquete.ui.content import tr

        self.notify(tr("app.ctrl_c", self.language), markup=False)

    async def action_quit(self) -> None:
        """The command palette's Quit asks first too, like Ctrl+Q (trial #30)."""
        self.action_quit_app()

    def action_quit_app(self) -> None:
        """Quit; while filling, back to the fill screen first, then a confirmation and a last save."""
        from enquete.ui.screens.fill import FillScreen

        fill = next((s for s in reversed(self.screen_stack) if isinstance(s, FillScreen)), None)
        if fill is None:
            self.exit()
            return
        while self.screen is not fill:
            self.pop_screen()
        fill.ask_to_quit()
