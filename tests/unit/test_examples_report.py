"""The example questionnaires: checked, merged from an inbox, reported, against figures worked out by hand."""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from enquete.cli import main
from enquete.merge import merge
from enquete.model.questionnaire import Questionnaire
from enquete.results.aggregate import aggregate_folder
from enquete.results.report_json import results_to_json_data
from enquete.results.report_markdown import render_markdown
from enquete.storage.questionnaire_file import load_questionnaire
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples"
UUIDS = [f"{n:08x}-0000-4000-8000-{n:012x}" for n in range(1, 10)]


def load(name: str) -> Questionnaire:
    return load_questionnaire(EXAMPLES / name)


def send(inbox: Path, questionnaire: Questionnaire, name: str, answers: dict[str, Any], number: int) -> None:
    """A submitted response as an office would e-mail it: the header the app writes, times included.

    With both times the report's fast path reads the file (without them it takes the
    reference path): an anonymous survey crashed only there, on every real file.
    """
    inbox.mkdir(exist_ok=True)
    moment = datetime.datetime(2025, 5, 2, 9, 30, number, tzinfo=datetime.UTC)
    header = {
        "questionnaire": questionnaire.id,
        "version": questionnaire.version,
        "id": UUIDS[number],
        "revision": 1,
        "status": "submitted",
        "language": "en",
        "started": moment,
        "saved": moment,
    }
    (inbox / name).write_text(tomli_w.dumps({"response": header, "answers": answers}), "utf-8")


def merged(tmp_path: Path, questionnaire: Questionnaire, responses: list[dict[str, Any]]) -> Path:
    inbox, folder = tmp_path / "inbox", tmp_path / "responses"
    for number, answers in enumerate(responses):
        send(inbox, questionnaire, f"reply {number}.toml", answers, number)
    steps = merge([inbox], folder, questionnaire)
    assert [s.outcome.value for s in steps] == ["imported"] * len(responses), [s.reason for s in steps]
    return folder


@pytest.mark.parametrize("name", ["office-capacity.toml", "satisfaction.toml", "training-needs.toml"])
def test_every_example_passes_check(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--questionnaire", str(EXAMPLES / name)]) == 0
    assert ": OK (" in capsys.readouterr().out


OFFICES = [
    {"office": "AU", "examiners": 120, "it_staff": 35, "it_budget_share": 12.5, "has_strategy": "yes",
     "strategy_adopted": datetime.date(2023, 9, 15), "filing_system": "other",
     "filing_system_other": "Paper forms, scanned"},
    {"office": "BR", "examiners": 80, "it_staff": 20, "it_budget_share": 8.0, "has_strategy": "no",
     "filing_system": "epct"},
    {"office": "CN", "examiners": 400, "it_budget_share": 20.0, "has_strategy": "yes",
     "strategy_adopted": datetime.date(2021, 1, 10), "filing_system": "own"},
    # FR's file still holds a date for a strategy it says it does not have: set aside, not counted.
    {"office": "FR", "examiners": 200, "it_staff": 50, "has_strategy": "no",
     "strategy_adopted": datetime.date(2020, 1, 1)},
]  # fmt: skip


def test_office_capacity_figures(tmp_path: Path) -> None:
    questionnaire = load("office-capacity.toml")
    results = aggregate_folder(merged(tmp_path, questionnaire, OFFICES), questionnaire)
    assert results.respondents == 4
    markdown = render_markdown(results, questionnaire)
    # examiners: 120, 80, 400, 200 -> mean 200, median (120 + 200) / 2 = 160, sum 800.
    assert (
        "| Answered | 4 |\n| Mean | 200 (examiners) |\n| Median | 160 (examiners) |\n"
        "| Minimum | 80 (examiners) |\n| Maximum | 400 (examiners) |\n| Sum | 800 (examiners) |"
    ) in markdown
    # IT budget share: 12.5, 8, 20 -> mean 40.5 / 3 = 13.5, median 12.5.
    assert "| Answered | 3 |\n| Mean | 13.5 % |\n| Median | 12.5 % |\n| Minimum | 8 % |" in markdown
    assert "| Maximum | 20 % |\n| Sum | 40.5 % |" in markdown
    # has_strategy: 2 yes, 2 no, of all 4.
    assert "| Yes | 2 (50%) |\n| No | 2 (50%) |" in markdown
    # The adoption date applied to the 2 offices with a strategy; FR's stray date is not counted.
    assert (
        "Answered by 2 (100%) of the 2 respondents who answered “Yes” to question 6 (of 4; 2 not asked)"
        in markdown
    )
    assert "| Earliest | 2021-01-10 |\n| Latest | 2023-09-15 |" in markdown
    # Filing system: 3 of 4 answered; shares of all 4.
    assert "Answered by 3 (75%) of 4 respondents." in markdown
    assert "| ePCT | 1 (25%) |\n| Our own system | 1 (25%) |\n| Other | 1 (25%) |" in markdown
    # "Other, please specify" applied to AU only; its text is listed like a comment.
    assert (
        "Answered by 1 (100%) of the 1 respondent who answered “Other” to question 8 (of 4; 3 not asked)"
        in markdown
    )
    assert "Paper forms, scanned" in markdown
    data = results_to_json_data(results)
    assert data["questions"]["examiners"]["values"] == [120, 80, 400, 200]
    assert data["questions"]["strategy_adopted"] == {
        **data["questions"]["strategy_adopted"],
        "answered": 2,
        "applicable": 2,
        "values": ["2023-09-15", "2021-01-10"],
    }
    assert data["questions"]["examiners"]["applicable"] is None
    json.dumps(data)


SATISFACTION = [
    {"ratings": {"filing": "r4", "search": "r5", "payment": "r3"}, "recommend": 9,
     "comments": "Payment page • times out"},
    {"ratings": {"filing": "r5", "search": "r4", "payment": "r2"}, "recommend": 10},
    {"ratings": {"filing": "r3", "search": "r4", "payment": "r1"}, "recommend": 6,
     "comments": "Search is slow [b]at peak[/b]"},
]  # fmt: skip


def test_satisfaction_figures_anonymous(tmp_path: Path) -> None:
    questionnaire = load("satisfaction.toml")
    folder = merged(tmp_path, questionnaire, SATISFACTION)
    assert sorted(p.stem for p in folder.glob("*.toml")) == UUIDS[:3], "files named by response id"
    results = aggregate_folder(folder, questionnaire)
    assert results.respondents == 3
    ratings = results.questions["ratings"].cell_counts
    assert ratings["filing"] == {"r1": 0, "r2": 0, "r3": 1, "r4": 1, "r5": 1}
    assert ratings["search"] == {"r1": 0, "r2": 0, "r3": 0, "r4": 2, "r5": 1}
    assert ratings["payment"] == {"r1": 1, "r2": 1, "r3": 1, "r4": 0, "r5": 0}
    markdown = render_markdown(results, questionnaire)
    assert "| Search databases | 0 (0%) | 0 (0%) | 0 (0%) | 2 (67%) | 1 (33%) |" in markdown
    # recommend: 9, 10, 6 -> mean 25 / 3 = 8.33, median 9, sum 25.
    assert "| Answered | 3 |\n| Mean | 8.33 |\n| Median | 9 |\n| Minimum | 6 |\n| Maximum | 10 |" in markdown
    assert "Answered by 2 (67%) of 3 respondents." in markdown  # comments
    assert "Payment page • times out" in markdown
    assert "| Code | Respondent |" not in markdown and UUIDS[0] not in markdown


TRAINING: list[dict[str, Any]] = [
    {"office": "KZ", "topics": {"selected": ["none"]}},
    {"office": "RU", "topics": {"selected": ["st26", "st96"]}, "trainees": 12, "format": "online"},
    {"office": "FR", "topics": {"selected": ["st96"]}, "trainees": 5, "format": "onsite"},
]


def test_training_needs_figures_in_russian(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    questionnaire = load("training-needs.toml")
    folder = merged(tmp_path, questionnaire, TRAINING)
    results = aggregate_folder(folder, questionnaire)
    assert results.questions["topics"].option_counts == {"st26": 1, "st96": 2, "st37": 0, "none": 1}
    assert results.questions["trainees"].applicable == 2  # not KZ, which needs no training
    assert results.questions["format"].applicable == 2
    assert results.questions["format"].option_counts == {"online": 1, "onsite": 1}
    code = main(
        ["report", "--questionnaire", str(EXAMPLES / "training-needs.toml"), "--responses", str(folder),
         "--format", "md", "--lang", "ru"]
    )  # fmt: skip
    assert code == 0
    markdown = capsys.readouterr().out
    assert "# Потребности в обучении по стандартам ВОИС" in markdown
    assert "| ST.96 (XML для данных ИС) | 2 (67\u00a0%) |" in markdown
    # trainees: 12 and 5, of the 2 it applied to -> mean 8.5, sum 17.
    # The report's own words follow --lang (catalogs), the denominator included.
    assert (
        "Ответили: 2 (100\u00a0%); число респондентов, к которым он относился: 2 (всего 3; вопрос не задавался: 1)"
        in markdown
    )
    assert "| Вариант | Респонденты |" in markdown and "Answered" not in markdown
    assert "| Среднее | 8,5 (чел.) |" in markdown and "| Сумма | 17 (чел.) |" in markdown
    assert "| Онлайн | 1 (50\u00a0%) |\n| Очно | 1 (50\u00a0%) |" in markdown, "shares of the 2 it applied to"


@pytest.mark.parametrize("fmt", ["json", "md", "csv"])
def test_a_second_report_on_a_folder_with_dates_gives_the_same_output(
    tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression (survey-author trial, session 3): with the cache on, the second `report` on a
    folder holding a `date` answer died with "Object of type date is not JSON serializable"
    while writing the file cache, and `enquete results` showed no figures."""
    questionnaire = load("office-capacity.toml")
    folder = merged(tmp_path, questionnaire, OFFICES)
    old = datetime.datetime.now().timestamp() - 3600  # a cache only trusts files settled in the past
    for path in folder.glob("*.toml"):
        os.utime(path, (old, old))
    command = [
        "report",
        "--responses",
        str(folder),
        "--questionnaire",
        str(EXAMPLES / "office-capacity.toml"),
        "--format",
        fmt,
    ]
    outputs = []
    for _ in range(3):
        assert main(command) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] == outputs[2]
    assert "2021-01-10" in outputs[0]
    # The dates are remembered (as ISO text), not left for a re-read every time.
    (cache,) = Path(os.environ["ENQUETE_CACHE_DIR"]).glob("*.files.json")
    assert '"strategy_adopted": "2021-01-10"' in cache.read_text("utf-8")
