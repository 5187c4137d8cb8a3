"""enquete import: an XLSForm built here with openpyxl, converted, and what did not map listed."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from enquete.cli import main
from enquete.importing.toml_text import questionnaire_toml
from enquete.importing.xlsform import XLSFormError, convert, read_xlsform

SURVEY_HEADER = [
    "type",
    "name",
    "label::English (en)",
    "label::Русский (ru)",
    "hint::English (en)",
    "required",
    "relevant",
    "constraint",
    "constraint_message::English (en)",
    "constraint_message::Русский (ru)",
    "appearance",
    "calculation",
    "choice_filter",
]


def build_form(path: Path, rows: list[dict[str, str]], choices: list[list[str]], settings: list[str]) -> Path:
    """An XLSForm workbook as a survey author writes one (survey, choices, settings sheets)."""
    book = openpyxl.Workbook()
    survey = book.active
    assert survey is not None
    survey.title = "survey"
    survey.append(SURVEY_HEADER)
    for row in rows:
        survey.append([row.get(column, "") for column in SURVEY_HEADER])
    sheet = book.create_sheet("choices")
    sheet.append(["list_name", "name", "label::English (en)", "label::Русский (ru)", "region"])
    for choice in choices:
        sheet.append(choice)
    sheet = book.create_sheet("settings")
    sheet.append(["form_title", "form_id", "version", "default_language"])
    sheet.append(settings)
    book.save(path)
    return path


ROWS: list[dict[str, str]] = [
    {"type": "select_one yn", "name": "Has_Strategy", "label::English (en)": "Do you have an ICT strategy?",
     "label::Русский (ru)": "Есть ли у вас стратегия в области ИКТ?", "required": "yes"},
    {"type": "text", "name": "strategy_details", "label::English (en)": "Please describe it",
     "label::Русский (ru)": "Опишите ее", "relevant": "${Has_Strategy} = 'yes'", "appearance": "multiline"},
    {"type": "select_multiple tools", "name": "tools", "label::English (en)": "Tools used",
     "label::Русский (ru)": "Используемые инструменты", "constraint": "count-selected(.) <= 2",
     "constraint_message::English (en)": "At most two", "constraint_message::Русский (ru)": "Не более двух"},
    {"type": "text", "name": "tools_other", "label::English (en)": "Which other tool?",
     "label::Русский (ru)": "Какой другой инструмент?", "relevant": "selected(${tools}, 'other')",
     "required": "yes"},
    {"type": "begin_group", "name": "more", "label::English (en)": "More", "label::Русский (ru)": "Еще",
     "relevant": "${Has_Strategy} = 'yes'", "appearance": "field-list"},
    {"type": "text", "name": "owner", "label::English (en)": "Who owns it?", "label::Русский (ru)": "Кто отвечает?"},
    {"type": "end_group"},
    {"type": "begin_repeat", "name": "staff", "label::English (en)": "Staff", "label::Русский (ru)": "Персонал"},
    {"type": "text", "name": "staff_name", "label::English (en)": "Name", "label::Русский (ru)": "Имя"},
    {"type": "end_repeat"},
    {"type": "calculate", "name": "double", "calculation": "count-selected(${tools}) * 2"},
    {"type": "image", "name": "photo", "label::English (en)": "Photo", "label::Русский (ru)": "Фото"},
    {"type": "geopoint", "name": "where", "label::English (en)": "Where?", "label::Русский (ru)": "Где?"},
    {"type": "select_one region", "name": "region", "label::English (en)": "Region",
     "label::Русский (ru)": "Регион"},
    {"type": "select_one district", "name": "district", "label::English (en)": "District",
     "label::Русский (ru)": "Район", "choice_filter": "region=${region}"},
    {"type": "text", "name": "code", "label::English (en)": "Code", "label::Русский (ru)": "Код",
     "constraint": "pulldata('codes', 'x', 'y', .)"},
]  # fmt: skip
CHOICES = [
    ["yn", "yes", "Yes", "Да", ""],
    ["yn", "no", "No", "Нет", ""],
    ["tools", "ocr", "OCR", "OCR", ""],
    ["tools", "ai", "AI", "ИИ", ""],
    ["tools", "other", "Other", "Другое", ""],
    ["region", "north", "North", "Север", ""],
    ["region", "south", "South", "Юг", ""],
    ["district", "d1", "District 1", "Район 1", "north"],
    ["district", "d2", "District 2", "Район 2", "south"],
]


@pytest.fixture
def form(tmp_path: Path) -> Path:
    return build_form(
        tmp_path / "capacity.xlsx", ROWS, CHOICES, ["Office capacity", "capacity", "3", "English (en)"]
    )


def converted(form: Path) -> tuple[dict[str, Any], list[str]]:
    conversion = convert(read_xlsform(form))
    return conversion.data, conversion.notes


def question(data: dict[str, Any], qid: str) -> dict[str, Any]:
    return next(q for q in data["questions"] if q["id"] == qid)


def test_header_languages_and_translations(form: Path) -> None:
    data, _ = converted(form)
    assert data["questionnaire"]["id"] == "capacity"
    assert data["questionnaire"]["version"] == 3
    assert data["questionnaire"]["languages"] == ["en", "ru"]
    assert question(data, "has_strategy")["text"] == {
        "en": "Do you have an ICT strategy?",
        "ru": "Есть ли у вас стратегия в области ИКТ?",
    }
    assert data["lists"]["yn"][0] == {"id": "yes", "label": {"en": "Yes", "ru": "Да"}}


def test_types_required_relevant_and_constraints_map(form: Path) -> None:
    data, notes = converted(form)
    has_strategy = question(data, "has_strategy")
    assert has_strategy["type"] == "choice" and has_strategy["required"] is True
    details = question(data, "strategy_details")
    assert details["relevant"] == "${has_strategy} = 'yes'"  # renamed reference followed
    assert details["multiline"] is True
    tools = question(data, "tools")
    assert tools["type"] == "multi" and tools["options"] == "tools"
    assert tools["constraint"] == "count-selected(.) <= 2"
    assert tools["constraint_message"] == {"en": "At most two", "ru": "Не более двух"}
    assert question(data, "tools_other")["relevant"] == "selected(${tools}, 'other')"
    assert question(data, "owner")["relevant"] == "${has_strategy} = 'yes'"  # the group's condition
    assert "'Has_Strategy' is renamed 'has_strategy' (ids are lowercase letters, digits, _ and -)" in notes


def test_what_does_not_map_is_listed_never_dropped_silently(form: Path) -> None:
    data, notes = converted(form)
    ids = [q["id"] for q in data["questions"]]
    for left_out in ("staff", "staff_name", "double", "photo", "where"):
        assert left_out not in ids
    text = "\n".join(notes)
    assert "not imported: 'staff' (repeat) (with its questions staff_name): repeats" in text
    assert "not imported: 'double' (calculate): calculations are not supported" in text
    assert "not imported: 'photo' (photo): media (photos) are not supported" in text
    assert "not imported: 'where' (geopoint): locations are not supported" in text
    assert "'district': the cascading filter (region=${region}) is not imported" in text
    assert (
        "'code': constraint not imported (pulldata('codes', 'x', 'y', .)): column 1: unknown function 'pulldata'"
        in text
    )
    assert "group 'more': its questions are imported one by one" in text
    # Regression (trial 4): a group's label and appearance were dropped without a note.
    assert "group 'more': its label 'More' is not imported" in text
    assert "group 'more': the appearance 'field-list' is not imported" in text


def test_numbers_dates_and_notes_map_to_their_types(tmp_path: Path) -> None:
    rows = [
        {"type": "integer", "name": "examiners", "label::English (en)": "Examiners", "constraint": ". >= 0"},
        {"type": "decimal", "name": "share", "label::English (en)": "Share (%)", "constraint": ". <= 100"},
        {"type": "date", "name": "since", "label::English (en)": "Since", "constraint": ". <= today()"},
        {"type": "note", "name": "thanks", "label::English (en)": "Thank you"},
    ]
    form = build_form(tmp_path / "n.xlsx", rows, [], ["Numbers", "numbers", "", ""])
    data, _ = converted(form)
    assert question(data, "examiners") == {"id": "examiners", "type": "number", "constraint": ". >= 0",
                                           "decimals": 0, "text": {"en": "Examiners"}}  # fmt: skip
    assert question(data, "share")["type"] == "number" and "decimals" not in question(data, "share")
    assert question(data, "since")["type"] == "date"
    assert question(data, "thanks")["type"] == "note"


def test_the_written_toml_reads_back_as_the_same_tables(form: Path) -> None:
    data, _ = converted(form)
    text = questionnaire_toml(data, ["a comment", '- with "quotes" and ${x}'])
    back = tomllib.loads(text)
    assert back["questionnaire"] == data["questionnaire"]
    assert back["questions"] == data["questions"]
    assert back["lists"] == data["lists"]
    assert text.startswith("# a comment\n")
    assert 'text.ru = "Есть ли у вас стратегия в области ИКТ?"' in text


def test_the_command_writes_the_file_and_lists_the_notes(
    form: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "questionnaire.toml"
    main(["import", str(form), "-o", str(output)])
    out = capsys.readouterr().out
    assert f"{form}: 8 question(s) written to {output}" in out
    assert "repeats (a roster of rows) are not supported" in out
    written = output.read_text("utf-8")
    assert "# - not imported: 'staff' (repeat)" in written
    # An existing file is never overwritten without --force.
    assert main(["import", str(form), "-o", str(output)]) == 2
    assert "exists" in capsys.readouterr().err


def test_a_file_that_is_not_a_workbook_is_refused_plainly(tmp_path: Path) -> None:
    bogus = tmp_path / "form.xlsx"
    bogus.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(XLSFormError, match="not a usable XLSForm"):
        read_xlsform(bogus)
    with pytest.raises(XLSFormError, match="no such file"):
        read_xlsform(tmp_path / "missing.xlsx")


def test_or_other_and_choices_from_a_file(tmp_path: Path) -> None:
    """pyxform's own or_other follow-up uses `../q` paths; a select_one_from_file has no choices here."""
    rows = [
        {"type": "select_one yn or_other", "name": "q", "label::English (en)": "Q?"},
        {"type": "select_one_from_file offices.csv", "name": "f", "label::English (en)": "F?"},
    ]
    choices = [["yn", "yes", "Yes", "Да", ""], ["yn", "no", "No", "Нет", ""]]
    data, notes = converted(build_form(tmp_path / "o.xlsx", rows, choices, ["Other", "other_form", "", ""]))
    assert [q["id"] for q in data["questions"]] == ["q", "q_other"]
    assert question(data, "q_other")["relevant"] == "selected(${q}, 'other')"
    assert [o["id"] for o in data["lists"]["yn"]] == ["yes", "no", "other"]
    assert (
        "not imported: 'f' (select one from offices.csv): choices from an external file are not supported"
        in notes
    )


def test_a_form_without_english_uses_its_default_language_as_the_fallback(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    survey = book.active
    assert survey is not None
    survey.title = "survey"
    survey.append(["type", "name", "label::Français (fr)", "label::Español (es)"])
    survey.append(["text", "nom", "Votre nom", "Su nombre"])
    settings = book.create_sheet("settings")
    settings.append(["form_title", "form_id", "default_language"])
    settings.append(["Formulaire", "formulaire", "Français (fr)"])
    book.save(tmp_path / "fr.xlsx")
    data, notes = converted(tmp_path / "fr.xlsx")
    assert data["questionnaire"]["languages"] == ["en", "fr", "es"]
    assert question(data, "nom")["text"] == {"en": "Votre nom", "fr": "Votre nom", "es": "Su nombre"}
    assert any("the form has no English" in note and "'fr' texts" in note for note in notes)


def test_a_missing_translation_is_a_warning_unless_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Trial 3: `import` exited 1 when the only issue was a missing translation (the survey works)."""
    rows = [
        {"type": "text", "name": "name", "label::English (en)": "Name", "label::Русский (ru)": "Имя"},
        {"type": "text", "name": "role", "label::English (en)": "Role"},  # no Russian
    ]
    form = build_form(tmp_path / "t.xlsx", rows, [], ["Roles", "roles", "1", "English (en)"])
    assert main(["import", str(form), "-o", str(tmp_path / "a.toml")]) == 0
    out = capsys.readouterr().out
    assert "warning: missing translation (English is shown instead): questions.role.text: no ru text" in out
    assert main(["import", str(form), "-o", str(tmp_path / "b.toml"), "--strict"]) == 1
