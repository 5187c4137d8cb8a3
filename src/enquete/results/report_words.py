"""The fixed words of the reports (annex, workbook, summary) in each report language.

Kept apart from the app's catalog: these are document phrases in WIPO's
style, not interface texts, and a translator reviews them as one page.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "annex_title": "Summary of survey responses",
        "prepared_by": "Document prepared by the Secretariat",
        "code": "ST.3 Code",
        "office": "Country or Office",
        "response": "Response",
        "no_comments": "No comments provided",
        "end": "[End of Annex]",
        "responses": "Responses",
        "option": "Option",
        "respondents": "Respondents",
        "share": "Share of all respondents",
        "share_of": "Share of those {of}",
        "denominator": "Shares are of all {n} respondents, whether or not they answered the question.",
        "answered": "Answered by {answered} of {n} respondents.",
        "selected": "selected",
        "not_selected": "not selected",
        "row": "Row",
        "question": "Question",
        "value": "Value",
        "comment": "Comment",
        "name": "Name",
        "count": "Count",
    },
    "fr": {
        "annex_title": "Résumé des réponses à l'enquête",
        "prepared_by": "Document établi par le Secrétariat",
        "code": "Code ST.3",
        "office": "Pays ou office",
        "response": "Réponse",
        "no_comments": "Aucun commentaire",
        "end": "[Fin de l'annexe]",
        "responses": "Réponses",
        "option": "Choix",
        "respondents": "Répondants",
        "share": "Part de l'ensemble des répondants",
        "share_of": "Part de ces {of}",
        "denominator": (
            "Les parts sont calculées sur l'ensemble des {n} répondants, "
            "qu'ils aient ou non répondu à la question."
        ),
        "answered": "{answered} répondants sur {n} ont répondu.",
        "selected": "choisi",
        "not_selected": "non choisi",
        "row": "Ligne",
        "question": "Question",
        "value": "Valeur",
        "comment": "Commentaire",
        "name": "Nom",
        "count": "Nombre",
    },
    "es": {
        "annex_title": "Resumen de las respuestas a la encuesta",
        "prepared_by": "Documento preparado por la Secretaría",
        "code": "Código ST.3",
        "office": "País u oficina",
        "response": "Respuesta",
        "no_comments": "No se formularon comentarios",
        "end": "[Fin del Anexo]",
        "responses": "Respuestas",
        "option": "Opción",
        "respondents": "Encuestados",
        "share": "Porcentaje del total de encuestados",
        "share_of": "Porcentaje de esos {of}",
        "denominator": (
            "Los porcentajes se calculan sobre el total de {n} "
            "encuestados, hayan respondido o no a la pregunta."
        ),
        "answered": "Respondieron {answered} de {n} encuestados.",
        "selected": "seleccionada",
        "not_selected": "no seleccionada",
        "row": "Fila",
        "question": "Pregunta",
        "value": "Valor",
        "comment": "Comentario",
        "name": "Nombre",
        "count": "Número",
    },
    "zh": {
        "annex_title": "调查答复摘要",
        "prepared_by": "秘书处编拟的文件",
        "code": "ST.3代码",
        "office": "国家或局",
        "response": "答复",
        "no_comments": "未提供意见",
        "end": "[附件完]",
        "responses": "答复数",
        "option": "选项",
        "respondents": "答复方",
        "share": "占全部答复方的比例",
        "share_of": "占这{of}个的比例",
        "denominator": "比例以全部{n}个答复方为基数，无论其是否回答了该问题。",
        "answered": "{n}个答复方中有{answered}个作答。",
        "selected": "已选",
        "not_selected": "未选",
        "row": "行",
        "question": "问题",
        "value": "值",
        "comment": "意见",
        "name": "名称",
        "count": "数目",
    },
    "ru": {
        "annex_title": "Сводка ответов на обследование",
        "prepared_by": "Документ подготовлен Секретариатом",
        "code": "Код ST.3",
        "office": "Страна или ведомство",
        "response": "Ответ",
        "no_comments": "Комментарии не представлены",
        "end": "[Конец приложения]",
        "responses": "Ответы",
        "option": "Вариант",
        "respondents": "Респонденты",
        "share": "Доля от всех респондентов",
        "share_of": "Доля от этих {of}",
        "denominator": (
            "Доли рассчитаны от общего числа респондентов ({n}), "
            "независимо от того, ответили ли они на вопрос."
        ),
        "answered": "Ответили: {answered}; всего респондентов: {n}.",
        "selected": "выбрано",
        "not_selected": "не выбрано",
        "row": "Строка",
        "question": "Вопрос",
        "value": "Значение",
        "comment": "Комментарий",
        "name": "Название",
        "count": "Число",
    },
}


def word(key: str, language: str, **params: object) -> str:
    """The phrase `key` in `language` (English when the language is not covered)."""
    phrase = WORDS.get(language, WORDS["en"]).get(key) or WORDS["en"][key]
    return phrase.format(**params) if params else phrase
