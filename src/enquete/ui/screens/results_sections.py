"""The widgets of the simple results sections: respondents, a question's figures, files not counted.

A question's figures come from its type as format-neutral pieces
(`enquete.results.pieces`): a one-column count table is drawn as text bars,
a grid (a matrix) as a table that scrolls sideways. No widget here carries
an id: a section is mounted only after the previous one is removed, and ids
could still collide with question ids.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from enquete.model.office_names import office_display_name
from enquete.model.questionnaire import AnyQuestion, Questionnaire
from enquete.qtypes import type_of
from enquete.results.aggregate import QuestionResult, Results
from enquete.results.denominators import answered_sentence
from enquete.results.pieces import CountTable, Figures, Note
from enquete.text import one_line, printable, text_width
from enquete.ui.content import tr
from enquete.ui.widgets.results_matrix import MatrixCounts
from enquete.ui.widgets.text_bar import BAR_WIDTH, bar
from enquete.ui.widgets.wrapped_lines import Line, WrappedLines


def share_line(
    label: str, label_width: int, count: int, results: Results, bar_width: int, of: int | None = None
) -> str:
    """`label  ████░░ 3 (14%)`: a label padded to its column, a bar and the figures.

    `of`: the respondents a conditional question applied to, the share's denominator.
    """
    label = one_line(label, label_width)
    padding = " " * (label_width - text_width(label))
    total = results.respondents if of is None else of
    return f"{label}{padding}  {bar(count, total, bar_width)} {count} ({results.share(count, of)}%)"


def respondents_section(
    results: Results, lang: str, names: Mapping[str, str] | None = None, *, anonymous: bool = False
) -> Iterator[Widget]:
    """How many responded and, unless the survey is anonymous, who (its keys are response ids: not shown)."""
    yield Static(
        tr("results.respondents_title", lang, count=results.respondents),
        classes="section-title",
        markup=False,
    )
    if anonymous:
        return
    lines = [
        Line(f"{key:<5}{one_line(office_display_name(key, lang, names))}", hang=5)
        for key in results.respondent_keys
    ]
    yield WrappedLines(lines, tr("results.none", lang))


def question_section(
    results: Results,
    questionnaire: Questionnaire,
    question: AnyQuestion,
    result: QuestionResult,
    number: int,
    lang: str,
    width: int = 80,
    *,
    is_key: bool = False,
) -> Iterator[Widget]:
    """The question's figures; `width` is the pane's, in cells, so each bar stays on its line.

    A note shows its text only; the respondent-key question points to the respondents;
    a conditional question's shares are of the respondents it applied to, and say so.
    """
    n = results.respondents
    yield Static(Content(f"{number}. {printable(question.text_in(lang))}"), classes="section-title")
    if not type_of(question).takes_answer:
        return
    of = result.applicable
    if of is None:
        answered = tr("results.answered", lang, answered=result.answered, total=n)
    else:  # of whom: "of the 2 respondents who answered “Yes” to question 6"
        answered = answered_sentence(results, questionnaire, question.id, lang)
    yield Static(answered, classes="note", markup=False)
    if is_key:
        yield Static(tr("results.see_respondents", lang), classes="note", markup=False)
        return
    for piece in type_of(question).report(question, result, lang):
        if isinstance(piece, CountTable) and piece.grid:
            yield MatrixCounts(results, piece, lang, of)
        elif isinstance(piece, CountTable):
            yield from bars(results, piece, width, of)
        elif isinstance(piece, Figures):
            lines = (tr("report.figure_line", lang, name=name, value=value) for name, value in piece.rows)
            yield Static(Content("\n".join(lines)))
        elif isinstance(piece, Note):
            yield Static(tr("results.see_respondents", lang), classes="note", markup=False)


def bars(results: Results, table: CountTable, width: int, of: int | None = None) -> Iterator[Widget]:
    """A one-column count table as labelled bars, each on one line of a pane `width` cells wide."""
    n = results.respondents if of is None else of
    bar_width = BAR_WIDTH if width >= 70 else BAR_WIDTH // 2
    figures = bar_width + len(f" {n} (100%)")
    longest = max((text_width(row.label.short) for row in table.rows), default=0)
    label_width = max(8, min(longest, width - figures - 2))
    lines = [
        share_line(row.label.short, label_width, row.counts[0] if row.counts else 0, results, bar_width, of)
        for row in table.rows
    ]
    if lines:
        yield Static(Content("\n".join(lines)))


def files_section(results: Results, lang: str) -> Iterator[Widget]:
    yield Static(tr("results.files_title", lang), classes="section-title", markup=False)
    lines: list[str] = []
    for r in results.rejected:
        lines.append(tr("results.rejected", lang, file=one_line(r.file), reason=one_line(r.reason)))
    for s in results.superseded:
        lines.append(
            tr(
                "results.superseded",
                lang,
                file=one_line(s.file),
                revision=s.revision,
                by=one_line(s.superseded_by),
            )
        )
    for c in results.conflicts:
        lines.append(
            tr(
                "results.conflict",
                lang,
                respondent=c.respondent,
                counted=one_line(c.counted),
                ignored=", ".join(one_line(f) for f in c.ignored),
            )
        )
    yield Static(Content("\n\n".join(lines) or tr("results.all_counted", lang)))
