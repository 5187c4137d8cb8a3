"""A text area that never lets a control sequence in its text reach the terminal.

A comment e-mailed from elsewhere may hold ESC sequences (an OSC 52 clipboard
write, a screen clear), C1 controls or bidi overrides. Textual's TextArea
draws the document as it is, so opening such a response for editing would
send them to the terminal. Here every drawn line is stripped of them; they
take no cell on screen, so the cursor and wrapping stay right, and the
document (and so the file) keeps the text verbatim.

It also keeps up with a burst of keys (fast typing, a paste without
bracketed paste, a held key): Textual queues a `Changed` per key, and each
would go up to the screen, which checks the answer and schedules a save.
Here a queued `Changed` gives way to the newer one behind it (it carries no
text: whoever handles it reads the area, which already holds every key), so
a burst is handled once, after its last key. The cursor's `SelectionChanged`,
which nothing here listens to, is not posted at all: one message per key
fewer, climbing the whole screen.
"""

from __future__ import annotations

import re
from typing import Any

from rich.segment import Segment
from textual import events
from textual.message import Message
from textual.strip import Strip
from textual.widgets import TextArea

_INVISIBLE_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class SafeTextArea(TextArea):
    """Soft-wrapped, Tab moves on, the cursor starts at the end of the text, controls never drawn."""

    class Changed(TextArea.Changed, namespace="text_area"):
        """The text changed; a newer one queued behind this one stands for both."""

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, TextArea.Changed) and message.text_area is self.text_area

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("tab_behavior", "focus")
        kwargs.setdefault("show_line_numbers", False)
        super().__init__(text, **kwargs)

    def on_mount(self) -> None:
        # Resuming puts the cursor after what was typed, not before it (office trial #20).
        self.move_cursor(self.document.end)

    def on_paste(self, event: events.Paste) -> None:
        """A paste ends here (TextArea lets it bubble): one that reaches a multi-select is one sent
        to an option, and the multi-select puts it in a box; this one is in a box already."""
        event.stop()

    def check_message_enabled(self, message: Message) -> bool:
        """No `SelectionChanged`: nothing listens to the cursor, and a burst of keys posts one a key."""
        if isinstance(message, TextArea.SelectionChanged):
            return False
        return super().check_message_enabled(message)

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        if _INVISIBLE_CONTROLS.search(strip.text) is None:  # one search per line drawn, as a rule
            return strip
        cleaned = [
            Segment(_INVISIBLE_CONTROLS.sub("", segment.text), segment.style, segment.control)
            for segment in strip
        ]
        return Strip(cleaned, strip.cell_length)
