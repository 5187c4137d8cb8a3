"""Keys typed just before a move belong to the question they were typed in.

A terminal delivers fast typing in one read: "120" and Ctrl+N (or Enter)
arrive together. Ctrl+N is a priority key, so the app runs it while "120"
still waits in the focused input's queue, and the messages that would carry
"120" to the session would die with the old question's widgets. So before any
move the screen lets those keys land: each widget from the focused one up to
the screen handles what it was sent before, round after round, until nothing
is left in flight (bounded in time: never a hang); then the field's value is
read directly, in case something was still on its way.

Keys typed just after the move are the next question's: the move builds it
before returning (see `navigation`), and a message from the old question's
field that arrives late is set aside (the screen ignores it: its value was
taken here).
"""

from __future__ import annotations

from enquete.ui.keys_in_flight import let_typed_keys_land
from enquete.ui.screens.fill.state import FillState
from enquete.ui.widgets.answer_field import NOT_READ, AnswerField


class TypedKeys(FillState):
    """Takes the answer as typed before the screen moves on, leaves or opens the review."""

    async def take_typed_answer(self) -> None:
        """Let the keys typed before this one land, then take the field's value as it is now."""
        await self._let_typed_keys_land()
        self._take_field_value()

    async def _let_typed_keys_land(self) -> None:
        await let_typed_keys_land(self)

    def _take_field_value(self) -> None:
        """The field's value read directly (see `AnswerField.current_value`), if it differs."""
        for field in self.query("#field").results(AnswerField):
            value = field.current_value()
            if value is NOT_READ:
                return
            before = self.session.raw_answer(field.question.id)
            if (value or None) != (before or None):
                self.session.set_answer(field.question.id, value)
