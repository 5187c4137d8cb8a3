"""The Word annex and the Excel workbook at 150 respondents, against bare python-docx and openpyxl.

`enquete report -o annex.docx` and `-o figures.xlsx` (cold: ENQUETE_CACHE=off)
each run in a fresh process, paired like report.py with a baseline that
writes the same content with the library alone, no styling, also in a fresh
process:

- **bare python-docx**: a plain `Document()` given the annex's paragraphs and
  tables in the same order, one paragraph per line of a cell, as the annex
  writes them (the same number of paragraphs and table cells), then saved;
- **bare openpyxl**: a `Workbook()` given the same sheets and every cell value
  with `sheet.append`, then saved.

The baselines' content is read from enquete's own output once, before the
timings, so both sides write the same text. The figure is the median of the
per-pair ratios; the baseline does not read or aggregate the 150 response
files, so the ratio includes what the report pays for that (a JSON report of
the same folder is printed against the same baseline, as that floor).

    python benchmarks/outputs.py --repeat 5
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from corpus import generate
from report import Bench, byte_compile, machine, run, settle

BARE_DOCX = """
import json, sys
from docx import Document
document = Document()
for kind, content in json.loads(open(sys.argv[1], encoding="utf-8").read()):
    if kind == "p":
        document.add_paragraph(content)
        continue
    table = document.add_table(rows=len(content), cols=len(content[0]))
    for row, texts in zip(table.rows, content):
        for cell, text in zip(row.cells, texts):
            lines = text.split("\\n")
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
document.save(sys.argv[2])
"""
BARE_XLSX = """
import json, sys
from openpyxl import Workbook
workbook = Workbook()
workbook.remove(workbook.active)
for name, rows in json.loads(open(sys.argv[1], encoding="utf-8").read()):
    sheet = workbook.create_sheet(name)
    for row in rows:
        sheet.append(row)
workbook.save(sys.argv[2])
"""


def docx_content(path: Path) -> list[tuple[str, Any]]:
    """The annex's body in order: ("p", text) per paragraph, ("t", rows of cell texts) per table."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = Document(str(path))
    content: list[tuple[str, Any]] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            content.append(("p", item.text))
        elif isinstance(item, Table):
            rows = [["\n".join(p.text for p in cell.paragraphs) for cell in row.cells] for row in item.rows]
            content.append(("t", rows))
    return content


def xlsx_content(path: Path) -> list[tuple[str, list[list[Any]]]]:
    """Each sheet's name and cell values, row by row (dates as ISO text, for JSON)."""
    from openpyxl import load_workbook

    def plain(value: Any) -> Any:
        return value.isoformat() if isinstance(value, datetime.date) else value

    workbook = load_workbook(str(path))
    return [
        (sheet.title, [[plain(v) for v in row] for row in sheet.iter_rows(values_only=True)])
        for sheet in workbook.worksheets
    ]


def report(folder: Path, target: Path) -> list[str]:
    return [sys.executable, "-m", "enquete", "report", "--responses", str(folder), "-o", str(target)]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--offices", type=int, default=150)
    args = parser.parse_args()
    byte_compile()
    print(machine())
    print("| what | enquete | baseline | ratio |\n|---|---|---|---|")
    bench = Bench(args.repeat)
    cold = {**os.environ, "ENQUETE_CACHE": "off"}
    with tempfile.TemporaryDirectory(prefix="enquete-bench-") as tmp:
        work = Path(tmp)
        folder = work / "responses"
        generate(folder, args.offices, 1)
        settle(folder)
        label = f"{args.offices} respondents"
        for suffix, extract, program, name in (
            ("docx", docx_content, BARE_DOCX, "bare python-docx"),
            ("xlsx", xlsx_content, BARE_XLSX, "bare openpyxl"),
        ):
            ours = work / f"out.{suffix}"
            run(report(folder, ours), cold)
            content = work / f"{suffix}.json"
            content.write_text(json.dumps(extract(ours), ensure_ascii=False), "utf-8")
            baseline = [sys.executable, "-c", program, str(content), str(work / f"bare.{suffix}")]
            bench.pair(f"{label}, -o {ours.name}", report(folder, ours), baseline, name, cold)
            floor = report(folder, work / "out.json")
            bench.pair(f"{label}, -o out.json (the floor)", floor, baseline, name, cold)


if __name__ == "__main__":
    main()
