"""The Markdown report: an annex-style summary to paste into a CWS document.

Shares are whole percentages of ALL respondents, as in the Secretariat's
report, or, for a conditional question, of those it applied to; every table
says what it is a share of. The report's own words (headings, "of N",
"Answered by") come from the catalogs, in the language asked for. Each question's figures come
from its type as format-neutral pieces (`enquete.results.pieces`); this
module only draws them. Everything quoted from a file is escaped: a comment
never becomes HTML, a heading or a list item, and a multi-line comment keeps
its lines (hard line breaks), bullets included.
"""

import re
from collections.abc import Iterator, Mapping

from enquete.i18n.catalog import translate
from enquete.model.office_names import office_display_name
from enquete.model.questionnaire import Questionnaire
from enquete.qtypes import type_of
from enquete.results.aggregate import Comment, Results
from enquete.results.denominators import answered_sentence, counted
from enquete.results.pieces import CommentSection, CountTable, Figures, Note, Piece
from enquete.text import one_line, printable

_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
_LINE_START = re.compile(
    r"^([ \t]*)(>|#{1,6}(?=[ \t]|$)|[-+](?=[ \t]|$)|[-=]+(?=[ \t]*$)|\d{1,9}[.)](?=[ \t]|$))"
)
"""What would start a block at a line's start: a quote, a heading (`# `), a bullet (`- `), a setext
underline or rule (`---`, `===`), an ordered list (`1. `, `2) `). "12.5" or "-1" start no block."""


_NOT_IN_URL = '\\s<>"`|\\\\\\[\\]\u3000-\u303f\uff00-\uffef“”‘’«»'
_URL = re.compile(f"(?<![A-Za-z0-9_])https?://[^/{_NOT_IN_URL}][^{_NOT_IN_URL}]*", re.IGNORECASE)
"""A web address as typed: up to a space, a character Markdown or a table would read (`<>|[]`...),
or CJK punctuation ("见 https://www.wipo.int/cws。")."""
_URL_TRAILING = ".,:;!?'*_~"
"""Punctuation that ends the sentence rather than the address ("see https://www.wipo.int/cws.")."""


def _address(candidate: str) -> str:
    """`candidate` without the sentence's punctuation after it, nor a `)` that closes the sentence's `(`."""
    while candidate and (candidate[-1] in _URL_TRAILING or _unbalanced_close(candidate)):
        candidate = candidate[:-1]
    return candidate


def _unbalanced_close(candidate: str) -> bool:
    return candidate.endswith(")") and candidate.count(")") > candidate.count("(")


def escape_inline(text: str) -> str:
    """Markdown that shows `text` as typed: emphasis, links, HTML, entities and pipes escaped.

    A web address becomes an autolink, `<https://...>`, untouched: escaping its
    `_` and `&` broke it (`task\\_force\\&x=1`, not clickable, wrong when copied
    from the raw text), and an autolink is clickable in every renderer.
    """
    parts: list[str] = []
    done = 0
    for match in _URL.finditer(text):
        address = _address(match.group())
        if address.endswith("://"):
            continue  # "http://." is no address
        parts.append(_INLINE.sub(r"\\\1", text[done : match.start()]))
        parts.append(f"<{address}>")
        done = match.start() + len(address)
    parts.append(_INLINE.sub(r"\\\1", text[done:]))
    return "".join(parts)


def escape_line(text: str) -> str:
    """One typed line as Markdown text: inline escapes, and no heading, quote or list at its start.

    Leading spaces are kept as `&nbsp;` entities: a renderer strips spaces (and no-break space
    characters) at the start of a paragraph, but an entity is only decoded after that.
    """
    escaped = escape_inline(text)
    match = _LINE_START.match(escaped)
    if match:
        marker = match.group(2)
        escaped = escaped[: match.start(2)] + marker[:-1] + "\\" + marker[-1] + escaped[match.end(2) :]
    stripped = escaped.lstrip(" \t\u00a0")
    return "&nbsp;" * (len(escaped) - len(stripped)) + stripped


def _cell(text: str) -> str:
    return escape_line(one_line(text))


def _words(text: str) -> str:
    """The report's own sentence, escaped, on one line, its no-break spaces kept ("répondu\u00a0:")."""
    return escape_line(re.sub(r"[ \t\r\n]+", " ", printable(text)).strip())


def _count(results: Results, count: int, lang: str, of: int | None = None) -> str:
    return counted(count, results.share(count, of), lang)


def render_markdown(
    results: Results,
    questionnaire: Questionnaire,
    language: str = "en",
    names: Mapping[str, str] | None = None,
) -> str:
    """The whole report as Markdown text.

    Args:
        results: The aggregated results.
        questionnaire: The questionnaire they answer (for texts and labels).
        language: The report's language: the questionnaire's texts and the report's own words (catalogs).
        names: Display names by respondent key from the invited list (UN-style names otherwise).

    Returns:
        The Markdown text, ending with a newline.
    """
    return "\n".join(_lines(results, questionnaire, language, names)) + "\n"


def _lines(results: Results, q: Questionnaire, lang: str, names: Mapping[str, str] | None) -> Iterator[str]:
    n = results.respondents
    yield f"# {one_line(q.title_in(lang))}"
    yield ""
    yield _words(translate("report.respondents_one" if n == 1 else "report.respondents", lang, n=n))
    yield ""
    if q.respondent_key is not None:  # an anonymous survey lists no one
        key_question = q.question(q.respondent_key)
        key_type = type_of(key_question)
        yield f"| {translate('report.code', lang)} | {translate('report.respondent', lang)} |"
        yield "| --- | --- |"
        for key in results.respondent_keys:
            name = key_type.value_label(key_question, key, lang)
            if key_type.name == "code" or (names and key in names):
                name = (
                    office_display_name(key, lang, names) or name
                )  # invited list, else UN-style with the office
            yield f"| {key} | {_cell(name)} |"
    for number, question in enumerate(q.questions, 1):
        yield ""
        yield f"## {number}. {_cell(question.text_in(lang))}"
        yield ""
        result = results.questions[question.id]
        if not type_of(question).takes_answer:
            continue  # a note: its text is all there is
        of = result.applicable
        yield _words(answered_sentence(results, q, question.id, lang))
        yield ""
        if question.id == q.respondent_key:
            yield translate("report.see_top", lang)
            continue
        for piece in type_of(question).report(question, result, lang):
            yield from _piece(results, piece, lang, of, anonymous=q.anonymous)
    yield from _problems(results, lang)


def _piece(
    results: Results, piece: Piece, lang: str, of: int | None = None, *, anonymous: bool = False
) -> Iterator[str]:
    if isinstance(piece, CountTable):
        yield from _table(results, piece, lang, of)
    elif isinstance(piece, Figures):
        yield f"| {_cell(translate('report.figure', lang))} | {_cell(translate('report.value', lang))} |"
        yield "| --- | ---: |"
        for name, value in piece.rows:
            yield f"| {_cell(name)} | {_cell(value)} |"
    elif isinstance(piece, CommentSection):
        yield from _comment_section(piece, anonymous)
    elif isinstance(piece, Note):
        yield piece.text


def _table(results: Results, table: CountTable, lang: str, of: int | None = None) -> Iterator[str]:
    header = [_cell(table.row_heading), *(_cell(c.label.full) for c in table.columns)]
    yield "| " + " | ".join(header) + " |"
    yield "| --- |" + " ---: |" * (len(header) - 1)
    for row in table.rows:
        cells = [_cell(row.label.full), *(_count(results, count, lang, of) for count in row.counts)]
        yield "| " + " | ".join(cells) + " |"


def _comment_section(section: CommentSection, anonymous: bool = False) -> Iterator[str]:
    if section.heading is not None:
        yield ""
        yield section.heading
    if section.by_option:
        for group in section.groups:
            yield ""
            yield f"### {_cell(group.label.full if group.label else '')}"
            yield ""
            yield from _comments(list(group.comments), section.empty, anonymous)
        return
    if section.heading is not None:
        yield ""
    yield from _comments([c for group in section.groups for c in group.comments], section.empty, anonymous)


def comment_markdown(respondent: str | None, text: str) -> str:
    """A list item `- **AU**: ...` whose every typed line stays a line (hard breaks), escaped.

    `respondent` None (an anonymous survey, whose keys are only response ids): `- ...`.
    """
    lines = printable(text).strip("\n").split("\n")
    who = f"**{escape_inline(respondent)}**: " if respondent is not None else ""
    parts = [f"- {who}{escape_line(lines[0].lstrip())}"]
    for line in lines[1:]:
        if not line.strip():
            parts.append("")  # a paragraph break inside the same list item
            continue
        if parts[-1]:
            parts[-1] += "\\"
        parts.append("  " + escape_line(line))
    return "\n".join(parts)


def _comments(comments: list[Comment], empty: str | None, anonymous: bool = False) -> Iterator[str]:
    if not comments:
        if empty is not None:
            yield empty
        return
    for comment in comments:
        yield comment_markdown(None if anonymous else comment.respondent, comment.text)


def _problems(results: Results, lang: str) -> Iterator[str]:
    if not (results.rejected or results.superseded or results.conflicts):
        return
    yield ""
    yield f"## {translate('report.files_not_counted', lang)}"
    yield ""
    for r in results.rejected:
        yield "- " + translate("report.rejected", lang, file=_code(r.file), reason=one_line(r.reason))
    for s in results.superseded:
        by = _code(s.superseded_by)
        yield "- " + translate(
            "report.superseded", lang, file=_code(s.file), respondent=s.respondent, revision=s.revision, by=by
        )
    for c in results.conflicts:
        ignored = ", ".join(_code(f) for f in c.ignored)
        yield "- " + translate(
            "report.conflict", lang, respondent=c.respondent, counted=_code(c.counted), ignored=ignored
        )


def _code(name: str) -> str:
    """A file name as inline code, on one line."""
    return f"`{one_line(name)}`"
