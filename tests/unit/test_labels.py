"""Question titles in menus, sheets and summaries: `short`, else the start of the text."""

from __future__ import annotations

import pytest

from enquete.model.question import QuestionBase
from enquete.qtypes.text import TextQuestion
from enquete.results.labels import question_title, start_of


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Your office", "Your office"),
        ("How many staff? Count full-time equivalents.", "How many staff"),
        ("If yes: when was it adopted?", "If yes: when was it adopted"),
        (
            "A very long question that goes on and on about many different things, and more and more",
            "A very long question that goes on and on about many…",
        ),
        ("哪些培训形式适合您的员工？请选择所有适用项。", "哪些培训形式适合您的员工"),
        ("v1.2 of the standard", "v1.2 of the standard"),
    ],
)
def test_the_start_of_a_text_is_its_first_sentence_cut_at_a_word(text: str, title: str) -> None:
    assert start_of(text) == title


def test_a_question_without_short_is_titled_in_the_language_asked() -> None:
    """Regression: the results menu read "1. Office" (the id) for every language."""
    question: QuestionBase = TextQuestion.model_validate(
        {"id": "office", "type": "text", "text": {"en": "Your office's name", "fr": "Le nom de votre office"}}
    )
    assert question_title(question, "en") == "Your office's name"
    assert question_title(question, "fr") == "Le nom de votre office"


def test_a_short_title_wins() -> None:
    question = TextQuestion.model_validate(
        {"id": "office", "type": "text", "text": "Your office's name", "short": "Office"}
    )
    assert question_title(question, "en") == "Office"
