"""A toy question type that exists only in the tests: a rating of 1 to N stars.

It is the proof that adding a type is adding one module: nothing in
`src/enquete` names it, yet a questionnaire may use it once it is registered,
and answers to it are read, checked, saved, counted and reported.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from enquete.model.problems import Problem, wrong_type
from enquete.model.question import QuestionBase
from enquete.qtypes import Answer, QuestionType
from enquete.results.pieces import CountColumn, CountRow, CountTable, Label, Piece
from enquete.results.question_result import QuestionResult


class StarsQuestion(QuestionBase):
    """How many stars, from 1 to `most`."""

    type: Literal["stars"]
    most: int = Field(default=5, ge=1, le=10)


class StarsType(QuestionType[StarsQuestion]):
    """The answer is an integer; counted per number of stars."""

    name = "stars"
    schema = StarsQuestion

    def read(self, question: StarsQuestion, raw: Any) -> tuple[Answer | None, list[Problem]]:
        if isinstance(raw, bool) or not isinstance(raw, int):
            return None, [wrong_type(question.id, "a whole number of stars", raw)]
        if not 1 <= raw <= question.most:
            return None, [Problem(question.id, "unknown_option", params={"value": str(raw)})]
        return raw, []

    def examples(self, question: StarsQuestion) -> list[Answer]:
        return list(range(1, question.most + 1))

    def new_result(self, question: StarsQuestion) -> QuestionResult:
        counts = {str(n): 0 for n in range(1, question.most + 1)}
        return QuestionResult(question.id, question.type, option_counts=counts)

    def count(self, question: StarsQuestion, result: QuestionResult, respondent: str, answer: Answer) -> None:
        result.option_counts[str(answer)] += 1

    def summary(self, question: StarsQuestion, answer: Answer, language: str, width: int) -> str:
        return "★" * int(str(answer))

    def report(self, question: StarsQuestion, result: QuestionResult, language: str) -> list[Piece]:
        rows = tuple(CountRow(Label("★" * int(n), n), (count,)) for n, count in result.option_counts.items())
        return [CountTable("Stars", (CountColumn(Label("Respondents", "Respondents")),), rows)]


STARS = StarsType()

QUESTIONNAIRE = """
[questionnaire]
id = "toy"
version = 1
title = "Toy"
respondent_key = "office"

[[questions]]
id = "office"
type = "code"
required = true
text = "Office?"

[[questions]]
id = "rating"
type = "stars"
most = 3
required = true
text = "How many stars?"
"""
