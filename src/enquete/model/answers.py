"""Answers and what can be wrong with them.

An answer is a plain value shaped by its question type: a string (code,
choice, text), a `{row: column}` dict (matrix) or a `MultiAnswer`. Checking is
written by hand rather than left to pydantic so that each problem names the
question, the row or option, and what a person should do, in their language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from pydantic import BaseModel, ConfigDict

from enquete.i18n.catalog import translate
from enquete.model.codes import is_st3, normalize_code
from enquete.model.localized import localize
from enquete.model.questionnaire import (
    AnyQuestion,
    ChoiceQuestion,
    CodeQuestion,
    MatrixQuestion,
    MultiQuestion,
    Questionnaire,
    TextQuestion,
)


class MultiAnswer(BaseModel):
    """The selections of a multi-select, with their comments."""

    model_config = ConfigDict(frozen=True)

    selected: tuple[str, ...] = ()
    comment: str | None = None
    """The question's single comment box."""
    comments: dict[str, str] = {}
    """One comment per selected option."""

    @property
    def is_empty(self) -> bool:
        return not self.selected and not self.comment and not self.comments


Answer: TypeAlias = str | dict[str, str] | MultiAnswer
Answers: TypeAlias = dict[str, Answer]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an answer, said in words a person understands."""

    question: str | None
    kind: str
    subject: str | None = None
    """The row or option concerned, if any."""
    params: Mapping[str, Any] = field(default_factory=dict)

    def message(self, language: str = "en", subject_label: str | None = None) -> str:
        """The problem in `language`; `subject_label` replaces the row/option id for display."""
        messages = self.params.get("messages")
        if self.kind == "constraint" and isinstance(messages, dict) and messages:
            return localize(messages, language)  # the survey author's own words, per language
        return translate(
            f"problem.{self.kind}",
            language,
            subject=subject_label or self.subject or "",
            **{"value": "", "count": 0, "limit": 0, "expected": "", "found": "", **self.params},
        )

    def where(self) -> str:
        """`question 'x'` (or `answers` for the table itself): where the problem is, for a CLI line.

        The row or option, when there is one, is named by `message()`.
        """
        if self.question is None:
            return "answers"
        return f"question '{self.question}'"

    def __str__(self) -> str:
        return f"{self.where()}: {self.message()}"


def _type_name(value: Any) -> str:
    return {str: "text", dict: "a table", list: "a list", bool: "true/false"}.get(
        type(value), type(value).__name__
    )


def _wrong_type(question: str, expected: str, value: Any) -> Problem:
    return Problem(question, "wrong_type", params={"expected": expected, "found": _type_name(value)})


def _text_problems(question: str, text: str, limit: int, subject: str | None = None) -> list[Problem]:
    if len(text) > limit:
        return [Problem(question, "too_long", subject, {"count": len(text), "limit": limit})]
    return []


def _blank(value: Any) -> bool:
    return isinstance(value, str) and not value.strip()


def read_answer(question: AnyQuestion, raw: Any) -> tuple[Answer | None, list[Problem]]:
    """Check one raw answer (as read from TOML or typed) and return it normalized.

    `None` means "not answered". Required-ness is not checked here (a draft may
    be incomplete): see `missing_answer`.
    """
    qid = question.id
    if isinstance(question, CodeQuestion):
        if not isinstance(raw, str):
            return None, [_wrong_type(qid, "an ST.3 code", raw)]
        if _blank(raw):
            return None, []
        code = normalize_code(raw)
        if not is_st3(code):
            return None, [Problem(qid, "unknown_code", params={"value": raw.strip()})]
        return code, []
    if isinstance(question, ChoiceQuestion):
        if not isinstance(raw, str):
            return None, [_wrong_type(qid, "an option id", raw)]
        if _blank(raw):
            return None, []
        if raw not in {o.id for o in question.options}:
            return None, [Problem(qid, "unknown_option", params={"value": raw})]
        return raw, []
    if isinstance(question, TextQuestion):
        if not isinstance(raw, str):
            return None, [_wrong_type(qid, "text", raw)]
        if _blank(raw):
            return None, []
        return raw, _text_problems(qid, raw, question.max_length)
    if isinstance(question, MatrixQuestion):
        return _read_matrix(question, raw)
    return _read_multi(question, raw)


def _read_matrix(question: MatrixQuestion, raw: Any) -> tuple[Answer | None, list[Problem]]:
    qid = question.id
    if not isinstance(raw, dict):
        return None, [_wrong_type(qid, "a table of row = answer", raw)]
    rows = {r.id for r in question.rows}
    columns = {c.id for c in question.columns}
    problems: list[Problem] = []
    answer: dict[str, str] = {}
    for row, column in raw.items():
        if row not in rows:
            problems.append(Problem(qid, "unknown_row", row, {"value": row}))
        elif not isinstance(column, str):
            problems.append(_wrong_type(qid, f"text for row '{row}'", column))
        elif column not in columns:
            problems.append(Problem(qid, "unknown_column", row, {"value": column}))
        else:
            answer[row] = column
    return (answer or None), problems


def _read_multi(question: MultiQuestion, raw: Any) -> tuple[Answer | None, list[Problem]]:
    qid = question.id
    if not isinstance(raw, dict):
        return None, [_wrong_type(qid, "a table with 'selected'", raw)]
    problems = [
        Problem(qid, "unknown_key", params={"value": key})
        for key in raw
        if key not in ("selected", "comment", "comments")
    ]
    selected_raw = raw.get("selected", [])
    if not isinstance(selected_raw, list) or not all(isinstance(s, str) for s in selected_raw):
        return None, [*problems, _wrong_type(qid, "a list of option ids in 'selected'", selected_raw)]
    options = {o.id: o for o in question.options}
    selected: list[str] = []
    for option in selected_raw:
        if option not in options:
            problems.append(Problem(qid, "unknown_option", params={"value": option}))
        elif option in selected:
            problems.append(Problem(qid, "duplicate_option", option))
        else:
            selected.append(option)
    exclusive = [s for s in selected if options[s].exclusive]
    if exclusive and len(selected) > 1:
        problems.append(Problem(qid, "exclusive_combined", exclusive[0]))
    if question.max_selections is not None and len(selected) > question.max_selections:
        problems.append(Problem(qid, "too_many", params={"limit": question.max_selections}))

    comment = raw.get("comment")
    if comment is not None:
        if not isinstance(comment, str):
            problems.append(_wrong_type(qid, "text in 'comment'", comment))
            comment = None
        elif _blank(comment):
            comment = None
        elif not question.comment:
            problems.append(Problem(qid, "comment_not_allowed"))
        else:
            problems += _text_problems(qid, comment, question.comment_max_length)

    comments: dict[str, str] = {}
    raw_comments = raw.get("comments", {})
    if not isinstance(raw_comments, dict):
        problems.append(_wrong_type(qid, "a table in 'comments'", raw_comments))
    else:
        for option, text in raw_comments.items():
            if not isinstance(text, str):
                problems.append(_wrong_type(qid, f"text in comments.{option}", text))
            elif _blank(text):
                continue
            elif not question.option_comments:
                problems.append(Problem(qid, "comments_not_allowed"))
            elif option not in selected:
                problems.append(Problem(qid, "comment_not_selected", option))
            else:
                problems += _text_problems(qid, text, question.comment_max_length, option)
                comments[option] = text
    answer = MultiAnswer(selected=tuple(selected), comment=comment, comments=comments)
    return (None if answer.is_empty else answer), problems


def missing_answer(
    question: AnyQuestion, answer: Answer | None, required: bool | None = None
) -> list[Problem]:
    """What a submitted response still lacks for this question.

    `required` is whether an answer is needed now (the skip logic decides
    it for a conditional question); by default the question's own `required`.
    """
    qid = question.id
    if required is None:
        required = question.required is True
    if isinstance(question, MultiQuestion):
        count = len(answer.selected) if isinstance(answer, MultiAnswer) else 0
        least = max(question.min_selections, 1 if required else 0)
        if required and count == 0:
            return [Problem(qid, "required")]
        if count and count < least:
            return [Problem(qid, "too_few", params={"limit": least})]
        return []
    if answer is None:
        return [Problem(qid, "required")] if required else []
    if isinstance(question, MatrixQuestion) and required and isinstance(answer, dict):
        return [Problem(qid, "missing_row", r.id) for r in question.rows if r.id not in answer]
    return []


def read_answers(questionnaire: Questionnaire, raw: Any) -> tuple[Answers, list[Problem]]:
    """Check a whole `[answers]` table; unknown questions are problems, not silently dropped."""
    if not isinstance(raw, dict):
        return {}, [_wrong_type_top(raw)]
    answers: Answers = {}
    problems: list[Problem] = []
    known = set(questionnaire.ids)
    for qid in raw:
        if qid not in known:
            problems.append(Problem(None, "unknown_question", params={"value": qid}))
    for question in questionnaire.questions:
        if question.id in raw:
            answer, found = read_answer(question, raw[question.id])
            problems += found
            if answer is not None:
                answers[question.id] = answer
    return answers, problems


def _wrong_type_top(raw: Any) -> Problem:
    return Problem(None, "wrong_type", params={"expected": "a table [answers]", "found": _type_name(raw)})


def completeness_problems(questionnaire: Questionnaire, answers: Answers) -> list[Problem]:
    """Everything required that is missing, and every broken constraint, in question order.

    A question the skip logic does not ask is neither required nor checked.
    """
    rules = questionnaire.rules()
    relevant = rules.relevance(answers)
    problems: list[Problem] = []
    for question in questionnaire.questions:
        if not relevant.get(question.id, True):
            continue
        required = rules.is_required(question.id, answers, relevant)
        problems += missing_answer(question, answers.get(question.id), required)
        problems += constraint_problems(questionnaire, question.id, answers, relevant)
    return problems


def constraint_problems(
    questionnaire: Questionnaire, question_id: str, answers: Answers, relevant: Mapping[str, bool]
) -> list[Problem]:
    """The question's constraint, if its answer breaks it, as a problem in the author's words."""
    failure = questionnaire.rules().constraint_failure(question_id, answers, relevant)
    if failure is None:
        return []
    question = questionnaire.question(question_id)
    messages = {} if failure.unchecked else dict(question.constraint_message or {})
    if not messages:
        detail = failure.message if failure.unchecked else str(question.constraint)
        return [Problem(question_id, "constraint_unmet", params={"expected": detail})]
    return [Problem(question_id, "constraint", params={"value": failure.message, "messages": messages})]


def is_answered(answer: Answer | None) -> bool:
    """Whether the respondent gave anything for the question: a selection, a row or a comment."""
    if answer is None:
        return False
    if isinstance(answer, MultiAnswer):
        return not answer.is_empty
    return bool(answer)


def answer_problems(
    questionnaire: Questionnaire, raw: Any, *, complete: bool
) -> tuple[Answers, list[Problem]]:
    """Read `[answers]` and, for a submitted response, what it lacks.

    A question whose answer is already wrong is not also reported as missing.
    """
    answers, problems = read_answers(questionnaire, raw)
    if complete:
        wrong = {p.question for p in problems}
        problems += [p for p in completeness_problems(questionnaire, answers) if p.question not in wrong]
    return answers, problems
