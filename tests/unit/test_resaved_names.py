"""A response saved again by a browser, a mail client, Explorer or Notepad is still a response.

Bug: `DE.toml (2).txt` (Chrome's second download of a file it had saved as
`DE.toml.txt`) was listed as "ignored: not a response file" and never merged.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from enquete.cli import main
from enquete.inbox.items import Kind, kind_of
from enquete.merge import Outcome, Step, merge
from enquete.model.questionnaire import Questionnaire
from enquete.storage.responses import load_valid_response
from tests.unit.inbox_kit import mail, notepad_unicode, response_bytes, utf8_bom_crlf, zipped

BODY_TEXT = b"Dear colleagues,\r\nPlease find our response attached.\r\n[signature]\r\n"


def rows(steps: list[Step]) -> dict[str, tuple[str | None, Outcome, str]]:
    return {s.name: (s.respondent, s.outcome, s.reason) for s in steps}


@pytest.mark.parametrize(
    "name",
    [
        "DE.toml",
        "DE (2).toml",  # Chrome, Edge, Outlook's attachment folder
        "DE(1).toml",  # Firefox
        "DE - Copy.toml",  # Windows Explorer
        "DE - Copy (2).toml",
        "DE.TOML",
        "DE.toml.txt",  # Notepad's "Save as", or Chrome on a text/plain attachment
        "DE (2).toml.txt",  # Notepad re-saving a duplicate download
        "DE.toml (2).txt",  # Chrome's duplicate of DE.toml.txt: before the last extension
        "DE.toml(1).txt",  # Firefox's
        "DE.toml - Copy.txt",  # Explorer's copy of DE.toml.txt
        "DE.toml - Copie (2).txt",  # the same on a French Windows
        "DE.toml.txt (1)",
        "DE.toml.txt.txt",
        "DE.TOML (3).TXT",
        "DE.toml.1",  # wget
    ],
)
def test_names_that_saving_again_gives_a_response_are_responses(name: str) -> None:
    assert kind_of(name) is Kind.RESPONSE


@pytest.mark.parametrize(
    "name", ["DE.txt", "ATT00001.txt", "noname", "DE.toml.bak", "DE.toml — копия.txt", "Antwort DE"]
)
def test_names_a_response_may_have_are_decided_by_content(name: str) -> None:
    assert kind_of(name) is Kind.MAYBE_RESPONSE


@pytest.mark.parametrize(
    "name", ["cover-letter.pdf", "DE.toml.docx", "Outlook reply.msg", "signature.png", "notes.md"]
)
def test_documents_and_images_are_not_responses(name: str) -> None:
    assert kind_of(name) is Kind.OTHER


def inbox_with_resaved_files(root: Path) -> tuple[Path, Path]:
    inbox, into = root / "inbox", root / "responses"
    inbox.mkdir()
    files = {
        "DE.toml (2).txt": response_bytes("DE", "de-1"),
        "FR.toml(1).txt": response_bytes("FR", "fr-1", language="fr"),
        "ES.toml - Copy.txt": notepad_unicode(response_bytes("ES", "es-1", proposals="café")),
        "IT.toml.txt (1)": utf8_bom_crlf(response_bytes("IT", "it-1")),
        "JP (2).toml": response_bytes("JP", "jp-1", proposals="日本語のコメント。"),
        "KR.toml.1": response_bytes("KR", "kr-1"),
        "NL.txt": response_bytes("NL", "nl-1"),
        "ATT00001.txt": response_bytes("PT", "pt-1"),
        "noname": response_bytes("AU", "au-1"),
        "PE.toml — копия.txt": response_bytes("PE", "pe-1"),
        "ATT00002.txt": BODY_TEXT,
        "DE.toml.bak": b"\x00\x01 not text at all \xff",
        "minutes.txt": b"Minutes of the [response] working group\n" * 40_000,  # over 1 MiB
        "cover-letter.pdf": b"%PDF-1.7 ...",
    }
    for name, data in files.items():
        (inbox / name).write_bytes(data)
    return inbox, into


def test_resaved_and_renamed_responses_are_merged_and_the_rest_ignored(
    survey: Questionnaire, tmp_path: Path
) -> None:
    inbox, into = inbox_with_resaved_files(tmp_path)
    found = rows(merge([inbox], into, survey))
    assert len(found) == 14, "every file gets a row"
    imported = {name: who for name, (who, outcome, _) in found.items() if outcome is Outcome.IMPORTED}
    assert imported == {
        "DE.toml (2).txt": "DE",
        "FR.toml(1).txt": "FR",
        "ES.toml - Copy.txt": "ES",
        "IT.toml.txt (1)": "IT",
        "JP (2).toml": "JP",
        "KR.toml.1": "KR",
        "NL.txt": "NL",
        "ATT00001.txt": "PT",
        "noname": "AU",
        "PE.toml — копия.txt": "PE",
    }
    for name in ("ATT00002.txt", "DE.toml.bak", "minutes.txt", "cover-letter.pdf"):
        assert found[name][1] is Outcome.IGNORED, name
        assert found[name][2].startswith("not a response file"), name
    assert sorted(p.name for p in into.glob("*.toml")) == sorted(f"{k}.toml" for k in imported.values())
    assert load_valid_response(into / "ES.toml", survey).answers["proposals"] == "café"


def test_a_name_that_says_response_with_broken_content_is_rejected_not_ignored(
    survey: Questionnaire, tmp_path: Path
) -> None:
    """Ignoring it would hide a response that needs sending again; a vague name with junk is just not one."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "DE.toml (2).txt").write_bytes(b"[response\nquestionnaire = ")
    (inbox / "DE.txt").write_bytes(b"[response\nquestionnaire = ")
    (inbox / "FR.txt").write_bytes(b"[response]\nquestionnaire = ")
    found = rows(merge([inbox], tmp_path / "responses", survey))
    assert found["DE.toml (2).txt"][1] is Outcome.REJECTED
    assert "not valid TOML" in found["DE.toml (2).txt"][2]
    assert found["DE.txt"][1] is Outcome.IGNORED
    assert found["FR.txt"][1] is Outcome.REJECTED, "a [response] table: a response, broken"


def test_resaved_names_inside_a_zip(survey: Questionnaire, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "Antworten.zip").write_bytes(
        zipped(
            {
                "Antworten/DE.toml (2).txt": response_bytes("DE", "de-1"),
                "Antworten/AT.txt": response_bytes("AT", "at-1"),
                "Antworten/readme.txt": b"Two responses, as agreed.\n",
            }
        )
    )
    found = rows(merge([inbox], tmp_path / "responses", survey))
    assert found["DE.toml (2).txt"][:2] == ("DE", Outcome.IMPORTED)
    assert found["AT.txt"][:2] == ("AT", Outcome.IMPORTED)
    assert found["Antworten.zip"][1:] == (
        Outcome.IGNORED,
        "also held, not response files: Antworten/readme.txt",
    )


def test_resaved_names_attached_to_an_email(
    survey: Questionnaire, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox, into = tmp_path / "inbox", tmp_path / "responses"
    inbox.mkdir()
    (inbox / "RE CWS survey.eml").write_bytes(
        mail(
            {
                "DE.toml (1).txt": notepad_unicode(response_bytes("DE", "de-1")),
                "ATT00001.txt": BODY_TEXT,
            }
        )
    )
    assert main(["merge", str(inbox), "--into", str(into)]) == 0
    out = capsys.readouterr().out
    assert "RE CWS survey.eml › DE.toml (1).txt" in out
    assert "also held, not response files: ATT00001.txt" in out
    assert out.splitlines()[-1].startswith("2 files: 1 imported")
    assert load_valid_response(into / "DE.toml", survey).revision == 1


@given(
    stem=st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="/\\\x00"), max_size=40),
    suffix=st.sampled_from([".toml", ".TOML", ".Toml", ".toml.txt", ".TOML.TXT"]),
)
def test_every_name_merge_took_before_it_still_takes(stem: str, suffix: str) -> None:
    """`*.toml` and `*.toml.txt`, whatever comes before, were responses by name and stay so."""
    assert kind_of(stem + suffix) is Kind.RESPONSE
