"""`enquete import FORM.xlsx -o questionnaire.toml`: an XLSForm made into a questionnaire."""

from __future__ import annotations

from pathlib import Path

from enquete.commands.output import EXIT_OK, EXIT_PROBLEMS, say
from enquete.importing.toml_text import questionnaire_toml
from enquete.importing.xlsform import convert, read_xlsform
from enquete.storage.atomic import write_atomically
from enquete.verdicts import check_questionnaire_file


def run_import(form: Path, output: Path, *, force: bool = False, strict: bool = False) -> int:
    """Convert `form`, write `output`, list what did not map, and check the result.

    Args:
        form: The XLSForm workbook (.xlsx or .xls).
        output: Where the questionnaire TOML goes; an existing file is kept unless `force`.
        force: Overwrite `output` if it exists.
        strict: Whether warnings (missing translations) fail the import too.

    Returns:
        EXIT_OK when the written questionnaire passes `check`, EXIT_PROBLEMS otherwise
        (what did not map is not a failure: it is listed, and written atop the file).
    """
    if output.exists() and not force:
        say(f"enquete: {output} exists; choose another name or add --force", err=True)
        return 2
    conversion = convert(read_xlsform(form), source=str(form))
    comments = [f"Imported from {form.name} by enquete import."]
    if conversion.notes:
        comments.append("What did not map as it was (check each):")
        comments += [f"- {note}" for note in conversion.notes]
    write_atomically(output, questionnaire_toml(conversion.data, comments).encode("utf-8"))
    questions = len(conversion.data["questions"])
    say(f"{form}: {questions} question(s) written to {output}")
    for note in conversion.notes:
        say(f"{form}: {note}")
    verdict = check_questionnaire_file(output)
    for line in verdict.lines(strict):
        say(line)
    return EXIT_OK if verdict.passes(strict) else EXIT_PROBLEMS
