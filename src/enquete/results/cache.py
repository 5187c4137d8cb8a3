"""Remembering what each response file held, so a report re-reads only the files that changed.

What it holds, per responses folder (where, and when a cache file is trusted:
results/cache_files.py): for each file name, the file's size, modification
time (ns) and inode, and what reading it gave: the reason it was rejected, or
its header fields (respondent, id, revision, saved), with the answers too for
the newest revision of each response id, checked again against the
questionnaire when used. Any change to a file (size, time, inode) means
reading it again; a new enquete, an edit to its reading code or any change to
the questionnaire voids the whole cache.

It is an optimisation, so any doubt means reading the files again: a cache
file that fails `read_private`, does not parse, or has one entry of an
unexpected shape is ignored whole.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from enquete.model.answers import answer_problems
from enquete.model.questionnaire import Questionnaire
from enquete.model.response import MAX_REVISION, Response, response_to_data
from enquete.results.cache_files import (
    CACHE_FORMAT,
    RACY_NS,
    CacheDoubt,
    StatKey,
    cache_folder,
    code_stamp,
    folder_name,
    read_private,
    stat_key,
    write_private,
)
from enquete.results.loading import Loaded, LoadResult, Rejected


class FolderCache:
    """The remembered outcomes of one responses folder's files, for one questionnaire."""

    def __init__(self, path: Path, stamp: str, questionnaire: Questionnaire) -> None:
        self.path = path
        self.stamp = stamp
        self.questionnaire = questionnaire
        self.started_ns = time.time_ns()
        self.keys: list[StatKey | None] = []
        self.reused = 0
        """Files whose outcome came from the cache in the last lookup."""
        self.remembered = 0
        """Files the cache file held."""

    @classmethod
    def open(cls, folder: Path, questionnaire: Questionnaire) -> FolderCache | None:
        """The cache of `folder`, or None when caching is off."""
        where = cache_folder()
        if where is None:
            return None
        identity = [code_stamp(), questionnaire.model_dump(mode="json")]
        stamp = hashlib.sha256(json.dumps(identity, sort_keys=True).encode()).hexdigest()
        return cls(where / f"{folder_name(folder)}.files.json", stamp, questionnaire)

    def lookup(self, paths: list[Path] | Any) -> dict[int, LoadResult]:
        """Outcomes of the files unchanged since they were remembered, by index in `paths`.

        The files' stat keys are taken here, before any file is read, so a
        file changed while it is being read is never remembered as unchanged.
        """
        self.keys = [stat_key(p) for p in paths]
        try:
            rows, wholes = self._read()
        except CacheDoubt:
            rows, wholes = {}, {}
        known: dict[int, LoadResult] = {}
        try:
            for index, path in enumerate(paths):
                name, key = path.name, self.keys[index]
                row = rows.get(name)
                if row is None or key is None:
                    continue
                prefix = f"{key[0]}|{key[1]}|{key[2]}|"
                if not row.startswith(prefix):
                    continue  # changed since: read it again
                outcome = self._outcome(str(path), row[len(prefix) :], wholes.get(name))
                if outcome is not None:
                    known[index] = outcome
        except (CacheDoubt, TypeError, ValueError, KeyError, IndexError):
            return {}
        self.reused, self.remembered = len(known), len(rows)
        return known

    def store(self, paths: list[Path] | Any, outcomes: list[LoadResult], changed: bool) -> None:
        """Remember `outcomes` (of `paths`, as looked up); a failure to write is not an error.

        `changed`: some file was read (new, changed, or a newest revision known
        only by its header). Nothing is written when nothing changed.
        """
        if not changed and self.reused == len(paths) == self.remembered:
            return
        write_private(self.path, self._parts(paths, outcomes))

    def _parts(self, paths: list[Path] | Any, outcomes: list[LoadResult]) -> Iterator[bytes]:
        """The cache file's JSON, entry by entry: it is never built whole in memory.

        One string per file ("size|mtime|inode|r|reason" or
        "size|mtime|inode|l|respondent|id|revision|saved"): a hundred thousand
        of them parse into a hundred thousand objects, not a million.
        """
        settled = self.started_ns - RACY_NS
        kept = [
            (path.name, key, outcome)
            for path, key, outcome in zip(paths, self.keys, outcomes, strict=True)
            if key is not None and key[1] < settled and _row(outcome) is not None
        ]
        yield json.dumps({"format": CACHE_FORMAT, "stamp": self.stamp})[:-1].encode() + b', "files": {'
        separator = b""
        for name, key, outcome in kept:
            row = f"{key[0]}|{key[1]}|{key[2]}|{_row(outcome)}"
            yield separator + json.dumps(name, ensure_ascii=False).encode() + b":"
            yield json.dumps(row, ensure_ascii=False).encode()
            separator = b","
        yield b'}, "wholes": {'
        separator = b""
        for name, _, outcome in kept:
            if isinstance(outcome, Loaded) and outcome.response is not None:
                encoded = _encoded_whole(name, outcome.response)
                if encoded is not None:
                    yield separator + encoded
                    separator = b","
        yield b"}}"

    def _read(self) -> tuple[dict[str, str], dict[str, Any]]:
        payload = read_private(self.path)
        try:
            document = json.loads(payload)
        except (ValueError, RecursionError) as error:
            raise CacheDoubt("json") from error
        if not isinstance(document, dict) or document.get("format") != CACHE_FORMAT:
            raise CacheDoubt("format")
        if document.get("stamp") != self.stamp:
            return {}, {}
        rows, wholes = document.get("files"), document.get("wholes")
        if not isinstance(rows, dict) or not isinstance(wholes, dict):
            raise CacheDoubt("files")
        if not all(type(row) is str for row in rows.values()):
            raise CacheDoubt("entry")
        return rows, wholes

    def _outcome(self, file: str, row: str, whole: Any) -> LoadResult | None:
        kind, rest = row[:2], row[2:]
        if kind == "r|":
            return Rejected(file, rest)
        fields = rest.split("|")
        if kind != "l|" or len(fields) != 4 or not fields[2].isdigit():
            raise CacheDoubt("row")
        key, response_id, revision_text, saved_text = fields
        revision, saved = int(revision_text), _moment(saved_text)
        if not 1 <= revision <= MAX_REVISION or not key or not response_id:
            raise CacheDoubt("header")
        if whole is None:
            return Loaded(file, sys.intern(key), sys.intern(response_id), revision, saved)
        response = self._response(whole, response_id, revision, saved)
        if response is None or response.key(self.questionnaire) != key:
            return None  # the answers no longer pass: read the file again
        return Loaded(file, sys.intern(key), response.id, revision, saved, response)

    def _response(self, whole: Any, response_id: str, revision: int, saved: datetime) -> Response | None:
        if not isinstance(whole, dict) or set(whole) != {"language", "started", "current", "answers"}:
            raise CacheDoubt("whole")
        language, started, current = whole["language"], whole["started"], whole["current"]
        if not (isinstance(language, str) and isinstance(started, str)):
            raise CacheDoubt("whole fields")
        if not (current is None or current in self.questionnaire.ids):
            raise CacheDoubt("current question")
        answers, problems = answer_problems(self.questionnaire, whole["answers"], complete=True)
        if problems:
            return None
        return Response(
            questionnaire=self.questionnaire.id,
            version=self.questionnaire.version,
            answers=answers,
            id=sys.intern(response_id),
            revision=revision,
            status="submitted",
            language=language,
            started=_moment(started),
            saved=saved,
            current_question=current,
        )


def _moment(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise CacheDoubt("naive time")
    return moment


def _row(outcome: LoadResult) -> str | None:
    """An outcome as one line of text; None when its fields could not be told apart again."""
    if isinstance(outcome, Rejected):
        return f"r|{outcome.reason}"
    if "|" in outcome.key or "|" in outcome.id:
        return None
    return f"l|{outcome.key}|{outcome.id}|{outcome.revision}|{outcome.saved.isoformat()}"


def _encoded_whole(name: str, response: Response) -> bytes | None:
    """`"name": {...}` for the cache file; None when an answer has no JSON form.

    Dates (the `date` type) are written as ISO text, which their type reads
    back as the same date. Any other value JSON cannot hold (a type added
    later) leaves the answers out: the file is then read again next time,
    which is slower but never wrong.
    """
    try:
        return json.dumps({name: _whole(response)}, ensure_ascii=False, default=_iso_date)[1:-1].encode()
    except (TypeError, ValueError):
        return None


def _iso_date(value: object) -> str:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} has no JSON form")


def _whole(response: Response) -> dict[str, Any]:
    """What the newest revision of an id needs besides its header: checked again when used."""
    return {
        "language": response.language,
        "started": response.started.isoformat(),
        "current": response.current_question,
        "answers": response_to_data(response)["answers"],
    }
