"""Writing a questionnaire as TOML a person can read and edit.

tomli-w would write every `text.en` as a separate `[questions.text]`
table; survey authors edit `text.en = "..."` lines, as in the shipped
questionnaire, so the layout is written here and only single values go
through tomli-w, which does the escaping.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import tomli_w


def value(item: Any) -> str:
    """One TOML value (string, number, boolean, array), escaped by tomli-w; arrays on one line."""
    if isinstance(item, list):
        return "[" + ", ".join(value(element) for element in item) + "]"
    return tomli_w.dumps({"v": item}).split("=", 1)[1].strip()


def _key_lines(table: dict[str, Any]) -> Iterator[str]:
    for key, item in table.items():
        if isinstance(item, dict):
            for sub_key, sub_item in item.items():
                yield f"{key}.{sub_key} = {value(sub_item)}"
        else:
            yield f"{key} = {value(item)}"


def questionnaire_toml(data: dict[str, Any], comments: list[str]) -> str:
    """`[questionnaire]`, then `[[lists.NAME]]` entries, then `[[questions]]`, with `comments` first."""
    lines = [f"# {line}" for line in comments]
    if lines:
        lines.append("")
    lines.append("[questionnaire]")
    lines.extend(_key_lines(data["questionnaire"]))
    for name, options in data.get("lists", {}).items():
        for option in options:
            lines.append("")
            lines.append(f"[[lists.{name}]]")
            lines.extend(_key_lines(option))
    for question in data["questions"]:
        lines.append("")
        lines.append("[[questions]]")
        lines.extend(_key_lines(question))
    return "\n".join(lines) + "\n"
