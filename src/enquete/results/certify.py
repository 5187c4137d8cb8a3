"""Telling, cheaply, that a parsed response file is certainly valid: the common case of a report.

A report must know that every file is valid (a broken old revision is listed
as rejected, not superseded), but it needs the answers of only one file per
respondent. `model.answers` builds every answer and words every problem, at
some 60 µs a file; a `Certifier` only says yes or "not sure", asking each
question's type for its cheap test (`QuestionType.certainty`, built once per
questionnaire), at a few µs. "Not sure" (any problem, an empty answer, a
question with a constraint, a type without a test) sends the file to the
reference path, which decides and words the reason.

It must never say yes where the reference path finds a problem: the property
test in tests/unit/test_fast_loading.py holds them together.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from enquete.model.questionnaire import Questionnaire
from enquete.model.response import MAX_REVISION
from enquete.qtypes import type_of
from enquete.qtypes.base import Certainty

_ID_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.:-")
_ID_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


def plain_header(header: dict[str, Any], questionnaire: Questionnaire) -> tuple[str, int, str] | None:
    """(id, revision, language) when `[response]` is certainly what the reference path accepts.

    Mirrors `model.response._Header` strictly (exact types, no coercion, both
    times present); any doubt is None.
    """
    response_id, revision, language = header.get("id"), header.get("revision"), header.get("language", "en")
    if (
        header.get("status") != "submitted"
        or type(header.get("questionnaire")) is not str
        or header.get("questionnaire") != questionnaire.id
        or type(header.get("version")) is not int
        or header.get("version") != questionnaire.version
        or type(response_id) is not str
        or not 1 <= len(response_id) <= 200
        or response_id[0] not in _ID_START
        or not _ID_CHARS.issuperset(response_id)
        or type(revision) is not int
        or not 1 <= revision <= MAX_REVISION
        or type(language) is not str
        or len(language) > 20
        or type(header.get("started")) is not datetime
        or type(header.get("saved")) is not datetime
    ):
        return None
    return response_id, revision, language


class Certifier:
    """Yes when an `[answers]` table is certainly a complete, valid submitted response.

    Each question type supplies its own test (`QuestionType.certainty`), so a
    type's rules live in its module only. A question with a `constraint` is
    vouched for only while unanswered: constraints are the reference path's.
    """

    def __init__(self, questionnaire: Questionnaire) -> None:
        self.checks: dict[str, Certainty] = {}
        self.required: list[str] = []
        self.known = True
        """False when a question's type has no test: then it never says yes."""
        for question in questionnaire.questions:
            check = type_of(question).certainty(question)
            if check is None:
                self.known = False
                continue
            self.checks[question.id] = _never if question.constraint is not None else check
            if question.required:
                self.required.append(question.id)

    def certain(self, answers: Any) -> bool:
        """Whether the reference path would find no problem at all in these answers."""
        if not self.known or type(answers) is not dict:
            return False
        checks = self.checks
        for qid, raw in answers.items():
            check = checks.get(qid)
            if check is None or not check(raw):
                return False
        return all(qid in answers for qid in self.required)


def _never(raw: Any) -> bool:
    return False
