"""Reading the attachments of a saved e-mail (.eml) with the standard `email` package.

A forwarded e-mail carries the original as a `message/rfc822` part; walking
the parts reaches its attachments too. The parser is lenient with broken
mail, and its rare internal errors on malformed headers become a message.
"""

from __future__ import annotations

import email
import email.header
import email.policy
from email.message import Message

from enquete.inbox.items import ARROW, Item, Kind, kind_of, sniffed
from enquete.storage.safe_read import MAX_FILE_BYTES

MAX_MAIL_BYTES = 30 * 1024 * 1024
MAX_PARTS = 500
MAX_CONTAINER_BYTES = 10 * 1024 * 1024


def _parts(message: Message) -> list[Message]:
    """Every leaf part, without recursion (a deeply nested mail cannot exhaust the stack)."""
    leaves: list[Message] = []
    stack = [message]
    seen = 0
    while stack:
        part = stack.pop()
        seen += 1
        if seen > MAX_PARTS:
            raise ValueError(f"has more than {MAX_PARTS} parts")
        payload = part.get_payload()
        if part.is_multipart() and isinstance(payload, list):
            stack.extend(reversed([p for p in payload if isinstance(p, Message)]))
        else:
            leaves.append(part)
    return leaves


def _filename(part: Message) -> str | None:
    """The attachment's name, RFC 2047 words (`=?utf-8?b?...?=`) decoded."""
    raw = part.get_filename()
    if raw is None:
        return None
    try:
        return str(email.header.make_header(email.header.decode_header(raw)))
    except (ValueError, LookupError, UnicodeError):
        return raw


def mail_attachments(item: Item, data: bytes) -> tuple[list[Item], list[tuple[str, Kind, bytes]]]:
    """Response attachments as items, containers inside for the caller, the rest as ignored items."""
    found: list[Item] = []
    inner: list[tuple[str, Kind, bytes]] = []
    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        leaves = _parts(message)
        named = [(part, _filename(part)) for part in leaves]
    except ValueError as error:
        return [Item(item.label, item.source, problem=str(error))], []
    except Exception:  # the email package's own bugs on malformed mail
        return [Item(item.label, item.source, problem="cannot be read as an e-mail")], []
    for part, filename in named:
        if not filename:
            continue  # the body text, not an attachment
        label = f"{item.label}{ARROW}{filename}"
        kind = kind_of(filename)
        if kind is Kind.OTHER:
            found.append(Item(label, item.source, ignored=True, problem="not a response file"))
            continue
        try:
            content = part.get_payload(decode=True)
        except Exception:  # a broken transfer encoding
            content = None
        if kind is Kind.MAYBE_RESPONSE:
            found.append(sniffed(label, item.source, content if isinstance(content, bytes) else b""))
            continue
        if not isinstance(content, bytes):
            found.append(Item(label, item.source, problem="the attachment cannot be decoded"))
            continue
        limit = MAX_FILE_BYTES if kind is Kind.RESPONSE else MAX_CONTAINER_BYTES
        if len(content) > limit:
            found.append(Item(label, item.source, problem=f"is too large ({len(content):,} bytes)"))
        elif kind is Kind.RESPONSE:
            found.append(Item(label, item.source, data=content))
        else:
            inner.append((label, kind, content))
    return found, inner
