"""One thing found in the inbox, and how a name says what it is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from enquete.storage.safe_read import MAX_FILE_BYTES, UnreadableFile, decode

ARROW = " › "
"""Separates a container from what was inside it: `mail.eml › AU.toml`."""


class Kind(StrEnum):
    """What a file's name says it is."""

    RESPONSE = "response"
    MAYBE_RESPONSE = "maybe response"
    """A name a response may have been given (`AU.txt`, `AU.toml.bak`): the content decides."""
    ZIP = "zip"
    MAIL = "mail"
    OTHER = "other"


_DECORATION = r"(?: ?\(\d{1,4}\)| - [^.]{1,40})"
_RESPONSE_NAME = re.compile(
    r"\.toml(?:\.txt)*" + _DECORATION + r"?(?:\.txt)*" + _DECORATION + r"?(?:\.\d{1,4})?",
    re.IGNORECASE,
)
"""`.toml`, then what browsers, mail clients and Windows add to a name they save again.

`AU (2).toml` (Chrome, Edge, Outlook), `AU(2).toml` (Firefox), `AU - Copy.toml`
(Windows Explorer, `- Copie`, `- копия` in other languages), `AU.toml.txt`
(Notepad's "Save as", or a browser that wants a .txt for text/plain), its
duplicates `AU.toml (2).txt` (Chrome inserts before the last extension),
`AU.toml(2).txt`, `AU.toml - Copy.txt`, `AU.toml.txt (1)`, and `AU.toml.1` (wget).
"""
_DOCUMENTS = (".docx", ".doc", ".pdf", ".xlsx", ".xls", ".odt", ".rtf", ".msg", ".png", ".jpg", ".jpeg")
"""Never a response, whatever else the name holds (`DE.toml.docx`): not read."""
_RESPONSE_TABLE = re.compile(r"^[ \t]*\[[ \t]*(?:response|answers)[ \t]*\][ \t]*(?:#.*)?$", re.MULTILINE)


def kind_of(name: str) -> Kind:
    """What a name says: a response (`AU.toml` and what saving it again makes of it), a container, or maybe.

    A name that may be a response renamed or re-saved (`AU.txt`, `ATT00001.txt`,
    `AU.toml.bak`, `noname`) is `MAYBE_RESPONSE`: its content decides
    (`looks_like_response`). Documents and images are `OTHER` whatever else the name holds.
    """
    lower = name.lower()
    if lower.endswith(".zip"):
        return Kind.ZIP
    if lower.endswith(".eml"):
        return Kind.MAIL
    if lower.endswith(_DOCUMENTS):
        return Kind.OTHER
    if _RESPONSE_NAME.fullmatch(lower, max(lower.rfind(".toml"), 0)) or lower.endswith(".toml"):
        return Kind.RESPONSE
    if lower.endswith(".txt") or ".toml" in lower or "." not in lower.lstrip("."):
        return Kind.MAYBE_RESPONSE
    return Kind.OTHER


def looks_like_response(data: bytes) -> bool:
    """Whether a file whose name is not sure holds a response: a `[response]` or `[answers]` table line.

    Bounded: the caller reads at most `MAX_FILE_BYTES`; the scan is one linear
    regular expression over the decoded text.
    """
    if len(data) > MAX_FILE_BYTES:
        return False
    try:
        text = decode(data)
    except UnreadableFile:
        return False
    return _RESPONSE_TABLE.search(text) is not None


def sniffed(label: str, source: Path, data: bytes) -> Item:
    """The item for a file whose name was not sure: a response if its content is one, else ignored."""
    if looks_like_response(data):
        return Item(label, source, data=data)
    return Item(label, source, ignored=True, problem="not a response file")


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
