"""`enquete check`: is this file a valid response (or questionnaire)? One verdict per file."""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from enquete.errors import QuestionnaireError, ResponseFileError
from enquete.model.questionnaire import Questionnaire
from enquete.storage.questionnaire_file import load_questionnaire
from enquete.storage.responses import load_response


@dataclass(frozen=True)
class Verdict:
    """What `check` found in one file: nothing (ok) or the problems, one per line."""

    path: Path
    problems: tuple[str, ...]
    note: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> Iterator[str]:
        if self.ok:
            yield f"{self.path}: OK{self.note}"
        for problem in self.problems:
            yield f"{self.path}: {problem}"


def check_response_file(path: Path, questionnaire: Questionnaire) -> Verdict:
    try:
        response, problems = load_response(path, questionnaire)
    except ResponseFileError as error:
        return Verdict(path, (str(error),))
    note = " (draft)" if response.status == "draft" else ""
    key = response.key(questionnaire)
    if key:
        note = f" ({key}, revision {response.revision}{', draft' if note else ''})"
    return Verdict(path, tuple(str(p) for p in problems), note)


def check_questionnaire_file(path: Path) -> Verdict:
    """Loadable and fully translated into every language it declares."""
    try:
        questionnaire = load_questionnaire(path)
    except QuestionnaireError as error:
        return Verdict(path, (str(error).removeprefix(f"{path}: "),))
    missing = tuple(f"missing translation: {line}" for line in questionnaire.missing_translations())
    return Verdict(
        path,
        missing,
        f" ({questionnaire.id} version {questionnaire.version}, {len(questionnaire.questions)} questions)",
    )
