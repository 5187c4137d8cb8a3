"""The office trial's data-loss findings, replayed in a real terminal (tmux, 80x24, bracketed paste)."""

import subprocess
import time
import tomllib
from pathlib import Path

import pytest

from tests.e2e.test_terminal import Terminal

pytestmark = pytest.mark.e2e

BULLETED = (
    "- Rec 1: e-filing portal launched 2024 (https://ipo.example.org/efiling)\n"
    "- Rec 5: bulk data in ST.96 XML, ST.36 legacy\n"
    "- Rec 7: implementing ST.26 for sequence listings"
)


def paste(term: Terminal, text: str) -> None:
    """A bracketed paste, as a terminal emulator sends it when the person pastes."""
    subprocess.run(["tmux", "set-buffer", "-b", term.name, "--", text], check=True)
    subprocess.run(["tmux", "paste-buffer", "-p", "-d", "-b", term.name, "-t", term.name], check=True)


def one_draft(folder: Path, text: str, timeout: float = 10) -> dict:  # type: ignore[type-arg]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for path in (folder / "responses" / "drafts").glob("*.toml"):
            content = path.read_text("utf-8")
            if text in content:
                return tomllib.loads(content)
        time.sleep(0.1)
    raise AssertionError(f"no draft ever held {text!r}")


def ends_within(pid: int, seconds: float) -> None:
    """The process `pid` has ended (gone, or a zombie waiting for its parent) within `seconds`."""
    proc = Path(f"/proc/{pid}")
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.exists():
        time.sleep(0.1)
    assert not proc.exists() or "Z" in (proc / "stat").read_text().split()[2], f"{pid} still runs"


def test_pasted_bulleted_comment_kept_and_set_aside_by_not_applicable(terminal, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Trial #1 and #3: a pasted comment kept its first line only; Not Applicable deleted it."""
    term = terminal("fill", "--office", "AU")
    term.wait_for("Question 1 of 8")
    term.keys("C-n")
    term.keys("C-n")
    term.keys("C-n")
    term.wait_for("Question 4 of 8")
    for key in ("Down", "Space", "Tab"):  # Rec. 2, into its comment box
        term.keys(key)
    paste(term, BULLETED)
    term.wait_for(f"{len(BULLETED)} / 4000 characters")
    draft = one_draft(tmp_path, "ST.26")
    assert draft["answers"]["current_focus"]["comments"]["rec2"] == BULLETED
    for key in ("BTab", "End", "Space"):  # back to the checklist, Not Applicable
        term.keys(key)
    term.wait_for("comment set aside")
    draft = one_draft(tmp_path, "set_aside")
    assert draft["draft"]["set_aside"]["current_focus"]["rec2"] == BULLETED
    assert draft["answers"]["current_focus"] == {"selected": ["not_applicable"]}


def test_fast_typing_then_finalize_leaves_no_ghost_draft(terminal, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Trial #6: saves queued behind the submit re-wrote the draft after BR.toml was written."""
    term = terminal("fill", "--office", "BR")
    term.wait_for("Question 1 of 8")
    term.keys("C-n")
    term.wait_for("Question 2 of 8")
    term.type("1111111111")
    term.keys("C-n")
    term.wait_for("Question 3 of 8")
    term.type("fast typing " * 250)
    term.keys("C-r")
    term.wait_for("Everything required is answered")
    term.keys("C-s")
    term.wait_for("Saved — ready to send")
    submitted = tomllib.loads((tmp_path / "responses" / "BR.toml").read_text("utf-8"))
    assert submitted["answers"]["implementation_comments"].count("fast typing") == 250
    time.sleep(2)  # long past the save debounce: nothing may write a draft now
    assert not list((tmp_path / "responses" / "drafts").glob("*.toml"))
    term.keys("Enter")
    term.wait_for("Edit the finalized response of BR")


def test_closing_the_terminal_right_after_typing_keeps_the_words(terminal, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Trial 2026-12 #3: a terminal closed within the save debounce (0.4 s) lost the last words typed.

    Closing a terminal sends SIGHUP; the app now takes what was typed and writes the draft
    before it ends, whatever the debounce.
    """
    term = terminal("fill", "--office", "AU")
    term.wait_for("Question 1 of 8")
    term.keys("C-n")
    term.keys("C-n")
    term.wait_for("Question 3 of 8")
    subprocess.run(["tmux", "send-keys", "-t", term.name, "-l", "typed just before closing"], check=True)
    term.wait_for("typed just before closing", timeout=5)  # on screen: the app has the keys
    app = term.app_pid()
    subprocess.run(["tmux", "kill-session", "-t", term.name], check=True)  # at once: inside the debounce
    draft = one_draft(tmp_path, "typed just before closing")
    assert draft["answers"]["implementation_comments"] == "typed just before closing"
    # Regression: after saving, Textual's shutdown wrote to the closed terminal and never ended,
    # leaving the process running without a terminal, holding the response's lock.
    ends_within(app, 10)


def test_sigterm_saves_what_was_typed_and_ends_the_app(terminal, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A system shutting down sends SIGTERM: the words typed within the debounce are written, the app
    ends through Textual (the terminal restored: the shell's prompt comes back)."""
    term = terminal("fill", "--office", "AU")
    term.wait_for("Question 1 of 8")
    term.keys("C-n")
    term.keys("C-n")
    term.wait_for("Question 3 of 8")
    subprocess.run(["tmux", "send-keys", "-t", term.name, "-l", "typed before shutdown"], check=True)
    term.wait_for("typed before shutdown", timeout=5)
    app = term.app_pid()
    subprocess.run(["kill", "-TERM", str(app)], check=True)
    draft = one_draft(tmp_path, "typed before shutdown")
    assert draft["answers"]["implementation_comments"] == "typed before shutdown"
    ends_within(app, 10)
