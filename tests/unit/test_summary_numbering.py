"""The summary's paragraph numbers and its Chinese punctuation."""

from __future__ import annotations

import re
from pathlib import Path

from enquete.model.questionnaire import Questionnaire
from enquete.results.aggregate import aggregate_folder
from enquete.results.report_summary import render_summary, summary_paragraphs
from tests.annex_fixture import write_annex_fixture
from tests.unit.test_examples_report import OFFICES, load, merged


def test_another_survey_is_numbered_from_one_without_an_empty_cross_reading(tmp_path: Path) -> None:
    """Regression: another survey kept CWS/13/26's numbers (13-19, then 21) and always ended with
    "No option was among the most selected in more than one question", which says nothing."""
    questionnaire = load("office-capacity.toml")
    results = aggregate_folder(merged(tmp_path, questionnaire, OFFICES), questionnaire)
    for language in ("en", "fr"):
        paragraphs = summary_paragraphs(results, questionnaire, language)
        assert [p.number for p in paragraphs] == list(range(1, len(paragraphs) + 1))
    text = render_summary(results, questionnaire)
    assert "most selected" not in text and text.startswith("1. 4 offices responded")


def test_the_shipped_survey_keeps_the_documents_numbers(survey: Questionnaire, tmp_path: Path) -> None:
    """CWS/13/26 numbers them 13-17 and 21; the draft is pasted there."""
    results = aggregate_folder(write_annex_fixture(tmp_path / "responses"), survey)
    assert [p.number for p in summary_paragraphs(results, survey)] == [13, 14, 15, 16, 17, 21]


def test_chinese_summary_uses_full_width_punctuation(survey: Questionnaire, tmp_path: Path) -> None:
    """Regression: `(已实施或正在实施)`, `AU, BR, ...` and `。 全部` in the Chinese summary."""
    results = aggregate_folder(write_annex_fixture(tmp_path / "responses"), survey)
    paragraphs = [p.text for p in summary_paragraphs(results, survey, "zh")]
    text = "\n".join(paragraphs)
    assert "（已实施或正在实施）" in text
    assert "：AT、AU、BR、" in paragraphs[0]
    assert not re.search(r"[()]|, |。 ", text), text
