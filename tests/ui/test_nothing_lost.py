"""Filling in, as the office trial did it: nothing typed is lost, and the keyboard does what people expect.

Each test names the trial finding (docs: ../shared/reports/2026-11-office-trial.md) it guards.
"""

import tomllib
from pathlib import Path
from typing import Any

from textual import events

from enquete.model.answers import MultiAnswer
from enquete.ui.screens.fill import FillScreen
from enquete.ui.screens.home import HomeScreen
from enquete.ui.screens.review import ReviewScreen
from enquete.ui.widgets.safe_text_area import SafeTextArea
from tests.ui.conftest import AppFactory, running, screen_text, settled
from tests.unit.builders import minimal_answers, write_response

BULLETED = (
    "- Rec 1: e-filing portal launched 2024 (https://ipo.example.org/efiling)\n"
    "- Rec 5: bulk data in ST.96 XML, ST.36 legacy\n"
    "- Rec 7: implementing ST.26 for sequence listings\n"
    "Planned – “AI pilot” for classification [bold]not markup[/] 中文说明"
)
LONG = (BULLETED + "\n") * 12  # about 1,600 characters
HOSTILE = "before \x1b]52;c;SGVsbG8=\x07 \x1b[2J \x9b31m \u202egnp.exe after"


def draft() -> dict[str, Any]:
    drafts = list(Path("responses/drafts").glob("*.toml"))
    assert len(drafts) == 1, drafts
    return tomllib.loads(drafts[0].read_text("utf-8"))


async def to_question(pilot: Any, number: int) -> FillScreen:
    screen = pilot.app.screen
    assert isinstance(screen, FillScreen)
    screen.show_question(number - 1)
    await pilot.pause()
    return screen


async def paste(pilot: Any, text: str) -> None:
    """A bracketed paste, as a terminal sends it: to the app, which hands it to the focused widget."""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def test_a_pasted_multi_line_comment_is_kept_whole(make_app: AppFactory) -> None:
    """Office trial #1 (blocker): a pasted bulleted comment kept only its first line."""
    app = make_app(mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        await to_question(pilot, 4)
        await pilot.press("down", "space", "tab")  # Rec. 2, then into its comment box
        assert isinstance(app.focused, SafeTextArea)
        await paste(pilot, BULLETED)
        await pilot.press("enter", *"abc")  # Enter makes a new line (#4)
        await settled(pilot)
        assert draft()["answers"]["current_focus"]["comments"]["rec2"] == BULLETED + "\nabc"
        assert f"{len(BULLETED) + 4} / 4000 characters" in screen_text(app)


async def test_not_applicable_sets_comments_aside_and_retick_restores(make_app: AppFactory) -> None:
    """Office trial #3 (blocker): one key on Not Applicable deleted the typed comments."""
    app = make_app(mode="fill")
    async with running(app, size=(80, 40)) as pilot:
        await to_question(pilot, 4)
        await pilot.press("space", "tab")
        await paste(pilot, LONG)
        await pilot.press("end")  # still in the text: End is the end of the line, not the list
        await pilot.press("shift+tab", "end", "space")  # back to Rec. 1, End: Not Applicable, tick it
        await settled(pilot)
        saved = draft()
        assert saved["answers"]["current_focus"] == {"selected": ["not_applicable"]}
        assert saved["draft"]["set_aside"]["current_focus"]["rec1"] == LONG
        assert "comment set aside (" in screen_text(app)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+b")
        await pilot.pause()
        await pilot.press("space")  # Rec. 1 again
        await settled(pilot)
        assert draft()["answers"]["current_focus"]["comments"]["rec1"] == LONG


async def test_review_warns_about_set_aside_comments_and_shows_comments_in_full(make_app: AppFactory) -> None:
    """Office trial #3/#4: review said "1 comment(s)"; set-aside comments must be announced."""
    app = make_app(mode="fill")
    async with running(app, size=(100, 60)) as pilot:
        await to_question(pilot, 4)
        await pilot.press("space", "tab")
        await paste(pilot, BULLETED)
        await pilot.press("shift+tab", "down", "space", "tab")
        await paste(pilot, "to be set aside")
        await pilot.press("shift+tab", "space")  # untick Rec. 2
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        text = screen_text(app)
        assert "- Rec 7: implementing ST.26 for sequence listings" in text
        assert "[bold]not markup[/]" in text
        assert "will NOT be sent" in text
        assert "Current focus" in text and "Implementation levels" in text, "short titles (#17)"


async def test_checklist_moves_with_arrows_home_end_and_pages(make_app: AppFactory) -> None:
    """Office trial #12: arrows, Home, End, PageUp/Down scrolled the page instead of moving."""
    app = make_app(mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        await to_question(pilot, 5)

        def focused() -> str:
            return str(app.focused.id if app.focused else None)

        assert focused() == "option-rec1"
        await pilot.press("down", "down")
        assert focused() == "option-rec3"
        await pilot.press("end")
        assert focused() == "option-not_applicable"
        await pilot.press("home", "pagedown")
        assert focused() == "option-rec6"
        await pilot.press("pageup", "up")
        assert focused() == "option-rec1"
        await pilot.press("space")
        assert focused() == "option-rec1", "ticking does not jump into the comment box"
        for _ in range(30):  # no invisible tab stop: focus is always on something shown
            await pilot.press("tab")
            assert app.focused is not None and app.focused.id != "body"


async def test_review_jump_lands_in_the_over_long_comment_box(make_app: AppFactory) -> None:
    """Office trial #15: the message named no box, and the jump landed on the first checkbox."""
    app = make_app(mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press(*"AU")
        await pilot.press("ctrl+n", *"1111111111")
        await to_question(pilot, 4)
        await pilot.press("down", "down", "space", "tab")
        await paste(pilot, "x" * 4100)
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("ctrl+s")  # refused; the first problem is highlighted
        await pilot.pause()
        assert "the comment on Rec. 3 · Data governance is 4100 characters" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FillScreen)
        assert app.focused is not None and app.focused.parent is not None
        assert app.focused.parent.id == "comment-rec3"


async def test_the_question_shows_from_its_first_line(make_app: AppFactory) -> None:
    """Office trial #14: at 80x24 the definition of "Implemented" was scrolled away."""
    app = make_app(mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "Please select your Office's current level of implementation" in screen_text(app)


async def test_a_typed_exact_code_is_taken_without_enter_and_aliases_find_offices(
    make_app: AppFactory,
) -> None:
    """Office trial #19: "KR" then Ctrl+N was dropped; "UK" found Ukraine."""
    app = make_app(mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press(*"kr", "ctrl+n")
        await settled(pilot)
        assert draft()["answers"]["office"] == "KR"
        await pilot.press("ctrl+b")
        await pilot.pause()
        for alias, code in [
            ("uk", "GB"),
            ("united kingdom", "GB"),
            ("usa", "US"),
            ("holland", "NL"),
            ("swiss", "CH"),
            ("eu", "EM"),
        ]:
            await pilot.press("ctrl+a", "ctrl+k", *alias, "enter")
            await settled(pilot)
            assert draft()["answers"]["office"] == code, alias


async def test_an_unknown_office_on_the_command_line_is_not_shown_as_chosen(make_app: AppFactory) -> None:
    app = make_app(mode="fill", office="UK")
    async with running(app, size=(80, 24)) as pilot:
        await settled(pilot)
        text = screen_text(app)
        assert "Chosen: UK" not in text and "Nothing chosen yet" in text


async def test_resuming_puts_the_cursor_at_the_end_of_the_text(make_app: AppFactory) -> None:
    """Office trial #20: typing after a resume was prepended."""
    first = make_app(mode="fill")
    async with running(first, size=(80, 24)) as pilot:
        await pilot.press(*"NZ")
        await to_question(pilot, 3)
        await pilot.press(*"last words XYZ")
        await settled(pilot)
    second = make_app(mode="fill")
    async with running(second, size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.press(*" and after")
        await settled(pilot)
        assert draft()["answers"]["implementation_comments"] == "last words XYZ and after"


async def test_the_language_just_chosen_is_kept_when_opening_a_response(make_app: AppFactory) -> None:
    """Office trial #21: a Spanish draft switched the app to Spanish."""
    first = make_app(mode="fill", language="es")
    async with running(first, size=(80, 24)) as pilot:
        await pilot.press(*"ES")
        await settled(pilot)
    second = make_app(language="en")
    async with running(second, size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.press("enter")
        await settled(pilot)
        assert "Question 1 of 8" in screen_text(second)


async def test_control_sequences_in_a_comment_never_reach_the_terminal(make_app: AppFactory) -> None:
    """Office trial #5 and the rules: an e-mailed comment's OSC 52 / CSI / C1 / bidi stay inert in editors."""
    Path("responses").mkdir()
    comments = {"rec1": HOSTILE + "\n- line two"}
    write_response(
        Path("responses"),
        "AU.toml",
        minimal_answers("AU", current_focus={"selected": ["rec1"], "comments": comments}),
    )
    app = make_app()
    async with running(app, size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.press("down", "enter")  # Edit the finalized response of AU
        await settled(pilot)
        await to_question(pilot, 4)
        strips = [
            line.text
            for box in app.screen.query(SafeTextArea)
            for line in box.render_lines(box.region.reset_offset)
        ]
        shown = "".join(strips)
        assert "before" in shown and "after" in shown
        for control in ("\x1b", "\x9b", "\x07", "\u202e"):
            assert control not in shown
        assert app.screen.query(SafeTextArea).first().text == comments["rec1"], "the text itself is verbatim"


async def test_the_home_screen_comes_back_after_submitting_from_fill(make_app: AppFactory) -> None:
    """Office trial #10: "Reading the questionnaire…" forever after submitting from `enquete fill`."""
    app = make_app(mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press(*"FR", "ctrl+n", *"1111111111", "ctrl+r")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settled(pilot)
        text = screen_text(app)
        assert "Saved — ready to send" in text and "cws.survey@example.org" in text and "2026-12-31" in text
        await pilot.press("enter")
        await settled(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "Edit the finalized response of FR France" in screen_text(app)
    assert not list(Path("responses/drafts").glob("*.toml")), "no ghost draft (#6)"


async def test_fill_with_several_drafts_lets_the_person_choose(make_app: AppFactory) -> None:
    """Office trial #11: `enquete fill` opened an empty draft; the real one looked lost."""
    for office in ("DE", "AT"):
        app = make_app(mode="fill", office=office)
        async with running(app, size=(80, 24)) as pilot:
            await pilot.press("ctrl+n", "1")
            await settled(pilot)
    app = make_app()  # "Fill in a new response" then quit at once: no empty draft
    async with running(app, size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.press("down", "down", "enter")
        await settled(pilot)
        assert isinstance(app.screen, FillScreen)
    assert len(list(Path("responses/drafts").glob("*.toml"))) == 2
    app = make_app(mode="fill")
    async with running(app, size=(80, 24), notifications=True) as pilot:
        await settled(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "There are 2 drafts" in screen_text(app)


async def test_submitting_over_another_offices_file_asks_and_keeps_it(make_app: AppFactory) -> None:
    """Office trial #8: "Fill in a new response" for KR silently replaced responses/KR.toml."""
    Path("responses").mkdir()
    old = write_response(
        Path("responses"), "KR.toml", minimal_answers("KR", proposals="the first KR response")
    )
    old_bytes = old.read_bytes()
    app = make_app()
    async with running(app, size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.press("enter")  # Fill in a new response
        await settled(pilot)
        await pilot.press(*"KR", "ctrl+n", *"2222222222", "ctrl+r")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert "KR already has a finalized response here (revision 1" in screen_text(app)
        await pilot.press("enter")  # the next revision of that response
        await settled(pilot)
        assert "revision 2" in screen_text(app)
    history = list(Path("responses/history").glob("*.toml"))
    assert [p.read_bytes() for p in history] == [old_bytes]


async def test_the_quit_dialog_never_claims_saved_after_a_failed_save(make_app: AppFactory) -> None:
    """Office trial #9: "your answers are saved" with the focus on Quit, while saving failed."""
    Path("responses").mkdir()
    Path("responses/drafts").write_text("not a folder")
    app = make_app(mode="fill", language="fr")
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press(*"FR")
        await settled(pilot)
        assert "NON ENREGISTRÉ" in screen_text(app)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert "n'ont PAS pu être enregistrées" in screen_text(app)
        await pilot.press("enter")  # the default is to stay
        await pilot.pause()
        assert isinstance(app.screen, FillScreen)


async def test_a_second_window_on_the_same_response_is_told(make_app: AppFactory) -> None:
    """Office trial #23: two windows on one draft overwrote each other silently."""
    first = make_app(mode="fill")
    async with running(first, size=(80, 24)) as pilot:
        await pilot.press(*"NZ")
        await settled(pilot)
        second = make_app(mode="fill")
        async with running(second, size=(80, 24), notifications=True) as other:
            await settled(other)
            assert isinstance(second.screen, HomeScreen)
            assert "open in another" in screen_text(second) and "window" in screen_text(second)


async def test_the_footer_keeps_f1_and_f2_at_80_columns_in_every_language(make_app: AppFactory) -> None:
    """Office trial #27: French and Spanish footers lost Help and Language."""
    for language in ("en", "fr", "es", "zh"):
        app = make_app(mode="fill", language=language)
        async with running(app, size=(80, 24)) as pilot:
            await pilot.press("ctrl+n")
            await pilot.pause()
            from enquete.ui.widgets.key_bar import KeyBar

            bar = app.screen.query_one(KeyBar).region  # the matrix's nine keys take two rows
            footer = screen_text(app).splitlines()[bar.y]
            assert footer.lstrip().startswith("f1 ") and " f2 " in footer, (language, footer)


async def test_theme_and_language_are_remembered(make_app: AppFactory) -> None:
    """Office trial #33: the light theme was forgotten at the next start."""
    app = make_app(language=None)
    async with running(app, size=(80, 24)) as pilot:
        app.theme = "textual-light"
        app.language = "fr"
        await settled(pilot)
    from enquete.settings import Settings

    again = make_app(language=None, settings=Settings.load())
    async with running(again, size=(80, 24)) as pilot:
        assert again.theme == "textual-light" and again.language == "fr"


async def test_choosing_an_office_that_already_finalized_says_so_at_once(make_app: AppFactory) -> None:
    """Office trial #8: no warning at any step before KR.toml was replaced."""
    Path("responses").mkdir()
    write_response(Path("responses"), "KR.toml", minimal_answers("KR"))
    app = make_app(mode="fill")
    async with running(app, size=(80, 30)) as pilot:
        await pilot.press(*"KR")
        await settled(pilot)
        assert "KR already has a finalized response here (revision 1" in " ".join(screen_text(app).split())


async def test_review_jump_to_a_missing_row_puts_the_cursor_on_it(make_app: AppFactory) -> None:
    """Office trial #16: review said "row 'rec5'"; the jump landed on Rec. 1."""
    app = make_app(mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press(*"AU", "ctrl+n", *"1111")
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        from enquete.ui.widgets.matrix import MatrixTable

        table = app.screen.query_one(MatrixTable)
        assert app.focused is table and table.cursor_row == 4, "Rec. 5, the first row without an answer"
    app = make_app(mode="fill")
    async with running(app, size=(80, 50)) as pilot:
        await pilot.press("ctrl+n", *"1111", "ctrl+r")
        await pilot.pause()
        text = screen_text(app)
        assert "no answer for: Rec. 5 · Open IP data, Rec. 6" in text and "rec5" not in text


async def test_a_burst_of_arrow_keys_all_count(make_app: AppFactory) -> None:
    """Found in tmux: Down Down Down Space sent at once (a held key) ticked the first option,
    because each Down moved the focus only after the next refresh."""
    app = make_app(mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        await to_question(pilot, 4)
        app.post_message(events.Key("down", None))
        app.post_message(events.Key("down", None))
        app.post_message(events.Key("down", None))
        app.post_message(events.Key("space", " "))
        await settled(pilot)
        screen = app.screen
        assert isinstance(screen, FillScreen)
        answer = screen.session.answer("current_focus")
        assert isinstance(answer, MultiAnswer) and answer.selected == ("rec4",)


async def test_ctrl_c_says_how_to_quit(make_app: AppFactory) -> None:
    """Office trial #25: Ctrl+C did nothing, with no hint."""
    app = make_app(mode="fill", language="fr")
    async with running(app, size=(80, 24), notifications=True) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert "Ctrl+Q pour quitter" in " ".join(screen_text(app).split())
        assert isinstance(app.screen, FillScreen)


async def test_the_home_screen_comes_back_after_closing_results(
    make_app: AppFactory, sample_responses: Path
) -> None:
    """Office trial #10 (B): `enquete results`, then Escape, left "Reading the questionnaire…"."""
    app = make_app(mode="results")
    async with running(app, size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.press("escape")
        await settled(pilot)
        assert isinstance(app.screen, HomeScreen)
        text = screen_text(app)
        assert "Reading the questionnaire" not in text and "Fill in a new response" in text


async def test_keys_typed_while_leaving_are_saved_too(make_app: AppFactory) -> None:
    """Monkey seed 4: keys typed after Escape, while the leaving save ran, were never written."""
    app = make_app(mode="fill", office="NZ")
    async with running(app, size=(80, 24)) as pilot:
        await to_question(pilot, 3)
        screen = app.screen
        assert isinstance(screen, FillScreen)
        await pilot.press(*"first", "escape", *"xyz")
        await settled(pilot)
        assert isinstance(app.screen, HomeScreen)
    assert draft()["answers"]["implementation_comments"] == screen.session.answer("implementation_comments")


async def test_opening_a_draft_and_leaving_writes_nothing(make_app: AppFactory) -> None:
    """Monkey seed 4: merely opening a draft marked it changed (its position), so the file was rewritten."""
    first = make_app(mode="fill", office="NZ")
    async with running(first, size=(80, 24)) as pilot:
        await pilot.press("ctrl+n", "1")
        await settled(pilot)
    path = next(Path("responses/drafts").glob("*.toml"))
    before = path.read_bytes()
    again = make_app(mode="fill")
    async with running(again, size=(80, 24)) as pilot:
        await settled(pilot)
        assert isinstance(again.screen, FillScreen)
        await pilot.press("escape")
        await settled(pilot)
    assert path.read_bytes() == before


async def test_the_matrix_shows_every_level_at_60_columns_and_names_them_when_wide(
    make_app: AppFactory,
) -> None:
    """Office trial #26: at 60 columns "Not Planned" was hidden; at 200 the header said 1 2 3 4 5."""
    app = make_app(mode="fill")
    async with running(app, size=(60, 30)) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        header = next(line for line in screen_text(app).splitlines() if " 1 " in line and " 5" in line)
        assert len(header.rstrip()) <= 58, header
    app = make_app(mode="fill")
    async with running(app, size=(200, 40)) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "Ongoing" in screen_text(app) and "No plan" in screen_text(app)


async def test_finalizing_an_unchanged_edit_makes_no_new_revision(make_app: AppFactory) -> None:
    """Office trial #34: every Edit finalized without a change bumped the revision."""
    Path("responses").mkdir()
    path = write_response(Path("responses"), "FR.toml", minimal_answers("FR"))
    before = path.read_bytes()
    app = make_app(mode="fill", office="FR")
    async with running(app, size=(80, 24), notifications=True) as pilot:
        await settled(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert "Nothing has changed since revision 1" in " ".join(screen_text(app).split())
    assert path.read_bytes() == before
    assert not list(Path("responses/drafts").glob("*.toml")), "opening to look writes no draft (#7)"


async def test_alt_arrows_move_between_questions_inside_tmux(make_app: AppFactory) -> None:
    """Office trial #25: Ctrl+B is tmux's prefix and never reaches the app inside tmux."""
    app = make_app(mode="fill")
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("alt+right", "alt+right")
        await pilot.pause()
        assert "Question 3 of 8" in screen_text(app)
        await pilot.press("alt+left")
        await pilot.pause()
        assert "Question 2 of 8" in screen_text(app)


async def test_typing_while_the_disk_refuses_makes_one_retry_chain(
    make_app: AppFactory, monkeypatch: Any
) -> None:
    """Code review 3.2.5-6: every keystroke started a save thread, and every failure its own retry timer."""
    from enquete.errors import StorageError
    from enquete.storage.responses import ResponseFolder
    from enquete.ui.screens import fill

    monkeypatch.setattr(fill, "RETRY_SECONDS", 0.3)
    attempts: list[int] = []

    def refuse(self: ResponseFolder, response: object) -> None:
        attempts.append(1)
        raise StorageError("the disk is full")

    monkeypatch.setattr(ResponseFolder, "save_draft", refuse)
    app = make_app(mode="fill", office="NZ")
    async with running(app, size=(80, 24)) as pilot:
        await to_question(pilot, 3)
        await pilot.press(*"twenty keystrokes..")
        await pilot.pause(1.6)  # the debounce, then about four retries of one chain
        assert 1 <= len(attempts) <= 7, attempts


async def test_edit_the_finalized_response_never_throws_away_unsent_changes(make_app: AppFactory) -> None:
    """Office trial #7: "Edit the submitted response" rebuilt the draft and lost revision 2's edits."""
    Path("responses").mkdir()
    write_response(Path("responses"), "KR.toml", minimal_answers("KR"))
    app = make_app()
    async with running(app, size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.press("down", "enter")  # Edit the finalized response of KR
        await settled(pilot)
        await to_question(pilot, 7)
        await pilot.press(*"Important new comment in revision 2")
        await pilot.press("escape")
        await settled(pilot)
        text = " ".join(screen_text(app).split())
        assert "Resume your unsent changes to KR Korea, Republic of (revision 2)" in text
        await pilot.press("down", "down", "enter")  # Edit the finalized response of KR, again
        await settled(pilot)
        screen = app.screen
        assert isinstance(screen, FillScreen)
        assert screen.session.answer("proposals") == "Important new comment in revision 2"
