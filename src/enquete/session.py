"""One person filling one response: every change to the answers, their problems, and saving.

No UI here: the app drives a `FillSession`, and tests drive it directly. The
session is the only owner of the answers: widgets report what the person did
(typed text, an option ticked) and show what the session then holds.

Saving is safe to call from any thread at any time. Each change bumps a
generation number; `save_draft` writes under a lock whatever is current when
it gets the lock, and only if something changed since the last write. Once
`submit` has run, no save writes a draft again (the "ghost draft" of the
office trial, #6), whichever thread it comes from.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from enquete.errors import ResponseFileError, StorageError
from enquete.model.answers import (
    Answer,
    MultiAnswer,
    Problem,
    constraint_problems,
    is_answered,
    missing_answer,
    read_answer,
)
from enquete.model.questionnaire import CodeQuestion, MultiQuestion, Questionnaire
from enquete.model.response import Response
from enquete.model.selection import as_raw, set_option_comment, set_question_comment, toggle_option
from enquete.storage.in_use import InUse
from enquete.storage.responses import DRAFTS, OtherResponse, ResponseFolder, load_response


class QuestionState(StrEnum):
    ANSWERED = "answered"
    EMPTY = "empty"
    INVALID = "invalid"
    SKIPPED = "skipped"
    """Not asked: the skip logic says it does not apply (its answer, if any, is set aside)."""
    NOTE = "note"
    """A note: text to read, nothing to answer (not "empty", which asks for an answer)."""


@dataclass(frozen=True)
class Workspace:
    """The questionnaire and the responses folder: what every screen and session works on."""

    questionnaire: Questionnaire
    folder: ResponseFolder


class FillSession:
    """The response being filled in, with the answers exactly as the person left them."""

    def __init__(self, workspace: Workspace, response: Response, *, on_disk: bool = False) -> None:
        self.workspace = workspace
        self.questionnaire = workspace.questionnaire
        self.folder = workspace.folder
        self.response = response
        self._raw: dict[str, Any] = {}
        """Answers as typed, including invalid ones the file cannot hold yet."""
        self._problems: dict[str, list[Problem]] = {}
        self._lock = threading.Lock()
        self._relevance: tuple[Response, dict[str, bool]] | None = None
        """The relevance last computed, with the response it was computed for."""
        self._generation = 0
        """Bumped by every change worth saving."""
        self._saved_generation = 0
        self._answers_changed = False
        self.on_disk = on_disk
        """Whether a draft of this response exists: moving around is then worth saving too."""
        self.submitted = False
        self.last_save_error: StorageError | None = None
        """Why the last save failed, until one succeeds: the answers are still in memory."""
        self.base_answers = dict(response.answers) if response.revision > 1 else None
        """When editing a submitted response: its answers, to tell whether anything changed."""
        self._in_use = InUse(self.folder.root / DRAFTS / f".{response.id}.lock")

    # --- starting -------------------------------------------------------------

    @classmethod
    def new(cls, workspace: Workspace, language: str) -> FillSession:
        return cls(workspace, Response.new(workspace.questionnaire, language))

    @classmethod
    def resume(cls, workspace: Workspace, path: Path) -> FillSession:
        """Continue a draft, or edit a submitted response as its next revision.

        Editing a submitted response whose unsent revision is already in
        drafts/ resumes that draft: its changes are never thrown away (#7).
        """
        questionnaire, folder = workspace.questionnaire, workspace.folder
        response, _problems = load_response(path, questionnaire)
        on_disk = response.status == "draft"
        canonical = folder.draft_path(response.id)
        if on_disk and path != canonical and canonical.is_file():
            # A draft under another name (renamed, copied in): saves go to drafts/<id>.toml,
            # so when that one exists and is newer, it is the one to resume (monkey seed 4).
            try:
                newer, _ = load_response(canonical, questionnaire)
            except ResponseFileError:
                newer = None
            if newer is not None and newer.saved >= response.saved:
                return cls(workspace, newer, on_disk=True)
        if response.status == "submitted":
            draft = folder.draft_path(response.id)
            if draft.is_file():
                try:
                    return cls.resume(workspace, draft)
                except ResponseFileError:
                    pass
            submitted = response
            response = replace(response, status="draft", revision=response.revision + 1)
            session = cls(workspace, response)
            session.base_answers = dict(submitted.answers)
            return session
        return cls(workspace, response, on_disk=on_disk)

    @classmethod
    def for_office(cls, workspace: Workspace, office: str, language: str) -> FillSession:
        """The office's fullest draft if there is one, else its submitted response, else a new one.

        The key is normalised the way its question stores it: an ST.3 code
        upper-cased (`au` -> `AU`), a choice's option id kept as written
        (upper-casing `north` made a survey keyed on a choice unusable).
        """
        questionnaire, folder = workspace.questionnaire, workspace.folder
        key_question = questionnaire.respondent_key
        if key_question is None:
            raise StorageError("this survey is anonymous: there is no respondent to choose", "anonymous")
        code = office.strip()
        if isinstance(questionnaire.question(key_question), CodeQuestion):
            code = code.upper()
        drafts = [(p, d) for p, d in folder.drafts(questionnaire) if d.key(questionnaire) == code]
        if drafts:
            path, _ = max(drafts, key=lambda item: (len(item[1].answers), item[1].saved))
            return cls.resume(workspace, path)
        try:
            submitted = folder.submitted_path(code)
        except StorageError:
            submitted = None
        if submitted is not None and submitted.is_file():
            try:
                return cls.resume(workspace, submitted)
            except ResponseFileError:
                pass
        session = cls.new(workspace, language)
        session.set_answer(key_question, code)
        session._saved_generation, session._answers_changed = session._generation, False
        return session

    def claim(self) -> None:
        """Hold this response against other windows; `ResponseInUse` if one has it open."""
        self._in_use.claim()

    def close(self) -> None:
        """Let other windows open this response again."""
        self._in_use.release()
        with contextlib.suppress(OSError):
            if not self.folder.draft_path(self.response.id).exists():
                self._in_use.path.unlink(missing_ok=True)

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
        if answer != self.response.answers.get(question_id) or problems:
            self.response = self.response.with_answer(question_id, answer)
            self._changed(answers=True)
        return problems

    def set_aside(self, question_id: str) -> dict[str, str]:
        """Comments of this question's unticked options: kept in the draft, not submitted."""
        return dict(self.response.set_aside.get(question_id, {}))

    def toggle_option(self, question_id: str, option_id: str, on: bool) -> None:
        """Tick or untick an option; comments of unticked options are set aside, not lost."""
        question = self._multi(question_id)
        answer, aside = toggle_option(
            question, self._multi_answer(question_id), self.set_aside(question_id), option_id, on
        )
        self._store_set_aside(question_id, aside)
        self.set_answer(question_id, as_raw(answer))

    def set_option_comment(self, question_id: str, option_id: str, text: str) -> None:
        question = self._multi(question_id)
        self.set_answer(
            question_id,
            as_raw(set_option_comment(question, self._multi_answer(question_id), option_id, text)),
        )

    def set_question_comment(self, question_id: str, text: str) -> None:
        question = self._multi(question_id)
        self.set_answer(
            question_id, as_raw(set_question_comment(question, self._multi_answer(question_id), text))
        )

    def _multi(self, question_id: str) -> MultiQuestion:
        question = self.questionnaire.question(question_id)
        if not isinstance(question, MultiQuestion):
            raise TypeError(f"question '{question_id}' is not a multi-select")
        return question

    def _multi_answer(self, question_id: str) -> MultiAnswer | None:
        answer = self.response.answers.get(question_id)
        return answer if isinstance(answer, MultiAnswer) else None

    def _store_set_aside(self, question_id: str, aside: dict[str, str]) -> None:
        if aside == self.response.set_aside.get(question_id, {}):
            return
        kept = {qid: dict(c) for qid, c in self.response.set_aside.items() if qid != question_id}
        if aside:
            kept[question_id] = dict(aside)
        self.response = replace(self.response, set_aside=kept)
        self._changed(answers=True)

    def all_set_aside(self) -> dict[str, dict[str, str]]:
        """Every set-aside comment, by question: review warns that they will not be sent."""
        return {qid: dict(c) for qid, c in self.response.set_aside.items() if c}

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
        from enquete.qtypes import type_of

        if not type_of(self.questionnaire.question(question_id)).takes_answer:
            return QuestionState.NOTE
        if self.problems(question_id):
            return QuestionState.INVALID
        return QuestionState.ANSWERED if is_answered(self.answer(question_id)) else QuestionState.EMPTY

    def asked_ids(self) -> list[str]:
        """The questions the person is asked now and can answer: notes and skipped questions are not.

        Bug (author trial): the progress counter counted them, so a complete response read 9/11.
        """
        from enquete.qtypes import type_of

        relevant = self.relevance()
        return [
            q.id for q in self.questionnaire.questions if relevant.get(q.id, True) and type_of(q).takes_answer
        ]

    def answered_count(self) -> int:
        """Questions asked, answered, nothing wrong or missing (a half-filled matrix is not)."""
        return sum(
            1
            for qid in self.asked_ids()
            if self.state(qid) is QuestionState.ANSWERED and not self.problems(qid, complete=True)
        )

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

    @property
    def unchanged_since_submitted(self) -> bool:
        """Editing a submitted response, and nothing differs from it yet (#34)."""
        return self.base_answers is not None and self.base_answers == self.response.answers

    def go_to(self, question_id: str) -> None:
        if question_id != self.response.current_question:
            self.response = replace(self.response, current_question=question_id)
            self._changed(answers=False)

    def set_language(self, language: str) -> None:
        if language != self.response.language:
            self.response = replace(self.response, language=language)
            self._changed(answers=False)

    # --- saving ---------------------------------------------------------------

    def _changed(self, *, answers: bool) -> None:
        self._generation += 1
        self._answers_changed = self._answers_changed or answers

    @property
    def needs_saving(self) -> bool:
        """Something changed since the last write, and it is worth a draft.

        A new response is not written until its first answer (no empty
        drafts, #11); opening a submitted one and moving around writes nothing
        until an answer changes (#7).
        """
        if self.submitted or self._generation == self._saved_generation:
            return False
        return self._answers_changed or self.on_disk

    def save_draft(self) -> bool:
        """Write the current answers to the draft file if they need it; True if written.

        Raises `StorageError` (and remembers it in `last_save_error`) when the disk refuses.
        """
        with self._lock:
            if not self.needs_saving:
                return False
            generation, response = self._generation, self.response
            try:
                self._in_use.claim()  # another window holding it is a failed save too, said on screen
                self.folder.save_draft(response)
            except StorageError as error:
                self.last_save_error = error
                raise
            self.last_save_error = None
            self._saved_generation = generation
            self.on_disk = True
            return True

    def submit(self, other: OtherResponse | None = None) -> Path:
        """Write the submitted file and drop the draft; no save writes a draft after this.

        Raises `SubmitCollision` when the office's file holds another response
        and `other` does not say what to do; `StorageError` on other failures.
        """
        if self.all_problems():
            raise StorageError("the response still has problems", "still_has_problems")
        with self._lock:
            if self.submitted:
                raise StorageError("this response is already submitted", "already_submitted")
            path, self.response = self.folder.submit(self.submittable(), self.questionnaire, other)
            self.submitted = True
        return path
