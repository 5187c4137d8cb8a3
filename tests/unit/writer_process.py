"""A process that saves a response over and over, for the fault tests to kill or race.

Usage: python -m tests.unit.writer_process FOLDER TAG COUNT
Prints "saved N" after each revision N is safely on disk.
"""

import sys
from dataclasses import replace
from pathlib import Path

from enquete.model.answers import Answer, MultiAnswer
from enquete.model.response import Response
from enquete.storage.questionnaire_file import load_questionnaire
from enquete.storage.responses import OtherResponse, ResponseFolder
from tests.conftest import ROOT


def main() -> None:
    folder, tag, count = ResponseFolder(Path(sys.argv[1])), sys.argv[2], int(sys.argv[3])
    survey = load_questionnaire(ROOT / "questionnaire.toml")
    levels = {f"rec{i}": "ongoing" for i in range(1, 11)}
    base = Response.new(survey)
    for revision in range(1, count + 1):
        answers: dict[str, Answer] = {
            "office": "AU",
            "implementation": levels,
            "proposals": f"{tag} revision {revision} " + "long text " * 380,
            "implementation_comments": "comment " * 480,
            "current_focus": MultiAnswer(
                selected=("rec1", "rec2", "rec3"),
                comments={r: tag * 3900 for r in ("rec1", "rec2", "rec3")},
            ),
        }
        response = replace(base, answers=answers, revision=revision, id=f"writer-{tag}")
        folder.save_draft(response)
        # The two racing writers are two responses for AU: each keeps the other's file in history.
        folder.submit(response, survey, OtherResponse.KEEP_BOTH)
        print(f"saved {revision}", flush=True)


if __name__ == "__main__":
    main()
