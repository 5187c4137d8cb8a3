"""Submitting: pending saves stopped, the submitted file written by a worker, then home."""

from __future__ import annotations

from textual import on, work
from textual.message import Message
from textual.worker import Worker, WorkerState

from enquete.errors import StorageError, SubmitCollision
from enquete.storage.responses import OtherResponse
from enquete.ui.content import tr
from enquete.ui.screens.fill.autosave import Autosaving
from enquete.ui.storage_text import storage_error_text


class Submitting(Autosaving):
    """The fill screen's submitting, and what a worker that died of the unexpected means."""

    class Submitted(Message):
        """The response was written to `responses/<KEY>.toml`."""

        def __init__(self, path: str, revision: int) -> None:
            super().__init__()
            self.path, self.revision = path, revision

    class SubmitRefused(Message):
        """Submitting failed, or needs the person's choice (`collision`)."""

        def __init__(self, reason: str, collision: SubmitCollision | None) -> None:
            super().__init__()
            self.reason, self.collision = reason, collision

    @on(Worker.StateChanged)
    def worker_failed(self, event: Worker.StateChanged) -> None:
        """A worker that died of something unexpected is a failed save or submit, not a traceback."""
        if event.state is WorkerState.ERROR:
            error = event.worker.error
            reason = storage_error_text(error, self.language) if error is not None else ""
            if event.worker.group == "submit":
                self.post_message(self.SubmitRefused(reason, None))
            else:
                self.post_message(self.SaveFailed(reason, closing=False))

    def submit(self, other: OtherResponse | None = None) -> None:
        """Stop pending saves, then write the submitted file from a worker."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self._retry_timer is not None:
            self._retry_timer.stop()
            self._retry_timer = None
        self._write_submitted(other)

    @work(thread=True, exclusive=True, group="submit", exit_on_error=False, description="submitting")
    def _write_submitted(self, other: OtherResponse | None) -> None:
        try:
            path = self.session.submit(other)
        except SubmitCollision as collision:
            self.post_message(self.SubmitRefused(str(collision), collision))
            return
        except StorageError as error:
            self.post_message(self.SubmitRefused(storage_error_text(error, self.language), None))
            return
        self.session.close()
        self.post_message(self.Submitted(str(path), self.session.response.revision))

    @on(SubmitRefused)
    def submit_refused(self, event: SubmitRefused) -> None:
        if event.collision is None:
            self.notify(tr("review.submit_failed", self.language, reason=event.reason), severity="error")
            return
        from enquete.ui.dialogs.other_response import OtherResponseDialog

        def chosen(choice: OtherResponse | None) -> None:
            if choice is not None:
                self.submit(choice)

        self.app.push_screen(OtherResponseDialog(event.collision, self.language), chosen)

    @on(Submitted)
    def submitted(self, event: Submitted) -> None:
        from pathlib import Path

        from enquete.ui.dialogs.submitted import SubmittedDialog

        dialog = SubmittedDialog(Path(event.path), event.revision, self.language, self.session.questionnaire)

        def back_home(_: None) -> None:
            self.dismiss()

        # Bug: "... press Ctrl+S again to finalize" stayed on screen behind "Saved — ready to send".
        self.app.clear_notifications()
        self.app.push_screen(dialog, back_home)
