"""Letting the keys typed before an action act first, where a burst of typing would overtake them.

A terminal delivers fast typing in one read, and Textual queues each key to
the widget focused when it arrives: an action that moves the focus or the
question (Ctrl+N, Tab) can run while keys typed before it still wait in a
queue. Before such an action, each widget from the focused one up to the one
acting handles what it was sent so far, round after round (a key may move the
focus and pass the keys behind it on), until nothing is in flight. Bounded
in time: an action is never held up for long, and never hangs.
"""

from __future__ import annotations

import asyncio
import contextlib

from textual.message_pump import MessagePump
from textual.widget import Widget

MAX_ROUNDS = 10
"""Rounds of letting messages land; keys take two or three (key, change, answer)."""
LAND_WITHIN_SECONDS = 1.0
"""The longest an action waits for keys to land before going on anyway (it never takes this long
unless a widget is stuck)."""


async def handled_so_far(pump: MessagePump) -> None:
    """Return once `pump` has handled every message it was sent before this call."""
    handled = asyncio.Event()
    if pump.call_later(handled.set):  # False when closing: nothing more will be handled
        await handled.wait()


async def let_typed_keys_land(container: Widget) -> None:
    """Let every key typed so far act, from the focused widget up to `container` (a widget or a screen)."""
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(LAND_WITHIN_SECONDS):
            for _ in range(MAX_ROUNDS):
                focused = container.screen.focused
                chain: list[MessagePump] = []
                if focused is not None and focused is not container and container in focused.ancestors:
                    chain = [focused, *focused.ancestors[: focused.ancestors.index(container)]]
                chain.append(container)
                for pump in chain:  # the focused widget first: what it handles bubbles to the next
                    await handled_so_far(pump)
                if not any(pump.message_queue_size for pump in chain):
                    return
