"""Typing 2,000 characters into a comment box: enquete against a bare TextArea app, same run.

Each run is a fresh process running the app headless. The keys are sent to
the app's driver as a terminal would deliver them (all at once, as from a
fast typist or a paste without bracketed paste: Pilot's `press` waits for
idle after every key, which measures the pilot). The bare app's time runs
until every key is in its box; enquete's until the session holds the whole
text (the screen has handled it: checked, counted, scheduled) and the draft
holding it is written. The autosave waits for a pause in the typing
(`SAVE_AFTER_SECONDS`, 0.4 s) before writing: that wait is a choice, not
work, and is subtracted. Figures are medians of per-pair ratios, of wall
time and of the process's CPU time (steadier on a shared machine).

`--box text` types into a free-text question (Q3), `--box option` into the
comment box of a ticked option of a multi-select (Q4, Rec. 1). `--pace
burst` sends every key at once; `--pace steady` sends one key, waits until
the app is idle and the screen drawn, then the next, as a typist slower than
the app is served: no key waits for another, so this measures the work of
each key.

    python benchmarks/typing_speed.py --repeat 5 --characters 2000 --box text
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile

BARE = """
import sys, time
from textual.app import App
from textual.widgets import TextArea
TEXT, PACE = sys.argv[1], sys.argv[3]
FLOOD
class Bare(App):
    def compose(self):
        yield TextArea(id="box")
    def on_mount(self):
        self.query_one("#box").focus()
async def type_all(pilot):
    await pilot.pause()
    box = pilot.app.query_one("#box")
    start, cpu = time.perf_counter(), time.process_time()
    await flood(pilot, lambda: len(box.text) >= len(TEXT))
    print(time.perf_counter() - start, time.process_time() - cpu, flush=True)
    pilot.app.exit()
Bare().run(headless=True, size=(80, 24), auto_pilot=type_all)
"""
ENQUETE = """
import sys, time
from pathlib import Path
from enquete.storage.questionnaire_file import read_questionnaire_data
from enquete.ui.app import EnqueteApp
from enquete.ui.screens.fill import SAVE_AFTER_SECONDS
TEXT, BOX, PACE = sys.argv[1], sys.argv[2], sys.argv[3]
FLOOD
async def type_all(pilot):
    while not pilot.app.ready:
        await pilot.pause()
    screen = pilot.app.screen
    if BOX == "text":
        keys, question = ["ctrl+n", "ctrl+n"], "implementation_comments"  # Q3: free text
        def typed():
            return screen.session.answer(question) == TEXT
    else:
        keys, question = ["ctrl+n", "ctrl+n", "ctrl+n", "space", "tab"], "current_focus"  # Q4, Rec. 1
        def typed():
            answer = screen.session.answer(question)
            return answer is not None and answer.comments.get("rec1") == TEXT
    for key in keys:
        await pilot.press(key)
        await pilot.pause()
        screen = pilot.app.screen
    await pilot.app.workers.wait_for_complete()
    while screen.session.needs_saving:
        await pilot.pause(0.05)
    from textual.widgets import TextArea
    box = pilot.app.focused
    assert isinstance(box, TextArea), box
    start, cpu = time.perf_counter(), time.process_time()
    await flood(pilot, lambda: typed() and not screen.session.needs_saving)
    wall = time.perf_counter() - start - SAVE_AFTER_SECONDS
    print(wall, time.process_time() - cpu, flush=True)
    pilot.app.exit()
path, data = read_questionnaire_data()
EnqueteApp(data, Path("responses"), source=str(path), mode="fill", language="en").run(
    headless=True, size=(80, 24), auto_pilot=type_all
)
"""


FLOOD_CODE = """
async def flood(pilot, done):
    import asyncio
    from textual import events
    from textual.keys import _character_to_key
    app = pilot.app
    for character in TEXT:
        key = character if character.isalnum() else _character_to_key(character)
        event = events.Key(key, character)
        event.set_sender(app)
        app._driver.send_message(event)
        if PACE == "steady":
            await pilot.pause()
    while not done():
        await asyncio.sleep(0.005)
    await app.workers.wait_for_complete()
    await pilot.pause()
"""


def timed(code: str, text: str, folder: str, box: str, pace: str) -> tuple[float, float]:
    """Run one app in a fresh process; its wall and CPU seconds."""
    result = subprocess.run(
        [sys.executable, "-c", code.replace("FLOOD", FLOOD_CODE), text, box, pace],
        cwd=folder,
        check=True,
        capture_output=True,
        text=True,
    )
    wall, cpu = result.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--characters", type=int, default=2000)
    parser.add_argument("--box", choices=["text", "option"], default="text")
    parser.add_argument("--pace", choices=["burst", "steady"], default="burst")
    args = parser.parse_args()
    sentence = "Our Office moved e-filing to ST.96 last year; 数字化 next. "
    text = (sentence * (args.characters // len(sentence) + 1))[: args.characters]
    ours, bares, walls, cpus = [], [], [], []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory(prefix="enquete-bench-") as folder:
            mine = timed(ENQUETE, text, folder, args.box, args.pace)
        with tempfile.TemporaryDirectory(prefix="enquete-bench-") as folder:
            bare = timed(BARE, text, folder, args.box, args.pace)
        ours.append(mine[0])
        bares.append(bare[0])
        walls.append(mine[0] / bare[0])
        cpus.append(mine[1] / bare[1])
        print(f"  enquete {mine[0]:.2f} s ({mine[1]:.2f} s CPU), bare {bare[0]:.2f} s ({bare[1]:.2f} s CPU)")
    print(
        f"| typing {args.characters:,} characters ({args.box} box, {args.pace}) | {statistics.median(ours):.2f} s "
        f"| bare TextArea app {statistics.median(bares):.2f} s "
        f"| {statistics.median(walls):.2f}x wall, {statistics.median(cpus):.2f}x CPU |"
    )


if __name__ == "__main__":
    main()
