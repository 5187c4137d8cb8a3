"""Filling in a response: one question at a time, every change saved soon after.

The screen passes each thing the person does to the session, which owns the
answers and their rules, then shows what the session holds. Saving is
debounced and ordered: one timer waits for a short pause in the typing, one
exclusive worker writes (the session writes whatever is newest, and nothing
once submitted), and a failed save is retried by one timer. Leaving a
question, quitting and submitting save at once.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from enquete.errors import EnqueteError, StorageError, SubmitCollision
from enquete.model.questionnaire import AnyQuestion
from enquete.qtypes import type_of
from enquete.session import FillSession
from enquete.storage.responses import OtherResponse
from enquete.ui.content import plain, tr
from enquete.ui.problem_text import problem_text
from enquete.ui.widgets.answer_field import AnswerField
from enquete.ui.widgets.by_type import field_for
from enquete.ui.widgets.key_bar import KeyBar
from enquete.ui.widgets.multi_select import MultiSelectField

SAVE_AFTER_SECONDS = 0.4
"""The pause in typing after which the draft is written."""
RETRY_SECONDS = 5.0


class FillScreen(Screen[None]):
    """Question N of M: text, help, the field, and what is wrong with the answer, as it is typed."""

    CSS_PATH = "fill.tcss"
    AUTO_FOCUS = ""
    """No automatic focus: `_settle` places the cursor, and Textual's would scroll the question away."""
    BINDINGS = [
        Binding("ctrl+n,alt+right", "next_question", "key.next", id="next", priority=True),
        Binding("ctrl+b,alt+left", "previous_question", "key.back", id="back", priority=True),
        Binding("ctrl+g", "jump_to_question", "key.jump", id="jump", priority=True),
        Binding("ctrl+r", "review", "key.review", id="review", priority=True),
        Binding("ctrl+s", "finalize", "key.finalize", id="finalize", show=False, priority=True),
        Binding("escape", "leave", "key.home", id="home"),
    ]
    """Control keys, so that they work while typing in a text box too (Alt+arrows: Ctrl+B is tmux's)."""

    index: reactive[int] = reactive(0, recompose=True)
    """The question shown; changing it rebuilds the screen from the session."""
    language: reactive[str] = reactive("en", recompose=True)
    """The language of the screen, following the app's."""

    class DraftSaved(Message):
        """A save finished (`wrote` is False when nothing needed writing)."""

        def __init__(self, wrote: bool, closing: bool) -> None:
            super().__init__()
            self.wrote, self.closing = wrote, closing

    class SaveFailed(Message):
        """A save failed; the answers are still in memory."""

        def __init__(self, reason: str, closing: bool) -> None:
            super().__init__()
            self.reason, self.closing = reason, closing

    class OtherResponseFound(Message):
        """What to say about another finalized response of the office just chosen ("" for none)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Submitted(Message):
        """The response was written to `responses/<KEY>.toml`."""

        def __init__(self, path: str, revision: int) -> None:
            super().__init__()
            self.path, self.revision = path, revision

    class SubmitRefused(Message):
        """Submitting failed, or needs the person's choice (`collision`)."""

        def __init__(self, reason: str, collision: SubmitCollision | None) -> None:
            super().__init__()
            self.reason, self.collision = reason, collision

    def __init__(self, session: FillSession, language: str) -> None:
        super().__init__()
        self.session = session
        ids = session.questionnaire.ids
        current = session.response.current_question
        self.set_reactive(FillScreen.index, ids.index(current) if current in ids else 0)
        self.set_reactive(FillScreen.language, language)
        self._save_timer: Timer | None = None
        self._retry_timer: Timer | None = None
        self._after_closing: Callable[[], object] | None = None
        self._quit_even_if_unsaved = False
        self._focus_subject: str | None = None

    @property
    def question(self) -> AnyQuestion:
        return self.session.questionnaire.questions[self.index]

    @property
    def field(self) -> AnswerField:
        return self.query_one("#field", AnswerField)

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
            total=len(self.session.questionnaire.questions),
        )

    def _problems_text(self) -> Content:
        if not self.session.is_relevant(self.question.id):  # reached through the question list
            return Content(tr("review.skipped", self.language))
        problems = self.session.problems(self.question.id)
        lines = [f"⚠ {problem_text(p, self.question, self.language)}" for p in problems]
        return Content("\n".join(lines))

    def _save_status_text(self) -> Content:
        reason = self.session.last_save_error
        return Content(tr("fill.save_failed", self.language, reason=reason) if reason else "")

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

    @on(AnswerField.Changed)
    def answer_changed(self, event: AnswerField.Changed) -> None:
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
        self.session.toggle_option(event.question_id, event.option_id, event.on)
        for field in self.query("#field").results(MultiSelectField):
            field.update_set_aside(self.session.set_aside(event.question_id))
            field.show_answer(self.session.answer(event.question_id))
        self._answer_changed()

    @on(MultiSelectField.OptionCommentEdited)
    def option_comment_edited(self, event: MultiSelectField.OptionCommentEdited) -> None:
        self.session.set_option_comment(event.question_id, event.option_id, event.text)
        self._answer_changed()

    @on(MultiSelectField.CommentEdited)
    def comment_edited(self, event: MultiSelectField.CommentEdited) -> None:
        self.session.set_question_comment(event.question_id, event.text)
        self._answer_changed()

    def _answer_changed(self) -> None:
        self._refresh_state()
        self.schedule_save()

    # --- saving ---------------------------------------------------------------

    def schedule_save(self) -> None:
        """Save after a short pause in typing: one timer, pushed back by each change."""
        if not self.session.needs_saving:
            return
        if self._save_timer is None:
            self._save_timer = self.set_timer(SAVE_AFTER_SECONDS, self._save_timer_fired)
        else:
            self._save_timer.reset()

    def _save_timer_fired(self) -> None:
        self._save_timer = None
        self.save_now()

    def save_now(self, *, closing: bool = False) -> None:
        """Save at once (leaving a question, quitting); `closing` also lets other windows open it."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if closing or self.session.needs_saving:
            self._write_draft(closing)

    @work(thread=True, exclusive=True, group="autosave", exit_on_error=False, description="saving the draft")
    def _write_draft(self, closing: bool) -> None:
        """Write the draft off the UI thread; the session orders concurrent saves."""
        try:
            wrote = self.session.save_draft()
        except StorageError as error:
            self.post_message(self.SaveFailed(str(error), closing))
            return
        if closing:
            self.session.close()
        self.post_message(self.DraftSaved(wrote, closing))

    @on(Worker.StateChanged)
    def worker_failed(self, event: Worker.StateChanged) -> None:
        """A worker that died of something unexpected is a failed save or submit, not a traceback."""
        if event.state is WorkerState.ERROR:
            reason = str(event.worker.error)
            if event.worker.group == "submit":
                self.post_message(self.SubmitRefused(reason, None))
            else:
                self.post_message(self.SaveFailed(reason, closing=False))

    @on(DraftSaved)
    def draft_saved(self, event: DraftSaved) -> None:
        if self._retry_timer is not None and not self.session.last_save_error:
            self._retry_timer.stop()
            self._retry_timer = None
        self._show_save_status()
        if event.closing:
            if self.session.needs_saving:
                # Keys typed while that save ran: save them too before leaving.
                self._write_draft(True)
            else:
                self._left()

    @on(SaveFailed)
    def save_failed(self, event: SaveFailed) -> None:
        self._show_save_status()
        if event.closing:
            if self._quit_even_if_unsaved:
                self.session.close()
                self._left()
            else:
                self._ask_to_leave_unsaved()
            return
        if self._retry_timer is None:
            self._retry_timer = self.set_timer(RETRY_SECONDS, self._retry)

    def _retry(self) -> None:
        self._retry_timer = None
        self.save_now()

    def _show_save_status(self) -> None:
        for status in self.query("#save-status").results(Static):
            status.update(self._save_status_text())

    # --- moving around ----------------------------------------------------------

    def show_question(self, index: int, subject: str | None = None) -> None:
        """Go to a question (and to the row or option `subject` names): saved at once, built later."""
        before = self.index
        self._move_to(index, subject)
        if self.index != before:
            self.refresh(recompose=True)

    async def show_question_now(self, index: int, subject: str | None = None) -> None:
        """Go to a question and build it before returning, its first field focused.

        Keys are handled one at a time by the app, after the action that came before
        them has returned: awaiting the build here means keys typed right after
        Ctrl+N act on the new question, not on the widgets being removed.
        """
        before = self.index
        self._move_to(index, subject)
        if self.index != before:
            await self.recompose()

    def _move_to(self, index: int, subject: str | None) -> None:
        self.set_reactive(FillScreen.index, max(0, min(index, len(self.session.questionnaire.questions) - 1)))
        self._focus_subject = subject
        self.session.go_to(self.question.id)
        self.save_now()

    def _asked_after(self, step: int) -> int | None:
        """The index of the next (step 1) or previous (step -1) question the skip logic asks."""
        relevant = self.session.relevance()
        ids = self.session.questionnaire.ids
        index = self.index + step
        while 0 <= index < len(ids):
            if relevant.get(ids[index], True):
                return index
            index += step
        return None

    async def action_next_question(self) -> None:
        following = self._asked_after(1)
        if following is None:
            await self.action_review()
        else:
            await self.show_question_now(following)

    async def action_previous_question(self) -> None:
        previous = self._asked_after(-1)
        if previous is not None:
            await self.show_question_now(previous)

    def action_jump_to_question(self) -> None:
        from enquete.ui.dialogs.question_list import QuestionListDialog

        def jump(question_id: str | None) -> None:
            if question_id:
                self.show_question(self.session.questionnaire.ids.index(question_id))

        self.app.push_screen(QuestionListDialog(self.session, self.question.id, self.language), jump)

    async def action_review(self) -> None:
        from enquete.ui.screens.review import ReviewScreen, ReviewStep, Submit

        def back_from_review(step: ReviewStep | None) -> None:
            if isinstance(step, Submit):
                self.submit()
            elif step is not None:
                self.show_question(self.session.questionnaire.ids.index(step.question_id), step.subject)

        self.save_now()
        await self.app.push_screen(ReviewScreen(self.session, self.language), back_from_review)

    async def action_finalize(self) -> None:
        """Ctrl+S, as the README says: finalizing happens in the review, which checks first; say so.

        Hidden from the key bar (it must fit 80 columns in every language) but listed by F1.
        """
        await self.action_review()
        self.app.notify(tr("fill.finalize_in_review", self.language), markup=False)

    # --- submitting -------------------------------------------------------------

    def submit(self, other: OtherResponse | None = None) -> None:
        """Stop pending saves, then write the submitted file from a worker."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self._retry_timer is not None:
            self._retry_timer.stop()
            self._retry_timer = None
        self._write_submitted(other)

    @work(thread=True, exclusive=True, group="submit", exit_on_error=False, description="submitting")
    def _write_submitted(self, other: OtherResponse | None) -> None:
        try:
            path = self.session.submit(other)
        except SubmitCollision as collision:
            self.post_message(self.SubmitRefused(str(collision), collision))
            return
        except StorageError as error:
            self.post_message(self.SubmitRefused(str(error), None))
            return
        self.session.close()
        self.post_message(self.Submitted(str(path), self.session.response.revision))

    @on(SubmitRefused)
    def submit_refused(self, event: SubmitRefused) -> None:
        if event.collision is None:
            self.notify(tr("review.submit_failed", self.language, reason=event.reason), severity="error")
            return
        from enquete.ui.dialogs.other_response import OtherResponseDialog

        def chosen(choice: OtherResponse | None) -> None:
            if choice is not None:
                self.submit(choice)

        self.app.push_screen(OtherResponseDialog(event.collision, self.language), chosen)

    @on(Submitted)
    def submitted(self, event: Submitted) -> None:
        from pathlib import Path

        from enquete.ui.dialogs.submitted import SubmittedDialog

        dialog = SubmittedDialog(Path(event.path), event.revision, self.language, self.session.questionnaire)

        def back_home(_: None) -> None:
            self.dismiss()

        self.app.push_screen(dialog, back_home)

    # --- leaving ------------------------------------------------------------------

    def action_leave(self) -> None:
        """Back to the home screen, the draft saved first."""

        def back_home() -> None:
            self.dismiss()

        self._after_closing = back_home
        self.save_now(closing=True)

    def ask_to_quit(self) -> None:
        """Quit after a confirmation that never claims the answers are saved when they are not."""
        from enquete.ui.dialogs.confirm import confirm_quit

        unsaved = self.session.last_save_error

        def decided(leave: bool | None) -> None:
            if leave:
                self._after_closing = self.app.exit
                self._quit_even_if_unsaved = bool(unsaved)
                self.save_now(closing=True)

        nothing_yet = not self.session.on_disk and not self.session.needs_saving
        self.app.push_screen(confirm_quit(self.language, unsaved, nothing_yet=nothing_yet), decided)

    def _ask_to_leave_unsaved(self) -> None:
        from enquete.ui.dialogs.confirm import confirm_quit

        def decided(leave: bool | None) -> None:
            if leave:
                self._quit_even_if_unsaved = True
                self.session.close()
                self._left()
            else:
                self._after_closing = None

        self.app.push_screen(confirm_quit(self.language, self.session.last_save_error), decided)

    def on_unmount(self) -> None:
        """However the screen goes (the app exiting included), other windows may open the response."""
        self.session.close()

    def _left(self) -> None:
        then, self._after_closing = self._after_closing, None
        if then is not None:
            then()
