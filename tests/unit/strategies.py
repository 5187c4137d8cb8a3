"""Hypothesis strategies: valid answers to any questionnaire, built from its schema."""

import datetime
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from enquete.model.answers import Answer, MultiAnswer
from enquete.model.codes import st3_codes
from enquete.model.questionnaire import (
    AnyQuestion,
    ChoiceQuestion,
    MatrixQuestion,
    MultiQuestion,
    Questionnaire,
)
from enquete.qtypes import type_of

# Any text a person could type or paste: CJK, brackets, quotes, backslashes, newlines.
typed_text = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\r"),
    min_size=1,
    max_size=200,
).filter(lambda s: s.strip())


def answer_for(question: AnyQuestion) -> st.SearchStrategy[Answer]:
    """Any valid answer to `question`: a rich strategy for built-in types, else the type's examples."""
    make = RICH.get(question.type)
    if make is None:
        return st.sampled_from(type_of(question).examples(question))
    return make(question)


def _matrix_answer(question: MatrixQuestion) -> st.SearchStrategy[Answer]:
    columns = [c.id for c in question.columns]
    return st.fixed_dictionaries({r.id: st.sampled_from(columns) for r in question.rows})


def _choice_answer(question: ChoiceQuestion) -> st.SearchStrategy[Answer]:
    return st.sampled_from([o.id for o in question.options])


@st.composite
def multi_answer(draw: st.DrawFn, question: MultiQuestion) -> MultiAnswer:
    plain = [o.id for o in question.options if not o.exclusive]
    exclusive = [o.id for o in question.options if o.exclusive]
    pick_exclusive: bool = draw(st.booleans())
    if exclusive and pick_exclusive:
        selected = [draw(st.sampled_from(exclusive))]
    else:
        selected = draw(st.lists(st.sampled_from(plain), min_size=1, unique=True))
    comments: dict[str, str] = {}
    if question.option_comments:
        for option in selected:
            if draw(st.booleans()):
                comments[option] = draw(typed_text)
    comment = draw(st.none() | typed_text) if question.comment else None
    return MultiAnswer(selected=tuple(selected), comment=comment, comments=comments)


@st.composite
def valid_answers(draw: st.DrawFn, questionnaire: Questionnaire) -> dict[str, Answer]:
    """A complete, valid answer set: every required question, some optional ones."""
    answers: dict[str, Any] = {}
    for question in questionnaire.questions:
        if question.required or draw(st.booleans()):
            answers[question.id] = draw(answer_for(question))
    return answers


def _number_answer(question: Any) -> st.SearchStrategy[Answer]:
    low = int(question.min if question.min is not None else -(10**6))
    high = int(question.max if question.max is not None else 10**6)
    if question.decimals == 0:
        return st.integers(low, high)
    return st.integers(low * 10, high * 10).map(lambda tenths: tenths / 10)


def _date_answer(question: Any) -> st.SearchStrategy[Answer]:
    today = datetime.date.today()
    low = question.min if isinstance(question.min, datetime.date) else datetime.date(1900, 1, 1)
    high = today if question.max == "today" else (question.max or datetime.date(2100, 1, 1))
    return st.dates(low, high)


RICH: dict[str, Callable[[Any], st.SearchStrategy[Answer]]] = {
    "number": _number_answer,
    "date": _date_answer,
    "code": lambda _question: st.sampled_from([c.code for c in st3_codes()]),
    "choice": _choice_answer,
    "text": lambda _question: typed_text,
    "matrix": _matrix_answer,
    "multi": multi_answer,
}
"""Strategies that explore more than a type's `examples()`, by question type name."""
