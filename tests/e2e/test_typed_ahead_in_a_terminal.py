"""Keys typed as `enquete fill` starts, in a real terminal (tmux, 80x24): they land as typed."""

from pathlib import Path

import pytest

from tests.e2e.test_nothing_lost_in_a_terminal import one_draft

pytestmark = pytest.mark.e2e

COMMENT = "ポータル改善は2025年に完了 (中文: 门户)"


def test_a_burst_typed_before_enquete_fill_starts_lands_in_order(terminal, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Trial 2026-12 (4 of 4): `enquete fill`, then at once JP⏎123^N and a comment. The terminal
    read the keys before the app had it and turned Return into a newline; the screen showed
    question 2 with nothing answered, and the comment was lost too."""
    term = terminal("fill", starts_after=1.0)
    term.keys("JP", "Enter", "1", "2", "3", "C-n", COMMENT)  # one send-keys: one burst, typed ahead
    term.wait_for("Question 3 of 8")
    answers = one_draft(tmp_path, "门户")["answers"]
    assert answers["office"] == "JP"
    assert answers["implementation"] == {"rec1": "implemented", "rec2": "ongoing", "rec3": "decided"}
    assert answers["implementation_comments"] == COMMENT
