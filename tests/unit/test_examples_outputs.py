"""The examples' Word annex, workbook and summary: the same hand-computed figures as the Markdown report.

Every format lays out the pieces each question type reports (its counts, its
figures, its comments) and the one denominator sentence: these tests check
each format against the figures worked out by hand in test_examples_report.py,
denominators included, and that an anonymous survey's response ids appear in
no format meant to be read (only in the per-response data: CSV and JSON).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from docx import Document
from openpyxl import load_workbook

from enquete.model.questionnaire import Questionnaire
from enquete.results.aggregate import Results, aggregate_folder
from enquete.results.annex import Paragraph, Table, annex_blocks
from enquete.results.report_csv import render_csv
from enquete.results.report_docx import render_docx
from enquete.results.report_json import render_json
from enquete.results.report_markdown import render_markdown
from enquete.results.report_summary import summary_paragraphs
from enquete.results.report_xlsx import render_xlsx
from tests.unit.test_examples_report import OFFICES, SATISFACTION, TRAINING, UUIDS, load, merged

OTHER = "Paper forms, scanned"
NBSP = "\u00a0"


def aggregated(tmp_path: Path, name: str, responses: list[dict[str, Any]]) -> tuple[Results, Questionnaire]:
    questionnaire = load(name)
    return aggregate_folder(merged(tmp_path, questionnaire, responses), questionnaire), questionnaire


def tables_after(blocks: list[Any], heading_start: str) -> list[Any]:
    """The blocks of the question whose heading starts with `heading_start`, up to the next heading."""
    start = next(i for i, b in enumerate(blocks) if getattr(b, "text", "").startswith(heading_start))
    end = next((i for i in range(start + 1, len(blocks)) if type(blocks[i]).__name__ == "Heading"), None)
    return blocks[start + 1 : end]


def test_office_capacity_annex_has_figures_denominators_and_other_texts(tmp_path: Path) -> None:
    results, questionnaire = aggregated(tmp_path, "office-capacity.toml", OFFICES)
    blocks = annex_blocks(results, questionnaire)
    # examiners: 120, 80, 400, 200 -> mean 200, median 160, min 80, max 400, sum 800 (all 4 answered).
    assert tables_after(blocks, "3. ") == [
        Table(
            ("Figure", "Value"),
            (
                ("Answered", "4"),
                ("Mean", "200 (examiners)"),
                ("Median", "160 (examiners)"),
                ("Minimum", "80 (examiners)"),
                ("Maximum", "400 (examiners)"),
                ("Sum", "800 (examiners)"),
            ),
            numeric_from=1,
        )
    ]
    # IT budget share: 12.5, 8, 20 -> mean 13.5, median 12.5, sum 40.5.
    budget = tables_after(blocks, "5. ")[0]
    assert budget.rows[1:3] == (("Mean", "13.5 %"), ("Median", "12.5 %")) and budget.rows[-1] == (
        "Sum",
        "40.5 %",
    )
    # has_strategy: shares of all 4.
    assert tables_after(blocks, "6. ")[0].rows == (("Yes", "2", "50%"), ("No", "2", "50%"))
    # The adoption date: of the 2 with a strategy (FR's stray date set aside); earliest and latest.
    adopted = tables_after(blocks, "7. ")
    assert adopted[0] == Paragraph(
        "Answered by 2 (100%) of the 2 respondents who answered “Yes” to question 6 (of 4; 2 not asked); "
        "its shares are of those 2.",
        "note",
    )
    assert adopted[1].rows == (("Answered", "2"), ("Earliest", "2021-01-10"), ("Latest", "2023-09-15"))
    # "Other, please specify": of the 1 who chose Other; its text listed like a comment, with the office.
    other = tables_after(blocks, "9. ")
    assert other[0].text.startswith(
        "Answered by 1 (100%) of the 1 respondent who answered “Other” to question 8"
    )
    assert other[1] == Table(("ST.3 Code", "Response"), (("AU", OTHER),))


def test_office_capacity_docx_carries_the_figures_into_word(tmp_path: Path) -> None:
    results, questionnaire = aggregated(tmp_path, "office-capacity.toml", OFFICES)
    document = Document(io.BytesIO(render_docx(results, questionnaire)))
    paragraphs = [p.text for p in document.paragraphs]
    assert any(
        p.startswith("Answered by 2 (100%) of the 2 respondents who answered “Yes”") for p in paragraphs
    )
    cells = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    assert ["Median", "160 (examiners)"] in cells and ["Latest", "2023-09-15"] in cells
    assert ["AU", OTHER] in cells
    # "800 (examiners)" fits its column on one line (it wrapped in 2.8 cm)
    figures = next(t for t in document.tables if t.rows[0].cells[0].text == "Figure")
    assert figures.rows[0].cells[1].width is not None and figures.rows[0].cells[1].width.cm >= 13 * 0.2 + 0.4


def test_a_matrix_row_label_is_not_broken_mid_word_in_word(tmp_path: Path) -> None:
    """Bug (seen in the converted annex): "Search databases" was cut "Searc|h datab|ases" in a 1.6 cm column."""
    results, questionnaire = aggregated(tmp_path, "satisfaction.toml", SATISFACTION)
    document = Document(io.BytesIO(render_docx(results, questionnaire)))
    tag = document.tables[0].rows[0].cells[0].width
    assert tag is not None and tag.cm >= len("databases") * 0.18 + 0.38  # as the Q2 header test


def sheet_rows(workbook: Any, prefix: str) -> list[list[Any]]:
    sheet = next(workbook[name] for name in workbook.sheetnames if name.startswith(prefix))
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_office_capacity_workbook_has_figures_denominators_and_other_texts(tmp_path: Path) -> None:
    results, questionnaire = aggregated(tmp_path, "office-capacity.toml", OFFICES)
    workbook = load_workbook(io.BytesIO(render_xlsx(results, questionnaire)))
    examiners = sheet_rows(workbook, "Q3 ")
    assert examiners[2][0] == "Answered by 4 (100%) of 4 respondents."
    assert examiners[4][:2] == ["Figure", "Value"]
    assert [row[:2] for row in examiners[5:11]] == [
        ["Answered", "4"], ["Mean", "200 (examiners)"], ["Median", "160 (examiners)"],
        ["Minimum", "80 (examiners)"], ["Maximum", "400 (examiners)"], ["Sum", "800 (examiners)"],
    ]  # fmt: skip
    adopted = sheet_rows(workbook, "Q7 ")
    assert adopted[1][0].startswith(
        "Answered by 2 (100%) of the 2 respondents who answered “Yes” to question 6"
    )
    assert not any("all 4 respondents" in str(row[0]) for row in adopted), "not 'of all' above shares of 2"
    assert [row[:2] for row in adopted[5:8]] == [
        ["Answered", "2"],
        ["Earliest", "2021-01-10"],
        ["Latest", "2023-09-15"],
    ]
    filing = sheet_rows(workbook, "Q8 ")
    assert filing[2][0] == "Answered by 3 (75%) of 4 respondents."
    assert filing[5:8] == [["ePCT", 1, 0.25], ["Our own system", 1, 0.25], ["Other", 1, 0.25]]
    other = sheet_rows(workbook, "Q9 ")
    assert other[4:6] == [["ST.3 Code", "Comment"], ["AU", OTHER]]


def test_office_capacity_summary_states_the_figures_and_denominators(tmp_path: Path) -> None:
    results, questionnaire = aggregated(tmp_path, "office-capacity.toml", OFFICES)
    texts = [p.text for p in summary_paragraphs(results, questionnaire, "en")]
    assert (
        "How many patent examiners does your office employ: mean 200 (examiners); median 160 (examiners); minimum 80 (examiners); maximum 400 (examiners); "
        "sum 800 (examiners). Answered by 4 (100%) of 4 respondents."
    ) in texts
    assert (
        "If yes: when was it adopted: earliest 2021-01-10; latest 2023-09-15. Answered by 2 (100%) of the 2 respondents "
        "who answered “Yes” to question 6 (of 4; 2 not asked); its shares are of those 2."
    ) in texts
    assert (
        "Which system do you use for electronic filing: every one of the options received 25%. Answered by 3 (75%) of 4 respondents."
        in texts
    )
    french = [p.text for p in summary_paragraphs(results, questionnaire, "fr")]
    assert any(
        t.startswith(
            "Combien d'examinateurs de brevets votre office emploie-t-il\u00a0: moyenne 200 (examinateurs)\u00a0; médiane 160 (examinateurs)"
        )
        for t in french
    )


def test_office_capacity_markdown_in_french_states_who_was_asked_in_french(tmp_path: Path) -> None:
    """Regression: the Markdown report's own words were English whatever --lang said."""
    results, questionnaire = aggregated(tmp_path, "office-capacity.toml", OFFICES)
    markdown = render_markdown(results, questionnaire, "fr")
    assert (
        "Ont répondu\u00a0: 2 (100\u00a0%) des 2 répondants ayant répondu «\u00a0Oui\u00a0» à la question 6 "
        "(sur 4\u00a0; question non posée à 2)\u00a0; ses parts sont calculées sur ces 2."
    ) in markdown
    assert (
        "| Indicateur | Valeur |\n| --- | ---: |\n| Réponses | 4 |\n| Moyenne | 200 (examinateurs) |"
        in markdown
    )
    assert "Answered" not in markdown and "| Figure |" not in markdown


def test_training_needs_shares_are_of_those_it_applied_to_in_every_format(tmp_path: Path) -> None:
    """`format` applied to 2 of 3 (KZ needs no training): 1 online, 1 on site are 50% each, not 33%."""
    results, questionnaire = aggregated(tmp_path, "training-needs.toml", TRAINING)
    blocks = annex_blocks(results, questionnaire, "ru")
    where = tables_after(blocks, "4. ")
    assert where[0].text.startswith("Ответили: 2 (100\u00a0%); число респондентов, к которым он относился: 2")
    assert where[1] == Table(
        ("Вариант", "Респонденты", "Доля от этих 2"),
        (("Онлайн", "1", "50\u00a0%"), ("Очно", "1", "50\u00a0%")),  # Russian puts a space before %
        numeric_from=1,
    )
    workbook = load_workbook(io.BytesIO(render_xlsx(results, questionnaire)))
    assert sheet_rows(workbook, "Q4 ")[5:7] == [["Online", 1, 0.5], ["On site", 1, 0.5]]
    assert "Share of those 2" in sheet_rows(workbook, "Q4 ")[4]
    texts = [p.text for p in summary_paragraphs(results, questionnaire, "en")]
    assert any(
        t.startswith(
            "Which format suits your office best: every one of the options received 50%. Answered by 2 (100%) of the 2"
        )
        for t in texts
    )
    russian = [p.text for p in summary_paragraphs(results, questionnaire, "ru")]
    assert (
        f"Какой формат лучше всего подходит вашему ведомству: все варианты: по 50{NBSP}%. Ответили: 2 (100\u00a0%); число респондентов, к которым он относился: 2 "
        "(всего 3; вопрос не задавался: 1); доли вопроса — от этого числа (2)."
    ) in russian
    # A language without summary phrases gets a wholly English draft, not a mix.
    assert [p.text for p in summary_paragraphs(results, questionnaire, "ar")] == texts


def test_anonymous_survey_names_no_response_in_any_format_meant_to_be_read(tmp_path: Path) -> None:
    """Bug: an anonymous survey's comments were listed under their response ids, which tie one
    person's comments together across questions (results screen, annex, workbook, summary)."""
    results, questionnaire = aggregated(tmp_path, "satisfaction.toml", SATISFACTION)
    ids = UUIDS[:3]
    blocks = annex_blocks(results, questionnaire)
    comments = tables_after(blocks, "3. ")[:-1]  # before "[End of Annex]"
    assert comments == [
        Table(("Response",), (("Payment page • times out",), ("Search is slow [b]at peak[/b]",)))
    ]
    document = Document(io.BytesIO(render_docx(results, questionnaire)))
    word_text = "\n".join(
        [p.text for p in document.paragraphs]
        + [c.text for t in document.tables for row in t.rows for c in row.cells]
    )
    workbook = load_workbook(io.BytesIO(render_xlsx(results, questionnaire)))
    question_sheets = [
        str(cell.value)
        for name in workbook.sheetnames[1:]
        for row in workbook[name].iter_rows()
        for cell in row
    ]
    assert ["Payment page • times out"] in [r[:1] for r in sheet_rows(workbook, "Q3 ")]
    summary = "\n".join(p.text for p in summary_paragraphs(results, questionnaire, "en"))
    assert summary.startswith("3 respondents answered the survey.")
    markdown = render_markdown(results, questionnaire)
    for text in (word_text, "\n".join(question_sheets), summary, markdown):
        assert not any(i in text for i in ids)
    # The per-response data keep the random id: it is what ties one response's rows together
    # (docs/report-format.md); it names a response, not a person.
    assert all(i in render_csv(questionnaire, results) for i in ids)
    data = json.loads(render_json(results, questionnaire))
    assert {c["respondent"] for c in data["questions"]["comments"]["comments"]} <= set(ids)


def test_workbook_responses_hold_numbers_and_dates_as_such(tmp_path: Path) -> None:
    """Regression: the Responses sheet held '120' and '12.5' as text, which a pivot table cannot sum."""
    results, questionnaire = aggregated(tmp_path, "office-capacity.toml", OFFICES)
    workbook = load_workbook(io.BytesIO(render_xlsx(results, questionnaire)))
    rows = sheet_rows(workbook, "Responses")
    value = {(row[0], row[4]): row[7] for row in rows[1:]}
    examiners = [v for (_, qid), v in value.items() if qid == "examiners"]
    assert sorted(examiners) == [80, 120, 200, 400] and all(type(v) is int for v in examiners)
    assert sum(examiners) == 800  # the sheet Q3's "Sum"
    shares = [v for (_, qid), v in value.items() if qid == "it_budget_share"]
    assert shares and all(isinstance(v, int | float) for v in shares)
    adopted = sorted(v for (_, qid), v in value.items() if qid == "strategy_adopted")
    assert {"2021-01-10", "2023-09-15"} <= {d.date().isoformat() for d in adopted}
    assert all(isinstance(v, str) for (_, qid), v in value.items() if qid == "filing_system")


def test_an_answer_to_a_question_not_asked_is_in_no_output(tmp_path: Path) -> None:
    """Regression (trial 2026-12): FR's file holds a date for a strategy it says it does not have;
    no figure counted it, yet the workbook's table of answers, the CSV and the JSON listed it."""
    results, questionnaire = aggregated(tmp_path, "office-capacity.toml", OFFICES)
    assert "strategy_adopted" not in results.responses["FR"].answers
    assert "strategy_adopted" in results.responses["AU"].answers
    data = json.loads(render_json(results, questionnaire))
    assert "strategy_adopted" not in data["selections"]["FR"]
    rows = list(csv.DictReader(io.StringIO(render_csv(questionnaire, results, "en").removeprefix("\ufeff"))))
    by_office = {row["_respondent"]: row for row in rows}
    assert by_office["FR"]["strategy_adopted"] == "" and by_office["AU"]["strategy_adopted"] != ""
    sheet = load_workbook(io.BytesIO(render_xlsx(results, questionnaire, "en")))["Responses"]
    texts = [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert "2020-01-01" not in " ".join(texts) and "2020-01-01 00:00:00" not in texts
