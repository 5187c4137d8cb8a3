"""The hostile corpus (tests/fixtures/hostile, outcomes in hostile-expected.toml), everywhere.

Nothing is written outside the target folder, no command prints a traceback
or a raw escape sequence, and the good files beside the bad are still merged
and counted.
"""

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from enquete.merge import Outcome, merge
from enquete.model.questionnaire import Questionnaire
from enquete.results.aggregate import aggregate_folder
from enquete.verdicts import check_response_file
from tests.conftest import FIXTURES
from tests.unit.builders import minimal_answers, write_response

HOSTILE = FIXTURES / "hostile"
EXPECTED = tomllib.loads((FIXTURES / "hostile-expected.toml").read_text("utf-8"))
ACCEPTED: dict[str, str] = EXPECTED["accepted"]
REJECTED: dict[str, str] = EXPECTED["rejected"]


def test_the_manifest_covers_every_corpus_file() -> None:
    files = {p.name for p in HOSTILE.glob("*.toml")}
    assert files == set(ACCEPTED) | set(REJECTED)


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_check_accepts(survey: Questionnaire, name: str) -> None:
    verdict = check_response_file(HOSTILE / name, survey)
    assert verdict.ok, verdict.problems


@pytest.mark.parametrize("name", sorted(REJECTED))
def test_check_rejects_with_the_reason(survey: Questionnaire, name: str) -> None:
    verdict = check_response_file(HOSTILE / name, survey)
    assert not verdict.ok
    assert REJECTED[name] in " ".join(verdict.problems)


def _tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def test_merge_imports_the_good_and_rejects_the_rest_writing_only_into_the_folder(
    survey: Questionnaire, tmp_path: Path
) -> None:
    into = tmp_path / "work" / "responses"
    before = _tree(tmp_path)
    steps = {s.name: s for s in merge([HOSTILE], into, survey)}
    for name, key in ACCEPTED.items():
        assert (steps[name].outcome, steps[name].respondent) == (Outcome.IMPORTED, key)
    for name, reason in REJECTED.items():
        assert steps[name].outcome is Outcome.REJECTED, name
        assert reason in steps[name].reason, name
    assert sorted(p.name for p in into.glob("*.toml")) == sorted(f"{k}.toml" for k in ACCEPTED.values())
    written = _tree(tmp_path) - before
    assert all(path.startswith("work") for path in written)


def test_markup_and_escapes_are_kept_verbatim_in_the_merged_file(
    survey: Questionnaire, tmp_path: Path
) -> None:
    into = tmp_path / "responses"
    merge([HOSTILE / "markup-comment.toml", HOSTILE / "escape-sequences.toml"], into, survey)
    results = aggregate_folder(into, survey)
    texts = [c.text for c in results.questions["proposals"].comments]
    assert any("[@click=app.quit]quit[/]" in t for t in texts)
    assert any("\x1b]52;c;" in t for t in texts), "the file keeps what was sent; display strips it"


def test_report_counts_the_good_files_beside_the_bad(survey: Questionnaire) -> None:
    results = aggregate_folder(HOSTILE, survey)
    assert results.respondent_keys == sorted(ACCEPTED.values())
    assert {Path(r.file).name for r in results.rejected} == set(REJECTED)


def _special_files(folder: Path) -> dict[str, str]:
    """Files git cannot hold: each with the reason it must be refused."""
    good = write_response(folder, "good.toml", minimal_answers("AU"))
    (folder / "link.toml").symlink_to(good)
    (folder / "zero.toml").symlink_to("/dev/zero")
    os.mkfifo(folder / "fifo.toml")
    (folder / "folder.toml").mkdir()
    with open(folder / "big.toml", "wb") as handle:
        handle.write(b"# " + b"x" * (2 * 1024 * 1024))
    return {
        "link.toml": "symbolic link",
        "zero.toml": "symbolic link",
        "fifo.toml": "not a regular file",
        "folder.toml": "is a folder",
        "big.toml": "too large",
    }


@pytest.mark.skipif(os.name != "posix", reason="links and FIFOs as on POSIX")
def test_links_fifos_devices_and_huge_files_are_refused_unread(survey: Questionnaire, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    reasons = _special_files(inbox)
    for name, reason in reasons.items():
        verdict = check_response_file(inbox / name, survey)
        assert reason in " ".join(verdict.problems), name
    results = aggregate_folder(inbox, survey)
    assert results.respondent_keys == ["AU"]
    assert {Path(r.file).name for r in results.rejected} == set(reasons)


def test_the_real_commands_never_print_a_traceback_or_an_escape(tmp_path: Path) -> None:
    into = tmp_path / "responses"
    commands = [
        ["check", *sorted(str(p) for p in HOSTILE.glob("*.toml"))],
        ["merge", str(HOSTILE), "--into", str(into)],
        ["report", "--responses", str(into), "--format", "md"],
        ["report", "--responses", str(HOSTILE), "--format", "csv"],
        ["report", "--responses", str(HOSTILE)],
    ]
    for args in commands:
        result = subprocess.run(
            [sys.executable, "-m", "enquete", *args],
            capture_output=True,
            timeout=120,
            check=False,
            cwd=tmp_path,
        )
        output = result.stdout + result.stderr
        assert b"Traceback" not in output, args
        assert result.returncode in (0, 1), (args, result.stderr)
        if args[0] != "report" or "--format" in args:
            assert b"\x1b" not in output and "\x9b".encode() not in output, args
    data = json.loads(
        subprocess.run(
            [sys.executable, "-m", "enquete", "report", "--responses", str(into)],
            capture_output=True,
            timeout=120,
            check=True,
            cwd=tmp_path,
        ).stdout
    )
    assert data["respondent_keys"] == sorted(ACCEPTED.values())
