"""The CSV report: one row per respondent, one column per answer field, for spreadsheets.

A cell that a spreadsheet would read as a formula (=, +, -, @, tab, CR) is
prefixed with an apostrophe: a comment must never run as a formula. Each
question's columns and cells come from its type (`QuestionType.columns`).
"""

import csv
import io

from enquete.model.questionnaire import Questionnaire
from enquete.model.response import Response
from enquete.qtypes import type_of
from enquete.results.aggregate import Results
from enquete.text import printable

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Text a spreadsheet shows as typed, never evaluates.

    Args:
        cell: The cell's text.

    Returns:
        The text, with an apostrophe in front when it starts like a formula.
    """
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def columns(questionnaire: Questionnaire) -> list[str]:
    """The header: five columns about the response, then each question's columns in order."""
    names = ["respondent", "file", "revision", "language", "saved"]
    for q in questionnaire.questions:
        names += [column.name for column in type_of(q).columns(q)]
    return names


def row(response: Response, file: str, key: str, questionnaire: Questionnaire) -> dict[str, str]:
    """One respondent's cells by column name (unanswered columns are absent).

    Args:
        response: The response that counts.
        file: The file it came from.
        key: The respondent key.
        questionnaire: The questionnaire, whose types say how each answer spreads over columns.

    Returns:
        The cells, as text, before neutralising.
    """
    cells = {
        "respondent": key,
        "file": file,
        "revision": str(response.revision),
        "language": response.language,
        "saved": response.saved.isoformat(),
    }
    for question in questionnaire.questions:
        answer = response.answers.get(question.id)
        if answer is not None:
            cells.update(type_of(question).cells(question, answer))
    return cells


def render_csv(questionnaire: Questionnaire, results: Results) -> str:
    """CSV text with one row per counted response.

    Args:
        questionnaire: The questionnaire answered.
        results: The aggregated results (the counted responses and their files).

    Returns:
        The CSV text, CRLF line ends, every cell printable and neutralised.
    """
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns(questionnaire), restval="", lineterminator="\r\n")
    writer.writeheader()
    for key in results.respondent_keys:
        cells = row(results.responses[key], results.files[key], key, questionnaire)
        writer.writerow({k: neutralise(printable(v)) for k, v in cells.items()})
    return out.getvalue()
