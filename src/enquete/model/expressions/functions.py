"""The functions an expression may call, XLSForm's names and meanings.

Only these exist: a name outside this table is refused when the expression
is parsed, so nothing a questionnaire says can reach Python. `regex()` runs
on the `regex` library with a time limit, because a pattern such as
`(a+)+$` makes a backtracking engine (Python's `re` included) run for ages
on a short answer; the limit turns that into a clear problem instead of a
frozen screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import regex

from enquete.model.expressions.values import Value, to_boolean, to_string

MAX_PATTERN_LENGTH = 500
"""Longer patterns are refused: a constraint pattern is a line, not a program."""
REGEX_TIMEOUT_SECONDS = 0.2
"""How long one `regex()` may run before it is given up as too slow."""


class EvaluationError(Exception):
    """An expression could not be computed (a pattern too slow or invalid); says why."""


@dataclass(frozen=True)
class Function:
    """One callable name: how many arguments it takes and what it does."""

    arity: tuple[int, int]
    """The fewest and most arguments."""
    apply: Callable[[list[Value], date], Value]
    summary: str


def _selected(arguments: list[Value], _today: date) -> Value:
    value, option = arguments
    wanted = to_string(option)
    if isinstance(value, tuple):
        return wanted in value
    return wanted in to_string(value).split()


def _count_selected(arguments: list[Value], _today: date) -> Value:
    (value,) = arguments
    if isinstance(value, tuple):
        return len(value)
    return len(to_string(value).split())


@lru_cache(maxsize=256)
def compile_pattern(pattern: str) -> regex.Pattern[str]:
    """The compiled pattern; ValueError saying what is wrong when it is refused."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise ValueError(f"the pattern is longer than {MAX_PATTERN_LENGTH} characters")
    try:
        return regex.compile(pattern, regex.VERSION0)
    except (regex.error, RecursionError, OverflowError) as error:
        raise ValueError(f"the pattern is not a valid regular expression ({error})") from None


def _regex(arguments: list[Value], _today: date) -> Value:
    value, pattern = arguments
    try:
        compiled = compile_pattern(to_string(pattern))
    except ValueError as error:
        raise EvaluationError(str(error)) from None
    try:
        return compiled.search(to_string(value), timeout=REGEX_TIMEOUT_SECONDS) is not None
    except TimeoutError:
        raise EvaluationError(
            "the pattern took too long to check against this answer; simplify the pattern"
        ) from None


def _if(arguments: list[Value], _today: date) -> Value:
    condition, when_true, when_false = arguments
    return when_true if to_boolean(condition) else when_false


FUNCTIONS: dict[str, Function] = {
    "selected": Function((2, 2), _selected, "selected(${q}, 'option'): is the option chosen"),
    "count-selected": Function((1, 1), _count_selected, "count-selected(${q}): how many are chosen"),
    "string-length": Function((1, 1), lambda a, _t: len(to_string(a[0])), "string-length(.)"),
    "regex": Function((2, 2), _regex, "regex(., 'pattern'): does the pattern occur in the answer"),
    "today": Function((0, 0), lambda _a, today: today, "today(): the date today"),
    "not": Function((1, 1), lambda a, _t: not to_boolean(a[0]), "not(expression)"),
    "true": Function((0, 0), lambda _a, _t: True, "true()"),
    "false": Function((0, 0), lambda _a, _t: False, "false()"),
    "if": Function((3, 3), _if, "if(condition, then, otherwise)"),
    "contains": Function((2, 2), lambda a, _t: to_string(a[1]) in to_string(a[0]), "contains(text, part)"),
}
"""Every function an expression may call, by its XLSForm name."""
