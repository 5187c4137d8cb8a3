"""The pure packages must never import Textual: the CLI and scripts use them without a UI."""

import subprocess
import sys

PURE = [
    "enquete.model.questionnaire",
    "enquete.model.answers",
    "enquete.model.response",
    "enquete.model.codes",
    "enquete.model.expressions",
    "enquete.model.respondents",
    "enquete.importing.xlsform",
    "enquete.commands.import_command",
    "enquete.storage.responses",
    "enquete.storage.questionnaire_file",
    "enquete.verdicts",
    "enquete.text",
    "enquete.i18n",
    "enquete.commands.check_command",
    "enquete.commands.merge_command",
    "enquete.commands.report_command",
    "enquete.qtypes",
    "enquete.results.aggregate",
    "enquete.results.loading",
    "enquete.results.report_csv",
    "enquete.results.report_json",
    "enquete.results.report_markdown",
    "enquete.merge",
    "enquete.session",
    "enquete.merge_diff",
    "enquete.merge_rules",
    "enquete.merge_table",
    "enquete.inbox",
    "enquete.invited",
    "enquete.storage.lock",
    "enquete.storage.atomic",
    "enquete.storage.safe_read",
]
BLOCK_TEXTUAL = """
import sys, importlib.abc
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "textual" or name.startswith(("textual.", "rich")):
            raise ImportError("blocked: " + name)
        return None
sys.meta_path.insert(0, Block())
"""


def test_pure_modules_import_without_textual() -> None:
    code = BLOCK_TEXTUAL + "".join(f"import {module}\n" for module in PURE)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
