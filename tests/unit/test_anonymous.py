"""Anonymous surveys: no respondent key; files are named by response id; merge and reports key on it."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli_w

from enquete.cli import main
from enquete.merge import merge
from enquete.model.questionnaire import Questionnaire
from enquete.model.response import Response
from enquete.results.aggregate import aggregate_folder
from enquete.results.report_markdown import render_markdown
from enquete.storage.questionnaire_file import load_questionnaire
from enquete.storage.responses import ResponseFolder

SURVEY = """
[questionnaire]
id = "canteen"
version = 1
title = "Canteen satisfaction"

[[questions]]
id = "satisfied"
type = "choice"
required = true
text = "Are you satisfied with the canteen?"
options = [{ id = "yes", label = "Yes" }, { id = "no", label = "No" }]

[[questions]]
id = "why"
type = "text"
text = "Why?"
"""

ID_A = "aaaaaaaa-0000-4000-8000-000000000001"
ID_B = "bbbbbbbb-0000-4000-8000-000000000002"


@pytest.fixture
def canteen(tmp_path: Path) -> Questionnaire:
    path = tmp_path / "canteen.toml"
    path.write_text(SURVEY, "utf-8")
    return load_questionnaire(path)


def response_file(folder: Path, name: str, response_id: str, satisfied: str, revision: int = 1) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    header = {
        "questionnaire": "canteen",
        "version": 1,
        "id": response_id,
        "revision": revision,
        "status": "submitted",
        "language": "en",
    }
    path = folder / name
    path.write_text(tomli_w.dumps({"response": header, "answers": {"satisfied": satisfied}}), "utf-8")
    return path


def test_a_questionnaire_without_respondent_key_is_anonymous(canteen: Questionnaire) -> None:
    assert canteen.anonymous and canteen.respondent_key is None


def test_submitting_names_the_file_by_the_response_id(canteen: Questionnaire, tmp_path: Path) -> None:
    folder = ResponseFolder(tmp_path / "responses")
    response = Response.new(canteen).with_answer("satisfied", "yes")
    path, _ = folder.submit(response, canteen)
    assert path.name == f"{response.id}.toml"


def test_two_people_giving_the_same_answers_are_two_responses(canteen: Questionnaire, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    response_file(inbox, "reply.toml", ID_A, "yes")
    response_file(inbox, "reply (1).toml", ID_B, "yes")
    response_file(inbox, "reply again.toml", ID_A, "no", revision=2)  # A changed their mind
    into = tmp_path / "responses"
    steps = merge([inbox], into, canteen)
    assert sorted(s.outcome.value for s in steps) == ["imported", "imported", "replaced"]
    assert sorted(p.name for p in ResponseFolder(into).submitted_files()) == [f"{ID_A}.toml", f"{ID_B}.toml"]
    results = aggregate_folder(into, canteen)
    assert results.respondents == 2
    assert results.respondent_keys == [ID_A, ID_B]
    assert results.questions["satisfied"].option_counts == {"yes": 1, "no": 1}


def test_an_id_that_cannot_name_a_file_is_not_counted(canteen: Questionnaire, tmp_path: Path) -> None:
    """A response edited to carry an id such as `CON` or `a.b` must not become a file name."""
    folder = tmp_path / "responses"
    response_file(folder, "x.toml", "CON", "yes")
    response_file(folder, "y.toml", "a.b", "yes")
    results = aggregate_folder(folder, canteen)
    assert results.respondents == 0
    assert len(results.rejected) == 2


def test_the_markdown_report_lists_no_one(canteen: Questionnaire, tmp_path: Path) -> None:
    folder = tmp_path / "responses"
    response_file(folder, f"{ID_A}.toml", ID_A, "yes")
    text = render_markdown(aggregate_folder(folder, canteen), canteen)
    assert ID_A not in text and "| Code | Respondent |" not in text
    assert "1 respondent." in text


def test_office_is_refused_for_an_anonymous_survey(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "canteen.toml"
    path.write_text(SURVEY, "utf-8")
    assert main(["fill", "--questionnaire", str(path), "--office", "AU"]) == 2
    assert "anonymous" in capsys.readouterr().err


def test_check_accepts_the_anonymous_questionnaire(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "canteen.toml"
    path.write_text(SURVEY, "utf-8")
    assert main(["check", "--questionnaire", str(path)]) == 0
    assert "OK (canteen version 1, 2 questions)" in capsys.readouterr().out
