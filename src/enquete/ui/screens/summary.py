"""One line that says what an answer is, in the person's language, for the review screen."""

from __future__ import annotations

from enquete.model.answers import Answer
from enquete.model.questionnaire import AnyQuestion
from enquete.qtypes import type_of
from enquete.ui.content import tr


def summarize(question: AnyQuestion, answer: Answer | None, language: str, width: int = 60) -> str:
    """The answer in one line of plain text, as its question type words it.

    Args:
        question: The question answered.
        answer: Its answer; None says "not answered".
        language: The person's language.
        width: The most terminal cells the line may take.

    Returns:
        Plain text (never markup), at most `width` cells.
    """
    if answer is None:
        return tr("review.unanswered", language)
    return type_of(question).summary(question, answer, language, width)
