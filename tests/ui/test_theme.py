"""Choosing the colours without the command palette: a home entry and F3, remembered, readable under NO_COLOR."""

from __future__ import annotations

import pytest

from enquete.settings import Settings
from enquete.ui.dialogs.theme import ThemeDialog
from tests.ui.conftest import AppFactory, running, screen_text, settled


async def wait_home(pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(200):
        if "Colours:" in screen_text(pilot.app) or "Couleurs :" in screen_text(pilot.app):
            return
        await pilot.pause()
    raise AssertionError(screen_text(pilot.app))


async def test_the_home_screen_offers_the_colours_and_remembers_the_choice(make_app: AppFactory) -> None:
    """Regression: a theme could only be chosen through Ctrl+P, which a non-developer never finds."""
    async with running(make_app(mode="home"), size=(80, 24)) as pilot:
        await wait_home(pilot)
        assert "Colours: Dark" in screen_text(pilot.app)
        await pilot.press("end", "up", "enter")  # the entry above Quit
        await pilot.pause()
        assert isinstance(pilot.app.screen, ThemeDialog)
        text = screen_text(pilot.app)
        assert "Dark (in use)" in text and "Your terminal's own colours" in text
        await pilot.press("down", "enter")  # Light
        await settled(pilot)
        assert "Colours: Light" in screen_text(pilot.app)
        assert pilot.app.theme == "textual-light"
        await pilot.press("enter")  # the highlight stayed on the entry
        await pilot.pause()
        assert "Light (in use)" in screen_text(pilot.app)
        await pilot.press("escape")
    assert Settings.load().theme == "textual-light"
    async with running(make_app(mode="home", settings=Settings.load()), size=(80, 24)) as pilot:
        await wait_home(pilot)
        assert pilot.app.theme == "textual-light" and "Colours: Light" in screen_text(pilot.app)


async def test_f3_chooses_the_colours_from_any_screen_and_f1_tells_of_it(make_app: AppFactory) -> None:
    async with running(make_app(mode="fill", language="fr"), size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert "f3  Couleurs" in " ".join(screen_text(pilot.app).split(" " * 12))
        await pilot.press("escape", "f3")
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "Sombre (en service)" in text and "Les couleurs de votre terminal" in text
        await pilot.press("down", "down", "enter")  # the terminal's own colours
        await pilot.pause()
        assert pilot.app.theme == "ansi-dark"
        assert "Question 1 sur 8" in screen_text(pilot.app)


async def test_under_no_color_the_dialog_says_why_nothing_changes(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With NO_COLOR every theme looks alike: the dialog says so, and marks the theme in use in words."""
    monkeypatch.setenv("NO_COLOR", "1")
    async with running(make_app(mode="home"), size=(80, 24)) as pilot:
        await wait_home(pilot)
        await pilot.press("f3")
        await pilot.pause()
        text = " ".join(screen_text(pilot.app).split())
        assert "NO_COLOR is set: this terminal shows no colours" in text
        assert "Dark (in use)" in text
