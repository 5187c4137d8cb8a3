"""`enquete results --invited FILE`: the results header counts against the list named.

Merge and report took `--invited`; results only looked for `invited.csv`
beside the responses folder, so a list kept elsewhere was never counted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from enquete.cli import build_parser, main
from tests.annex_fixture import CODES, write_annex_fixture
from tests.ui.conftest import AppFactory, running
from tests.ui.test_results import loaded_text


def write_list(path: Path, extra: str) -> None:
    """The annex's 21 offices, the first with the Secretariat's own name, plus `extra` (not answered)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = ["Code;Name;E-mail", "AU;“IP Australia” (Secretariat’s name);survey@ipaustralia.example"]
    rows += [f"{code};;{code.lower()}@example.org" for code in CODES[1:]]
    rows.append(extra)
    path.write_text("\r\n".join(rows) + "\r\n", "utf-8-sig")


async def test_results_count_against_the_invited_list_named_on_the_command_line(make_app: AppFactory) -> None:
    """Regression: `enquete results --invited FILE` did not exist; a list kept elsewhere was never counted.

    The list named wins over an `invited.csv` beside the responses folder, as in merge and report.
    """
    write_annex_fixture(Path("responses"))
    write_list(Path("invited.csv"), "NO;Norwegian Industrial Property Office;post@patentstyret.example")
    write_list(Path("lists") / "cws-2025 invited.csv", "PE;Perú (INDECOPI);dip@indecopi.example")
    app = make_app(mode="results", invited=Path("lists") / "cws-2025 invited.csv")
    async with running(app, size=(80, 24)) as pilot:
        text = await loaded_text(pilot)
        assert "21 of 22 invited have answered; missing: PE (Perú (INDECOPI))" in text
        assert "Norwegian" not in text


def test_results_help_offers_invited(capsys: pytest.CaptureFixture[str]) -> None:
    """`enquete results --help` says what --invited does, as merge and report do."""
    with pytest.raises(SystemExit):
        build_parser().parse_args(["results", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--invited FILE" in help_text and "to say who is missing" in help_text


@pytest.mark.parametrize("where", [["results", "--invited"], ["--invited"]])
def test_results_with_a_missing_invited_list_says_so_and_exits_2(
    where: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A list that cannot be read ends `enquete results` before the screen opens, as merge does."""
    missing = tmp_path / "invted.csv"
    argv = [*where, str(missing)] if where[0] == "results" else [*where, str(missing), "results"]
    assert main([*argv, "--responses", str(tmp_path / "responses")]) == 2
    err = capsys.readouterr().err
    assert "invted.csv" in err and "Traceback" not in err


def test_the_invited_list_reaches_the_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--invited` before or after `results` is handed to the app the results screen reads it from."""
    seen: list[Path | None] = []

    def fake_run_app(**options: object) -> int:
        seen.append(options["invited"])  # type: ignore[arg-type]
        return 0

    monkeypatch.setattr("enquete.ui.launch.run_app", fake_run_app)
    assert main(["results", "--invited", "a.csv"]) == 0
    assert main(["--invited", "b.csv", "results"]) == 0
    assert main(["results"]) == 0
    assert seen == [Path("a.csv"), Path("b.csv"), None]


async def test_the_invited_line_follows_the_language(make_app: AppFactory) -> None:
    """Trial 2026-12 #6: in French or Russian the results header's invited line stayed English."""
    write_annex_fixture(Path("responses"))
    write_list(Path("invited.csv"), "PE;Perú (INDECOPI);dip@indecopi.example")
    app = make_app(mode="results", language="fr")
    async with running(app, size=(100, 30)) as pilot:
        text = await loaded_text(pilot)
        assert "21 invités sur 22 ont répondu ; manquent : PE (Perú" in text
        app.language = "ru"
        await pilot.pause()
        assert "Ответили приглашенные: 21 из 22; не ответили: PE" in await loaded_text(pilot)
