"""The Markdown report: an annex-style summary to paste into a CWS document.

Shares are whole percentages of ALL respondents, as in the Secretariat's
report; every table says what it is a share of.
"""

from collections.abc import Iterator

from enquete.model.codes import st3_name
from enquete.model.questionnaire import (
    AnyQuestion,
    CodeQuestion,
    MatrixQuestion,
    MultiQuestion,
    Questionnaire,
    TextQuestion,
)
from enquete.results.aggregate import Comment, QuestionResult, Results
from enquete.text import one_line, printable

POSITIVE_LEVELS = ("implemented", "ongoing")


def _cell(text: str) -> str:
    return one_line(text).replace("|", "\\|")


def _count(results: Results, count: int) -> str:
    return f"{count} ({results.share(count)}%)"


def render_markdown(results: Results, questionnaire: Questionnaire, language: str = "en") -> str:
    return "\n".join(_lines(results, questionnaire, language)) + "\n"


def _lines(results: Results, q: Questionnaire, lang: str) -> Iterator[str]:
    n = results.respondents
    yield f"# {one_line(q.title_in(lang))}"
    yield ""
    yield (
        f"{n} respondent{'s' if n != 1 else ''}. Every percentage below is a share of all {n} "
        "respondents, whether or not they answered that question."
    )
    yield ""
    if q.respondent_key is not None:  # an anonymous survey lists no one
        key_question = q.question(q.respondent_key)
        yield "| Code | Respondent |"
        yield "| --- | --- |"
        for key in results.respondent_keys:
            yield f"| {key} | {_cell(_respondent_name(key_question, key, lang))} |"
    for number, question in enumerate(q.questions, 1):
        yield ""
        yield f"## {number}. {_cell(question.text_in(lang))}"
        yield ""
        result = results.questions[question.id]
        yield f"Answered by {_count(results, result.answered)} of {n} respondents."
        yield ""
        if isinstance(question, MatrixQuestion):
            yield from _matrix(results, question, result, lang)
        elif isinstance(question, MultiQuestion):
            yield from _multi(results, question, result, lang)
        elif isinstance(question, TextQuestion):
            yield from _comments(result.comments)
        elif isinstance(question, CodeQuestion):
            yield "The respondents are listed at the top."
        else:
            yield from _choice(results, question, result, lang)
    yield from _problems(results)


def _respondent_name(question: AnyQuestion, key: str, lang: str) -> str:
    if isinstance(question, CodeQuestion):
        return st3_name(key, lang)
    for option in getattr(question, "options", []):
        if option.id == key:
            return str(option.label_in(lang))
    return ""


def _matrix(results: Results, question: MatrixQuestion, result: QuestionResult, lang: str) -> Iterator[str]:
    columns = question.columns
    positive = [c.id for c in columns if c.id in POSITIVE_LEVELS]
    header = ["Row", *(_cell(c.label_in(lang)) for c in columns)]
    if positive:
        header.append(" or ".join(_cell(c.label_in(lang)) for c in columns if c.id in positive))
    yield "| " + " | ".join(header) + " |"
    yield "| --- |" + " ---: |" * (len(header) - 1)
    for row in question.rows:
        row_counts = result.cell_counts[row.id]
        cells = [_cell(row.label_in(lang)), *(_count(results, row_counts[c.id]) for c in columns)]
        if positive:
            cells.append(_count(results, sum(row_counts[c] for c in positive)))
        yield "| " + " | ".join(cells) + " |"


def _multi(results: Results, question: MultiQuestion, result: QuestionResult, lang: str) -> Iterator[str]:
    yield "| Option | Respondents |"
    yield "| --- | ---: |"
    for option in question.options:
        yield f"| {_cell(option.label_in(lang))} | {_count(results, result.option_counts[option.id])} |"
    by_option = [c for c in result.comments if c.option is not None]
    general = [c for c in result.comments if c.option is None]
    if by_option:
        yield ""
        yield "Comments, by option:"
        for option in question.options:
            mine = [c for c in by_option if c.option == option.id]
            if mine:
                yield ""
                yield f"### {_cell(option.label_in(lang))}"
                yield ""
                yield from _comments(mine)
    if general:
        yield ""
        yield "Comments:"
        yield ""
        yield from _comments(general)


def _choice(results: Results, question: AnyQuestion, result: QuestionResult, lang: str) -> Iterator[str]:
    yield "| Option | Respondents |"
    yield "| --- | ---: |"
    for option in getattr(question, "options", []):
        yield f"| {_cell(option.label_in(lang))} | {_count(results, result.option_counts[option.id])} |"


def _comments(comments: list[Comment]) -> Iterator[str]:
    if not comments:
        yield "No comments."
        return
    for comment in comments:
        text = printable(comment.text).strip().replace("\n", "\n  ")
        yield f"- **{comment.respondent}**: {text}"


def _problems(results: Results) -> Iterator[str]:
    if not (results.rejected or results.superseded or results.conflicts):
        return
    yield ""
    yield "## Files not counted"
    yield ""
    for r in results.rejected:
        yield f"- Rejected `{one_line(r.file)}`: {one_line(r.reason)}"
    for s in results.superseded:
        yield (
            f"- Superseded `{one_line(s.file)}` ({s.respondent}, revision {s.revision}): "
            f"replaced by `{one_line(s.superseded_by)}`"
        )
    for c in results.conflicts:
        ignored = ", ".join(f"`{one_line(f)}`" for f in c.ignored)
        yield f"- Conflict for {c.respondent}: `{one_line(c.counted)}` counts, not {ignored}"
