"""Regressions found by running questionnaires other than the shipped one."""

from __future__ import annotations

from pathlib import Path

from enquete.model.respondents import respondent_label, respondent_name
from enquete.session import FillSession, Workspace
from enquete.storage.questionnaire_file import load_questionnaire
from enquete.storage.responses import ResponseFolder

REGIONS = """
[questionnaire]
id = "regions"
version = 1
title = "Regional survey"
respondent_key = "region"

[[questions]]
id = "region"
type = "choice"
required = true
text = "Your region"
options = [{ id = "north", label = "North region" }, { id = "south", label = "South region" }]
"""


def regions(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "regions.toml"
    path.write_text(REGIONS, "utf-8")
    return load_questionnaire(path)


def test_office_option_keeps_a_choice_key_as_written(tmp_path: Path) -> None:
    """Bug: `--office north` was upper-cased to NORTH, which is no option of a choice key."""
    questionnaire = regions(tmp_path)
    session = FillSession.for_office(
        Workspace(questionnaire, ResponseFolder(tmp_path / "r")), " north ", "en"
    )
    assert session.response.answers["region"] == "north"


def test_office_option_still_upper_cases_st3_codes(tmp_path: Path, survey) -> None:  # type: ignore[no-untyped-def]
    session = FillSession.for_office(Workspace(survey, ResponseFolder(tmp_path / "r")), "au", "en")
    assert session.response.answers["office"] == "AU"


def test_a_choice_key_is_named_by_its_option_not_by_st3(tmp_path: Path, survey) -> None:  # type: ignore[no-untyped-def]
    """Bug: respondents of a non-ST.3 survey were shown as `hh-003()` (an ST.3 lookup of their key)."""
    questionnaire = regions(tmp_path)
    assert respondent_name(questionnaire, "north", "en") == "North region"
    assert respondent_label(questionnaire, "hh-003", "en") == "hh-003"
    assert respondent_label(survey, "AU", "en") == "AU Australia"


def test_no_extra_column_unless_the_questionnaire_names_a_column_group(tmp_path: Path) -> None:
    """Bug: any matrix whose columns were called implemented/ongoing grew an "X or Y" column."""
    from enquete.qtypes import type_of
    from enquete.results.pieces import CountTable
    from enquete.results.question_result import QuestionResult

    path = tmp_path / "m.toml"
    path.write_text(
        REGIONS
        + """
[[questions]]
id = "grid"
type = "matrix"
text = "Grid"
rows = [{ id = "a", label = "A" }]
columns = [{ id = "implemented", label = "Yes" }, { id = "ongoing", label = "Soon" }, { id = "no", label = "No" }]
""",
        "utf-8",
    )
    grid = load_questionnaire(path).question("grid")
    result = QuestionResult("grid", "matrix", cell_counts={"a": {"implemented": 2, "ongoing": 1, "no": 0}})
    (table,) = type_of(grid).report(grid, result, "en")
    assert isinstance(table, CountTable)
    assert [c.label.full for c in table.columns] == ["Yes", "Soon", "No"]


def test_the_shipped_survey_names_its_implemented_or_ongoing_group(survey) -> None:  # type: ignore[no-untyped-def]
    from enquete.qtypes import type_of
    from enquete.results.pieces import CountTable
    from enquete.results.question_result import QuestionResult

    matrix = survey.question("implementation")
    counts = {r.id: {"implemented": 1, "ongoing": 2, "decided": 0, "considering": 0, "not_planned": 0}
              for r in matrix.rows}  # fmt: skip
    (table,) = type_of(matrix).report(
        matrix, QuestionResult("implementation", "matrix", cell_counts=counts), "fr"
    )
    assert isinstance(table, CountTable)
    assert table.columns[-1].label.full == "Mise en œuvre achevée ou en cours"
    assert table.rows[0].counts[-1] == 3


def test_a_second_code_question_is_reported(tmp_path: Path, survey) -> None:  # type: ignore[no-untyped-def]
    """Bug: every code question was treated as the respondent key, so a second one had no figures."""
    from enquete.results.aggregate import aggregate_folder
    from enquete.results.report_markdown import render_markdown
    from tests.unit.builders import write_response

    path = tmp_path / "partners.toml"
    path.write_text(
        '[questionnaire]\nid = "partners"\nversion = 1\ntitle = "Partners"\nrespondent_key = "office"\n\n'
        '[[questions]]\nid = "office"\ntype = "code"\nrequired = true\ntext = "Office"\n\n'
        '[[questions]]\nid = "partner"\ntype = "code"\ntext = "Main partner office"\n',
        "utf-8",
    )
    partners = load_questionnaire(path)
    folder = tmp_path / "responses"
    folder.mkdir()
    for office, partner in [("AU", "EP"), ("BR", "EP"), ("CN", "JP")]:
        write_response(folder, f"{office}.toml", {"office": office, "partner": partner}, questionnaire="partners",
                       id=f"{office.lower()}000000-0000-4000-8000-000000000000")  # fmt: skip
    markdown = render_markdown(aggregate_folder(folder, partners), partners)
    assert "| EP European Patent Office (EPO) | 2 (67%) |" in markdown
    assert "| JP Japan | 1 (33%) |" in markdown
    assert markdown.count("The respondents are listed at the top.") == 1
