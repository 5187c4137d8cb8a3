"""The workbook's sheet names, column widths and print setup."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import load_workbook

from enquete.model.questionnaire import Questionnaire
from enquete.results.aggregate import aggregate_folder
from enquete.results.report_xlsx import _sheet_name, _unique, render_xlsx
from tests.annex_fixture import FORMULA, write_annex_fixture


def test_a_long_sheet_name_is_cut_at_a_word_and_kept_unique() -> None:
    """Regression: `Q3 Comments on implementation l` (cut mid-word at 31 characters)."""
    name = _sheet_name(3, "Comments on implementation levels")
    assert name == "Q3 Comments on implementation" and len(name) <= 31
    taken = {"responses"}
    assert [_unique(n, taken) for n in ("Q1 A", "q1 a", "Q1 A")] == ["Q1 A", "q1 a (2)", "Q1 A (3)"]


def test_responses_sheet_fits_its_content_and_prints_landscape_one_page_wide(
    survey: Questionnaire, tmp_path: Path
) -> None:
    """Regression: every column 13 characters wide (text cut) and 152 portrait PDF pages."""
    results = aggregate_folder(write_annex_fixture(tmp_path / "responses"), survey)
    workbook = load_workbook(io.BytesIO(render_xlsx(results, survey)))
    sheet = workbook["Responses"]
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABDFI"}
    assert widths["D"] > 20 and widths["F"] > 40 and all(w <= 62 for w in widths.values()), widths
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr is not None and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$1:$1"
    long_comments = [c for c in sheet["I"][1:] if c.value and len(str(c.value)) > 60]
    assert long_comments and all(c.alignment.wrap_text for c in long_comments)


def test_a_question_sheet_wraps_its_text_over_its_table_and_its_headers_in_their_columns(
    survey: Questionnaire, tmp_path: Path
) -> None:
    """Trial 2026-12 (retest #8): the Q2 sheet printed tiny, its question text on one line far past
    the table, headers running into each other (`ImplemeOngoing I`), row labels cut."""
    results = aggregate_folder(write_annex_fixture(tmp_path / "responses"), survey)
    workbook = load_workbook(io.BytesIO(render_xlsx(results, survey)))
    q2 = workbook.worksheets[2]
    assert str(q2["A1"].value).startswith("2. Please select")
    merged = [str(r) for r in q2.merged_cells.ranges]
    assert "A1:M1" in merged, merged  # across the 13 columns: row, 6 counts, 6 shares
    assert q2["A1"].alignment.wrap_text and (q2.row_dimensions[1].height or 0) >= 30
    assert all(q2.cell(row=5, column=c).alignment.wrap_text for c in range(1, 14))
    assert q2["A6"].alignment.wrap_text and "Optimize business models" in str(q2["A6"].value)
    assert q2.print_title_rows is None, "the question's text is not repeated over each page"


def test_cells_share_a_few_named_styles_instead_of_one_look_each(
    survey: Questionnaire, tmp_path: Path
) -> None:
    """Regression (new-user trial): the workbook of 150 respondents took 4.3 s, most of it building
    and hashing an `Alignment` per cell. Cells take named styles, registered once per workbook."""
    results = aggregate_folder(write_annex_fixture(tmp_path / "responses"), survey)
    workbook = load_workbook(io.BytesIO(render_xlsx(results, survey)))
    assert {"Enquete Heading", "Enquete Text", "Enquete Share"} <= set(workbook.named_styles)
    tidy = workbook["Responses"]
    assert {c.style for c in tidy[1]} == {"Enquete Heading"} and tidy["A1"].font.b
    wrapped = [c for c in tidy["F"][1:] if c.value]  # the options: labels over 60 characters
    assert wrapped and {c.style for c in wrapped} == {"Enquete Text"}
    assert all(c.alignment.wrap_text and c.alignment.vertical == "top" for c in wrapped)
    formula = next(c for c in tidy["I"] if c.value == FORMULA)  # a comment in a wrapped column
    assert formula.style == "Enquete Text" and formula.quotePrefix and formula.data_type == "s"
    q4 = workbook.worksheets[4]
    assert (q4["A6"].style, q4["B6"].style, q4["C6"].style) == (
        "Enquete Text",
        "Enquete Figure",
        "Enquete Share",
    )
    assert q4["C6"].number_format == "0%" and q4["B6"].alignment.vertical == "top"
    looks = {(c.style, c.number_format, c.quotePrefix) for sheet in workbook for row in sheet for c in row}
    assert len(looks) < 12, looks
