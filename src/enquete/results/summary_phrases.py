"""The phrases of the drafted summary paragraphs, per language, and how option names are grouped.

"Recommendations 5 and 10", "Recommandations 5 et 10", "Recomendaciones 5 y
10", "建议5和10": tied options are named together, as CWS/13/26 does. Every
template is fixed text with slots; nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBERED = re.compile(r"^(?P<noun>\D*?)\s*(?P<number>\d+)$")


@dataclass(frozen=True)
class Phrases:
    """One language's templates. `{names}` are option names, `{p}` percentages already formatted."""

    percent: str
    and_: str
    list_sep: str
    top: tuple[str, str]
    """Singular, plural: the highest group."""
    followed: tuple[str, str]
    middle: str
    middle_same: str
    lowest: tuple[str, str]
    all_same: str
    two_groups_joiner: str
    topic: str
    exclusive: str
    exclusive_none: str
    """Nobody chose the exclusive option: said in words, not "0% ... (0 of 2)"."""
    not_answered: tuple[str, str]
    """Singular, plural: by the count of respondents who did not answer."""
    respondents: tuple[str, str]
    positive_joiner: str
    other_levels: str
    level_top: str
    cross: tuple[str, str]
    """Singular, plural: by the count of respondents who chose the option in every question named."""
    cross_none: str
    cross_both: tuple[str, str]
    """Singular, plural: `cross` when the option is top in exactly two questions ("in both")."""
    cross_nobody: str
    """`cross` when nobody chose the option in every question named."""
    cross_nobody_both: str
    lowest_none: str
    """The lowest group when nobody chose it: "no respondent selected Recommendations 2 and 4"."""
    all_none: str
    """Every option at 0: "no respondent selected any of the options"."""
    respondents_anonymous: tuple[str, str]
    """Singular, plural: an anonymous survey's respondents, counted but never listed (their keys are ids)."""
    nobody: str
    sentence_end: str
    articles: dict[str, tuple[str, str]]
    plural_of: dict[str, str]
    other_options: str
    clause_sep: str = ", "
    items_sep: str = "; "
    quote: str = "“{text}”"
    parens: str = " ({text})"
    sentence_sep: str = " "
    exclusive_of: str = "{count} of those {n} ({p}) selected “{label}”"
    """`exclusive` for a conditional question: of the `n` it applied to, not of all respondents."""
    exclusive_one: str | None = None
    """`exclusive` when exactly one respondent chose the option, where the verb must agree (French)."""
    none_joiner: str | None = None
    """Before `lowest_none`, instead of `two_groups_joiner`/`clause_sep` + "and", where "and" would
    join the group nobody chose to the top one (Russian "— Онлайн и Очно — ни одного выбора" read as
    both at 100 %)."""
    followed_agrees_with_top: bool = False
    """Spanish: "seguida(s) de" agrees with the group that came first."""
    share: str = "{names} ({p})"
    """`{named}` in a template: options with their share, "Recommendations 5 and 10 (57%)"."""
    share_after_bracket: str = "{names}, with {p}"
    """`{named}` when the options' name ends with its own bracket: "ST.26 (sequence listings), with 33%".

    Regression: "далее — ST.26 (перечни последовательностей) (33 %)" put two parentheses in a row."""


PHRASES: dict[str, Phrases] = {
    "en": Phrases(
        percent="{p}%",
        and_=" and ",
        list_sep=", ",
        top=("{names} received the highest rate ({p})", "{names} received the highest rate ({p})"),
        followed=("{names} followed ({p})", "{names} followed ({p})"),
        middle="the other {plural} received between {lo} and {hi}",
        middle_same="the other {plural} received {p}",
        lowest=("{names} the lowest ({p})", "{names} the lowest ({p})"),
        all_same="every one of the {plural} received {p}",
        two_groups_joiner=" and ",
        topic="{title}: ",
        exclusive="{p} of all respondents ({count} of {n}) selected “{label}”",
        exclusive_none="no respondent selected “{label}”",
        cross_both=(
            "{names} was among the most selected in both {items}; {count} respondent ({p}) selected it in both",
            "{names} was among the most selected in both {items}; {count} respondents ({p}) selected it in both",
        ),
        cross_nobody="{names} was among the most selected in {k} questions: {items}; no respondent selected it in all {k}",
        cross_nobody_both="{names} was among the most selected in both {items}; no respondent selected it in both",
        lowest_none="no respondent selected {names}",
        all_none="no respondent selected any of the {plural}",
        respondents_anonymous=("{n} respondent answered the survey", "{n} respondents answered the survey"),
        not_answered=(
            "{count} of {n} respondents ({p}) did not answer this question",
            "{count} of {n} respondents ({p}) did not answer this question",
        ),
        respondents=(
            "{n} office responded to the survey: {codes}",
            "{n} offices responded to the survey: {codes}",
        ),
        positive_joiner=" or ",
        other_levels="The highest shares of the other levels: {items}",
        level_top="“{level}” {named}",
        cross=(
            "{names} was among the most selected in {k} questions: {items}; "
            "{count} respondent ({p}) selected it in all {k}",
            "{names} was among the most selected in {k} questions: {items}; "
            "{count} respondents ({p}) selected it in all {k}",
        ),
        cross_none="No option was among the most selected in more than one question",
        nobody="No office has responded to the survey yet",
        sentence_end=".",
        articles={},
        plural_of={},
        other_options="options",
    ),
    "fr": Phrases(
        percent="{p}\u00a0%",
        and_=" et ",
        list_sep=", ",
        top=(
            "{names} a obtenu le taux le plus élevé ({p})",
            "{names} ont obtenu le taux le plus élevé ({p})",
        ),
        followed=("{names} suivait ({p})", "{names} suivaient ({p})"),
        middle="les autres {plural} ont obtenu entre {lo} et {hi}",
        middle_same="les autres {plural} ont obtenu {p}",
        lowest=("{names} le taux le plus bas ({p})", "{names} le taux le plus bas ({p})"),
        all_same="toutes les {plural} ont obtenu {p}",
        two_groups_joiner=" et ",
        topic="{title}\u00a0: ",
        exclusive="{p} de l'ensemble des répondants ({count} sur {n}) ont choisi «\u00a0{label}\u00a0»",
        exclusive_one="{count} répondant sur {n} ({p}) a choisi «\u00a0{label}\u00a0»",
        exclusive_of="sur ces {n}, {count} ({p}) ont choisi «\u00a0{label}\u00a0»",
        exclusive_none="aucun répondant n'a choisi «\u00a0{label}\u00a0»",
        cross_both=(
            "{names} figurait parmi les plus choisies à la fois dans {items}\u00a0; "
            "{count} répondant ({p}) l'a choisie dans les deux",
            "{names} figurait parmi les plus choisies à la fois dans {items}\u00a0; "
            "{count} répondants ({p}) l'ont choisie dans les deux",
        ),
        cross_nobody=(
            "{names} figurait parmi les plus choisies dans {k} questions\u00a0: {items}\u00a0; "
            "aucun répondant ne l'a choisie dans les {k}"
        ),
        cross_nobody_both=(
            "{names} figurait parmi les plus choisies à la fois dans {items}\u00a0; "
            "aucun répondant ne l'a choisie dans les deux"
        ),
        lowest_none="aucun répondant n'a choisi {names}",
        all_none="aucun répondant n'a choisi l'une des {plural}",
        respondents_anonymous=(
            "{n} répondant a répondu à l'enquête",
            "{n} répondants ont répondu à l'enquête",
        ),
        not_answered=(
            "{count} répondant sur {n} ({p}) n'a pas répondu à cette question",
            "{count} répondants sur {n} ({p}) n'ont pas répondu à cette question",
        ),
        respondents=(
            "{n} office a répondu à l'enquête\u00a0: {codes}",
            "{n} offices ont répondu à l'enquête\u00a0: {codes}",
        ),
        positive_joiner=" ou ",
        other_levels="Les parts les plus élevées des autres niveaux\u00a0: {items}",
        level_top="«\u00a0{level}\u00a0» {named}",
        cross=(
            "{names} figurait parmi les plus choisies dans {k} questions\u00a0: "
            "{items}\u00a0; {count} répondant ({p}) l'a choisie dans les {k}",
            "{names} figurait parmi les plus choisies dans {k} questions\u00a0: "
            "{items}\u00a0; {count} répondants ({p}) l'ont choisie dans les {k}",
        ),
        cross_none="Aucun choix ne figurait parmi les plus choisis dans plus d'une question",
        nobody="Aucun office n'a encore répondu à l'enquête",
        sentence_end=".",
        articles={"Recommandation": ("la ", "les ")},
        plural_of={"Recommandation": "Recommandations"},
        other_options="options",
        share_after_bracket="{names}, avec {p}",
        items_sep="\u00a0; ",
        quote="«\u00a0{text}\u00a0»",
    ),
    "es": Phrases(
        percent="{p}\u00a0%",
        and_=" y ",
        list_sep=", ",
        top=(
            "{names} obtuvo el porcentaje más alto ({p})",
            "{names} obtuvieron el porcentaje más alto ({p})",
        ),
        followed=("seguida de {named}", "seguidas de {named}"),
        middle="las demás {plural} obtuvieron entre el {lo} y el {hi}",
        middle_same="las demás {plural} obtuvieron el {p}",
        lowest=("{names} el más bajo ({p})", "{names} el más bajo ({p})"),
        all_same="todas las {plural} obtuvieron el {p}",
        two_groups_joiner=" y ",
        topic="{title}: ",
        exclusive="El {p} del total de encuestados ({count} de {n}) seleccionó «{label}»",
        exclusive_of="{count} de esos {n} ({p}) seleccionaron «{label}»",
        exclusive_none="ningún encuestado seleccionó «{label}»",
        cross_both=(
            "{names} figuró entre las más seleccionadas tanto en {items}; "
            "{count} encuestado ({p}) la seleccionó en ambas",
            "{names} figuró entre las más seleccionadas tanto en {items}; "
            "{count} encuestados ({p}) la seleccionaron en ambas",
        ),
        cross_nobody=(
            "{names} figuró entre las más seleccionadas en {k} preguntas: {items}; "
            "ningún encuestado la seleccionó en las {k}"
        ),
        cross_nobody_both=(
            "{names} figuró entre las más seleccionadas tanto en {items}; ningún encuestado la seleccionó en ambas"
        ),
        lowest_none="ningún encuestado seleccionó {names}",
        all_none="ningún encuestado seleccionó ninguna de las {plural}",
        respondents_anonymous=(
            "{n} encuestado respondió a la encuesta",
            "{n} encuestados respondieron a la encuesta",
        ),
        not_answered=(
            "{count} de {n} encuestados ({p}) no respondió a esta pregunta",
            "{count} de {n} encuestados ({p}) no respondieron a esta pregunta",
        ),
        respondents=(
            "{n} oficina respondió a la encuesta: {codes}",
            "{n} oficinas respondieron a la encuesta: {codes}",
        ),
        positive_joiner=" o ",
        other_levels="Los porcentajes más altos de los demás niveles: {items}",
        level_top="«{level}» {named}",
        cross=(
            "{names} figuró entre las más seleccionadas en {k} preguntas: {items}; "
            "{count} encuestado ({p}) la seleccionó en las {k}",
            "{names} figuró entre las más seleccionadas en {k} preguntas: {items}; "
            "{count} encuestados ({p}) la seleccionaron en las {k}",
        ),
        cross_none="Ninguna opción figuró entre las más seleccionadas en más de una pregunta",
        nobody="Ninguna oficina ha respondido aún a la encuesta",
        sentence_end=".",
        articles={"Recomendación": ("la ", "las ")},
        plural_of={"Recomendación": "Recomendaciones"},
        other_options="opciones",
        followed_agrees_with_top=True,
        share_after_bracket="{names}, con el {p}",
        quote="«{text}»",
    ),
    "ru": Phrases(
        # Russian agrees nouns with numbers in three ways (1, 2-4, 5+) and options have any
        # gender: every count stands after a colon ("число респондентов, ...: 3 из 21"), so no
        # noun follows a number and no verb agrees with an option's name.
        percent="{p}\u00a0%",
        and_=" и ",
        list_sep=", ",
        top=("наибольшая доля ({p}) — {names}",) * 2,
        followed=("далее — {named}",) * 2,
        middle="остальные {plural}: от {lo} до {hi}",
        middle_same="остальные {plural}: по {p}",
        lowest=("наименьшая доля ({p}) — {names}",) * 2,
        all_same="все {plural}: по {p}",
        two_groups_joiner=" и ",
        topic="{title}: ",
        exclusive="число респондентов, выбравших «{label}»: {count} из {n} ({p})",
        exclusive_of="число респондентов из этих {n}, выбравших «{label}»: {count} ({p})",
        exclusive_none="вариант «{label}» не выбрал ни один респондент",
        cross_both=(
            "{names} — среди наиболее часто выбираемых в обоих вопросах: {items}; "
            "число респондентов, выбравших этот вариант в обоих: {count} ({p})",
        )
        * 2,
        cross_nobody=(
            "{names} — среди наиболее часто выбираемых в {k} вопросах: {items}; "
            "ни один респондент не выбрал этот вариант во всех {k}"
        ),
        cross_nobody_both=(
            "{names} — среди наиболее часто выбираемых в обоих вопросах: {items}; "
            "ни один респондент не выбрал этот вариант в обоих"
        ),
        lowest_none="ни одного выбора — {names}",
        none_joiner="; ",
        all_none="ни один респондент не выбрал ни одного варианта",
        respondents_anonymous=("число респондентов, ответивших на обследование: {n}",) * 2,
        not_answered=("число респондентов, не ответивших на этот вопрос: {count} из {n} ({p})",) * 2,
        respondents=("число ведомств, ответивших на обследование: {n} ({codes})",) * 2,
        positive_joiner=" или ",
        other_levels="Наибольшие доли по остальным уровням: {items}",
        level_top="«{level}» — {named}",
        cross=(
            "{names} — среди наиболее часто выбираемых в {k} вопросах: {items}; "
            "число респондентов, выбравших этот вариант во всех {k}: {count} ({p})",
        )
        * 2,
        cross_none="Ни один вариант не вошел в число наиболее часто выбираемых более чем в одном вопросе",
        nobody="Ни одно ведомство еще не ответило на обследование",
        sentence_end=".",
        articles={},
        plural_of={"Рекомендация": "Рекомендации"},
        other_options="варианты",
        share_after_bracket="{names}: {p}",
        quote="«{text}»",
    ),
    "zh": Phrases(
        percent="{p}%",
        and_="和",
        list_sep="、",
        top=("{names}的比例最高（{p}）", "{names}的比例最高（{p}）"),
        followed=("其次是{named}", "其次是{named}"),
        middle="其他{plural}在{lo}至{hi}之间",
        middle_same="其他{plural}均为{p}",
        lowest=("{names}的比例最低（{p}）", "{names}的比例最低（{p}）"),
        all_same="所有{plural}均为{p}",
        two_groups_joiner="，",
        topic="{title}：",
        exclusive="全部答复方中有{p}（{n}个中的{count}个）选择了“{label}”",
        exclusive_of="这{n}个答复方中有{count}个（{p}）选择了“{label}”",
        exclusive_none="没有答复方选择“{label}”",
        cross_both=(
            "{names}在{items}这两个问题中均属选择最多之列；{count}个答复方（{p}）在这两个问题中都选择了它",
        )
        * 2,
        cross_nobody="{names}在{k}个问题中均属选择最多之列：{items}；没有答复方在全部{k}个问题中都选择了它",
        cross_nobody_both="{names}在{items}这两个问题中均属选择最多之列；没有答复方在这两个问题中都选择了它",
        lowest_none="没有答复方选择{names}",
        all_none="没有答复方选择任何{plural}",
        respondents_anonymous=("共有{n}个答复方答复了调查",) * 2,
        not_answered=("{n}个答复方中有{count}个（{p}）未回答此问题",) * 2,
        respondents=("共有{n}个局答复了调查：{codes}", "共有{n}个局答复了调查：{codes}"),
        positive_joiner="或",
        other_levels="其他程度的最高比例：{items}",
        level_top="“{level}”{named}",
        cross=(
            "{names}在{k}个问题中均属选择最多之列：{items}；{count}个答复方（{p}）在全部{k}个问题中都选择了它",
        )
        * 2,
        cross_none="没有任何选项在一个以上的问题中属选择最多之列",
        nobody="尚无任何局答复调查",
        sentence_end="。",
        articles={},
        plural_of={},
        other_options="选项",
        clause_sep="，",
        items_sep="；",
        parens="（{text}）",
        sentence_sep="",
        share="{names}（{p}）",
        share_after_bracket="{names}，占{p}",
    ),
}


def phrases(language: str) -> Phrases:
    """The templates of `language`; English when it has none."""
    return PHRASES.get(language, PHRASES["en"])


_NUMBERED_SENTENCE = re.compile(r"^(?P<head>[^\W\d][^\d.:]*?\s*\d+)\.\s")
""""Рекомендация 1. Оптимизировать ..." (the Russian survey numbers with a full stop)."""


def option_name(label: str) -> str:
    """ "Recommendation 1" from "Recommendation 1: Optimize ..." (or "建议1：...", "Рекомендация 1. ...");
    the label otherwise."""
    numbered = _NUMBERED_SENTENCE.match(label)
    if numbered:
        return numbered.group("head").strip()
    for colon in (":", "："):
        if colon in label:
            head = label.split(colon, 1)[0].strip()
            if head:
                return head
    return label.strip()


def with_share(names: str, share: str, p: Phrases) -> str:
    """Options and their share for a template's `{named}`: never two brackets in a row."""
    template = p.share_after_bracket if names.endswith((")", "）", "]")) else p.share
    return template.format(names=names, p=share)


def join_list(items: list[str], p: Phrases) -> str:
    """ "a, b and c" in the language's way."""
    if len(items) <= 1:
        return "".join(items)
    return p.list_sep.join(items[:-1]) + p.and_ + items[-1]


def group_names(names: list[str], p: Phrases, sentence_start: bool = False) -> str:
    """Tied options named together: "Recommendations 5 and 10"; with the language's article if any."""
    matches = [_NUMBERED.match(name) for name in names]
    nouns = {m.group("noun") for m in matches if m}
    plural = len(names) > 1
    if all(matches) and len(nouns) == 1:
        noun = nouns.pop()
        numbers = [m.group("number") for m in matches if m]
        shown_noun = plural_noun(names, p) if plural else noun
        space = "" if p is PHRASES["zh"] else " "
        text = f"{shown_noun}{space}{join_list(numbers, p)}"
        article = p.articles.get(noun)
    else:
        text = join_list(names, p)
        article = None
    if article:
        text = article[1 if plural else 0] + text
    return text[:1].upper() + text[1:] if sentence_start else text


def plural_noun(names: list[str], p: Phrases) -> str:
    """ "Recommendations" when the options are "Recommendation N"; the language's "options" otherwise."""
    matches = [_NUMBERED.match(name) for name in names]
    nouns = {m.group("noun") for m in matches if m}
    if all(matches) and len(nouns) == 1:
        noun = nouns.pop()
        return p.plural_of.get(noun, noun if p is PHRASES["zh"] else noun + "s")
    return p.other_options
