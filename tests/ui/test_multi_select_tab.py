"""Tab on a multi-select's option leaves the checklist, never steps to the next option (Down does that).

Bug: on an unticked option of Q4-Q6 (its box hidden) or on
"Not Applicable" (no box), Tab moved to the next option as Down does, so the
Space that followed ticked an option the person had not chosen. Tab now goes
to the option's own box when ticked, else to the question's box below the
list, else to the next control after the list; where there is none (the fill
screen has nothing but the question), the focus stays. Shift+Tab mirrors it.
"""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import Input

from enquete.model.questionnaire import MultiQuestion
from enquete.storage.questionnaire_file import load_questionnaire
from enquete.ui.widgets.choice_box import ChoiceBox
from enquete.ui.widgets.multi_select import MultiSelectField
from tests.conftest import ROOT
from tests.ui.conftest import AppFactory, draft_answers, running
from tests.ui.test_multi_select_text import BURSTS, Q4, Q8, on_question, send


def focused_option(app: Any) -> str:
    focused = app.screen.focused
    assert isinstance(focused, ChoiceBox), focused
    return (focused.id or "").removeprefix("option-")


@BURSTS
async def test_tab_on_an_unticked_option_without_a_box_stays_and_space_ticks_it(
    make_app: AppFactory, in_one_burst: bool
) -> None:
    """Q4, Rec. 3 unticked: Tab, then Space, ticks Rec. 3 (it ticked Rec. 4); Shift+Tab the same."""
    async with running(make_app(mode="fill"), size=(80, 24)) as pilot:
        await on_question(pilot, Q4)
        await send(pilot, ["down", "down", "tab", "space"], in_one_burst=in_one_burst)
        assert focused_option(pilot.app) == "rec3"
        await send(pilot, ["down", "shift+tab", "space"], in_one_burst=in_one_burst)
        assert focused_option(pilot.app) == "rec4"
        assert draft_answers()["current_focus"] == {"selected": ["rec3", "rec4"]}


async def test_tab_on_not_applicable_does_not_wrap_to_the_first_option(make_app: AppFactory) -> None:
    """The last option, with no box: Tab went round to Rec. 1, and Space ticked it."""
    async with running(make_app(mode="fill"), size=(80, 24)) as pilot:
        await on_question(pilot, Q4)
        await send(pilot, ["end", "tab", "space", "tab"], in_one_burst=False)
        assert focused_option(pilot.app) == "not_applicable"
        assert draft_answers()["current_focus"] == {"selected": ["not_applicable"]}


async def test_tab_on_q8_goes_to_the_question_box_and_shift_tab_back_to_the_list(
    make_app: AppFactory,
) -> None:
    async with running(make_app(mode="fill"), size=(80, 24)) as pilot:
        await on_question(pilot, Q8)
        await send(pilot, ["down", "down", "tab", "x", "shift+tab", "space"], in_one_burst=False)
        assert draft_answers()["future_topics"] == {"selected": ["rec10"], "comment": "x"}


class Between(App[None]):
    """The Q4 checklist between two other controls, as a form might hold it."""

    def compose(self) -> ComposeResult:
        question = load_questionnaire(ROOT / "questionnaire.toml").question("current_focus")
        assert isinstance(question, MultiQuestion)
        yield Input(id="before")
        yield MultiSelectField(question, None, "en")
        yield Input(id="after")


async def test_tab_and_shift_tab_on_an_option_leave_for_the_controls_around_the_list() -> None:
    app = Between()
    async with app.run_test() as pilot:
        for key, control in (("tab", "after"), ("shift+tab", "before")):
            app.set_focus(app.query_one("#option-rec3", ChoiceBox))
            await pilot.press(key)
            await pilot.pause()
            assert app.focused is not None and app.focused.id == control
