"""Skip logic on screen: follow-ups appear and disappear, answers set aside, constraints in the person's language."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from enquete.storage.questionnaire_file import read_questionnaire_data
from enquete.ui.app import EnqueteApp
from enquete.ui.screens.fill import FillScreen
from enquete.ui.screens.review import ReviewScreen
from tests.ui.conftest import draft_answers, running, screen_text

SURVEY = """
[questionnaire]
id = "strategy"
version = 1
languages = ["en", "fr"]
title.en = "ICT strategy"
title.fr = "Stratégie TIC"

[[lists.yes_no]]
id = "yes"
label.en = "Yes"
label.fr = "Oui"

[[lists.yes_no]]
id = "no"
label.en = "No"
label.fr = "Non"

[[questions]]
id = "has_strategy"
type = "choice"
required = true
options = "yes_no"
text.en = "Does your office have an ICT strategy?"
text.fr = "Votre office a-t-il une stratégie TIC ?"

[[questions]]
id = "details"
type = "text"
required = true
relevant = "${has_strategy} = 'yes'"
constraint = "string-length(.) >= 5"
constraint_message.en = "Please write at least five characters."
constraint_message.fr = "Veuillez écrire au moins cinq caractères."
text.en = "If yes, please describe it."
text.fr = "Si oui, veuillez la décrire."

[[questions]]
id = "comments"
type = "text"
text.en = "Any comments?"
text.fr = "Des commentaires ?"
"""


def app(language: str = "en") -> EnqueteApp:
    path = Path("strategy.toml")
    path.write_text(SURVEY, "utf-8")
    _, data = read_questionnaire_data(path)
    return EnqueteApp(data, Path("responses"), source=str(path), language=language, mode="fill")


async def settle(pilot: Any) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def current(pilot: Any) -> str:
    screen = pilot.app.screen
    assert isinstance(screen, FillScreen)
    return screen.question.id


async def test_the_follow_up_appears_and_disappears_with_its_answer_set_aside_and_restored() -> None:
    async with running(app(), size=(80, 24)) as pilot:
        await pilot.press(*"yes", "enter")
        await settle(pilot)
        assert current(pilot) == "details", "asked after Yes"
        await pilot.press(*"Our 2024-2028 plan")
        await settle(pilot)
        await pilot.press("ctrl+b")
        await settle(pilot)
        await pilot.press(*"no", "enter")
        await settle(pilot)
        assert current(pilot) == "comments", "skipped after No"
        assert draft_answers()["details"] == "Our 2024-2028 plan", "set aside, kept in the draft"
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert current(pilot) == "has_strategy", "Back skips it too"
        await pilot.press(*"yes", "enter")
        await settle(pilot)
        assert current(pilot) == "details"
        assert "Our 2024-2028 plan" in screen_text(pilot.app), "restored as typed"


async def test_a_constraint_message_shows_in_the_persons_language() -> None:
    async with running(app(), size=(80, 24)) as pilot:
        await pilot.press(*"yes", "enter")
        await settle(pilot)
        await pilot.press(*"abc")
        await settle(pilot)
        assert "Please write at least five characters." in screen_text(pilot.app)
        await pilot.press("f2", "down", "enter")  # Français
        await settle(pilot)
        text = screen_text(pilot.app)
        assert "Veuillez écrire au moins cinq caractères." in text
        assert "Please write" not in text
        await pilot.press(*"def")
        await settle(pilot)
        assert "Veuillez écrire" not in screen_text(pilot.app), "gone once the answer fits"


async def test_review_and_submit_leave_out_what_was_not_asked() -> None:
    async with running(app(), size=(80, 24), notifications=True) as pilot:
        await pilot.press(*"yes", "enter")
        await settle(pilot)
        await pilot.press(*"abc", "ctrl+r")  # too short, but...
        await settle(pilot)
        assert isinstance(pilot.app.screen, ReviewScreen)
        assert "Please write at least five characters." in screen_text(pilot.app)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+b")
        await settle(pilot)
        await pilot.press(*"no", "enter", "ctrl+r")  # ...no longer asked: not required, not checked
        await settle(pilot)
        text = screen_text(pilot.app)
        assert "(not asked: it does not apply)" in text
        assert "Everything required is answered" in text
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "ready to send" in screen_text(pilot.app)
    (submitted,) = Path("responses").glob("*.toml")
    answers = tomllib.loads(submitted.read_text("utf-8"))["answers"]
    assert answers == {"has_strategy": "no"}, "the set-aside answer is not submitted"


async def test_a_required_follow_up_blocks_submission_only_while_it_applies() -> None:
    async with running(app(), size=(80, 24), notifications=True) as pilot:
        await pilot.press(*"yes", "enter", "ctrl+r")
        await settle(pilot)
        assert "Problems to fix before finalizing: 1" in screen_text(pilot.app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not list(Path("responses").glob("*.toml"))


async def test_pick_one_shows_labels_not_option_ids() -> None:
    """Bug: option ids were glued to labels in the pick-one list (`feesOffice fees`)."""
    async with running(app(), size=(80, 24)) as pilot:
        text = screen_text(pilot.app)
        assert "Yes" in text and "yesYes" not in text and "yes Yes" not in text
        await pilot.press(*"yes")  # chosen as typed (Enter would go on)
        await settle(pilot)
        assert "Chosen: Yes" in screen_text(pilot.app)
