"""Issue 13: merge reads each file once (rtoml when it is sure) and stages a batch in parallel, losing nothing."""

from __future__ import annotations

import os
import tomllib
from concurrent.futures import Future
from pathlib import Path

import pytest
import tomli_w

from enquete.errors import StorageError
from enquete.merge import Outcome, merge
from enquete.model.questionnaire import Questionnaire
from enquete.storage import atomic
from enquete.storage.atomic import write_files
from enquete.storage.fast_toml import AVAILABLE, parse_fast, parse_fast_text
from enquete.storage.responses import ResponseFolder, load_response
from tests.unit.builders import HEADER, minimal_answers

ID = "aaaaaaaa-0000-4000-8000-000000000001"
COMMENT = (
    "Our Office’s position:\n"
    "- migrated the e-filing front end to the “ST.96” schema;\n"
    "- see https://www.wipo.int/cws/en/ [b]not markup[/b];\n"
    "- 数字化转型 pilot, with \x1b]52;c;SGVsbG8=\x07 pasted by mistake.\n"
) * 6


def response_text(revision: int, comment: str = COMMENT, saved: str = "2025-05-03T10:01:00+02:00") -> str:
    header = {**HEADER, "id": ID, "revision": revision}
    body = tomli_w.dumps(
        {"response": header, "answers": minimal_answers("AU", implementation_comments=comment)},
        multiline_strings=True,
    )
    return body.replace("[response]\n", f"[response]\nsaved = {saved}\nstarted = {saved}\n", 1)


@pytest.mark.skipif(not AVAILABLE, reason="rtoml is not installed")
def test_crlf_inside_a_multiline_comment_reads_as_lf_like_tomllib() -> None:
    """rtoml kept the CR of a Notepad CRLF file in multi-line strings: a second merge saw a conflict."""
    text = response_text(1).replace("\n", "\r\n")
    assert '"""' in text, "the comment is written as a multi-line string"
    assert parse_fast_text(text) == tomllib.loads(text)
    assert parse_fast(text.encode("utf-8")) == tomllib.loads(text)


def test_a_lone_carriage_return_is_left_to_tomllib_to_judge() -> None:
    assert parse_fast_text('a = """x\ry"""\n') is None


def test_crlf_revisions_merged_twice_are_duplicates_the_second_time(
    survey: Questionnaire, tmp_path: Path
) -> None:
    """The same inbox of Windows-saved files merged again imports nothing and finds no conflict."""
    inbox, into = tmp_path / "inbox", tmp_path / "responses"
    inbox.mkdir()
    for revision in (1, 2, 3):
        data = ("\ufeff" + response_text(revision)).replace("\n", "\r\n").encode("utf-8")
        (inbox / f"AU r{revision}.toml").write_bytes(data)
    first = [s.outcome for s in merge([inbox], into, survey)]
    assert first == [Outcome.IMPORTED, Outcome.REPLACED, Outcome.REPLACED]
    again = [s.outcome for s in merge([inbox], into, survey)]
    assert again == [Outcome.STALE, Outcome.STALE, Outcome.DUPLICATE]
    response, problems = load_response(into / "AU.toml", survey)
    assert problems == [] and response.revision == 3
    assert b"\r" not in (into / "AU.toml").read_bytes()


def test_history_copies_keep_the_names_a_fresh_reading_gives(survey: Questionnaire, tmp_path: Path) -> None:
    """History names come from the response merge already read; they must be the ones a re-read gives."""
    inbox, into = tmp_path / "inbox", tmp_path / "responses"
    inbox.mkdir()
    for revision in range(1, 6):
        (inbox / f"AU.r{revision}.toml").write_text(response_text(revision), "utf-8")
    (into).mkdir()
    (into / "AU.toml").write_text("[response]\nbroken = \n", "utf-8")  # no readable response
    merge([inbox], into, survey)
    folder = ResponseFolder(into)
    expected = {
        folder.history_write("AU", p.read_bytes(), survey)[0].name for p in (into / "history").iterdir()
    }
    names = sorted(p.name for p in (into / "history").iterdir())
    assert sorted(expected) == names
    assert len(names) == 5, "the unreadable file and revisions 1 to 4"
    assert any(".unreadable." in n for n in names)
    assert sum(f".{ID}.r" in n for n in names) == 4


def test_a_big_batch_renames_in_the_order_given_only_after_every_file_is_durable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Staging in parallel must keep each file's fsync before any rename, and the renames in order."""
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        real_fsync(fd)
        events.append("fsync")

    def replace(source: str, target: Path) -> None:
        events.append(f"rename {Path(target).name}")
        real_replace(source, target)

    monkeypatch.setattr("enquete.storage.atomic.os.fsync", fsync)
    monkeypatch.setattr("enquete.storage.atomic.os.replace", replace)
    monkeypatch.setattr(atomic, "_sync_folder", lambda folder: events.append("sync"))
    files = [(tmp_path / "history" / f"AU.r{n:02}.toml", f"r{n}".encode()) for n in range(40)]
    files.append((tmp_path / "AU.toml", b"r40"))
    write_files(files)
    renames = [e for e in events if e.startswith("rename")]
    assert renames == [f"rename {path.name}" for path, _ in files]
    assert events[:41] == ["fsync"] * 41, "every file durable before the first rename"
    assert events[-3:] == ["sync", "rename AU.toml", "sync"], "history synced before the new file lands"
    assert [path.read_bytes() for path, _ in files] == [data for _, data in files]


def test_a_failure_while_staging_a_big_batch_writes_nothing_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk full at the 17th file of 30: no file renamed, no .tmp left, the error named."""
    real_stage = atomic._stage
    calls = [0]

    def stage(path: Path, data: bytes) -> str:
        calls[0] += 1
        if path.name == "F17.toml":
            raise StorageError(f"cannot save {path}: the disk is full")
        return real_stage(path, data)

    monkeypatch.setattr(atomic, "_stage", stage)
    (tmp_path / "F03.toml").write_bytes(b"old")
    files = [(tmp_path / f"F{n:02}.toml", b"new") for n in range(30)]
    with pytest.raises(StorageError, match=r"F17\.toml: the disk is full"):
        write_files(files)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["F03.toml"]
    assert (tmp_path / "F03.toml").read_bytes() == b"old"


def test_ctrl_c_while_a_big_batch_is_staged_stops_it_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Interrupted, the thread pool went on staging every pending file and left the temporaries behind."""
    real_wait = atomic.wait  # type: ignore[attr-defined]  # the name atomic calls, patched below

    def interrupted(futures: list[Future[str]]) -> None:
        real_wait(futures[:3])
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic, "wait", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_files([(tmp_path / f"F{n:03}.toml", b"new") for n in range(300)])
    assert list(tmp_path.iterdir()) == []
