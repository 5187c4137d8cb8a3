"""The drafted summary with small and zero counts, in every language it is drafted in.

Regressions from a trial: with two offices the English read "selected it in
all 2" (both), and the French "0 % de l'ensemble des répondants (0 sur 2) ont
choisi « ... »" for an option nobody chose; a zero is said in words now.
Two offices, hand-counted: AU chose Rec. 1 in Current focus and Implementation
challenges, BR chose Rec. 1 in both too (so Rec. 1 is top in exactly two
questions, and 2 of 2 chose it in both); each chose Rec. 5 and Rec. 6 in
Topics for future meetings; nobody chose "Not Applicable" anywhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from enquete.model.questionnaire import Questionnaire
from enquete.results.aggregate import Results, aggregate_folder
from enquete.results.report_summary import summary_paragraphs
from tests.unit.builders import minimal_answers, write_response

NBSP = "\u00a0"


def two_offices(survey: Questionnaire, folder: Path, br_challenges: list[str]) -> Results:
    folder.mkdir()
    au = minimal_answers(
        "AU",
        current_focus={"selected": ["rec1"]},
        challenges={"selected": ["rec1"]},
        future_topics={"selected": ["rec5"]},
    )
    br = minimal_answers(
        "BR",
        current_focus={"selected": ["rec1"]},
        challenges={"selected": br_challenges},
        future_topics={"selected": ["rec6"]},
    )
    write_response(folder, "au.toml", au, id="11111111-1111-4111-8111-111111111111")
    write_response(folder, "br.toml", br, id="22222222-2222-4222-8222-222222222222")
    return aggregate_folder(folder, survey)


@pytest.mark.parametrize(
    ("lang", "both"),
    [
        ("en", "2 respondents (100%) selected it in both."),
        ("fr", f"2 répondants (100{NBSP}%) l'ont choisie dans les deux."),
        ("es", f"2 encuestados (100{NBSP}%) la seleccionaron en ambas."),
        ("zh", "2个答复方（100%）在这两个问题中都选择了它。"),
        ("ru", f"число респондентов, выбравших этот вариант в обоих: 2 (100{NBSP}%)."),
    ],
)
def test_an_option_top_in_two_questions_reads_both_not_all_2(
    survey: Questionnaire, tmp_path: Path, lang: str, both: str
) -> None:
    """Regression: "selected it in all 2"."""
    results = two_offices(survey, tmp_path / "responses", ["rec1"])
    cross = {p.number: p.text for p in summary_paragraphs(results, survey, lang)}[21]
    assert cross.endswith(both), cross
    assert " 2 " not in cross.replace(both, "") or lang in ("zh", "ru"), cross  # "in 2 questions" is gone too


def test_one_of_two_in_both_is_singular(survey: Questionnaire, tmp_path: Path) -> None:
    """BR chose Rec. 2, not Rec. 1, as a challenge: Rec. 1 is still top in both questions, 1 of 2 chose it in both."""
    results = two_offices(survey, tmp_path / "responses", ["rec2"])
    cross = {p.number: p.text for p in summary_paragraphs(results, survey, "en")}[21]
    assert cross == (
        "Recommendation 1 was among the most selected in both “Current focus” (100%) and "
        "“Implementation challenges” (50%); 1 respondent (50%) selected it in both."
    )


@pytest.mark.parametrize(
    ("lang", "nobody"),
    [
        ("en", "no respondent selected it in both."),
        ("fr", "aucun répondant ne l'a choisie dans les deux."),
        ("es", "ningún encuestado la seleccionó en ambas."),
        ("zh", "没有答复方在这两个问题中都选择了它。"),
        ("ru", "ни один респондент не выбрал этот вариант в обоих."),
    ],
)
def test_nobody_in_both_is_said_in_words(
    survey: Questionnaire, tmp_path: Path, lang: str, nobody: str
) -> None:
    """AU chose Rec. 3 as its focus and Rec. 4 as a challenge, BR the other way round: both options are
    top in both questions, and nobody chose either in both: not "0 respondents (0%) selected it"."""
    folder = tmp_path / "responses"
    folder.mkdir()
    au = minimal_answers("AU", current_focus={"selected": ["rec3"]}, challenges={"selected": ["rec4"]})
    br = minimal_answers("BR", current_focus={"selected": ["rec4"]}, challenges={"selected": ["rec3"]})
    write_response(folder, "au.toml", au, id="11111111-1111-4111-8111-111111111111")
    write_response(folder, "br.toml", br, id="22222222-2222-4222-8222-222222222222")
    results = aggregate_folder(folder, survey)
    cross = {p.number: p.text for p in summary_paragraphs(results, survey, lang)}[21]
    assert cross.count(nobody) == 2, cross  # Rec. 3 and Rec. 4
    assert "(0" not in cross, cross


@pytest.mark.parametrize(
    ("lang", "nobody"),
    [
        ("en", "No respondent selected “Not Applicable”."),
        ("fr", f"Aucun répondant n'a choisi «{NBSP}Sans objet{NBSP}»."),
        ("es", "Ningún encuestado seleccionó «No procede»."),
        ("zh", "没有答复方选择“不适用”。"),
        ("ru", "Вариант «Неприменимо» не выбрал ни один респондент."),
    ],
)
def test_an_exclusive_option_nobody_chose_is_said_in_words(
    survey: Questionnaire, tmp_path: Path, lang: str, nobody: str
) -> None:
    """Regression: "0 % de l'ensemble des répondants (0 sur 2) ont choisi « Sans objet »"."""
    results = two_offices(survey, tmp_path / "responses", ["rec1"])
    focus = {p.number: p.text for p in summary_paragraphs(results, survey, lang)}[14]
    assert focus.endswith(nobody), focus
    assert "(0 " not in focus and "0个中" not in focus


@pytest.mark.parametrize(
    ("lang", "lowest"),
    [
        ("en", "and no respondent selected Recommendations 2, 3, 4, 5, 6, 7, 8, 9 and 10."),
        ("fr", "et aucun répondant n'a choisi les Recommandations 2, 3, 4, 5, 6, 7, 8, 9 et 10."),
        ("es", "y ningún encuestado seleccionó las Recomendaciones 2, 3, 4, 5, 6, 7, 8, 9 y 10."),
        ("zh", "没有答复方选择建议2、3、4、5、6、7、8、9和10。"),
        ("ru", "; ни одного выбора — Рекомендации 2, 3, 4, 5, 6, 7, 8, 9 и 10."),
    ],
)
def test_a_lowest_group_nobody_chose_is_said_in_words(
    survey: Questionnaire, tmp_path: Path, lang: str, lowest: str
) -> None:
    """Regression: "Recommendations 2, ... and 10 the lowest (0%)"."""
    results = two_offices(survey, tmp_path / "responses", ["rec1"])
    focus = {p.number: p.text for p in summary_paragraphs(results, survey, lang)}[14]
    assert lowest in focus, focus


def test_one_exclusive_choice_agrees_in_french(survey: Questionnaire, tmp_path: Path) -> None:
    """One office of two chose "Not Applicable": "1 répondant sur 2 (50 %) a choisi", not "ont choisi"."""
    results = two_offices(survey, tmp_path / "responses", ["rec1"])
    folder = tmp_path / "responses"
    answers = minimal_answers("CA", current_focus={"selected": ["not_applicable"]})
    write_response(folder, "ca.toml", answers, id="33333333-3333-4333-8333-333333333333")
    results = aggregate_folder(folder, survey, cached=False)
    focus = {p.number: p.text for p in summary_paragraphs(results, survey, "fr")}[14]
    assert focus.endswith(f"1 répondant sur 3 (33{NBSP}%) a choisi «{NBSP}Sans objet{NBSP}»."), focus


MINI = """
[questionnaire]
id = "mini"
version = 1
title = "Mini"
respondent_key = "office"

[[questions]]
id = "office"
type = "code"
codes = "st3"
required = true
text = "Your office"

[[questions]]
id = "uses_ai"
type = "choice"
text = "Does your office use AI?"
options = [{ id = "yes", label = "Yes" }, { id = "no", label = "No" }]

[[questions]]
id = "ai_areas"
type = "multi"
relevant = "${uses_ai} = 'yes'"
text = "Where?"
options = [
  { id = "search", label = "Search" },
  { id = "classification", label = "Classification" },
  { id = "none", label = "None yet", exclusive = true },
]
"""


def test_a_conditional_multi_select_is_summarised_of_those_it_applied_to(tmp_path: Path) -> None:
    """Hand-counted: AU, BR and FR use AI (3), CN does not (not asked). AU chose search and
    classification, BR search, FR nothing: search 2 of 3 = 67%, classification 1 of 3 = 33%,
    1 of 3 did not answer; not "of all 4"."""
    from enquete.storage.questionnaire_file import load_questionnaire

    (tmp_path / "mini.toml").write_text(MINI, "utf-8")
    questionnaire = load_questionnaire(tmp_path / "mini.toml")
    folder = tmp_path / "responses"
    folder.mkdir()
    given = [
        ("AU", "yes", ["search", "classification"]),
        ("BR", "yes", ["search"]),
        ("CN", "no", ["search"]),  # set aside: CN does not use AI
        ("FR", "yes", None),
    ]
    for number, (office, uses, areas) in enumerate(given, 1):
        answers: dict[str, object] = {"office": office, "uses_ai": uses}
        if areas:
            answers["ai_areas"] = {"selected": areas}
        write_response(
            folder,
            f"{office}.toml",
            answers,
            questionnaire="mini",
            id=f"{number}1111111-1111-4111-8111-111111111111",
        )
    results = aggregate_folder(folder, questionnaire, cached=False)
    paragraph = next(p for p in summary_paragraphs(results, questionnaire, "en") if "Search" in p.text).text
    assert "Search received the highest rate (67%) and Classification the lowest (33%)." in paragraph
    assert "No respondent selected “None yet”." in paragraph
    assert "1 of 3 respondents (33%) did not answer this question." in paragraph
    assert paragraph.endswith(
        "Answered by 2 (67%) of the 3 respondents who answered “Yes” to question 2 (of 4; 1 not asked); "
        "its shares are of those 3."
    )
