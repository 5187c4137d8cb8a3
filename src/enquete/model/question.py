"""What every question has in common, and the options that lists are made of.

Each question type adds its own fields in its own module under
`enquete.qtypes`; this module knows none of them.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

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


class QuestionBase(Strict):
    """The fields of every question; each type's schema class extends it with `type: Literal[...]`."""

    id: Id
    type: str
    """The registered name of the question type (`code`, `choice`, `text`, `matrix`, `multi`, ...)."""
    text: LocalizedText
    short: LocalizedText | None = None
    """A title of a few words for lists (review, Ctrl+G, results menu); `text` when absent."""
    help: LocalizedText | None = None
    required: bool = False

    def text_in(self, language: str) -> str:
        """The question's text in `language`."""
        return localize(self.text, language)

    def short_in(self, language: str) -> str:
        """The question's short title in `language` (its text when it has none)."""
        return localize(self.short or self.text, language)

    def help_in(self, language: str) -> str:
        """The question's help in `language` ("" when there is none)."""
        return localize(self.help, language)
