"""Issue 10: conflicts a person can decide on, --replace by date, and rows in the order decided."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from enquete.cli import main
from enquete.merge import Outcome, merge
from enquete.model.questionnaire import Questionnaire
from enquete.storage.responses import load_valid_response
from tests.unit.inbox_kit import response_bytes

MAY_3 = datetime(2025, 5, 3, 9, 0, tzinfo=UTC)


def put(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    return folder / name


def test_a_conflict_says_who_when_and_which_answers_differ(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A conflict reason gave two uuids: not who saved what, when, nor which answers differ."""
    into = tmp_path / "responses"
    put(into, "PE.toml", response_bytes("PE", "first-id", saved=MAY_3, language="es", proposals="uno"))
    new = response_bytes(
        "PE",
        "second-id",
        saved=MAY_3 + timedelta(days=1),
        proposals="dos",
        implementation={**{f"rec{i}": "implemented" for i in range(1, 11)}, "rec3": "ongoing"},
    )
    put(tmp_path / "inbox", "PE.toml", new)
    assert main(["merge", str(tmp_path / "inbox"), "--into", str(into)]) == 1
    out = capsys.readouterr().out

    def local(moment: datetime) -> str:
        return moment.astimezone().strftime("%Y-%m-%d %H:%M")

    assert f"there: PE, id first-id, revision 1, saved {local(MAY_3)} (local time), language es" in out
    assert f"incoming: PE, id second-id, revision 1, saved {local(MAY_3 + timedelta(days=1))}" in out
    assert 'differs: implementation (rec3: implemented → ongoing); proposals ("uno" → "dos")' in out
    assert "next: ask PE which is right; --replace takes the newest saved" in out


def test_replace_takes_the_newest_by_saved_not_the_file_name_order(
    survey: Questionnaire, tmp_path: Path
) -> None:
    """--replace chose by file-name order, not by date."""
    inbox, into = tmp_path / "inbox", tmp_path / "responses"
    put(into, "CA.toml", response_bytes("CA", "there", saved=MAY_3))
    put(inbox, "a-newest.toml", response_bytes("CA", "newest", saved=MAY_3 + timedelta(hours=5)))
    put(inbox, "z-older.toml", response_bytes("CA", "older", saved=MAY_3 + timedelta(hours=1)))
    steps = {s.name: s for s in merge([inbox], into, survey, replace=True)}
    assert load_valid_response(into / "CA.toml", survey).id == "newest"
    assert steps["a-newest.toml"].outcome is Outcome.REPLACED
    assert "--replace: the newest saved" in steps["a-newest.toml"].reason
    assert steps["z-older.toml"].outcome is Outcome.STALE
    assert "--replace keeps the newest saved" in steps["z-older.toml"].reason
    assert len(list((into / "history").glob("CA.there.r1.*.toml"))) == 1


def test_replace_keeps_the_file_there_when_it_was_saved_last(survey: Questionnaire, tmp_path: Path) -> None:
    inbox, into = tmp_path / "inbox", tmp_path / "responses"
    put(into, "CA.toml", response_bytes("CA", "there", saved=MAY_3 + timedelta(days=2)))
    put(inbox, "CA.toml", response_bytes("CA", "older", saved=MAY_3))
    [step] = merge([inbox], into, survey, replace=True)
    assert step.outcome is Outcome.STALE and "the one there" in step.reason
    assert load_valid_response(into / "CA.toml", survey).id == "there"


def test_a_forged_huge_revision_cannot_block_a_genuine_update(survey: Questionnaire, tmp_path: Path) -> None:
    """A forged huge revision blocked every genuine update, even with --replace."""
    inbox, into = tmp_path / "inbox", tmp_path / "responses"
    put(into, "NO.toml", response_bytes("NO", "no-1", revision=999_999, saved=MAY_3, proposals="forged"))
    put(inbox, "NO.toml", response_bytes("NO", "no-1", revision=2, saved=MAY_3 + timedelta(days=3)))
    [step] = merge([inbox], into, survey)
    assert step.outcome is Outcome.CONFLICT, "a lower revision saved later is not simply stale"
    assert "but was saved later" in step.reason
    [step] = merge([inbox], into, survey, replace=True)
    assert step.outcome is Outcome.REPLACED
    assert load_valid_response(into / "NO.toml", survey).revision == 2


def test_a_saved_date_far_in_the_future_is_not_trusted(survey: Questionnaire, tmp_path: Path) -> None:
    """A forged `saved` (year 2999) must not win --replace in its turn."""
    inbox, into = tmp_path / "inbox", tmp_path / "responses"
    put(into, "NO.toml", response_bytes("NO", "forger", saved=datetime(2999, 1, 1, tzinfo=UTC)))
    put(inbox, "NO.toml", response_bytes("NO", "genuine", saved=MAY_3))
    [step] = merge([inbox], into, survey, replace=True)
    assert step.outcome is Outcome.REPLACED
    assert load_valid_response(into / "NO.toml", survey).id == "genuine"


def test_the_same_revision_with_other_answers_is_a_conflict_not_a_replacement(
    survey: Questionnaire, tmp_path: Path
) -> None:
    """Mutant M1 survived: `>` turned into `>=` silently replaced a same-revision file."""
    inbox, into = tmp_path / "inbox", tmp_path / "responses"
    put(into, "AU.toml", response_bytes("AU", "au-1", revision=2, proposals="there"))
    put(inbox, "AU.toml", response_bytes("AU", "au-1", revision=2, proposals="other"))
    [step] = merge([inbox], into, survey)
    assert step.outcome is Outcome.CONFLICT and "has different answers from revision" in step.reason
    assert load_valid_response(into / "AU.toml", survey).answers["proposals"] == "there"


def test_the_same_revision_with_other_answers_is_not_a_duplicate(
    survey: Questionnaire, tmp_path: Path
) -> None:
    """Mutant M2 survived: comparing without the answers dropped a different response as a duplicate."""
    inbox, into = tmp_path / "inbox", tmp_path / "responses"
    put(into, "AU.toml", response_bytes("AU", "au-1", proposals="there"))
    put(inbox, "same.toml", response_bytes("AU", "au-1", proposals="there"))
    put(inbox, "other.toml", response_bytes("AU", "au-1", proposals="other answers"))
    steps = {s.name: s.outcome for s in merge([inbox], into, survey)}
    assert steps == {"same.toml": Outcome.DUPLICATE, "other.toml": Outcome.CONFLICT}


def test_rows_are_listed_in_the_order_they_were_decided(survey: Questionnaire, tmp_path: Path) -> None:
    """Rows were listed in file-name order but decided in revision order."""
    inbox = tmp_path / "inbox"
    put(inbox, "a.toml", response_bytes("BR", "br", revision=3))
    put(inbox, "b.toml", response_bytes("AU", "au", revision=2))
    put(inbox, "c.toml", response_bytes("BR", "br", revision=1))
    put(inbox, "d.toml", response_bytes("AU", "au", revision=1))
    put(inbox, "e.toml", b"broken")
    steps = merge([inbox], tmp_path / "responses", survey)
    assert [(s.name, s.outcome.value) for s in steps] == [
        ("d.toml", "imported"),
        ("b.toml", "replaced"),
        ("c.toml", "imported"),
        ("a.toml", "replaced"),
        ("e.toml", "rejected"),
    ]


@pytest.mark.parametrize(
    ("data", "advice"),
    [
        (response_bytes("PE", "pe", status="draft"), "ask PE to submit it in enquete: only a draft arrived"),
        (
            response_bytes("PE", "pe").replace(b"cws-ict-2025", b"other"),
            "ask the sender for a response to this",
        ),
        (b"\x81\x8d not text", "ask the sender to send the file again"),
        (
            response_bytes("PE", "pe").replace(b"revision = 1", b"revision = true"),
            "run 'enquete check' on it",
        ),
    ],
)
def test_each_rejection_has_a_next_step(
    survey: Questionnaire, tmp_path: Path, data: bytes, advice: str
) -> None:
    """A rejected row says what to do next, not only what is wrong."""
    put(tmp_path / "inbox", "x.toml", data)
    [step] = merge([tmp_path / "inbox"], tmp_path / "responses", survey)
    assert step.outcome is Outcome.REJECTED and advice in step.next_step


def test_merge_says_who_is_missing_and_flags_who_was_not_invited(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nothing said who had not answered; respondents not on the list are flagged, not dropped."""
    (tmp_path / "invited.csv").write_text(
        'code,name,email\nAU,"Australia, IP Australia",a@ipa.example\nNO,Norwegian Industrial Property Office,'
        "post@no.example\nPE,Peru (INDECOPI),pe@example\n",
        "utf-8",
    )
    put(tmp_path / "inbox", "AU.toml", response_bytes("AU", "au"))
    put(tmp_path / "inbox", "XV.toml", response_bytes("XV", "xv"))
    assert main(["merge", str(tmp_path / "inbox"), "--into", str(tmp_path / "responses")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == (
        "1 of 3 invited has answered; missing: NO (Norwegian Industrial Property Office), PE (Peru (INDECOPI)); "
        "not on the invited list: XV"
    )
    assert "    warning: not on the invited list" in lines
    assert (tmp_path / "responses" / "XV.toml").exists()
