"""A one-line text box with a live count of characters against its limit.

The one-line twin of `CountedText`, for a `text` question with
`multiline = false`: Enter moves on (the fill screen's key, shown in the key
bar), a multi-line paste is put on one line with its line breaks as spaces and
the person is told so, and a line break kept from a hand-edited file is shown
as ⏎ and said, never dropped.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Static

from enquete.text import LINE_BREAK_MARK, shown_on_one_line, without_surrogates
from enquete.ui.content import tr
from enquete.ui.widgets.one_line_input import OneLineInput


class CountedLine(Widget):
    """A `OneLineInput`, its counter and a note; posts `Edited` with the text as typed."""

    DEFAULT_CSS = """
    CountedLine { height: auto; }
    CountedLine .count { text-align: right; color: $text-muted; height: 1; }
    CountedLine .count.over { color: $error; text-style: bold; }
    CountedLine .note { color: $warning; height: auto; }
    """

    class Edited(Message):
        """The person changed the text (typed, pasted, deleted)."""

        def __init__(self, box: CountedLine, text: str) -> None:
            super().__init__()
            self.box = box
            self.text = text

        @property
        def control(self) -> CountedLine:
            return self.box

    def __init__(self, text: str, limit: int, language: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.initial, self.limit, self.language = text, limit, language

    def compose(self) -> ComposeResult:
        yield OneLineInput(self.initial)
        yield Static(self._count(self.initial), classes="count")
        note = Static("", classes="note")
        if LINE_BREAK_MARK in shown_on_one_line(self.initial):
            # A hand-edited file put line breaks in a one-line answer: shown, said, kept.
            note.update(Content(tr("text.breaks_kept", self.language)))
        else:
            note.display = False
        yield note

    @property
    def editor(self) -> OneLineInput:
        return self.query_one(OneLineInput)

    def _count(self, text: str) -> Content:
        return Content(tr("text.count", self.language, count=len(text), limit=self.limit))

    @on(Input.Changed)
    def text_changed(self, event: Input.Changed) -> None:
        event.stop()
        text = without_surrogates(event.value)
        count = self.query_one(".count", Static)
        count.update(self._count(text))
        count.set_class(len(text) > self.limit, "over")
        self.post_message(self.Edited(self, text))

    @on(OneLineInput.LinesJoined)
    def lines_joined(self, event: OneLineInput.LinesJoined) -> None:
        event.stop()
        note = self.query_one(".note", Static)
        note.update(Content(tr("text.lines_joined", self.language)))
        note.display = True
