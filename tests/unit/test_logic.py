"""Skip logic, conditional requirements and constraints in the questionnaire, and their checks."""

from __future__ import annotations

import datetime
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from enquete.cli import main
from enquete.errors import QuestionnaireError
from enquete.model.answers import MultiAnswer
from enquete.model.logic import Rules, expression_value
from enquete.model.questionnaire import Questionnaire
from enquete.storage.questionnaire_file import questionnaire_from_data

TODAY = date(2025, 3, 15)


def survey(*questions: dict[str, Any], groups: dict[str, Any] | None = None) -> Questionnaire:
    data: dict[str, Any] = {
        "questionnaire": {"id": "logic", "version": 1, "title": "Logic"},
        "questions": list(questions),
    }
    if groups:
        data["groups"] = groups
    return questionnaire_from_data(data, source="logic.toml")


YES_NO = [{"id": "yes", "label": "Yes"}, {"id": "no", "label": "No"}]
STRATEGY = survey(
    {"id": "has_strategy", "type": "choice", "required": True, "text": "Strategy?", "options": YES_NO},
    {"id": "details", "type": "text", "text": "Which?", "relevant": "${has_strategy} = 'yes'",
     "required": True, "constraint": "string-length(.) >= 5",
     "constraint_message": {"en": "Five letters at least", "fr": "Au moins cinq lettres"}},
    {"id": "evaluated", "type": "choice", "text": "Evaluated?", "options": YES_NO, "group": "followup"},
    {"id": "why_not", "type": "text", "text": "Why not?", "relevant": "${evaluated} = 'no'",
     "required": "${has_strategy} = 'yes'"},
    groups={"followup": {"relevant": "${has_strategy} = 'yes'", "title": "Follow-up"}},
)  # fmt: skip


def test_a_follow_up_is_asked_only_when_its_condition_holds() -> None:
    rules = Rules(STRATEGY)
    assert rules.relevance({}, TODAY) == {
        "has_strategy": True,
        "details": False,
        "evaluated": False,
        "why_not": False,
    }
    yes = rules.relevance({"has_strategy": "yes"}, TODAY)
    assert yes["details"] and yes["evaluated"] and not yes["why_not"]
    no = rules.relevance({"has_strategy": "no", "details": "kept aside", "evaluated": "no"}, TODAY)
    assert no == {"has_strategy": True, "details": False, "evaluated": False, "why_not": False}


def test_an_irrelevant_answer_reads_as_empty_downstream() -> None:
    """why_not depends on evaluated, which the group hides when there is no strategy."""
    rules = Rules(STRATEGY)
    assert rules.relevance({"has_strategy": "yes", "evaluated": "no"}, TODAY)["why_not"]
    assert not rules.relevance({"has_strategy": "no", "evaluated": "no"}, TODAY)["why_not"]


def test_required_true_or_an_expression_and_never_when_irrelevant() -> None:
    rules = Rules(STRATEGY)
    answers: dict[str, Any] = {"has_strategy": "yes", "evaluated": "no"}
    relevant = rules.relevance(answers, TODAY)
    assert rules.is_required("details", answers, relevant)
    assert rules.is_required("why_not", answers, relevant)
    answers = {"has_strategy": "no"}
    relevant = rules.relevance(answers, TODAY)
    assert not rules.is_required("details", answers, relevant)
    assert not rules.is_required("why_not", answers, relevant)


def test_a_constraint_speaks_the_persons_language_and_ignores_empty_answers() -> None:
    rules = Rules(STRATEGY)
    answers: dict[str, Any] = {"has_strategy": "yes", "details": "abc"}
    relevant = rules.relevance(answers, TODAY)
    failure = rules.constraint_failure("details", answers, relevant, "fr", TODAY)
    assert failure is not None and failure.message == "Au moins cinq lettres"
    assert (
        rules.constraint_failure("details", {**answers, "details": "abcdef"}, relevant, "fr", TODAY) is None
    )
    assert rules.constraint_failure("details", {"has_strategy": "yes"}, relevant, "fr", TODAY) is None
    no = {"has_strategy": "no", "details": "abc"}
    assert rules.constraint_failure("details", no, rules.relevance(no, TODAY), "fr", TODAY) is None


def test_a_catastrophic_pattern_fails_the_constraint_with_a_reason() -> None:
    questionnaire = survey(
        {"id": "code", "type": "text", "text": "Code", "constraint": "regex(., '^(a|aa)+$')"},
    )
    rules = Rules(questionnaire)
    answers = {"code": "a" * 60 + "!"}
    failure = rules.constraint_failure("code", answers, rules.relevance(answers, TODAY))
    assert failure is not None and "took too long" in failure.message


def test_expression_values_of_stored_answers() -> None:
    assert expression_value(MultiAnswer(selected=("a", "b"))) == ("a", "b")
    assert expression_value(["a"]) == ("a",)
    assert expression_value({"row": "col"}) is None
    assert expression_value(12) == 12
    assert expression_value(date(2024, 5, 1)) == date(2024, 5, 1)


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ({"relevant": "${nobody} = 'yes'"}, "relevant: column 1: '${nobody}' names no question"),
        ({"constraint": ". >"}, "(q).constraint: column 4: found the end, expected a value"),
        (
            {"relevant": ". = 'yes'"},
            "column 1: '.' (this question's answer) cannot decide whether it is asked",
        ),
        ({"required": "frob(1)"}, "(q).required: column 1: unknown function 'frob'"),
        (
            {"relevant": "'x' = ${q}"},
            "(q).relevant: column 7: relevant expressions go round in a circle: q -> q",
        ),
        ({"group": "nowhere"}, "group 'nowhere' is not under [groups]"),
    ],
)
def test_bad_expressions_are_refused_with_question_and_column(question: dict[str, Any], words: str) -> None:
    with pytest.raises(QuestionnaireError) as caught:
        survey({"id": "q", "type": "text", "text": "Q", **question})
    assert words in str(caught.value)


def test_cycles_across_questions_and_groups_are_refused() -> None:
    """Trial 3: the circle was reported at '(top level)', without a question or column."""
    with pytest.raises(QuestionnaireError, match="go round in a circle: a -> b -> a") as caught:
        survey(
            {"id": "a", "type": "text", "text": "A", "relevant": "${b} = 'x'"},
            {"id": "b", "type": "text", "text": "B", "group": "g"},
            groups={"g": {"relevant": "${a} = 'y'"}},
        )
    assert "(a).relevant: column 1: " in str(caught.value)
    assert "(top level)" not in str(caught.value)


def test_check_reports_a_bad_expression_with_its_question_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "q.toml"
    path.write_text(
        '[questionnaire]\nid = "x"\nversion = 1\ntitle = "X"\n\n'
        '[[questions]]\nid = "budget_share"\ntype = "text"\ntext = "Share"\n'
        'constraint = ". >= 0 and . <= 100 and"\n',
        "utf-8",
    )
    assert main(["check", "--questionnaire", str(path)]) == 1
    out = capsys.readouterr().out
    assert "(budget_share).constraint: column 24: found the end, expected a value" in out


def test_an_other_option_brings_a_required_please_specify_question() -> None:
    questionnaire = survey(
        {"id": "tools", "type": "multi", "text": "Tools", "options": [
            {"id": "ocr", "label": "OCR"}, {"id": "other", "other": True, "label": {"en": "Other", "fr": "Autre"}}]},
        {"id": "kind", "type": "choice", "text": "Kind", "options": [
            {"id": "a", "label": "A"}, {"id": "else", "other": True, "label": "Something else"}]},
    )  # fmt: skip
    assert questionnaire.ids == ["tools", "tools_other", "kind", "kind_else"]
    specify = questionnaire.question("tools_other")
    assert specify.relevant == "selected(${tools}, 'other')" and specify.required is True
    assert specify.text_in("en") == "Other: please specify"
    assert questionnaire.question("kind_else").relevant == "${kind} = 'else'"
    rules = Rules(questionnaire)
    answers: dict[str, Any] = {"tools": MultiAnswer(selected=("other",)), "kind": "a"}
    relevant = rules.relevance(answers, TODAY)
    assert relevant["tools_other"] and not relevant["kind_else"]
    assert rules.is_required("tools_other", answers, relevant)


@given(
    st.fixed_dictionaries(
        {},
        optional={
            "office": st.sampled_from(["AU", "BR"]),
            "examiners": st.integers(0, 500),
            "it_staff": st.integers(0, 6000),
            "has_strategy": st.sampled_from(["yes", "no"]),
            "strategy_adopted": st.dates(datetime.date(2000, 1, 1), datetime.date(2024, 12, 31)),
            "filing_system": st.sampled_from(["epct", "own", "other"]),
            "filing_system_other": st.text(min_size=1, max_size=20).filter(str.strip),
        },
    )
)
def test_questions_not_asked_never_cause_a_problem(answers: dict[str, Any]) -> None:
    """Property: whatever the answers, no problem is about a question the skip logic does not ask."""
    from enquete.model.answers import completeness_problems
    from enquete.storage.questionnaire_file import load_questionnaire
    from tests.conftest import ROOT

    questionnaire = load_questionnaire(ROOT / "examples" / "office-capacity.toml")
    relevant = questionnaire.rules().relevance(answers)
    problems = completeness_problems(questionnaire, answers)
    assert all(relevant[p.question] for p in problems if p.question)
    assert relevant["strategy_adopted"] == (answers.get("has_strategy") == "yes")
    assert relevant["filing_system_other"] == (answers.get("filing_system") == "other")
