"""How `enquete merge` decides, per respondent: the outcomes and the two rules.

Pure logic. `decide_in_order` is the default: files are taken in order of
revision then `saved`, and each is compared with what the folder holds (or
will hold) at that point. `decide_newest_saved` is `--replace`: of the file
there and every incoming one, the newest by `saved` wins. The table in
docs/response-format.md states the same rules for people.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from enquete.inbox.items import ARROW
from enquete.merge_diff import conflict_details, local_time
from enquete.model.questionnaire import Questionnaire
from enquete.model.response import Response

TRUSTED_FUTURE = timedelta(days=1)
"""A `saved` later than this past the time of the merge is a wrong clock or a forgery."""
_UNTRUSTED = datetime(1970, 1, 1, tzinfo=UTC)


class Outcome(StrEnum):
    """What became of one file (or member of an archive or e-mail)."""

    IMPORTED = "imported"
    REPLACED = "replaced"
    DUPLICATE = "duplicate"
    STALE = "stale"
    CONFLICT = "conflict"
    REJECTED = "rejected"
    IGNORED = "ignored"

    @property
    def ok(self) -> bool:
        """Nothing for a person to do (exit 0); conflicts and rejections need one (exit 1)."""
        return self not in (Outcome.CONFLICT, Outcome.REJECTED)


@dataclass(frozen=True)
class Step:
    """What happened (or, in a dry run, would happen) to one incoming file."""

    file: str
    """The path as given, then ` › name` for what was inside an archive or e-mail."""
    respondent: str | None
    outcome: Outcome
    reason: str
    next_step: str = ""
    """What a person should do about it, for conflicts and rejections."""
    details: tuple[str, ...] = ()
    """Lines to show under the row: both sides of a conflict, the answers that differ."""
    warning: str = ""
    """Imported, but a person should look (read as Windows-1252)."""

    @property
    def name(self) -> str:
        """The last part of `file`: the file's or the member's own name."""
        return self.file.rsplit(ARROW, 1)[-1].replace("\\", "/").rsplit("/", 1)[-1]


@dataclass
class Incoming:
    """A valid submitted response that arrived, normalised, with where it was found."""

    label: str
    data: bytes
    """Normalised: what is written if it is imported."""
    response: Response
    key: str
    warning: str
    found: int


@dataclass
class State:
    """What the folder holds (or will hold) for one respondent, during the decisions."""

    response: Response | None
    data: bytes | None
    on_disk: bytes | None
    history: list[tuple[bytes, Response | None]] = field(default_factory=list)
    """Files it held before, each with its response when the merge already read it."""


def same_content(a: Response, b: Response) -> bool:
    return (a.id, a.revision, a.answers) == (b.id, b.revision, b.answers)


def trusted_saved(response: Response, now: datetime) -> datetime:
    """`saved`, or the earliest time there is when it is implausibly far in the future."""
    return response.saved if response.saved <= now + TRUSTED_FUTURE else _UNTRUSTED


def _take(state: State, item: Incoming) -> None:
    """Make `item` what the folder holds for its respondent; the previous file goes to history."""
    if state.data is not None:
        state.history.append((state.data, state.response))
    state.response, state.data = item.response, item.data


def _step(
    item: Incoming, outcome: Outcome, reason: str, next_step: str = "", details: tuple[str, ...] = ()
) -> Step:
    return Step(item.label, item.key, outcome, reason, next_step, details, item.warning)


def decide_in_order(
    batch: Iterable[Incoming], state: State, questionnaire: Questionnaire, now: datetime
) -> list[Step]:
    """The default: each file in turn against what the folder holds at that point."""
    steps = []
    for item in batch:
        new, current = item.response, state.response
        if current is None:
            if state.data is not None:
                reason = "replaces a file there that is not a valid response (kept in history/)"
                steps.append(_step(item, Outcome.REPLACED, reason))
            else:
                steps.append(_step(item, Outcome.IMPORTED, f"new respondent, revision {new.revision}"))
            _take(state, item)
            continue
        if same_content(current, new):
            steps.append(_step(item, Outcome.DUPLICATE, "the same response is already there"))
            continue
        later = trusted_saved(new, now) > trusted_saved(current, now)
        if current.id == new.id and new.revision > current.revision:
            reason = f"revision {new.revision} replaces revision {current.revision} (kept in history/)"
            steps.append(_step(item, Outcome.REPLACED, reason))
            _take(state, item)
            continue
        if current.id == new.id and new.revision < current.revision and not later:
            reason = f"revision {new.revision} is older than revision {current.revision} already there"
            steps.append(_step(item, Outcome.STALE, reason))
            continue
        if current.id != new.id:
            why = "a different response (another id) from the one already there for this respondent"
        elif new.revision < current.revision:
            why = (
                f"revision {new.revision} is lower than revision {current.revision} there, "
                "but was saved later"
            )
        else:
            why = (
                f"revision {new.revision} has different answers "
                f"from revision {current.revision} already there"
            )
        steps.append(
            _step(
                item,
                Outcome.CONFLICT,
                why,
                next_step=f"ask {item.key} which is right; --replace takes the newest saved",
                details=conflict_details(current, new, questionnaire),
            )
        )
    return steps


def decide_newest_saved(
    batch: list[Incoming], state: State, questionnaire: Questionnaire, now: datetime
) -> list[Step]:
    """--replace: of the file there and every incoming one, the newest by `saved` wins."""
    current = state.response

    def rank(response: Response) -> tuple[datetime, int]:
        return trusted_saved(response, now), response.revision

    winner = max(reversed(batch), key=lambda i: rank(i.response))  # a tie: the last found
    if current is not None and rank(current) > rank(winner.response):  # a tie: the file given wins
        winner_text = f"the one there, saved {local_time(current.saved)}"
        chosen: Incoming | None = None
    else:
        chosen = winner
        winner_text = f"{winner.label}, saved {local_time(winner.response.saved)}"
    steps = []
    for item in batch:
        new = item.response
        if item is chosen:
            if current is not None and same_content(current, new):
                steps.append(_step(item, Outcome.DUPLICATE, "the same response is already there"))
                continue
            if current is None and state.data is None:
                reason = f"new respondent, revision {new.revision} (--replace: the newest saved)"
                steps.append(_step(item, Outcome.IMPORTED, reason))
            else:
                there = f"revision {current.revision}" if current else "a file that is not a valid response"
                saved = local_time(new.saved)
                reason = f"--replace: the newest saved ({saved}) replaces {there} (kept in history/)"
                details = conflict_details(current, new, questionnaire) if current else ()
                steps.append(_step(item, Outcome.REPLACED, reason, details=details))
            _take(state, item)
        elif (current is not None and same_content(current, new)) or (
            chosen is not None and same_content(chosen.response, new)
        ):
            steps.append(_step(item, Outcome.DUPLICATE, "the same response is already there"))
        else:
            reason = (
                f"--replace keeps the newest saved: {winner_text}; this one was saved {local_time(new.saved)}"
            )
            steps.append(_step(item, Outcome.STALE, reason))
    return steps
