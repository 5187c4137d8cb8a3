"""A one-line input that keeps every word of a paste and draws every character inert.

Textual's Input keeps only the first line of a multi-line paste (the rest is
lost without a word) and draws its value as it is, so a control sequence kept
in a hand-edited response file would reach the terminal. Here a pasted text's
line breaks become spaces (and the field is told, to tell the person), and the
value is drawn through `shown_on_one_line`: a line break kept from a file as ⏎,
a control character as U+FFFD, one character for one, so the cursor stays
right. The value itself, and so the file, keeps the text verbatim.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len, get_character_cell_size
from rich.text import Text
from textual import events
from textual.geometry import Region
from textual.message import Message
from textual.widgets import Input

from enquete.text import join_lines, shown_on_one_line, without_surrogates


class OneLineInput(Input):
    """An `Input` for one line: pastes joined onto it, controls drawn inert."""

    class LinesJoined(Message):
        """A paste of several lines was put on one line: `breaks` line breaks became spaces."""

        def __init__(self, line: OneLineInput, breaks: int) -> None:
            super().__init__()
            self.line = line
            self.breaks = breaks

        @property
        def control(self) -> OneLineInput:
            return self.line

    def __init__(self, value: str | None = None, **kwargs: Any) -> None:
        # Input selects its whole text on focus, so the first key typed on a resumed
        # answer replaced it: the cursor goes after the text instead, as in a text area.
        kwargs.setdefault("select_on_focus", False)
        super().__init__(value, **kwargs)

    async def _on_key(self, event: events.Key) -> None:
        """Editing keys (Ctrl+U, Backspace, arrows...) act here, at once, in the order typed.

        Textual runs a widget's own bindings only once the key has bubbled up to the
        app, one message queue after another, while the characters typed after it are
        inserted at once: in a burst, Ctrl+U then "200" cleared the "200" (or, right
        after Ctrl+N, was lost: `C-n C-u 200` onto 300 gave 300200; author trial).
        """
        if not event.is_printable:
            for binding in self._bindings.key_to_bindings.get(event.key, []):
                # As the app would run it (a key it declines, such as Ctrl+C, still goes up to the app).
                if not binding.priority and await self.app.run_action(binding.action, self):
                    event.stop()
                    event.prevent_default()
                    return
        await super()._on_key(event)

    def _on_paste(self, event: events.Paste) -> None:
        """Insert the whole paste, its lines joined with spaces (Input's own keeps the first line)."""
        event.prevent_default()
        event.stop()
        text, breaks = join_lines(without_surrogates(event.text))
        if not text:
            return
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *selection)
        if breaks:
            self.post_message(self.LinesJoined(self, breaks))
        # Input scrolls to the cursor before the longer line is laid out: a long paste left
        # the box showing its start while the cursor sat at its end, off screen.
        self.call_after_refresh(self._show_cursor)

    def _show_cursor(self) -> None:
        self.scroll_to_region(Region(self._cursor_offset, 0, width=1, height=1), force=True, animate=False)

    @property
    def _value(self) -> Text:
        """What is drawn: the value, each character inert (see `shown_on_one_line`)."""
        return Text(shown_on_one_line(self.value), no_wrap=True, overflow="ignore", end="")

    def _position_to_cell(self, position: int) -> int:
        return cell_len(shown_on_one_line(self.value[:position]))

    def _cell_offset_to_index(self, offset: int) -> int:
        """A click's cell offset to a character index, measured on what is drawn."""
        scroll_x, _ = self.scroll_offset
        offset += scroll_x
        cell_offset = 0
        for index, char in enumerate(shown_on_one_line(self.value)):
            width = get_character_cell_size(char)
            if cell_offset <= offset < cell_offset + width:
                return index
            cell_offset += width
        return max(0, min(offset, len(self.value)))
