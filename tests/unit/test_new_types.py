"""number, date, note and single-line text with a pattern: what each accepts and refuses, and why."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from enquete.qtypes import type_of
from enquete.qtypes.number import NumberQuestion
from tests.unit.test_qtypes import NEW_TYPES


def read(question_id: str, raw: Any) -> tuple[Any, list[str]]:
    question = NEW_TYPES.question(question_id)
    answer, problems = type_of(question).read(question, raw)
    return answer, [p.message() for p in problems]


@pytest.mark.parametrize(
    ("raw", "answer"),
    [(120, 120), ("120", 120), (" 1 200 ", 1200), ("0", 0), (120.0, 120), ("", None), ("120 examiners", 120)],
)
def test_a_count_is_kept_as_an_integer(raw: Any, answer: Any) -> None:
    value, problems = read("examiners", raw)
    assert (value, problems) == (answer, [])
    assert type(value) is type(answer)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("about 120", "'about 120' is not a number: type digits only, such as 120"),
        ("120 staff", "'120 staff' is not a number"),
        ("12.5", "12.5 is not a whole number"),
        ("-3", "the smallest answer allowed is 0"),
        ("1e9", "'1e9' is not a number"),
        (True, "expected a number, found true/false"),
        (float("nan"), "is not a number"),
        ("9" * 50, "is not a number"),
    ],
)
def test_what_is_not_a_count_is_refused_with_a_reason(raw: Any, message: str) -> None:
    value, problems = read("examiners", raw)
    assert value is None and len(problems) == 1 and message in problems[0]


@pytest.mark.parametrize(
    ("raw", "answer", "message"),
    [
        ("37.5", 37.5, None),
        ("37,5", 37.5, None),  # a decimal comma, as typed in much of the world
        (37.5, 37.5, None),
        ("150", None, "the largest answer allowed is 100"),
        ("150 %", None, "the largest answer allowed is 100"),  # trial 3: was "not a number"
        ("45.5%", 45.5, None),
        ("12.25", None, "use at most 1 decimal(s)"),
    ],
)
def test_a_share_has_bounds_and_decimals(raw: Any, answer: Any, message: str | None) -> None:
    value, problems = read("share", raw)
    assert value == answer
    assert problems == ([] if message is None else [message])


@pytest.mark.parametrize(
    ("raw", "answer"),
    [
        *[("1,000", 1000), ("1.000", 1000), ("1 000", 1000), ("1\u202f000", 1000), ("1,500", 1500)],
        *[("12.345", 12345), ("100,000", 100000), ("-1,000", None), ("10,00", 10)],
    ],
)
def test_group_separators_in_a_count_are_read_as_thousands(raw: str, answer: int | None) -> None:
    """Regression: "1,000" and "1.000" in a whole-number question were saved as 1, "1,500" refused as 1.5.

    A whole number has no decimal part, so a comma or point before three digits groups them.
    """
    value, problems = read("examiners", raw)
    assert value == answer
    if answer is None:
        assert problems == ["the smallest answer allowed is 0"]  # read as -1000, not -1


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            "1,000",
            "'1,000' could be 1000 or 1.0: type 1000 for the first (no thousands separator), 1.0 for the second",
        ),
        ("1.500", "'1.500' could be 1500 or 1.5"),
        ("3.125", "'3.125' could be 3125 or 3.1250"),
        ("1 2", "'1 2' is not a number"),  # was read as 12
        ("1,00,0", "is not a number"),
    ],
)
def test_an_ambiguous_separator_in_a_decimal_is_refused(raw: str, message: str) -> None:
    """Regression: "1,000" in a decimal question was silently 1.0 (one thousand to an English reader)."""
    value, problems = read("share", raw)
    assert value is None and len(problems) == 1 and message in problems[0]


@pytest.mark.parametrize(
    ("raw", "answer"),
    [("12,5", 12.5), ("0,500", 0.5), (".5", 0.5)] + [(t, None) for t in ("1 000,5", "1.000,5", "1,000,000")],
)
def test_unambiguous_decimals_are_read(raw: str, answer: float | None) -> None:
    """A decimal comma before one or two digits, or after a leading 0, cannot be a thousands separator."""
    value, problems = read("share", raw)
    assert value == answer
    if answer is None:
        assert problems == ["the largest answer allowed is 100"]  # 1000.5 or a million: not "not a number"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("31/02/2024", "'31/02/2024' is not a date: write it as year-month-day, such as 2024-05-01"),
        ("2024-02-31", "'2024-02-31' does not exist: month 02 of 2024 has 29 days"),
        ("2023-02-29", "'2023-02-29' does not exist: month 02 of 2023 has 28 days"),
        ("2024-13-01", "'2024-13-01' does not exist: the month is written 01 to 12"),
        ("05/04/2024", "is not a date"),
        ("1999-12-31", "the earliest date allowed is 2000-01-01"),
        (datetime.datetime(2024, 5, 1, 10, 0), "expected a date such as 2024-05-01"),
    ],
)
def test_what_is_not_a_date_is_refused_with_a_reason(raw: Any, message: str) -> None:
    value, problems = read("since", raw)
    assert value is None and message in problems[0]


def test_a_date_is_kept_as_a_date_and_today_bounds_it() -> None:
    assert read("since", "2024-05-01") == (datetime.date(2024, 5, 1), [])
    assert read("since", datetime.date(2024, 5, 1)) == (datetime.date(2024, 5, 1), [])
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    _, problems = read("since", tomorrow.isoformat())
    assert problems == [f"the latest date allowed is {datetime.date.today().isoformat()}"]


def test_a_note_takes_no_answer() -> None:
    assert read("staff_note", None) == (None, [])
    assert read("staff_note", "hello") == (None, ["this is a note: it takes no answer"])


def test_a_pattern_must_match_the_whole_answer() -> None:
    assert read("reference", "AB-1234") == ("AB-1234", [])
    assert read("reference", "xAB-1234")[1] == ["this answer does not have the expected form"]
    assert read("reference", "AB-12345")[1] == ["this answer does not have the expected form"]


def test_single_line_is_declared() -> None:
    question = NEW_TYPES.question("reference")
    assert getattr(question, "multiline", True) is False


@given(
    st.one_of(
        st.integers(-(10**12), 10**12),
        st.floats(-1e12, 1e12, allow_nan=False, allow_infinity=False),
        st.decimals(-1000, 1000, places=3).map(float),
    ),
    st.sampled_from([None, 3, 6]),
)
def test_a_stored_number_shown_in_its_field_reads_back_as_itself(value: float, decimals: int | None) -> None:
    """Regression: a resumed 3.142 was shown as "3.142", then refused as ambiguous (3142 or 3.142)
    when the field was read on Ctrl+N: what the field shows must read back as the same answer."""
    question = NumberQuestion.model_validate(
        {"id": "n", "type": "number", "text": "How many?", "decimals": decimals}
    )
    kind = type_of(question)
    stored, problems = kind.read(question, value)
    assume(not problems)
    assert isinstance(stored, int | float)
    assume(stored == 0 or abs(stored) >= 1e-9)  # what a person types: no 1e-185
    assert kind.read(question, kind.field_text(question, stored)) == (stored, [])


def test_a_stored_date_is_shown_as_an_iso_date() -> None:
    question = NEW_TYPES.question("since")
    assert type_of(question).field_text(question, datetime.date(2024, 2, 29)) == "2024-02-29"
