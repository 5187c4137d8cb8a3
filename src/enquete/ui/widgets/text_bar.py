"""Shares drawn as text bars, so they read without colour (NO_COLOR) and in any terminal."""

BAR_WIDTH = 20


def bar(count: int, total: int, width: int = BAR_WIDTH) -> str:
    """Filled cells for `count` of `total`, empty cells for the rest: `████░░░░`."""
    filled = round(width * count / total) if total else 0
    return "█" * filled + "░" * (width - filled)
