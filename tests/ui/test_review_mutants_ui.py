"""Regression tests for the UI mutants that survived the suite in the 2026-11 code review (section 4).

Each test drives the app with keys on the small fixture questionnaire, whose
labels hold `[markup]` and CJK, and asserts on what the screen shows (read
from the app's SVG screenshot) or on the files written. Each was checked by
applying its mutant and seeing it fail.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from enquete.errors import StorageError
from enquete.model.response import Response
from enquete.ui.app import EnqueteApp
from tests.ui.small_app import copy_small_responses, small_app, visible_text, wait_until


def _draft() -> dict[str, Any]:
    drafts = list(Path("responses/drafts").glob("*.toml"))
    return tomllib.loads(drafts[0].read_text("utf-8")) if len(drafts) == 1 else {}


def _draft_answers() -> dict[str, Any]:
    answers: dict[str, Any] = _draft().get("answers", {})
    return answers


async def _to_question(pilot: Pilot[Any], app: EnqueteApp, number: int) -> None:
    await wait_until(pilot, lambda: "Question 1 of 5" in visible_text(app), "the first question")
    for current in range(2, number + 1):
        await pilot.press("ctrl+n")
        position = f"Question {current} of 5"
        await wait_until(pilot, lambda: position in visible_text(app), position)  # noqa: B023


async def test_question_help_and_title_text_are_shown_as_typed() -> None:
    """Mutant K1: `plain()` parsing question, help and title text as markup (`[bold]` vanished)."""
    app = small_app(mode="home")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: "Small [b]test[/b] survey" in visible_text(app), "the literal title")
    app = small_app(mode="fill", office="AU")
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_question(pilot, app, 2)
        screen = visible_text(app)
        assert "Do you run an [bold]online[/bold] portal?" in screen
        assert "Pick one; [red]brackets[/red] are text." in screen


async def test_checkbox_labels_are_shown_as_typed() -> None:
    """Mutant K4: multi-select check-box labels given as markup strings (`XML [b]fmt[/b]` shown as bold `XML fmt`)."""
    app = small_app(mode="fill", office="AU")
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_question(pilot, app, 4)
        assert "[ ] XML [b]fmt[/b]" in visible_text(app)


async def test_matrix_full_labels_are_shown_as_typed() -> None:
    """Mutant K6: the matrix's full row and column label updated as a markup string."""
    app = small_app(mode="fill", office="AU")
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_question(pilot, app, 3)
        await pilot.press("right", "right")
        await wait_until(pilot, lambda: "[3 Not " in visible_text(app), "the third column under the cursor")
        lines = [line.strip() for line in visible_text(app).splitlines()]
        assert "ST.96 [link=https://x]XML[/link]" in lines, "the full label of the row, on its own line"
        assert "→ —   [3 Not [dim]planned[/dim]]" in lines


async def test_ticking_an_ordinary_option_clears_not_applicable() -> None:
    """Mutant E3: the widget kept "Not applicable" ticked beside an ordinary option (an invalid answer)."""
    app = small_app(mode="fill", office="AU")
    async with app.run_test(size=(80, 30)) as pilot:
        await _to_question(pilot, app, 4)
        await pilot.press("down", "down", "space")  # XML -> Web APIs -> Not applicable: tick it
        await wait_until(pilot, lambda: "[x] Not applicable" in visible_text(app), "Not applicable ticked")
        await pilot.press("up", "space")  # back to Web APIs: tick it
        await wait_until(pilot, lambda: "[x] Web APIs" in visible_text(app), "Web APIs ticked")
        assert "[ ] Not applicable" in visible_text(app)
        await wait_until(
            pilot, lambda: _draft_answers().get("focus", {}).get("selected") == ["api"], "the draft saved"
        )
        assert "cannot be combined" not in visible_text(app)


async def test_comments_on_the_results_screen_never_carry_escape_sequences() -> None:
    """Mutant K3: comments on the results screen without `printable()` (an OSC 52 reaches the terminal)."""
    copy_small_responses()
    app = small_app(mode="results")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: "8 respondents" in visible_text(app), "the results")
        await pilot.press("down", "down", "down", "down")  # respondents -> questions 1..4 (focus)
        await wait_until(pilot, lambda: "Which do you [b]focus[/b] on?" in visible_text(app), "question 4")
        await pilot.press("ctrl+f", *"general")
        await wait_until(pilot, lambda: "General" in visible_text(app), "the filtered comment")
        screen = visible_text(app)
        assert "General \ufffd note" in screen
        assert "aGk=" not in screen and "52;c" not in screen


async def test_file_derived_parameters_of_messages_are_made_printable() -> None:
    """Mutant K5: `tr()` no longer sanitising its parameters (a folder name's OSC title-set reached the screen)."""
    folder = Path("resp\x1b]0;pwned\x07")
    copy_small_responses(folder)
    app = small_app(mode="home", responses=folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(
            pilot, lambda: "resp\ufffd" in visible_text(app), "the folder named on the home screen"
        )
        assert "pwned" not in visible_text(app)


async def test_a_failed_autosave_is_retried_without_a_keystroke(monkeypatch: pytest.MonkeyPatch) -> None:
    """Mutant S1: a failed autosave never retried, although the screen says "saving again shortly"."""
    from enquete.storage.responses import ResponseFolder
    from enquete.ui.screens.fill import autosave

    monkeypatch.setattr(autosave, "RETRY_SECONDS", 0.3, raising=False)
    real_save = ResponseFolder.save_draft
    disk = {"full": False}

    def save_draft(self: ResponseFolder, response: Response) -> Path:
        if disk["full"]:
            raise StorageError("the disk is full")
        return real_save(self, response)

    monkeypatch.setattr(ResponseFolder, "save_draft", save_draft)
    app = small_app(mode="fill")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: "Question 1 of 5" in visible_text(app), "the first question")
        disk["full"] = True
        await pilot.press(*"AU")
        await wait_until(pilot, lambda: "NOT SAVED" in visible_text(app), "the failure on screen")
        assert "office" not in _draft_answers()
        disk["full"] = False  # the disk has room again; nobody touches a key
        await wait_until(
            pilot, lambda: _draft_answers().get("office") == "AU", "the retried save", seconds=20
        )
        await wait_until(pilot, lambda: "NOT SAVED" not in visible_text(app), "the failure cleared")
