"""Filling in a response with the keyboard: each question type, navigation, language, autosave, submit."""

import tomllib
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App

from enquete.model.questionnaire import Questionnaire
from enquete.ui.screens.fill import FillScreen
from enquete.ui.screens.home import HomeScreen
from enquete.ui.screens.review import ReviewScreen
from enquete.verdicts import check_response_file
from tests.ui.conftest import AppFactory, running, screen_text, settled


def fill_screen(app: App[Any]) -> FillScreen:
    """The fill screen on top, typed (it holds the session the tests inspect)."""
    screen = app.screen
    assert isinstance(screen, FillScreen)
    return screen


def draft_data() -> dict[str, Any]:
    drafts = list(Path("responses/drafts").glob("*.toml"))
    assert len(drafts) == 1, drafts
    return tomllib.loads(drafts[0].read_text("utf-8"))


async def wait_saved(pilot) -> None:  # type: ignore[no-untyped-def]
    await settled(pilot)


async def test_code_list_filters_by_name_and_enter_picks(make_app: AppFactory) -> None:
    app = make_app(mode="fill")
    async with running(app, size=(80, 24), notifications=True, tooltips=True) as pilot:
        assert isinstance(app.screen, FillScreen)
        await pilot.press(*"austral", "enter")
        await wait_saved(pilot)
        assert fill_screen(app).session.answer("office") == "AU"
        assert draft_data()["answers"]["office"] == "AU"


async def test_matrix_digits_answer_each_row_and_move_down(make_app: AppFactory) -> None:
    app = make_app(mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"1234512345")
        await wait_saved(pilot)
        levels = ["implemented", "ongoing", "decided", "considering", "not_planned"] * 2
        assert draft_data()["answers"]["implementation"] == {
            f"rec{i + 1}": level for i, level in enumerate(levels)
        }


async def test_matrix_space_chooses_the_cell_under_the_cursor(make_app: AppFactory) -> None:
    app = make_app(mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("right", "right", "down", "space")
        await wait_saved(pilot)
        assert draft_data()["answers"]["implementation"] == {"rec2": "decided"}
        assert fill_screen(app).session.problems("implementation", complete=True)[0].kind == "missing_row"


async def test_free_text_is_saved_verbatim_and_counted(make_app: AppFactory) -> None:
    app = make_app(mode="fill")
    text = "[bold]x[/] comment [/] end C:\\dir\\ 中文"
    async with running(app, size=(80, 24), notifications=True) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*text)
        await wait_saved(pilot)
        assert draft_data()["answers"]["implementation_comments"] == text
        assert f"{len(text)} / 4000 characters" in screen_text(app)


async def test_not_applicable_clears_the_other_choices(make_app: AppFactory) -> None:
    app = make_app(mode="fill")
    async with running(app, size=(80, 40)) as pilot:
        fill_screen(app).show_question(4)  # low_priority
        await pilot.pause()
        await pilot.press("space", "tab")  # rec1, then Tab into its comment box
        await pilot.press(*"not now", "tab")  # then on to rec2
        await pilot.press("space")
        await wait_saved(pilot)
        assert draft_data()["answers"]["low_priority"] == {
            "selected": ["rec1", "rec2"],
            "comments": {"rec1": "not now"},
        }
        await pilot.press("end", "space")  # End jumps to Not Applicable
        await wait_saved(pilot)
        assert draft_data()["answers"]["low_priority"] == {"selected": ["not_applicable"]}
        assert draft_data()["draft"]["set_aside"] == {"low_priority": {"rec1": "not now"}}


async def test_switching_language_keeps_answers_and_translates_everything(make_app: AppFactory) -> None:
    app = make_app(mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press(*"FR", "enter")
        await pilot.press("f2", "down", "enter")  # Français
        await pilot.pause()
        screen = screen_text(app)
        assert "Question 1 sur 8" in screen and "^n Suite" in screen and "France" in screen
        assert fill_screen(app).session.answer("office") == "FR"
        await wait_saved(pilot)
        assert draft_data()["response"]["language"] == "fr"


async def test_a_draft_written_by_one_app_is_resumed_by_the_next(make_app: AppFactory) -> None:
    first = make_app(mode="fill")
    async with running(first, size=(80, 24)) as pilot:
        await pilot.press(*"JP", "enter", "ctrl+n")
        await pilot.pause()
        await pilot.press("1", "2")
        await wait_saved(pilot)
    second = make_app()
    async with running(second, size=(80, 24)) as pilot:
        assert isinstance(second.screen, HomeScreen)
        assert "Resume draft: JP Japan" in screen_text(second)
        await pilot.press("enter")
        await pilot.pause()
        screen = second.screen
        assert isinstance(screen, FillScreen)
        assert screen.question.id == "implementation", "resumes where the person was"
        assert screen.session.answer("implementation") == {"rec1": "implemented", "rec2": "ongoing"}


async def test_review_refuses_an_incomplete_response(make_app: AppFactory) -> None:
    app = make_app(mode="fill")
    async with running(app, size=(80, 24), notifications=True) as pilot:
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Problems to fix before finalizing: 2" in screen_text(app)
        assert not list(Path("responses").glob("*.toml"))
        await pilot.press("enter")  # jumps to the highlighted (first) problem
        await pilot.pause()
        assert isinstance(app.screen, FillScreen) and app.screen.question.id == "office"


async def test_submit_writes_a_file_that_check_accepts(make_app: AppFactory, survey: Questionnaire) -> None:
    app = make_app(mode="fill")
    async with running(app, size=(80, 24), notifications=True) as pilot:
        await pilot.press(*"BR", "enter", "ctrl+n")
        await pilot.pause()
        await pilot.press(*"1111122222", "ctrl+r")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Saved — ready to send" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    path = Path("responses/BR.toml")
    verdict = check_response_file(path, survey)
    assert verdict.ok and verdict.note == " (BR, revision 1)"
    assert not list(Path("responses/drafts").glob("*.toml")), "the draft is gone once submitted"


async def test_editing_a_submitted_response_makes_the_next_revision(
    make_app: AppFactory, survey: Questionnaire
) -> None:
    app = make_app(mode="fill", office="BR")
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"1111111111", "ctrl+r")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    first = tomllib.loads(Path("responses/BR.toml").read_text("utf-8"))["response"]
    app = make_app(mode="fill", office="BR")
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("5", "ctrl+r")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    second = tomllib.loads(Path("responses/BR.toml").read_text("utf-8"))
    assert second["response"]["id"] == first["id"]
    assert second["response"]["revision"] == 2
    assert second["answers"]["implementation"]["rec1"] == "not_planned"


async def test_quitting_asks_first(make_app: AppFactory) -> None:
    app = make_app(mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert "Nothing has been answered yet, so no draft is kept" in screen_text(app), "no false promise"
        await pilot.press("n", *"AU")
        await wait_saved(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert "Your answers are saved as a draft" in screen_text(app)
        await pilot.press("n")
        assert isinstance(app.screen, FillScreen)
        await pilot.press("ctrl+q", "y")
        await pilot.pause()
    assert app.return_code == 0


async def test_help_lists_the_keys_of_the_screen(make_app: AppFactory) -> None:
    app = make_app(mode="fill", language="zh")
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        screen = screen_text(app)
        assert "下一题" in screen and "按键" in screen
        await pilot.press("escape")
        assert isinstance(app.screen, FillScreen)


async def test_a_failing_disk_keeps_the_answers_and_says_so(make_app: AppFactory, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from enquete.errors import StorageError

    def refuse(*_args: object) -> None:
        raise StorageError("cannot save responses/drafts/x.toml: the disk is full")

    app = make_app(mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        with monkeypatch.context() as disk_full:
            disk_full.setattr("enquete.storage.responses.ResponseFolder.save_draft", refuse)
            await pilot.press(*"AU", "enter")
            await wait_saved(pilot)
            assert "NOT SAVED" in screen_text(app) and "disk is full" in screen_text(app)
            assert fill_screen(app).session.answer("office") == "AU", "the answer is kept in memory"
            assert not list(Path("responses/drafts").glob("*.toml")), "nothing half-written"
        fill_screen(app).show_question(1)  # the disk is back: the next save writes everything
        await wait_saved(pilot)
        assert draft_data()["answers"]["office"] == "AU"
        assert "NOT SAVED" not in screen_text(app)


async def test_a_draft_can_be_discarded_to_start_over(make_app: AppFactory) -> None:
    first = make_app(mode="fill")
    async with running(first, size=(80, 24)) as pilot:
        await pilot.press(*"NZ", "enter")
        await wait_saved(pilot)
    app = make_app()
    async with running(app, size=(80, 24)) as pilot:
        assert "Resume draft: NZ New Zealand" in screen_text(app)
        await pilot.press("d")
        await pilot.pause()
        assert "Discard the draft of NZ New Zealand" in screen_text(app)
        await pilot.press("enter")  # the safe default: Keep (trial #29)
        await settled(pilot)
        assert "Resume draft: NZ" in screen_text(app)
        await pilot.press("d", "y")
        await settled(pilot)
        assert "Resume draft" not in screen_text(app)
    assert not list(Path("responses/drafts").glob("*.toml"))


async def test_keys_pressed_right_after_ctrl_n_act_on_the_next_question(make_app: AppFactory) -> None:
    """Regression (new user): Ctrl+N End Space typed without a pause left the next multi-select
    unanswered; the keys went to the question being removed instead of the one being built."""
    app = make_app(mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        for _ in range(2):
            await pilot.press("ctrl+n")
            await pilot.pause()
        assert fill_screen(app).question.id == "implementation_comments"
        # As a terminal delivers a fast typist's keys: all three queued before the app handles the first.
        for key, char in (("ctrl+n", None), ("end", None), ("space", " ")):
            event = events.Key(key, char)
            event.set_sender(app)
            app.post_message(event)
        await wait_saved(pilot)
        assert fill_screen(app).question.id == "current_focus"
        assert draft_data()["answers"]["current_focus"] == {"selected": ["not_applicable"]}
        assert "[x] Not Applicable" in screen_text(app)
        # And as Pilot types them, in one call.
        await pilot.press("ctrl+n", "end", "space")
        await wait_saved(pilot)
        assert fill_screen(app).question.id == "low_priority"
        assert draft_data()["answers"]["low_priority"] == {"selected": ["not_applicable"]}
        assert "[x] Not Applicable" in screen_text(app)


async def test_ctrl_s_on_a_question_opens_the_review_to_finalize(make_app: AppFactory) -> None:
    """Regression (new user): Ctrl+S on a question screen silently did nothing, though the
    README says Ctrl+S finalizes. It now opens the review, which checks and finalizes, and says so."""
    app = make_app(mode="fill")
    async with running(app, size=(80, 24), notifications=True) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert "Ctrl+S" in screen_text(app) or "^s" in screen_text(app)
        assert "Finalize (opens the review)" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press(*"austral", "enter")
        await pilot.press("ctrl+s")
        await wait_saved(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert "Finalizing happens here" in screen_text(app)
        assert "press Ctrl+S again to" in screen_text(app)
        assert draft_data()["answers"]["office"] == "AU", "the draft is saved on the way"
        await pilot.press("ctrl+s")  # the review's checks still apply: incomplete, refused
        await pilot.pause()
        assert "Problems to fix before finalizing: 1" in screen_text(app)
        assert not list(Path("responses").glob("*.toml")), "nothing finalized"


async def test_a_resumed_matrix_puts_the_cursor_on_the_first_unanswered_row(make_app: AppFactory) -> None:
    """Regression (new user): resuming a draft with rows 1-2 answered put the matrix cursor on
    row 1, so the next digit overwrote Rec. 1. The cursor now starts on the first unanswered row."""
    first = make_app(mode="fill")
    async with running(first, size=(80, 24)) as pilot:
        await pilot.press(*"JP", "enter", "ctrl+n")
        await pilot.pause()
        await pilot.press("1", "2")
        await wait_saved(pilot)
    second = make_app()
    async with running(second, size=(80, 24)) as pilot:
        await pilot.press("enter")  # resume the draft
        await pilot.pause()
        assert fill_screen(second).question.id == "implementation"
        await pilot.press("3")
        await wait_saved(pilot)
        row3 = next(line for line in screen_text(second).splitlines() if "Rec. 3 ·" in line)
        assert row3.split("governance")[1].split() == ["(", ")", "(", ")", "(●)", "(", ")", "(", ")"]
        assert draft_data()["answers"]["implementation"] == {
            "rec1": "implemented",
            "rec2": "ongoing",
            "rec3": "decided",
        }
        # All rows answered: back to row 1 on entering the question again.
        await pilot.press(*"4512345")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
        await pilot.press("5")
        await wait_saved(pilot)
        assert draft_data()["answers"]["implementation"]["rec1"] == "not_planned"
        assert draft_data()["answers"]["implementation"]["rec2"] == "ongoing"


async def test_a_resumed_matrix_still_shows_the_question_from_its_first_line(make_app: AppFactory) -> None:
    """Trial #14 kept for resumed drafts: the cursor starting on row 3 must not scroll the question away."""
    first = make_app(mode="fill")
    async with running(first, size=(80, 24)) as pilot:
        await pilot.press(*"JP", "enter", "ctrl+n")
        await pilot.pause()
        await pilot.press("1", "2")
        await wait_saved(pilot)
    second = make_app()
    async with running(second, size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert "Please select your Office's current level of implementation" in screen_text(second)
        await pilot.press("3")
        await wait_saved(pilot)
        assert draft_data()["answers"]["implementation"]["rec3"] == "decided"
