"""The "Saved" dialog shows a deep folder's path broken between folders, never inside a name.

The bug: at 80x24 a response saved under a OneDrive folder showed as
"...OneDrive -" / "Institut National de la Propriété Industrielle/..." and
"...CWS" / "2025/responses/BR.toml": the person could not read a folder's
name, nor select the path to copy it.
"""

from pathlib import Path

import pytest

from tests.ui.conftest import AppFactory, running, screen_text


def dialog_rows(screen: str) -> list[str]:
    """The text inside the dialog's box, one row per screen line."""
    return [line.split("│")[1].strip() for line in screen.splitlines() if line.count("│") >= 2]


async def test_a_deep_path_is_broken_only_after_a_separator(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deep = (
        tmp_path
        / "Marie-Christine.Delacroix-Fernandez"
        / "OneDrive - Institut National de la Propriété Industrielle"
        / "Documents"
        / "Enquêtes OMPI"
        / "CWS 2025"
    )
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    app = make_app(mode="fill")
    async with running(app, size=(80, 24), notifications=True) as pilot:
        await pilot.press(*"BR", "enter")
        await pilot.pause()
        await pilot.press(*"1111122222", "ctrl+r")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        rows = dialog_rows(screen_text(app))
    start, end = (
        rows.index("Your response is saved as:"),
        rows.index("(revision 1). This app does not send anything."),
    )
    shown = rows[start + 1 : end]
    assert "".join(shown) == str((deep / "responses" / "BR.toml").resolve())
    assert all(row.endswith("/") for row in shown[:-1]), shown
    assert "OneDrive - Institut National de la Propriété Industrielle/" in shown
