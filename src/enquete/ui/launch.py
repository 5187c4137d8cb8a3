"""Starting the app from the command line: load, build, run, and hand back an exit code."""

from pathlib import Path

from enquete.storage.questionnaire_file import load_questionnaire


def run_app(
    *,
    mode: str,
    questionnaire_path: Path | None,
    responses: Path,
    language: str | None,
    office: str | None,
) -> int:
    questionnaire = load_questionnaire(questionnaire_path)  # errors reach the CLI as messages
    from enquete.ui.app import EnqueteApp

    app = EnqueteApp(questionnaire, responses, language=language, mode=mode, office=office)
    app.run()
    return app.return_code or 0
