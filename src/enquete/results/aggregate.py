"""Counting answers the way the CWS annex reports them.

The denominator of every share is `respondents`: the valid submitted
responses that count, one per respondent. An office that skipped a question
still counts in the 100%, as in the Secretariat's report.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from enquete.model.answers import MultiAnswer, is_answered
from enquete.model.questionnaire import (
    ChoiceQuestion,
    CodeQuestion,
    MatrixQuestion,
    MultiQuestion,
    Questionnaire,
    TextQuestion,
)
from enquete.model.response import Response
from enquete.results.loading import Loaded, LoadResult, Progress, Rejected, load_all
from enquete.storage.responses import ResponseFolder


@dataclass(frozen=True)
class Comment:
    """A piece of free text, verbatim, with who wrote it and for which option (None: the question)."""

    respondent: str
    option: str | None
    text: str


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
class QuestionResult:
    """The tally of one question."""

    id: str
    type: str
    answered: int = 0
    option_counts: dict[str, int] = field(default_factory=dict)
    """Choice, multi-select and code questions: respondents per option (or code)."""
    cell_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    """Matrix questions: respondents per column, in each row."""
    comments: list[Comment] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int] | dict[str, dict[str, int]]:
        """What the JSON report calls `counts`: cells for a matrix, options otherwise."""
        return self.cell_counts if self.type == "matrix" else self.option_counts


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

    def share(self, count: int) -> int:
        """`count` as a whole percentage of all respondents (0 when there are none)."""
        if not self.respondents:
            return 0
        return int(count * 100 / self.respondents + 0.5)


def choose_counted(
    loaded: Iterable[Loaded], questionnaire: Questionnaire
) -> tuple[dict[str, Loaded], list[Superseded], list[Conflict]]:
    """One response per respondent: newest revision of an id; the latest saved among ids."""
    by_key: dict[str, list[Loaded]] = defaultdict(list)
    for item in loaded:
        key = item.response.key(questionnaire)
        assert key is not None  # load_one rejects responses without a key
        by_key[key].append(item)
    counted: dict[str, Loaded] = {}
    superseded: list[Superseded] = []
    conflicts: list[Conflict] = []
    for key in sorted(by_key):
        by_id: dict[str, list[Loaded]] = defaultdict(list)
        for item in by_key[key]:
            by_id[item.response.id].append(item)
        newest_per_id = []
        for items in by_id.values():
            items.sort(key=lambda i: (i.response.revision, i.response.saved, i.file), reverse=True)
            newest, *older = items
            newest_per_id.append(newest)
            superseded += [
                Superseded(o.file, key, o.response.id, o.response.revision, newest.file) for o in older
            ]
        newest_per_id.sort(key=lambda i: (i.response.saved, i.file), reverse=True)
        winner, *others = newest_per_id
        counted[key] = winner
        if others:
            conflicts.append(Conflict(key, winner.file, tuple(o.file for o in others)))
    return counted, superseded, conflicts


def tally(questionnaire: Questionnaire, responses: dict[str, Response]) -> dict[str, QuestionResult]:
    """Count every question over `responses` (respondent key -> response)."""
    results: dict[str, QuestionResult] = {}
    for question in questionnaire.questions:
        result = QuestionResult(question.id, question.type)
        if isinstance(question, ChoiceQuestion | MultiQuestion):
            result.option_counts = {o.id: 0 for o in question.options}
        elif isinstance(question, MatrixQuestion):
            result.cell_counts = {r.id: {c.id: 0 for c in question.columns} for r in question.rows}
        results[question.id] = result
    for key, response in sorted(responses.items()):
        for qid, answer in response.answers.items():
            result = results[qid]
            if not is_answered(answer):
                continue
            result.answered += 1
            options = result.option_counts
            if isinstance(answer, MultiAnswer):
                for option in answer.selected:
                    options[option] += 1
                for option, text in answer.comments.items():
                    result.comments.append(Comment(key, option, text))
                if answer.comment:
                    result.comments.append(Comment(key, None, answer.comment))
            elif isinstance(answer, dict):
                for row, column in answer.items():
                    result.cell_counts[row][column] += 1
            elif isinstance(questionnaire.question(qid), TextQuestion):
                result.comments.append(Comment(key, None, answer))
            elif isinstance(questionnaire.question(qid), CodeQuestion | ChoiceQuestion):
                options[answer] = options.get(answer, 0) + 1
    for result in results.values():
        result.comments.sort(key=lambda c: (_option_order(questionnaire, result.id, c.option), c.respondent))
    return results


def _option_order(questionnaire: Questionnaire, qid: str, option: str | None) -> int:
    question = questionnaire.question(qid)
    ids = [o.id for o in getattr(question, "options", [])]
    return ids.index(option) if option in ids else len(ids)


def aggregate_files(
    paths: list[Path], questionnaire: Questionnaire, progress: Progress | None = None
) -> Results:
    """Load, choose and count: the whole pipeline over explicit files."""
    outcomes: list[LoadResult] = load_all(paths, questionnaire, progress)
    loaded = [o for o in outcomes if isinstance(o, Loaded)]
    rejected = [o for o in outcomes if isinstance(o, Rejected)]
    counted, superseded, conflicts = choose_counted(loaded, questionnaire)
    return Results(
        questionnaire=questionnaire.id,
        version=questionnaire.version,
        respondent_keys=sorted(counted),
        questions=tally(questionnaire, {k: v.response for k, v in counted.items()}),
        rejected=rejected,
        superseded=superseded,
        conflicts=conflicts,
        files={k: v.file for k, v in counted.items()},
        responses={k: v.response for k, v in counted.items()},
    )


def aggregate_folder(folder: Path, questionnaire: Questionnaire, progress: Progress | None = None) -> Results:
    """Aggregate the submitted responses of a responses folder (drafts and history excluded)."""
    return aggregate_files(ResponseFolder(folder).submitted_files(), questionnaire, progress)
