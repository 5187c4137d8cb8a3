"""Issue 10: writers in one responses folder take turns; none loses a revision, none is blocked forever.

Two merges at once lost 1,171 revisions in 50 trials before the folder had a
lock. Racers here are forked processes (cheap to start), released together
by a barrier, so they really overlap.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from enquete.cli import main
from enquete.merge import merge
from enquete.model.codes import st3_codes
from enquete.model.response import Response
from enquete.storage import lock as lock_module
from enquete.storage.lock import folder_lock, holder
from enquete.storage.responses import ResponseFolder, load_valid_response
from tests.conftest import ROOT
from tests.unit.builders import minimal_answers
from tests.unit.inbox_kit import response_bytes
from tests.unit.test_faults import SURVEY

pytestmark = pytest.mark.skipif(os.name != "posix", reason="fork and SIGKILL")
FORK = multiprocessing.get_context("fork")
TRIALS = 50


def _merge_and_report(inbox: Path, into: Path, barrier: Any, results: Any) -> None:
    barrier.wait()
    steps = merge([inbox], into, SURVEY)
    results.put([(s.respondent, s.name, s.outcome.value) for s in steps])


def _revisions_kept(into: Path, key: str) -> set[int]:
    """Every revision of KEY in the folder: the current file and all of history."""
    files = [into / f"{key}.toml", *(into / "history").glob(f"{key}.*.toml")]
    return {load_valid_response(p, SURVEY).revision for p in files if p.exists()}


def _race(target: Any, args: list[tuple[Any, ...]]) -> list[Any]:
    barrier, results = FORK.Barrier(len(args)), FORK.Queue()
    racers = [FORK.Process(target=target, args=(*a, barrier, results)) for a in args]
    for racer in racers:
        racer.start()
    outcomes = [results.get(timeout=60) for _ in racers]
    for racer in racers:
        racer.join(timeout=60)
        assert racer.exitcode == 0
    return outcomes


def test_two_merges_racing_50_times_lose_no_revision_and_keep_history_complete(tmp_path: Path) -> None:
    """Two merges at once (no lock) lost revisions: the second wrote over what the first had written."""
    inboxes = {name: tmp_path / name for name in ("odd", "even")}
    for offset, inbox in enumerate(inboxes.values()):
        inbox.mkdir()
        for revision in range(1 + offset, 7, 2):
            for key in ("AU", "BR"):
                (inbox / f"{key}-r{revision}.toml").write_bytes(
                    response_bytes(key, f"{key}-id", revision=revision, proposals=f"r{revision}")
                )
    for trial in range(TRIALS):
        into = tmp_path / f"responses-{trial}"
        reports = _race(_merge_and_report, [(inbox, into) for inbox in inboxes.values()])
        for key in ("AU", "BR"):
            assert load_valid_response(into / f"{key}.toml", SURVEY).revision == 6, (trial, key)
            written = {
                int(n.split("-r")[1][0])
                for r in reports
                for k, n, o in r
                if k == key and o in ("imported", "replaced")
            }
            assert written <= _revisions_kept(into, key), "every revision reported written is kept"
        for path in [*into.glob("*.toml"), *(into / "history").glob("*.toml")]:
            load_valid_response(path, SURVEY)


def _submit_in_a_loop(into: Path, count: int, barrier: Any, results: Any) -> None:
    folder = ResponseFolder(into)
    base = replace(Response.new(SURVEY), id="office-au", answers=minimal_answers("AU"))
    barrier.wait()
    written = set()
    for revision in range(1, count + 1):
        response = replace(
            base, revision=revision, answers=minimal_answers("AU", proposals=f"app r{revision}")
        )
        _path, submitted = folder.submit(response, SURVEY)
        written.add(submitted.revision)  # what the app says it wrote (submit may renumber)
    results.put(written)


def test_a_merge_racing_an_app_submit_loses_no_revision(tmp_path: Path) -> None:
    """The app's submit and a merge interleaved a read-decide-write, and the submit overwrote without history."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for revision in (30, 40, 50):  # distinct from the app's, so one cannot hide the loss of another
        (inbox / f"r{revision}.toml").write_bytes(
            response_bytes("AU", "office-au", revision=revision, proposals=f"mail r{revision}")
        )
    for trial in range(10):
        into = tmp_path / f"responses-{trial}"
        barrier, results = FORK.Barrier(2), FORK.Queue()
        app = FORK.Process(target=_submit_in_a_loop, args=(into, 20, barrier, results))
        merger = FORK.Process(target=_merge_and_report, args=(inbox, into, barrier, results))
        app.start()
        merger.start()
        reports = [results.get(timeout=60), results.get(timeout=60)]
        app.join(60)
        merger.join(60)
        assert app.exitcode == merger.exitcode == 0
        steps = next(r for r in reports if isinstance(r, list))
        submitted = next(r for r in reports if isinstance(r, set))
        merged = {int(n[1:-5]) for _, n, o in steps if o in ("imported", "replaced")}
        kept = _revisions_kept(into, "AU")
        assert len(submitted) == 20 and submitted <= kept, (
            f"trial {trial}: every submit is current or in history"
        )
        assert merged <= kept, f"trial {trial}: every merged revision too"


def _hold_lock(into: Path, ready: Any, release: Any) -> None:
    with folder_lock(into):
        ready.set()
        release.wait(30)


def test_a_held_lock_gives_a_clear_message_naming_the_holder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A merge that meets another writer waits, then says who holds the folder (exit 2, nothing done)."""
    into, inbox = tmp_path / "responses", tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "AU.toml").write_bytes(response_bytes("AU", "au-1"))
    ready, release = FORK.Event(), FORK.Event()
    holder_process = FORK.Process(target=_hold_lock, args=(into, ready, release))
    holder_process.start()
    try:
        assert ready.wait(30)
        monkeypatch.setattr(lock_module, "WAIT_SECONDS", 0.3)
        assert main(["merge", str(inbox), "--into", str(into)]) == 2
        err = capsys.readouterr().err
        assert f"is being written by process {holder_process.pid}" in err and "wait for it" in err
        assert not (into / "AU.toml").exists()
    finally:
        release.set()
        holder_process.join(30)
    assert main(["merge", str(inbox), "--into", str(into)]) == 0


def test_a_lock_left_by_a_killed_process_is_stale_and_blocks_nothing(tmp_path: Path) -> None:
    """kill -9 while holding the lock: the system drops it; the note left behind is called stale."""
    into = tmp_path / "responses"
    ready, release = FORK.Event(), FORK.Event()
    victim = FORK.Process(target=_hold_lock, args=(into, ready, release))
    victim.start()
    assert ready.wait(30)
    os.kill(victim.pid or 0, signal.SIGKILL)
    victim.join(30)
    assert "stale" in holder(into) and str(victim.pid) in holder(into)
    with folder_lock(into, timeout=1):
        pass  # taken at once


def test_kill_9_in_the_middle_of_a_merge_leaves_every_file_whole(tmp_path: Path) -> None:
    """A merge killed at any moment leaves each file old or new, never half; a rerun completes it."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    codes = [c.code for c in st3_codes()][:60]
    for key in codes:
        for revision in (1, 2):
            (inbox / f"{key}-{revision}.toml").write_bytes(
                response_bytes(key, f"id-{key}", revision=revision)
            )
    into = tmp_path / "responses"
    rng = random.Random(10)
    for _ in range(8):
        merger = subprocess.Popen(
            [sys.executable, "-m", "enquete", "merge", str(inbox), "--into", str(into)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.3, 1.2))
        merger.send_signal(signal.SIGKILL)
        merger.wait()
        for path in [*into.glob("*.toml"), *(into / "history").glob("*.toml")]:
            load_valid_response(path, SURVEY)
    steps = merge([inbox], into, SURVEY)
    assert all(s.outcome.ok for s in steps), [s for s in steps if not s.outcome.ok]
    assert sorted(p.stem for p in into.glob("*.toml")) == sorted(codes)
    assert all(load_valid_response(into / f"{key}.toml", SURVEY).revision == 2 for key in codes)
