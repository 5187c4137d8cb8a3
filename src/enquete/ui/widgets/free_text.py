"""Free text: a multi-line area with a live count of characters against the limit."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult

from enquete.model.questionnaire import TextQuestion
from enquete.ui.widgets.answer_field import AnswerField
from enquete.ui.widgets.counted_text import CountedText


class FreeTextField(AnswerField):
    """The text as typed; the count turns to a warning past the limit (the file would refuse it)."""

    DEFAULT_CSS = """
    FreeTextField { height: auto; }
    """

    question: TextQuestion

    def compose(self) -> ComposeResult:
        text = self.initial if isinstance(self.initial, str) else ""
        yield CountedText(text, self.question.max_length, self.language, classes="tall")

    @on(CountedText.Edited)
    def text_changed(self, event: CountedText.Edited) -> None:
        event.stop()
        self.announce(event.text)
