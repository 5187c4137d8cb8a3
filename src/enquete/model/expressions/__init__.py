"""The expression language of `relevant`, `constraint` and `required`: XLSForm's syntax.

Survey authors already write XLSForm (`${q} = 'yes'`, `. >= 0 and . <= 100`,
`selected(${tools}, 'other')`), so enquete reads the same syntax with its
own grammar (lark) and its own evaluator over a closed set of functions:
nothing in a questionnaire is ever run as Python. Pure: no UI import.

Use `parse(text)` once when the questionnaire loads, then
`expression.holds(context)` as answers change.
"""

from __future__ import annotations

from dataclasses import dataclass

from enquete.model.expressions.evaluate import Context, evaluate
from enquete.model.expressions.functions import FUNCTIONS, EvaluationError
from enquete.model.expressions.parser import MAX_DEPTH, MAX_SOURCE_LENGTH, ExpressionError, parse_tree
from enquete.model.expressions.references import (
    ReferenceProblem,
    find_cycle,
    references,
    unknown_references,
)
from enquete.model.expressions.syntax import Current, Node, to_source, walk
from enquete.model.expressions.values import Value, to_boolean

__all__ = [
    "FUNCTIONS",
    "MAX_DEPTH",
    "MAX_SOURCE_LENGTH",
    "Context",
    "EvaluationError",
    "Expression",
    "ExpressionError",
    "ReferenceProblem",
    "Value",
    "find_cycle",
    "parse",
    "unknown_references",
]


@dataclass(frozen=True)
class Expression:
    """A parsed expression: its text as written, its tree, and what it reads."""

    source: str
    tree: Node

    @property
    def questions(self) -> tuple[str, ...]:
        """The ids it names with `${...}`, each once, in source order."""
        return tuple(dict.fromkeys(r.question for r in references(self.tree)))

    @property
    def reads_current(self) -> bool:
        """Whether it uses `.` (a `relevant` may not: the question has no answer yet)."""
        return any(isinstance(n, Current) for n in walk(self.tree))

    def value(self, context: Context) -> Value:
        """What it computes; EvaluationError when `regex()` cannot be checked."""
        return evaluate(self.tree, context)

    def holds(self, context: Context) -> bool:
        """Its truth value, as `relevant`, `constraint` and `required` use it."""
        return to_boolean(self.value(context))

    def canonical(self) -> str:
        """The same expression written with single spaces and only needed parentheses."""
        return to_source(self.tree)


def parse(source: str) -> Expression:
    """Parse `source`; ExpressionError with the column and what was expected."""
    return Expression(source, parse_tree(source))
