"""Moving through the results screen on 150 respondents: enquete against a bare Textual app, same run.

Each run is a fresh process running an app headless at 80x24 over a folder
of 150 offices' responses (`corpus.py`: bulleted comments with URLs, curly
quotes and CJK). Keys are posted to the app as the terminal driver posts
them, without Pilot's wait for idle (which would time the pilot), and a
step ends at the first frame the compositor draws with its result on it
(the app's `_display` is wrapped: it runs once per frame, headless too).

The steps: Down from question 2 to question 3 (the first visit to 1,500
lines of comments), Down to question 4, Up back to question 3, the filter
on question 4 (Ctrl+F first, then `A`, and `U` once `A`'s comments are
drawn, until only AU's are), and 12 Downs queued at once from the first
entry, as a held key delivers them, until the last entry's section is drawn.

Two baselines, each the least a Textual app does for the same: the same
menu, and a pane whose section is removed and one widget mounted holding
the same text (each question's title and every comment, code and name, as
plain lines), under a filter box when there are comments; the filter keeps
the comments of a respondent's code, or those holding the words. `static`:
one `Static` in a scrolling pane (the whole text drawn, as enquete did);
`textarea`: a read-only, soft-wrapping `TextArea` filling the pane
(Textual's own widget that draws only the lines on screen). Figures are
medians of per-run ratios, wall and CPU, enquete and the baselines run in
turns.

    python benchmarks/results_screen.py --repeat 5
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

STEPS = ["down 2->3", "down 3->4", "up 4->3", "filter A, then U", "12 downs queued"]
"""The timed steps, in the order both apps print them."""

HARNESS = """
import asyncio, sys, time
from textual import events
from textual.keys import _character_to_key

def key(app, name):
    character = name if len(name) == 1 else None
    event = events.Key(name if name.isalnum() else _character_to_key(name), character)
    app.post_message(event)

async def settle(pilot):
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

async def timed(pilot, keys, drawn):
    app = pilot.app
    display, seen = app._display, []
    def frame(screen, renderable):
        display(screen, renderable)
        if not seen and drawn():
            seen.append((time.perf_counter(), time.process_time()))
    app._display = frame
    start, cpu = time.perf_counter(), time.process_time()
    for name in keys:
        key(app, name)
    while not seen:
        await asyncio.sleep(0.001)
    app._display = display
    await settle(pilot)
    return seen[0][0] - start, seen[0][1] - cpu

async def typed(pilot, steps):  # each step's keys once the previous step is drawn: their time
    times = [await timed(pilot, keys, drawn) for keys, drawn in steps]
    return sum(t[0] for t in times), sum(t[1] for t in times)
"""

BARE = (
    HARNESS
    + """
import json
from textual.app import App
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, OptionList, Static, TextArea

SECTIONS = json.loads(open(sys.argv[1], encoding="utf-8").read())
KIND = sys.argv[2]

def viewer(text):
    if KIND == "static":
        return Static(Content(text), classes="shown")
    return TextArea(text, read_only=True, soft_wrap=True, classes="shown")

def text_of(section, query=""):
    wanted = query.casefold().split()
    codes = {b["code"].casefold() for b in section["blocks"]}
    if query.casefold() in codes:
        blocks = [b for b in section["blocks"] if b["code"].casefold() == query.casefold()]
    else:
        blocks = [b for b in section["blocks"] if all(w in b["text"].casefold() for w in wanted)]
    return "\\n".join([section["title"], "", *(b["text"] for b in blocks)])

class Bare(App):
    CSS = "#menu { width: 26; } #pane { padding: 0 1; } Static { height: auto; } TextArea { height: 1fr; }"
    BINDINGS = [("ctrl+f", "filter")]
    def compose(self):
        with Horizontal():
            yield OptionList(*(s["label"] for s in SECTIONS), id="menu")
            yield VerticalScroll(id="pane") if KIND == "static" else Vertical(id="pane")
    def on_mount(self):
        self.shown, self.filtered = -1, None
        self.query_one("#menu").focus()
    async def on_option_list_option_highlighted(self, event):
        pane = self.query_one("#pane")
        await pane.remove_children()
        section = SECTIONS[event.option_index]
        widgets = [Input(placeholder="Filter")] if section["blocks"] else []
        await pane.mount_all([*widgets, viewer(text_of(section))])
        self.shown = event.option_index
    def on_input_changed(self, event):
        shown, text = self.query_one(".shown"), text_of(SECTIONS[self.shown], event.value)
        shown.update(Content(text)) if isinstance(shown, Static) else shown.load_text(text)
        self.filtered = event.value
    def action_filter(self):
        self.query_one(Input).focus()

def shown(app, index):
    statics = app.query(".shown")
    return app.shown == index and bool(statics) and bool(statics.first().outer_size)

async def run(pilot):
    app = pilot.app
    await pilot.press("down", "down")
    await settle(pilot)
    figures = [await timed(pilot, ["down"], lambda: shown(app, 3))]
    figures.append(await timed(pilot, ["down"], lambda: shown(app, 4)))
    figures.append(await timed(pilot, ["up"], lambda: shown(app, 3)))
    await pilot.press("down", "ctrl+f")
    await settle(pilot)
    a, u = (["A"], lambda: app.filtered == "A"), (["U"], lambda: app.filtered == "AU")
    figures.append(await typed(pilot, [a, u]))
    await pilot.press("escape")
    app.query_one("#menu").focus()
    await pilot.press("home")
    await settle(pilot)
    figures.append(await timed(pilot, ["down"] * 12, lambda: shown(app, 12)))
    print(" ".join(f"{wall} {cpu}" for wall, cpu in figures), flush=True)
    app.exit()

Bare().run(headless=True, size=(80, 24), auto_pilot=run)
"""
)

ENQUETE = (
    HARNESS
    + """
from pathlib import Path
from enquete.storage.questionnaire_file import read_questionnaire_data
from enquete.ui.app import EnqueteApp
from enquete.ui.screens.results import ResultsScreen
from enquete.ui.widgets.comment_list import CommentList

def shown(app, prefix):
    titles = app.screen.query(".section-title")
    if not titles:
        return False
    title = titles.first()
    return str(title.render()).startswith(prefix) and bool(title.outer_size)

def filtered(app, query):
    lists = app.screen.query(CommentList)
    return bool(lists) and lists.first().query_text == query

async def run(pilot):
    app = pilot.app
    while not app.ready or not isinstance(app.screen, ResultsScreen) or app.screen.results is None:
        await pilot.pause(0.01)
    await settle(pilot)
    await pilot.press("down", "down")
    await settle(pilot)
    figures = [await timed(pilot, ["down"], lambda: shown(app, "3. "))]
    figures.append(await timed(pilot, ["down"], lambda: shown(app, "4. ")))
    figures.append(await timed(pilot, ["up"], lambda: shown(app, "3. ")))
    await pilot.press("down", "ctrl+f")
    await settle(pilot)
    a, u = (["A"], lambda: filtered(app, "A")), (["U"], lambda: filtered(app, "AU"))
    figures.append(await typed(pilot, [a, u]))
    await pilot.press("escape", "home")
    await settle(pilot)
    figures.append(await timed(pilot, ["down"] * 12, lambda: shown(app, "Files not counted")))
    print(" ".join(f"{wall} {cpu}" for wall, cpu in figures), flush=True)
    app.exit()

path, data = read_questionnaire_data()
EnqueteApp(data, Path("responses"), source=str(path), mode="results", language="en").run(
    headless=True, size=(80, 24), auto_pilot=run
)
"""
)


def sections(folder: Path) -> list[dict[str, object]]:
    """The bare app's sections: the menu's labels, each question's title and comments as plain lines."""
    from enquete.model.office_names import office_display_name
    from enquete.results.aggregate import aggregate_folder
    from enquete.storage.questionnaire_file import load_questionnaire

    questionnaire = load_questionnaire()
    results = aggregate_folder(folder / "responses", questionnaire)
    found: list[dict[str, object]] = [{"label": "Respondents", "title": "Respondents", "blocks": []}]
    for number, question in enumerate(questionnaire.questions, 1):
        comments = results.questions[question.id].comments
        blocks = [
            {
                "code": c.respondent,
                "text": f"{c.respondent:<5}{office_display_name(c.respondent, 'en')}\n"
                + "\n".join("     " + line for line in c.text.strip("\n").split("\n")),
            }
            for c in comments
        ]
        title = f"{number}. {question.text_in('en')}"
        found.append({"label": f"{number}. {question.id}", "title": title, "blocks": blocks})
    for label in ("By respondent", "By option", "Cross-tab", "Files not counted"):
        found.append({"label": label, "title": label, "blocks": []})
    return found


def timed(code: str, folder: str, *args: str) -> list[tuple[float, float]]:
    """Run one app in a fresh process; each step's wall and CPU seconds."""
    result = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=folder, check=True, capture_output=True, text=True
    )
    numbers = [float(n) for n in result.stdout.strip().splitlines()[-1].split()]
    return list(zip(numbers[::2], numbers[1::2], strict=True))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--offices", type=int, default=150)
    args = parser.parse_args()
    here = Path(__file__).parent
    with tempfile.TemporaryDirectory(prefix="enquete-bench-") as folder:
        subprocess.run(
            [sys.executable, str(here / "corpus.py"), str(Path(folder) / "responses"),
             "--offices", str(args.offices), "--revisions", "1"],
            check=True, capture_output=True,
        )  # fmt: skip
        texts = Path(folder) / "sections.json"
        texts.write_text(json.dumps(sections(Path(folder))), encoding="utf-8")
        runs: dict[str, list[list[tuple[float, float]]]] = {"enquete": [], "static": [], "textarea": []}
        for _ in range(args.repeat):
            for name, times in runs.items():
                code, extra = (ENQUETE, []) if name == "enquete" else (BARE, [str(texts), name])
                times.append(timed(code, folder, *extra))
            print("  " + ";  ".join(f"{name} " + " ".join(f"{w * 1000:.0f}" for w, _ in times[-1])
                                    for name, times in runs.items()) + " ms")  # fmt: skip
    print(
        f"| step ({args.offices} respondents, 80x24) | enquete | Static app | ratio wall, CPU "
        "| TextArea app | ratio wall, CPU |"
    )
    print("|---|---|---|---|---|---|")
    for index, step in enumerate(STEPS):
        mine = [run[index] for run in runs["enquete"]]
        line = f"| {step} | {statistics.median(m[0] for m in mine) * 1000:.0f} ms "
        for name in ("static", "textarea"):
            bare = [run[index] for run in runs[name]]
            wall = statistics.median(m[0] / b[0] for m, b in zip(mine, bare, strict=True))
            cpu = statistics.median(m[1] / max(b[1], 1e-6) for m, b in zip(mine, bare, strict=True))
            line += f"| {statistics.median(b[0] for b in bare) * 1000:.0f} ms | {wall:.2f}x, {cpu:.2f}x "
        print(line + "|")


if __name__ == "__main__":
    main()
