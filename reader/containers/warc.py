"""WARC 1.0/1.1 files (plain, or `.warc.gz` with one gzip member per record).

Each `response` record holding an HTTP 2xx page, and each `resource` record, whose
content type is HTML or text becomes one `RawPage`: `url` is `WARC-Target-URI`,
`encoding` the charset of the HTTP `Content-Type` (only a hint for `reader.load`),
the payload de-chunked and decompressed (gzip, deflate, brotli when installed).
Everything else is skipped without a word: request, warcinfo, metadata, revisit and
conversion records, redirects and error responses (no article in them), and
non-page payloads (images, PDFs, scripts, styles, feeds).

The record framing is read here, not by a WARC library, because both FastWARC and
warcio stop at the first record whose Content-Length or headers are broken and
return a truncated last record as if whole (see benchmarks/warc_readers.py).  Here a
broken record is one `LoadError` naming `crawl.warc#N` and reading resynchronises at
the next `WARC/1.x` line, including one hidden inside an over-long record; a damaged
gzip member is skipped the same way (`streams.GzipMembers`).  Memory holds one record:
a block longer than the page limit is skipped in chunks, never read whole.  The HTTP
message inside a record is parsed by warcio's header parser and decoding readers,
which decompress in bounded steps and fall back to the raw bytes on a bad encoding.
"""
from __future__ import annotations

import codecs
import io
from typing import TYPE_CHECKING, Iterator

from reader.containers.naming import record_name, record_relpath
from reader.containers.streams import Buffered, Damaged
from reader.errors import LoadError
from reader.lazy_re import lazy

if TYPE_CHECKING:
    from reader.sources import RawPage, ReadOptions

MAX_HEADER_BYTES = 64 * 1024  # WARC or HTTP headers longer than this are not headers
_HTTP_ALLOWANCE = 1024 * 1024  # a block may exceed the page limit by its HTTP headers
_VERSION_LINE = lazy(rb"WARC/\d\.\d+[ \t]*\r?\n\Z")
_WARC_START = lazy(rb"\A(?:\xef\xbb\xbf)?[\r\n]*WARC/\d\.\d+[ \t]*\r?\n")
_NEXT_RECORD = lazy(rb"\r?\n\r?\n(?=WARC/\d\.\d+[ \t]*\r?\n)")
PAGE_TYPES = frozenset({"", "text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown"})
_HTTP_PROTOCOLS = ["HTTP/1.0", "HTTP/1.1", "HTTP/2", "HTTP/2.0", "HTTP/3"]


def looks_like_warc(head: bytes) -> bool:
    return _WARC_START.match(head) is not None


def iter_warc(stream, name: str, options: "ReadOptions", relpath: str) -> Iterator["RawPage | LoadError"]:  # type: ignore[no-untyped-def]
    buf = stream if isinstance(stream, Buffered) else Buffered(stream)
    ordinal = 0
    while True:
        try:
            line = buf.readline(MAX_HEADER_BYTES)
            if not line:
                return
            if not line.strip():
                continue
            if not _VERSION_LINE.match(line):
                skipped = len(line) + _skip_to_record(buf)
                yield LoadError(f"{name}: skipped {skipped} bytes that are not a WARC record (after record #{ordinal})")
                continue
        except Damaged as exc:
            # In a .warc.gz each record is its own gzip member: the damaged one was
            # the next record, and reading goes on at the member after it.
            buf.discard()
            ordinal += 1
            yield LoadError(f"{record_name(name, ordinal)}: {exc.reason}; record skipped")
            continue
        ordinal += 1
        where = record_name(name, ordinal)
        try:
            item = _read_record(buf, where, ordinal, options, relpath)
        except Damaged as exc:
            buf.discard()
            item = LoadError(f"{where}: {exc.reason}; record skipped")
        if item is not None:
            yield item


def _read_record(buf: Buffered, where: str, ordinal: int, options: "ReadOptions", relpath: str) -> "RawPage | LoadError | None":
    headers, problem = _read_headers(buf)
    length_text = headers.get("content-length", "")
    length = int(length_text) if length_text.isascii() and length_text.isdigit() else None
    if problem == "truncated":
        return LoadError(f"{where}: truncated: the file ends inside this record's WARC headers")
    if length is None:
        _skip_to_record(buf)
        why = problem or ("no Content-Length" if not length_text else f"bad Content-Length {length_text[:20]!r}")
        return LoadError(f"{where}: broken WARC record ({why}); skipped to the next record")
    wtype = headers.get("warc-type", "").lower()
    is_page = wtype in ("response", "resource")
    if length > options.max_bytes + _HTTP_ALLOWANCE:
        dropped = buf.skip(length)
        if dropped < length:
            return LoadError(f"{where}: truncated: the file ends inside this record ({dropped} of {length} bytes)")
        _trailer(buf)
        if is_page and problem is None:
            return LoadError(f"{where}: too large to be a page ({length // (1024 * 1024)} MB, the limit is {options.max_bytes // (1024 * 1024)} MB)")
        return None
    block = buf.read(length)
    if len(block) < length:
        return LoadError(f"{where}: truncated: the file ends inside this record ({len(block)} of {length} bytes)")
    if not _trailer(buf):
        # The Content-Length disagrees with the data: the next record may start
        # inside this block (length too long) or after it (too short).
        found = _NEXT_RECORD.search(block)
        if found:
            buf.unread(block[found.end():])
        else:
            _skip_to_record(buf)
        return LoadError(f"{where}: broken WARC record (its Content-Length does not match the data); skipped")
    if problem is not None:
        return LoadError(f"{where}: broken WARC record ({problem}); skipped")
    if not is_page:
        return None
    return _page(headers, block, where, ordinal, options, relpath)


def _read_headers(buf: Buffered) -> tuple[dict[str, str], str | None]:
    """WARC named fields, keys lower-cased; the problem, if any ("truncated" at EOF)."""
    headers: dict[str, str] = {}
    problem: str | None = None
    total = 0
    last = ""
    while True:
        line = buf.readline(MAX_HEADER_BYTES)
        if not line:
            return headers, "truncated"
        total += len(line)
        text = line.rstrip(b"\r\n")
        if not text:
            return headers, problem
        if total > MAX_HEADER_BYTES:
            return {}, "WARC headers too long"
        if text[:1] in (b" ", b"\t") and last:
            headers[last] += " " + text.strip().decode("utf-8", "replace")
            continue
        key, colon, value = text.partition(b":")
        if not colon or not key.strip() or b" " in key.strip():
            problem = problem or f"bad header line {text[:40].decode('utf-8', 'replace')!r}"
            continue
        last = key.strip().lower().decode("latin-1")
        headers.setdefault(last, value.strip().decode("utf-8", "replace"))


def _trailer(buf: Buffered) -> bool:
    """Consume the blank lines after a block; False when what follows is not a record."""
    ahead = buf.peek(16)
    if ahead.startswith(b"\r\n\r\n"):
        buf.skip(4)
        return True
    newlines = len(ahead) - len(ahead.lstrip(b"\r\n"))
    rest = ahead[newlines:]
    if not rest or rest.startswith(b"WARC/"):  # lenient: LF only, missing, or at the end
        buf.skip(min(newlines, 4))
        return True
    return False


def _skip_to_record(buf: Buffered) -> int:
    """Drop lines up to the next `WARC/x.y` line (left in place); returns bytes dropped."""
    dropped = 0
    while True:
        line = buf.readline(MAX_HEADER_BYTES)
        if not line:
            return dropped
        if _VERSION_LINE.match(line):
            buf.unread(line)
            return dropped
        dropped += len(line)


def _page(headers: dict[str, str], block: bytes, where: str, ordinal: int, options: "ReadOptions", relpath: str) -> "RawPage | LoadError | None":
    from reader.sources import RawPage

    url = headers.get("warc-target-uri", "").strip().strip("<>").strip() or None
    if headers.get("warc-type", "").lower() == "response":
        if not headers.get("content-type", "").lower().startswith("application/http"):
            return None  # a dns: or other non-HTTP response
        try:
            status, content_type, body = http_payload(block, options.max_bytes)
        except (ValueError, OSError, EOFError, LookupError, AssertionError) as exc:
            return LoadError(f"{where}: unreadable HTTP message ({exc})")
        if status is None or not 200 <= status < 300:
            return None  # redirects and error pages hold no article
    else:
        content_type, body = headers.get("content-type", ""), block
    mime, charset = parse_content_type(content_type)
    if mime not in PAGE_TYPES:
        return None
    if len(body) > options.max_bytes:
        return LoadError(f"{where}: too large to be a page (over {options.max_bytes // (1024 * 1024)} MB decoded)")
    return RawPage(name=where, data=body, url=url, encoding=charset, relpath=record_relpath(relpath, ordinal, url))


def http_payload(block: bytes, limit: int) -> tuple[int | None, str, bytes]:
    """(status, Content-Type, body) of an HTTP response; the body de-chunked and
    decompressed, at most `limit + 1` bytes of it (more is the caller's error)."""
    from warcio.bufferedreaders import ChunkedDataReader, DecompressingBufferedReader
    from warcio.statusandheaders import StatusAndHeadersParser

    stream = io.BytesIO(block)
    parsed = StatusAndHeadersParser(_HTTP_PROTOCOLS, verify=False).parse(stream)
    code = parsed.get_statuscode() or ""
    status = int(code) if code.isdigit() else None
    encoding = (parsed.get_header("Content-Encoding") or "").strip().lower()
    decomp = encoding if encoding in ("gzip", "x-gzip", "deflate", "br") else None
    if decomp == "x-gzip":
        decomp = "gzip"
    if decomp == "br" and not _has_brotli():
        raise ValueError("brotli content encoding, and the brotli package is not installed")
    chunked = "chunked" in (parsed.get_header("Transfer-Encoding") or "").lower()
    reader_cls = ChunkedDataReader if chunked else DecompressingBufferedReader
    # Small input steps: a deflate step inflates at most ~1000x its input (a bomb).
    body_reader = reader_cls(stream, block_size=4096, decomp_type=decomp)
    parts: list[bytes] = []
    got = 0
    while got <= limit:
        piece = body_reader.read(min(1 << 20, limit + 1 - got))
        if not piece:
            break
        parts.append(piece)
        got += len(piece)
    return status, parsed.get_header("Content-Type") or "", b"".join(parts)


def parse_content_type(value: str) -> tuple[str, str | None]:
    """`text/html; charset="GBK"` -> ("text/html", "gbk"); an unknown charset -> None."""
    mime, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset":
            val = val.strip().strip("\"'").strip().lower()
            try:
                codecs.lookup(val)
                charset = val
            except LookupError:
                charset = None
    return mime.strip().lower(), charset


def _has_brotli() -> bool:
    try:
        import brotli  # noqa: F401
    except ImportError:
        return False
    return True


__all__ = ["iter_warc", "looks_like_warc", "http_payload", "parse_content_type", "PAGE_TYPES"]
