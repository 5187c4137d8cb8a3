"""The bottom line: the keys of the focused screen, in the person's language.

Textual's Footer shows a binding's description as written; here the
description is a catalog key, translated when drawn. F1 (help) and F2
(language) come first, so a narrow terminal or a long language cuts the
others, never the two keys a newcomer needs (trial #27).
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
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
        # A field can change what a key does without the focus moving (Enter once a code is chosen).
        self.screen.bindings_updated_signal.subscribe(self, lambda _: self.refresh_keys())

    def _set_language(self, language: str) -> None:
        self.language = language
        self.refresh_keys()

    def refresh_keys(self) -> None:
        parts = []
        for keys, description in key_groups(self.screen):
            parts.append(Content.assemble((keys, "bold"), " ", translate(description, self.language)))
        self.update(Content("  ").join(parts))


def _shown(screen: Screen[object], action: str) -> bool:
    """A screen may hide an enabled key for now (`key_shown`): Enter is taken, but only sometimes goes on."""
    key_shown = getattr(screen, "key_shown", None)
    return bool(key_shown(action)) if callable(key_shown) else True


def key_groups(screen: Screen[object], *, for_help: bool = False) -> list[tuple[str, str]]:
    """`(keys, description)` for the bindings `screen` offers now, one entry per description.

    Bindings that do the same thing share one entry, their keys joined: Ctrl+N
    and, in a one-line field, Enter read `^n/⏎ Next`. One key per action (the
    first: `^n`, not `^n/alt+→`). F1 and F2 come first, Quit last. `for_help`
    lists the keys the bar leaves out too, and those disabled for now.
    """
    groups: dict[str, list[Binding]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.description.startswith("key."):
            continue
        if not for_help and not (binding.show and active.enabled and _shown(screen, binding.action)):
            continue
        group = groups.setdefault(binding.description, [])
        if all(other.action != binding.action for other in group):
            group.append(binding)

    def rank(bindings: list[Binding]) -> int:
        ids = [binding.id for binding in bindings]
        first = [FIRST.index(i) for i in ids if i in FIRST]
        if first:
            return first[0]
        return 10 if any(i in LAST for i in ids) else 5

    app = screen.app
    return [
        ("/".join(app.get_key_display(binding) for binding in bindings), bindings[0].description)
        for bindings in sorted(groups.values(), key=rank)
    ]
