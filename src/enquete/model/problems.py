"""What can be wrong with an answer, said in words a person understands.

Every question type reports its findings as `Problem`s, so the CLI, the
fill screen and `enquete check` word them the same way in every language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from enquete.i18n.catalog import translate
from enquete.model.localized import localize


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an answer, said in words a person understands."""

    question: str | None
    kind: str
    """The catalog key after `problem.`: `required`, `unknown_option`, ..."""
    subject: str | None = None
    """The row or option concerned, if any."""
    params: Mapping[str, Any] = field(default_factory=dict)

    def message(self, language: str = "en", subject_label: str | None = None) -> str:
        """The problem in a person's language.

        Args:
            language: The language of the message; English when the catalog lacks it.
            subject_label: Shown instead of the row or option id (its label, for display).

        Returns:
            One sentence, without the question's id.
        """
        messages = self.params.get("messages")
        if self.kind == "constraint" and isinstance(messages, dict) and messages:
            return localize(messages, language)  # the survey author's own words, per language
        return translate(
            f"problem.{self.kind}",
            language,
            subject=subject_label or self.subject or "",
            **{"value": "", "count": 0, "limit": 0, "expected": "", "found": "", **self.params},
        )

    def where(self) -> str:
        """`question 'x'` (or `answers` for the table itself): where the problem is, for a CLI line.

        The row or option, when there is one, is named by `message()`.
        """
        if self.question is None:
            return "answers"
        return f"question '{self.question}'"

    def __str__(self) -> str:
        return f"{self.where()}: {self.message()}"


def type_name(value: Any) -> str:
    """What a person would call the type of a TOML value: `text`, `a table`, `a list`."""
    return {str: "text", dict: "a table", list: "a list", bool: "true/false"}.get(
        type(value), type(value).__name__
    )


def wrong_type(question: str, expected: str, value: Any) -> Problem:
    """The answer is not of the shape the question takes.

    Args:
        question: The question's id.
        expected: What was expected, in words (`an option id`, `a table of row = answer`).
        value: What the file held.

    Returns:
        A `wrong_type` problem naming both.
    """
    return Problem(question, "wrong_type", params={"expected": expected, "found": type_name(value)})


def text_problems(question: str, text: str, limit: int, subject: str | None = None) -> list[Problem]:
    """`too_long` when `text` has more than `limit` characters, else nothing."""
    if len(text) > limit:
        return [Problem(question, "too_long", subject, {"count": len(text), "limit": limit})]
    return []


def is_blank(value: Any) -> bool:
    """A string of spaces only: the same as no answer."""
    return isinstance(value, str) and not value.strip()
