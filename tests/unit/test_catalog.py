"""Every language has every text, with the same placeholders as English."""

import string

import pytest

from enquete.i18n.catalog import LANGUAGES, messages, translate


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_language_has_every_key_with_the_same_placeholders(language: str) -> None:
    english, other = messages("en"), messages(language)
    assert set(other) == set(english), set(other) ^ set(english)
    for key, template in english.items():
        assert placeholders(other[key]) == placeholders(template), key


def test_unknown_language_falls_back_to_english() -> None:
    assert translate("problem.required", "xx") == "an answer is required"
