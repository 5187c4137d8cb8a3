"""The results as an Excel workbook (openpyxl) an analyst can pivot.

Sheet "Responses" is tidy: one row per respondent, question and option or
row, with labels (not ids) beside the ids. Then one sheet per question with
its counts and shares of ALL respondents (of those a conditional question
applied to, which the sheet says), the denominator written above the
tables, headers frozen; a number's or a date's figures; its comments, without
response ids in an anonymous survey. Both come from what each question's type says (its
CSV columns, its format-neutral report pieces): a new type needs nothing here.
A number's or a date's answer is stored as a number or a date (so it can
be summed and pivoted); text is stored as text: a comment starting with "="
is never a formula (string type, and Excel's quote prefix, as the CSV's
apostrophe), and characters a workbook cannot hold become U+FFFD.
"""

from __future__ import annotations

import datetime
import io
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
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
from enquete.results.xlsx_cells import FIGURE, HEADING, SHARE, TEXT, add_styles, put

TIDY_COLUMNS = (
    "respondent",
    "name",
    "question_no",
    "question",
    "question_id",
    "option",
    "option_id",
    "value",
    "comment",
)
SHEET_NAME_LIMIT = 31
"""Excel's longest sheet name."""
WIDEST = 60
"""A Responses column is never wider than this many characters; longer text wraps."""
Value = str | int | float | datetime.date
"""A cell of the Responses sheet: text, or an answer that is a number or a date."""


def tidy_rows(
    results: Results, questionnaire: Questionnaire, language: str, names: Mapping[str, str] | None = None
) -> Iterator[tuple[str, str, int, str, str, str, str, Value, str]]:
    """The long table: (respondent, name, question no., question, id, option, option id, value, comment).

    Built from each question's CSV columns (`QuestionType.columns`), so every
    registered type has its rows: a flag column (a multi-select option) gives
    one row valued "selected" or "not selected", with the comment written
    beside it; a value column its answer, labelled (a matrix row: the level's
    label); a comment column of its own a row with the comment. A question
    left unanswered gives no rows at all: not answered is not "not selected".
    """
    for key in results.respondent_keys:
        name = office_display_name(key, language, names)
        answers = results.responses[key].answers
        for number, question in enumerate(questionnaire.questions, 1):
            qtype = type_of(question)
            answer = answers.get(question.id)
            if answer is None or not qtype.is_answered(question, answer):
                continue
            cells = qtype.cells(question, answer)
            labels = {
                o.id: o.label_in(language)
                for options in qtype.option_lists(question).values()
                for o in options
            }
            columns = qtype.columns(question)
            flagged = {c.option for c in columns if c.kind == "flag"}
            comment_of = {c.option: c.name for c in columns if c.kind == "comment"}
            base = (key, name, number, question_title(question, language), question.id)
            for column in columns:
                option = column.option or ""
                label = labels.get(option, "")
                if column.kind == "flag":
                    chosen = cells.get(column.name) == "1"
                    value = word("selected" if chosen else "not_selected", language)
                    comment = cells.get(comment_of.get(column.option, ""), "")
                    yield (*base, label, option, value, comment)
                elif column.kind == "comment" and column.option not in flagged and column.name in cells:
                    yield (*base, label, option, "", cells[column.name])
                elif column.kind == "value" and column.name in cells:
                    value = cells[column.name]
                    yield (*base, label, option, _typed(answer, value, labels), "")


def _typed(answer: Any, text: str, labels: Mapping[str, str]) -> Value:
    """The answer itself where the cell is its number or date written out, so a workbook can sum it;
    else the text, labelled (an option id becomes its label).

    Trial: `120` and `12.5` were text in the Responses sheet, and a pivot table could not add them.
    """
    if isinstance(answer, int | float) and not isinstance(answer, bool) and text == str(answer):
        return answer
    if isinstance(answer, datetime.date) and not isinstance(answer, datetime.datetime):
        return answer if text == answer.isoformat() else labels.get(text, text)
    return labels.get(text, text)


def _sheet_name(number: int, title: str) -> str:
    """The sheet of question 4 is "Q4 Current focus": at most 31 characters, none of []:*?/\\."""
    cleaned = " ".join("".join(" " if c in "[]:*?/\\" else c for c in title).split())
    name = f"Q{number} {cleaned}"
    if len(name) <= SHEET_NAME_LIMIT:
        return name
    cut = name[: SHEET_NAME_LIMIT + 1].rsplit(" ", 1)[0]  # at a word (regression: "... implementation l")
    return (cut if len(cut) > len(f"Q{number}") else name[:SHEET_NAME_LIMIT]).rstrip(" ,;.-")


def _unique(name: str, taken: set[str]) -> str:
    """`name`, or `name` shortened with " (2)", " (3)"...: Excel refuses two sheets named alike (any case)."""
    candidate, suffix = name, 1
    while candidate.casefold() in taken:
        suffix += 1
        tail = f" ({suffix})"
        candidate = name[: SHEET_NAME_LIMIT - len(tail)].rstrip() + tail
    taken.add(candidate.casefold())
    return candidate


def _print_setup(sheet: Worksheet, *, title_rows: str | None = "1:1") -> None:
    """Landscape, as wide as one page, its header row on every page (regression: 152 PDF pages)."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    if title_rows:
        sheet.print_title_rows = title_rows


def _paragraph(sheet: Worksheet, row: int, text: str, columns: int, width: float, bold: bool = False) -> None:
    """A sentence across the table's columns, wrapped, its row as tall as its lines.

    On one unwrapped line, a question's text ran far past its table, and a page
    fitted to the width of the sheet shrank the table to a blur (trial 2026-12).
    """
    put(sheet, row, 1, text, HEADING if bold else TEXT)
    if columns > 1:
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    sheet.row_dimensions[row].height = 15 * _lines(text, width)


def _lines(text: str, width: float) -> int:
    """About how many lines `text` takes, wrapped in a column `width` characters wide."""
    return sum(max(1, math.ceil(len(line) / max(width - 2, 1))) for line in text.split("\n"))


def _column_widths(rows: list[tuple[Any, ...]], header: tuple[str, ...]) -> list[int]:
    """Each column as wide as its longest cell, up to `WIDEST` characters; longer text wraps.

    Regression: every column of the Responses sheet was 13 characters wide, so text was cut.
    Measured before the cells are written, so that each cell is written once with its look.
    """
    widths = [len(title) for title in header]
    for row in rows:
        for index, value in enumerate(row):
            if isinstance(value, str):
                longest = max(map(len, value.split("\n"))) if "\n" in value else len(value)
                if longest > widths[index]:
                    widths[index] = longest
            elif value is not None and len(str(value)) > widths[index]:
                widths[index] = len(str(value))
    return widths


@dataclass
class _Block:
    """One table of a question's sheet: its header, its rows, the first column of shares (0: none)."""

    header: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    share_from: int = 0


def _blocks(
    results: Results, questionnaire: Questionnaire, number: int, lang: str, names: Mapping[str, str] | None
) -> list[_Block]:
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
        return [_Block([word("code", lang), word("office", lang)], rows)]
    blocks: list[_Block] = []
    for piece in type_of(question).report(question, result, lang):
        if isinstance(piece, CountTable) and piece.grid:
            block = _Block([word("row", lang), *(c.label.full for c in piece.columns)])
            block.header += [f"{c.label.full} (%)" for c in piece.columns]
            for row in piece.rows:
                block.rows.append([row.label.full, *row.counts, *(_fraction(c, total) for c in row.counts)])
            block.share_from = 2 + len(piece.columns)
            blocks.append(block)
        elif isinstance(piece, CountTable):
            block = _Block([word("option", lang), word("respondents", lang), share], share_from=3)
            for row in piece.rows:
                count = row.counts[0] if row.counts else 0
                block.rows.append([row.label.full, count, _fraction(count, total)])
            blocks.append(block)
        elif isinstance(piece, Figures):
            header = [translate("report.figure", lang), translate("report.value", lang)]
            blocks.append(_Block(header, [[name, value] for name, value in piece.rows]))
        elif isinstance(piece, CommentSection):
            block = _Block([word("code", lang), word("option", lang), word("comment", lang)])
            for group in piece.groups:
                label = group.label.full if group.label else ""
                block.rows += [[c.respondent, label, c.text] for c in group.comments]
            if not any(group.label for group in piece.groups):  # free text: no option to name
                block = _Block([block.header[0], block.header[2]], [[row[0], row[2]] for row in block.rows])
            if questionnaire.anonymous:  # a response id would tie one person's words together
                block = _Block(block.header[1:], [row[1:] for row in block.rows])
            if block.rows:
                blocks.append(block)
        elif isinstance(piece, Note):
            blocks.append(_Block([piece.text]))
    return blocks


def _fraction(count: int, total: int) -> float:
    return count / total if total else 0


def _question_sheet(
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
    sheet = workbook.create_sheet(_unique(_sheet_name(number, question_title(question, lang)), taken))
    _print_setup(sheet, title_rows=None)  # its tables have headers of their own
    takes_answer = type_of(question).takes_answer
    blocks = _blocks(results, questionnaire, number, lang, names) if takes_answer else []
    counts = any(block.share_from for block in blocks)
    widths = [40.0 if counts else 24.0] + ([15.0] * 30 if counts else [40.0, 80.0] + [15.0] * 30)
    columns = max([len(block.header) for block in blocks] + [1 if not counts else 2])
    for index in range(columns):
        sheet.column_dimensions[get_column_letter(index + 1)].width = widths[index]
    span = sum(widths[:columns]) if columns > 1 else 100.0

    def paragraph(row: int, text: str, bold: bool = False) -> None:
        _paragraph(sheet, row, text, columns, span, bold)

    paragraph(1, f"{number}. {question.text_in(lang)}", bold=True)
    if not takes_answer:
        return
    answered = answered_sentence(results, questionnaire, question.id, lang)
    if results.questions[question.id].applicable is None:
        paragraph(2, word("denominator", lang, n=results.respondents))
        paragraph(3, answered)
    else:  # its shares are of those it applied to, which the sentence says: not "of all"
        paragraph(2, answered)
    header_row = 5
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=2)
    for block in blocks:
        for column, title in enumerate(block.header, 1):
            # a level's name wraps in its narrow column instead of running over the next one
            put(sheet, header_row, column, title, HEADING)
        lines = max(_lines(str(title), widths[i]) for i, title in enumerate(block.header))
        sheet.row_dimensions[header_row].height = 15 * lines
        for offset, values in enumerate(block.rows, 1):
            row = header_row + offset
            if block.share_from:  # a long option or row label wraps in its column, not cut by the next
                sheet.row_dimensions[row].height = 15 * _lines(str(values[0]), widths[0])
            for column, value in enumerate(values, 1):
                style = None
                if block.share_from:  # beside a wrapped label, figures stand on its first line
                    style = TEXT if column == 1 else SHARE if column >= block.share_from else FIGURE
                put(sheet, row, column, value, style)
        header_row += len(block.rows) + 2


def render_xlsx(
    results: Results,
    questionnaire: Questionnaire,
    language: str = "en",
    names: Mapping[str, str] | None = None,
) -> bytes:
    """The workbook as .xlsx bytes: the tidy sheet, then one sheet per question."""
    workbook = Workbook()
    add_styles(workbook)
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Responses"
    for column, title in enumerate(TIDY_COLUMNS, 1):
        put(sheet, 1, column, title, HEADING)
    rows = list(tidy_rows(results, questionnaire, language, names))
    widths = _column_widths(rows, TIDY_COLUMNS)
    wraps = [width > WIDEST for width in widths]
    for index, values in enumerate(rows, 2):
        for column, value in enumerate(values):
            put(sheet, index, column + 1, value, TEXT if wraps[column] and isinstance(value, str) else None)
    for column, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(column)].width = min(width, WIDEST) + 2
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    _print_setup(sheet)
    taken = {"responses"}
    for number in range(1, len(questionnaire.questions) + 1):
        _question_sheet(workbook, results, questionnaire, number, language, names, taken)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
