"""`check --questionnaire` refuses conditions that can never hold, naming question, column and the fix.

Survey-author trial 3: `relevant = "${outsourcing} = 'yess'"` passed check as OK,
so the follow-up it guards was never asked; `${intro} = 1` on a note passed too.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from enquete.errors import QuestionnaireError
from enquete.storage.questionnaire_file import questionnaire_from_data


def _survey(condition: str, field: str = "relevant", **follow_up: Any) -> dict[str, Any]:
    return {
        "questionnaire": {"id": "it-staff-2026", "version": 1, "title": "IT staff"},
        "questions": [
            {"id": "intro", "type": "note", "text": "About your IT staff."},
            {"id": "staff", "type": "number", "text": "Staff", "decimals": 0},
            {"id": "since", "type": "date", "text": "Since"},
            {"id": "name", "type": "text", "text": "Name"},
            {
                "id": "outsourcing",
                "type": "choice",
                "text": "Outsourced?",
                "options": [{"id": "yes", "label": "Yes"}, {"id": "no", "label": "No"}],
            },
            {
                "id": "tools",
                "type": "multi",
                "text": "Tools",
                "options": [{"id": "jira", "label": "Jira"}, {"id": "git", "label": "Git"}],
            },
            {"id": "share", "type": "number", "text": "Share", field: condition, **follow_up},
        ],
    }


def _refusal(condition: str, field: str = "relevant") -> str:
    with pytest.raises(QuestionnaireError) as caught:
        questionnaire_from_data(_survey(condition, field), source="q.toml")
    return str(caught.value)


def _warnings(condition: str, field: str = "relevant") -> list[str]:
    return questionnaire_from_data(_survey(condition, field), source="q.toml").expression_warnings()


def test_an_option_id_that_is_not_one_is_refused_with_place_column_and_suggestion() -> None:
    message = _refusal("${outsourcing} = 'yess'")
    assert "question 7 (share).relevant: column 18: 'yess' is not an option of ${outsourcing}" in message
    assert "did you mean 'yes'?" in message


def test_without_a_close_option_the_options_are_listed() -> None:
    assert "its options are 'yes', 'no'" in _refusal("${outsourcing} != 'perhaps'")


def test_selected_with_an_unknown_option_is_refused() -> None:
    message = _refusal("selected(${tools}, 'jirra')")
    assert "column 20: 'jirra' is not an option of ${tools}" in message
    assert "did you mean 'jira'?" in message


@pytest.mark.parametrize(
    ("condition", "words"),
    [
        ("${intro} = 1", "column 1: '${intro}' is a note: it has no answer to refer to"),
        ("${staff} > 'many'", "column 12: ${staff} is a number and 'many' is not one"),
        ("${since} < 2024", "column 12: ${since} is a date, not a number"),
        ("${since} > '2024-02-31'", "'2024-02-31' is not one: write '2024-05-01'"),
        ("selected(${staff}, 'x')", "selected() reads chosen options, and ${staff} is a number"),
        (". = 'a'", "'.' is a number and 'a' is not one"),
        ("${since} > ${staff}", "column 10: '>' compares ${since}, a date, with ${staff}, a number"),
        ("${tools} = ${staff}", "compares ${tools}, a multiple choice, with ${staff}, a number"),
    ],
)
def test_comparisons_that_can_never_hold_are_errors(condition: str, words: str) -> None:
    field = "constraint" if condition.startswith(".") else "relevant"
    assert words in _refusal(condition, field)


@pytest.mark.parametrize(
    ("condition", "words"),
    [
        ("${staff} > '5'", "${staff} is a number: write 5 without quotes"),
        ("${name} = 5", "${name} is text: put the value in quotes, '5'"),
        ("${tools} = 'git'", "use selected(${tools}, 'git')"),
        ("count-selected(${outsourcing}) > 0", "${outsourcing} holds one answer: count-selected() counts"),
    ],
)
def test_comparisons_that_work_but_mislead_are_warnings_not_errors(condition: str, words: str) -> None:
    (warning,) = _warnings(condition)
    assert warning.startswith("question 7 (share).relevant: column ")
    assert words in warning


@pytest.mark.parametrize(
    "condition",
    [
        "${outsourcing} = 'yes'",
        "${outsourcing} = ''",
        "selected(${tools}, 'git') and ${staff} >= 10",
        "${since} >= '2024-01-01' and ${since} < today()",
        "${name} = '' or ${staff} != ''",
        "${staff} > string-length(${name}) and ${name} != ${outsourcing} and count-selected(${tools}) >= 1 and ${since} <= today()",
    ],
)
def test_sound_conditions_pass_without_warnings(condition: str) -> None:
    assert _warnings(condition) == []


def test_an_unknown_question_has_its_place_and_the_closest_id() -> None:
    """Trial 3: it said '(top level): question ...' with no questions[6] and no suggestion."""
    message = _refusal("${outsorcing} = 'yes'")
    assert "question 7 (share).relevant: column 1: '${outsorcing}' names no question" in message
    assert "did you mean 'outsourcing'?" in message
    assert "(top level)" not in message


_IDS = st.from_regex(r"[a-z][a-z0-9_]{1,10}", fullmatch=True)


@given(st.lists(_IDS, min_size=1, max_size=6, unique=True), st.data())
def test_every_option_id_is_accepted_and_every_near_miss_refused_with_it_suggested(
    ids: list[str], data: st.DataObject
) -> None:
    def survey(option: str) -> dict[str, Any]:
        return {
            "questionnaire": {"id": "p", "version": 1, "title": "P"},
            "questions": [
                {"id": "q", "type": "choice", "text": "Q", "options": [{"id": i, "label": i} for i in ids]},
                {"id": "f", "type": "text", "text": "F", "relevant": f"${{q}} = '{option}'"},
            ],
        }

    for option in ids:
        questionnaire_from_data(survey(option), source="p.toml")
    chosen = data.draw(st.sampled_from(ids))
    near_miss = chosen + data.draw(st.sampled_from("xyz"))
    if near_miss in ids:
        return
    with pytest.raises(QuestionnaireError) as caught:
        questionnaire_from_data(survey(near_miss), source="p.toml")
    assert f"'{near_miss}' is not an option of ${{q}}" in str(caught.value)
    assert "did you mean '" in str(caught.value)


def test_the_place_counts_questions_as_written_not_the_brought_please_specify_ones() -> None:
    """An `other = true` option brings a question that is not in the file: later indexes must not shift."""
    data = {
        "questionnaire": {"id": "p", "version": 1, "title": "P"},
        "questions": [
            {
                "id": "platform",
                "type": "choice",
                "text": "Platform",
                "options": [
                    {"id": "cloud", "label": "Cloud"},
                    {"id": "other", "label": "Other", "other": True},
                ],
            },
            {"id": "why", "type": "text", "text": "Why?", "relevant": "${platform} = 'clod'"},
        ],
    }
    with pytest.raises(QuestionnaireError) as caught:
        questionnaire_from_data(data, source="p.toml")
    assert "question 2 (why).relevant: column 15: 'clod' is not an option" in str(caught.value)
    assert "did you mean 'cloud'?" in str(caught.value)


def test_a_group_condition_is_checked_and_placed_under_its_group() -> None:
    data = _survey("${outsourcing} = 'yes'")
    data["groups"] = {"details": {"relevant": "${outsourcing} = 'oui'"}}
    data["questions"][-1]["group"] = "details"
    with pytest.raises(QuestionnaireError) as caught:
        questionnaire_from_data(data, source="q.toml")
    assert "groups.details.relevant: column 18: 'oui' is not an option of ${outsourcing}" in str(caught.value)
