"""The widgets of each results section: bars, the matrix table, comments, files not counted."""

from __future__ import annotations

from collections.abc import Iterator

from rich.text import Text
from textual.content import Content
from textual.widget import Widget
from textual.widgets import DataTable, Static

from enquete.model.codes import st3_name
from enquete.model.questionnaire import AnyQuestion, Questionnaire
from enquete.model.respondents import respondent_name
from enquete.qtypes import type_of
from enquete.results.aggregate import Comment, QuestionResult, Results
from enquete.results.pieces import CountTable, Figures
from enquete.text import one_line, printable, text_width
from enquete.ui.content import tr

BAR_WIDTH = 20


def bar(count: int, total: int, width: int = BAR_WIDTH) -> str:
    filled = round(width * count / total) if total else 0
    return "█" * filled + "░" * (width - filled)


def respondents_section(results: Results, questionnaire: Questionnaire, lang: str) -> Iterator[Widget]:
    yield Static(
        tr("results.respondents_title", lang, count=results.respondents),
        classes="section-title",
        markup=False,
    )
    lines = []
    for key in results.respondent_keys:
        lines.append(f"{key:<4} {respondent_name(questionnaire, key, lang)}".rstrip())
    yield Static(Content("\n".join(lines) or tr("results.none", lang)))


def question_section(
    results: Results,
    question: AnyQuestion,
    result: QuestionResult,
    number: int,
    lang: str,
    width: int = 80,
    *,
    is_key: bool = False,
) -> Iterator[Widget]:
    """The question's figures; `width` is the pane's, in cells, so each bar stays on its line."""
    n = results.respondents
    yield Static(Content(f"{number}. {printable(question.text_in(lang))}"), classes="section-title")
    if not type_of(question).takes_answer or is_key:
        return  # a note's text is all there is; the key's answers are the respondents section
    of = result.applicable
    if of is None:
        answered = tr("results.answered", lang, answered=result.answered, total=n)
    else:
        answered = tr("results.answered_of", lang, answered=result.answered, applicable=of, total=n)
    yield Static(answered, classes="note", markup=False)
    # The question's type says what its figures are; comments are shown below, by the screen.
    for piece in type_of(question).report(question, result, lang):
        if isinstance(piece, CountTable) and piece.grid:
            yield grid_table(results, piece, lang, of)
        elif isinstance(piece, CountTable):
            yield from bars(results, piece, width, of)
        elif isinstance(piece, Figures):
            lines = [f"{name}: {printable(value)}" for name, value in piece.rows]
            yield Static(Content("\n".join(lines)))


def bars(results: Results, table: CountTable, width: int, of: int | None = None) -> Iterator[Widget]:
    """A one-column count table as labelled bars, each on one line of a pane `width` cells wide."""
    n = results.respondents if of is None else of
    lines = []
    bar_width = BAR_WIDTH if width >= 70 else BAR_WIDTH // 2
    figures = bar_width + len(f" {n} (100%)")
    longest = max((text_width(row.label.short) for row in table.rows), default=0)
    label_width = max(8, min(longest, width - figures - 2))
    for row in table.rows:
        count = row.counts[0] if row.counts else 0
        label = one_line(row.label.short, label_width)
        padding = " " * (label_width - text_width(label))
        lines.append(f"{label}{padding}  {bar(count, n, bar_width)} {count} ({results.share(count, of)}%)")
    if lines:
        yield Static(Content("\n".join(lines)))


def grid_table(results: Results, table: CountTable, lang: str, of: int | None = None) -> DataTable[Text]:
    """A count table by row and column (a matrix), with short labels; a total column is named as such."""
    grid: DataTable[Text] = DataTable(zebra_stripes=True, cursor_type="row")
    grid.add_column(Text(tr("results.row", lang)))
    for column in table.columns:
        grid.add_column(Text(column.label.short))
    for row in table.rows:
        cells = [Text(row.label.short)]
        cells += [Text(f"{count} ({results.share(count, of)}%)") for count in row.counts]
        grid.add_row(*cells)
    return grid


def comment_lines(
    comments: list[Comment],
    question: AnyQuestion,
    lang: str,
    wanted: str = "",
    questionnaire: Questionnaire | None = None,
) -> Content:
    """Comments grouped by option, each with the respondent's key and name, filtered by `wanted`.

    The name comes from the questionnaire's kind of key (an ST.3 office's name, a
    choice's label, nothing for an anonymous survey, whose response ids are not shown).
    """
    anonymous = questionnaire is not None and questionnaire.anonymous
    labels = {o.id: o.short_in(lang) for o in type_of(question).options(question)}
    wanted = wanted.strip().casefold()
    parts: list[Content] = []
    current: str | None = "\0"
    for comment in comments:
        label = labels.get(comment.option or "", "") if comment.option else ""
        if questionnaire is None:
            name = st3_name(comment.respondent, lang)
        else:
            name = respondent_name(questionnaire, comment.respondent, lang)
        haystack = f"{comment.respondent} {name} {comment.option or ''} {label}".casefold()
        if wanted and wanted not in haystack and wanted not in comment.text.casefold():
            continue
        if comment.option != current:
            current = comment.option
            parts.append(
                Content.assemble(("\n" + (label or tr("results.general_comments", lang)), "bold underline"))
            )
        text = printable(comment.text).strip().replace("\n", "\n      ")
        if anonymous:
            parts.append(Content.assemble("• ", text))
        elif name:
            who = (f"{comment.respondent:<4}", "bold")
            parts.append(Content.assemble(who, (f"({one_line(name, 30)}) ", "dim"), text))
        else:
            parts.append(Content.assemble((f"{comment.respondent} ", "bold"), text))
    if not parts:
        return Content(tr("results.no_comments", lang))
    return Content("\n").join(parts)


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
