"""The question-type registry: every type implements every part, and a new type needs one module."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from enquete.model.answers import Answer, read_answers
from enquete.model.questionnaire import Questionnaire
from enquete.model.response import Response, dump_response, response_from_data
from enquete.qtypes import BUILT_IN, QuestionType, register, registered, type_of, unregister
from enquete.results.aggregate import Results, aggregate_folder, tally
from enquete.results.report_csv import render_csv
from enquete.results.report_json import results_to_json_data
from enquete.results.report_markdown import render_markdown
from enquete.storage.questionnaire_file import load_questionnaire
from enquete.storage.responses import ResponseFolder, load_response
from enquete.ui.screens.summary import summarize
from tests.conftest import FIXTURES
from tests.unit import toy_stars
from tests.unit.strategies import answer_for

SMALL = load_questionnaire(FIXTURES / "small" / "questionnaire.toml")
NEW_TYPES = load_questionnaire(FIXTURES / "new_types.toml")
"""The types issue 12 added (number, date, note, single-line text), beside the small fixture."""
FIXTURE_QUESTIONS = [*SMALL.questions, *NEW_TYPES.questions]


@pytest.fixture
def stars() -> Iterator[QuestionType[toy_stars.StarsQuestion]]:
    """The toy type, registered for one test and forgotten after it."""
    register(toy_stars.STARS)
    yield toy_stars.STARS
    unregister(toy_stars.STARS.name)


def _toy(tmp_path: Path) -> Questionnaire:
    path = tmp_path / "toy.toml"
    path.write_text(toy_stars.QUESTIONNAIRE, "utf-8")
    return load_questionnaire(path)


def test_the_fixtures_use_every_built_in_type() -> None:
    assert {q.type for q in FIXTURE_QUESTIONS} == {t.name for t in BUILT_IN}


@pytest.mark.parametrize("qtype", BUILT_IN, ids=lambda t: t.name)
def test_every_built_in_type_implements_every_part(qtype: QuestionType[Any]) -> None:
    question = next(q for q in FIXTURE_QUESTIONS if q.type == qtype.name)
    assert type_of(question) is qtype
    assert qtype.schema.model_fields["type"].annotation is not str  # a Literal of its name
    examples = qtype.examples(question)
    if not qtype.takes_answer:  # a note: nothing to answer, count or report
        assert examples == [] and qtype.report(question, qtype.new_result(question), "en") == []
        assert qtype.read(question, "an answer")[1] and qtype.missing(question, None) == []
        return
    assert examples
    result = qtype.new_result(question)
    for number, example in enumerate(examples):
        answer, problems = qtype.read(question, _raw(example))
        assert problems == [] and answer == example
        assert qtype.is_answered(question, answer) and qtype.missing(question, answer) == []
        assert qtype.summary(question, example, "en", 40)
        assert set(qtype.cells(question, example)) <= {c.name for c in qtype.columns(question)}
        qtype.count(question, result, f"R{number}", example)
    assert qtype.report(question, result, "en")
    assert qtype.read(question, object())[1], "a value of the wrong shape is a problem"


def _raw(answer: Answer) -> object:
    """The answer as a response file holds it."""
    return answer.to_file() if hasattr(answer, "to_file") else answer


def test_the_ui_has_a_widget_for_every_built_in_type() -> None:
    from enquete.ui.widgets.by_type import WIDGETS

    assert set(WIDGETS) == {t.name for t in BUILT_IN}


def test_an_unknown_type_is_named_with_the_known_ones(tmp_path: Path) -> None:
    from enquete.errors import QuestionnaireError

    with pytest.raises(QuestionnaireError, match="unknown question type 'stars'; the types are code, choice"):
        _toy(tmp_path)


def test_a_toy_type_needs_no_change_outside_its_module(
    tmp_path: Path, stars: QuestionType[toy_stars.StarsQuestion]
) -> None:
    """Regression guard for the review's smell 12: adding a type meant editing 9 isinstance ladders."""
    questionnaire = _toy(tmp_path)
    rating = questionnaire.question("rating")
    assert type_of(rating) is stars

    answers, problems = read_answers(questionnaire, {"office": "au", "rating": 7})
    assert [p.kind for p in problems] == ["unknown_option"] and "rating" not in answers

    folder = ResponseFolder(tmp_path / "responses")
    for office, rating_given in [("AU", 3), ("BR", 1), ("CN", 3)]:
        response = replace(Response.new(questionnaire), answers={"office": office, "rating": rating_given})
        folder.submit(response, questionnaire)
    loaded, problems = load_response(folder.submitted_path("AU"), questionnaire)
    assert problems == [] and loaded.answers["rating"] == 3
    assert "rating = 3" in folder.submitted_path("AU").read_text("utf-8")

    results = aggregate_folder(folder.root, questionnaire)
    assert results.questions["rating"].option_counts == {"1": 1, "2": 0, "3": 2}
    markdown = render_markdown(results, questionnaire)
    assert (
        "| Stars | Respondents |\n| --- | ---: |\n| ★ | 1 (33%) |\n| ★★ | 0 (0%) |\n| ★★★ | 2 (67%) |"
        in markdown
    )
    assert render_csv(questionnaire, results).splitlines()[1].endswith(",AU,3")
    assert results_to_json_data(results)["questions"]["rating"]["counts"] == {"1": 1, "2": 0, "3": 2}
    assert summarize(rating, 3, "en") == "★★★"


def _questionnaires(tmp_path_factory: pytest.TempPathFactory) -> list[Questionnaire]:
    return [SMALL, NEW_TYPES, _toy(tmp_path_factory.mktemp("toy"))]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), offices=st.lists(st.sampled_from(["AU", "BR", "CN", "EP", "FR"]), unique=True))
def test_every_type_round_trips_through_file_aggregation_and_every_report(
    data: st.DataObject,
    offices: list[str],
    tmp_path_factory: pytest.TempPathFactory,
    stars: QuestionType[toy_stars.StarsQuestion],
) -> None:
    questionnaires = _questionnaires(tmp_path_factory)
    assert {q.type for qn in questionnaires for q in qn.questions} == {t.name for t in registered()}
    for questionnaire in questionnaires:
        responses: dict[str, Response] = {}
        for office in offices:
            answers: dict[str, Answer] = {"office": office}
            for question in questionnaire.questions[1:]:
                if type_of(question).takes_answer and data.draw(st.booleans()):
                    answers[question.id] = data.draw(answer_for(question))
            response = replace(Response.new(questionnaire), answers=answers, status="submitted")
            from enquete.storage.safe_read import parse_toml

            loaded, problems = response_from_data(questionnaire, parse_toml(dump_response(response)))
            assert loaded == response, "the file keeps every answer as given"
            if not problems:
                responses[office] = loaded
        figures = tally(questionnaire, responses)
        results = Results(
            questionnaire.id,
            questionnaire.version,
            sorted(responses),
            figures,
            files={k: f"{k}.toml" for k in responses},
            responses=responses,
        )
        report = results_to_json_data(results)
        for question in questionnaire.questions:
            answered = sum(question.id in r.answers for r in responses.values())
            assert report["questions"][question.id]["answered"] == answered
        json.dumps(report)
        text = render_csv(questionnaire, results).removeprefix("\ufeff")
        rows = list(csv.DictReader(io.StringIO(text)))
        assert [row["_respondent"] for row in rows] == sorted(responses)
        markdown = render_markdown(results, questionnaire)
        for number, _question in enumerate(questionnaire.questions, 1):
            assert f"\n## {number}. " in markdown
        # the Secretariat's formats draw every registered type too (issue 11)
        from docx import Document

        from enquete.results.report_docx import render_docx
        from enquete.results.report_summary import render_summary
        from enquete.results.report_xlsx import render_xlsx

        annex = Document(io.BytesIO(render_docx(results, questionnaire)))
        headings = [
            p.text for p in annex.paragraphs if p.style is not None and p.style.name == "Annex Question"
        ]
        assert len(headings) == len(questionnaire.questions)
        assert render_xlsx(results, questionnaire)[:2] == b"PK"
        assert render_summary(results, questionnaire).startswith("1. ")  # another survey: numbered from 1


@pytest.mark.parametrize(
    ("before", "option", "on", "after"),
    [
        (["xml"], "api", True, ["xml", "api"]),
        (["xml", "api"], "na", True, ["na"]),
        (["na"], "xml", True, ["xml"]),
        (["xml", "api"], "xml", False, ["api"]),
        (["xml"], "xml", True, ["xml"]),
    ],
)
def test_toggle_keeps_exclusive_options_alone(
    before: list[str], option: str, on: bool, after: list[str]
) -> None:
    """The one rule behind the widget and the check: "Not applicable" never combines."""
    from enquete.qtypes.multi import MultiQuestion, toggle

    focus = SMALL.question("focus")
    assert isinstance(focus, MultiQuestion)
    assert toggle(focus, before, option, on) == after
