"""The annex as a Word document (python-docx), ready to paste into the committee document.

Every paragraph and table uses a named style ("Annex Title", "Annex Question",
"Annex Cell", ...): with `--template`, the Secretariat's own document supplies
those styles and the annex takes its look; without one they are created on
a plain document. Text is written verbatim, one typed line per paragraph, so
a bulleted comment keeps its bullets; nothing is read as HTML or markup.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from enquete.model.questionnaire import Questionnaire
from enquete.results.aggregate import Results
from enquete.results.annex import Block, Heading, Paragraph, Table, annex_blocks
from enquete.text import printable

STYLES: dict[str, tuple[str, str]] = {
    "Annex Title": ("Title", "paragraph"),
    "Annex Subtitle": ("Normal", "paragraph"),
    "Annex Note": ("Normal", "paragraph"),
    "Annex Question": ("Heading 2", "paragraph"),
    "Annex Cell": ("Normal", "paragraph"),
    "Annex Header Cell": ("Normal", "paragraph"),
    "Annex End": ("Normal", "paragraph"),
    "Annex Table": ("Table Grid", "table"),
}
"""Our style name -> (the built-in style it starts from, its kind). A template may define any of them."""
ROLE_STYLES = {"subtitle": "Annex Subtitle", "note": "Annex Note", "end": "Annex End"}
TEXT_WIDTH_CM = 16.0
"""The text width of an A4 page with WIPO's margins; columns share it."""
LANGUAGE_TAGS = {"en": "en-GB", "fr": "fr-FR", "es": "es-ES", "zh": "zh-CN", "ru": "ru-RU"}
MATRIX_TAG_CM = 1.6
"""A matrix's row-tag column at the least; the rest goes to its "14 (67%)" columns."""
MATRIX_TAG_MAX_CM = 5.0
"""Wide enough for the longest row tag on one line ("Rec. 10" wrapped as "Rec." over "10"), up to this."""
CM_PER_CHARACTER = 0.2
"""About the width of a 10 pt character."""
CELL_MARGINS_CM = 0.4
FIGURES_CM = (5.0, 5.0)
"""A number's or a date's "Figure | Value" table: "800 examiners" on one line, not the text's width."""


def xml_safe(text: str) -> str:
    """Text Word can hold: terminal controls and other XML-illegal characters become U+FFFD."""
    return printable(text)


def _ensure_styles(document: Any) -> None:
    styles = document.styles
    names = {style.name for style in styles}
    for name, (base, kind) in STYLES.items():
        if name in names:
            continue  # the template's own look wins
        style_type = WD_STYLE_TYPE.TABLE if kind == "table" else WD_STYLE_TYPE.PARAGRAPH
        style = styles.add_style(name, style_type)
        if base in names:
            style.base_style = styles[base]
        if kind == "paragraph":
            style.quick_style = True
    styles["Annex Header Cell"].font.bold = True
    styles["Annex Header Cell"].font.size = Pt(9)
    styles["Annex Cell"].font.size = Pt(10)
    styles["Annex Cell"].paragraph_format.space_after = Pt(0)
    styles["Annex Header Cell"].paragraph_format.space_after = Pt(0)
    styles["Annex Subtitle"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    styles["Annex End"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    styles["Annex Note"].font.italic = True


def _set_language(document: Any, language: str) -> None:
    """Tag the text's language so Word checks spelling in it and picks East Asian fonts for zh."""
    tag = LANGUAGE_TAGS.get(language, "en-GB")
    rpr = document.styles["Normal"].element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), tag if language != "zh" else "en-GB")
    if language == "zh":
        lang.set(qn("w:eastAsia"), tag)
    rpr.append(lang)
    document.core_properties.language = tag


def _write_lines(paragraph: Any, cell: Any, text: str, style: str) -> None:
    """Fill `cell` (whose first paragraph is `paragraph`) with one paragraph per typed line."""
    lines = xml_safe(text).split("\n")
    paragraph.style = style
    paragraph.add_run(lines[0])
    for line in lines[1:]:
        cell.add_paragraph(line, style=style)


def _repeat_header(row: Any) -> None:
    """Mark a table's first row to repeat at the top of each page."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def column_widths(block: Table) -> list[float]:
    """Centimetres per column: a narrow code or row column, narrow figures, the rest to the text."""
    count = len(block.header)
    if block.numeric_from is None:
        if count == 1:
            return [TEXT_WIDTH_CM]
        return [2.6] + [(TEXT_WIDTH_CM - 2.6) / (count - 1)] * (count - 1)
    figures = count - block.numeric_from
    if block.numeric_from == 1 and figures > 3:  # a matrix: row tags ("Rec. 10"), then many levels
        tag = min(
            MATRIX_TAG_MAX_CM,
            max(MATRIX_TAG_CM, _longest_cell(block, 0) * CM_PER_CHARACTER + CELL_MARGINS_CM),
        )
        return [tag] + [(TEXT_WIDTH_CM - tag) / figures] * figures
    if block.numeric_from == 1 and figures == 1:  # a number's or a date's "Figure | Value"
        return list(FIGURES_CM)
    figure_width = 2.8
    label = (TEXT_WIDTH_CM - figure_width * figures) / block.numeric_from
    return [label] * block.numeric_from + [figure_width] * figures


def _longest_cell(block: Table, column: int) -> int:
    """The length of the longest text in a column, header included: a row tag such as "Rec. 10" is
    one name, not to be wrapped ("Rec." over "10"), nor a longer word broken ("datab|ases")."""
    texts = [block.header[column], *(row[column] for row in block.rows)]
    return max((len(line) for text in texts for line in text.split("\n")), default=0)


def _table(document: Any, block: Table) -> None:
    table = document.add_table(rows=1 + len(block.rows), cols=len(block.header))
    table.style = document.styles["Annex Table"]
    table.autofit = False
    for column, width in zip(table.columns, column_widths(block), strict=True):
        column.width = Cm(width)  # the grid, which LibreOffice follows
        for cell in column.cells:  # each cell, which Word follows
            cell.width = Cm(width)
    _repeat_header(table.rows[0])
    for column, title in enumerate(block.header):
        cell = table.rows[0].cells[column]
        _write_lines(cell.paragraphs[0], cell, title, "Annex Header Cell")
    for index, values in enumerate(block.rows, 1):
        for column, value in enumerate(values):
            cell = table.rows[index].cells[column]
            _write_lines(cell.paragraphs[0], cell, value, "Annex Cell")
            if block.numeric_from is not None and column >= block.numeric_from:
                for paragraph in cell.paragraphs:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph("", style="Annex Cell")  # Word joins adjacent tables without it


def render_blocks(blocks: list[Block], language: str = "en", template: Path | None = None) -> bytes:
    """Draw the annex blocks into a .docx and return its bytes."""
    document = Document(str(template)) if template else Document()
    _ensure_styles(document)
    _set_language(document, language)
    for block in blocks:
        if isinstance(block, Heading):
            style = "Annex Title" if block.level == 0 else "Annex Question"
            document.add_paragraph(xml_safe(block.text), style=style)
        elif isinstance(block, Paragraph):
            document.add_paragraph(xml_safe(block.text), style=ROLE_STYLES.get(block.role, "Annex Note"))
        else:
            _table(document, block)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def render_docx(
    results: Results,
    questionnaire: Questionnaire,
    language: str = "en",
    names: Mapping[str, str] | None = None,
    template: Path | None = None,
) -> bytes:
    """The annex as .docx bytes.

    Args:
        results: the aggregated results.
        questionnaire: the questionnaire they answer.
        language: the report's language.
        names: display names by code from the invited list (UN-style names otherwise).
        template: a .docx whose styles (and first pages) the annex takes.
    """
    return render_blocks(annex_blocks(results, questionnaire, language, names), language, template)
