"""Issue 10: every output sanitised, options where people put them, check and merge agreeing."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from enquete.cli import main
from enquete.text import json_for_terminal
from tests.conftest import ROOT
from tests.unit.inbox_kit import COMMENT, response_bytes

RAW_CONTROLS = [chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]] + [
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
]


@pytest.fixture
def folder_with_escapes(tmp_path: Path) -> Path:
    responses = tmp_path / "responses"
    responses.mkdir()
    (responses / "AU.toml").write_bytes(response_bytes("AU", "au-1"))  # COMMENT holds ESC, OSC 52, C1, bidi
    (responses / "BR.toml").write_bytes(
        response_bytes("BR", "br-1", proposals="csi \x9b31m del \x7f \u2028 x")
    )
    return responses


def test_report_json_on_stdout_has_no_raw_control_character_and_the_same_values(
    folder_with_escapes: Path,
) -> None:
    """Escape bytes reached the terminal from `report --format json` (C1 controls, bidi overrides)."""
    result = subprocess.run(
        [sys.executable, "-m", "enquete", "report", "--responses", str(folder_with_escapes)],
        capture_output=True,
        check=True,
        timeout=60,
    )
    text = result.stdout.decode("utf-8")
    assert not [c for c in RAW_CONTROLS if c in text.replace("\n", "")], "nothing a terminal would obey"
    data = json.loads(text)
    comments = [c["text"] for c in data["questions"]["proposals"]["comments"]]
    assert COMMENT in comments and "csi \x9b31m del \x7f \u2028 x" in comments, (
        "values exactly as in the files"
    )


def test_report_json_written_to_a_file_stays_exact_and_is_mode_0644(
    folder_with_escapes: Path, tmp_path: Path
) -> None:
    """Files written by `report -o` were mode 0600."""
    out = tmp_path / "report.json"
    assert main(["report", "--responses", str(folder_with_escapes), "-o", str(out)]) == 0
    assert "\x9b31m" in out.read_text("utf-8"), "the file keeps the text verbatim"
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_json_for_terminal_escapes_only_inside_strings_and_keeps_the_values() -> None:
    value = {"k\u202e": ["\x1b]52;c;x\x07", "\x85\x9b", "ok 日本"]}
    text = json_for_terminal(json.dumps(value, ensure_ascii=False))
    assert json.loads(text) == value and "日本" in text
    assert not [c for c in RAW_CONTROLS if c in text]


@pytest.mark.parametrize(
    "args",
    [
        ["--responses", "{r}", "report", "--format", "csv"],
        ["report", "--responses", "{r}", "--format", "csv"],
        ["--questionnaire", "{q}", "report", "--responses", "{r}", "--format", "csv"],
        ["report", "--format", "csv", "--questionnaire", "{q}", "--responses", "{r}"],
    ],
)
def test_global_options_work_before_or_after_the_subcommand(
    folder_with_escapes: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """`--responses`/`--questionnaire` before the subcommand were silently ignored."""
    filled = [a.format(r=folder_with_escapes, q=ROOT / "questionnaire.toml") for a in args]
    assert main(filled) == 0
    out = capsys.readouterr()
    assert "AU" in out.out and "BR" in out.out
    assert "there is no folder" not in out.err


def test_merge_takes_responses_as_its_target_before_or_after(tmp_path: Path) -> None:
    """`enquete --responses X merge` put the files in ./responses."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "AU.toml").write_bytes(response_bytes("AU", "au-1"))
    assert main(["--responses", str(tmp_path / "one"), "merge", str(inbox)]) == 0
    assert main(["merge", str(inbox), "--responses", str(tmp_path / "two")]) == 0
    assert (tmp_path / "one" / "AU.toml").exists() and (tmp_path / "two" / "AU.toml").exists()
    assert not Path("responses").exists()


def test_merge_help_explains_source_into_outcomes_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    """`merge --help` explained neither SOURCE nor --into."""
    with pytest.raises(SystemExit):
        main(["merge", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    for words in (
        ".zip",
        ".eml",
        ".toml.txt",
        "--into DIR",
        "the responses folder to import into",
        "exit status",
    ):
        assert words in out, words


def test_check_on_an_incomplete_draft_says_what_merge_would_say(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`check` said OK for an incomplete draft that merge rejects."""
    draft = tmp_path / "PE.toml"
    draft.write_bytes(response_bytes("PE", "pe-1", status="draft").replace(b'rec10 = "implemented"', b""))
    assert main(["check", str(draft)]) == 1
    out = capsys.readouterr().out
    assert "is a draft; 1 required question(s) still unanswered" in out
    assert "merge takes only submitted responses" in out and "ask PE to submit" in out


def test_a_hostile_questionnaire_title_and_error_are_filtered_on_the_way_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A hostile questionnaire's labels and its error message on exit reached the terminal raw."""
    path = tmp_path / "q.toml"
    title = "Survey \x1b]0;pwned\x07 \x9b2J \u202eevil"
    escaped = json.dumps(title)  # a TOML basic string too: \u001b, \u009b, \u202e
    path.write_text(
        f"[questionnaire]\nid = 'q'\nversion = 1\ntitle = {escaped}\nlanguages = ['en', {escaped}]\n", "utf-8"
    )
    assert main(["check", "--questionnaire", str(path)]) == 1
    captured = capsys.readouterr()
    assert "is not a language code" in captured.out + captured.err
    assert not [c for c in RAW_CONTROLS if c in (captured.out + captured.err).replace("\n", "")]
    from enquete.ui.app import EnqueteApp

    app = EnqueteApp({"questionnaire": {"title": title}}, tmp_path / "responses")
    assert not [c for c in RAW_CONTROLS if c in app.header("title")]
