"""`date`: a calendar date, ISO written (2024-05-01), between bounds that may be `today`.

31/02/2024 is not a date, and 05/04/2024 is two different ones depending on
the country: only ISO dates are taken, and the message says so. Stored as a
TOML local date.
"""

from __future__ import annotations

import calendar
import datetime
import re
from typing import Any, Literal

from pydantic import field_validator

from enquete.i18n.catalog import translate
from enquete.model.answer_domain import AnswerDomain
from enquete.model.problems import Problem, is_blank, wrong_type
from enquete.model.question import QuestionBase
from enquete.qtypes.base import Answer, Certainty, QuestionType
from enquete.results.pieces import Figures, Piece
from enquete.results.question_result import QuestionResult

Bound = datetime.date | Literal["today"]


class DateQuestion(QuestionBase):
    """A date; `min`/`max` are dates or `today` (the day the answer is checked)."""

    type: Literal["date"]
    min: Bound | None = None
    max: Bound | None = None

    @field_validator("min", "max", mode="before")
    @classmethod
    def _dates_only(cls, value: Any) -> Any:
        if isinstance(value, datetime.datetime):
            raise ValueError("a date without a time, such as 2024-05-01")
        if isinstance(value, str) and value != "today":
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                impossible = impossible_date("", value.strip())
                if impossible is not None:  # written right, but no such day: say so (trial 4)
                    raise ValueError(impossible.message()) from None
                raise ValueError("a date such as 2024-05-01, or 'today'") from None
        return value


def bound_date(bound: Bound | None, today: datetime.date) -> datetime.date | None:
    """The bound as a date (`today` resolved)."""
    if bound == "today":
        return today
    return bound if isinstance(bound, datetime.date) else None


def parse_date(text: str) -> datetime.date | None:
    """`2024-05-01` -> the date; None for anything else (31/02/2024, 2024-02-31, May 1)."""
    cleaned = text.strip()
    if len(cleaned) != 10 or cleaned[4] != "-" or cleaned[7] != "-":
        return None
    try:
        return datetime.date.fromisoformat(cleaned)
    except ValueError:
        return None


def impossible_date(question: str, text: str) -> Problem | None:
    """`2024-02-31` is written right but does not exist: say which part is wrong, not how to write it.

    Trial 3: it was told "write it as year-month-day", which it already was.
    """
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    year, month, day = int(text[:4]), int(text[5:7]), int(text[8:])
    if not 1 <= month <= 12:
        return Problem(question, "no_such_month", params={"value": text})
    if year < 1:
        return None
    days = calendar.monthrange(year, month)[1]
    if 1 <= day <= days:
        return None
    return Problem(
        question, "no_such_day", params={"value": text, "month": text[5:7], "year": text[:4], "count": days}
    )


class DateType(QuestionType[DateQuestion]):
    """The answer is a `datetime.date`."""

    name = "date"
    schema = DateQuestion

    def answer_domain(self, question: DateQuestion) -> AnswerDomain:
        return AnswerDomain("date")

    def read(self, question: DateQuestion, raw: Any) -> tuple[Answer | None, list[Problem]]:
        qid = question.id
        if isinstance(raw, datetime.datetime) or not isinstance(raw, datetime.date | str):
            return None, [wrong_type(qid, "a date such as 2024-05-01", raw)]
        if isinstance(raw, str):
            if is_blank(raw):
                return None, []
            parsed = parse_date(raw)
            if parsed is None:
                return None, [
                    impossible_date(qid, raw.strip())
                    or Problem(qid, "not_a_date", params={"value": raw.strip()[:40]})
                ]
            value = parsed
        else:
            value = raw
        today = datetime.date.today()
        earliest, latest = bound_date(question.min, today), bound_date(question.max, today)
        if earliest is not None and value < earliest:
            return None, [Problem(qid, "date_too_early", params={"limit": earliest.isoformat()})]
        if latest is not None and value > latest:
            return None, [Problem(qid, "date_too_late", params={"limit": latest.isoformat()})]
        return value, []

    def certainty(self, question: DateQuestion) -> Certainty:
        """A TOML date when the question has no bounds (they may move with today); else not sure."""
        unbounded = question.min is None and question.max is None
        optional = not question.required

        def check(raw: Any) -> bool:
            if type(raw) is datetime.date:
                return unbounded
            return type(raw) is str and optional and not raw.strip()

        return check

    def examples(self, question: DateQuestion) -> list[Answer]:
        today = datetime.date.today()
        return [
            bound_date(question.min, today) or bound_date(question.max, today) or datetime.date(2024, 5, 1)
        ]

    def is_answered(self, question: DateQuestion, answer: Answer | None) -> bool:
        return isinstance(answer, datetime.date)

    def count(self, question: DateQuestion, result: QuestionResult, respondent: str, answer: Answer) -> None:
        result.values.append(answer)

    def summary(self, question: DateQuestion, answer: Answer, language: str, width: int) -> str:
        return answer.isoformat() if isinstance(answer, datetime.date) else str(answer)

    def report(self, question: DateQuestion, result: QuestionResult, language: str) -> list[Piece]:
        dates = sorted(v for v in result.values if isinstance(v, datetime.date))
        if not dates:
            return [Figures(((translate("figure.answered", language), "0"),))]
        return [
            Figures(
                (
                    (translate("figure.answered", language), str(len(dates))),
                    (translate("figure.earliest", language), dates[0].isoformat()),
                    (translate("figure.latest", language), dates[-1].isoformat()),
                )
            )
        ]

    def cells(self, question: DateQuestion, answer: Answer) -> dict[str, str]:
        return {question.id: answer.isoformat() if isinstance(answer, datetime.date) else str(answer)}


TYPE = DateType()
