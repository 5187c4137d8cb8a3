"""`enquete check`: is this file a valid response (or questionnaire)? One verdict per file."""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from enquete.errors import QuestionnaireError, ResponseFileError
from enquete.model.answers import missing_answer
from enquete.model.questionnaire import Questionnaire
from enquete.model.response import response_from_data
from enquete.storage.questionnaire_file import load_questionnaire
from enquete.storage.safe_read import decode_text, parse_text, read_bytes


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
    """The verdict `merge` would give: a draft is a problem there, so it is one here too."""
    try:
        data = read_bytes(path)
    except ResponseFileError as error:
        return Verdict(path, (str(error),))
    return check_response_data(path, data, questionnaire)


def check_response_data(path: Path, data: bytes, questionnaire: Questionnaire) -> Verdict:
    """The verdict on bytes that came from `path` (a file, or a member of an archive or e-mail)."""
    try:
        decoded = decode_text(data)
        response, found = response_from_data(questionnaire, parse_text(decoded.text))
    except ResponseFileError as error:
        return Verdict(path, (str(error),))
    problems = [str(p) for p in found]
    key = response.key(questionnaire)
    if response.status == "draft":
        missing = sum(bool(missing_answer(q, response.answers.get(q.id))) for q in questionnaire.questions)
        still = f"; {missing} required question(s) still unanswered" if missing else ""
        who = key or "the respondent"
        problems.append(
            f"is a draft{still}: merge takes only submitted responses (ask {who} to submit it in enquete)"
        )
    note = f" ({key}, revision {response.revision})" if key else ""
    if decoded.warning:
        note += f"; {decoded.warning}"
    return Verdict(path, tuple(problems), note)


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
