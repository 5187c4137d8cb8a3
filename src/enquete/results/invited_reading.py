"""The invited list read for the results screen: who has answered, who is missing, their names.

Reading `invited.csv` is file I/O: the results screen does it in its worker,
beside the aggregation, and shows the line in its header. A list that cannot
be read is said, not raised: the results still show.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from enquete.invited import InvitedList, InvitedListError, find_invited, load_invited


@dataclass(frozen=True)
class InvitedReading:
    """Who of the invited list answered, for the header's line, and the list's names."""

    invited: InvitedList | None
    keys: tuple[str, ...] = ()
    error: str | None = None
    """Why the list could not be read (said in the header instead)."""

    @property
    def names(self) -> dict[str, str]:
        return self.invited.names() if self.invited is not None else {}

    def line(self, language: str) -> str:
        """ "19 of 21 invited have answered; missing: ..." in the screen's language (F2 follows)."""
        if self.invited is None:
            return self.error or ""
        return self.invited.summary(self.keys, language)


def read_invited(responses: Path, explicit: Path | None, keys: Iterable[str]) -> InvitedReading | None:
    """The invited list beside `responses` (or `explicit`) against `keys`; None when there is none."""
    path = find_invited(responses, explicit)
    if path is None:
        return None
    try:
        invited = load_invited(path)
    except InvitedListError as error:
        return InvitedReading(None, error=str(error))
    return InvitedReading(invited, tuple(keys))
