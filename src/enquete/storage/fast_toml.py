"""Reading a response file at native speed, falling back to the careful path on any doubt.

`safe_read.read_toml` (lstat, open, fstat, tomllib) is the reference: it words
every refusal. Parsing with tomllib is nine tenths of the cost of a report, so
the hot path reads each file in one call and parses it with rtoml (a compiled
parser, eight times faster). This path never words an error itself: whenever
it meets anything unusual (a link, a big file, bad UTF-8, a pathological shape,
TOML rtoml refuses) it returns None and the caller takes the reference path,
so messages stay exactly what they were.

rtoml ships wheels for the usual platforms; where it is missing, every file
takes the reference path.
"""

from __future__ import annotations

import os
import re
import stat
from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import Any

from enquete.storage.safe_read import (
    MAX_FILE_BYTES,
    MAX_KEY_PARTS,
    MAX_NESTING,
    UnreadableFile,
    decode,
    read_toml,
    refuse_pathological,
)

try:
    import rtoml
except ImportError:  # pragma: no cover - a platform without an rtoml wheel
    rtoml = None  # type: ignore[assignment]

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
_OPEN_FLAGS |= getattr(os, "O_BINARY", 0)

AVAILABLE = rtoml is not None
"""Whether the compiled parser is installed; without it every file takes tomllib's path."""


def read_small_file(path: Path | str, max_bytes: int = MAX_FILE_BYTES) -> bytes | None:
    """A regular file's bytes in one read at its size; None for anything else (the caller words why).

    O_NOFOLLOW refuses a link and fstat checks what was opened, so a swap
    between listing and opening cannot make this read a pipe or a device.
    """
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > max_bytes:
            return None
        data = os.read(fd, info.st_size + 1)
        if len(data) != info.st_size:  # grown, shrunk or short: let the careful path decide
            return None
        return data
    except OSError:
        return None
    finally:
        os.close(fd)


_TIME_WITHOUT_SECONDS = re.compile(r":(?<=(?<![0-9:+\-])[0-9]{2}:)[0-9]{2}(?![0-9:])")
"""`hh:mm` not followed by `:ss`, and not an offset (`+02:00`) or part of a longer run of digits.

It starts with the colon, so the search jumps from colon to colon in C and
looks around each one; linear in the text (every look is of fixed width).
"""


def speaks_toml_1_1(text: str) -> bool:
    """Whether `text` may use what rtoml accepts (TOML 1.1) and tomllib refuses (TOML 1.0).

    Inline tables over several lines or with a trailing comma, the \\e and \\x
    escapes, times without seconds (an offset such as +02:00 is not one). A
    brace or a "10:30" in a comment is enough to send a file to tomllib.
    """
    if "{" in text or "\\e" in text or "\\x" in text:
        return True
    return _TIME_WITHOUT_SECONDS.search(text) is not None


def parse_fast(data: bytes) -> dict[str, Any] | None:
    """The TOML tables of `data`, as tomllib would return them; None when unsure.

    Offset date-times come back with rtoml's time-zone class: `portable_time`
    turns them into Python's own, as tomllib gives, before they cross processes.
    """
    if rtoml is None:
        return None
    try:
        text = decode(data)
    except UnreadableFile:
        return None
    return parse_fast_text(text)


def parse_fast_text(text: str) -> dict[str, Any] | None:
    """`parse_fast` for text already decoded (merge decodes once, for its warning and its bytes).

    tomllib reads a CRLF line end inside a multi-line string as LF; rtoml
    keeps the CR. So CRLF becomes LF first, and a lone CR, which TOML allows
    nowhere outside a comment, goes to tomllib to be judged.
    """
    if rtoml is None:
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n")
        if "\r" in text:
            return None
    if speaks_toml_1_1(text):
        return None
    try:
        table: dict[str, Any] = rtoml.loads(text)  # never slow and never crashes (it limits depth)
    except Exception:  # any refusal at all: tomllib will word it
        return None
    if not surely_not_pathological(table):
        try:
            refuse_pathological(text)  # the reference path's guard, verbatim
        except UnreadableFile:
            return None
    return table


_SHALLOW = min(MAX_KEY_PARTS, MAX_NESTING)


def surely_not_pathological(table: dict[str, Any]) -> bool:
    """True only when `refuse_pathological` would surely pass the text rtoml parsed into `table`.

    The guard scans a skeleton of the text, costing three times the parse.
    Once rtoml has parsed the text, its tables settle it: a key of N dotted
    parts and a value nested N deep both make tables N deep, so tables at
    most `_SHALLOW` deep (the root counted) hold neither a key of more than
    `MAX_KEY_PARTS` parts nor nesting beyond `MAX_NESTING`. A number of more
    than `MAX_DIGITS` digits that rtoml accepts is a float (an integer that
    long overflows), so there is no float. Anything else: the guard decides.
    """
    level: list[Any] = [table]
    for _ in range(_SHALLOW):
        deeper: list[Any] = []
        for node in level:
            for child in node.values() if type(node) is dict else node:
                kind = type(child)  # exact types first: this runs over every value of every file
                if kind is str or kind in _PLAIN_LEAVES:
                    continue
                if kind is dict or kind is list or isinstance(child, dict | list):
                    deeper.append(child)
                elif isinstance(child, float):
                    return False
        if not deeper:
            return True
        level = deeper
    return False


_PLAIN_LEAVES = frozenset({int, bool, datetime, date, time})
"""What TOML values hold besides strings, tables, arrays and floats."""


def portable_time(moment: Any) -> Any:
    """A date-time with a `datetime.timezone` (what tomllib gives), others unchanged."""
    if isinstance(moment, datetime) and moment.tzinfo is not None and type(moment.tzinfo) is not timezone:
        offset = moment.utcoffset()
        assert offset is not None
        return moment.replace(tzinfo=timezone(offset))
    return moment


def read_toml_fast(path: Path) -> dict[str, Any]:
    """`safe_read.read_toml`'s tables, by rtoml when the file is ordinary; its refusals word-for-word.

    For a file read once per run, such as the questionnaire (32 KB: 5 ms by
    tomllib, under 1 ms here; every command and the app's first paint wait
    for it). Times are made portable, as tomllib gives them.
    """
    data = read_small_file(path)
    table = parse_fast(data) if data is not None else None
    if table is None:
        return read_toml(path)
    _make_times_portable(table)
    return table


def _make_times_portable(node: dict[str, Any] | list[Any]) -> None:
    """`portable_time` on every offset date-time in a parsed file, in place."""
    keys: Any = node.keys() if type(node) is dict else range(len(node))
    for key in keys:
        value = node[key]
        if isinstance(value, dict | list):
            _make_times_portable(value)
        elif isinstance(value, datetime):
            node[key] = portable_time(value)
