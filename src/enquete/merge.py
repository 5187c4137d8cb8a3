"""`enquete merge`: bring e-mailed response files into one clean responses folder.

Each incoming file is read and validated like `enquete check`, then compared
with what the folder holds for the same respondent. A file is imported with
its bytes unchanged (comments and layout included) under `<KEY>.toml`,
whatever it was called. Before a file in the folder is replaced, its bytes
are copied into `history/`; both writes are atomic, so an interrupted merge
leaves every file whole, and at worst a history copy of a file still in place.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from enquete.errors import EnqueteError, ResponseFileError, StorageError
from enquete.model.questionnaire import Questionnaire
from enquete.model.response import Response, response_from_data
from enquete.storage.atomic import write_atomically
from enquete.storage.responses import ResponseFolder
from enquete.storage.safe_read import parse_toml, read_bytes


class Outcome(StrEnum):
    IMPORTED = "imported"
    REPLACED = "replaced"
    DUPLICATE = "duplicate"
    STALE = "stale"
    CONFLICT = "conflict"
    REJECTED = "rejected"

    @property
    def ok(self) -> bool:
        return self not in (Outcome.CONFLICT, Outcome.REJECTED)


@dataclass(frozen=True)
class Step:
    """What happened (or, in a dry run, would happen) to one incoming file."""

    file: Path
    respondent: str | None
    outcome: Outcome
    reason: str


@dataclass(frozen=True)
class _Incoming:
    path: Path
    data: bytes
    response: Response
    key: str


def find_sources(sources: list[Path], into: Path) -> Iterator[Path]:
    """The files to merge: named files, and `*.toml` under named folders (links not followed)."""
    into_resolved = into.resolve()
    for source in sources:
        if source.is_dir() and not source.is_symlink():
            for folder, subfolders, files in os.walk(source, followlinks=False):
                here = Path(folder)
                if here.resolve() == into_resolved or into_resolved in here.resolve().parents:
                    subfolders.clear()
                    continue
                subfolders.sort()
                for name in sorted(files):
                    if name.lower().endswith(".toml"):
                        yield here / name
        else:
            yield source


def read_incoming(path: Path, questionnaire: Questionnaire) -> _Incoming | Step:
    """A valid submitted response with its exact bytes, or the step that rejects it."""
    try:
        data = read_bytes(path)
        response, problems = response_from_data(questionnaire, parse_toml(data))
    except ResponseFileError as error:
        return Step(path, None, Outcome.REJECTED, str(error))
    key = response.key(questionnaire)
    if response.status != "submitted":
        return Step(path, key, Outcome.REJECTED, "is a draft; only submitted responses are merged")
    if problems:
        return Step(path, key, Outcome.REJECTED, "; ".join(str(p) for p in problems[:3]))
    assert key is not None  # the key question is required, so a complete response has one
    return _Incoming(path, data, response, key)


def _current(folder: ResponseFolder, key: str, questionnaire: Questionnaire) -> Response | None:
    try:
        data = read_bytes(folder.submitted_path(key))
        response, problems = response_from_data(questionnaire, parse_toml(data))
    except ResponseFileError:
        return None
    return None if problems else response


def _same_content(a: Response, b: Response) -> bool:
    return (a.id, a.revision, a.answers) == (b.id, b.revision, b.answers)


def merge(
    sources: list[Path],
    into: Path,
    questionnaire: Questionnaire,
    *,
    replace: bool = False,
    dry_run: bool = False,
) -> list[Step]:
    """Merge every source file into `into`; one step per file, in the order they were found."""
    folder = ResponseFolder(into)
    steps: dict[Path, Step] = {}
    incoming: list[_Incoming] = []
    order = list(dict.fromkeys(find_sources(sources, into)))
    for path in order:
        item = read_incoming(path, questionnaire)
        if isinstance(item, Step):
            steps[path] = item
        else:
            incoming.append(item)
    # Older revisions first, so that a newer one in the same batch replaces it in turn.
    incoming.sort(key=lambda i: (i.key, i.response.revision, i.response.saved))
    state: dict[str, Response | None] = {}
    for item in incoming:
        if item.key not in state:
            state[item.key] = _current(folder, item.key, questionnaire)
        step = _decide(item, state[item.key], replace)
        if step.outcome in (Outcome.IMPORTED, Outcome.REPLACED):
            if not dry_run:
                try:
                    _write(folder, item, questionnaire)
                except EnqueteError as error:
                    step = Step(item.path, item.key, Outcome.REJECTED, f"not written: {error}")
            if step.outcome is not Outcome.REJECTED:
                state[item.key] = item.response
        steps[item.path] = step
    return [steps[p] for p in order]


def _decide(item: _Incoming, current: Response | None, replace: bool) -> Step:
    new = item.response
    if current is None:
        return Step(item.path, item.key, Outcome.IMPORTED, f"new respondent, revision {new.revision}")
    if current.id == new.id:
        if _same_content(current, new):
            return Step(item.path, item.key, Outcome.DUPLICATE, "the same response is already there")
        if new.revision > current.revision:
            return Step(
                item.path,
                item.key,
                Outcome.REPLACED,
                f"revision {new.revision} replaces revision {current.revision} (kept in history/)",
            )
        if new.revision < current.revision:
            return Step(
                item.path,
                item.key,
                Outcome.STALE,
                f"revision {new.revision} is older than revision {current.revision} already there",
            )
        conflict = f"revision {new.revision} differs from the revision {current.revision} already there"
    else:
        conflict = f"another response (id {new.id}) than the one there (id {current.id})"
    if replace:
        return Step(item.path, item.key, Outcome.REPLACED, f"{conflict}; replaced (--replace)")
    return Step(item.path, item.key, Outcome.CONFLICT, f"{conflict}; use --replace to import it")


def _write(folder: ResponseFolder, item: _Incoming, questionnaire: Questionnaire) -> None:
    target = folder.submitted_path(item.key)
    try:
        old = read_bytes(target)
    except ResponseFileError:
        old = None
    if old is not None:
        try:
            response, _ = response_from_data(questionnaire, parse_toml(old))
            history = folder.history_path(item.key, response)
        except (ResponseFileError, StorageError):
            history = folder.root / "history" / f"{item.key}.unreadable.{os.getpid()}.toml"
        write_atomically(history, old)
    write_atomically(target, item.data)
