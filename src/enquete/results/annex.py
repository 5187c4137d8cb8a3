"""The annex of the committee document, as format-neutral blocks: headings, paragraphs, tables.

CWS/13/26's annex lists, per question, a heading and tables: Q1 "ST.3 Code |
Country or Office", Q2 a count table per Recommendation and level with a
"Responses" total, free text as "ST.3 Code | Response", and for the
multi-selects one table per Recommendation with each office's comment or "No
comments provided" (a Recommendation nobody chose: one line saying so, not a
table with a blank code). The blocks are built from what each question's type
says (its format-neutral report pieces and its CSV columns), so a new type
appears in the annex without a change here: a number's or a date's figures
become a "Figure | Value" table, a conditional question states of whom its
shares are ("of the 2 respondents who answered “Yes” to question 6") and
its shares are of those. In an anonymous survey (no respondent key) comments
are listed without the response ids, which would let a reader tie one
person's comments together. They carry text verbatim (several lines in a
cell stay several lines); a renderer only draws them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from enquete.i18n.catalog import translate
from enquete.model.office_names import office_display_name
from enquete.model.question import Option, QuestionBase
from enquete.model.questionnaire import Questionnaire
from enquete.qtypes import type_of
from enquete.results.aggregate import Results
from enquete.results.denominators import answered_sentence, counted, percent
from enquete.results.labels import TAG_SEPARATOR, option_tag
from enquete.results.pieces import CommentSection, CountTable, Figures, Note
from enquete.results.report_words import word


@dataclass(frozen=True)
class Heading:
    """A heading: level 0 is the document's title, 1 a question."""

    text: str
    level: int


@dataclass(frozen=True)
class Paragraph:
    """A paragraph in a named role ("subtitle", "note", "end") that a template can restyle."""

    text: str
    role: str


@dataclass(frozen=True)
class Table:
    """A table: a header row, then rows of verbatim text; columns from `numeric_from` hold figures."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric_from: int | None = None


Block = Heading | Paragraph | Table


def annex_blocks(
    results: Results,
    questionnaire: Questionnaire,
    language: str = "en",
    names: Mapping[str, str] | None = None,
) -> list[Block]:
    """The whole annex, in order.

    Args:
        results: the aggregated results.
        questionnaire: the questionnaire they answer.
        language: the report's language (questions, options and fixed words).
        names: display names by respondent code from the invited list; UN-style names otherwise.

    Returns:
        The blocks, from the title to "[End of Annex]".
    """
    blocks: list[Block] = [
        Heading(word("annex_title", language), 0),
        Paragraph(questionnaire.title_in(language), "subtitle"),
        Paragraph(word("prepared_by", language), "subtitle"),
        Paragraph(word("denominator", language, n=results.respondents), "note"),
    ]
    for number, question in enumerate(questionnaire.questions, 1):
        blocks.append(Heading(f"{number}. {question.text_in(language)}", 1))
        blocks.extend(_question_blocks(results, questionnaire, question, language, names))
    blocks.append(Paragraph(word("end", language), "end"))
    return blocks


def _question_blocks(
    results: Results,
    questionnaire: Questionnaire,
    question: QuestionBase,
    lang: str,
    names: Mapping[str, str] | None,
) -> Iterator[Block]:
    """A question's tables, from what its type says: its count tables, its comment columns."""
    qtype = type_of(question)
    result = results.questions[question.id]
    if question.id == questionnaire.respondent_key:
        rows = tuple((key, _respondent_name(question, key, lang, names)) for key in results.respondent_keys)
        yield Table((word("code", lang), word("office", lang)), rows)
        return  # its answers are the respondents: not counted again as a table of codes
    if not qtype.takes_answer:
        return  # a note: its text (the heading) is all there is
    of = result.applicable
    if of is not None:  # a conditional question: of whom its shares are
        yield Paragraph(answered_sentence(results, questionnaire, question.id, lang), "note")
    anonymous = questionnaire.anonymous
    pieces = qtype.report(question, result, lang)
    for piece in pieces:
        if isinstance(piece, CountTable) and piece.grid:
            yield from _grid_blocks(results, piece, lang, of)
        elif isinstance(piece, CountTable):
            yield _count_table(results, piece, lang, of)
        elif isinstance(piece, Figures):
            header = (translate("report.figure", lang), translate("report.value", lang))
            yield Table(header, piece.rows, numeric_from=1)
        elif isinstance(piece, Note):
            yield Paragraph(piece.text, "note")
    columns = qtype.columns(question)
    options = {o.id: o for o in qtype.options(question)}
    flags = {c.option: c.name for c in columns if c.kind == "flag" and c.option}
    per_option = [c.option for c in columns if c.kind == "comment" and c.option in options]
    unchosen: list[Option] = []  # a run of options nobody chose, said in one line
    for option_id in per_option:
        option = options[option_id]
        if option.exclusive:
            continue
        table = _option_table(results, question, option, flags.get(option.id), lang)
        if not table.rows:
            unchosen.append(option)
            continue
        if unchosen:
            yield _no_comments_for(unchosen, lang)
            unchosen = []
        yield _anonymised(table, anonymous)
    if unchosen:
        yield _no_comments_for(unchosen, lang)
    plain_comments = any(isinstance(p, CommentSection) and not p.by_option for p in pieces)
    if plain_comments or any(c.kind == "comment" and c.option is None for c in columns):
        table = _response_table(results, question, lang)
        yield _anonymised(table, anonymous) if table.rows else Paragraph(word("no_comments", lang), "note")


def _no_comments_for(options: list[Option], lang: str) -> Paragraph:
    """One line for options nobody chose, in place of their tables.

    Trial: each had a table whose only row was a blank code beside "No
    comments provided", which read as if an unnamed office had chosen it.
    """
    tags = word("list_separator", lang).join(option_tag(option, lang) for option in options)
    return Paragraph(word("no_comments_for", lang, options=tags), "note")


def _anonymised(table: Table, anonymous: bool) -> Table:
    """Without its code column in an anonymous survey: a response id would tie one person's words together."""
    if not anonymous:
        return table
    rows = tuple(row[1:] for row in table.rows)
    return Table(table.header[1:], rows, None if table.numeric_from is None else table.numeric_from - 1)


def _respondent_name(question: QuestionBase, key: str, lang: str, names: Mapping[str, str] | None) -> str:
    qtype = type_of(question)
    if qtype.name == "code" or (names and key in names):
        return office_display_name(key, lang, names)
    return qtype.value_label(question, key, lang)


def _given_cells(results: Results, question: QuestionBase, key: str) -> dict[str, str] | None:
    """A respondent's cells for the question (as the CSV has them); None when not answered."""
    qtype = type_of(question)
    answer = results.responses[key].answers.get(question.id)
    if answer is None or not qtype.is_answered(question, answer):
        return None
    return qtype.cells(question, answer)


def _grid_blocks(results: Results, table: CountTable, lang: str, of: int | None = None) -> Iterator[Block]:
    """Per row: each level's "count (share%)", the named group's (e.g. implemented or ongoing).

    Headers are the columns' short labels, so a narrow column in Word is not
    broken mid-word ("Implement|ed"); a key under the table gives each in full
    ("Done = Implemented", as the committee document names the levels). A
    row's number of responses is a column only when it differs between rows;
    otherwise the key says it once. Shares are of all respondents (of those a
    conditional question applied to: `of`), as in the Markdown report and on screen.
    """
    plain = [i for i, column in enumerate(table.columns) if not column.total]
    totals = [sum(row.counts[i] for i in plain) for row in table.rows]
    varies = len(set(totals)) > 1
    header = ("", *(column.label.short for column in table.columns))
    rows = []
    for row, total in zip(table.rows, totals, strict=True):
        cells = (counted(count, results.share(count, of), lang) for count in row.counts)
        rows.append((_tag(row.label.short), *cells, *([str(total)] if varies else [])))
    yield Table((*header, *([word("responses", lang)] if varies else [])), tuple(rows), numeric_from=1)
    named = [c.label for c in table.columns if c.label.short != c.label.full]
    key = []
    if named:
        pairs = word("key_separator", lang).join(
            word("key_pair", lang, short=label.short, full=label.full) for label in named
        )
        key.append(word("columns_key", lang, pairs=pairs))
    if totals and not varies:
        key.append(word("each_row", lang, n=totals[0]))
    if key:
        yield Paragraph(word("sentence_join", lang).join(key), "note")


def _count_table(results: Results, table: CountTable, lang: str, of: int | None = None) -> Table:
    """Respondents per option, and their share of all respondents (of the `of` it applied to)."""
    rows = tuple(
        (row.label.full, str(row.counts[0]), percent(results.share(row.counts[0], of), lang))
        for row in table.rows
        if row.counts
    )
    share = word("share", lang) if of is None else word("share_of", lang, of=of)
    return Table((word("option", lang), word("respondents", lang), share), rows, numeric_from=1)


def _option_table(
    results: Results, question: QuestionBase, option: Option, flag: str | None, lang: str
) -> Table:
    """Each office that chose `option`, with the comment it wrote beside it or "No comments provided";
    no rows when nobody chose it."""
    no_comments = word("no_comments", lang)
    comments = {
        c.respondent: c.text for c in results.questions[question.id].comments if c.option == option.id
    }
    rows = []
    for key in results.respondent_keys:
        cells = _given_cells(results, question, key)
        chose = cells is not None and (cells.get(flag) == "1" if flag else key in comments)
        if chose:
            rows.append((key, comments.get(key, "").strip() or no_comments))
    return Table((word("code", lang), option_tag(option, lang)), tuple(rows))


def _response_table(results: Results, question: QuestionBase, lang: str) -> Table:
    """Each office's response in words: what it chose (if anything) and its comments, line by line;
    no rows when nobody wrote anything."""
    qtype = type_of(question)
    flags = [(c.option, c.name) for c in qtype.columns(question) if c.kind == "flag" and c.option]
    tags = {o.id: option_tag(o, lang) for o in qtype.options(question)}
    comments: dict[str, list[str]] = {}
    for comment in results.questions[question.id].comments:
        if comment.option is None:
            comments.setdefault(comment.respondent, []).append(comment.text.strip("\n"))
    rows = []
    for key in results.respondent_keys:
        cells = _given_cells(results, question, key)
        if cells is None:
            continue
        chosen = ", ".join(tags.get(option, option) for option, name in flags if cells.get(name) == "1")
        text = "\n".join(part for part in (chosen, *comments.get(key, [])) if part.strip())
        if text:
            rows.append((key, text))
    return Table((word("code", lang), word("response", lang)), tuple(rows))


def _tag(short: str) -> str:
    return short.split(TAG_SEPARATOR, 1)[0]
