"""The drafted summary of a survey other than the shipped one, in every language it is drafted in.

Hand-counted: two regions answered; both chose "Online" in Format (2 of 2,
100%) and neither chose "On site" (0 of 2). The question has no `short`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from enquete.model.questionnaire import Questionnaire
from enquete.results.aggregate import Results, aggregate_folder
from enquete.results.report_summary import summary_paragraphs
from enquete.storage.questionnaire_file import load_questionnaire
from tests.unit.builders import write_response

NBSP = "\u00a0"
FORMATS = """
[questionnaire]
id = "formats"
version = 1
languages = ["en", "fr", "es", "zh", "ru"]
respondent_key = "region"
title = "Formats"

[[questions]]
id = "region"
type = "choice"
required = true
text = "Your region"
options = [{ id = "north", label = "North" }, { id = "south", label = "South" }]

[[questions]]
id = "format"
type = "multi"
text.en = "Which training formats suit your staff? Select all that apply."
text.fr = "Quels formats de formation conviennent à votre personnel ?"
text.es = "¿Qué formatos de formación convienen a su personal?"
text.zh = "哪些培训形式适合您的员工？"
text.ru = "Какие форматы обучения подходят вашим сотрудникам?"
options = [
  { id = "online", label.en = "Online", label.fr = "En ligne", label.es = "En línea", label.zh = "在线", label.ru = "Онлайн" },
  { id = "onsite", label.en = "On site", label.fr = "Sur place", label.es = "Presencial", label.zh = "现场", label.ru = "Очно" },
]
"""


@pytest.fixture
def formats(tmp_path: Path) -> tuple[Questionnaire, Results]:
    path = tmp_path / "formats.toml"
    path.write_text(FORMATS, "utf-8")
    questionnaire = load_questionnaire(path)
    folder = tmp_path / "responses"
    folder.mkdir()
    for n, region in enumerate(("north", "south"), 1):
        answers = {"region": region, "format": {"selected": ["online"]}}
        write_response(
            folder,
            f"{region}.toml",
            answers,
            questionnaire="formats",
            id=f"{n}" * 8 + "-1111-4111-8111-111111111111",
        )
    return questionnaire, aggregate_folder(folder, questionnaire)


@pytest.mark.parametrize(
    ("lang", "ranking"),
    [
        ("en", "Online received the highest rate (100%) and no respondent selected On site."),
        (
            "fr",
            f"En ligne a obtenu le taux le plus élevé (100{NBSP}%) et aucun répondant n'a choisi Sur place.",
        ),
        (
            "es",
            f"En línea obtuvo el porcentaje más alto (100{NBSP}%) y ningún encuestado seleccionó Presencial.",
        ),
        ("zh", "在线的比例最高（100%），没有答复方选择现场。"),
        ("ru", f"наибольшая доля (100{NBSP}%) — Онлайн; ни одного выбора — Очно."),
    ],
)
def test_the_option_nobody_chose_is_not_joined_to_the_top_one(
    formats: tuple[Questionnaire, Results], lang: str, ranking: str
) -> None:
    """Regression: Russian read "наибольшая доля (100 %) — Онлайн и Очно — ни одного выбора" (On site at 100 %)."""
    questionnaire, results = formats
    texts = [p.text for p in summary_paragraphs(results, questionnaire, lang)]
    assert any(text.endswith(ranking) for text in texts), texts


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("en", "Which training formats suit your staff: "),
        ("fr", f"Quels formats de formation conviennent à votre personnel{NBSP}: "),
        ("es", "¿Qué formatos de formación convienen a su personal: "),
        ("zh", "哪些培训形式适合您的员工："),
        ("ru", "Какие форматы обучения подходят вашим сотрудникам: "),
    ],
)
def test_a_question_without_short_is_titled_by_the_start_of_its_text(
    formats: tuple[Questionnaire, Results], lang: str, title: str
) -> None:
    """Regression: without `short`, the summary read "14. Format: ..." (the id, in English) in every language."""
    questionnaire, results = formats
    texts = [p.text for p in summary_paragraphs(results, questionnaire, lang)]
    assert any(text.startswith(title) for text in texts), texts
