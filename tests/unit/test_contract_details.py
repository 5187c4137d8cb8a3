"""Exact words and bytes where a person or a script reads them: found missing by mutation testing.

mutmut (CONTRIBUTING.md) showed that the response file's layout, the review
summaries, the problem messages and the loader's reasons could change without
a test noticing; each test here pins one of them to a hand-checked value.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from enquete.model.answers import MultiAnswer, Problem
from enquete.model.questionnaire import Questionnaire
from enquete.model.response import Response, dump_response
from enquete.results.loading import Loaded, Rejected, load_all, load_one
from enquete.storage.questionnaire_file import load_questionnaire
from enquete.storage.responses import load_response
from enquete.ui.screens.summary import summarize
from tests.conftest import FIXTURES
from tests.unit.builders import minimal_answers, write_response

SMALL = FIXTURES / "small"
QUESTIONNAIRE = load_questionnaire(SMALL / "questionnaire.toml")

RESPONSE_FILE = '''[response]
questionnaire = "small"
version = 1
id = "id-AU"
revision = 2
status = "draft"
language = "fr"
started = 2025-03-01 09:00:00+00:00
saved = 2025-03-02 10:30:00+00:00

[draft]
current_question = "focus"

[answers]
office = "AU"
notes = """
Line 1
Line 2 “quoted”"""

[answers.levels]
st96 = "implemented"

[answers.focus]
selected = [
    "xml",
    "api",
]
comment = "All [b]of[/b] it"

[answers.focus.comments]
xml = """
• one
• two"""
'''


def test_a_response_file_is_written_as_docs_response_format_shows() -> None:
    """The public contract of docs/response-format.md, byte for byte: header, draft, each answer shape."""
    response = Response(
        questionnaire="small",
        version=1,
        answers={
            "office": "AU",
            "levels": {"st96": "implemented"},
            "focus": MultiAnswer(
                selected=("xml", "api"), comment="All [b]of[/b] it", comments={"xml": "• one\n• two"}
            ),
            "notes": "Line 1\nLine 2 “quoted”",
        },
        id="id-AU",
        revision=2,
        status="draft",
        language="fr",
        started=datetime(2025, 3, 1, 9, tzinfo=UTC),
        saved=datetime(2025, 3, 2, 10, 30, tzinfo=UTC),
        current_question="focus",
    )
    assert dump_response(response).decode("utf-8") == RESPONSE_FILE


def test_a_submitted_response_has_no_draft_table_and_a_multi_without_comments_only_selected() -> None:
    response = Response(
        questionnaire="small",
        version=1,
        answers={"focus": MultiAnswer(selected=("na",))},
        id="x",
        status="submitted",
        started=datetime(2025, 3, 1, tzinfo=UTC),
        saved=datetime(2025, 3, 1, tzinfo=UTC),
        current_question="focus",
    )
    text = dump_response(response).decode("utf-8")
    assert "[draft]" not in text and "comment" not in text
    assert text.endswith('[answers.focus]\nselected = [\n    "na",\n]\n')


@pytest.mark.parametrize(
    ("file", "language", "expected"),
    [
        (
            "AU",
            "en",
            [
                "AU Australia",
                "Yes [b]fully[/b]",
                "2 of 2 rows answered · ST.96 [link=https://x]XML[/link]: Im…",
                "XML [b]fmt[/b], Web APIs · 3 comment(s)",
                "+1 from AU second line",
            ],
        ),
        (
            "AU",
            "zh",
            [
                "AU 澳大利亚",
                "是 [b]全部[/b]",
                "已答2行，共2行 · ST.96 [link=https://x]XML[/link] 标准: 已…",
                "XML [b]格式[/b], 网络接口 · 3条意见",
                "+1 from AU second line",
            ],
        ),
        (
            "CN",
            "en",
            [
                "CN China",
                "(not answered)",
                "2 of 2 rows answered · ST.96 [link=https://x]XML[/link]: Im…",
                "Web APIs · 1 comment(s)",
                "(not answered)",
            ],
        ),
        (
            "BR",
            "zh",
            [
                "BR 巴西",
                "部分",
                "已答2行，共2行 · ST.96 [link=https://x]XML[/link] 标准: 进…",
                "不适用",
                "@mention -dash",
            ],
        ),
    ],
)
def test_review_summaries_word_each_type(file: str, language: str, expected: list[str]) -> None:
    """What the review screen says about each answer, per type, in two languages."""
    response, _ = load_response(SMALL / "responses" / f"{file}.toml", QUESTIONNAIRE)
    lines = [summarize(q, response.answers.get(q.id), language, 60) for q in QUESTIONNAIRE.questions]
    assert lines == expected


def test_a_matrix_summary_names_each_rows_level_when_they_fit_and_leads_with_the_count_otherwise() -> None:
    """Bug (user report, s4-ui2): review said only "2 of 2 rows answered" for a matrix."""
    response, _ = load_response(SMALL / "responses" / "AU.toml", QUESTIONNAIRE)
    matrix = QUESTIONNAIRE.question("levels")
    answer = response.answers["levels"]
    whole = summarize(matrix, answer, "en", 1000)
    assert (
        whole.startswith("ST.96 [link=https://x]XML[/link]: Implemented · ") and "rows answered" not in whole
    )
    assert summarize(matrix, answer, "en", 30) == "2 of 2 rows answered · ST.96 …"
    half = {row: column for row, column in list(answer.items())[:1]}  # type: ignore[union-attr]
    assert summarize(matrix, half, "en", 1000).startswith("1 of 2 rows answered · ST.96")


def test_summaries_are_cut_to_the_width_in_cells() -> None:
    response, _ = load_response(SMALL / "responses" / "AU.toml", QUESTIONNAIRE)
    focus = QUESTIONNAIRE.question("focus")
    assert summarize(focus, response.answers["focus"], "zh", 12) == "XML [b]格式…"
    assert summarize(focus, MultiAnswer(comment="only a comment"), "en") == "nothing selected · 1 comment(s)"


@pytest.mark.parametrize(
    ("problem", "language", "subject", "expected"),
    [
        (
            Problem("focus", "exclusive_combined", "na"),
            "en",
            "Not applicable",
            "'Not applicable' cannot be combined with other choices",
        ),
        (
            Problem("focus", "exclusive_combined", "na"),
            "fr",
            "Not applicable",
            "« Not applicable » ne peut pas être combiné avec d'autres choix",
        ),
        (
            Problem("notes", "too_long", params={"count": 2001, "limit": 2000}),
            "en",
            None,
            "is 2001 characters long; the limit is 2000",
        ),
        (
            Problem("notes", "too_long", params={"count": 2001, "limit": 2000}),
            "zh",
            None,
            "共2001个字符，上限为2000个",
        ),
        (Problem("levels", "missing_row", "st26"), "en", None, "row 'st26' has no answer"),
    ],
)
def test_problem_messages_fill_in_their_parameters(
    problem: Problem, language: str, subject: str | None, expected: str
) -> None:
    assert problem.message(language, subject) == expected


def test_a_problem_line_names_where_it_is() -> None:
    assert str(Problem("levels", "missing_row", "st26")) == "question 'levels': row 'st26' has no answer"
    assert str(Problem(None, "unknown_question", params={"value": "zz"})) == (
        "answers: there is no question 'zz' in this questionnaire"
    )


def test_the_loader_says_why_a_file_is_not_counted(survey: Questionnaire, tmp_path: Path) -> None:
    draft = write_response(tmp_path, "draft.toml", minimal_answers("AU"), status="draft")
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    assert load_one(draft, survey) == Rejected(str(draft), "is a draft; only submitted responses are counted")
    assert load_one(folder, survey) == Rejected(str(folder), "is a folder, not a file")
    good = write_response(tmp_path, "AU.toml", minimal_answers("AU"))
    assert isinstance(load_one(good, survey), Loaded)


def test_the_loader_reports_progress_every_50_files(survey: Questionnaire, tmp_path: Path) -> None:
    paths = [write_response(tmp_path, f"r{n}.toml", minimal_answers("AU")) for n in range(120)]
    calls: list[tuple[int, int]] = []
    outcomes = load_all(paths, survey, lambda done, total: calls.append((done, total)))
    assert len(outcomes) == 120
    assert calls == [(50, 120), (100, 120)]
