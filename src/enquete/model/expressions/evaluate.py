"""Computing an expression against the answers, by XPath 1.0's rules.

The evaluator only ever sees our own syntax tree and calls only the
functions of `functions.FUNCTIONS`; the tree is bounded in depth by the
parser, so the recursion here is bounded too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from enquete.model.expressions.functions import FUNCTIONS
from enquete.model.expressions.syntax import Binary, Call, Current, Negate, Node, Number, Reference, String
from enquete.model.expressions.values import Value, arithmetic, compare, to_boolean, to_number


@dataclass(frozen=True)
class Context:
    """What an expression can see: other answers, its own answer, today's date."""

    answer_of: Callable[[str], Value]
    """The answer to a question by id; None when unanswered or not relevant."""
    current: Value = None
    """What `.` means: the answer of the question the expression belongs to."""
    today: date = field(default_factory=date.today)


def evaluate(node: Node, context: Context) -> Value:
    """The value of the tree; EvaluationError only from `regex()` (invalid or too slow)."""
    if isinstance(node, Number):
        return node.value
    if isinstance(node, String):
        return node.value
    if isinstance(node, Reference):
        return context.answer_of(node.question)
    if isinstance(node, Current):
        return context.current
    if isinstance(node, Negate):
        return -to_number(evaluate(node.operand, context))
    if isinstance(node, Call):
        function = FUNCTIONS[node.name]
        if node.name == "if":
            condition, when_true, when_false = node.arguments
            chosen = when_true if to_boolean(evaluate(condition, context)) else when_false
            return evaluate(chosen, context)
        return function.apply([evaluate(a, context) for a in node.arguments], context.today)
    return _binary(node, context)


def _binary(node: Binary, context: Context) -> Value:
    operator = node.operator
    if operator == "or":
        return to_boolean(evaluate(node.left, context)) or to_boolean(evaluate(node.right, context))
    if operator == "and":
        return to_boolean(evaluate(node.left, context)) and to_boolean(evaluate(node.right, context))
    left = evaluate(node.left, context)
    right = evaluate(node.right, context)
    if operator in ("=", "!=", "<", "<=", ">", ">="):
        return compare(operator, left, right)
    return arithmetic(operator, left, right)
