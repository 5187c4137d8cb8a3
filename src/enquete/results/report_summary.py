"""The draft of the main text's paragraphs (CWS/13/26 paras 13-17 and 21), written from the figures.

Each paragraph is made of sentences from fixed templates (`summary_phrases`),
and each sentence carries the JSON figures it states (`questions.X.counts.Y`
of `respondents`), so a reader can check every number against
`enquete report --format json`. Shares are of ALL respondents, rounded half
up. Ranking follows the document: the highest group, the one that followed,
the range of the others ("between 24% and 43%"), and the lowest; tied
options are named together ("Recommendations 5 and 10 followed (57%)").

A matrix's "implemented or ongoing" is the first column group the questionnaire
names (`[[questions.column_groups]]`), the same total the Markdown report and
the results screen show.

Paragraph numbers: 13 for the respondents and the matrix questions, then one
per multi-select question (14, 15, ...), and 21 for the reading across
questions, as in the 2025 document. Another survey's number, date and
single-choice questions each get a paragraph too, in questionnaire order,
written from the same pieces their type gives every report (mean, median...;
earliest, latest; the ranking of its options), with the denominator sentence
of `denominators`: a conditional question's shares are of those it applied to.
An anonymous survey's respondents are counted, never listed (their keys are
response ids). Zero and small counts are said in words: "no respondent
selected ...", "in both".
"""

from __future__ import annotations

from dataclasses import dataclass

from enquete.i18n.catalog import translate
from enquete.model.questionnaire import AnyQuestion, MatrixQuestion, MultiQuestion, Option, Questionnaire
from enquete.qtypes import type_of
from enquete.results.aggregate import QuestionResult, Results
from enquete.results.denominators import answered_sentence
from enquete.results.labels import question_title
from enquete.results.pieces import CountTable, Figures
from enquete.results.selections import chose
from enquete.results.summary_phrases import (
    PHRASES,
    Phrases,
    group_names,
    join_list,
    option_name,
    phrases,
    plural_noun,
    with_share,
)

FIRST_PARAGRAPH = 13
CROSS_PARAGRAPH = 21
DOCUMENT_SURVEY = "cws-ict-2025"
"""The survey whose summary is CWS/13/26's paras 13-17 and 21, numbered as that document numbers them.

Another survey's paragraphs are numbered 1, 2, 3, ... and its reading across questions is left
out when it finds nothing (it would only say "No option was among the most selected ...")."""
POSITIVE_COLUMNS = 2
"""Without a column group in the questionnaire, the first two levels are read together."""


@dataclass(frozen=True)
class Figure:
    """A number a sentence states, and where it is in the JSON report."""

    path: str
    count: int
    of: int
    percent: int


@dataclass(frozen=True)
class Sentence:
    text: str
    figures: tuple[Figure, ...]


@dataclass(frozen=True)
class SummaryParagraph:
    number: int
    sentences: tuple[Sentence, ...]

    separator: str = " "

    @property
    def text(self) -> str:
        return self.separator.join(s.text for s in self.sentences)


@dataclass(frozen=True)
class _Item:
    """An option with its count, and the JSON paths of the counts that make it."""

    option: Option
    count: int
    paths: tuple[str, ...]


def _percent(results: Results, count: int, p: Phrases, of: int | None = None) -> str:
    return p.percent.format(p=results.share(count, of))


def _figures(results: Results, items: list[_Item], of: int | None = None) -> tuple[Figure, ...]:
    total = results.respondents if of is None else of
    return tuple(
        Figure(" + ".join(item.paths), item.count, total, results.share(item.count, of)) for item in items
    )


def ranking(
    results: Results, items: list[_Item], lang: str, of: int | None = None
) -> tuple[str, tuple[Figure, ...]]:
    """The document's ranking sentence body over `items` (options with counts), and the figures it states.

    The options inside the range ("between 24% and 43%") are not named, so only
    the range's two ends are among the figures. Shares are of all respondents,
    or of the `of` a conditional question applied to. A group nobody chose is
    said in words ("no respondent selected ..."), not as "the lowest (0%)".
    """
    p = phrases(lang)
    names = [option_name(item.option.label_in(lang)) for item in items]
    plural = plural_noun(names, p)
    groups: list[list[_Item]] = []
    for item in sorted(items, key=lambda i: -i.count):  # stable: ties keep questionnaire order
        if groups and groups[-1][0].count == item.count:
            groups[-1].append(item)
        else:
            groups.append([item])

    def named(group: list[_Item], start: bool = False) -> str:
        return group_names([option_name(i.option.label_in(lang)) for i in group], p, start)

    def pct(group: list[_Item]) -> str:
        return _percent(results, group[0].count, p, of)

    if not groups:
        return "", ()
    if len(groups) == 1:
        same = p.all_none if groups[0][0].count == 0 else p.all_same
        return same.format(plural=plural, p=pct(groups[0])), _figures(results, groups[0], of)
    top, bottom = groups[0], groups[-1]
    stated = (
        [top, *groups[1:2], *groups[2:-1][:1], *groups[2:-1][-1:], bottom]
        if len(groups) > 2
        else [top, bottom]
    )

    # After the topic's colon: no capital ("Current focus: la Recommandation 1..."); `_sentence` capitalizes.
    def slots(group: list[_Item]) -> dict[str, str]:
        """`{names}`, `{p}`, and `{named}` (both, as the language joins them) for a group's template."""
        return {"names": named(group), "p": pct(group), "named": with_share(named(group), pct(group), p)}

    parts = [p.top[len(top) > 1].format(**slots(top))]
    if len(groups) >= 3:
        second = groups[1]
        plural_form = len(top) > 1 if p.followed_agrees_with_top else len(second) > 1
        parts.append(p.followed[plural_form].format(**slots(second)))
    if len(groups) >= 4:
        middle = groups[2:-1]
        lo, hi = pct(middle[-1]), pct(middle[0])
        parts.append(
            p.middle_same.format(plural=plural, p=hi)
            if lo == hi
            else p.middle.format(plural=plural, lo=lo, hi=hi)
        )
    if bottom[0].count == 0:
        lowest = p.lowest_none.format(names=named(bottom))
    else:
        lowest = p.lowest[len(bottom) > 1].format(**slots(bottom))
    if lang == "zh":
        body = p.clause_sep.join([*parts, lowest])
    elif bottom[0].count == 0 and p.none_joiner is not None:
        body = p.clause_sep.join(parts) + p.none_joiner + lowest
    elif len(parts) == 1:
        body = parts[0] + p.two_groups_joiner + lowest
    else:
        body = p.clause_sep.join(parts) + p.clause_sep + p.two_groups_joiner.strip() + " " + lowest
    unique = list({id(group): group for group in stated}.values())
    return body, _figures(results, [item for group in unique for item in group], of)


def _sentence(text: str, p: Phrases) -> str:
    text = text[:1].upper() + text[1:]
    return text if text.endswith(p.sentence_end) else text + p.sentence_end


def summary_paragraphs(
    results: Results, questionnaire: Questionnaire, language: str = "en"
) -> list[SummaryParagraph]:
    """Paragraphs 13-17 and 21 drafted from `results`.

    In a language without summary phrases (Arabic, say) the whole draft is in
    English, the questionnaire's texts included, rather than a mix of the two.
    """
    if language not in PHRASES:
        language = "en"
    p = phrases(language)
    n = results.respondents
    document = questionnaire.id == DOCUMENT_SURVEY
    first = FIRST_PARAGRAPH if document else 1
    if n == 0:
        return [
            SummaryParagraph(first, (Sentence(_sentence(p.nobody, p), (Figure("respondents", 0, 0, 0),)),))
        ]
    paragraphs: list[SummaryParagraph] = []
    if questionnaire.anonymous:  # its keys are response ids: counted, never listed
        who = p.respondents_anonymous[n != 1].format(n=n)
    else:
        who = p.respondents[n != 1].format(n=n, codes=p.list_sep.join(results.respondent_keys))
    opening = [Sentence(_sentence(who, p), (Figure("respondents", n, n, 100 if n else 0),))]
    for question in questionnaire.questions:
        if isinstance(question, MatrixQuestion):
            opening += _matrix_sentences(results, questionnaire, question, language)
    paragraphs.append(SummaryParagraph(first, tuple(opening), p.sentence_sep))
    number = first
    for question in questionnaire.questions:
        if isinstance(question, MultiQuestion):
            number += 1
            sentences = _multi_sentences(results, questionnaire, question, language)
            paragraphs.append(SummaryParagraph(number, tuple(sentences), p.sentence_sep))
        elif _has_figures(questionnaire, question):
            number += 1
            sentences = _piece_sentences(results, questionnaire, question, language)
            paragraphs.append(SummaryParagraph(number, tuple(sentences), p.sentence_sep))
    cross = _cross_sentence(results, questionnaire, language)
    if document:
        paragraphs.append(SummaryParagraph(max(CROSS_PARAGRAPH, number + 1), (cross,)))
    elif cross.figures:  # "No option was among the most selected ..." says nothing of another survey
        paragraphs.append(SummaryParagraph(number + 1, (cross,)))
    return paragraphs


def _of_whom(results: Results, questionnaire: Questionnaire, question_id: str, lang: str) -> list[Sentence]:
    """A conditional question's denominator sentence (its shares are of those it applied to); [] otherwise."""
    result = results.questions[question_id]
    if result.applicable is None:
        return []
    figure = Figure(
        f"questions.{question_id}.applicable",
        result.applicable,
        results.respondents,
        results.share(result.applicable),
    )
    said = answered_sentence(results, questionnaire, question_id, lang)
    return [Sentence(_sentence(said, phrases(lang)), (figure,))]


def _matrix_sentences(
    results: Results, questionnaire: Questionnaire, question: MatrixQuestion, lang: str
) -> list[Sentence]:
    p = phrases(lang)
    of = results.questions[question.id].applicable
    group = question.column_groups[0].columns if question.column_groups else []
    positive = [c for c in question.columns if c.id in group] or question.columns[:POSITIVE_COLUMNS]
    counts = results.questions[question.id].cell_counts
    items = [
        _Item(
            row,
            sum(counts[row.id][c.id] for c in positive),
            tuple(f"questions.{question.id}.counts.{row.id}.{c.id}" for c in positive),
        )
        for row in question.rows
    ]
    title = _title(question, lang) + p.parens.format(
        text=p.positive_joiner.join(c.label_in(lang) for c in positive)
    )
    body, figures = ranking(results, items, lang, of)
    sentences = [Sentence(_sentence(p.topic.format(title=title) + body, p), figures)]
    tops, top_figures = [], []
    for column in [c for c in question.columns if c not in positive]:
        best = max((counts[row.id][column.id] for row in question.rows), default=0)
        if best == 0:
            continue
        rows = [row for row in question.rows if counts[row.id][column.id] == best]
        names = group_names([option_name(r.label_in(lang)) for r in rows], p)
        share = _percent(results, best, p, of)
        tops.append(
            p.level_top.format(
                level=column.label_in(lang), names=names, p=share, named=with_share(names, share, p)
            )
        )
        top_figures += [
            Figure(
                f"questions.{question.id}.counts.{r.id}.{column.id}",
                best,
                results.respondents if of is None else of,
                results.share(best, of),
            )
            for r in rows
        ]
    if tops:
        items_text = p.items_sep.join(tops)
        sentences.append(Sentence(_sentence(p.other_levels.format(items=items_text), p), tuple(top_figures)))
    return sentences + _of_whom(results, questionnaire, question.id, lang)


def _multi_sentences(
    results: Results, questionnaire: Questionnaire, question: MultiQuestion, lang: str
) -> list[Sentence]:
    """The ranking of its options, its exclusive options, who did not answer; of those it applied to."""
    p = phrases(lang)
    result = results.questions[question.id]
    of = result.applicable
    total = results.respondents if of is None else of
    items = [
        _Item(o, result.option_counts.get(o.id, 0), (f"questions.{question.id}.counts.{o.id}",))
        for o in question.options
        if not o.exclusive
    ]
    body, figures = ranking(results, items, lang, of)
    sentences = [Sentence(_sentence(p.topic.format(title=_title(question, lang)) + body, p), figures)]
    for option in question.options:
        if option.exclusive:
            count = result.option_counts.get(option.id, 0)
            template = p.exclusive if of is None else p.exclusive_of
            if count == 0:
                template = p.exclusive_none
            elif count == 1 and p.exclusive_one and of is None:
                template = p.exclusive_one
            text = template.format(
                p=_percent(results, count, p, of), count=count, n=total, label=option.label_in(lang)
            )
            figure = Figure(
                f"questions.{question.id}.counts.{option.id}", count, total, results.share(count, of)
            )
            sentences.append(Sentence(_sentence(text, p), (figure,)))
    silent = total - result.answered  # of those it applied to: the others were not asked
    if silent:
        text = p.not_answered[silent != 1].format(count=silent, n=total, p=_percent(results, silent, p, of))
        whole = "respondents" if of is None else f"questions.{question.id}.applicable"
        figure = Figure(
            f"{whole} - questions.{question.id}.answered", silent, total, results.share(silent, of)
        )
        sentences.append(Sentence(_sentence(text, p), (figure,)))
    return sentences + _of_whom(results, questionnaire, question.id, lang)


def _has_figures(questionnaire: Questionnaire, question: AnyQuestion) -> bool:
    """A question the summary states from its type's pieces: a number, a date, a single choice.

    Free text (comments, "other, please specify") is listed in the annex, not summarised;
    the respondent key is the opening sentence; matrices and multi-selects have their own.
    """
    if question.id == questionnaire.respondent_key or isinstance(question, MatrixQuestion | MultiQuestion):
        return False
    pieces = type_of(question).report(question, QuestionResult(question.id, question.type), "en")
    return any(
        isinstance(piece, Figures) or (isinstance(piece, CountTable) and not piece.grid) for piece in pieces
    )


def _piece_sentences(
    results: Results, questionnaire: Questionnaire, question: AnyQuestion, lang: str
) -> list[Sentence]:
    """A question's figures as its type reports them, then who answered it and of whom.

    "Examiners: mean 200 examiners; median 160 examiners; ... Answered by 4 (100%) of 4
    respondents."; a single choice is ranked like a multi-select, its shares of those
    it applied to.
    """
    p = phrases(lang)
    result = results.questions[question.id]
    of = result.applicable
    topic = p.topic.format(title=_title(question, lang))
    total = results.respondents if of is None else of
    answered_figure = Figure(
        f"questions.{question.id}.answered", result.answered, total, results.share(result.answered, of)
    )
    answered = Sentence(
        _sentence(answered_sentence(results, questionnaire, question.id, lang), p), (answered_figure,)
    )
    answered_word = translate("figure.answered", lang)
    options = {o.id: o for o in type_of(question).options(question)}
    bodies: list[tuple[str, tuple[Figure, ...]]] = []
    for piece in type_of(question).report(question, result, lang):
        if isinstance(piece, Figures):
            rows = [f"{_lower_first(name)} {value}" for name, value in piece.rows if name != answered_word]
            if rows:
                bodies.append((p.items_sep.join(rows), ()))  # no shares among them
        elif isinstance(piece, CountTable) and not piece.grid and options and result.answered:
            items = [
                _Item(o, result.option_counts.get(o.id, 0), (f"questions.{question.id}.counts.{o.id}",))
                for o in options.values()
            ]
            body, figures = ranking(results, items, lang, of)
            if body:
                bodies.append((body, figures))
    if not bodies:
        return [Sentence(_sentence(topic + _lower_first(answered.text), p), answered.figures)]
    return [Sentence(_sentence(topic + body, p), figures) for body, figures in bodies] + [answered]


def _title(question: AnyQuestion, lang: str) -> str:
    """A question's title in a sentence: its `short`, else its first sentence whole.

    Regression: the 60-cell title of menus and sheet names cut a Russian or
    French question mid-sentence ("По каким стандартам ВОИС вашим сотрудникам
    необходимо…:"), which a paragraph to paste into a document cannot carry.
    """
    return question_title(question, lang, limit=None)


def _lower_first(text: str) -> str:
    """ "Mean" after a colon reads "mean"; a language without case is unchanged."""
    return text[:1].lower() + text[1:]


def _top_two(results: Results, question: MultiQuestion) -> set[str]:
    """The options of the highest two count groups (ignoring exclusive ones and zeros)."""
    counts = results.questions[question.id].option_counts
    values = sorted({counts.get(o.id, 0) for o in question.options if not o.exclusive} - {0}, reverse=True)[
        :2
    ]
    return {o.id for o in question.options if not o.exclusive and counts.get(o.id, 0) in values}


def _cross_sentence(results: Results, questionnaire: Questionnaire, lang: str) -> Sentence:
    """Options among the most selected in several questions, and how many chose them in all."""
    p = phrases(lang)
    multis = [q for q in questionnaire.questions if isinstance(q, MultiQuestion)]
    tops = {q.id: _top_two(results, q) for q in multis}
    candidates: list[tuple[int, int, Option, list[MultiQuestion]]] = []
    seen: set[str] = set()
    for position, question in enumerate(multis):
        for option in question.options:
            if option.exclusive or option.id in seen:
                continue
            seen.add(option.id)
            where = [q for q in multis if option.id in tops[q.id]]
            if len(where) >= 2:
                candidates.append((-len(where), position, option, where))
    if not candidates:
        return Sentence(_sentence(p.cross_none, p), ())
    candidates.sort(key=lambda c: (c[0], c[1]))
    best = [c for c in candidates if c[0] == candidates[0][0]]
    texts, figures = [], []
    for _, _, option, where in best:
        everyone = set(results.respondent_keys)
        items = []
        for question in where:
            keys = chose(results, question, option.id)
            everyone &= set(keys)
            count = len(keys)
            title = _title(question, lang)
            quoted = p.quote.format(text=title)
            items.append(quoted + p.parens.format(text=_percent(results, count, p)))
            figures.append(
                Figure(
                    f"questions.{question.id}.counts.{option.id}",
                    count,
                    results.respondents,
                    results.share(count),
                )
            )
        together = len(everyone)
        figures.append(
            Figure(
                " & ".join(f"cross_readings.{option.id}.chose_in.{q.id}" for q in where),
                together,
                results.respondents,
                results.share(together),
            )
        )
        if together == 0:
            template = p.cross_nobody_both if len(where) == 2 else p.cross_nobody
        elif len(where) == 2:
            template = p.cross_both[together != 1]
        else:
            template = p.cross[together != 1]
        texts.append(
            template.format(
                names=group_names([option_name(option.label_in(lang))], p, True),
                k=len(where),
                items=join_list(items, p),
                count=together,
                p=_percent(results, together, p),
            )
        )
    return Sentence(p.sentence_sep.join(_sentence(t, p) for t in texts), tuple(figures))


def render_summary(results: Results, questionnaire: Questionnaire, language: str = "en") -> str:
    """The paragraphs as text to paste, then the figures each one states, for checking."""
    paragraphs = summary_paragraphs(results, questionnaire, language)
    lines = [f"{para.number}. {para.text}\n" for para in paragraphs]
    lines.append("---")
    for para in paragraphs:
        for figure in (f for s in para.sentences for f in s.figures):
            lines.append(f"{para.number}: {figure.path} = {figure.count} of {figure.of} ({figure.percent}%)")
    return "\n".join(lines) + "\n"
