"""Many finalized responses in the folder (a Secretariat's): one home entry, a list that narrows as you type.

Bug: a folder of 150 responses listed 150 "Edit the finalized response of …"
lines on the home screen, and "View results" came after all of them.
"""

from pathlib import Path

from textual.widgets import OptionList

from enquete.ui.dialogs.finalized_list import FinalizedListDialog
from enquete.ui.screens.fill import FillScreen
from enquete.ui.screens.home import HomeScreen
from tests.ui.conftest import AppFactory, running, screen_text
from tests.unit.builders import write_response

OFFICES = ["AU", "BR", "CN", "FR", "JP", "KR"]


def finalized(offices: list[str]) -> None:
    folder = Path("responses")
    folder.mkdir()
    for office in offices:
        write_response(folder, f"{office}.toml", {"office": office})


async def wait_for(pilot, condition, what: str) -> None:  # type: ignore[no-untyped-def]
    for _ in range(300):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"never: {what}")


async def test_many_finalized_responses_are_one_entry_and_results_come_next(make_app: AppFactory) -> None:
    finalized(OFFICES)
    app = make_app()
    async with running(app, size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: "choose among 6" in screen_text(app), "the one entry")
        shown = screen_text(app)
        assert "Edit the finalized response of" not in shown
        assert shown.index("choose among 6") < shown.index("View results")


async def test_a_few_finalized_responses_are_still_listed_one_by_one(make_app: AppFactory) -> None:
    finalized(["AU", "FR"])
    app = make_app()
    async with running(app, size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: "Edit the finalized response of FR France" in screen_text(app), "FR")
        assert "choose among" not in screen_text(app)


async def test_typing_narrows_the_list_and_enter_opens_the_file(make_app: AppFactory) -> None:
    finalized(OFFICES)
    app = make_app()
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("down", "enter")  # Fill in a new response, Edit a finalized response…
        await wait_for(pilot, lambda: isinstance(app.screen, FinalizedListDialog), "the list")
        assert "KR Korea, Republic of" in screen_text(app)
        await pilot.press(*"fra")  # part of "France": the office's name finds its file
        await wait_for(pilot, lambda: "KR Korea" not in screen_text(app), "the list narrowed")
        assert "FR France" in screen_text(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, FillScreen), "the fill screen")
        screen = app.screen
        assert isinstance(screen, FillScreen)
        assert screen.session.response.answers["office"] == "FR"


async def test_a_held_key_stops_at_the_end_and_nothing_found_opens_nothing(make_app: AppFactory) -> None:
    finalized(OFFICES)
    app = make_app()
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, FinalizedListDialog), "the list")
        files = app.screen.query_one("#files", OptionList)
        await pilot.press(*["down"] * 40)
        assert files.highlighted == len(OFFICES) - 1  # at the end, not wrapped round to the top
        await pilot.press(*"zz")
        await wait_for(pilot, lambda: "No file matches" in screen_text(app), "nothing found")
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FinalizedListDialog)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen), "home again")
