"""Which widget edits which question type: the one UI-side place a new type is added."""

from __future__ import annotations

from typing import Any

from enquete.model.questionnaire import AnyQuestion
from enquete.ui.widgets.answer_field import AnswerField
from enquete.ui.widgets.free_text import FreeTextField
from enquete.ui.widgets.line_input import LineField, NoteField
from enquete.ui.widgets.matrix import MatrixField
from enquete.ui.widgets.multi_select import MultiSelectField
from enquete.ui.widgets.pick_one import PickOneField

WIDGETS: dict[str, type[AnswerField]] = {
    "code": PickOneField,
    "choice": PickOneField,
    "text": FreeTextField,
    "matrix": MatrixField,
    "multi": MultiSelectField,
    "number": LineField,
    "date": LineField,
    "note": NoteField,
}
"""Question type name -> the widget class that edits its answer."""


def field_for(question: AnyQuestion, value: Any, language: str) -> AnswerField:
    """The widget for one question, showing `value`.

    Args:
        question: The question to answer.
        value: The raw answer to show (as typed, or as stored).
        language: The person's language.

    Returns:
        The question type's widget, with the id `field`; free text for a type without one.
    """
    widget = WIDGETS.get(question.type, FreeTextField)
    return widget(question, value, language, id="field")
