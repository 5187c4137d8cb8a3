"""Fixtures shared by every test folder."""

from pathlib import Path

import pytest

from enquete.model.questionnaire import Questionnaire
from enquete.storage.questionnaire_file import load_questionnaire

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def survey() -> Questionnaire:
    """The shipped questionnaire, read from the repository root."""
    return load_questionnaire(ROOT / "questionnaire.toml")


@pytest.fixture(autouse=True)
def _no_local_files(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test in an empty folder with its own cache, so a developer's own files never leak in."""
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))
    monkeypatch.setenv("ENQUETE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(autouse=True)
def _no_real_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read or write the developer's own settings file (theme, language)."""
    monkeypatch.setenv("ENQUETE_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
