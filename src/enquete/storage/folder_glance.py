"""The responses folder by names only: what the home screen can list before pydantic is imported.

The home screen paints at once and validates the questionnaire after. A
draft's line needs the draft read and its answers checked, so it waits for
the validated questionnaire; but a folder with no draft (a first start, or
every response sent) needs none of that: its list of actions can be shown,
and chosen from, straight away. Nothing here imports the model.
"""

from __future__ import annotations

import os
from pathlib import Path

DRAFTS = "drafts"


def is_response_name(name: str) -> bool:
    """A name counted in the folder: `*.toml` in any case, not hidden (temporary files are)."""
    return name.lower().endswith(".toml") and not name.startswith(".")


def submitted_files(root: Path) -> list[Path]:
    """The files that count: `*.toml` (any case) directly in the folder, sorted by name."""
    if not root.is_dir():
        return []
    # A link is listed too, so that the reader refuses it by name rather than skip it unseen.
    # Names are sorted as strings (as Paths sort: case-blind on Windows), then made Paths:
    # comparing 10,000 Paths costs three times as much.
    with os.scandir(root) as entries:
        names = [entry.name for entry in entries if is_response_name(entry.name)]
    return [root / name for name in sorted(names, key=os.path.normcase)]


def may_hold_drafts(root: Path) -> bool:
    """False only when `drafts/` surely holds no draft: missing, or a folder with no `*.toml` in it.

    Anything else (a draft, a link, a folder that cannot be read) is left to
    the full listing, which reads and checks each draft.
    """
    folder = root / DRAFTS
    try:
        entries = os.scandir(folder)
    except FileNotFoundError:
        return False
    except OSError:
        return True
    with entries:
        return any(is_response_name(entry.name) for entry in entries)


def glance(root: Path) -> tuple[Path, list[Path]] | None:
    """The folder (absolute) and its submitted files, when no draft needs reading; else None.

    Two directory listings, no file opened: cheap enough to do before the app
    starts, so that its first frame already holds the list of actions. None
    when a draft may be there, or the folder cannot be read: the full listing,
    once the questionnaire is validated, reads the drafts and words any error.
    """
    try:
        if may_hold_drafts(root):
            return None
        return root.resolve(), submitted_files(root)
    except (OSError, RuntimeError):  # RuntimeError: a loop of links
        return None
