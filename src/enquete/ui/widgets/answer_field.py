"""What every answer widget has in common: it shows a value and says when the person changes it."""

from __future__ import annotations

from typing import Any

from textual.message import Message
from textual.widget import Widget

from enquete.model.questionnaire import AnyQuestion

NOT_READ: Any = object()
"""What `current_value` gives when a widget cannot be read directly (its messages carry the value)."""


class AnswerField(Widget):
    """Base of the widgets that edit one question's answer (attributes down, messages up).

    The session owns the answer; a field shows what it is given and posts a
    message for each thing the person does.
    """

    class Changed(Message):
        """The person changed the answer; `value` is raw, as the response file would hold it."""

        def __init__(self, question_id: str, value: Any) -> None:
            super().__init__()
            self.question_id = question_id
            self.value = value

    def __init__(self, question: AnyQuestion, value: Any, language: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.question = question
        self.initial = value
        self.language = language

    def current_value(self) -> Any:
        """The answer as the widget shows it now, read directly, or `NOT_READ`.

        Keys typed just before Ctrl+N have changed the widget, but their
        `Changed` messages are still queued when the screen is rebuilt for
        the next question and die with the widget: the screen reads this
        first, so "120" followed at once by Ctrl+N is not lost.
        """
        return NOT_READ

    def enter_may_move_on(self) -> bool:
        """Whether the cursor is in a one-line place, where Enter can finish this answer.

        True in one-line fields (a number, a date, one-line text, a code search), as
        in ODK, KoboToolbox and SurveyJS; False where Enter acts in the field (a new
        line in a text area, a cell of a matrix, a box ticked). The fill screen takes
        Enter from the field only here, and decides once the keys typed before it
        have landed (`enter_moves_on`), so a fast typist gets what a slow one gets.
        """
        return False

    def enter_moves_on(self) -> bool:
        """Whether Enter, pressed now, goes to the next question (else `enter_in_field`)."""
        return self.enter_may_move_on()

    def enter_in_field(self) -> None:
        """What Enter does when it does not go on (a code search picks the highlighted item)."""

    def announce(self, value: Any) -> None:
        self.post_message(self.Changed(self.question.id, value))

    def focus_first(self) -> None:
        """Put the cursor where the person starts answering, without scrolling the question away."""
        for widget in self.query("*"):
            if widget.focusable and widget.display:
                # At once, not after the next refresh: keys typed as the question appears land here.
                self.screen.set_focus(widget, scroll_visible=False)
                return

    def focus_subject(self, subject: str | None) -> None:
        """Put the cursor on a row or option a problem names (from review); the first place otherwise."""
        self.focus_first()

    def key_shown(self, action: str) -> bool:
        """Whether the key bar shows a key of this field now (a key may lead somewhere only at times)."""
        return True

    def show_answer(self, answer: Any) -> None:
        """Show the answer the session now holds (after a rule changed more than the person did)."""
