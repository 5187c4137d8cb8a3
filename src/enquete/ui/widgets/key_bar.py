"""The bottom line: the keys of the focused screen, in the person's language; click one to press it.

Textual's Footer shows a binding's description as written; here the
description is a catalog key, translated when drawn. F1 (help) and F2
(language) come first (trial #27). A key and its word are never cut: each
key is drawn as a key cap (reverse video, readable under NO_COLOR too) and
one space parts the pairs, and when a language's words still do not fit
the width, the bar takes a second line, breaking between pairs.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from enquete.i18n.catalog import translate
from enquete.text import text_width

FIRST = ("help", "language")
LAST = ("quit",)
KEY_STYLE = "bold reverse"


@dataclass(frozen=True)
class KeySpot:
    """Where a key's pair is drawn (line, first and past-last cell), to run it when clicked."""

    line: int
    start: int
    end: int
    key: str


class KeyBar(Static):
    """Shows `key word` pairs for every binding the screen offers now; a click presses the key."""

    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: auto; background: $panel; color: $text; }
    """

    language = "en"

    def __init__(self) -> None:
        super().__init__()
        self.spots: list[KeySpot] = []
        """The pairs as drawn, for clicks."""

    def on_mount(self) -> None:
        self.watch(self.app, "language", self._set_language, init=True)
        self.watch(self.screen, "focused", lambda _: self.refresh_keys())
        # A key can be offered without any change of focus (home's Delete, once the drafts are
        # listed): follow the screen's bindings as Textual's Footer does.
        self.screen.bindings_updated_signal.subscribe(self, lambda _: self.refresh_keys())

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def on_resize(self) -> None:
        self.refresh_keys()

    def _set_language(self, language: str) -> None:
        self.language = language
        self.refresh_keys()

    def offered(self) -> list[tuple[str, Binding]]:
        """The (key, binding) pairs to show: shown, worded by the catalog, enabled; F1, F2 first."""
        offered: list[tuple[str, Binding]] = []
        seen: set[str] = set()
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if not binding.show or not binding.description.startswith("key.") or binding.description in seen:
                continue
            if not active.enabled:
                continue
            seen.add(binding.description)
            offered.append((key, binding))

        def rank(pair: tuple[str, Binding]) -> int:
            binding = pair[1]
            if binding.id in FIRST:
                return FIRST.index(binding.id)
            return 10 if binding.id in LAST else 5

        return sorted(offered, key=rank)

    def refresh_keys(self) -> None:
        """Lay the pairs out in the width there is, on as many lines as they need."""
        width = self.content_region.width or self.app.size.width
        lines: list[list[Content]] = [[]]
        spots: list[KeySpot] = []
        x = 0
        for key, binding in self.offered():
            display = self.app.get_key_display(binding)
            word = translate(binding.description, self.language)
            pair = Content.assemble((display, KEY_STYLE), " ", word)
            size = text_width(display) + 1 + text_width(word)
            start = x + 1 if lines[-1] else 0
            if lines[-1] and start + size > width:
                lines.append([])
                start = 0
            lines[-1].append(pair)
            spots.append(KeySpot(len(lines) - 1, start, start + size, key))
            x = start + size
        self.spots = spots
        self.update(Content("\n").join(Content(" ").join(line) for line in lines))

    def on_click(self, event: events.Click) -> None:
        """Run the key clicked, as if pressed (Textual's Footer does the same)."""
        spot = next((s for s in self.spots if s.line == event.y and s.start <= event.x < s.end), None)
        if spot is not None:
            event.stop()
            self.app.simulate_key(spot.key)
