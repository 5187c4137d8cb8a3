"""Building what the Secretariat's inbox really holds: responses as mail clients and Notepad leave them."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from email.message import EmailMessage
from typing import Any

import tomli_w

from tests.unit.builders import HEADER, minimal_answers

COMMENT = (
    "Our office’s position, agreed with the “IT steering group”:\n"
    "- ST.26 sequence listings: validated with WIPO Sequence since July;\n"
    "- ST.96 XML: [bold]phase 2[/] of 3, see https://example.org/st96?x=1&y=2;\n"
    "- 知识产权局的说明：中文注释也在这里。\n"
    "- a pasted terminal line: \x1b]52;c;ZXZpbA==\x07 and \u202ereversed\u202c and \x9b31m.\n"
) * 6  # about 1,600 characters, as in the office trial


def response_bytes(
    office: str,
    rid: str,
    *,
    revision: int = 1,
    saved: datetime | None = None,
    status: str = "submitted",
    language: str = "en",
    **answers: Any,
) -> bytes:
    """A response file as enquete writes it, with real-shaped comments in adjacent questions."""
    header = {**HEADER, "id": rid, "revision": revision, "status": status, "language": language}
    header["saved"] = saved or datetime(2025, 5, 3, 10, revision, tzinfo=UTC)
    body = minimal_answers(
        office,
        proposals=answers.pop("proposals", COMMENT),
        implementation_comments=answers.pop("implementation_comments", COMMENT[:900]),
        **answers,
    )
    return tomli_w.dumps({"response": header, "answers": body}, multiline_strings=True).encode("utf-8")


def notepad_unicode(data: bytes) -> bytes:
    """Notepad "Unicode" / PowerShell 5 Out-File: UTF-16 LE with a byte-order mark, CRLF."""
    return b"\xff\xfe" + data.decode("utf-8").replace("\n", "\r\n").encode("utf-16-le")


def notepad_ansi(text: str) -> bytes:
    """Notepad "ANSI" on a Western-European Windows: Windows-1252, CRLF."""
    return text.replace("\n", "\r\n").encode("cp1252")


def utf8_bom_crlf(data: bytes) -> bytes:
    return b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n")


def zipped(members: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def mail(attachments: dict[str, bytes], *, subject: str = "CWS survey reply") -> bytes:
    """A saved e-mail (.eml) with the files attached."""
    message = EmailMessage()
    message["From"] = "ict@office.example"
    message["To"] = "cws@wipo.example"
    message["Subject"] = subject
    message.set_content("Please find our response attached.\n")
    for name, data in attachments.items():
        message.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    return bytes(message)


def forwarded(original: bytes, *, note: str = "FYI, forwarding Peru's reply.") -> bytes:
    """The e-mail forwarded as an attachment (message/rfc822), as Outlook and Thunderbird do."""
    import email

    message = EmailMessage()
    message["From"] = "colleague@wipo.example"
    message["To"] = "cws@wipo.example"
    message["Subject"] = "Fwd: CWS survey reply"
    message.set_content(note + "\n")
    message.add_attachment(email.message_from_bytes(original))
    return bytes(message)
