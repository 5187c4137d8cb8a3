"""Issue 10: who is missing, from an invited list kept in Excel."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from enquete.cli import main
from enquete.invited import InvitedListError, find_invited, load_invited, parse_invited
from enquete.model.codes import normalize_code
from tests.unit.inbox_kit import response_bytes

ROWS = [
    ("AU", "Australia, IP Australia", "survey@ipaustralia.example"),
    ("NO", "Norwegian Industrial Property Office", "post@patentstyret.example"),
    ("PE", "Perú, INDECOPI", "dip@indecopi.example"),
]


def csv_text(delimiter: str = ",") -> str:
    def cell(value: str) -> str:
        return f'"{value}"' if delimiter in value else value

    lines = [delimiter.join(["Code", "Name", "notes", "E-mail"])]
    lines += [delimiter.join([code, cell(name), "called twice", email]) for code, name, email in ROWS]
    return "\r\n".join(lines) + "\r\n"


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8", ","), ("utf-8-sig", ";"), ("cp1252", ";"), ("utf-16", "\t"), ("utf-8", ";")],
)
def test_excel_saves_of_the_list_are_all_read(tmp_path: Path, encoding: str, delimiter: str) -> None:
    """Excel writes CSV as UTF-8 (with a BOM), ANSI, or UTF-16 'Unicode text'; commas or semicolons."""
    path = tmp_path / "invited.csv"
    path.write_bytes(csv_text(delimiter).encode(encoding))
    invited = load_invited(path)
    assert [(e.code, e.name, e.email) for e in invited.entries] == ROWS


def test_the_summary_names_who_is_missing_and_who_was_not_invited() -> None:
    invited = parse_invited(csv_text())
    assert invited.summary(["AU", "XV"]) == (
        "1 of 3 invited has answered; missing: NO (Norwegian Industrial Property Office), "
        "PE (Perú, INDECOPI); not on the invited list: XV"
    )
    assert invited.summary(["AU", "NO", "PE"]) == "3 of 3 invited have answered; none missing"
    assert invited.names()["PE"] == "Perú, INDECOPI"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty"),
        ("name,email\nAustralia,a@b\n", "must name the columns"),
        ("code,name\nAU,one\nau ,two\n", "line 3: AU is listed twice"),
        ("code,name\n,nobody\n", "line 2: no code"),
    ],
)
def test_a_faulty_list_is_named_with_its_line(text: str, message: str) -> None:
    with pytest.raises(InvitedListError, match=message):
        parse_invited(text)


def test_the_list_beside_responses_is_found_and_report_json_gains_invited(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "invited.csv").write_text(csv_text(), "utf-8")
    responses = tmp_path / "responses"
    responses.mkdir()
    (responses / "AU.toml").write_bytes(response_bytes("AU", "au"))
    assert find_invited(responses) == (tmp_path / "invited.csv").absolute()
    assert main(["report", "--responses", str(responses)]) == 0
    out = capsys.readouterr()
    data = json.loads(out.out)
    assert data["invited"]["invited"] == 3 and data["invited"]["answered"] == 1
    assert [m["code"] for m in data["invited"]["missing"]] == ["NO", "PE"]
    assert "1 of 3 invited has answered; missing: NO" in out.err


def test_report_json_has_no_invited_key_without_a_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A compatible extension: absent when there is no list."""
    assert main(["report", "--responses", str(tmp_path / "none")]) == 0
    assert "invited" not in json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("au ", "AU"), ("ＡＵ", "AU"), ("ｆｒ", "FR"), ("\ufb01", "\ufb01"), ("ß", "ß"), ("\u0410U", "\u0410U")],
)
def test_codes_are_folded_to_ascii_only_one_character_for_one(typed: str, stored: str) -> None:
    """Codes like ﬁ or ß were counted as FI or SS after normalisation."""
    assert normalize_code(typed) == stored
