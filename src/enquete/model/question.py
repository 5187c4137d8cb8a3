"""What every question has in common, and the options that lists are made of.

Each question type adds its own fields in its own module under
`enquete.qtypes`; this module knows none of them.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from enquete.model.localized import LocalizedText, localize

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"
"""Ids are lowercase so they are safe as TOML bare keys, file names and CSV headers."""

Id = Annotated[str, Field(pattern=ID_PATTERN)]


class Strict(BaseModel):
    """Unknown keys are mistakes (a typo in `requried` must not pass silently)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(Strict):
    """One choice: a matrix row or column, or an option of a choice or multi-select."""

    id: Id
    label: LocalizedText
    short: LocalizedText | None = None
    """A label short enough for a table row at 80 columns; `label` when absent."""
    exclusive: bool = False
    """Like "Not applicable": selecting it clears the others, and it cannot be combined."""
    other: bool = False
    """"Other": choosing it asks "please specify" (a required follow-up, `<question>_<option>`)."""

    def label_in(self, language: str) -> str:
        """The full label in `language` (English when it lacks one)."""
        return localize(self.label, language)

    def short_in(self, language: str) -> str:
        """The short label in `language`, or the full one when there is no short one."""
        return localize(self.short or self.label, language)


def unique_ids(options: list[Option], what: str) -> list[Option]:
    """Check a list of options for a pydantic validator: not empty, no id twice.

    Args:
        options: The options, rows or columns of one question.
        what: `option`, `row` or `column`, for the message.

    Returns:
        `options`, unchanged.

    Raises:
        ValueError: The list is empty or an id appears twice.
    """
    seen: set[str] = set()
    for option in options:
        if option.id in seen:
            raise ValueError(f"{what} id '{option.id}' appears twice")
        seen.add(option.id)
    if not options:
        raise ValueError(f"at least one {what} is needed")
    return options


def readable_expression(source: str | None, *, current: bool = True) -> str | None:
    """The expression if our language reads it, for a pydantic validator.

    Args:
        source: The expression as written, or None.
        current: Whether `.` (the question's own answer) may be used: not in a `relevant`.

    Returns:
        `source`, unchanged.

    Raises:
        ValueError: The expression cannot be read; the message starts with its column.
    """
    if source is None:
        return None
    from enquete.model.expressions import ExpressionError, parse

    try:
        expression = parse(source)
    except ExpressionError as error:
        raise ValueError(str(error)) from None
    if not current and expression.reads_current:
        column = source.index(".") + 1
        raise ValueError(f"column {column}: '.' (this question's answer) cannot decide whether it is asked")
    return source


class QuestionBase(Strict):
    """The fields of every question; each type's schema class extends it with `type: Literal[...]`."""

    id: Id
    type: str
    """The registered name of the question type (`code`, `choice`, `text`, `matrix`, `multi`, ...)."""
    text: LocalizedText
    short: LocalizedText | None = None
    """A title of a few words for lists (review, Ctrl+G, results menu); `text` when absent."""
    help: LocalizedText | None = None
    required: bool | str = False
    """True, or an expression (XLSForm syntax): required only while it holds."""
    relevant: str | None = None
    """An expression: the question is asked only while it holds (skip logic)."""
    constraint: str | None = None
    """An expression on `.`, the answer: a non-empty answer must make it true."""
    constraint_message: LocalizedText | None = None
    """What to tell the person when the constraint fails, per language."""
    group: Id | None = None
    """The `[groups.NAME]` this question belongs to: the group's `relevant` applies too."""

    @field_validator("relevant")
    @classmethod
    def _relevant_reads(cls, source: str | None) -> str | None:
        return readable_expression(source, current=False)

    @field_validator("constraint")
    @classmethod
    def _constraint_reads(cls, source: str | None) -> str | None:
        return readable_expression(source)

    @field_validator("required")
    @classmethod
    def _required_reads(cls, required: bool | str) -> bool | str:
        if isinstance(required, str):
            readable_expression(required, current=False)
        return required

    def text_in(self, language: str) -> str:
        """The question's text in `language`."""
        return localize(self.text, language)

    def short_in(self, language: str) -> str:
        """The question's short title in `language` (its text when it has none)."""
        return localize(self.short or self.text, language)

    def help_in(self, language: str) -> str:
        """The question's help in `language` ("" when there is none)."""
        return localize(self.help, language)
