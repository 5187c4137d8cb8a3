"""The invited list read for the results screen: who has answered, who is missing, their names.

Reading `invited.csv` is file I/O: the results screen does it in its worker,
beside the aggregation, and shows the line in its header. A list that cannot
be read is said, not raised: the results still show.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from enquete.invited import InvitedListError, find_invited, load_invited


@dataclass(frozen=True)
class InvitedReading:
    """The header's line ("19 of 21 invited have answered; missing: ...") and the list's names."""

    line: str
    names: dict[str, str] = field(default_factory=dict)


def read_invited(responses: Path, explicit: Path | None, keys: Iterable[str]) -> InvitedReading | None:
    """The invited list beside `responses` (or `explicit`) against `keys`; None when there is none."""
    path = find_invited(responses, explicit)
    if path is None:
        return None
    try:
        invited = load_invited(path)
    except InvitedListError as error:
        return InvitedReading(str(error))
    return InvitedReading(invited.summary(keys), invited.names())
