"""Writing a file so that it is either the old version or the new, never half of one.

The bytes go to a temporary file in the same folder, are flushed and fsynced,
and `os.replace` swaps them in. A crash at any point leaves the previous file
intact (and at worst a stray `.tmp` file, which readers ignore).
"""

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from enquete.errors import StorageError

_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the disk is read-only",
    errno.EIO: "the disk reported an input/output error",
}


def describe_os_error(error: OSError) -> str:
    """A few words for a person: why the operating system refused."""
    return _REASONS.get(error.errno or 0, error.strerror or str(error))


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` by `data` in one step; raise `StorageError` and change nothing on failure."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise StorageError(f"cannot write in {folder}: {describe_os_error(error)}") from error
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise StorageError(f"cannot save {path}: {describe_os_error(error)}") from error
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory fsync."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
