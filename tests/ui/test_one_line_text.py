"""`multiline = false`: a one-line box, Enter goes on, a pasted text keeps every word, nothing unsafe drawn."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual import events
from textual.widgets import Static

from enquete.storage.questionnaire_file import read_questionnaire_data
from enquete.text import join_lines
from enquete.ui.app import EnqueteApp
from enquete.ui.screens.fill import FillScreen
from tests.conftest import ROOT
from tests.ui.conftest import app_for, draft_answers, fill_screen, running, screen_text, settled

QUESTIONNAIRE = """
[questionnaire]
id = "one-line"
version = 1
languages = ["en", "fr"]
title.en = "One-line answers"

[[questions]]
id = "system"
type = "text"
multiline = false
max_length = 2000
required = true
text.en = "Which system do you use? (one line)"
text.fr = "Quel système utilisez-vous ? (une ligne)"

[[questions]]
id = "reference"
type = "text"
multiline = false
max_length = 20
pattern = "[A-Z]{2}-[0-9]{4}"
text.en = "Your file reference (AB-1234)"

[[questions]]
id = "notes"
type = "text"
text.en = "Anything else? (several lines)"

[[questions]]
id = "staff"
type = "number"
decimals = 0
text.en = "How many people?"
"""

PASTED = (
    "Our e-filing system, “ePCT-like”, described at https://example.org/e-filing?lang=en&x=1:\n"
    + "".join(
        f"  • Step {n}: the applicant [b]uploads[/b] 申请书 {n} and the office checks it — "
        "nothing is lost; «quotes» and ‘single’ ones too.\n"
        for n in range(1, 16)
    )
    + "Trailer \x1b]52;c;SGVsbG8=\x07 clipboard, \x1b[2J clear, \x9b31m C1, \u202ebidi\u202c end.\n"
)


def one_line_app(language: str = "en") -> EnqueteApp:
    path = Path("one-line.toml")
    path.write_text(QUESTIONNAIRE, "utf-8")
    return app_for(path, language)


def footer(app: EnqueteApp) -> str:
    return screen_text(app).splitlines()[-1]


async def test_enter_goes_on_from_one_line_and_makes_a_new_line_in_several() -> None:
    """Bug (issue 12): `multiline = false` was not honoured; Enter made a new line in a one-line answer."""
    app = one_line_app()
    async with running(app, size=(80, 24)) as pilot:
        assert "⏎/^n Next" in footer(app), "the key bar says Enter goes on"
        await pilot.press("f1")
        await pilot.pause()
        help_text = " ".join(" ".join(str(w.render()).split()) for w in app.screen.query(Static))
        assert "⏎/^n Next" in help_text and "Enter goes to the next question" in help_text
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press(*"Our own system", "enter")
        await settled(pilot)
        assert fill_screen(app).question.id == "reference"
        assert draft_answers()["system"] == "Our own system"
        await pilot.press("ctrl+n")
        await pilot.press(*"first", "enter", *"second")
        await settled(pilot)
        assert fill_screen(app).question.id == "notes", "Enter stays a new line in a text of several lines"
        assert draft_answers()["notes"] == "first\nsecond"
        assert "⏎" not in footer(app) and "^n Next" in footer(app)


async def test_a_pasted_text_of_several_lines_keeps_every_word_on_one_line() -> None:
    """Bug (issue 12): Textual's Input kept only the first line of a paste, silently dropping the rest."""
    app = one_line_app()
    async with running(app, size=(80, 24)) as pilot:
        app.post_message(events.Paste(PASTED))
        await settled(pilot)
        joined, breaks = join_lines(PASTED)
        assert breaks == 16 and 1600 <= len(joined) <= 2000
        saved = draft_answers()["system"]
        assert saved == joined, "every word kept, the control sequences verbatim in the file"
        assert saved.split() == PASTED.split()
        assert "\x1b]52;c;SGVsbG8=\x07" in saved and "\u202ebidi" in saved
        text = screen_text(app)
        assert "The pasted lines were joined with spaces" in text, "the person is told"
        assert f"{len(joined)} / 2000 characters" in text, "the counter counts what is kept"
        assert "\x1b" not in text and "\x9b" not in text and "\u202e" not in text, "drawn inert"
        shown = text.splitlines()[4]
        assert (
            "Trailer \ufffd]52;c;SGVsbG8=\ufffd clipboard, \ufffd[2J clear, \ufffd31m C1, \ufffdbidi\ufffd end."
            in shown
        ), "the end of the paste shown, where the cursor is, each control as one inert character"


async def test_pattern_shows_as_typed_and_a_paste_is_checked_whole() -> None:
    app = one_line_app()
    async with running(app, size=(80, 24)) as pilot:
        await pilot.press("ctrl+n", *"ab-12")
        await settled(pilot)
        assert "does not have the expected form" in screen_text(app)
        await pilot.press("ctrl+u")
        app.post_message(events.Paste("AB-\n1234\n"))
        await settled(pilot)
        text = screen_text(app)
        assert "AB- 1234" in text and "does not have the expected form" in text, (
            "joined with a space, checked"
        )
        await pilot.press("ctrl+u", *"AB-1234")
        await settled(pilot)
        assert "expected form" not in screen_text(app)
        assert draft_answers()["reference"] == "AB-1234"


async def test_line_breaks_a_hand_edited_file_put_in_a_one_line_answer_are_shown_and_kept() -> None:
    """A response file edited by hand can hold a line break in a one-line answer: opened whole, never lost."""
    first = one_line_app()
    hand_edited = "Line one\nline two “中文” [b]x[/b] \x1b[2J end"
    async with running(first, size=(80, 24)) as pilot:
        await pilot.press(*"placeholder")
        await settled(pilot)
    drafts = list(Path("responses/drafts").glob("*.toml"))
    text = drafts[0].read_text("utf-8")
    drafts[0].write_text(
        text.replace('system = "placeholder"', f"system = {toml_string(hand_edited)}"), "utf-8"
    )
    assert tomllib.loads(drafts[0].read_text("utf-8"))["answers"]["system"] == hand_edited
    second = one_line_app()
    async with running(second, size=(80, 24)) as pilot:
        for _ in range(50):
            if isinstance(second.screen, FillScreen):
                break
            await pilot.press("enter")  # resume the draft
            await pilot.pause()
        shown = screen_text(second)
        assert "Line one⏎line two “中文” [b]x[/b] \ufffd[2J end" in shown
        assert "⏎ marks a line break from the file" in shown
        await pilot.press(*" ok")
        await settled(pilot)
        assert draft_answers()["system"] == hand_edited + " ok", "the line break stays unless deleted"


def toml_string(text: str) -> str:
    import tomli_w

    return tomli_w.dumps({"x": text}).split("=", 1)[1].strip()


async def test_every_languages_key_bar_fits_80_columns_on_every_question() -> None:
    """Issue 12: with `⏎/^n Next` added, each language's key bar must still show every key, Quit last.

    French lost Quit on the matrix ("space Choisir") and, before Ctrl+G and Escape moved to F1, everywhere.
    """
    surveys = [
        ("questionnaire.toml", ("en", "fr", "es", "zh", "ru")),
        ("examples/office-capacity.toml", ("en", "fr")),
    ]
    for source, languages in surveys:
        _, data = read_questionnaire_data(ROOT / source)
        for language in languages:
            folder = Path(f"responses-{len(source)}-{language}")
            app = EnqueteApp(data, folder, source=source, language=language, mode="fill")
            async with running(app, size=(80, 24)) as pilot:
                await pilot.press(*"JP")
                await settled(pilot)
                assert "⏎/^n " in footer(app), (language, footer(app))
                screen = fill_screen(app)
                for index in range(len(screen.session.questionnaire.questions)):
                    await screen.show_question_now(index)
                    await pilot.pause()
                    bar = footer(app).rstrip()
                    assert bar.lstrip().startswith("f1 ") and bar.split()[-2] == "^q", (
                        source,
                        language,
                        index,
                        bar,
                    )
