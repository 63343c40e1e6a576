"""Scrape containers: compressed files, WARC and JSONL, each read as a stream of
`RawPage`s (one per record) or `LoadError`s in place of what could not be read.

Recognised by content, never by extension: `sniff` looks at the first
`SNIFF_BYTES` of a stream for gzip, bzip2, xz or zstd magic, a `WARC/1.x` version
line, or a first line that is a JSON object.  A compressed stream is decompressed
incrementally and what it holds is sniffed again (`.html.gz`, `.warc.gz`,
`.jsonl.xz`, even `.jsonl.gz.bz2` up to `MAX_NESTING` layers), so memory stays
bounded by one record, never by the container.

Modules: `streams` (decompressors that report damage after the good bytes, and the
bounded line buffer), `warc`, `jsonl`, `naming` (record names and safe output paths).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, BinaryIO, Iterator

from reader.errors import LoadError

if TYPE_CHECKING:
    from reader.sources import RawPage, ReadOptions

SNIFF_BYTES = 4096
MAX_NESTING = 3  # compressed inside compressed: more layers than this is not a scrape

COMPRESSED = {
    b"\x1f\x8b": "gzip",
    b"BZh": "bz2",
    b"\xfd7zXZ\x00": "xz",
    b"\x28\xb5\x2f\xfd": "zstd",
}
KINDS = ("gzip", "bz2", "xz", "zstd", "warc", "jsonl", "arc")


def sniff(head: bytes, name: str = "") -> str | None:
    """The container kind of a stream from its first bytes, or None for a plain page.

    `head` is at most `SNIFF_BYTES`; a shorter one is the whole stream."""
    for magic, kind in COMPRESSED.items():
        if head.startswith(magic):
            if kind == "bz2" and not (len(head) < 4 or head[3:4].isdigit()):
                continue
            return kind
    from reader.containers.warc import looks_like_warc

    if looks_like_warc(head):
        return "warc"
    if head.startswith(b"filedesc://"):
        return "arc"
    from reader.containers.jsonl import looks_like_jsonl

    if looks_like_jsonl(head, complete=len(head) < SNIFF_BYTES):
        return "jsonl"
    return None


def is_compressed(kind: str | None) -> bool:
    return kind in ("gzip", "bz2", "xz", "zstd")


def iter_records(kind: str, stream: BinaryIO, name: str, options: "ReadOptions", relpath: str, depth: int = 0, page_rel: str | None = None) -> Iterator["RawPage | LoadError"]:
    """The pages in one container of `kind` (from `sniff`).  Never raises for bad data.

    `relpath` is the container's own path (file name included, e.g. `crawl.warc.gz`):
    records go under it; a single compressed page gets `page_rel`, or `relpath`
    without its suffixes."""
    if kind == "warc":
        from reader.containers.warc import iter_warc

        yield from iter_warc(stream, name, options, relpath)
    elif kind == "jsonl":
        from reader.containers.jsonl import iter_jsonl

        yield from iter_jsonl(stream, name, options, relpath)
    elif kind == "arc":
        yield LoadError(f"{name}: an ARC file (the format before WARC) is not read; convert it to WARC first (warcio recompress)")
    elif is_compressed(kind):
        yield from _iter_compressed(kind, stream, name, options, relpath, depth, page_rel)
    else:
        raise ValueError(f"unknown container kind {kind!r}")


def _iter_compressed(kind: str, stream: BinaryIO, name: str, options: "ReadOptions", relpath: str, depth: int, page_rel: str | None) -> Iterator["RawPage | LoadError"]:
    from reader.containers.streams import Buffered, Damaged, decompressor

    if depth >= MAX_NESTING:
        yield LoadError(f"{name}: compressed more than {MAX_NESTING} times over; not read")
        return
    try:
        inner = Buffered(decompressor(kind, stream, name))
    except ImportError:
        yield LoadError(f"{name}: {kind} data, and the module to read it is not installed")
        return
    head = inner.peek(SNIFF_BYTES)  # never raises: damage waits until these bytes are read
    if not head:
        try:
            inner.at_eof  # noqa: B018 - raises the damage that came before any byte
        except Damaged as exc:
            yield exc
            return
        yield LoadError(f"{name}: empty {kind} data")
        return
    inner_kind = sniff(head, name)
    if inner_kind is not None:
        yield from iter_records(inner_kind, inner, name, options, relpath, depth + 1, page_rel)
        return
    from reader.sources import RawPage, page_relpath

    try:
        data = inner.read(options.max_bytes + 1)
    except Damaged as exc:
        yield exc
        return
    if len(data) > options.max_bytes:
        yield LoadError(f"{name}: too large to be a page (over {options.max_bytes // (1024 * 1024)} MB uncompressed)")
        return
    try:
        inner.at_eof  # noqa: B018 - surfaces damage after the last byte (a bad checksum)
    except Damaged as exc:
        yield exc
        return
    yield RawPage(name=name, data=data, relpath=page_rel or page_relpath(relpath))


__all__ = ["SNIFF_BYTES", "sniff", "iter_records", "is_compressed", "KINDS"]
