"""The workbook's sheet names, column widths and print setup."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from enquete.model.questionnaire import Questionnaire
from enquete.results.aggregate import aggregate_folder
from enquete.results.report_xlsx import render_xlsx
from enquete.results.xlsx_layout import sheet_name, unique_name, wrapped_lines
from tests.annex_fixture import BULLETED, FORMULA, LONG_COMMENT, write_annex_fixture


def test_a_long_sheet_name_is_cut_at_a_word_and_kept_unique() -> None:
    """Regression: `Q3 Comments on implementation l` (cut mid-word at 31 characters)."""
    name = sheet_name(3, "Comments on implementation levels")
    assert name == "Q3 Comments on implementation" and len(name) <= 31
    taken = {"responses"}
    assert [unique_name(n, taken) for n in ("Q1 A", "q1 a", "Q1 A")] == ["Q1 A", "q1 a (2)", "Q1 A (3)"]


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
    wrapped = [c for c in tidy["F"][1:] if len(str(c.value)) > 60]  # option labels, wrapped
    assert wrapped and {c.style for c in wrapped} == {"Enquete Text"}
    assert all(c.alignment.wrap_text and c.alignment.vertical == "top" for c in wrapped)
    formula = next(c for c in tidy["I"] if c.value == FORMULA)  # a comment in a wrapped column
    assert formula.style == "Enquete Text" and formula.quotePrefix and formula.data_type == "s"
    q2 = workbook.worksheets[2]  # the matrix: label, 6 counts, 6 shares
    assert (q2["A6"].style, q2["B6"].style, q2["H6"].style) == (
        "Enquete Text",
        "Enquete Figure",
        "Enquete Share",
    )
    assert q2["H6"].number_format == "0%" and q2["B6"].alignment.vertical == "top"
    looks = {(c.style, c.number_format, c.quotePrefix) for sheet in workbook for row in sheet for c in row}
    assert len(looks) < 12, looks


def _least_lines(text: str, width: float) -> int:
    """Lines `text` takes at the least in a column `width` digits wide: each typed line, twice if
    longer than the column holds of prose (a tenth more letters than digits, `wrapped_lines` says)."""
    return sum(1 + (len(line) > width * 1.1) for line in text.rstrip("\n").split("\n"))


def _assert_rows_hold_their_text(sheet: Any, first: int = 1) -> None:
    """No row is shorter than the lines of its text: none printed over the next row."""
    widths = {letter: dim.width for letter, dim in sheet.column_dimensions.items()}
    merged = {r.min_row for r in sheet.merged_cells.ranges}
    for row in sheet.iter_rows(min_row=first):
        for cell in row:
            if not isinstance(cell.value, str) or cell.row in merged:
                continue
            lines = _least_lines(cell.value, widths[cell.column_letter])
            if lines > 1:
                height = sheet.row_dimensions[cell.row].height or 15
                assert height >= 15 * lines, (sheet.title, cell.coordinate, height, lines)
                assert cell.alignment.wrap_text and cell.alignment.vertical == "top", cell.coordinate


def test_a_comment_table_has_a_wide_wrapped_comment_column_and_rows_as_tall_as_their_text(
    survey: Questionnaire, tmp_path: Path
) -> None:
    """Regression (new-user trial): on `Q4 Current focus` the comment table took the count table's
    widths (codes 40 wide, comments 15), its multi-line rows had no height, and in the PDF their
    lines were printed over each other."""
    results = aggregate_folder(write_annex_fixture(tmp_path / "responses"), survey)
    workbook = load_workbook(io.BytesIO(render_xlsx(results, survey)))
    q4 = workbook.worksheets[4]
    top = next(r for r in range(6, q4.max_row + 1) if q4.cell(r, 3).value == "Comment")
    assert [q4.cell(top, c).value for c in (1, 2, 3)] == ["Option", "ST.3 Code", "Comment"]
    width = {letter: q4.column_dimensions[letter].width for letter in "ABC"}
    assert width["A"] == 40 and width["B"] == 15 and width["C"] == 80, width
    rows = {(q4.cell(r, 2).value, str(q4.cell(r, 1).value)[:17]): r for r in range(top + 1, q4.max_row + 1)}
    long_row = rows[("AU", "Recommendation 1:")]
    assert q4.cell(long_row, 3).value == LONG_COMMENT
    assert (q4.row_dimensions[long_row].height or 0) >= 15 * _least_lines(LONG_COMMENT, 80) > 15 * 20
    bulleted = rows[("BR", "Recommendation 1:")]
    assert q4.cell(bulleted, 3).value == BULLETED and q4.row_dimensions[bulleted].height == 15 * 6
    assert [q4.cell(bulleted, c).alignment.vertical for c in (1, 2, 3)] == ["top"] * 3
    _assert_rows_hold_their_text(q4)
    # the count table still reads: labels wrapped in A, counts in B, each share set beside its count
    assert q4["A6"].alignment.wrap_text and q4["B6"].value == 14 and q4["B6"].alignment.horizontal is None
    assert q4["C6"].number_format == "0%" and q4["C6"].alignment.horizontal == "left"
    # free text: a narrow code column, the comment as wide as its longest line
    q3 = workbook.worksheets[3]
    assert [q3["A5"].value, q3["B5"].value] == ["ST.3 Code", "Comment"]
    assert q3.column_dimensions["A"].width <= 15
    assert q3.column_dimensions["B"].width >= max(len(line) for line in BULLETED.split("\n"))
    _assert_rows_hold_their_text(q3)
    _assert_rows_hold_their_text(workbook["Responses"])
    _assert_rows_hold_their_text(workbook.worksheets[2])  # the matrix's headers, wrapped in 15


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("", 10, 1),
        ("short", 10, 1),
        ("a line\nand another\n", 40, 2),  # a comment's closing newline shows nothing
        ("twelve chars twelve chars", 12, 2),  # at a space: 12 * 1.1 - 1 = 12 characters a line
        ("twelve chars twelve chars", 11, 4),  # 11 a line: "twelve" alone, "chars" alone
        ("x" * 30, 11, 3),  # a word longer than the line (a URL) is broken: 11 * 1.1 - 1 = 11 a line
        ("数字化转型数字化转型", 11, 2),  # CJK twice as wide: 20 columns in lines of 11
        ("- see https://www.wipo.int/cws/en/ for the Task Force’s notes;", 64, 1),
    ],
)
def test_wrapped_lines_errs_towards_a_line_too_many(text: str, width: float, lines: int) -> None:
    assert wrapped_lines(text, width) == lines
