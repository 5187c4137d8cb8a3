"""The small fixture questionnaire in the app, and what its screen shows, through public APIs only.

`visible_text` reads the screen from `App.export_screenshot()` (the SVG a
person would save), so tests assert on what is on screen, not on Textual's
private compositor. `wait_until` polls a condition instead of pausing for a
fixed time, so a loaded machine makes a test slower, not flaky.
"""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from enquete.storage.questionnaire_file import read_questionnaire_data
from enquete.text import text_width
from enquete.ui.app import EnqueteApp, Mode
from tests.conftest import FIXTURES

SMALL = FIXTURES / "small"
_TEXT = re.compile(r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>', re.DOTALL)
_CELL_WIDTH = 12.2  # pixels per terminal cell in Textual's SVG export


def small_app(
    mode: Mode = "home",
    language: str = "en",
    office: str | None = None,
    responses: Path = Path("responses"),
) -> EnqueteApp:
    """The app on tests/fixtures/small/questionnaire.toml, as `enquete` would build it."""
    path, data = read_questionnaire_data(SMALL / "questionnaire.toml")
    return EnqueteApp(data, responses, source=str(path), language=language, mode=mode, office=office)


def copy_small_responses(target: Path = Path("responses")) -> Path:
    """The 8 responses of the small fixture, copied into `target` (the test's own cwd)."""
    shutil.copytree(SMALL / "responses", target)
    return target


def visible_text(app: App[Any]) -> str:
    """What the terminal shows, line by line, read from the app's own SVG screenshot."""
    rows: dict[float, list[tuple[int, str]]] = {}
    for x, y, text in _TEXT.findall(app.export_screenshot()):
        rows.setdefault(float(y), []).append((round(float(x) / _CELL_WIDTH), html.unescape(text)))
    lines = []
    for y in sorted(rows):
        line = ""
        for column, text in sorted(rows[y]):
            line += " " * max(0, column - text_width(line)) + text.replace("\xa0", " ")
        lines.append(line.rstrip())
    return "\n".join(lines)


async def wait_until(
    pilot: Pilot[Any], condition: Callable[[], bool], what: str, seconds: float = 15
) -> None:
    """Let the app run until `condition()` holds; fail naming `what` after `seconds`."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    assert condition(), f"timed out waiting for {what}"


async def steady(pilot: Pilot[Any]) -> None:
    """No blinking cursors and no pending animation or refresh: what a snapshot should capture."""
    for widget in pilot.app.screen.query("Input, TextArea"):
        if isinstance(widget, Input | TextArea):
            widget.cursor_blink = False
    await pilot.wait_for_scheduled_animations()
    previous = ""
    for _ in range(100):  # the screen is steady when two renders in a row agree
        await pilot.pause()
        current = pilot.app.export_screenshot()
        if current == previous:
            return
        previous = current
