"""Question types: one module per type, each registering one `QuestionType` object.

Adding a type is adding a module here (or anywhere, for a plug-in or a test)
that defines its schema class and its `QuestionType`, and calls `register`;
the questionnaire accepts it at once, and reading, checking, counting and
every report ask it. The fill screen also needs a widget for it
(`enquete.ui.widgets.by_type`).
"""

from typing import Any

from enquete.qtypes import choice, code, date, matrix, multi, note, number, text
from enquete.qtypes.base import (
    Answer,
    AnswerModel,
    Column,
    QuestionType,
    register,
    registered,
    type_named,
    type_of,
    unregister,
)

BUILT_IN: tuple[QuestionType[Any], ...] = (
    code.TYPE,
    choice.TYPE,
    text.TYPE,
    matrix.TYPE,
    multi.TYPE,
    number.TYPE,
    date.TYPE,
    note.TYPE,
)
"""The types enquete ships, registered in the order the questionnaire format documents them."""

for _built_in in BUILT_IN:
    register(_built_in)

__all__ = [
    "BUILT_IN",
    "Answer",
    "AnswerModel",
    "Column",
    "QuestionType",
    "register",
    "registered",
    "type_named",
    "type_of",
    "unregister",
]
