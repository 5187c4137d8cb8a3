"""Shares drawn as text bars, so they read without colour (NO_COLOR) and in any terminal."""

BAR_WIDTH = 20


def bar(count: int, total: int, width: int = BAR_WIDTH) -> str:
    """Filled cells for `count` of `total`, empty cells for the rest: `████░░░░`.

    Rounded half up, except at the ends: a count above zero always shows a
    cell and a count short of the total never fills the bar, so "1 (5%)"
    never looks like nothing and "20 of 21" never looks like everyone (Python's
    round() goes to even: 1 of 20 on 10 cells drew an empty bar).
    """
    if not total or width < 2:
        filled = 0
    else:
        filled = int(width * count / total + 0.5)
        if count > 0:
            filled = max(filled, 1)
        if count < total:
            filled = min(filled, width - 1)
    return "█" * filled + "░" * (width - filled)
