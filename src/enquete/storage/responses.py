"""Where responses live in a folder, and reading one file of them.

    responses/AU.toml                       submitted: what results and reports count
    responses/drafts/<id>.toml              in progress, one per response id
    responses/history/AU.<id>.r1.toml       superseded revisions, kept, never counted

Only the `*.toml` files directly in the folder count; the subfolders are out
of the way of every reader. A respondent key becomes part of a file name only
after `safe_key` has accepted it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from enum import StrEnum
from pathlib import Path

from enquete.errors import ResponseFileError, StorageError, SubmitCollision
from enquete.model.answers import Problem
from enquete.model.questionnaire import WINDOWS_RESERVED, Questionnaire
from enquete.model.response import Response, dump_response, now, response_from_data
from enquete.storage.atomic import write_atomically
from enquete.storage.safe_read import read_toml

DRAFTS = "drafts"
HISTORY = "history"
_SAFE_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}", re.ASCII)


def safe_key(key: str) -> str:
    """`key` if it can name a file on every system; `StorageError` otherwise."""
    if not _SAFE_KEY.fullmatch(key) or key.lower() in WINDOWS_RESERVED:
        raise StorageError(f"'{key}' cannot be used as a file name")
    return key


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

    def submitted_path(self, key: str) -> Path:
        return self.root / f"{safe_key(key)}.toml"

    def draft_path(self, response_id: str) -> Path:
        return self.root / DRAFTS / f"{safe_key(response_id)}.toml"

    def history_path(self, key: str, response: Response) -> Path:
        name = f"{safe_key(key)}.{safe_key(response.id)}.r{response.revision}.toml"
        return self.root / HISTORY / name

    def submitted_files(self) -> list[Path]:
        """The files that count: `*.toml` directly in the folder, sorted by name."""
        if not self.root.is_dir():
            return []
        return sorted(p for p in self.root.iterdir() if p.suffix == ".toml" and not p.name.startswith("."))

    def draft_files(self) -> list[Path]:
        folder = self.root / DRAFTS
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.iterdir() if p.suffix == ".toml" and not p.name.startswith("."))

    def save_draft(self, response: Response) -> Path:
        """Write the draft atomically; `StorageError` if the disk refuses."""
        path = self.draft_path(response.id)
        write_atomically(path, dump_response(replace(response, status="draft")))
        return path

    def discard_draft(self, response: Response) -> None:
        path = self.draft_path(response.id)
        try:
            path.unlink(missing_ok=True)
        except OSError as error:
            raise StorageError(f"cannot remove the draft {path}: {error.strerror}") from error

    def submit(
        self, response: Response, questionnaire: Questionnaire, other: OtherResponse | None = None
    ) -> tuple[Path, Response]:
        """Write the submitted file, then drop the draft. The caller has validated the answers.

        A file already at `<KEY>.toml` is never lost: it is copied to history
        first. When it holds another response (another id), `SubmitCollision`
        is raised unless `other` says what the person chose; when it holds an
        equal or later revision of this one, this one becomes the next revision.
        """
        key = response.key(questionnaire)
        if key is None:
            raise StorageError("the respondent is not identified yet")
        path = self.submitted_path(key)
        existing, readable = self._existing(path, questionnaire)
        if existing is not None or not readable:
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
            self._keep_in_history(path, key, existing)
        submitted = replace(response, status="submitted", saved=now(), current_question=None, set_aside={})
        write_atomically(path, dump_response(submitted))
        self.discard_draft(response)
        return path, submitted

    def _existing(self, path: Path, questionnaire: Questionnaire) -> tuple[Response | None, bool]:
        """The response already at `path` (None if there is no file); False when it is unreadable."""
        if not path.exists():
            return None, True
        try:
            return load_response(path, questionnaire)[0], True
        except ResponseFileError:
            return None, False

    def _keep_in_history(self, path: Path, key: str, existing: Response | None) -> None:
        """Copy the file about to be replaced into history/, under a name no other file has."""
        try:
            data = path.read_bytes()
        except OSError as error:
            raise StorageError(f"cannot read {path} to keep it in history: {error.strerror}") from error
        if existing is not None:
            target = self.history_path(key, existing)
        else:
            target = self.root / HISTORY / f"{safe_key(key)}.unreadable.toml"
        number = 1
        base = target
        while target.exists():
            if target.read_bytes() == data:
                return
            number += 1
            target = base.with_name(f"{base.stem}.{number}{base.suffix}")
        write_atomically(target, data)

    def drafts(self, questionnaire: Questionnaire) -> list[tuple[Path, Response]]:
        """Readable drafts of this questionnaire, most recently saved first."""
        found = []
        for path in self.draft_files():
            try:
                response, _ = load_response(path, questionnaire)
            except ResponseFileError:
                continue
            if response.status == "draft":
                found.append((path, response))
        return sorted(found, key=lambda item: item[1].saved, reverse=True)
