"""Text typed or pasted in a multi-select is never dropped, and keys act where they were typed.

The findings of a new user (an IP office's ICT lead) on the shipped survey:
Q4-Q6 have a comment box per ticked Recommendation, Q8 one box below the list.
Each test types as a person does (a key at a time) or as a terminal delivers
fast typing and `tmux send-keys` (a burst, in one read).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual import events

from enquete.ui.app import EnqueteApp
from enquete.ui.screens.fill import FillScreen
from enquete.ui.widgets.key_bar import key_groups
from enquete.ui.widgets.safe_text_area import SafeTextArea
from tests.ui.conftest import AppFactory, draft_answers, running, screen_text, settled
from tests.ui.small_app import small_app, wait_until

Q4, Q5, Q8 = 3, 4, 7
"""Indexes of the shipped survey's current focus, low priority and future topics questions."""


def keys_of(text: str) -> list[tuple[str, str]]:
    """(key, character) per character, as the terminal driver names them."""
    return [("space" if c == " " else c, c) for c in text]


async def send(pilot: Any, keys: list[str | tuple[str, str]], *, in_one_burst: bool) -> None:
    """The keys one at a time (Pilot waits after each), or all queued at once (one terminal read)."""
    app: EnqueteApp = pilot.app
    events_ = [
        events.Key(k[0], k[1]) if isinstance(k, tuple) else events.Key(k, k if len(k) == 1 else None)
        for k in keys
    ]
    for event in events_:
        app.post_message(event)
        if not in_one_burst:
            await pilot.pause()
    await settled(pilot)


async def on_question(pilot: Any, index: int) -> FillScreen:
    screen = pilot.app.screen
    assert isinstance(screen, FillScreen)
    await screen.show_question_now(index)
    await pilot.pause()
    return screen


def bar_words(app: EnqueteApp) -> list[str]:
    return [keys for keys, _ in key_groups(app.screen)]


BURSTS = pytest.mark.parametrize("in_one_burst", [False, True], ids=["key_by_key", "one_burst"])


@BURSTS
async def test_tab_on_q8_goes_into_the_comment_box_below_the_list(
    make_app: AppFactory, in_one_burst: bool
) -> None:
    """Bug (ICT lead, Q8): Tab moved the highlight to Rec. 4 instead of into the Comment box; the
    spaces then ticked Rec. 4 and the letters vanished: selected rec3 and rec4, no comment."""
    async with running(make_app(mode="fill"), size=(80, 24)) as pilot:
        await on_question(pilot, Q8)
        keys: list[str | tuple[str, str]] = [
            "down",
            "down",
            "space",
            "tab",
            *keys_of("FR future topics comment"),
        ]
        await send(pilot, keys, in_one_burst=in_one_burst)
        assert draft_answers()["future_topics"] == {
            "selected": ["rec3"],
            "comment": "FR future topics comment",
        }
        shown = screen_text(pilot.app)
        assert "[x] Rec. 3" in shown and "[ ] Rec. 4" in shown
        assert "FR future topics comment" in shown


@BURSTS
async def test_text_typed_on_a_ticked_option_goes_into_its_comment_box(
    make_app: AppFactory, in_one_burst: bool
) -> None:
    """Bug (ICT lead, Q4): Rec. 1 ticked, then "Legacy system migration" typed without Tab: nothing
    was saved and nothing said so; the spaces ticked and unticked Rec. 1. The first letter moves the
    cursor into the box and is kept there, and so are the keys behind it."""
    async with running(make_app(mode="fill"), size=(80, 24)) as pilot:
        await on_question(pilot, Q4)
        await send(pilot, ["space", *keys_of("Legacy system migration")], in_one_burst=in_one_burst)
        assert draft_answers()["current_focus"] == {
            "selected": ["rec1"],
            "comments": {"rec1": "Legacy system migration"},
        }
        assert isinstance(pilot.app.focused, SafeTextArea)
        assert "Legacy system migration" in screen_text(pilot.app)


async def test_keys_of_a_burst_act_on_the_option_reached_by_the_keys_before_them(
    make_app: AppFactory,
) -> None:
    """Keys act in order: in `Space Down Space a b`, "ab" is Rec. 2's comment, not Rec. 1's (the
    letters are handled as they come, so the arrow before them must have moved the highlight)."""
    async with running(make_app(mode="fill"), size=(80, 24)) as pilot:
        await on_question(pilot, Q4)
        await send(pilot, ["space", "down", "space", "a", "b"], in_one_burst=True)
        assert draft_answers()["current_focus"] == {"selected": ["rec1", "rec2"], "comments": {"rec2": "ab"}}


async def test_a_paste_on_a_ticked_option_goes_into_its_comment_box(make_app: AppFactory) -> None:
    """Bug (ICT lead, Q4): a bracketed paste while the highlight was on the ticked Rec. 1 was dropped."""
    async with running(make_app(mode="fill"), size=(80, 24)) as pilot:
        await on_question(pilot, Q4)
        await send(pilot, ["space"], in_one_burst=False)
        pilot.app.post_message(events.Paste("Line one\nLine two"))
        await settled(pilot)
        assert draft_answers()["current_focus"]["comments"] == {"rec1": "Line one\nLine two"}
        assert "Line two" in screen_text(pilot.app)


async def test_a_paste_on_an_unticked_option_ticks_it_and_fills_its_box(make_app: AppFactory) -> None:
    """The convention, for typing and pasting alike: text given for an option ticks it, as typing in
    a form's "Other" box does, so it is kept and sent; ticking it clears "Not Applicable" as Space does."""
    async with running(make_app(mode="fill"), size=(80, 24)) as pilot:
        await on_question(pilot, Q4)
        await send(pilot, ["end", "space", "home", "down"], in_one_burst=False)  # N/A ticked, on Rec. 2
        pilot.app.post_message(events.Paste("Cloud migration"))
        await settled(pilot)
        assert draft_answers()["current_focus"] == {
            "selected": ["rec2"],
            "comments": {"rec2": "Cloud migration"},
        }
        assert "[x] Rec. 2" in screen_text(pilot.app)


async def test_text_typed_back_on_an_option_comes_after_its_set_aside_comment(make_app: AppFactory) -> None:
    """Unticking sets a comment aside; typing on the option again ticks it and brings the comment
    back, the new text after it (none of the two is lost)."""
    async with running(make_app(mode="fill"), size=(80, 24)) as pilot:
        await on_question(pilot, Q4)
        await send(pilot, ["space", *keys_of("old"), "shift+tab", "space"], in_one_burst=False)
        assert "rec1" not in draft_answers().get("current_focus", {}).get("comments", {})
        await send(pilot, [*keys_of(" new")[1:]], in_one_burst=False)  # "new": a space would tick
        assert draft_answers()["current_focus"] == {"selected": ["rec1"], "comments": {"rec1": "oldnew"}}


async def test_text_where_no_box_can_take_it_is_announced_not_dropped_silently(make_app: AppFactory) -> None:
    """Bug (ICT lead): text typed on an option was thrown away silently. "Not Applicable" takes no
    comment and Q4 has no comment box of its own: the person is told, once for the burst."""
    async with running(make_app(mode="fill"), size=(80, 24), notifications=True) as pilot:
        await on_question(pilot, Q4)
        await send(pilot, ["end", *"abc"], in_one_burst=True)
        pilot.app.post_message(events.Paste("pasted"))
        await settled(pilot)
        await wait_until(pilot, lambda: "was not kept" in screen_text(pilot.app), "the notice")
        shown = " ".join(screen_text(pilot.app).split())
        assert shown.count("was not kept") == 1, "one notice for the burst and the paste"
        assert "Applicable” was not kept" in shown
        assert "[ ] Not Applicable" in shown, "letters tick nothing"
        assert not list(Path("responses").glob("drafts/*.toml")), "nothing to save: nothing was kept"


async def test_tab_from_a_comment_in_a_burst_leaves_the_keys_behind_it_to_the_next_option(
    make_app: AppFactory,
) -> None:
    """Bug (ICT lead, Q5): in Rec. 9's comment, "nine" then `Tab Space Tab` and "Ten text" in one
    burst gave rec9 = "nine Ten text" and Rec. 10 unticked: the keys after Tab were handed to the
    box before Tab moved the focus. At 80 ms a key it was right."""
    async with running(make_app(mode="fill"), size=(80, 24)) as pilot:
        await on_question(pilot, Q5)
        await send(pilot, [*["down"] * 8, "space", "tab", *"nine"], in_one_burst=False)
        await send(pilot, ["tab", "space", "tab", *keys_of("Ten text")], in_one_burst=True)
        assert draft_answers()["low_priority"] == {
            "selected": ["rec9", "rec10"],
            "comments": {"rec9": "nine", "rec10": "Ten text"},
        }


async def test_shift_tab_then_space_in_a_burst_ticks_the_option_not_the_box(make_app: AppFactory) -> None:
    """Keys after Shift+Tab act on the option it goes back to (they went to the box just left)."""
    async with running(make_app(mode="fill"), size=(80, 24)) as pilot:
        await on_question(pilot, Q4)
        await send(pilot, ["space", "tab", *"x"], in_one_burst=False)
        await send(pilot, ["shift+tab", "down", "space", "tab", "y"], in_one_burst=True)
        assert draft_answers()["current_focus"] == {
            "selected": ["rec1", "rec2"],
            "comments": {"rec1": "x", "rec2": "y"},
        }


async def test_the_key_bar_offers_tab_into_the_comment_where_it_leads_to_one(make_app: AppFactory) -> None:
    """The key bar said nothing of Tab: it now reads `tab Comment` on an option Tab takes into a box."""
    async with running(make_app(mode="fill"), size=(80, 24)) as pilot:
        await on_question(pilot, Q4)
        assert "tab" not in bar_words(pilot.app), "Rec. 1 unticked: Tab leads to no box"
        await send(pilot, ["space"], in_one_burst=False)
        await wait_until(pilot, lambda: "tab Comment" in screen_text(pilot.app), "tab Comment in the bar")
        await on_question(pilot, Q8)
        await wait_until(pilot, lambda: "tab Comment" in screen_text(pilot.app), "tab Comment on Q8")


async def test_on_the_small_survey_tab_goes_to_the_question_box_from_an_unticked_option() -> None:
    """With a box per option and one below the list, Tab takes an unticked option to the one below."""
    app = small_app(mode="fill", office="AU")
    async with running(app, size=(80, 30)) as pilot:
        await on_question(pilot, 3)
        await pilot.press("tab", *"general")
        await settled(pilot)
        assert draft_answers()["focus"] == {"selected": [], "comment": "general"}


async def test_text_typed_on_an_option_low_on_the_screen_shows_in_its_box(make_app: AppFactory) -> None:
    """Trial 2026-12 (retest #1): with comments above, text typed on Rec. 3 at the bottom row went
    into its box (the draft had it) but the box stayed below the fold, the person typing blind."""
    async with running(make_app(mode="fill"), size=(80, 24)) as pilot:
        await on_question(pilot, 5)  # Q6, big challenges
        for _ in range(2):  # a two-line comment on Rec. 1, then on Rec. 2, back to the list each time
            pilot.app.post_message(events.Paste("First line of a comment\nSecond line of it"))
            await settled(pilot)
            await send(pilot, ["shift+tab", "down"], in_one_burst=False)
        await send(pilot, [*keys_of("typed on rec3")], in_one_burst=False)
        assert draft_answers()["challenges"]["comments"]["rec3"] == "typed on rec3"
        assert "typed on rec3" in screen_text(pilot.app), "the box is in view"
