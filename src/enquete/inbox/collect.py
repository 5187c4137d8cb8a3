"""From the SOURCE arguments to items: folders walked, archives and e-mails opened."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from enquete.errors import ResponseFileError
from enquete.inbox.archives import MAX_ARCHIVE_BYTES, zip_members
from enquete.inbox.items import Item, Kind, kind_of, not_a_response, sniffed
from enquete.inbox.mail import MAX_MAIL_BYTES, mail_attachments
from enquete.storage.fast_toml import read_small_file
from enquete.storage.safe_read import MAX_FILE_BYTES, read_bytes

MAX_FOLDER_DEPTH = 16
"""Folders inside a source folder; an inbox saved by a mail client is two or three deep."""
MAX_FILES = 20_000
MAX_CONTAINER_DEPTH = 2
"""An e-mail holding a zip is opened; a zip in a zip in an e-mail is not."""


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def collect(sources: list[Path], into: Path) -> list[Item]:
    """Every item of every source, in the order found (names sorted within a folder)."""
    target = os.path.realpath(into)
    items: list[Item] = []
    files = 0
    seen: set[str] = set()
    for source in sources:
        for found in _walk(source, target):
            if isinstance(found, Item):
                items.append(found)
                continue
            real = os.path.realpath(found)
            if real in seen:
                continue  # the same file named twice (or through two sources)
            seen.add(real)
            files += 1
            if files > MAX_FILES:
                items.append(
                    Item(str(found), found, problem=f"not read: merge reads {MAX_FILES:,} files at most")
                )
                continue
            items.extend(open_file(found))
    return items


def _walk(source: Path, target: str) -> Iterator[Path | Item]:
    """Files of `source` (itself, if a file); items for what cannot be walked into."""
    try:
        info = os.lstat(source)
    except OSError:
        yield Item(str(source), source, problem="no such file or folder")
        return
    if stat.S_ISLNK(info.st_mode):
        yield Item(str(source), source, problem="is a symbolic link; links are not followed")
        return
    if not stat.S_ISDIR(info.st_mode):
        yield source
        return
    real = os.path.realpath(source)
    if _inside(real, target):
        where = "is the responses folder itself" if real == target else "is inside the responses folder"
        yield Item(
            str(source),
            source,
            problem=f"{where} ({target}): merge imports files from elsewhere "
            "(copy a file out of it to merge it again)",
        )
        return
    stack: list[tuple[Path, int]] = [(source, 0)]
    while stack:
        folder, depth = stack.pop()
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError as error:
            yield Item(str(folder), folder, problem=f"cannot be read ({error.strerror})")
            continue
        subfolders: list[Path] = []
        for entry in entries:
            path = Path(entry.path)
            try:
                if entry.is_symlink():
                    yield Item(str(path), path, problem="is a symbolic link; links are not followed")
                elif entry.is_dir(follow_symlinks=False):
                    subfolders.append(path)
                else:
                    yield path
            except OSError as error:
                yield Item(str(path), path, problem=f"cannot be read ({error.strerror})")
        for sub in reversed(subfolders):
            if _inside(os.path.realpath(sub), target):
                yield Item(str(sub), sub, ignored=True, problem="the responses folder itself: skipped")
            elif depth + 1 > MAX_FOLDER_DEPTH:
                yield Item(
                    str(sub), sub, problem=f"is nested more than {MAX_FOLDER_DEPTH} folders deep; not read"
                )
            else:
                stack.append((sub, depth + 1))


def open_file(path: Path) -> list[Item]:
    """The items one file gives: itself, its archive members, or its attachments."""
    label = str(path)
    kind = kind_of(path.name)
    if kind is Kind.OTHER:
        return [Item(label, path, ignored=True, problem=not_a_response(path.name))]
    limit = {Kind.ZIP: MAX_ARCHIVE_BYTES, Kind.MAIL: MAX_MAIL_BYTES}.get(kind)
    data = read_small_file(path, limit or MAX_FILE_BYTES)  # one read; anything unusual is worded below
    if kind is Kind.MAYBE_RESPONSE and data is None and _larger_than_a_response(path):
        return [sniffed(label, path, b"")]  # a big .txt is a text, not a response
    if data is None:
        try:
            data = read_bytes(path, max_bytes=limit) if limit else read_bytes(path)
        except ResponseFileError as error:
            return [Item(label, path, problem=str(error))]
    if kind is Kind.RESPONSE:
        return [Item(label, path, data=data)]
    if kind is Kind.MAYBE_RESPONSE:
        return [sniffed(label, path, data)]
    return _open_container(Item(label, path), kind, data, depth=1)


def _larger_than_a_response(path: Path) -> bool:
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size > MAX_FILE_BYTES


def _open_container(item: Item, kind: Kind, data: bytes, depth: int) -> list[Item]:
    """The response items inside, then one line for what else it held (or why it holds none)."""
    opened = zip_members(item, data) if kind is Kind.ZIP else mail_attachments(item, data)
    found, inner = opened
    for label, inner_kind, content in inner:
        nested = Item(label, item.source)
        if depth >= MAX_CONTAINER_DEPTH:
            found.append(
                Item(label, item.source, problem="an archive or e-mail nested too deeply; not opened")
            )
        else:
            found.extend(_open_container(nested, inner_kind, content, depth + 1))
    if len(found) == 1 and found[0].label == item.label:
        return found  # the container itself could not be opened
    others = [f for f in found if f.ignored]
    kept = [f for f in found if not f.ignored]
    if not kept:
        what = "e-mail" if kind is Kind.MAIL else "archive"
        held = f" (it holds {_names(others)})" if others else ""
        hint = "; forward the e-mail with the response file attached" if kind is Kind.MAIL else ""
        return [Item(item.label, item.source, problem=f"this {what} holds no response file{held}{hint}")]
    if others:
        kept.append(
            Item(
                item.label,
                item.source,
                ignored=True,
                problem=f"also held, not response files: {_names(others)}",
            )
        )
    return kept


def _names(items: list[Item]) -> str:
    names = [i.label.rsplit(" › ", 1)[-1] for i in items]
    shown = ", ".join(names[:5])
    return shown + (f" and {len(names) - 5} more" if len(names) > 5 else "")
