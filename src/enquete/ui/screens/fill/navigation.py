"""Moving around the questions: next and previous as the skip logic asks, jumps, the review."""

from __future__ import annotations

from textual.css.query import NoMatches

from enquete.ui.content import tr
from enquete.ui.screens.fill.state import FillState
from enquete.ui.screens.fill.submitting import Submitting
from enquete.ui.widgets.answer_field import AnswerField


class Navigating(Submitting):
    """The fill screen's moves: each saves at once; Ctrl+N and Ctrl+B build the question before returning."""

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
        self.set_reactive(FillState.index, max(0, min(index, len(self.session.questionnaire.questions) - 1)))
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
        """Ctrl+N (and Enter in a one-line field): the answer as typed is taken first, as it may
        decide which question comes next.

        Bug (issue 12): "120" typed just before Ctrl+N, in one burst, was lost.
        """
        await self.take_typed_answer()
        following = self._asked_after(1)
        if following is None:
            await self.action_review()
        else:
            await self.show_question_now(following)

    def _answer_field(self) -> AnswerField | None:
        return next(iter(self.query("#field").results(AnswerField)), None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter is the screen's only in a one-line field; elsewhere, the field's (a new line, a choice)."""
        if action == "next_on_enter":
            field = self._answer_field()
            try:
                return field is not None and field.enter_may_move_on()
            except NoMatches:  # asked while the field is being built
                return False
        return True

    def key_shown(self, action: str) -> bool:
        """Whether the key bar shows an enabled key now: Enter's `Next` only where Enter would go on,
        a field's key only where the field says it leads somewhere (`AnswerField.key_shown`)."""
        field = self._answer_field()
        if action == "next_on_enter":
            try:
                return field is not None and field.enter_moves_on()
            except NoMatches:
                return False
        return field is None or field.key_shown(action)

    async def action_next_on_enter(self) -> None:
        """Enter in a one-line field: the next question, as Ctrl+N (keys typed after it act there).

        Decided once the keys typed before Enter have landed: "KR" Enter typed in one
        burst goes on just as it does typed slowly (KR is chosen by then).
        """
        await self.take_typed_answer()
        field = self._answer_field()
        if field is None:
            return
        if field.enter_moves_on():
            await self.action_next_question()
        else:
            field.enter_in_field()

    async def action_previous_question(self) -> None:
        await self.take_typed_answer()
        previous = self._asked_after(-1)
        if previous is not None:
            await self.show_question_now(previous)

    async def action_jump_to_question(self) -> None:
        await self.take_typed_answer()
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

        await self.take_typed_answer()
        self.save_now()
        await self.app.push_screen(ReviewScreen(self.session, self.language), back_from_review)

    async def action_finalize(self) -> None:
        """Ctrl+S, as the README says: finalizing happens in the review, which checks first; say so.

        Hidden from the key bar (it must fit 80 columns in every language) but listed by F1.
        """
        await self.action_review()
        self.app.notify(tr("fill.finalize_in_review", self.language), markup=False)
