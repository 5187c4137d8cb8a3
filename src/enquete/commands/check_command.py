"""`enquete check FILE...` and `enquete check --questionnaire FILE`."""

from pathlib import Path

from enquete.commands.output import EXIT_OK, EXIT_PROBLEMS, say
from enquete.inbox.collect import open_file
from enquete.inbox.items import Kind, kind_of
from enquete.model.questionnaire import Questionnaire
from enquete.storage.questionnaire_file import default_questionnaire_path, load_questionnaire
from enquete.verdicts import Verdict, check_questionnaire_file, check_response_data, check_response_file


def run_check(files: list[Path], questionnaire_path: Path | None, *, strict: bool = False) -> int:
    """Print one verdict per file (or the questionnaire's verdict when no file is given).

    Args:
        files: Response files to validate; empty to validate the questionnaire itself.
        questionnaire_path: The questionnaire to use; the default one when None.
        strict: Whether a questionnaire's warnings (missing translations) fail the check too.

    Returns:
        EXIT_OK when every file is valid, EXIT_PROBLEMS otherwise.
    """
    if not files:
        verdict = check_questionnaire_file(questionnaire_path or default_questionnaire_path())
        for line in verdict.lines(strict):
            say(line)
        return EXIT_OK if verdict.passes(strict) else EXIT_PROBLEMS
    questionnaire = load_questionnaire(questionnaire_path)
    verdicts = [verdict for path in files for verdict in _verdicts(path, questionnaire)]
    for verdict in verdicts:
        for line in verdict.lines():
            say(line)
    bad = sum(not v.ok for v in verdicts)
    if len(verdicts) > 1:
        say(f"{len(verdicts) - bad} valid, {bad} with problems")
    return EXIT_OK if bad == 0 else EXIT_PROBLEMS


def _verdicts(path: Path, questionnaire: Questionnaire) -> list[Verdict]:
    """The verdicts merge would give: one per response in a .zip or an .eml, the rest worded as merge does.

    A PDF, an image or a text holding no response is "not a response file"
    (merge's words, with its hint), not a TOML parser's complaint about it.
    """
    kind = kind_of(path.name)
    if kind is Kind.RESPONSE:
        return [check_response_file(path, questionnaire)]
    verdicts = []
    for item in open_file(path):
        if item.data is not None:
            verdicts.append(check_response_data(Path(item.label), item.data, questionnaire))
        elif not item.ignored or kind not in (Kind.ZIP, Kind.MAIL):
            verdicts.append(Verdict(Path(item.label), (item.problem,)))
    return verdicts
