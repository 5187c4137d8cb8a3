"""An arrow key held down over a list stops at its end, in every list of the app.

Bug: Textual's option lists wrap, so a person holding Down over
the results' sections, the review's answers or a dialog's list was carried
from the last item back to the first without noticing. Each test holds a key
for far more presses than the list has items, then looks at where the
highlight is and at what the screen shows for it.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.widgets import DataTable, OptionList
from textual.widgets.option_list import Option

from enquete.ui.screens.fill import FillScreen
from enquete.ui.screens.results import ResultsScreen, Section
from enquete.ui.screens.review import ReviewScreen
from enquete.ui.widgets.choice_box import ChoiceBox
from enquete.ui.widgets.end_stop_option_list import EndStopOptionList
from enquete.ui.widgets.menu_with_reading import MenuWithReading
from tests.conftest import ROOT
from tests.ui.conftest import AppFactory, running, screen_text
from tests.ui.small_app import wait_until
from tests.ui.test_results import wait_loaded

HELD = 60
"""Presses of a held key: more than any list here has items (a wrapping list ends up elsewhere)."""


async def hold(pilot: Any, key: str) -> None:
    """Press `key` HELD times, as a key held down repeats, and let the screen catch up."""
    await pilot.press(*[key] * HELD)
    await pilot.pause()


def one_line_text(app: Any) -> str:
    return " ".join(screen_text(app).split())


def highlighted_prompt(options: OptionList) -> str:
    assert options.highlighted is not None
    return str(options.get_option_at_index(options.highlighted).prompt)


async def test_holding_down_on_the_results_menu_stops_at_the_last_section(
    make_app: AppFactory, sample_responses: Path
) -> None:
    app = make_app(mode="results")
    async with running(app, size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        await wait_loaded(pilot, screen)
        menu = screen.query_one("#sections", OptionList)
        await hold(pilot, "down")
        assert menu.highlighted == menu.option_count - 1
        assert screen.section == Section("files")
        await wait_until(pilot, lambda: "Files not counted" in screen_text(app), "the files section")
        await hold(pilot, "up")
        assert menu.highlighted == 0
        assert screen.section == Section("respondents")
        await wait_until(pilot, lambda: "5 respondents" in one_line_text(app), "the respondents section")


async def test_holding_down_on_the_review_stops_at_the_last_question(make_app: AppFactory) -> None:
    """Held Down then Enter opens the last question (the fifth when the list wrapped); held Up, the first."""
    app = make_app(mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        for key, shown in (("down", "Question 8 of 8"), ("up", "Question 1 of 8")):
            await pilot.press("ctrl+r")
            await wait_until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review")
            await hold(pilot, key)
            await pilot.press("enter")
            await wait_until(pilot, lambda: shown in screen_text(app), shown)  # noqa: B023 (awaited here)


async def test_holding_down_on_home_then_enter_quits(make_app: AppFactory, sample_responses: Path) -> None:
    """The last entry is Quit: held Down, then Enter, quits (it opened a draft when the list wrapped)."""
    app = make_app()
    async with running(app, size=(80, 24)) as pilot:
        actions = app.screen.query_one("#actions", OptionList)
        await wait_until(pilot, lambda: actions.display and actions.option_count > 5, "the folder read")
        await hold(pilot, "down")
        assert highlighted_prompt(actions) == "Quit"
        await hold(pilot, "up")
        assert actions.highlighted == 0
        await hold(pilot, "down")
        await pilot.press("enter")
    assert app.return_code == 0


async def test_holding_down_in_the_language_dialog_chooses_the_last_language(make_app: AppFactory) -> None:
    app = make_app(mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        await hold(pilot, "down")
        await pilot.press("enter")
        await pilot.pause()
        assert app.language == "ru"
        await pilot.press("f2")
        await pilot.pause()
        await hold(pilot, "up")
        await pilot.press("enter")
        await pilot.pause()
        assert app.language == "en"


async def test_holding_down_in_the_question_list_goes_to_the_last_question(make_app: AppFactory) -> None:
    app = make_app(mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("ctrl+g")
        await pilot.pause()
        await hold(pilot, "down")
        await pilot.press("enter")
        await wait_until(pilot, lambda: "Question 8 of 8" in screen_text(app), "question 8")


async def test_holding_down_in_the_code_list_stops_at_its_last_code(make_app: AppFactory) -> None:
    """The office search, narrowed to a few codes: held Down stays on the last, Enter picks it."""
    app = make_app(mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press(*"united")
        await pilot.pause()
        choices = app.screen.query_one("#choices", OptionList)
        shown = [choices.get_option_at_index(i).id for i in range(choices.option_count)]
        assert 2 < len(shown) < HELD
        await hold(pilot, "down")  # the first Down goes from the search into the list
        assert choices.has_focus and choices.highlighted == len(shown) - 1
        await pilot.press("enter")
        await pilot.pause()
        assert fill_screen_answer(app, "office") == shown[-1]
        await hold(pilot, "up")
        assert choices.highlighted == 0


async def test_a_burst_of_down_from_the_code_search_reaches_the_last_code(make_app: AppFactory) -> None:
    """A held key on a busy machine (or tmux) arrives in one read, every key to the search box
    focused then: the first Down went into the list and the rest were lost (Enter picked AE, not US)."""
    app = make_app(mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press(*"united")
        await pilot.pause()
        choices = app.screen.query_one("#choices", OptionList)
        for _ in range(HELD):
            app.post_message(events.Key("down", None))
        await wait_until(pilot, lambda: choices.highlighted == choices.option_count - 1, "the last code")


def fill_screen_answer(app: Any, question_id: str) -> Any:
    screen = app.screen
    assert isinstance(screen, FillScreen)
    return screen.session.answer(question_id)


async def test_holding_down_in_the_by_respondent_view_stops_at_the_last_respondent(
    make_app: AppFactory, sample_responses: Path
) -> None:
    app = make_app(mode="results")
    async with running(app, size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        await wait_loaded(pilot, screen)
        await pilot.press("end", "up", "up", "up")  # files, cross-tab, by option, by respondent
        await wait_until(pilot, lambda: bool(screen.query(MenuWithReading)), "the by-respondent view")
        await pilot.press("tab", "tab")  # the pane, then its list
        menu = screen.query_one(MenuWithReading).query_one(OptionList)
        assert menu.has_focus
        await hold(pilot, "down")
        assert menu.highlighted == menu.option_count - 1
        assert screen.view_choice["by_respondent"] == menu.option_count - 1
        await hold(pilot, "up")
        assert menu.highlighted == 0


async def test_holding_down_in_the_cross_tab_stops_at_the_last_question(
    make_app: AppFactory, sample_responses: Path
) -> None:
    app = make_app(mode="results")
    async with running(app, size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        await wait_loaded(pilot, screen)
        await pilot.press("end", "up")
        await wait_until(pilot, lambda: screen.section.kind == "cross_tab", "the cross-tab")
        await pilot.press("tab", "tab")  # the pane, then its list
        await pilot.pause()
        questions = screen.focused
        assert isinstance(questions, OptionList)
        await hold(pilot, "down")
        assert questions.highlighted == questions.option_count - 1
        await pilot.press("space")  # ticks the last question, not one near the top
        await pilot.pause()
        assert screen.cross_questions is not None and "Q8" in highlighted_prompt(questions)
        assert "future_topics" in screen.cross_questions


async def test_holding_down_in_the_matrix_stops_at_its_last_row(make_app: AppFactory) -> None:
    app = make_app(mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        grid = app.screen.query_one(DataTable)
        await hold(pilot, "down")
        assert grid.cursor_row == grid.row_count - 1
        assert "Recommendation 10" in screen_text(app)  # the full label of the row under the cursor
        await hold(pilot, "up")
        assert grid.cursor_row == 0


async def test_holding_down_in_a_multi_select_stops_at_its_last_option(make_app: AppFactory) -> None:
    app = make_app(mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")
        await wait_until(pilot, lambda: "Question 4 of 8" in screen_text(app), "question 4")
        options = list(app.screen.query(ChoiceBox))
        await hold(pilot, "down")
        assert app.screen.focused is options[-1]
        await hold(pilot, "up")
        assert app.screen.focused is options[0]


def test_every_list_of_the_app_stops_at_its_ends() -> None:
    """No list is built from Textual's wrapping OptionList or SelectionList: only from `end_stop_option_list` and `end_stop_selection_list`."""
    ui = ROOT / "src" / "enquete" / "ui"
    wrapping = {"OptionList", "SelectionList"}
    built = []
    for path in ui.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call):
                called = node.func.value if isinstance(node.func, ast.Subscript) else node.func
                if isinstance(called, ast.Name) and called.id in wrapping:
                    built.append(f"{path.relative_to(ui)}:{node.lineno}")
    assert built == []


class OneList(App[None]):
    """An end-stop list alone, with a disabled item in the middle."""

    def compose(self) -> ComposeResult:
        yield EndStopOptionList(Option("first"), Option("off", disabled=True), Option("last"))


@pytest.mark.parametrize(("key", "first", "held"), [("down", 0, 2), ("up", 2, 0)])
async def test_the_arrows_start_at_an_end_and_step_over_a_disabled_item(
    key: str, first: int, held: int
) -> None:
    """As Textual's own arrows: with nothing highlighted, Down highlights the first item, Up the last."""
    app = OneList()
    async with app.run_test() as pilot:
        options = app.query_one(EndStopOptionList)
        options.highlighted = None
        await pilot.press(key)
        assert options.highlighted == first
        await pilot.press(key)
        assert options.highlighted == held  # one step, over the disabled item
        await hold(pilot, key)
        assert options.highlighted == held
