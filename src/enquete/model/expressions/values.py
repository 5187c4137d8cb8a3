"""What an expression computes with, and XPath 1.0's conversions between kinds.

Survey authors know XLSForm, whose expressions are XPath 1.0; following its
conversion rules means `${age} > 18` is false (not an error) while `age` is
unanswered, and `${q} = ''` is how one tests for an empty answer.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import TypeAlias

Value: TypeAlias = bool | int | float | str | date | tuple[str, ...] | None
"""None is an unanswered question; a tuple holds a multi-select's option ids."""

EPOCH = date(1970, 1, 1)


def to_string(value: Value) -> str:
    """XPath `string()`: empty for no answer, option ids joined by spaces, ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return _number_string(float(value))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return " ".join(value)
    return value


def _number_string(number: float) -> str:
    if math.isnan(number):
        return "NaN"
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    if number.is_integer() and abs(number) < 2**53:
        return str(int(number))
    return repr(number)


def to_number(value: Value) -> float:
    """XPath `number()`: NaN for empty or non-numeric text; dates count days since 1970-01-01."""
    if value is None:
        return math.nan
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, date):
        return float((value - EPOCH).days)
    text = to_string(value).strip()
    if not text or len(text) > 64 or not all(c in "0123456789.-" for c in text):
        return math.nan
    try:
        return float(text)
    except ValueError:
        return math.nan


def to_boolean(value: Value) -> bool:
    """XPath `boolean()`: a number is true unless 0 or NaN; text and selections unless empty."""
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return not (value == 0 or math.isnan(value))
    if isinstance(value, date):
        return True
    return len(value) > 0


def to_date(value: Value) -> date | None:
    """A date from a date, ISO text or a day count; None when it is not one."""
    if isinstance(value, date):
        return value
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        if math.isnan(value) or math.isinf(value) or abs(value) > 2_000_000:
            return None
        return EPOCH + timedelta(days=int(value))
    text = to_string(value).strip()
    if len(text) != 10:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def compare(operator: str, left: Value, right: Value) -> bool:
    """`= != < <= > >=` with XPath's rules, dates added as ODK does.

    A boolean side makes it a boolean comparison, a number side a numeric
    one (empty text is NaN, which equals nothing), a date side a date one;
    two texts compare as text for `=`/`!=` and as numbers otherwise. `!=`
    is the negation of `=` only where both sides convert.
    """
    if operator in ("=", "!="):
        equal = _equal(left, right)
        if equal is None:
            return operator == "!="
        return equal if operator == "=" else not equal
    if isinstance(left, date) or isinstance(right, date):
        left_date, right_date = to_date(left), to_date(right)
        if left_date is None or right_date is None:
            return False
        return _ordered(operator, left_date.toordinal(), right_date.toordinal())
    return _ordered(operator, to_number(left), to_number(right))


def _equal(left: Value, right: Value) -> bool | None:
    """True/False, or None when a side cannot be converted (then `=` is false, `!=` true)."""
    if isinstance(left, bool) or isinstance(right, bool):
        return to_boolean(left) == to_boolean(right)
    if isinstance(left, int | float) or isinstance(right, int | float):
        a, b = to_number(left), to_number(right)
        if math.isnan(a) or math.isnan(b):
            return None
        return a == b
    if isinstance(left, date) or isinstance(right, date):
        left_date, right_date = to_date(left), to_date(right)
        if left_date is None or right_date is None:
            return None
        return left_date == right_date
    return to_string(left) == to_string(right)


def _ordered(operator: str, a: float, b: float) -> bool:
    if operator == "<":
        return a < b
    if operator == "<=":
        return a <= b
    if operator == ">":
        return a > b
    return a >= b


def arithmetic(operator: str, left: Value, right: Value) -> float:
    """`+ - * div mod` on numbers; NaN (an empty answer) spreads, division by 0 gives ±Infinity."""
    a, b = to_number(left), to_number(right)
    if operator == "+":
        return a + b
    if operator == "-":
        return a - b
    if operator == "*":
        return a * b
    if operator == "div":
        if b == 0:
            return math.nan if a == 0 or math.isnan(a) else math.copysign(math.inf, a) * math.copysign(1, b)
        return a / b
    if b == 0 or math.isinf(a) or math.isnan(a) or math.isnan(b):
        return math.nan
    return math.fmod(a, b)
