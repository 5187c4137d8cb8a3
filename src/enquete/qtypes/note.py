"""`note`: text to read, not a question (a section header, an instruction). Nothing to answer."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import model_validator

from enquete.model.expressions.domains import AnswerDomain
from enquete.model.problems import Problem
from enquete.model.question import QuestionBase
from enquete.qtypes.base import Answer, Column, QuestionType
from enquete.results.pieces import Piece
from enquete.results.question_result import QuestionResult


class NoteQuestion(QuestionBase):
    """Its `text` (and `help`) are shown; it cannot be required or constrained."""

    type: Literal["note"]

    @model_validator(mode="after")
    def _nothing_to_answer(self) -> NoteQuestion:
        if self.required is not False or self.constraint:
            raise ValueError("a note has no answer: it cannot be required or have a constraint")
        return self


class NoteType(QuestionType[NoteQuestion]):
    """Any value in a file is a mistake; nothing is counted or reported."""

    name = "note"
    schema = NoteQuestion
    takes_answer = False

    def answer_domain(self, question: NoteQuestion) -> AnswerDomain:
        return AnswerDomain("nothing", noun="a note")

    def read(self, question: NoteQuestion, raw: Any) -> tuple[Answer | None, list[Problem]]:
        if raw is None or raw == "":
            return None, []
        return None, [Problem(question.id, "no_answer_expected")]

    def missing(self, question: NoteQuestion, answer: Answer | None) -> list[Problem]:
        return []

    def is_answered(self, question: NoteQuestion, answer: Answer | None) -> bool:
        return False

    def examples(self, question: NoteQuestion) -> list[Answer]:
        return []

    def count(self, question: NoteQuestion, result: QuestionResult, respondent: str, answer: Answer) -> None:
        return None

    def summary(self, question: NoteQuestion, answer: Answer, language: str, width: int) -> str:
        return ""

    def report(self, question: NoteQuestion, result: QuestionResult, language: str) -> list[Piece]:
        return []

    def columns(self, question: NoteQuestion) -> list[Column]:
        return []


TYPE = NoteType()
