"""Looking up the app's own texts by key, falling back to English.

The texts themselves live in one module per language (`en.py`, `fr.py`, ...),
each a flat dict; `tests/unit/test_catalog.py` checks they all have the same
keys and the same placeholders, so a translation can lag but never crash.
"""

from functools import cache
from importlib import import_module
from typing import Any

LANGUAGES: dict[str, str] = {
    "en": "English",
    "fr": "Français",
    "es": "Español",
    "zh": "中文",
    "ru": "Русский",
}
"""The languages the app's own texts exist in, by code, named in themselves.

A questionnaire decides which languages a person is offered; for one of its
languages that has no catalog here, the app's own words are English."""

OTHER_NAMES: dict[str, str] = {
    "ar": "العربية",
    "de": "Deutsch",
    "it": "Italiano",
    "ja": "日本語",
    "ko": "한국어",
    "nl": "Nederlands",
    "pl": "Polski",
    "pt": "Português",
    "sw": "Kiswahili",
    "tr": "Türkçe",
    "uk": "Українська",
}
"""Names, in themselves, of languages a questionnaire may be written in without a catalog."""


def catalog_language(language: str) -> str:
    """The catalog that serves `language`: itself, its base (`fr-CA` -> `fr`), else English."""
    if language in LANGUAGES:
        return language
    base = language.split("-", 1)[0]
    return base if base in LANGUAGES else "en"


def language_name(language: str) -> str:
    """The language named in itself for menus (`Русский`); the code when we do not know it."""
    base = language.split("-", 1)[0]
    name = (
        LANGUAGES.get(language) or OTHER_NAMES.get(language) or LANGUAGES.get(base) or OTHER_NAMES.get(base)
    )
    if name is None:
        return language
    return name if base == language else f"{name} ({language})"


@cache
def messages(language: str) -> dict[str, str]:
    """Every text of one language; an unknown language gives English's."""
    language = catalog_language(language)
    module = import_module(f"enquete.i18n.{language}")
    texts: dict[str, str] = module.TEXTS
    return texts


def translate(key: str, language: str = "en", **params: Any) -> str:
    """The text for `key` in `language` with `{placeholders}` filled in."""
    template = messages(language).get(key) or messages("en")[key]
    return template.format(**params) if params else template
