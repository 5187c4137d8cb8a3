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
from enquete.model.answers import Answer, Problem, is_answered, missing_answer, read_answer
from enquete.model.questionnaire import CodeQuestion, Questionnaire
from enquete.model.response import Response
from enquete.storage.responses import ResponseFolder, load_response


class QuestionState(StrEnum):
    ANSWERED = "answered"
    EMPTY = "empty"
    INVALID = "invalid"


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

    def problems(self, question_id: str, *, complete: bool = False) -> list[Problem]:
        found = list(self._problems.get(question_id, []))
        if complete and not found:
            found = missing_answer(self.questionnaire.question(question_id), self.answer(question_id))
        return found

    def state(self, question_id: str) -> QuestionState:
        if self._problems.get(question_id):
            return QuestionState.INVALID
        return QuestionState.ANSWERED if is_answered(self.answer(question_id)) else QuestionState.EMPTY

    def all_problems(self) -> list[Problem]:
        """Everything that stops submission, in question order."""
        found: list[Problem] = []
        for qid in self.questionnaire.ids:
            found += self.problems(qid, complete=True)
        return found

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
            path, self.response = self.folder.submit(self.response, self.questionnaire)
        return path
