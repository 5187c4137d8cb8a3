"""Where responses live in a folder, and reading one file of them.

    responses/AU.toml                                  submitted: what results and reports count
    responses/drafts/<id>.toml                         in progress, one per response id
    responses/history/AU.<id>.r1.<hash>.toml           replaced files, kept, never counted
    responses/.enquete.lock                            taken by every writer (storage/lock.py)

Only the `*.toml` files directly in the folder count (`.TOML` too); the
subfolders are out of the way of every reader, and are never followed when
they are symbolic links. A respondent key becomes part of a file name only
after `safe_key` has accepted it; a response id always can (`id_stem`).

Every method that writes takes the folder's lock, so merges, the app's
submits and its autosaves never interleave a read-decide-write.
"""

from __future__ import annotations

import hashlib
import heapq
import os
import re
import stat
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import replace
from enum import StrEnum
from pathlib import Path

from enquete.errors import ResponseFileError, StorageError, SubmitCollision
from enquete.model.answers import Problem
from enquete.model.questionnaire import WINDOWS_RESERVED, Questionnaire
from enquete.model.response import Response, dump_response, now, response_from_data
from enquete.storage.atomic import os_details, write_files
from enquete.storage.fast_toml import read_toml_fast
from enquete.storage.folder_glance import DRAFTS as DRAFTS
from enquete.storage.folder_glance import is_response_name as is_response_name
from enquete.storage.folder_glance import submitted_files
from enquete.storage.safe_read import parse_toml, read_bytes, read_toml

HISTORY = "history"
MAX_DRAFTS_LISTED = 200
"""The home screen lists the most recent drafts; reading 100,000 of them would never end."""
MAX_DRAFTS_SCANNED = 200_000
"""Past this many entries drafts/ is not read further (a second or so of directory reading)."""
_SAFE_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}", re.ASCII)


def safe_key(key: str) -> str:
    """`key` if it can name a file on every system; `StorageError` otherwise."""
    if not _SAFE_KEY.fullmatch(key) or key.lower() in WINDOWS_RESERVED:
        raise StorageError(f"'{key}' cannot be used as a file name", "bad_file_name", key=key)
    return key


def id_stem(response_id: str) -> str:
    """A file-name stem for any valid response id, distinct for distinct ids.

    A plain id (letters, digits, `_` and `-`, up to 64 characters: any UUID)
    is its own stem, so existing drafts keep their names. Any other valid id
    (with `.` or `:`, longer, or a Windows device name) becomes its safe
    characters cut to 40, plus 12 hex digits of its SHA-256.
    """
    if _SAFE_KEY.fullmatch(response_id) and response_id.lower() not in WINDOWS_RESERVED:
        return response_id
    digest = hashlib.sha256(response_id.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    cleaned = re.sub(r"[^A-Za-z0-9_-]", "_", response_id)[:40].lstrip("_-")
    return f"{cleaned or 'id'}-{digest}"


def load_response(path: Path, questionnaire: Questionnaire) -> tuple[Response, list[Problem]]:
    """Read a response file; every problem, completeness included for a submitted one.

    Raises `ResponseFileError` when the file cannot be read as a response to
    `questionnaire` at all (unreadable, broken TOML, another survey or version).
    """
    return response_from_data(questionnaire, read_toml(path))


def load_valid_response(path: Path, questionnaire: Questionnaire) -> Response:
    """A response with no problem at all; `ResponseFileError` naming the first ones otherwise."""
    response, problems = load_response(path, questionnaire)
    if problems:
        shown = "; ".join(str(p) for p in problems[:3])
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise ResponseFileError(shown + more)
    return response


def questionnaire_of(path: Path) -> str | None:
    """The questionnaire id a response file's `[response]` table names; None when it cannot tell.

    The home screen asks this of every file in the folder (a Secretariat's
    holds hundreds): rtoml first, 20 times faster than tomllib.
    """
    try:
        header = read_toml_fast(path).get("response")
    except ResponseFileError:
        return None
    found = header.get("questionnaire") if isinstance(header, dict) else None
    return found if isinstance(found, str) else None


class OtherResponse(StrEnum):
    """What to do when the office's submitted file holds another response (another id)."""

    CONTINUE_IT = "continue"
    """This response becomes the next revision of the one already there (its id is taken)."""
    KEEP_BOTH = "keep_both"
    """This response replaces it under its own id; the other one stays in history."""


class ResponseFolder:
    """The `responses/` folder: the one place that knows its layout."""

    def __init__(self, root: Path) -> None:
        self.root = root

    # --- names ----------------------------------------------------------------

    def submitted_path(self, key: str) -> Path:
        return self.root / f"{safe_key(key)}.toml"

    def draft_path(self, response_id: str) -> Path:
        return self.root / DRAFTS / f"{id_stem(response_id)}.toml"

    def history_path(self, key: str, data: bytes, response: Response | None) -> Path:
        """A name no other file can have: key, id, revision and a hash of the bytes.

        The same bytes get the same name, so keeping a file twice is harmless;
        different bytes never share one, so history is never overwritten.
        """
        digest = hashlib.sha256(data).hexdigest()[:12]
        if response is None:
            name = f"{safe_key(key)}.unreadable.{digest}.toml"
        else:
            name = f"{safe_key(key)}.{id_stem(response.id)}.r{response.revision}.{digest}.toml"
        return self.root / HISTORY / name

    def _subfolder(self, name: str) -> Path:
        """`drafts/` or `history/`, refused when it is a link (written files would land elsewhere)."""
        folder = self.root / name
        try:
            info = os.lstat(folder)
        except FileNotFoundError:
            return folder
        except OSError as error:
            raise StorageError(
                f"cannot use {folder}: {error.strerror}",
                "cannot_use",
                folder=str(folder),
                **os_details(error),
            ) from error
        if stat.S_ISLNK(info.st_mode):
            raise StorageError(
                f"{folder} is a symbolic link; enquete does not follow it (make it a folder)",
                "link_not_folder",
                folder=str(folder),
            )
        if not stat.S_ISDIR(info.st_mode):
            raise StorageError(f"{folder} is not a folder", "not_a_folder", folder=str(folder))
        return folder

    # --- reading --------------------------------------------------------------

    def submitted_files(self) -> list[Path]:
        """The files that count: `*.toml` (any case) directly in the folder, sorted by name."""
        return submitted_files(self.root)

    def submitted_files_of(self, questionnaire_id: str) -> tuple[list[Path], int]:
        """The submitted files that may answer `questionnaire_id`, and how many answer another one.

        Bug: another survey's file in the same folder was counted as ready to send and
        offered for editing, which then failed. A file that cannot be read is kept: opening
        it says what is wrong with it.
        """
        mine, others = [], 0
        for path in self.submitted_files():
            if questionnaire_of(path) in (None, questionnaire_id):
                mine.append(path)
            else:
                others += 1
        return mine, others

    def draft_files(self, limit: int = MAX_DRAFTS_LISTED) -> list[Path]:
        """The `limit` most recently saved draft files, newest first; never follows a link."""
        try:
            folder = self._subfolder(DRAFTS)
        except StorageError:
            return []
        return [path for _mtime, path in heapq.nlargest(limit, self._draft_entries(folder))]

    def draft_file_count(self) -> int:
        """How many draft files there are (counting stops at `MAX_DRAFTS_SCANNED`).

        For a screen to say "showing the 200 most recent of 100,000 drafts".
        """
        try:
            folder = self._subfolder(DRAFTS)
        except StorageError:
            return 0
        return sum(1 for _ in self._draft_entries(folder))

    def _draft_entries(self, folder: Path) -> Iterator[tuple[float, Path]]:
        try:
            entries = os.scandir(folder)
        except OSError:
            return
        with entries:
            for count, entry in enumerate(entries):
                if count >= MAX_DRAFTS_SCANNED:
                    return
                if not is_response_name(entry.name):
                    continue
                try:
                    if entry.is_file(follow_symlinks=False):
                        yield entry.stat(follow_symlinks=False).st_mtime, Path(entry.path)
                except OSError:
                    continue

    def drafts(self, questionnaire: Questionnaire) -> list[tuple[Path, Response]]:
        """Readable drafts of this questionnaire (the most recent ones), most recently saved first."""
        found = []
        for path in self.draft_files():
            try:
                response, _ = load_response(path, questionnaire)
            except ResponseFileError:
                continue
            if response.status == "draft":
                found.append((path, response))
        return sorted(found, key=lambda item: item[1].saved, reverse=True)

    def current_bytes(self, key: str) -> bytes | None:
        """The bytes of KEY's submitted file, or None when there is none (or it cannot be read)."""
        try:
            return read_bytes(self.submitted_path(key))
        except ResponseFileError:
            return None

    # --- writing (each under the folder's lock) -------------------------------

    def lock(self) -> AbstractContextManager[None]:
        """The folder's writer lock; re-entrant, so a merge holds it around many writes."""
        from enquete.storage.lock import folder_lock  # filelock: not for a report, which only reads

        return folder_lock(self.root)

    def replacement_writes(
        self, key: str, new: bytes, questionnaire: Questionnaire
    ) -> list[tuple[Path, bytes]]:
        """The writes that put `new` in place of KEY's file: first a history copy of the old one."""
        writes: list[tuple[Path, bytes]] = []
        old = self.current_bytes(key)
        if old is not None and old != new:
            writes.append(self.history_write(key, old, questionnaire))
        writes.append((self.submitted_path(key), new))
        return writes

    def history_write(
        self, key: str, data: bytes, questionnaire: Questionnaire, response: Response | None = None
    ) -> tuple[Path, bytes]:
        """The write that keeps `data` (a file of KEY's) in history under a name of its own.

        `response` is `data` already read, when the caller has it (a merge
        reads every file once); otherwise `data` is read here for the name.
        """
        self._subfolder(HISTORY)
        if response is None:
            try:
                response = response_from_data(questionnaire, parse_toml(data))[0]
            except ResponseFileError:
                response = None
        return self.history_path(key, data, response), data

    def write(self, writes: list[tuple[Path, bytes]]) -> None:
        """Write a batch atomically, file by file, in order, under the lock."""
        with self.lock():
            write_files(writes)

    def save_draft(self, response: Response) -> Path:
        """Write the draft atomically; `StorageError` if the disk refuses."""
        self._subfolder(DRAFTS)
        path = self.draft_path(response.id)
        self.write([(path, dump_response(replace(response, status="draft")))])
        return path

    def discard_draft(self, response: Response, files: Iterable[Path] = ()) -> None:
        """Remove the response's draft, and `files` of the drafts folder holding the same response.

        Bug: a draft saved under another name (`drafts/GB.toml`, copied in by hand)
        could not be discarded from the home screen: only `drafts/<id>.toml` was removed,
        and the draft came back at once.
        """
        drafts = self._subfolder(DRAFTS)
        paths = [self.draft_path(response.id), *(f for f in files if f.parent.resolve() == drafts.resolve())]
        with self.lock():
            for path in paths:
                try:
                    path.unlink(missing_ok=True)
                except OSError as error:
                    raise StorageError(
                        f"cannot remove the draft {path}: {error.strerror}",
                        "cannot_remove_draft",
                        path=str(path),
                        **os_details(error),
                    ) from error

    def submit(
        self, response: Response, questionnaire: Questionnaire, other: OtherResponse | None = None
    ) -> tuple[Path, Response]:
        """Write the submitted file (the one it replaces kept in history), then drop the draft.

        The caller has validated the answers. Under the lock, so a merge
        running at the same time sees either the old file or this one. When
        `<KEY>.toml` holds another response (another id, or a file that is no
        readable response), `SubmitCollision` is raised unless `other` says
        what the person chose; when it holds an equal or later revision of
        this one, this one becomes the next revision (never a second "revision 1").
        """
        key = response.key(questionnaire)
        if key is None:
            raise StorageError("the respondent is not identified yet", "no_respondent_yet")
        with self.lock():
            path = self.submitted_path(key)
            old = self.current_bytes(key)
            if old is not None:
                try:
                    existing: Response | None = response_from_data(questionnaire, parse_toml(old))[0]
                except ResponseFileError:
                    existing = None
                if existing is None or existing.id != response.id:
                    if other is None:
                        raise SubmitCollision(
                            key,
                            existing.revision if existing else None,
                            existing.saved.isoformat() if existing else None,
                        )
                    if other is OtherResponse.CONTINUE_IT and existing is not None:
                        response = replace(response, id=existing.id, revision=existing.revision + 1)
                elif existing.revision >= response.revision:
                    response = replace(response, revision=existing.revision + 1)
            submitted = replace(
                response, status="submitted", saved=now(), current_question=None, set_aside={}
            )
            write_files(self.replacement_writes(key, dump_response(submitted), questionnaire))
            self.discard_draft(response)
        return path, submitted
