"""One office's response, and its mapping to and from the response file format.

The format is a public contract (docs/response-format.md): other tools write
it and the Secretariat's scripts read it. Reading tolerates what TOML allows
(key order, comments, extra keys in `[response]`), and refuses what the
questionnaire forbids, naming the question.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Literal

import tomli_w
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from enquete.errors import ResponseFileError
from enquete.model.answers import Answers, Problem, answer_problems
from enquete.model.questionnaire import WINDOWS_RESERVED, Questionnaire
from enquete.qtypes.base import AnswerModel
from enquete.text import without_surrogates

Status = Literal["draft", "submitted"]
MAX_REVISION = 1_000_000_000
"""An office submits a few times; a larger revision is a forged or broken file."""

_FILE_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}", re.ASCII)
"""A response id that may name a file (an anonymous survey's files are named by id)."""


def anonymous_key(response_id: str) -> str | None:
    """The key of a response to an anonymous survey: its id, when that id can name a file."""
    if _FILE_SAFE_ID.fullmatch(response_id) and response_id.lower() not in WINDOWS_RESERVED:
        return response_id
    return None


def now() -> datetime:
    """The current time in UTC, to the second (what the files record)."""
    return datetime.now(UTC).replace(microsecond=0)


class _Header(BaseModel):
    """The `[response]` table. Extra keys are allowed: newer tools may add some.

    Types are exactly the contract's (strict): `revision = true`,
    `revision = "2"` and `version = 1.0` are refused, not read as 1, 2 and 1.
    """

    model_config = ConfigDict(extra="ignore", strict=True)

    questionnaire: str
    version: int
    id: str = Field(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
    revision: int = Field(ge=1, le=MAX_REVISION)
    status: Status
    language: str = Field(default="en", max_length=20)
    started: datetime | None = None
    saved: datetime | None = None


@dataclass(frozen=True)
class Response:
    """A response in memory: who answered what, which revision, and where a draft stopped."""

    questionnaire: str
    version: int
    answers: Answers = field(default_factory=dict)
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    revision: int = 1
    status: Status = "draft"
    language: str = "en"
    started: datetime = field(default_factory=now)
    saved: datetime = field(default_factory=now)
    current_question: str | None = None
    """Drafts only: the question the person was on, to resume there."""
    set_aside: dict[str, dict[str, str]] = field(default_factory=dict)
    """Drafts only: comments of options unticked for now, by question then option (never submitted)."""

    @classmethod
    def new(cls, questionnaire: Questionnaire, language: str = "en") -> Response:
        """An empty draft for `questionnaire`."""
        return cls(questionnaire=questionnaire.id, version=questionnaire.version, language=language)

    def key(self, questionnaire: Questionnaire) -> str | None:
        """The respondent key (e.g. the office code), once it is answered.

        In an anonymous survey, the response's own id, if it can name a file
        (ours are UUIDs; a file edited to carry `../x` or `CON` has none, and
        is then rejected like a response that does not say who answered).
        """
        if questionnaire.respondent_key is None:
            return anonymous_key(self.id)
        value = self.answers.get(questionnaire.respondent_key)
        return value if isinstance(value, str) else None

    def with_answer(self, question_id: str, answer: Any) -> Response:
        """A copy with one answer set (None removes it), stamped as saved now."""
        answers = dict(self.answers)
        if answer is None:
            answers.pop(question_id, None)
        else:
            answers[question_id] = answer
        return replace(self, answers=answers, saved=now())


def _answer_to_toml(answer: Any) -> Any:
    """A structured answer writes its own table (each type knows its shape); a value is itself."""
    if isinstance(answer, AnswerModel):
        return answer.to_file()
    return answer


def response_to_data(response: Response) -> dict[str, Any]:
    """The TOML tables of a response file; unanswered questions are left out."""
    header: dict[str, Any] = {
        "questionnaire": response.questionnaire,
        "version": response.version,
        "id": response.id,
        "revision": response.revision,
        "status": response.status,
        "language": response.language,
        "started": response.started,
        "saved": response.saved,
    }
    data: dict[str, Any] = {"response": header}
    if response.status == "draft":
        draft: dict[str, Any] = {}
        if response.current_question:
            draft["current_question"] = response.current_question
        set_aside = {qid: dict(kept) for qid, kept in response.set_aside.items() if kept}
        if set_aside:
            draft["set_aside"] = set_aside
        if draft:
            data["draft"] = draft
    data["answers"] = {qid: _answer_to_toml(a) for qid, a in response.answers.items()}
    return data


def dump_response(response: Response) -> bytes:
    """The file's bytes, built whole in memory so a failure cannot leave half a file."""
    data = response_to_data(response)
    try:
        return tomli_w.dumps(data, multiline_strings=True).encode("utf-8")
    except UnicodeEncodeError:
        return tomli_w.dumps(_scrub(data), multiline_strings=True).encode("utf-8")


def _scrub(value: Any) -> Any:
    """Replace what UTF-8 cannot encode (lone surrogates from a bad paste)."""
    if isinstance(value, str):
        return without_surrogates(value)
    if isinstance(value, dict):
        return {_scrub(k): _scrub(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    return value


UNKNOWN_TIME = datetime(1970, 1, 1, tzinfo=UTC)
"""`saved` of a file that gives none."""


def _utc(moment: datetime | None) -> datetime:
    if moment is None:
        return now()
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def response_from_data(questionnaire: Questionnaire, data: dict[str, Any]) -> tuple[Response, list[Problem]]:
    """Read a parsed response file.

    Raises `ResponseFileError` when the file is not a response to this
    questionnaire at all; returns the problems of the answers otherwise
    (completeness included for a submitted response), so a caller can list
    them all.
    """
    raw_header = data.get("response")
    if not isinstance(raw_header, dict):
        raise ResponseFileError("has no [response] table; it is not an enquete response file")
    try:
        header = _Header.model_validate(raw_header)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        message = first["msg"]
        if first["type"] == "string_pattern_mismatch":
            message = "only letters, digits and _ . : - are allowed, starting with a letter or digit"
        raise ResponseFileError(f"[response] {where}: {message}") from None
    if header.questionnaire != questionnaire.id:
        raise ResponseFileError(
            f"answers the questionnaire '{header.questionnaire}', not '{questionnaire.id}'",
            "other_questionnaire",
            header.questionnaire,
        )
    if header.version != questionnaire.version:
        raise ResponseFileError(
            f"answers version {header.version} of '{questionnaire.id}'; "
            f"this is version {questionnaire.version}",
            "other_version",
            str(header.version),
        )
    answers, problems = answer_problems(
        questionnaire, data.get("answers", {}), complete=header.status == "submitted"
    )
    draft = data.get("draft")
    current = draft.get("current_question") if isinstance(draft, dict) else None
    set_aside = _set_aside(draft.get("set_aside") if isinstance(draft, dict) else None, questionnaire)
    response = Response(
        questionnaire=header.questionnaire,
        version=header.version,
        answers=answers,
        id=header.id,
        revision=header.revision,
        status=header.status,
        language=header.language,
        started=_utc(header.started or header.saved),
        # A file that does not say when it was saved is older than any that does (merge
        # --replace keeps the newest saved), not "now", the time it happens to be read.
        saved=_utc(header.saved) if header.saved else UNKNOWN_TIME,
        current_question=current if current in questionnaire.ids else None,
        set_aside=set_aside if header.status == "draft" else {},
    )
    return response, problems


def _set_aside(raw: Any, questionnaire: Questionnaire) -> dict[str, dict[str, str]]:
    """`[draft.set_aside]` as far as it makes sense; anything else in it is ignored, not an error."""
    if not isinstance(raw, dict):
        return {}
    known = set(questionnaire.ids)
    kept: dict[str, dict[str, str]] = {}
    for qid, comments in raw.items():
        if qid in known and isinstance(comments, dict):
            texts = {
                k: v for k, v in comments.items() if isinstance(k, str) and isinstance(v, str) and v.strip()
            }
            if texts:
                kept[qid] = texts
    return kept
