"""A paste holding an OSC 52 sequence, through tmux and the installed app's real input parser."""

from pathlib import Path

import pytest

from tests.e2e.test_nothing_lost_in_a_terminal import one_draft, paste
from tests.e2e.test_terminal import Terminal

pytestmark = pytest.mark.e2e

COMMENT = "Plans 2026:\n• “e-filing” on ST.96 \x1b]52;c;SGVsbG8=\x07and the words after it"


def test_a_pasted_osc_52_is_kept_whole_and_opens_nothing(terminal, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Regression: in tmux the paste was lost whole and its BEL (Ctrl+G) opened the question list."""
    term: Terminal = terminal("fill", "--office", "AU")
    term.wait_for("Question 1 of 8")
    term.keys("C-n")
    term.keys("C-n")
    term.wait_for("Question 3 of 8")
    paste(term, COMMENT)
    screen = term.wait_for("and the words after it")
    assert "Go to question" not in screen and "Question 3 of 8" in screen
    draft = one_draft(tmp_path, "words after it")
    assert draft["answers"]["implementation_comments"] == COMMENT
