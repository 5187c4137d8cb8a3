"""The example questionnaires filled through the screens, as a person would, with the new types."""

from __future__ import annotations

import datetime
import tomllib
from pathlib import Path
from typing import Any, Literal

from enquete.storage.questionnaire_file import read_questionnaire_data
from enquete.ui.app import EnqueteApp
from enquete.ui.screens.fill import FillScreen
from tests.conftest import ROOT
from tests.ui.conftest import running, screen_text

EXAMPLES = ROOT / "examples"


def example_app(
    name: str, language: str = "en", mode: Literal["home", "fill", "results"] = "fill"
) -> EnqueteApp:
    path = EXAMPLES / name
    _, data = read_questionnaire_data(path)
    return EnqueteApp(data, Path("responses"), source=str(path), language=language, mode=mode)


async def settle(pilot: Any) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def next_question(pilot: Any) -> None:
    await pilot.press("ctrl+n")
    await settle(pilot)


def on_question(pilot: Any) -> str:
    screen = pilot.app.screen
    assert isinstance(screen, FillScreen)
    return screen.question.id


def submitted(name: str) -> dict[str, Any]:
    data: dict[str, Any] = tomllib.loads(Path("responses", name).read_text("utf-8"))
    return data


async def test_office_capacity_refuses_what_a_person_types_wrong_and_keeps_native_types() -> None:
    """Bug the issue names: 'about 120', a 150 % share and 31/02/2024 were accepted."""
    async with running(example_app("office-capacity.toml"), size=(80, 24), notifications=True) as pilot:
        await pilot.press(*"AU")  # an exact code is chosen as it is typed
        await next_question(pilot)
        assert on_question(pilot) == "intro"
        assert "count people, not full-time equivalents" in screen_text(pilot.app)
        await next_question(pilot)
        await pilot.press(*"about 120")
        await settle(pilot)
        assert "'about 120' is not a number" in screen_text(pilot.app)
        await pilot.press("ctrl+u", *"120")
        await settle(pilot)
        assert "is not a number" not in screen_text(pilot.app)
        assert "examiners" in screen_text(pilot.app), "the unit is shown beside the box"
        await next_question(pilot)
        await pilot.press(*"2000")
        await settle(pilot)
        assert "more than ten IT staff per examiner" in screen_text(pilot.app)
        await pilot.press("ctrl+u", *"35")
        await next_question(pilot)
        await pilot.press(*"150")
        await settle(pilot)
        assert "the largest answer allowed is 100" in screen_text(pilot.app)
        await pilot.press("ctrl+u", *"12.5")
        await next_question(pilot)
        await pilot.press(*"yes", "enter")  # chosen as typed: Enter goes on
        await settle(pilot)
        assert on_question(pilot) == "strategy_adopted"
        await pilot.press(*"31/02/2024")
        await settle(pilot)
        assert "'31/02/2024' is not a date" in screen_text(pilot.app)
        await pilot.press("ctrl+u", *"2023-09-15")
        await next_question(pilot)
        await pilot.press(*"other", "enter")
        await settle(pilot)
        assert on_question(pilot) == "filing_system_other"
        assert "Other: please specify" in screen_text(pilot.app), "asked by other = true on the option"
        await pilot.press(*"Paper forms, scanned", "ctrl+r")
        await settle(pilot)
        assert "Everything required is answered" in screen_text(pilot.app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "ready to send" in screen_text(pilot.app)
    answers = submitted("AU.toml")["answers"]
    assert answers == {
        "office": "AU",
        "examiners": 120,
        "it_staff": 35,
        "it_budget_share": 12.5,
        "has_strategy": "yes",
        "strategy_adopted": datetime.date(2023, 9, 15),
        "filing_system": "other",
        "filing_system_other": "Paper forms, scanned",
    }
    assert isinstance(answers["examiners"], int) and isinstance(answers["it_budget_share"], float)


async def test_satisfaction_survey_is_anonymous_and_named_by_its_id() -> None:
    async with running(example_app("satisfaction.toml"), size=(80, 24)) as pilot:
        await pilot.press(*"453")  # one rating per row, moving down
        await next_question(pilot)
        await pilot.press(*"9")
        await next_question(pilot)
        await pilot.press(*"Payment page • times out", "ctrl+r")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "ready to send" in screen_text(pilot.app)
        # Bug: "e-mail this file to the Secretariat" was said after every survey.
        assert "Secretariat" not in screen_text(pilot.app)
    (path,) = Path("responses").glob("*.toml")
    data = submitted(path.name)
    assert path.stem == data["response"]["id"]
    assert data["answers"] == {
        "ratings": {"filing": "r4", "search": "r5", "payment": "r3"},
        "recommend": 9,
        "comments": "Payment page • times out",
    }


async def test_training_needs_in_russian_skips_follow_ups_after_none() -> None:
    async with running(example_app("training-needs.toml", "ru"), size=(80, 24)) as pilot:
        assert "Двухбуквенный код вашего ведомства" in screen_text(pilot.app)
        await pilot.press(*"KZ", "enter")  # chosen as typed: Enter goes on
        await settle(pilot)
        assert "По каким стандартам ВОИС" in screen_text(pilot.app)
        await pilot.press("down", "down", "down", "space")  # the fourth check box: "Ни по каким" (None)
        await settle(pilot)
        await next_question(pilot)
        text = screen_text(pilot.app)
        assert "Проверка ответа" in text, "the follow-ups do not apply: straight to review"
        assert "(вопрос не задается: не применимо)" in text
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert submitted("KZ.toml")["answers"] == {"office": "KZ", "topics": {"selected": ["none"]}}


async def test_results_menu_entries_stay_on_one_line_with_a_scrollbar() -> None:
    """Bug (office trial): once a scrollbar appeared, long menu entries wrapped.

    Not reproduced on this main at 80x24 (entries are cut by terminal cells since
    ccfa6b5); kept as a guard with 30 long questions, which need a scrollbar.
    """
    questions = "".join(
        f'\n[[questions]]\nid = "q{n}"\ntype = "text"\ntext = "Question number {n} about the state of electronic filing"\n'
        for n in range(1, 31)
    )
    Path("long.toml").write_text(
        '[questionnaire]\nid = "long"\nversion = 1\ntitle = "Long"\n' + questions, "utf-8"
    )
    _, data = read_questionnaire_data(Path("long.toml"))
    app = EnqueteApp(data, Path("responses"), source="long.toml", language="en", mode="results")
    async with running(app, size=(80, 24)) as pilot:
        await pilot.pause()
        lines = screen_text(pilot.app).splitlines()
        entries = [line.lstrip("▊ ") for line in lines]
        numbered = [entry[:3] for entry in entries if entry[:1].isdigit() and ". " in entry[:4]]
        assert numbered[:5] == ["1. ", "2. ", "3. ", "4. ", "5. "], numbered[:6]


async def test_an_eleven_point_scale_is_answered_by_its_numbers() -> None:
    """Bug: matrix digit keys reached only columns 1-9, and on a 0-10 scale 5 chose the column headed 4."""
    columns = ", ".join(f'{{ id = "s{n}", label = "{n}" }}' for n in range(11))
    Path("nps.toml").write_text(
        '[questionnaire]\nid = "nps"\nversion = 1\ntitle = "NPS"\n\n[[questions]]\nid = "scores"\n'
        'type = "matrix"\ntext = "How likely are you to recommend each service?"\n'
        'rows = [{ id = "a", label = "Filing" }, { id = "b", label = "Search" }, { id = "c", label = "Payment" }]\n'
        f"columns = [{columns}]\n",
        "utf-8",
    )
    _, data = read_questionnaire_data(Path("nps.toml"))
    app = EnqueteApp(data, Path("responses"), source="nps.toml", language="en", mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("1", "0", "5", "0")  # row a: 10; row b: 5; row c: 0
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, FillScreen)
        assert screen.session.answer("scores") == {"a": "s10", "b": "s5", "c": "s0"}
