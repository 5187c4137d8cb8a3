"""Issue 10/13: a batch of writes fsyncs each folder once, and a new file never outlives its history copy."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from enquete.storage import atomic
from enquete.storage.atomic import write_files


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    seen: list[tuple[str, str]] = []
    real_replace = os.replace

    def replace(source: str, target: Path) -> None:
        seen.append(("rename", Path(target).name))
        real_replace(source, target)

    monkeypatch.setattr("enquete.storage.atomic.os.replace", replace)
    monkeypatch.setattr(atomic, "_sync_folder", lambda folder: seen.append(("sync", Path(folder).name)))
    return seen


def test_a_batch_in_one_folder_is_synced_once(tmp_path: Path, calls: list[tuple[str, str]]) -> None:
    """A merge of 200 files paid a folder fsync per file."""
    write_files([(tmp_path / f"{code}.toml", b"x") for code in ("AU", "BR", "CA")])
    assert calls == [
        ("rename", "AU.toml"),
        ("rename", "BR.toml"),
        ("rename", "CA.toml"),
        ("sync", tmp_path.name),
    ]


def test_the_history_copy_is_durable_before_the_file_that_replaces_it(
    tmp_path: Path, calls: list[tuple[str, str]]
) -> None:
    """Renames in two folders: the first folder is synced before the second rename."""
    write_files([(tmp_path / "history" / "AU.old.toml", b"old"), (tmp_path / "AU.toml", b"new")])
    assert calls == [
        ("rename", "AU.old.toml"),
        ("sync", "history"),
        ("rename", "AU.toml"),
        ("sync", tmp_path.name),
    ]
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []
