"""`enquete merge`: bring e-mailed response files into one clean responses folder.

Every file under SOURCE gets a step (see `enquete.inbox`): a response file,
loose, zipped or attached to an e-mail, is read and validated like `enquete
check`, then compared with what the folder holds for the same respondent.
What is imported is normalised (UTF-8, no byte-order mark, LF line ends) and
written under `<KEY>.toml`, whatever it was called; comments and layout are
kept. The file it replaces is first copied into `history/` under a name of its
own, so nothing is ever overwritten without a copy.

The decisions, per respondent, in order of revision then `saved`:

- nothing there: imported;
- the same id: the same answers are a duplicate; a higher revision replaces
  (older one to history); a lower revision is stale, unless it was saved
  later than the one there, which is a conflict (a forged or broken revision
  must not block a genuine update); the same revision with other answers is
  a conflict;
- another id: a conflict.

A conflict row says who sent what, when, and which answers differ.
`--replace` settles every conflict the same way: the newest by `saved` wins
(a `saved` more than a day in the future is not trusted, and loses).

The whole run holds the folder's lock, so two merges, or a merge and the
app's submit, never interleave. The writes are batched: every history copy,
then every new file, each atomic, each folder fsynced once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path

from enquete.errors import EnqueteError, ResponseFileError, StorageError
from enquete.inbox import Item, collect
from enquete.inbox.items import ARROW
from enquete.merge_diff import conflict_details, local_time
from enquete.model.questionnaire import Questionnaire
from enquete.model.response import Response, response_from_data
from enquete.storage.atomic import write_files
from enquete.storage.responses import ResponseFolder
from enquete.storage.safe_read import decode_text, normalized_bytes, parse_text

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
class _Incoming:
    label: str
    data: bytes
    """Normalised: what is written if it is imported."""
    response: Response
    key: str
    warning: str
    found: int


@dataclass
class _State:
    """What the folder holds (or will hold) for one respondent, during the decisions."""

    response: Response | None
    data: bytes | None
    on_disk: bytes | None
    history: list[bytes] = field(default_factory=list)


def _advice_for(reason: str, key: str | None) -> str:
    who = key or "the sender"
    if "is a draft" in reason:
        return f"ask {who} to submit it in enquete: only a draft arrived"
    if "answers the questionnaire" in reason or "answers version" in reason:
        return f"ask {who} for a response to this survey"
    if "UTF" in reason or "not valid TOML" in reason or "dotted" in reason or "digits" in reason:
        return f"ask {who} to send the file again, as enquete saved it"
    if "[response]" in reason or "question '" in reason or "not a known" in reason:
        return f"run 'enquete check' on it and ask {who} to correct it"
    if "inside the responses folder" in reason or "responses folder itself" in reason:
        return ""
    return f"ask {who} to send the response file again"


def read_incoming(item: Item, questionnaire: Questionnaire, found: int) -> _Incoming | Step:
    """A valid submitted response, normalised, or the step that rejects it."""
    assert item.data is not None
    try:
        decoded = decode_text(item.data)
        response, problems = response_from_data(questionnaire, parse_text(decoded.text))
    except ResponseFileError as error:
        return Step(item.label, None, Outcome.REJECTED, str(error), _advice_for(str(error), None))
    key = response.key(questionnaire)
    if response.status != "submitted":
        reason = "is a draft; only submitted responses are merged"
        return Step(item.label, key, Outcome.REJECTED, reason, _advice_for(reason, key))
    if problems:
        reason = "; ".join(str(p) for p in problems[:3])
        return Step(item.label, key, Outcome.REJECTED, reason, _advice_for(reason, key))
    assert key is not None  # the key question is required, so a complete response has one
    data = normalized_bytes(decoded.text)
    return _Incoming(item.label, data, response, key, decoded.warning or "", found)


def _same_content(a: Response, b: Response) -> bool:
    return (a.id, a.revision, a.answers) == (b.id, b.revision, b.answers)


def _trusted_saved(response: Response, now: datetime) -> datetime:
    """`saved`, or the earliest time there is when it is implausibly far in the future."""
    return response.saved if response.saved <= now + TRUSTED_FUTURE else _UNTRUSTED


def _read_state(folder: ResponseFolder, key: str, questionnaire: Questionnaire) -> _State:
    data = folder.current_bytes(key)
    if data is None:
        return _State(None, None, None)
    try:
        response, problems = response_from_data(questionnaire, parse_text(decode_text(data).text))
    except ResponseFileError:
        return _State(None, data, data)
    return _State(None if problems else response, data, data)


def merge(
    sources: list[Path],
    into: Path,
    questionnaire: Questionnaire,
    *,
    replace: bool = False,
    dry_run: bool = False,
) -> list[Step]:
    """Merge every source into `into`; one step per file found, in the order decided.

    Raises `StorageError` (`FolderBusy`) when another writer keeps the folder.
    """
    items = collect(sources, into)
    folder = ResponseFolder(into)
    if dry_run:
        return _merge_items(items, folder, questionnaire, replace=replace, write=False)
    with folder.lock():
        return _merge_items(items, folder, questionnaire, replace=replace, write=True)


def _merge_items(
    items: list[Item], folder: ResponseFolder, questionnaire: Questionnaire, *, replace: bool, write: bool
) -> list[Step]:
    early: list[tuple[int, Step]] = []
    incoming: list[_Incoming] = []
    for found, item in enumerate(items):
        if item.data is None:
            outcome = Outcome.IGNORED if item.ignored else Outcome.REJECTED
            advice = "" if item.ignored else _advice_for(item.problem, None)
            early.append((found, Step(item.label, None, outcome, item.problem, advice)))
            continue
        read = read_incoming(item, questionnaire, found)
        if isinstance(read, Step):
            early.append((found, read))
        else:
            incoming.append(read)
    now = datetime.now().astimezone()
    incoming.sort(key=lambda i: (i.key, i.response.revision, _trusted_saved(i.response, now), i.found))
    states: dict[str, _State] = {}
    decided: list[Step] = []
    for key in dict.fromkeys(i.key for i in incoming):
        states[key] = _read_state(folder, key, questionnaire)
        batch = [i for i in incoming if i.key == key]
        decide = _decide_newest_saved if replace else _decide_in_order
        decided.extend(decide(batch, states[key], questionnaire, now))
    if write:
        decided = _write(folder, states, decided, questionnaire)
    return _in_decision_order(decided, early)


def _in_decision_order(decided: list[Step], early: list[tuple[int, Step]]) -> list[Step]:
    """Each respondent's rows in the order decided; then files refused with a respondent, the rest."""
    keyed = [(s.respondent or "", 0, n, s) for n, s in enumerate(decided)]
    keyed += [(s.respondent, 1, n, s) for n, s in early if s.respondent]
    rows = [s for *_, s in sorted(keyed, key=lambda t: t[:3])]
    rows += [s for _, s in early if not s.respondent and s.outcome is Outcome.REJECTED]
    rows += [s for _, s in early if not s.respondent and s.outcome is not Outcome.REJECTED]
    return rows


def _take(state: _State, item: _Incoming) -> None:
    """Make `item` what the folder holds for its respondent; the previous file goes to history."""
    if state.data is not None:
        state.history.append(state.data)
    state.response, state.data = item.response, item.data


def _step(
    item: _Incoming, outcome: Outcome, reason: str, next_step: str = "", details: tuple[str, ...] = ()
) -> Step:
    return Step(item.label, item.key, outcome, reason, next_step, details, item.warning)


def _decide_in_order(
    batch: Iterable[_Incoming], state: _State, questionnaire: Questionnaire, now: datetime
) -> list[Step]:
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
        if _same_content(current, new):
            steps.append(_step(item, Outcome.DUPLICATE, "the same response is already there"))
            continue
        later = _trusted_saved(new, now) > _trusted_saved(current, now)
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
            why = "another response for the same respondent (another id) than the one there"
        elif new.revision < current.revision:
            why = (
                f"revision {new.revision} is lower than revision {current.revision} there, "
                "but was saved later"
            )
        else:
            why = f"revision {new.revision} has other answers than the revision {current.revision} there"
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


def _decide_newest_saved(
    batch: list[_Incoming], state: _State, questionnaire: Questionnaire, now: datetime
) -> list[Step]:
    """--replace: of the file there and every incoming one, the newest by `saved` wins."""
    current = state.response

    def rank(response: Response) -> tuple[datetime, int]:
        return _trusted_saved(response, now), response.revision

    winner = max(reversed(batch), key=lambda i: rank(i.response))  # a tie: the last found
    if current is not None and rank(current) > rank(winner.response):  # a tie: the file given wins
        winner_text = f"the one there, saved {local_time(current.saved)}"
        chosen: _Incoming | None = None
    else:
        chosen = winner
        winner_text = f"{winner.label}, saved {local_time(winner.response.saved)}"
    steps = []
    for item in batch:
        new = item.response
        if item is chosen:
            if current is not None and _same_content(current, new):
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
        elif (current is not None and _same_content(current, new)) or (
            chosen is not None and _same_content(chosen.response, new)
        ):
            steps.append(_step(item, Outcome.DUPLICATE, "the same response is already there"))
        else:
            reason = (
                f"--replace keeps the newest saved: {winner_text}; this one was saved {local_time(new.saved)}"
            )
            steps.append(_step(item, Outcome.STALE, reason))
    return steps


def _write(
    folder: ResponseFolder, states: dict[str, _State], steps: list[Step], questionnaire: Questionnaire
) -> list[Step]:
    """History copies first, then the new files; a step whose file was not written says so."""
    failure: EnqueteError | None = None
    try:
        history: list[tuple[Path, bytes]] = []
        targets: list[tuple[Path, bytes]] = []
        for key, state in states.items():
            if state.data is None or state.data == state.on_disk:
                continue
            history += [folder.history_write(key, old, questionnaire) for old in dict.fromkeys(state.history)]
            targets.append((folder.submitted_path(key), state.data))
        write_files(dict.fromkeys(history))  # the same bytes twice are one file
        write_files(targets)
    except StorageError as error:
        failure = error
    if failure is None:
        return steps
    written = {key for key, state in states.items() if folder.current_bytes(key) == state.data}
    advice = "make room or fix the folder's permissions, then merge again"
    return [
        Step(s.file, s.respondent, Outcome.REJECTED, f"not written: {failure}", advice)
        if s.outcome in (Outcome.IMPORTED, Outcome.REPLACED) and s.respondent not in written
        else s
        for s in steps
    ]
