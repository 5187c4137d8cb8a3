"""The results screen: figures, comments shown literally, files not counted, refresh on change."""

import shutil
from pathlib import Path

from enquete.ui.screens.results import ResultsScreen
from tests.ui.conftest import AppFactory, running, screen_text


async def wait_loaded(pilot, screen: ResultsScreen) -> None:  # type: ignore[no-untyped-def]
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert screen.results is not None


async def test_results_show_counts_of_all_respondents(make_app: AppFactory, sample_responses: Path) -> None:
    app = make_app(mode="results")
    async with running(app, size=(100, 40), notifications=True, tooltips=True) as pilot:
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        await wait_loaded(pilot, screen)
        text = screen_text(app)
        assert "5 respondents in responses" in text and "5 file(s) not counted" in text
        for _ in range(4):
            await pilot.press("down")  # respondents -> q1 -> q2 -> q3 -> q4 (current focus)
        await pilot.pause()
        text = screen_text(app)
        assert "Answered by 4 of 5 respondents." in text
        assert "3 (60%)" in text and "1 (20%)" in text


async def test_comments_with_markup_are_shown_literally_and_filter(
    make_app: AppFactory, sample_responses: Path
) -> None:
    app = make_app(mode="results")
    async with running(app, size=(160, 48), notifications=True, tooltips=True) as pilot:
        await wait_loaded(pilot, app.screen)  # type: ignore[arg-type]
        for _ in range(4):
            await pilot.press("down")
        await pilot.pause()
        text = screen_text(app)
        assert "[bold]Digital-first[/bold] filing" in text
        assert "Bulk data [@click=app.quit]portal[/]" in text
        await pilot.press("ctrl+f", *"open ip")
        await pilot.pause()
        text = screen_text(app)
        assert "Bulk data [@click=app.quit]portal[/]" in text and "Digital-first" not in text


async def test_files_not_counted_are_listed_with_reasons(
    make_app: AppFactory, sample_responses: Path
) -> None:
    app = make_app(mode="results")
    async with running(app, size=(160, 48)) as pilot:
        await wait_loaded(pilot, app.screen)  # type: ignore[arg-type]
        await pilot.press("end")
        await pilot.pause()
        text = screen_text(app)
        assert "Rejected responses/broken.toml: is not valid TOML" in text
        assert "Superseded responses/EP-revision1.toml (revision 1) by responses/EP.toml" in text
        assert "Conflict for FR" in text


async def test_results_refresh_when_a_file_arrives(make_app: AppFactory, sample_responses: Path) -> None:
    app = make_app(mode="results")
    async with running(app, size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        await wait_loaded(pilot, screen)
        shutil.copy(
            Path(__file__).parents[1] / "fixtures" / "responses" / "AU.toml", sample_responses / "AU.toml"
        )
        (sample_responses / "BR.toml").unlink()
        screen.check_folder()
        await wait_loaded(pilot, screen)
        assert screen.results is not None and screen.results.respondent_keys == ["AU", "CN", "EP", "FR"]
