"""What a person can get wrong, as one hierarchy.

Every error here carries a message written for the person who caused it; the
CLI and the app turn them into a line of text and an exit code at the edge,
so no traceback ever reaches a user.
"""

from typing import Literal


class EnqueteError(Exception):
    """Base of every error that is the input's fault, not the program's."""


class QuestionnaireError(EnqueteError):
    """The questionnaire file cannot be read or does not fit the schema."""


class ResponseFileError(EnqueteError):
    """A response file cannot be read, parsed, or belongs elsewhere.

    `kind` says which, for a screen to word it in the person's language (the
    message is English, for logs and the command line): `unreadable`,
    `other_questionnaire` or `other_version`, with what the file says in `found`.
    """

    def __init__(self, message: str, kind: str = "unreadable", found: str = "") -> None:
        super().__init__(message)
        self.kind, self.found = kind, found


StorageKind = Literal[
    "",
    "cannot_save",
    "cannot_write_in",
    "cannot_lock",
    "cannot_use",
    "cannot_remove_draft",
    "link_not_folder",
    "not_a_folder",
    "bad_file_name",
    "no_respondent_yet",
    "anonymous",
    "still_has_problems",
    "already_submitted",
    "in_use",
    "busy",
    "busy_unknown",
    "busy_stale",
]
"""What went wrong, for a screen's sentence `storage.<kind>`; "" for a refusal that has its own dialog."""


class StorageError(EnqueteError):
    """Saving failed (disk full, read-only folder, ...); the answers are kept in memory.

    The message is English, for logs and the command line. A screen words it
    in the person's language from `kind` and `details` (the path, the
    operating system's own words in `reason` and its error name, such as
    `ENOSPC`, in `errno`). Regression: "NON ENREGISTRÉ : responses/drafts is
    not a folder" mixed two languages in one line.
    """

    def __init__(self, message: str, kind: StorageKind = "", **details: str) -> None:
        super().__init__(message)
        self.kind: StorageKind = kind
        self.details = details


class SubmitCollision(StorageError):
    """`responses/<KEY>.toml` holds another response (another id): the person decides what to keep.

    `other_revision` and `other_saved` describe the file already there (None
    when it cannot be read as a response at all).
    """

    def __init__(self, key: str, other_revision: int | None, other_saved: str | None) -> None:
        super().__init__(f"{key} already has a submitted response from another response id", key=key)
        self.key = key
        self.other_revision = other_revision
        self.other_saved = other_saved


class ResponseInUse(StorageError):
    """Another enquete window has this response open: two writers would overwrite each other."""
