"""One-line answers: a paste's lines joined without losing a word; every character drawn inert."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from enquete.text import LINE_BREAK_MARK, REPLACEMENT, join_lines, shown_on_one_line

BREAKS = ["\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize(
    ("pasted", "joined", "breaks"),
    [
        ("one line", "one line", 0),
        ("• first\n• second\n", "• first • second", 1),
        ("a  \r\n\r\n  b", "a b", 1),
        ("\nleading and trailing\n\n", "leading and trailing", 0),
        ("x\u2028y\x85z", "x y z", 2),
        ("  indented, no break  ", "  indented, no break  ", 0),
        ("\n \n", "", 0),
    ],
)
def test_join_lines_puts_a_paste_on_one_line(pasted: str, joined: str, breaks: int) -> None:
    assert join_lines(pasted) == (joined, breaks)


@given(st.lists(st.text(min_size=0, max_size=30), max_size=8), st.lists(st.sampled_from(BREAKS), max_size=8))
def test_join_lines_keeps_every_word_and_leaves_no_line_break(pieces: list[str], breaks: list[str]) -> None:
    """Bug (issue 12): Textual's Input kept only the first line of a paste; the rest was lost."""
    text = "".join(p + (breaks[i] if i < len(breaks) else "") for i, p in enumerate(pieces))
    joined, _ = join_lines(text)
    assert joined.split() == text.split()
    assert len(joined.splitlines()) <= 1


@given(st.text(max_size=200))
def test_shown_on_one_line_is_one_character_for_one_and_all_inert(text: str) -> None:
    shown = shown_on_one_line(text)
    assert len(shown) == len(text), "a cursor index in the text is the same index on screen"
    assert len(shown.splitlines()) <= 1
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in shown)
    assert not any(c in shown for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def test_shown_on_one_line_marks_breaks_and_replaces_controls() -> None:
    raw = "line one\nline two\x1b]52;c;SGk=\x07 “quoted” 中文 [b]x[/b]\ttab"
    assert shown_on_one_line(raw) == (
        f"line one{LINE_BREAK_MARK}line two{REPLACEMENT}]52;c;SGk={REPLACEMENT} “quoted” 中文 [b]x[/b] tab"
    )
