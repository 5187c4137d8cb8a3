"""The Markdown report escapes only what Markdown would read as markup, and keeps a line's indent."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from enquete.results.report_markdown import comment_markdown, escape_line


def test_an_indented_comment_line_keeps_its_leading_spaces_once_rendered() -> None:
    """Regression: `    indented line` lost its leading spaces (no-break space characters, which a
    renderer strips at the start of a paragraph like spaces)."""
    markdown = comment_markdown("FR", "Line one of strategy\n\n  indented line\n    deeper")
    html = MarkdownIt("commonmark").render(markdown)
    assert "\u00a0\u00a0indented line" in html
    assert "\u00a0\u00a0\u00a0\u00a0deeper" in html


@pytest.mark.parametrize(
    ("typed", "escaped"),
    [
        ("123.67 examiners", "123.67 examiners"),  # regression: "123\.67" in the raw text
        ("12.5 %", "12.5 %"),  # regression: "12\.5 %"
        ("-1 below", "-1 below"),
        ("+1 from AU", "+1 from AU"),
        ("=SUM(A1)", "=SUM(A1)"),
        ("#hashtag", "#hashtag"),
        ("1. first", "1\\. first"),
        ("2) second", "2\\) second"),
        ("- bullet", "\\- bullet"),
        ("+ bullet", "\\+ bullet"),
        ("# heading", "\\# heading"),
        ("---", "--\\-"),
        ("===", "==\\="),
        ("> quote", "\\> quote"),
    ],
)
def test_only_a_block_marker_is_escaped_at_a_line_start(typed: str, escaped: str) -> None:
    """Regression: numbers were escaped (`123\\.67`); a `.` after digits matters only before a space."""
    assert escape_line(typed) == escaped


@pytest.mark.parametrize(
    "typed", ["1. first", "- bullet", "# heading", "---", "> quote", "12.5 %", "=SUM(A1)"]
)
def test_each_escaped_line_renders_as_typed(typed: str) -> None:
    """What the escapes are for: the rendered paragraph reads as typed, never a list or heading."""
    html = MarkdownIt("commonmark").render("x\n\n" + escape_line(typed) + "\n")
    assert html == "<p>x</p>\n<p>" + typed.replace(">", "&gt;") + "</p>\n"
