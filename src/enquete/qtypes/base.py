"""What a question type is: one object that knows everything about its questions.

A type knows its schema (the pydantic class of its questions in the
questionnaire), how to read and check a raw answer, when a question is still
missing an answer, how to count answers into a `QuestionResult`, the one-line
summary shown on review, its report as format-neutral pieces, and its CSV
columns. Everything else in enquete asks the type instead of testing which
class a question is, so adding a type is adding one module (plus its widget).
"""

from __future__ import annotations

import datetime
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, Literal, TypeAlias, TypeVar

from pydantic import BaseModel, ConfigDict

from enquete.model.answer_domain import AnswerDomain
from enquete.model.problems import Problem
from enquete.model.question import Option, QuestionBase
from enquete.results.pieces import Piece
from enquete.results.question_result import Comment, QuestionResult


class AnswerModel(BaseModel):
    """An answer that is more than a plain value (a multi-select's selections and comments).

    Subclasses say how they are written in a response file and when they hold nothing.
    """

    model_config = ConfigDict(frozen=True)

    @property
    def is_empty(self) -> bool:
        """True when the respondent gave nothing (the file then leaves the question out)."""
        raise NotImplementedError

    def to_file(self) -> dict[str, Any]:
        """The TOML table of the answer, as docs/response-format.md describes it."""
        raise NotImplementedError


Answer: TypeAlias = str | int | float | datetime.date | list[str] | dict[str, str] | AnswerModel
"""A read, valid answer: a plain TOML value, or an `AnswerModel` for structured answers."""

Q = TypeVar("Q", bound=QuestionBase)

Certainty: TypeAlias = Callable[[Any], bool]
"""A cheap test of a raw answer: True only when the type would find nothing wrong with it."""


@dataclass(frozen=True)
class Column:
    """One column of the CSV (and spreadsheet) export, one row per respondent.

    `kind` tells a spreadsheet writer how to show the cell: `value` (the answer
    as written), `flag` ("1" when the option is selected), `comment` (free text).
    """

    name: str
    question: str
    option: str | None = None
    kind: Literal["value", "flag", "comment"] = "value"


def answer_given(answer: Any) -> bool:
    """Whether an answer read from a file holds anything: 0 is an answer, "" and {} are not."""
    if answer is None:
        return False
    if isinstance(answer, AnswerModel):
        return not answer.is_empty
    if isinstance(answer, str | dict | list | tuple):
        return bool(answer)
    return True


class QuestionType(ABC, Generic[Q]):
    """The behaviour of one kind of question; one instance per type, registered by `name`."""

    name: ClassVar[str]
    """The value of `type` in the questionnaire (`multi`)."""
    schema: ClassVar[type[QuestionBase]]
    """The pydantic class of its questions; its `type` field is `Literal[name]`."""
    takes_answer: ClassVar[bool] = True
    """False for a type that only shows text (a note): nothing to answer, count or report."""
    identifies_respondent: ClassVar[bool] = False
    """Whether a required question of this type can be the questionnaire's `respondent_key`."""

    # --- the questionnaire ------------------------------------------------------

    def option_lists(self, question: Q) -> dict[str, list[Option]]:
        """The question's lists of options by field name (`options`, `rows`, `columns`).

        They are what translation checks walk and what problem subjects are labelled from.
        """
        return {}

    def options(self, question: Q) -> list[Option]:
        """The options a respondent picks from (empty for a type without any)."""
        return self.option_lists(question).get("options", [])

    def subject_label(self, question: Q, subject: str | None, language: str) -> str | None:
        """The short label of the row or option a problem is about, for display.

        Args:
            question: The question the problem is about.
            subject: The row or option id the problem names, if any.
            language: The language of the label.

        Returns:
            The label, or None when `subject` names nothing in the question.
        """
        lists = self.option_lists(question)
        for field in ("rows", "options", *lists):
            for option in lists.get(field, []):
                if option.id == subject:
                    return option.short_in(language)
        return None

    def answer_domain(self, question: Q) -> AnswerDomain:
        """What an expression reads from an answer (`check` refuses comparisons it can never meet).

        Text by default; a type with options, numbers, dates or no answer says so.
        """
        return AnswerDomain("text")

    def value_label(self, question: Q, value: str, language: str) -> str:
        """What an answer value is called (an office's name, an option's label); "" when nothing."""
        return ""

    # --- answers ------------------------------------------------------------------

    @abstractmethod
    def read(self, question: Q, raw: Any) -> tuple[Answer | None, list[Problem]]:
        """Check one raw answer (as read from TOML or typed) and return it normalised.

        Args:
            question: The question answered.
            raw: The value from the file or the widget; anything at all.

        Returns:
            The answer (None: not answered) and its problems; never raises.
            Required-ness is not checked here (a draft may be incomplete): see `missing`.
        """

    def field_text(self, question: Q, answer: Answer) -> str:
        """A stored answer as a one-line field shows it, to be typed over.

        `read` must give back the same answer from this text: a resumed answer
        left as it was must not turn into a problem when the field is read.
        """
        if isinstance(answer, datetime.date):
            return answer.isoformat()
        return str(answer)

    def missing(self, question: Q, answer: Answer | None) -> list[Problem]:
        """What a submitted response still lacks for this question (required, rows, too few)."""
        if question.required and not self.is_answered(question, answer):
            return [Problem(question.id, "required")]
        return []

    def is_answered(self, question: Q, answer: Answer | None) -> bool:
        """Whether the respondent gave anything for the question."""
        return answer_given(answer)

    def certainty(self, question: Q) -> Certainty | None:
        """A test that vouches, in a few microseconds, for a raw answer `read` and `missing` accept.

        A report must check every file but words the problems of only the few
        that have any; results/certify.py asks this test first and sends a
        file to `read` only when it is not sure. So the test must never say
        True where `read`, or `missing` with `question.required` taken as
        plain truth (an expression counts as required), finds a problem;
        False ("not sure") is always safe. The property tests in
        tests/unit/test_fast_loading.py hold the two together.

        Returns:
            The test, or None when the type has none: then the certifier vouches for no file.
        """
        return None

    @abstractmethod
    def examples(self, question: Q) -> list[Answer]:
        """A few valid answers, for tests that round-trip every registered type."""

    # --- aggregation ----------------------------------------------------------------

    def new_result(self, question: Q) -> QuestionResult:
        """An empty tally, with a zero for everything that can be counted."""
        return QuestionResult(question.id, question.type)

    @abstractmethod
    def count(self, question: Q, result: QuestionResult, respondent: str, answer: Answer) -> None:
        """Add one respondent's answer to `result` (the caller counts it as answered)."""

    def comment_order(self, question: Q, comment: Comment) -> int:
        """Where a comment goes: options in questionnaire order, the question's own comments last."""
        ids = [o.id for o in self.options(question)]
        return ids.index(comment.option) if comment.option in ids else len(ids)

    # --- showing and reporting ---------------------------------------------------------

    @abstractmethod
    def summary(self, question: Q, answer: Answer, language: str, width: int) -> str:
        """One line that says what the answer is, for the review screen (plain text, no markup).

        Args:
            question: The question answered.
            answer: The answer, not None.
            language: The person's language.
            width: The most terminal cells the line may take.
        """

    @abstractmethod
    def report(self, question: Q, result: QuestionResult, language: str) -> list[Piece]:
        """The question's figures and comments as format-neutral pieces, in report order."""

    def columns(self, question: Q) -> list[Column]:
        """The CSV/spreadsheet columns of the question, in order: one `value` column by default."""
        return [Column(question.id, question.id)]

    def cells(self, question: Q, answer: Answer) -> dict[str, str]:
        """The cells of one respondent's answer, by column name (absent: empty)."""
        return {question.id: str(answer)}


_REGISTRY: dict[str, QuestionType[Any]] = {}


def register(qtype: QuestionType[Any]) -> QuestionType[Any]:
    """Make a question type known by its name; questionnaires may use it from then on.

    Args:
        qtype: The type's single instance.

    Returns:
        `qtype`, so a module can write `TYPE = register(MyType())`.

    Raises:
        ValueError: Another type is registered under that name.
    """
    current = _REGISTRY.get(qtype.name)
    if current is not None and type(current) is not type(qtype):
        raise ValueError(f"question type '{qtype.name}' is already registered")
    _REGISTRY[qtype.name] = qtype
    return qtype


def unregister(name: str) -> None:
    """Forget a type (tests that register a toy type clean up with this)."""
    _REGISTRY.pop(name, None)


def registered() -> list[QuestionType[Any]]:
    """Every known type, in the order they were registered."""
    return list(_REGISTRY.values())


def type_named(name: str) -> QuestionType[Any]:
    """The type registered as `name`; KeyError when there is none."""
    return _REGISTRY[name]


def type_of(question: QuestionBase) -> QuestionType[Any]:
    """The type of a (validated) question."""
    return _REGISTRY[question.type]


def validate_question(value: Any, handler: Callable[[Any], Any]) -> QuestionBase:
    """Pydantic wrap-validator: validate a question table with its registered type's schema.

    Args:
        value: The question's table from the questionnaire (or an already built question).
        handler: Pydantic's default validation, for values that are not tables.

    Returns:
        An instance of the schema class of the type that `value["type"]` names.

    Raises:
        ValueError: `type` is missing or names no registered type.
    """
    if not isinstance(value, dict):
        result: QuestionBase = handler(value)
        return result
    known = ", ".join(_REGISTRY)
    name = value.get("type")
    if name is None:
        raise ValueError(f"a question needs a type: one of {known}")
    if not isinstance(name, str) or name not in _REGISTRY:
        raise ValueError(f"unknown question type {name!r}; the types are {known}")
    return _REGISTRY[name].schema.model_validate(value)


def identifying_type_names() -> Sequence[str]:
    """The names of the types that can identify a respondent, for the schema's message."""
    return [t.name for t in _REGISTRY.values() if t.identifies_respondent]
