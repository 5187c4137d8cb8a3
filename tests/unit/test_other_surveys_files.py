"""The responses folder sets aside files of other questionnaires: the home screen neither counts nor offers them."""

from __future__ import annotations

import shutil
from pathlib import Path

from enquete.storage.responses import ResponseFolder, questionnaire_of
from tests.conftest import FIXTURES


def test_files_of_another_questionnaire_are_set_aside_and_unreadable_ones_kept(tmp_path: Path) -> None:
    """Bug (user report, s4-ui2): `other-survey.toml` was counted as ready to send and offered
    for editing. A file that cannot be read is kept: opening it says what is wrong."""
    shutil.copytree(FIXTURES / "sample", tmp_path / "responses")
    folder = ResponseFolder(tmp_path / "responses")
    mine, others = folder.submitted_files_of("cws-ict-2025")
    names = [p.name for p in mine]
    assert others == 1
    assert "other-survey.toml" not in names
    assert "broken.toml" in names and "AU.toml" in names
    assert questionnaire_of(tmp_path / "responses" / "other-survey.toml") == "cws-other-2024"
    assert questionnaire_of(tmp_path / "responses" / "broken.toml") is None
