"""Launch to first paint: enquete's home screen against a bare Textual app, same environment.

Each run is a fresh process that starts the app headless; Textual's auto_pilot
runs after the first paint, prints the wall-clock time and exits. The figure is
that time minus the moment the parent started the process, so interpreter
teardown (which grows with what was imported) does not count.
enquete paints its home screen from the questionnaire's raw title, then
validates it; "ready" is the time until the list of actions is on screen.

    python benchmarks/startup.py --repeat 10
"""

import argparse
import statistics
import subprocess
import sys
import time

BARE = """
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("hello")
async def leave(pilot):
    import time
    print(time.time(), flush=True)
    pilot.app.exit()
Bare().run(headless=True, auto_pilot=leave)
"""
ENQUETE = """
from pathlib import Path
from enquete.storage.questionnaire_file import read_questionnaire_data
from enquete.ui.app import EnqueteApp
async def leave(pilot):
    import time
    while WAIT_FOR_READY and not pilot.app.ready:
        await pilot.pause()
    print(time.time(), flush=True)
    pilot.app.exit()
path, data = read_questionnaire_data()
EnqueteApp(data, Path("responses"), source=str(path)).run(headless=True, auto_pilot=leave)
"""


def timed(code: str) -> float:
    start = time.time()
    result = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return float(result.stdout.strip().splitlines()[-1]) - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    painted, ready = "WAIT_FOR_READY = False\n" + ENQUETE, "WAIT_FOR_READY = True\n" + ENQUETE
    timed(BARE), timed(painted)  # warm the file cache
    bare = statistics.median(timed(BARE) for _ in range(args.repeat))
    paint = statistics.median(timed(painted) for _ in range(args.repeat))
    full = statistics.median(timed(ready) for _ in range(args.repeat))
    print(f"median of {args.repeat}: bare Textual app {bare * 1000:.0f} ms")
    print(f"  enquete first paint {paint * 1000:.0f} ms ({paint / bare:.2f}x)")
    print(f"  enquete ready       {full * 1000:.0f} ms ({full / bare:.2f}x)")


if __name__ == "__main__":
    main()
