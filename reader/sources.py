"""Sources: command-line inputs -> a stream of `RawPage`s (bytes + where they came from).

The first stage of the flow.  Paths, folders and standard input are expanded in the
order given; files are recognised by content, so a container (gzip/bz2/xz, WARC,
JSONL) yields one `RawPage` per record (see `reader.containers`).  Everything is
read with a cap: a regular file is stat'ed first, a stream is read in bounded chunks,
and non-regular files met in a folder walk (FIFOs, devices) are skipped with a note.
A source that cannot be read becomes a `LoadError` in its place, so a batch reports
it and goes on.  Nothing here decodes text: that is `reader.load`.
"""
from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from reader.errors import LoadError

MAX_BYTES = 50 * 1024 * 1024  # one page larger than this is almost certainly not one article
PAGE_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml", ".txt", ".md", ".markdown", ""}
# Containers are found by content; these suffixes only decide which folder files to look at.
CONTAINER_SUFFIXES = {".gz", ".bz2", ".xz", ".zst", ".warc", ".jsonl", ".ndjson", ".json", ".arc"}
_SKIP_NAMES = (".gold.txt", ".gold.tsv", ".must.json")


@dataclass(frozen=True)
class RawPage:
    """One page as bytes, before decoding; small enough to pickle to a worker."""

    name: str  # what the user sees: a path, "<stdin>", or "crawl.warc.gz#17"
    data: bytes
    url: str | None = None  # WARC-Target-URI or the JSONL record's url
    encoding: str | None = None  # a charset the container declared (HTTP Content-Type)
    relpath: str = ""  # where its output goes under --output-dir, without extension


@dataclass(frozen=True)
class ReadOptions:
    max_bytes: int = MAX_BYTES
    field: str | None = None  # the JSONL field that holds the page


def display_name(path: str | os.PathLike[str]) -> str:
    """A file name fit for one line: control characters and undecodable bytes
    escaped, so a name with a newline or invalid UTF-8 stays readable."""
    text = os.fsdecode(path)
    out = []
    for ch in text:
        if 0xDC80 <= ord(ch) <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0:
            out.append(repr(ch)[1:-1])
        else:
            out.append(ch)
    return "".join(out)


def read_capped(stream: BinaryIO, limit: int, name: str) -> bytes:
    """Read at most `limit` bytes; more than that is a `LoadError`, not a hang."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(1 << 20, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise LoadError(f"{name}: too large to be a page (over {limit // (1024 * 1024)} MB)")
    return b"".join(chunks)


def _os_error(name: str, exc: OSError) -> LoadError:
    import errno

    reasons = {
        errno.ENOENT: "no such file",
        errno.EISDIR: "is a directory",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ELOOP: "symbolic link loop",
        errno.ENOTDIR: "not a folder",
    }
    return LoadError(f"{name}: {reasons.get(exc.errno or 0, exc.strerror or str(exc))}")


def _is_candidate(path: Path) -> bool:
    name = path.name
    if name.startswith(".") or name.endswith(_SKIP_NAMES):
        return False
    suffix = path.suffix.lower()
    return suffix in PAGE_SUFFIXES or suffix in CONTAINER_SUFFIXES


def walk_folder(folder: Path, notes: list[str] | None = None) -> Iterator[Path]:
    """Page and container files under `folder`, recursively, sorted; subfolders that
    cannot be read are noted, not silently skipped.  Symlinked folders are not followed
    (no loops); a symlinked file is checked like any file when it is read."""

    def onerror(exc: OSError) -> None:
        if notes is not None:
            notes.append(str(_os_error(display_name(exc.filename or folder), exc)))

    for root, dirs, files in os.walk(folder, onerror=onerror):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        for fname in sorted(files):
            path = Path(root) / fname
            if _is_candidate(path):
                yield path


def _relpath(path: Path, base: Path | None) -> str:
    """The output path of a page under --output-dir: mirrors the input tree.

    A page found in a folder keeps the folder's name and its place under it; a file
    named on the command line keeps a relative path as given, else only its name."""
    if base is not None:
        try:
            rel = path.relative_to(base)
            name = base.resolve().name if base.name in ("", ".", "..") else base.name
            return str(Path(name) / rel) if name else str(rel)
        except ValueError:
            pass
    if not path.is_absolute() and ".." not in path.parts:
        return str(path)
    return path.name


def _strip_suffix(rel: str) -> str:
    path = Path(rel)
    for _ in range(2):  # page.html.gz -> page
        if path.suffix.lower() in PAGE_SUFFIXES | CONTAINER_SUFFIXES and path.suffix:
            path = path.with_suffix("")
    return str(path)


def read_file(path: Path, name: str, options: ReadOptions, relpath: str, *, in_folder: bool = False) -> Iterator[RawPage | LoadError]:
    """One file: a page, or the records of a container.  Never raises."""
    try:
        info = os.stat(path)
    except OSError as exc:
        yield _os_error(name, exc)
        return
    if stat.S_ISDIR(info.st_mode):
        yield LoadError(f"{name}: is a directory")
        return
    if not stat.S_ISREG(info.st_mode):
        # FIFOs, sockets and devices in a folder would hang or never end the walk.
        kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else "not a regular file"
        if in_folder:
            yield LoadError(f"{name}: skipped, {kind}")
            return
        # Named on the command line: read it as a stream, capped.
    try:
        with open(path, "rb") as fh:
            yield from read_stream(fh, name, options, relpath, size=info.st_size if stat.S_ISREG(info.st_mode) else None)
    except OSError as exc:
        yield _os_error(name, exc)


def read_stream(fh: BinaryIO, name: str, options: ReadOptions, relpath: str, size: int | None = None) -> Iterator[RawPage | LoadError]:
    """A page or container from an open binary stream (file or stdin)."""
    from reader import containers

    head = _peek(fh, containers.SNIFF_BYTES)
    kind = containers.sniff(head, name)
    if kind is not None:
        yield from containers.iter_records(kind, _Rejoined(head, fh), name, options, relpath)
        return
    if size is not None and size > options.max_bytes:
        yield LoadError(f"{name}: too large to be a page ({size // (1024 * 1024)} MB, the limit is {options.max_bytes // (1024 * 1024)} MB)")
        return
    try:
        data = head + read_capped(fh, options.max_bytes - len(head), name) if len(head) <= options.max_bytes else b""
    except LoadError as exc:
        yield exc
        return
    if len(head) > options.max_bytes:
        yield LoadError(f"{name}: too large to be a page (over {options.max_bytes // (1024 * 1024)} MB)")
        return
    yield RawPage(name=name, data=data, relpath=relpath)


def _peek(fh: BinaryIO, n: int) -> bytes:
    chunks = []
    got = 0
    while got < n:
        chunk = fh.read(n - got)
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


class _Rejoined:
    """A stream with its already-read head put back in front (stdin cannot seek)."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def read(self, n: int = -1) -> bytes:
        if self._head:
            if n is None or n < 0:
                data, self._head = self._head + self._rest.read(), b""
                return data
            data, self._head = self._head[:n], self._head[n:]
            if len(data) < n:
                data += self._rest.read(n - len(data)) or b""
            return data
        return self._rest.read(n)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        pass


def iter_inputs(args: Iterable[str], options: ReadOptions = ReadOptions(), stdin: BinaryIO | None = None) -> Iterator[RawPage | LoadError]:
    """Every page the arguments name, in order, as `RawPage` or a `LoadError` in its place."""
    for arg in args:
        if arg == "-":
            stream = stdin if stdin is not None else _stdin()
            if stream is None:
                yield LoadError("<stdin>: standard input is closed")
                continue
            try:
                yield from read_stream(stream, "<stdin>", options, "stdin")
            except OSError as exc:
                yield _os_error("<stdin>", exc)
            continue
        path = Path(arg)
        name = display_name(arg)
        try:
            is_dir = stat.S_ISDIR(os.stat(path).st_mode)
        except OSError as exc:
            yield _os_error(name, exc)
            continue
        if not is_dir:
            yield from read_file(path, name, options, _strip_suffix(_relpath(path, None)))
            continue
        if not os.access(path, os.R_OK | os.X_OK):
            yield LoadError(f"{name}: permission denied")
            continue
        notes: list[str] = []
        found = False
        for file in walk_folder(path, notes):
            while notes:
                yield LoadError(notes.pop(0))
            found = True
            yield from read_file(file, display_name(file), options, _strip_suffix(_relpath(file, path)), in_folder=True)
        for note in notes:
            yield LoadError(note)
        if not found and not notes:
            yield LoadError(f"{name}: no pages in this folder")


def _stdin() -> BinaryIO | None:
    stream = sys.stdin
    if stream is None:
        return None
    buffer = getattr(stream, "buffer", None)
    return buffer if buffer is not None else None


__all__ = ["RawPage", "ReadOptions", "iter_inputs", "read_stream", "read_capped", "display_name", "walk_folder", "MAX_BYTES"]
