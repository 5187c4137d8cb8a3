"""The reports, byte for byte, on the small fixture: the public contracts cannot drift unnoticed.

The golden files in tests/fixtures/small/expected were checked by hand against
docs/report-format.md (and, when written, against the reports of the code
before the question-type registry: identical). After a deliberate change,
regenerate them with `ENQUETE_UPDATE_GOLDEN=1 pytest tests/unit/test_report_golden.py`
and read the diff before committing it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from enquete.model.questionnaire import Questionnaire
from enquete.results.aggregate import Results, aggregate_files
from enquete.results.report_csv import render_csv
from enquete.results.report_json import render_json
from enquete.results.report_markdown import render_markdown
from enquete.storage.questionnaire_file import load_questionnaire
from tests.conftest import FIXTURES

SMALL = FIXTURES / "small"
EXPECTED = SMALL / "expected"
QUESTIONNAIRE = load_questionnaire(SMALL / "questionnaire.toml")

RENDERERS: dict[str, Callable[[Results, Questionnaire], str]] = {
    "report.json": lambda results, _q: render_json(results),
    "report.md": lambda results, q: render_markdown(results, q),
    "report-zh.md": lambda results, q: render_markdown(results, q, "zh"),
    "report.csv": lambda results, q: render_csv(q, results),
}


@pytest.fixture
def results(monkeypatch: pytest.MonkeyPatch) -> Results:
    """The 8 clean responses plus more/: a newer revision, a conflict, a draft, a broken file."""
    monkeypatch.chdir(SMALL)
    paths = sorted(Path("responses").glob("*.toml")) + sorted(Path("more").glob("*.toml"))
    return aggregate_files(paths, QUESTIONNAIRE)


def test_the_extra_files_are_each_accounted_for(results: Results) -> None:
    assert results.respondents == 8
    assert [(r.file, r.reason.split(":")[0]) for r in results.rejected] == [
        ("more/GB-draft.toml", "is a draft; only submitted responses are counted"),
        ("more/broken.toml", "is not valid TOML"),
    ]
    assert [(s.file, s.superseded_by) for s in results.superseded] == [
        ("responses/EP.toml", "more/EP-revision2.toml")
    ]
    assert [(c.respondent, c.counted, c.ignored) for c in results.conflicts] == [
        ("FR", "responses/FR.toml", ("more/FR-other-id.toml",))
    ]


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_reports_match_the_golden_files(results: Results, name: str) -> None:
    """Any change to a figure, a label, an order or an escape in a report shows here."""
    text = RENDERERS[name](results, QUESTIONNAIRE)
    golden = EXPECTED / name
    if os.environ.get("ENQUETE_UPDATE_GOLDEN"):
        golden.write_bytes(text.encode("utf-8"))
    assert text.encode("utf-8") == golden.read_bytes()
