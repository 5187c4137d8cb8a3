"""Reading the answers across questions: who chose what, per respondent and per option.

The counts of `aggregate` answer "how many"; the Secretariat also asks
"which offices" and "the same offices?" (para 21 of CWS/13/26 reads
Recommendation 10 as a focus, a challenge and a future topic at once). These
readings are computed here from the counted responses, for the JSON report,
the summary and the results screen alike. They ask each question's type for
its CSV columns and cells: a "flag" column is an option that can be chosen,
a "value" column with an option is a matrix row, so any registered type
that has such columns takes part.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from enquete.model.question import QuestionBase
from enquete.model.questionnaire import Questionnaire
from enquete.qtypes import type_of
from enquete.qtypes.base import AnswerModel
from enquete.results.aggregate import Results


def _cells(results: Results, question: QuestionBase, key: str) -> dict[str, str] | None:
    """A respondent's cells for `question` (as the CSV has them); None when not answered."""
    qtype = type_of(question)
    answer = results.responses[key].answers.get(question.id)
    if answer is None or not qtype.is_answered(question, answer):
        return None
    return qtype.cells(question, answer)


def flag_columns(question: QuestionBase) -> dict[str, str]:
    """Option id -> column name, for the options of `question` that can be chosen (not exclusive)."""
    qtype = type_of(question)
    exclusive = {o.id for o in qtype.options(question) if o.exclusive}
    return {
        c.option: c.name
        for c in qtype.columns(question)
        if c.kind == "flag" and c.option and c.option not in exclusive
    }


def selections(results: Results, questionnaire: Questionnaire) -> dict[str, dict[str, Any]]:
    """Every counted respondent's answers, JSON-ready: respondent -> question -> selection.

    A question with options to choose gives the list of chosen option ids
    (their comments are in the question's `comments`); any other answer is
    given as the response file has it (a string, a `{row: column}` table).
    Questions a respondent did not answer are absent.
    """
    chosen: dict[str, dict[str, Any]] = {}
    for key in results.respondent_keys:
        mine: dict[str, Any] = {}
        for question in questionnaire.questions:
            cells = _cells(results, question, key)
            if cells is None:
                continue
            qtype = type_of(question)
            flags = [c for c in qtype.columns(question) if c.kind == "flag" and c.option]
            answer = results.responses[key].answers[question.id]
            if flags:
                mine[question.id] = [c.option for c in flags if cells.get(c.name) == "1"]
            elif isinstance(answer, AnswerModel):
                mine[question.id] = answer.to_file()
            elif isinstance(answer, datetime.date):
                mine[question.id] = answer.isoformat()
            else:
                mine[question.id] = answer
        chosen[key] = mine
    return chosen


def chose(results: Results, question: QuestionBase, option_id: str) -> list[str]:
    """Respondents (sorted) who chose `option_id` in `question`."""
    column = flag_columns(question).get(option_id)
    if column is None:
        return []
    keys = []
    for key in results.respondent_keys:
        cells = _cells(results, question, key)
        if cells is not None and cells.get(column) == "1":
            keys.append(key)
    return keys


def choice_questions(questionnaire: Questionnaire) -> list[QuestionBase]:
    """The questions with options to choose (multi-selects), in questionnaire order."""
    return [q for q in questionnaire.questions if flag_columns(q)]


def shared_options(questionnaire: Questionnaire) -> list[str]:
    """Option ids offered by two or more questions with options to choose, in first-seen order."""
    seen: dict[str, int] = {}
    for question in choice_questions(questionnaire):
        for option in flag_columns(question):
            seen[option] = seen.get(option, 0) + 1
    return [option for option, times in seen.items() if times >= 2]


@dataclass(frozen=True)
class CrossRow:
    """One option read across several questions."""

    option: str
    chose_in: dict[str, list[str]]
    """Per question id, the respondents who chose the option there."""
    chose_in_all: list[str]
    """The respondents who chose it in every one of the questions."""


def cross_tab(results: Results, questionnaire: Questionnaire, question_ids: list[str]) -> list[CrossRow]:
    """For each option the questions share, who chose it in each and in all of them.

    Args:
        results: the aggregated results.
        questionnaire: the questionnaire they answer.
        question_ids: two or more questions with options to choose (order kept).

    Returns:
        One row per option offered by every one of the questions (exclusive ones left out),
        in the first question's option order.
    """
    questions = [questionnaire.question(qid) for qid in question_ids]
    questions = [q for q in questions if flag_columns(q)]
    if not questions:
        return []
    common = list(flag_columns(questions[0]))
    for question in questions[1:]:
        offered = flag_columns(question)
        common = [o for o in common if o in offered]
    rows = []
    for option in common:
        chose_in = {q.id: chose(results, q, option) for q in questions}
        everyone = set(results.respondent_keys)
        for keys in chose_in.values():
            everyone &= set(keys)
        rows.append(CrossRow(option, chose_in, sorted(everyone)))
    return rows


def cross_readings(results: Results, questionnaire: Questionnaire) -> dict[str, dict[str, Any]]:
    """JSON-ready: every option shared by several questions, who chose it in each and in all of them."""
    readings: dict[str, dict[str, Any]] = {}
    tabs: dict[tuple[str, ...], dict[str, CrossRow]] = {}  # options shared by the same questions: one tab
    for option in shared_options(questionnaire):
        questions = [q.id for q in choice_questions(questionnaire) if option in flag_columns(q)]
        tab = tabs.get(tuple(questions))
        if tab is None:
            tab = {r.option: r for r in cross_tab(results, questionnaire, questions)}
            tabs[tuple(questions)] = tab
        row = tab.get(option)
        if row is not None:
            readings[option] = {
                "questions": questions,
                "chose_in": row.chose_in,
                "chose_in_all": row.chose_in_all,
            }
    return readings


@dataclass(frozen=True)
class OptionReading:
    """What one question says about one option (or matrix row)."""

    question: str
    respondents: list[str]
    """Who chose it, or who answered that row (a matrix)."""
    levels: dict[str, list[str]]
    """A matrix row: respondents per column id; empty for a chosen option."""


def _row_columns(question: QuestionBase) -> dict[str, str]:
    """Row id -> column name, for the rows of a matrix-like question (value columns with an option)."""
    return {c.option: c.name for c in type_of(question).columns(question) if c.kind == "value" and c.option}


def option_across_questions(
    results: Results, questionnaire: Questionnaire, option_id: str
) -> list[OptionReading]:
    """Everything the questions say about `option_id` (an option to choose, or a matrix row)."""
    readings = []
    for question in questionnaire.questions:
        if option_id in flag_columns(question):
            readings.append(OptionReading(question.id, chose(results, question, option_id), {}))
            continue
        column = _row_columns(question).get(option_id)
        if column is None:
            continue
        levels: dict[str, list[str]] = {
            c.id: [] for c in type_of(question).option_lists(question).get("columns", [])
        }
        answered = []
        for key in results.respondent_keys:
            cells = _cells(results, question, key)
            level = cells.get(column) if cells else None
            if level is not None:
                levels.setdefault(level, []).append(key)
                answered.append(key)
        readings.append(OptionReading(question.id, answered, levels))
    return readings


def option_ids_across_questions(questionnaire: Questionnaire) -> list[str]:
    """Every option to choose or matrix row id, in first-seen order."""
    ids: dict[str, None] = {}
    for question in questionnaire.questions:
        ids.update((o, None) for o in flag_columns(question))
        ids.update((o, None) for o in _row_columns(question))
    return list(ids)
