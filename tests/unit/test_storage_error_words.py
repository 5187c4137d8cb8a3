"""A full disk, a read-only folder or a folder locked by another enquete, said in the person's language.

The bug: screens translated the sentence around a storage error but showed
the error itself in English ("NON ENREGISTRÉ : cannot save
responses/drafts/….toml: the disk is full"). Each failure here is provoked
for real in the storage layer, then worded as a screen words it.
"""

from __future__ import annotations

import errno
import os
import threading
import typing
from collections.abc import Iterator
from pathlib import Path

import pytest

from enquete.errors import StorageError, StorageKind
from enquete.i18n.catalog import LANGUAGES, messages
from enquete.model.questionnaire import Questionnaire
from enquete.session import FillSession, Workspace
from enquete.storage import atomic
from enquete.storage import lock as lock_module
from enquete.storage.lock import folder_lock
from enquete.storage.responses import ResponseFolder
from enquete.ui.storage_text import storage_error_text

COMMENT = "Our “IT steering group” agreed:\n- [b]phase 2[/b] of 3\n- see https://www.wipo.int/cws/en/task_force&x=1\n- 中文注释"


@pytest.fixture
def session(survey: Questionnaire, tmp_path: Path) -> Iterator[FillSession]:
    """A response being filled in, with a real-shaped comment, in a folder under a non-ASCII name."""
    opened = FillSession.new(
        Workspace(survey, ResponseFolder(tmp_path / "Enquêtes OMPI" / "responses")), "en"
    )
    opened.set_answer("office", "FR")
    opened.set_answer("proposals", COMMENT)
    yield opened
    opened.close()


def refusal(session: FillSession) -> StorageError:
    with pytest.raises(StorageError) as refused:
        session.save_draft()
    assert session.last_save_error is refused.value
    return refused.value


DISK_FULL = {
    "en": "cannot save {path}: the disk is full",
    "fr": "impossible d'enregistrer {path}\u00a0: le disque est plein",
    "es": "no se puede guardar {path}: el disco está lleno",
    "zh": "无法保存 {path}：磁盘已满",
    "ru": "не удается сохранить {path}: диск заполнен",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_full_disk_is_said_whole_in_the_language(
    session: FillSession, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("enquete.storage.atomic.os.replace", disk_full)
    error = refusal(session)
    path = session.folder.draft_path(session.response.id)
    assert str(error) == f"cannot save {path}: the disk is full", "the log and the command line keep English"
    assert storage_error_text(error, language) == DISK_FULL[language].format(path=path)


@pytest.mark.parametrize("language", ["fr", "es", "zh", "ru"])
def test_a_read_only_disk_is_translated(
    session: FillSession, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    def read_only(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr("enquete.storage.atomic.tempfile.mkstemp", read_only)
    words = storage_error_text(refusal(session), language)
    drafts = session.folder.root / "drafts"
    sentence = messages(language)["storage.cannot_write_in"]
    reason = messages(language)["storage.os.EROFS"]
    assert words == sentence.format(folder=drafts, reason=reason)


@pytest.mark.parametrize("language", ["fr", "es", "zh", "ru"])
def test_a_file_where_the_drafts_folder_should_be_is_translated(session: FillSession, language: str) -> None:
    drafts = session.folder.root / "drafts"
    drafts.parent.mkdir(parents=True)
    drafts.write_text("a file where the drafts folder should be", "utf-8")
    words = storage_error_text(refusal(session), language)
    assert words == messages(language)["storage.not_a_folder"].format(folder=drafts)


def test_the_system_s_own_words_stay_as_the_system_gives_them(
    session: FillSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the refusals enquete names are translated; a French Windows already words the rest in French."""

    def too_long(*_args: object) -> None:
        raise OSError(errno.ENAMETOOLONG, "Nom de fichier trop long")

    monkeypatch.setattr("enquete.storage.atomic.os.replace", too_long)
    path = session.folder.draft_path(session.response.id)
    assert (
        storage_error_text(refusal(session), "ru") == f"не удается сохранить {path}: Nom de fichier trop long"
    )


def test_a_folder_held_by_another_enquete_names_the_holder_in_the_language(
    session: FillSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A merge holds the folder; the draft's save waits, then says who holds it, in Spanish."""
    root = session.folder.root
    held, done = threading.Event(), threading.Event()

    def merge_running() -> None:
        with folder_lock(root):
            (root / ".enquete.lock.info").write_text(
                "pid=4242\nhost=secretariat-pc\ncommand=enquete merge\nsince=2026-12-01T09:30:00+01:00\n",
                "utf-8",
            )
            held.set()
            done.wait(30)

    other = threading.Thread(target=merge_running)
    other.start()
    try:
        assert held.wait(30)
        monkeypatch.setattr(lock_module, "WAIT_SECONDS", 0.2)
        words = storage_error_text(refusal(session), "es")
    finally:
        done.set()
        other.join(30)
    assert words == (
        f"otro enquete está escribiendo en {root} (enquete merge, proceso 4242 en secretariat-pc, "
        "desde 2026-12-01T09:30:00+01:00); espere a que termine y vuelva a intentarlo"
    )


def test_a_response_open_in_another_window_is_translated(survey: Questionnaire, tmp_path: Path) -> None:
    workspace = Workspace(survey, ResponseFolder(tmp_path / "responses"))
    first = FillSession.new(workspace, "zh")
    first.set_answer("office", "CN")
    first.save_draft()
    second = FillSession.resume(workspace, workspace.folder.draft_files()[0])
    second.set_answer("proposals", COMMENT)
    try:
        assert storage_error_text(refusal(second), "zh") == "此答卷已在另一个 enquete 窗口中打开"
    finally:
        first.close()
        second.close()


def test_a_bare_system_error_names_its_file_in_the_language(tmp_path: Path) -> None:
    error = PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(tmp_path / "AU.toml"))
    assert storage_error_text(error, "fr") == f"impossible de lire {tmp_path / 'AU.toml'}\u00a0: accès refusé"
    assert storage_error_text(ValueError("a bug"), "fr") == "a bug", "anything else keeps its own words"


def test_every_kind_and_every_named_refusal_has_its_sentence() -> None:
    english = messages("en")
    kinds = [kind for kind in typing.get_args(StorageKind) if kind]
    assert [kind for kind in kinds if f"storage.{kind}" not in english] == []
    names = [errno.errorcode[code] for code in atomic._REASONS]
    assert [name for name in names if f"storage.os.{name}" not in english] == []
