"""Showing text that people typed: as `Content`, never parsed as markup, never raw escapes."""

from pathlib import Path

from textual.content import Content

from enquete.i18n.catalog import translate
from enquete.model.codes import st3_name
from enquete.text import printable


def plain(text: str) -> Content:
    """Text shown exactly as typed (brackets and all), with terminal controls replaced."""
    return Content(printable(text))


def tr(key: str, language: str, **params: object) -> str:
    """The app's own text; parameters from files are made printable first."""
    safe = {k: printable(v) if isinstance(v, str) else v for k, v in params.items()}
    return translate(key, language, **safe)


STATE_MARKS = {"answered": "✓", "empty": "·", "invalid": "!", "skipped": "–", "note": "i"}
"""How a question's state (a `QuestionState`) shows in lists: marks, so it reads without colour."""


def file_label(path: Path, language: str) -> str:
    """A response file as the home screen names it: its name, and the office's when that is an ST.3 code."""
    return printable(f"{path.stem} {st3_name(path.stem, language)}".strip())
