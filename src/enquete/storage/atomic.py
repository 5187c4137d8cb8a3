"""Writing files so that each is either the old version or the new, never half of one.

The bytes go to a temporary file in the same folder, are flushed and fsynced,
and `os.replace` swaps them in; the folder is then fsynced so the rename
itself survives a power cut. A crash at any point leaves the previous file
intact (and at worst a stray `.tmp` file, which readers ignore).

`write_files` does the same for a batch: every file's data is made durable
before any rename, and each folder is fsynced once for the batch rather than
once per file, which is most of the cost of a merge of 200 files.

Files get the permissions any file the person creates gets (0644 under the
usual umask 022), not the 0600 of a temporary file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor, wait
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


_PARALLEL_FROM = 8
"""Batches smaller than this (a submit, a draft) are staged in the calling thread."""
_STAGING_THREADS = 8


def _read_umask() -> int:
    """The process umask, read once at import (setting it back at once; nothing else runs yet)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


FILE_MODE = 0o666 & ~_read_umask()
"""Permissions of every file enquete writes: 0644 under the usual umask."""


def describe_os_error(error: OSError) -> str:
    """A few words for a person: why the operating system refused."""
    return _REASONS.get(error.errno or 0, error.strerror or str(error))


def os_details(error: OSError) -> dict[str, str]:
    """`describe_os_error` as `StorageError` details: the words, and the error's name for a translation.

    `errno` is set only for the refusals `_REASONS` words itself (`ENOSPC`, ...);
    any other keeps the operating system's own words, which a screen shows as they are.
    """
    code = error.errno or 0
    return {"reason": describe_os_error(error), "errno": errno.errorcode[code] if code in _REASONS else ""}


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` by `data` in one step; raise `StorageError` and change nothing on failure."""
    write_files([(path, data)])


def write_files(files: Iterable[tuple[Path, bytes]]) -> None:
    """Write each `(path, data)` atomically, in order, fsyncing folders once per run of renames.

    Every file's data is durable before its rename, and the renames happen in
    the order given, so a caller that lists a history copy before the file
    that replaces it never has the new file without the copy. On failure,
    `StorageError` is raised: files renamed before it stay written, the
    failing one and those after it are unchanged.
    """
    staged = _stage_all(list(files))
    staged.reverse()  # popped from the end, in the order given
    unsynced: Path | None = None
    try:
        while staged:
            temporary, path = staged[-1]
            if unsynced is not None and path.parent != unsynced:
                # A rename into another folder must not outlive, after a power cut, the
                # renames before it (a new file without its history copy): sync them first.
                _sync_folder(unsynced)
            try:
                os.replace(temporary, path)
            except OSError as error:
                raise StorageError(
                    f"cannot save {path}: {describe_os_error(error)}",
                    "cannot_save",
                    path=str(path),
                    **os_details(error),
                ) from error
            staged.pop()
            unsynced = path.parent
    finally:
        for temporary, _path in staged:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        if unsynced is not None:
            _sync_folder(unsynced)


def _stage_all(files: list[tuple[Path, bytes]]) -> list[tuple[str, Path]]:
    """Every file's durable temporary copy, in order; on any failure none is left and the first is raised.

    A batch is staged by a few threads at once: each fsync waits for the
    disk, and waiting in parallel lets the file system commit many files in
    one journal write. Each file still has its own fsync before its rename.
    """
    if len(files) < _PARALLEL_FROM:
        staged: list[tuple[str, Path]] = []
        try:
            for path, data in files:
                staged.append((_stage(path, data), path))
        except BaseException:
            _remove([temporary for temporary, _ in staged])
            raise
        return staged
    pool = ThreadPoolExecutor(max_workers=_STAGING_THREADS, thread_name_prefix="enquete-stage")
    futures: list[Future[str]] = []
    try:
        futures.extend(pool.submit(_stage, path, data) for path, data in files)
        wait(futures)
    except BaseException:  # Ctrl+C: stop staging, keep no temporary file
        pool.shutdown(wait=True, cancel_futures=True)
        _remove([f.result() for f in futures if not f.cancelled() and f.exception() is None])
        raise
    pool.shutdown()
    failures = [error for error in (f.exception() for f in futures) if error is not None]
    if failures:
        _remove([f.result() for f in futures if f.exception() is None])
        raise failures[0]
    return [(future.result(), path) for future, (path, _data) in zip(futures, files, strict=True)]


def _remove(temporaries: list[str]) -> None:
    for temporary in temporaries:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _stage(path: Path, data: bytes) -> str:
    """A durable temporary copy of `data` beside `path`, ready to be renamed over it."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise StorageError(
            f"cannot write in {folder}: {describe_os_error(error)}",
            "cannot_write_in",
            folder=str(folder),
            **os_details(error),
        ) from error
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise StorageError(
            f"cannot save {path}: {describe_os_error(error)}",
            "cannot_save",
            path=str(path),
            **os_details(error),
        ) from error
    return temporary


def _sync_folder(folder: Path) -> None:
    """Make the renames themselves durable (POSIX); Windows has no directory fsync."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
