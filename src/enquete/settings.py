"""What the person chose last time (theme, language), kept between runs.

A small TOML file in the user's config folder (platformdirs: `~/.config/enquete`
on Linux, `%APPDATA%\\enquete` on Windows). Reading never fails the app: a
missing or broken file gives the defaults. Tests point `ENQUETE_CONFIG_DIR`
elsewhere, so they never touch a developer's real settings.
"""

from __future__ import annotations

import contextlib
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from enquete.errors import StorageError
from enquete.storage.atomic import write_atomically

CONFIG_DIR_VARIABLE = "ENQUETE_CONFIG_DIR"


def settings_path() -> Path:
    folder = os.environ.get(CONFIG_DIR_VARIABLE)
    if folder:
        return Path(folder) / "settings.toml"
    from platformdirs import user_config_dir

    return Path(user_config_dir("enquete", appauthor=False)) / "settings.toml"


@dataclass(frozen=True)
class Settings:
    """The remembered choices; None means "not chosen yet"."""

    language: str | None = None
    theme: str | None = None

    @classmethod
    def load(cls) -> Settings:
        try:
            data = tomllib.loads(settings_path().read_text("utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return cls()
        language, theme = data.get("language"), data.get("theme")
        return cls(
            language=language if isinstance(language, str) else None,
            theme=theme if isinstance(theme, str) else None,
        )

    def save(self) -> None:
        """Write the file; a folder that refuses is not worth bothering the person about."""
        data = {k: v for k, v in (("language", self.language), ("theme", self.theme)) if v}
        with contextlib.suppress(StorageError):
            write_atomically(settings_path(), tomli_w.dumps(data).encode("utf-8"))
