"""One person filling one response: answers, their problems, and saving as they go.

No UI here: the app drives a `FillSession`, and tests drive it directly. Each
change replaces `response` with a new immutable value, and `save_draft` writes
whatever is current when it gets the lock, so saves made from worker threads
can finish in any order and the file still ends on the newest answers.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from enquete.errors import ResponseFileError, StorageError
from enquete.model.answers import (
    Answer,
    Problem,
    constraint_problems,
    is_answered,
    missing_answer,
    read_answer,
)
from enquete.model.questionnaire import CodeQuestion, Questionnaire
from enquete.model.response import Response
from enquete.storage.responses import ResponseFolder, load_response


class QuestionState(StrEnum):
    ANSWERED = "answered"
    EMPTY = "empty"
    INVALID = "invalid"
    SKIPPED = "skipped"
    """Not asked: the skip logic says it does not apply (its answer, if any, is set aside)."""


class FillSession:
    """The response being filled in, with the answers exactly as the person left them."""

    def __init__(self, questionnaire: Questionnaire, folder: ResponseFolder, response: Response) -> None:
        self.questionnaire = questionnaire
        self.folder = folder
        self.response = response
        self._raw: dict[str, Any] = {}
        """Answers as typed, including invalid ones the file cannot hold yet."""
        self._problems: dict[str, list[Problem]] = {}
        self._lock = threading.Lock()
        self._relevance: tuple[Response, dict[str, bool]] | None = None
        """The relevance last computed, with the response it was computed for."""

    # --- starting -------------------------------------------------------------

    @classmethod
    def new(cls, questionnaire: Questionnaire, folder: ResponseFolder, language: str) -> FillSession:
        return cls(questionnaire, folder, Response.new(questionnaire, language))

    @classmethod
    def resume(cls, questionnaire: Questionnaire, folder: ResponseFolder, path: Path) -> FillSession:
        """Continue a draft, or edit a submitted response as its next revision."""
        response, _problems = load_response(path, questionnaire)
        if response.status == "submitted":
            response = replace(response, status="draft", revision=response.revision + 1)
        return cls(questionnaire, folder, response)

    @classmethod
    def for_office(
        cls, questionnaire: Questionnaire, folder: ResponseFolder, office: str, language: str
    ) -> FillSession:
        """The office's draft if there is one, else its submitted response, else a new one.

        The key is normalised the way its question stores it: an ST.3 code
        upper-cased (`au` -> `AU`), a choice's option id kept as written
        (upper-casing `north` made a survey keyed on a choice unusable).
        """
        key_question = questionnaire.respondent_key
        if key_question is None:
            raise StorageError("this survey is anonymous: there is no respondent to choose")
        code = office.strip()
        if isinstance(questionnaire.question(key_question), CodeQuestion):
            code = code.upper()
        for path, draft in folder.drafts(questionnaire):
            if draft.key(questionnaire) == code:
                return cls.resume(questionnaire, folder, path)
        try:
            submitted = folder.submitted_path(code)
        except StorageError:
            submitted = None
        if submitted is not None and submitted.is_file():
            try:
                return cls.resume(questionnaire, folder, submitted)
            except ResponseFileError:
                pass
        session = cls.new(questionnaire, folder, language)
        session.set_answer(key_question, code)
        return session

    # --- answers --------------------------------------------------------------

    def raw_answer(self, question_id: str) -> Any:
        """What the field should show: as typed if invalid, else the stored answer."""
        if question_id in self._raw:
            return self._raw[question_id]
        return self.response.answers.get(question_id)

    def set_answer(self, question_id: str, raw: Any) -> list[Problem]:
        """Record a change; returns the problems of this answer as it stands."""
        question = self.questionnaire.question(question_id)
        answer, problems = read_answer(question, raw) if raw is not None else (None, [])
        if problems:
            self._raw[question_id] = raw
        else:
            self._raw.pop(question_id, None)
        self._problems[question_id] = problems
        self.response = self.response.with_answer(question_id, answer)
        return problems

    def answer(self, question_id: str) -> Answer | None:
        return self.response.answers.get(question_id)

    def relevance(self) -> dict[str, bool]:
        """Which questions are asked now, given the answers so far (all, without skip logic)."""
        cached = self._relevance
        if cached is not None and cached[0] is self.response:
            return cached[1]  # responses are immutable: the same object, the same answers
        rules = self.questionnaire.rules()
        if rules.has_logic:
            relevant = rules.relevance(self.response.answers)
        else:
            relevant = dict.fromkeys(self.questionnaire.ids, True)
        self._relevance = (self.response, relevant)
        return relevant

    def is_relevant(self, question_id: str) -> bool:
        return self.relevance().get(question_id, True)

    def is_required(self, question_id: str) -> bool:
        """Whether an answer is needed now (a conditional requirement, or none when not asked)."""
        return self.questionnaire.rules().is_required(question_id, self.response.answers, self.relevance())

    def problems(self, question_id: str, *, complete: bool = False) -> list[Problem]:
        """What is wrong with the answer as typed; with `complete`, also what is missing.

        A constraint is checked as the person types; a question the skip logic
        does not ask has no problems (its answer is set aside, not checked).
        """
        relevant = self.relevance()
        if not relevant.get(question_id, True):
            return []
        found = list(self._problems.get(question_id, []))
        if not found:
            found = constraint_problems(self.questionnaire, question_id, self.response.answers, relevant)
        if complete and not found:
            required = self.questionnaire.rules().is_required(question_id, self.response.answers, relevant)
            question = self.questionnaire.question(question_id)
            found = missing_answer(question, self.answer(question_id), required)
        return found

    def state(self, question_id: str) -> QuestionState:
        if not self.is_relevant(question_id):
            return QuestionState.SKIPPED
        if self.problems(question_id):
            return QuestionState.INVALID
        return QuestionState.ANSWERED if is_answered(self.answer(question_id)) else QuestionState.EMPTY

    def all_problems(self) -> list[Problem]:
        """Everything that stops submission, in question order (questions not asked excluded)."""
        found: list[Problem] = []
        for qid in self.questionnaire.ids:
            found += self.problems(qid, complete=True)
        return found

    def submittable(self) -> Response:
        """The response as it is sent: answers to questions not asked are left out (kept in the draft)."""
        relevant = self.relevance()
        answers = {qid: a for qid, a in self.response.answers.items() if relevant.get(qid, True)}
        return replace(self.response, answers=answers)

    def go_to(self, question_id: str) -> None:
        self.response = replace(self.response, current_question=question_id)

    def set_language(self, language: str) -> None:
        self.response = replace(self.response, language=language)

    # --- saving ---------------------------------------------------------------

    def save_draft(self) -> None:
        """Write the current answers to the draft file.

        Raises:
            StorageError: The draft could not be written; the answers stay in memory,
                so the caller can say so and try again.
        """
        with self._lock:
            self.folder.save_draft(self.response)

    def submit(self) -> Path:
        """Write the submitted file, after checking once more that nothing stops submission.

        Returns:
            The path of the submitted response file.

        Raises:
            StorageError: The response still has problems, or the file could not be written.
        """
        if self.all_problems():
            raise StorageError("the response still has problems")
        with self._lock:
            path, self.response = self.folder.submit(self.submittable(), self.questionnaire)
        return path
