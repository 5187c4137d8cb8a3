"""The workbook's sheet names, column widths and print setup."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import load_workbook

from enquete.model.questionnaire import Questionnaire
from enquete.results.aggregate import aggregate_folder
from enquete.results.report_xlsx import _sheet_name, _unique, render_xlsx
from tests.annex_fixture import write_annex_fixture


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
