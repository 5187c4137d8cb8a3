"""Names for questions and options in reports and menus, short enough to tell them apart.

A question's full text is a paragraph ("Select which Recommendation(s)...");
menus and sheet names need a title. The questionnaire's optional `short` is
used when it exists; otherwise the id, humanized ("low_priority" -> "Low
priority"), which is always distinct from its neighbours.
"""

from __future__ import annotations

from enquete.model.question import Option, QuestionBase
from enquete.model.questionnaire import Questionnaire
from enquete.qtypes import type_of

TAG_SEPARATOR = " · "
"""Short labels read "Rec. 1 · Business models": the part before it is the tag."""


def question_title(question: QuestionBase, language: str) -> str:
    """The question's short title in `language`: its `short` if the schema has one, else its id."""
    short = getattr(question, "short", None)
    if short:
        short_in = getattr(question, "short_in", None)
        if callable(short_in):
            return str(short_in(language))
    return question.id.replace("_", " ").replace("-", " ").capitalize()


def option_tag(option: Option, language: str) -> str:
    """The shortest name of an option: "Rec. 1" from "Rec. 1 · Business models"; else its short label."""
    short = option.short_in(language)
    return short.split(TAG_SEPARATOR, 1)[0] if TAG_SEPARATOR in short else short


def find_option(questionnaire: Questionnaire, option_id: str) -> Option | None:
    """The first option or matrix row with this id, in questionnaire order (a matrix's levels aside)."""
    for question in questionnaire.questions:
        lists = type_of(question).option_lists(question)
        for field in ("options", "rows"):
            for option in lists.get(field, []):
                if option.id == option_id:
                    return option
    return None


def option_label(questionnaire: Questionnaire, option_id: str, language: str) -> str:
    """An option's full label wherever it is first offered; its id when none is."""
    option = find_option(questionnaire, option_id)
    return option.label_in(language) if option else option_id


def option_short(questionnaire: Questionnaire, option_id: str, language: str) -> str:
    """An option's short label wherever it is first offered; its id when none is."""
    option = find_option(questionnaire, option_id)
    return option.short_in(language) if option else option_id
