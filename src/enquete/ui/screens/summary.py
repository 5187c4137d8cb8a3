"""One line that says what an answer is, in the person's language, for the review screen."""

from __future__ import annotations

from enquete.model.answers import Answer, MultiAnswer
from enquete.model.codes import st3_name
from enquete.model.questionnaire import (
    AnyQuestion,
    ChoiceQuestion,
    CodeQuestion,
    MatrixQuestion,
    MultiQuestion,
)
from enquete.text import one_line
from enquete.ui.content import tr


def summarize(question: AnyQuestion, answer: Answer | None, language: str, width: int = 60) -> str:
    if answer is None:
        return tr("review.unanswered", language)
    if isinstance(question, CodeQuestion) and isinstance(answer, str):
        return one_line(f"{answer}  {st3_name(answer, language)}", width)
    if isinstance(question, ChoiceQuestion) and isinstance(answer, str):
        label = next((o.label_in(language) for o in question.options if o.id == answer), answer)
        return one_line(label, width)
    if isinstance(question, MatrixQuestion) and isinstance(answer, dict):
        return tr("review.rows", language, count=len(answer), total=len(question.rows))
    if isinstance(question, MultiQuestion) and isinstance(answer, MultiAnswer):
        labels = [
            o.short_in(language).split("·")[0].strip() for o in question.options if o.id in answer.selected
        ]
        text = ", ".join(labels) or tr("review.nothing_selected", language)
        comments = len(answer.comments) + (1 if answer.comment else 0)
        if comments:
            text += " · " + tr("review.comments", language, count=comments)
        return one_line(text, width)
    return one_line(str(answer), width)
