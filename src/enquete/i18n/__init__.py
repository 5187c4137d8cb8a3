"""The app's own words in every language it speaks: pure data, no UI imports."""

from enquete.i18n.catalog import LANGUAGES, language_name, translate

__all__ = ["LANGUAGES", "language_name", "translate"]
