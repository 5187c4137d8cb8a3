"""Making text typed by people safe to show in a terminal.

Comments come from files other people wrote. Textual strips only a handful of
control characters, so an ESC sequence in a comment (an OSC 52 clipboard
write, a screen clear) or a bidi override would reach the terminal as-is.
Everything that displays user text goes through `printable` first; the file
itself keeps the text verbatim. Lines are measured and cut in terminal cells
(a Chinese character takes two), here too, with no Textual or Rich import.
"""

import re
import unicodedata

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


def cell_width(char: str) -> int:
    """Terminal cells a character takes: 2 for wide (CJK) ones, 0 for combining marks."""
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def text_width(text: str) -> int:
    """Terminal cells a one-line text takes; ASCII, the usual case (a merge's 10,000 rows), is its length."""
    if text.isascii():
        return len(text)
    return sum(cell_width(c) for c in text)


def wrap_cells(line: str, width: int) -> list[str]:
    """`line` cut into pieces of at most `width` terminal cells, at spaces where possible.

    A piece breaks at its last space (not a leading one), the space dropped; a
    piece too wide with no space to break at (a long URL, a run of CJK) is cut
    at the last character that fits; nothing but the spaces broken at is lost.
    One pass over the line: each character's width is looked at once.
    """
    width = max(width, 4)
    if line.isascii():
        return _wrap_ascii(line, width)
    pieces: list[str] = []
    start, used, space = 0, 0, -1
    for index, char in enumerate(line):
        cells = cell_width(char)
        if used + cells > width:
            if space > start:  # break at the last space, which is dropped
                pieces.append(line[start:space])
                start, space = space + 1, -1
                used = text_width(line[start:index])
            if used + cells > width:  # still too wide (or no space): cut before this character
                pieces.append(line[start:index])
                start, used, space = index, 0, -1
        used += cells
        if char == " ":
            space = index
    pieces.append(line[start:])
    return pieces


def _wrap_ascii(line: str, width: int) -> list[str]:
    """`wrap_cells` for a line of one cell per character, the usual case: string searches only."""
    pieces: list[str] = []
    start = 0
    while len(line) - start > width:
        end = start + width  # the first character that does not fit
        space = line.rfind(" ", start + 1, end)
        if space == -1:
            pieces.append(line[start:end])
            start = end
        else:
            pieces.append(line[start:space])
            start = space + 1
    pieces.append(line[start:])
    return pieces


_PATH_PART = re.compile(r"[^/\\]*[/\\]+|[^/\\]+")
"""A folder name with the separators after it, or the file name at the end (`/` or Windows' `\\`)."""


def path_lines(path: str, width: int) -> list[str]:
    """`path` on lines of at most `width` cells, broken after separators so no name is cut.

    A terminal wraps a long path wherever the line ends ("...OneDrive -" /
    "Institut..."), so a person cannot read the folder or copy the file name.
    Here each line ends with a separator, and the file name is whole on the
    last line; only a name wider than the whole line is cut (at its spaces
    where it has some, as `wrap_cells` does).
    """
    lines = [""]
    for part in _PATH_PART.findall(shown_on_one_line(path)):
        if text_width(lines[-1] + part) <= width:
            lines[-1] += part
        elif text_width(part) <= width:
            lines.append(part)
        else:
            lines.extend(wrap_cells(part, width))
    return [line for line in lines if line] or [""]


_FOLDED = re.compile(r"[^\S\u00a0\u2007\u202f]+")
"""White space a line folds into one space; no-break spaces are kept ("Autre\u00a0: ...", "12,5\u00a0%").

Regression: `str.split()` also folded them, so French headings read "Autre : veuillez préciser"
with a space that can break before the colon."""


def one_line(text: str, limit: int | None = None) -> str:
    """Printable text folded onto one line, cut with an ellipsis past `limit` terminal cells.

    Cells, not characters: 66 Chinese characters fill 132 columns.
    """
    flat = " ".join(part for part in _FOLDED.split(printable(text)) if part)
    if limit is None or text_width(flat) <= limit:
        return flat
    width = 0
    for index, char in enumerate(flat):
        width += cell_width(char)
        if width > limit - 1:  # one cell is kept for the ellipsis
            return flat[:index] + "…"
    return flat


def without_surrogates(text: str) -> str:
    """Replace lone surrogates (from a bad paste) so the text can be encoded as UTF-8."""
    return re.sub("[\ud800-\udfff]", REPLACEMENT, text)


# Characters JSON leaves raw (it escapes only C0) that a terminal would obey or that
# reorder what is shown: DEL, C1 controls, bidi embeddings, overrides and isolates,
# line/paragraph separators, and lone surrogates.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def json_for_terminal(text: str) -> str:
    """JSON text with every character a terminal could obey written as a `\\uXXXX` escape.

    Such characters only occur inside JSON strings, so the escaped text is
    valid JSON with exactly the same values: a script reading it loses
    nothing, and a person reading it on screen sees no effect.
    """
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# Where str.splitlines breaks a line: LF, CR (and CRLF), VT, FF, FS, GS, RS, NEL, LS, PS.
_LINE_BREAK = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# A run of line breaks with the spaces and tabs around them: the place one space takes.
_LINE_BREAK_RUN = re.compile(f"[ \\t]*(?:[{_LINE_BREAK}][ \\t]*)+")
_SHOWN_ON_ONE_LINE = {
    **{ord(c): REPLACEMENT for c in map(chr, [*range(0x20), *range(0x7F, 0xA0)])},
    **{ord(c): REPLACEMENT for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"},
    **{code: REPLACEMENT for code in range(0xD800, 0xE000)},
    **{ord(c): "\u23ce" for c in _LINE_BREAK},
    ord("\t"): " ",
}
LINE_BREAK_MARK = "\u23ce"
"""⏎: how a line break kept in a one-line answer (from a hand-edited file) is shown."""


def join_lines(text: str) -> tuple[str, int]:
    """`text` put on one line without losing a word, and how many line breaks that took.

    Each run of line breaks, with the spaces and tabs around it, becomes one
    space; runs at the start and the end are dropped (a copied line often ends
    with one, and dropping it loses nothing). Used when several lines are pasted
    into a one-line answer: the person is told when the count is not zero.

    Returns:
        The joined text, and the number of runs inside it that became a space.
    """
    if not _LINE_BREAK_RUN.search(text):
        return text, 0
    pieces = [piece for piece in _LINE_BREAK_RUN.split(text) if piece]
    return " ".join(pieces), max(len(pieces) - 1, 0)


def shown_on_one_line(text: str) -> str:
    """What a one-line box draws for `text`: the same number of characters, all inert.

    A line break (kept from a hand-edited file) is drawn as ⏎, a tab as a space,
    any other control character, bidi override or lone surrogate as U+FFFD. One
    character for one: a cursor index in the text is the same index in what is
    drawn, so the cursor stays on the character it is on. The text itself, and
    so the file, keeps every character as it is.
    """
    return text.translate(_SHOWN_ON_ONE_LINE)


def fold(text: str) -> str:
    """Case- and accent-insensitive form for matching what people type ("Côte" matches "cote")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
