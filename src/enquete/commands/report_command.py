"""`enquete report`: the aggregated results as JSON, Markdown or CSV."""

import argparse
import sys

from enquete.commands.output import EXIT_OK, say
from enquete.results.aggregate import aggregate_folder
from enquete.storage.atomic import write_atomically
from enquete.storage.questionnaire_file import check_language, load_questionnaire


def run_report(args: argparse.Namespace) -> int:
    """Aggregate the responses folder and write the report to stdout or to `--output`.

    Args:
        args: The parsed `report` command line (format, output, responses, questionnaire).

    Returns:
        EXIT_OK: a missing folder is noted on stderr and reported as 0 respondents.
    """
    questionnaire = load_questionnaire(args.questionnaire)
    language = check_language(getattr(args, "lang", None), questionnaire.languages)
    results = aggregate_folder(args.responses, questionnaire)
    if args.format == "json":
        from enquete.results.report_json import render_json

        text = render_json(results)
    elif args.format == "md":
        from enquete.results.report_markdown import render_markdown

        text = render_markdown(results, questionnaire, language)
    else:
        from enquete.results.report_csv import render_csv

        text = render_csv(questionnaire, results)
    if args.output:
        write_atomically(args.output, text.encode("utf-8"))
        say(f"wrote {args.output}: {results.respondents} respondents, {len(results.rejected)} rejected")
    else:
        sys.stdout.write(text)
    if not args.responses.is_dir():
        say(f"enquete: note: there is no folder {args.responses}; 0 respondents", err=True)
    return EXIT_OK
