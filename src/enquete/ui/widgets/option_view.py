"""Everything said about one option across questions: the Secretariat's "all on Recommendation 10".

For each question offering it: who chose it (a bar and the codes), a matrix
row's spread over its levels, and the comments written beside it.
"""

from __future__ import annotations

from enquete.model.questionnaire import MatrixQuestion, Questionnaire
from enquete.results.aggregate import Results
from enquete.results.labels import option_label, option_short, question_title
from enquete.results.selections import option_across_questions, option_ids_across_questions
from enquete.text import one_line
from enquete.ui.content import tr
from enquete.ui.widgets.comment_list import ANONYMOUS_RULE
from enquete.ui.widgets.menu_with_reading import MenuWithReading
from enquete.ui.widgets.text_bar import bar
from enquete.ui.widgets.wrapped_lines import Line, pad, text_lines

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


class OptionView(MenuWithReading):
    """An option list (every Recommendation) and the highlighted option's readings."""

    class Chosen(MenuWithReading.Chosen):
        """The highlighted option changed; the screen keeps its place for a reload."""

    def __init__(self, results: Results, questionnaire: Questionnaire, lang: str, index: int = 0) -> None:
        self.results, self.questionnaire, self.lang = results, questionnaire, lang
        self.option_ids = option_ids_across_questions(questionnaire)
        labels = [one_line(option_short(questionnaire, o, lang), 44) for o in self.option_ids]
        super().__init__(labels, index)

    def reading(self, index: int) -> list[Line]:
        return option_lines(self.results, self.questionnaire, self.option_ids[index], self.lang)
