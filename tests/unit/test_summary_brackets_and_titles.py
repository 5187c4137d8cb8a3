"""The summary never cuts a question's title mid-sentence nor puts two brackets around a share.

The bugs, seen in the Russian summary of the training-needs example: a title
without `short` was the 60-cell title of menus, "По каким стандартам ВОИС
вашим сотрудникам необходимо…:", and an option named with its own bracket
got its share in a second one, "далее — ST.26 (перечни последовательностей)
(33 %)". French, Spanish and Chinese cut the same titles; Spanish and
Chinese doubled the brackets after "seguida de" and "其次是", and every
language in "the highest shares of the other levels".

Hand-counted, 3 regions: ST.96 chosen by 3 (100%), ST.26 by 2 (67%), ST.37 by 1 (33%);
"Not planned" is most chosen for Filing, by 2 (67%).
"""

from __future__ import annotations

import pytest

from enquete.model.questionnaire import Questionnaire
from enquete.results.aggregate import Results, aggregate_folder
from enquete.results.report_summary import render_summary, summary_paragraphs
from enquete.results.summary_phrases import phrases, with_share
from enquete.storage.questionnaire_file import load_questionnaire
from tests.unit.builders import write_response

NBSP = "\u00a0"
QUESTIONNAIRE = """[questionnaire]
id = "standards-training"
version = 1
languages = ["en", "fr", "es", "zh", "ru"]
respondent_key = "region"
title = "Training on WIPO Standards"

[[questions]]
id = "region"
type = "choice"
required = true
text = "Your region"
options = [{ id = "north", label = "North" }, { id = "south", label = "South" }, { id = "east", label = "East" }]

[[questions]]
id = "services"
type = "matrix"
text.en = "How far has your office brought each of its online services into use for applicants and the public? Choose one level per service."
text.fr = "Où en est votre office dans la mise en service de chacun de ses services en ligne pour les déposants et le public ? Choisissez un niveau par service."
text.es = "¿En qué medida ha puesto su oficina en funcionamiento cada uno de sus servicios en línea para los solicitantes y el público? Elija un nivel por servicio."
text.zh = "贵局面向申请人和公众的各项在线服务目前的投入使用程度如何？每项服务请选择一个程度，并在必要时于下方意见框中说明具体情况和原因。"
text.ru = "Насколько ваше ведомство ввело в эксплуатацию каждую из своих онлайн-услуг для заявителей и общественности? Выберите один уровень для каждой услуги."
rows = [
  { id = "filing", label.en = "Filing (e-filing portal)", label.fr = "Dépôt (portail de dépôt électronique)", label.es = "Presentación (portal electrónico)", label.zh = "提交（电子申请门户）", label.ru = "Подача (портал электронной подачи)" },
  { id = "search", label.en = "Search (public database)", label.fr = "Recherche (base de données publique)", label.es = "Búsqueda (base de datos pública)", label.zh = "检索（公共数据库）", label.ru = "Поиск (общедоступная база данных)" },
]
columns = [
  { id = "done", label.en = "In use", label.fr = "En service", label.es = "En uso", label.zh = "已投入使用", label.ru = "Используется" },
  { id = "ongoing", label.en = "Being introduced", label.fr = "En cours", label.es = "En curso", label.zh = "正在推行", label.ru = "Внедряется" },
  { id = "not_planned", label.en = "Not planned", label.fr = "Non prévu", label.es = "No previsto", label.zh = "无计划", label.ru = "Не планируется" },
]

[[questions]]
id = "standards"
type = "multi"
text.en = "On which of the WIPO Standards for the exchange of intellectual property data would your staff most need training in the coming two years? Select all that apply."
text.fr = "Sur quelles normes de l'OMPI relatives à l'échange de données de propriété intellectuelle votre personnel aurait-il le plus besoin d'une formation au cours des deux prochaines années ? Sélectionnez toutes les réponses pertinentes."
text.es = "¿Sobre cuáles de las normas técnicas de la OMPI relativas al intercambio de datos de propiedad intelectual necesitaría más formación su personal en los próximos dos años? Seleccione todas las que correspondan."
text.zh = "在今后两年中，贵局工作人员最需要接受哪些关于知识产权数据交换的产权组织标准方面的培训？请选择所有适用项。"
text.ru = "По каким стандартам ВОИС, касающимся обмена данными об интеллектуальной собственности, вашим сотрудникам больше всего необходимо обучение в ближайшие два года? Выберите все подходящие варианты."
options = [
  { id = "st96", label.en = "ST.96 (XML for IP data)", label.fr = "ST.96 (XML pour les données de PI)", label.es = "ST.96 (XML para datos de PI)", label.zh = "ST.96（知识产权数据XML）", label.ru = "ST.96 (XML для данных ИС)" },
  { id = "st26", label.en = "ST.26 (sequence listings)", label.fr = "ST.26 (listages des séquences)", label.es = "ST.26 (listas de secuencias)", label.zh = "ST.26（序列表）", label.ru = "ST.26 (перечни последовательностей)" },
  { id = "st37", label.en = "ST.37 (authority files)", label.fr = "ST.37 (fichiers de référence)", label.es = "ST.37 (ficheros de autoridad)", label.zh = "ST.37（权威文档）", label.ru = "ST.37 (авторитетные файлы)" },
]
"""
ANSWERS = {
    "north": {
        "services": {"filing": "not_planned", "search": "done"},
        "standards": {"selected": ["st96", "st26", "st37"]},
    },
    "south": {
        "services": {"filing": "not_planned", "search": "ongoing"},
        "standards": {"selected": ["st96", "st26"]},
    },
    "east": {"services": {"filing": "done", "search": "not_planned"}, "standards": {"selected": ["st96"]}},
}


@pytest.fixture(scope="module")
def training(tmp_path_factory: pytest.TempPathFactory) -> tuple[Questionnaire, Results]:
    folder = tmp_path_factory.mktemp("training")
    (folder / "questionnaire.toml").write_text(QUESTIONNAIRE, "utf-8")
    questionnaire = load_questionnaire(folder / "questionnaire.toml")
    responses = folder / "responses"
    responses.mkdir()
    for n, (region, answers) in enumerate(ANSWERS.items(), 1):
        write_response(
            responses,
            f"{region}.toml",
            {"region": region, **answers},
            questionnaire="standards-training",
            id=f"{n}" * 8 + "-1111-4111-8111-111111111111",
        )
    return questionnaire, aggregate_folder(responses, questionnaire)


STANDARDS = {
    "ru": "По каким стандартам ВОИС, касающимся обмена данными об интеллектуальной собственности, вашим "
    "сотрудникам больше всего необходимо обучение в ближайшие два года: наибольшая доля (100{nbsp}%) — "
    "ST.96 (XML для данных ИС), далее — ST.26 (перечни последовательностей): 67{nbsp}%, и наименьшая доля "
    "(33{nbsp}%) — ST.37 (авторитетные файлы).",
    "fr": "Sur quelles normes de l'OMPI relatives à l'échange de données de propriété intellectuelle votre "
    "personnel aurait-il le plus besoin d'une formation au cours des deux prochaines années{nbsp}: ST.96 (XML "
    "pour les données de PI) a obtenu le taux le plus élevé (100{nbsp}%), ST.26 (listages des séquences) "
    "suivait (67{nbsp}%), et ST.37 (fichiers de référence) le taux le plus bas (33{nbsp}%).",
    "es": "¿Sobre cuáles de las normas técnicas de la OMPI relativas al intercambio de datos de propiedad "
    "intelectual necesitaría más formación su personal en los próximos dos años: ST.96 (XML para datos de PI) "
    "obtuvo el porcentaje más alto (100{nbsp}%), seguida de ST.26 (listas de secuencias), con el 67{nbsp}%, y "
    "ST.37 (ficheros de autoridad) el más bajo (33{nbsp}%).",
    "zh": "在今后两年中，贵局工作人员最需要接受哪些关于知识产权数据交换的产权组织标准方面的培训：ST.96（知识产权数据XML）"
    "的比例最高（100%），其次是ST.26（序列表），占67%，ST.37（权威文档）的比例最低（33%）。",
    "en": "On which of the WIPO Standards for the exchange of intellectual property data would your staff most "
    "need training in the coming two years: ST.96 (XML for IP data) received the highest rate (100%), ST.26 "
    "(sequence listings) followed (67%), and ST.37 (authority files) the lowest (33%).",
}
LEVEL_TOPS = {
    "ru": "Наибольшие доли по остальным уровням: «Не планируется» — Подача (портал электронной подачи): 67{nbsp}%.",
    "fr": "Les parts les plus élevées des autres niveaux{nbsp}: «{nbsp}Non prévu{nbsp}» Dépôt (portail de dépôt "
    "électronique), avec 67{nbsp}%.",
    "es": "Los porcentajes más altos de los demás niveles: «No previsto» Presentación (portal electrónico), con "
    "el 67{nbsp}%.",
    "zh": "其他程度的最高比例：“无计划”提交（电子申请门户），占67%。",
    "en": "The highest shares of the other levels: “Not planned” Filing (e-filing portal), with 67%.",
}


@pytest.mark.parametrize("language", list(STANDARDS))
def test_a_long_title_is_whole_and_a_bracketed_option_s_share_is_not_bracketed_again(
    training: tuple[Questionnaire, Results], language: str
) -> None:
    questionnaire, results = training
    paragraphs = {p.number: p.text for p in summary_paragraphs(results, questionnaire, language)}
    assert paragraphs[2] == STANDARDS[language].format(nbsp=NBSP)
    assert paragraphs[1].endswith(LEVEL_TOPS[language].format(nbsp=NBSP))


@pytest.mark.parametrize("language", list(STANDARDS))
def test_no_paragraph_has_a_cut_title_or_two_brackets_in_a_row(
    training: tuple[Questionnaire, Results], language: str
) -> None:
    questionnaire, results = training
    text = render_summary(results, questionnaire, language).split("\n---\n")[0]
    assert "…" not in text
    assert ") (" not in text and "）（" not in text and ")(" not in text


def test_an_option_without_its_own_bracket_keeps_the_document_s_wording() -> None:
    """The CWS document's "Recommendations 5 and 10 (57%)" is unchanged: only a name ending in a bracket differs."""
    assert with_share("Рекомендации 5 и 10", "57\u00a0%", phrases("ru")) == "Рекомендации 5 и 10 (57\u00a0%)"
    assert with_share("建议5和10", "57%", phrases("zh")) == "建议5和10（57%）"
    assert with_share("ST.26 [draft]", "57%", phrases("en")) == "ST.26 [draft], with 57%"
