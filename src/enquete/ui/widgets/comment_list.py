"""A question's comments, grouped by option, with an exact filter, each line kept and indented.

Comments are bulleted lists over several lines: each line stays a line, and
wrapped lines keep a hanging indent under the office code, so one office's
bullets never run into the next one's. Text is shown as typed, never as markup.
In an anonymous survey the comments carry no label at all: its respondent keys
are response ids, and showing them would tie one person's comments together
across questions; a dim rule keeps one comment apart from the next.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input

from enquete.model.office_names import office_display_name
from enquete.model.question import QuestionBase
from enquete.qtypes import type_of
from enquete.results.aggregate import Comment, Results
from enquete.results.comment_filter import filter_comments
from enquete.results.labels import option_tag
from enquete.text import one_line
from enquete.ui.content import tr
from enquete.ui.widgets.wrapped_lines import Line, WrappedLines, text_lines

INDENT = 5
ANONYMOUS_INDENT = 2
ANONYMOUS_RULE = "─" * 3
"""Between two comments of an anonymous survey, where a code would otherwise separate them."""


def comment_lines(
    comments: list[Comment],
    labels: dict[str, str],
    names: dict[str, str],
    lang: str,
    *,
    anonymous: bool = False,
) -> list[Line]:
    """Comments grouped by option: a title per option, the office code and name, then each typed line.

    `anonymous`: no code and no name (a response id would identify); a rule between comments instead.
    """
    lines: list[Line] = []
    current: str | None = "\0"
    for comment in comments:
        new_group = comment.option != current
        if new_group:
            current = comment.option
            title = labels.get(comment.option or "") or tr("results.general_comments", lang)
            lines += [Line(""), Line(one_line(title), 0, "bold underline")]
        if anonymous:
            if not new_group:
                lines.append(Line(ANONYMOUS_RULE, 0, "dim"))
            lines += text_lines(comment.text, ANONYMOUS_INDENT)
            continue
        name = one_line(names.get(comment.respondent, ""))
        lines.append(Line(f"{comment.respondent:<{INDENT}}{name}", 0, "bold", hang=INDENT))
        lines += text_lines(comment.text, INDENT)
    return lines


class CommentList(Vertical):
    """A filter box over the comments of one question."""

    DEFAULT_CSS = """
    CommentList { height: auto; }
    CommentList Input { margin: 1 0 0 0; }
    """

    class FilterChanged(Message):
        """The person changed the filter; the screen keeps it for the next section or reload."""

        def __init__(self, value: str) -> None:
            super().__init__()
            self.value = value

    def __init__(
        self,
        results: Results,
        question: QuestionBase,
        comments: list[Comment],
        lang: str,
        query: str = "",
        names: Mapping[str, str] | None = None,
        *,
        anonymous: bool = False,
    ) -> None:
        super().__init__()
        self.comments, self.lang, self.query_text = comments, lang, query
        self.kept: list[Comment] = []
        """The comments the filter keeps, as drawn."""
        self.anonymous = anonymous
        options = type_of(question).options(question)
        self.labels = {o.id: o.short_in(lang) for o in options}
        self.tags = {o.id: option_tag(o, lang) for o in options}
        self.names = (
            {}
            if anonymous
            else {key: office_display_name(key, lang, names) for key in results.respondent_keys}
        )

    def compose(self) -> ComposeResult:
        yield Input(self.query_text, placeholder=tr("results.filter", self.lang), classes="comment-filter")
        self.kept = self._kept(self.query_text)
        yield WrappedLines(self._lines(self.kept), tr("results.no_comments", self.lang))

    def _kept(self, query: str) -> list[Comment]:
        return filter_comments(
            self.comments, query, self.names, self.tags, self.labels, codes=not self.anonymous
        )

    def _lines(self, kept: list[Comment]) -> list[Line]:
        return comment_lines(kept, self.labels, self.names, self.lang, anonymous=self.anonymous)

    def focus_filter(self) -> None:
        """Focus the filter box and bring it to the top of the pane, the comments under it."""
        self.query_one(Input).focus(scroll_visible=False)
        self.call_after_refresh(self.scroll_visible, top=True, animate=False)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        """Filter as the person types; a key that keeps the same comments (a space, a letter more
        of a word they all hold) leaves the lines, and the layout, as they are."""
        event.stop()
        self.query_text = event.value
        kept = self._kept(event.value)
        if len(kept) != len(self.kept) or any(a is not b for a, b in zip(kept, self.kept, strict=True)):
            self.kept = kept
            self.query_one(WrappedLines).show(self._lines(kept))
        self.post_message(self.FilterChanged(event.value))
