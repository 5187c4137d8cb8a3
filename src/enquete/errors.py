"""What a person can get wrong, as one hierarchy.

Every error here carries a message written for the person who caused it; the
CLI and the app turn them into a line of text and an exit code at the edge,
so no traceback ever reaches a user.
"""


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


class StorageError(EnqueteError):
    """Saving failed (disk full, read-only folder, ...); the answers are kept in memory."""


class SubmitCollision(StorageError):
    """`responses/<KEY>.toml` holds another response (another id): the person decides what to keep.

    `other_revision` and `other_saved` describe the file already there (None
    when it cannot be read as a response at all).
    """

    def __init__(self, key: str, other_revision: int | None, other_saved: str | None) -> None:
        super().__init__(f"{key} already has a submitted response from another response id")
        self.key = key
        self.other_revision = other_revision
        self.other_saved = other_saved


class ResponseInUse(StorageError):
    """Another enquete window has this response open: two writers would overwrite each other."""
