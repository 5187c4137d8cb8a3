"""What every answer widget has in common: it shows a value and says when the person changes it."""

from __future__ import annotations

from typing import Any

from textual.message import Message
from textual.widget import Widget

from enquete.model.questionnaire import AnyQuestion


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

    def announce(self, value: Any) -> None:
        self.post_message(self.Changed(self.question.id, value))

    def focus_first(self) -> None:
        """Put the cursor where the person starts answering."""
        for widget in self.query("*"):
            if widget.can_focus and widget.display:
                widget.focus()
                return
