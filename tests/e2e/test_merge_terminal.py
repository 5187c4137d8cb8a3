"""`enquete merge` on a messy inbox, in a real 80x24 terminal, as the Secretariat runs it."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.test_terminal import Terminal, _require_tmux
from tests.unit.test_inbox import realistic_inbox

pytestmark = pytest.mark.e2e


@pytest.fixture
def messy_terminal(tmp_path: Path) -> Iterator[Terminal]:
    _require_tmux()
    inbox, _into = realistic_inbox(tmp_path)
    shutil.copy(Path(__file__).parents[1] / "fixtures" / "hostile" / "escape-sequences.toml", inbox)
    (inbox / "name \x1b]0;pwned\x07 \x1b[2J.toml").write_bytes(b"x")
    (tmp_path / "invited.csv").write_text("code,name,email\nAU,Australia,a@x\nNO,Norway,n@x\n", "utf-8")
    term = Terminal(tmp_path, "merge", "inbox")
    yield term
    term.close()


def test_merge_in_a_real_terminal_shows_every_file_and_no_escape_acts(messy_terminal: Terminal) -> None:
    """Escape bytes from file names and contents never reach the terminal; the summary counts every file."""
    screen = messy_terminal.wait_for("invited has answered")
    assert "27 files: 13 imported, 1 replaced, 2 duplicate, 1 stale, 1 conflict, 6 rejected, 3 ignored" in (
        " ".join(screen.split())
    )
    assert "1 of 2 invited has answered; missing: NO (Norway)" in " ".join(screen.split())
    title = subprocess.run(
        ["tmux", "display", "-p", "-t", messy_terminal.name, "#{pane_title}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "pwned" not in title, "an OSC title sequence in a file name was not obeyed"
