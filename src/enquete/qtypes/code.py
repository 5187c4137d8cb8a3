"""`code`: one code from a built-in code list (ST.3 office codes), searchable by code or name."""

from __future__ import annotations

from typing import Any, Literal

from enquete.i18n.catalog import translate
from enquete.model.answer_domain import AnswerDomain
from enquete.model.codes import is_st3, normalize_code, st3_codes, st3_name
from enquete.model.problems import Problem, is_blank, wrong_type
from enquete.model.question import QuestionBase
from enquete.qtypes.base import Answer, Certainty, QuestionType
from enquete.results.pieces import CountColumn, CountRow, CountTable, Label, Note, Piece
from enquete.results.question_result import QuestionResult
from enquete.text import one_line


class CodeQuestion(QuestionBase):
    """One code from a built-in code list (ST.3 office codes), searchable by code or name."""

    type: Literal["code"]
    codes: Literal["st3"] = "st3"


class CodeType(QuestionType[CodeQuestion]):
    """The answer is a code string, stored upper-case; counted per code given."""

    name = "code"
    schema = CodeQuestion
    identifies_respondent = True

    def read(self, question: CodeQuestion, raw: Any) -> tuple[Answer | None, list[Problem]]:
        if not isinstance(raw, str):
            return None, [wrong_type(question.id, "an ST.3 code", raw)]
        if is_blank(raw):
            return None, []
        code = normalize_code(raw)
        if not is_st3(code):
            return None, [Problem(question.id, "unknown_code", params={"value": raw.strip()})]
        return code, []

    def certainty(self, question: CodeQuestion) -> Certainty:
        optional = not question.required  # an empty answer is "not answered": fine only if optional

        def check(raw: Any) -> bool:
            if type(raw) is not str:
                return False
            if raw and raw == normalize_code(raw) and is_st3(raw):
                return True
            return optional and not raw.strip()

        return check

    def examples(self, question: CodeQuestion) -> list[Answer]:
        return [c.code for c in st3_codes()[:3]]

    def answer_domain(self, question: CodeQuestion) -> AnswerDomain:
        return AnswerDomain("option", tuple(c.code for c in st3_codes()))

    def value_label(self, question: CodeQuestion, value: str, language: str) -> str:
        return st3_name(value, language)

    def count(self, question: CodeQuestion, result: QuestionResult, respondent: str, answer: Answer) -> None:
        code = str(answer)
        result.option_counts[code] = result.option_counts.get(code, 0) + 1

    def summary(self, question: CodeQuestion, answer: Answer, language: str, width: int) -> str:
        return one_line(f"{answer}  {st3_name(str(answer), language)}", width)

    def report(self, question: CodeQuestion, result: QuestionResult, language: str) -> list[Piece]:
        """The codes given, most frequent first, each with its name.

        (The questionnaire's respondent-key question is reported as the list of
        respondents instead, by the renderers, which know which question that is;
        a second code question, such as a partner office, is counted here.)
        """
        given = sorted(result.option_counts.items(), key=lambda item: (-item[1], item[0]))
        rows = tuple(
            CountRow(Label(f"{code} {st3_name(code, language)}".strip(), code), (count,))
            for code, count in given
            if count
        )
        if not rows:
            return [Note(translate("report.no_code", language))]
        respondents = translate("report.respondents_column", language)
        column = CountColumn(Label(respondents, respondents))
        return [CountTable(translate("report.code", language), (column,), rows)]


TYPE = CodeType()
