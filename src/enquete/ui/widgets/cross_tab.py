"""A cross-tab of multi-select questions: who chose the same option in each of them.

Tick two questions (or three) with Space; each shared option then shows how
many respondents chose it in each question and in all of them at once, with
a bar of that share of all respondents and their codes: "Recommendation 10
as a focus AND as a challenge".
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import SelectionList
from textual.widgets.selection_list import Selection

from enquete.model.question import QuestionBase
from enquete.model.questionnaire import Questionnaire
from enquete.results.aggregate import Results
from enquete.results.labels import find_option, option_tag, question_title
from enquete.results.selections import choice_questions, cross_tab
from enquete.text import one_line
from enquete.ui.content import tr
from enquete.ui.widgets.end_stop_selection_list import EndStopSelectionList
from enquete.ui.widgets.text_bar import bar
from enquete.ui.widgets.wrapped_lines import Line, WrappedLines, pad

BAR = 10


def cross_lines(
    results: Results, questionnaire: Questionnaire, question_ids: list[str], lang: str
) -> list[Line]:
    """The cross-tab of `question_ids` as lines: per option, counts in each, then in all with a bar."""
    if len(question_ids) < 2:
        return [Line(tr("results.cross_pick", lang), 0, "dim")]
    n = results.respondents
    numbers = {q.id: questionnaire.ids.index(q.id) + 1 for q in questionnaire.questions}
    heads = [f"Q{numbers[q]}" for q in question_ids]
    lines = [Line(tr("results.cross_title", lang, questions=" + ".join(heads), total=n), 0, "dim")]
    lines.append(
        Line(f"{'':<9}" + "".join(f"{h:>5}" for h in heads) + "  " + tr("results.cross_all", lang), 0, "bold")
    )
    for row in cross_tab(results, questionnaire, question_ids):
        option = find_option(questionnaire, row.option)
        tag = one_line(option_tag(option, lang) if option else row.option, 8)
        each = "".join(f"{len(row.chose_in[q]):>5}" for q in question_ids)
        both = len(row.chose_in_all)
        lines.append(Line(f"{pad(tag, 9)}{each}  {bar(both, n, BAR)} {both} ({results.share(both)}%)"))
        if row.chose_in_all and not questionnaire.anonymous:  # response ids name no one: not listed
            lines.append(Line(" ".join(row.chose_in_all), 9 + 5 * len(heads) + 2, "dim"))
    return lines


class CrossTab(Vertical):
    """Questions to cross (ticked with Space) above the table of shared options."""

    DEFAULT_CSS = """
    CrossTab { height: auto; }
    CrossTab SelectionList { height: auto; max-height: 8; }
    """

    class QuestionsChosen(Message):
        """The ticked questions changed; the screen keeps them for a reload."""

        def __init__(self, question_ids: list[str]) -> None:
            super().__init__()
            self.question_ids = question_ids

    def __init__(
        self, results: Results, questionnaire: Questionnaire, lang: str, question_ids: list[str] | None = None
    ) -> None:
        super().__init__()
        self.results, self.questionnaire, self.lang = results, questionnaire, lang
        self.multis = choice_questions(questionnaire)
        default = [q.id for q in self.multis][:2]
        self.question_ids = question_ids if question_ids is not None else default

    def compose(self) -> ComposeResult:
        yield EndStopSelectionList[str](
            *(
                Selection(self._prompt(q, q.id in self.question_ids), q.id, q.id in self.question_ids)
                for q in self.multis
            )
        )
        yield WrappedLines(cross_lines(self.results, self.questionnaire, self.question_ids, self.lang))

    def _prompt(self, question: QuestionBase, ticked: bool) -> str:
        """ "✓ Q4 Current focus": the tick is in the text too, so it shows without colour (NO_COLOR)."""
        number = self.questionnaire.ids.index(question.id) + 1
        return f"{'✓' if ticked else '·'} Q{number} {one_line(question_title(question, self.lang), 34)}"

    @on(SelectionList.SelectedChanged)
    def _ticked(self, event: SelectionList.SelectedChanged[str]) -> None:
        event.stop()
        chosen = set(event.selection_list.selected)
        self.question_ids = [q.id for q in self.multis if q.id in chosen]
        for index, question in enumerate(self.multis):
            event.selection_list.replace_option_prompt_at_index(
                index, self._prompt(question, question.id in chosen)
            )
        self.query_one(WrappedLines).show(
            cross_lines(self.results, self.questionnaire, self.question_ids, self.lang)
        )
        self.post_message(self.QuestionsChosen(self.question_ids))
