"""Text shown in a terminal: escapes replaced, and lines cut by display width."""

import pytest

from enquete.text import one_line, printable


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("clip\x1b]52;c;ZXZpbA==\x07 end", "clip\ufffd end"),
        ("clear\x1b[2J!", "clear\ufffd!"),
        ("csi\x9b31m!", "csi\ufffd!"),
        ("bidi\u202ereversed\u2066", "bidi\ufffdreversed\ufffd"),
        ("tab\tand\nnewline kept", "tab\tand\nnewline kept"),
        ("[bold]markup[/] is text", "[bold]markup[/] is text"),
    ],
)
def test_printable_replaces_terminal_controls_only(raw: str, shown: str) -> None:
    assert printable(raw) == shown


def test_one_line_cuts_by_cells_so_cjk_fits_the_same_width() -> None:
    assert one_line("长" * 10, 10) == "长" * 4 + "…"  # 8 cells + the ellipsis
    assert one_line("x" * 10, 10) == "x" * 10
    assert one_line("x" * 11, 10) == "x" * 9 + "…"
    assert one_line("长" * 5, 10) == "长" * 5, "exactly the width fits whole"
    assert one_line("a\n  b", None) == "a b"
