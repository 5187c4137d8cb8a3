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

from datetime import datetime
from itertools import groupby
from pathlib import Path
from typing import Any

from enquete.errors import EnqueteError, ResponseFileError, StorageError
from enquete.inbox import Item, collect
from enquete.merge_rules import (
    Incoming,
    Outcome,
    State,
    Step,
    decide_in_order,
    decide_newest_saved,
    trusted_saved,
)
from enquete.model.questionnaire import Questionnaire
from enquete.model.response import response_from_data
from enquete.storage.atomic import write_files
from enquete.storage.fast_toml import parse_fast_text, portable_time
from enquete.storage.responses import ResponseFolder
from enquete.storage.safe_read import decode_text, normalized_bytes, parse_text

__all__ = ["Outcome", "Step", "merge", "read_incoming"]


def _advice_for(reason: str, key: str | None) -> str:
    """The next step for a rejected file, from the words of its reason (each reader's own)."""
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


def read_incoming(item: Item, questionnaire: Questionnaire, found: int) -> Incoming | Step:
    """A valid submitted response, normalised, or the step that rejects it."""
    assert item.data is not None
    try:
        decoded = decode_text(item.data)
        response, problems = response_from_data(questionnaire, _parse(decoded.text))
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
    return Incoming(item.label, data, response, key, decoded.warning or "", found)


def _parse(text: str) -> dict[str, Any]:
    """The tables of a response's text: rtoml when it is sure, tomllib (which words every refusal) else.

    Parsing with tomllib was most of a merge's time; rtoml gives the same
    tables, its time zones made Python's own so `saved` compares and prints as before.
    """
    table = parse_fast_text(text)
    if table is None:
        return parse_text(text)
    header = table.get("response")
    if isinstance(header, dict):
        for name in ("saved", "started"):
            if name in header:
                header[name] = portable_time(header[name])
    return table


def _read_state(folder: ResponseFolder, key: str, questionnaire: Questionnaire) -> State:
    data = folder.current_bytes(key)
    if data is None:
        return State(None, None, None)
    try:
        response, problems = response_from_data(questionnaire, parse_text(decode_text(data).text))
    except ResponseFileError:
        return State(None, data, data)
    return State(None if problems else response, data, data)


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
    incoming: list[Incoming] = []
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
    incoming.sort(key=lambda i: (i.key, i.response.revision, trusted_saved(i.response, now), i.found))
    states: dict[str, State] = {}
    decided: list[Step] = []
    decide = decide_newest_saved if replace else decide_in_order
    for key, group in groupby(incoming, key=lambda i: i.key):  # sorted by key: one pass
        states[key] = _read_state(folder, key, questionnaire)
        decided.extend(decide(list(group), states[key], questionnaire, now))
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


def _write(
    folder: ResponseFolder, states: dict[str, State], steps: list[Step], questionnaire: Questionnaire
) -> list[Step]:
    """History copies first, then the new files; a step whose file was not written says so."""
    failure: EnqueteError | None = None
    try:
        history: list[tuple[Path, bytes]] = []
        targets: list[tuple[Path, bytes]] = []
        for key, state in states.items():
            if state.data is None or state.data == state.on_disk:
                continue
            kept = {old: response for old, response in state.history}  # the same bytes twice are one file
            history += [folder.history_write(key, old, questionnaire, kept[old]) for old in kept]
            targets.append((folder.submitted_path(key), state.data))
        write_files(dict.fromkeys(history))
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
