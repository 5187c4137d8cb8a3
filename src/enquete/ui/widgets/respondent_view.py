"""Everything one respondent said, across questions: the Secretariat's "what did AU say?".

A list of respondents (arrow keys, or type to jump) above the chosen one's
answers, question by question, comments line by line.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from enquete.model.answers import MultiAnswer, is_answered
from enquete.model.office_names import office_display_name
from enquete.model.questionnaire import MatrixQuestion, MultiQuestion, Questionnaire
from enquete.results.aggregate import Results
from enquete.results.labels import option_tag, question_title
from enquete.text import one_line
from enquete.ui.content import tr
from enquete.ui.widgets.wrapped_lines import Line, WrappedLines, text_lines

INDENT = 3


def respondent_lines(results: Results, questionnaire: Questionnaire, key: str, lang: str) -> list[Line]:
    """One respondent's answers to every question, in order, in words."""
    answers = results.responses[key].answers
    lines: list[Line] = [Line(f"{key}  {office_display_name(key, lang)}", 0, "bold", hang=4)]
    for number, question in enumerate(questionnaire.questions, 1):
        lines.append(Line(""))
        lines.append(Line(f"{number}. {question_title(question, lang)}", 0, "bold underline"))
        answer = answers.get(question.id)
        if answer is None or not is_answered(answer):
            lines.append(Line(tr("results.not_answered", lang), INDENT, "dim"))
        elif isinstance(question, MatrixQuestion) and isinstance(answer, dict):
            columns = {c.id: c.label_in(lang) for c in question.columns}
            for row in question.rows:
                level = columns.get(answer.get(row.id, ""), tr("results.not_answered", lang))
                lines.append(Line(f"{one_line(option_tag(row, lang), 12):<12} {level}", INDENT))
        elif isinstance(question, MultiQuestion) and isinstance(answer, MultiAnswer):
            for option in question.options:
                if option.id in answer.selected:
                    lines.append(Line(f"✓ {one_line(option.short_in(lang))}", INDENT))
                    if option.id in answer.comments:
                        lines += text_lines(answer.comments[option.id], INDENT + 2)
            if answer.comment:
                lines += text_lines(answer.comment, INDENT)
        elif isinstance(answer, str):
            lines += text_lines(answer, INDENT)
    return lines


class RespondentView(Vertical):
    """A respondent list and the highlighted respondent's answers."""

    DEFAULT_CSS = """
    RespondentView { height: auto; }
    RespondentView OptionList { height: auto; max-height: 7; }
    """

    class Chosen(Message):
        """The highlighted respondent changed; the screen keeps its place for a reload."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, results: Results, questionnaire: Questionnaire, lang: str, index: int = 0) -> None:
        super().__init__()
        self.results, self.questionnaire, self.lang = results, questionnaire, lang
        self.index = max(0, min(index, len(results.respondent_keys) - 1))

    def compose(self) -> ComposeResult:
        keys = self.results.respondent_keys
        options = [Option(Content(f"{k:<4} {one_line(office_display_name(k, self.lang), 34)}")) for k in keys]
        menu = OptionList(*options)
        if keys:
            menu.highlighted = self.index
        yield menu
        yield WrappedLines(self._lines(), tr("results.none", self.lang))

    def _lines(self) -> list[Line]:
        keys = self.results.respondent_keys
        if not keys:
            return []
        return respondent_lines(self.results, self.questionnaire, keys[self.index], self.lang)

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index != self.index:
            self.index = event.option_index
            self.query_one(WrappedLines).show(self._lines())
            self.post_message(self.Chosen(self.index))
