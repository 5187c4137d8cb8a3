"""Counting answers the way the CWS annex reports them.

The denominator of every share is `respondents`: the valid submitted
responses that count, one per respondent. An office that skipped a question
still counts in the 100%, as in the Secretariat's report.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from enquete.model.questionnaire import AnyQuestion, Questionnaire
from enquete.model.response import Response
from enquete.qtypes import type_of
from enquete.results.loading import Loaded, LoadResult, Progress, Rejected, load_all
from enquete.results.question_result import Comment, QuestionResult
from enquete.storage.responses import ResponseFolder

if TYPE_CHECKING:
    from enquete.results.cache import FolderCache

__all__ = [
    "Comment",
    "Conflict",
    "QuestionResult",
    "Results",
    "Superseded",
    "aggregate_files",
    "aggregate_folder",
    "choose_counted",
    "tally",
]


@dataclass(frozen=True)
class Superseded:
    """A file not counted because a later revision of the same response is."""

    file: str
    respondent: str
    id: str
    revision: int
    superseded_by: str


@dataclass(frozen=True)
class Conflict:
    """One respondent, several different responses (ids): the most recently saved counts."""

    respondent: str
    counted: str
    ignored: tuple[str, ...]


@dataclass
class Results:
    """Everything a report shows, computed once."""

    questionnaire: str
    version: int
    respondent_keys: list[str]
    questions: dict[str, QuestionResult]
    rejected: list[Rejected] = field(default_factory=list)
    superseded: list[Superseded] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)
    """The file that counts, per respondent key."""
    responses: dict[str, Response] = field(default_factory=dict)
    """The response that counts, per respondent key."""

    @property
    def respondents(self) -> int:
        return len(self.respondent_keys)

    def share(self, count: int, of: int | None = None) -> int:
        """`count` as a whole percentage of all respondents, or of `of` (those a question applied to)."""
        denominator = self.respondents if of is None else of
        if not denominator:
            return 0
        return int(count * 100 / denominator + 0.5)


def choose_counted(
    loaded: Iterable[Loaded], questionnaire: Questionnaire
) -> tuple[dict[str, Loaded], list[Superseded], list[Conflict]]:
    """One response per respondent: newest revision of an id; the latest saved among ids.

    Only the winners need their whole response (`load_all` keeps it for the
    newest revision of every id); the others are chosen on header fields.
    """
    by_key: dict[str, list[Loaded]] = defaultdict(list)
    for item in loaded:
        by_key[item.key].append(item)
    counted: dict[str, Loaded] = {}
    superseded: list[Superseded] = []
    conflicts: list[Conflict] = []
    for key in sorted(by_key):
        by_id: dict[str, list[Loaded]] = defaultdict(list)
        for item in by_key[key]:
            by_id[item.id].append(item)
        newest_per_id = []
        for items in by_id.values():
            items.sort(key=lambda i: i.order, reverse=True)
            newest, *older = items
            newest_per_id.append(newest)
            superseded += [Superseded(o.file, key, o.id, o.revision, newest.file) for o in older]
        newest_per_id.sort(key=lambda i: (i.saved, i.file), reverse=True)
        winner, *others = newest_per_id
        counted[key] = winner
        if others:
            conflicts.append(Conflict(key, winner.file, tuple(o.file for o in others)))
    return counted, superseded, conflicts


def tally(questionnaire: Questionnaire, responses: dict[str, Response]) -> dict[str, QuestionResult]:
    """Count every question over `responses`; each question's type does its own counting.

    Args:
        questionnaire: The questionnaire answered.
        responses: The response that counts, per respondent key.

    Returns:
        One result per question, in questionnaire order, with zeros for what nobody chose
        and the comments in option order (the question's own comments last), then by respondent.
    """
    results: dict[str, QuestionResult] = {}
    for question in questionnaire.questions:
        results[question.id] = type_of(question).new_result(question)
    conditional = [q.id for q in questionnaire.questions if q.relevant or q.group]
    for qid in conditional:
        results[qid].applicable = 0
    rules = questionnaire.rules()
    for key, response in sorted(responses.items()):
        relevant = rules.relevance(response.answers) if conditional else {}
        for qid in conditional:
            if relevant.get(qid, True):
                results[qid].applicable = (results[qid].applicable or 0) + 1
        for qid, answer in response.answers.items():
            if not relevant.get(qid, True):
                continue  # an answer set aside (the question did not apply): not counted
            question = questionnaire.question(qid)
            qtype = type_of(question)
            if not qtype.is_answered(question, answer):
                continue
            results[qid].answered += 1
            qtype.count(question, results[qid], key, answer)
    for question in questionnaire.questions:
        _sort_comments(question, results[question.id])
    return results


def _sort_comments(question: AnyQuestion, result: QuestionResult) -> None:
    qtype = type_of(question)
    result.comments.sort(key=lambda c: (qtype.comment_order(question, c), c.respondent))


def aggregate_files(
    paths: list[Path],
    questionnaire: Questionnaire,
    progress: Progress | None = None,
    cache: FolderCache | None = None,
) -> Results:
    """Load, choose and count: the whole pipeline over explicit files."""
    outcomes: list[LoadResult] = load_all(paths, questionnaire, progress, cache)
    loaded = [o for o in outcomes if isinstance(o, Loaded)]
    rejected = [o for o in outcomes if isinstance(o, Rejected)]
    del outcomes
    counted, superseded, conflicts = choose_counted(loaded, questionnaire)
    responses = {k: _as_asked(_whole(v), questionnaire) for k, v in counted.items()}
    return Results(
        questionnaire=questionnaire.id,
        version=questionnaire.version,
        respondent_keys=sorted(counted),
        questions=tally(questionnaire, responses),
        rejected=rejected,
        superseded=superseded,
        conflicts=conflicts,
        files={k: v.file for k, v in counted.items()},
        responses=responses,
    )


def _whole(item: Loaded) -> Response:
    assert item.response is not None  # load_all keeps it for the newest revision of every id
    return item.response


def _as_asked(response: Response, questionnaire: Questionnaire) -> Response:
    """The response without answers to questions its own answers skip.

    The app never sends them (they are set aside in the draft), but a file
    written by another tool or by hand may: no output may list what no figure
    counts (a table of answers showed a date for a question never asked).
    """
    if not any(q.relevant or q.group for q in questionnaire.questions):
        return response
    relevant = questionnaire.rules().relevance(response.answers)
    asked = {qid: answer for qid, answer in response.answers.items() if relevant.get(qid, True)}
    return response if len(asked) == len(response.answers) else replace(response, answers=asked)


def aggregate_folder(
    folder: Path, questionnaire: Questionnaire, progress: Progress | None = None, *, cached: bool = True
) -> Results:
    """Aggregate the submitted responses of a responses folder (drafts and history excluded).

    `cached`: remember what each file held (results/cache.py), so the next
    run re-reads only the files that changed.
    """
    from enquete.results.cache import FolderCache

    cache = FolderCache.open(folder, questionnaire) if cached else None
    return aggregate_files(ResponseFolder(folder).submitted_files(), questionnaire, progress, cache)
