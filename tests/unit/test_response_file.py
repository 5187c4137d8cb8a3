"""The response file: round-trips, tolerant reading, and never a crash on garbage."""

import contextlib
import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from enquete.errors import ResponseFileError
from enquete.model.answers import Answer, MultiAnswer
from enquete.model.questionnaire import Questionnaire
from enquete.model.response import Response, Status, dump_response, response_from_data
from enquete.storage.questionnaire_file import load_questionnaire
from enquete.storage.responses import ResponseFolder, load_response, load_valid_response
from enquete.storage.safe_read import parse_toml
from tests.conftest import FIXTURES, ROOT
from tests.unit.builders import minimal_answers, write_response
from tests.unit.strategies import valid_answers

SURVEY = load_questionnaire(ROOT / "questionnaire.toml")


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(answers=valid_answers(SURVEY), status=st.sampled_from(["draft", "submitted"]))
def test_any_valid_answer_set_saved_then_loaded_is_equal(answers: dict[str, Answer], status: Status) -> None:
    response = replace(Response.new(SURVEY), answers=answers, status=status)
    loaded, problems = response_from_data(SURVEY, parse_toml(dump_response(response)))
    assert problems == []
    assert loaded == response


@settings(max_examples=300)
@given(st.binary(max_size=2000))
def test_garbage_bytes_never_crash_the_loader(data: bytes) -> None:
    with contextlib.suppress(ResponseFileError):
        response_from_data(SURVEY, parse_toml(data))


toml_values = st.recursive(
    st.none().map(lambda _: "") | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    header=st.dictionaries(
        st.sampled_from(["questionnaire", "version", "id", "revision", "status", "saved", "x"]),
        toml_values,
    ),
    answers=st.dictionaries(st.sampled_from([*SURVEY.ids, "nope"]), toml_values),
)
def test_random_toml_tables_never_crash_the_loader(header: dict[str, Any], answers: dict[str, Any]) -> None:
    with contextlib.suppress(ResponseFileError):
        response_from_data(SURVEY, {"response": header, "answers": answers})


def test_hand_written_fixture_reads_whatever_the_key_order(survey: Questionnaire) -> None:
    response = load_valid_response(FIXTURES / "responses" / "AU.toml", survey)
    assert response.key(survey) == "AU"
    assert response.answers["challenges"] == MultiAnswer(
        selected=("rec10",), comments={"rec10": "Skills and budget."}
    )
    comments = response.answers["implementation_comments"]
    assert isinstance(comments, str) and '[our portal]; see C:\\data\\ for "exports"' in comments


def test_dumped_file_is_the_documented_shape(survey: Questionnaire) -> None:
    answers = minimal_answers(current_focus=MultiAnswer(selected=("rec1",), comments={"rec1": "x"}))
    data = tomllib.loads(dump_response(replace(Response.new(survey), answers=answers)).decode())
    assert set(data) == {"response", "answers"}
    assert data["response"]["questionnaire"] == "cws-ict-2025"
    assert data["answers"]["current_focus"] == {"selected": ["rec1"], "comments": {"rec1": "x"}}
    assert data["answers"]["implementation"]["rec1"] == "implemented"


def test_lone_surrogate_is_replaced_not_a_crash(survey: Questionnaire) -> None:
    response = replace(Response.new(survey), answers={"proposals": "bad \udc80 paste"})
    data = tomllib.loads(dump_response(response).decode("utf-8"))
    assert data["answers"]["proposals"] == "bad \ufffd paste"


def test_unknown_keys_in_the_header_are_tolerated(tmp_path: Path, survey: Questionnaire) -> None:
    path = write_response(tmp_path, "AU.toml", minimal_answers(), generator="other-tool 2.0")
    assert load_valid_response(path, survey).key(survey) == "AU"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ({"questionnaire": "other-survey"}, "answers the questionnaire 'other-survey', not 'cws-ict-2025'"),
        ({"version": 2}, "answers version 2 of 'cws-ict-2025'; this is version 1"),
        ({"status": "final"}, "[response] status"),
        ({"revision": 0}, "[response] revision"),
        ({"id": "../../etc"}, "[response] id"),
    ],
)
def test_header_faults_are_refused(
    tmp_path: Path, survey: Questionnaire, header: dict[str, Any], expected: str
) -> None:
    path = write_response(tmp_path, "X.toml", minimal_answers(), **header)
    with pytest.raises(ResponseFileError) as caught:
        load_response(path, survey)
    assert expected in str(caught.value)


def test_folder_keeps_drafts_out_of_the_counted_files(tmp_path: Path, survey: Questionnaire) -> None:
    folder = ResponseFolder(tmp_path / "responses")
    draft = replace(Response.new(survey), answers=minimal_answers())
    folder.save_draft(draft)
    assert folder.submitted_files() == []
    assert [r.id for _, r in folder.drafts(survey)] == [draft.id]
    path, submitted = folder.submit(draft, survey)
    assert path == tmp_path / "responses" / "AU.toml"
    assert folder.submitted_files() == [path] and folder.drafts(survey) == []
    assert load_valid_response(path, survey) == submitted
