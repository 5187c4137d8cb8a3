"""Starting the app: first paint before validation, and a broken questionnaire said plainly."""

import subprocess
import sys
from pathlib import Path

from enquete.ui.app import EnqueteApp
from tests.ui.conftest import AppFactory, running, screen_text


async def test_home_lists_the_actions_once_the_questionnaire_is_validated(make_app: AppFactory) -> None:
    app = make_app()
    async with running(app, size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.ready
        assert "Fill in a new response" in screen_text(app)


async def test_a_questionnaire_that_fails_the_schema_ends_the_app_with_exit_2() -> None:
    data = {"questionnaire": {"id": "x", "version": 1, "title": "Broken", "respondent_key": "nobody"}}
    app = EnqueteApp(data, Path("responses"), source="broken.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert app.return_code == 2


def test_the_first_paint_imports_neither_pydantic_nor_the_model() -> None:
    """Regression: importing pydantic before the first paint nearly doubled the startup time."""
    code = (
        "import sys, enquete.ui.launch, enquete.ui.app, enquete.ui.screens.home, enquete.ui.widgets.key_bar\n"
        "bad = [m for m in ('pydantic', 'enquete.model.questionnaire', 'enquete.session') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
