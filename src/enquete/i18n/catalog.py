"""Looking up the app's own texts by key, falling back to English.

The texts themselves live in one module per language (`en.py`, `fr.py`, ...),
each a flat dict; `tests/unit/test_catalog.py` checks they all have the same
keys and the same placeholders, so a translation can lag but never crash.
"""

from functools import cache
from importlib import import_module
from typing import Any

LANGUAGES: dict[str, str] = {"en": "English", "fr": "Français", "es": "Español", "zh": "中文"}
"""The languages the app's own texts exist in, by code, named in themselves."""


@cache
def messages(language: str) -> dict[str, str]:
    """Every text of one language; an unknown language gives English's."""
    if language not in LANGUAGES:
        language = "en"
    module = import_module(f"enquete.i18n.{language}")
    texts: dict[str, str] = module.TEXTS
    return texts


def translate(key: str, language: str = "en", **params: Any) -> str:
    """The text for `key` in `language` with `{placeholders}` filled in."""
    template = messages(language).get(key) or messages("en")[key]
    return template.format(**params) if params else template
