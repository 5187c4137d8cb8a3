"""`enquete merge`: every outcome, its exit code, and a folder that stays consistent."""

import errno
import os
from pathlib import Path

import pytest

from enquete.cli import main
from enquete.merge import Outcome, Step, merge
from enquete.model.questionnaire import Questionnaire
from enquete.storage.responses import load_valid_response
from tests.unit.builders import minimal_answers, write_response

ID_A = "aaaaaaaa-0000-4000-8000-000000000001"
ID_B = "bbbbbbbb-0000-4000-8000-000000000002"


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


def outcomes(steps: list[Step]) -> list[tuple[str, str | None, str]]:
    return [(s.name, s.respondent, s.outcome.value) for s in steps]


def test_new_respondent_is_imported_under_its_key_whatever_the_file_name(
    survey: Questionnaire, inbox: Path, tmp_path: Path
) -> None:
    source = write_response(inbox, "Survey reply (2).toml", minimal_answers("AU"), id=ID_A)
    into = tmp_path / "responses"
    steps = merge([inbox], into, survey)
    assert outcomes(steps) == [("Survey reply (2).toml", "AU", "imported")]
    assert (into / "AU.toml").read_bytes() == source.read_bytes(), "bytes are kept as sent"


def test_duplicate_stale_and_newer_revision(survey: Questionnaire, inbox: Path, tmp_path: Path) -> None:
    into = tmp_path / "responses"
    write_response(inbox, "r2.toml", minimal_answers("AU", proposals="two"), id=ID_A, revision=2)
    merge([inbox / "r2.toml"], into, survey)
    write_response(inbox, "r1.toml", minimal_answers("AU", proposals="one"), id=ID_A, revision=1)
    write_response(inbox, "r3.toml", minimal_answers("AU", proposals="three"), id=ID_A, revision=3)
    steps = merge([inbox / "r2.toml", inbox / "r1.toml", inbox / "r3.toml"], into, survey)
    assert outcomes(steps) == [
        ("r1.toml", "AU", "stale"),
        ("r2.toml", "AU", "duplicate"),
        ("r3.toml", "AU", "replaced"),
    ], "rows in the order decided: by revision"
    assert load_valid_response(into / "AU.toml", survey).answers["proposals"] == "three"
    history = sorted(p.name for p in (into / "history").iterdir())
    assert len(history) == 1 and history[0].startswith(f"AU.{ID_A}.r2."), (
        "the replaced revision is kept, out of the counted files"
    )


def test_a_batch_with_several_revisions_ends_on_the_newest(
    survey: Questionnaire, inbox: Path, tmp_path: Path
) -> None:
    for revision in (3, 1, 2):
        write_response(
            inbox, f"r{revision}.toml", minimal_answers(proposals=f"v{revision}"), id=ID_A, revision=revision
        )
    into = tmp_path / "responses"
    merge([inbox], into, survey)
    assert load_valid_response(into / "AU.toml", survey).revision == 3


def test_another_id_for_the_same_respondent_is_a_conflict_unless_replace(
    survey: Questionnaire, inbox: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    into = tmp_path / "responses"
    write_response(inbox, "first.toml", minimal_answers(proposals="first"), id=ID_A)
    assert main(["merge", str(inbox / "first.toml"), "--into", str(into)]) == 0
    write_response(inbox, "second.toml", minimal_answers(proposals="second"), id=ID_B)
    assert main(["merge", str(inbox / "second.toml"), "--into", str(into)]) == 1
    out = capsys.readouterr().out
    assert "conflict" in out and ID_A in out and ID_B in out and "--replace" in out
    assert load_valid_response(into / "AU.toml", survey).id == ID_A
    assert main(["merge", str(inbox / "second.toml"), "--into", str(into), "--replace"]) == 0
    assert load_valid_response(into / "AU.toml", survey).id == ID_B
    assert [p.name[:-18] for p in (into / "history").iterdir()] == [f"AU.{ID_A}.r1"]


def test_dry_run_shows_the_same_and_writes_nothing(
    inbox: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_response(inbox, "au.toml", minimal_answers("AU"), id=ID_A)
    into = tmp_path / "responses"
    assert main(["merge", str(inbox), "--into", str(into), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "imported" in out and out.strip().splitlines()[-1].startswith(
        "dry run, nothing written: 1 file: 1 imported"
    )
    assert not into.exists()


def test_rejections_make_exit_1_and_the_rest_is_still_merged(
    inbox: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_response(inbox, "good.toml", minimal_answers("BR"), id=ID_A)
    write_response(inbox, "draft.toml", minimal_answers("CA"), id=ID_B, status="draft")
    (inbox / "broken.toml").write_text("[response\n", "utf-8")
    (inbox / "notes.txt").write_text("not a response", "utf-8")
    into = tmp_path / "responses"
    assert main(["merge", str(inbox), "--into", str(into)]) == 1
    out = capsys.readouterr().out
    assert "draft" in out and "is not valid TOML" in out
    assert any("notes.txt" in line and "ignored" in line for line in out.splitlines())
    assert sorted(p.name for p in into.glob("*.toml")) == ["BR.toml"]


def test_usage_error_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["merge"])
    assert caught.value.code == 2


def test_folders_are_scanned_without_following_links(
    survey: Questionnaire, inbox: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    write_response(elsewhere, "AU.toml", minimal_answers("AU"), id=ID_A)
    (inbox / "linked").symlink_to(elsewhere, target_is_directory=True)
    (inbox / "sub").mkdir()
    write_response(inbox / "sub", "BR.toml", minimal_answers("BR"), id=ID_B)
    steps = merge([inbox], tmp_path / "responses", survey)
    assert outcomes(steps) == [("BR.toml", "BR", "imported"), ("linked", None, "rejected")]
    assert "symbolic link" in steps[1].reason
    [named] = merge([inbox / "linked"], tmp_path / "responses", survey)
    assert named.outcome.value == "rejected" and "symbolic link" in named.reason, (
        "named, it is not followed either"
    )


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES, errno.EROFS])
def test_a_disk_that_refuses_writes_is_reported_and_keeps_the_old_file(
    survey: Questionnaire, inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    into = tmp_path / "responses"
    write_response(inbox, "r1.toml", minimal_answers(proposals="one"), id=ID_A, revision=1)
    merge([inbox / "r1.toml"], into, survey)
    before = (into / "AU.toml").read_bytes()
    write_response(inbox, "r2.toml", minimal_answers(proposals="two"), id=ID_A, revision=2)

    def refuse(*_args: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr("enquete.storage.atomic.os.replace", refuse)
    steps = merge([inbox / "r2.toml"], into, survey)
    assert steps[0].outcome is Outcome.REJECTED and "not written" in steps[0].reason
    assert (into / "AU.toml").read_bytes() == before
    assert not [p for p in into.rglob("*.tmp")]
