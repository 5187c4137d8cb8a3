"""One line to type in: a number (with its unit), a date, or single-line text.

What is typed is announced as typed; the question's type reads it (a number
from `120`, a date from `2024-05-01`) and says what is wrong, so "about 120"
stays on screen with its message instead of being lost.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Input, Static

from enquete.qtypes import type_of
from enquete.text import printable, without_surrogates
from enquete.ui.content import tr
from enquete.ui.widgets.answer_field import AnswerField
from enquete.ui.widgets.one_line_input import OneLineInput


class LineField(AnswerField):
    """An input box, with the unit beside it for a number question."""

    DEFAULT_CSS = """
    LineField { height: auto; }
    LineField Horizontal { height: auto; }
    LineField Input { width: 40; }
    LineField .unit { padding: 1 1; color: $text-muted; width: auto; }
    LineField .note { color: $warning; height: auto; }
    """

    def compose(self) -> ComposeResult:
        value = self.initial  # as typed when it was refused, else the stored answer
        if value is None:
            text = ""
        elif isinstance(value, str):
            text = value
        else:
            text = type_of(self.question).field_text(self.question, value)
        placeholder = {"number": "number.placeholder", "date": "date.placeholder"}.get(self.question.type)
        with Horizontal():
            yield OneLineInput(text, placeholder=tr(placeholder, self.language) if placeholder else "")
            unit_in = getattr(self.question, "unit_in", None)
            unit = unit_in(self.language) if callable(unit_in) else ""
            if unit:
                yield Static(printable(str(unit)), classes="unit", markup=False)
        note = Static("", classes="note")
        note.display = False
        yield note

    def current_value(self) -> Any:
        return without_surrogates(self.query_one(Input).value)

    def enter_may_move_on(self) -> bool:
        return any(line.has_focus for line in self.query(Input))

    @on(Input.Changed)
    def typed(self, event: Input.Changed) -> None:
        event.stop()
        self.announce(without_surrogates(event.value))

    @on(OneLineInput.LinesJoined)
    def lines_joined(self, event: OneLineInput.LinesJoined) -> None:
        """Say that a pasted text's line breaks became spaces (nothing of it is lost)."""
        event.stop()
        note = self.query_one(".note", Static)
        note.update(Content(tr("text.lines_joined", self.language)))
        note.display = True


class NoteField(AnswerField):
    """A note has nothing to answer: the screen shows its text and help, and this is empty."""

    DEFAULT_CSS = "NoteField { height: 0; }"

    def compose(self) -> ComposeResult:
        return iter(())
