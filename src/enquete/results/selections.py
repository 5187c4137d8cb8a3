"""Reading the answers across questions: who chose what, per respondent and per option.

The counts of `aggregate` answer "how many"; the Secretariat also asks
"which offices" and "the same offices?" (para 21 of CWS/13/26 reads
Recommendation 10 as a focus, a challenge and a future topic at once). These
readings are computed here from the counted responses, for the JSON report,
the summary and the results screen alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from enquete.model.answers import MultiAnswer, is_answered
from enquete.model.questionnaire import MatrixQuestion, MultiQuestion, Questionnaire
from enquete.results.aggregate import Results


def selections(results: Results) -> dict[str, dict[str, Any]]:
    """Every counted respondent's answers, JSON-ready: respondent -> question -> selection.

    A code, choice or text answer is its string; a matrix is `{row: column}`;
    a multi-select is the list of selected option ids (comments are in the
    question's `comments`). Questions a respondent did not answer are absent.
    """
    chosen: dict[str, dict[str, Any]] = {}
    for key in results.respondent_keys:
        mine: dict[str, Any] = {}
        for qid, answer in results.responses[key].answers.items():
            if not is_answered(answer):
                continue
            if isinstance(answer, MultiAnswer):
                mine[qid] = list(answer.selected)
            elif isinstance(answer, dict):
                mine[qid] = dict(answer)
            else:
                mine[qid] = answer
        chosen[key] = mine
    return chosen


def chose(results: Results, question_id: str, option_id: str) -> list[str]:
    """Respondents (sorted) who selected `option_id` in the multi-select `question_id`."""
    keys = []
    for key in results.respondent_keys:
        answer = results.responses[key].answers.get(question_id)
        if isinstance(answer, MultiAnswer) and option_id in answer.selected:
            keys.append(key)
    return keys


def multi_questions(questionnaire: Questionnaire) -> list[MultiQuestion]:
    """The multi-select questions, in questionnaire order."""
    return [q for q in questionnaire.questions if isinstance(q, MultiQuestion)]


def shared_options(questionnaire: Questionnaire) -> list[str]:
    """Option ids offered by two or more multi-select questions, in first-seen order, not exclusive."""
    seen: dict[str, int] = {}
    for question in multi_questions(questionnaire):
        for option in question.options:
            if not option.exclusive:
                seen[option.id] = seen.get(option.id, 0) + 1
    return [option for option, times in seen.items() if times >= 2]


@dataclass(frozen=True)
class CrossRow:
    """One option read across several multi-select questions."""

    option: str
    chose_in: dict[str, list[str]]
    """Per question id, the respondents who selected the option there."""
    chose_in_all: list[str]
    """The respondents who selected it in every one of the questions."""


def cross_tab(results: Results, questionnaire: Questionnaire, question_ids: list[str]) -> list[CrossRow]:
    """For each option the questions share, who chose it in each and in all of them.

    Args:
        results: the aggregated results.
        questionnaire: the questionnaire they answer.
        question_ids: two or more multi-select questions (order kept).

    Returns:
        One row per option offered by every one of the questions (exclusive ones left out),
        in the first question's option order.
    """
    questions = [questionnaire.question(qid) for qid in question_ids]
    multis = [q for q in questions if isinstance(q, MultiQuestion)]
    if not multis:
        return []
    common = [o.id for o in multis[0].options if not o.exclusive]
    for question in multis[1:]:
        ids = {o.id for o in question.options}
        common = [o for o in common if o in ids]
    rows = []
    for option in common:
        chose_in = {q.id: chose(results, q.id, option) for q in multis}
        everyone = set(results.respondent_keys)
        for keys in chose_in.values():
            everyone &= set(keys)
        rows.append(CrossRow(option, chose_in, sorted(everyone)))
    return rows


def cross_readings(results: Results, questionnaire: Questionnaire) -> dict[str, dict[str, Any]]:
    """JSON-ready: every option shared by multi-selects, who chose it in each and in all of them."""
    readings: dict[str, dict[str, Any]] = {}
    for option in shared_options(questionnaire):
        questions = [q.id for q in multi_questions(questionnaire) if option in {o.id for o in q.options}]
        row = next((r for r in cross_tab(results, questionnaire, questions) if r.option == option), None)
        if row is None:
            continue
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
    """Who selected it (a multi-select), or who answered that row (a matrix)."""
    levels: dict[str, list[str]]
    """A matrix row: respondents per column id; empty for a multi-select."""


def option_across_questions(
    results: Results, questionnaire: Questionnaire, option_id: str
) -> list[OptionReading]:
    """Everything the questions say about `option_id` (a multi-select option or a matrix row)."""
    readings = []
    for question in questionnaire.questions:
        if isinstance(question, MultiQuestion) and option_id in {o.id for o in question.options}:
            readings.append(OptionReading(question.id, chose(results, question.id, option_id), {}))
        elif isinstance(question, MatrixQuestion) and option_id in {r.id for r in question.rows}:
            levels: dict[str, list[str]] = {c.id: [] for c in question.columns}
            answered = []
            for key in results.respondent_keys:
                answer = results.responses[key].answers.get(question.id)
                if isinstance(answer, dict) and option_id in answer and answer[option_id] in levels:
                    levels[answer[option_id]].append(key)
                    answered.append(key)
            readings.append(OptionReading(question.id, answered, levels))
    return readings


def option_ids_across_questions(questionnaire: Questionnaire) -> list[str]:
    """Every option id or matrix row id found in a multi-select or matrix, first-seen order."""
    ids: dict[str, None] = {}
    for question in questionnaire.questions:
        if isinstance(question, MultiQuestion):
            ids.update((o.id, None) for o in question.options if not o.exclusive)
        elif isinstance(question, MatrixQuestion):
            ids.update((r.id, None) for r in question.rows)
    return list(ids)
