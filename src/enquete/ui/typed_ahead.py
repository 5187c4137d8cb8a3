"""Keys typed while `enquete fill` starts: kept, then given to the first question as if typed there.

The fill screen opens once the questionnaire is validated and the response
read, about a second after the command. Keys typed meanwhile are kept here
before any screen sees them (the home screen underneath would act on some:
Enter on its list, `d` for discard) and handed to the fill screen when it
opens, in order and ahead of anything typed since (README: keys typed while
`enquete fill` is still starting go to the first question).

Keys typed before the app has the terminal, while Python starts, went
through the terminal's ordinary line discipline, which turns Return into a
newline (`ICRNL`): they arrive as Ctrl+J, which nothing binds. Kept keys are
given back as they were typed, Ctrl+J as Enter (trial 2026-12: `JP⏎123^N`
typed as `enquete fill` started chose no office, the digits went into the
code search, and Ctrl+N moved on with nothing answered).
"""

from __future__ import annotations

from textual import events

MOST_KEPT = 200
"""Keys kept while `enquete fill` loads (a paste is one event): past that, a stuck key, not typing."""

TypedEvent = events.Key | events.Paste


def as_typed(event: TypedEvent) -> TypedEvent:
    """The key the person pressed: a newline read before the app had the terminal was Return."""
    if isinstance(event, events.Key) and event.key == "ctrl+j":
        return events.Key("enter", "\r")
    return event


class TypedAhead:
    """The keys typed before the fill screen opens, kept in order until it takes them."""

    def __init__(self, keeping: bool) -> None:
        """`keeping`: True for `enquete fill`, which opens a question the keys are meant for."""
        self._kept: list[TypedEvent] | None = [] if keeping else None

    def keep(self, event: TypedEvent, *, quits: bool = False) -> bool:
        """Keep `event` for the fill screen, or say False to let the app handle it now.

        `quits`: the key quits the app (Ctrl+Q). Before anything is kept it quits at
        once, as there is nothing to lose; after typed keys it is kept behind them,
        so that the fill screen takes their answer before it asks and saves.
        """
        kept = self._kept
        if kept is None or len(kept) >= MOST_KEPT or (quits and not kept):
            return False
        kept.append(as_typed(event))
        return True

    def take(self) -> list[TypedEvent]:
        """The kept keys, in the order typed; from now on keys go where the app sends them."""
        kept, self._kept = self._kept or [], None
        return kept

    def drop(self) -> None:
        """Keep nothing more: no question is opening (the person chooses on the home screen)."""
        self._kept = None
