"""A text area that never lets a control sequence in its text reach the terminal.

A comment e-mailed from elsewhere may hold ESC sequences (an OSC 52 clipboard
write, a screen clear), C1 controls or bidi overrides. Textual's TextArea
draws the document as it is, so opening such a response for editing would
send them to the terminal. Here every drawn line is stripped of them; they
take no cell on screen, so the cursor and wrapping stay right, and the
document (and so the file) keeps the text verbatim.
"""

from __future__ import annotations

import re
from typing import Any

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import TextArea

_INVISIBLE_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class SafeTextArea(TextArea):
    """Soft-wrapped, Tab moves on, the cursor starts at the end of the text, controls never drawn."""

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("tab_behavior", "focus")
        kwargs.setdefault("show_line_numbers", False)
        super().__init__(text, **kwargs)

    def on_mount(self) -> None:
        # Resuming puts the cursor after what was typed, not before it (office trial #20).
        self.move_cursor(self.document.end)

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        if not any(_INVISIBLE_CONTROLS.search(segment.text) for segment in segments):
            return strip
        cleaned = [
            Segment(_INVISIBLE_CONTROLS.sub("", segment.text), segment.style, segment.control)
            for segment in segments
        ]
        return Strip(cleaned, strip.cell_length)
