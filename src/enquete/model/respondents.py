"""Naming a respondent from their key, whatever kind of key the survey uses.

One place decides it, so no screen or report assumes every survey is keyed
on ST.3 office codes (the results once showed `hh-003()` for a household
survey): a code key is named from its code list, a choice key by its
option's label, an anonymous survey's response id by nothing at all.
"""

from __future__ import annotations

from enquete.model.codes import st3_name
from enquete.model.questionnaire import ChoiceQuestion, CodeQuestion, Questionnaire


def respondent_name(questionnaire: Questionnaire, key: str, language: str) -> str:
    """The respondent's name in `language` ("" when the key is all there is)."""
    if questionnaire.respondent_key is None:
        return ""
    question = questionnaire.question(questionnaire.respondent_key)
    if isinstance(question, CodeQuestion):
        return st3_name(key, language)
    if isinstance(question, ChoiceQuestion):
        for option in question.options:
            if option.id == key:
                return option.label_in(language)
    return ""


def respondent_label(questionnaire: Questionnaire, key: str, language: str) -> str:
    """`AU Australia`, `north North region`, or the bare key when it has no name."""
    name = respondent_name(questionnaire, key, language)
    return f"{key} {name}" if name else key
