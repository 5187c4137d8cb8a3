"""`number`: a count or an amount, with bounds, a number of decimals and a unit.

"About 120" or "150 %" is what a person types when a survey asks for a
number in a text box; this type refuses them with a message that says what
is expected, and stores the answer as a TOML integer or float.
"""

from __future__ import annotations

import math
import re
import statistics
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from pydantic import Field, model_validator

from enquete.i18n.catalog import translate
from enquete.model.answer_domain import AnswerDomain
from enquete.model.localized import LocalizedText, localize
from enquete.model.problems import Problem, is_blank, wrong_type
from enquete.model.question import QuestionBase
from enquete.qtypes.base import Answer, Certainty, QuestionType
from enquete.results.pieces import Figures, Piece
from enquete.results.question_result import QuestionResult
from enquete.text import one_line

LIMIT = 1e15
"""Beyond this, a survey answer is a typo (and floats stop counting exactly)."""


class NumberQuestion(QuestionBase):
    """A number between `min` and `max`, with at most `decimals` decimals (0: a whole number)."""

    type: Literal["number"]
    min: float | None = None
    max: float | None = None
    decimals: int | None = Field(default=None, ge=0, le=10)
    """0 for a whole number (a count); None for any number of decimals."""
    unit: LocalizedText | None = None
    """Shown beside the box and in reports (`examiners`, `%`, `EUR`), per language."""

    @model_validator(mode="after")
    def _bounds_fit(self) -> NumberQuestion:
        if self.min is not None and self.max is not None and self.max < self.min:
            raise ValueError("max is smaller than min")
        return self

    def unit_in(self, language: str) -> str:
        return localize(self.unit, language) if self.unit else ""


_SPACES = " \u00a0\u202f\u2009"
"""Spaces that group digits (`1 000`, and the no-break ones a word processor puts there)."""
_TOKENS = re.compile(r"(\d*)([,. \u00a0\u202f\u2009]?)")


@dataclass(frozen=True)
class Ambiguous:
    """`1,000` or `1.000` where decimals are allowed: one thousand in some countries, one in others.

    A lone comma or point followed by exactly three digits is a thousands
    separator in English (comma) or Spanish (point) and a decimal mark in
    French (comma) or English (point). Choosing for the person would change
    the value silently, so the answer is refused with both readings.
    """

    thousands: int
    decimal: float


def _grouped(runs: list[str]) -> bool:
    """`1`, `000`, `000`: a first group of 1-3 digits not starting with 0, then groups of exactly 3."""
    first, rest = runs[0], runs[1:]
    return 1 <= len(first) <= 3 and not (first.startswith("0") and rest) and all(len(r) == 3 for r in rest)


def parse_number(text: str, *, whole: bool = False) -> int | float | Ambiguous | None:
    """A typed number, its thousands separators and decimal mark told apart; None for anything else.

    `120` -> 120, `37.5` and `37,5` -> 37.5, `1 000`, `1,000,000`, `1.000.000`
    -> a whole number, `1,000.5` and `1.000,5` -> 1000.5. A lone comma or
    point before exactly three digits (`1,000`, `1.000`) is a thousands
    separator in a whole-number question (`whole`: it cannot hold a decimal
    part) and `Ambiguous` elsewhere. Separators that group nothing the usual
    way (`1 2`, `1,00,0`) make the text not a number: reading `1 2` as 12
    would change what was typed.
    """
    cleaned = text.strip()
    sign = ""
    if cleaned[:1] in ("-", "+"):
        sign, cleaned = cleaned[0], cleaned[1:].lstrip()
    if not cleaned or len(cleaned) > 40:
        return None
    runs: list[str] = []
    marks: list[str] = []
    for match in _TOKENS.finditer(cleaned):
        digits, mark = match.groups()
        if not digits and not mark:
            break
        runs.append(digits)
        if mark:
            marks.append(" " if mark in _SPACES else mark)
    if sum(len(r) for r in runs) + len(marks) != len(cleaned) or not any(runs):
        return None
    if len(runs) == len(marks):
        runs.append("")  # a trailing mark, as in `5.`
    if not marks:
        return int(sign + cleaned)
    decimal_mark = marks[-1] if marks[-1] in ",." and marks.count(marks[-1]) == 1 else None
    groups = marks[:-1] if decimal_mark else marks
    if decimal_mark and not groups:  # `1,5`, `.5`, `1,000`: a decimal mark unless it groups
        if whole and _grouped(runs) and runs[0]:
            return int(sign + "".join(runs))
        if _grouped(runs) and runs[0]:
            return Ambiguous(int(sign + "".join(runs)), float(f"{sign}{runs[0]}.{runs[1]}"))
        return float(f"{sign}{runs[0] or '0'}.{runs[1] or '0'}")
    integer_runs = runs[:-1] if decimal_mark else runs
    if len(set(groups)) != 1 or groups[0] == decimal_mark or not _grouped(integer_runs):
        return None
    if decimal_mark:
        return float(f"{sign}{''.join(integer_runs)}.{runs[-1] or '0'}")
    return int(sign + "".join(runs))


def without_unit(text: str, units: list[str]) -> str:
    """`150 %` -> `150` when `%` is the question's unit (in any of its languages); else `text` unchanged.

    People type the unit shown beside the box; refusing "150 %" as "not a
    number" hides the real problem (at most 100).
    """
    cleaned = text.strip()
    for unit in sorted({u.strip() for u in units if u.strip()}, key=len, reverse=True):
        if cleaned.casefold().endswith(unit.casefold()) and len(cleaned) > len(unit):
            return cleaned[: -len(unit)].strip()
    return cleaned


def example_answer(question: NumberQuestion) -> str:
    """A number the question accepts, for the "such as ..." of a refusal (37.5 only where decimals are).

    Trial 3: a whole-number question was told "such as 120 or 37.5", and 37.5 would be refused.
    Three decimals get a fourth 0 (`1.6250`): `1.625` is `Ambiguous` where decimals are allowed.
    """
    text = _example(question)
    return text + "0" if re.fullmatch(r"-?\d+\.\d{3}", text) else text


def _example(question: NumberQuestion) -> str:
    whole = question.decimals == 0
    low, high = question.min, question.max
    for candidate in [120.0, 12.0] if whole else [37.5, 120.0]:
        fits = (low is None or candidate >= low) and (high is None or candidate <= high)
        if fits and (question.decimals is None or round(candidate, question.decimals) == candidate):
            return format_number(candidate)
    middle = (low + high) / 2 if low is not None and high is not None else low if low is not None else high
    assert middle is not None  # with no bound at all, 120 fitted
    for whole_number in (math.floor(middle), math.ceil(middle)):
        if (low is None or whole_number >= low) and (high is None or whole_number <= high):
            return str(whole_number)
    bound = low if low is not None else float(high or 0)
    if question.decimals is None or whole:
        return str(int(bound)) if float(bound).is_integer() else repr(float(bound))
    step = 10**question.decimals  # the smallest answer with that many decimals not below the bound
    value = math.ceil(bound * step) / step if low is not None else math.floor(bound * step) / step
    return f"{value:.{question.decimals}f}"


def unambiguous(value: float) -> str:
    """`1.0`, `12.5`, `3.1420`: a decimal that cannot be read as thousands (never 3 decimals)."""
    text = f"{value:.3f}".rstrip("0")
    return text + "0" if text.endswith(".") or len(text.split(".")[1]) == 3 else text


def typed_form(value: float) -> str:
    """A stored number as text that `parse_number` reads back as the same value.

    No exponent (`1e-05` is not a number to type), and a fourth decimal where
    exactly three would read as thousands (`3.142` is `Ambiguous`: `3.1420`).
    Regression: a resumed 3.142 was shown as typed and refused when read.
    """
    if isinstance(value, int):
        return str(value)
    text = format(Decimal(repr(value)), "f")
    whole, _, fraction = text.lstrip("-").partition(".")
    if len(fraction) == 3 and 1 <= len(whole) <= 3 and not whole.startswith("0"):
        text += "0"
    return text


def format_number(value: float, unit: str = "", language: str | None = None) -> str:
    """A figure as a report shows it: whole numbers without `.0`, others to two decimals.

    With a `language`, in its way (catalogs `number.*`): a decimal comma in French ("12,5"), a
    symbol unit after a no-break space there ("12,5\u00a0%"), and a word unit in brackets in
    every language ("1 (examiners)"): the unit is the author's word, which could not agree
    with the number ("1 examiners"). Without one, as typed in English ("12.5 %").
    """
    text = str(int(value)) if float(value).is_integer() else f"{value:.2f}".rstrip("0").rstrip(".")
    if language is None:
        return f"{text} {unit}".strip()
    text = text.replace(".", translate("number.decimal", language))
    if not unit.strip():
        return text
    key = "number.with_unit" if any(c.isalpha() for c in unit) else "number.with_symbol"
    return translate(key, language, value=text, unit=unit.strip())


class NumberType(QuestionType[NumberQuestion]):
    """The answer is an int (decimals = 0, or typed without a point) or a float."""

    name = "number"
    schema = NumberQuestion

    def answer_domain(self, question: NumberQuestion) -> AnswerDomain:
        return AnswerDomain("number")

    def field_text(self, question: NumberQuestion, answer: Answer) -> str:
        if isinstance(answer, int | float) and not isinstance(answer, bool):
            return typed_form(answer)
        return super().field_text(question, answer)

    def read(self, question: NumberQuestion, raw: Any) -> tuple[Answer | None, list[Problem]]:
        qid = question.id
        if isinstance(raw, bool) or not isinstance(raw, int | float | str):
            return None, [wrong_type(qid, "a number", raw)]
        if isinstance(raw, str):
            if is_blank(raw):
                return None, []
            units = list(question.unit.values()) if question.unit else []
            parsed = parse_number(without_unit(raw, units), whole=question.decimals == 0)
            if isinstance(parsed, Ambiguous):
                params = {
                    "value": raw.strip()[:40],
                    "thousands": str(parsed.thousands),
                    "decimal": unambiguous(parsed.decimal),
                }
                return None, [Problem(qid, "ambiguous_separator", params=params)]
            if parsed is None:
                params = {"value": raw.strip()[:40], "example": example_answer(question)}
                return None, [Problem(qid, "not_a_number", params=params)]
            value: int | float = parsed
        else:
            value = raw
        if (isinstance(value, float) and (math.isnan(value) or math.isinf(value))) or abs(value) > LIMIT:
            params = {"value": str(raw)[:40], "example": example_answer(question)}
            return None, [Problem(qid, "not_a_number", params=params)]
        if question.decimals == 0:
            if not float(value).is_integer():
                return None, [Problem(qid, "not_whole", params={"value": format_number(value)})]
            value = int(value)
        elif question.decimals is not None and round(value, question.decimals) != value:
            return None, [Problem(qid, "too_many_decimals", params={"limit": question.decimals})]
        if question.min is not None and value < question.min:
            return None, [Problem(qid, "below_min", params={"limit": format_number(question.min)})]
        if question.max is not None and value > question.max:
            return None, [Problem(qid, "above_max", params={"limit": format_number(question.max)})]
        return value, []

    def certainty(self, question: NumberQuestion) -> Certainty:
        """A TOML integer within the bounds; a float or a number written as text: not sure."""
        low, high = question.min, question.max
        optional = not question.required

        def check(raw: Any) -> bool:
            if type(raw) is int:
                return abs(raw) <= LIMIT and (low is None or raw >= low) and (high is None or raw <= high)
            return type(raw) is str and optional and not raw.strip()

        return check

    def examples(self, question: NumberQuestion) -> list[Answer]:
        low = question.min if question.min is not None else 0
        return [int(low) if question.decimals == 0 or float(low).is_integer() else low]

    def is_answered(self, question: NumberQuestion, answer: Answer | None) -> bool:
        return isinstance(answer, int | float) and not isinstance(answer, bool)  # 0 is an answer

    def count(
        self, question: NumberQuestion, result: QuestionResult, respondent: str, answer: Answer
    ) -> None:
        result.values.append(answer)

    def summary(self, question: NumberQuestion, answer: Answer, language: str, width: int) -> str:
        return one_line(f"{answer} {question.unit_in(language)}".strip(), width)

    def report(self, question: NumberQuestion, result: QuestionResult, language: str) -> list[Piece]:
        values = [float(v) for v in result.values]
        if not values:
            return [Figures(((translate("figure.answered", language), "0"),))]
        unit = question.unit_in(language)
        return [
            Figures(
                (
                    (translate("figure.answered", language), str(len(values))),
                    (
                        translate("figure.mean", language),
                        format_number(statistics.fmean(values), unit, language),
                    ),
                    (
                        translate("figure.median", language),
                        format_number(statistics.median(values), unit, language),
                    ),
                    (translate("figure.minimum", language), format_number(min(values), unit, language)),
                    (translate("figure.maximum", language), format_number(max(values), unit, language)),
                    (translate("figure.sum", language), format_number(math.fsum(values), unit, language)),
                )
            )
        ]

    def cells(self, question: NumberQuestion, answer: Answer) -> dict[str, str]:
        return {question.id: str(answer)}


TYPE = NumberType()
