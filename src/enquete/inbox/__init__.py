"""What arrived: every file under the merge's sources, opened as far as is safe.

`collect` turns the SOURCE arguments of `enquete merge` into `Item`s: one per
response file found (loose, inside a .zip, attached to an .eml), plus one for
every file or folder that holds none, saying why, so each file given gets a
line. Nothing here writes, and every reader is bounded: archives and e-mails
are opened in memory with limits on size, members, parts and nesting; folders
are walked without recursion and without following links. Pure logic.
"""

from enquete.inbox.collect import collect
from enquete.inbox.items import Item

__all__ = ["Item", "collect"]
