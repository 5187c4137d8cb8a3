"""What a person needs to decide a merge conflict: who, when, and which answers differ.

Pure logic: `describe` and `differences` return lines of text for the merge
command to print under a conflicting row.
"""

from __future__ import annotations

from datetime import datetime

from enquete.model.answers import Answer, MultiAnswer
from enquete.model.questionnaire import Questionnaire
from enquete.model.response import UNKNOWN_TIME, Response
from enquete.text import one_line

MAX_QUESTIONS_SHOWN = 6


def local_time(moment: datetime) -> str:
    """`2025-05-03 12:12` in the merging computer's time zone (what the person reads)."""
    if moment == UNKNOWN_TIME:
        return "at an unknown time"
    return moment.astimezone().strftime("%Y-%m-%d %H:%M (local time)")


def describe(response: Response, questionnaire: Questionnaire) -> str:
    """`AU, id 7365439c…, revision 2, saved 2025-05-03 12:12 (local time), language fr`."""
    key = response.key(questionnaire) or "?"
    return (
        f"{key}, id {one_line(response.id, 40)}, revision {response.revision}, "
        f"saved {local_time(response.saved)}, language {one_line(response.language, 10)}"
    )


def _short(answer: Answer | None) -> str:
    if answer is None:
        return "(no answer)"
    if isinstance(answer, str):
        return f'"{one_line(answer, 24)}"'
    if isinstance(answer, MultiAnswer):
        return "[" + ", ".join(answer.selected) + "]"
    if isinstance(answer, dict):
        return "{" + ", ".join(f"{k}={v}" for k, v in answer.items()) + "}"
    return one_line(str(answer), 24)


def _question_difference(qid: str, old: Answer | None, new: Answer | None) -> str:
    if isinstance(old, dict) and isinstance(new, dict):
        rows = [r for r in dict.fromkeys([*old, *new]) if old.get(r) != new.get(r)]
        shown = ", ".join(f"{r}: {old.get(r, '-')} → {new.get(r, '-')}" for r in rows[:3])
        more = f", {len(rows) - 3} more rows" if len(rows) > 3 else ""
        return f"{qid} ({shown}{more})"
    if isinstance(old, MultiAnswer) and isinstance(new, MultiAnswer) and old.selected == new.selected:
        return f"{qid} (the same choices; comments differ)"
    return f"{qid} ({_short(old)} → {_short(new)})"


def differences(there: Response, incoming: Response, questionnaire: Questionnaire) -> list[str]:
    """One entry per question whose answer differs, in questionnaire order."""
    found = []
    for qid in questionnaire.ids:
        old, new = there.answers.get(qid), incoming.answers.get(qid)
        if old != new:
            found.append(_question_difference(qid, old, new))
    return found


def conflict_details(there: Response, incoming: Response, questionnaire: Questionnaire) -> tuple[str, ...]:
    """The lines printed under a conflict: both sides, then the answers that differ."""
    lines = [f"there:    {describe(there, questionnaire)}", f"incoming: {describe(incoming, questionnaire)}"]
    changed = differences(there, incoming, questionnaire)
    if not changed:
        lines.append("answers:  the same")
    else:
        shown = changed[:MAX_QUESTIONS_SHOWN]
        more = f"; and {len(changed) - len(shown)} more" if len(changed) > len(shown) else ""
        lines.append(f"differs:  {'; '.join(shown)}{more}")
    return tuple(lines)
