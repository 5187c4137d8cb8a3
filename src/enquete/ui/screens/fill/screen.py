"""Filling in a response: one question at a time, every change saved soon after.

The screen passes each thing the person does to the session, which owns the
answers and their rules, then shows what the session holds. Saving
(`autosave`), submitting (`submitting`) and moving between questions
(`navigation`) are the layers this screen is built on.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from enquete.errors import EnqueteError
from enquete.qtypes import type_of
from enquete.ui.content import plain, tr
from enquete.ui.problem_text import problem_text
from enquete.ui.screens.fill.navigation import Navigating
from enquete.ui.widgets.answer_field import AnswerField
from enquete.ui.widgets.by_type import field_for
from enquete.ui.widgets.key_bar import KeyBar
from enquete.ui.widgets.multi_select import MultiSelectField


class FillScreen(Navigating):
    """Question N of M: text, help, the field, and what is wrong with the answer, as it is typed."""

    CSS_PATH = "fill.tcss"
    AUTO_FOCUS = ""
    """No automatic focus: `_settle` places the cursor, and Textual's would scroll the question away."""
    BINDINGS = [
        Binding("ctrl+n,alt+right", "next_question", "key.next", id="next", priority=True),
        Binding("enter", "next_on_enter", "key.next", id="next_on_enter", priority=True),
        Binding("ctrl+b,alt+left", "previous_question", "key.back", id="back", priority=True),
        Binding("ctrl+g", "jump_to_question", "key.jump", id="jump", show=False, priority=True),
        Binding("ctrl+r", "review", "key.review", id="review", priority=True),
        Binding("ctrl+s", "finalize", "key.finalize", id="finalize", show=False, priority=True),
        Binding("escape", "leave", "key.home", id="home", show=False),
    ]
    """Control keys, so that they work while typing in a text box too (Alt+arrows: Ctrl+B is tmux's).

    Enter goes on only from a one-line field (`AnswerField.enter_may_move_on`, checked
    by `check_action`); everywhere else it is the field's (a new line, a choice).
    Ctrl+G and Escape are listed by F1, not in the key bar: with `⏎/^n Next` the
    bar must fit 80 columns in every language (French was 100 cells wide).
    """

    class OtherResponseFound(Message):
        """What to say about another finalized response of the office just chosen ("" for none)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    # --- building -------------------------------------------------------------

    def compose(self) -> ComposeResult:
        total = len(self.session.questionnaire.questions)
        question = self.question
        language = self.language
        required = self.session.is_required(question.id)  # `required = "expr"` decides it now
        mark = tr("fill.required", language) if required else tr("fill.optional", language)
        position = tr("fill.position", language, number=self.index + 1, total=total)
        if type_of(question).takes_answer:  # a note is neither required nor optional
            position = f"{position} · {mark}"
        with Horizontal(id="position"):
            yield Static(position, markup=False, id="where")
            yield Static(self._progress_text(), markup=False, id="progress")
        body = VerticalScroll(id="body")
        body.can_focus = False  # no invisible tab stop (trial #12)
        with body:
            yield Static(plain(question.text_in(language)), id="question-text")
            if question.help:
                yield Static(plain(question.help_in(language)), id="help")
            field = field_for(question, self.session.raw_answer(question.id), language)
            if isinstance(field, MultiSelectField):
                field.set_aside = self.session.set_aside(question.id)
            yield field
            yield Static(self._problems_text(), id="problems")
            notice = Static("", id="notice")
            notice.display = False
            yield notice
        yield Static(self._save_status_text(), id="save-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.watch(self.app, "language", self._follow_language, init=False)
        self._settle()

    async def recompose(self) -> None:
        await super().recompose()
        self._settle()

    def _settle(self) -> None:
        """After (re)building: the cursor in the field, the question shown from its first line."""
        subject, self._focus_subject = self._focus_subject, None
        if subject:
            self.field.focus_subject(subject)
        else:
            self.field.focus_first()
        self.query_one("#body", VerticalScroll).scroll_home(animate=False, immediate=True)

    def _follow_language(self, language: str) -> None:
        self.session.set_language(language)
        self.language = language
        self.save_now()

    def _progress_text(self) -> str:
        return tr(
            "fill.progress",
            self.language,
            answered=self.session.answered_count(),
            total=len(self.session.asked_ids()),
        )

    def _problems_text(self) -> Content:
        if not self.session.is_relevant(self.question.id):  # reached through the question list
            return Content(tr("review.skipped", self.language))
        problems = self.session.problems(self.question.id)
        lines = [f"⚠ {problem_text(p, self.question, self.language)}" for p in problems]
        return Content("\n".join(lines))

    def _refresh_state(self) -> None:
        """Show the answer's problems and the progress, touching only what changed.

        Updating a text lays the whole screen out again; a key typed in a comment
        changes neither of these most of the time, so most keys cost no layout.
        """
        for selector, content in (("#problems", self._problems_text()), ("#progress", self._progress_text())):
            shown = self.query_one(selector, Static)
            if shown.content != content:
                shown.update(content)

    # --- what the person does -------------------------------------------------

    def _is_stale(self, question_id: str) -> bool:
        """A message from a question no longer shown: its field's value was taken before the move.

        Bug (issue 12): an older value of the question just left, still on its way when
        the next question was built, could overwrite the newest one taken by `take_typed_answer`.
        """
        return question_id != self.question.id

    @on(AnswerField.Changed)
    def answer_changed(self, event: AnswerField.Changed) -> None:
        if self._is_stale(event.question_id):
            return
        self.session.set_answer(event.question_id, event.value)
        self._answer_changed()
        key = self.session.response.key(self.session.questionnaire)
        if event.question_id == self.session.questionnaire.respondent_key and key:
            self._look_for_other_response(key)

    @work(
        thread=True,
        exclusive=True,
        group="existing",
        exit_on_error=False,
        description="looking for a response",
    )
    def _look_for_other_response(self, key: str) -> None:
        """Say at once when this office already has a finalized response here (trial #8)."""
        from enquete.storage.responses import load_response

        text = ""
        try:
            path = self.session.folder.submitted_path(key)
            if path.is_file():
                other, _ = load_response(path, self.session.questionnaire)
                if other.id != self.session.response.id:
                    saved = other.saved.astimezone().strftime("%Y-%m-%d")
                    text = tr(
                        "fill.other_response", self.language, office=key, revision=other.revision, saved=saved
                    )
        except (EnqueteError, OSError):
            text = ""
        self.post_message(self.OtherResponseFound(text))

    @on(OtherResponseFound)
    def other_response_found(self, event: OtherResponseFound) -> None:
        for notice in self.query("#notice").results(Static):
            notice.update(Content(event.text))
            notice.display = bool(event.text)

    @on(MultiSelectField.OptionToggled)
    def option_toggled(self, event: MultiSelectField.OptionToggled) -> None:
        if self._is_stale(event.question_id):
            return
        self.session.toggle_option(event.question_id, event.option_id, event.on)
        for field in self.query("#field").results(MultiSelectField):
            field.update_set_aside(self.session.set_aside(event.question_id))
            field.show_answer(self.session.answer(event.question_id))
        self._answer_changed()

    @on(MultiSelectField.OptionCommentEdited)
    def option_comment_edited(self, event: MultiSelectField.OptionCommentEdited) -> None:
        if self._is_stale(event.question_id):
            return
        self.session.set_option_comment(event.question_id, event.option_id, event.text)
        self._answer_changed()

    @on(MultiSelectField.CommentEdited)
    def comment_edited(self, event: MultiSelectField.CommentEdited) -> None:
        if self._is_stale(event.question_id):
            return
        self.session.set_question_comment(event.question_id, event.text)
        self._answer_changed()

    def _answer_changed(self) -> None:
        self._refresh_state()
        self.schedule_save()
