"""A problem with an answer, in words that name the row or option concerned, not its id.

"Comment on Rec. 1 · Business models is 4,100 characters long; the limit is
4,000 (100 too many)" rather than "is 4100 characters long" (trial #15), and
"Rec. 5 · Open IP data: no level chosen" rather than "row 'rec5'" (#16).
"""

from __future__ import annotations

from enquete.model.answers import Problem
from enquete.model.questionnaire import AnyQuestion
from enquete.qtypes import type_of
from enquete.ui.content import tr


def subject_label(question: AnyQuestion, subject: str | None, language: str) -> str | None:
    """The short label of the row or option a problem names (the question type knows its lists)."""
    return type_of(question).subject_label(question, subject, language)


def problem_text(problem: Problem, question: AnyQuestion, language: str) -> str:
    label = subject_label(question, problem.subject, language)
    if problem.kind == "too_long":
        count, limit = int(problem.params.get("count", 0)), int(problem.params.get("limit", 0))
        key = "fill.comment_too_long" if label else "fill.text_too_long"
        return tr(key, language, option=label or "", count=count, limit=limit, over=count - limit)
    if problem.kind == "missing_row" and label:
        return tr("fill.missing_row", language, row=label)
    return problem.message(language, label)
