"""Jump to any question: the list of questions with their state (answered, empty, invalid)."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from enquete.session import FillSession
from enquete.text import one_line
from enquete.ui.content import STATE_MARKS, tr
from enquete.ui.widgets.end_stop_option_list import EndStopOptionList


class QuestionListDialog(ModalScreen[str | None]):
    """Returns the id of the question chosen, or None."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "dismiss(None)", show=False)]

    def __init__(self, session: FillSession, current: str, language: str) -> None:
        super().__init__()
        self.session, self.current, self.language = session, current, language

    def compose(self) -> ComposeResult:
        options = []
        for number, question in enumerate(self.session.questionnaire.questions, 1):
            state = self.session.state(question.id)
            label = Content.assemble(
                (f"{STATE_MARKS[state]} ", "bold"),
                f"{number}. ",
                one_line(question.short_in(self.language), 44),
                (f"  {tr('state.' + state.value, self.language)}", "dim"),
            )
            options.append(Option(label, id=question.id))
        with Vertical():
            yield Static(tr("jump.title", self.language), classes="dialog-title", markup=False)
            yield EndStopOptionList(*options)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = self.session.questionnaire.ids.index(self.current)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
