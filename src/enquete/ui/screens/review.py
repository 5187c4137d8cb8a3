"""Review before submitting: every answer in full, what is missing or wrong, and the way to fix it.

Selecting a question goes back to it (to the very row or comment box a
problem names). Ctrl+S is refused until nothing is wrong; then the screen
hands the submission back to the fill screen, which owns the saving.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from enquete.model.answers import MultiAnswer
from enquete.model.questionnaire import AnyQuestion, MatrixQuestion, MultiQuestion
from enquete.qtypes import type_of
from enquete.session import FillSession, QuestionState
from enquete.text import printable
from enquete.ui.content import STATE_MARKS, tr
from enquete.ui.problem_text import problem_text, subject_label
from enquete.ui.screens.summary import summarize
from enquete.ui.widgets.end_stop_option_list import EndStopOptionList
from enquete.ui.widgets.key_bar import KeyBar


@dataclass(frozen=True)
class GoTo:
    """Back to a question, with the cursor on the row or option `subject` (if any)."""

    question_id: str
    subject: str | None = None


@dataclass(frozen=True)
class Submit:
    """The person asked to submit, and nothing is wrong."""


ReviewStep = GoTo | Submit


class ReviewScreen(Screen[ReviewStep | None]):
    """Dismisses with where to go next, or None to stay where one was."""

    CSS_PATH = "review.tcss"
    BINDINGS = [
        Binding("ctrl+s", "submit", "key.submit", id="submit", priority=True),
        Binding("escape", "back", "key.back_to_questions", id="back"),
    ]

    language: reactive[str] = reactive("en", recompose=True)
    """The language of the screen, following the app's."""

    def __init__(self, session: FillSession, language: str) -> None:
        super().__init__()
        self.session = session
        self.set_reactive(ReviewScreen.language, language)
        self._targets: dict[str, GoTo] = {}

    def compose(self) -> ComposeResult:
        yield Static(tr("review.title", self.language), id="review-title", markup=False)
        yield Static(self._summary(), id="summary", classes="blocked" if self.session.all_problems() else "")
        yield EndStopOptionList(*self._options(), id="answers")
        yield KeyBar()

    def on_mount(self) -> None:
        self.watch(self.app, "language", self._follow_language, init=False)
        self.query_one(OptionList).focus()

    async def recompose(self) -> None:
        await super().recompose()
        self.query_one(OptionList).focus()

    def _follow_language(self, language: str) -> None:
        self.language = language

    def _summary(self) -> Content:
        problems = self.session.all_problems()
        lines = []
        if problems:
            lines.append(tr("review.blocked", self.language, count=len(problems)))
        elif self.session.unchanged_since_submitted:
            lines.append(tr("review.unchanged", self.language, revision=self.session.response.revision - 1))
        else:
            lines.append(tr("review.ready", self.language))
        aside = sum(len(c) for c in self.session.all_set_aside().values())
        if aside:
            lines.append(tr("review.set_aside", self.language, count=aside))
        return Content("\n".join(lines))

    def _options(self) -> list[Option]:
        options = []
        language = self.language
        self._targets = {}
        for number, question in enumerate(self.session.questionnaire.questions, 1):
            problems = self.session.problems(question.id, complete=True)
            state = QuestionState.INVALID if problems else self.session.state(question.id)
            lines = [
                Content.assemble(
                    (f"{STATE_MARKS[state]} {number}. ", "bold"),
                    (printable(question.short_in(language)), "bold"),
                )
            ]
            missing_rows = [p for p in problems if p.kind == "missing_row"]
            if missing_rows:
                rows = ", ".join(subject_label(question, p.subject, language) or "" for p in missing_rows)
                lines.append(
                    Content.assemble("   ", ("⚠ " + tr("review.missing_rows", language, rows=rows), "bold"))
                )
            for problem in problems:
                if problem.kind != "missing_row":
                    text = "⚠ " + problem_text(problem, question, language)
                    lines.append(Content.assemble("   ", (printable(text), "bold")))
            lines += [Content.assemble("   ", line) for line in self._details(question)]
            subject = problems[0].subject if problems else None
            self._targets[question.id] = GoTo(question.id, subject)
            options.append(Option(Content("\n").join(lines), id=question.id))
        return options

    def _details(self, question: AnyQuestion) -> list[Content]:
        """The answer as the person will send it: every comment in full, wrapped by the list."""
        language = self.language
        if not self.session.is_relevant(question.id):  # skip logic: not asked, not sent
            return [Content.assemble((tr("review.skipped", language), "italic"))]
        if not type_of(question).takes_answer:  # a note: nothing to answer
            return []
        answer = self.session.answer(question.id)
        if isinstance(question, MultiQuestion) and isinstance(answer, MultiAnswer):
            lines: list[Content] = []
            for option in question.options:
                if option.id not in answer.selected:
                    continue
                lines.append(Content.assemble("• ", (printable(option.short_in(language)), "italic")))
                comment = answer.comments.get(option.id)
                if comment:
                    lines += [Content("    " + printable(line)) for line in comment.splitlines()]
            if answer.comment:
                lines.append(Content(tr("multi.comment", language) + ":"))
                lines += [Content("    " + printable(line)) for line in answer.comment.splitlines()]
            aside = self.session.set_aside(question.id)
            if aside:
                lines.append(
                    Content.assemble(("⚠ " + tr("review.set_aside_here", language, count=len(aside)), "dim"))
                )
            return lines or [Content(tr("review.nothing_selected", language))]
        if isinstance(answer, str) and not isinstance(question, MatrixQuestion) and "\n" in answer:
            return [Content(printable(line)) for line in answer.splitlines()]
        # A matrix names its rows' levels in up to two lines of the list, then says only how many
        # rows are answered; every other answer is shown whole (the list wraps it).
        width = 2 * max(20, self.app.size.width - 12) if isinstance(question, MatrixQuestion) else 1000
        return [Content.assemble((summarize(question, answer, language, width=width), "italic"))]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        target = self._targets.get(event.option.id or "")
        if target is not None:
            self.dismiss(target)

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
        if self.session.unchanged_since_submitted:
            self.notify(
                tr("review.unchanged", self.language, revision=self.session.response.revision - 1),
                markup=False,
            )
            return
        self.dismiss(Submit())
