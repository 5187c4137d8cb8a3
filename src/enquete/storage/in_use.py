"""Knowing that a response is open in another enquete window.

Two windows saving the same draft would overwrite each other's answers
without a word. The window that opens a response holds an operating-system
lock on `drafts/.<id>.lock` (`filelock`: fcntl on POSIX, msvcrt on Windows)
for as long as it is open. The operating system drops that lock when the
process ends, however it ends, so a crash or `kill -9` leaves no stale lock
behind: a leftover lock *file* is simply taken by the next window.
"""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from enquete.errors import ResponseInUse, StorageError


class InUse:
    """This process's claim on one response id; `release` (or process exit) ends it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = FileLock(str(path), timeout=0, thread_local=False)

    def claim(self) -> None:
        """Take the lock; `ResponseInUse` when another window holds it.

        A folder that cannot hold the lock file (read-only, missing drive) is
        not a reason to refuse opening: saving will report that failure itself.
        """
        if self._lock.is_locked:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._lock.acquire()
        except Timeout as error:
            raise ResponseInUse("this response is open in another enquete window", "in_use") from error
        except (OSError, StorageError):
            return

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release()
