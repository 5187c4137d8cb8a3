"""`enquete check FILE...` and `enquete check --questionnaire FILE`."""

from pathlib import Path

from enquete.commands.output import EXIT_OK, EXIT_PROBLEMS, say
from enquete.storage.questionnaire_file import default_questionnaire_path, load_questionnaire
from enquete.verdicts import check_questionnaire_file, check_response_file


def run_check(files: list[Path], questionnaire_path: Path | None) -> int:
    """Print one verdict per file (or the questionnaire's verdict when no file is given).

    Args:
        files: Response files to validate; empty to validate the questionnaire itself.
        questionnaire_path: The questionnaire to use; the default one when None.

    Returns:
        EXIT_OK when every file is valid, EXIT_PROBLEMS otherwise.
    """
    if not files:
        verdict = check_questionnaire_file(questionnaire_path or default_questionnaire_path())
        for line in verdict.lines():
            say(line)
        return EXIT_OK if verdict.ok else EXIT_PROBLEMS
    questionnaire = load_questionnaire(questionnaire_path)
    verdicts = [check_response_file(path, questionnaire) for path in files]
    for verdict in verdicts:
        for line in verdict.lines():
            say(line)
    bad = sum(not v.ok for v in verdicts)
    if len(verdicts) > 1:
        say(f"{len(verdicts) - bad} valid, {bad} with problems")
    return EXIT_OK if bad == 0 else EXIT_PROBLEMS
