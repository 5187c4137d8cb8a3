"""Text to syntax tree, with lark (LALR): a real grammar, never `eval`.

Every refusal is an `ExpressionError` that names the column and what was
expected there, in words a survey author reads ("a value such as a number,
'text' or ${question}"), not lark's terminal names. Hostile input is refused
before it costs anything: the text is bounded in length, numbers in digits,
the tree in depth (and lark's non-recursive transformer builds it, so a deep
tree cannot exhaust Python's stack on the way).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from lark import Lark, Token, Transformer_NonRecursive
from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedEOF, UnexpectedToken, VisitError

from enquete.model.expressions.functions import FUNCTIONS, compile_pattern
from enquete.model.expressions.syntax import (
    Binary,
    Call,
    Current,
    Negate,
    Node,
    Number,
    Reference,
    String,
    depth,
    walk,
)

MAX_SOURCE_LENGTH = 2000
"""Characters in one expression: a `relevant` or `constraint` is a line, not a program."""
MAX_DEPTH = 40
"""How deeply operators, calls and parentheses may nest."""
MAX_NUMBER_LENGTH = 24
"""Digits in one number literal: larger numbers are not survey figures."""

GRAMMAR = r"""
?start: or_expr
?or_expr: and_expr | or_expr OR and_expr -> binary
?and_expr: eq_expr | and_expr AND eq_expr -> binary
?eq_expr: rel_expr | eq_expr EQ rel_expr -> binary
?rel_expr: add_expr | rel_expr REL add_expr -> binary
?add_expr: mul_expr | add_expr PLUS mul_expr -> binary | add_expr MINUS mul_expr -> binary
?mul_expr: unary | mul_expr MUL unary -> binary
?unary: atom | MINUS unary -> negate
?atom: NUMBER -> number
     | STRING -> string
     | REF -> reference
     | DOT -> current
     | NAME LPAR [or_expr (COMMA or_expr)*] RPAR -> call
     | LPAR or_expr RPAR -> group

OR: "or"
AND: "and"
EQ: "!=" | "="
REL: "<=" | ">=" | "<" | ">"
PLUS: "+"
MINUS: "-"
MUL: "*" | "div" | "mod"
NUMBER.2: /[0-9]+(\.[0-9]*)?|\.[0-9]+/
STRING: /'[^']*'/ | /"[^"]*"/
REF: /\$\{[^}]*\}/
DOT: "."
NAME: /[a-z]+(-[a-z]+)*/
LPAR: "("
RPAR: ")"
COMMA: ","
%ignore /[ \t\r\n]+/
"""

_EXPECTED_WORDS = {
    "NUMBER": "a number",
    "STRING": "'text'",
    "REF": "${question}",
    "DOT": "'.'",
    "NAME": "a function such as selected(...)",
    "LPAR": "'('",
    "RPAR": "')'",
    "COMMA": "','",
    "MINUS": "'-'",
    "PLUS": "'+'",
    "OR": "'or'",
    "AND": "'and'",
    "EQ": "'=' or '!='",
    "REL": "'<', '<=', '>' or '>='",
    "MUL": "'*', 'div' or 'mod'",
    "$END": "the end",
}
_VALUE_STARTS = {"NUMBER", "STRING", "REF", "DOT", "NAME", "LPAR", "MINUS"}
_QUESTION_ID = r"[a-z0-9][a-z0-9_-]{0,63}"


class ExpressionError(ValueError):
    """An expression that cannot be used, with where (1-based column) and what was expected."""

    def __init__(self, message: str, column: int, expected: tuple[str, ...] = ()) -> None:
        self.message = message
        self.column = column
        self.expected = expected
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"column {self.column}: {self.message}"


def _describe_expected(names: set[str]) -> tuple[str, ...]:
    if names >= _VALUE_STARTS:
        names = (names - _VALUE_STARTS) | {"VALUE"}
    words = [
        "a value (a number, 'text', ${question}, '.' or a function)" if n == "VALUE" else n for n in names
    ]
    return tuple(sorted(_EXPECTED_WORDS.get(w, w) for w in words if not w.startswith("__")))


class _ToTree(Transformer_NonRecursive):  # type: ignore[type-arg]
    """Lark's parse tree to our nodes, columns kept, literals checked as they are met."""

    def number(self, children: list[Token]) -> Node:
        (token,) = children
        text = str(token)
        if len(text) > MAX_NUMBER_LENGTH:
            raise ExpressionError(f"the number is longer than {MAX_NUMBER_LENGTH} digits", token.column or 0)
        value: int | float = float(text) if "." in text else int(text)
        return Number(value, token.column or 0)

    def string(self, children: list[Token]) -> Node:
        (token,) = children
        return String(str(token)[1:-1], token.column or 0)

    def reference(self, children: list[Token]) -> Node:
        (token,) = children
        name = str(token)[2:-1].strip()
        if not re.fullmatch(_QUESTION_ID, name):
            raise ExpressionError(
                f"'{name[:40]}' is not a question id (lowercase letters, digits, _ and -)", token.column or 0
            )
        return Reference(name, token.column or 0)

    def current(self, children: list[Token]) -> Node:
        return Current(children[0].column or 0)

    def negate(self, children: list[Any]) -> Node:
        minus, operand = children
        return Negate(operand, minus.column or 0)

    def binary(self, children: list[Any]) -> Node:
        left, operator, right = children
        return Binary(str(operator), left, right, operator.column or 0)

    def group(self, children: list[Any]) -> Node:
        node: Node = children[1]
        return node

    def call(self, children: list[Any]) -> Node:
        name_token = children[0]
        arguments = tuple(c for c in children[2:-1] if c is not None and not isinstance(c, Token))
        name = str(name_token)
        column = name_token.column or 0
        function = FUNCTIONS.get(name)
        if function is None:
            known = ", ".join(sorted(FUNCTIONS))
            raise ExpressionError(f"unknown function '{name}' (known: {known})", column)
        fewest, most = function.arity
        if not fewest <= len(arguments) <= most:
            wanted = str(fewest) if fewest == most else f"{fewest} to {most}"
            raise ExpressionError(
                f"{name}() takes {wanted} argument{'s' if most != 1 else ''}, not {len(arguments)}", column
            )
        if name == "regex" and isinstance(arguments[1], String):
            try:
                compile_pattern(arguments[1].value)
            except ValueError as error:
                raise ExpressionError(str(error), arguments[1].column) from None
        return Call(name, arguments, column)


@cache
def _parser() -> Lark:
    return Lark(GRAMMAR, parser="lalr", lexer="contextual", maybe_placeholders=False)


def _nesting_column(source: str) -> int | None:
    """The column where parentheses first nest deeper than allowed, outside quotes."""
    level = 0
    quote = ""
    for index, char in enumerate(source):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "(":
            level += 1
            if level > MAX_DEPTH:
                return index + 1
        elif char == ")":
            level -= 1
    return None


def parse_tree(source: str) -> Node:
    """The syntax tree of `source`; ExpressionError saying where and what was expected."""
    if not isinstance(source, str):
        raise ExpressionError("an expression must be text", 1)
    if not source.strip():
        raise ExpressionError("the expression is empty", 1)
    if len(source) > MAX_SOURCE_LENGTH:
        raise ExpressionError(
            f"the expression is longer than {MAX_SOURCE_LENGTH} characters", MAX_SOURCE_LENGTH
        )
    too_deep = _nesting_column(source)
    if too_deep is not None:
        raise ExpressionError(f"parentheses nest more than {MAX_DEPTH} deep", too_deep)
    _refuse_other_languages(source)
    try:
        tree = _parser().parse(source)
    except (UnexpectedToken, UnexpectedEOF) as error:
        _refuse_bare_word(source)
        if isinstance(error, UnexpectedEOF):
            expected = _describe_expected(set(error.expected))
            raise ExpressionError(
                f"the expression stops early, expected {' or '.join(expected)}", len(source) + 1, expected
            ) from None
        found = "the end" if error.token.type == "$END" else repr(str(error.token))
        expected = _describe_expected(set(error.expected))
        raise ExpressionError(
            f"found {found}, expected {' or '.join(expected)}", _column(error, source), expected
        ) from None
    except UnexpectedCharacters as error:
        expected = _describe_expected(set(error.allowed or ()))
        position = error.pos_in_stream or 0
        found = source[position] if position < len(source) else ""
        raise ExpressionError(
            f"unexpected {found!r}" + (f", expected {' or '.join(expected)}" if expected else ""),
            error.column if isinstance(error.column, int) and error.column > 0 else position + 1,
            expected,
        ) from None
    except LarkError as error:  # anything else lark refuses: still a clean refusal
        raise ExpressionError(f"cannot read the expression ({type(error).__name__})", 1) from None
    try:
        node: Node = _ToTree().transform(tree)
    except VisitError as error:
        if isinstance(error.orig_exc, ExpressionError):
            raise error.orig_exc from None
        raise
    if depth(node) > MAX_DEPTH:
        deepest = max(walk(node), key=lambda n: n.column)
        raise ExpressionError(f"operators nest more than {MAX_DEPTH} deep", deepest.column)
    return node


def _refuse_bare_word(source: str) -> None:
    """A word not followed by `(` is a common slip (`${a} = yes`): say so at the word."""
    try:
        tokens = list(_parser().lex(source))
    except LarkError:
        return
    for token, following in zip(tokens, [*tokens[1:], None], strict=True):
        if token.type == "NAME" and (following is None or following.type != "LPAR"):
            word = str(token)
            fix = f"write {word}()" if word in FUNCTIONS else f"put text in quotes: '{word}'"
            raise ExpressionError(f"'{word}' is not a value: {fix}", token.column or 1, ("'('",))


_OTHER_LANGUAGES = {"&&": "and", "||": "or", "==": "=", "<>": "!="}
"""Operators from other languages (C, JavaScript, SQL) that authors type, and ours."""


def _refuse_other_languages(source: str) -> None:
    """`&&`, `||`, `==`, `<>` outside quotes: name the operator to use, at its column."""
    quote = ""
    for index, char in enumerate(source):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        else:
            pair = source[index : index + 2]
            if pair in _OTHER_LANGUAGES:
                ours = _OTHER_LANGUAGES[pair]
                raise ExpressionError(
                    f"'{pair}' is not an operator here: use '{ours}'", index + 1, (f"'{ours}'",)
                )


def _column(error: UnexpectedToken, source: str) -> int:
    if error.token.type == "$END":
        return len(source) + 1
    return error.column if isinstance(error.column, int) and error.column > 0 else 1
