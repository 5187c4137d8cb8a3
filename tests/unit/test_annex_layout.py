"""The Word annex as a reader sees it: styles, lines, and how tables fall on pages."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.styles.styles import Styles

from enquete.model.questionnaire import Questionnaire
from enquete.results.aggregate import Results, aggregate_folder
from enquete.results.annex import Table
from enquete.results.report_docx import STYLES, render_blocks, render_docx
from tests.annex_fixture import write_annex_fixture


@pytest.fixture
def annex_results(survey: Questionnaire, tmp_path: Path) -> Results:
    return aggregate_folder(write_annex_fixture(tmp_path / "responses"), survey)


def test_styles_are_looked_up_once_per_document_not_once_per_paragraph(
    annex_results: Results, survey: Questionnaire, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression (new-user trial): the annex of 150 respondents took 11 s, 9.8 of them in
    python-docx searching every style by name for each of its 5,430 paragraphs."""
    lookups: list[Any] = []
    for name in ("__getitem__", "get_style_id"):
        real = getattr(Styles, name)

        def counted(self: Styles, *args: Any, real: Any = real) -> Any:
            lookups.append(args)
            return real(self, *args)

        monkeypatch.setattr(Styles, name, counted)
    document = Document(io.BytesIO(render_docx(annex_results, survey)))
    cells = sum(len(row.cells) for table in document.tables for row in table.rows)
    assert cells > 500
    bound = 3 * len(STYLES) + 2 * len(document.tables)  # creating them, then one per new table
    assert len(lookups) <= bound, f"{len(lookups)} style lookups for {cells} cells"
    monkeypatch.undo()
    styles = {p.style.name for t in document.tables for c in t.rows[1].cells for p in c.paragraphs if p.style}
    assert styles == {"Annex Cell"}
    header = {p.style.name for c in document.tables[0].rows[0].cells for p in c.paragraphs if p.style}
    assert header == {"Annex Header Cell"}


def test_a_cell_keeps_each_typed_line_its_tabs_and_its_leading_spaces() -> None:
    """A comment's lines stay paragraphs; a tab stays a tab and indentation is kept (xml:space)."""
    comment = "Plan:\n\tphase 1\tPCT\n  * indented bullet\n\nafter a blank line"
    blocks = [Table(("ST.3 Code", "Response"), (("AU", comment), ("BR", "12")), numeric_from=None)]
    document = Document(io.BytesIO(render_blocks(list(blocks))))
    cell = document.tables[0].rows[1].cells[1]
    assert [p.text for p in cell.paragraphs] == comment.split("\n")
