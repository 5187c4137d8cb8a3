"""What the fill screen holds: the session, the question shown, its language, its timers."""

from __future__ import annotations

from collections.abc import Callable

from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer

from enquete.model.questionnaire import AnyQuestion
from enquete.session import FillSession
from enquete.ui.widgets.answer_field import AnswerField


class FillState(Screen[None]):
    """The state every layer of the fill screen reads; the session owns the answers."""

    index: reactive[int] = reactive(0, recompose=True)
    """The question shown; changing it rebuilds the screen from the session."""
    language: reactive[str] = reactive("en", recompose=True)
    """The language of the screen, following the app's."""

    def __init__(self, session: FillSession, language: str) -> None:
        super().__init__()
        self.session = session
        ids = session.questionnaire.ids
        current = session.response.current_question
        self.set_reactive(FillState.index, ids.index(current) if current in ids else 0)
        self.set_reactive(FillState.language, language)
        self._save_timer: Timer | None = None
        self._retry_timer: Timer | None = None
        self._after_closing: Callable[[], object] | None = None
        self._quit_even_if_unsaved = False
        self._focus_subject: str | None = None

    @property
    def question(self) -> AnyQuestion:
        return self.session.questionnaire.questions[self.index]

    @property
    def field(self) -> AnswerField:
        return self.query_one("#field", AnswerField)
