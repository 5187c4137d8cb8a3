"""Launch to first paint and to a usable home screen: enquete against a bare Textual app, same run.

Each run is a fresh process that starts the app headless (80x24); Textual's
auto_pilot starts once the app is mounted, before its first frame, and polls
for the moments below, timed from the moment the parent started the process
(so interpreter teardown, which grows with what was imported, does not count).
A widget is "on screen" once it has a region: laid out, in the frame being drawn.

- **first paint**: the home screen's title on screen (from the raw TOML:
  pydantic is not imported yet);
- **home usable**: the list of actions on screen and focused, so Enter acts
  (a choice made before the questionnaire is validated is carried out when it is);
- **validated**: the questionnaire checked against its schema, the app `ready`.

The bare app's moment is the same test on its one widget: its first paint.
(Until 2026-12-04 it was the moment its auto_pilot started, before that
paint, which charged the bare app's own layout, about 10 ms, to enquete.)

The bare app is timed right before each enquete run, and each figure is the
median of the per-pair ratios, so a busy machine slows both sides alike. The
responses folder is empty (a first start) unless `--drafts N` puts N drafts in it.

    python benchmarks/startup.py --repeat 10
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import asyncio, time
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("hello")
async def leave(pilot):
    hello = pilot.app.query_one(Static)
    while not hello.region:  # laid out: in the frame being drawn
        await asyncio.sleep(0.001)
    painted = time.time()
    print(painted, painted, painted, flush=True)
    pilot.app.exit()
Bare().run(headless=True, size=(80, 24), auto_pilot=leave)
"""
ENQUETE = """
import time
from pathlib import Path
from enquete.storage.questionnaire_file import read_questionnaire_data
from enquete.ui.app import EnqueteApp
async def leave(pilot):
    import asyncio
    from textual.widgets import OptionList
    app = pilot.app
    painted = usable = validated = None
    while painted is None or usable is None or validated is None:
        focused = app.focused
        if painted is None and app.screen.query("#title") and app.screen.query_one("#title").region:
            painted = time.time()  # the title laid out: in the frame being drawn
        if usable is None and isinstance(focused, OptionList) and focused.region:
            usable = time.time()  # laid out on screen, and keys go to it
        if validated is None and app.ready:
            validated = time.time()
        if painted is None or usable is None or validated is None:
            await asyncio.sleep(0.001)  # not pilot.pause(): it waits for the CPU to go idle
    print(painted, usable, validated, flush=True)
    app.exit()
path, data = read_questionnaire_data(Path(QUESTIONNAIRE))
EnqueteApp(data, Path("responses"), source=str(path)).run(headless=True, size=(80, 24), auto_pilot=leave)
"""


def timed(code: str, folder: str) -> list[float]:
    """Seconds from launch to each moment the script prints."""
    start = time.time()
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=folder, check=True, capture_output=True, text=True
    )
    return [float(moment) - start for moment in result.stdout.strip().splitlines()[-1].split()]


def with_drafts(folder: Path, count: int) -> None:
    """`count` drafts of the shipped survey, each with a few answers, in `folder/responses`."""
    from enquete.model.response import Response
    from enquete.storage.questionnaire_file import load_questionnaire
    from enquete.storage.responses import ResponseFolder

    questionnaire = load_questionnaire()
    responses = ResponseFolder(folder / "responses")
    for number in range(count):
        response = Response.new(questionnaire, "en").with_answer(
            "office", ["AU", "FR", "JP", "BR"][number % 4]
        )
        responses.save_draft(response)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--drafts", type=int, default=0)
    args = parser.parse_args()
    from enquete.storage.questionnaire_file import default_questionnaire_path

    enquete = ENQUETE.replace("QUESTIONNAIRE", repr(str(default_questionnaire_path().resolve())))
    names = ["first paint", "home usable", "validated"]
    with tempfile.TemporaryDirectory(prefix="enquete-bench-") as folder:
        with_drafts(Path(folder), args.drafts)
        timed(BARE, folder), timed(enquete, folder)  # warm the file cache
        bares: list[float] = []
        ours: list[list[float]] = [[] for _ in names]
        ratios: list[list[float]] = [[] for _ in names]
        for _ in range(args.repeat):
            bare = timed(BARE, folder)[0]
            mine = timed(enquete, folder)
            bares.append(bare)
            for index, moment in enumerate(mine):
                ours[index].append(moment)
                ratios[index].append(moment / bare)
    print(
        f"median of {args.repeat} pairs, {args.drafts} drafts: bare Textual app {statistics.median(bares) * 1000:.0f} ms"
    )
    for index, name in enumerate(names):
        print(
            f"  enquete {name:<12} {statistics.median(ours[index]) * 1000:.0f} ms "
            f"({statistics.median(ratios[index]):.2f}x)"
        )


if __name__ == "__main__":
    main()
