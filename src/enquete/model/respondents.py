"""Naming a respondent from their key, whatever kind of key the survey uses.

One place decides it, so no screen or report assumes every survey is keyed
on ST.3 office codes (the results once showed `hh-003()` for a household
survey): a code key is named from its code list, a choice key by its
option's label, an anonymous survey's response id by nothing at all.
"""

from __future__ import annotations

from enquete.model.questionnaire import Questionnaire
from enquete.qtypes import type_of


def respondent_name(questionnaire: Questionnaire, key: str, language: str) -> str:
    """The respondent's name in `language` ("" when the key is all there is)."""
    if questionnaire.respondent_key is None:
        return ""
    question = questionnaire.question(questionnaire.respondent_key)
    return type_of(question).value_label(question, key, language)


def respondent_label(questionnaire: Questionnaire, key: str, language: str) -> str:
    """`AU Australia`, `north North region`, or the bare key when it has no name."""
    name = respondent_name(questionnaire, key, language)
    return f"{key} {name}" if name else key
