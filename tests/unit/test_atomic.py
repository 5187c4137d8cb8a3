"""Atomic writes: a failure at any step leaves the previous file whole."""

import errno
import os
from pathlib import Path

import pytest

from enquete.errors import StorageError
from enquete.storage.atomic import write_atomically


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "AU.toml"
    write_atomically(target, b"one")
    write_atomically(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["AU.toml"]


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.ENOSPC, "the disk is full"), (errno.EACCES, "permission denied"), (errno.EIO, "input/output")],
)
def test_a_failing_step_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str, code: int, words: str
) -> None:
    target = tmp_path / "AU.toml"
    target.write_bytes(b"previous")

    def fail(*_args: object, **_kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    if step == "write":
        monkeypatch.setattr("enquete.storage.atomic.os.fdopen", lambda fd, *a, **k: _FailingFile(code, fd))
    else:
        monkeypatch.setattr(f"enquete.storage.atomic.os.{step}", fail)
    with pytest.raises(StorageError, match=words):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["AU.toml"], "no temporary file left behind"


class _FailingFile:
    def __init__(self, code: int, fd: int) -> None:
        self.code, self.fd = code, fd

    def __enter__(self) -> "_FailingFile":
        return self

    def __exit__(self, *_: object) -> None:
        os.close(self.fd)

    def write(self, _data: bytes) -> int:
        raise OSError(self.code, os.strerror(self.code))
