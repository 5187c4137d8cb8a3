"""The results screen of an anonymous survey: counts and comments, never the response ids."""

from __future__ import annotations

from pathlib import Path

from enquete.ui.screens.results import ResultsScreen
from tests.ui.conftest import running, screen_text
from tests.ui.test_examples_fill import example_app
from tests.ui.test_results import wait_loaded
from tests.unit.builders import write_response

IDS = [f"{n:08x}-0000-4000-8000-{n:012x}" for n in range(1, 4)]
COMMENTS = [
    "• Payment page times out\n• the receipt never arrives",
    "Search is slow [b]at peak[/b]",
    "Filing works well",
]


def anonymous_responses() -> None:
    folder = Path("responses")
    folder.mkdir()
    header = {"questionnaire": "service-satisfaction", "version": 1}
    for number, (response_id, comment) in enumerate(zip(IDS, COMMENTS, strict=True)):
        ratings = {"filing": "r4", "search": "r3", "payment": "r5"}
        answers = {"ratings": ratings, "recommend": 7 + number, "comments": comment}
        write_response(folder, f"{response_id}.toml", answers, id=response_id, **header)


async def test_comments_of_an_anonymous_survey_carry_no_response_id() -> None:
    """Bug: the comment list showed each comment under its response id, which ties one
    person's comments together across questions; the respondents section listed the ids too."""
    anonymous_responses()
    app = example_app("satisfaction.toml", mode="results")
    async with running(app, size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        await wait_loaded(pilot, screen)
        seen = [screen_text(app)]  # the respondents section first
        for _ in range(3):  # ratings, recommend, comments
            await pilot.press("down")
            await pilot.pause()
            seen.append(screen_text(app))
        shown = "\n".join(seen)
        assert "3 respondents" in shown
        assert "• Payment page times out" in seen[-1] and "the receipt never arrives" in seen[-1]
        assert "Search is slow [b]at peak[/b]" in seen[-1]
        assert "Answered by 3 of 3 respondents." in seen[-1]
        for _ in range(4):  # by respondent, by option, cross-tab, files not counted
            await pilot.press("down")
            await pilot.pause()
            seen.append(screen_text(app))
        shown = "\n".join(seen)
        assert "Response 1" in seen[4] and "Payment page times out" in seen[4], seen[4]
        for response_id in IDS:
            assert response_id[:8] not in shown, response_id
        for _ in range(4):
            await pilot.press("up")
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.pause()
        for key in IDS[1]:
            await pilot.press(key)
        await pilot.pause()
        # before: an id typed in the filter picked out exactly that person's comment
        assert "Search is slow" not in screen_text(app)


async def test_a_conditional_question_says_of_whom_its_figures_are() -> None:
    """The results screen states the same denominator as every report: who it applied to, who was not asked."""
    import datetime

    folder = Path("responses")
    folder.mkdir()
    header = {"questionnaire": "office-capacity", "version": 1}
    offices = [
        ("AU", "yes", datetime.date(2023, 9, 15)),
        ("BR", "no", None),
        ("CN", "yes", datetime.date(2021, 1, 10)),
        ("FR", "no", datetime.date(2020, 1, 1)),  # set aside: FR has no strategy
    ]
    for number, (office, strategy, adopted) in enumerate(offices, 1):
        answers: dict[str, object] = {"office": office, "examiners": 100 * number, "has_strategy": strategy}
        if adopted is not None:
            answers["strategy_adopted"] = adopted
        write_response(folder, f"{office}.toml", answers, id=IDS[0][:-1] + str(number), **header)
    app = example_app("office-capacity.toml", mode="results")
    async with running(app, size=(160, 40)) as pilot:  # the sentence on one line
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        await wait_loaded(pilot, screen)
        for _ in range(7):  # respondents, then questions 1-7
            await pilot.press("down")
        await pilot.pause()
        text = " ".join(screen_text(app).split())
        assert "7. If yes: when was it adopted?" in text
        assert "of the 2 respondents who answered “Yes”" in text and "(of 4; 2 not asked)" in text, text
        assert "Earliest: 2021-01-10" in text and "Latest: 2023-09-15" in text
