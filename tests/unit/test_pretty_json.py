"""The JSON report's writer gives exactly the text of `json.dumps(indent=2)`, only faster."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from enquete.results.report_json import pretty_json

TRICKY = ["", "}", "{", '"', "},\n      {", "}, {", "\\", "\x1b[31m", "\u202e", "数字", "\ud800", "a\nb"]

plain = st.one_of(
    st.sampled_from(TRICKY),
    st.text(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
)
keys = st.one_of(st.sampled_from(TRICKY), st.text(max_size=6))
rows = st.lists(st.dictionaries(keys, plain, min_size=1, max_size=5), max_size=5)
values = st.recursive(
    plain | rows,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(keys, inner, max_size=5),
    max_leaves=40,
)


@settings(max_examples=600, deadline=None)
@given(values)
def test_the_text_is_the_json_modules_own(data: Any) -> None:
    """Property: any JSON value, tables of plain values and arrays of them included."""
    assert pretty_json(data) == json.dumps(data, ensure_ascii=False, indent=2)


def test_unusual_values_fall_back_to_the_json_module() -> None:
    """Keys that are not strings, tuples: written as the json module writes them."""
    data = {"a": {1: "one", None: [True, 1.5]}, "b": ("x", ["y"]), "c": [{"k": float("nan")}]}
    assert pretty_json(data) == json.dumps(data, ensure_ascii=False, indent=2)


def test_superseded_files_are_written_one_table_each() -> None:
    """The shape of a big report: an array of flat tables, re-indented at the boundaries."""
    superseded = [
        {"file": f"responses/AU.r{i}.toml", "respondent": "AU", "revision": i, "superseded_by": "x}, {"}
        for i in range(2_500)  # more than ROWS_AT_ONCE: written in several calls
    ]
    data = {"superseded": superseded, "respondents": 1}
    assert pretty_json(data) == json.dumps(data, ensure_ascii=False, indent=2)
