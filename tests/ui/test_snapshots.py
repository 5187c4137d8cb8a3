"""SVG snapshots of the key screens at 80x24 (and the results at 160x48), in English and Chinese."""

from pathlib import Path

import pytest

from tests.ui.conftest import AppFactory, until_ready

pytestmark = pytest.mark.usefixtures("sample_responses", "home_is_here")


@pytest.fixture
def home_is_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """The home screen names the folder from the home folder (~/responses): the same on every machine."""
    monkeypatch.setenv("HOME", str(Path.cwd()))


@pytest.mark.parametrize("language", ["en", "zh"])
def test_home(snap_compare, make_app: AppFactory, language: str) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(language=language), run_before=until_ready, terminal_size=(80, 24))


@pytest.mark.parametrize("language", ["en", "zh"])
def test_matrix_question(snap_compare, make_app: AppFactory, language: str) -> None:  # type: ignore[no-untyped-def]
    async def answer_some(pilot) -> None:  # type: ignore[no-untyped-def]
        await until_ready(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("1", "2", "3")
        await pilot.pause()

    app = make_app(language=language, mode="fill", office="JP")
    assert snap_compare(app, run_before=answer_some, terminal_size=(80, 24))


@pytest.mark.parametrize("language", ["en", "zh"])
def test_multi_select_with_comments(snap_compare, make_app: AppFactory, language: str) -> None:  # type: ignore[no-untyped-def]
    async def select_with_comment(pilot) -> None:  # type: ignore[no-untyped-def]
        await until_ready(pilot)
        pilot.app.screen.show_question(3)
        await pilot.pause()
        await pilot.press("space", "tab", *"[bold]Portal[/] 门户", "tab", "space")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()

    app = make_app(language=language, mode="fill", office="JP")
    assert snap_compare(app, run_before=select_with_comment, terminal_size=(80, 24))


@pytest.mark.parametrize("language", ["en", "zh"])
def test_review(snap_compare, make_app: AppFactory, language: str) -> None:  # type: ignore[no-untyped-def]
    async def review(pilot) -> None:  # type: ignore[no-untyped-def]
        await until_ready(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()

    app = make_app(language=language, mode="fill", office="JP")
    assert snap_compare(app, run_before=review, terminal_size=(80, 24))


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_results_with_markup_comment(snap_compare, make_app: AppFactory, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def open_current_focus(pilot) -> None:  # type: ignore[no-untyped-def]
        await until_ready(pilot)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(4):
            await pilot.press("down")
        await pilot.press("tab")
        await pilot.pause()

    assert snap_compare(make_app(mode="results"), run_before=open_current_focus, terminal_size=size)


def test_snapshots_use_no_machine_paths() -> None:
    folder = Path(__file__).parent / "__snapshots__"
    for svg in folder.rglob("*.svg"):
        assert "/tmp/" not in svg.read_text("utf-8"), svg
