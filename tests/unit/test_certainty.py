"""Each question type's cheap test (`QuestionType.certainty`) never vouches for what its checks refuse.

The certifier (results/certify.py) asks these tests so that a report reads
only doubtful files by the reference path. A test that says yes wrongly
would count, or list as superseded, a file the reference path rejects.
"""

from __future__ import annotations

import datetime
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from enquete.model.answers import answer_problems
from enquete.model.questionnaire import Questionnaire
from enquete.qtypes import BUILT_IN
from enquete.results.aggregate import aggregate_folder
from enquete.results.certify import Certifier
from enquete.storage.fast_toml import speaks_toml_1_1
from enquete.storage.questionnaire_file import load_questionnaire, questionnaire_from_data
from tests.conftest import FIXTURES

EVERY_TYPE = """
[questionnaire]
id = "every-type"
version = 1
respondent_key = "office"
title = "Every type, plain and bounded"

[[questions]]
id = "office"
type = "code"
required = true
text = "Office"

[[questions]]
id = "intro"
type = "note"
text = "Read this."

[[questions]]
id = "count"
type = "number"
text = "How many?"

[[questions]]
id = "whole"
type = "number"
decimals = 0
min = -5
max = 500
required = true
text = "How many, whole?"

[[questions]]
id = "when"
type = "date"
text = "When?"

[[questions]]
id = "since"
type = "date"
min = 2000-01-01
max = "today"
text = "Since when?"

[[questions]]
id = "ref"
type = "text"
pattern = "[A-Z]{2}-[0-9]{4}"
text = "Reference"

[[questions]]
id = "why"
type = "text"
max_length = 12
constraint = "string-length(.) > 3"
text = "Why?"

[[questions]]
id = "pick"
type = "choice"
options = [{ id = "a", label = "A" }, { id = "b", label = "B" }]
text = "Pick"

[[questions]]
id = "grid"
type = "matrix"
required = true
rows = [{ id = "r1", label = "R1" }, { id = "r2", label = "R2" }]
columns = [{ id = "yes", label = "Yes" }, { id = "no", label = "No" }]
text = "Grid"

[[questions]]
id = "many"
type = "multi"
min_selections = 2
max_selections = 3
option_comments = true
comment = true
comment_max_length = 10
options = [
  { id = "a", label = "A" }, { id = "b", label = "B" }, { id = "c", label = "C" },
  { id = "d", label = "D" }, { id = "none", label = "None", exclusive = true },
]
text = "Many"
"""


@pytest.fixture(scope="module")
def every_type() -> Questionnaire:
    return questionnaire_from_data(tomllib.loads(EVERY_TYPE), source="every-type")


ORDINARY: dict[str, Any] = {
    "office": "AU",
    "intro": "",
    "count": 12,
    "whole": 7,
    "when": datetime.date(2024, 5, 1),
    "pick": "a",
    "grid": {"r1": "yes", "r2": "no"},
    "many": {"selected": ["a", "b"], "comments": {"a": "why a"}, "comment": "all"},
}

raw_values = st.recursive(
    st.one_of(
        st.sampled_from(
            ["", "  ", "AU", "au", "ZZ", "a", "b", "none", "r1", "yes", "no", "AB-1234", "x" * 13]
        ),
        st.text(max_size=14),
        st.integers(-(10**16), 10**16),
        st.floats(allow_nan=True),
        st.booleans(),
        st.dates(),
        st.datetimes(),
    ),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["selected", "comment", "comments", "a", "r1", "r2", "x"]), inner, max_size=4
        )
    ),
    max_leaves=8,
)


@settings(max_examples=800, deadline=None)
@given(data=st.data())
def test_no_type_vouches_for_an_answer_its_own_checks_refuse(
    every_type: Questionnaire, data: st.DataObject
) -> None:
    """Property: whenever the certifier says yes, `model.answers` finds no problem (every built-in type)."""
    question = data.draw(st.sampled_from([*every_type.ids, "unknown"]))
    change = data.draw(st.sampled_from(["set", "drop"]))
    candidate = dict(ORDINARY)
    if change == "drop":
        candidate.pop(question, None)
    else:
        candidate[question] = data.draw(raw_values)
    if Certifier(every_type).certain(candidate):
        assert answer_problems(every_type, candidate, complete=True)[1] == []


def test_every_built_in_type_has_a_test_and_vouches_for_an_ordinary_answer(every_type: Questionnaire) -> None:
    """Else every file of a survey using that type would take the slow path."""
    assert Certifier(every_type).certain(ORDINARY)
    assert answer_problems(every_type, ORDINARY, complete=True)[1] == []
    assert {q.type for q in every_type.questions} == {t.name for t in BUILT_IN}
    assert Certifier(every_type).known


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("ref", "AB-1234"),  # matches, but the pattern is the reference path's to run
        ("ref", "not a reference"),
        ("why", "because"),  # a constraint: the reference path evaluates it
        ("why", "no"),
        ("since", datetime.date(2010, 1, 1)),  # bounds that move with today
        ("count", 1.5),
        ("count", "12"),  # a number written as text: parsed by the reference path
        ("intro", "an answer to a note"),
    ],
)
def test_doubtful_answers_are_left_to_the_reference_path(
    every_type: Questionnaire, question: str, answer: Any
) -> None:
    assert not Certifier(every_type).certain({**ORDINARY, question: answer})


def write_response(folder: Path, name: str, revision: int, reference: str) -> None:
    (folder / name).write_text(
        "[response]\n"
        'questionnaire = "new-types"\nversion = 1\nid = "id-au"\n'
        f'revision = {revision}\nstatus = "submitted"\nlanguage = "en"\n'
        "started = 2025-05-01 09:00:00+00:00\n"
        f"saved = 2025-05-0{revision} 09:00:00+00:00\n"
        "[answers]\n"
        f'office = "AU"\nreference = "{reference}"\n',
        "utf-8",
    )


def test_an_old_revision_breaking_a_pattern_is_rejected_not_superseded(tmp_path: Path) -> None:
    """Regression: the certifier ignored `pattern` (and constraints), so an invalid old
    revision was listed as superseded by the fast path and as rejected by the reference path."""
    questionnaire = load_questionnaire(FIXTURES / "new_types.toml")
    folder = tmp_path / "responses"
    folder.mkdir()
    write_response(folder, "AU.r1.toml", 1, "not a reference")
    write_response(folder, "AU.r2.toml", 2, "AB-1234")
    results = aggregate_folder(folder, questionnaire, cached=False)
    assert [Path(r.file).name for r in results.rejected] == ["AU.r1.toml"]
    assert results.superseded == []
    assert results.respondent_keys == ["AU"]


def speaks_toml_1_1_by_walking(text: str) -> bool:
    """The first, plain definition: a walk over the colons (the oracle for the regular expression)."""
    if "{" in text or "\\e" in text or "\\x" in text:
        return True
    for colon, char in enumerate(text):
        if char != ":" or colon < 2:
            continue
        hours, minutes, after = (
            text[colon - 2 : colon],
            text[colon + 1 : colon + 3],
            text[colon + 3 : colon + 4],
        )
        before = text[colon - 3] if colon >= 3 else ""
        digits = "0123456789"
        after_fits = after == "" or (after != ":" and after not in digits)
        before_fits = before == "" or before not in "0123456789:+-"
        if len(minutes) == 2 and all(c in digits for c in hours + minutes) and after_fits and before_fits:
            return True
    return False


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="0123456789:+-T Z\n=a", max_size=30))
def test_times_without_seconds_are_found_as_by_the_plain_walk(text: str) -> None:
    """Property: the regular expression finds an `hh:mm` time exactly where the colon walk does."""
    assert speaks_toml_1_1(text) == speaks_toml_1_1_by_walking(text)
