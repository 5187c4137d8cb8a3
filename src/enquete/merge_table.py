"""The lines `enquete merge` prints: a table of every file, then a summary. Pure formatting.

One row per file (or per response inside an archive or e-mail), in the
order the merge decided them; under a row, indented, what a person needs:
a warning, both sides of a conflict, and the next step.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from enquete.merge import Outcome, Step
from enquete.text import one_line, text_width

FILE_WIDTH = 44
"""Cells for the file column: long paths lose their start (the name and the reason stay whole)."""
INDENT = "    "


def _tail(text: str, width: int) -> str:
    """The end of a path, where its name is, cut from the left with an ellipsis."""
    flat = one_line(text)
    if text_width(flat) <= width:
        return flat
    return "…" + one_line(flat[::-1], width)[:-1][::-1]


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - text_width(text), 0)


def merge_lines(steps: list[Step], into: Path, *, dry_run: bool, width: int | None = None) -> Iterator[str]:
    """The table and the summary line.

    With `width` (a terminal's columns), a reason that would wrap goes on
    its own indented line instead; without it (a pipe, a file), every row is
    one line, for grep.
    """
    files = [_tail(s.file, FILE_WIDTH) for s in steps]
    who = [one_line(s.respondent or "-", 12) for s in steps]
    widths = (
        max([4, *map(text_width, files)]),
        max([10, *map(text_width, who)]),
        max(len(o.value) for o in Outcome),
    )
    yield f"{_pad('FILE', widths[0])}  {_pad('RESPONDENT', widths[1])}  {_pad('OUTCOME', widths[2])}  REASON"
    for step, file, respondent in zip(steps, files, who, strict=True):
        columns = (_pad(file, widths[0]), _pad(respondent, widths[1]), _pad(step.outcome.value, widths[2]))
        row = "  ".join([*columns, one_line(step.reason, 300)])
        if width is not None and text_width(row) >= width:
            yield "  ".join(columns).rstrip()
            row = f"{INDENT}{one_line(step.reason, 300)}"
        yield row
        if step.warning:
            yield f"{INDENT}warning: {one_line(step.warning, 200)}"
        for line in step.details:
            yield f"{INDENT}{one_line(line, 300)}"
        if step.next_step:
            yield f"{INDENT}next: {one_line(step.next_step, 200)}"
    yield summary(steps, into, dry_run=dry_run)


def summary(steps: list[Step], into: Path, *, dry_run: bool) -> str:
    """`25 files: 12 imported, ... (into responses)`: every file counted, every outcome named."""
    counts = Counter(s.outcome for s in steps)
    shown = ", ".join(f"{counts[o]} {o.value}" for o in Outcome)
    prefix = "dry run, nothing written: " if dry_run else ""
    plural = "s" if len(steps) != 1 else ""
    return f"{prefix}{len(steps)} file{plural}: {shown} (into {into})"
