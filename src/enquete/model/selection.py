"""The rules of a multi-select, as pure functions: ticking, unticking, and option comments.

The exclusive rule ("Not Applicable" stands alone) is the question type's
(`enquete.qtypes.multi.toggle`); here is what becomes of the comments. Nothing
typed is thrown away: a comment whose option stops being
selected is *set aside* (returned beside the answer), and comes back when the
option is ticked again. Only the selected options' comments are in the
answer, so only they are submitted; the set-aside ones live in the draft.
"""

from __future__ import annotations

from collections.abc import Mapping

from enquete.model.answers import MultiAnswer
from enquete.model.questionnaire import MultiQuestion
from enquete.qtypes.multi import toggle

SetAside = dict[str, str]
"""Comments of options that are not selected now, by option id: kept, not submitted."""


def toggle_option(
    question: MultiQuestion,
    answer: MultiAnswer | None,
    set_aside: Mapping[str, str],
    option_id: str,
    on: bool,
) -> tuple[MultiAnswer | None, SetAside]:
    """Tick or untick `option_id`; returns the new answer and the comments set aside.

    Ticking an exclusive option unticks every other; ticking any other option
    unticks the exclusive ones. The comments of unticked options move aside;
    the ticked option's set-aside comment comes back.
    """
    if option_id not in {o.id for o in question.options}:
        raise KeyError(option_id)
    current = answer or MultiAnswer()
    before = list(current.selected)
    selected = toggle(question, before, option_id, on)  # the exclusive rule, in one place
    comments = dict(current.comments)
    aside = dict(set_aside)
    dropped = [s for s in before if s not in selected]
    if on and option_id in aside and not comments.get(option_id):
        comments[option_id] = aside.pop(option_id)
    for gone in dropped:
        text = comments.pop(gone, "")
        if text.strip():
            aside[gone] = text
    return _answer(question, selected, current.comment, comments), aside


def set_option_comment(
    question: MultiQuestion, answer: MultiAnswer | None, option_id: str, text: str
) -> MultiAnswer | None:
    """The answer with the comment of a selected option replaced (blank removes it)."""
    current = answer or MultiAnswer()
    comments = dict(current.comments)
    if text.strip():
        comments[option_id] = text
    else:
        comments.pop(option_id, None)
    return _answer(question, list(current.selected), current.comment, comments)


def set_question_comment(
    question: MultiQuestion, answer: MultiAnswer | None, text: str
) -> MultiAnswer | None:
    """The answer with the question's single comment replaced (blank removes it)."""
    current = answer or MultiAnswer()
    return _answer(question, list(current.selected), text if text.strip() else None, dict(current.comments))


def _answer(
    question: MultiQuestion, selected: list[str], comment: str | None, comments: dict[str, str]
) -> MultiAnswer | None:
    ordered = tuple(o.id for o in question.options if o.id in selected)
    kept = {o.id: comments[o.id] for o in question.options if o.id in comments and o.id in ordered}
    result = MultiAnswer(selected=ordered, comment=comment, comments=kept)
    return None if result.is_empty else result


def as_raw(answer: MultiAnswer | None) -> dict[str, object] | None:
    """The answer as a response file's table holds it (what `read_answer` checks)."""
    return None if answer is None else answer.to_file()
