"""What a binary file is, from its first bytes: to say "a PDF document", not "invalid TOML".

A PDF, a Word file or a screenshot renamed `.toml` (or named on the command
line by mistake) would otherwise be judged as text and refused with a byte
position or a TOML parser's complaint, which tells the person nothing. Only
formats people send by mistake are named; any other file is judged as text.
"""

from __future__ import annotations

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive or an Office document (.docx, .xlsx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Office document (.doc, .xls) or an Outlook .msg"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "an image (PNG)"),
    (b"\xff\xd8\xff", "an image (JPEG)"),
    (b"GIF87a", "an image (GIF)"),
    (b"GIF89a", "an image (GIF)"),
)
"""Leading bytes and what a person would call the file; none of them starts a TOML file."""


def binary_kind(data: bytes) -> str | None:
    """What `data` is ("a PDF document") when its first bytes say a document or an image; None otherwise."""
    for signature, name in _SIGNATURES:
        if data.startswith(signature):
            return name
    return None
