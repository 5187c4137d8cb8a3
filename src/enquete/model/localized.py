"""Strings given per language, with English as the fallback.

A questionnaire says every human-readable string once per language
(`text.en`, `text.fr`, ...). A plain string is taken as English, so that a
quick questionnaire does not have to spell out `.en` everywhere.
"""

from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator

FALLBACK_LANGUAGE = "en"


def _plain_string_is_english(value: Any) -> Any:
    return {FALLBACK_LANGUAGE: value} if isinstance(value, str) else value


def _require_english(value: dict[str, str]) -> dict[str, str]:
    if not value.get(FALLBACK_LANGUAGE, "").strip():
        raise ValueError("an English text ('en') is required")
    return value


LocalizedText = Annotated[
    dict[str, str],
    BeforeValidator(_plain_string_is_english),
    AfterValidator(_require_english),
]
"""A mapping of language code to text; 'en' is always present."""


def localize(text: dict[str, str] | None, language: str) -> str:
    """The text in `language`, or in English when it has no such translation."""
    if not text:
        return ""
    return text.get(language) or text[FALLBACK_LANGUAGE]
