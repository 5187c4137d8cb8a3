"""The CSV report: one row per respondent, one column per answer field, for spreadsheets.

A cell that a spreadsheet would read as a formula (=, +, -, @, tab, CR) is
prefixed with an apostrophe: a comment must never run as a formula.
"""

import csv
import io

from enquete.model.answers import MultiAnswer
from enquete.model.questionnaire import MatrixQuestion, MultiQuestion, Questionnaire
from enquete.model.response import Response
from enquete.results.aggregate import Results
from enquete.text import printable

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Text a spreadsheet shows as typed, never evaluates."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def columns(questionnaire: Questionnaire) -> list[str]:
    names = ["respondent", "file", "revision", "language", "saved"]
    for q in questionnaire.questions:
        if isinstance(q, MatrixQuestion):
            names += [f"{q.id}.{r.id}" for r in q.rows]
        elif isinstance(q, MultiQuestion):
            for o in q.options:
                names.append(f"{q.id}.{o.id}")
                if q.option_comments:
                    names.append(f"{q.id}.{o.id}.comment")
            if q.comment:
                names.append(f"{q.id}.comment")
        else:
            names.append(q.id)
    return names


def row(response: Response, file: str, key: str) -> dict[str, str]:
    cells = {
        "respondent": key,
        "file": file,
        "revision": str(response.revision),
        "language": response.language,
        "saved": response.saved.isoformat(),
    }
    for qid, answer in response.answers.items():
        if isinstance(answer, MultiAnswer):
            for option in answer.selected:
                cells[f"{qid}.{option}"] = "1"
            for option, text in answer.comments.items():
                cells[f"{qid}.{option}.comment"] = text
            if answer.comment:
                cells[f"{qid}.comment"] = answer.comment
        elif isinstance(answer, dict):
            for row_id, column in answer.items():
                cells[f"{qid}.{row_id}"] = column
        else:
            cells[qid] = answer
    return cells


def render_csv(questionnaire: Questionnaire, results: Results) -> str:
    """CSV text with one row per counted response."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns(questionnaire), restval="", lineterminator="\r\n")
    writer.writeheader()
    for key in results.respondent_keys:
        cells = row(results.responses[key], results.files[key], key)
        writer.writerow({k: neutralise(printable(v)) for k, v in cells.items()})
    return out.getvalue()
