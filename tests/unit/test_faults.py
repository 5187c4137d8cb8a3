"""Fault injection: killed writers, concurrent writers, and fuzzed input never corrupt a folder."""

import contextlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from enquete.merge import merge
from enquete.model.questionnaire import Questionnaire
from enquete.storage.questionnaire_file import load_questionnaire
from enquete.storage.responses import ResponseFolder, load_valid_response
from tests.conftest import FIXTURES, ROOT

SURVEY = load_questionnaire(ROOT / "questionnaire.toml")


def start_writer(folder: Path, tag: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.unit.writer_process", str(folder), tag, str(count)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_kill_9_in_the_middle_of_saving_never_leaves_a_broken_file(tmp_path: Path) -> None:
    folder = tmp_path / "responses"
    rng = random.Random(7)
    last_saved = 0
    for _attempt in range(25):
        writer = start_writer(folder, "k", 10_000)
        assert writer.stdout is not None
        deadline = time.monotonic() + rng.uniform(0.25, 0.6)
        seen = 0
        while time.monotonic() < deadline:
            line = writer.stdout.readline()
            if line.startswith("saved"):
                seen = int(line.split()[1])
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        with contextlib.suppress(ValueError):
            for line in writer.stdout.read().splitlines():
                seen = int(line.split()[1])
        assert seen > 0, "the writer saved at least once before it was killed"
        response = load_valid_response(folder / "AU.toml", SURVEY)
        assert response.revision >= seen, "a revision reported as saved is never lost"
        last_saved = seen
        for draft in ResponseFolder(folder).draft_files():
            assert load_valid_response(draft, SURVEY).status == "draft"
    assert last_saved > 0
    assert [p.name for p in ResponseFolder(folder).submitted_files()] == ["AU.toml"], (
        "tmp files are not counted"
    )


def test_two_concurrent_writers_never_produce_a_corrupt_file(tmp_path: Path) -> None:
    folder = tmp_path / "responses"
    writers = [start_writer(folder, tag, 60) for tag in ("a", "b")]
    reads = 0
    while any(w.poll() is None for w in writers):
        path = folder / "AU.toml"
        if path.exists():
            response = load_valid_response(path, SURVEY)
            assert response.id in ("writer-a", "writer-b")
            reads += 1
    for writer in writers:
        assert writer.wait() == 0
    assert reads > 0
    assert load_valid_response(folder / "AU.toml", SURVEY).revision == 60


VALID = (FIXTURES / "responses" / "AU.toml").read_bytes()


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(VALID)
    for _ in range(draw(st.integers(1, 8))):
        position = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "insert", "delete", "bracket"]))
        if action == "flip":
            data[position] = draw(st.integers(0, 255))
        elif action == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=8))
        elif action == "delete":
            del data[position : position + draw(st.integers(1, 16))]
        else:
            data[position:position] = draw(st.sampled_from([b"[", b"]", b"{", b'"', b"\n[answers]\n", b"="]))
    return bytes(data)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(files=st.lists(mutated(), min_size=1, max_size=4))
def test_fuzzed_files_never_crash_the_merge_and_only_valid_files_land(
    files: list[bytes], tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = tmp_path_factory.mktemp("fuzz")
    inbox = root / "inbox"
    inbox.mkdir()
    for index, data in enumerate(files):
        (inbox / f"{index}.toml").write_bytes(data)
    into = root / "responses"
    steps = merge([inbox], into, SURVEY)
    assert len(steps) == len(files)
    for path in ResponseFolder(into).submitted_files():
        load_valid_response(path, SURVEY)


def test_questionnaire_fixture_is_the_shipped_one(survey: Questionnaire) -> None:
    assert survey == SURVEY
