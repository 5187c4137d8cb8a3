"""Which comments a filter keeps: exact codes and option tags, whole words in the text.

A substring filter made "us" match Australia and "business", and "Rec. 1"
match "Rec. 10". Here a query that is a respondent's code keeps exactly that
respondent; one that is an option's tag ("Rec. 1") or id keeps exactly that
option; anything else keeps comments whose text, office name or option label
has every query word at the start of a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from enquete.results.aggregate import Comment


def filter_comments(
    comments: Iterable[Comment],
    query: str,
    names: Mapping[str, str],
    option_tags: Mapping[str, str],
    option_labels: Mapping[str, str] | None = None,
    *,
    codes: bool = True,
) -> list[Comment]:
    """The comments `query` keeps.

    Args:
        comments: the comments of one question, in order.
        query: what the person typed; blank keeps everything.
        names: respondent key -> display name (searched word by word).
        option_tags: option id -> tag ("rec1" -> "Rec. 1"), matched exactly.
        option_labels: option id -> label, searched word by word like the text.
        codes: whether a respondent's code picks its comments; False in an anonymous
            survey, where codes are response ids that are never shown.

    Returns:
        The kept comments, in their order.
    """
    wanted = " ".join(query.split()).casefold()
    comments = list(comments)
    if not wanted:
        return comments
    known = {c.respondent.casefold() for c in comments} if codes else set()
    if wanted in known:
        return [c for c in comments if c.respondent.casefold() == wanted]
    options = {option for option, tag in option_tags.items() if wanted in (option.casefold(), tag.casefold())}
    if options:
        return [c for c in comments if c.option in options]
    words = [re.compile(r"(?<!\w)" + re.escape(word)) for word in wanted.split()]
    kept = []
    for comment in comments:
        label = (option_labels or {}).get(comment.option or "", "")
        haystack = f"{comment.text} {names.get(comment.respondent, '')} {label}".casefold()
        if all(word.search(haystack) for word in words):
            kept.append(comment)
    return kept
