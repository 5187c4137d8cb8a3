"""Everything one respondent said, across questions: the Secretariat's "what did AU say?".

A list of respondents (arrow keys, or type to jump) above the chosen one's
answers, question by question, comments line by line.
"""

from __future__ import annotations

from collections.abc import Mapping

from enquete.model.office_names import office_display_name
from enquete.model.questionnaire import Questionnaire
from enquete.qtypes import type_of
from enquete.results.aggregate import Results
from enquete.results.labels import option_tag, question_title
from enquete.text import one_line
from enquete.ui.content import tr
from enquete.ui.widgets.menu_with_reading import MenuWithReading
from enquete.ui.widgets.wrapped_lines import Line, pad, text_lines

INDENT = 3


def respondent_label(
    results: Results,
    questionnaire: Questionnaire,
    key: str,
    lang: str,
    names: Mapping[str, str] | None = None,
) -> str:
    """ "AU  Australia, IP Australia"; in an anonymous survey "Response 2", never the response's id."""
    if questionnaire.anonymous:
        return tr("results.response_number", lang, number=results.respondent_keys.index(key) + 1)
    return f"{key}  {office_display_name(key, lang, names)}"


def respondent_lines(
    results: Results,
    questionnaire: Questionnaire,
    key: str,
    lang: str,
    names: Mapping[str, str] | None = None,
) -> list[Line]:
    """One respondent's answers to every question, in order, in words.

    Each question's type says how its answer spreads over columns (as in the
    CSV): a chosen option shows as "✓ label" with its comment under it, a
    matrix row as "Rec. 1  Implemented", a value by its label, a comment as
    its lines.
    """
    answers = results.responses[key].answers
    lines: list[Line] = [Line(respondent_label(results, questionnaire, key, lang, names), 0, "bold", hang=4)]
    for number, question in enumerate(questionnaire.questions, 1):
        lines.append(Line(""))
        lines.append(Line(f"{number}. {question_title(question, lang)}", 0, "bold underline"))
        qtype = type_of(question)
        answer = answers.get(question.id)
        if answer is None or not qtype.is_answered(question, answer):
            lines.append(Line(tr("results.not_answered", lang), INDENT, "dim"))
            continue
        cells = qtype.cells(question, answer)
        options = {o.id: o for field in qtype.option_lists(question).values() for o in field}
        columns = qtype.columns(question)
        flagged = {c.option for c in columns if c.kind == "flag"}
        comment_of = {c.option: c.name for c in columns if c.kind == "comment"}
        for column in columns:
            option = options.get(column.option or "")
            if column.kind == "flag" and cells.get(column.name) == "1":
                lines.append(
                    Line(f"✓ {one_line(option.short_in(lang) if option else str(column.option))}", INDENT)
                )
                comment = cells.get(comment_of.get(column.option, ""), "")
                if comment:
                    lines += text_lines(comment, INDENT + 2)
            elif column.kind == "comment" and column.option not in flagged and column.name in cells:
                lines += text_lines(cells[column.name], INDENT)
            elif column.kind == "value" and column.name in cells:
                value = cells[column.name]
                shown = options[value].label_in(lang) if value in options else value
                if option is not None:
                    lines.append(Line(f"{pad(option_tag(option, lang), 12)} {one_line(shown)}", INDENT))
                else:
                    lines += text_lines(shown, INDENT)
    return lines


class RespondentView(MenuWithReading):
    """A respondent list and the highlighted respondent's answers."""

    class Chosen(MenuWithReading.Chosen):
        """The highlighted respondent changed; the screen keeps its place for a reload."""

    def __init__(
        self,
        results: Results,
        questionnaire: Questionnaire,
        lang: str,
        index: int = 0,
        names: Mapping[str, str] | None = None,
    ) -> None:
        self.results, self.questionnaire, self.lang, self.names = results, questionnaire, lang, names
        labels = [self._entry(k) for k in results.respondent_keys]  # never an anonymous survey's ids
        super().__init__(labels, index, tr("results.none", lang))

    def reading(self, index: int) -> list[Line]:
        key = self.results.respondent_keys[index]
        return respondent_lines(self.results, self.questionnaire, key, self.lang, self.names)

    def _entry(self, key: str) -> str:
        if self.questionnaire.anonymous:
            return respondent_label(self.results, self.questionnaire, key, self.lang)
        return f"{key:<4} {one_line(office_display_name(key, self.lang, self.names), 34)}"
