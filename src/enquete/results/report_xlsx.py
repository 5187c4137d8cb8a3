"""The results as an Excel workbook (openpyxl) an analyst can pivot.

Sheet "Responses" is tidy: one row per respondent, question and option or
row, with labels (not ids) beside the ids. Then one sheet per question with
its counts and shares of ALL respondents, the denominator written above the
table, headers frozen. Text is stored as text: a comment starting with "="
is never a formula (string type, and Excel's quote prefix, as the CSV's
apostrophe), and characters a workbook cannot hold become U+FFFD.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from enquete.model.answers import MultiAnswer, is_answered
from enquete.model.office_names import office_display_name
from enquete.model.questionnaire import (
    ChoiceQuestion,
    CodeQuestion,
    MatrixQuestion,
    MultiQuestion,
    Questionnaire,
    TextQuestion,
)
from enquete.results.aggregate import Results
from enquete.results.labels import question_title
from enquete.results.report_words import word

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
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
BOLD = Font(bold=True)


def safe_text(text: str) -> str:
    """Text a workbook can hold: characters XML forbids become U+FFFD; everything else verbatim."""
    return str(ILLEGAL_CHARACTERS_RE.sub("\ufffd", text))


def _put(sheet: Worksheet, row: int, column: int, value: Any, bold: bool = False) -> None:
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = safe_text(value)
        cell.data_type = "s"  # never a formula, whatever it starts with
        if value.startswith(FORMULA_START):
            cell.quotePrefix = True
        if "\n" in value:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    else:
        cell.value = value
    if bold:
        cell.font = BOLD


def tidy_rows(
    results: Results, questionnaire: Questionnaire, language: str, names: Mapping[str, str] | None = None
) -> Iterator[tuple[str, str, int, str, str, str, str, str, str]]:
    """The long table: (respondent, name, question no., question, id, option, option id, value, comment).

    A multi-select gives one row per option, valued "selected" or "not selected"
    (a question left unanswered gives no rows at all: not answered is not "not
    selected"); a matrix one row per answered row, valued by the level's label.
    """
    for key in results.respondent_keys:
        name = office_display_name(key, language, names)
        answers = results.responses[key].answers
        for number, question in enumerate(questionnaire.questions, 1):
            answer = answers.get(question.id)
            if answer is None or not is_answered(answer):
                continue
            title = question_title(question, language)
            base = (key, name, number, title, question.id)
            if isinstance(question, MatrixQuestion) and isinstance(answer, dict):
                levels = {c.id: c.label_in(language) for c in question.columns}
                for row in question.rows:
                    if row.id in answer:
                        yield (
                            *base,
                            row.label_in(language),
                            row.id,
                            levels.get(answer[row.id], answer[row.id]),
                            "",
                        )
            elif isinstance(question, MultiQuestion) and isinstance(answer, MultiAnswer):
                for option in question.options:
                    chosen = option.id in answer.selected
                    value = word("selected" if chosen else "not_selected", language)
                    yield (
                        *base,
                        option.label_in(language),
                        option.id,
                        value,
                        answer.comments.get(option.id, ""),
                    )
                if answer.comment:
                    yield (*base, "", "", "", answer.comment)
            elif isinstance(question, ChoiceQuestion) and isinstance(answer, str):
                labels = {o.id: o.label_in(language) for o in question.options}
                yield (*base, labels.get(answer, answer), answer, labels.get(answer, answer), "")
            elif isinstance(question, TextQuestion) and isinstance(answer, str):
                yield (*base, "", "", "", answer)
            elif isinstance(answer, str):
                yield (*base, "", "", answer, "")


def _sheet_name(number: int, title: str) -> str:
    """The sheet of question 4 is "Q4 Current focus": at most 31 characters, none of []:*?/\\."""
    cleaned = "".join(" " if c in "[]:*?/\\" else c for c in title)
    return f"Q{number} {cleaned}"[:31].strip()


def _question_sheet(
    workbook: Workbook,
    results: Results,
    questionnaire: Questionnaire,
    number: int,
    lang: str,
    names: Mapping[str, str] | None,
) -> None:
    question = questionnaire.questions[number - 1]
    result = results.questions[question.id]
    n = results.respondents
    sheet = workbook.create_sheet(_sheet_name(number, question_title(question, lang)))
    _put(sheet, 1, 1, f"{number}. {question.text_in(lang)}", bold=True)
    _put(sheet, 2, 1, word("denominator", lang, n=n))
    _put(sheet, 3, 1, word("answered", lang, answered=result.answered, n=n))
    header_row = 5
    rows: list[list[Any]] = []
    if isinstance(question, MatrixQuestion):
        header = [word("row", lang), *(c.label_in(lang) for c in question.columns), word("responses", lang)]
        header += [f"{c.label_in(lang)} (%)" for c in question.columns]
        for row in question.rows:
            counts = [result.cell_counts[row.id][c.id] for c in question.columns]
            shares = [count / n if n else 0 for count in counts]
            rows.append([row.label_in(lang), *counts, sum(counts), *shares])
        share_from = 2 + len(question.columns) + 1
    elif isinstance(question, ChoiceQuestion | MultiQuestion):
        header = [word("option", lang), word("respondents", lang), word("share", lang)]
        for option in question.options:
            count = result.option_counts.get(option.id, 0)
            rows.append([option.label_in(lang), count, count / n if n else 0])
        share_from = 3
    elif isinstance(question, CodeQuestion):
        header = [word("code", lang), word("office", lang)]
        rows = [[key, office_display_name(key, lang, names)] for key in results.respondent_keys]
        share_from = 0
    else:
        header = [word("code", lang), word("response", lang)]
        rows = [[c.respondent, c.text] for c in result.comments]
        share_from = 0
    for column, title in enumerate(header, 1):
        _put(sheet, header_row, column, title, bold=True)
    for offset, values in enumerate(rows, 1):
        for column, value in enumerate(values, 1):
            _put(sheet, header_row + offset, column, value)
            if share_from and column >= share_from:
                sheet.cell(row=header_row + offset, column=column).number_format = "0%"
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=2)
    sheet.column_dimensions["A"].width = 48 if share_from else 12
    if not share_from:
        sheet.column_dimensions["B"].width = 80


def render_xlsx(
    results: Results,
    questionnaire: Questionnaire,
    language: str = "en",
    names: Mapping[str, str] | None = None,
) -> bytes:
    """The workbook as .xlsx bytes: the tidy sheet, then one sheet per question."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Responses"
    for column, title in enumerate(TIDY_COLUMNS, 1):
        _put(sheet, 1, column, title, bold=True)
    for index, values in enumerate(tidy_rows(results, questionnaire, language, names), 2):
        for column, value in enumerate(values, 1):
            _put(sheet, index, column, value)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for number in range(1, len(questionnaire.questions) + 1):
        _question_sheet(workbook, results, questionnaire, number, language, names)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
