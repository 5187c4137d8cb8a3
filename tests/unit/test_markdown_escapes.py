"""The Markdown report escapes only what Markdown would read as markup, and keeps a line's indent."""

from __future__ import annotations

import re
from html import unescape

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


TASK_FORCE = "https://www.wipo.int/cws/en/task_force&x=1"
MULTI_LINE = (
    "Our office’s position, agreed with the “IT steering group”:\n"
    f"- the [b]task force[/b] page: {TASK_FORCE}\n"
    "- ST.96 *phase 2* (see https://example.org/st96?x=1&y=2_z).\n"
    "\n"
    "https://www.wipo.int/standards/en/part_03_standards.html\n"
    "- 知识产权局的说明：见https://www.wipo.int/cws/zh/。谢谢"
)


def links(html: str) -> list[str]:
    """The addresses a reader can click in rendered HTML, as the browser would follow them."""
    return [unescape(href) for href in re.findall(r'<a href="([^"]*)"', html)]


def test_a_web_address_in_a_comment_stays_whole_and_clickable() -> None:
    """Regression: `task\\_force\\&x=1` in the raw Markdown; once rendered, no link at all."""
    markdown = comment_markdown("FR", MULTI_LINE)
    assert f"<{TASK_FORCE}>" in markdown
    html = MarkdownIt("commonmark").render(markdown)
    assert links(html) == [
        TASK_FORCE,
        "https://example.org/st96?x=1&y=2_z",
        "https://www.wipo.int/standards/en/part_03_standards.html",
        "https://www.wipo.int/cws/zh/",
    ]
    text = unescape(re.sub(r"<[^>]+>", "", html))
    for line in MULTI_LINE.splitlines():
        assert line in text, "every line reads as typed, markup included"
    assert "<b>" not in html and "<em>" not in html


@pytest.mark.parametrize(
    ("typed", "escaped"),
    [
        ("see https://a.org/x_y.", "see <https://a.org/x_y>."),
        ("(https://a.org/b_(c)), then", "(<https://a.org/b_(c)>), then"),
        ("[link=https://x]XML[/link]", "\\[link=<https://x>\\]XML\\[/link\\]"),
        ("“https://a.org/q?a=1&b=2”", "“<https://a.org/q?a=1&b=2>”"),
        ("https://a.org|b", "<https://a.org>\\|b"),
        ("a_b&c not_a_url://x_y", "a\\_b\\&c not\\_a\\_url://x\\_y"),
        ("http:// alone, https://. too", "http:// alone, https://. too"),
        ("1. https://a.org/a_b", "1\\. <https://a.org/a_b>"),
    ],
)
def test_an_address_ends_where_the_sentence_resumes(typed: str, escaped: str) -> None:
    """Trailing punctuation, an unbalanced `)`, markup brackets and a pipe (a table cell) stay outside."""
    assert escape_line(typed) == escaped


def test_an_address_alone_on_a_line_is_no_html_block() -> None:
    """`<https://...>` at a paragraph's start is an autolink, not raw HTML that would swallow the lines after it."""
    html = MarkdownIt("commonmark").render(comment_markdown("AU", "first\n\nhttps://a.org/x_y\n<b>next</b>"))
    assert links(html) == ["https://a.org/x_y"] and "&lt;b&gt;next&lt;/b&gt;" in html
