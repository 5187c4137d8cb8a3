"""Rules that mutation testing found unguarded: multi-select bounds, completeness, resume position.

Each case is a behaviour a person relies on (a required multi-select left
empty blocks submission; a draft resumes where it stopped), pinned to its exact message.
Merge's reasons are pinned by tests/unit/test_merge_decisions.py.
"""

from __future__ import annotations

from typing import Any

import pytest

from enquete.errors import ResponseFileError
from enquete.model.answers import answer_problems
from enquete.model.questionnaire import Questionnaire
from enquete.model.response import response_from_data
from enquete.storage.questionnaire_file import load_questionnaire
from tests.unit.builders import HEADER, minimal_answers

BOUNDED = """
[questionnaire]
id = "bounded"
version = 1
title = "Bounded"
respondent_key = "office"

[[questions]]
id = "office"
type = "code"
required = true
text = "Office?"

[[questions]]
id = "tools"
type = "multi"
required = true
text = "Tools?"
option_comments = true
comment_max_length = 10
min_selections = 2
max_selections = 3
options = [
    { id = "a", label = "A" }, { id = "b", label = "B" }, { id = "c", label = "C" },
    { id = "d", label = "D" }, { id = "none", label = "None", exclusive = true },
]
"""


@pytest.fixture(scope="module")
def bounded(tmp_path_factory: pytest.TempPathFactory) -> Questionnaire:
    path = tmp_path_factory.mktemp("q") / "bounded.toml"
    path.write_text(BOUNDED, "utf-8")
    return load_questionnaire(path)


@pytest.mark.parametrize(
    ("tools", "expected"),
    [
        (None, ["question 'tools': an answer is required"]),
        ({"selected": [], "comments": {}}, ["question 'tools': an answer is required"]),
        ({"selected": ["a"]}, ["question 'tools': select at least 2"]),
        ({"selected": ["a", "b"]}, []),
        ({"selected": ["a", "b", "c", "d"]}, ["question 'tools': select at most 3"]),
        (
            {"selected": ["a", "b"], "comments": "x"},
            ["question 'tools': expected a table in 'comments', found text"],
        ),
        (
            {"selected": ["a", "b"], "comments": {"a": 1}},
            ["question 'tools': expected text in comments.a, found int"],
        ),
        (
            {"selected": ["a", "b"], "comments": {"a": "far too long", "b": "also long!!"}},
            [
                "question 'tools': is 12 characters long; the limit is 10",
                "question 'tools': is 11 characters long; the limit is 10",
            ],
        ),
        ({"selected": "a"}, ["question 'tools': expected a list of option ids in 'selected', found text"]),
        ({"selected": ["a", "b"], "comment": "x"}, ["question 'tools': this question has no comment box"]),
    ],
)
def test_multi_select_bounds_and_comments(bounded: Questionnaire, tools: Any, expected: list[str]) -> None:
    """A required multi-select left empty, or outside its bounds, must block submission with its reason."""
    raw: dict[str, Any] = {"office": "AU"}
    if tools is not None:
        raw["tools"] = tools
    _answers, problems = answer_problems(bounded, raw, complete=True)
    assert [str(p) for p in problems] == expected


def _data(status: str, answers: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {"response": {**HEADER, "status": status}, "answers": answers, **more}


def test_only_a_submitted_response_is_checked_for_completeness(survey: Questionnaire) -> None:
    _response, problems = response_from_data(survey, _data("submitted", {"office": "AU"}))
    assert "question 'implementation': an answer is required" in [str(p) for p in problems]
    _response, problems = response_from_data(survey, _data("draft", {"office": "AU"}))
    assert problems == []


def test_a_draft_resumes_at_the_question_it_stopped_on(survey: Questionnaire) -> None:
    data = _data("draft", {"office": "AU"}, draft={"current_question": "implementation"})
    assert response_from_data(survey, data)[0].current_question == "implementation"
    data = _data("draft", {"office": "AU"}, draft={"current_question": "no-such-question"})
    assert response_from_data(survey, data)[0].current_question is None


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ({"id": "has space"}, "[response] id: only letters, digits and _ . : - are allowed"),
        ({"revision": 0}, "[response] revision: Input should be greater than or equal to 1"),
    ],
)
def test_a_bad_header_names_the_key(survey: Questionnaire, header: dict[str, Any], message: str) -> None:
    data = _data("submitted", minimal_answers("AU"))
    data["response"].update(header)
    with pytest.raises(ResponseFileError) as caught:
        response_from_data(survey, data)
    assert str(caught.value).startswith(message)


def test_a_file_without_a_response_table_is_named_as_such(survey: Questionnaire) -> None:
    with pytest.raises(
        ResponseFileError, match=r"has no \[response\] table; it is not an enquete response file"
    ):
        response_from_data(survey, {"answers": {}})
