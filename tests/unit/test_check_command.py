"""`enquete check`: one line per file, exit 0 when all are valid, 1 otherwise, never a traceback."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from enquete.cli import main
from tests.conftest import FIXTURES, ROOT
from tests.unit.builders import minimal_answers, write_response


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    code = main(["check", *args])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, (out.out + out.err).splitlines()


def test_valid_hand_written_response(capsys: pytest.CaptureFixture[str]) -> None:
    path = FIXTURES / "responses" / "AU.toml"
    code, lines = run(capsys, str(path))
    assert (code, lines) == (0, [f"{path}: OK (AU, revision 1)"])


def test_each_bad_file_is_named_with_its_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write_response(tmp_path, "AU.toml", minimal_answers())
    combined = write_response(
        tmp_path, "BR.toml", minimal_answers("BR", current_focus={"selected": ["rec1", "not_applicable"]})
    )
    broken = tmp_path / "broken.toml"
    broken.write_text('[response]\nid = "x\n', "utf-8")
    latin1 = tmp_path / "latin1.toml"  # 0x81 is neither UTF-8 nor Windows-1252
    latin1.write_bytes(b"[answers]\nproposals = 'caf\x81'\n")
    other = write_response(tmp_path, "CA.toml", minimal_answers("CA"), questionnaire="another")
    newer = write_response(tmp_path, "DE.toml", minimal_answers("DE"), version=3)
    code, lines = run(capsys, *map(str, [good, combined, broken, latin1, other, newer]))
    assert code == 1
    assert lines == [
        f"{good}: OK (AU, revision 1)",
        f"{combined}: question 'current_focus': 'not_applicable' cannot be combined with other choices",
        f"{broken}: is not valid TOML: Illegal character '\\n' (at line 2, column 8)",
        f"{latin1}: is not valid UTF-8 text (line 2, column 17); save it again as UTF-8",
        f"{other}: answers the questionnaire 'another', not 'cws-ict-2025'; "
        "to check it against its own questionnaire, add --questionnaire FILE",
        f"{newer}: answers version 3 of 'cws-ict-2025'; this is version 1; "
        "to check it against its own questionnaire, add --questionnaire FILE",
        "1 valid, 5 with problems",
    ]


def test_missing_file_is_a_problem_not_a_crash(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = run(capsys, str(tmp_path / "nowhere.toml"))
    assert code == 1 and lines == [f"{tmp_path / 'nowhere.toml'}: no such file"]


def test_a_missing_translation_is_a_warning_that_fails_only_with_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Trial 3: check (and import) exited 1 when the only issue was a missing translation."""
    path = tmp_path / "q.toml"
    path.write_text(
        '[questionnaire]\nid = "demo"\nversion = 1\nlanguages = ["en", "fr"]\n'
        'respondent_key = "who"\ntitle.en = "Demo"\ntitle.fr = "Démo"\n'
        '[[questions]]\nid = "who"\ntype = "code"\nrequired = true\ntext = "Who?"\n',
        "utf-8",
    )
    code, lines = run(capsys, "--questionnaire", str(path))
    warning = (
        f"{path}: warning: missing translation (English is shown instead): questions.who.text: no fr text"
    )
    assert (code, lines) == (0, [f"{path}: OK (demo version 1, 1 questions) with 1 warning(s)", warning])
    code, lines = run(capsys, "--strict", "--questionnaire", str(path))
    assert (code, lines) == (
        1,
        [f"{path}: not OK with --strict (demo version 1, 1 questions): 1 warning(s)", warning],
    )


def test_a_misleading_expression_is_a_warning_and_an_impossible_one_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    head = '[questionnaire]\nid = "demo"\nversion = 1\ntitle = "Demo"\n'
    multi = '[[questions]]\nid = "tools"\ntype = "multi"\ntext = "Tools"\noptions = [{id = "git", label = "Git"}]\n'
    follow = '[[questions]]\nid = "why"\ntype = "text"\ntext = "Why?"\nrelevant = "${tools} = \'{0}\'"\n'
    path = tmp_path / "q.toml"
    path.write_text(head + multi + follow.replace("{0}", "git"), "utf-8")
    code, lines = run(capsys, "--questionnaire", str(path))
    assert code == 0 and lines[1].startswith(f"{path}: warning: question 2 (why).relevant: column 12: ")
    assert run(capsys, "--strict", "--questionnaire", str(path))[0] == 1
    path.write_text(head + multi + follow.replace("{0}", "gti"), "utf-8")
    code, lines = run(capsys, "--questionnaire", str(path))
    assert code == 1
    assert lines[1] == (
        "  question 2 (why).relevant: column 12: 'gti' is not an option of ${tools}, "
        "so this is never true; did you mean 'git'?"
    )


def test_shipped_questionnaire_checks_clean(capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = run(capsys, "--questionnaire", str(ROOT / "questionnaire.toml"))
    assert code == 0 and lines[0].endswith("OK (cws-ict-2025 version 1, 8 questions)")


def test_broken_questionnaire_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "q.toml"
    bad.write_text("[questionnaire]\nid = 3\n", "utf-8")
    code, lines = run(capsys, "--questionnaire", str(bad), str(FIXTURES / "responses" / "AU.toml"))
    assert code == 2 and lines[0].startswith(f"enquete: {bad}: ")


@pytest.mark.skipif(shutil.which("enquete") is None, reason="the enquete command is not installed")
def test_installed_command_finds_the_shipped_survey_from_any_folder(tmp_path: Path) -> None:
    result = subprocess.run(
        ["enquete", "check", str(FIXTURES / "responses" / "AU.toml")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("OK (AU, revision 1)")


def test_python_dash_m_runs_the_same_command(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "enquete", "check", "--questionnaire", str(ROOT / "questionnaire.toml")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
