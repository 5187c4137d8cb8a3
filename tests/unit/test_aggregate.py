"""Aggregation against hand-computed figures from tests/fixtures/sample.

The sample: AU, BR, CN, EP (revision 2 counts; revision 1 superseded) and FR
(two different ids: the later one counts) are the 5 respondents. A draft, a
broken file and a file of another survey are rejected; drafts/ is not read.
"""

import json
from pathlib import Path

import pytest

from enquete.cli import main
from enquete.model.questionnaire import Questionnaire
from enquete.results.aggregate import Comment, Results, aggregate_folder
from tests.conftest import FIXTURES
from tests.unit.builders import minimal_answers, write_response

SAMPLE = FIXTURES / "sample"


@pytest.fixture(scope="module")
def results() -> Results:
    from enquete.storage.questionnaire_file import load_questionnaire
    from tests.conftest import ROOT

    return aggregate_folder(SAMPLE, load_questionnaire(ROOT / "questionnaire.toml"))


def test_respondents_are_the_counted_offices(results: Results) -> None:
    assert results.respondents == 5
    assert results.respondent_keys == ["AU", "BR", "CN", "EP", "FR"]


def test_multi_select_counts_include_zeros_and_exclusive_options(results: Results) -> None:
    focus = results.questions["current_focus"]
    # rec1: AU, BR, EP (its revision 2; revision 1 chose rec2 and is superseded)
    assert focus.counts["rec1"] == 3
    assert focus.counts["rec2"] == 0
    assert focus.counts["rec5"] == 1
    assert focus.counts["not_applicable"] == 1  # FR's counted response
    assert sum(focus.option_counts.values()) == 5
    assert len(focus.counts) == 11
    assert focus.answered == 4  # CN skipped the question
    assert results.share(focus.option_counts["rec1"]) == 60  # 3 of all 5, not of 4


def test_low_priority_and_challenges(results: Results) -> None:
    low = results.questions["low_priority"]
    assert (low.counts["not_applicable"], low.counts["rec3"], low.counts["rec4"], low.answered) == (
        2,
        1,
        1,
        3,
    )
    challenges = results.questions["challenges"]
    assert (challenges.counts["rec10"], challenges.counts["not_applicable"], challenges.answered) == (1, 1, 2)


def test_matrix_counts_per_row_and_level(results: Results) -> None:
    matrix = results.questions["implementation"]
    # AU and EP implemented everything, BR rec1 ongoing, FR decided, CN not planned.
    assert matrix.counts["rec1"] == {
        "implemented": 2,
        "ongoing": 1,
        "decided": 1,
        "considering": 0,
        "not_planned": 1,
    }
    assert matrix.counts["rec2"] == {
        "implemented": 2,
        "ongoing": 0,
        "decided": 1,
        "considering": 1,
        "not_planned": 1,
    }
    assert matrix.answered == 5


def test_comments_are_verbatim_with_respondent_and_option(results: Results) -> None:
    focus = results.questions["current_focus"]
    assert focus.comments == [
        Comment("AU", "rec1", "[bold]Digital-first[/bold] filing"),
        Comment("AU", "rec5", "Bulk data [@click=app.quit]portal[/]"),
    ]
    assert results.questions["low_priority"].comments == [
        Comment("BR", "rec3", 'He said "not now"\nsecond line')
    ]
    assert results.questions["proposals"].comments == [Comment("BR", None, "中文建议：合并建议8和9")]
    assert results.questions["future_topics"].comments == [Comment("CN", None, "Demo please")]


def test_superseded_conflicts_and_rejected(results: Results) -> None:
    assert [(Path(s.file).name, s.revision, Path(s.superseded_by).name) for s in results.superseded] == [
        ("EP-revision1.toml", 1, "EP.toml")
    ]
    assert [
        (c.respondent, Path(c.counted).name, [Path(f).name for f in c.ignored]) for c in results.conflicts
    ] == [("FR", "FR.toml", ["FR-first.toml"])]
    rejected = {Path(r.file).name: r.reason for r in results.rejected}
    assert set(rejected) == {"DE-draft.toml", "broken.toml", "other-survey.toml"}
    assert "draft" in rejected["DE-draft.toml"]
    assert "line 3, column 19" in rejected["broken.toml"]
    assert "cws-other-2024" in rejected["other-survey.toml"]


def test_shares_round_half_up_to_whole_percent(survey: Questionnaire, tmp_path: Path) -> None:
    # 21 respondents as in 2025: 14 -> 66.67% -> 67%, 12 -> 57.14% -> 57%, 15 -> 71.43% -> 71%
    codes = [
        "AU",
        "BR",
        "CA",
        "CN",
        "DE",
        "EP",
        "FR",
        "GB",
        "IN",
        "JP",
        "KR",
        "MX",
        "NZ",
        "PT",
        "RU",
        "SE",
        "US",
        "ZA",
        "EM",
        "CH",
        "IT",
    ]
    for i, code in enumerate(codes):
        write_response(tmp_path, f"{code}.toml", minimal_answers(code), id=f"id-{i}")
    results = aggregate_folder(tmp_path, survey)
    assert results.respondents == 21
    assert [results.share(n) for n in (14, 12, 15, 0, 21)] == [67, 57, 71, 0, 100]


def test_an_empty_folder_has_no_respondents_and_no_division_by_zero(
    survey: Questionnaire, tmp_path: Path
) -> None:
    results = aggregate_folder(tmp_path / "missing", survey)
    assert results.respondents == 0 and results.share(0) == 0


def test_same_id_same_revision_counts_once(survey: Questionnaire, tmp_path: Path) -> None:
    write_response(tmp_path, "AU.toml", minimal_answers())
    write_response(tmp_path, "AU copy.toml", minimal_answers())
    results = aggregate_folder(tmp_path, survey)
    assert results.respondents == 1 and len(results.superseded) == 1 and not results.conflicts


def test_json_report_of_the_sample(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--responses", str(SAMPLE)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["respondents"] == 5
    assert data["respondent_keys"] == ["AU", "BR", "CN", "EP", "FR"]
    assert data["questions"]["current_focus"]["counts"]["rec1"] == 3
    assert data["questions"]["implementation"]["counts"]["rec1"]["ongoing"] == 1
    assert data["questions"]["low_priority"]["comments"] == [
        {"respondent": "BR", "option": "rec3", "text": 'He said "not now"\nsecond line'}
    ]
    assert {Path(r["file"]).name for r in data["rejected"]} == {
        "DE-draft.toml",
        "broken.toml",
        "other-survey.toml",
    }
    assert data["conflicts"][0]["respondent"] == "FR"
    assert data["superseded"][0]["revision"] == 1


def test_markdown_report_of_the_sample(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--responses", str(SAMPLE), "--format", "md"]) == 0
    text = capsys.readouterr().out
    assert "5 respondents. Every percentage below is a share of all 5 respondents" in text
    assert (
        "| BR | Brazil, National Institute of Industrial Property (INPI) |" in text
        and "| EP | European Patent Office (EPO) |" in text
    )
    # current focus, rec1: 3 of 5; Not Applicable: 1 of 5
    assert (
        "| Recommendation 1: Optimize business models, legal frameworks and workflows for the digital age | 3 (60%) |"
        in text
    )
    assert "| Not Applicable | 1 (20%) |" in text
    # matrix rec1: 2 implemented (40%), 1 ongoing (20%): implemented or ongoing 3 (60%)
    assert "| 2 (40%) | 1 (20%) | 1 (20%) | 0 (0%) | 1 (20%) | 3 (60%) |" in text
    assert "- **AU**: \\[bold\\]Digital-first\\[/bold\\] filing" in text  # markup shown, not applied
    assert '- **BR**: He said "not now"\\\n  second line' in text  # a hard break keeps the line
    assert "Conflict for FR" in text


def test_csv_report_neutralises_formulas(
    survey: Questionnaire, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_response(tmp_path, "AU.toml", minimal_answers(proposals='=HYPERLINK("http://x")'))
    assert main(["report", "--responses", str(tmp_path), "--format", "csv"]) == 0
    import csv
    import io

    out = capsys.readouterr().out
    assert out.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert len(rows) == 1
    assert rows[0]["_respondent"] == "AU"
    assert rows[0]["proposals"] == '\'=HYPERLINK("http://x")'
    assert rows[0]["implementation.rec1"] == "Implemented"


def test_report_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out" / "report.md"
    assert main(["report", "--responses", str(SAMPLE), "--format", "md", "-o", str(target)]) == 0
    assert target.read_text("utf-8").startswith("# Survey on the ICT Recommendations")
    said = capsys.readouterr().out
    # tests/fixtures/sample: 5 counted; 3 rejected, 1 superseded (EP), 1 in conflict (FR) by hand
    assert (
        "5 respondents; 5 files not counted: 3 rejected, 1 superseded by a newer revision, 1 in conflict"
        in said
    )


@pytest.mark.parametrize(
    ("name", "starts"),
    [("report.md", b"# Survey"), ("report.JSON", b"{"), ("report.csv", "\ufeff".encode()), ("x.docx", b"PK"),
     ("x.xlsx", b"PK"), ("report", b"{"), ("summary.txt", b"13. 5 offices")],
)  # fmt: skip
def test_the_format_follows_the_output_files_extension(tmp_path: Path, name: str, starts: bytes) -> None:
    """Trial 2026-12: `report -o x.md` without --format wrote JSON (and `-o z.xlsx` a JSON file)."""
    target = tmp_path / name
    assert main(["report", "--responses", str(SAMPLE), "-o", str(target)]) == 0
    assert target.read_bytes().startswith(starts)


@pytest.mark.parametrize("name", ["annex.pdf", "figures.xls", "report.out"])
def test_an_extension_naming_no_format_is_refused_and_nothing_written(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Trial 2026-12: `-o annex.pdf` silently wrote JSON into a file named .pdf."""
    target = tmp_path / name
    assert main(["report", "--responses", str(SAMPLE), "-o", str(target)]) == 2
    assert not target.exists()
    assert "cannot tell a format from" in capsys.readouterr().err


def test_an_explicit_format_wins_over_the_extension(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    assert main(["report", "--responses", str(SAMPLE), "--format", "json", "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b"{")


def test_a_merge_from_a_path_that_does_not_exist_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Trial 2026-12: a mistyped inbox folder was listed as a rejected file, with "ask the sender
    to send the response file again" as the next step."""
    into = tmp_path / "responses"
    assert main(["merge", str(tmp_path / "cws-replies"), str(SAMPLE / "AU.toml"), "--into", str(into)]) == 2
    err = capsys.readouterr().err
    assert "no such file or folder" in err and "cws-replies" in err and "check the path" in err
    assert not into.exists() or not any(into.glob("*.toml"))  # nothing merged, not even AU
