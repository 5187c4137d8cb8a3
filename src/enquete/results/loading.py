"""Reading every response file of a folder, in parallel when there are many.

Parsing TOML is nearly all the cost of aggregation, and it is CPU-bound: past
a few hundred files the work is spread over processes. Each file yields a
`Loaded` (a valid response) or a `Rejected` (why not), never an exception.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from enquete.errors import ResponseFileError
from enquete.model.questionnaire import Questionnaire
from enquete.model.response import Response
from enquete.storage.responses import load_valid_response

PARALLEL_FROM = 400
"""Below this many files, starting worker processes costs more than it saves."""
CHUNK = 200


@dataclass(frozen=True)
class Loaded:
    """A valid submitted response and the file it came from."""

    file: str
    response: Response


@dataclass(frozen=True)
class Rejected:
    """A file that was not counted, and why."""

    file: str
    reason: str


LoadResult = Loaded | Rejected
"""What reading one file gives: never an exception (merge's `Outcome` is another thing)."""
Progress = Callable[[int, int], None]


def load_one(path: Path, questionnaire: Questionnaire) -> LoadResult:
    """Read one file; any fault becomes a `Rejected` with its reason."""
    try:
        response = load_valid_response(path, questionnaire)
    except ResponseFileError as error:
        return Rejected(str(path), str(error))
    except (OSError, ValueError, RecursionError, MemoryError) as error:
        return Rejected(str(path), f"cannot be read ({type(error).__name__})")
    if response.status != "submitted":
        return Rejected(str(path), "is a draft; only submitted responses are counted")
    if response.key(questionnaire) is None:
        return Rejected(str(path), "does not say who the respondent is")
    return Loaded(str(path), response)


def _load_chunk(paths: Sequence[Path], questionnaire: Questionnaire) -> list[LoadResult]:
    return [load_one(path, questionnaire) for path in paths]


def _start_method() -> str:
    """fork where it is safe (a single-threaded CLI on POSIX): workers start at once.

    The app aggregates from a worker thread, and forking a threaded process
    can deadlock, so there (and on Windows) workers are spawned.
    """
    if os.name == "posix" and threading.active_count() == 1:
        return "fork"
    return "spawn"


def load_all(
    paths: Sequence[Path], questionnaire: Questionnaire, progress: Progress | None = None
) -> list[LoadResult]:
    """Every file's outcome, in the order of `paths`."""
    workers = min(os.cpu_count() or 1, 8)
    if len(paths) < PARALLEL_FROM or workers < 2:
        outcomes = []
        for done, path in enumerate(paths, 1):
            outcomes.append(load_one(path, questionnaire))
            if progress and done % 50 == 0:
                progress(done, len(paths))
        return outcomes
    chunks = [paths[i : i + CHUNK] for i in range(0, len(paths), CHUNK)]
    context = multiprocessing.get_context(_start_method())
    outcomes = []
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for chunk_outcomes in pool.map(_load_chunk, chunks, [questionnaire] * len(chunks)):
            outcomes.extend(chunk_outcomes)
            if progress:
                progress(len(outcomes), len(paths))
    return outcomes
