"""XLSForm names and language labels made into enquete ids and language codes.

XLSForm allows `Office_Name` or `q1.2`; enquete ids are lowercase letters,
digits, `_` and `-` (they become TOML keys, CSV headers and file names).
Every rename is recorded so expressions can follow it and the person is told.
"""

from __future__ import annotations

import re

_LANGUAGE_CODE = re.compile(r"\(([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)\)\s*$")
_KNOWN_LANGUAGES = {
    "english": "en",
    "french": "fr",
    "français": "fr",
    "francais": "fr",
    "spanish": "es",
    "español": "es",
    "espanol": "es",
    "chinese": "zh",
    "中文": "zh",
    "russian": "ru",
    "русский": "ru",
    "arabic": "ar",
    "العربية": "ar",
    "portuguese": "pt",
    "português": "pt",
    "german": "de",
    "deutsch": "de",
    "default": "en",
}


def language_code(label: str) -> str | None:
    """`English (en)` -> `en`; `Français` -> `fr`; None when no code can be told."""
    found = _LANGUAGE_CODE.search(label)
    if found:
        return found.group(1)
    return _KNOWN_LANGUAGES.get(label.strip().casefold())


class Ids:
    """Gives each XLSForm name an enquete id, unique, and remembers the renames."""

    def __init__(self) -> None:
        self.by_name: dict[str, str] = {}
        self.renamed: list[tuple[str, str]] = []
        self._taken: set[str] = set()

    def id_for(self, name: str) -> str:
        """The id standing for `name` (the same each time it is asked)."""
        if name in self.by_name:
            return self.by_name[name]
        wanted = re.sub(r"[^a-z0-9_-]", "_", name.strip().lower())[:60] or "q"
        if not re.match(r"[a-z0-9]", wanted):
            wanted = "q" + wanted
        candidate, n = wanted, 2
        while candidate in self._taken:
            candidate, n = f"{wanted[:56]}_{n}", n + 1
        self._taken.add(candidate)
        self.by_name[name] = candidate
        if candidate != name:
            self.renamed.append((name, candidate))
        return candidate

    def rewrite(self, expression: str) -> str:
        """The expression with each `${name}` turned into `${id}`; unknown names left for check."""

        def swap(match: re.Match[str]) -> str:
            name = match.group(1).strip()
            return "${" + self.by_name.get(name, name) + "}"

        # pyxform writes its own expressions (or_other's follow-up) with relative
        # paths: `../q` is `${q}` in XLSForm's own syntax.
        expression = re.sub(
            r"(?<![\w.$])\.\./([A-Za-z_][\w.-]*)", lambda m: "${" + m.group(1) + "}", expression
        )
        return re.sub(r"\$\{([^}]*)\}", swap, expression)
