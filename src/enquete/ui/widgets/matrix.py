"""A matrix question: one column per row, chosen with arrows and Space, or 1-5 on a row."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Static

from enquete.model.questionnaire import MatrixQuestion
from enquete.text import printable
from enquete.ui.widgets.answer_field import AnswerField

CHOSEN, NOT_CHOSEN = "(●)", "( )"


class MatrixTable(DataTable[str]):
    """The grid itself: a cell cursor, Space or Enter to choose, digits to choose on the row."""

    BINDINGS = [
        Binding("space", "choose_cell", "key.choose", id="choose"),
    ]

    typed = ""
    """Digits typed on this row so far: `1` then `0` chooses column 10 of an 11-point scale."""

    def on_key(self, event: events.Key) -> None:
        """Digits choose a column by its number; with ten or more, a second digit can follow.

        Bug: only 1-9 were bound, so an 11-point scale (0-10) could not be answered
        by key, and 5 chose the column headed 4. Columns are numbered as the legend
        shows them: by their labels when every label is a number (0-10), else 1, 2, ...
        """
        matrix = self.parent
        if not isinstance(matrix, MatrixField):
            return
        if event.character is None or not event.character.isdigit() or not event.character.isascii():
            self.typed = ""
            return
        event.stop()
        event.prevent_default()
        numbers = matrix.column_numbers()
        typed = self.typed + event.character
        if not any(n.startswith(typed) for n in numbers):
            typed = event.character  # a fresh number
        longer = [n for n in numbers if n.startswith(typed) and n != typed]
        if typed in numbers:
            matrix.choose(self.cursor_row, numbers.index(typed))
        if typed in numbers and not longer:
            self.typed = ""
            column = numbers.index(typed)
            self.move_cursor(row=min(self.cursor_row + 1, self.row_count - 1), column=column)
        else:
            self.typed = typed if longer else ""

    def action_choose_cell(self) -> None:
        matrix = self.parent
        if isinstance(matrix, MatrixField):
            matrix.choose(self.cursor_row, self.cursor_column)


class MatrixField(AnswerField):
    """Rows with short labels (full text below, for the row under the cursor), columns numbered."""

    DEFAULT_CSS = """
    MatrixField { height: auto; }
    MatrixField .legend { color: $text-muted; padding: 0 1; }
    MatrixField MatrixTable { height: auto; max-height: 14; }
    MatrixField .full-label { padding: 0 1; height: auto; text-style: italic; }
    """

    question: MatrixQuestion

    def __init__(self, question: MatrixQuestion, value: Any, language: str, **kwargs: Any) -> None:
        super().__init__(question, value, language, **kwargs)
        self.value: dict[str, str] = dict(value) if isinstance(value, dict) else {}

    def compose(self) -> ComposeResult:
        numbers = self.column_numbers()
        labels = [c.label_in(self.language) for c in self.question.columns]
        legend = " · ".join(  # "1 Very poor" is not written "1 1 Very poor"
            label if label.strip().split(" ")[0] == number else f"{number} {label}"
            for number, label in zip(numbers, labels, strict=True)
        )
        yield Static(Content(legend), classes="legend")
        table = MatrixTable(cursor_type="cell", zebra_stripes=True)
        for number in self.column_numbers():
            table.add_column(f" {number} ", key=str(number), width=3)
        for row in self.question.rows:
            table.add_row(
                *self._cells(row.id), key=row.id, label=Text(printable(row.short_in(self.language)))
            )
        yield table
        yield Static("", classes="full-label", id="full-label")

    def current_value(self) -> Any:
        return dict(self.value)

    def column_numbers(self) -> list[str]:
        """What each column is called by key: its label when all labels are whole numbers, else 1, 2, ..."""
        labels = [c.short_in(self.language).strip() for c in self.question.columns]
        if all(label.isdigit() and label.isascii() for label in labels) and len(set(labels)) == len(labels):
            return labels
        return [str(n) for n in range(1, len(labels) + 1)]

    def _cells(self, row_id: str) -> list[str]:
        chosen = self.value.get(row_id)
        return [CHOSEN if c.id == chosen else NOT_CHOSEN for c in self.question.columns]

    def choose(self, row: int, column: int) -> None:
        row_option, column_option = self.question.rows[row], self.question.columns[column]
        self.value[row_option.id] = column_option.id
        table = self.query_one(MatrixTable)
        for index, cell in enumerate(self._cells(row_option.id)):
            table.update_cell_at(Coordinate(row, index), cell)
        self._describe(row, column)
        self.announce(dict(self.value))

    @on(DataTable.CellSelected)
    def choose_with_enter(self, event: DataTable.CellSelected) -> None:
        self.choose(event.coordinate.row, event.coordinate.column)

    @on(DataTable.CellHighlighted)
    def show_full_label(self, event: DataTable.CellHighlighted) -> None:
        self._describe(event.coordinate.row, event.coordinate.column)

    def _describe(self, row: int, column: int) -> None:
        row_option = self.question.rows[row]
        chosen = self.value.get(row_option.id)
        level = next((c.label_in(self.language) for c in self.question.columns if c.id == chosen), "—")
        column_label = self.question.columns[column].label_in(self.language)
        text = f"{row_option.label_in(self.language)}\n→ {level}   [{column + 1}: {column_label}]"
        self.query_one("#full-label", Static).update(Content(text))
