"""SVG snapshots of the key screens at 80x24 (and the results at 160x48), in English and Chinese.

They render tests/fixtures/small, not the shipped survey, so editing
questionnaire.toml never breaks them; its labels hold `[markup]` and CJK so a
picture shows any text parsed as markup or cut by characters. Every
`run_before` reaches its screen with keys, waits on a condition and ends on
`steady()` (no cursor blink, no pending animation), never on a fixed pause.
"""

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from enquete.ui.dialogs.finalized_list import FinalizedListDialog
from enquete.ui.screens.review import ReviewScreen
from tests.ui.small_app import copy_small_responses, small_app, steady, visible_text, wait_until


@pytest.fixture(autouse=True)
def _home_is_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """The home screen names the folder from the home folder (~/responses): the same on every machine."""
    monkeypatch.setenv("HOME", str(Path.cwd()))


SEEN = {
    "home": {"en": "Small [b]test[/b] survey", "zh": "小型[b]测试[/b]调查"},
    "question1": {"en": "Which office are you?", "zh": "您是哪个局？"},
    "matrix": {"en": "1 Implemented", "zh": "1 已实施"},
    "multi": {"en": "XML [b]fmt[/b]", "zh": "XML [b]格式[/b]"},
}
"""A text each screen shows once it is there, per language."""


async def _shows(pilot: Pilot[Any], what: str, language: str = "en") -> None:
    text = SEEN[what][language]
    await wait_until(pilot, lambda: text in visible_text(pilot.app), f"{what} ({language})")


@pytest.mark.parametrize("language", ["en", "zh"])
def test_home(snap_compare: Any, language: str) -> None:
    async def home(pilot: Pilot[Any]) -> None:
        await _shows(pilot, "home", language)
        # The list may come before validation (no draft here): the picture is the settled screen.
        await wait_until(pilot, lambda: getattr(pilot.app, "ready", False), "the questionnaire validated")
        await steady(pilot)

    assert snap_compare(small_app(language=language), run_before=home, terminal_size=(80, 24))


@pytest.mark.parametrize("language", ["en", "zh"])
def test_matrix_question(snap_compare: Any, language: str) -> None:
    async def answer_some(pilot: Pilot[Any]) -> None:
        await _shows(pilot, "question1", language)
        await pilot.press("ctrl+n", "ctrl+n")
        await _shows(pilot, "matrix", language)
        await pilot.press("1", "2")
        await steady(pilot)

    app = small_app(language=language, mode="fill", office="JP")
    assert snap_compare(app, run_before=answer_some, terminal_size=(80, 24))


@pytest.mark.parametrize("language", ["en", "zh"])
def test_multi_select_with_comments(snap_compare: Any, language: str) -> None:
    async def select_with_comment(pilot: Pilot[Any]) -> None:
        await _shows(pilot, "question1", language)
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")
        await _shows(pilot, "multi", language)
        await pilot.press("space", "tab", *"[bold]Portal[/] 门户", "tab", "space")
        await steady(pilot)

    app = small_app(language=language, mode="fill", office="JP")
    assert snap_compare(app, run_before=select_with_comment, terminal_size=(80, 24))


@pytest.mark.parametrize("language", ["en", "zh"])
def test_review(snap_compare: Any, language: str) -> None:
    async def review(pilot: Pilot[Any]) -> None:
        await _shows(pilot, "question1", language)
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ReviewScreen), "the review screen")
        await steady(pilot)

    app = small_app(language=language, mode="fill", office="JP")
    assert snap_compare(app, run_before=review, terminal_size=(80, 24))


@pytest.mark.parametrize("language", ["en", "zh"])
def test_many_finalized_responses_to_choose_from(snap_compare: Any, language: str) -> None:
    """A Secretariat's folder: the list of finalized responses, narrowed by what was typed."""

    async def choose(pilot: Pilot[Any]) -> None:
        await wait_until(pilot, lambda: getattr(pilot.app, "ready", False), "the questionnaire validated")
        await pilot.press("down", "enter", "j")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, FinalizedListDialog), "the list")
        await steady(pilot)

    copy_small_responses()
    assert snap_compare(small_app(language=language), run_before=choose, terminal_size=(80, 24))


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_results_with_markup_comment(snap_compare: Any, size: tuple[int, int]) -> None:
    async def open_focus(pilot: Pilot[Any]) -> None:
        await wait_until(pilot, lambda: "8 respondents" in visible_text(pilot.app), "the results")
        await pilot.press("down", "down", "down", "down")
        await wait_until(pilot, lambda: "Answered by 4 of 8" in visible_text(pilot.app), "question 4")
        await pilot.press("tab")
        await steady(pilot)

    copy_small_responses()
    assert snap_compare(small_app(mode="results"), run_before=open_focus, terminal_size=size)


def test_snapshots_use_no_machine_paths() -> None:
    folder = Path(__file__).parent / "__snapshots__"
    for svg in folder.rglob("*.svg"):
        assert "/tmp/" not in svg.read_text("utf-8"), svg
