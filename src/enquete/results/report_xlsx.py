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

The question sheets are laid out in `xlsx_question_sheet`, cells and their
named styles written by `xlsx_cells`, rows' heights estimated in `xlsx_layout`.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterator, Mapping
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from enquete.model.office_names import office_display_name
from enquete.model.questionnaire import Questionnaire
from enquete.qtypes import type_of
from enquete.results.aggregate import Results
from enquete.results.labels import question_title
from enquete.results.report_words import word
from enquete.results.xlsx_cells import DATE, FIGURE, HEADING, TEXT, add_styles, put
from enquete.results.xlsx_layout import print_setup, row_height, wrapped_lines
from enquete.results.xlsx_question_sheet import question_sheet

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


def _tall_row_style(value: Any) -> str:
    """In a row of several lines, every cell from the top: not a name at the foot of a long comment."""
    if isinstance(value, str):
        return TEXT
    return DATE if isinstance(value, datetime.date) else FIGURE


def _responses_sheet(sheet: Worksheet, rows: list[tuple[Any, ...]]) -> None:
    """The tidy sheet: a filter on its header, which prints on every page; each row as tall as its text."""
    sheet.title = "Responses"
    for column, title in enumerate(TIDY_COLUMNS, 1):
        put(sheet, 1, column, title, HEADING)
    widths = [min(width, WIDEST) + 2 for width in _column_widths(rows, TIDY_COLUMNS)]
    for index, values in enumerate(rows, 2):
        wraps = [isinstance(v, str) and (len(v) > WIDEST or "\n" in v) for v in values]
        lines = max((wrapped_lines(v, widths[c]) for c, v in enumerate(values) if wraps[c]), default=1)
        for column, value in enumerate(values):
            style = TEXT if wraps[column] else _tall_row_style(value) if lines > 1 else None
            put(sheet, index, column + 1, value, style)
        if lines > 1:
            sheet.row_dimensions[index].height = row_height(lines)
    for column, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    print_setup(sheet)


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
    _responses_sheet(sheet, list(tidy_rows(results, questionnaire, language, names)))
    taken = {"responses"}
    for number in range(1, len(questionnaire.questions) + 1):
        question_sheet(workbook, results, questionnaire, number, language, names, taken)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
