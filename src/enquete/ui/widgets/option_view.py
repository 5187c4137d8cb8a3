"""Everything said about one option across questions: the Secretariat's "all on Recommendation 10".

For each question offering it: who chose it (a bar and the codes), a matrix
row's spread over its levels, and the comments written beside it.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from enquete.model.questionnaire import MatrixQuestion, Questionnaire
from enquete.results.aggregate import Results
from enquete.results.labels import option_label, option_short, question_title
from enquete.results.selections import option_across_questions, option_ids_across_questions
from enquete.text import one_line
from enquete.ui.content import tr
from enquete.ui.widgets.comment_list import ANONYMOUS_RULE
from enquete.ui.widgets.text_bar import bar
from enquete.ui.widgets.wrapped_lines import Line, WrappedLines, pad, text_lines

BAR = 10


def option_lines(results: Results, questionnaire: Questionnaire, option_id: str, lang: str) -> list[Line]:
    """What each question says about `option_id`, with shares of all respondents.

    Who chose it is listed by code, except in an anonymous survey, whose codes are
    response ids: there only the counts and the comments' text are shown.
    """
    named = not questionnaire.anonymous
    n = results.respondents
    lines = [Line(one_line(option_label(questionnaire, option_id, lang)), 0, "bold")]
    lines.append(Line(tr("results.of_all", lang, total=n), 0, "dim"))
    for reading in option_across_questions(results, questionnaire, option_id):
        question = questionnaire.question(reading.question)
        number = questionnaire.ids.index(question.id) + 1
        lines.append(Line(""))
        lines.append(Line(f"{number}. {question_title(question, lang)}", 0, "bold underline"))
        if isinstance(question, MatrixQuestion):
            for column in question.columns:
                keys = reading.levels[column.id]
                figures = f"{bar(len(keys), n, BAR)} {len(keys)} ({results.share(len(keys))}%)"
                lines.append(Line(f"{pad(column.short_in(lang), 10)} {figures}", 2))
                if keys and named:
                    lines.append(Line(" ".join(keys), 13, "dim"))
            continue
        count = len(reading.respondents)
        lines.append(Line(f"{bar(count, n, BAR)} {count} ({results.share(count)}%)", 2))
        if reading.respondents and named:
            lines.append(Line(" ".join(reading.respondents), 2, "dim"))
        for comment in results.questions[question.id].comments:
            if comment.option == option_id:
                lines.append(
                    Line(comment.respondent if named else ANONYMOUS_RULE, 2, "bold" if named else "dim")
                )
                lines += text_lines(comment.text, 7)
    return lines


class OptionView(Vertical):
    """An option list (every Recommendation) and the highlighted option's readings."""

    DEFAULT_CSS = """
    OptionView { height: auto; }
    OptionView OptionList { height: auto; max-height: 7; }
    """

    class Chosen(Message):
        """The highlighted option changed; the screen keeps its place for a reload."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, results: Results, questionnaire: Questionnaire, lang: str, index: int = 0) -> None:
        super().__init__()
        self.results, self.questionnaire, self.lang = results, questionnaire, lang
        self.option_ids = option_ids_across_questions(questionnaire)
        self.index = max(0, min(index, len(self.option_ids) - 1))

    def compose(self) -> ComposeResult:
        options = [
            Option(Content(one_line(option_short(self.questionnaire, o, self.lang), 44)))
            for o in self.option_ids
        ]
        menu = OptionList(*options)
        if options:
            menu.highlighted = self.index
        yield menu
        yield WrappedLines(self._lines())

    def _lines(self) -> list[Line]:
        if not self.option_ids:
            return []
        return option_lines(self.results, self.questionnaire, self.option_ids[self.index], self.lang)

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index != self.index:
            self.index = event.option_index
            self.query_one(WrappedLines).show(self._lines())
            self.post_message(self.Chosen(self.index))
