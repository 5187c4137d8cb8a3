"""Wrapping typed lines by terminal cells, for the results screen's comments."""

from hypothesis import example, given
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


# --- issue 13: one pass, the same pieces ---------------------------------------------------

from enquete.text import cell_width  # noqa: E402
from enquete.ui.widgets.wrapped_lines import Line, rows_of  # noqa: E402


def reference_wrap(line: str, width: int) -> list[str]:
    """The rule, character by character: the wrapping the results screen had until issue 13 (a308666).

    Each character is added; while the piece is too wide it breaks at its last space (not a
    leading one, and not the character just added), else it is cut before the character.
    """
    width = max(width, 4)
    pieces: list[str] = []
    current = ""
    for char in line:
        current += char
        while text_width(current) > width:
            cut = current.rfind(" ", 0, len(current) - 1)
            if cut > 0 and text_width(current[:cut]) <= width:
                pieces.append(current[:cut])
                current = current[cut + 1 :]
                continue
            fits, used = 0, 0
            for index, part in enumerate(current):
                used += cell_width(part)
                if used > width:
                    break
                fits = index + 1
            fits = max(fits, 1)
            pieces.append(current[:fits])
            current = current[fits:]
    pieces.append(current)
    return pieces


MIXED = st.text(alphabet=st.sampled_from(list("ab c-中文 \u0301’")), max_size=200)
ASCII = st.text(alphabet=st.sampled_from(list("ab c- ")), max_size=200)
SPARSE = st.lists(st.text(alphabet=st.sampled_from(list("abc-中")), max_size=14), max_size=12).flatmap(
    lambda words: st.lists(st.sampled_from([" ", "  "]), min_size=len(words), max_size=len(words)).map(
        lambda gaps: "".join(gap + word for gap, word in zip(gaps, words, strict=True))
    )
)
"""Words longer than the width, one or two spaces apart, sometimes leading: the rarer breaks."""


@example(text=" abcde", width=4)
@example(text="ab  cdefgh", width=4)
@given(text=MIXED | ASCII | SPARSE, width=st.integers(min_value=0, max_value=40))
def test_one_pass_cuts_exactly_where_the_character_rule_does(text: str, width: int) -> None:
    """Wrapping 150 offices' comments character by character took seconds a key; the one-pass
    wrapping (and its string-search path for ASCII lines) must give the very same pieces."""
    assert wrap_cells(text, width) == reference_wrap(text, width)


@given(text=MIXED, indent=st.integers(0, 8), hang=st.integers(0, 6), width=st.integers(4, 40))
def test_rows_keep_every_character_and_stay_inside_the_width(
    text: str, indent: int, hang: int, width: int
) -> None:
    rows = rows_of(Line(text, indent, "bold", hang), width)
    assert all(text_width(row) <= width for row, _ in rows)
    assert all(style == "bold" for _, style in rows)
    assert "".join(row for row, _ in rows).replace(" ", "") == text.replace(" ", "")


def test_a_hanging_line_wraps_under_the_name_and_a_comment_under_its_indent() -> None:
    header = rows_of(Line("AU   Australia, IP Australia and its long name", 0, "bold", hang=5), 20)
    assert [row for row, _ in header] == ["AU   Australia, IP", "     Australia and", "     its long name"]
    comment = rows_of(Line("- see https://www.wipo.int/cws/en/ now", 5), 20)
    assert [row for row, _ in comment] == [
        "     - see",
        "     https://www.wip",
        "     o.int/cws/en/",
        "     now",
    ]
