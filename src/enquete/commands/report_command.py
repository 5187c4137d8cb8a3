"""`enquete report`: the aggregated results as JSON, Markdown, CSV, a Word annex, a workbook or a summary.

Word and Excel files are binary: they need `-o FILE` (a terminal is no place
for them). Every format is in the report language given by `--lang`.

A text report of an unchanged folder is given again from its memo
(results/cache_files.py) before the model and pydantic are even imported;
otherwise the folder is aggregated, with a per-file cache so only the files
that changed are read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from enquete.commands.output import EXIT_OK, EXIT_USAGE, say
from enquete.invited import find_invited
from enquete.results.cache_files import ReportMemo, Tally
from enquete.storage.atomic import write_atomically
from enquete.storage.questionnaire_file import default_questionnaire_path
from enquete.text import json_for_terminal, printable

if TYPE_CHECKING:  # imported when a report is made: a remembered one needs neither pydantic nor the model
    from enquete.invited import InvitedList
    from enquete.model.questionnaire import Questionnaire
    from enquete.results.aggregate import Results

BINARY_FORMATS = ("docx", "xlsx")


def render(
    args: argparse.Namespace,
    results: Results,
    questionnaire: Questionnaire,
    invited: InvitedList | None = None,
) -> bytes:
    """The report's bytes in the asked format and language; names from the invited list when there is one."""
    lang = getattr(args, "lang", None) or "en"
    names = invited.names() if invited else None
    if args.format == "docx":
        from enquete.results.report_docx import render_docx

        return render_docx(results, questionnaire, lang, names, template=getattr(args, "template", None))
    if args.format == "xlsx":
        from enquete.results.report_xlsx import render_xlsx

        return render_xlsx(results, questionnaire, lang, names)
    if args.format == "md":
        from enquete.results.report_markdown import render_markdown

        text = render_markdown(results, questionnaire, lang, names)
    elif args.format == "csv":
        from enquete.results.report_csv import render_csv

        text = render_csv(questionnaire, results, lang, codes=getattr(args, "codes", False), names=names)
    elif args.format == "summary":
        from enquete.results.report_summary import render_summary

        text = render_summary(results, questionnaire, lang)
    else:
        from enquete.invited import invited_report
        from enquete.results.report_json import render_json

        extra = invited_report(invited, results.respondent_keys) if invited else None
        text = render_json(results, questionnaire, extra)
    return text.encode("utf-8")


FORMAT_OF_EXTENSION = {
    ".json": "json",
    ".md": "md",
    ".csv": "csv",
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".txt": "summary",
}


def format_of(output: Path | None) -> str | None:
    """The format `-o FILE` asks for by its extension when --format is not given; None: cannot tell.

    `report -o annex.docx` wrote JSON into a file named .docx (trial 2026-12);
    then `-o annex.pdf` still wrote JSON, silently, into a file named .pdf.
    No file, or a name without an extension, is JSON.
    """
    if output is None or not output.suffix:
        return "json"
    return FORMAT_OF_EXTENSION.get(output.suffix.lower())


def run_report(args: argparse.Namespace) -> int:
    """Write the report to `--output` exactly, or to stdout made safe for a terminal.

    On stdout, JSON has every character a terminal would obey written as a
    `\\uXXXX` escape (the same JSON values); Markdown and CSV are filtered
    like every other line when stdout is a terminal. A file gets the exact text.

    Args:
        args: The parsed `report` command line (format, lang, output, responses,
            questionnaire, invited, template, codes).

    Returns:
        EXIT_OK: a missing folder is noted on stderr and reported as 0 respondents;
        EXIT_USAGE: a Word or Excel report asked for without `-o FILE`, or an `-o FILE`
        whose extension names no format (nothing is written).
    """
    if args.format is None:
        args.format = format_of(args.output)
        if args.format is None:
            *others, last = FORMAT_OF_EXTENSION
            say(
                f"enquete: cannot tell a format from {args.output}: name it {', '.join(others)} "
                f"or {last} (the summary), or give --format",
                err=True,
            )
            return EXIT_USAGE
    if args.format in BINARY_FORMATS and not args.output:
        say(f"enquete: --format {args.format} writes a file: add -o FILE.{args.format}", err=True)
        return EXIT_USAGE
    invited_path = find_invited(args.responses, args.invited)
    memo = _memo(args, invited_path)
    remembered = memo.recall() if memo is not None else None
    if remembered is not None:
        text, tally = remembered
        data, summary = text.encode("utf-8"), None
    else:
        data, tally, summary = _aggregate(args, invited_path)
        if memo is not None:
            memo.remember(data.decode("utf-8"), tally)
    if args.output:
        write_atomically(args.output, data)
        say(f"wrote {args.output}: {tally.said()}")
    elif args.format == "json":
        sys.stdout.write(json_for_terminal(data.decode("utf-8")))
    else:
        text = data.decode("utf-8")
        sys.stdout.write(printable(text) if sys.stdout.isatty() else text)
    if summary is not None:
        say(summary, err=not args.output)
    if not args.responses.is_dir():
        say(f"enquete: note: there is no folder {args.responses}; 0 respondents", err=True)
    return EXIT_OK


def _memo(args: argparse.Namespace, invited_path: Path | None) -> ReportMemo | None:
    """The memo of a text report; None for Word and Excel files, a template or an invited list."""
    if args.format in BINARY_FORMATS or getattr(args, "template", None) or invited_path is not None:
        return None
    lang = getattr(args, "lang", None) or "en"
    form = f"{args.format}.{lang}" + (".codes" if getattr(args, "codes", False) else "")
    return ReportMemo.open(args.responses, args.questionnaire or default_questionnaire_path(), form)


def _aggregate(args: argparse.Namespace, invited_path: Path | None) -> tuple[bytes, Tally, str | None]:
    """The report's bytes, what became of the files and the invited summary, reading the folder."""
    from enquete.invited import load_invited
    from enquete.results.aggregate import aggregate_folder
    from enquete.storage.questionnaire_file import check_language, load_questionnaire

    questionnaire = load_questionnaire(args.questionnaire)
    # --lang must be one of the questionnaire's languages (a refusal is never remembered)
    args.lang = check_language(getattr(args, "lang", None), questionnaire.languages)
    invited = load_invited(invited_path) if invited_path else None
    results = aggregate_folder(args.responses, questionnaire)
    data = render(args, results, questionnaire, invited)
    summary = invited.summary(results.respondent_keys) if invited is not None else None
    ignored = sum(len(conflict.ignored) for conflict in results.conflicts)
    tally = Tally(results.respondents, len(results.rejected), len(results.superseded), ignored)
    return data, tally, summary
