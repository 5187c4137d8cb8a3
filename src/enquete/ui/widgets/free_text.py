"""Free text: a multi-line area, or one line (`multiline = false`), with a live count against the limit."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult

from enquete.model.questionnaire import TextQuestion
from enquete.text import without_surrogates
from enquete.ui.widgets.answer_field import AnswerField
from enquete.ui.widgets.counted_line import CountedLine
from enquete.ui.widgets.counted_text import CountedText


class FreeTextField(AnswerField):
    """The text as typed; the count turns to a warning past the limit (the file would refuse it).

    A question with `multiline = false` is edited on one line: Enter goes to the
    next question instead of making a new line (the fill screen's key).
    """

    DEFAULT_CSS = """
    FreeTextField { height: auto; }
    """

    question: TextQuestion

    def compose(self) -> ComposeResult:
        text = self.initial if isinstance(self.initial, str) else ""
        if self.question.multiline:
            yield CountedText(text, self.question.max_length, self.language, classes="tall")
        else:
            yield CountedLine(text, self.question.max_length, self.language)

    def current_value(self) -> Any:
        for line in self.query(CountedLine).results(CountedLine):
            return without_surrogates(line.editor.value)
        for box in self.query(CountedText).results(CountedText):
            return without_surrogates(box.editor.text)
        return super().current_value()

    def enter_may_move_on(self) -> bool:
        return not self.question.multiline and any(line.editor.has_focus for line in self.query(CountedLine))

    @on(CountedText.Edited)
    @on(CountedLine.Edited)
    def text_changed(self, event: CountedText.Edited | CountedLine.Edited) -> None:
        event.stop()
        self.announce(event.text)
