"""Starting the app: first paint before validation, and a broken questionnaire said plainly."""

import contextlib
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widgets import OptionList

from enquete.ui.app import EnqueteApp
from enquete.ui.screens.fill import FillScreen
from enquete.ui.screens.home import HomeScreen
from tests.ui.conftest import AppFactory, running, screen_text, settled
from tests.unit.builders import write_response


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
        for _ in range(1000):  # validation runs in a worker
            if app.return_code is not None:
                break
            await pilot.pause(0.01)
    assert app.return_code == 2


def test_the_first_paint_imports_neither_pydantic_nor_the_model() -> None:
    """Regression: importing pydantic before the first paint nearly doubled the startup time."""
    code = (
        "import sys, enquete.ui.launch, enquete.ui.app, enquete.ui.screens.home, enquete.ui.widgets.key_bar\n"
        "import enquete.storage.folder_glance\n"
        "bad = [m for m in ('pydantic', 'enquete.model.questionnaire', 'enquete.session') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


@contextlib.contextmanager
def validation_held(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Hold the questionnaire's validation until the event is set (it runs in a worker thread)."""
    import enquete.storage.questionnaire_file as questionnaire_file

    release = threading.Event()
    validate = questionnaire_file.questionnaire_from_data

    def held(*args: Any, **kwargs: Any) -> Any:
        release.wait(10)
        return validate(*args, **kwargs)

    monkeypatch.setattr(questionnaire_file, "questionnaire_from_data", held)
    try:
        yield release
    finally:
        release.set()


async def until(pilot: Any, condition: Callable[[], bool]) -> None:
    for _ in range(1000):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError("never happened")


async def test_with_no_draft_the_actions_are_listed_and_chosen_before_validation(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13: the home screen was usable only once pydantic was imported and the questionnaire
    validated (2.75x a bare Textual app). With no draft to read, the list comes at once, and a
    choice made before validation ends is carried out when it ends, not dropped."""
    with validation_held(monkeypatch) as release:
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: "Fill in a new response" in screen_text(app))
            assert isinstance(app.focused, OptionList)
            assert not app.ready, "listed before the questionnaire is validated"
            await pilot.press("enter")  # Fill in a new response, while validation still runs
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            release.set()
            await until(pilot, lambda: isinstance(app.screen, FillScreen))
            await pilot.press(*"AU")
            await settled(pilot)
            assert len(list(Path("responses/drafts").glob("*.toml"))) == 1


async def test_the_highlight_stays_on_its_entry_when_the_folder_is_read_again(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list shown from the first frame is rebuilt once the folder is read in full (another
    survey's file set aside). It put the highlight back on the first entry: a person who had moved
    to "Edit BR" and pressed Enter then opened a new response instead."""
    folder = Path("responses")
    folder.mkdir()
    write_response(folder, "AA.toml", {"office": "AA"}, questionnaire="another-survey")
    for office in ("AU", "BR"):
        write_response(folder, f"{office}.toml", {"office": office})
    with validation_held(monkeypatch) as release:
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: "Fill in a new response" in screen_text(app))
            await pilot.press("down", "down", "down")  # Fill in, Edit AA, Edit AU, Edit BR
            options = app.focused
            assert isinstance(options, OptionList) and options.highlighted == 3
            release.set()
            await until(pilot, lambda: "other surveys left aside" in screen_text(app))
            assert options.highlighted is not None
            assert "BR" in str(options.get_option_at_index(options.highlighted).prompt)


async def test_with_a_draft_the_list_waits_for_validation_and_shows_the_draft_first(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13: a draft's line needs the draft read and checked, so the list waits for the
    validated questionnaire: it never appears without the draft and then shifts under the cursor."""
    drafts = Path("responses/drafts")
    drafts.mkdir(parents=True)
    write_response(drafts, "d.toml", {"office": "AU"}, status="draft")
    with validation_held(monkeypatch) as release:
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause(0.2)
            assert "Reading the questionnaire" in screen_text(app)
            assert "Fill in a new response" not in screen_text(app)
            release.set()
            await until(pilot, lambda: "Fill in a new response" in screen_text(app))
            options = app.focused
            assert isinstance(options, OptionList)
            first = options.get_option_at_index(0).prompt
            assert "AU" in str(first), first


async def test_keys_typed_before_the_fill_screen_opens_are_kept(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Trial 2026-12 #7: `enquete fill`, then "AU" typed at once: the keys reached a screen still
    loading and were lost. Typed ahead, they now land in the first question once it is open."""
    with validation_held(monkeypatch) as release:
        app = make_app(mode="fill")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("A")
            app.post_message(events.Paste("U"))  # a paste, as a terminal delivers one
            await pilot.pause()
            assert not isinstance(app.screen, FillScreen), "typed while the questionnaire was loading"
            release.set()
            await until(pilot, lambda: isinstance(app.screen, FillScreen))
            await until(pilot, lambda: "Chosen: AU" in screen_text(app))
            await pilot.press("ctrl+n")
            await settled(pilot)
            drafts = list(Path("responses/drafts").glob("*.toml"))
            assert len(drafts) == 1 and 'office = "AU"' in drafts[0].read_text("utf-8")
