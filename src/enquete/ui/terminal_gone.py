"""When the terminal closes (SIGHUP) or the system stops (SIGTERM): the words typed are saved first.

By default either signal ends the process where it stands, and up to the
save debounce of typing was never written (trial 2026-12 #3). Caught on the
event loop instead, the fill screen lets typed keys land and writes the
draft, then the app ends. After SIGHUP the process ends at once: Textual's
shutdown writes to the terminal, and with the terminal gone its writer
thread never finished (processes stayed, orphaned, holding the response's
lock). After SIGTERM the app leaves through Textual, which restores the
terminal. Whatever happens, a timer ends the process after a grace period,
and a second signal ends it at once. POSIX only: Windows has neither signal.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
from typing import Any

from textual.app import App

GRACE_SECONDS = 5.0
"""After SIGHUP or SIGTERM, the longest saving and leaving may take before the process ends."""


class TerminalGone:
    """Saves and ends the app on SIGHUP or SIGTERM; installed while the app runs (not headless)."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self._ending: threading.Timer | None = None

    def _signals(self) -> list[int]:
        if self.app.is_headless or not hasattr(signal, "SIGHUP"):
            return []
        return [signal.SIGHUP, signal.SIGTERM]

    def install(self) -> None:
        loop = asyncio.get_running_loop()
        for number in self._signals():
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(number, self._signalled, number)

    def remove(self) -> None:
        loop = asyncio.get_running_loop()
        for number in self._signals():
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.remove_signal_handler(number)

    def _signalled(self, number: int) -> None:
        if self._ending is not None:
            os._exit(128 + number)
        self._ending = threading.Timer(GRACE_SECONDS, os._exit, (128 + number,))
        self._ending.daemon = True
        self._ending.start()
        self.app.run_worker(self._save_and_end(number), group="hang-up", description="hanging up")

    async def _save_and_end(self, number: int) -> None:
        """Take what was typed, write the draft, then end: nobody is left to ask."""
        from enquete.ui.screens.fill import FillScreen

        fill = next((s for s in reversed(self.app.screen_stack) if isinstance(s, FillScreen)), None)
        if fill is not None:
            await fill.save_before_ending()
        if number == signal.SIGHUP:
            os._exit(128 + number)  # the terminal is gone: no shutdown that writes to it
        self.app.exit(return_code=128 + number)
