"""A question's report in pieces that every format draws without knowing the question type.

A question type says *what* its report holds (a count table, figures,
groups of comments, a note); the Markdown report, the Word annex
(`annex.py`), the workbook, the summary and the results screen say *how* it
looks. Counts stay integers here: each renderer shows them with their share
of all respondents, or of those a conditional question applied to
(`Results.share(count, of)`), and states that denominator with the one
sentence of `denominators.py`, so every format says the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from enquete.results.question_result import Comment


@dataclass(frozen=True)
class Label:
    """A label in full (reports) and short (narrow tables on screen)."""

    full: str
    short: str


@dataclass(frozen=True)
class CountColumn:
    """One column of counts; `total` marks a column that sums others (e.g. "implemented or ongoing")."""

    label: Label
    total: bool = False


@dataclass(frozen=True)
class CountRow:
    """One row: its label and one count per column, in column order."""

    label: Label
    counts: tuple[int, ...]


@dataclass(frozen=True)
class CountTable:
    """Respondents per option (one column: drawn as bars on screen) or per row and column (a grid)."""

    row_heading: str
    """The heading of the label column in the report's language ("Option", "Row", "Code")."""
    columns: tuple[CountColumn, ...]
    rows: tuple[CountRow, ...]
    grid: bool = False
    """True when rows are answered separately (a matrix): drawn as a table, not as bars."""


@dataclass(frozen=True)
class CommentGroup:
    """The comments on one option (`option` None: on the question as a whole)."""

    option: str | None
    label: Label | None
    comments: tuple[Comment, ...]


@dataclass(frozen=True)
class CommentSection:
    """Comments in groups, under a heading; `empty` is said when there is none (None: say nothing)."""

    heading: str | None
    groups: tuple[CommentGroup, ...]
    empty: str | None = None
    by_option: bool = False
    """Each group is an option's, titled with its label (otherwise the groups are one plain list)."""


@dataclass(frozen=True)
class Note:
    """A sentence in place of figures (a code-list question lists the respondents at the top)."""

    text: str


@dataclass(frozen=True)
class Figures:
    """Named figures (a number question's mean, median, ...; a date question's earliest, latest)."""

    rows: tuple[tuple[str, str], ...]
    """(what, value) pairs, values already written with their unit."""


Piece: TypeAlias = CountTable | CommentSection | Note | Figures
"""Everything a question type can put in a report."""
