"""Making text typed by people safe to show in a terminal.

Comments come from files other people wrote. Textual strips only a handful of
control characters, so an ESC sequence in a comment (an OSC 52 clipboard
write, a screen clear) or a bidi override would reach the terminal as-is.
Everything that displays user text goes through `printable` first; the file
itself keeps the text verbatim.
"""

import re

# C0 controls except TAB and LF, DEL, C1 controls (8-bit CSI 0x9b among them),
# bidi embeddings/overrides/isolates, and lone surrogates (which cannot be encoded).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# A whole escape sequence, so that its parameters ("]52;c;...") do not show as junk.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|.)?"
    r"|\x9b[0-?]*[ -/]*[@-~]|\x9d[^\x07\x9c]*[\x07\x9c]?",
    re.DOTALL,
)
REPLACEMENT = "\ufffd"


def printable(text: str) -> str:
    """Return `text` with escape sequences and unsafe characters replaced by U+FFFD.

    Tabs and newlines are kept; callers that need one line use `one_line`.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPE_SEQUENCE.sub(REPLACEMENT, text)
    return _UNSAFE.sub(REPLACEMENT, text)


def one_line(text: str, limit: int | None = None) -> str:
    """Printable text folded onto one line, cut with an ellipsis past `limit` characters."""
    flat = " ".join(printable(text).split())
    if limit is not None and len(flat) > limit:
        return flat[: max(limit - 1, 0)] + "…"
    return flat


def without_surrogates(text: str) -> str:
    """Replace lone surrogates (from a bad paste) so the text can be encoded as UTF-8."""
    return re.sub("[\ud800-\udfff]", REPLACEMENT, text)
