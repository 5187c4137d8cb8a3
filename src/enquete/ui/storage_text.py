"""A failure to read or write the responses folder, in the person's language.

The storage layer says what failed in English (for logs and the command
line) and tags it with a kind and its details (`StorageError`). Screens
used to show that English inside a translated sentence: "NON ENREGISTRÉ :
cannot save responses/drafts/x.toml: the disk is full". Here the whole
sentence is translated; only the operating system's own words for an error
enquete does not know (which a Windows in French gives in French) stay as
they are.
"""

from __future__ import annotations

from enquete.errors import StorageError
from enquete.i18n.catalog import messages
from enquete.ui.content import tr


def storage_error_text(error: BaseException, language: str) -> str:
    """The sentence for a `StorageError` (or a bare `OSError` naming a file) in `language`.

    Any other error, or a `StorageError` without a kind, keeps its own message.
    """
    if isinstance(error, StorageError) and error.kind:
        details = dict(error.details)
        details["reason"] = _os_reason(details.pop("errno", ""), details.get("reason", ""), language)
        return tr(f"storage.{error.kind}", language, **details)
    if isinstance(error, OSError) and error.filename is not None:
        from enquete.storage.atomic import os_details  # not at start-up: it brings tempfile and threads

        found = os_details(error)
        reason = _os_reason(found["errno"], found["reason"], language)
        return tr("storage.cannot_read", language, path=str(error.filename), reason=reason)
    return str(error)


def _os_reason(code: str, words: str, language: str) -> str:
    """Our translation of a refusal we name (`ENOSPC`: the disk is full); else the system's words."""
    key = f"storage.os.{code}"
    return tr(key, language) if code and key in messages("en") else words
