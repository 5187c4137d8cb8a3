"""Review before submitting: every answer, what is missing or wrong, and the way to fix it.

Selecting a question goes back to it; submitting is refused until nothing is
wrong, and then writes `responses/<KEY>.toml` and says where it is.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from enquete.errors import StorageError
from enquete.model.localized import localize
from enquete.qtypes import type_of
from enquete.session import FillSession, QuestionState
from enquete.text import one_line
from enquete.ui.content import STATE_MARKS, tr
from enquete.ui.screens.summary import summarize
from enquete.ui.widgets.key_bar import KeyBar


class ReviewScreen(Screen[str | None]):
    """Dismisses with a question id to go back to it, or None to stay where one was."""

    CSS_PATH = "review.tcss"
    BINDINGS = [
        Binding("ctrl+s", "submit", "key.submit", id="submit", priority=True),
        Binding("escape", "back", "key.back_to_questions", id="back"),
    ]

    def __init__(self, session: FillSession) -> None:
        super().__init__()
        self.session = session

    @property
    def language(self) -> str:
        return str(getattr(self.app, "language", "en"))

    def compose(self) -> ComposeResult:
        yield Static(tr("review.title", self.language), id="review-title", markup=False)
        yield Static("", id="summary")
        yield OptionList(*self._options(), id="answers")
        yield KeyBar()

    def _options(self) -> list[Option]:
        options = []
        for number, question in enumerate(self.session.questionnaire.questions, 1):
            problems = self.session.problems(question.id, complete=True)
            state = QuestionState.INVALID if problems else self.session.state(question.id)
            head = Content.assemble(
                (f"{STATE_MARKS[state]} {number}. ", "bold"),
                one_line(question.text_in(self.language), 66),
            )
            if state == QuestionState.SKIPPED:
                detail = tr("review.skipped", self.language)
            elif not type_of(question).takes_answer:
                detail = ""  # a note: nothing to answer
            else:
                detail = summarize(question, self.session.answer(question.id), self.language)
            lines = [head, Content.assemble("     ", (detail, "italic"))]
            for problem in problems:
                lines.append(
                    Content.assemble("     ", ("⚠ " + one_line(problem.message(self.language), 66), "bold"))
                )
            options.append(Option(Content("\n").join(lines), id=question.id))
        return options

    def on_mount(self) -> None:
        self._show_summary()
        self.query_one(OptionList).focus()

    def _show_summary(self) -> None:
        problems = self.session.all_problems()
        summary = self.query_one("#summary", Static)
        if problems:
            summary.update(Content(tr("review.blocked", self.language, count=len(problems))))
        else:
            summary.update(Content(tr("review.ready", self.language)))
        summary.set_class(bool(problems), "blocked")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_back(self) -> None:
        self.dismiss(None)

    def action_submit(self) -> None:
        problems = self.session.all_problems()
        if problems:
            self.notify(
                tr("review.blocked", self.language, count=len(problems)), severity="error", markup=False
            )
            first = self.session.questionnaire.ids.index(
                problems[0].question or self.session.questionnaire.ids[0]
            )
            self.query_one(OptionList).highlighted = first
            return
        try:
            path = self.session.submit()
        except StorageError as error:
            self.notify(
                tr("review.submit_failed", self.language, reason=str(error)), severity="error", markup=False
            )
            return
        from enquete.ui.dialogs.submitted import SubmittedDialog

        self.app.push_screen(
            SubmittedDialog(path, self.session.response.revision, self.language, self._after_submit()),
            lambda _: self._back_home(),
        )

    def _after_submit(self) -> str:
        after = self.session.questionnaire.after_submit
        return localize(after, self.language) if after else ""

    def _back_home(self) -> None:
        from enquete.ui.screens.home import HomeScreen

        while len(self.app.screen_stack) > 1 and not isinstance(self.app.screen, HomeScreen):
            self.app.pop_screen()
        if not isinstance(self.app.screen, HomeScreen):
            self.app.push_screen(HomeScreen())

    async def language_changed(self) -> None:
        await self.recompose()
        self.on_mount()
