"""Starting the app from the command line: load, build, run, and hand back an exit code."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from enquete.errors import QuestionnaireError
from enquete.storage.questionnaire_file import check_language, header_languages, read_questionnaire_data

if TYPE_CHECKING:
    from enquete.ui.app import Mode


def run_app(
    *,
    mode: Mode,
    questionnaire_path: Path | None,
    responses: Path,
    language: str | None,
    office: str | None,
    invited: Path | None = None,
) -> int:
    """Run the app; a file named on the command line that cannot be read ends it here, exit 2.

    Args:
        invited: `--invited FILE`, the list the results header counts against
            (else `invited.csv` beside the responses folder, if there is one).
    """
    # An unreadable file fails here, with a message and exit 2; a schema error once the app is up.
    path, data = read_questionnaire_data(questionnaire_path)
    header = data.get("questionnaire")
    if office and isinstance(header, dict) and "respondent_key" not in header:
        raise QuestionnaireError(f"{path}: this survey is anonymous; --office does not apply to it")
    if language is not None:
        check_language(language, header_languages(data))  # refused here, before the screen opens
    if invited is not None:
        from enquete.invited import load_invited

        load_invited(invited)  # as merge and report do: a missing or broken list is said, exit 2
    from enquete.settings import Settings
    from enquete.ui.app import EnqueteApp

    app = EnqueteApp(
        data,
        responses,
        source=str(path),
        language=language,
        mode=mode,
        office=office,
        settings=Settings.load(),
        invited=invited,
    )
    app.run()
    return app.return_code or 0
