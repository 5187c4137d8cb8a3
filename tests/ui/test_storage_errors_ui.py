"""Storage failures on screen, in the person's language from the first word to the last.

The bug: "NON ENREGISTRÉ : cannot save responses/drafts/….toml: the disk is
full" — the sentence around the error was French, the error English. The
failures are provoked where the operating system would refuse.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from enquete.storage.responses import ResponseFolder
from tests.ui.conftest import AppFactory, running, screen_text, settled


def words_on_screen(app: object) -> str:
    """The screen's text with line ends and padding folded, so a wrapped sentence reads whole."""
    return " ".join(screen_text(app).split())  # type: ignore[arg-type]


def refuse_with(code: int) -> object:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    return refuse


async def test_a_full_disk_while_saving_the_draft_is_said_in_french(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(language="fr", mode="fill")
    async with running(app, size=(100, 30)) as pilot:
        monkeypatch.setattr("enquete.storage.atomic.os.replace", refuse_with(errno.ENOSPC))
        await pilot.press(*"FR")
        await settled(pilot)
        shown = words_on_screen(app)
    assert "NON ENREGISTRÉ : impossible d'enregistrer" in shown
    assert ": le disque est plein. Vos réponses sont conservées" in shown
    assert "cannot" not in shown and "disk" not in shown


async def test_a_read_only_disk_when_finalizing_is_said_in_spanish(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(language="es", mode="fill")
    async with running(app, size=(100, 30), notifications=True) as pilot:
        await pilot.press(*"ES", "enter")
        await pilot.press(*"1111122222", "ctrl+r")
        await settled(pilot)
        monkeypatch.setattr("enquete.storage.atomic.tempfile.mkstemp", refuse_with(errno.EROFS))
        await pilot.press("ctrl+s")
        await settled(pilot)
        shown = words_on_screen(app)
    assert "No se pudo finalizar: no se puede escribir en" in shown
    assert "el disco es de solo lectura" in shown
    assert "cannot" not in shown and "read-only" not in shown
    assert not Path("responses/ES.toml").exists()


async def test_a_folder_that_cannot_be_read_is_said_in_russian_on_the_home_screen(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreadable(folder: ResponseFolder, _questionnaire_id: str) -> object:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(folder.root))

    monkeypatch.setattr(ResponseFolder, "submitted_files_of", unreadable)
    app = make_app(language="ru")
    async with running(app, size=(100, 30)) as pilot:
        await settled(pilot)
        shown = words_on_screen(app)
    assert "не удается прочитать" in shown and "responses: отказано в доступе" in shown
    assert "Permission denied" not in shown
