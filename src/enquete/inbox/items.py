"""One thing found in the inbox, and how a name says what it is."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

ARROW = " › "
"""Separates a container from what was inside it: `mail.eml › AU.toml`."""


class Kind(StrEnum):
    """What a file's name says it is."""

    RESPONSE = "response"
    ZIP = "zip"
    MAIL = "mail"
    OTHER = "other"


def kind_of(name: str) -> Kind:
    """`AU.toml`, `AU.TOML` and `AU.toml.txt` (Notepad's "Save as") are responses."""
    lower = name.lower()
    if lower.endswith((".toml", ".toml.txt")):
        return Kind.RESPONSE
    if lower.endswith(".zip"):
        return Kind.ZIP
    if lower.endswith(".eml"):
        return Kind.MAIL
    return Kind.OTHER


def not_a_response(name: str) -> str:
    """Why a file is left alone, with a hint for the usual mistakes."""
    lower = name.lower()
    if lower.endswith(".msg"):
        return "not a response file (an Outlook .msg: save its attachment, or the mail as .eml)"
    if lower.endswith((".docx", ".doc", ".pdf", ".xlsx")):
        return "not a response file (a document; responses are .toml files)"
    return "not a response file"


@dataclass(frozen=True)
class Item:
    """A candidate response (`data`), or a file that gives none and why (`problem`)."""

    label: str
    """What the person sees: the path given, then ` › member` inside archives and e-mails."""
    source: Path
    """The file (or folder) in SOURCE it came from."""
    data: bytes | None = None
    problem: str = ""
    ignored: bool = False
    """Not a response file at all (a PDF, a signature image): listed, not an error."""
