"""A grid of counts (a matrix question's report), readable at 80 columns.

Rows are named by their tag ("Rec. 1") in a column that stays put while the
levels scroll sideways (Left/Right when the table has the focus, and a
line says so when the table is wider than the pane); the row
under the cursor is named in full, with its figures, above the table. A
total column (e.g. "implemented or ongoing") carries a small text bar.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Static

from enquete.results.aggregate import Results
from enquete.results.labels import TAG_SEPARATOR
from enquete.results.pieces import CountTable
from enquete.text import one_line
from enquete.ui.content import tr

MINI_BAR = 5


def mini_bar(count: int, total: int) -> str:
    """A five-cell bar, small enough to sit in a table cell."""
    filled = round(MINI_BAR * count / total) if total else 0
    return "█" * filled + "░" * (MINI_BAR - filled)


def tag(short: str) -> str:
    """ "Rec. 1" from "Rec. 1 · Business models": the shortest name of a row."""
    return short.split(TAG_SEPARATOR, 1)[0]


class MatrixCounts(Vertical):
    """The counts table of one grid, and the full title of the row under the cursor."""

    DEFAULT_CSS = """
    MatrixCounts { height: auto; }
    MatrixCounts DataTable { height: auto; max-height: 14; width: 1fr; }
    MatrixCounts .row-title { height: auto; min-height: 2; color: $text-muted; }
    MatrixCounts .more-columns { height: 1; color: $text-muted; display: none; }
    """

    def __init__(self, results: Results, table: CountTable, lang: str, of: int | None = None) -> None:
        super().__init__()
        self.results, self.table, self.lang = results, table, lang
        self.of = of
        """Respondents a conditional matrix applied to: its shares' denominator (None: all)."""

    def compose(self) -> ComposeResult:
        results, lang, of = self.results, self.lang, self.of
        grid: DataTable[Text] = DataTable(zebra_stripes=True, cursor_type="row", fixed_columns=1)
        grid.add_column(Text(tr("results.row", lang)))
        for column in self.table.columns:
            grid.add_column(Text(column.label.short))  # a total column is named by its column group
        for row in self.table.rows:
            cells = [Text(one_line(tag(row.label.short), 12))]
            for column, count in zip(self.table.columns, row.counts, strict=False):
                bar = f"{mini_bar(count, results.respondents if of is None else of)} " if column.total else ""
                cells.append(Text(f"{bar}{count} ({results.share(count, of)}%)"))
            grid.add_row(*cells)
        yield Static(self._row_title(0), classes="row-title")
        yield Static(tr("results.more_columns", lang), classes="more-columns", markup=False)
        yield grid

    def on_mount(self) -> None:
        self.call_after_refresh(self._show_hint)

    def on_resize(self) -> None:
        self.call_after_refresh(self._show_hint)

    def _show_hint(self) -> None:
        """Say there are more columns when the table is wider than the pane (80x24: "Consid.  No")."""
        grids, hints = self.query(DataTable), self.query(".more-columns").results(Static)
        for grid in grids:  # none once the section is replaced (F2 recomposes the screen)
            for hint in hints:
                hint.display = grid.virtual_size.width > grid.size.width

    def _row_title(self, index: int) -> Content:
        if not self.table.rows:
            return Content("")
        row = self.table.rows[max(0, min(index, len(self.table.rows) - 1))]
        figures = " · ".join(
            f"{column.label.short} {count}"
            for column, count in zip(self.table.columns, row.counts, strict=False)
            if not column.total
        )
        return Content.assemble((one_line(row.label.full), "bold"), "\n", one_line(figures))

    def on_descendant_focus(self) -> None:
        self.scroll_visible(top=True, animate=False)

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.query_one(".row-title", Static).update(self._row_title(event.cursor_row))
