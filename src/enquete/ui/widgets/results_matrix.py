"""A matrix question's counts, readable at 80 columns.

Rows are named by their tag ("Rec. 1") in a column that stays put while the
levels scroll sideways (Left/Right when the table has the focus); the row
under the cursor is named in full, with its figures, above the table.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Static

from enquete.model.questionnaire import MatrixQuestion
from enquete.results.aggregate import QuestionResult, Results
from enquete.results.labels import option_tag
from enquete.text import one_line
from enquete.ui.text import tr

POSITIVE_COLUMNS = 2
"""The first two levels (in the shipped survey "Implemented" and "Ongoing") are summed, as the annex does."""
MINI_BAR = 5


def mini_bar(count: int, total: int) -> str:
    """A five-cell bar, small enough to sit in a table cell."""
    filled = round(MINI_BAR * count / total) if total else 0
    return "█" * filled + "░" * (MINI_BAR - filled)


class MatrixCounts(Vertical):
    """The counts table of one matrix question, and the full title of the row under the cursor."""

    DEFAULT_CSS = """
    MatrixCounts { height: auto; }
    MatrixCounts DataTable { height: auto; max-height: 14; width: 1fr; }
    MatrixCounts .row-title { height: auto; min-height: 2; color: $text-muted; }
    """

    def __init__(self, results: Results, question: MatrixQuestion, result: QuestionResult, lang: str) -> None:
        super().__init__()
        self.results, self.question, self.result, self.lang = results, question, result, lang

    def compose(self) -> ComposeResult:
        results, question, lang = self.results, self.question, self.lang
        table: DataTable[Text] = DataTable(zebra_stripes=True, cursor_type="row", fixed_columns=1)
        table.add_column(Text(tr("results.row", lang)))
        for column in question.columns:
            table.add_column(Text(column.short_in(lang)))
        positive = self._positive_label()
        table.add_column(Text(positive))
        for row in question.rows:
            counts = self.result.cell_counts[row.id]
            cells = [Text(one_line(option_tag(row, lang), 12))]
            cells += [Text(f"{counts[c.id]} ({results.share(counts[c.id])}%)") for c in question.columns]
            total = self._positive(row.id)
            cells.append(Text(f"{mini_bar(total, results.respondents)} {total} ({results.share(total)}%)"))
            table.add_row(*cells)
        yield Static(self._row_title(0), classes="row-title")
        yield table

    def _positive_label(self) -> str:
        names = [c.short_in(self.lang) for c in self.question.columns[:POSITIVE_COLUMNS]]
        return " + ".join(names)

    def _positive(self, row_id: str) -> int:
        counts = self.result.cell_counts[row_id]
        return sum(counts[c.id] for c in self.question.columns[:POSITIVE_COLUMNS])

    def _row_title(self, index: int) -> Content:
        if not self.question.rows:
            return Content("")
        row = self.question.rows[max(0, min(index, len(self.question.rows) - 1))]
        counts = self.result.cell_counts[row.id]
        figures = " · ".join(f"{c.short_in(self.lang)} {counts[c.id]}" for c in self.question.columns)
        return Content.assemble((one_line(row.label_in(self.lang)), "bold"), "\n", one_line(figures))

    def on_descendant_focus(self) -> None:
        self.scroll_visible(top=True, animate=False)

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.query_one(".row-title", Static).update(self._row_title(event.cursor_row))
