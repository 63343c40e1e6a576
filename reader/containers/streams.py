"""Byte streams for container readers: decompressors that fail loudly, and a buffer
with bounded line reads and push-back.

Every decompressor here is a plain object with `read(n)` that returns at most about
`n` bytes, so a gzip bomb or `/dev/zero` inside a container never grows memory past
what the caller asked for.  Damage (a truncated file, a bad checksum, bytes that are
not compressed data) raises `Damaged` once, only after every byte that decompressed
cleanly before it has been returned, so readers can hand out the records they could
read and then say what went wrong.  Gzip goes further: after damage it resynchronises
at the next gzip member, which in a `.warc.gz` (one member per record) means the
records after a corrupt one are still read.
"""
from __future__ import annotations

import zlib
from typing import BinaryIO, Protocol

from reader.errors import LoadError

CHUNK = 1 << 16  # compressed bytes read from the source at a time
# A single zlib call may inflate a chunk to at most this many bytes (bounds a bomb).
_MAX_INFLATE = 1 << 20
# zstd can expand ~32,000x, and its decompressobj has no output cap: feed it little.
_ZSTD_FEED = 1024
_GZIP_MAGIC = b"\x1f\x8b\x08"
# The compressed bytes of the current gzip member kept for resynchronising after
# damage; a member larger than this (a whole file gzipped at once) is not rescanned.
_KEEP_MEMBER = 8 << 20


class Reader(Protocol):
    def read(self, n: int = -1, /) -> bytes: ...


class Damaged(LoadError):
    """Compressed data that cannot be read on; `reason` has no file name in it."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.reason = reason


class _Decoder:
    """Shared shape: decompressed bytes in `_out`, an error kept until they are read."""

    kind = ""

    def __init__(self, raw: Reader, name: str) -> None:
        self._raw = raw
        self._name = name
        self._out = bytearray()
        self._error: Damaged | None = None
        self._eof = False
        self.produced = 0  # decompressed bytes handed out (for messages)

    def read(self, n: int = -1) -> bytes:
        if n is None or n < 0:
            n = CHUNK
        while len(self._out) < n and not self._eof and self._error is None:
            self._fill()
        if not self._out and self._error is not None:
            error, self._error = self._error, None
            raise error
        data = bytes(self._out[:n])
        del self._out[:n]
        self.produced += len(data)
        return data

    def _fail(self, reason: str) -> None:
        self._error = Damaged(self._name, reason)

    def _fill(self) -> None:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError


class GzipMembers(_Decoder):
    """Concatenated gzip members (`gzip`, `.warc.gz`, `pigz`), resynchronising after damage."""

    kind = "gzip"

    def __init__(self, raw: Reader, name: str) -> None:
        super().__init__(raw, name)
        self._pending = b""  # compressed bytes not yet fed
        self._zobj: "zlib._Decompress | None" = None
        self._member = bytearray()  # the current member's compressed bytes (for resync)
        self._members = 0

    def _more(self) -> bool:
        chunk = self._raw.read(CHUNK)
        if not chunk:
            return False
        self._pending += chunk
        return True

    def _fill(self) -> None:
        zobj = self._zobj
        if zobj is None:
            self._start_member()
            return
        if zobj.unconsumed_tail:
            data = zobj.unconsumed_tail
        elif self._pending or self._more():
            data, self._pending = self._pending, b""
            if len(self._member) < _KEEP_MEMBER:
                self._member += data
        else:
            data = b""  # the source is done: flush what zlib still holds
        try:
            out = zobj.decompress(data, _MAX_INFLATE)
        except zlib.error as exc:
            self._resync(f"damaged gzip data ({_zlib_reason(exc)})")
            return
        self._out += out
        if zobj.eof:
            self._pending = zobj.unused_data + self._pending
            self._zobj = None
        elif not data and not out:
            self._zobj = None
            self._eof = True
            self._fail("truncated gzip data: the file ends inside a compressed block")

    def _start_member(self) -> None:
        while True:
            # Some writers pad between or after members with NUL bytes.
            self._pending = self._pending.lstrip(b"\x00")
            if len(self._pending) >= len(_GZIP_MAGIC) or not self._more():
                break
        if not self._pending:
            self._eof = True
            return
        self._member = bytearray()
        if len(self._pending) < len(_GZIP_MAGIC):
            self._pending = b""
            self._eof = True
            self._fail("truncated gzip data: the file ends inside a gzip header")
            return
        if not self._pending.startswith(_GZIP_MAGIC):
            self._resync("data that is not gzip after a gzip member" if self._members else "damaged gzip header")
            return
        self._members += 1
        self._zobj = zlib.decompressobj(31)

    def _resync(self, reason: str) -> None:
        """Drop the damaged member and go on from the next gzip magic after its start."""
        self._fail(reason)
        self._zobj = None
        rest = bytes(self._member[1:]) + self._pending if self._member else self._pending[1:]
        self._member = bytearray()
        while True:
            at = rest.find(_GZIP_MAGIC)
            if at >= 0:
                self._pending = rest[at:]
                return
            rest = rest[-2:]  # a magic split across two reads
            chunk = self._raw.read(CHUNK)
            if not chunk:
                self._pending = b""
                self._eof = True
                return
            rest += chunk


def _zlib_reason(exc: zlib.error) -> str:
    text = str(exc)
    if "incorrect data check" in text or "incorrect length check" in text:
        return "checksum mismatch"
    return text.split(":", 1)[-1].strip() or "corrupt deflate stream"


class _FileDecoder(_Decoder):
    """bz2 and xz through the standard library's multi-stream decompressors."""

    def __init__(self, raw: Reader, name: str, kind: str) -> None:
        super().__init__(raw, name)
        self.kind = kind
        self._pending = b""
        self._dec = self._new()

    def _new(self):  # type: ignore[no-untyped-def]
        if self.kind == "bz2":
            import bz2

            return bz2.BZ2Decompressor()
        import lzma

        return lzma.LZMADecompressor()

    def _fill(self) -> None:
        dec = self._dec
        if dec.eof:
            # A new stream may follow (`cat a.bz2 b.bz2`); padding or junk ends it.
            rest = dec.unused_data + self._pending
            self._pending = b""
            if not rest:
                rest = self._raw.read(CHUNK)
            if not rest:
                self._eof = True
                return
            if self.kind == "xz" and not rest.strip(b"\x00"):
                self._eof = True  # xz allows NUL padding between streams
                return
            self._dec = dec = self._new()
            self._pending = rest
        if dec.needs_input:
            data = self._pending or self._raw.read(CHUNK)
            self._pending = b""
            if not data:
                self._eof = True
                self._fail(f"truncated {self.kind} data: the file ends inside a compressed block")
                return
        else:
            data = b""
        try:
            self._out += dec.decompress(data, _MAX_INFLATE)
        except Exception as exc:  # noqa: BLE001 - OSError (bz2), LZMAError, EOFError: all are damage
            self._eof = True
            self._fail(f"damaged {self.kind} data ({exc})")


class ZstdFrames(_Decoder):
    """Zstandard frames, one after another, fed in small slices (no output cap exists)."""

    kind = "zstd"

    def __init__(self, raw: Reader, name: str) -> None:
        super().__init__(raw, name)
        import zstandard

        self._zstd = zstandard
        self._pending = b""
        self._dec = None  # a decompressobj while inside a frame

    def _fill(self) -> None:
        if not self._pending:
            self._pending = self._raw.read(CHUNK)
            if not self._pending:
                self._eof = True
                if self._dec is not None:
                    self._fail("truncated zstd data: the file ends inside a frame")
                return
        if self._dec is None:
            self._dec = self._zstd.ZstdDecompressor().decompressobj()
        feed, self._pending = self._pending[:_ZSTD_FEED], self._pending[_ZSTD_FEED:]
        try:
            self._out += self._dec.decompress(feed)
        except self._zstd.ZstdError as exc:
            self._eof = True
            self._fail(f"damaged zstd data ({exc})")
            return
        if self._dec.eof:
            self._pending = self._dec.unused_data + self._pending
            self._dec = None
            if not self._pending.strip(b"\x00"):
                more = self._raw.read(CHUNK)
                self._pending = more
                if not more:
                    self._eof = True


def decompressor(kind: str, raw: Reader, name: str) -> _Decoder:
    if kind == "gzip":
        return GzipMembers(raw, name)
    if kind == "zstd":
        return ZstdFrames(raw, name)
    return _FileDecoder(raw, name, kind)


class Buffered:
    """A stream with bounded line reads, exact reads, peeking and push-back.

    `Damaged` from the underlying stream is held until the bytes before it are
    asked past: `peek` never raises it, `read`, `readline` and `skip` raise it when
    they cannot be served from those bytes, leaving them buffered (a caller that
    resynchronises calls `discard`).  Reading on afterwards continues after the damage.
    """

    def __init__(self, raw: Reader | BinaryIO) -> None:
        self._raw = raw
        self._buf = bytearray()
        self._eof = False
        self._error: Damaged | None = None

    def _fill(self, want: int) -> bool:
        while len(self._buf) < want and not self._eof and self._error is None:
            try:
                chunk = self._raw.read(max(CHUNK, want - len(self._buf)))
            except Damaged as exc:
                self._error = exc
                break
            if not chunk:
                self._eof = True
                break
            self._buf += chunk
        return len(self._buf) >= want

    def _raise_pending(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def peek(self, n: int) -> bytes:
        self._fill(n)
        return bytes(self._buf[:n])

    def read(self, n: int) -> bytes:
        """Exactly `n` bytes, or fewer at the end of the stream."""
        if not self._fill(n):
            self._raise_pending()
        data = bytes(self._buf[:n])
        del self._buf[:n]
        return data

    def skip(self, n: int) -> int:
        """Drop up to `n` bytes without keeping them; returns how many were dropped."""
        dropped = 0
        while dropped < n:
            if not self._fill(1):
                self._raise_pending()
                break
            take = min(n - dropped, len(self._buf))
            del self._buf[:take]
            dropped += take
        return dropped

    def readline(self, limit: int) -> bytes:
        """One line with its newline, or the first `limit` bytes of a longer one."""
        start = 0
        while True:
            at = self._buf.find(b"\n", start, limit)
            if at >= 0:
                line = bytes(self._buf[: at + 1])
                del self._buf[: at + 1]
                return line
            start = len(self._buf)
            if start >= limit:
                break
            if not self._fill(start + 1):
                self._raise_pending()
                break
        line = bytes(self._buf[:limit])
        del self._buf[:limit]
        return line

    def skip_line(self) -> None:
        """Drop the rest of the current line (after a line was cut at its limit)."""
        while True:
            if not self._fill(1):
                self._raise_pending()
                return
            at = self._buf.find(b"\n")
            if at >= 0:
                del self._buf[: at + 1]
                return
            self._buf.clear()

    def discard(self) -> None:
        """Forget buffered bytes (the part of a record before damage in its source)."""
        self._buf.clear()

    def unread(self, data: bytes) -> None:
        self._buf[:0] = data

    @property
    def at_eof(self) -> bool:
        """True at the end of the stream; raises damage that no byte comes before."""
        if self._fill(1):
            return False
        self._raise_pending()
        return True


__all__ = ["Damaged", "Buffered", "GzipMembers", "ZstdFrames", "decompressor", "CHUNK"]
