"""The annex of the committee document, as format-neutral blocks: headings, paragraphs, tables.

CWS/13/26's annex lists, per question, a heading and tables: Q1 "ST.3 Code |
Country or Office", Q2 a count table per Recommendation and level with a
"Responses" total, free text as "ST.3 Code | Response", and for the
multi-selects one table per Recommendation with each office's comment or "No
comments provided". The blocks here carry text verbatim (several lines in a
cell stay several lines); each renderer (Word today) only draws them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from enquete.model.answers import MultiAnswer, is_answered
from enquete.model.office_names import office_display_name
from enquete.model.questionnaire import (
    AnyQuestion,
    ChoiceQuestion,
    CodeQuestion,
    MatrixQuestion,
    MultiQuestion,
    Questionnaire,
    TextQuestion,
)
from enquete.results.aggregate import Results
from enquete.results.labels import option_tag
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
        blocks.extend(_question_blocks(results, question, language, names))
    blocks.append(Paragraph(word("end", language), "end"))
    return blocks


def _question_blocks(
    results: Results, question: AnyQuestion, lang: str, names: Mapping[str, str] | None
) -> Iterator[Block]:
    no_comments = word("no_comments", lang)
    if isinstance(question, CodeQuestion):
        rows = tuple((key, office_display_name(key, lang, names)) for key in results.respondent_keys)
        yield Table((word("code", lang), word("office", lang)), rows)
    elif isinstance(question, MatrixQuestion):
        yield _matrix_table(results, question, lang)
    elif isinstance(question, TextQuestion):
        yield _response_table(
            results, question.id, lang, lambda answer: answer if isinstance(answer, str) else ""
        )
    elif isinstance(question, ChoiceQuestion):
        yield _count_table(results, question, lang)
    elif isinstance(question, MultiQuestion):
        yield _count_table(results, question, lang)
        if question.option_comments:
            for option in question.options:
                if option.exclusive:
                    continue
                commented: list[tuple[str, str]] = []
                for key in results.respondent_keys:
                    answer = results.responses[key].answers.get(question.id)
                    if isinstance(answer, MultiAnswer) and option.id in answer.selected:
                        commented.append((key, answer.comments.get(option.id, "").strip() or no_comments))
                yield Table(
                    (word("code", lang), option_tag(option, lang)), tuple(commented) or (("", no_comments),)
                )
        else:
            tags = {o.id: option_tag(o, lang) for o in question.options}

            def described(answer: object) -> str:
                if not isinstance(answer, MultiAnswer):
                    return ""
                chosen = ", ".join(tags.get(o, o) for o in answer.selected)
                return "\n".join(part for part in (chosen, (answer.comment or "").strip()) if part)

            yield _response_table(results, question.id, lang, described)


def _matrix_table(results: Results, question: MatrixQuestion, lang: str) -> Table:
    header = ("", *(c.label_in(lang) for c in question.columns), word("responses", lang))
    rows = []
    for row in question.rows:
        counts = results.questions[question.id].cell_counts[row.id]
        figures = [counts[c.id] for c in question.columns]
        rows.append((option_tag(row, lang), *(str(f) for f in figures), str(sum(figures))))
    return Table(header, tuple(rows), numeric_from=1)


def _count_table(results: Results, question: ChoiceQuestion | MultiQuestion, lang: str) -> Table:
    counts = results.questions[question.id].option_counts
    rows = tuple(
        (o.label_in(lang), str(counts.get(o.id, 0)), f"{results.share(counts.get(o.id, 0))}%")
        for o in question.options
    )
    return Table((word("option", lang), word("respondents", lang), word("share", lang)), rows, numeric_from=1)


def _response_table(
    results: Results, question_id: str, lang: str, describe: Callable[[object], str]
) -> Table:
    rows = []
    for key in results.respondent_keys:
        answer = results.responses[key].answers.get(question_id)
        if answer is not None and is_answered(answer):
            text = describe(answer)
            if text.strip():
                rows.append((key, text.strip("\n")))
    return Table(
        (word("code", lang), word("response", lang)), tuple(rows) or (("", word("no_comments", lang)),)
    )
