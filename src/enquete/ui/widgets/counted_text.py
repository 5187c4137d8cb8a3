"""A multi-line text box with a live count of characters against its limit.

Used for free-text questions and for the comment boxes of a multi-select, so
both behave alike: Enter makes a new line, Tab moves on, pasted lines are kept
whole, and the count turns to a warning past the limit.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static, TextArea

from enquete.text import without_surrogates
from enquete.ui.content import tr
from enquete.ui.widgets.safe_text_area import SafeTextArea


class CountedText(Widget):
    """A `SafeTextArea` and its counter; posts `Edited` with the text as typed."""

    DEFAULT_CSS = """
    CountedText { height: auto; }
    CountedText SafeTextArea { height: auto; min-height: 3; max-height: 8; }
    CountedText.tall SafeTextArea { min-height: 8; max-height: 12; }
    CountedText .count { text-align: right; color: $text-muted; height: 1; }
    CountedText .count.over { color: $error; text-style: bold; }
    """

    class Edited(Message):
        """The person changed the text (typed, pasted, deleted)."""

        def __init__(self, box: CountedText, text: str) -> None:
            super().__init__()
            self.box = box
            self.text = text

        @property
        def control(self) -> CountedText:
            return self.box

    def __init__(self, text: str, limit: int, language: str, placeholder: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.initial, self.limit, self.language, self.placeholder = text, limit, language, placeholder

    def compose(self) -> ComposeResult:
        yield SafeTextArea(self.initial, placeholder=self.placeholder)
        yield Static(self._count(self.initial), classes="count")

    @property
    def editor(self) -> SafeTextArea:
        return self.query_one(SafeTextArea)

    def _count(self, text: str) -> Content:
        return Content(tr("text.count", self.language, count=len(text), limit=self.limit))

    @on(TextArea.Changed)
    def text_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        text = without_surrogates(event.text_area.text)
        count = self.query_one(".count", Static)
        # One line whatever the number: redraw it, without laying the whole screen out again.
        count.update(self._count(text), layout=False)
        count.set_class(len(text) > self.limit, "over")
        self.post_message(self.Edited(self, text))
