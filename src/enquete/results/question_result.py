"""The tally of one question: what every question type fills in and every report reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Comment:
    """A piece of free text, verbatim, with who wrote it and for which option (None: the question)."""

    respondent: str
    option: str | None
    text: str


@dataclass
class QuestionResult:
    """The tally of one question."""

    id: str
    type: str
    answered: int = 0
    option_counts: dict[str, int] = field(default_factory=dict)
    """Choice, multi-select and code questions: respondents per option (or code)."""
    cell_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    """Matrix questions: respondents per column, in each row."""
    comments: list[Comment] = field(default_factory=list)
    values: list[Any] = field(default_factory=list)
    """Number and date questions: every answer, for mean, median, earliest, latest."""
    applicable: int | None = None
    """Respondents to whom the question applied (its `relevant` held); None: to everyone.

    A conditional question's shares and "answered by" are stated of these, not of all."""

    @property
    def counts(self) -> dict[str, int] | dict[str, dict[str, int]]:
        """What the JSON report calls `counts`: the cells when the type counts by row, else options."""
        return self.cell_counts if self.cell_counts else self.option_counts
