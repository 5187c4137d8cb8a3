"""The report caches: a repeat run reads only what changed, and any doubt about a cache means reading again."""

from __future__ import annotations

import json
import os
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from enquete.cli import main
from enquete.model.questionnaire import Questionnaire
from enquete.results.aggregate import Results, aggregate_folder
from enquete.results.cache import FolderCache
from enquete.results.cache_files import cache_folder, read_private, write_private
from enquete.storage.questionnaire_file import questionnaire_from_data, read_questionnaire_data
from tests.conftest import ROOT
from tests.unit.builders import minimal_answers, write_response

HOUR_AGO = time.time() - 3600
STAMPS = {"started": datetime(2025, 5, 2, 9, tzinfo=UTC), "saved": datetime(2025, 5, 3, 9, tzinfo=UTC)}
"""Both times written: a file without them is stamped "now", which differs between two reads."""


def settle(*paths: Path, age: float = 0) -> None:
    """Give files a modification time safely in the past (a cache never trusts a file just written)."""
    for path in paths:
        os.utime(path, (HOUR_AGO - age, HOUR_AGO - age))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three offices; AU in three revisions; a broken file."""
    root = tmp_path / "responses"
    root.mkdir()
    for revision in (1, 2, 3):
        answers = minimal_answers("AU", proposals=f"AU revision {revision}")
        write_response(root, f"AU.r{revision}.toml", answers, id="id-AU", revision=revision, **STAMPS)
    write_response(root, "BR.toml", minimal_answers("BR"), id="id-BR", **STAMPS)
    write_response(root, "CN.toml", minimal_answers("CN", proposals="“统一” [b]x[/b]"), id="id-CN", **STAMPS)
    (root / "broken.toml").write_text("[response\n", "utf-8")
    settle(*root.iterdir())
    return root


def run(folder: Path, questionnaire: Questionnaire) -> tuple[Results, FolderCache]:
    """Aggregate with the cache, and the cache as it was used."""
    cache = FolderCache.open(folder, questionnaire)
    assert cache is not None
    from enquete.results.aggregate import aggregate_files
    from enquete.storage.responses import ResponseFolder

    results = aggregate_files(ResponseFolder(folder).submitted_files(), questionnaire, cache=cache)
    return results, cache


def cache_file(folder: Path) -> Path:
    files = list(Path(os.environ["ENQUETE_CACHE_DIR"]).glob("*.files.json"))
    assert len(files) == 1
    return files[0]


def test_a_repeat_run_reads_no_file_and_gives_the_same_results(folder: Path, survey: Questionnaire) -> None:
    first, cache = run(folder, survey)
    assert cache.reused == 0
    written = cache_file(folder).stat().st_mtime_ns
    second, cache = run(folder, survey)
    assert cache.reused == 6 and second == first
    assert cache_file(folder).stat().st_mtime_ns == written  # nothing changed: nothing rewritten
    assert first == aggregate_folder(folder, survey, cached=False)
    assert second.responses["AU"].answers["proposals"] == "AU revision 3"


def test_a_changed_file_is_read_again(folder: Path, survey: Questionnaire) -> None:
    run(folder, survey)
    write_response(folder, "BR.toml", minimal_answers("BR", proposals="changed"), id="id-BR", **STAMPS)
    settle(folder / "BR.toml", age=60)
    results, cache = run(folder, survey)
    assert cache.reused == 5 and results.responses["BR"].answers["proposals"] == "changed"


def test_removing_the_newest_revision_counts_the_one_before(folder: Path, survey: Questionnaire) -> None:
    """Only the newest revision's answers are cached: the one before is read whole when it wins."""
    run(folder, survey)
    (folder / "AU.r3.toml").unlink()
    results, _ = run(folder, survey)
    assert results.responses["AU"].answers["proposals"] == "AU revision 2"
    assert results == aggregate_folder(folder, survey, cached=False)


def test_files_written_in_the_last_seconds_are_not_remembered(folder: Path, survey: Questionnaire) -> None:
    write_response(folder, "BR.toml", minimal_answers("BR"), id="id-BR", **STAMPS)  # modified just now
    run(folder, survey)
    _, cache = run(folder, survey)
    assert cache.reused == 5


@pytest.mark.parametrize(
    "damage",
    [
        "truncated",
        "checksum",
        "not json",
        "entry of another shape",
        "row of another shape",
        "answers that do not pass",
        "a link",
        "writable by others",
    ],
)
def test_a_damaged_or_hostile_cache_is_not_believed(
    folder: Path, survey: Questionnaire, damage: str, tmp_path: Path
) -> None:
    truth, _ = run(folder, survey)
    path = cache_file(folder)
    data = path.read_bytes()
    document = json.loads(read_private(path))
    if damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "checksum":
        path.write_bytes(data.replace(b"AU revision 3", b"AU revision 9"))
    elif damage == "not json":
        write_private(path, [b"{" * 100_000])
    elif damage == "entry of another shape":
        document["files"]["BR.toml"] = ["not", "a", "row"]
        write_private(path, [json.dumps(document).encode()])
    elif damage == "row of another shape":
        row = document["files"]["CN.toml"]
        document["files"]["CN.toml"] = row.replace("|l|", "|l|x|")
        write_private(path, [json.dumps(document).encode()])
    elif damage == "answers that do not pass":
        whole = document["wholes"]["AU.r3.toml"]
        whole["answers"]["implementation"]["rec1"] = "invented"
        whole["answers"]["proposals"] = "forged"
        write_private(path, [json.dumps(document).encode()])
    elif damage == "a link":
        elsewhere = tmp_path / "elsewhere.json"
        elsewhere.write_bytes(data)
        path.unlink()
        path.symlink_to(elsewhere)
    else:
        path.chmod(0o666)
    results, cache = run(folder, survey)
    assert results == truth
    if damage != "answers that do not pass":
        assert cache.reused == 0
    assert results.responses["AU"].answers["proposals"] == "AU revision 3"


def test_a_changed_questionnaire_voids_the_cache(folder: Path, survey: Questionnaire) -> None:
    run(folder, survey)
    path, data = read_questionnaire_data(ROOT / "questionnaire.toml")
    data["questions"][6]["max_length"] = 5  # proposals: now too long in AU's files
    stricter = questionnaire_from_data(data, source=str(path))
    results, cache = run(folder, stricter)
    assert cache.reused == 0
    assert "AU" not in results.respondent_keys


def test_the_cache_lives_outside_the_responses_folder_and_can_be_turned_off(
    folder: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(p.name for p in folder.rglob("*"))
    assert main(["report", "--responses", str(folder)]) == 0
    assert sorted(p.name for p in folder.rglob("*")) == before
    where = cache_folder()
    assert where is not None and len(list(where.iterdir())) == 2  # the file cache and the json memo
    assert all(p.stat().st_mode & 0o077 == 0 for p in where.iterdir())
    monkeypatch.setenv("ENQUETE_CACHE_DIR", str(tmp_path / "unused"))
    monkeypatch.setenv("ENQUETE_CACHE", "off")
    assert main(["report", "--responses", str(folder)]) == 0
    assert not (tmp_path / "unused").exists()
    capsys.readouterr()


def test_the_memo_gives_the_report_again_until_a_file_changes(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.md"
    args = ["report", "--format", "md", "--responses", str(folder), "-o", str(out)]
    assert main(args) == 0
    first, said = out.read_text("utf-8"), capsys.readouterr().out
    memo = next(Path(os.environ["ENQUETE_CACHE_DIR"]).glob("*.md.*report"))
    assert main(args) == 0 and out.read_text("utf-8") == first
    assert capsys.readouterr().out == said != "", "the memo says what became of the files, as the first run"
    write_response(folder, "BR.toml", minimal_answers("BR", proposals="Nouvelle proposition"), id="id-BR")
    settle(folder / "BR.toml", age=30)
    assert main(args) == 0
    assert "Nouvelle proposition" in out.read_text("utf-8")
    memo.write_bytes(memo.read_bytes()[:-10])  # torn: ignored, the report is made again
    assert main(args) == 0 and "Nouvelle proposition" in out.read_text("utf-8")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_named_as_the_questionnaire_does_not_hang_the_memo(folder: Path, tmp_path: Path) -> None:
    """The memo hashes the questionnaire's bytes before anything else: read like every file, bounded."""
    import subprocess
    import sys

    pipe = tmp_path / "questionnaire.toml"
    os.mkfifo(pipe)
    argv = ["report", "--questionnaire", str(pipe), "--responses", str(folder)]
    code = f"from enquete.cli import main; raise SystemExit(main({argv!r}))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 2 and "not a regular file" in result.stderr


def test_the_memo_watches_every_file_the_report_counts(folder: Path, tmp_path: Path) -> None:
    """Regression: the memo listed `*.toml` only, while the folder counts `*.TOML` too (main's rule)."""
    from enquete.storage.responses import ResponseFolder

    write_response(folder, "DE.TOML", minimal_answers("DE"), id="id-DE", **STAMPS)
    settle(folder / "DE.TOML")
    assert "DE.TOML" in [p.name for p in ResponseFolder(folder).submitted_files()]
    out = tmp_path / "report.json"
    args = ["report", "--responses", str(folder), "-o", str(out)]
    assert main(args) == 0 and "DE" in json.loads(out.read_text("utf-8"))["respondent_keys"]
    (folder / "DE.TOML").write_text("broken", "utf-8")
    settle(folder / "DE.TOML", age=30)
    assert main(args) == 0
    report = json.loads(out.read_text("utf-8"))
    assert "DE" not in report["respondent_keys"]
    assert [r["file"] for r in report["rejected"]] == [str(folder / "DE.TOML"), str(folder / "broken.toml")]


def test_a_report_in_another_language_is_not_given_from_the_memo_of_the_first(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The memo is keyed on the format, the language and the CSV codes switch too."""
    out = tmp_path / "report.md"
    texts = []
    for lang in ("en", "fr", "en"):
        assert (
            main(["report", "--format", "md", "--lang", lang, "--responses", str(folder), "-o", str(out)])
            == 0
        )
        texts.append(out.read_text("utf-8"))
    assert texts[0] == texts[2] != texts[1]
    capsys.readouterr()
