"""User reports on the fill, home and review screens (session s4-ui2): what the person saw that was wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.ui.conftest import AppFactory, draft_answers, running, screen_text, settled
from tests.ui.small_app import wait_until
from tests.ui.test_author_trial import as_prose, go_to, trial_app


def _toasts(shown: str) -> str:
    """The text of the toasts on screen (each line of one starts with `▌`), as one line."""
    parts = [line.split("▌", 1)[1].strip(" ▎▁▔") for line in shown.splitlines() if "▌" in line]
    return " ".join(" ".join(parts).split())


def _legend(shown: str, first: str) -> str:
    """The screen line that starts with `first` (the matrix legend, under the question)."""
    return next((line.strip() for line in shown.splitlines() if line.strip().startswith(first)), shown)


async def test_an_eleven_point_legend_names_columns_by_the_numbers_their_keys_take() -> None:
    """Bug (user report 1): on a 0-10 scale the legend read `1 0 · 2 1 · … 11 10` (position, then
    label) while typing 5 chose "5": the legend and the keys disagreed."""
    async with running(trial_app("sat.toml"), size=(80, 24)) as pilot:
        await go_to(pilot, "nps")
        shown = screen_text(pilot.app)
        legend = _legend(shown, "0 ·")
        assert legend.startswith("0 · 1 · 2 · 3") and legend.endswith("9 · 10"), shown
        assert "1 0 ·" not in shown and "11 10" not in shown, shown
        await pilot.press("5")
        await settled(pilot)
        assert "→ 5   [5]" in screen_text(pilot.app)
        assert draft_answers()["nps"] == {"score": "s5"}


async def test_a_legend_does_not_repeat_the_number_a_label_starts_with() -> None:
    """Bug (user report 1): with columns labelled "1 Very poor".."5 Excellent" the legend read
    `1 1 Very poor · 2 2 Poor`: the key, then a label already starting with it."""
    async with running(trial_app("sat.toml"), size=(80, 24)) as pilot:
        await go_to(pilot, "ratings")
        shown = screen_text(pilot.app)
        assert "1 Very poor · 2 Poor · 3 Fair" in shown and "1 1 Very poor" not in shown, shown
        await pilot.press("4")
        await settled(pilot)
        assert draft_answers()["ratings"] == {"speed": "4"}


async def test_help_says_digits_choose_a_column_by_its_number_not_1_to_5() -> None:
    """Bug (user report 1): F1 said "1-5 choose on the current row", even on an 11-column scale."""
    async with running(trial_app("sat.toml"), size=(100, 40)) as pilot:
        await go_to(pilot, "nps")
        await pilot.press("f1")
        await settled(pilot)
        help_text = as_prose(screen_text(pilot.app))
        assert "digits choose a column on the current row by the number the legend gives it" in help_text
        assert "1-5" not in help_text, help_text


async def test_review_shows_the_level_chosen_on_each_matrix_row() -> None:
    """Bug (user report 1): review said only "3 of 3 rows answered" for a matrix."""
    async with running(trial_app("sat.toml"), size=(80, 24)) as pilot:
        await go_to(pilot, "ratings")
        await pilot.press("4", "5", "2", "ctrl+r")
        await settled(pilot)
        shown = screen_text(pilot.app)
        assert "Speed: 4 Good · Quality: 5 Excellent · Courtesy: 2 Poor" in shown, shown
        assert "3 of 3 rows answered" not in shown


async def test_the_home_screen_follows_f2_into_the_questionnaires_title_and_description(
    make_app: AppFactory,
) -> None:
    """Bug (user report 2): after F2 on the home screen, its title and description stayed in the
    old language, though the questionnaire gives them in each."""
    async with running(make_app(), size=(100, 30)) as pilot:
        assert "Survey on the ICT Recommendations" in screen_text(pilot.app)
        await pilot.press("f2", "down", "enter")  # Français
        await settled(pilot)
        shown = as_prose(screen_text(pilot.app))
        assert "Enquête sur les recommandations relatives aux TIC" in shown, shown
        assert "Comité des normes de l'OMPI" in shown, shown
        assert "Survey on the ICT" not in shown and "Committee on WIPO Standards" not in shown, shown


@pytest.mark.parametrize(
    ("language", "toast"), [("en", "Finalizing happens here"), ("fr", "La finalisation se fait ici")]
)
async def test_the_finalize_here_toast_is_gone_once_the_response_is_saved(language: str, toast: str) -> None:
    """Bug (user report 2): after finalizing, the toast "... press Ctrl+S again" still showed
    behind the "Saved — ready to send" dialog."""
    async with running(trial_app("sat.toml", language=language), size=(80, 24), notifications=True) as pilot:
        await go_to(pilot, "ratings")
        await pilot.press("4", "5", "2", "ctrl+s")
        await settled(pilot)
        await wait_until(pilot, lambda: toast in as_prose(screen_text(pilot.app)), "the toast")
        await pilot.press("ctrl+s")
        await settled(pilot)
        shown = as_prose(screen_text(pilot.app))
        assert ("ready to send" if language == "en" else "prête à envoyer") in shown, shown
        assert toast not in shown, shown
    assert len(list(Path("responses").glob("*.toml"))) == 1


@pytest.mark.parametrize(("language", "note", "empty"), [("en", "note", "empty"), ("fr", "note", "vide")])
async def test_the_question_list_shows_a_note_as_a_note_not_as_unanswered(
    language: str, note: str, empty: str
) -> None:
    """Bug (user report 4): Ctrl+G marked a note (nothing to answer) "empty" / "vide"."""
    async with running(trial_app("cap.toml", language=language), size=(80, 24)) as pilot:
        await go_to(pilot, "office")
        await pilot.press("ctrl+g")
        await settled(pilot)
        lines = screen_text(pilot.app).splitlines()
        intro = next(line for line in lines if " 1. " in line)
        office = next(line for line in lines if " 2. " in line)
        assert note in intro and empty not in intro, intro
        assert "i 1. " in intro, intro
        assert empty in office, office  # a question still to answer is still "empty"


async def test_another_surveys_file_is_neither_counted_nor_offered_for_editing(
    make_app: AppFactory, sample_responses: Path
) -> None:
    """Bug (user report 3): a file whose [response] names another questionnaire was counted as
    "ready to send" on the home screen and offered for editing, which then failed."""
    assert (sample_responses / "other-survey.toml").is_file()
    this_survey = len(list(sample_responses.glob("*.toml"))) - 1
    async with running(make_app(), size=(100, 40)) as pilot:
        await settled(pilot)
        shown = screen_text(pilot.app)
        assert f"Ready to send: {this_survey} ·" in shown, shown
        assert "Files of other surveys left aside: 1" in shown, shown
        assert "other-survey" not in shown, shown
        assert f"Edit a finalized response (choose among {this_survey})" in shown, shown


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "answers version 7 of this questionnaire; this is version 1"),
        ("fr", "répond à la version 7 de ce questionnaire ; celui-ci est la version 1"),
    ],
)
async def test_a_file_that_cannot_be_edited_says_why_in_the_persons_language(
    make_app: AppFactory, language: str, expected: str
) -> None:
    """Bug (user report 3): choosing a response of another survey showed an English-only message,
    `answers the questionnaire 'service-satisfaction', not 'training-needs'`."""
    folder = Path("responses")
    folder.mkdir()
    text = (FIXTURES / "sample" / "AU.toml").read_text("utf-8")
    (folder / "AU.toml").write_text(text.replace("version = 1", "version = 7", 1), "utf-8")
    async with running(make_app(language=language), size=(100, 40), notifications=True) as pilot:
        await settled(pilot)
        await pilot.press("down", "enter")  # the finalized response of AU, after "new response"
        await wait_until(pilot, lambda: expected in _toasts(screen_text(pilot.app)), "the message")
        assert _toasts(screen_text(pilot.app)).startswith("AU.toml")
