"""Terminal input where a bracketed paste arrives whole, whatever escape sequences it holds.

Textual 8.2's input parser (`textual._xterm_parser.XTermParser`) keeps a
paste's text only between escape sequences: on an ESC inside a paste it
reads on as if a key sequence had begun, and when that "sequence" is not
recognised it hands its characters back as key presses. A comment copied
from a mail or a terminal that holds an OSC 52 clipboard write
(`ESC ] 52 ; c ; SGVsbG8= BEL`) was therefore not pasted: its characters
became keys, and the BEL became Ctrl+G, which opened the question list.
tmux is not the cause: `paste-buffer -p` delivers the bytes verbatim between
`ESC [200~` and `ESC [201~`.

`PasteSafeParser` takes a paste out of the stream before Textual's parser
sees it: everything between the brackets, however it is split over reads,
becomes one `Paste` event with the text verbatim (NULs dropped, as Textual
does). Everything else goes to Textual's parser unchanged. The editor keeps
the pasted text as given (the file is verbatim) and never draws its control
sequences (`SafeTextArea`).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator

from textual import constants, events
from textual._time import get_time
from textual._xterm_parser import BRACKETED_PASTE_END, BRACKETED_PASTE_START, XTermParser
from textual.message import Message


def _partial_marker(text: str, marker: str) -> int:
    """How many characters at the end of `text` could begin `marker` (a marker split over reads)."""
    for size in range(min(len(marker) - 1, len(text)), 0, -1):
        if text.endswith(marker[:size]):
            return size
    return 0


class PasteSafeParser(XTermParser):
    """Textual's parser, with bracketed pastes kept whole and never read as keys."""

    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._pasting = False
        self._pasted: list[str] = []
        self._held = ""
        """The tail of the last read that may begin a bracket: held until the next read or a tick."""
        self._held_at = 0.0

    def feed(self, data: str) -> Iterable[Message]:
        return list(self._split(data))

    def tick(self) -> Iterable[Message]:
        # A held tail that no bracket completed was keys after all (Escape, Alt+[): it has
        # waited the escape delay here already, so Textual's parser is told not to wait again.
        if self._held and not self._pasting and get_time() - self._held_at >= constants.ESCAPE_DELAY:
            held, self._held = self._held, ""
            yield from super().feed(held)
            if self._timeout_time is not None:
                self._timeout_time = 0.0  # due already: any reading of the clock is past it
        yield from super().tick()

    def _split(self, data: str) -> Iterator[Message]:
        if not data:  # the end of input: what is held is flushed, then Textual's parser ends
            held, self._held = self._held, ""
            if self._pasting:
                yield self._paste(held)
            elif held:
                yield from super().feed(held)
            yield from super().feed("")
            return
        text, self._held = self._held + data, ""
        while text:
            if self._pasting:
                end = text.find(BRACKETED_PASTE_END)
                if end < 0:
                    keep = _partial_marker(text, BRACKETED_PASTE_END)
                    self._pasted.append(text[: len(text) - keep])
                    self._held = text[len(text) - keep :]
                    return
                yield self._paste(text[:end])
                text = text[end + len(BRACKETED_PASTE_END) :]
                continue
            start = text.find(BRACKETED_PASTE_START)
            if start < 0:
                keep = _partial_marker(text, BRACKETED_PASTE_START)
                if len(text) > keep:
                    yield from super().feed(text[: len(text) - keep])
                self._held, self._held_at = text[len(text) - keep :], get_time()
                return
            if start:
                yield from super().feed(text[:start])
            self._pasting = True
            text = text[start + len(BRACKETED_PASTE_START) :]

    def _paste(self, last: str) -> events.Paste:
        text = "".join([*self._pasted, last]).replace("\x00", "")
        self._pasting, self._pasted = False, []
        return events.Paste(text)


def install_paste_safe_parser() -> None:
    """Make Textual's terminal driver for this platform read input with `PasteSafeParser`.

    The drivers build their parser from the name `XTermParser` in their own
    module when input starts; replacing that name is the one hook Textual
    8.2 offers short of copying the driver's input loop.
    """
    if sys.platform == "win32":
        from textual.drivers import win32 as driver_module
    else:
        from textual.drivers import linux_driver as driver_module
    setattr(driver_module, "XTermParser", PasteSafeParser)  # noqa: B010 (a private name, on purpose)
