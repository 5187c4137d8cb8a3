"""Issue 13: moving through comment-heavy questions at 80x24 shows each one, whole and as typed.

The comments are drawn row by row as they scroll into view (`WrappedLines`
through the line API), wrapped once per width, and a run of highlights
(a held key) builds one section; these tests read the screen as a person
does, paging down the pane, so a row lost at the end, a wrong row drawn or
a section left behind shows.
"""

import contextlib
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import tomli_w
from textual import events
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from enquete.model.office_names import office_display_name
from enquete.text import cell_width
from enquete.ui.screens.results import ResultsScreen
from tests.ui.conftest import AppFactory, running
from tests.ui.small_app import visible_text
from tests.ui.test_results import wait_loaded

CODES = [
    "AD", "AE", "AF", "AG", "AL", "AM", "AO", "AR", "AT", "AU", "AZ", "BA", "BB", "BD", "BE",
    "BF", "BG", "BH", "BI", "BJ", "BN", "BO", "BR", "BS", "BT", "BW", "BY", "BZ", "CA", "CD",
]  # fmt: skip
LONG = (
    (
        "Our Office’s “digital-first” programme, in [b]markup[/b] that must stay as typed:\n"
        + "".join(
            f"- Phase {i}: migrate the “{name}” workflow to e-filing; 数字化转型 pilot; "
            f"see https://www.wipo.int/cws/en/roadmap?phase={i}&step=final-review\n"
            for i, name in enumerate(["patents", "trademarks", "designs", "PCT", "Madrid", "Hague"], 1)
        )
        + "- [i]not italic[/i] and [@click=app.quit]not a link[/]\n"
    )
    * 2
)[:1600]
"""One office's ~1,600-character comment: bullets, URLs, curly quotes, CJK and markup."""


def q3_text(code: str) -> str:
    return LONG if code == "AU" else f"Q3 note from {code}:\n- first point of {code}\n- second point, longer"


def q4_text(code: str) -> str:
    return f"Q4 project of {code}: e-filing and bulk data for {code} users."


def write_responses(folder: Path) -> None:
    """One submitted response per code, each with a comment on question 3 and on question 4 (Rec. 1)."""
    folder.mkdir(parents=True)
    for index, code in enumerate(CODES):
        answers: dict[str, Any] = {
            "office": code,
            "implementation": {f"rec{i}": "implemented" for i in range(1, 11)},
            "implementation_comments": q3_text(code),
            "current_focus": {"selected": ["rec1"], "comments": {"rec1": q4_text(code)}},
            "low_priority": {"selected": ["not_applicable"]},
            "challenges": {"selected": ["not_applicable"]},
        }
        header = {
            "questionnaire": "cws-ict-2025",
            "version": 1,
            "id": f"{index + 1:08d}-0000-4000-8000-000000000000",
            "revision": 1,
            "status": "submitted",
            "language": "en",
        }
        data = {"response": header, "answers": answers}
        (folder / f"{code}.toml").write_text(tomli_w.dumps(data, multiline_strings=True), "utf-8")


def pane_rows(pilot: Pilot[Any]) -> dict[int, str]:
    """The rows of the results pane the screen shows now, keyed by their place in the whole pane."""
    content = pilot.app.screen.query_one("#content", VerticalScroll)
    area = content.scrollable_content_region
    lines = visible_text(pilot.app).split("\n")
    rows = {}
    for row in range(area.y, area.bottom):
        line = lines[row] if row < len(lines) else ""
        rows[round(content.scroll_y) + row - area.y] = _cells(line, area.x, area.right).rstrip()
    return rows


def _cells(line: str, start: int, end: int) -> str:
    """The part of a screen line between two columns, counting wide characters as two."""
    out, column = "", 0
    for char in line:
        if start <= column < end:
            out += char
        column += cell_width(char)
    return out


async def read_whole_pane(pilot: Pilot[Any]) -> list[str]:
    """Every row of the section, read by paging down from the top as a person would."""
    content = pilot.app.screen.query_one("#content", VerticalScroll)
    focused = pilot.app.focused
    if focused is None or content not in focused.ancestors:
        await pilot.press("tab")  # into the section (its filter box): Page Down scrolls the pane
        await pilot.pause()
    content.scroll_home(animate=False)
    await pilot.pause()
    rows: dict[int, str] = {}
    while True:
        rows.update(pane_rows(pilot))
        before = content.scroll_y
        await pilot.press("pagedown")
        await pilot.pause()
        if content.scroll_y == before:
            break
    await pilot.press("escape")  # back to the menu
    return [rows[y] for y in sorted(rows)]


def squeezed(text: str) -> str:
    """Text without its white space: rows wrapped anywhere still read the same."""
    return re.sub(r"\s+", "", text)


def title(pilot: Pilot[Any]) -> str:
    rows = pane_rows(pilot)
    return rows[min(rows)]


@contextlib.asynccontextmanager
async def results_after(make_app: AppFactory, *keys: str) -> AsyncIterator[tuple[Pilot[Any], ResultsScreen]]:
    """The results screen on the 30 offices' responses at 80x24, loaded, after `keys`."""
    write_responses(Path("responses"))
    app = make_app(mode="results")
    async with running(app, size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        await wait_loaded(pilot, screen)
        await pilot.press(*keys)
        await pilot.pause()
        yield pilot, screen


async def test_every_comment_is_there_whole_and_verbatim_by_scrolling(make_app: AppFactory) -> None:
    """30 offices' comments on question 3 at 80x24: each office's name, then each of its comments
    whole, in order, as typed (markup shown, URLs and CJK intact), every wrapped row under its indent."""
    async with results_after(make_app, "down", "down", "down") as (pilot, _screen):
        assert title(pilot).startswith("3. ")
        rows = await read_whole_pane(pilot)
        comments = rows[rows.index("Comments") + 1 :]
        whole = squeezed("\n".join(comments))
        position = 0
        for code in CODES:
            name = office_display_name(code, "en")
            header = f"{code:<5}{name}"
            assert any(row.startswith(header[:40]) for row in comments), header
            found = whole.find(squeezed(header + q3_text(code)), position)
            assert found >= 0, f"{code}'s comment is not all there, in order"
            position = found
        assert "[b]markup[/b]" in "\n".join(comments)
        assert squeezed("- [i]not italic[/i] and [@click=app.quit]not a link[/]") in whole
        assert "https://www.wipo.int/cws/en/roadmap?phase=6&step=final-review" in whole
        assert "“digital-first”" in "\n".join(comments) and "数字化转型" in "\n".join(comments)
        for row in comments:  # a comment's rows, wrapped or not, stay under the office code
            assert row == "" or row[:2] in CODES or row.startswith("     "), row
        assert squeezed(q3_text(CODES[-1])).endswith(whole[-20:])  # nothing after the last


async def test_moving_down_and_up_shows_each_questions_own_comments(make_app: AppFactory) -> None:
    async with results_after(make_app, "down", "down", "down") as (pilot, _screen):
        first_page = "\n".join(pane_rows(pilot).values())
        assert title(pilot).startswith("3. ") and "AD   Andorra" in first_page
        assert "Q3 note from AD" in first_page
        await pilot.press("down")
        await pilot.pause()
        assert title(pilot).startswith("4. ")
        q4 = squeezed("\n".join(await read_whole_pane(pilot)))
        assert all(squeezed(q4_text(code)) in q4 for code in CODES)
        assert "Q3note" not in q4
        await pilot.press("up")
        await pilot.pause()
        assert title(pilot).startswith("3. ")
        q3 = squeezed("\n".join(await read_whole_pane(pilot)))
        assert all(squeezed(q3_text(code)) in q3 for code in CODES)
        assert "Q4project" not in q3


async def test_a_held_key_ends_on_the_last_section_with_one_build_per_pause(make_app: AppFactory) -> None:
    """Keys delivered at once (a held key, keys queued while busy): the menu ends where the keys
    took it, the pane shows that section and no other, and the sections passed over were not
    each built in turn (built, they queued behind each other for seconds)."""
    write_responses(Path("responses"))
    app = make_app(mode="results")
    built: list[str] = []

    def hook(message: Any) -> None:
        sender = message._sender
        if (
            isinstance(message, events.Mount)
            and isinstance(sender, Static)
            and sender.has_class("section-title")
        ):
            built.append(str(sender.render()))

    async with running(app, size=(80, 24), message_hook=hook) as pilot:
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        await wait_loaded(pilot, screen)
        built.clear()
        for _ in range(8):
            app.post_message(events.Key("down", None))
        for _ in range(4):
            app.post_message(events.Key("up", None))
        await pilot.pause()
        for _ in range(10):
            await pilot.pause()
        menu = screen.query_one("#sections", OptionList)
        assert menu.highlighted == 4
        assert title(pilot).startswith("4. ")
        assert len(screen.query(".section-title")) == 1 and len(screen.query(".comment-filter")) == 1
        assert built[-1].startswith("4. ")
        assert len(built) < 12, built
        before = len(built)
        app.post_message(events.Key("down", None))
        app.post_message(events.Key("up", None))  # there and back before the pane followed
        for _ in range(5):
            await pilot.pause()
        await pilot.press("ctrl+f")  # the filter of the section shown: nothing to build
        await pilot.pause()
        assert len(built) == before, built
        assert isinstance(app.focused, Input) and app.focused.has_class("comment-filter")


async def test_ctrl_f_right_after_down_opens_the_filter_of_the_question_moved_to(
    make_app: AppFactory,
) -> None:
    """Down and Ctrl+F in one read: Ctrl+F found the old question's filter (its section not yet
    replaced), which then vanished with it, and the code typed next went nowhere."""
    async with results_after(make_app, "down", "down", "down") as (pilot, screen):
        app = pilot.app
        app.post_message(events.Key("down", None))
        app.post_message(events.Key("ctrl+f", None))
        await pilot.pause()
        await pilot.press(*"AU")
        await pilot.pause()
        assert screen.query_one("#sections", OptionList).highlighted == 4
        shown = "\n".join(pane_rows(pilot).values())
        assert re.search(r"^▊  AU +▎$", shown, re.MULTILINE), shown  # the box, at the top, holds AU
        assert "AU   Australia" in shown and squeezed(q4_text("AU")) in squeezed(shown)
        assert not re.search(r"^(?!AU)[A-Z]{2}   ", shown, re.MULTILINE), shown


async def test_the_filter_keeps_one_office_then_gives_every_comment_back(make_app: AppFactory) -> None:
    async with results_after(make_app, "down", "down", "down", "down", "ctrl+f", *"AU") as (pilot, _screen):
        shown = "\n".join(pane_rows(pilot).values())
        assert "AU   Australia" in shown and squeezed(q4_text("AU")) in squeezed(shown)
        assert not re.search(r"^(?!AU)[A-Z]{2}   ", shown, re.MULTILINE), shown
        await pilot.press(" ")  # the same comments: nothing changes
        await pilot.pause()
        assert "\n".join(pane_rows(pilot).values()) == shown
        await pilot.press("backspace", "shift+left", "D")  # U overtyped: another office, as many comments
        await pilot.pause()
        shown = "\n".join(pane_rows(pilot).values())
        assert "AD   Andorra" in shown and squeezed(q4_text("AD")) in squeezed(shown)
        assert "Australia" not in shown
        await pilot.press("backspace", "backspace", *"bulk data")
        await pilot.pause()
        whole = squeezed("\n".join(await read_whole_pane(pilot)))
        assert all(squeezed(q4_text(code)) in whole for code in CODES)


async def test_selecting_comment_rows_with_the_mouse_copies_those_rows(make_app: AppFactory) -> None:
    """Rows are drawn one by one: each must still say where it is in the text, or a selection
    made with the mouse copies (and highlights) some other office's words."""
    async with results_after(make_app, "down", "down", "down") as (pilot, screen):
        content = screen.query_one("#content", VerticalScroll)
        content.scroll_to(y=40, animate=False)
        await pilot.pause()
        rows = pane_rows(pilot)
        y = next(y for y, row in rows.items() if row.startswith("     - second point") and y > 41)
        screen_y = content.scrollable_content_region.y + y - round(content.scroll_y)
        x = content.scrollable_content_region.x
        lines = screen.query_one("CommentList WrappedLines")
        plain = next(iter(lines.render_line(0))).style.bgcolor  # type: ignore[union-attr]
        await pilot.mouse_down(offset=(x + 7, screen_y))
        await pilot.hover(offset=(x + 7, screen_y + 1))
        await pilot.hover(offset=(x + 12, screen_y + 1))
        await pilot.mouse_up(offset=(x + 12, screen_y + 1))
        await pilot.pause()
        selected = screen.get_selected_text()
        assert selected == f"{rows[y][7:]}\n{rows[y + 1][:13]}", selected  # through the cell pointed at
        assert selected.startswith("second point, longer\n") and re.match(r"[A-Z]{2}   ", rows[y + 1])
        start = lines.region.y - content.scrollable_content_region.y + round(content.scroll_y)  # its row 0
        highlighted = {
            row - start: "".join(
                s.text for s in lines.render_line(row - start) if s.style and s.style.bgcolor != plain
            )
            for row in rows
            if row >= start
        }
        assert {row: text for row, text in highlighted.items() if text} == {
            y - start: rows[y][7:],
            y + 1 - start: rows[y + 1][:13],
        }


async def test_a_wider_terminal_wraps_the_comments_again(make_app: AppFactory) -> None:
    async with results_after(make_app, "down", "down", "down") as (pilot, _screen):
        narrow = await read_whole_pane(pilot)
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        wide = await read_whole_pane(pilot)
        narrow, wide = narrow[narrow.index("Comments") :], wide[wide.index("Comments") :]
        assert max(map(len, narrow)) <= 50 < max(map(len, wide)) <= 90
        assert len(wide) < len(narrow)
        assert squeezed("\n".join(wide)) == squeezed("\n".join(narrow))
