"""`enquete report`: the aggregated results as JSON, Markdown or CSV.

An unchanged folder's report is given again from its memo (results/cache_files.py)
before the model and pydantic are even imported; otherwise the folder is
aggregated, with a per-file cache so only the files that changed are read.
"""

import argparse
import sys

from enquete.cli import EXIT_OK, say
from enquete.results.cache_files import ReportMemo
from enquete.storage.atomic import write_atomically
from enquete.storage.questionnaire_file import default_questionnaire_path


def run_report(args: argparse.Namespace) -> int:
    memo = ReportMemo.open(args.responses, args.questionnaire or default_questionnaire_path(), args.format)
    remembered = memo.recall() if memo is not None else None
    if remembered is not None:
        text, respondents, rejected = remembered
    else:
        text, respondents, rejected = _aggregate(args)
        if memo is not None:
            memo.remember(text, respondents, rejected)
    if args.output:
        write_atomically(args.output, text.encode("utf-8"))
        say(f"wrote {args.output}: {respondents} respondents, {rejected} rejected")
    else:
        sys.stdout.write(text)
    if not args.responses.is_dir():
        say(f"enquete: note: there is no folder {args.responses}; 0 respondents", err=True)
    return EXIT_OK


def _aggregate(args: argparse.Namespace) -> tuple[str, int, int]:
    """The report's text, its respondents and its rejected files, reading the folder."""
    from enquete.results.aggregate import aggregate_folder
    from enquete.storage.questionnaire_file import load_questionnaire

    questionnaire = load_questionnaire(args.questionnaire)
    results = aggregate_folder(args.responses, questionnaire)
    if args.format == "json":
        from enquete.results.report_json import render_json

        text = render_json(results)
    elif args.format == "md":
        from enquete.results.report_markdown import render_markdown

        text = render_markdown(results, questionnaire)
    else:
        from enquete.results.report_csv import render_csv

        text = render_csv(questionnaire, results)
    return text, results.respondents, len(results.rejected)
