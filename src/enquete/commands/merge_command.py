"""`enquete merge SOURCE... [--into DIR] [--dry-run] [--replace] [--invited FILE]`."""

import argparse
import os
import shutil
import sys
from dataclasses import replace

from enquete.commands.output import EXIT_OK, EXIT_PROBLEMS, say
from enquete.errors import EnqueteError
from enquete.invited import InvitedList, find_invited, load_invited
from enquete.merge import Outcome, Step, merge
from enquete.merge_table import merge_lines
from enquete.storage.questionnaire_file import load_questionnaire
from enquete.storage.responses import ResponseFolder


def run_merge(args: argparse.Namespace) -> int:
    """Import the sources, print one row per file, a summary, and who is still missing.

    Args:
        args: The parsed `merge` command line (sources, into, replace, dry_run,
            questionnaire, invited).

    Returns:
        EXIT_OK when nothing needs a person (no conflict, no rejected file),
        EXIT_PROBLEMS otherwise. Errors that stop the merge (a source that
        does not exist, the folder locked by another writer, an unreadable
        questionnaire or invited list) are raised and become exit 2 at the edge.
    """
    missing = [str(source) for source in args.sources if not os.path.lexists(source)]
    if missing:  # a mistyped path: nothing to ask of a sender, nothing merged
        raise EnqueteError(
            f"no such file or folder: {', '.join(missing)}; check the path (nothing was merged)"
        )
    questionnaire = load_questionnaire(args.questionnaire)
    invited_path = find_invited(args.into, args.invited)
    invited = load_invited(invited_path) if invited_path else None
    steps = merge(args.sources, args.into, questionnaire, replace=args.replace, dry_run=args.dry_run)
    if invited is not None:
        steps = [_flag_uninvited(s, invited) for s in steps]
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
    for line in merge_lines(steps, args.into, dry_run=args.dry_run, width=width):
        say(line)
    if invited is not None:
        # Here, not at the top: the loader brings multiprocessing, which a merge without a list never needs.
        from enquete.results.loading import Loaded, load_all

        folder = ResponseFolder(args.into)
        loaded = load_all(folder.submitted_files(), questionnaire)
        keys = [o.key for o in loaded if isinstance(o, Loaded)]
        if args.dry_run:
            keys += [s.respondent for s in steps if s.respondent and s.outcome is Outcome.IMPORTED]
        say(invited.summary(keys))
    return EXIT_OK if all(s.outcome.ok for s in steps) else EXIT_PROBLEMS


def _flag_uninvited(step: Step, invited: InvitedList) -> Step:
    """A respondent not on the list is imported all the same, and flagged for a person to see."""
    if step.respondent is None or step.respondent in invited:
        return step
    if step.outcome not in (Outcome.IMPORTED, Outcome.REPLACED, Outcome.CONFLICT):
        return step  # flagged where it is decided; duplicates and stale copies need no second word
    note = "not on the invited list"
    return replace(step, warning=f"{step.warning}; {note}" if step.warning else note)
