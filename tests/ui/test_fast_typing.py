"""Keys that arrive in one burst, as a terminal delivers fast typing or a paste of keystrokes."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.message import Message

from enquete.storage.questionnaire_file import read_questionnaire_data
from enquete.ui.app import EnqueteApp
from enquete.ui.screens.fill import FillScreen
from enquete.ui.screens.review import ReviewScreen
from enquete.ui.widgets.answer_field import AnswerField
from enquete.ui.widgets.multi_select import MultiSelectField
from tests.conftest import ROOT
from tests.ui.conftest import AppFactory, draft_answers, running, screen_text, settled


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

    from enquete.ui import keys_in_flight

    async def never(_: object) -> None:
        await asyncio.Event().wait()

    monkeypatch.setattr(keys_in_flight, "handled_so_far", never)
    monkeypatch.setattr(keys_in_flight, "LAND_WITHIN_SECONDS", 0.05)
    app = office_capacity_app()
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press(*"AU", "ctrl+n", "ctrl+n", *"120", "ctrl+n")
        await let_burst_land(app, pilot)
        screen = app.screen
        assert isinstance(screen, FillScreen) and screen.question.id == "it_staff"
        assert screen.session.response.answers["examiners"] == 120, "the field's value read directly"


COMMENT = (
    "- Rec 1: e-filing portal launched 2024 (https://ipo.example.org/efiling)\n"
    "- Rec 5: bulk data in ST.96 XML; “AI pilot” for classification [bold]not markup[/] 中文说明\n"
) * 3


def keys_for(text: str) -> list[str]:
    """The keys a terminal sends for `text` (Enter for a new line)."""
    from textual.keys import _character_to_key

    return ["enter" if c == "\n" else c if c.isalnum() else _character_to_key(c) for c in text]


def burst_text(app: EnqueteApp, text: str) -> None:
    """Queue the keys of `text` all at once, with their characters, as the driver does for one read."""
    for key, character in zip(keys_for(text), text, strict=True):
        app.post_message(events.Key(key, "\r" if character == "\n" else character))


async def test_a_burst_of_keys_in_a_comment_is_handled_once_and_saved_whole(make_app: AppFactory) -> None:
    """Issue 13: each key of a burst went up to the screen (a check, a counter, a layout, a timer
    reset each): typing 2,000 characters cost twice what a bare text area does. A burst is now
    handled once, after its last key, and every character is still in the draft."""
    changes: list[AnswerField.Changed] = []

    def hook(message: Message) -> None:
        if isinstance(message, AnswerField.Changed) and message.question_id == "implementation_comments":
            changes.append(message)

    app = make_app(mode="fill")
    async with running(app, size=(80, 24), message_hook=hook) as pilot:
        screen = app.screen
        assert isinstance(screen, FillScreen)
        await screen.show_question_now(2)  # Q3: free text
        saves = count_saves(screen)
        burst_text(app, COMMENT)
        await settled(pilot)
        assert draft_answers()["implementation_comments"] == COMMENT
        assert 1 <= len(changes) <= 3, f"{len(changes)} changes for {len(COMMENT)} keys"
        assert saves == [True], "one save for the whole burst"
        assert f"{len(COMMENT)} / 4000 characters" in screen_text(app)


async def test_a_burst_in_an_option_comment_is_handled_once_and_saved_whole(make_app: AppFactory) -> None:
    """Issue 13: the same for the growing comment box under a ticked option of a multi-select."""
    edits: list[MultiSelectField.OptionCommentEdited] = []

    def hook(message: Message) -> None:
        if isinstance(message, MultiSelectField.OptionCommentEdited):
            edits.append(message)

    app = make_app(mode="fill")
    async with running(app, size=(80, 24), message_hook=hook) as pilot:
        screen = app.screen
        assert isinstance(screen, FillScreen)
        await screen.show_question_now(3)  # Q4: current focus
        await pilot.press("space", "tab")  # tick Rec. 1, into its comment box
        await settled(pilot)
        saves = count_saves(screen)
        burst_text(app, COMMENT)
        await settled(pilot)
        assert draft_answers()["current_focus"]["comments"]["rec1"] == COMMENT
        assert 1 <= len(edits) <= 3, f"{len(edits)} edits for {len(COMMENT)} keys"
        assert saves == [True]
        assert f"{len(COMMENT)} / 4000 characters" in screen_text(app)


async def test_typing_key_by_key_lays_the_screen_out_only_when_something_moves(
    make_app: AppFactory,
) -> None:
    """Issue 13: every key laid the whole fill screen out again (the counter, the problems and the
    progress were re-set each time). A key that only changes the count now redraws that line."""
    app = make_app(mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, FillScreen)
        await screen.show_question_now(2)
        await pilot.press("a")  # the first character: progress and box may change once
        await settled(pilot)
        layouts = count_layouts(screen)
        for character in "short words, one line":
            await pilot.press(keys_for(character)[0])
        await settled(pilot)
        assert len(layouts) <= 2, f"{len(layouts)} layouts for 21 keys"
        assert draft_answers()["implementation_comments"] == "ashort words, one line"
        assert "22 / 4000 characters" in screen_text(app)


def count_saves(screen: FillScreen) -> list[bool]:
    """What each save of the session returned from now on (True: it wrote the draft)."""
    saves: list[bool] = []
    save = screen.session.save_draft

    def counted() -> bool:
        wrote = save()
        saves.append(wrote)
        return wrote

    screen.session.save_draft = counted  # type: ignore[method-assign]
    return saves


def count_layouts(screen: FillScreen) -> list[None]:
    """One entry per layout of the whole screen from now on."""
    layouts: list[None] = []
    refresh_layout = screen._refresh_layout

    def counted(*args: Any, **kwargs: Any) -> None:
        layouts.append(None)
        refresh_layout(*args, **kwargs)

    screen._refresh_layout = counted  # type: ignore[method-assign]
    return layouts
