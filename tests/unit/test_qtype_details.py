"""Each built-in type's reading and column description, exactly: survivors of mutation testing.

The `choice` type had no test at all before (the shipped survey has no choice
question); the column kinds are what a spreadsheet writer formats by.
"""

from __future__ import annotations

from typing import Any

import pytest

from enquete.model.answers import read_answer
from enquete.qtypes import Column, type_of
from enquete.storage.questionnaire_file import load_questionnaire
from tests.conftest import FIXTURES

SMALL = load_questionnaire(FIXTURES / "small" / "questionnaire.toml")


def test_every_column_says_which_question_option_and_kind() -> None:
    columns = [c for q in SMALL.questions for c in type_of(q).columns(q)]
    assert columns == [
        Column("office", "office"),
        Column("portal", "portal"),
        Column("levels.st96", "levels", "st96"),
        Column("levels.st26", "levels", "st26"),
        Column("focus.xml", "focus", "xml", "flag"),
        Column("focus.xml.comment", "focus", "xml", "comment"),
        Column("focus.api", "focus", "api", "flag"),
        Column("focus.api.comment", "focus", "api", "comment"),
        Column("focus.na", "focus", "na", "flag"),
        Column("focus.na.comment", "focus", "na", "comment"),
        Column("focus.comment", "focus", None, "comment"),
        Column("notes", "notes"),
    ]


@pytest.mark.parametrize(
    ("question", "raw", "answer", "problems"),
    [
        ("portal", "partly", "partly", []),
        ("portal", "  ", None, []),
        ("portal", "maybe", None, ["question 'portal': 'maybe' is not one of the options"]),
        ("portal", 3, None, ["question 'portal': expected an option id, found int"]),
        ("office", " au ", "AU", []),
        ("office", "ZZ", None, ["question 'office': 'ZZ' is not a known ST.3 code"]),
        ("office", ["AU"], None, ["question 'office': expected an ST.3 code, found a list"]),
        ("notes", "x" * 2001, "x" * 2001, ["question 'notes': is 2001 characters long; the limit is 2000"]),
        ("notes", True, None, ["question 'notes': expected text, found true/false"]),
        ("levels", {"st96": "ongoing"}, {"st96": "ongoing"}, []),
        ("levels", {"st99": "ongoing"}, None, ["question 'levels': 'st99' is not one of the rows"]),
        (
            "levels",
            {"st96": "maybe", "st26": "ongoing"},
            {"st26": "ongoing"},
            ["question 'levels': 'maybe' is not one of the answers for row 'st96'"],
        ),
        ("levels", {"st96": 1}, None, ["question 'levels': expected text for row 'st96', found int"]),
        ("levels", "st96", None, ["question 'levels': expected a table of row = answer, found text"]),
    ],
)
def test_each_type_reads_and_names_what_is_wrong(
    question: str, raw: Any, answer: Any, problems: list[str]
) -> None:
    found, found_problems = read_answer(SMALL.question(question), raw)
    assert found == answer
    assert [str(p) for p in found_problems] == problems


def test_problem_subjects_are_labelled_from_rows_and_options() -> None:
    levels, focus = SMALL.question("levels"), SMALL.question("focus")
    assert type_of(levels).subject_label(levels, "st26", "zh") == "ST.26 序列表"
    assert type_of(focus).subject_label(focus, "xml", "en") == "XML [b]fmt[/b]"
    assert type_of(focus).subject_label(focus, "nothing", "en") is None
