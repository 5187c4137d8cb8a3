"""The bottom line: the keys of the focused screen, in the person's language.

Textual's Footer shows a binding's description as written; here the
description is a catalog key, translated when drawn.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from enquete.i18n.catalog import translate


class KeyBar(Static):
    """Shows `key description` pairs for every binding the screen offers now."""

    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: 1; background: $panel; color: $text; padding: 0 1; }
    """

    def on_mount(self) -> None:
        self.watch(self.app, "language", lambda _: self.refresh_keys(), init=False)
        self.watch(self.screen, "focused", lambda _: self.refresh_keys())
        self.refresh_keys()

    def refresh_keys(self) -> None:
        language = getattr(self.app, "language", "en")
        parts = []
        seen: set[str] = set()
        for _key, active in self.screen.active_bindings.items():
            binding = active.binding
            if not binding.show or not binding.description.startswith("key.") or binding.description in seen:
                continue
            seen.add(binding.description)
            display = self.app.get_key_display(binding)
            parts.append(Content.assemble((display, "bold"), " ", translate(binding.description, language)))
        self.update(Content("  ").join(parts))
