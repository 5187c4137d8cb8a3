"""UI fixtures: an app on the shipped survey, over a responses folder in the test's own cwd."""

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from enquete.model.questionnaire import Questionnaire
from enquete.ui.app import EnqueteApp
from tests.conftest import FIXTURES

AppFactory = Callable[..., EnqueteApp]


@pytest.fixture
def make_app(survey: Questionnaire) -> AppFactory:
    """Build an app; `responses` is relative to the test's empty cwd, so snapshots show no tmp paths."""

    def build(language: str | None = "en", mode: str = "home", office: str | None = None) -> EnqueteApp:
        return EnqueteApp(survey, Path("responses"), language=language, mode=mode, office=office)

    return build


@pytest.fixture
def sample_responses() -> Path:
    """The sample folder (5 respondents, rejected, superseded, conflict) copied into ./responses."""
    target = Path("responses")
    shutil.copytree(FIXTURES / "sample", target)
    (target / "README.md").unlink()
    return target


def screen_text(app: EnqueteApp) -> str:
    """What the terminal shows, as plain text (rendered like `export_screenshot`)."""
    import io

    from rich.console import Console

    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()
