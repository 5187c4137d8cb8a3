"""One line to type in: a number (with its unit), a date, or single-line text.

What is typed is announced as typed; the question's type reads it (a number
from `120`, a date from `2024-05-01`) and says what is wrong, so "about 120"
stays on screen with its message instead of being lost.
"""

from __future__ import annotations

import datetime
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Static

from enquete.text import printable, without_surrogates
from enquete.ui.content import tr
from enquete.ui.widgets.answer_field import AnswerField


class LineField(AnswerField):
    """An input box, with the unit beside it for a number question."""

    DEFAULT_CSS = """
    LineField { height: auto; }
    LineField Horizontal { height: auto; }
    LineField Input { width: 40; }
    LineField .unit { padding: 1 1; color: $text-muted; width: auto; }
    """

    def compose(self) -> ComposeResult:
        value = self.initial
        if isinstance(value, datetime.date):
            value = value.isoformat()
        text = "" if value is None else str(value)
        placeholder = {"number": "number.placeholder", "date": "date.placeholder"}.get(self.question.type)
        with Horizontal():
            yield Input(text, placeholder=tr(placeholder, self.language) if placeholder else "")
            unit_in = getattr(self.question, "unit_in", None)
            unit = unit_in(self.language) if callable(unit_in) else ""
            if unit:
                yield Static(printable(str(unit)), classes="unit", markup=False)

    def current_value(self) -> Any:
        return without_surrogates(self.query_one(Input).value)

    @on(Input.Changed)
    def typed(self, event: Input.Changed) -> None:
        event.stop()
        self.announce(without_surrogates(event.value))


class NoteField(AnswerField):
    """A note has nothing to answer: the screen shows its text and help, and this is empty."""

    DEFAULT_CSS = "NoteField { height: 0; }"

    def compose(self) -> ComposeResult:
        return iter(())
