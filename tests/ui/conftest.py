"""UI fixtures: an app on the shipped survey, over a responses folder in the test's own cwd."""

import contextlib
import shutil
import tomllib
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from enquete.storage.questionnaire_file import read_questionnaire_data
from enquete.ui.app import EnqueteApp
from enquete.ui.screens.fill import FillScreen
from tests.conftest import FIXTURES, ROOT

AppFactory = Callable[..., EnqueteApp]


@pytest.fixture
def make_app() -> AppFactory:
    """Build an app as `enquete` does; `responses` is relative to the test's empty cwd (no tmp paths)."""
    path, data = read_questionnaire_data(ROOT / "questionnaire.toml")

    def build(
        language: str | None = "en",
        mode: str = "home",
        office: str | None = None,
        settings: Any = None,
        invited: Path | None = None,
    ) -> EnqueteApp:
        return EnqueteApp(
            data,
            Path("responses"),
            source=str(path),
            language=language,
            mode=mode,  # type: ignore[arg-type]
            office=office,
            settings=settings,
            invited=invited,
        )

    return build


@pytest.fixture
def sample_responses() -> Path:
    """The sample folder (5 respondents, rejected, superseded, conflict) copied into ./responses."""
    target = Path("responses")
    shutil.copytree(FIXTURES / "sample", target)
    (target / "README.md").unlink()
    return target


def screen_text(app: EnqueteApp) -> str:
    """What the terminal shows, as plain text, read from the app's own SVG screenshot (public API)."""
    from tests.ui.small_app import visible_text

    return visible_text(app)


async def until_ready(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until the app has validated its questionnaire and opened what it was asked to."""
    for _ in range(1000):  # validation runs in a worker: up to 10 s on a busy machine
        if pilot.app.ready:
            break
        await pilot.pause(0.01)
    await pilot.pause()
    assert pilot.app.ready, "the questionnaire was never loaded"


async def settled(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until the app is idle and every change is on disk (the debounced save has run)."""
    from enquete.ui.screens.fill import FillScreen

    for _ in range(200):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        screens = [s for s in pilot.app.screen_stack if isinstance(s, FillScreen)]
        pending = any(s.session.needs_saving and not s.session.last_save_error for s in screens)
        if not pending:
            break
        await pilot.pause(0.05)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@contextlib.asynccontextmanager
async def running(app: EnqueteApp, **options: Any) -> AsyncIterator[Any]:
    """`app.run_test(**options)`, entered once the app is ready for keys."""
    async with app.run_test(**options) as pilot:
        await until_ready(pilot)
        yield pilot


def draft_answers(*, may_be_missing: bool = False) -> dict[str, Any]:
    """The answers of the one draft in responses/drafts, as the file holds them.

    `may_be_missing`: no draft yet is {} (nothing answered), not a failure.
    """
    drafts = list(Path("responses/drafts").glob("*.toml"))
    assert len(drafts) <= 1 if may_be_missing else len(drafts) == 1, drafts
    if not drafts:
        return {}
    answers: dict[str, Any] = tomllib.loads(drafts[0].read_text("utf-8")).get("answers", {})
    return answers


def fill_screen(app: EnqueteApp) -> FillScreen:
    """The screen on top, which must be the fill screen."""
    screen = app.screen
    assert isinstance(screen, FillScreen)
    return screen


def app_for(path: Path, language: str = "en") -> EnqueteApp:
    """The app filling the questionnaire at `path`, as `enquete fill --questionnaire PATH` starts it."""
    _, data = read_questionnaire_data(path)
    return EnqueteApp(data, Path("responses"), source=str(path), language=language, mode="fill")
