"""The results screen: figures, comments shown literally, files not counted, refresh on change."""

import shutil
from pathlib import Path

from enquete.ui.screens.results import ResultsScreen
from tests.ui.conftest import AppFactory, running, screen_text


async def wait_loaded(pilot, screen: ResultsScreen) -> None:  # type: ignore[no-untyped-def]
    """Wait until the screen shows the newest aggregation (a condition, not a fixed pause)."""
    for _ in range(400):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        busy = [w for w in screen.workers if not w.is_finished]
        if screen.results is not None and not busy:
            break
    assert screen.results is not None, screen_text(pilot.app)


async def loaded_text(pilot) -> str:  # type: ignore[no-untyped-def]
    """The results screen's text on one line, once loaded."""
    screen = pilot.app.screen
    assert isinstance(screen, ResultsScreen)
    await wait_loaded(pilot, screen)
    return " ".join(screen_text(pilot.app).split())


async def test_results_show_counts_of_all_respondents(make_app: AppFactory, sample_responses: Path) -> None:
    app = make_app(mode="results")
    async with running(app, size=(100, 40), notifications=True, tooltips=True) as pilot:
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        await wait_loaded(pilot, screen)
        text = screen_text(app)
        assert "5 respondents in responses" in text and "5 file(s) not counted" in text
        for _ in range(4):
            await pilot.press("down")  # respondents -> q1 -> q2 -> q3 -> q4 (current focus)
        await pilot.pause()
        text = screen_text(app)
        assert "Answered by 4 of 5 respondents." in text
        assert "3 (60%)" in text and "1 (20%)" in text


async def test_comments_with_markup_are_shown_literally_and_filter(
    make_app: AppFactory, sample_responses: Path
) -> None:
    app = make_app(mode="results")
    async with running(app, size=(160, 48), notifications=True, tooltips=True) as pilot:
        await wait_loaded(pilot, app.screen)  # type: ignore[arg-type]
        for _ in range(4):
            await pilot.press("down")
        await pilot.pause()
        text = screen_text(app)
        assert "[bold]Digital-first[/bold] filing" in text
        assert "Bulk data [@click=app.quit]portal[/]" in text
        await pilot.press("ctrl+f", *"open ip")
        await pilot.pause()
        text = screen_text(app)
        assert "Bulk data [@click=app.quit]portal[/]" in text and "Digital-first" not in text


async def test_files_not_counted_are_listed_with_reasons(
    make_app: AppFactory, sample_responses: Path
) -> None:
    app = make_app(mode="results")
    async with running(app, size=(160, 48)) as pilot:
        await wait_loaded(pilot, app.screen)  # type: ignore[arg-type]
        await pilot.press("end")
        await pilot.pause()
        text = screen_text(app)
        assert "Rejected responses/broken.toml: is not valid TOML" in text
        assert "Superseded responses/EP-revision1.toml (revision 1) by responses/EP.toml" in text
        assert "Conflict for FR" in text


async def test_results_refresh_when_a_file_arrives(make_app: AppFactory, sample_responses: Path) -> None:
    app = make_app(mode="results")
    async with running(app, size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        await wait_loaded(pilot, screen)
        shutil.copy(
            Path(__file__).parents[1] / "fixtures" / "responses" / "AU.toml", sample_responses / "AU.toml"
        )
        (sample_responses / "BR.toml").unlink()
        screen.check_folder()
        await wait_loaded(pilot, screen)
        assert screen.results is not None and screen.results.respondent_keys == ["AU", "CN", "EP", "FR"]


# --- issue 11: a results screen that holds ------------------------------------------------

import pytest  # noqa: E402
import tomli_w  # noqa: E402
from textual.widgets import OptionList  # noqa: E402

from enquete.ui.screens.results import Section  # noqa: E402
from enquete.ui.widgets.cross_tab import CrossTab  # noqa: E402
from tests.annex_fixture import write_annex_fixture  # noqa: E402

SECTIONS = 1 + 8 + 4  # respondents, eight questions, three views, files not counted


async def walk_every_section(pilot, screen: ResultsScreen) -> list[str]:  # type: ignore[no-untyped-def]
    """Press Down through every section with no pause, and return what each one showed."""
    seen = []
    await pilot.press("home")
    for _ in range(SECTIONS):
        await pilot.press("down")
    await pilot.pause()
    await pilot.press("home")
    for _ in range(SECTIONS - 1):
        await pilot.press("down")
        await pilot.pause()
        seen.append(screen_text(pilot.app))
    return seen


async def test_walking_every_section_at_full_speed_never_crashes(make_app: AppFactory) -> None:
    """Regression: `DuplicateIds: 'filter'` moving from one question with comments to the next.

    The fixture has comments on adjacent questions (3, 4, 5, 6, 7, 8), which the
    old fixtures never had.
    """
    write_annex_fixture(Path("responses"))
    app = make_app(mode="results")
    async with running(app, size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        await wait_loaded(pilot, screen)
        seen = await walk_every_section(pilot, screen)
        assert any("Files not counted" in text for text in seen)
        assert any("Cross-tab" in text for text in seen)
        assert len(app.screen.query(".comment-filter")) <= 1


async def test_reload_mid_walk_and_files_arriving_keep_the_place(make_app: AppFactory) -> None:
    """Regression: F5, or a file arriving, while a comment section is shown crashed the screen."""
    folder = write_annex_fixture(Path("responses"))
    extra = folder.parent / "extra"
    extra.mkdir()
    (folder / "AT.toml").rename(extra / "AT.toml")
    app = make_app(mode="results")
    async with running(app, size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        await wait_loaded(pilot, screen)
        assert screen.results is not None and screen.results.respondents == 20
        await pilot.press("down", "down", "down", "down", "f5", "down", "f5", "up", "f5")
        await wait_loaded(pilot, screen)
        assert screen.section.question == "current_focus"
        await pilot.press("ctrl+f", *"Rec. 1")
        (extra / "AT.toml").rename(folder / "AT.toml")
        screen.check_folder()
        for _ in range(50):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            if screen.results.respondents == 21:
                break
        assert screen.results.respondents == 21
        assert screen.section.question == "current_focus"
        text = screen_text(app)
        assert "21 respondents" in text
        assert "Rec. 1 · Business models" in text  # the filter kept: only Rec. 1's comments
        assert "Rec. 10 · New technologies" not in text.split("Rec. 1")[-1]


async def test_a_stale_aggregation_never_replaces_a_newer_one(make_app: AppFactory) -> None:
    """Regression: a slow old aggregation finishing last overwrote the newer results."""
    write_annex_fixture(Path("responses"))
    app = make_app(mode="results")
    async with running(app, size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        await wait_loaded(pilot, screen)
        newer = screen.results
        assert newer is not None
        stale = type(newer)(newer.questionnaire, newer.version, [], {})
        screen.post_message(ResultsScreen.Loaded(stale, (), generation=0))
        await pilot.pause()
        assert screen.results is newer
        assert "21 respondents" in screen_text(app)


async def test_question_ids_named_like_sections_do_not_collide(make_app: AppFactory) -> None:
    """Regression: a question with id `files` or `respondents` crashed the screen (DuplicateIds)."""
    from enquete.storage.questionnaire_file import read_questionnaire_data
    from enquete.ui.app import EnqueteApp
    from tests.conftest import ROOT

    path, data = read_questionnaire_data(ROOT / "questionnaire.toml")
    for question, new_id in zip(data["questions"][-2:], ("files", "respondents"), strict=True):
        question["id"] = new_id
    Path("q.toml").write_text(tomli_w.dumps(data), "utf-8")
    path, data = read_questionnaire_data(Path("q.toml"))
    app = EnqueteApp(data, Path("responses"), source=str(path), language="en", mode="results")
    async with running(app, size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        await wait_loaded(pilot, screen)
        await walk_every_section(pilot, screen)
        await pilot.press("end")
        await pilot.pause()
        assert "Every file was counted." in screen_text(app)


async def test_matrix_reads_at_80_columns_and_scrolls_sideways(make_app: AppFactory) -> None:
    """Regression: the Q2 table was clipped below 160 columns, its last column unreachable."""
    write_annex_fixture(Path("responses"))
    app = make_app(mode="results")
    async with running(app, size=(80, 24)) as pilot:
        screen = app.screen
        await wait_loaded(pilot, screen)  # type: ignore[arg-type]
        await pilot.press("down", "down", "tab", "tab")
        await pilot.pause()
        text = screen_text(app)
        assert "Rec. 1 " in text and "Rec. 10" not in text.split("Row")[0]
        assert "Recommendation 1: Optimize business models" in text  # the full title of the focused row
        await pilot.press("down")
        await pilot.pause()
        assert "Recommendation 2: Have an ICT strategy" in screen_text(app)
        for _ in range(40):
            await pilot.press("right")
        await pilot.pause()
        text = screen_text(app)
        assert "Done or Ongoing" in text and "14 (67%)" in text  # Rec. 2: 8 + 6 of 21
        assert "Rec. 2" in text  # the row labels stay while the levels scroll


async def test_menu_tells_the_questions_apart(make_app: AppFactory) -> None:
    """Regression: "4. Select which Recommen…" and "5. Select which Recommen…" looked the same."""
    write_annex_fixture(Path("responses"))
    app = make_app(mode="results")
    async with running(app, size=(80, 24)) as pilot:
        await wait_loaded(pilot, app.screen)  # type: ignore[arg-type]
        lines = [line[:25].strip(" ▕▎▊") for line in screen_text(app).splitlines()]
        menu = [line for line in lines if line[:2] in {f"{n}." for n in range(1, 9)}]
        assert len(set(menu)) == 8, menu


async def test_views_by_respondent_by_option_and_cross_tab(make_app: AppFactory) -> None:
    """Everything AU said; everything on Rec 10; who chose Rec 10 as focus AND challenge, then AND future."""
    write_annex_fixture(Path("responses"))
    app = make_app(mode="results")
    async with running(app, size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        await wait_loaded(pilot, screen)
        await pilot.press("end", "up", "up", "up")  # By respondent
        await pilot.pause()
        assert screen.section.kind == "by_respondent"
        await pilot.press("tab", "tab", "down")  # the pane, then its list: AT -> AU
        await pilot.pause()
        content = screen.query_one("#content")
        text = "\n".join(str(w.render()) for w in content.query("WrappedLines"))
        assert "AU  Australia, IP Australia" in text
        assert "Our office has a multi-year programme:" in text and "- Phase 2: migrate" in text
        await pilot.press("shift+tab", "shift+tab", "down")  # By option
        await pilot.pause()
        assert screen.section == Section("by_option")
        await pilot.press("tab", "tab", "end")  # Rec. 10
        await pilot.pause()
        text = "\n".join(str(w.render()) for w in content.query("WrappedLines"))
        assert "Recommendation 10: Explore and adopt" in text
        assert "12 (57%)" in text and "9 (43%)" in text and "13 (62%)" in text
        await pilot.press("shift+tab", "shift+tab", "down")  # Cross-tab
        await pilot.pause()
        assert screen.section == Section("cross_tab")
        await pilot.press("tab", "tab", "down", "space", "down", "space")  # Q5 off, Q6 on
        await pilot.pause()
        text = "\n".join(str(w.render()) for w in content.query("WrappedLines"))
        assert "Q4 + Q6" in text
        rec10 = [line for line in text.splitlines() if line.startswith("Rec. 10")]
        assert rec10 and rec10[0].split()[2:4] == ["12", "9"] and "9 (43%)" in rec10[0]
        await pilot.press("down", "space")  # tick Q8 too
        await pilot.pause()
        assert screen.query_one(CrossTab).question_ids == ["current_focus", "challenges", "future_topics"]
        text = "\n".join(str(w.render()) for w in content.query("WrappedLines"))
        rec10 = [line for line in text.splitlines() if line.startswith("Rec. 10")]
        assert rec10 and "9 (43%)" in rec10[0]  # the first 9 chose it in all three


async def test_a_large_folder_opens_with_progress_and_stays_usable(make_app: AppFactory) -> None:
    """1,000 files: the screen answers keys while the worker reads, then shows every respondent."""
    from tests.annex_fixture import answers

    folder = Path("responses")
    folder.mkdir()
    header = {"questionnaire": "cws-ict-2025", "version": 1, "revision": 1, "status": "submitted"}
    codes = [a + b for a in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
    for number in range(1000):
        body = answers(number % 21)
        body["office"] = codes[number % len(codes)]
        data = {"response": {**header, "id": f"{number:08d}-0000-4000-8000-000000000000"}, "answers": body}
        (folder / f"R{number:04d}.toml").write_text(tomli_w.dumps(data), "utf-8")
    app = make_app(mode="results")
    async with running(app, size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        await pilot.press("down", "down", "up")
        await wait_loaded(pilot, screen)
        assert screen.results is not None and len(screen.results.rejected) < 1000
        await walk_every_section(pilot, screen)


async def test_escape_backs_out_to_the_menu_before_closing(make_app: AppFactory) -> None:
    """Escape in the comment filter returns to the menu; a second Escape closes the results."""
    write_annex_fixture(Path("responses"))
    app = make_app(mode="results")
    async with running(app, size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        await wait_loaded(pilot, screen)
        await pilot.press("down", "down", "down", "down", "ctrl+f", *"AU")
        await pilot.pause()
        assert "Our office has a multi-year programme:" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.focused is screen.query_one("#sections")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not screen


async def test_a_missing_responses_folder_is_explained(make_app: AppFactory) -> None:
    """Regression (office trial #28): no responses/ folder showed 0 respondents and nothing else."""
    app = make_app(mode="results")
    async with running(app, size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        await wait_loaded(pilot, screen)
        text = " ".join(screen_text(app).split())
        assert "There is no folder responses here" in text


async def test_ten_thousand_files_open_while_keys_still_work(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """10,000 files read in the worker: progress shows, keys move the menu meanwhile, F5 mid-read wins.

    The loader is kept on its one-process path here (the process pool is issue 13's);
    what is tested is the screen: off the UI thread, cancellable, newest read shown.
    """
    from enquete.model.codes import st3_codes
    from enquete.results import loading
    from tests.annex_fixture import answers

    monkeypatch.setattr(loading, "PARALLEL_FROM", 10**9)
    folder = Path("responses")
    folder.mkdir()
    codes = [c.code for c in st3_codes()]
    header = {"questionnaire": "cws-ict-2025", "version": 1, "status": "submitted"}
    for number in range(10_000):
        body = answers(number % 21)
        body["office"] = codes[number % len(codes)]
        response = {
            **header,
            "id": f"{number % len(codes):08d}-0000-4000-8000-000000000000",
            "revision": 1 + number,
        }
        (folder / f"R{number:05d}.toml").write_text(
            tomli_w.dumps({"response": response, "answers": body}), "utf-8"
        )
    seen: list[object] = []
    app = make_app(mode="results")
    async with running(app, size=(80, 24), message_hook=seen.append) as pilot:
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        await pilot.press("down", "down", "down", "down")  # while the worker reads
        assert screen.section == Section("question", "current_focus")
        await pilot.press("f5")  # a second read replaces the first
        await wait_loaded(pilot, screen)
        assert screen.results is not None and screen.results.respondents == len(codes)
        assert len(screen.results.superseded) == 10_000 - len(codes)
        assert any(isinstance(m, ResultsScreen.Progressed) for m in seen)
        assert f"{len(codes)} respondents" in screen_text(app)
        await walk_every_section(pilot, screen)


async def test_reload_keeps_the_scroll_position(make_app: AppFactory) -> None:
    """F5 while reading far down a comment section leaves the reader where they were."""
    write_annex_fixture(Path("responses"))
    app = make_app(mode="results")
    async with running(app, size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        await wait_loaded(pilot, screen)
        await pilot.press("down", "down", "down", "down", "tab", "pagedown", "pagedown")
        await pilot.pause()
        content = screen.query_one("#content")
        before = content.scroll_y
        assert before > 0
        await pilot.press("f5")
        await wait_loaded(pilot, screen)
        await pilot.pause()
        assert content.scroll_y == before


async def test_the_header_says_who_of_the_invited_is_missing(make_app: AppFactory) -> None:
    """With invited.csv beside responses/, the header names the missing offices; names come from it."""
    from tests.annex_fixture import CODES

    write_annex_fixture(Path("responses"))
    rows = ["code,name,email", '"AU","Australia, IPA (invited name)",a@example.org']
    rows += [f"{code},,{code.lower()}@example.org" for code in CODES[1:]]
    rows.append("PE,Peru (INDECOPI),pe@example.org")
    Path("invited.csv").write_text("\n".join(rows) + "\n", "utf-8")
    app = make_app(mode="results")
    async with running(app, size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        await wait_loaded(pilot, screen)
        text = " ".join(screen_text(app).split())
        assert "21 of 22 invited have answered; missing: PE (Peru (INDECOPI))" in text
        assert "AU Australia, IPA (invited name)" in text


async def test_f2_translates_the_whole_results_screen(make_app: AppFactory) -> None:
    """Regression (new-user trial): after F2 the headline and the menu stayed in the old language.

    The menu changed only after a restart and F5 translated the headline but
    not the menu; every text on the screen must follow the language chosen.
    """
    write_annex_fixture(Path("responses"))
    app = make_app(mode="results")
    async with running(app, size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        await wait_loaded(pilot, screen)
        await pilot.press("down", "down")  # Q2, the matrix (its table crashed a first fix on F2)
        await pilot.pause()
        assert "Respondents" in screen_text(app) and "21 respondents in" in screen_text(app)
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("down", "enter")  # English -> Français
        await wait_loaded(pilot, screen)
        await pilot.pause()
        assert app.screen is screen and app.language == "fr"
        assert isinstance(screen, ResultsScreen)  # `is` above narrowed it back to Screen
        menu = [str(option.prompt) for option in screen.query_one("#sections", OptionList).options]
        assert menu[0] == "Répondants" and menu[-1] == "Fichiers non comptés", menu
        assert "Par répondant" in menu
        text = screen_text(app)
        assert "21 répondants dans" in text and "respondents" not in text, text
        assert "Répondants" in text and "Respondents" not in text
        assert screen.section == Section("question", screen.sections[2].question)
        assert "Ligne" in screen_text(app)  # the Q2 table's first header, in French


async def test_q2_table_at_80x24_says_it_has_more_columns_and_scrolls_to_them(make_app: AppFactory) -> None:
    """Regression (new-user trial): at 80x24 Q2's last header showed as "Consid.  No" and its cells as
    "1 (", with nothing saying the table goes on; Right/Left must reach every column, whole."""
    write_annex_fixture(Path("responses"))
    app = make_app(mode="results")
    async with running(app, size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        await wait_loaded(pilot, screen)
        await pilot.press("down", "down")  # Q2
        await pilot.pause()
        assert "→ more columns: Tab to the table, then → and ←" in screen_text(app)
        await pilot.press("tab", "tab")
        await pilot.pause()
        for _ in range(30):
            await pilot.press("right")
        await pilot.pause()
        lines = screen_text(app).splitlines()
        header = next(line for line in lines if " Row " in line)
        assert "No plan" in header and "Done or Ongoing" in header, header
        rows = [line.split("▕", 1)[1].rstrip(" ▎▊▁") for line in lines if "Rec. " in line and "▕" in line]
        assert len(rows) >= 5 and all(row.endswith("%)") for row in rows), rows  # no "1 (" cut at the edge
        for _ in range(30):
            await pilot.press("left")
        await pilot.pause()
        header = next(line for line in screen_text(app).splitlines() if " Row " in line)
        assert "Done " in header and "Done or Ongoing" not in header, header
    app = make_app(mode="results")
    async with running(app, size=(160, 48)) as pilot:
        await wait_loaded(pilot, app.screen)  # type: ignore[arg-type]
        await pilot.press("down", "down")
        await pilot.pause()
        assert "Done or Ongoing" in screen_text(app) and "more columns" not in screen_text(app)
