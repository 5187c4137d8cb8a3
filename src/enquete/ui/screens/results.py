"""Results: every submitted response aggregated, section by section, refreshed as files change.

Aggregation runs in a worker thread with a progress bar, so a folder of
thousands of files never freezes the screen; every comment is shown as text.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from enquete.results.aggregate import Results, aggregate_folder
from enquete.text import one_line
from enquete.ui.content import tr
from enquete.ui.screens.results_sections import (
    comment_lines,
    files_section,
    question_section,
    respondents_section,
)
from enquete.ui.widgets.key_bar import KeyBar

WATCH_SECONDS = 2.0


def folder_signature(paths: list[Path]) -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and modification times: it changes whenever a response file does."""
    signature = []
    for path in paths:
        try:
            info = path.lstat()
        except OSError:
            continue
        signature.append((path.name, info.st_size, info.st_mtime_ns))
    return tuple(signature)


class ResultsScreen(Screen[None]):
    """Sections on the left (respondents, each question, files not counted), details on the right."""

    CSS_PATH = "results.tcss"
    BINDINGS = [
        Binding("escape", "close", "key.close", id="close"),
        Binding("ctrl+f", "filter_comments", "key.filter", id="filter"),
        Binding("f5", "reload", "key.reload", id="reload"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.results: Results | None = None
        self.signature: tuple[tuple[str, int, int], ...] = ()
        self.section = "respondents"

    @property
    def language(self) -> str:
        return str(getattr(self.app, "language", "en"))

    def compose(self) -> ComposeResult:
        yield Static(tr("results.loading", self.language), id="headline", markup=False)
        yield ProgressBar(id="loading", show_eta=False)
        with Horizontal():
            yield OptionList(*self._sections(), id="sections")
            yield VerticalScroll(id="content")
        yield KeyBar()

    def _sections(self) -> list[Option]:
        lang = self.language
        questionnaire = self.app.questionnaire  # type: ignore[attr-defined]
        options = [Option(tr("results.respondents", lang), id="respondents")]
        for number, question in enumerate(questionnaire.questions, 1):
            # The list is 30 cells wide with its border and padding: one line per question.
            label = one_line(f"{number}. {question.text_in(lang)}", 25)
            options.append(Option(Content(label), id=question.id))
        options.append(Option(tr("results.files", lang), id="files"))
        return options

    def on_mount(self) -> None:
        self.query_one("#sections", OptionList).focus()
        self.load()
        self.set_interval(WATCH_SECONDS, self.check_folder)

    @work(thread=True, exclusive=True, group="results", description="aggregating responses")
    def load(self) -> None:
        folder = self.app.folder  # type: ignore[attr-defined]
        paths = folder.submitted_files()
        signature = folder_signature(paths)

        def progress(done: int, total: int) -> None:
            self.app.call_from_thread(self._progress, done, total)

        results = aggregate_folder(folder.root, self.app.questionnaire, progress)  # type: ignore[attr-defined]
        self.app.call_from_thread(self._loaded, results, signature)

    def _progress(self, done: int, total: int) -> None:
        self.query_one("#loading", ProgressBar).update(total=total, progress=done)

    def _loaded(self, results: Results, signature: tuple[tuple[str, int, int], ...]) -> None:
        self.results, self.signature = results, signature
        loading = self.query_one("#loading", ProgressBar)
        loading.display = False
        not_counted = (
            len(results.rejected) + len(results.superseded) + sum(len(c.ignored) for c in results.conflicts)
        )
        self.query_one("#headline", Static).update(
            Content(
                tr(
                    "results.headline",
                    self.language,
                    respondents=results.respondents,
                    folder=str(self.app.folder.root),  # type: ignore[attr-defined]
                    not_counted=not_counted,
                )
            )
        )
        self.show_section(self.section)

    def check_folder(self) -> None:
        if self.results is None:
            return
        paths = self.app.folder.submitted_files()  # type: ignore[attr-defined]
        if folder_signature(paths) != self.signature:
            self.load()

    @on(OptionList.OptionHighlighted, "#sections")
    def section_chosen(self, event: OptionList.OptionHighlighted) -> None:
        self.section = event.option.id or "respondents"
        self.show_section(self.section)

    def show_section(self, section: str) -> None:
        if self.results is None:
            return
        lang = self.language
        questionnaire = self.app.questionnaire  # type: ignore[attr-defined]
        content = self.query_one("#content", VerticalScroll)
        content.remove_children()
        if section == "respondents":
            content.mount_all(list(respondents_section(self.results, questionnaire, lang)))
        elif section == "files":
            content.mount_all(list(files_section(self.results, lang)))
        else:
            question = questionnaire.question(section)
            number = questionnaire.ids.index(section) + 1
            result = self.results.questions[section]
            width = content.size.width or self.size.width - 32
            is_key = section == questionnaire.respondent_key
            widgets = list(
                question_section(self.results, question, result, number, lang, width - 2, is_key=is_key)
            )
            if result.comments:
                widgets.append(Input(placeholder=tr("results.filter", lang), id="filter"))
                lines = comment_lines(result.comments, question, lang, questionnaire=questionnaire)
                widgets.append(Static(lines, id="comments"))
            content.mount_all(widgets)
        content.scroll_home(animate=False)

    @on(Input.Changed, "#filter")
    def filter_changed(self, event: Input.Changed) -> None:
        if self.results is None:
            return
        questionnaire = self.app.questionnaire  # type: ignore[attr-defined]
        question = questionnaire.question(self.section)
        comments = self.results.questions[self.section].comments
        self.query_one("#comments", Static).update(
            comment_lines(comments, question, self.language, event.value, questionnaire)
        )

    def action_filter_comments(self) -> None:
        filters = self.query("#filter")
        if filters:
            filters.first().focus()

    def action_reload(self) -> None:
        self.load()

    def action_close(self) -> None:
        self.app.pop_screen()  # the home screen is always beneath

    async def language_changed(self) -> None:
        await self.recompose()
        self.query_one("#sections", OptionList).focus()
        if self.results is not None:
            self._loaded(self.results, self.signature)
