"""Typing 2,000 characters into a comment box: enquete against a bare TextArea app, same run.

Each run is a fresh process running the app headless. The keys are sent to
the app's driver as a terminal would deliver them (all at once, as from a
fast typist or a paste without bracketed paste: Pilot's `press` waits for
idle after every key, which measures the pilot), and the time runs until
every key is in the box and every save has finished (enquete saves drafts
as you type; the bare app writes nothing). Medians of paired runs.

    python benchmarks/typing_speed.py --repeat 5 --characters 2000
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
TEXT = sys.argv[1]
FLOOD
class Bare(App):
    def compose(self):
        yield TextArea(id="box")
    def on_mount(self):
        self.query_one("#box").focus()
async def type_all(pilot):
    await pilot.pause()
    box = pilot.app.query_one("#box")
    start = time.perf_counter()
    await flood(pilot, lambda: len(box.text) >= len(TEXT))
    print(time.perf_counter() - start, flush=True)
    pilot.app.exit()
Bare().run(headless=True, size=(80, 24), auto_pilot=type_all)
"""
ENQUETE = """
import sys, time
from pathlib import Path
from enquete.storage.questionnaire_file import read_questionnaire_data
from enquete.ui.app import EnqueteApp
TEXT = sys.argv[1]
FLOOD
async def type_all(pilot):
    while not pilot.app.ready:
        await pilot.pause()
    await pilot.press("ctrl+n")
    await pilot.pause()
    await pilot.press("ctrl+n")  # the implementation comments: a multi-line text box
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    from textual.widgets import TextArea
    box = pilot.app.focused
    assert isinstance(box, TextArea), box
    start = time.perf_counter()
    await flood(pilot, lambda: len(box.text) >= len(TEXT))
    print(time.perf_counter() - start, flush=True)
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
    while not done():
        await asyncio.sleep(0.005)
    await app.workers.wait_for_complete()
    await pilot.pause()
"""


def timed(code: str, text: str, folder: str) -> float:
    result = subprocess.run(
        [sys.executable, "-c", code.replace("FLOOD", FLOOD_CODE), text],
        cwd=folder,
        check=True,
        capture_output=True,
        text=True,
    )
    return float(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--characters", type=int, default=2000)
    args = parser.parse_args()
    sentence = "Our Office moved e-filing to ST.96 last year; 数字化 next. "
    text = (sentence * (args.characters // len(sentence) + 1))[: args.characters]
    ours, bares, ratios = [], [], []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory(prefix="enquete-bench-") as folder:
            mine = timed(ENQUETE, text, folder)
        with tempfile.TemporaryDirectory(prefix="enquete-bench-") as folder:
            bare = timed(BARE, text, folder)
        ours.append(mine)
        bares.append(bare)
        ratios.append(mine / bare)
    print(
        f"| typing {args.characters:,} characters | {statistics.median(ours):.2f} s "
        f"| bare TextArea app {statistics.median(bares):.2f} s | {statistics.median(ratios):.2f}x |"
    )


if __name__ == "__main__":
    main()
