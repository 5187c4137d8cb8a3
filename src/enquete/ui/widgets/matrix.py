"""A matrix question: one column per row, chosen with arrows and Space, or a column's number on a row."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable, Static

from enquete.model.questionnaire import MatrixQuestion
from enquete.qtypes.matrix import column_keys, column_names
from enquete.text import printable, text_width
from enquete.ui.widgets.answer_field import AnswerField

CHOSEN, NOT_CHOSEN = "(●)", "( )"


class MatrixTable(DataTable[str]):
    """The grid itself: a cell cursor, Space or Enter to choose, digits to choose on the row."""

    BINDINGS = [
        Binding("space", "choose_cell", "key.choose", id="choose", show=False),
    ]
    """Space is listed by F1, not in the key bar: French and Spanish lost Quit at 80 columns."""

    typed = ""
    """Digits typed on this row so far: `1` then `0` chooses column 10 of an 11-point scale."""

    def column_numbers(self) -> list[str]:
        """What each column is called by key (`column_keys`): the legend shows the same numbers."""
        matrix = self.parent
        if not isinstance(matrix, MatrixField):
            return [str(n) for n in range(1, len(self.columns) + 1)]
        return column_keys(matrix.question, matrix.language)

    def on_key(self, event: events.Key) -> None:
        """Digits choose a column by its number; with ten or more, a second digit can follow.

        Bug: only 1-9 were bound, so an 11-point scale (0-10) could not be answered by
        key, and 5 chose the column headed 4. Columns are numbered by their labels when
        every label is a whole number (0-10), else 1, 2, ...
        """
        if event.character is None or not event.character.isdigit() or not event.character.isascii():
            self.typed = ""
            return
        event.stop()
        event.prevent_default()
        numbers = self.column_numbers()
        typed = self.typed + event.character
        if not any(n.startswith(typed) for n in numbers):
            typed = event.character  # a fresh number
        longer = [n for n in numbers if n.startswith(typed) and n != typed]
        if typed in numbers:
            self.post_message(self.CellChosen(self.cursor_row, numbers.index(typed)))
        if typed in numbers and not longer:
            self.typed = ""
            column = numbers.index(typed)
            self.move_cursor(row=min(self.cursor_row + 1, self.row_count - 1), column=column)
        else:
            self.typed = typed if longer else ""

    class CellChosen(Message):
        """The person chose the level in `column` for `row` (attributes down, messages up)."""

        def __init__(self, row: int, column: int) -> None:
            super().__init__()
            self.row, self.column = row, column

    def action_choose_cell(self) -> None:
        self.post_message(self.CellChosen(self.cursor_row, self.cursor_column))

    def action_choose_column(self, column: int) -> None:
        if column < len(self.columns):
            self.post_message(self.CellChosen(self.cursor_row, column))
            self.move_cursor(row=min(self.cursor_row + 1, self.row_count - 1), column=column)


class MatrixField(AnswerField):
    """Rows with short labels (full text below, for the row under the cursor), one column per level.

    Column headers are the levels' short names when the terminal is wide
    enough for them, numbers otherwise (the legend then names the numbers);
    row labels are cut to their first part when even the numbers would not fit.
    """

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
        """What the grid shows; the session holds the answer, this mirrors it for drawing."""
        self._entering_row: int | None = None
        """The row focus_first put the cursor on: highlighting it does not scroll the question away."""

    def compose(self) -> ComposeResult:
        # The legend names each column by the number its key takes (bug: position, then label).
        legend = " · ".join(column_names(self.question, self.language))
        yield Static(Content(printable(legend)), classes="legend")
        table = MatrixTable(cursor_type="cell", zebra_stripes=True)
        names = [printable(c.short_in(self.language)) for c in self.question.columns]
        rows = [printable(r.short_in(self.language)) for r in self.question.rows]
        label_width = max(text_width(r) for r in rows)
        named_width = sum(max(text_width(n), 3) + 2 for n in names)
        width = self.app.size.width
        wide = label_width + named_width + 8 <= width
        if label_width + 5 * len(names) + 8 > width:
            # Narrow terminal: "Rec. 1" rather than hide the last columns (trial #26); the full
            # label of the row under the cursor is shown below the grid.
            rows = [r.split(" · ")[0] for r in rows]
        keys = column_keys(self.question, self.language)
        for number, (name, key) in enumerate(zip(names, keys, strict=True), 1):
            header = name if wide else f"{key:^3}"
            table.add_column(header, key=str(number), width=max(text_width(name), 3) if wide else 3)
        for row, label in zip(self.question.rows, rows, strict=True):
            table.add_row(*self._cells(row.id), key=row.id, label=Text(label))
        yield table
        yield Static("", classes="full-label", id="full-label")

    def _cells(self, row_id: str) -> list[str]:
        chosen = self.value.get(row_id)
        return [CHOSEN if c.id == chosen else NOT_CHOSEN for c in self.question.columns]

    @on(MatrixTable.CellChosen)
    def cell_chosen(self, event: MatrixTable.CellChosen) -> None:
        event.stop()
        self.choose(event.row, event.column)

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
        entering, self._entering_row = self._entering_row, None
        if entering == event.coordinate.row:
            return  # placed there on entering: the question stays shown from its first line (trial #14)
        if self.query_one(MatrixTable).has_focus:
            # Moving down the grid brings its lower rows (and the label) into view at 80x24.
            self.call_after_refresh(self._keep_cursor_in_view)

    def _keep_cursor_in_view(self) -> None:
        self.query_one("#full-label", Static).scroll_visible(animate=False)

    def focus_first(self) -> None:
        """The cursor on the first row without an answer, so a resumed draft carries on where it stopped.

        Row 1 when every row or none is answered. Focused at once, like every field:
        keys typed as the question appears land in the grid.
        """
        table = self.query_one(MatrixTable)
        unanswered = [i for i, row in enumerate(self.question.rows) if row.id not in self.value]
        row = unanswered[0] if unanswered else 0
        self.screen.set_focus(table, scroll_visible=False)
        if row != table.cursor_row:
            self._entering_row = row
        table.move_cursor(row=row, column=0, scroll=False)

    def focus_subject(self, subject: str | None) -> None:
        """Review named a row without an answer: the cursor goes to it (trial #16)."""
        ids = [r.id for r in self.question.rows]
        if subject not in ids:
            self.focus_first()
            return
        table = self.query_one(MatrixTable)
        table.focus(scroll_visible=False)
        table.move_cursor(row=ids.index(subject), column=0)

    def _describe(self, row: int, column: int) -> None:
        row_option = self.question.rows[row]
        chosen = self.value.get(row_option.id)
        level = next((c.label_in(self.language) for c in self.question.columns if c.id == chosen), "—")
        column_name = column_names(self.question, self.language)[column]
        text = f"{row_option.label_in(self.language)}\n→ {level}   [{column_name}]"
        self.query_one("#full-label", Static).update(Content(printable(text)))
