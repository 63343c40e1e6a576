"""Scrape containers: compressed files, WARC and JSONL, each read as a stream of
`RawPage`s, one per record, recognised by content (magic bytes, structure).

Compressed streams are decompressed incrementally and whatever they hold is sniffed
again (a `.warc.gz`, a `.jsonl.xz`, a `.html.gz`), so memory stays bounded by one
record, never by the container.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, BinaryIO, Iterator

from reader.errors import LoadError

if TYPE_CHECKING:
    from reader.sources import RawPage, ReadOptions

SNIFF_BYTES = 4096

_COMPRESSED = {
    b"\x1f\x8b": "gzip",
    b"BZh": "bz2",
    b"\xfd7zXZ\x00": "xz",
}


def sniff(head: bytes, name: str) -> str | None:
    """The container kind of a stream from its first bytes, or None for a plain page."""
    for magic, kind in _COMPRESSED.items():
        if head.startswith(magic):
            return kind
    return None


def _decompressor(kind: str, stream: BinaryIO) -> BinaryIO:
    if kind == "gzip":
        import gzip

        return gzip.GzipFile(fileobj=stream)  # type: ignore[arg-type]
    if kind == "bz2":
        import bz2

        return bz2.BZ2File(stream)  # type: ignore[arg-type]
    import lzma

    return lzma.LZMAFile(stream)  # type: ignore[arg-type]


def iter_records(kind: str, stream: BinaryIO, name: str, options: "ReadOptions", relpath: str) -> Iterator["RawPage | LoadError"]:
    from reader.sources import read_stream

    inner = _decompressor(kind, stream)
    try:
        yield from read_stream(inner, name, options, relpath)
    except (EOFError, OSError) as exc:
        yield LoadError(f"{name}: damaged {kind} data ({exc})")
