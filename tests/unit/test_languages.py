"""The questionnaire decides its languages; the app's words come from catalogs, else English."""

from __future__ import annotations

from pathlib import Path

import pytest

from enquete.cli import main
from enquete.errors import QuestionnaireError
from enquete.i18n.catalog import LANGUAGES, language_name, messages, translate
from enquete.model.codes import st3_name
from enquete.model.questionnaire import Questionnaire
from enquete.storage.questionnaire_file import check_language, header_languages
from tests.conftest import ROOT
from tests.unit.builders import minimal_answers, write_response

TWO_LANGUAGES = """
[questionnaire]
id = "tiny"
version = 1
languages = ["en", "ar"]
respondent_key = "office"
title.en = "Tiny"
title.ar = "صغير"

[[questions]]
id = "office"
type = "code"
required = true
text.en = "Office"
text.ar = "المكتب"
"""


def test_russian_is_a_catalog_language() -> None:
    assert LANGUAGES["ru"] == "Русский"
    assert translate("key.next", "ru") == "Далее"
    assert translate("fill.position", "ru", number=2, total=8) == "Вопрос 2 из 8"


@pytest.mark.parametrize(("language", "catalog_word"), [("ar", "Next"), ("fr-CA", "Suite"), ("xx", "Next")])
def test_a_language_without_a_catalog_uses_english_for_the_apps_words(
    language: str, catalog_word: str
) -> None:
    assert translate("key.next", language) == catalog_word
    assert messages(language) is messages(language.split("-")[0] if language == "fr-CA" else "en")


def test_languages_are_named_in_themselves() -> None:
    assert language_name("ru") == "Русский"
    assert language_name("ar") == "العربية"
    assert language_name("fr-CA") == "Français (fr-CA)"
    assert language_name("qya") == "qya"


def test_the_shipped_survey_is_fully_translated_into_russian(survey: Questionnaire) -> None:
    assert "ru" in survey.languages
    assert survey.missing_translations() == []
    assert "Комитет по стандартам ВОИС" in (survey.description or {})["ru"]
    assert "стандартом ВОИС ST.3" in survey.question("office").text_in("ru")


def test_office_names_exist_in_russian() -> None:
    assert st3_name("RU", "ru") == "Российская Федерация"
    assert st3_name("WO", "ru") == "Всемирная организация интеллектуальной собственности (ВОИС)"
    assert st3_name("EA", "ru").startswith("Евразийская патентная организация")


def test_command_line_language_must_be_one_of_the_questionnaires() -> None:
    assert check_language(None, ["en", "fr"]) == "en"
    assert check_language("fr", ["en", "fr"]) == "fr"
    with pytest.raises(QuestionnaireError, match="this questionnaire is in en, fr"):
        check_language("zh", ["en", "fr"])


def test_header_languages_survive_broken_headers() -> None:
    assert header_languages({}) == ["en"]
    assert header_languages({"questionnaire": {"languages": "en"}}) == ["en"]
    assert header_languages({"questionnaire": {"languages": ["en", "ru", "en"]}}) == ["en", "ru"]


def test_report_in_russian(capsys: pytest.CaptureFixture[str]) -> None:
    folder = Path("responses")
    folder.mkdir()
    write_response(folder, "AU.toml", minimal_answers("AU"))
    assert main(["report", "--format", "md", "--lang", "ru"]) == 0
    out = capsys.readouterr().out
    assert "# Обследование по рекомендациям в области ИКТ для ведомств ИС (2025 год)" in out


def test_report_refuses_a_language_the_questionnaire_lacks(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--format", "md", "--lang", "de"]) == 2
    assert "this questionnaire is in en, fr, es, zh, ru" in capsys.readouterr().err


def test_fill_refuses_a_language_the_questionnaire_lacks(capsys: pytest.CaptureFixture[str]) -> None:
    path = Path("tiny.toml")
    path.write_text(TWO_LANGUAGES, "utf-8")
    assert main(["fill", "--questionnaire", str(path), "--lang", "fr"]) == 2
    assert "this questionnaire is in en, ar" in capsys.readouterr().err


def test_shipped_questionnaire_is_the_one_tested() -> None:
    assert (ROOT / "questionnaire.toml").is_file()
