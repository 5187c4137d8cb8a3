"""Keys typed while `enquete fill` starts land in the first question as if typed once it shows.

A burst typed as the command starts is read as one: the events are posted
to the app all at once, as the driver posts what one read gave it. Keys
typed before the app has the terminal went through its line discipline
first (Return became a newline): `read_by_the_app` models that.
"""

import random
import threading
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.message import Message

from enquete.ui.app import EnqueteApp
from enquete.ui.dialogs.confirm import ConfirmDialog
from enquete.ui.paste_safe_parser import PasteSafeParser
from enquete.ui.screens.fill import FillScreen
from tests.ui.conftest import AppFactory, draft_answers, screen_text, settled
from tests.ui.test_startup import until, validation_held
from tests.unit.builders import HEADER, write_response

COMMENT = "ポータル改善は2025年に完了 (中文: 门户)"
"""A comment in Japanese and Chinese, typed in the text box of question 3."""
BURST = "JP\r123\x0e" + COMMENT
"""The trial's burst: JP, Enter (chooses Japan, goes on), levels 1 2 3 on the matrix, Ctrl+N."""


def read_by_the_app(typed: str, *, before_the_app_had_the_terminal: bool) -> list[Message]:
    """The events the app reads for `typed` (the bytes the keys send), in one read.

    Before the app puts the terminal in raw mode, the terminal's line discipline
    turns Return into a newline on input (`ICRNL`, on by default).
    """
    if before_the_app_had_the_terminal:
        typed = typed.replace("\r", "\n")
    return list(PasteSafeParser().feed(typed))


def post_all(app: EnqueteApp, messages: list[Message]) -> None:
    for message in messages:
        app.post_message(message)


async def test_a_burst_typed_as_enquete_fill_starts_lands_as_typed(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Trial 2026-12 (4 of 4): `enquete fill`, then at once JP⏎123^N: the screen showed question 2
    with nothing answered. Typed before the app had the terminal, Enter came as Ctrl+J, which
    nothing binds: JP123 went into the code search and Ctrl+N moved on with no office chosen."""
    with validation_held(monkeypatch) as release:
        app = make_app(mode="fill")
        async with app.run_test(size=(80, 24)) as pilot:
            post_all(app, read_by_the_app(BURST, before_the_app_had_the_terminal=True))
            await pilot.pause()
            assert not isinstance(app.screen, FillScreen), "typed while the questionnaire was loading"
            release.set()
            await until(pilot, lambda: isinstance(app.screen, FillScreen))
            await settled(pilot)
            assert "Question 3 of 8" in screen_text(app)
    answers = draft_answers()
    assert answers["office"] == "JP"
    assert answers["implementation"] == {"rec1": "implemented", "rec2": "ongoing", "rec3": "decided"}
    assert answers["implementation_comments"] == COMMENT


async def test_keys_typed_while_the_fill_screen_is_built_come_after_those_typed_before(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keys read while the fill screen was being built went to it before the keys kept for it:
    "ja" typed ahead, then "p" as the screen opened, searched for "pja"."""
    mount = FillScreen.on_mount

    def typed_during_the_build(screen: FillScreen) -> None:
        screen.app.post_message(events.Key("p", "p"))
        mount(screen)

    monkeypatch.setattr(FillScreen, "on_mount", typed_during_the_build)
    with validation_held(monkeypatch) as release:
        app = make_app(mode="fill")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("j", "a")
            release.set()
            await until(pilot, lambda: isinstance(app.screen, FillScreen))
            await until(pilot, lambda: "Chosen: JP" in screen_text(app))
            await pilot.press("enter")
            await settled(pilot)
    assert draft_answers()["office"] == "JP"


async def test_keys_typed_while_a_draft_is_read_never_act_on_the_home_screen(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The home screen lies under the fill screen while it opens; kept keys also acted there once
    it listed the folder: "d", the first letter of "DE", asked to discard the draft being opened."""
    from enquete.session import FillSession

    drafts = Path("responses/drafts")
    drafts.mkdir(parents=True)
    write_response(drafts, f"{HEADER['id']}.toml", {"implementation_comments": "Kept."}, status="draft")
    opening = threading.Event()
    resume = FillSession.resume

    def held(*args: Any, **kwargs: Any) -> Any:
        opening.wait(10)
        return resume(*args, **kwargs)

    monkeypatch.setattr(FillSession, "resume", held)
    app = make_app(mode="fill")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: "Resume draft" in screen_text(app))
        await pilot.press("d", "e")
        opening.set()
        await until(pilot, lambda: isinstance(app.screen, FillScreen))
        await settled(pilot)
        assert not any(isinstance(screen, ConfirmDialog) for screen in app.screen_stack)
    assert draft_answers() == {"office": "DE", "implementation_comments": "Kept."}


async def test_ctrl_q_typed_ahead_quits_at_once_or_after_what_was_typed_is_saved(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+Q alone while `enquete fill` starts quits, as before: nothing was typed. After typed
    keys it waits behind them: the fill screen takes their answer, then asks as it always does."""
    with validation_held(monkeypatch):
        app = make_app(mode="fill")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("ctrl+q")
            await until(pilot, lambda: app.return_code is not None)
    with validation_held(monkeypatch) as release:
        app = make_app(mode="fill")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("J", "P", "ctrl+q")
            assert app.is_running
            release.set()
            await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
            await settled(pilot)
    assert draft_answers()["office"] == "JP"


MONKEY_KEYS = [*"JPAUKRjpau019", "ü", "中", "文", " ", "\r", "\r", "\x0e", "\x0e", "\x02", "\t"]
"""Printable keys (CJK too), Enter, Ctrl+N, Ctrl+B and Tab: the keys the terminal's line
discipline passes on unchanged but for Return (Backspace, Ctrl+U, Ctrl+R... it acts on itself)."""


async def answers_after(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch, typed: str, *, ahead: bool
) -> Any:
    """The draft's answers and question after `typed` in one burst, typed ahead or once it shows."""
    with validation_held(monkeypatch) as release:
        app = make_app(mode="fill")
        async with app.run_test(size=(80, 24)) as pilot:
            if not ahead:
                release.set()
                await until(pilot, lambda: isinstance(app.screen, FillScreen))
            post_all(app, read_by_the_app(typed, before_the_app_had_the_terminal=ahead))
            release.set()
            await until(pilot, lambda: isinstance(app.screen, FillScreen))
            await pilot.press("ctrl+r")  # the review: what was typed is taken and saved
            await settled(pilot)
            where = [screen.question.id for screen in app.screen_stack if isinstance(screen, FillScreen)]
    answers = draft_answers(may_be_missing=True)
    for draft in Path("responses/drafts").glob("*.toml"):
        draft.unlink()
    return answers, where


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_a_random_burst_typed_ahead_gives_what_it_gives_typed_once_the_screen_shows(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    """Monkey-style: the README's promise, for any burst, not only the trial's."""
    rng = random.Random(seed)
    typed = "".join(rng.choice(MONKEY_KEYS) for _ in range(40))
    ahead = await answers_after(make_app, monkeypatch, typed, ahead=True)
    after = await answers_after(make_app, monkeypatch, typed, ahead=False)
    assert ahead == after, repr(typed)
