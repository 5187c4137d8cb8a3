"""Issue 10: history never overwritten, any valid id usable everywhere, subfolders not followed, drafts bounded."""

from __future__ import annotations

import os
import time
from dataclasses import replace
from pathlib import Path

import pytest

from enquete.errors import StorageError
from enquete.merge import Outcome, merge
from enquete.model.questionnaire import Questionnaire
from enquete.model.response import Response
from enquete.storage.responses import MAX_DRAFTS_LISTED, ResponseFolder, id_stem, load_valid_response
from tests.unit.builders import minimal_answers
from tests.unit.inbox_kit import response_bytes

ODD_IDS = [
    "office.au:2025",
    "urn:uuid:8d6f0b8e-6a43-4d0e-9a55-1f1b2b7d3c11",
    "x" * 65 + ".long",
    "CON",
    "a.b",
]


def test_replace_never_overwrites_a_history_file(survey: Questionnaire, tmp_path: Path) -> None:
    """--replace reused one history name per id and revision: a second replacement overwrote the first copy."""
    into, inbox = tmp_path / "responses", tmp_path / "inbox"
    inbox.mkdir()
    versions = [b"first", b"second", b"third"]
    for text in versions:
        (inbox / "AU.toml").write_bytes(response_bytes("AU", "au-1", proposals=text.decode()))
        merge([inbox], into, survey, replace=True)
    kept = sorted(
        str(load_valid_response(p, survey).answers["proposals"]) for p in (into / "history").iterdir()
    )
    assert kept == ["first", "second"], "both replaced files are kept, under names of their own"
    assert load_valid_response(into / "AU.toml", survey).answers["proposals"] == "third"


@pytest.mark.parametrize("response_id", ODD_IDS)
def test_ids_with_dots_colons_or_over_64_characters_work_everywhere(
    survey: Questionnaire, tmp_path: Path, response_id: str
) -> None:
    """Such ids (valid in the format) fell back to a shared 'unreadable.<pid>' history name, and broke drafts."""
    into, inbox = tmp_path / "responses", tmp_path / "inbox"
    folder = ResponseFolder(into)
    draft = replace(Response.new(survey), id=response_id, answers=minimal_answers("AU"))
    path = folder.save_draft(draft)
    assert path.parent == into / "drafts" and [r.id for _, r in folder.drafts(survey)] == [response_id]
    inbox.mkdir()
    for revision in (1, 2):
        (inbox / f"r{revision}.toml").write_bytes(response_bytes("AU", response_id, revision=revision))
        merge([inbox / f"r{revision}.toml"], into, survey)
    [kept] = (into / "history").iterdir()
    assert kept.name.startswith(f"AU.{id_stem(response_id)}.r1.") and "unreadable" not in kept.name
    assert load_valid_response(kept, survey).id == response_id


def test_id_stems_are_file_names_and_distinct() -> None:
    stems = {id_stem(i) for i in [*ODD_IDS, "a_b", "a-b", "a:b"]}
    assert len(stems) == len(ODD_IDS) + 3
    assert all(len(s) <= 64 and s[0].isalnum() and s.lower() != "con" for s in stems)
    assert id_stem("8d6f0b8e-6a43-4d0e-9a55-1f1b2b7d3c11") == "8d6f0b8e-6a43-4d0e-9a55-1f1b2b7d3c11"


def test_submit_keeps_the_file_it_replaces_in_history(survey: Questionnaire, tmp_path: Path) -> None:
    """A second submit overwrote the first without a copy."""
    folder = ResponseFolder(tmp_path / "responses")
    response = replace(Response.new(survey), answers=minimal_answers("AU", proposals="one"))
    folder.submit(response, survey)
    folder.submit(replace(response, revision=2, answers=minimal_answers("AU", proposals="two")), survey)
    [kept] = (tmp_path / "responses" / "history").iterdir()
    assert load_valid_response(kept, survey).answers["proposals"] == "one"


@pytest.mark.parametrize("sub", ["history", "drafts"])
def test_history_and_drafts_that_are_symbolic_links_are_not_followed(
    survey: Questionnaire, tmp_path: Path, sub: str
) -> None:
    """history/ and drafts/ that were symlinks were followed: files landed outside the folder."""
    into, elsewhere = tmp_path / "responses", tmp_path / "elsewhere"
    into.mkdir()
    elsewhere.mkdir()
    (into / sub).symlink_to(elsewhere, target_is_directory=True)
    folder = ResponseFolder(into)
    (into / "AU.toml").write_bytes(response_bytes("AU", "au-1"))
    if sub == "drafts":
        with pytest.raises(StorageError, match="symbolic link"):
            folder.save_draft(replace(Response.new(survey), answers=minimal_answers("AU")))
        (elsewhere / "x.toml").write_bytes(response_bytes("AU", "au-9", status="draft"))
        assert folder.drafts(survey) == [], "drafts are not listed through the link"
    else:
        (tmp_path / "r2.toml").write_bytes(response_bytes("AU", "au-1", revision=2))
        [step] = merge([tmp_path / "r2.toml"], into, survey)
        assert step.outcome is Outcome.REJECTED and "symbolic link" in step.reason
        assert load_valid_response(into / "AU.toml", survey).revision == 1
    assert list(elsewhere.iterdir()) in ([], [elsewhere / "x.toml"])


def test_100000_drafts_are_listed_bounded_newest_first(survey: Questionnaire, tmp_path: Path) -> None:
    """100,000 drafts: the home screen never appeared (every draft was parsed)."""
    drafts = tmp_path / "responses" / "drafts"
    drafts.mkdir(parents=True)
    sources = [drafts / "0.toml", drafts / "1.toml"]
    for source in sources:
        source.write_bytes(b"[response]\n")
    for index in range(2, 100_000):
        os.link(sources[index % 2], drafts / f"{index}.toml")  # quicker to make than 100,000 files
    newest = drafts / "newest.toml"
    newest.write_bytes(response_bytes("AU", "newest", status="draft"))
    os.utime(newest, (time.time() + 60, time.time() + 60))
    folder = ResponseFolder(tmp_path / "responses")
    files = folder.draft_files()
    assert len(files) == MAX_DRAFTS_LISTED and files[0] == newest
    assert folder.draft_file_count() == 100_001
    assert [r.id for _, r in folder.drafts(survey)] == ["newest"]
