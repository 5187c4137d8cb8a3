"""The first screen: the survey, the responses already here, and what to do next.

A draft left by a crash or a closed terminal is listed first, to be resumed
where the person stopped, or discarded to start over.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from enquete.errors import StorageError
from enquete.ui.content import plain, tr

if TYPE_CHECKING:
    from enquete.model.response import Response
from enquete.ui.widgets.key_bar import KeyBar


class HomeScreen(Screen[None]):
    """Title, status of the responses folder, and a list of actions chosen with Enter."""

    CSS_PATH = "home.tcss"
    BINDINGS = [Binding("delete,d", "discard_draft", "key.discard", id="discard")]

    def __init__(self) -> None:
        super().__init__()
        self.drafts: list[tuple[Path, Response]] = []

    @property
    def language(self) -> str:
        return str(getattr(self.app, "language", "en"))

    def compose(self) -> ComposeResult:
        app = self.app
        yield Static(plain(app.header("title")), id="title")  # type: ignore[attr-defined]
        description = app.header("description")  # type: ignore[attr-defined]
        if description:
            yield Static(plain(description), id="description")
        if not getattr(app, "ready", False):
            # First paint: the questionnaire is validated and the folder read right after.
            yield Static(tr("home.reading", self.language), id="status", markup=False)
            yield KeyBar()
            return
        questionnaire, folder = app.questionnaire, app.folder  # type: ignore[attr-defined]
        self.drafts = folder.drafts(questionnaire)
        submitted = folder.submitted_files()
        status = tr(
            "home.status",
            self.language,
            folder=str(folder.root),
            submitted=len(submitted),
            drafts=len(self.drafts),
        )
        yield Static(status, id="status", markup=False)
        yield OptionList(*self._actions(submitted), id="actions")
        yield KeyBar()

    def _actions(self, submitted: list[Path]) -> list[Option]:
        lang = self.language
        from enquete.model.respondents import respondent_label  # after the first paint: it loads pydantic

        questionnaire = self.app.questionnaire  # type: ignore[attr-defined]
        key_of = questionnaire.respondent_key
        options = []
        for path, draft in self.drafts:
            key = draft.answers.get(key_of) if key_of else draft.id[:8]
            who = respondent_label(questionnaire, key, lang) if isinstance(key, str) else None
            who = who or tr("home.no_respondent", lang)
            saved = draft.saved.strftime("%Y-%m-%d %H:%M")
            options.append(Option(Content(tr("home.resume", lang, who=who, saved=saved)), id=f"draft:{path}"))
        options.append(Option(Content(tr("home.new", lang)), id="new"))
        for path in submitted[:200]:
            who = respondent_label(questionnaire, path.stem, lang)
            options.append(Option(Content(tr("home.edit", lang, who=who)), id=f"edit:{path}"))
        options.append(Option(Content(tr("home.results", lang)), id="results"))
        options.append(Option(Content(tr("home.quit", lang)), id="quit"))
        return options

    def on_mount(self) -> None:
        for actions in self.query("#actions").results(OptionList):
            actions.focus()

    async def on_screen_resume(self) -> None:
        """Coming back from filling or results: the drafts and files may have changed."""
        if self.query("#actions"):
            await self.refresh_list()

    async def refresh_list(self) -> None:
        await self.recompose()
        self.on_mount()

    async def language_changed(self) -> None:
        await self.refresh_list()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        choice = event.option.id or ""
        app = self.app
        if choice.startswith(("draft:", "edit:")):
            app.start_filling(resume=Path(choice.split(":", 1)[1]))  # type: ignore[attr-defined]
        elif choice == "new":
            app.start_filling()  # type: ignore[attr-defined]
        elif choice == "results":
            from enquete.ui.screens.results import ResultsScreen

            app.push_screen(ResultsScreen())
        elif choice == "quit":
            app.exit()

    def action_discard_draft(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return
        choice = options.get_option_at_index(options.highlighted).id or ""
        if not choice.startswith("draft:"):
            self.notify(tr("home.discard_what", self.language), markup=False)
            return
        path = Path(choice.split(":", 1)[1])
        draft = next(response for found, response in self.drafts if found == path)
        from enquete.ui.dialogs.confirm import ConfirmDialog

        async def decided(discard: bool | None) -> None:
            if discard:
                try:
                    self.app.folder.discard_draft(draft)  # type: ignore[attr-defined]
                except StorageError as error:
                    self.notify(str(error), severity="error", markup=False)
                await self.refresh_list()

        self.app.push_screen(
            ConfirmDialog(
                tr("confirm.discard", self.language),
                tr("button.discard", self.language),
                tr("button.keep", self.language),
            ),
            decided,
        )
