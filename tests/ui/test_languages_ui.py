"""F2 offers exactly the questionnaire's languages; the app's own words fall back to English."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from enquete.storage.questionnaire_file import read_questionnaire_data
from enquete.ui.app import EnqueteApp
from tests.ui.conftest import AppFactory, running, screen_text
from tests.unit.test_languages import TWO_LANGUAGES


async def test_f2_offers_the_shipped_surveys_five_languages(make_app: AppFactory) -> None:
    async with running(make_app(mode="fill"), size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        options = pilot.app.screen.query_one(OptionList)
        names = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert names == ["English", "Français", "Español", "中文", "Русский"]
        await pilot.press("down", "down", "down", "down", "enter")
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "Вопрос 1 из 8" in text
        assert "стандартом ВОИС ST.3" in text


async def test_f2_offers_only_a_questionnaires_own_languages() -> None:
    path = Path("tiny.toml")
    path.write_text(TWO_LANGUAGES, "utf-8")
    _, data = read_questionnaire_data(path)
    app = EnqueteApp(data, Path("responses"), source=str(path), language="ar", mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        text = screen_text(pilot.app)
        assert "المكتب" in text  # the question in Arabic
        assert "Question 1 of 1" in text  # the app's own words in English: no Arabic catalog
        await pilot.press("f2")
        await pilot.pause()
        options = pilot.app.screen.query_one(OptionList)
        names = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert names == ["English", "العربية"]
