"""A refused number is told an example the question itself accepts (trial 3: "such as 120 or 37.5"
was said to a whole-number question, where 37.5 is refused)."""

from __future__ import annotations

from typing import Any

from hypothesis import assume, given
from hypothesis import strategies as st

from enquete.qtypes.number import TYPE, NumberQuestion, example_answer


def _number(**settings: Any) -> NumberQuestion:
    return NumberQuestion.model_validate({"id": "n", "type": "number", "text": "N", **settings})


_BOUND = (
    st.none()
    | st.integers(-10_000, 10_000).map(float)
    | st.floats(-10_000, 10_000).map(lambda f: round(f, 3))
)


@given(_BOUND, _BOUND, st.none() | st.integers(0, 4))
def test_the_example_in_a_refusal_is_an_answer_the_question_accepts(
    low: float | None, high: float | None, decimals: int | None
) -> None:
    if low is not None and high is not None and high < low:
        low, high = high, low
    if decimals == 0 and low is not None and high is not None:
        assume(int(high) - int(low) >= 1 or float(low).is_integer() or float(high).is_integer())
    if decimals is not None and low is not None and high is not None:
        assume(round(high, decimals) >= low and round(low, decimals) <= high and high - low >= 10**-decimals)
    question = _number(min=low, max=high, decimals=decimals)
    example = example_answer(question)
    assert TYPE.read(question, example) == (TYPE.read(question, example)[0], []), example
    (problem,) = TYPE.read(question, "about 120")[1]
    assert problem.message().endswith(f"such as {example}")


def test_a_whole_number_question_is_never_offered_a_decimal() -> None:
    question = _number(decimals=0, min=0, max=100)
    (problem,) = TYPE.read(question, "about 50")[1]
    assert problem.message() == "'about 50' is not a number: type digits only, such as 12"


def test_the_unit_may_follow_the_number_in_any_of_its_languages() -> None:
    question = _number(decimals=0, max=500, unit={"en": "staff", "fr": "agents"})
    assert TYPE.read(question, "120 agents") == (120, [])
    assert TYPE.read(question, "120 Staff") == (120, [])
    assert TYPE.read(question, "600 staff")[1][0].message() == "the largest answer allowed is 500"
    assert TYPE.read(question, "120 EUR")[1][0].kind == "not_a_number"
