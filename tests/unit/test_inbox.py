"""Issue 10: every attachment in the inbox is accounted for, whatever its kind or encoding."""

from __future__ import annotations

import os
import stat
import tomllib
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from enquete.cli import main
from enquete.inbox import collect
from enquete.inbox.archives import MAX_MEMBERS
from enquete.merge import Outcome, merge
from enquete.model.questionnaire import Questionnaire
from enquete.results.aggregate import aggregate_folder
from enquete.storage.responses import load_valid_response
from tests.unit.inbox_kit import (
    COMMENT,
    forwarded,
    mail,
    notepad_ansi,
    notepad_unicode,
    response_bytes,
    utf8_bom_crlf,
    zipped,
)

EXPECTED_IN_FOLDER = ["AU", "BR", "CA", "DE", "ES", "FR", "GB", "IT", "JP", "KR", "NL", "PE", "PT"]


def realistic_inbox(root: Path) -> tuple[Path, Path]:
    """25 attachments of every kind met in the office trial, and a folder that already holds BR r2."""
    inbox, into = root / "inbox", root / "responses"
    inbox.mkdir()
    into.mkdir()
    (into / "BR.toml").write_bytes(response_bytes("BR", "br-1", revision=2))
    files = {
        "AU.toml": response_bytes("AU", "au-1"),
        "AU (1).toml": response_bytes("AU", "au-1"),
        "AU-r2.toml": response_bytes("AU", "au-1", revision=2, proposals="Second thoughts."),
        "AU-colleague.toml": response_bytes("AU", "au-other", proposals="A colleague's version."),
        "Survey reply (2).toml": response_bytes("BR", "br-1", revision=2),
        "BR-old.toml": response_bytes("BR", "br-1", revision=1),
        "CA.TOML": response_bytes("CA", "ca-1"),
        "JP.toml.txt": response_bytes("JP", "jp-1", proposals="日本語のコメント。"),
        "DE.zip": zipped({"Antwort/DE.toml": response_bytes("DE", "de-1")}),
        "Fwd CWS survey.eml": forwarded(mail({"PE.toml": response_bytes("PE", "pe-1")})),
        "FR.eml": mail({"FR.toml": response_bytes("FR", "fr-1", language="fr")}),
        "ES-notepad-unicode.toml": notepad_unicode(response_bytes("ES", "es-1", proposals="café")),
        "IT-ansi.toml": notepad_ansi(
            response_bytes("IT", "it-1", proposals="perché “sì”", implementation_comments="Niente.").decode()
        ),
        "PT-bom-crlf.toml": utf8_bom_crlf(response_bytes("PT", "pt-1")),
        "KR.toml": response_bytes("KR", "kr-1"),
        "NL.toml": response_bytes("NL", "nl-1"),
        "GB.zip": zipped({"GB.toml.txt": response_bytes("GB", "gb-1")}),
        "CN-draft.toml": response_bytes("CN", "cn-1", status="draft"),
        "broken.toml": b"[response\nquestionnaire = ",
        "other-survey.toml": response_bytes("MX", "mx-1").replace(b"cws-ict-2025", b"another-survey"),
        "empty.zip": zipped({"readme.txt": b"nothing here"}),
        "note.eml": mail({}),
        "cover-letter.pdf": b"%PDF-1.7 ...",
        "signature.png": b"\x89PNG...",
        "Outlook reply.msg": b"\xd0\xcf\x11\xe0",
    }
    for name, data in files.items():
        (inbox / name).write_bytes(data)
    return inbox, into


def test_realistic_inbox_of_25_attachments_gives_25_rows_and_imports_the_right_respondents(
    survey: Questionnaire, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Attachments skipped silently: a .zip, a forwarded .eml and JP.toml.txt got no row (22 of 25)."""
    inbox, into = realistic_inbox(tmp_path)
    assert main(["merge", str(inbox), "--into", str(into)]) == 1, "conflicts and rejections: exit 1"
    out = capsys.readouterr().out
    assert out.splitlines()[-1].startswith(
        "25 files: 12 imported, 1 replaced, 2 duplicate, 1 stale, 1 conflict, 5 rejected, 3 ignored"
    )
    steps = merge([inbox], into, survey, dry_run=True)
    assert len(steps) == 25
    assert sorted(p.stem for p in into.glob("*.toml")) == EXPECTED_IN_FOLDER
    results = aggregate_folder(into, survey)
    assert results.respondent_keys == EXPECTED_IN_FOLDER and not results.rejected
    assert load_valid_response(into / "AU.toml", survey).revision == 2
    assert load_valid_response(into / "ES.toml", survey).answers["proposals"] == "café"
    assert load_valid_response(into / "IT.toml", survey).answers["proposals"] == "perché “sì”"
    assert load_valid_response(into / "PE.toml", survey).answers["proposals"] == COMMENT


def test_every_written_file_is_normalised_utf8_lf_without_bom_and_mode_0644(tmp_path: Path) -> None:
    """Files copied byte for byte: a BOM and CRLF went into responses/ as received, mode 0600."""
    inbox, into = realistic_inbox(tmp_path)
    main(["merge", str(inbox), "--into", str(into)])
    written = [*into.glob("*.toml"), *(into / "history").glob("*.toml")]
    assert len(written) == 14  # 13 respondents and AU's revision 1 in history
    for path in written:
        data = path.read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data, path.name
        tomllib.loads(data.decode("utf-8"))  # a plain script over the clean folder works
        if path.parent == into and path.name != "BR.toml":  # BR.toml was there before
            assert stat.S_IMODE(path.stat().st_mode) == 0o644, path.name


def test_a_second_merge_of_the_same_inbox_changes_nothing_and_says_duplicate(
    survey: Questionnaire, tmp_path: Path
) -> None:
    """Byte-stable normalisation: the same inbox merged twice imports nothing the second time."""
    inbox, into = realistic_inbox(tmp_path)
    merge([inbox], into, survey)
    before = {p: p.read_bytes() for p in into.rglob("*.toml")}
    again = Counter(s.outcome for s in merge([inbox], into, survey))
    assert again[Outcome.IMPORTED] == again[Outcome.REPLACED] == 0
    assert again[Outcome.DUPLICATE] == 13, "12 respondents' files and BR's second copy"
    assert again[Outcome.STALE] == 3, "AU r1 twice (r2 is there now) and BR r1"
    assert {p: p.read_bytes() for p in into.rglob("*.toml")} == before


def test_notepad_encodings_are_read_and_ansi_gets_a_warning(survey: Questionnaire, tmp_path: Path) -> None:
    """Notepad encodings rejected: UTF-16 with BOM and cp1252 were refused, the respondent shown as '-'."""
    inbox, into = realistic_inbox(tmp_path)
    steps = {s.name: s for s in merge([inbox], into, survey)}
    assert (steps["ES-notepad-unicode.toml"].outcome, steps["ES-notepad-unicode.toml"].respondent) == (
        Outcome.IMPORTED,
        "ES",
    )
    assert steps["ES-notepad-unicode.toml"].warning == ""
    assert steps["IT-ansi.toml"].outcome is Outcome.IMPORTED
    assert "Windows-1252" in steps["IT-ansi.toml"].warning


def test_each_kind_of_attachment_gets_its_row_and_reason(survey: Questionnaire, tmp_path: Path) -> None:
    """Named explicitly, the .zip got 'not valid UTF-8' and the .eml 'Expected ='."""
    inbox, into = realistic_inbox(tmp_path)
    steps = {s.name: s for s in merge([inbox / n for n in sorted(os.listdir(inbox))], into, survey)}
    assert steps["DE.toml"].file.endswith("DE.zip › Antwort/DE.toml")
    assert steps["PE.toml"].file.endswith("Fwd CWS survey.eml › PE.toml")
    assert steps["JP.toml.txt"].respondent == "JP" and steps["CA.TOML"].respondent == "CA"
    assert "holds no response file" in steps["empty.zip"].reason and "readme.txt" in steps["empty.zip"].reason
    assert "holds no response file" in steps["note.eml"].reason
    assert steps["cover-letter.pdf"].outcome is Outcome.IGNORED
    assert "Outlook" in steps["Outlook reply.msg"].reason
    assert steps["CN-draft.toml"].next_step.startswith("ask CN to submit")


def test_zip_bomb_is_read_only_up_to_the_limits(survey: Questionnaire, tmp_path: Path) -> None:
    """A zip bomb (a small archive declaring gigabytes) costs at most the limits."""
    bomb = zipped({f"AU{i}.toml": b"#" * (8 * 1024 * 1024) for i in range(3)})
    assert len(bomb) < 100_000
    (tmp_path / "bomb.zip").write_bytes(bomb)
    steps = merge([tmp_path / "bomb.zip"], tmp_path / "responses", survey)
    assert [s.outcome for s in steps] == [Outcome.REJECTED] * 3
    assert all("too large" in s.reason for s in steps)


def test_zip_member_names_with_path_tricks_are_only_labels(survey: Questionnaire, tmp_path: Path) -> None:
    """A member named ../../x.toml or /etc/x.toml writes nowhere but into responses/, as <KEY>.toml."""
    archive = zipped({"../../evil.toml": response_bytes("AU", "au-1"), "/abs/evil2.toml": b"junk"})
    (tmp_path / "tricks.zip").write_bytes(archive)
    before = set(tmp_path.rglob("*"))
    steps = merge([tmp_path / "tricks.zip"], tmp_path / "work" / "responses", survey)
    assert [s.outcome for s in steps] == [Outcome.IMPORTED, Outcome.REJECTED]
    created = {p for p in set(tmp_path.rglob("*")) - before if p.is_file()}
    assert all(tmp_path / "work" / "responses" in p.parents for p in created)


def test_nested_zips_are_opened_two_levels_deep_and_no_further(survey: Questionnaire, tmp_path: Path) -> None:
    """A zip inside a zip inside a zip (a 'droste' archive) is not opened without end."""
    inner = zipped({"AU.toml": response_bytes("AU", "au-1")})
    (tmp_path / "one.zip").write_bytes(zipped({"inner.zip": inner}))
    (tmp_path / "two.zip").write_bytes(zipped({"middle.zip": zipped({"inner.zip": inner})}))
    one = merge([tmp_path / "one.zip"], tmp_path / "r1", survey)
    assert [(s.file.endswith("one.zip › inner.zip › AU.toml"), s.outcome) for s in one] == [
        (True, Outcome.IMPORTED)
    ]
    two = merge([tmp_path / "two.zip"], tmp_path / "r2", survey)
    assert [s.outcome for s in two] == [Outcome.REJECTED] and "nested too deeply" in two[0].reason


def test_broken_encrypted_and_crowded_archives_get_a_reason(survey: Questionnaire, tmp_path: Path) -> None:
    """Zips that cannot be read, are password-protected, or hold too many files: one clear row each."""
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 not really")
    encrypted = bytearray(zipped({"AU.toml": b"x"}, compression=zipfile.ZIP_STORED))
    encrypted[6] |= 1  # the local header's "encrypted" flag
    central = encrypted.rfind(b"PK\x01\x02")
    encrypted[central + 8] |= 1  # and the central directory's
    (tmp_path / "locked.zip").write_bytes(bytes(encrypted))
    (tmp_path / "crowded.zip").write_bytes(zipped({f"{i}.toml": b"" for i in range(MAX_MEMBERS + 1)}))
    steps = {s.name: s.reason for s in merge([tmp_path], tmp_path / "responses", survey)}
    assert "not a readable zip" in steps["broken.zip"]
    assert "password-protected" in steps["AU.toml"]
    assert "the limit is" in steps["crowded.zip"]


def test_a_source_1000_folders_deep_gives_a_row_not_a_crash(survey: Questionnaire, tmp_path: Path) -> None:
    """A merge source 1,000 folders deep crashed (os.walk recursion)."""
    deep = tmp_path / "inbox"
    here = deep
    deep.mkdir()
    for _ in range(1000):
        here = here / "d"
        here.mkdir()  # os.makedirs itself recurses
    (here / "AU.toml").write_bytes(response_bytes("AU", "au-1"))
    (deep / "BR.toml").write_bytes(response_bytes("BR", "br-1"))
    try:
        steps = merge([deep], tmp_path / "responses", survey)
        assert [(s.name, s.outcome) for s in steps] == [
            ("BR.toml", Outcome.IMPORTED),
            ("d", Outcome.REJECTED),
        ]
        assert "nested more than 16 folders deep" in steps[1].reason
    finally:  # shutil.rmtree (pytest's clean-up) recurses too: undo it from the bottom
        (here / "AU.toml").unlink()
        while here != deep:
            here.rmdir()
            here = here.parent


def test_merging_a_folder_inside_responses_is_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Merging a folder inside responses/ printed '0 files' without a word."""
    into = tmp_path / "responses"
    (into / "history").mkdir(parents=True)
    (into / "history" / "AU.x.r1.toml").write_bytes(response_bytes("AU", "au-1"))
    assert main(["merge", str(into / "history"), "--into", str(into)]) == 1
    out = capsys.readouterr().out
    assert "is inside the responses folder" in out and out.splitlines()[-1].startswith("1 file: ")
    assert collect([tmp_path], into)[0].problem == "the responses folder itself: skipped"


def test_report_counts_an_upper_case_suffix_as_merge_accepts_it(
    survey: Questionnaire, tmp_path: Path
) -> None:
    """`report` ignored CA.TOML, which merge accepts."""
    (tmp_path / "CA.TOML").write_bytes(response_bytes("CA", "ca-1"))
    (tmp_path / "AU.toml").write_bytes(response_bytes("AU", "au-1"))
    assert aggregate_folder(tmp_path, survey).respondent_keys == ["AU", "CA"]


def _nested_mail(depth: int) -> bytes:
    body = b"Content-Type: text/plain\r\n\r\nhello\r\n"
    for level in range(depth):
        boundary = b"b%d" % level
        body = (
            b"Content-Type: multipart/mixed; boundary="
            + boundary
            + b"\r\n\r\n--"
            + boundary
            + b"\r\n"
            + body
            + b"\r\n--"
            + boundary
            + b"--\r\n"
        )
    return b"From: a@b\r\nSubject: deep\r\nMIME-Version: 1.0\r\n" + body


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (_nested_mail(3000), "cannot be read as an e-mail"),
        (mail({f"{i}.png": b"x" for i in range(600)}), "more than 500 parts"),
        (b"\x00\xff" * 5000, "holds no response file"),
    ],
    ids=["3000 nested parts", "600 attachments", "binary junk"],
)
def test_hostile_e_mails_give_a_row_not_a_crash(
    survey: Questionnaire, tmp_path: Path, data: bytes, reason: str
) -> None:
    """An .eml got 'Expected =' (read as TOML); a hostile one must not crash or hang the batch either."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.eml").write_bytes(data)
    (tmp_path / "in" / "AU.toml").write_bytes(response_bytes("AU", "au-1"))
    steps = {s.name: s for s in merge([tmp_path / "in"], tmp_path / "responses", survey)}
    assert steps["AU.toml"].outcome is Outcome.IMPORTED
    assert steps["x.eml"].outcome is Outcome.REJECTED and reason in steps["x.eml"].reason


def test_check_opens_archives_and_e_mails_as_merge_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Named explicitly, a .zip got 'not valid UTF-8' and an .eml 'Expected ='."""
    (tmp_path / "DE.zip").write_bytes(zipped({"DE.toml": response_bytes("DE", "de-1")}))
    (tmp_path / "PE.eml").write_bytes(
        forwarded(mail({"PE.toml": response_bytes("PE", "pe-1", status="draft")}))
    )
    assert main(["check", str(tmp_path / "DE.zip"), str(tmp_path / "PE.eml")]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{tmp_path / 'DE.zip'} › DE.toml: OK (DE, revision 1)"
    assert lines[1].startswith(f"{tmp_path / 'PE.eml'} › PE.toml: is a draft")
    assert lines[2] == "1 valid, 1 with problems"
