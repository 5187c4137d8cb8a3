"""`enquete report`: the aggregated results as JSON, Markdown or CSV.

An unchanged folder's report is given again from its memo (results/cache_files.py)
before the model and pydantic are even imported; otherwise the folder is
aggregated, with a per-file cache so only the files that changed are read.
"""

import argparse
import sys
from pathlib import Path

from enquete.commands.output import EXIT_OK, say
from enquete.invited import find_invited
from enquete.results.cache_files import ReportMemo
from enquete.storage.atomic import write_atomically
from enquete.storage.questionnaire_file import default_questionnaire_path
from enquete.text import json_for_terminal, printable


def run_report(args: argparse.Namespace) -> int:
    """Write the report to `--output` exactly, or to stdout made safe for a terminal.

    On stdout, JSON has every character a terminal would obey written as a
    `\\uXXXX` escape (the same JSON values); Markdown and CSV are filtered
    like every other line when stdout is a terminal. A file gets the exact text.

    Args:
        args: The parsed `report` command line (format, output, responses,
            questionnaire, invited).

    Returns:
        EXIT_OK: a missing folder is noted on stderr and reported as 0 respondents.
    """
    invited_path = find_invited(args.responses, args.invited)
    memo = None
    if invited_path is None:  # with a list of invited offices, the report is always made afresh
        questionnaire = args.questionnaire or default_questionnaire_path()
        memo = ReportMemo.open(args.responses, questionnaire, args.format)
    remembered = memo.recall() if memo is not None else None
    if remembered is not None:
        text, respondents, rejected = remembered
        summary = None
    else:
        text, respondents, rejected, summary = _aggregate(args, invited_path)
        if memo is not None:
            memo.remember(text, respondents, rejected)
    if args.output:
        write_atomically(args.output, text.encode("utf-8"))
        say(f"wrote {args.output}: {respondents} respondents, {rejected} rejected")
    elif args.format == "json":
        sys.stdout.write(json_for_terminal(text))
    else:
        sys.stdout.write(printable(text) if sys.stdout.isatty() else text)
    if summary is not None:
        say(summary, err=not args.output)
    if not args.responses.is_dir():
        say(f"enquete: note: there is no folder {args.responses}; 0 respondents", err=True)
    return EXIT_OK


def _aggregate(args: argparse.Namespace, invited_path: Path | None) -> tuple[str, int, int, str | None]:
    """The report's text, respondents, rejected files and invited summary, reading the folder."""
    from enquete.invited import invited_report, load_invited
    from enquete.results.aggregate import aggregate_folder
    from enquete.storage.questionnaire_file import load_questionnaire

    questionnaire = load_questionnaire(args.questionnaire)
    invited = load_invited(invited_path) if invited_path else None
    results = aggregate_folder(args.responses, questionnaire)
    if args.format == "json":
        from enquete.results.report_json import render_json

        extra = invited_report(invited, results.respondent_keys) if invited else None
        text = render_json(results, extra)
    elif args.format == "md":
        from enquete.results.report_markdown import render_markdown

        text = render_markdown(results, questionnaire)
    else:
        from enquete.results.report_csv import render_csv

        text = render_csv(questionnaire, results)
    summary = invited.summary(results.respondent_keys) if invited is not None else None
    return text, results.respondents, len(results.rejected), summary
