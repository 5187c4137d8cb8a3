"""Regression tests for the core mutants that survived the suite in the 2026-11 code review (section 4).

Each test names its mutant; each was checked by applying the mutant and
seeing the test fail. The UI ones are in tests/ui/test_review_mutants_ui.py.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

import pytest

from enquete.cli import main
from enquete.merge import Outcome, merge
from enquete.model.questionnaire import Questionnaire
from enquete.results import loading
from enquete.results.aggregate import Results, aggregate_folder
from enquete.results.report_csv import neutralise, render_csv
from enquete.storage import atomic, safe_read
from enquete.storage.questionnaire_file import load_questionnaire
from tests.conftest import FIXTURES
from tests.unit.builders import ALL_IMPLEMENTED, minimal_answers, write_response

SMALL = FIXTURES / "small"


@pytest.fixture(scope="module")
def small() -> Questionnaire:
    return load_questionnaire(SMALL / "questionnaire.toml")


@pytest.fixture(scope="module")
def results(small: Questionnaire) -> Results:
    """8 respondents: AU BR CN EP FR JP KR US (tests/fixtures/small/responses)."""
    return aggregate_folder(SMALL / "responses", small)


# --- aggregation -----------------------------------------------------------------------


def test_question_level_comments_come_after_the_option_comments(results: Results) -> None:
    """Mutant A3: question-level comments sorted first, against docs/report-format.md."""
    focus = results.questions["focus"]
    order = [(c.option, c.respondent) for c in focus.comments]
    assert order == [("xml", "AU"), ("api", "AU"), ("api", "CN"), (None, "AU"), (None, "FR")]


def test_a_half_percent_rounds_up_as_in_the_annex(results: Results) -> None:
    """Mutant A4: `round()` (banker's rounding) shows 1 of 8 as 12 %, not 13 %."""
    assert results.respondents == 8
    assert [results.share(n) for n in (1, 3, 5, 7)] == [13, 38, 63, 88]
    assert results.questions["portal"].option_counts["no"] == 1


def test_a_code_list_question_counts_the_codes_given(
    results: Results, capsys: pytest.CaptureFixture[str]
) -> None:
    """Mutant A6: code-list answers no longer counted (docs: "a code-list question lists the codes given")."""
    codes = {code: 1 for code in ["AU", "BR", "CN", "EP", "FR", "JP", "KR", "US"]}
    assert results.questions["office"].counts == codes
    assert results.questions["office"].answered == 8
    main(
        [
            "report",
            "--questionnaire",
            str(SMALL / "questionnaire.toml"),
            "--responses",
            str(SMALL / "responses"),
        ]
    )
    assert json.loads(capsys.readouterr().out)["questions"]["office"]["counts"] == codes


# --- CSV -----------------------------------------------------------------------------------


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_neutralised(start: str) -> None:
    """Mutant S2: only `=` neutralised (CSV injection through + - @ tab CR)."""
    assert neutralise(f"{start}SUM(A1)") == f"'{start}SUM(A1)"
    assert neutralise("SUM(A1)") == "SUM(A1)"


def test_the_csv_report_neutralises_comments_that_look_like_formulas(
    small: Questionnaire, results: Results
) -> None:
    """Mutant S2, through the report: the fixture's comments start with = + - @ and a tab."""
    text = render_csv(small, results).removeprefix("\ufeff")
    rows = {row["_respondent"]: row for row in csv.DictReader(io.StringIO(text))}
    assert rows["AU"]["focus.api.comment"].startswith("'=SUM(A1)")
    assert rows["AU"]["notes"].startswith("'+1 from AU")
    assert rows["BR"]["notes"] == "'@mention -dash"
    assert rows["US"]["notes"] == "'-"
    assert rows["FR"]["focus.comment"] == "'\tTab start"


# --- merge ---------------------------------------------------------------------------------

ID = "aaaaaaaa-0000-4000-8000-000000000001"


def _merge_twice(survey: Questionnaire, tmp_path: Path, second_answers: dict[str, object]) -> Outcome:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    into = tmp_path / "responses"
    first = write_response(inbox, "AU.toml", minimal_answers("AU"), id=ID, revision=2)
    assert [s.outcome for s in merge([first], into, survey)] == [Outcome.IMPORTED]
    second = write_response(inbox, "AU-again.toml", second_answers, id=ID, revision=2)
    before = (into / "AU.toml").read_bytes()
    [step] = merge([second], into, survey)
    if step.outcome is Outcome.CONFLICT:
        assert (into / "AU.toml").read_bytes() == before, "a conflict leaves the file alone"
    return step.outcome


def test_same_revision_with_other_answers_is_a_conflict_not_a_replacement(
    survey: Questionnaire, tmp_path: Path
) -> None:
    """Mutant M1: `new.revision >= current` silently replaces a same-revision response."""
    changed = minimal_answers("AU", implementation_comments="A different answer, same revision.")
    assert _merge_twice(survey, tmp_path, changed) is Outcome.CONFLICT


def test_same_revision_with_other_answers_is_not_a_duplicate(survey: Questionnaire, tmp_path: Path) -> None:
    """Mutant M2: `_same_content` ignoring answers reports different answers as a duplicate and drops them."""
    changed = minimal_answers("AU", implementation={**ALL_IMPLEMENTED, "rec1": "ongoing"})
    outcome = _merge_twice(survey, tmp_path, changed)
    assert outcome is not Outcome.DUPLICATE
    assert outcome is Outcome.CONFLICT


def test_same_revision_with_the_same_answers_is_a_duplicate(survey: Questionnaire, tmp_path: Path) -> None:
    """The other side of M1/M2: an identical resend is a duplicate, whatever the file name."""
    assert _merge_twice(survey, tmp_path, minimal_answers("AU")) is Outcome.DUPLICATE


# --- storage ---------------------------------------------------------------------------------


def test_the_folder_is_fsynced_after_the_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Mutant F2: dropping the folder fsync makes the rename itself not durable on a crash."""
    if os.name != "posix":
        pytest.skip("Windows has no directory fsync")
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync folder" if os.path.isdir(f"/proc/self/fd/{fd}") else "fsync file")
        real_fsync(fd)

    def replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        events.append("rename")
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    atomic.write_atomically(tmp_path / "AU.toml", b"x = 1\n")
    assert events == ["fsync file", "rename", "fsync folder"]


def test_a_file_over_the_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Mutant S4: a size pre-check 1,000x too lax reads (up to the cap) a file it should refuse unread."""
    big = tmp_path / "big.toml"
    big.write_bytes(b"#" * 5000)

    def no_open(*args: object, **kwargs: object) -> int:
        raise AssertionError("the file was opened although lstat already said it is too large")

    monkeypatch.setattr(os, "open", no_open)
    with pytest.raises(safe_read.UnreadableFile, match="too large"):
        safe_read.read_bytes(big, max_bytes=4000)


# --- loading ---------------------------------------------------------------------------------


def test_the_parallel_loader_reads_every_file_in_order(
    survey: Questionnaire, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Mutant S3: the parallel path dropped one file per chunk (folders of 400 files or more)."""
    monkeypatch.setattr(os, "cpu_count", lambda: 2)  # the parallel path even on one core
    template = write_response(tmp_path, "template.toml", minimal_answers("AU"))
    count = max(loading.PARALLEL_FROM, 2 * loading.CHUNK) + 7
    paths = []
    for number in range(count):
        path = tmp_path / f"r{number:04}.toml"
        shutil.copyfile(template, path)
        paths.append(path)
    outcomes = loading.load_all(paths, survey)
    assert [o.file for o in outcomes] == [str(p) for p in paths]
    assert all(isinstance(o, loading.Loaded) for o in outcomes)
