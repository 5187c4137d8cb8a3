"""`enquete report`: the aggregated results as JSON, Markdown, CSV, a Word annex, a workbook or a summary.

Word and Excel files are binary: they need `-o FILE` (a terminal is no place
for them). Every format is in the report language given by `--lang`.
"""

import argparse
import sys

from enquete.commands.output import EXIT_OK, EXIT_USAGE, say
from enquete.invited import InvitedList, find_invited, invited_report, load_invited
from enquete.model.questionnaire import Questionnaire
from enquete.results.aggregate import Results, aggregate_folder
from enquete.storage.atomic import write_atomically
from enquete.storage.questionnaire_file import check_language, load_questionnaire
from enquete.text import json_for_terminal, printable

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
        from enquete.results.report_json import render_json

        extra = invited_report(invited, results.respondent_keys) if invited else None
        text = render_json(results, questionnaire, extra)
    return text.encode("utf-8")


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
        EXIT_USAGE: a Word or Excel report asked for without `-o FILE`.
    """
    if args.format in BINARY_FORMATS and not args.output:
        say(f"enquete: --format {args.format} writes a file: add -o FILE.{args.format}", err=True)
        return EXIT_USAGE
    questionnaire = load_questionnaire(args.questionnaire)
    language = check_language(getattr(args, "lang", None), questionnaire.languages)
    invited_path = find_invited(args.responses, args.invited)
    invited = load_invited(invited_path) if invited_path else None
    results = aggregate_folder(args.responses, questionnaire)
    args.lang = language  # checked against the questionnaire's languages above
    data = render(args, results, questionnaire, invited)
    if args.output:
        write_atomically(args.output, data)
        say(f"wrote {args.output}: {results.respondents} respondents, {len(results.rejected)} rejected")
    elif args.format == "json":
        sys.stdout.write(json_for_terminal(data.decode("utf-8")))
    else:
        text = data.decode("utf-8")
        sys.stdout.write(printable(text) if sys.stdout.isatty() else text)
    if invited is not None:
        say(invited.summary(results.respondent_keys), err=not args.output)
    if not args.responses.is_dir():
        say(f"enquete: note: there is no folder {args.responses}; 0 respondents", err=True)
    return EXIT_OK
