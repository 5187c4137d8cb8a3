"""The fill session: saving only what changed, never after submitting, never losing another file."""

import threading
import tomllib
from pathlib import Path

import pytest

from enquete.errors import ResponseInUse, SubmitCollision
from enquete.model.questionnaire import Questionnaire
from enquete.session import FillSession, Workspace
from enquete.storage.responses import OtherResponse, ResponseFolder, load_response
from tests.unit.builders import minimal_answers, write_response


@pytest.fixture
def workspace(survey: Questionnaire, tmp_path: Path) -> Workspace:
    return Workspace(survey, ResponseFolder(tmp_path / "responses"))


def complete(session: FillSession, office: str = "KR") -> None:
    session.set_answer("office", office)
    session.set_answer("implementation", {f"rec{i}": "implemented" for i in range(1, 11)})


def drafts(workspace: Workspace) -> list[Path]:
    return workspace.folder.draft_files()


def test_opening_and_moving_around_writes_no_draft(workspace: Workspace) -> None:
    """Office trial #11 and review 3.2.7: opening a new response and quitting left empty drafts."""
    session = FillSession.new(workspace, "en")
    session.go_to("implementation")
    session.set_language("fr")
    assert session.save_draft() is False
    assert drafts(workspace) == []


def test_editing_a_submitted_response_writes_nothing_until_an_answer_changes(workspace: Workspace) -> None:
    """Office trial #7: just opening "Edit the submitted response" left a revision-2 draft."""
    path = write_response(workspace.folder.root.parent, "KR.toml", minimal_answers("KR"))
    workspace.folder.root.mkdir()
    path = path.rename(workspace.folder.root / "KR.toml")
    session = FillSession.resume(workspace, path)
    session.go_to("proposals")
    assert session.save_draft() is False and session.unchanged_since_submitted
    session.set_answer("proposals", "new")
    assert session.save_draft() is True and not session.unchanged_since_submitted


def test_edit_submitted_resumes_the_unsent_revision_draft(workspace: Workspace) -> None:
    """Office trial #7: "Edit the submitted response" threw away the unsent revision draft."""
    workspace.folder.root.mkdir()
    path = write_response(workspace.folder.root, "KR.toml", minimal_answers("KR"))
    first = FillSession.resume(workspace, path)
    first.set_answer("proposals", "Important new comment in revision 2")
    first.save_draft()
    again = FillSession.resume(workspace, path)
    assert again.answer("proposals") == "Important new comment in revision 2"
    assert again.response.revision == 2


def test_no_save_writes_a_draft_after_submit(workspace: Workspace) -> None:
    """Office trial #6 (ghost draft): saves queued behind the submit re-wrote the draft."""
    session = FillSession.new(workspace, "en")
    complete(session)
    session.save_draft()
    session.set_answer("proposals", "typed fast")
    savers = [threading.Thread(target=session.save_draft) for _ in range(20)]
    for saver in savers[:10]:
        saver.start()
    session.submit()
    for saver in savers[10:]:
        saver.start()
    for saver in savers:
        saver.join()
    assert drafts(workspace) == []
    assert (workspace.folder.root / "KR.toml").is_file()
    session.set_answer("proposals", "after")
    assert session.save_draft() is False


def test_submitting_over_another_response_asks_and_keeps_it(workspace: Workspace) -> None:
    """Office trial #8: "Fill in a new response" for KR silently replaced responses/KR.toml."""
    workspace.folder.root.mkdir()
    old = write_response(workspace.folder.root, "KR.toml", minimal_answers("KR", proposals="the old one"))
    old_bytes = old.read_bytes()
    session = FillSession.new(workspace, "en")
    complete(session)
    with pytest.raises(SubmitCollision) as raised:
        session.submit()
    assert raised.value.other_revision == 1
    assert old.read_bytes() == old_bytes, "nothing written before the person chooses"
    session.submit(OtherResponse.CONTINUE_IT)
    new = tomllib.loads(old.read_text("utf-8"))["response"]
    assert new["id"] == "11111111-1111-4111-8111-111111111111" and new["revision"] == 2
    history = list((workspace.folder.root / "history").glob("*.toml"))
    assert [p.read_bytes() for p in history] == [old_bytes]


def test_keep_both_keeps_the_other_in_history(workspace: Workspace, survey: Questionnaire) -> None:
    workspace.folder.root.mkdir()
    old = write_response(workspace.folder.root, "KR.toml", minimal_answers("KR"))
    old_bytes = old.read_bytes()
    session = FillSession.new(workspace, "en")
    complete(session)
    session.submit(OtherResponse.KEEP_BOTH)
    assert load_response(old, survey)[0].id == session.response.id
    assert [p.read_bytes() for p in (workspace.folder.root / "history").glob("*.toml")] == [old_bytes]


def test_a_stale_revision_becomes_the_next_one(workspace: Workspace) -> None:
    """A draft of revision 2 submitted after revision 2 was already submitted becomes revision 3."""
    workspace.folder.root.mkdir()
    path = write_response(workspace.folder.root, "KR.toml", minimal_answers("KR"))
    one = FillSession.resume(workspace, path)
    one.set_answer("proposals", "a")
    one.submit()
    two = FillSession.resume(workspace, path)
    two.set_answer("proposals", "b")
    assert two.response.revision == 3
    two.submit()
    assert len(list((workspace.folder.root / "history").glob("*.toml"))) == 2


def test_set_aside_comments_are_kept_in_the_draft_and_not_submitted(
    workspace: Workspace, survey: Questionnaire
) -> None:
    session = FillSession.new(workspace, "en")
    complete(session)
    session.toggle_option("current_focus", "rec1", True)
    session.set_option_comment("current_focus", "rec1", "- one\n- two")
    session.toggle_option("current_focus", "not_applicable", True)
    session.save_draft()
    draft = tomllib.loads(drafts(workspace)[0].read_text("utf-8"))
    assert draft["draft"]["set_aside"] == {"current_focus": {"rec1": "- one\n- two"}}
    assert draft["answers"]["current_focus"] == {"selected": ["not_applicable"]}
    resumed = FillSession.resume(workspace, drafts(workspace)[0])
    resumed.toggle_option("current_focus", "rec1", True)
    assert resumed.answer("current_focus").comments == {"rec1": "- one\n- two"}  # type: ignore[union-attr]
    resumed.toggle_option("current_focus", "not_applicable", True)
    path = resumed.submit()
    submitted = tomllib.loads(path.read_text("utf-8"))
    assert "draft" not in submitted and "- one" not in path.read_text("utf-8")


def test_a_second_window_is_told_the_response_is_open(workspace: Workspace) -> None:
    """Office trial #23: two windows on one draft overwrote each other silently."""
    session = FillSession.new(workspace, "en")
    session.set_answer("office", "NZ")
    session.save_draft()
    other = FillSession.resume(workspace, drafts(workspace)[0])
    with pytest.raises(ResponseInUse):
        other.claim()
    session.close()
    other.claim()
    other.close()


def test_for_office_prefers_the_draft_with_answers(workspace: Workspace) -> None:
    """Office trial #11: an empty accidental draft was preferred over the real one."""
    real = FillSession.new(workspace, "en")
    complete(real, "DE")
    real.set_answer("proposals", "five answers")
    real.save_draft()
    real.close()
    opened = FillSession.for_office(workspace, "de", "en")
    assert opened.answer("proposals") == "five answers"


def test_a_renamed_draft_resumes_the_newer_saves(workspace: Workspace) -> None:
    """Monkey seed 4: a draft named drafts/GB.toml (not <id>.toml) was saved to <id>.toml, then
    reopened from GB.toml, so the later answers looked lost and the next save overwrote them."""
    from tests.unit.builders import HEADER

    drafts_folder = workspace.folder.root / "drafts"
    drafts_folder.mkdir(parents=True)
    renamed = write_response(drafts_folder, "GB.toml", {"office": "GB"}, status="draft")
    first = FillSession.resume(workspace, renamed)
    first.set_answer("proposals", "typed after the first resume")
    first.save_draft()
    first.close()
    assert (drafts_folder / f"{HEADER['id']}.toml").is_file()
    again = FillSession.resume(workspace, renamed)
    assert again.answer("proposals") == "typed after the first resume"
