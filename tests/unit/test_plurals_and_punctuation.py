"""Counts of one, units, percentages and colons in the reports, in each language's way (catalogs)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from enquete.i18n.catalog import translate
from enquete.qtypes.number import format_number
from enquete.results.aggregate import aggregate_folder
from enquete.results.cache_files import Tally
from enquete.results.report_markdown import render_markdown
from tests.unit.test_examples_report import load, merged

NBSP = "\u00a0"
ONE_OFFICE = {
    "office": "AU",
    "examiners": 1,
    "it_staff": 0,
    "it_budget_share": 12.5,
    "has_strategy": "yes",
    "strategy_adopted": datetime.date(2023, 9, 15),
    "filing_system": "other",
    "filing_system_other": "Paper forms",
}


@pytest.mark.parametrize(
    ("value", "unit", "language", "shown"),
    [
        (1, "examiners", "en", "1 (examiners)"),  # regression: "1 examiners"
        (1, "examinateurs", "fr", "1 (examinateurs)"),
        (12.5, "%", "en", "12.5 %"),
        (12.5, "%", "fr", f"12,5{NBSP}%"),  # regression: "12.5 %" in French
        (8.5, "чел.", "ru", "8,5 (чел.)"),
        (8.5, "人", "zh", "8.5（人）"),
        (123.667, "", "fr", "123,67"),
    ],
)
def test_a_figure_with_its_unit_needs_no_agreement(
    value: float, unit: str, language: str, shown: str
) -> None:
    """Regression: `Minimum | 1 examiners` (the author's unit after 1) and `12.5 %` in French."""
    assert format_number(value, unit, language) == shown


def test_one_respondent_is_one_in_every_sentence(tmp_path: Path) -> None:
    """Regression: `of 1 respondents`, `A répondu : 1 (100%)`, `Autre: veuillez préciser`."""
    questionnaire = load("office-capacity.toml")
    results = aggregate_folder(merged(tmp_path, questionnaire, [ONE_OFFICE]), questionnaire)
    english = render_markdown(results, questionnaire, "en")
    assert "Answered by 1 (100%) of 1 respondent." in english and "respondents." not in english
    assert "| Minimum | 1 (examiners) |" in english
    french = render_markdown(results, questionnaire, "fr")
    assert f"A répondu\u00a0: 1 (100{NBSP}%) du seul répondant." in french
    assert f"## 9. Autre{NBSP}: veuillez préciser" in french
    assert f"| Minimum | 12,5{NBSP}% |" in french
    assert "(100%)" not in french


def test_russian_counts_stand_after_a_label() -> None:
    """Regression: `из 1 респондента, к которым он относился` (a number agreeing with a noun and a verb)."""
    sentence = translate(
        "report.answered_of_one",
        "ru",
        count="1 (100 %)",
        who=translate("report.to_whom", "ru"),
        n=2,
        not_asked=1,
    )
    assert sentence.startswith("Ответили: 1 (100 %); число респондентов, к которым он относился: 1 (всего 2;")
    assert "из 1" not in sentence
    assert translate("report.answered", "ru", count="1", n=21) == "Ответили: 1; всего респондентов: 21."


@pytest.mark.parametrize(
    ("tally", "said"),
    [
        (Tally(1, 0, 0, 0), "1 respondent, every file counted"),  # regression: "1 respondents"
        (Tally(2, 0, 0, 0), "2 respondents, every file counted"),
        (
            Tally(1, 1, 0, 0),
            "1 respondent; 1 file not counted: 1 rejected, 0 superseded by a newer revision, 0 in conflict",
        ),
    ],
)
def test_the_report_command_line_counts_one_as_one(tally: Tally, said: str) -> None:
    """Regression: `wrote x.xlsx: 1 respondents`."""
    assert tally.said() == said
