"""`text`: free text, limited in length; every answer is a comment in the reports."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, field_validator

from enquete.i18n.catalog import translate
from enquete.model.problems import Problem, is_blank, text_problems, wrong_type
from enquete.model.question import QuestionBase
from enquete.qtypes.base import Answer, Certainty, QuestionType
from enquete.results.pieces import CommentGroup, CommentSection, Piece
from enquete.results.question_result import Comment, QuestionResult
from enquete.text import one_line


class TextQuestion(QuestionBase):
    """Free text, limited in length."""

    type: Literal["text"]
    max_length: int = Field(default=4000, ge=1, le=100_000)
    multiline: bool = True
    """False for one line (a name, a code): edited in a single-line box."""
    pattern: str | None = None
    """A regular expression the whole answer must match (`[A-Z]{2}-[0-9]{4}`); checked with a time limit."""

    @field_validator("pattern")
    @classmethod
    def _pattern_compiles(cls, pattern: str | None) -> str | None:
        if pattern is not None:
            from enquete.model.expressions.functions import compile_pattern

            compile_pattern(pattern)  # ValueError says what is wrong
        return pattern


def _matches(pattern: str, text: str) -> bool:
    """Whether the whole of `text` matches; a pattern too slow to check does not match."""
    from enquete.model.expressions.functions import REGEX_TIMEOUT_SECONDS, compile_pattern

    try:
        return compile_pattern(pattern).fullmatch(text, timeout=REGEX_TIMEOUT_SECONDS) is not None
    except TimeoutError:
        return False


class TextType(QuestionType[TextQuestion]):
    """The answer is the text as typed, kept verbatim."""

    name = "text"
    schema = TextQuestion

    def read(self, question: TextQuestion, raw: Any) -> tuple[Answer | None, list[Problem]]:
        if not isinstance(raw, str):
            return None, [wrong_type(question.id, "text", raw)]
        if is_blank(raw):
            return None, []
        problems = text_problems(question.id, raw, question.max_length)
        if not problems and question.pattern is not None and not _matches(question.pattern, raw):
            problems = [Problem(question.id, "pattern", params={"expected": question.pattern})]
        return raw, problems

    def certainty(self, question: TextQuestion) -> Certainty:
        """Any text within the limit; with a `pattern`, only a blank answer (the pattern is not run here)."""
        limit = 0 if question.pattern is not None else question.max_length
        optional = not question.required
        return lambda raw: type(raw) is str and (len(raw) <= limit if raw.strip() else optional)

    def examples(self, question: TextQuestion) -> list[Answer]:
        return ["Yes.", "• one\n• two [b]not bold[/b] “quoted” 中文"[: question.max_length]]

    def count(self, question: TextQuestion, result: QuestionResult, respondent: str, answer: Answer) -> None:
        result.comments.append(Comment(respondent, None, str(answer)))

    def summary(self, question: TextQuestion, answer: Answer, language: str, width: int) -> str:
        return one_line(str(answer), width)

    def report(self, question: TextQuestion, result: QuestionResult, language: str) -> list[Piece]:
        group = CommentGroup(None, None, tuple(result.comments))
        return [CommentSection(None, (group,), empty=translate("report.no_comments", language))]


TYPE = TextType()
