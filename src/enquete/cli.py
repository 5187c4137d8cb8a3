"""The `enquete` command: argument parsing, and errors turned into messages and exit codes.

Subcommands import what they need when they run, so `enquete check` never
loads Textual and `enquete` (the app) never loads the report writers.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from enquete import __version__
from enquete.commands.output import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, say
from enquete.errors import EnqueteError

__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "build_parser", "main", "say"]


def _common(parser: argparse.ArgumentParser, *, responses: bool = True, top: bool = False) -> None:
    """The options every command shares, accepted before or after the command's name.

    Given on the top-level parser they set the value; on a subcommand their
    default is SUPPRESS, so `enquete --responses X report` is not silently
    undone by the subcommand's own default (argparse's known trap).
    """
    unset = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--questionnaire",
        type=Path,
        metavar="FILE",
        default=unset,
        help="questionnaire to use (default: ./questionnaire.toml, else the shipped survey)",
    )
    if responses:
        parser.add_argument(
            "--responses",
            type=Path,
            metavar="DIR",
            default=unset,
            help="folder of response files (default: ./responses)",
        )


def _invited(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    parser.add_argument(
        "--invited",
        type=Path,
        metavar="FILE",
        default=None if top else argparse.SUPPRESS,
        help="CSV list of who was invited (code,name,email), to say who is missing "
        "(default: invited.csv beside the responses folder, if there is one)",
    )


def _language(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    parser.add_argument(
        "--lang",
        metavar="CODE",
        default=None if top else argparse.SUPPRESS,
        help="language to show (one the questionnaire declares, e.g. en, fr, ru; default en)",
    )


MERGE_DESCRIPTION = """\
Import the response files that came back into one responses folder.

Every file under SOURCE gets a line: response files (.toml in any case, and
.toml.txt), the responses inside .zip archives and attached to saved e-mails
(.eml, forwarded ones too); anything else is listed as not a response file.
Files saved as UTF-16 or Windows-1252 (Notepad) are read; what is written is
UTF-8 with LF line ends, under <CODE>.toml."""

MERGE_EPILOG = """\
outcomes:
  imported   a new respondent
  replaced   a newer revision; the file it replaces is kept in DIR/history/
  duplicate  the same response is already there
  stale      an older revision than the one there
  conflict   another response for the same respondent: both sides and the
             answers that differ are shown; --replace keeps the newest saved
  rejected   not a valid submitted response; the line says why and what to do
  ignored    not a response file (a PDF, an image)

exit status: 0 nothing needs attention, 1 some file is in conflict or
rejected, 2 nothing was done (bad arguments, unreadable questionnaire or
invited list, or the folder busy with another merge or app).

With an invited list (DIR/../invited.csv or --invited FILE), merge also says
who has not answered yet."""


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: the app's modes (fill, results) and the batch commands.

    Returns:
        A parser whose `command` is None when `enquete` runs alone (the home screen).
    """
    parser = argparse.ArgumentParser(
        prog="enquete",
        description="Fill in a questionnaire offline, merge the response files, report the results.",
        epilog="Run 'enquete' alone to open the app on the shipped survey.",
    )
    parser.add_argument("--version", action="version", version=f"enquete {__version__}")
    _common(parser, top=True)
    _language(parser, top=True)
    _invited(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    fill = commands.add_parser("fill", help="fill in (or resume) a response")
    _common(fill)
    _language(fill)
    fill.add_argument("--office", metavar="CODE", help="respondent code (e.g. AU) to start with")

    results = commands.add_parser("results", help="browse the aggregated results")
    _common(results)
    _language(results)
    _invited(results)

    report = commands.add_parser(
        "report", help="write the aggregated results (json, md, csv, docx annex, xlsx workbook, summary)"
    )
    _common(report)
    _invited(report)
    report.add_argument(
        "--format",
        choices=["json", "md", "csv", "docx", "xlsx", "summary"],
        default=None,
        help="default: from the -o file's extension (.md, .csv, .docx, .xlsx, .json, .txt for the summary; "
        "another extension is refused); json without -o or without an extension",
    )
    _language(report)
    report.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here, not stdout")
    report.add_argument(
        "--template", type=Path, metavar="DOCX", help="docx: take the styles of this Word document"
    )
    report.add_argument("--codes", action="store_true", help="csv: write option ids, not labels")

    check = commands.add_parser(
        "check", help="validate response files, or the questionnaire when no file is given"
    )
    _common(check, responses=False)
    check.add_argument("files", nargs="*", type=Path, metavar="FILE")
    check.add_argument(
        "--strict", action="store_true", help="questionnaire: fail on warnings too (missing translations)"
    )

    merge = commands.add_parser(
        "merge",
        help="import response files into the responses folder",
        description=MERGE_DESCRIPTION,
        epilog=MERGE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _common(merge, responses=False)
    _invited(merge)
    merge.add_argument(
        "sources",
        nargs="+",
        type=Path,
        metavar="SOURCE",
        help="files or folders as they arrived: .toml (any case, .toml.txt too), .zip, .eml; "
        "folders are searched, links are not followed",
    )
    merge.add_argument(
        "--into",
        "--responses",
        dest="into",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="DIR",
        help="the responses folder to import into (default: --responses, else ./responses)",
    )
    merge.add_argument("--dry-run", action="store_true", help="show what would happen, write nothing")
    merge.add_argument(
        "--replace",
        action="store_true",
        help="settle conflicts: for each respondent, keep the response saved last "
        "(the one it replaces is kept in history/)",
    )

    converter = commands.add_parser(
        "import",
        help="make a questionnaire from an XLSForm (needs: pip install 'enquete[xlsform]')",
    )
    converter.add_argument("form", type=Path, metavar="FORM.xlsx")
    converter.add_argument("-o", "--output", type=Path, default=Path("questionnaire.toml"), metavar="FILE")
    converter.add_argument("--force", action="store_true", help="overwrite the output file if it exists")
    converter.add_argument(
        "--strict", action="store_true", help="fail on warnings too (missing translations)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one `enquete` command line; errors a person can fix become a message, not a traceback.

    Args:
        argv: The arguments after the program name; `sys.argv[1:]` when None.

    Returns:
        The exit code: 0 all good, 1 problems found in the input, 2 the command could not run.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")  # a Windows console must not crash on CJK
    args = build_parser().parse_args(argv)
    args.responses = args.responses or Path("responses")
    if args.command == "merge" and not hasattr(args, "into"):
        args.into = args.responses
    try:
        return _run(args)
    except EnqueteError as error:
        say(f"enquete: {error}", err=True)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def _run(args: argparse.Namespace) -> int:
    command = args.command
    if command == "check":
        from enquete.commands.check_command import run_check

        return run_check(args.files, args.questionnaire, strict=args.strict)
    if command == "report":
        from enquete.commands.report_command import run_report

        return run_report(args)
    if command == "merge":
        from enquete.commands.merge_command import run_merge

        return run_merge(args)
    if command == "import":
        from enquete.commands.import_command import run_import

        return run_import(args.form, args.output, force=args.force, strict=args.strict)
    from enquete.ui.launch import run_app

    return run_app(
        mode=command or "home",
        questionnaire_path=args.questionnaire,
        responses=args.responses,
        language=args.lang,
        office=getattr(args, "office", None),
        invited=args.invited,
    )
