"""The results screen on a folder big enough to be read by worker processes."""

from __future__ import annotations

from collections.abc import Iterator
from multiprocessing import resource_tracker
from pathlib import Path

import pytest

from enquete.ui.screens.results import ResultsScreen
from tests.ui.conftest import AppFactory, running, screen_text
from tests.unit.builders import minimal_answers, write_response

OFFICES = ["AU", "BR", "CA", "CN", "DE", "EP", "ES", "FR", "GB", "IN"]


@pytest.fixture
def fresh_resource_tracker(monkeypatch: pytest.MonkeyPatch) -> Iterator[resource_tracker.ResourceTracker]:
    """A resource tracker not yet started, as in a new `enquete` process.

    The tracker is started once per process; an earlier test may have started
    it with a real stderr, which would hide the bug this file guards against.
    """
    tracker = resource_tracker.ResourceTracker()
    monkeypatch.setattr(resource_tracker, "_resource_tracker", tracker)
    for name in ("ensure_running", "register", "unregister", "getfd"):
        monkeypatch.setattr(resource_tracker, name, getattr(tracker, name))
    yield tracker
    tracker._stop()  # type: ignore[attr-defined]


def thousand_files(folder: Path) -> None:
    """10 offices x 100 revisions: 10 respondents, 990 superseded files."""
    folder.mkdir()
    for office in OFFICES:
        for revision in range(1, 101):
            answers = minimal_answers(office, proposals=f"Revision {revision}: “more” [b]data[/b]")
            write_response(
                folder, f"{office}.r{revision:03d}.toml", answers, id=f"id-{office}", revision=revision
            )


async def test_results_screen_reads_1000_files_in_worker_processes(
    make_app: AppFactory, fresh_resource_tracker: resource_tracker.ResourceTracker
) -> None:
    """Regression: the results screen crashed on 400+ files with "bad value(s) in fds_to_keep".

    The spawned pool's resource tracker was handed Textual's captured stderr,
    whose fileno() is -1.
    """
    thousand_files(Path("responses"))
    app = make_app(mode="results")
    async with running(app, size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        for _ in range(600):  # spawned workers import enquete: allow them time, without a fixed sleep
            if screen.results is not None:
                break
            await pilot.pause(0.05)
        await pilot.pause()
        assert screen.results is not None
        text = screen_text(app)
        assert "10 respondents in responses" in text and "990 file(s) not counted" in text
    assert fresh_resource_tracker._pid is not None  # type: ignore[attr-defined]  # the pool ran, spawned
