"""Reading a TOML file that anyone may have written, without trusting it.

Every file enquete reads comes through here: a symlink, a FIFO, a device or a
huge file is refused before it is opened for reading, bad UTF-8 and broken
TOML become a message with a position, and pathological TOML (deep nesting,
dotted keys with thousands of parts) is refused instead of costing seconds or
a RecursionError.
"""

import errno
import os
import re
import stat
import tomllib
from pathlib import Path
from typing import Any

from enquete.errors import ResponseFileError

MAX_FILE_BYTES = 1024 * 1024
"""A response is a few kilobytes; a megabyte leaves room for any real one."""
MAX_KEY_PARTS = 64


class UnreadableFile(ResponseFileError):
    """The file cannot be turned into a TOML table; the message says why and where."""


def read_toml(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> dict[str, Any]:
    """Parse `path` as TOML, refusing anything that is not a plain, modest, UTF-8 file."""
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


def decode(data: bytes) -> str:
    """UTF-8 text, a byte-order mark accepted; the position of the first bad byte otherwise."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - data.rfind(b"\n", 0, error.start)
        raise UnreadableFile(
            f"is not valid UTF-8 text (line {line}, column {column}); save it again as UTF-8"
        ) from None


_DOTTED_KEY = re.compile(r"^\s*\[*\s*[\w\-\"' ]+(?:\s*\.\s*[\w\-\"' ]+){" + str(MAX_KEY_PARTS) + ",}")


def _refuse_long_dotted_keys(text: str) -> None:
    """Refuse a key of many dotted parts: tomllib is quadratic in them (20,000 take 7 s).

    Deep nesting needs no guard here: tomllib fails fast with RecursionError.
    """
    if text.count(".") <= MAX_KEY_PARTS:
        return
    for line in text.splitlines():
        if line.count(".") > MAX_KEY_PARTS and _DOTTED_KEY.match(line):
            raise UnreadableFile(f"has a key of more than {MAX_KEY_PARTS} dotted parts")


def parse_toml(data: bytes) -> dict[str, Any]:
    """Parse bytes as TOML; every failure is an `UnreadableFile` with a clear reason."""
    text = decode(data)
    _refuse_long_dotted_keys(text)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise UnreadableFile(f"is not valid TOML: {error}") from None
    except RecursionError:
        raise UnreadableFile("nests tables or arrays too deeply") from None
