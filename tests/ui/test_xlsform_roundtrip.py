"""An XLSForm built with openpyxl, imported, checked, filled through the screens, merged and reported."""

from __future__ import annotations

import datetime
import tomllib
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from enquete.cli import main
from enquete.storage.questionnaire_file import read_questionnaire_data
from enquete.ui.app import EnqueteApp
from enquete.ui.screens.fill import FillScreen
from tests.ui.conftest import running, screen_text

HEADER = ["type", "name", "label::English (en)", "label::Français (fr)", "required", "relevant",
          "constraint", "constraint_message::English (en)", "constraint_message::Français (fr)"]  # fmt: skip
ROWS = [
    ["select_one yn", "has_strategy", "Do you have an ICT strategy?", "Avez-vous une stratégie TIC ?", "yes"],
    ["text", "details", "Please describe it", "Décrivez-la", "", "${has_strategy} = 'yes'",
     "string-length(.) >= 5", "Five characters at least", "Au moins cinq caractères"],
    ["integer", "examiners", "Number of examiners", "Nombre d'examinateurs", "yes", "", ". <= 100000",
     "Too many", "Trop"],
    ["date", "since", "Since when?", "Depuis quand ?", "", "${has_strategy} = 'yes'"],
    ["note", "thanks", "Thank you!", "Merci !"],
    ["begin_repeat", "staff", "Staff", "Personnel"],
    ["text", "staff_name", "Name", "Nom"],
    ["end_repeat", ""],
]  # fmt: skip
CHOICES = [["list_name", "name", "label::English (en)", "label::Français (fr)"],
           ["yn", "yes", "Yes", "Oui"], ["yn", "no", "No", "Non"]]  # fmt: skip


def build(path: Path) -> Path:
    book = openpyxl.Workbook()
    survey = book.active
    assert survey is not None
    survey.title = "survey"
    survey.append(HEADER)
    for row in ROWS:
        survey.append(row)
    choices = book.create_sheet("choices")
    for row in CHOICES:
        choices.append(row)
    settings = book.create_sheet("settings")
    settings.append(["form_title", "form_id", "version"])
    settings.append(["Office capacity", "office_capacity", "2"])
    book.save(path)
    return path


async def test_an_xlsform_is_imported_checked_filled_and_reported(capsys: pytest.CaptureFixture[str]) -> None:
    form = build(Path("capacity.xlsx"))
    assert main(["import", str(form), "-o", "capacity.toml"]) == 0, "imported and checked"
    out = capsys.readouterr().out
    assert "not imported: 'staff' (repeat) (with its questions staff_name)" in out
    assert "the form title is the same in every language (XLSForm has one): translate it" in out
    text = Path("capacity.toml").read_text("utf-8")
    Path("capacity.toml").write_text(text.replace('title.fr = "Office capacity"', 'title.fr = "Capacités"'))
    assert main(["check", "--questionnaire", "capacity.toml"]) == 0, capsys.readouterr().out

    _, data = read_questionnaire_data(Path("capacity.toml"))
    app = EnqueteApp(data, Path("outbox"), source="capacity.toml", language="fr", mode="fill")
    async with running(app, size=(80, 24)) as pilot:

        async def step(*keys: str) -> None:
            await pilot.press(*keys)
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()

        await step(*"oui", "enter")  # a label typed whole is chosen as typed: Enter goes on
        await step(*"abc")
        assert "Au moins cinq caractères" in screen_text(pilot.app)
        await step(*"defgh", "ctrl+n")
        await step(*"250", "ctrl+n")
        await step(*"2022-03-01", "ctrl+n")
        screen = pilot.app.screen
        assert isinstance(screen, FillScreen) and screen.question.id == "thanks"
        assert "Merci !" in screen_text(pilot.app)
        await step("ctrl+r", "ctrl+s")
    (submitted,) = Path("outbox").glob("*.toml")
    answers: dict[str, Any] = tomllib.loads(submitted.read_text("utf-8"))["answers"]
    assert answers == {"has_strategy": "yes", "details": "abcdefgh", "examiners": 250,
                       "since": datetime.date(2022, 3, 1)}  # fmt: skip

    assert main(["merge", "--questionnaire", "capacity.toml", "outbox", "--into", "responses"]) == 0
    capsys.readouterr()
    assert main(["report", "--questionnaire", "capacity.toml", "--format", "md", "--lang", "fr"]) == 0
    report = capsys.readouterr().out
    assert "# Capacités" in report
    assert "| Moyenne | 250 |" in report
    assert "| Oui | 1 (100\u00a0%) |" in report  # French: a no-break space before %
    assert "| Plus ancienne | 2022-03-01 |" in report
