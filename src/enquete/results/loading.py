"""Reading every response file of a folder: at native speed, in parallel when there are many.

Each file yields a `Loaded` (a valid submitted response) or a `Rejected` (why
not), never an exception. Three things keep a big folder cheap:

- an ordinary file is read in one call and parsed by rtoml; anything unusual
  takes the reference path (`load_one`: tomllib and pydantic), so every
  message is worded exactly as it always was;
- past `PARALLEL_FROM` files the work is spread over processes, and each
  worker sends back the whole response only for the newest revision of each
  response id it saw, header fields for the rest: memory grows with
  respondents, not with files;
- a `FolderCache` (results/cache.py) remembers what each unchanged file held.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from enquete.errors import ResponseFileError
from enquete.model.answers import answer_problems
from enquete.model.questionnaire import Questionnaire
from enquete.model.response import Response, anonymous_key
from enquete.results.certify import Certifier, plain_header
from enquete.storage.fast_toml import parse_fast, portable_time, read_small_file
from enquete.storage.responses import load_valid_response

if TYPE_CHECKING:
    from enquete.results.cache import FolderCache

PARALLEL_FROM = 400
"""Below this many files, starting worker processes costs more than it saves."""
CHUNK = 250
"""Files per task sent to a worker: big enough to amortise the round trip, small enough to spread."""


@dataclass(frozen=True, slots=True)
class Loaded:
    """A valid submitted response: who, which revision, and the file it came from."""

    file: str
    key: str
    """The respondent key (e.g. the office code)."""
    id: str
    revision: int
    saved: datetime
    response: Response | None = None
    """The whole response while it is the newest revision of its id; None once a newer one is known."""

    @property
    def order(self) -> tuple[int, datetime, str]:
        """Newer sorts higher: by revision, then time saved, then file name."""
        return (self.revision, self.saved, self.file)


@dataclass(frozen=True, slots=True)
class Rejected:
    """A file that was not counted, and why."""

    file: str
    reason: str


LoadResult = Loaded | Rejected
"""What reading one file gives: never an exception (merge's `Outcome` is another thing)."""
Progress = Callable[[int, int], None]


def load_one(path: Path, questionnaire: Questionnaire) -> LoadResult:
    """Read one file by the reference path; any fault becomes a `Rejected` with its reason."""
    try:
        response = load_valid_response(path, questionnaire)
    except ResponseFileError as error:
        return Rejected(str(path), str(error))
    except (OSError, ValueError, RecursionError, MemoryError) as error:
        return Rejected(str(path), f"cannot be read ({type(error).__name__})")
    if response.status != "submitted":
        return Rejected(str(path), "is a draft; only submitted responses are counted")
    key = response.key(questionnaire)
    if key is None:
        return Rejected(str(path), "does not say who the respondent is")
    return Loaded(str(path), key, response.id, response.revision, response.saved, response)


def read_one(path: Path, questionnaire: Questionnaire) -> LoadResult:
    """`load_one`'s outcome, by the fast path when the file is an ordinary valid response."""
    return read_chunk([path], questionnaire)[0]


def _certified(path: Path, questionnaire: Questionnaire, certifier: Certifier) -> Pending | None:
    """Header fields and tables of a file the fast path vouches for; None: ask the reference path."""
    data = read_small_file(path)
    table = parse_fast(data) if data is not None else None
    header = table.get("response") if table is not None else None
    if table is None or not isinstance(header, dict):
        return None
    fields = plain_header(header, questionnaire)
    answers = table.get("answers", {})
    if fields is None or not certifier.certain(answers):
        return None
    response_id, revision, _ = fields
    key_of = questionnaire.respondent_key  # None: an anonymous survey, keyed on the response id
    key = anonymous_key(response_id) if key_of is None else answers[key_of]
    if key is None:
        return None  # an id that cannot name a file: the reference path words the rejection
    loaded = Loaded(str(path), sys.intern(key), sys.intern(response_id), revision, _utc(header["saved"]))
    return Pending(loaded, table)


@dataclass(frozen=True, slots=True)
class Pending:
    """A certified file whose whole response is built only if it turns out to be the newest."""

    loaded: Loaded
    table: dict[str, Any]


def _whole(pending: Pending, questionnaire: Questionnaire) -> Loaded | None:
    """The response of a certified file, built by `model.answers` as the reference path does."""
    table, loaded = pending.table, pending.loaded
    header = table["response"]
    answers, problems = answer_problems(questionnaire, table.get("answers", {}), complete=True)
    key_of = questionnaire.respondent_key  # None: an anonymous survey, keyed on the response id
    if problems or (key_of is not None and answers.get(key_of) != loaded.key):
        return None  # the certifier and model.answers disagree: the reference path decides
    draft = table.get("draft")
    current = draft.get("current_question") if isinstance(draft, dict) else None
    response = Response(
        questionnaire=questionnaire.id,
        version=questionnaire.version,
        answers=answers,
        id=loaded.id,
        revision=loaded.revision,
        status="submitted",
        language=header.get("language", "en"),
        started=_utc(header["started"]),
        saved=loaded.saved,
        current_question=current if current in questionnaire.ids else None,
    )
    return replace(loaded, response=response)


def _utc(moment: datetime) -> datetime:
    moment = portable_time(moment)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def read_chunk(
    paths: Sequence[Path], questionnaire: Questionnaire, progress: Progress | None = None
) -> list[LoadResult]:
    """Every file's outcome, in order; whole responses only for the newest revision of each id.

    Certified files are held as parsed tables until the end of the chunk, and
    only the newest of each id becomes a `Response`; everything else the
    reference path reads.
    """
    certifier = _certifier(questionnaire)
    newest = Newest()
    pending: dict[int, Pending] = {}
    for done, path in enumerate(paths, 1):
        certified = _certified(path, questionnaire, certifier)
        outcome = certified.loaded if certified is not None else load_one(path, questionnaire)
        group = (outcome.key, outcome.id) if isinstance(outcome, Loaded) else None
        before = newest.newest.get(group) if group is not None else None
        newest.add(outcome)
        if group is not None and newest.newest[group] != before:
            if before is not None:
                pending.pop(before, None)
            if certified is not None:
                pending[len(newest.outcomes) - 1] = certified
        if progress and done % 50 == 0:
            progress(done, len(paths))
    for index, certified in pending.items():
        whole = _whole(certified, questionnaire)
        newest.outcomes[index] = whole or load_one(paths[index], questionnaire)
    return newest.outcomes


_certifiers: dict[int, tuple[Questionnaire, Certifier]] = {}


def _certifier(questionnaire: Questionnaire) -> Certifier:
    """One certifier per questionnaire object, built on first use."""
    known = _certifiers.get(id(questionnaire))
    if known is None or known[0] is not questionnaire:
        known = (questionnaire, Certifier(questionnaire))
        _certifiers.clear()
        _certifiers[id(questionnaire)] = known
    return known[1]


class Newest:
    """Outcomes in file order, keeping whole responses only for the newest revision of each id.

    Fed chunk by chunk (from workers, the cache or a serial loop); a response
    superseded by a newer revision of the same respondent and id is dropped as
    soon as the newer one arrives.
    """

    def __init__(self) -> None:
        self.outcomes: list[LoadResult] = []
        self.newest: dict[tuple[str, str], int] = {}
        """(respondent key, response id) -> index of its newest revision in `outcomes`."""

    def add(self, outcome: LoadResult) -> None:
        index = len(self.outcomes)
        self.outcomes.append(outcome)
        self._consider(index)

    def extend(self, outcomes: Sequence[LoadResult]) -> None:
        for outcome in outcomes:
            self.add(outcome)

    def replace(self, index: int, outcome: LoadResult) -> None:
        """Put a re-read outcome in place of a stale one, and reconsider its group."""
        old = self.outcomes[index]
        if isinstance(old, Loaded) and self.newest.get((old.key, old.id)) == index:
            del self.newest[(old.key, old.id)]
        self.outcomes[index] = outcome
        self._consider(index)

    def _consider(self, index: int) -> None:
        outcome = self.outcomes[index]
        if not isinstance(outcome, Loaded):
            return
        group = (outcome.key, outcome.id)
        best = self.newest.get(group)
        if best is None:
            self.newest[group] = index
            return
        other = self.outcomes[best]
        assert isinstance(other, Loaded)
        if outcome.order > other.order:
            if other.response is not None:
                self.outcomes[best] = replace(other, response=None)
            self.newest[group] = index
        elif outcome.response is not None:
            self.outcomes[index] = replace(outcome, response=None)

    def missing(self) -> list[int]:
        """Indexes of newest revisions whose whole response is not at hand (known from the cache)."""
        return [i for i in self.newest.values() if self._lacks_response(i)]

    def _lacks_response(self, index: int) -> bool:
        outcome = self.outcomes[index]
        return isinstance(outcome, Loaded) and outcome.response is None


_worker_questionnaire: Questionnaire | None = None


def _start_worker(questionnaire: Questionnaire) -> None:
    global _worker_questionnaire
    _worker_questionnaire = questionnaire


Wire = tuple[str, str, str, str, int, datetime, Response | None] | tuple[str, str, str]


def _read_chunk(paths: Sequence[str]) -> list[Wire]:
    """A worker's task: read its files and send back whole responses only for the newest revisions.

    Plain tuples cross the process boundary several times faster than dataclasses.
    """
    assert _worker_questionnaire is not None
    return [_to_wire(o) for o in read_chunk([Path(p) for p in paths], _worker_questionnaire)]


def _to_wire(outcome: LoadResult) -> Wire:
    if isinstance(outcome, Rejected):
        return ("r", outcome.file, outcome.reason)
    return ("l", outcome.file, outcome.key, outcome.id, outcome.revision, outcome.saved, outcome.response)


def _from_wire(wire: Wire) -> LoadResult:
    if len(wire) == 3:
        return Rejected(wire[1], wire[2])
    _, file, key, response_id, revision, saved, response = wire
    return Loaded(file, sys.intern(key), sys.intern(response_id), revision, saved, response)


def _start_method() -> str:
    """fork where it is safe (a single-threaded CLI on POSIX): workers start at once.

    The app aggregates from a worker thread, and forking a threaded process
    can deadlock, so there (and on Windows) workers are spawned.
    """
    if os.name == "posix" and threading.active_count() == 1:
        return "fork"
    return "spawn"


_TRACKER_LOCK = threading.Lock()


def start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with a real file as its stderr.

    A spawned pool needs the tracker, and the tracker hands `sys.stderr`'s
    file descriptor to its process. Under Textual, `sys.stderr` is a capture
    object whose fileno() is -1, and starting the tracker failed with
    "bad value(s) in fds_to_keep" (the results screen crashed on 400+ files).
    The tracker gets the null device instead: the terminal belongs to the app.
    """
    from multiprocessing import resource_tracker

    with _TRACKER_LOCK:
        try:
            usable = sys.stderr is not None and sys.stderr.fileno() >= 0
        except (AttributeError, OSError, ValueError):
            usable = False
        if usable:
            resource_tracker.ensure_running()
            return
        saved = sys.stderr
        with open(os.devnull, "w") as null:
            sys.stderr = null
            try:
                resource_tracker.ensure_running()
            finally:
                sys.stderr = saved


def _read_in_workers(
    paths: Sequence[Path], questionnaire: Questionnaire, workers: int, progress: Progress | None
) -> Newest:
    method = _start_method()
    if method == "spawn" and os.name == "posix":
        start_resource_tracker()
    context = multiprocessing.get_context(method)
    names = [str(p) for p in paths]
    chunks = [names[i : i + CHUNK] for i in range(0, len(names), CHUNK)]
    newest = Newest()
    if method == "fork":
        # Forked workers share the parent's objects until written to; a collection walking them
        # (and writing their headers) would copy every page: frozen, the collector leaves them be.
        gc.freeze()
    try:
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(questionnaire,)
        ) as pool:
            for chunk_outcomes in pool.map(_read_chunk, chunks):
                newest.extend([_from_wire(w) for w in chunk_outcomes])
                if progress:
                    progress(len(newest.outcomes), len(paths))
    finally:
        if method == "fork":
            gc.unfreeze()
    return newest


def _read_serially(paths: Sequence[Path], questionnaire: Questionnaire, progress: Progress | None) -> Newest:
    newest = Newest()
    newest.extend(read_chunk(paths, questionnaire, progress))
    return newest


def read_files(
    paths: Sequence[Path], questionnaire: Questionnaire, progress: Progress | None = None
) -> Newest:
    """Every file's outcome, in order; in worker processes when there are many."""
    workers = min(os.cpu_count() or 1, 8)
    if len(paths) < PARALLEL_FROM or workers < 2:
        return _read_serially(paths, questionnaire, progress)
    return _read_in_workers(paths, questionnaire, workers, progress)


def load_all(
    paths: Sequence[Path],
    questionnaire: Questionnaire,
    progress: Progress | None = None,
    cache: FolderCache | None = None,
) -> list[LoadResult]:
    """Every file's outcome, in the order of `paths`.

    Each `Loaded` that is the newest revision of its respondent and id carries
    its whole response; the others carry only their header fields.
    """
    if cache is None:
        return read_files(paths, questionnaire, progress).outcomes
    known = cache.lookup(paths)
    unknown = [p for i, p in enumerate(paths) if i not in known]
    fresh = iter(read_files(unknown, questionnaire, progress).outcomes)
    newest = Newest()
    for index in range(len(paths)):
        newest.add(known[index] if index in known else next(fresh))
    changed = bool(unknown)
    for _ in range(3):  # a newest revision known only by its header: read it whole
        missing = newest.missing()
        if not missing:
            break
        changed = True
        for index in missing:
            newest.replace(index, read_one(paths[index], questionnaire))
    else:
        return read_files(paths, questionnaire, progress).outcomes
    cache.store(paths, newest.outcomes, changed)
    return newest.outcomes
