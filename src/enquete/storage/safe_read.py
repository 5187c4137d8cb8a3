"""Reading a TOML file that anyone may have written, without trusting it.

Every file enquete reads comes through here: a symlink, a FIFO, a device or a
huge file is refused before it is opened for reading; text is decoded the way
Windows tools save it (UTF-8 with or without a byte-order mark, UTF-16 with
one, and Windows-1252 "ANSI" as a last resort, with a warning); broken TOML
becomes a message with a position; and pathological TOML is refused by
`refuse_pathological` before any parser sees it, so every file up to the size
limit is judged in well under a second, whatever its shape.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from enquete.errors import ResponseFileError
from enquete.storage.signatures import binary_kind

MAX_FILE_BYTES = 1024 * 1024
"""A response is a few kilobytes; a megabyte leaves room for any real one."""
MAX_KEY_PARTS = 8
"""Parts of one dotted key (`answers.q.comments.rec1` has 4). tomllib is quadratic in them."""
MAX_NESTING = 32
"""Arrays and inline tables inside each other; deeper is refused before tomllib recurses."""
MAX_DIGITS = 100
"""Digits in one number; Python refuses to read integers past 4,300 digits (a crash, not a message)."""


class UnreadableFile(ResponseFileError):
    """The file cannot be turned into a TOML table; the message says why and where."""


@dataclass(frozen=True)
class DecodedText:
    """A file's text and how it was read: `warning` is set when a person should check it."""

    text: str
    encoding: str
    warning: str | None = None


def read_toml(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> dict[str, Any]:
    """Parse `path` as TOML, refusing anything that is not a plain, modest text file."""
    return parse_toml(read_bytes(path, max_bytes=max_bytes))


def read_bytes(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, if it is a regular file (not a link) of at most `max_bytes`."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        raise UnreadableFile("no such file") from None
    except OSError as error:
        raise UnreadableFile(f"cannot be read ({error.strerror})") from None
    if stat.S_ISLNK(info.st_mode):
        raise UnreadableFile("is a symbolic link; links are not followed")
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFile("is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFile("is not a regular file (a pipe, socket or device)")
    if info.st_size > max_bytes:
        raise UnreadableFile(f"is too large ({info.st_size:,} bytes; the limit is {max_bytes:,})")
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise UnreadableFile("is a symbolic link; links are not followed") from None
        raise UnreadableFile(f"cannot be read ({error.strerror})") from None
    try:
        # The file may have been swapped between lstat and open: check what we opened.
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UnreadableFile("is not a regular file (a pipe, socket or device)")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise UnreadableFile(f"cannot be read ({error.strerror})") from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise UnreadableFile(f"is too large (over {max_bytes:,} bytes)")
    return data


_UTF16_BOMS = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def decode_text(data: bytes) -> DecodedText:
    """Text as Windows tools save it; `UnreadableFile` naming the first bad byte otherwise.

    UTF-16 needs its byte-order mark (Notepad "Unicode" and PowerShell 5
    `Out-File` write one); UTF-8 may have one. Bytes that are not UTF-8 are
    read as Windows-1252 ("ANSI" in Notepad on a Western-European Windows),
    with a warning, since a person should check the accented letters. A
    document or an image is named as such (`binary_kind`): no encoding helps it.
    """
    kind = binary_kind(data)
    if kind is not None:
        raise UnreadableFile(f"is {kind}, not a text file")
    for bom, encoding in _UTF16_BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data[len(bom) :].decode(encoding), "UTF-16")
            except UnicodeDecodeError:
                raise UnreadableFile("starts like UTF-16 text but is not; save it again as UTF-8") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            line = data[: error.start].count(b"\n") + 1
            column = error.start - data.rfind(b"\n", 0, error.start)
            raise UnreadableFile(
                f"is not valid UTF-8 text (line {line}, column {column}); save it again as UTF-8"
            ) from None
        return DecodedText(
            text, "Windows-1252", "not UTF-8: read as Windows-1252 (ANSI); check its accented letters"
        )
    return DecodedText(text, "UTF-8 with BOM" if data.startswith(codecs.BOM_UTF8) else "UTF-8")


def decode(data: bytes) -> str:
    """The text of `data` (see `decode_text`), without the warning."""
    return decode_text(data).text


def normalized_bytes(text: str) -> bytes:
    """What enquete writes for a text it read: UTF-8, no byte-order mark, LF line ends.

    tomllib reads CRLF as LF, so the values are the same; normalising twice
    gives the same bytes, so a file merged twice is recognised as a duplicate.
    """
    return text.replace("\r\n", "\n").encode("utf-8", "surrogatepass")


# One token of TOML, so that structure can be told from the inside of strings and
# comments. Each alternative matches exactly what tomllib takes as that token
# (a multi-line string swallows up to two extra quotes at its end), so nothing
# that tomllib reads as a key can hide inside what the guard takes for a string.
_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""(?:"{1,2})?'
    r"|'''(?:[^']|'(?!''))*'''(?:'{1,2})?"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'[^'\n]*'"
    r"|#[^\n]*",
    re.DOTALL,
)
_BARE_OR_QUOTED = r"(?:(?<![A-Za-z0-9_-])[A-Za-z0-9_-]++|\x00)"
_LONG_KEY = re.compile(
    _BARE_OR_QUOTED + r"(?:[ \t]*\.[ \t]*" + _BARE_OR_QUOTED + "){" + str(MAX_KEY_PARTS) + ",}"
)
_LONG_NUMBER = re.compile(r"(?<![0-9_])[0-9][0-9_]{" + str(MAX_DIGITS) + ",}")
_BRACKETS = re.compile(r"[\[\]{}]+")


def _skeleton(text: str) -> str:
    """`text` with every string replaced by a NUL and every comment removed.

    A lone quote that starts no valid string is left in place: the rest of
    the line is then judged as structure, which can only make the guard stricter.
    """
    return _TOKEN.sub(lambda m: "" if m.group().startswith("#") else "\x00", text)


def _deepest_nesting(skeleton: str) -> int:
    depth = deepest = 0
    for run in _BRACKETS.finditer(skeleton):
        for char in run.group():
            depth = depth + 1 if char in "[{" else max(depth - 1, 0)
            deepest = max(deepest, depth)
        if deepest > MAX_NESTING:
            break
    return deepest


def refuse_pathological(text: str) -> None:
    """Raise `UnreadableFile` for any shape that would make a TOML parser slow or crash.

    Three things cost a parser more than linear time or memory, or crash it:
    dotted keys of many parts, bare or quoted, in tables, headers or inline
    tables (tomllib is quadratic in the parts: 160 KB took over a minute);
    deep nesting of arrays and inline tables (RecursionError); and integers
    of thousands of digits (ValueError, or quadratic conversion). Every check
    is linear in the text, on a skeleton where strings and comments are
    blanked out, so text inside a string never counts and nothing outside
    one escapes.
    """
    if not any(c in text for c in ".[{0123456789"):
        return
    skeleton = _skeleton(text)
    if _LONG_KEY.search(skeleton):
        raise UnreadableFile(f"has a key of more than {MAX_KEY_PARTS} dotted parts")
    if _LONG_NUMBER.search(skeleton):
        raise UnreadableFile(f"has a number of more than {MAX_DIGITS} digits")
    if _deepest_nesting(skeleton) > MAX_NESTING:
        raise UnreadableFile("nests tables or arrays too deeply")


def parse_text(text: str) -> dict[str, Any]:
    """Parse decoded text as TOML; every failure is an `UnreadableFile` with a clear reason."""
    refuse_pathological(text)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise UnreadableFile(f"is not valid TOML: {error}") from None
    except RecursionError:
        raise UnreadableFile("nests tables or arrays too deeply") from None
    except (ValueError, MemoryError):
        raise UnreadableFile("holds a value too large to read") from None


def parse_toml(data: bytes) -> dict[str, Any]:
    """Parse bytes as TOML (see `decode_text` for the encodings read)."""
    return parse_text(decode(data))
