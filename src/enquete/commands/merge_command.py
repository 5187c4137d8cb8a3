"""`enquete merge SOURCE... [--into DIR] [--dry-run] [--replace]`."""

import argparse
from collections import Counter

from enquete.commands.output import EXIT_OK, EXIT_PROBLEMS, say
from enquete.merge import Outcome, merge
from enquete.storage.questionnaire_file import load_questionnaire
from enquete.text import one_line


def run_merge(args: argparse.Namespace) -> int:
    """Import the sources into the responses folder, printing one line per file and a summary.

    Args:
        args: The parsed `merge` command line (sources, into, replace, dry_run, questionnaire).

    Returns:
        EXIT_OK when no file was rejected or in conflict, EXIT_PROBLEMS otherwise.
    """
    questionnaire = load_questionnaire(args.questionnaire)
    steps = merge(args.sources, args.into, questionnaire, replace=args.replace, dry_run=args.dry_run)
    rows = [
        (one_line(str(s.file), 60), s.respondent or "-", s.outcome.value, one_line(s.reason, 200))
        for s in steps
    ]
    widths = [
        max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(("FILE", "RESPONDENT", "OUTCOME"))
    ]
    say(f"{'FILE':<{widths[0]}}  {'RESPONDENT':<{widths[1]}}  {'OUTCOME':<{widths[2]}}  REASON")
    for file, respondent, outcome, reason in rows:
        say(f"{file:<{widths[0]}}  {respondent:<{widths[1]}}  {outcome:<{widths[2]}}  {reason}")
    counts = Counter(s.outcome for s in steps)
    summary = ", ".join(f"{counts[o]} {o.value}" for o in Outcome)
    prefix = "dry run, nothing written: " if args.dry_run else ""
    say(f"{prefix}{len(steps)} file{'s' if len(steps) != 1 else ''}: {summary} (into {args.into})")
    return EXIT_OK if all(s.outcome.ok for s in steps) else EXIT_PROBLEMS
