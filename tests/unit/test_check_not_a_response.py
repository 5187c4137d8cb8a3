"""`enquete check` on a PDF, an image or a note says what `merge` says, not "not valid TOML".

The bug: `check cover-letter.pdf` printed "is not valid UTF-8 text (line 2,
column 2); save it again as UTF-8" (or "is not valid TOML: Invalid
statement"), while `merge` listed the same file as "not a response file (a
document; responses are .toml files)". A PDF renamed `.toml` got the UTF-8
advice from both.
"""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from enquete.cli import main
from enquete.merge import Outcome, merge
from enquete.model.questionnaire import Questionnaire
from enquete.storage.safe_read import UnreadableFile, decode_text
from tests.unit.inbox_kit import COMMENT, response_bytes, zipped


def pdf_bytes(text: str) -> bytes:
    """A one-page PDF as a word processor saves it: a binary marker line and a deflated stream."""
    stream = zlib.compress(f"BT /F1 11 Tf 72 720 Td ({text}) Tj ET".encode())
    return (
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n"
        b"4 0 obj\n<</Length "
        + str(len(stream)).encode()
        + b"/Filter/FlateDecode>>\nstream\n"
        + stream
        + b"\nendstream\nendobj\ntrailer\n<</Root 1 0 R>>\n%%EOF\n"
    )


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x03\x20\x00\x00\x02\x58\x08\x06\x00\x00\x00"
"""The first bytes of an 800x600 screenshot."""

DOCX = zipped({"[Content_Types].xml": b"<?xml?>", "word/document.xml": COMMENT.encode()})
NOTE = (
    "Dear colleagues,\n\nPlease find our answers attached:\n"
    "- the “IT steering group” agreed [b]phase 2[/b];\n"
    "- see https://www.wipo.int/cws/en/task_force&x=1\n\n知识产权局\n"
)


def check_lines(capsys: pytest.CaptureFixture[str], *paths: Path) -> tuple[int, list[str]]:
    code = main(["check", *map(str, paths)])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, (out.out + out.err).splitlines()


def test_documents_images_and_notes_are_not_response_files_as_merge_says(
    survey: Questionnaire, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {
        "Cover letter – CWS survey.pdf": pdf_bytes(COMMENT[:200]),
        "screenshot.png": PNG,
        "answers.docx": DOCX,
        "note to the Secretariat.txt": NOTE.encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    paths = [tmp_path / name for name in files]
    code, lines = check_lines(capsys, *paths)
    steps = {step.file: step for step in merge(paths, tmp_path / "responses", survey)}
    assert code == 1
    assert all(step.outcome is Outcome.IGNORED for step in steps.values())
    assert lines == [f"{path}: {steps[str(path)].reason}" for path in paths] + ["0 valid, 4 with problems"]
    assert lines[0] == f"{paths[0]}: not a response file (a document; responses are .toml files)"


def test_a_text_file_holding_a_response_is_still_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = tmp_path / "AU response.txt"
    saved.write_bytes(response_bytes("AU", "au-1"))
    assert check_lines(capsys, saved) == (0, [f"{saved}: OK (AU, revision 1)"])


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (pdf_bytes("Réponse de l’office"), "is a PDF document, not a text file"),
        (PNG, "is an image (PNG), not a text file"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "is an image (JPEG), not a text file"),
        (DOCX, "is a zip archive or an Office document (.docx, .xlsx), not a text file"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00",
            "is an Office document (.doc, .xls) or an Outlook .msg",
        ),
    ],
    ids=["pdf", "png", "jpeg", "docx", "doc"],
)
def test_a_document_renamed_toml_is_named_for_what_it_is(
    data: bytes, said: str, survey: Questionnaire, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    renamed = tmp_path / "AU.toml"
    renamed.write_bytes(data)
    code, lines = check_lines(capsys, renamed)
    assert code == 1 and lines[0].startswith(f"{renamed}: {said}")
    [step] = merge([renamed], tmp_path / "responses", survey)
    assert step.outcome is Outcome.REJECTED and step.reason.startswith(said)


def test_text_that_starts_like_no_document_is_still_decoded() -> None:
    """The signatures must not catch text: a response starting with a comment, or UTF-16 with its mark."""
    assert decode_text(b"# PK and %PDF are fine here\n[response]\n").encoding == "UTF-8"
    assert decode_text(b"\xff\xfe#\x00").text == "#"
    with pytest.raises(UnreadableFile, match="not valid UTF-8"):
        decode_text(b"[answers]\n# \x81\x8d\x8f\n")
