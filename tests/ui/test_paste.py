"""Bracketed paste holding escape sequences: it arrives whole, as text, and no key runs.

The bug (office trial, in tmux): a comment pasted with an OSC 52 clipboard
write in it (`ESC ] 52 ; c ; SGVsbG8= BEL`) was lost whole and the BEL
opened the Ctrl+G question list. tmux delivers the bytes verbatim; Textual
8.2's parser read the ESC inside the paste as the start of a key sequence
and gave its characters back as key presses.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual import constants, events
from textual._xterm_parser import XTermParser
from textual.message import Message

from enquete.ui.paste_safe_parser import PasteSafeParser
from tests.ui.conftest import AppFactory, draft_answers, running, screen_text, settled

START, END = "\x1b[200~", "\x1b[201~"
OSC_52 = "\x1b]52;c;SGVsbG8=\x07"
COMMENT = (
    "Our plans for 2026:\n"
    "• move the “e-filing” portal to ST.96 — see https://example.org/st96?x=1&y=2\n"
    f"• [bold]not markup[/] {OSC_52}and the text after the OSC stays\n"
    "• 中文 and a bidi mark \u202eok\u202c, C1 \x9b31m, a lone ESC \x1b and a NUL \x00 dropped"
)


def described(messages: list[Message]) -> list[str]:
    """Each event as `Key:name` or `Paste:text`, to compare the parsers' output."""
    shown = []
    for message in messages:
        if isinstance(message, events.Key):
            shown.append(f"Key:{message.key}")
        elif isinstance(message, events.Paste):
            shown.append(f"Paste:{message.text}")
        else:
            shown.append(type(message).__name__)
    return shown


def test_textual_alone_turns_a_pasted_osc_into_keys_and_its_bel_into_ctrl_g() -> None:
    """Pins the upstream cause: if Textual fixes its parser, this fails and ours can go."""
    seen = described(list(XTermParser().feed(START + OSC_52 + END)))
    assert "Key:ctrl+g" in seen and "Paste:" in seen


def test_a_pasted_osc_52_arrives_whole_and_runs_no_key() -> None:
    """Regression: the OSC 52 paste became key presses, its BEL Ctrl+G; now one Paste, verbatim."""
    assert described(list(PasteSafeParser().feed(START + OSC_52 + END))) == [f"Paste:{OSC_52}"]
    seen = described(list(PasteSafeParser().feed(START + COMMENT + END)))
    assert seen == ["Paste:" + COMMENT.replace("\x00", "")]


def test_keys_around_a_paste_are_still_keys() -> None:
    raw = "a\x1b[A" + START + OSC_52 + END + "\x1b[B\r"
    assert described(list(PasteSafeParser().feed(raw))) == [
        "Key:a",
        "Key:up",
        f"Paste:{OSC_52}",
        "Key:down",
        "Key:enter",
    ]


def test_a_paste_split_over_reads_at_any_point_is_the_same_paste() -> None:
    """The terminal's bytes come in reads of any size: the brackets and the OSC may be cut anywhere."""
    raw = "x" + START + OSC_52 + " tail" + END + "y"
    for cut in range(1, len(raw)):
        parser = PasteSafeParser()
        seen = described([*parser.feed(raw[:cut]), *parser.feed(raw[cut:])])
        assert seen == ["Key:x", f"Paste:{OSC_52} tail", "Key:y"], cut


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list("ab ]\x1b[~0129;\x07\n中\u202e"))),
    cuts=st.lists(st.integers(min_value=0, max_value=80), max_size=6),
)
def test_any_pasted_text_comes_back_verbatim(text: str, cuts: list[int]) -> None:
    """Whatever a paste holds (short of its own end bracket) and however it is read, it is the text."""
    raw = START + text + END
    if END in text:
        return
    parser = PasteSafeParser()
    seen: list[Message] = []
    last = 0
    for cut in [*sorted({min(c, len(raw)) for c in cuts}), len(raw)]:
        seen += parser.feed(raw[last:cut]) if cut > last else []
        last = cut
    assert described(seen) == [f"Paste:{text}"]


@pytest.mark.parametrize("start", [1.0, 1e9])
def test_the_escape_key_alone_is_still_escape(monkeypatch: pytest.MonkeyPatch, start: float) -> None:
    """A lone ESC may begin a paste bracket: held, it is the Escape key once the escape delay passes.

    Regression: the held ESC was handed to Textual's parser with a deadline read from
    our clock and compared with Textual's own; on a machine up for less than the fake
    clock's reading (a fresh CI machine) the Escape never came. Any clock must do.
    """
    import enquete.ui.paste_safe_parser as module

    now = [start]
    monkeypatch.setattr(module, "get_time", lambda: now[0])
    parser = PasteSafeParser()
    assert list(parser.feed("\x1b")) == []
    assert list(parser.tick()) == []
    now[0] += constants.ESCAPE_DELAY
    assert described(list(parser.tick())) == ["Key:escape"]
    assert described(list(parser.feed("\x1b[A"))) == ["Key:up"]


def test_the_app_reads_the_terminal_with_the_paste_safe_parser(make_app: AppFactory) -> None:
    from textual.drivers import linux_driver

    make_app()  # choosing its driver installs the parser
    assert getattr(linux_driver, "XTermParser") is PasteSafeParser  # noqa: B009


async def test_a_comment_pasted_with_an_osc_52_is_kept_verbatim_and_shown_safe(
    make_app: AppFactory,
) -> None:
    """The terminal's bytes, through the parser the app reads them with, into the free-text box."""
    app = make_app(mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("ctrl+n", "ctrl+n")  # question 3, free text
        await pilot.pause()
        for event in PasteSafeParser().feed(START + COMMENT + END):
            app.post_message(event)  # as the driver does with what the parser gives
        await settled(pilot)
        text = screen_text(app)
        assert "Question 3 of 8" in text  # Ctrl+G's question list did not open
        assert "and the text after the OSC stays" in text
        assert "\x1b" not in text and "\x07" not in text
        assert draft_answers()["implementation_comments"] == COMMENT.replace("\x00", "")
