"""Results: every submitted response aggregated, section by section, refreshed as files change.

The folder is read and watched in worker threads that honour cancellation,
so a folder of thousands of files never freezes the screen; each aggregation
is numbered and an older one never replaces a newer one on screen. Sections
switch by awaiting the removal of the old widgets before mounting the new
ones, under one lock, so no two sections ever coexist (the `DuplicateIds:
'filter'` crash of the office trial). Highlights that arrive while a section
is being built (a held key) ask for one build, of the section highlighted
last: the menu moves with the key and the pane follows once it is let go.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList, ProgressBar, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState, get_current_worker

from enquete.results.aggregate import Results, aggregate_folder
from enquete.results.invited_reading import InvitedReading, read_invited
from enquete.results.labels import question_title
from enquete.text import one_line
from enquete.ui.content import tr
from enquete.ui.keys_in_flight import let_typed_keys_land
from enquete.ui.screens.results_sections import files_section, question_section, respondents_section
from enquete.ui.storage_text import storage_error_text
from enquete.ui.widgets.comment_list import CommentList
from enquete.ui.widgets.cross_tab import CrossTab
from enquete.ui.widgets.end_stop_option_list import EndStopOptionList
from enquete.ui.widgets.key_bar import KeyBar
from enquete.ui.widgets.option_view import OptionView
from enquete.ui.widgets.respondent_view import RespondentView

MENU_WIDTH = 26
"""The menu's width in `results.tcss`; a menu line holds MENU_WIDTH - 6 cells (border, padding, scrollbar)."""
WATCH_SECONDS = 2.0
"""How often the folder is looked at for new or changed files (in a worker thread)."""

Signature = tuple[tuple[str, int, int], ...]
SectionKind = Literal["respondents", "question", "by_respondent", "by_option", "cross_tab", "files"]


def folder_signature(paths: list[Path]) -> Signature:
    """Names, sizes and modification times: it changes whenever a response file does."""
    signature = []
    for path in paths:
        try:
            info = path.lstat()
        except OSError:
            continue
        signature.append((path.name, info.st_size, info.st_mtime_ns))
    return tuple(signature)


class _Cancelled(Exception):
    """Raised from the progress callback when a newer load has replaced this one."""


@dataclass(frozen=True)
class Section:
    """One entry of the menu: a view, or a question (its id kept apart from the views' names)."""

    kind: SectionKind
    question: str | None = None


class ResultsScreen(Screen[None]):
    """Sections on the left (respondents, questions, views across them, files); details on the right."""

    CSS_PATH = "results.tcss"
    BINDINGS = [
        Binding("escape", "close", "key.close", id="close"),
        Binding("ctrl+f", "filter_comments", "key.filter", id="filter"),
        Binding("f5", "reload", "key.reload", id="reload"),
    ]
    """Escape back to home, Ctrl+F to the comment filter, F5 to read the folder again."""

    class Loaded(Message):
        """An aggregation finished; `generation` orders it against the others."""

        def __init__(
            self,
            results: Results,
            signature: Signature,
            generation: int,
            invited: InvitedReading | None = None,
        ) -> None:
            super().__init__()
            self.results, self.signature, self.generation = results, signature, generation
            self.invited = invited

    class Progressed(Message):
        """Files read so far by the aggregation `generation`."""

        def __init__(self, done: int, total: int, generation: int) -> None:
            super().__init__()
            self.done, self.total, self.generation = done, total, generation

    class FolderChanged(Message):
        """The watcher saw a file added, removed or changed."""

    def __init__(self) -> None:
        super().__init__()
        self.results: Results | None = None
        self.signature: Signature = ()
        self.section = Section("respondents")
        self.sections: list[Section] = []
        self.comment_filter = ""
        """What the person typed in the comment filter; kept across reloads and sections."""
        self.view_choice: dict[SectionKind, int] = {}
        """The highlighted respondent or option in the views across questions, kept across reloads."""
        self.cross_questions: list[str] | None = None
        self._generation = 0
        self._shown_generation = 0
        self._swap = asyncio.Lock()
        self._shown: Section | None = None
        """The section the pane holds; `section` runs ahead of it while a key is held."""
        self._show_pending = False
        self._filter_wanted = False
        self.folder_exists = True
        self.invited: InvitedReading | None = None
        """Who of the invited list has answered, when the Secretariat keeps one (invited.csv)."""
        """Whether the responses folder was there at the last read (a missing one is said so)."""

    @property
    def names(self) -> dict[str, str] | None:
        """Display names from the invited list, when there is one (UN-style names otherwise)."""
        return self.invited.names if self.invited is not None else None

    @property
    def language(self) -> str:
        return str(getattr(self.app, "language", "en"))

    def compose(self) -> ComposeResult:
        yield Static(tr("results.loading", self.language), id="headline", markup=False)
        yield ProgressBar(id="loading", show_eta=False)
        with Horizontal():
            yield EndStopOptionList(*self._menu(), id="sections")
            yield VerticalScroll(id="content")
        yield KeyBar()

    def _menu(self) -> list[Option]:
        lang = self.language
        questionnaire = self.app.questionnaire  # type: ignore[attr-defined]
        self.sections = [Section("respondents")]
        options = [Option(tr("results.respondents", lang))]
        for number, question in enumerate(questionnaire.questions, 1):
            self.sections.append(Section("question", question.id))
            options.append(
                Option(Content(one_line(f"{number}. {question_title(question, lang)}", MENU_WIDTH - 6)))
            )
        for kind, key in (
            ("by_respondent", "results.by_respondent"),
            ("by_option", "results.by_option"),
            ("cross_tab", "results.cross_tab"),
            ("files", "results.files"),
        ):
            self.sections.append(Section(kind))  # type: ignore[arg-type]
            options.append(Option(tr(key, lang)))
        return options

    def on_mount(self) -> None:
        menu = self.query_one("#sections", OptionList)
        menu.focus()
        menu.highlighted = self.sections.index(self.section) if self.section in self.sections else 0
        self.load()
        self.set_interval(WATCH_SECONDS, self.check_folder)
        self.watch(self.app, "language", self._follow_language, init=False)

    async def _follow_language(self, language: str) -> None:
        """F2 redraws the whole screen in the new language: menu, headline, pane and keys."""
        await self.language_changed()

    # --- reading the folder -------------------------------------------------------

    def load(self) -> None:
        """Aggregate the folder again in a worker; a newer load cancels an older one."""
        self._generation += 1
        self._aggregate(self._generation)

    @work(thread=True, exclusive=True, group="results-load", exit_on_error=False, description="aggregating")
    def _aggregate(self, generation: int) -> None:
        worker = get_current_worker()
        folder = self.app.folder  # type: ignore[attr-defined]
        questionnaire = self.app.questionnaire  # type: ignore[attr-defined]
        self.folder_exists = folder.root.is_dir()
        paths = folder.submitted_files()
        signature = folder_signature(paths)

        def progress(done: int, total: int) -> None:
            if worker.is_cancelled:
                raise _Cancelled
            self.post_message(self.Progressed(done, total, generation))

        try:
            results = aggregate_folder(folder.root, questionnaire, progress)
        except _Cancelled:
            return
        if not worker.is_cancelled:
            invited = read_invited(
                folder.root, getattr(self.app, "invited_path", None), results.respondent_keys
            )
            self.post_message(self.Loaded(results, signature, generation, invited))

    def check_folder(self) -> None:
        """Start a look at the folder, unless one is already running or nothing is shown yet."""
        if self.results is None:
            return
        if any(w.group in ("results-watch", "results-load") and not w.is_finished for w in self.workers):
            return
        self._watch(self.signature)

    @work(thread=True, exclusive=True, group="results-watch", exit_on_error=False, description="watching")
    def _watch(self, known: Signature) -> None:
        folder = self.app.folder  # type: ignore[attr-defined]
        signature = folder_signature(folder.submitted_files())
        if not get_current_worker().is_cancelled and signature != known:
            self.post_message(self.FolderChanged())

    @on(FolderChanged)
    def _folder_changed(self) -> None:
        self.load()

    @on(Progressed)
    def _progressed(self, event: Progressed) -> None:
        if event.generation == self._generation:
            loading = self.query_one("#loading", ProgressBar)
            loading.display = True
            loading.update(total=event.total, progress=event.done)

    @on(Loaded)
    async def _loaded(self, event: Loaded) -> None:
        if event.generation < self._shown_generation:
            return  # a slow old aggregation must not replace a newer one
        self._shown_generation = event.generation
        self.results, self.signature = event.results, event.signature
        self.invited = event.invited
        if event.generation == self._generation:
            self.query_one("#loading", ProgressBar).display = False
        self._update_headline()
        await self.show_section(keep_place=True)

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.group == "results-load":
            error = event.worker.error
            reason = storage_error_text(error, self.language) if error is not None else ""
            self.query_one("#loading", ProgressBar).display = False
            self.query_one("#headline", Static).update(
                Content(tr("results.failed", self.language, reason=one_line(reason, 200)))
            )

    def _update_headline(self) -> None:
        results = self.results
        if results is None:
            return
        not_counted = (
            len(results.rejected) + len(results.superseded) + sum(len(c.ignored) for c in results.conflicts)
        )
        key = "results.headline_one" if results.respondents == 1 else "results.headline"
        folder = self.app.folder.root  # type: ignore[attr-defined]
        headline = tr(
            key, self.language, respondents=results.respondents, folder=str(folder), not_counted=not_counted
        )
        if not self.folder_exists:
            headline += "\n" + tr("results.no_folder", self.language, folder=str(folder))
        if self.invited is not None:
            headline += "\n" + one_line(self.invited.line(self.language))
        self.query_one("#headline", Static).update(Content(headline))

    # --- showing a section ---------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#sections")
    def section_chosen(self, event: OptionList.OptionHighlighted) -> None:
        """Note the section and ask for it to be shown; a build already asked for shows the newest.

        The build runs after the highlights already queued here: those that queue up while a
        section is built (a held key) cost one build, of the last, not one each in turn.
        """
        index = event.option_index
        if 0 <= index < len(self.sections) and self.sections[index] != self.section:
            self.section = self.sections[index]
            if not self._show_pending:
                self._show_pending = True
                self.call_later(self._show_chosen)

    async def _show_chosen(self) -> None:
        self._show_pending = False
        await self.show_section(if_behind=True)

    async def show_section(self, keep_place: bool = False, *, if_behind: bool = False) -> None:
        """Replace the content pane by the current section: the old widgets are gone before the new mount.

        `if_behind`: only if the pane does not hold the current section already (a build asked
        for by a highlight, or by Ctrl+F, that another one has done meanwhile).
        """
        if self.results is None:
            return
        async with self._swap:
            if if_behind and self.section == self._shown:
                self._focus_filter_if_wanted()
                return
            content = self.query_one("#content", VerticalScroll)
            scroll_y = content.scroll_y if keep_place else 0
            self._shown = self.section
            widgets = self._section_widgets(content.size.width or self.size.width - MENU_WIDTH - 2)
            with self.app.batch_update():
                await content.remove_children()
                await content.mount_all(widgets)
            if keep_place:
                content.call_after_refresh(content.scroll_to, y=scroll_y, animate=False)
            else:
                content.scroll_home(animate=False)
            self._focus_filter_if_wanted()

    def _focus_filter_if_wanted(self) -> None:
        """Ctrl+F pressed while the section was on its way (or the folder read): its filter gets the focus."""
        if self._filter_wanted:
            self._filter_wanted = False
            for comment_list in self.query(CommentList):
                comment_list.focus_filter()

    def _section_widgets(self, width: int) -> list[Widget]:
        assert self.results is not None
        results, lang, section = self.results, self.language, self.section
        questionnaire = self.app.questionnaire  # type: ignore[attr-defined]
        if section.kind == "respondents":
            return list(respondents_section(results, lang, self.names, anonymous=questionnaire.anonymous))
        if section.kind == "files":
            return list(files_section(results, lang))
        if section.kind == "by_respondent":
            return [
                RespondentView(
                    results, questionnaire, lang, self.view_choice.get("by_respondent", 0), self.names
                )
            ]
        if section.kind == "by_option":
            return [OptionView(results, questionnaire, lang, self.view_choice.get("by_option", 0))]
        if section.kind == "cross_tab":
            return [CrossTab(results, questionnaire, lang, self.cross_questions)]
        assert section.question is not None
        question = questionnaire.question(section.question)
        number = questionnaire.ids.index(section.question) + 1
        result = results.questions[section.question]
        is_key = question.id == questionnaire.respondent_key
        widgets = list(
            question_section(results, questionnaire, question, result, number, lang, width - 2, is_key=is_key)
        )
        if result.comments:
            widgets.append(
                CommentList(
                    results,
                    question,
                    result.comments,
                    lang,
                    self.comment_filter,
                    self.names,
                    anonymous=questionnaire.anonymous,
                )
            )
        return widgets

    @on(CommentList.FilterChanged)
    def _filter_changed(self, event: CommentList.FilterChanged) -> None:
        self.comment_filter = event.value

    @on(RespondentView.Chosen)
    @on(OptionView.Chosen)
    def _view_chosen(self, event: RespondentView.Chosen | OptionView.Chosen) -> None:
        kind: SectionKind = "by_respondent" if isinstance(event, RespondentView.Chosen) else "by_option"
        self.view_choice[kind] = event.index

    @on(CrossTab.QuestionsChosen)
    def _cross_questions_chosen(self, event: CrossTab.QuestionsChosen) -> None:
        self.cross_questions = event.question_ids

    async def action_filter_comments(self) -> None:
        """Focus the comment filter of the section highlighted, building it first if a key just moved there.

        Keys typed before Ctrl+F move the menu first, so the filter is that of the section they
        led to (found in the old section, it vanished with it). Pressed while the folder is
        still being read, the filter is focused once the section is shown.
        """
        await let_typed_keys_land(self)
        self._filter_wanted = True
        await self.show_section(if_behind=True)

    def action_reload(self) -> None:
        self.load()

    def action_close(self) -> None:
        """Escape backs out one level: from inside a section to the menu, from the menu to home."""
        menu = self.query_one("#sections", OptionList)
        if self.focused is not None and self.focused is not menu:
            menu.focus()
            return
        self.app.pop_screen()  # the home screen is always beneath

    async def language_changed(self) -> None:
        """Recompose (the menu's entries are built in `compose`), then show what was shown."""
        async with self._swap:
            await self.recompose()
        menu = self.query_one("#sections", OptionList)
        menu.focus()
        menu.highlighted = self.sections.index(self.section) if self.section in self.sections else 0
        if self.results is not None:
            self.query_one("#loading", ProgressBar).display = False
            self._update_headline()
            await self.show_section(keep_place=True)
