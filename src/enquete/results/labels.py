"""Names for questions and options in reports and menus, short enough to tell them apart.

A question's full text is a paragraph ("Select which Recommendation(s)...");
menus and sheet names need a title. The questionnaire's optional `short` is
used when it exists; otherwise the start of the question's text in the
report's language (its first sentence, cut at a word), as
docs/questionnaire-format.md promises: the id is the author's name for the
question, in English, and no reader's.
"""

from __future__ import annotations

import re

from enquete.model.question import Option, QuestionBase
from enquete.model.questionnaire import Questionnaire
from enquete.qtypes import type_of
from enquete.text import one_line, text_width

TAG_SEPARATOR = " · "
"""Short labels read "Rec. 1 · Business models": the part before it is the tag."""


TITLE_CELLS = 60
"""A title from a question's text is cut past this many terminal cells (menus, sheet names, summaries)."""
_FIRST_SENTENCE = re.compile(r"(.+?)(?:[.?!;](?:\s|$)|[。？！；])")
_END_PUNCTUATION = " .?!:;。？！：；"


def question_title(question: QuestionBase, language: str, limit: int | None = TITLE_CELLS) -> str:
    """The question's title in `language`: its `short` if the schema has one, else the start of its text.

    Regression: without `short`, questions were titled by their id in English
    (`1. Office`, `14. Topics: ...`) in every language. `limit` None keeps the
    first sentence whole, for prose (the summary) where no column is too narrow.
    """
    short = getattr(question, "short", None)
    if short:
        short_in = getattr(question, "short_in", None)
        if callable(short_in):
            return str(short_in(language))
    title = start_of(question.text_in(language), limit)
    return title or question.id.replace("_", " ").replace("-", " ").capitalize()


def start_of(text: str, limit: int | None = TITLE_CELLS) -> str:
    """The title "Which formats suit your staff" from the text "Which formats suit your staff? Select ...".

    The first sentence without its closing mark (a title, followed by ": " in
    the summary), cut at the last word that fits `limit` cells, with "…" (not
    cut when `limit` is None). A colon does not end it: "If yes: when was it
    adopted" is not "If yes".
    """
    flat = one_line(text)
    sentence = _FIRST_SENTENCE.match(flat)
    title = (sentence.group(1) if sentence else flat).rstrip(_END_PUNCTUATION)
    if limit is None or text_width(title) <= limit:
        return title
    cut = one_line(title, limit)[:-1]  # without its "…"
    if " " in cut and title[len(cut)] != " ":
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(_END_PUNCTUATION + ",") + "…"


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
