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
    warnings: tuple[str, ...] = ()
    """What works but should be looked at (a missing translation falls back to English)."""

    @property
    def ok(self) -> bool:
        return not self.problems

    def passes(self, strict: bool = False) -> bool:
        """No problem; with `strict`, no warning either."""
        return self.ok and not (strict and self.warnings)

    def lines(self, strict: bool = False) -> Iterator[str]:
        """The verdict line (OK, or not OK under `strict` when there are warnings), problems, warnings."""
        if self.ok and strict and self.warnings:
            yield f"{self.path}: not OK with --strict{self.note}: {len(self.warnings)} warning(s)"
        elif self.ok:
            counted = f" with {len(self.warnings)} warning(s)" if self.warnings else ""
            yield f"{self.path}: OK{self.note}{counted}"
        for problem in self.problems:
            yield f"{self.path}: {problem}"
        for warning in self.warnings:
            yield f"{self.path}: warning: {warning}"


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
        return Verdict(path, (_with_next_step(str(error)),))
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


def _with_next_step(reason: str) -> str:
    """A response of another survey (or version) is checked against its own questionnaire: say how."""
    if reason.startswith(("answers the questionnaire", "answers version")):
        return f"{reason}; to check it against its own questionnaire, add --questionnaire FILE"
    return reason


def check_questionnaire_file(path: Path) -> Verdict:
    """Loadable (a problem otherwise); fully translated and its expressions sound (warnings otherwise).

    A missing translation is a warning, not a problem: the survey works, the
    text falls back to English. `--strict` makes warnings fail.
    """
    try:
        questionnaire = load_questionnaire(path)
    except QuestionnaireError as error:
        return Verdict(path, (str(error).removeprefix(f"{path}: "),))
    missing = [
        f"missing translation (English is shown instead): {line}"
        for line in questionnaire.missing_translations()
    ]
    return Verdict(
        path,
        (),
        f" ({questionnaire.id} version {questionnaire.version}, {len(questionnaire.questions)} questions)",
        (*questionnaire.expression_warnings(), *missing),
    )
