"""Keys that arrive in one burst, as a terminal delivers fast typing or a paste of keystrokes."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from textual import events

from enquete.storage.questionnaire_file import read_questionnaire_data
from enquete.ui.app import EnqueteApp
from enquete.ui.screens.fill import FillScreen
from enquete.ui.screens.review import ReviewScreen
from tests.conftest import ROOT
from tests.ui.conftest import running, screen_text


def burst(app: EnqueteApp, keys: list[str]) -> None:
    """Queue keys all at once, as the terminal driver does for one read (Pilot waits between keys)."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


async def test_answers_typed_around_ctrl_n_in_one_burst_are_all_kept() -> None:
    """Bug: keys typed right before Ctrl+N died with the old field, and right after it were lost."""
    path = ROOT / "examples" / "office-capacity.toml"
    _, data = read_questionnaire_data(path)
    app = EnqueteApp(data, Path("responses"), source=str(path), language="en", mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("ctrl+n", "ctrl+n")  # to the first number
        burst(app, ["1", "2", "0", "ctrl+n", "3", "5", "ctrl+n", "1", "2", ",", "5"])
        for _ in range(40):
            await pilot.pause()
        await app.workers.wait_for_complete()
        screen = app.screen
        assert isinstance(screen, FillScreen)
        assert screen.session.response.answers == {"examiners": 120, "it_staff": 35, "it_budget_share": 12.5}


def office_capacity_app() -> EnqueteApp:
    path = ROOT / "examples" / "office-capacity.toml"
    _, data = read_questionnaire_data(path)
    return EnqueteApp(data, Path("responses"), source=str(path), language="en", mode="fill")


async def let_burst_land(app: EnqueteApp, pilot: Any) -> None:
    for _ in range(60):
        await pilot.pause()
    await app.workers.wait_for_complete()


async def test_a_whole_survey_typed_in_one_burst_with_enter_keeps_every_answer() -> None:
    """Bug (issue 12): keys typed just before Ctrl+N or Enter were lost in a code search, a date,
    a choice and a one-line text, as in a number; Enter decided before the keys ahead of it landed."""
    app = office_capacity_app()
    async with running(app, size=(80, 24)) as pilot:
        keys = [*"AU", "enter", "ctrl+n", *"120", "enter", *"35", "enter", *"12,5", "enter", *"yes", "enter"]
        keys += [*"2023-09-15", "enter", *"other", "enter", *"Paper “forms” 中文 [b]", "ctrl+r"]
        burst(app, keys)
        await let_burst_land(app, pilot)
        fill = next(s for s in app.screen_stack if isinstance(s, FillScreen))
        assert fill.session.response.answers == {
            "office": "AU",
            "examiners": 120,
            "it_staff": 35,
            "it_budget_share": 12.5,
            "has_strategy": "yes",
            "strategy_adopted": datetime.date(2023, 9, 15),
            "filing_system": "other",
            "filing_system_other": "Paper “forms” 中文 [b]",
        }
        assert isinstance(app.screen, ReviewScreen), "Ctrl+R, last in the burst, opened the review"
        assert "Paper “forms” 中文 [b]" in screen_text(app)


async def test_matrix_digits_typed_just_before_ctrl_n_are_kept() -> None:
    """Bug (issue 12): digits typed in the matrix just before Ctrl+N died with the old grid."""
    _, data = read_questionnaire_data(ROOT / "questionnaire.toml")
    app = EnqueteApp(data, Path("responses"), source="questionnaire.toml", language="en", mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        burst(app, [*"JP", "enter", "1", "2", "1", "ctrl+n", "ctrl+b"])
        await let_burst_land(app, pilot)
        screen = app.screen
        assert isinstance(screen, FillScreen) and screen.question.id == "implementation"
        assert screen.session.answer("implementation") == {
            "rec1": "implemented",
            "rec2": "ongoing",
            "rec3": "implemented",
        }


async def test_a_late_change_from_the_question_just_left_does_not_overwrite_its_answer() -> None:
    """Bug (issue 12): an older value still on its way from the old field could replace the newest one."""
    from enquete.ui.widgets.answer_field import AnswerField

    app = office_capacity_app()
    async with running(app, size=(80, 24)) as pilot:
        burst(app, [*"AU", "enter", "ctrl+n", *"120", "ctrl+n"])
        await let_burst_land(app, pilot)
        screen = app.screen
        assert isinstance(screen, FillScreen) and screen.question.id == "it_staff"
        screen.post_message(AnswerField.Changed("examiners", "12"))  # as the old field's last-but-one
        await let_burst_land(app, pilot)
        assert screen.session.response.answers["examiners"] == 120


async def test_a_stuck_widget_never_holds_ctrl_n(monkeypatch: pytest.MonkeyPatch) -> None:
    """Letting keys land is bounded: a widget that never answers delays a move, never blocks it."""
    import asyncio

    from enquete.ui.screens.fill import typed_keys

    async def never(_: object) -> None:
        await asyncio.Event().wait()

    monkeypatch.setattr(typed_keys, "handled_so_far", never)
    monkeypatch.setattr(typed_keys, "LAND_WITHIN_SECONDS", 0.05)
    app = office_capacity_app()
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press(*"AU", "ctrl+n", "ctrl+n", *"120", "ctrl+n")
        await let_burst_land(app, pilot)
        screen = app.screen
        assert isinstance(screen, FillScreen) and screen.question.id == "it_staff"
        assert screen.session.response.answers["examiners"] == 120, "the field's value read directly"
