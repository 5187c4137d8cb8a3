"""Opening a .zip in memory, with limits against zip bombs and path tricks.

Members are never written to disk, so a name such as `../../etc/passwd` is
only a label. Each member is read through a bounded `read`, whatever size the
archive declares, so a zip bomb costs at most the limits below.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from enquete.inbox.items import ARROW, Item, Kind, kind_of, sniffed
from enquete.storage.safe_read import MAX_FILE_BYTES

MAX_ARCHIVE_BYTES = 10 * 1024 * 1024
MAX_MEMBERS = 200
MAX_EXPANDED_BYTES = 20 * 1024 * 1024
"""All responses of an archive together, once decompressed."""


def _is_mac_metadata(name: str) -> bool:
    return name.startswith("__MACOSX/") or name.rsplit("/", 1)[-1].startswith("._")


def zip_members(item: Item, data: bytes) -> tuple[list[Item], list[tuple[str, Kind, bytes]]]:
    """Response members as items, and the containers inside (name, kind, bytes) for the caller.

    Members that are not responses are returned as ignored items.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError):
        return [Item(item.label, item.source, problem="is not a readable zip archive")], []
    files = [info for info in infos if not info.is_dir() and not _is_mac_metadata(info.filename)]
    if len(files) > MAX_MEMBERS:
        problem = f"holds {len(files):,} files; the limit is {MAX_MEMBERS} (unzip it and merge the folder)"
        return [Item(item.label, item.source, problem=problem)], []
    found: list[Item] = []
    inner: list[tuple[str, Kind, bytes]] = []
    expanded = 0
    for info in files:
        label = f"{item.label}{ARROW}{info.filename}"
        kind = kind_of(info.filename)
        if kind is Kind.OTHER:
            found.append(Item(label, item.source, ignored=True, problem="not a response file"))
            continue
        limit = MAX_ARCHIVE_BYTES if kind in (Kind.ZIP, Kind.MAIL) else MAX_FILE_BYTES
        if info.flag_bits & 0x1:
            found.append(Item(label, item.source, problem="is password-protected; send it unprotected"))
            continue
        if expanded > MAX_EXPANDED_BYTES:
            found.append(Item(label, item.source, problem="not read: the archive expands too much"))
            continue
        try:
            with archive.open(info) as handle:
                content = handle.read(limit + 1)
        except (
            zipfile.BadZipFile,
            zlib.error,
            OSError,
            ValueError,
            EOFError,
            NotImplementedError,
            RuntimeError,
        ):
            found.append(Item(label, item.source, problem="cannot be extracted (damaged or unusual archive)"))
            continue
        expanded += len(content)
        if kind is Kind.MAYBE_RESPONSE:
            found.append(sniffed(label, item.source, content))
        elif len(content) > limit:
            found.append(Item(label, item.source, problem=f"is too large (over {limit:,} bytes unpacked)"))
        elif kind is Kind.RESPONSE:
            found.append(Item(label, item.source, data=content))
        else:
            inner.append((label, kind, content))
    return found, inner
