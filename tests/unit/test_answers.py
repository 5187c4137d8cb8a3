"""Answer validation: each fault gets a message naming the question and row or option."""

from typing import Any

import pytest

from enquete.model.answers import MultiAnswer, answer_problems, read_answers
from enquete.model.questionnaire import Questionnaire
from tests.unit.builders import ALL_IMPLEMENTED, minimal_answers


def messages(survey: Questionnaire, raw: dict[str, Any], complete: bool = True) -> list[str]:
    """The lines `enquete check` prints, through the path production takes (`answer_problems`)."""
    _answers, problems = answer_problems(survey, raw, complete=complete)
    return [str(p) for p in problems]


def test_minimal_answers_are_valid(survey: Questionnaire) -> None:
    assert messages(survey, minimal_answers()) == []


def test_office_code_is_normalised_and_checked(survey: Questionnaire) -> None:
    answers, problems = read_answers(survey, minimal_answers(" ep "))
    assert answers["office"] == "EP" and problems == []
    assert messages(survey, minimal_answers("ZZ")) == ["question 'office': 'ZZ' is not a known ST.3 code"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"colour": "blue"}, "answers: there is no question 'colour' in this questionnaire"),
        (
            {"implementation": {**ALL_IMPLEMENTED, "rec3": "finished"}},
            "question 'implementation': 'finished' is not one of the answers for row 'rec3'",
        ),
        (
            {"implementation": {**ALL_IMPLEMENTED, "rec11": "implemented"}},
            "question 'implementation': 'rec11' is not one of the rows",
        ),
        (
            {"current_focus": {"selected": ["rec1", "not_applicable"]}},
            "question 'current_focus': 'not_applicable' cannot be combined with other choices",
        ),
        (
            {"current_focus": {"selected": ["rec1"], "comments": {"rec2": "why"}}},
            "question 'current_focus': there is a comment for 'rec2', which is not selected",
        ),
        (
            {"current_focus": {"selected": ["rec12"]}},
            "question 'current_focus': 'rec12' is not one of the options",
        ),
        (
            {"current_focus": {"selected": ["rec1", "rec1"]}},
            "question 'current_focus': 'rec1' is selected twice",
        ),
        (
            {"current_focus": {"selected": ["rec1"], "comment": "x"}},
            "question 'current_focus': this question has no comment box",
        ),
        (
            {"future_topics": {"selected": ["rec1"], "comments": {"rec1": "x"}}},
            "question 'future_topics': this question has no comment boxes beside its options",
        ),
        ({"proposals": "x" * 4001}, "question 'proposals': is 4001 characters long; the limit is 4000"),
        ({"proposals": 42}, "question 'proposals': expected text, found int"),
        (
            {"current_focus": ["rec1"]},
            "question 'current_focus': expected a table with 'selected', found a list",
        ),
        (
            {"current_focus": {"selected": ["rec1"], "chosen": []}},
            "question 'current_focus': unexpected key 'chosen'",
        ),
    ],
)
def test_each_fault_is_named(survey: Questionnaire, raw: dict[str, Any], expected: str) -> None:
    assert expected in messages(survey, {**minimal_answers(), **raw})


def test_a_missing_matrix_row_is_named(survey: Questionnaire) -> None:
    rows = dict(ALL_IMPLEMENTED)
    del rows["rec7"]
    assert messages(survey, minimal_answers(implementation=rows)) == [
        "question 'implementation': row 'rec7' has no answer"
    ]


def test_required_questions_left_empty(survey: Questionnaire) -> None:
    assert messages(survey, {}) == [
        "question 'office': an answer is required",
        "question 'implementation': an answer is required",
    ]


def test_drafts_may_be_incomplete(survey: Questionnaire) -> None:
    assert messages(survey, {"proposals": "later"}, complete=False) == []


def test_text_exactly_at_the_limit_is_accepted(survey: Questionnaire) -> None:
    assert messages(survey, minimal_answers(proposals="字" * 4000)) == []


def test_blank_text_and_blank_comments_count_as_unanswered(survey: Questionnaire) -> None:
    answers, problems = read_answers(
        survey,
        minimal_answers(proposals="  \n", current_focus={"selected": ["rec1"], "comments": {"rec1": " "}}),
    )
    assert problems == []
    assert "proposals" not in answers
    assert answers["current_focus"] == MultiAnswer(selected=("rec1",))


def test_an_empty_selection_with_a_comment_is_an_answer(survey: Questionnaire) -> None:
    answers, problems = read_answers(survey, {"future_topics": {"selected": [], "comment": "none"}})
    assert problems == []
    assert answers["future_topics"] == MultiAnswer(selected=(), comment="none")


def test_problem_messages_exist_in_every_language(survey: Questionnaire) -> None:
    _, problems = read_answers(survey, {"current_focus": {"selected": ["rec1", "not_applicable"]}})
    french = problems[0].message("fr", subject_label="Sans objet")
    assert "Sans objet" in french and french != problems[0].message("en")
