"""Saving the draft: debounced and ordered, retried when it fails; leaving after the last save.

One timer waits for a short pause in the typing, one exclusive worker writes
(the session writes whatever is newest, and nothing once submitted), and a
failed save is retried by one timer. Leaving a question, quitting and
submitting save at once; the screen is left only once that save is done, or
once the person has agreed to leave without it.
"""

from __future__ import annotations

import contextlib

from textual import on, work
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from enquete.errors import StorageError
from enquete.ui.content import tr
from enquete.ui.screens.fill.typed_keys import TypedKeys
from enquete.ui.storage_text import storage_error_text

SAVE_AFTER_SECONDS = 0.4
"""The pause in typing after which the draft is written."""
RETRY_SECONDS = 5.0


class Autosaving(TypedKeys):
    """The fill screen's saving and leaving: nothing typed is lost on the way out."""

    class DraftSaved(Message):
        """A save finished (`wrote` is False when nothing needed writing)."""

        def __init__(self, wrote: bool, closing: bool) -> None:
            super().__init__()
            self.wrote, self.closing = wrote, closing

    class SaveFailed(Message):
        """A save failed; the answers are still in memory."""

        def __init__(self, reason: str, closing: bool) -> None:
            super().__init__()
            self.reason, self.closing = reason, closing

    def _save_status_text(self) -> Content:
        reason = self._unsaved_reason()
        return Content(tr("fill.save_failed", self.language, reason=reason) if reason else "")

    def _unsaved_reason(self) -> str | None:
        """Why the last save failed, in the person's language; None when it did not."""
        error = self.session.last_save_error
        return storage_error_text(error, self.language) if error is not None else None

    # --- saving ---------------------------------------------------------------

    def schedule_save(self) -> None:
        """Save after a short pause in typing: one timer, pushed back by each change."""
        if not self.session.needs_saving:
            return
        if self._save_timer is None:
            self._save_timer = self.set_timer(SAVE_AFTER_SECONDS, self._save_timer_fired)
        else:
            self._save_timer.reset()

    def _save_timer_fired(self) -> None:
        self._save_timer = None
        self.save_now()

    def save_now(self, *, closing: bool = False) -> None:
        """Save at once (leaving a question, quitting); `closing` also lets other windows open it."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if closing or self.session.needs_saving:
            self._write_draft(closing)

    @work(thread=True, exclusive=True, group="autosave", exit_on_error=False, description="saving the draft")
    def _write_draft(self, closing: bool) -> None:
        """Write the draft off the UI thread; the session orders concurrent saves."""
        try:
            wrote = self.session.save_draft()
        except StorageError as error:
            self.post_message(self.SaveFailed(str(error), closing))
            return
        if closing:
            self.session.close()
        self.post_message(self.DraftSaved(wrote, closing))

    @on(DraftSaved)
    def draft_saved(self, event: DraftSaved) -> None:
        if self._retry_timer is not None and not self.session.last_save_error:
            self._retry_timer.stop()
            self._retry_timer = None
        self._show_save_status()
        if event.closing:
            if self.session.needs_saving:
                # Keys typed while that save ran: save them too before leaving.
                self._write_draft(True)
            else:
                self._left()

    @on(SaveFailed)
    def save_failed(self, event: SaveFailed) -> None:
        self._show_save_status()
        if event.closing:
            if self._quit_even_if_unsaved:
                self.session.close()
                self._left()
            else:
                self._ask_to_leave_unsaved()
            return
        if self._retry_timer is None:
            self._retry_timer = self.set_timer(RETRY_SECONDS, self._retry)

    def _retry(self) -> None:
        self._retry_timer = None
        self.save_now()

    def _show_save_status(self) -> None:
        for status in self.query("#save-status").results(Static):
            status.update(self._save_status_text())

    # --- leaving ------------------------------------------------------------------

    async def action_leave(self) -> None:
        """Back to the home screen, the draft saved first (with what was typed just before Escape)."""
        await self.take_typed_answer()

        def back_home() -> None:
            self.dismiss()

        self._after_closing = back_home
        self.save_now(closing=True)

    def ask_to_quit(self) -> None:
        """Quit after a confirmation that never claims the answers are saved when they are not."""
        from enquete.ui.dialogs.confirm import confirm_quit

        unsaved = self._unsaved_reason()

        def decided(leave: bool | None) -> None:
            if leave:
                self._after_closing = self.app.exit
                self._quit_even_if_unsaved = bool(unsaved)
                self.save_now(closing=True)

        nothing_yet = not self.session.on_disk and not self.session.needs_saving
        self.app.push_screen(confirm_quit(self.language, unsaved, nothing_yet=nothing_yet), decided)

    def _ask_to_leave_unsaved(self) -> None:
        from enquete.ui.dialogs.confirm import confirm_quit

        def decided(leave: bool | None) -> None:
            if leave:
                self._quit_even_if_unsaved = True
                self.session.close()
                self._left()
            else:
                self._after_closing = None

        self.app.push_screen(confirm_quit(self.language, self._unsaved_reason()), decided)

    async def save_before_ending(self) -> None:
        """The terminal is gone: what was typed is taken and written now, on this thread.

        No worker and no timer: the process ends right after, and nobody is left to
        see a failure (the draft written last stays on disk).
        """
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        await self.take_typed_answer()
        with contextlib.suppress(StorageError):
            self.session.save_draft()

    def on_unmount(self) -> None:
        """However the screen goes (the app exiting included), other windows may open the response."""
        self.session.close()

    def _left(self) -> None:
        then, self._after_closing = self._after_closing, None
        if then is not None:
            then()
