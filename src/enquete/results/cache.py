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
from datetime import datetime
from pathlib import Path
from typing import Any

from enquete.model.answers import answer_problems
from enquete.model.questionnaire import Questionnaire
from enquete.model.response import Response, response_to_data
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
from enquete.results.loading import Loaded, Outcome, Rejected


class FolderCache:
    """The remembered outcomes of one responses folder's files, for one questionnaire."""

    def __init__(self, path: Path, stamp: str, questionnaire: Questionnaire) -> None:
        self.path = path
        self.stamp = stamp
        self.questionnaire = questionnaire
        self.started_ns = time.time_ns()
        self.keys: list[StatKey | None] = []
        self.entries: dict[str, list[Any]] = {}
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

    def lookup(self, paths: list[Path] | Any) -> dict[int, Outcome]:
        """Outcomes of the files unchanged since they were remembered, by index in `paths`.

        The files' stat keys are taken here, before any file is read, so a
        file changed while it is being read is never remembered as unchanged.
        """
        self.keys = [stat_key(p) for p in paths]
        try:
            self.entries = self._read()
        except CacheDoubt:
            self.entries = {}
        known: dict[int, Outcome] = {}
        try:
            for index, path in enumerate(paths):
                entry = self.entries.get(path.name)
                key = self.keys[index]
                if entry is None or key is None or tuple(entry[:3]) != key:
                    continue
                outcome = self._outcome(str(path), entry)
                if outcome is not None:
                    known[index] = outcome
        except (CacheDoubt, TypeError, ValueError, KeyError, IndexError):
            self.entries = {}
            return {}
        self.reused, self.remembered = len(known), len(self.entries)
        self.entries = {}  # no longer needed: memory grows with respondents, not files
        return known

    def store(self, paths: list[Path] | Any, outcomes: list[Outcome], changed: bool) -> None:
        """Remember `outcomes` (of `paths`, as looked up); a failure to write is not an error.

        `changed`: some file was read (new, changed, or a newest revision known
        only by its header). Nothing is written when nothing changed.
        """
        if not changed and self.reused == len(paths) == self.remembered:
            return
        write_private(self.path, self._parts(paths, outcomes))

    def _parts(self, paths: list[Path] | Any, outcomes: list[Outcome]) -> Iterator[bytes]:
        """The cache file's JSON, entry by entry: it is never built whole in memory."""
        settled = self.started_ns - RACY_NS
        head = {"format": CACHE_FORMAT, "stamp": self.stamp}
        yield json.dumps(head)[:-1].encode() + b', "files": {'
        separator = b""
        for path, key, outcome in zip(paths, self.keys, outcomes, strict=True):
            if key is not None and key[1] < settled:
                row = json.dumps([*key, *_row(outcome)], ensure_ascii=False, separators=(",", ":"))
                yield separator + json.dumps(path.name, ensure_ascii=False).encode() + b":" + row.encode()
                separator = b","
        yield b"}}"

    def _read(self) -> dict[str, list[Any]]:
        payload = read_private(self.path)
        try:
            document = json.loads(payload)
        except (ValueError, RecursionError) as error:
            raise CacheDoubt("json") from error
        if not isinstance(document, dict) or document.get("format") != CACHE_FORMAT:
            raise CacheDoubt("format")
        if document.get("stamp") != self.stamp:
            return {}
        files = document.get("files")
        if not isinstance(files, dict):
            raise CacheDoubt("files")
        for entry in files.values():
            if not (isinstance(entry, list) and len(entry) >= 5 and all(_is_int(v) for v in entry[:3])):
                raise CacheDoubt("entry")
        return files

    def _outcome(self, file: str, entry: list[Any]) -> Outcome | None:
        kind = entry[3]
        if kind == "r" and len(entry) == 5 and isinstance(entry[4], str):
            return Rejected(file, entry[4])
        if kind != "l" or len(entry) != 9:
            raise CacheDoubt("kind")
        _, _, _, _, key, response_id, revision, saved_text, whole = entry
        if not (isinstance(key, str) and isinstance(response_id, str) and isinstance(saved_text, str)):
            raise CacheDoubt("header")
        if not _is_int(revision) or revision < 1:
            raise CacheDoubt("revision")
        saved = _moment(saved_text)
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


def _is_int(value: Any) -> bool:
    return type(value) is int


def _moment(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise CacheDoubt("naive time")
    return moment


def _row(outcome: Outcome) -> list[Any]:
    if isinstance(outcome, Rejected):
        return ["r", outcome.reason]
    whole = None
    if outcome.response is not None:
        response = outcome.response
        whole = {
            "language": response.language,
            "started": response.started.isoformat(),
            "current": response.current_question,
            "answers": response_to_data(response)["answers"],
        }
    return ["l", outcome.key, outcome.id, outcome.revision, outcome.saved.isoformat(), whole]
