"""The CSV report: one row per respondent, one column per answer field, for spreadsheets.

- UTF-8 with a byte-order mark, so Excel on Windows reads “curly quotes”,
  dashes and CJK as written.
- Metadata columns start with "_" (`_respondent`, `_file`, ...): question ids
  cannot, so a question named `language` or `file` never overwrites them.
- Values are labels in the report language (ids with `codes=True`); a
  multi-select option is "1" (selected) or "0" (not selected) when the
  question was answered, and empty when it was not: empty means not answered.
- A cell a spreadsheet would read as a formula (=, +, -, @, tab, CR) is
  prefixed with an apostrophe: a comment must never run as a formula.
"""

import csv
import io
from collections.abc import Mapping

from enquete.model.answers import MultiAnswer, is_answered
from enquete.model.office_names import office_display_name
from enquete.model.questionnaire import ChoiceQuestion, MatrixQuestion, MultiQuestion, Questionnaire
from enquete.model.response import Response
from enquete.results.aggregate import Results
from enquete.text import printable

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
METADATA = ["_respondent", "_name", "_file", "_revision", "_language", "_saved"]
"""The columns about the response rather than its answers; "_" keeps them apart from question ids."""


def neutralise(cell: str) -> str:
    """Text a spreadsheet shows as typed, never evaluates."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def columns(questionnaire: Questionnaire) -> list[str]:
    """Every column, metadata first, then each question's fields in questionnaire order."""
    names = list(METADATA)
    for q in questionnaire.questions:
        if isinstance(q, MatrixQuestion):
            names += [f"{q.id}.{r.id}" for r in q.rows]
        elif isinstance(q, MultiQuestion):
            for o in q.options:
                names.append(f"{q.id}.{o.id}")
                if q.option_comments and not o.exclusive:
                    names.append(f"{q.id}.{o.id}.comment")
            if q.comment:
                names.append(f"{q.id}.comment")
        else:
            names.append(q.id)
    return names


def row(
    response: Response,
    file: str,
    key: str,
    questionnaire: Questionnaire,
    language: str = "en",
    codes: bool = False,
    names: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """One respondent's cells, by column name; absent columns are left empty (not answered)."""
    cells = {
        "_respondent": key,
        "_name": office_display_name(key, language, names),
        "_file": file,
        "_revision": str(response.revision),
        "_language": response.language,
        "_saved": response.saved.isoformat(),
    }
    for question in questionnaire.questions:
        answer = response.answers.get(question.id)
        if answer is None or not is_answered(answer):
            continue
        qid = question.id
        if isinstance(question, MultiQuestion) and isinstance(answer, MultiAnswer):
            for option in question.options:
                cells[f"{qid}.{option.id}"] = "1" if option.id in answer.selected else "0"
            for option_id, text in answer.comments.items():
                cells[f"{qid}.{option_id}.comment"] = text
            if answer.comment:
                cells[f"{qid}.comment"] = answer.comment
        elif isinstance(question, MatrixQuestion) and isinstance(answer, dict):
            labels = {c.id: c.label_in(language) for c in question.columns}
            for row_id, column in answer.items():
                cells[f"{qid}.{row_id}"] = column if codes else labels.get(column, column)
        elif isinstance(question, ChoiceQuestion) and isinstance(answer, str) and not codes:
            cells[qid] = next((o.label_in(language) for o in question.options if o.id == answer), answer)
        elif isinstance(answer, str):
            cells[qid] = answer
    return cells


def render_csv(
    questionnaire: Questionnaire,
    results: Results,
    language: str = "en",
    codes: bool = False,
    names: Mapping[str, str] | None = None,
) -> str:
    """CSV text (starting with a BOM) with one row per counted response."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.DictWriter(out, fieldnames=columns(questionnaire), restval="", lineterminator="\r\n")
    writer.writeheader()
    for key in results.respondent_keys:
        cells = row(results.responses[key], results.files[key], key, questionnaire, language, codes, names)
        writer.writerow({k: neutralise(printable(v)) for k, v in cells.items()})
    return out.getvalue()
