"""`number`: a count or an amount, with bounds, a number of decimals and a unit.

"About 120" or "150 %" is what a person types when a survey asks for a
number in a text box; this type refuses them with a message that says what
is expected, and stores the answer as a TOML integer or float.
"""

from __future__ import annotations

import math
import re
import statistics
from typing import Any, Literal

from pydantic import Field, model_validator

from enquete.i18n.catalog import translate
from enquete.model.localized import LocalizedText, localize
from enquete.model.problems import Problem, is_blank, wrong_type
from enquete.model.question import QuestionBase
from enquete.qtypes.base import Answer, Certainty, QuestionType
from enquete.results.pieces import Figures, Piece
from enquete.results.question_result import QuestionResult
from enquete.text import one_line

_NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)")
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


def parse_number(text: str) -> int | float | None:
    """`120` -> 120, `37.5` -> 37.5, `1,5` -> 1.5 (a decimal comma); None for anything else."""
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    if len(cleaned) > 40 or not _NUMBER.fullmatch(cleaned):
        return None
    if "." in cleaned:
        return float(cleaned)
    return int(cleaned)


def format_number(value: float, unit: str = "") -> str:
    """A figure as a report shows it: whole numbers without `.0`, others to two decimals."""
    text = str(int(value)) if float(value).is_integer() else f"{value:.2f}".rstrip("0").rstrip(".")
    return f"{text} {unit}".strip()


class NumberType(QuestionType[NumberQuestion]):
    """The answer is an int (decimals = 0, or typed without a point) or a float."""

    name = "number"
    schema = NumberQuestion

    def read(self, question: NumberQuestion, raw: Any) -> tuple[Answer | None, list[Problem]]:
        qid = question.id
        if isinstance(raw, bool) or not isinstance(raw, int | float | str):
            return None, [wrong_type(qid, "a number", raw)]
        if isinstance(raw, str):
            if is_blank(raw):
                return None, []
            parsed = parse_number(raw)
            if parsed is None:
                return None, [Problem(qid, "not_a_number", params={"value": raw.strip()[:40]})]
            value: int | float = parsed
        else:
            value = raw
        if (isinstance(value, float) and (math.isnan(value) or math.isinf(value))) or abs(value) > LIMIT:
            return None, [Problem(qid, "not_a_number", params={"value": str(raw)[:40]})]
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
                    (translate("figure.mean", language), format_number(statistics.fmean(values), unit)),
                    (translate("figure.median", language), format_number(statistics.median(values), unit)),
                    (translate("figure.minimum", language), format_number(min(values), unit)),
                    (translate("figure.maximum", language), format_number(max(values), unit)),
                    (translate("figure.sum", language), format_number(math.fsum(values), unit)),
                )
            )
        ]

    def cells(self, question: NumberQuestion, answer: Answer) -> dict[str, str]:
        return {question.id: str(answer)}


TYPE = NumberType()
