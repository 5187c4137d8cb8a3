"""What an expression can read from one question's answer, as its question type describes it.

Kept outside `model.expressions` on purpose: every question type imports
this, and importing the expressions package loads the parser (lark), which
a report on a questionnaire without expressions never needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["nothing", "text", "number", "date", "option", "selection", "table"]
"""`option`: one option id; `selection`: several ids; `nothing`: no answer (a note);
`table`: an answer expressions cannot read (a matrix)."""


@dataclass(frozen=True)
class AnswerDomain:
    """What an expression reads from one question's answer."""

    kind: Kind
    options: tuple[str, ...] = ()
    """The ids an `option` or `selection` answer can hold."""
    noun: str = ""
    """What the question is, for messages: `a note`, `a matrix`."""
