"""Answers and what can be wrong with them: the whole-response view over the question types.

An answer is a value shaped by its question type: a string (code, choice,
text), a `{row: column}` dict (matrix), a `MultiAnswer`, or whatever a newer
type reads. Each type checks its own answers (`enquete.qtypes`), by hand
rather than by pydantic, so that each problem names the question, the row or
option, and what a person should do, in their language. The functions here
are the entry points the rest of enquete calls; they ask the type.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeAlias

from enquete.model.problems import Problem, type_name
from enquete.model.questionnaire import AnyQuestion, Questionnaire
from enquete.qtypes import type_of
from enquete.qtypes.base import Answer, answer_given
from enquete.qtypes.multi import MultiAnswer

__all__ = [
    "Answer",
    "Answers",
    "MultiAnswer",
    "Problem",
    "answer_problems",
    "completeness_problems",
    "constraint_problems",
    "is_answered",
    "missing_answer",
    "read_answer",
    "read_answers",
]

Answers: TypeAlias = dict[str, Answer]


def read_answer(question: AnyQuestion, raw: Any) -> tuple[Answer | None, list[Problem]]:
    """Check one raw answer (as read from TOML or typed) and return it normalized.

    Args:
        question: The question answered, of any registered type.
        raw: The value as the file or the widget holds it.

    Returns:
        The answer (None: not answered) and its problems. Required-ness is not
        checked here (a draft may be incomplete): see `missing_answer`.
    """
    return type_of(question).read(question, raw)


def missing_answer(
    question: AnyQuestion, answer: Answer | None, required: bool | None = None
) -> list[Problem]:
    """What a submitted response still lacks for this question.

    Args:
        question: The question.
        answer: Its read answer, None when unanswered.
        required: Whether an answer is needed now, as the skip logic decides for a
            conditional question (`required = "expr"`); by default `required is True`.

    Returns:
        `required`, `missing_row` or `too_few` problems; empty when nothing is missing.
    """
    needed = question.required is True if required is None else required
    if question.required is not needed:
        question = question.model_copy(update={"required": needed})  # the type reads a plain bool
    return type_of(question).missing(question, answer)


def read_answers(questionnaire: Questionnaire, raw: Any) -> tuple[Answers, list[Problem]]:
    """Check a whole `[answers]` table; unknown questions are problems, not silently dropped.

    Args:
        questionnaire: The questionnaire answered.
        raw: The `[answers]` table as parsed.

    Returns:
        The valid answers by question id, and every problem found, in question order.
    """
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
    return Problem(None, "wrong_type", params={"expected": "a table [answers]", "found": type_name(raw)})


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
    """The question's constraint, if its answer breaks it, as a problem in the author's words.

    Args:
        questionnaire: The questionnaire answered.
        question_id: The question whose constraint is checked.
        answers: Every answer (the constraint may read other questions).
        relevant: Which questions are asked (the others read as empty).

    Returns:
        One `constraint` problem (the author's message, per language) or
        `constraint_unmet` (no message, or a pattern too slow to check); none when it holds.
    """
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
    """Whether the respondent gave anything for the question: a selection, a row or a comment.

    Args:
        answer: A read answer (as `read_answer` returns it), or None.

    Returns:
        False for None and for empty values; True for anything else, 0 included.
    """
    return answer_given(answer)


def answer_problems(
    questionnaire: Questionnaire, raw: Any, *, complete: bool
) -> tuple[Answers, list[Problem]]:
    """Read `[answers]` and, for a submitted response, what it lacks.

    A question whose answer is already wrong is not also reported as missing.

    Args:
        questionnaire: The questionnaire answered.
        raw: The `[answers]` table as parsed.
        complete: True for a submitted response: missing answers are problems too.

    Returns:
        The valid answers and every problem, in question order.
    """
    answers, problems = read_answers(questionnaire, raw)
    if complete:
        wrong = {p.question for p in problems}
        problems += [p for p in completeness_problems(questionnaire, answers) if p.question not in wrong]
    return answers, problems
