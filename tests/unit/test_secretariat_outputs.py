"""The Secretariat's outputs over a 21-office folder: Word annex, workbook, summary, CSV, Markdown, JSON.

Every figure asserted here is computed by hand in `tests/annex_fixture.py`.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from openpyxl import load_workbook

from enquete.cli import main
from enquete.model.office_names import office_display_name
from enquete.model.questionnaire import Questionnaire
from enquete.results.aggregate import Comment, Results, aggregate_folder
from enquete.results.comment_filter import filter_comments
from enquete.results.report_csv import render_csv
from enquete.results.report_docx import render_docx
from enquete.results.report_json import results_to_json_data
from enquete.results.report_markdown import comment_markdown, render_markdown
from enquete.results.report_summary import render_summary, summary_paragraphs
from enquete.results.report_xlsx import render_xlsx
from enquete.results.selections import cross_tab
from enquete.text import printable
from tests.annex_fixture import (
    BULLETED,
    CJK,
    CODES,
    FORMULA,
    HOSTILE,
    LONG_COMMENT,
    MARKUP,
    write_annex_fixture,
)


@pytest.fixture
def annex_results(survey: Questionnaire, tmp_path: Path) -> Results:
    return aggregate_folder(write_annex_fixture(tmp_path / "responses"), survey)


# --- Word --------------------------------------------------------------------------------


def _cell_text(cell) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(p.text for p in cell.paragraphs)


def test_docx_annex_has_the_documents_structure_order_and_verbatim_text(
    annex_results: Results, survey: Questionnaire
) -> None:
    document = Document(io.BytesIO(render_docx(annex_results, survey)))
    paragraphs = [(p.style.name if p.style else "", p.text) for p in document.paragraphs if p.text]
    assert paragraphs[0] == ("Annex Title", "Summary of survey responses")
    assert ("Annex Subtitle", "Document prepared by the Secretariat") in paragraphs
    assert paragraphs[-1] == ("Annex End", "[End of Annex]")
    questions = [text for style, text in paragraphs if style == "Annex Question"]
    assert [q.split(".")[0] for q in questions] == [str(n) for n in range(1, 9)]
    tables = document.tables
    # Q1: code and UN-style name, in code order
    assert [_cell_text(c) for c in tables[0].rows[0].cells] == ["ST.3 Code", "Country or Office"]
    rows = {_cell_text(r.cells[0]): _cell_text(r.cells[1]) for r in tables[0].rows[1:]}
    assert list(rows) == sorted(CODES)
    assert rows["AU"] == "Australia, IP Australia"
    assert rows["KR"].startswith("Republic of Korea") and rows["US"].startswith("United States of America")
    # Q2: levels by their short names, Rec. 1 .. Rec. 10, then a key naming each level in full and
    # the responses per row once (21 in every row: a column of 21s said nothing; trial 2026-12)
    q2 = tables[1]
    assert [_cell_text(c) for c in q2.rows[0].cells] == [
        "", "Done", "Ongoing", "Decided", "Consid.", "No plan", "Done or Ongoing",
    ]  # fmt: skip
    assert [_cell_text(c) for c in q2.rows[1].cells] == [
        "Rec. 1", "10 (48%)", "5 (24%)", "2 (10%)", "3 (14%)", "1 (5%)", "15 (71%)",
    ]  # fmt: skip
    key = next(text for style, text in paragraphs if text.startswith("Columns: "))
    assert key == (
        "Columns: Done = Implemented; Ongoing = Ongoing Implementation; Decided = Decision Made to "
        "Implement; Consid. = Under Consideration; No plan = Not Planned; Done or Ongoing = Implemented "
        "or Ongoing Implementation. Each row counts 21 responses."
    )
    assert _cell_text(q2.rows[10].cells[0]) == "Rec. 10"
    # Q3: code | response, multi-line text kept as separate lines, verbatim
    q3 = tables[2]
    assert [_cell_text(c) for c in q3.rows[0].cells] == ["ST.3 Code", "Response"]
    q3_rows = {_cell_text(r.cells[0]): r.cells[1] for r in q3.rows[1:]}
    assert [p.text for p in q3_rows["AU"].paragraphs] == BULLETED.split("\n")
    assert _cell_text(q3_rows["CN"]) == CJK
    assert _cell_text(q3_rows["KR"]) == MARKUP  # markup and HTML stay text
    # Q4: a count table, then one table per Recommendation, "No comments provided" where none
    rec1 = next(t for t in tables if _cell_text(t.rows[0].cells[1]) == "Rec. 1")
    rec1_rows = {_cell_text(r.cells[0]): _cell_text(r.cells[1]) for r in rec1.rows[1:]}
    assert list(rec1_rows) == sorted(CODES[:14])  # the 14 offices that chose it
    assert rec1_rows["AU"] == LONG_COMMENT and len(LONG_COMMENT) == 1600
    assert rec1_rows["CA"] == "No comments provided"
    rec10 = next(t for t in tables if _cell_text(t.rows[0].cells[1]) == "Rec. 10")
    hostile = {_cell_text(r.cells[0]): _cell_text(r.cells[1]) for r in rec10.rows[1:]}["DE"]
    assert hostile == printable(HOSTILE) and "\x1b" not in hostile and "Budget" in hostile
    # the named styles a template can restyle
    names = {style.name for style in document.styles}
    assert {"Annex Title", "Annex Question", "Annex Cell", "Annex Table", "Annex End"} <= names


def test_docx_takes_the_styles_of_a_template(
    annex_results: Results, survey: Questionnaire, tmp_path: Path
) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt

    template = Document()
    style = template.styles.add_style("Annex Question", WD_STYLE_TYPE.PARAGRAPH)
    style.font.size = Pt(17)
    template.save(str(tmp_path / "template.docx"))
    document = Document(io.BytesIO(render_docx(annex_results, survey, template=tmp_path / "template.docx")))
    assert document.styles["Annex Question"].font.size == Pt(17)


def test_docx_in_french_uses_the_french_words(annex_results: Results, survey: Questionnaire) -> None:
    document = Document(io.BytesIO(render_docx(annex_results, survey, "fr")))
    texts = [p.text for p in document.paragraphs]
    assert "[Fin de l'annexe]" in texts
    assert any(t.startswith("4. Sélectionnez") for t in texts)


def test_docx_office_names_come_from_the_invited_list_when_given(
    annex_results: Results, survey: Questionnaire
) -> None:
    document = Document(io.BytesIO(render_docx(annex_results, survey, names={"AU": "Australia, IPA"})))
    rows = {_cell_text(r.cells[0]): _cell_text(r.cells[1]) for r in document.tables[0].rows[1:]}
    assert rows["AU"] == "Australia, IPA"


# --- Excel -------------------------------------------------------------------------------


def test_xlsx_has_a_tidy_sheet_and_one_sheet_per_question(
    annex_results: Results, survey: Questionnaire
) -> None:
    workbook = load_workbook(io.BytesIO(render_xlsx(annex_results, survey)))
    assert workbook.sheetnames[0] == "Responses" and len(workbook.sheetnames) == 9
    tidy = workbook["Responses"]
    assert tidy.freeze_panes == "A2"
    header = [str(c.value) for c in tidy[1]]
    rows: list[dict[str, Any]] = [
        dict(zip(header, (c.value for c in row), strict=True)) for row in tidy.iter_rows(min_row=2)
    ]
    focus = [r for r in rows if r["question_id"] == "current_focus"]
    assert len(focus) == 21 * 11  # every option of every respondent who answered
    au_rec1 = next(r for r in focus if r["respondent"] == "AU" and r["option_id"] == "rec1")
    assert au_rec1["value"] == "selected" and au_rec1["comment"] == LONG_COMMENT
    assert au_rec1["option"].startswith("Recommendation 1: Optimize")  # labels, not only ids
    # not answered is no row at all, not "not selected"
    assert not [r for r in rows if r["question_id"] == "future_topics" and r["respondent"] == "AT"]
    # a formula stays text
    ca = next(r for r in focus if r["respondent"] == "CA" and r["option_id"] == "rec5")
    assert ca["comment"] == FORMULA
    for row in tidy.iter_rows():
        for cell in row:
            assert cell.data_type != "f"
    # the question sheet: the denominator stated, counts and exact shares, frozen header
    sheet = workbook[workbook.sheetnames[4]]
    assert sheet.title.startswith("Q4")
    assert "all 21 respondents" in str(sheet["A2"].value)
    values: dict[Any, tuple[Any, Any]] = {
        row[0].value: (row[1].value, row[2].value) for row in sheet.iter_rows(min_row=6, max_row=16)
    }
    label = "Recommendation 1: Optimize business models, legal frameworks and workflows for the digital age"
    assert values[label] == (14, pytest.approx(14 / 21))
    assert sheet.cell(row=6, column=3).number_format == "0%"
    assert sheet.freeze_panes == "B6"


# --- summary -----------------------------------------------------------------------------


def test_summary_paragraphs_state_the_hand_computed_figures(
    annex_results: Results, survey: Questionnaire
) -> None:
    paragraphs = {p.number: p.text for p in summary_paragraphs(annex_results, survey, "en")}
    assert sorted(paragraphs) == [13, 14, 15, 16, 17, 21]
    assert paragraphs[13].startswith("21 offices responded to the survey: AT, AU, BR,")
    # implemented or ongoing: Rec 4 19/21 = 90%, Rec 1 15/21 = 71%, others 7..14/21 = 33..67%, Rec 9 5/21 = 24%
    assert (
        "Recommendation 4 received the highest rate (90%), Recommendation 1 followed (71%), "
        "the other Recommendations received between 33% and 67%, and Recommendation 9 the lowest (24%)."
    ) in paragraphs[13]
    # current focus: 14/21 = 67%, 12/21 = 57% (a tie), 5..9/21 = 24..43%, 3/21 = 14%
    assert paragraphs[14] == (
        "Current focus: Recommendation 1 received the highest rate (67%), Recommendations 5 and 10 "
        "followed (57%), the other Recommendations received between 24% and 43%, and Recommendation 9 "
        "the lowest (14%). 33% of all respondents (7 of 21) selected “Not Applicable”."
    )
    assert "71% of all respondents (15 of 21) selected “Not Applicable”." in paragraphs[15]
    assert "8 of 21 respondents (38%) did not answer this question." in paragraphs[17]
    # para 21: Rec 10 among the top two in focus (12), challenges (9) and future topics (13); 9 in all three
    assert paragraphs[21] == (
        "Recommendation 10 was among the most selected in 3 questions: “Current focus” (57%), "
        "“Implementation challenges” (43%) and “Topics for future meetings” (62%); 9 respondents (43%) selected it in all 3."
    )


def test_every_summary_figure_is_in_the_json(annex_results: Results, survey: Questionnaire) -> None:
    data = results_to_json_data(annex_results, survey)
    for paragraph in summary_paragraphs(annex_results, survey, "en"):
        for sentence in paragraph.sentences:
            assert sentence.figures, sentence.text
            for figure in sentence.figures:
                shown = f"{figure.percent}%" if figure.path != "respondents" else f"{figure.count} offices"
                if figure.count == 0 and figure.path != "respondents":
                    shown = "no respondent"  # a zero is said in words, not "the lowest (0%)"
                assert shown in sentence.text, (figure, sentence.text)
                if figure.path.startswith("respondents - "):
                    qid = figure.path.split(".")[1]
                    value = data["respondents"] - data["questions"][qid]["answered"]
                elif figure.path.startswith("cross_readings."):  # who chose it in every question named
                    sets = []
                    for path in figure.path.split(" & "):
                        _, option, _, question = path.split(".")
                        sets.append(set(data["cross_readings"][option]["chose_in"][question]))
                    value = len(set.intersection(*sets))
                else:
                    value = 0
                    for path in figure.path.split(" + "):
                        node: Any = data
                        for part in path.split("."):
                            node = node[part]
                        value += int(node)
                assert value == figure.count, figure


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "les Recommandations 5 et 10 suivaient (57\u00a0%)"),
        ("es", "seguida de las Recomendaciones 5 y 10 (57\u00a0%)"),
        ("zh", "其次是建议5和10（57%）"),
        ("ru", "далее — Рекомендации 5 и 10 (57\u00a0%)"),  # "Рекомендация 5. ..." named by its number
    ],
)
def test_summary_in_other_languages_names_ties_together(
    annex_results: Results, survey: Questionnaire, lang: str, expected: str
) -> None:
    text = render_summary(annex_results, survey, lang)
    assert expected in text


def test_report_summary_command_honours_lang(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Regression: `report --lang` was ignored."""
    folder = write_annex_fixture(tmp_path / "responses")
    assert main(["report", "--responses", str(folder), "--format", "summary", "--lang", "es"]) == 0
    assert "21 oficinas respondieron a la encuesta" in capsys.readouterr().out
    assert main(["report", "--responses", str(folder), "--format", "md", "--lang", "fr"]) == 0
    assert "Sélectionnez" in capsys.readouterr().out


def test_report_writes_docx_and_xlsx_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_annex_fixture(tmp_path / "responses")
    for fmt in ("docx", "xlsx"):
        target = tmp_path / f"annex.{fmt}"
        assert main(["report", "--responses", str(folder), "--format", fmt, "-o", str(target)]) == 0
        assert target.read_bytes()[:2] == b"PK"
    assert "wrote" in capsys.readouterr().out
    assert main(["report", "--responses", str(folder), "--format", "docx"]) == 2  # binary needs -o
    assert "-o FILE.docx" in capsys.readouterr().err


# --- CSV, Markdown, JSON -----------------------------------------------------------------


def test_csv_has_a_bom_labels_namespaced_metadata_and_empty_means_not_answered(
    annex_results: Results, survey: Questionnaire
) -> None:
    text = render_csv(survey, annex_results)
    assert text.startswith("\ufeff")
    rows = {r["_respondent"]: r for r in csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))}
    au, at = rows["AU"], rows["AT"]
    assert au["_name"] == "Australia, IP Australia"
    assert au["implementation.rec1"] == "Implemented"
    assert au["current_focus.rec2"] == "1" and au["current_focus.rec9"] == "1"
    assert at["current_focus.rec1"] == "0"  # answered, not selected
    assert at["future_topics.rec1"] == ""  # not answered
    assert rows["CA"]["current_focus.rec5.comment"] == "'" + FORMULA
    codes = render_csv(survey, annex_results, codes=True)
    assert "implemented" in codes


def test_csv_metadata_never_collides_with_a_question_id(survey: Questionnaire, tmp_path: Path) -> None:
    """Regression: a question named `language` or `file` overwrote the metadata column."""
    from enquete.results.report_csv import METADATA, columns

    assert not set(METADATA) & {q.id for q in survey.questions}
    assert all(name.startswith("_") for name in METADATA)
    assert len(columns(survey)) == len(set(columns(survey)))


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("- a list item", "\\- a list item"),
        ("# a heading", "\\# a heading"),
        ("<script>x</script>", "\\<script\\>x\\</script\\>"),
        ("1. numbered", "1\\. numbered"),
        ("[link](http://x)", "\\[link\\](<http://x>)"),  # the address alone is a link
    ],
)
def test_markdown_comments_never_become_structure_or_html(typed: str, shown: str) -> None:
    assert comment_markdown("AU", typed) == f"- **AU**: {shown}"


def test_markdown_multi_line_comments_keep_their_lines(annex_results: Results, survey: Questionnaire) -> None:
    """Regression: multi-line comments collapsed, and "- " lines half-rendered as nested lists."""
    text = render_markdown(annex_results, survey)
    assert "- **AU**: We are:\\\n  \\- digitising the register\\\n  \\- publishing bulk data weekly" in text
    assert "<script>" not in text


def test_json_has_selections_and_cross_readings(annex_results: Results, survey: Questionnaire) -> None:
    data = json.loads(json.dumps(results_to_json_data(annex_results, survey)))
    assert data["selections"]["AU"]["current_focus"][:2] == ["rec1", "rec2"]
    assert data["selections"]["AU"]["implementation"]["rec1"] == "implemented"
    assert "future_topics" not in data["selections"]["AT"]
    rec10 = data["cross_readings"]["rec10"]
    assert rec10["questions"] == ["current_focus", "low_priority", "challenges", "future_topics"]
    assert len(rec10["chose_in"]["current_focus"]) == 12 and rec10["chose_in_all"] == []
    rows = cross_tab(annex_results, survey, ["current_focus", "challenges", "future_topics"])
    assert len(next(r for r in rows if r.option == "rec10").chose_in_all) == 9


# --- names and filters -------------------------------------------------------------------


def test_office_names_are_un_style() -> None:
    assert office_display_name("KR").startswith("Republic of Korea")
    assert office_display_name("US").startswith("United States of America")
    assert office_display_name("EP") == "European Patent Office (EPO)"
    assert office_display_name("KR", "fr") == "République de Corée"
    assert office_display_name("AU", invited={"AU": "Australia (IPA)"}) == "Australia (IPA)"


def test_comment_filter_is_exact_on_codes_and_option_tags() -> None:
    """Regression: "us" matched Australia and "business"; "Rec. 1" matched Rec. 10."""
    comments = [
        Comment("AU", "rec1", "business case"),
        Comment("US", "rec10", "cloud"),
        Comment("BR", "rec10", "use of AI"),
    ]
    names = {"AU": "Australia", "US": "United States of America", "BR": "Brazil"}
    tags = {"rec1": "Rec. 1", "rec10": "Rec. 10"}
    assert [c.respondent for c in filter_comments(comments, "us", names, tags)] == ["US"]
    assert [c.respondent for c in filter_comments(comments, "Rec. 1", names, tags)] == ["AU"]
    assert [c.respondent for c in filter_comments(comments, "rec. 10", names, tags)] == ["US", "BR"]
    assert [c.respondent for c in filter_comments(comments, "ness", names, tags)] == []  # word starts only
    assert [c.respondent for c in filter_comments(comments, "busi", names, tags)] == ["AU"]


def test_summary_of_no_response_says_so(survey: Questionnaire, tmp_path: Path) -> None:
    """No office yet: one sentence, not "0 offices responded: ." and rankings of 0%."""
    results = aggregate_folder(tmp_path / "none", survey)
    assert render_summary(results, survey, "en").startswith(
        "13. No office has responded to the survey yet.\n"
    )


def test_summary_ranking_of_one_office_names_ties_highest_and_lowest(
    survey: Questionnaire, tmp_path: Path
) -> None:
    """Two groups only: the highest and the lowest, no "followed", no range.

    Regression (trial): the lowest group, chosen by nobody, read "the lowest (0%)" and
    the unchosen exclusive option "0% of all respondents (0 of 1) selected ...": said in words now."""
    folder = write_annex_fixture(tmp_path / "responses")
    for path in folder.glob("*.toml"):
        if path.name != "AU.toml":
            path.unlink()
    results = aggregate_folder(folder, survey)
    paragraphs = {p.number: p.text for p in summary_paragraphs(results, survey, "en")}
    assert paragraphs[16].startswith(
        "Implementation challenges: Recommendations 1, 3, 5 and 10 received the highest rate (100%) and "
        "no respondent selected Recommendations 2, 4, 6, 7, 8 and 9. No respondent selected “Not Applicable”."
    )


def test_report_takes_office_names_from_the_invited_list(tmp_path: Path) -> None:
    """invited.csv beside responses/: its display names go into the annex and the CSV."""
    folder = write_annex_fixture(tmp_path / "responses")
    (tmp_path / "invited.csv").write_text('code,name,email\nAU,"Australia, IPA",a@example.org\n', "utf-8")
    target = tmp_path / "annex.docx"
    assert main(["report", "--responses", str(folder), "--format", "docx", "-o", str(target)]) == 0
    rows = {_cell_text(r.cells[0]): _cell_text(r.cells[1]) for r in Document(str(target)).tables[0].rows[1:]}
    assert rows["AU"] == "Australia, IPA" and rows["BR"].startswith("Brazil, National Institute")


def test_docx_matrix_cells_show_count_and_share_with_the_named_group_and_unbroken_headers(
    annex_results: Results, survey: Questionnaire
) -> None:
    """Regression (new-user trial): the Word Q2 table had counts only, no "implemented or ongoing"
    column, and headers broken mid-word ("Implement|ed") in its narrow columns.

    Hand-computed from the fixture: Rec. 2 has 8 Implemented and 6 Ongoing of 21.
    """
    for lang, group, pc in (("en", "Done or Ongoing", "%"), ("fr", "Achevée ou En cours", "\u00a0%")):
        document = Document(io.BytesIO(render_docx(annex_results, survey, lang)))
        q2 = document.tables[1]
        header = [_cell_text(c) for c in q2.rows[0].cells]
        assert header[6] == group, header
        rec2 = [_cell_text(c) for c in q2.rows[2].cells]
        assert rec2[0] == "Rec. 2" and rec2[1] == f"8 (38{pc})" and rec2[2] == f"6 (29{pc})"
        assert rec2[6] == f"14 (67{pc})" and len(rec2) == 7, "21 in every row: said once under the table"
        for cell in q2.rows[0].cells[1:]:
            longest_word = max((len(w) for w in _cell_text(cell).split()), default=0)
            # 9 pt header: about 0.18 cm a character, plus the cell's 0.38 cm of margins
            assert cell.width is not None and cell.width.cm >= longest_word * 0.18 + 0.38, (lang, header)
        # Regression (trial 2026-12): "Rec. 10" wrapped as "Rec." over "10" in the 1.6 cm tag column
        tag = q2.rows[10].cells[0]
        assert _cell_text(tag) == "Rec. 10" and tag.width is not None and tag.width.cm >= 7 * 0.2 + 0.38


@pytest.fixture
def one_in_all_results(survey: Questionnaire, tmp_path: Path) -> Results:
    """Two offices: only BR chose Rec. 10 in all three questions where it ranks; AU skipped Q8."""
    from tests.unit.builders import minimal_answers, write_response

    folder = tmp_path / "responses"
    folder.mkdir()
    na = {"selected": ["not_applicable"]}
    au = minimal_answers(
        "AU", current_focus={"selected": ["rec10"]}, low_priority=na, challenges={"selected": ["rec10"]}
    )
    br = minimal_answers(
        "BR",
        current_focus={"selected": ["rec10", "rec1"]},
        low_priority=na,
        challenges={"selected": ["rec1", "rec10"]},
        future_topics={"selected": ["rec10"]},
    )
    write_response(folder, "au.toml", au, id="11111111-1111-4111-8111-111111111111")
    write_response(folder, "br.toml", br, id="22222222-2222-4222-8222-222222222222")
    return aggregate_folder(folder, survey)


NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("lang", "cross", "silent", "after_colon"),
    [
        (
            "en",
            "Recommendation 10 was among the most selected in 3 questions: “Current focus” (100%), "
            "“Implementation challenges” (100%) and “Topics for future meetings” (50%); "
            "1 respondent (50%) selected it in all 3.",
            "1 of 2 respondents (50%) did not answer this question.",
            "Current focus: Recommendation 10 received",
        ),
        (
            "fr",
            f"La Recommandation 10 figurait parmi les plus choisies dans 3 questions{NBSP}: "
            f"«{NBSP}Priorités actuelles{NBSP}» (100{NBSP}%), «{NBSP}Difficultés de mise en œuvre{NBSP}» "
            f"(100{NBSP}%) et «{NBSP}Thèmes des prochaines réunions{NBSP}» (50{NBSP}%){NBSP}; "
            f"1 répondant (50{NBSP}%) l'a choisie dans les 3.",
            f"1 répondant sur 2 (50{NBSP}%) n'a pas répondu à cette question.",
            f"Priorités actuelles{NBSP}: la Recommandation 10 a obtenu",
        ),
        (
            "es",
            "La Recomendación 10 figuró entre las más seleccionadas en 3 preguntas: "
            f"«Prioridades actuales» (100{NBSP}%), «Dificultades de aplicación» (100{NBSP}%) y "
            f"«Temas de próximas reuniones» (50{NBSP}%); 1 encuestado (50{NBSP}%) la seleccionó en las 3.",
            f"1 de 2 encuestados (50{NBSP}%) no respondió a esta pregunta.",
            "Prioridades actuales: la Recomendación 10 obtuvo",
        ),
    ],
)
def test_summary_singular_for_one_respondent_and_french_typography(
    one_in_all_results: Results, survey: Questionnaire, lang: str, cross: str, silent: str, after_colon: str
) -> None:
    """Regression (new-user trial): "1 respondents (50%) selected it in all 2"; in French
    ": Les Recommandations" (a capital after a colon) and “ ” quotes in para 21 only."""
    paragraphs = {p.number: p.text for p in summary_paragraphs(one_in_all_results, survey, lang)}
    assert paragraphs[21] == cross
    assert paragraphs[17].endswith(silent), paragraphs[17]
    assert paragraphs[14].startswith(after_colon), paragraphs[14]
