"""A survey author's first try of the app (s1 office capacity, s2 anonymous satisfaction): what went wrong."""

from __future__ import annotations

from typing import Any

import pytest

from enquete.ui.app import EnqueteApp
from tests.conftest import FIXTURES
from tests.ui.conftest import app_for, draft_answers, fill_screen, running, screen_text, settled

TRIAL = FIXTURES / "author-trial"


def trial_app(name: str, language: str = "en") -> EnqueteApp:
    return app_for(TRIAL / name, language)


def as_prose(shown: str) -> str:
    """A dialog's wrapped lines as one line of text (its borders dropped)."""
    return " ".join(" ".join(line.strip(" │▊▎").split()) for line in shown.splitlines())


async def go_to(pilot: Any, question_id: str) -> None:
    screen = fill_screen(pilot.app)
    await screen.show_question_now(screen.session.questionnaire.ids.index(question_id))
    await settled(pilot)


@pytest.mark.parametrize(("typed", "code", "name"), [("China", "CN", "China"), ("Austria", "AT", "Austria")])
async def test_a_name_typed_in_a_code_search_saves_that_name_not_a_code_met_on_the_way(
    typed: str, code: str, name: str
) -> None:
    """Bug (author trial, item 1): "China" picked CH as soon as "Ch" was typed and kept it while the
    list showed only CN; Ctrl+N saved office = "CH" ("Austria" saved AU)."""
    async with running(trial_app("cap.toml"), size=(80, 24)) as pilot:
        await go_to(pilot, "office")
        await pilot.press(*typed)
        await settled(pilot)
        shown = screen_text(pilot.app)
        assert f"Chosen: {code}  {name}" in shown, shown
        await pilot.press("ctrl+n")
        await settled(pilot)
        assert fill_screen(pilot.app).question.id == "examiners"
        assert draft_answers(may_be_missing=True)["office"] == code


async def test_a_label_typed_in_a_choice_search_saves_that_option_not_an_id_met_on_the_way() -> None:
    """Bug (author trial, item 1): typing "not sure" picked option id "no" ("No contact") on the way
    and Ctrl+N saved channel = "no"."""
    async with running(trial_app("sat.toml"), size=(80, 24)) as pilot:
        await go_to(pilot, "channel")
        await pilot.press(*"not sure")
        await settled(pilot)
        shown = screen_text(pilot.app)
        assert "Chosen: Not sure" in shown and "No contact" not in shown, shown
        await pilot.press("ctrl+n")
        await settled(pilot)
        assert draft_answers(may_be_missing=True)["channel"] == "not_sure"


async def test_text_that_no_longer_names_one_item_drops_the_item_typed_on_the_way() -> None:
    """Bug (author trial, item 1): the pick made by "AU" stayed when "Aus" matched several offices."""
    async with running(trial_app("cap.toml"), size=(80, 24)) as pilot:
        await go_to(pilot, "office")
        await pilot.press(*"Aus")
        await settled(pilot)
        assert "Nothing chosen yet" in screen_text(pilot.app)
        await pilot.press("ctrl+n")
        await settled(pilot)
        assert "office" not in draft_answers(may_be_missing=True)


async def test_a_label_typed_in_the_persons_language_is_taken_like_an_id() -> None:
    """Bug (author trial, item 3): in French, "oui" typed on a yes/no question was dropped by
    Ctrl+R: the review said an answer was required."""
    async with running(trial_app("cap.toml", language="fr"), size=(80, 24)) as pilot:
        await go_to(pilot, "has_strategy")
        await pilot.press(*"OUI", "ctrl+r")
        await settled(pilot)
        lines = screen_text(pilot.app).splitlines()
        at = next(i for i, line in enumerate(lines) if "A une stratégie" in line)
        assert "✓" in lines[at] and "Oui" in lines[at + 1] and "requise" not in lines[at + 1], lines[
            at : at + 2
        ]
        assert draft_answers(may_be_missing=True)["has_strategy"] == "yes"


async def test_enter_with_nothing_typed_skips_an_optional_choice_without_answering_it() -> None:
    """Bug (author trial, item 2): Enter on an optional choice with nothing typed chose its first
    option ("No contact"): someone pressing Enter to skip the question answered it."""
    async with running(trial_app("sat.toml"), size=(80, 24)) as pilot:
        await go_to(pilot, "channel")
        await pilot.press("enter")
        await settled(pilot)
        assert fill_screen(pilot.app).question.id == "comments"
        assert "channel" not in draft_answers(may_be_missing=True)
        await pilot.press("ctrl+b")
        await settled(pilot)
        assert "Nothing chosen yet" in screen_text(pilot.app)


@pytest.mark.parametrize("key", ["backspace", "delete"])
async def test_backspace_or_delete_on_an_empty_search_clears_the_choice(key: str) -> None:
    """Bug (author trial, item 2): a choice could not be cleared: Backspace and Delete did nothing
    and F1 named no key that did."""
    async with running(trial_app("sat.toml"), size=(80, 60)) as pilot:  # tall: all of F1's help
        await go_to(pilot, "channel")
        await pilot.press(*"phone", "ctrl+n")
        await settled(pilot)
        assert draft_answers(may_be_missing=True)["channel"] == "phone"
        await pilot.press("ctrl+b")
        await settled(pilot)
        assert "Chosen: Phone" in screen_text(pilot.app)
        await pilot.press(key)
        await settled(pilot)
        assert "Nothing chosen yet" in screen_text(pilot.app)
        assert "channel" not in draft_answers(may_be_missing=True)
        await pilot.press("f1")
        await settled(pilot)
        assert "Backspace or Delete on an empty search clears the choice" in as_prose(screen_text(pilot.app))


async def test_ctrl_u_typed_in_a_burst_right_after_ctrl_n_clears_the_next_answer() -> None:
    """Bug (author trial, item 4): `C-n C-u 200` in one burst onto a number holding 300 gave 300200:
    the Ctrl+U went to the question being left."""
    from textual import events

    app = trial_app("cap.toml")
    async with running(app, size=(80, 24)) as pilot:
        await go_to(pilot, "examiners")
        await pilot.press(*"300", "ctrl+b")
        await settled(pilot)
        assert fill_screen(app).question.id == "office"
        for key in ("ctrl+n", "ctrl+u", "2", "0", "0"):
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await settled(pilot)
        assert fill_screen(app).question.id == "examiners"
        assert "▊ 200 ▎ examiners" in " ".join(screen_text(app).split())
        assert draft_answers(may_be_missing=True)["examiners"] == 200


async def test_the_progress_counter_reaches_its_total_on_a_complete_response() -> None:
    """Bug (author trial, item 6): a complete response read 8/11 answered (9/11 in the app it was found in): the note and the question
    not asked (its condition false) were counted."""
    async with running(trial_app("cap.toml"), size=(80, 24)) as pilot:
        await go_to(pilot, "office")
        assert "0/8 answered" in screen_text(pilot.app)
        for keys in ("AU", "120", "12.5", "35", "2020-01-01", "no", "epct"):
            await pilot.press(*keys, "enter")
            await settled(pilot)
        assert fill_screen(pilot.app).question.id == "remarks"
        await pilot.press(*"fine")
        await settled(pilot)
        assert "8/8 answered" in screen_text(pilot.app)
        assert draft_answers(may_be_missing=True)["has_strategy"] == "no"
