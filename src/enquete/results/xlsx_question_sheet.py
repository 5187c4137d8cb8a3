"""A question's sheet in the workbook: its text, its denominator, then its tables one under the other.

The tables share the sheet's columns, so each column is as wide as the widest
need of any table in it: a count table's option labels, its figures, a comment
table's comments. A comment table names the option first, in the column of the
count table's labels, then the code, then the comment, wide and wrapped.

Trial (new-user): on `Q4 Current focus` the comment table took the count
table's widths (codes in a column 40 wide, comments in one 15 wide), its
multi-line rows had no height, and in the PDF their lines were printed over
each other. Every row is now as tall as its most wrapped cell.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from enquete.i18n.catalog import translate
from enquete.model.office_names import office_display_name
from enquete.model.questionnaire import Questionnaire
from enquete.qtypes import type_of
from enquete.results.aggregate import Results
from enquete.results.denominators import answered_sentence
from enquete.results.labels import question_title
from enquete.results.pieces import CommentSection, CountTable, Figures, Note
from enquete.results.report_words import word
from enquete.results.xlsx_cells import FIGURE, HEADING, SHARE, SHARE_BY_COUNT, TEXT, put
from enquete.results.xlsx_layout import print_setup, row_height, sheet_name, unique_name, wrapped_lines
from enquete.text import text_width

CODE, LABEL, LONG = "code", "label", "long"
"""Kinds of text column: a respondent's code, a label (an option's, a figure's), long text (comments)."""
NOTE = "note"
"""A sentence alone in its column, which wraps in whatever width the other tables give it."""
WIDEST = {CODE: 40, LABEL: 40, LONG: 80}
"""The most characters a column of each kind is given; longer text wraps."""
NARROWEST = {CODE: 8, LABEL: 12, LONG: 15}
FIGURE_WIDTH = 15.0
"""A column of counts or shares: "Respondents" and "Share of all respondents" wrap in it."""
NO_TABLE_WIDTH = 80.0
"""A sheet without tables (a note): its text wraps at this width."""
FIRST_TABLE_ROW = 5


@dataclass
class Block:
    """One table of a question's sheet: its header, the kind of each column, its rows."""

    header: list[str]
    kinds: list[str]
    rows: list[list[Any]] = field(default_factory=list)


def question_blocks(
    results: Results, questionnaire: Questionnaire, number: int, lang: str, names: Mapping[str, str] | None
) -> list[Block]:
    """The question's tables, from its type's pieces: counts with shares, figures, comments.

    Shares are exact fractions of all respondents, or of those a conditional
    question applied to. In an anonymous survey comments carry no response id.
    """
    question = questionnaire.questions[number - 1]
    result = results.questions[question.id]
    of = result.applicable
    total = results.respondents if of is None else of
    share = word("share", lang) if of is None else word("share_of", lang, of=of)
    if question.id == questionnaire.respondent_key:
        rows = [[key, office_display_name(key, lang, names)] for key in results.respondent_keys]
        return [Block([word("code", lang), word("office", lang)], [CODE, LONG], rows)]
    blocks: list[Block] = []
    for piece in type_of(question).report(question, result, lang):
        if isinstance(piece, CountTable) and piece.grid:
            levels = len(piece.columns)
            header = [word("row", lang), *(c.label.full for c in piece.columns)]
            header += [f"{c.label.full} (%)" for c in piece.columns]
            block = Block(header, [LABEL] + [FIGURE] * levels + [SHARE] * levels)
            for row in piece.rows:
                block.rows.append([row.label.full, *row.counts, *(_fraction(c, total) for c in row.counts)])
            blocks.append(block)
        elif isinstance(piece, CountTable):
            block = Block([word("option", lang), word("respondents", lang), share], [LABEL, FIGURE, SHARE])
            for row in piece.rows:
                count = row.counts[0] if row.counts else 0
                block.rows.append([row.label.full, count, _fraction(count, total)])
            blocks.append(block)
        elif isinstance(piece, Figures):
            header = [translate("report.figure", lang), translate("report.value", lang)]
            blocks.append(Block(header, [LABEL, LABEL], [[name, value] for name, value in piece.rows]))
        elif isinstance(piece, CommentSection):
            block = _comment_block(piece, lang, questionnaire.anonymous)
            if block.rows:
                blocks.append(block)
        elif isinstance(piece, Note):
            blocks.append(Block([piece.text], [NOTE]))
    return blocks


def _comment_block(piece: CommentSection, lang: str, anonymous: bool) -> Block:
    """Option | Code | Comment: the option in the count table's label column, the comment wide.

    Free text has no option column; an anonymous survey no code column (a
    response id would tie one person's words together).
    """
    by_option = any(group.label for group in piece.groups)
    columns = [(word("option", lang), LABEL)] if by_option else []
    columns += [] if anonymous else [(word("code", lang), CODE)]
    columns.append((word("comment", lang), LONG))
    block = Block([title for title, _ in columns], [kind for _, kind in columns])
    for group in piece.groups:
        label = [group.label.full if group.label else ""] if by_option else []
        for comment in group.comments:
            block.rows.append([*label, *([] if anonymous else [comment.respondent]), comment.text])
    return block


def _fraction(count: int, total: int) -> float:
    return count / total if total else 0


def column_widths(blocks: list[Block]) -> list[float]:
    """Each column's width: the most any table wants of it (its text's longest line, up to a limit)."""
    widths: list[float] = []
    for block in blocks:
        for index, kind in enumerate(block.kinds):
            wanted = _wanted_width(block, index, kind)
            if index == len(widths):
                widths.append(wanted)
            else:
                widths[index] = max(widths[index], wanted)
    return widths or [NO_TABLE_WIDTH]


def _wanted_width(block: Block, index: int, kind: str) -> float:
    """A figure's column is `FIGURE_WIDTH`; text's, its longest line (header included), within limits."""
    if kind in (FIGURE, SHARE):
        return FIGURE_WIDTH
    if kind == NOTE:
        return 0.0
    lines = [block.header[index], *(line for row in block.rows for line in str(row[index]).split("\n"))]
    longest = max(text_width(line) for line in lines)
    return float(min(max(longest + 2, NARROWEST[kind]), WIDEST[kind]))


def question_sheet(
    workbook: Workbook,
    results: Results,
    questionnaire: Questionnaire,
    number: int,
    lang: str,
    names: Mapping[str, str] | None,
    taken: set[str],
) -> None:
    """The question's text, its denominator and how many answered, then each of its tables in turn."""
    question = questionnaire.questions[number - 1]
    sheet = workbook.create_sheet(unique_name(sheet_name(number, question_title(question, lang)), taken))
    print_setup(sheet, title_rows=None)  # its tables have headers of their own
    takes_answer = type_of(question).takes_answer
    blocks = question_blocks(results, questionnaire, number, lang, names) if takes_answer else []
    widths = column_widths(blocks)
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    _sentence(sheet, 1, f"{number}. {question.text_in(lang)}", widths, bold=True)
    if not takes_answer:
        return
    answered = answered_sentence(results, questionnaire, question.id, lang)
    if results.questions[question.id].applicable is None:
        _sentence(sheet, 2, word("denominator", lang, n=results.respondents), widths)
        _sentence(sheet, 3, answered, widths)
    else:  # its shares are of those it applied to, which the sentence says: not "of all"
        _sentence(sheet, 2, answered, widths)
    sheet.freeze_panes = sheet.cell(row=FIRST_TABLE_ROW + 1, column=2)
    row = FIRST_TABLE_ROW
    for block in blocks:
        _table(sheet, row, block, widths)
        row += len(block.rows) + 2


def _sentence(sheet: Worksheet, row: int, text: str, widths: list[float], bold: bool = False) -> None:
    """A sentence across the sheet's columns, wrapped, its row as tall as its lines.

    On one unwrapped line, a question's text ran far past its table, and a page
    fitted to the width of the sheet shrank the table to a blur (trial 2026-12).
    """
    put(sheet, row, 1, text, HEADING if bold else TEXT)
    if len(widths) > 1:
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(widths))
    sheet.row_dimensions[row].height = row_height(wrapped_lines(text, sum(widths)))


def _table(sheet: Worksheet, top: int, block: Block, widths: list[float]) -> None:
    """The header row at `top`, then the rows; each row as tall as its most wrapped cell.

    Text wraps from the top of its cell; figures stand on the first line of
    their label; shares are exact fractions shown as percentages.
    """
    for column, title in enumerate(block.header, 1):
        put(sheet, top, column, title, HEADING)  # a level's name wraps in its narrow column
    sheet.row_dimensions[top].height = _height(block.header, widths)
    styles = [_style(kind, width) for kind, width in zip(block.kinds, widths, strict=False)]
    for offset, values in enumerate(block.rows, 1):
        for column, value in enumerate(values, 1):
            put(sheet, top + offset, column, value, styles[column - 1])
        sheet.row_dimensions[top + offset].height = _height(values, widths)


def _style(kind: str, width: float) -> str:
    """A cell's named style by its column's kind; a share in a widened column is set on the left."""
    if kind == SHARE:
        return SHARE if width <= FIGURE_WIDTH else SHARE_BY_COUNT
    return FIGURE if kind == FIGURE else TEXT


def _height(values: list[Any], widths: list[float]) -> float:
    """The height of a row: its text cell taking the most lines in its column's width."""
    lines = [wrapped_lines(v, widths[i]) for i, v in enumerate(values) if isinstance(v, str)]
    return row_height(max(lines, default=1))
