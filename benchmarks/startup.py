"""Launch to first paint: enquete's home screen against a bare Textual app, same environment.

Each run is a fresh process that starts the app headless and exits as soon as
the first screen is ready (Textual's auto_pilot runs after the first paint).

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
    pilot.app.exit()
Bare().run(headless=True, auto_pilot=leave)
"""
ENQUETE = """
from pathlib import Path
from enquete.storage.questionnaire_file import load_questionnaire
from enquete.ui.app import EnqueteApp
async def leave(pilot):
    pilot.app.exit()
EnqueteApp(load_questionnaire(), Path("responses")).run(headless=True, auto_pilot=leave)
"""


def timed(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    timed(BARE), timed(ENQUETE)  # warm the file cache
    bare = [timed(BARE) for _ in range(args.repeat)]
    ours = [timed(ENQUETE) for _ in range(args.repeat)]
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"bare Textual app: {b * 1000:.0f} ms   enquete home: {o * 1000:.0f} ms   ratio {o / b:.2f}x (median of {args.repeat})")


if __name__ == "__main__":
    main()
