"""Free text: a multi-line area with a live count of characters against the limit."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, Static, TextArea

from enquete.model.questionnaire import TextQuestion
from enquete.text import without_surrogates
from enquete.ui.content import tr
from enquete.ui.widgets.answer_field import NOT_READ, AnswerField


class FreeTextField(AnswerField):
    """The text as typed; the count turns to a warning past the limit (the file would refuse it)."""

    DEFAULT_CSS = """
    FreeTextField { height: auto; }
    FreeTextField TextArea { height: 8; }
    FreeTextField .count { text-align: right; color: $text-muted; }
    FreeTextField .count.over { color: $error; text-style: bold; }
    """

    question: TextQuestion

    def compose(self) -> ComposeResult:
        text = self.initial if isinstance(self.initial, str) else ""
        if self.question.multiline:
            yield TextArea(text, soft_wrap=True, tab_behavior="focus", show_line_numbers=False)
        else:  # `multiline = false`: a name, a code, an e-mail address; Enter does not add a line
            yield Input(text)
        yield Static(self._count(text), classes="count", id="count")

    def current_value(self) -> Any:
        for area in self.query(TextArea).results(TextArea):
            return without_surrogates(area.text)
        for line in self.query(Input).results(Input):
            return without_surrogates(line.value)
        return NOT_READ

    @on(Input.Changed)
    def line_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._changed(without_surrogates(event.value))

    def _count(self, text: str) -> Content:
        return Content(tr("text.count", self.language, count=len(text), limit=self.question.max_length))

    @on(TextArea.Changed)
    def text_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._changed(without_surrogates(event.text_area.text))

    def _changed(self, text: str) -> None:
        count = self.query_one("#count", Static)
        count.update(self._count(text))
        count.set_class(len(text) > self.question.max_length, "over")
        self.announce(text)
