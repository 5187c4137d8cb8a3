"""Telling, cheaply, that a parsed response file is certainly valid: the common case of a report.

A report must know that every file is valid (a broken old revision is listed
as rejected, not superseded), but it needs the answers of only one file per
respondent. `model.answers` builds every answer and words every problem, at
some 60 µs a file; a `Certifier` only says yes or "not sure" from sets built
once per questionnaire, at a few µs. "Not sure" (any problem, an empty
answer, a question type it does not know) sends the file to the reference
path, which decides and words the reason.

It must never say yes where the reference path finds a problem: the property
test in tests/unit/test_fast_loading.py holds them together.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from enquete.model.codes import is_st3, normalize_code
from enquete.model.questionnaire import (
    ChoiceQuestion,
    CodeQuestion,
    MatrixQuestion,
    MultiQuestion,
    Questionnaire,
    TextQuestion,
)
from enquete.model.response import MAX_REVISION

Check = Callable[[Any], bool]
_MULTI_KEYS = frozenset({"selected", "comment", "comments"})
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
    """Yes when an `[answers]` table is certainly a complete, valid submitted response."""

    def __init__(self, questionnaire: Questionnaire) -> None:
        self.checks: dict[str, Check] = {}
        self.required: list[str] = []
        self.known = True
        """False when a question type is not one this module knows: then it never says yes."""
        for question in questionnaire.questions:
            check = _check_for(question)
            if check is None:
                self.known = False
                continue
            self.checks[question.id] = check
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


def _check_for(question: Any) -> Check | None:
    kind = type(question)
    optional = not question.required  # an empty answer is "not answered": fine only if optional
    if kind is CodeQuestion:
        return lambda raw: type(raw) is str and (_code(raw) or (optional and not raw.strip()))
    if kind is ChoiceQuestion:
        ids = frozenset(o.id for o in question.options)
        return lambda raw: type(raw) is str and (raw in ids or (optional and not raw.strip()))
    if kind is TextQuestion:
        limit = question.max_length
        return lambda raw: type(raw) is str and (len(raw) <= limit if raw.strip() else optional)
    if kind is MatrixQuestion:
        return _matrix_check(question)
    if kind is MultiQuestion:
        return _multi_check(question)
    return None


def _code(raw: str) -> bool:
    return bool(raw) and raw == normalize_code(raw) and is_st3(raw)


def _matrix_check(question: MatrixQuestion) -> Check:
    rows = frozenset(r.id for r in question.rows)
    columns = frozenset(c.id for c in question.columns)
    every_row = question.required

    def check(raw: Any) -> bool:
        if type(raw) is not dict:
            return False
        if not raw:
            return not question.required
        for row, column in raw.items():
            if row not in rows or type(column) is not str or column not in columns:
                return False
        return not every_row or len(raw) == len(rows)

    return check


def _multi_check(question: MultiQuestion) -> Check:
    options = frozenset(o.id for o in question.options)
    exclusive = frozenset(o.id for o in question.options if o.exclusive)
    least = max(question.min_selections, 1 if question.required else 0)
    most = question.max_selections
    comment_allowed, comments_allowed = question.comment, question.option_comments
    limit = question.comment_max_length

    def text_fits(text: Any, allowed: bool) -> bool:
        if type(text) is not str:
            return False
        return not text.strip() or (allowed and len(text) <= limit)

    def check(raw: Any) -> bool:
        if type(raw) is not dict or not _MULTI_KEYS.issuperset(raw):
            return False
        selected = raw.get("selected", [])
        if type(selected) is not list or (selected and len(selected) < least):
            return False
        if not selected and question.required:
            return False
        if most is not None and len(selected) > most:
            return False
        if not all(type(s) is str for s in selected):
            return False
        if not options.issuperset(selected) or len(set(selected)) != len(selected):
            return False
        if len(selected) > 1 and not exclusive.isdisjoint(selected):
            return False
        if "comment" in raw and not text_fits(raw["comment"], comment_allowed):
            return False
        comments = raw.get("comments", {})
        if type(comments) is not dict:
            return False
        for option, text in comments.items():
            if not text_fits(text, comments_allowed and option in selected):
                return False
        return True

    return check
