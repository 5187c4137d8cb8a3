"""One writer at a time in a responses folder, across processes and threads.

Two merges run at once, or a merge while the app submits, each read the
folder, decided, and wrote: the second overwrote what the first had just
written (50 trials of two parallel merges lost 1,171 revisions). Every write
into the folder now happens under this lock, taken inside the storage layer,
so no caller can forget it.

The lock is an operating-system lock (`filelock`: `flock` on POSIX,
`msvcrt.locking` on Windows) on `.enquete.lock` in the folder. The system
drops it when the holder dies, even by kill -9, so a lock is never stale: the
file left behind is just a file. Beside it, `.enquete.lock.info` says who took
it (process, host, command, time), so a person kept waiting is told who holds
the folder, and a note left by a holder that is gone is recognised as stale.
Readers never take it: every file is replaced atomically, so a reader sees
the old file or the new.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import filelock

from enquete.errors import StorageError, StorageKind
from enquete.storage.atomic import describe_os_error, os_details

LOCK_NAME = ".enquete.lock"
INFO_NAME = ".enquete.lock.info"
WAIT_SECONDS = 20.0
"""A merge of 200 files takes a few seconds; past this, the person is told who holds the folder."""

_locks: dict[str, filelock.BaseFileLock] = {}


class FolderBusy(StorageError):
    """Another enquete holds the folder's lock for longer than we wait."""


def _lock_for(root: Path) -> filelock.BaseFileLock:
    """One lock object per folder, so a thread that holds it may take it again (re-entrant)."""
    key = os.path.realpath(root)
    lock = _locks.get(key)
    if lock is None:
        # thread_local: each thread has its own descriptor, so threads exclude each other too.
        lock = _locks[key] = filelock.FileLock(os.path.join(key, LOCK_NAME), thread_local=True)
    return lock


def _process_alive(pid: int) -> bool:
    """Whether `pid` runs on this computer (POSIX); on Windows, `os.kill` would end it, so assume so."""
    if pid == os.getpid() or os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else (or Windows: cannot tell)
    return True


def holder_note(root: Path) -> dict[str, str]:
    """What the note beside the lock says of its holder: pid, host, command, since, and `stale`.

    `stale` is "yes" when the holder ran on this computer and has ended. Empty
    when there is no note (the holder did not leave one, or it cannot be read).
    """
    try:
        text = (root / INFO_NAME).read_text("utf-8", "replace")[:500]
    except OSError:
        return {}
    fields = dict(line.split("=", 1) for line in text.splitlines() if "=" in line)
    pid, host = fields.get("pid", "?"), fields.get("host", "?")
    stale = host == socket.gethostname() and pid.isdigit() and not _process_alive(int(pid))
    return {
        "pid": pid,
        "host": host,
        "command": fields.get("command", "enquete"),
        "since": fields.get("since", "?"),
        "stale": "yes" if stale else "",
    }


def holder(root: Path) -> str:
    """Who holds (or last held) the folder, in words; "" when nothing is known."""
    note = holder_note(root)
    if not note:
        return ""
    what = f"process {note['pid']} ({note['command']}) on {note['host']}, since {note['since']}"
    return f"a stale note from {what}, which has ended" if note["stale"] else what


def _write_note(root: Path, command: str) -> None:
    """Best effort: who holds the lock. Losing it only makes a message vaguer."""
    note = (
        f"pid={os.getpid()}\nhost={socket.gethostname()}\ncommand={command}\n"
        f"since={datetime.now().astimezone().isoformat(timespec='seconds')}\n"
    )
    with contextlib.suppress(OSError):
        (root / INFO_NAME).write_text(note, "utf-8")


@contextlib.contextmanager
def folder_lock(root: Path, *, timeout: float | None = None) -> Iterator[None]:
    """Hold the lock on `root` (created if need be) for the block; re-entrant in one thread.

    Raises `FolderBusy`, naming the holder, when another process or thread
    keeps it past `timeout` seconds (`WAIT_SECONDS` by default).
    """
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StorageError(
            f"cannot write in {root}: {describe_os_error(error)}",
            "cannot_write_in",
            folder=str(root),
            **os_details(error),
        ) from error
    lock = _lock_for(root)
    try:
        lock.acquire(timeout=WAIT_SECONDS if timeout is None else timeout)
    except filelock.Timeout:
        note = holder_note(root)
        who = holder(root) or "another enquete"
        advice = "wait for it to finish and run this again"
        kind: StorageKind = "busy" if note else "busy_unknown"
        if note.get("stale"):
            # Only a lock without OS support (a soft lock on some network drives) outlives its holder.
            advice = f"if no enquete is running, delete {root / LOCK_NAME} and run this again"
            kind = "busy_stale"
        note.pop("stale", None)
        raise FolderBusy(
            f"{root} is being written by {who}; {advice}",
            kind,
            folder=str(root),
            lock=str(root / LOCK_NAME),
            **note,
        ) from None
    except OSError as error:
        raise StorageError(
            f"cannot lock {root}: {describe_os_error(error)}",
            "cannot_lock",
            folder=str(root),
            **os_details(error),
        ) from error
    try:
        if lock.lock_counter == 1:
            _write_note(root, " ".join(["enquete", *sys.argv[1:2]]))
        yield
    finally:
        lock.release()
