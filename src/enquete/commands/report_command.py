"""`enquete report`: the aggregated results as JSON, Markdown or CSV."""

import argparse
import sys

from enquete.commands.output import EXIT_OK, say
from enquete.invited import find_invited, invited_report, load_invited
from enquete.results.aggregate import aggregate_folder
from enquete.storage.atomic import write_atomically
from enquete.storage.questionnaire_file import check_language, load_questionnaire
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
    questionnaire = load_questionnaire(args.questionnaire)
    language = check_language(getattr(args, "lang", None), questionnaire.languages)
    invited_path = find_invited(args.responses, args.invited)
    invited = load_invited(invited_path) if invited_path else None
    results = aggregate_folder(args.responses, questionnaire)
    if args.format == "json":
        from enquete.results.report_json import render_json

        extra = invited_report(invited, results.respondent_keys) if invited else None
        text = render_json(results, extra)
    elif args.format == "md":
        from enquete.results.report_markdown import render_markdown

        text = render_markdown(results, questionnaire, language)
    else:
        from enquete.results.report_csv import render_csv

        text = render_csv(questionnaire, results)
    if args.output:
        write_atomically(args.output, text.encode("utf-8"))
        say(f"wrote {args.output}: {results.respondents} respondents, {len(results.rejected)} rejected")
    elif args.format == "json":
        sys.stdout.write(json_for_terminal(text))
    else:
        sys.stdout.write(printable(text) if sys.stdout.isatty() else text)
    if invited is not None:
        say(invited.summary(results.respondent_keys), err=not args.output)
    if not args.responses.is_dir():
        say(f"enquete: note: there is no folder {args.responses}; 0 respondents", err=True)
    return EXIT_OK
