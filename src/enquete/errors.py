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
    """A response file cannot be read, parsed, or belongs elsewhere."""


class StorageError(EnqueteError):
    """Saving failed (disk full, read-only folder, ...); the answers are kept in memory."""
