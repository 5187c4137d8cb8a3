"""Where enquete's caches live, how they are read without trusting them, and the report memo.

Kept free of pydantic and of the model, so that `enquete report` on an
unchanged folder can answer from its memo before importing them.

Where: the user's cache folder (`~/.cache/enquete/` on Linux,
`~/Library/Caches/enquete/` on macOS, `%LOCALAPPDATA%\\enquete\\Cache\\` on
Windows), one set of files per responses folder, named by a hash of its
absolute path. `ENQUETE_CACHE_DIR` moves it; `ENQUETE_CACHE=off` turns every
cache off. Never inside `responses/`: the folder may be read-only, zipped and
e-mailed, or read by the Secretariat's own scripts.

Trust: a cache file is read only if it is a regular file (not a link) owned
by the user, writable by no one else, of a modest size, and its SHA-256
checksum matches; otherwise it is ignored and the responses are read again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from enquete import __version__
from enquete.errors import ResponseFileError
from enquete.storage.safe_read import read_bytes

CACHE_FORMAT = 2
"""Bumped whenever the layout of a cache file changes."""
MAX_CACHE_BYTES = 256 * 1024 * 1024
RACY_NS = 2_000_000_000
"""Files modified this recently (before a run started) are never remembered: a rewrite within
the file system's time resolution could keep the same size and time."""
_CODE_FOLDERS = ("model", "qtypes", "storage", "results")

StatKey = tuple[int, int, int]


class CacheDoubt(Exception):
    """Something about a cache file is not as written: it is ignored whole."""


def cache_folder() -> Path | None:
    """Where cache files go; None when caching is turned off."""
    if os.environ.get("ENQUETE_CACHE", "").lower() in ("off", "0", "no", "false"):
        return None
    chosen = os.environ.get("ENQUETE_CACHE_DIR")
    if chosen:
        return Path(chosen)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("enquete", appauthor=False))


def folder_name(folder: Path) -> str:
    """The stem of a responses folder's cache files: a hash of its absolute path."""
    return hashlib.sha256(os.fsencode(os.path.abspath(folder))).hexdigest()[:32]


def code_stamp() -> list[Any]:
    """enquete's version and the names, sizes and times of its reading and reporting code.

    Editing that code (or upgrading enquete) voids every cache, a developer's too.
    """
    package = Path(__file__).resolve().parents[1]
    stamp: list[Any] = [CACHE_FORMAT, __version__]
    for folder in _CODE_FOLDERS:
        for entry in sorted(os.scandir(package / folder), key=lambda e: e.name):
            if entry.name.endswith(".py"):
                info = entry.stat()
                stamp.append([folder, entry.name, info.st_size, info.st_mtime_ns])
    return stamp


def stat_key(path: Path | str) -> StatKey | None:
    """(size, mtime_ns, inode) of a regular file; None for anything else (never cached)."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino)


def read_private(path: Path) -> bytes:
    """A cache file's payload, if the file is ours alone and its checksum holds; `CacheDoubt` otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise CacheDoubt("absent") from error
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_CACHE_BYTES:
            raise CacheDoubt("not a modest regular file")
        if os.name == "posix" and (info.st_uid != os.getuid() or info.st_mode & 0o022):
            raise CacheDoubt("not ours alone")
        digest = os.read(fd, 65)  # 64 hex digits and a newline, read apart: no copy of the rest
        chunks = []
        remaining = info.st_size - len(digest)
        while remaining > 0:
            chunk = os.read(fd, remaining)
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as error:
        raise CacheDoubt("unreadable") from error
    finally:
        os.close(fd)
    payload = chunks[0] if len(chunks) == 1 else b"".join(chunks)
    if hashlib.sha256(payload).hexdigest().encode() + b"\n" != digest:
        raise CacheDoubt("checksum")
    return payload


def write_private(path: Path, parts: Iterable[bytes]) -> None:
    """Replace a cache file with `parts` in one step, readable by the user only; failures are skipped.

    The parts are streamed to a temporary file while they are hashed, and the
    checksum line reserved at its start is filled in last: a cache of 100,000
    files is never held whole in memory. No fsync: a file torn by a crash
    fails its checksum and is ignored.
    """
    hashed = hashlib.sha256()
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
        fd = os.open(temporary, flags, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(b"0" * 64 + b"\n")
            for part in parts:
                hashed.update(part)
                handle.write(part)
            handle.seek(0)
            handle.write(hashed.hexdigest().encode())
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()


def _listing(folder: Path) -> list[list[Any]] | None:
    """Name and stat key of every entry a report may read, and a few more.

    Every `*.toml` in any case, hidden or not: a superset of what
    `ResponseFolder.submitted_files` counts (which needs the model to import),
    so a change to any counted file voids the memo.
    """
    try:
        names = sorted(entry.name for entry in os.scandir(folder) if entry.name.lower().endswith(".toml"))
    except OSError:
        return None
    return [[name, stat_key(os.path.join(folder, name))] for name in names]


_COUNTED: dict[str, tuple[str, str]] = {
    "respondents": ("{n} respondent", "{n} respondents"),
    "files": ("{n} file not counted", "{n} files not counted"),
}
"""Singular, plural of the counts `Tally.said` names (the command line's words are English)."""


def _counted(what: str, n: int) -> str:
    return _COUNTED[what][0 if n == 1 else 1].format(n=n)


class Tally(NamedTuple):
    """What became of a report's files, for the line `report` prints: every file accounted for."""

    respondents: int
    rejected: int
    superseded: int
    """Older revisions of a response that is counted."""
    conflicts: int
    """Files of a respondent who sent another response (another id), the newer one counted."""

    def said(self) -> str:
        """`21 respondents, every file counted`, or the respondents and what was not counted.

        Regression: "1 respondents", "1 files not counted".
        """
        respondents = _counted("respondents", self.respondents)
        if not (self.rejected or self.superseded or self.conflicts):
            return f"{respondents}, every file counted"
        left = _counted("files", self.rejected + self.superseded + self.conflicts)
        return (
            f"{respondents}; {left}: {self.rejected} rejected, "
            f"{self.superseded} superseded by a newer revision, {self.conflicts} in conflict"
        )


class ReportMemo:
    """The last report of an unchanged folder, given again without reading a response file.

    Keyed on everything the report depends on: the files' names, sizes,
    times and inodes, the questionnaire file's bytes, the format, the folder
    as named on the command line, and the code (`code_stamp`). It is taken
    before anything is read, so a file changed during the run voids it.
    """

    def __init__(self, path: Path, key: str, settled: bool) -> None:
        self.path = path
        self.key = key
        self.settled = settled
        """False when a file changed in the last seconds: such a run is not remembered."""

    @classmethod
    def open(cls, folder: Path, questionnaire: Path, form: str) -> ReportMemo | None:
        """The memo of this report, or None when caching is off or the folder cannot be listed."""
        where = cache_folder()
        if where is None or not folder.is_dir():
            return None
        listing = _listing(folder)
        try:  # read as every file is: a pipe or a device named here must not hang the report
            definition = hashlib.sha256(read_bytes(questionnaire)).hexdigest()
        except ResponseFileError:
            return None
        if listing is None:
            return None
        started = time.time_ns()
        settled = all(key is not None and key[1] < started - RACY_NS for _, key in listing)
        identity = [code_stamp(), str(folder), os.path.abspath(questionnaire), definition, form, listing]
        key = hashlib.sha256(json.dumps(identity).encode()).hexdigest()
        return cls(where / f"{folder_name(folder)}.{form}.report", key, settled)

    def recall(self) -> tuple[str, Tally] | None:
        """The text and the file counts of the same report, if it was remembered."""
        try:
            payload = read_private(self.path)
        except CacheDoubt:
            return None
        end = payload.find(b"\n")
        try:
            header = json.loads(payload[:end])
            text = str(memoryview(payload)[end + 1 :], "utf-8")  # decoded in place, not copied first
        except (ValueError, UnicodeDecodeError):
            return None
        if not isinstance(header, dict) or header.get("key") != self.key:
            return None
        counts = [header.get(name) for name in Tally._fields]
        whole = [count for count in counts if type(count) is int]
        if len(whole) != len(counts):
            return None  # a memo of an older enquete, or tampered with: made again
        return text, Tally(*whole)

    def remember(self, text: str, tally: Tally) -> None:
        """Keep this report for the next run (not when a file changed in the last seconds)."""
        if not self.settled:
            return
        header = json.dumps({"key": self.key, **tally._asdict()})
        write_private(self.path, [header.encode() + b"\n", text.encode("utf-8")])
