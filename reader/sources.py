"""Sources: command-line inputs -> a stream of `RawPage`s (bytes + where they came from).

The first stage of the flow.  Paths, folders and standard input are expanded in the
order given; files are recognised by content, so a container (gzip/bz2/xz/zstd,
WARC, JSONL) yields one `RawPage` per record (see `reader.containers`).  Everything
is read with a cap: a regular file is stat'ed first, a stream is read in bounded
chunks, and non-regular files met in a folder walk (FIFOs, devices) are skipped with
a `Skipped` note.  A source that cannot be read becomes a `LoadError` in its place,
so a batch reports it and goes on.  Nothing here decodes text: that is `reader.load`.

Names and output paths: `RawPage.name` is the path as given (escaped to one line by
`display_name`), `<stdin>`, or `container#N` for a record (see
`reader.containers.naming`).  `RawPage.relpath` is where `--output-dir` puts it,
without extension: a folder's pages keep the folder's name and their place under it,
a file named on the command line keeps a relative path as given (else only its name),
page suffixes are dropped (`a.html.gz` -> `a`) unless two files of one folder would
then collide, and a container's records go under the container's full file name.
"""
from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from reader.errors import LoadError, os_reason

MAX_BYTES = 50 * 1024 * 1024  # one page larger than this is almost certainly not one article
PAGE_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml", ".txt", ".md", ".markdown", ""}
# Containers are found by content; these suffixes only decide which folder files to look at.
CONTAINER_SUFFIXES = {".gz", ".bz2", ".xz", ".zst", ".zstd", ".warc", ".jsonl", ".ndjson", ".jsonlines", ".json", ".arc"}
_SKIP_NAMES = (".gold.txt", ".gold.tsv", ".must.json")
_CHUNK = 1 << 20


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


class Skipped(LoadError):
    """A file a folder walk passed over on purpose (a FIFO, a device): a note, not a
    page that failed; a caller may show it without counting it as an error."""


def display_name(path: str | os.PathLike[str]) -> str:
    """A file name fit for one line: control characters and undecodable bytes
    escaped, so a name with a newline or invalid UTF-8 stays readable."""
    text = os.fsdecode(path)
    out = []
    for ch in text:
        if 0xDC80 <= ord(ch) <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 or ch in "\u2028\u2029":
            out.append(repr(ch)[1:-1])
        else:
            out.append(ch)
    return "".join(out)


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):g}"


def too_large(name: str, limit: int, size: int | None = None) -> LoadError:
    if size is None:
        return LoadError(f"{name}: too large to be a page (over {_mb(limit)} MB)")
    return LoadError(f"{name}: too large to be a page ({size // (1024 * 1024)} MB, the limit is {_mb(limit)} MB)")


def read_capped(stream: BinaryIO, limit: int, name: str) -> bytes:
    """Read at most `limit` bytes; more than that is a `LoadError`, not a hang."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(_CHUNK, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise too_large(name, limit)
    return b"".join(chunks)


def read_small_file(path: str, limit: int) -> bytes:
    """A side file a user names (stop words, a dictionary): read with a cap, so
    `/dev/zero` or a huge file is one clear error, and a FIFO (`<(…)`) still works."""
    name = display_name(path)
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise LoadError(f"{name}: is a directory")
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            raise LoadError(f"{name}: too large (over {limit // (1024 * 1024)} MB)")
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
        if len(data) > limit:
            raise LoadError(f"{name}: too large (over {limit // (1024 * 1024)} MB)")
        return data
    except OSError as exc:
        raise _os_error(name, exc) from None


def _os_error(name: str, exc: OSError) -> LoadError:
    return LoadError(f"{name}: {os_reason(exc)}")


def _is_candidate(name: str) -> bool:
    if name.startswith(".") or name.endswith(_SKIP_NAMES):
        return False
    suffix = os.path.splitext(name)[1].lower()
    return suffix in PAGE_SUFFIXES or suffix in CONTAINER_SUFFIXES


def page_stem(name: str) -> str:
    """A file name without its page and compression suffixes: `a.html.gz` -> `a`."""
    for _ in range(2):
        stem, suffix = os.path.splitext(name)
        if not suffix or suffix.lower() not in PAGE_SUFFIXES | CONTAINER_SUFFIXES:
            break
        name = stem
    return name


def page_relpath(rel: str) -> str:
    """The output path of a single page: its relative path without page suffixes."""
    from reader.containers.naming import safe_relpath

    head, _, leaf = rel.replace("\\", "/").rpartition("/")
    stem = page_stem(leaf) or leaf
    return safe_relpath(f"{head}/{stem}" if head else stem)


@dataclass(frozen=True)
class _Found:
    path: Path
    keep_suffix: bool  # its stem collides with another file's in the same folder


def walk_folder(folder: Path, notes: list[LoadError] | None = None) -> Iterator[Path]:
    """Page and container files under `folder`, recursively, sorted by name."""
    for found in _walk(folder, notes if notes is not None else []):
        yield found.path


def _walk(folder: Path, notes: list[LoadError]) -> Iterator[_Found]:
    """Depth first, names sorted.  Folders that cannot be read are noted (never
    silently skipped); symlinked folders are followed once (a loop is noted)."""
    seen: set[tuple[int, int]] = set()

    def visit(path: Path) -> Iterator[_Found]:
        try:
            info = os.stat(path)
            key = (info.st_dev, info.st_ino)
            if key in seen:
                notes.append(Skipped(f"{display_name(path)}: skipped, a symbolic link loop (folder already read)"))
                return
            seen.add(key)
            with os.scandir(path) as it:
                entries = sorted(it, key=lambda e: os.fsencode(e.name))
        except OSError as exc:
            notes.append(_os_error(display_name(path), exc))
            return
        files: list[os.DirEntry[str]] = []
        dirs: list[os.DirEntry[str]] = []
        for entry in entries:
            if entry.name.startswith(".") or entry.name == "__pycache__":
                continue
            try:
                is_dir = entry.is_dir()  # follows symlinks
            except OSError:
                is_dir = False  # a broken link or loop: reported when read as a file
            (dirs if is_dir else files).append(entry)
        candidates = [e for e in files if _is_candidate(e.name)]
        stems: dict[str, int] = {}
        for entry in candidates:
            stem = page_stem(entry.name)
            stems[stem] = stems.get(stem, 0) + 1
        for entry in candidates:
            yield _Found(Path(entry.path), keep_suffix=stems[page_stem(entry.name)] > 1)
        for entry in dirs:
            yield from visit(Path(entry.path))

    yield from visit(folder)


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


def read_file(path: Path, name: str, options: ReadOptions, relpath: str, *, in_folder: bool = False, keep_suffix: bool = False) -> Iterator[RawPage | LoadError]:
    """One file: a page, or the records of a container.  Never raises for bad input.

    `relpath` is the file's relative path with its full name."""
    try:
        info = os.stat(path)
    except OSError as exc:
        yield _os_error(name, exc)
        return
    if stat.S_ISDIR(info.st_mode):
        yield LoadError(f"{name}: is a directory")
        return
    regular = stat.S_ISREG(info.st_mode)
    if not regular and in_folder:
        # FIFOs, sockets and devices in a folder would hang or never end the walk;
        # named on the command line (`<(cmd)`, /dev/stdin) they are read as capped streams.
        kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else "a socket" if stat.S_ISSOCK(info.st_mode) else "not a regular file"
        yield Skipped(f"{name}: skipped, {kind}")
        return
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield _os_error(name, exc)
        return
    from reader.containers.naming import safe_relpath

    with fh:
        page_rel = safe_relpath(relpath) if keep_suffix else None
        yield from read_stream(fh, name, options, relpath, size=info.st_size if regular else None, page_rel=page_rel)


def read_stream(fh: BinaryIO, name: str, options: ReadOptions, relpath: str, size: int | None = None, page_rel: str | None = None) -> Iterator[RawPage | LoadError]:
    """A page or container from an open binary stream (file or stdin).  Never raises:
    read errors and any failure inside a container reader become one `LoadError`."""
    from reader import containers

    try:
        head = _peek(fh, containers.SNIFF_BYTES)
    except OSError as exc:
        yield _os_error(name, exc)
        return
    kind = containers.sniff(head, name)
    if kind is not None:
        from reader.containers.naming import safe_relpath
        from reader.containers.streams import Buffered

        stream = Buffered(fh)
        stream.unread(head)
        try:
            yield from containers.iter_records(kind, stream, name, options, safe_relpath(relpath), page_rel=page_rel)
        except OSError as exc:
            yield _os_error(name, exc)
        except (MemoryError, RecursionError) as exc:
            yield LoadError(f"{name}: cannot read this {kind} container ({type(exc).__name__})")
        except Exception as exc:  # noqa: BLE001 - a bug on one container must not end the run
            yield LoadError(f"{name}: internal error reading this {kind} container ({type(exc).__name__}: {exc})")
        return
    if size is not None and size > options.max_bytes:
        yield too_large(name, options.max_bytes, size)  # stat'ed: no byte read past the head
        return
    if len(head) > options.max_bytes:
        yield too_large(name, options.max_bytes)
        return
    try:
        rest = read_capped(fh, options.max_bytes - len(head), name) if len(head) == containers.SNIFF_BYTES else b""
    except LoadError:
        yield too_large(name, options.max_bytes)
        return
    except OSError as exc:
        yield _os_error(name, exc)
        return
    yield RawPage(name=name, data=head + rest, relpath=page_rel or page_relpath(relpath))


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


def iter_inputs(args: Iterable[str], options: ReadOptions = ReadOptions(), stdin: BinaryIO | None = None) -> Iterator[RawPage | LoadError]:
    """Every page the arguments name, in order, as `RawPage` or a `LoadError` in its
    place (a `Skipped` for a file a folder walk passed over on purpose)."""
    for arg in args:
        if arg == "-":
            stream = stdin if stdin is not None else _stdin()
            if stream is None:
                yield LoadError("<stdin>: standard input is closed")
                continue
            yield from read_stream(stream, "<stdin>", options, "stdin")
            continue
        path = Path(arg)
        name = display_name(arg)
        try:
            is_dir = stat.S_ISDIR(os.stat(path).st_mode)
        except OSError as exc:
            yield _os_error(name, exc)
            continue
        except ValueError:  # an embedded NUL
            yield LoadError(f"{name}: not a valid file name")
            continue
        if not is_dir:
            yield from read_file(path, name, options, _relpath(path, None))
            continue
        notes: list[LoadError] = []
        found = False
        for item in _walk(path, notes):
            yield from _drain(notes)
            found = True
            yield from read_file(item.path, display_name(item.path), options, _relpath(item.path, path), in_folder=True, keep_suffix=item.keep_suffix)
        unreadable = bool(notes)
        yield from _drain(notes)
        if not found and not unreadable:
            yield LoadError(f"{name}: no pages in this folder")


def _drain(notes: list[LoadError]) -> Iterator[LoadError]:
    while notes:
        yield notes.pop(0)


def _stdin() -> BinaryIO | None:
    stream = sys.stdin  # None when started with standard input closed (`<&-`)
    return getattr(stream, "buffer", None) if stream is not None else None


__all__ = ["RawPage", "ReadOptions", "Skipped", "iter_inputs", "read_file", "read_stream", "read_capped", "display_name", "walk_folder", "page_relpath", "MAX_BYTES"]
