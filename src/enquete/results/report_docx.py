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


def style_ids(document: Any) -> dict[str, str]:
    """Our style names -> the ids the XML refers to, looked up once per document.

    python-docx finds a style by name by searching every style of the document,
    and `paragraph.style = ...` does so on each call, even given a style object
    (it looks for the default style too): 5,400 of them took 9.8 of the 11 s the
    annex of 150 respondents took. Paragraphs are given the id instead.
    """
    return {name: document.styles[name].style_id for name in STYLES}


def _styled(paragraph: Any, style_id: str) -> Any:
    """`paragraph`, given the style whose id is `style_id` (the XML's `w:pStyle`), with no search."""
    paragraph._p.style = style_id
    return paragraph


def _add_text(paragraph: Any, line: str) -> None:
    """A run holding `line`: one `w:t`, unless it has a tab (python-docx's `add_run` writes a tab as
    `w:tab` but reads every text a character at a time to find one: a fifth of the annex's time)."""
    run = paragraph._p.add_r()
    if "\t" in line:
        run.text = line
    else:
        run.add_t(line)


def _write_lines(cell: Any, text: str, style_id: str, right: bool = False) -> None:
    """Fill an empty `cell` with one paragraph per typed line, aligned right for a figure."""
    lines = xml_safe(text).split("\n")
    paragraphs = [cell.paragraphs[0], *(cell.add_paragraph() for _ in lines[1:])]
    for paragraph, line in zip(paragraphs, lines, strict=True):
        if line:
            _add_text(paragraph, line)
        _styled(paragraph, style_id)
        if right:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _keep_row_whole(row: Any, header: bool = False) -> None:
    """A row that does not break across pages (`w:cantSplit`); the header row repeats on each page.

    Trial: a comment's row broke across pages, leaving a lone line at the top
    of the next page under the repeated header, beside an empty code cell.
    """
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if header:
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        properties.append(repeat)


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


def _table(document: Any, block: Table, ids: Mapping[str, str]) -> None:
    """A table in the annex's styles, each row's cells visited once.

    `table.rows[i].cells[j]` lists the rows anew on each call, and `column.cells`
    builds every cell of the table: the rows are walked once instead.
    """
    table = document.add_table(rows=1 + len(block.rows), cols=len(block.header))
    table._tbl.tblStyle_val = ids["Annex Table"]
    table.autofit = False
    widths = [Cm(width) for width in column_widths(block)]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid, which LibreOffice follows
    figures_from = len(block.header) if block.numeric_from is None else block.numeric_from
    for index, (row, values) in enumerate(zip(table.rows, (block.header, *block.rows), strict=True)):
        style = ids["Annex Header Cell"] if index == 0 else ids["Annex Cell"]
        for column, (cell, width, value) in enumerate(zip(row.cells, widths, values, strict=True)):
            cell.width = width  # each cell, which Word follows
            _write_lines(cell, value, style, right=index > 0 and column >= figures_from)
        _keep_row_whole(row, header=index == 0)
    _styled(document.add_paragraph(), ids["Annex Cell"])  # Word joins adjacent tables without it


def render_blocks(blocks: list[Block], language: str = "en", template: Path | None = None) -> bytes:
    """Draw the annex blocks into a .docx and return its bytes."""
    document = Document(str(template)) if template else Document()
    _ensure_styles(document)
    _set_language(document, language)
    ids = style_ids(document)
    for block in blocks:
        if isinstance(block, Heading):
            style = "Annex Title" if block.level == 0 else "Annex Question"
            _styled(document.add_paragraph(xml_safe(block.text)), ids[style])
        elif isinstance(block, Paragraph):
            role = ROLE_STYLES.get(block.role, "Annex Note")
            _styled(document.add_paragraph(xml_safe(block.text)), ids[role])
        else:
            _table(document, block, ids)
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
