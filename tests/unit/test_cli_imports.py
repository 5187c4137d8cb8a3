"""`report`, `check` and `merge` import only what they need: never Textual, and a remembered report not even pydantic."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

BLOCK = """
import sys, importlib.abc
BLOCKED = {blocked!r}
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ImportError("blocked: " + name)
        return None
sys.meta_path.insert(0, Block())
from enquete.cli import main
raise SystemExit(main({argv!r}))
"""


def run_blocking(blocked: set[str], argv: list[str]) -> subprocess.CompletedProcess[str]:
    code = BLOCK.format(blocked=blocked, argv=argv)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "--responses", str(FIXTURES / "sample")],
        ["report", "--format", "md", "--responses", str(FIXTURES / "sample")],
        ["check", str(FIXTURES / "sample" / "AU.toml")],
        ["merge", str(FIXTURES / "sample"), "--into", "merged", "--dry-run"],
    ],
)
def test_commands_run_without_textual(argv: list[str]) -> None:
    result = run_blocking({"textual", "rich"}, argv)
    assert result.returncode in (0, 1), result.stderr
    assert "blocked" not in result.stderr


def test_a_remembered_report_is_given_without_importing_pydantic(tmp_path: Path) -> None:
    import os
    import shutil
    import time

    folder = tmp_path / "responses"
    shutil.copytree(FIXTURES / "sample", folder)
    past = time.time() - 60
    for path in folder.iterdir():
        os.utime(path, (past, past))
    argv = ["report", "--responses", str(folder), "-o", str(tmp_path / "report.json")]
    first = run_blocking(set(), argv)
    assert first.returncode == 0, first.stderr
    again = run_blocking({"pydantic", "textual", "rich"}, argv)
    assert again.returncode == 0, again.stderr
    assert "5 respondents" in again.stdout


def test_a_cold_report_does_not_import_the_folder_lock_nor_the_expression_parser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A report only reads: filelock (and socket) are for the writers; the shipped survey has no
    expression, so the parser (lark) is not loaded either (the question types describe their
    answers with `model.answer_domain`, outside the expressions package, for this)."""
    monkeypatch.setenv("ENQUETE_CACHE", "off")
    argv = ["report", "--responses", str(FIXTURES / "sample"), "-o", str(tmp_path / "report.json")]
    result = run_blocking({"textual", "rich", "filelock", "lark"}, argv)
    assert result.returncode == 0, result.stderr
    assert "5 respondents" in result.stdout
