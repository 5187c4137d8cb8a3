"""Who was invited to answer: the Secretariat's list, to say who is still missing.

The list is a CSV file a person keeps in Excel (or any editor): one row per
invited respondent, with a header row naming the columns `code`, `name` and
`email` (in any order; other columns are ignored, so notes can be kept in
it). Excel's own CSV flavours are read: comma or semicolon separated, UTF-8
with or without a byte-order mark, UTF-16, or Windows-1252.

    code,name,email
    AU,"Australia, IP Australia",survey@ipaustralia.gov.au
    NO,Norwegian Industrial Property Office,post@patentstyret.no

It is found as `invited.csv` beside the responses folder, or named with
`--invited FILE`. Pure logic: no UI import.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from enquete.errors import EnqueteError, ResponseFileError
from enquete.i18n import translate
from enquete.model.codes import normalize_code
from enquete.storage.safe_read import decode_text, read_bytes

INVITED_NAME = "invited.csv"
MAX_INVITED = 10_000
MAX_BYTES = 2 * 1024 * 1024


_ALIASES = {"e-mail": "email", "mail": "email", "display name": "name", "office": "name"}
"""Column names people write for the same thing."""


class InvitedListError(EnqueteError):
    """The invited list cannot be read; the message names the file and the row."""


@dataclass(frozen=True)
class Invited:
    """One invited respondent."""

    code: str
    name: str
    email: str

    def label(self) -> str:
        """`NO (Norwegian Industrial Property Office)`, or the code alone when no name is given."""
        return f"{self.code} ({self.name})" if self.name else self.code


@dataclass(frozen=True)
class InvitedList:
    """The invited respondents in the list's order, looked up by code."""

    entries: tuple[Invited, ...]
    source: Path | None = None

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and any(e.code == code for e in self.entries)

    def get(self, code: str) -> Invited | None:
        """The entry for `code`, if it was invited."""
        return next((e for e in self.entries if e.code == code), None)

    def name_of(self, code: str) -> str:
        """The display name for `code` ("" when it is not on the list or has no name)."""
        entry = self.get(code)
        return entry.name if entry else ""

    def names(self) -> dict[str, str]:
        """Display names by code, for reports (`office_display_name(..., invited=...)`)."""
        return {e.code: e.name for e in self.entries if e.name}

    def answered(self, keys: Iterable[str]) -> list[Invited]:
        """The invited respondents among `keys`, in the list's order."""
        present = set(keys)
        return [e for e in self.entries if e.code in present]

    def missing(self, keys: Iterable[str]) -> list[Invited]:
        """The invited respondents not among `keys`, in the list's order."""
        present = set(keys)
        return [e for e in self.entries if e.code not in present]

    def not_invited(self, keys: Iterable[str]) -> list[str]:
        """Respondents who answered but are not on the list (flagged, never dropped), sorted."""
        codes = {e.code for e in self.entries}
        return sorted({k for k in keys if k not in codes})

    def summary(self, keys: Iterable[str], language: str = "en") -> str:
        """ "19 of 21 invited have answered; missing: NO (...), PE (...)" and who was not invited.

        In `language` (the app's catalogs; the command line speaks English).
        """
        keys = list(keys)
        answered, missing = self.answered(keys), self.missing(keys)
        key = "invited.answered_one" if len(answered) == 1 else "invited.answered"
        line = translate(key, language, answered=len(answered), total=len(self.entries))
        if missing:
            line += translate("invited.missing", language, who=", ".join(e.label() for e in missing))
        else:
            line += translate("invited.none_missing", language)
        extra = self.not_invited(keys)
        if extra:
            line += translate("invited.not_invited", language, who=", ".join(extra))
        return line


def invited_report(invited: InvitedList, keys: Iterable[str]) -> dict[str, object]:
    """The `invited` table of the JSON report (docs/report-format.md)."""
    keys = list(keys)

    def entry(e: Invited) -> dict[str, str]:
        return {"code": e.code, "name": e.name, "email": e.email}

    return {
        "file": str(invited.source) if invited.source else None,
        "invited": len(invited),
        "answered": len(invited.answered(keys)),
        "missing": [entry(e) for e in invited.missing(keys)],
        "not_invited": invited.not_invited(keys),
    }


def find_invited(responses: Path, explicit: Path | None = None) -> Path | None:
    """The invited list to use: `explicit` if given, else `invited.csv` beside `responses`."""
    if explicit is not None:
        return explicit
    beside = responses.absolute().parent / INVITED_NAME
    return beside if beside.is_file() else None


def load_invited(path: Path) -> InvitedList:
    """Read the list; `InvitedListError` naming the file and row of the first fault."""
    try:
        text = decode_text(read_bytes(path, max_bytes=MAX_BYTES)).text
    except ResponseFileError as error:
        raise InvitedListError(f"{path}: {error}") from None
    return parse_invited(text, source=path)


def parse_invited(text: str, *, source: Path | None = None) -> InvitedList:
    """The list from CSV text (see the module docstring for the layout)."""
    where = str(source) if source else "the invited list"
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [_ALIASES.get(cell.strip().lower(), cell.strip().lower()) for cell in next(rows)]
    except StopIteration:
        raise InvitedListError(f"{where}: is empty; it needs a header row: code,name,email") from None
    except csv.Error as error:
        raise InvitedListError(f"{where}: line 1: {error}") from None
    if "code" not in header:
        raise InvitedListError(f"{where}: line 1 must name the columns, e.g. code,name,email")
    columns = {name: header.index(name) for name in ("code", "name", "email") if name in header}
    entries: list[Invited] = []
    seen: set[str] = set()
    try:
        for row in rows:
            line = rows.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(entries) >= MAX_INVITED:
                raise InvitedListError(f"{where}: more than {MAX_INVITED:,} rows")
            cells = {name: row[i].strip() if i < len(row) else "" for name, i in columns.items()}
            code = normalize_code(cells["code"])
            if not code:
                raise InvitedListError(f"{where}: line {line}: no code")
            if code in seen:
                raise InvitedListError(f"{where}: line {line}: {code} is listed twice")
            seen.add(code)
            entries.append(Invited(code, cells.get("name", ""), cells.get("email", "")))
    except csv.Error as error:
        raise InvitedListError(f"{where}: line {rows.line_num}: {error}") from None
    return InvitedList(tuple(entries), source)
