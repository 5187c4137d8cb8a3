"""Wrapping typed lines by terminal cells, for the results screen's comments."""

from hypothesis import given
from hypothesis import strategies as st

from enquete.text import text_width, wrap_cells

WORDS = st.text(alphabet=st.sampled_from(list("ab c-中文 ")), max_size=120)


@given(text=WORDS, width=st.integers(min_value=4, max_value=60))
def test_no_piece_is_wider_than_the_width(text: str, width: int) -> None:
    for piece in wrap_cells(text, width):
        assert text_width(piece) <= width


@given(text=WORDS, width=st.integers(min_value=4, max_value=60))
def test_wrapping_loses_no_character_but_the_spaces_it_breaks_at(text: str, width: int) -> None:
    pieces = wrap_cells(text, width)
    assert "".join(pieces).replace(" ", "") == text.replace(" ", "")


def test_cjk_counts_two_cells() -> None:
    assert wrap_cells("中文中文中文", 4) == ["中文", "中文", "中文"]


def test_a_wide_word_after_a_space_is_cut_again() -> None:
    """Regression (found by hypothesis): ' a中中' at width 4 gave the 5-cell piece 'a中中'."""
    assert wrap_cells(" a中中", 4) == [" a中", "中"]
