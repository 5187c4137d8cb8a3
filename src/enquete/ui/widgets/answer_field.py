"""What every answer widget has in common: it shows a value and says when the person changes it."""

from __future__ import annotations

from typing import Any

from textual.message import Message
from textual.widget import Widget

from enquete.model.questionnaire import AnyQuestion

NOT_READ: Any = object()
"""What `current_value` gives when a widget cannot be read directly (its messages carry the value)."""


class AnswerField(Widget):
    """Base of the widgets that edit one question's answer (attributes down, messages up)."""

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

    def announce(self, value: Any) -> None:
        self.post_message(self.Changed(self.question.id, value))

    def focus_first(self) -> None:
        """Put the cursor where the person starts answering."""
        for widget in self.query("*"):
            if widget.can_focus and widget.display:
                widget.focus()
                return
