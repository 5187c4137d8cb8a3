"""Text bars: the length of a share, with nothing shown as something or everyone."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from enquete.ui.widgets.text_bar import bar


@pytest.mark.parametrize(
    ("count", "total", "width", "drawn"),
    [
        (1, 20, 10, "█░░░░░░░░░"),  # regression (trial 2026-12): 0.5 of a cell rounded to even, an empty bar
        (1, 19, 10, "█░░░░░░░░░"),
        (0, 20, 10, "░░░░░░░░░░"),
        (20, 20, 10, "██████████"),
        (20, 21, 10, "█████████░"),  # 9.5 cells, yet not everyone
        (3, 4, 10, "████████░░"),  # 7.5 rounds half up
        (5, 0, 10, "░░░░░░░░░░"),
    ],
)
def test_bar_cells(count: int, total: int, width: int, drawn: str) -> None:
    assert bar(count, total, width) == drawn


@given(st.integers(1, 500), st.integers(2, 60), st.data())
def test_bars_keep_their_width_and_order(total: int, width: int, data: st.DataObject) -> None:
    low = data.draw(st.integers(0, total))
    high = data.draw(st.integers(low, total))
    assert len(bar(low, total, width)) == width
    assert bar(low, total, width).count("█") <= bar(high, total, width).count("█")
    assert (bar(low, total, width).count("█") == 0) == (low == 0)
    assert (bar(high, total, width).count("░") == 0) == (high == total)
