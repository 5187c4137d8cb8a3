"""The CSV report: one row per respondent, one column per answer field, for spreadsheets.

- UTF-8 with a byte-order mark, so Excel on Windows reads “curly quotes”,
  dashes and CJK as written.
- Metadata columns start with "_" (`_respondent`, `_file`, ...): question ids
  cannot, so a question named `language` or `file` never overwrites them.
- Each question's columns and cells come from its type (`QuestionType.columns`
  and `cells`). Values are labels in the report language (ids with
  `codes=True`); a flag column (a multi-select option) is "1" (selected) or
  "0" (not selected) when the question was answered, and empty when it was
  not: an empty cell always means "not answered".
- A cell a spreadsheet would read as a formula (=, +, -, @, tab, CR) is
  prefixed with an apostrophe: a comment must never run as a formula.
"""

import csv
import io
from collections.abc import Mapping

from enquete.model.office_names import office_display_name
from enquete.model.questionnaire import Questionnaire
from enquete.model.response import Response
from enquete.qtypes import type_of
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
    """The header: the metadata columns, then each question's columns in questionnaire order."""
    names = list(METADATA)
    for q in questionnaire.questions:
        names += [column.name for column in type_of(q).columns(q)]
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
    """One respondent's cells by column name; the columns of an unanswered question are absent.

    Args:
        response: The response that counts.
        file: The file it came from.
        key: The respondent key.
        questionnaire: The questionnaire, whose types say how each answer spreads over columns.
        language: The language of the labels written in place of option ids.
        codes: Write option ids, not labels.
        names: Display names by respondent key (the invited list); UN-style names otherwise.

    Returns:
        The cells, as text, before neutralising.
    """
    cells = {
        "_respondent": key,
        "_name": office_display_name(key, language, names),
        "_file": file,
        "_revision": str(response.revision),
        "_language": response.language,
        "_saved": response.saved.isoformat(),
    }
    for question in questionnaire.questions:
        qtype = type_of(question)
        answer = response.answers.get(question.id)
        if answer is None or not qtype.is_answered(question, answer):
            continue
        given = qtype.cells(question, answer)
        labels = {
            option.id: option.label_in(language)
            for options in qtype.option_lists(question).values()
            for option in options
        }
        for column in qtype.columns(question):
            if column.kind == "flag":
                cells[column.name] = given.get(column.name, "0")
            elif column.name in given:
                value = given[column.name]
                cells[column.name] = value if codes or column.kind == "comment" else labels.get(value, value)
    return cells


def render_csv(
    questionnaire: Questionnaire,
    results: Results,
    language: str = "en",
    codes: bool = False,
    names: Mapping[str, str] | None = None,
) -> str:
    """CSV text (starting with a BOM) with one row per counted response.

    Args:
        questionnaire: The questionnaire answered.
        results: The aggregated results (the counted responses and their files).
        language: The language of labels and names.
        codes: Write option ids, not labels.
        names: Display names by respondent key (the invited list).

    Returns:
        The CSV text, CRLF line ends, formulas neutralised.
    """
    out = io.StringIO()
    out.write(BOM)
    writer = csv.DictWriter(out, fieldnames=columns(questionnaire), restval="", lineterminator="\r\n")
    writer.writeheader()
    for key in results.respondent_keys:
        cells = row(results.responses[key], results.files[key], key, questionnaire, language, codes, names)
        writer.writerow({k: neutralise(printable(v)) for k, v in cells.items()})
    return out.getvalue()
