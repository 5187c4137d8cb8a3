"""`matrix`: one column chosen per row (e.g. an implementation level per Recommendation)."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import field_validator, model_validator

from enquete.i18n.catalog import translate
from enquete.model.answer_domain import AnswerDomain
from enquete.model.problems import Problem, wrong_type
from enquete.model.question import Id, Option, QuestionBase, unique_ids
from enquete.qtypes.base import Answer, Certainty, Column, QuestionType
from enquete.results.pieces import CountColumn, CountRow, CountTable, Label, Piece
from enquete.results.question_result import QuestionResult
from enquete.text import one_line, text_width


class ColumnGroup(Option):
    """Columns whose counts are also given summed, as one more column (`Implemented or ongoing`).

    The questionnaire names it (`[[questions.column_groups]]`), so no survey's
    column ids are special in code: an extra column appeared in other surveys
    whenever their columns happened to be called `implemented` and `ongoing`.
    """

    columns: list[Id]


class MatrixQuestion(QuestionBase):
    """One column chosen per row. When required, every row must be answered."""

    type: Literal["matrix"]
    rows: list[Option]
    columns: list[Option]
    column_groups: list[ColumnGroup] = []
    """Sums of columns shown as extra columns in reports, in this order."""

    @field_validator("rows")
    @classmethod
    def _rows_unique(cls, rows: list[Option]) -> list[Option]:
        return unique_ids(rows, "row")

    @field_validator("columns")
    @classmethod
    def _columns_unique(cls, columns: list[Option]) -> list[Option]:
        return unique_ids(columns, "column")

    @model_validator(mode="after")
    def _groups_name_columns(self) -> MatrixQuestion:
        known = {c.id for c in self.columns}
        for group in self.column_groups:
            unknown = [c for c in group.columns if c not in known]
            if unknown:
                raise ValueError(f"column group '{group.id}' names '{unknown[0]}', which is not a column")
            if not group.columns:
                raise ValueError(f"column group '{group.id}' names no column")
        return self


_OWN_NUMBER = re.compile(r"([0-9]+)(?![0-9])")


def column_keys(question: MatrixQuestion, language: str) -> list[str]:
    """What each column is called by key: its short label when all are whole numbers, else 1, 2, ...

    A 0-10 scale is typed as its labels say (5 is "5", 1 then 0 is "10"),
    whatever the columns' ids; any other scale by position.
    """
    labels = [c.short_in(language).strip() for c in question.columns]
    if all(label.isdigit() and label.isascii() for label in labels) and len(set(labels)) == len(labels):
        return labels
    return [str(n) for n in range(1, len(labels) + 1)]


def column_names(question: MatrixQuestion, language: str) -> list[str]:
    """Each column's label, led by its key only when the label does not already start with that number.

    Bug: the legend read `1 0 · 2 1 · … 11 10` on a 0-10 scale (position, then
    label, while the digit keys chose by label) and `1 1 Very poor` on a 1-5 one.
    """
    names = []
    for key, column in zip(column_keys(question, language), question.columns, strict=True):
        label = column.label_in(language).strip()
        own = _OWN_NUMBER.match(label)
        names.append(label if own is not None and own.group(1) == key else f"{key} {label}")
    return names


def _answer(answer: Answer | None) -> dict[str, str]:
    return answer if isinstance(answer, dict) else {}


class MatrixType(QuestionType[MatrixQuestion]):
    """The answer is a `{row: column}` table; counted per row and column."""

    name = "matrix"
    schema = MatrixQuestion

    def option_lists(self, question: MatrixQuestion) -> dict[str, list[Option]]:
        lists: dict[str, list[Option]] = {"rows": question.rows, "columns": question.columns}
        if question.column_groups:
            lists["column_groups"] = list(question.column_groups)
        return lists

    def answer_domain(self, question: MatrixQuestion) -> AnswerDomain:
        return AnswerDomain("table", noun="a matrix")

    def read(self, question: MatrixQuestion, raw: Any) -> tuple[Answer | None, list[Problem]]:
        qid = question.id
        if not isinstance(raw, dict):
            return None, [wrong_type(qid, "a table of row = answer", raw)]
        rows = {r.id for r in question.rows}
        columns = {c.id for c in question.columns}
        problems: list[Problem] = []
        answer: dict[str, str] = {}
        for row, column in raw.items():
            if row not in rows:
                problems.append(Problem(qid, "unknown_row", row, {"value": row}))
            elif not isinstance(column, str):
                problems.append(wrong_type(qid, f"text for row '{row}'", column))
            elif column not in columns:
                problems.append(Problem(qid, "unknown_column", row, {"value": column}))
            else:
                answer[row] = column
        return (answer or None), problems

    def certainty(self, question: MatrixQuestion) -> Certainty:
        rows = frozenset(r.id for r in question.rows)
        columns = frozenset(c.id for c in question.columns)
        required = bool(question.required)  # required: every row answered

        def check(raw: Any) -> bool:
            if type(raw) is not dict:
                return False
            if not raw:
                return not required
            try:  # a value that is a table or an array cannot be hashed: not sure
                if not rows.issuperset(raw) or not columns.issuperset(raw.values()):
                    return False
            except TypeError:
                return False
            return not required or len(raw) == len(rows)

        return check

    def missing(self, question: MatrixQuestion, answer: Answer | None) -> list[Problem]:
        if answer is None or not question.required:
            return super().missing(question, answer)
        given = _answer(answer)
        return [Problem(question.id, "missing_row", r.id) for r in question.rows if r.id not in given]

    def examples(self, question: MatrixQuestion) -> list[Answer]:
        return [{r.id: c.id for r in question.rows} for c in question.columns]

    def new_result(self, question: MatrixQuestion) -> QuestionResult:
        cells = {r.id: {c.id: 0 for c in question.columns} for r in question.rows}
        return QuestionResult(question.id, question.type, cell_counts=cells)

    def count(
        self, question: MatrixQuestion, result: QuestionResult, respondent: str, answer: Answer
    ) -> None:
        for row, column in _answer(answer).items():
            result.cell_counts[row][column] += 1

    def summary(self, question: MatrixQuestion, answer: Answer, language: str, width: int) -> str:
        """The level chosen on each row ("Speed: 4 Good · Quality: 5 Excellent"), cut to `width`.

        Bug: review said only "3 of 3 rows answered". When the rows do not all fit, or some
        are unanswered, the count leads (as before) and the levels follow as far as they fit.
        """
        given = _answer(answer)
        levels = {c.id: c.label_in(language) for c in question.columns}
        chosen = " · ".join(
            f"{r.short_in(language)}: {levels[given[r.id]]}" for r in question.rows if r.id in given
        )
        count = translate("review.rows", language, count=len(given), total=len(question.rows))
        whole = one_line(chosen)
        if len(given) == len(question.rows) and text_width(whole) <= width:
            return one_line(chosen, width)
        return one_line(f"{count} · {chosen}" if chosen else count, width)

    def report(self, question: MatrixQuestion, result: QuestionResult, language: str) -> list[Piece]:
        columns = question.columns
        heads = [CountColumn(Label(c.label_in(language), c.short_in(language))) for c in columns]
        for group in question.column_groups:
            heads.append(CountColumn(Label(group.label_in(language), group.short_in(language)), total=True))
        rows = []
        for row in question.rows:
            counts = result.cell_counts[row.id]
            figures = [counts[c.id] for c in columns]
            for group in question.column_groups:
                figures.append(sum(counts[c] for c in group.columns))
            rows.append(CountRow(Label(row.label_in(language), row.short_in(language)), tuple(figures)))
        return [CountTable(translate("report.row", language), tuple(heads), tuple(rows), grid=True)]

    def columns(self, question: MatrixQuestion) -> list[Column]:
        return [Column(f"{question.id}.{r.id}", question.id, r.id) for r in question.rows]

    def cells(self, question: MatrixQuestion, answer: Answer) -> dict[str, str]:
        return {f"{question.id}.{row}": column for row, column in _answer(answer).items()}


TYPE = MatrixType()
