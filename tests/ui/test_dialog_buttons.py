"""Space and Enter press a dialog's focused button, as in any dialog; the letter shortcuts still work.

Bug: Space on the quit dialog's focused button did nothing
(Textual's Button answers Enter only), so a person who had tabbed to "Stay"
and pressed Space was left wondering whether the app had heard them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from textual.widgets import Button

from enquete.ui.dialogs.confirm import ConfirmDialog
from enquete.ui.dialogs.submitted import SubmittedDialog
from enquete.ui.screens.fill import FillScreen
from enquete.ui.screens.home import HomeScreen
from tests.conftest import ROOT
from tests.ui.conftest import AppFactory, running, screen_text, settled
from tests.ui.small_app import wait_until
from tests.unit.builders import HEADER, write_response

PRESS = pytest.mark.parametrize("key", ["space", "enter"])


def focused_label(app: object) -> str:
    focused = app.screen.focused  # type: ignore[attr-defined]
    assert isinstance(focused, Button)
    return str(focused.label)


@PRESS
async def test_the_quit_dialogs_focused_button_is_pressed_by_space_or_enter(
    make_app: AppFactory, key: str
) -> None:
    app = make_app(mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the quit dialog")
        await pilot.press("tab")
        assert focused_label(app) == "Stay"
        await pilot.press(key)
        await wait_until(pilot, lambda: isinstance(app.screen, FillScreen), "back to the question")
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the quit dialog again")
        assert focused_label(app) == "Quit"
        await pilot.press(key)
        await pilot.pause()
    assert app.return_code == 0


@PRESS
async def test_the_discard_dialog_keeps_or_discards_with_space_or_enter(
    make_app: AppFactory, key: str
) -> None:
    """The focus starts on Keep (the harmless choice): the key keeps the draft; Tab, the key, discards it."""
    drafts = Path("responses/drafts")
    drafts.mkdir(parents=True)
    kept = [write_response(drafts, f"{HEADER['id']}.toml", {"office": "AU"}, status="draft")]
    app = make_app()
    async with running(app, size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: "Resume draft" in screen_text(app), "the draft listed")
        await pilot.press("d")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the discard dialog")
        assert focused_label(app) == "Keep"
        await pilot.press(key)
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home again")
        await settled(pilot)
        assert list(drafts.glob("*.toml")) == kept
        await pilot.press("d")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the discard dialog again")
        await pilot.press("tab")
        assert focused_label(app) == "Discard"
        await pilot.press(key)
        await wait_until(pilot, lambda: not list(drafts.glob("*.toml")), "the draft discarded")


async def test_left_and_right_move_between_a_dialogs_buttons(make_app: AppFactory) -> None:
    """Trial 2026-12: Delete, Right, Enter on the home screen kept the draft (only Tab moved)."""
    drafts = Path("responses/drafts")
    drafts.mkdir(parents=True)
    write_response(drafts, f"{HEADER['id']}.toml", {"office": "AU"}, status="draft")
    app = make_app()
    async with running(app, size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: "Resume draft" in screen_text(app), "the draft listed")
        await pilot.press("delete")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the discard dialog")
        await pilot.press("right")
        assert focused_label(app) == "Discard"
        await pilot.press("left")
        assert focused_label(app) == "Keep"
        await pilot.press("right", "enter")
        await wait_until(pilot, lambda: not list(drafts.glob("*.toml")), "the draft discarded")


@PRESS
async def test_the_submitted_dialogs_ok_is_pressed_by_space_or_enter(make_app: AppFactory, key: str) -> None:
    app = make_app(mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press(*"BR", "enter")
        await pilot.pause()
        await pilot.press(*"1111122222", "ctrl+r")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, SubmittedDialog), "the saved dialog")
        assert focused_label(app) == "OK"
        await pilot.press(key)
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")


async def test_the_quit_dialogs_letters_still_answer(make_app: AppFactory) -> None:
    """N stays, Y quits, whichever button has the focus."""
    app = make_app(mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the quit dialog")
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, FillScreen), "back to the question")
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the quit dialog again")
        await pilot.press("tab", "y")
        await pilot.pause()
    assert app.return_code == 0


def test_every_button_of_the_app_is_pressed_by_space() -> None:
    """No button is built from Textual's Enter-only Button: only from `DialogButton`."""
    ui = ROOT / "src" / "enquete" / "ui"
    built = [
        f"{path.relative_to(ui)}:{node.lineno}"
        for path in ui.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Button"
    ]
    assert built == []


async def test_a_draft_saved_under_another_name_is_discarded_for_good(make_app: AppFactory) -> None:
    """Bug: `drafts/GB.toml` (a draft copied in by hand) could not be discarded: only
    `drafts/<id>.toml` was removed, and the draft came back at once."""
    drafts = Path("responses/drafts")
    drafts.mkdir(parents=True)
    write_response(drafts, "GB.toml", {"office": "GB"}, status="draft")
    write_response(drafts, "GB copy.toml", {"office": "GB"}, status="draft")  # the same response again
    app = make_app()
    async with running(app, size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: "Resume draft" in screen_text(app), "the draft listed")
        await pilot.press("d")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the discard dialog")
        await pilot.press("y")
        await wait_until(pilot, lambda: not list(drafts.glob("*.toml")), "both files removed")
        await settled(pilot)
        assert "Resume draft" not in screen_text(app)
