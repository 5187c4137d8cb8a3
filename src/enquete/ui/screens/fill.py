"""Filling in a response: one question at a time, every change saved at once.

The screen asks the session for the answer to show, passes every change to
it, and saves the draft from a worker thread, so typing never waits on the
disk. A failed save is said on screen and retried; the answers stay in memory.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ProgressBar, Static

from enquete.errors import StorageError
from enquete.model.questionnaire import AnyQuestion
from enquete.qtypes import type_of
from enquete.session import FillSession
from enquete.ui.content import plain, tr
from enquete.ui.widgets.answer_field import NOT_READ, AnswerField
from enquete.ui.widgets.by_type import field_for
from enquete.ui.widgets.key_bar import KeyBar

RETRY_SECONDS = 5.0


class FillScreen(Screen[None]):
    """Question N of M: text, help, the field, and what is wrong with the answer, as it is typed."""

    CSS_PATH = "fill.tcss"
    BINDINGS = [
        Binding("ctrl+n", "next_question", "key.next", id="next", priority=True),
        Binding("ctrl+b", "previous_question", "key.back", id="back", priority=True),
        Binding("ctrl+g", "jump_to_question", "key.jump", id="jump", priority=True),
        Binding("ctrl+r", "review", "key.review", id="review", priority=True),
    ]
    """Control keys, so that they work while typing in a text box too."""

    def __init__(self, session: FillSession) -> None:
        super().__init__()
        self.session = session
        ids = session.questionnaire.ids
        current = session.response.current_question
        self.index = ids.index(current) if current in ids else 0
        self._rebuilding = False
        """True while the screen is rebuilt for another question: printable keys are held."""
        self._held_keys: list[events.Key] = []
        self._typing_target: Widget | None = None
        """Where held keys were last replayed: `_let_typing_land` waits for it too."""

    @property
    def language(self) -> str:
        return str(getattr(self.app, "language", "en"))

    @property
    def question(self) -> AnyQuestion:
        return self.session.questionnaire.questions[self.index]

    def compose(self) -> ComposeResult:
        total = len(self.session.questionnaire.questions)
        question = self.question
        required = self.session.is_required(question.id)
        mark = tr("fill.required", self.language) if required else tr("fill.optional", self.language)
        position = tr("fill.position", self.language, number=self.index + 1, total=total)
        if type_of(question).takes_answer:  # a note is neither required nor optional
            position += f" · {mark}"
        with Horizontal(id="position"):
            yield Static(position, markup=False)
            yield ProgressBar(total=total, show_eta=False, show_percentage=False, id="progress")
        with VerticalScroll(id="body"):
            yield Static(plain(question.text_in(self.language)), id="question-text")
            if question.help:
                yield Static(plain(question.help_in(self.language)), id="help")
            yield field_for(question, self.session.raw_answer(question.id), self.language)
            yield Static("", id="problems")
        yield Static("", id="save-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self._show_progress()
        self._show_problems()
        self.query_one("#field", AnswerField).focus_first()
        self.session.go_to(self.question.id)
        self.save()

    def _show_progress(self) -> None:
        """Answered of the questions asked: notes and questions the skip logic leaves out do not count."""
        questionnaire = self.session.questionnaire
        relevant = self.session.relevance()
        asked = [
            q.id for q in questionnaire.questions if type_of(q).takes_answer and relevant.get(q.id, True)
        ]
        answered = sum(self.session.state(q) == "answered" for q in asked)
        self.query_one("#progress", ProgressBar).update(total=max(len(asked), 1), progress=answered)

    def _show_problems(self) -> None:
        if not self.session.is_relevant(self.question.id):  # reached through the question list
            self.query_one("#problems", Static).update(Content(tr("review.skipped", self.language)))
            return
        problems = self.session.problems(self.question.id)
        text = "\n".join(f"⚠ {p.message(self.language, self._label(p.subject))}" for p in problems)
        self.query_one("#problems", Static).update(Content(text))

    def _label(self, subject: str | None) -> str | None:
        return type_of(self.question).subject_label(self.question, subject, self.language)

    @on(AnswerField.Changed)
    def answer_changed(self, event: AnswerField.Changed) -> None:
        self.session.set_answer(event.question_id, event.value)
        self._show_problems()
        self._show_progress()
        self.save()

    # --- saving ---------------------------------------------------------------

    @work(thread=True, group="autosave", description="saving the draft")
    def save(self) -> None:
        """Write the draft off the UI thread; on failure, say so and try again shortly."""
        try:
            self.session.save_draft()
        except StorageError as error:
            self.app.call_from_thread(self._save_failed, str(error))
        else:
            self.app.call_from_thread(self._saved)

    def _save_failed(self, reason: str) -> None:
        self._show_save_status(Content(tr("fill.save_failed", self.language, reason=reason)))
        self.set_timer(RETRY_SECONDS, self.save)

    def _saved(self) -> None:
        self._show_save_status(Content(""))

    def _show_save_status(self, text: Content) -> None:
        # A save may finish while the screen is being rebuilt for another question.
        for status in self.query("#save-status").results(Static):
            status.update(text)

    # --- moving around ----------------------------------------------------------

    def flush(self) -> None:
        """Take the field's value as it is now, before leaving it (see `AnswerField.current_value`)."""
        for field in self.query("#field").results(AnswerField):
            value = field.current_value()
            if value is NOT_READ:
                return
            before = self.session.raw_answer(field.question.id)
            if (value or None) != (before or None):
                self.session.set_answer(field.question.id, value)

    async def _let_typing_land(self) -> None:
        """Let the field take the keys typed just before this one (Ctrl+N is a priority key).

        In a terminal, "120" and Ctrl+N can arrive in one read: the digits wait in
        the field's queue while the priority binding runs first. Yielding until that
        queue is empty lets the field hold "120" before `flush` reads it.
        """
        for _ in range(100):  # keys forwarded to this screen while no field had the focus
            if self._message_queue.empty():
                break
            await asyncio.sleep(0)
        self._release_keys()  # keys held while this question was built go to its field first
        for _ in range(100):
            queues = [getattr(w, "_message_queue", None) for w in (self.focused, self._typing_target) if w]
            if all(queue is None or queue.empty() for queue in queues):
                break
            await asyncio.sleep(0)
        await asyncio.sleep(0)

    async def show_question(self, index: int) -> None:
        await self._let_typing_land()
        self.flush()
        self.index = max(0, min(index, len(self.session.questionnaire.questions) - 1))
        self.session.go_to(self.question.id)
        self.save()
        self._rebuilding = True
        self.set_focus(None)  # keys from now on come to the screen, to be held
        await self.recompose()
        self.on_mount()
        if not type_of(self.question).takes_answer:
            self._release_keys()  # a note: nothing will take the focus, nothing to type into
        # Otherwise the keys are held until the field has the focus (on_descendant_focus).

    def on_key(self, event: events.Key) -> None:
        """Keys that arrive while the next question is being built wait for its field.

        Bug: typing right after Ctrl+N lost the first keys (no field had the focus yet).
        """
        if self._rebuilding and event.is_printable:
            self._held_keys.append(event)
            event.stop()
            event.prevent_default()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The new field took the focus: the held keys are its now (not any other widget's)."""
        if self._rebuilding and any(w is event.widget for w in self.query("#field *")):
            self._release_keys()

    def _release_keys(self) -> None:
        """The new field has the focus (or has nothing to focus): give it the held keys."""
        if not self._rebuilding:
            return
        self._rebuilding = False
        held, self._held_keys = self._held_keys, []
        target = self.focused
        if target is None:  # the focus may still be on its way: the field's first focusable widget
            target = next((w for w in self.query("#field *") if w.can_focus and w.display), None)
        if target is None:
            return  # a note: typed characters have nowhere to go
        self._typing_target = target
        for key in held:
            target.post_message(events.Key(key.key, key.character))

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
        await self._let_typing_land()
        self.flush()  # the answer just typed may decide which question comes next
        following = self._asked_after(1)
        if following is None:
            await self.action_review()
        else:
            await self.show_question(following)

    async def action_previous_question(self) -> None:
        await self._let_typing_land()
        self.flush()
        previous = self._asked_after(-1)
        if previous is not None:
            await self.show_question(previous)

    def action_jump_to_question(self) -> None:
        from enquete.ui.dialogs.question_list import QuestionListDialog

        async def jump(question_id: str | None) -> None:
            if question_id:
                await self.show_question(self.session.questionnaire.ids.index(question_id))

        self.app.push_screen(QuestionListDialog(self.session, self.question.id, self.language), jump)

    async def action_review(self) -> None:
        await self._let_typing_land()
        self.flush()
        from enquete.ui.screens.review import ReviewScreen

        async def back_from_review(question_id: str | None) -> None:
            if question_id:
                await self.show_question(self.session.questionnaire.ids.index(question_id))

        await self.app.push_screen(ReviewScreen(self.session), back_from_review)

    async def language_changed(self) -> None:
        self.session.set_language(self.language)
        self.save()
        await self.recompose()
        self.on_mount()

    async def confirm_leaving(self, then: Callable[[], object]) -> None:
        """Ask before quitting; the draft is on disk either way (or the failure is on screen)."""
        self.flush()
        self.save()
        from enquete.ui.dialogs.confirm import confirm_quit

        def decided(leave: bool | None) -> None:
            if leave:
                then()

        self.app.push_screen(confirm_quit(self.language), decided)
