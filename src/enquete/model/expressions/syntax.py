"""The syntax tree of an expression, and its rendering back to source.

Nodes are small frozen dataclasses so two parses of the same text compare
equal; each keeps the 1-based column where it starts (left out of equality)
so a problem found later (an unknown question, a cycle) can point at it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeAlias


@dataclass(frozen=True)
class Number:
    """A number literal, `12` or `0.5` (XPath numbers have no sign or exponent)."""

    value: int | float
    column: int = field(default=0, compare=False)


@dataclass(frozen=True)
class String:
    """A quoted literal, `'yes'` or `"it's"`: XPath strings have no escapes."""

    value: str
    column: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Reference:
    """`${question_id}`: the answer to another question (empty when unanswered)."""

    question: str
    column: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Current:
    """`.`: the answer to the question the expression belongs to."""

    column: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Call:
    """`name(arguments)`: one of the functions in `functions.FUNCTIONS`."""

    name: str
    arguments: tuple[Node, ...]
    column: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Negate:
    """Unary minus."""

    operand: Node
    column: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Binary:
    """`left OPERATOR right`, one of `BINARY_OPERATORS`."""

    operator: str
    left: Node
    right: Node
    column: int = field(default=0, compare=False)


Node: TypeAlias = Number | String | Reference | Current | Call | Negate | Binary

PRECEDENCE: dict[str, int] = {
    "or": 1,
    "and": 2,
    "=": 3,
    "!=": 3,
    "<": 4,
    "<=": 4,
    ">": 4,
    ">=": 4,
    "+": 5,
    "-": 5,
    "*": 6,
    "div": 6,
    "mod": 6,
}
"""XPath 1.0's binding strengths: `or` loosest, then `and`, equality,
relational, additive, multiplicative; all left-associative."""

BINARY_OPERATORS = tuple(PRECEDENCE)
_UNARY = 7


def number_source(value: int | float) -> str:
    """A number as XPath writes it: plain digits, never an exponent."""
    if isinstance(value, int):
        return str(value)
    text = format(Decimal(repr(value)), "f")
    return text if "." in text else text + ".0"


def _string_source(value: str) -> str:
    return f'"{value}"' if "'" in value else f"'{value}'"


def _precedence(node: Node) -> int:
    if isinstance(node, Binary):
        return PRECEDENCE[node.operator]
    if isinstance(node, Negate):
        return _UNARY
    return 8


def to_source(node: Node) -> str:
    """The expression as text, with only the parentheses it needs.

    `parse(to_source(tree)) == tree` for every tree the parser can produce,
    which the property tests check.
    """
    if isinstance(node, Number):
        return number_source(node.value)
    if isinstance(node, String):
        return _string_source(node.value)
    if isinstance(node, Reference):
        return "${" + node.question + "}"
    if isinstance(node, Current):
        return "."
    if isinstance(node, Call):
        return f"{node.name}({', '.join(to_source(a) for a in node.arguments)})"
    if isinstance(node, Negate):
        inner = to_source(node.operand)
        return f"-({inner})" if _precedence(node.operand) < _UNARY else f"-{inner}"
    strength = PRECEDENCE[node.operator]
    left = to_source(node.left)
    right = to_source(node.right)
    if _precedence(node.left) < strength:
        left = f"({left})"
    if _precedence(node.right) <= strength:
        right = f"({right})"
    return f"{left} {node.operator} {right}"


def walk(node: Node) -> list[Node]:
    """Every node of the tree, parents before children (iterative: trees are bounded anyway)."""
    found: list[Node] = []
    pending: list[Node] = [node]
    while pending:
        current = pending.pop()
        found.append(current)
        if isinstance(current, Call):
            pending.extend(reversed(current.arguments))
        elif isinstance(current, Negate):
            pending.append(current.operand)
        elif isinstance(current, Binary):
            pending.extend((current.right, current.left))
    return found


def depth(node: Node) -> int:
    """How deeply the tree nests, computed without recursion (it guards recursion)."""
    deepest = 0
    pending: list[tuple[Node, int]] = [(node, 1)]
    while pending:
        current, level = pending.pop()
        deepest = max(deepest, level)
        if isinstance(current, Call):
            pending.extend((argument, level + 1) for argument in current.arguments)
        elif isinstance(current, Negate):
            pending.append((current.operand, level + 1))
        elif isinstance(current, Binary):
            pending.extend(((current.left, level + 1), (current.right, level + 1)))
    return deepest
