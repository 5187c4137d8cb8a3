"""The installed `enquete` in a real terminal (tmux), driven with keystrokes like a person would."""

import os
import shutil
import signal
import subprocess
import sys
import time
import tomllib
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ENQUETE = shutil.which("enquete") or str(Path(sys.executable).parent / "enquete")


def _require_tmux() -> None:
    if shutil.which("tmux") is None:
        if os.environ.get("ENQUETE_REQUIRE_TMUX"):
            pytest.fail("tmux is required here (ENQUETE_REQUIRE_TMUX is set) but not installed")
        pytest.skip("tmux is not installed")


class Terminal:
    """One tmux session of 80x24 running enquete in a folder."""

    def __init__(self, folder: Path, *args: str, starts_after: float = 0) -> None:
        """`starts_after`: seconds before enquete starts; keys sent meanwhile are typed ahead, read
        by the terminal in its ordinary mode (Return turned into a newline), as by a person who
        types on at once after the command."""
        self.name = f"enquete-{uuid.uuid4().hex[:8]}"
        env = f"TERM=xterm-256color NO_COLOR=1 ENQUETE_CONFIG_DIR={folder / '.config'}"
        wait = f"sleep {starts_after}; " if starts_after else ""
        subprocess.run(
            [
                "tmux",
                "new-session",
                "-d",
                "-s",
                self.name,
                "-x",
                "80",
                "-y",
                "24",
                "-c",
                str(folder),
                f"{wait}env {env} {ENQUETE} {' '.join(args)}; sleep 600",
            ],
            check=True,
        )

    def keys(self, *keys: str, literal: bool = False) -> None:
        subprocess.run(
            ["tmux", "send-keys", "-t", self.name, *(["-l"] if literal else []), *keys], check=True
        )
        time.sleep(0.15)

    def type(self, text: str) -> None:
        self.keys(text, literal=True)

    def screen(self) -> str:
        return subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", self.name], capture_output=True, text=True, check=True
        ).stdout

    def wait_for(self, text: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen shows:\n{self.screen()}")

    def app_pid(self) -> int:
        shell = subprocess.run(
            ["tmux", "display", "-p", "-t", self.name, "#{pane_pid}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        children = subprocess.run(
            ["pgrep", "-P", shell], capture_output=True, text=True, check=True
        ).stdout.split()
        return int(children[0])

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], check=False)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[type[Terminal]]:
    _require_tmux()
    opened: list[Terminal] = []

    def open_terminal(*args: str, starts_after: float = 0) -> Terminal:
        term = Terminal(tmp_path, *args, starts_after=starts_after)
        opened.append(term)
        return term

    yield open_terminal  # type: ignore[misc]
    for term in opened:
        term.close()


def wait_for_file(path: Path, text: str, timeout: float = 10) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and text in (content := path.read_text("utf-8")):
            return content
        time.sleep(0.1)
    raise AssertionError(f"{path} never contained {text!r}")


def test_fill_the_whole_survey_with_keystrokes_and_submit(terminal, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    term = terminal()
    term.wait_for("Fill in a new response")
    term.keys("Enter")
    term.wait_for("Question 1 of 8")
    term.type("austral")
    term.wait_for("Chosen: AU  Australia")  # "au" is a code: chosen as typed
    term.keys("Enter")  # on the chosen code, Enter goes on (issue 12)
    term.wait_for("Question 2 of 8")
    for digit in "1213121451":
        term.type(digit)
    term.wait_for("Rec. 10")
    term.keys("C-n")
    term.wait_for("Question 3 of 8")
    term.type("Rec 5: portal [bold]v2[/] 中文")
    term.keys("C-n")
    term.wait_for("Question 4 of 8")
    term.keys("Space", "Tab")  # ticks Rec. 1, then Tab into its comment box
    term.type("Digital filing")
    term.keys("C-n")
    term.wait_for("Question 5 of 8")
    term.keys("End", "Space")  # End jumps to Not Applicable (it takes no comment)
    term.wait_for("[x] Not Applicable")
    term.keys("C-n")
    term.wait_for("Question 6 of 8")
    term.keys("C-n")
    term.wait_for("Question 7 of 8")
    term.type("Merge 8 and 9.")
    term.keys("C-n")
    term.wait_for("Question 8 of 8")
    term.keys("Space", "Down", "Space", "Tab")  # Rec. 1 and Rec. 2, then Tab into the comment below
    term.type("Demos, please.")
    term.keys("C-n")
    term.wait_for("Review your response")
    term.wait_for("Everything required is answered")
    term.keys("C-s")
    screen = term.wait_for("Saved — ready to send")
    assert "cws.survey@example.org" in screen and "2026-12-31" in screen
    term.keys("Enter")
    term.wait_for("Edit the finalized response of AU")
    term.keys("C-q")

    saved = tomllib.loads((tmp_path / "responses" / "AU.toml").read_text("utf-8"))
    assert saved["response"]["status"] == "submitted"
    assert saved["answers"]["implementation"]["rec8"] == "considering"
    assert saved["answers"]["implementation_comments"] == "Rec 5: portal [bold]v2[/] 中文"
    assert saved["answers"]["current_focus"] == {"selected": ["rec1"], "comments": {"rec1": "Digital filing"}}
    assert saved["answers"]["low_priority"] == {"selected": ["not_applicable"]}
    assert saved["answers"]["future_topics"] == {"selected": ["rec1", "rec2"], "comment": "Demos, please."}
    check = subprocess.run(
        [ENQUETE, "check", "responses/AU.toml"], cwd=tmp_path, capture_output=True, text=True
    )
    assert check.returncode == 0 and "OK (AU, revision 1)" in check.stdout


def test_kill_9_mid_survey_then_resume_with_nothing_lost(terminal, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    term = terminal("fill", "--lang", "fr")
    term.wait_for("Question 1 sur 8")
    term.type("FR")
    term.keys("Enter")  # FR is chosen as typed: Enter goes on
    term.wait_for("Question 2 sur 8")
    term.type("123")
    drafts = tmp_path / "responses" / "drafts"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not list(drafts.glob("*.toml")):
        time.sleep(0.1)
    draft = next(drafts.glob("*.toml"))
    wait_for_file(draft, 'rec3 = "decided"')
    os.kill(term.app_pid(), signal.SIGKILL)
    time.sleep(0.3)

    again = terminal("--lang", "fr")
    again.wait_for("Reprendre le brouillon : FR France")
    again.keys("Enter")
    screen = again.wait_for("Question 2 sur 8")
    rows = [line for line in screen.splitlines() if "Rec. " in line and "(●)" in line]
    assert len(rows) == 3, screen
