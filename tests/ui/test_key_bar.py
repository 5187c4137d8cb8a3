"""The key bar at the bottom: every key and its word visible at 80 columns in every language; keys clickable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from enquete.i18n.catalog import translate
from enquete.ui.app import EnqueteApp
from enquete.ui.widgets.key_bar import KeyBar
from tests.annex_fixture import write_annex_fixture
from tests.ui.conftest import AppFactory, running, screen_text, settled, until_ready

LANGUAGES = ["en", "fr", "es", "zh", "ru"]


def offered_keys(app: EnqueteApp) -> list[str]:
    """Each `key word` the screen offers now: shown bindings with a catalog word, enabled, once each."""
    seen: set[str] = set()
    pairs = []
    for active in app.screen.active_bindings.values():
        binding = active.binding
        word = binding.description
        if binding.show and word.startswith("key.") and active.enabled and word not in seen:
            seen.add(word)
            pairs.append(f"{app.get_key_display(binding)} {translate(word, app.language)}")
    return pairs


def bar_lines(app: EnqueteApp) -> list[str]:
    """The rows of the screen the key bar takes, as the person sees them."""
    region = app.screen.query_one(KeyBar).region
    rows = screen_text(app).split("\n")
    return rows[region.y : region.y + region.height]


def assert_all_keys_visible(app: EnqueteApp, where: str, *, one_line: bool = True) -> None:
    """Every offered pair whole on one of the bar's rows; on one row unless the screen has many keys."""
    lines = bar_lines(app)
    pairs = offered_keys(app)
    assert pairs, where
    missing = [pair for pair in pairs if not any(pair in line for line in lines)]
    assert not missing, f"{where} in {app.language}: {missing} not in {lines!r}"
    assert len(lines) == 1 or not one_line, f"{where} in {app.language}: {lines!r}"


async def walk_fill_screens(pilot: Any, lang: str) -> None:
    """Every question of the survey (each type: code list, matrix, text, multi-select), then review."""
    app = pilot.app
    assert_all_keys_visible(app, "question 1")
    await pilot.press(*"austral", "enter")  # a draft, so that home offers to discard it
    await settled(pilot)
    for number in range(2, 9):
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("tab")  # into the answer, where a matrix adds Space
        await pilot.pause()
        # The matrix adds "space Choose": nine keys take two rows in every language.
        assert_all_keys_visible(app, f"question {number}", one_line=number != 2)
    await pilot.press("ctrl+r")
    await pilot.pause()
    assert_all_keys_visible(app, "review")


@pytest.mark.parametrize("lang", LANGUAGES)
async def test_every_key_and_its_word_fit_at_80_columns(make_app: AppFactory, lang: str) -> None:
    """Regression: in Spanish the fill screen's key bar lost "^q Salir" past the 80th column.

    Every screen's bar, in every catalog, at 80x24: home (with a draft, so
    Delete shows), each question, review, results. Also a regression: once
    home listed its drafts after validation (a worker), Delete was offered
    but the bar, redrawn only on focus changes, never showed it.
    """
    async with running(make_app(language=lang, mode="fill"), size=(80, 24)) as pilot:
        await walk_fill_screens(pilot, lang)
    write_annex_fixture(Path("responses"))
    for mode, second_key in (("home", "down"), ("results", "tab")):  # the next action; into the pane
        async with running(make_app(language=lang, mode=mode), size=(80, 24)) as pilot:
            await until_ready(pilot)  # with a draft, home lists it (and offers Delete) once validated
            assert_all_keys_visible(pilot.app, mode)
            await pilot.press(second_key)
            await pilot.pause()
            assert_all_keys_visible(pilot.app, f"{mode} after {second_key}")


def cell_of(lines: list[str], words: str) -> tuple[int, int]:
    """The (column, row) in the bar where `words` start, counted in cells as drawn."""
    from enquete.text import text_width

    for row, line in enumerate(lines):
        if words in line:
            return text_width(line[: line.index(words)]), row
    raise AssertionError(f"{words!r} not in the bar: {lines!r}")


async def test_clicking_a_key_in_the_bar_runs_it(make_app: AppFactory) -> None:
    """Regression: the key bar was drawn text only; Textual's own Footer runs a key when clicked.

    A click on the word works as well as on the key, on the bar's second row too.
    """
    async with running(make_app(language="es", mode="fill"), size=(80, 24)) as pilot:
        app = pilot.app
        assert "Pregunta 1 de 8" in screen_text(app)
        x, y = cell_of(bar_lines(app), "Siguiente")
        assert await pilot.click(KeyBar, offset=(x + 3, y))
        await pilot.pause()
        assert "Pregunta 2 de 8" in screen_text(app)  # the matrix: its bar takes two rows
        lines = bar_lines(app)
        assert len(lines) == 2
        x, y = cell_of(lines, "^q Salir")
        assert y == 1
        assert await pilot.click(KeyBar, offset=(x, y))
        await pilot.pause()
        assert "¿Salir de enquete?" in screen_text(app)


async def test_a_click_between_keys_does_nothing(make_app: AppFactory) -> None:
    """The space parting two pairs, and the empty end of the bar, press no key."""
    async with running(make_app(language="en", mode="fill"), size=(80, 24)) as pilot:
        app = pilot.app
        before = screen_text(app)
        x, y = cell_of(bar_lines(app), "^b Back")
        assert await pilot.click(KeyBar, offset=(x - 1, y))
        assert await pilot.click(KeyBar, offset=(79, y))
        await pilot.pause()
        assert screen_text(app) == before
