"""The bottom line: the keys of the focused screen, in the person's language.

Textual's Footer shows a binding's description as written; here the
description is a catalog key, translated when drawn. F1 (help) and F2
(language) come first, so a narrow terminal or a long language cuts the
others, never the two keys a newcomer needs (trial #27).
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from enquete.i18n.catalog import translate

FIRST = ("help", "language")
LAST = ("quit",)


class KeyBar(Static):
    """Shows `key description` pairs for every binding the screen offers now."""

    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: 1; background: $panel; color: $text; padding: 0 1; }
    """

    language = "en"

    def on_mount(self) -> None:
        self.watch(self.app, "language", self._set_language, init=True)
        self.watch(self.screen, "focused", lambda _: self.refresh_keys())

    def _set_language(self, language: str) -> None:
        self.language = language
        self.refresh_keys()

    def refresh_keys(self) -> None:
        bindings: list[Binding] = []
        seen: set[str] = set()
        for _key, active in self.screen.active_bindings.items():
            binding = active.binding
            if not binding.show or not binding.description.startswith("key.") or binding.description in seen:
                continue
            if not active.enabled:
                continue
            seen.add(binding.description)
            bindings.append(binding)

        def rank(binding: Binding) -> int:
            if binding.id in FIRST:
                return FIRST.index(binding.id)
            return 10 if binding.id in LAST else 5

        parts = []
        for binding in sorted(bindings, key=rank):
            display = self.app.get_key_display(binding)
            parts.append(
                Content.assemble((display, "bold"), " ", translate(binding.description, self.language))
            )
        self.update(Content("  ").join(parts))
