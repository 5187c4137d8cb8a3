"""`choice`: one option from a list the questionnaire gives."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import field_validator

from enquete.i18n.catalog import translate
from enquete.model.answer_domain import AnswerDomain
from enquete.model.problems import Problem, is_blank, wrong_type
from enquete.model.question import Option, QuestionBase, unique_ids
from enquete.qtypes.base import Answer, Certainty, QuestionType
from enquete.results.pieces import CountColumn, CountRow, CountTable, Label, Piece
from enquete.results.question_result import QuestionResult
from enquete.text import one_line


class ChoiceQuestion(QuestionBase):
    """One option from a list the questionnaire gives."""

    type: Literal["choice"]
    options: list[Option]

    @field_validator("options")
    @classmethod
    def _options_unique(cls, options: list[Option]) -> list[Option]:
        return unique_ids(options, "option")


def option_table(options: list[Option], counts: dict[str, int], language: str) -> CountTable:
    """Respondents per option, in questionnaire order, zeros included (choice and multi-select)."""
    rows = tuple(
        CountRow(Label(o.label_in(language), o.short_in(language)), (counts.get(o.id, 0),)) for o in options
    )
    respondents = translate("report.respondents_column", language)
    column = CountColumn(Label(respondents, respondents))
    return CountTable(translate("report.option", language), (column,), rows)


class ChoiceType(QuestionType[ChoiceQuestion]):
    """The answer is an option id; counted per option."""

    name = "choice"
    schema = ChoiceQuestion
    identifies_respondent = True

    def option_lists(self, question: ChoiceQuestion) -> dict[str, list[Option]]:
        return {"options": question.options}

    def read(self, question: ChoiceQuestion, raw: Any) -> tuple[Answer | None, list[Problem]]:
        if not isinstance(raw, str):
            return None, [wrong_type(question.id, "an option id", raw)]
        if is_blank(raw):
            return None, []
        if raw not in {o.id for o in question.options}:
            return None, [Problem(question.id, "unknown_option", params={"value": raw})]
        return raw, []

    def certainty(self, question: ChoiceQuestion) -> Certainty:
        ids = frozenset(o.id for o in question.options)
        optional = not question.required
        return lambda raw: type(raw) is str and (raw in ids or (optional and not raw.strip()))

    def examples(self, question: ChoiceQuestion) -> list[Answer]:
        return [o.id for o in question.options]

    def answer_domain(self, question: ChoiceQuestion) -> AnswerDomain:
        return AnswerDomain("option", tuple(o.id for o in question.options))

    def value_label(self, question: ChoiceQuestion, value: str, language: str) -> str:
        return next((o.label_in(language) for o in question.options if o.id == value), "")

    def new_result(self, question: ChoiceQuestion) -> QuestionResult:
        return QuestionResult(question.id, question.type, option_counts={o.id: 0 for o in question.options})

    def count(
        self, question: ChoiceQuestion, result: QuestionResult, respondent: str, answer: Answer
    ) -> None:
        option = str(answer)
        result.option_counts[option] = result.option_counts.get(option, 0) + 1

    def summary(self, question: ChoiceQuestion, answer: Answer, language: str, width: int) -> str:
        return one_line(self.value_label(question, str(answer), language) or str(answer), width)

    def report(self, question: ChoiceQuestion, result: QuestionResult, language: str) -> list[Piece]:
        return [option_table(question.options, result.option_counts, language)]


TYPE = ChoiceType()
