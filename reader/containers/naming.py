"""Names and output paths for pages, including records inside containers.

A record's `name` is what a user sees in an error line and in JSON's `input`:
`crawl.warc.gz#17` is the 17th WARC record of the file, counting every record
(warcinfo and requests too, so it matches `warcio index`), and `feed.jsonl#17` is
line 17 of the file (blank lines counted, so it matches an editor's line number).

A record's `relpath` is where `--output-dir` writes it, without extension:
`<container file name>/<ordinal, 6 digits>-<slug of the URL>`.  Every component is
made safe here: no `..`, no absolute path, no control characters, at most
`MAX_COMPONENT_BYTES` of UTF-8; the ordinal prefix keeps names unique within their
container even when two records share a URL.
"""
from __future__ import annotations

import re
from reader.lazy_re import lazy
import unicodedata
from urllib.parse import unquote, urlsplit

MAX_COMPONENT_BYTES = 120  # well under the 255-byte file-name limit, with room for ".json"
_SLUG_JUNK = lazy(r"[^\w.\-]+")
_PAGE_SUFFIX = lazy(r"\.(?:s?html?|xhtml|php|aspx?|jsp)$", re.IGNORECASE)


def safe_component(part: str) -> str:
    """One path component fit to be a file name: odd characters %-escaped, bounded."""
    out = []
    for ch in part:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of the original name
            out.append(f"%{code - 0xDC00:02X}")
        elif code < 0x20 or code == 0x7F or 0x80 <= code < 0xA0 or ch in "/\\" or unicodedata.category(ch) in ("Cs", "Co", "Cn", "Zl", "Zp"):
            out.append(f"%{code:02X}" if code < 0x100 else f"%u{code:04X}")
        else:
            out.append(ch)
    text = "".join(out)
    if text in ("", ".", ".."):
        text = text.replace(".", "%2E") or "_"
    return _cut(text, MAX_COMPONENT_BYTES)


def safe_relpath(rel: str) -> str:
    """A relative path with every component safe; `..` and leading `/` cannot escape."""
    parts = [p for p in rel.replace("\\", "/").split("/") if p not in ("", ".")]
    return "/".join(safe_component(p) for p in parts) or "_"


def record_name(container: str, ordinal: int) -> str:
    return f"{container}#{ordinal}"


def record_relpath(container_rel: str, ordinal: int, url: str | None) -> str:
    """`<container>/<ordinal>-<url slug>`: unique by the ordinal, readable by the slug."""
    stem = f"{ordinal:06d}"
    slug = url_slug(url) if url else ""
    leaf = _cut(f"{stem}-{slug}", MAX_COMPONENT_BYTES) if slug else stem
    return f"{safe_relpath(container_rel)}/{leaf}"


def url_slug(url: str) -> str:
    """`https://news.example.com/2025/03/文章.html?id=7` -> `news.example.com_2025_03_文章_id-7`."""
    try:
        parts = urlsplit(url.strip())
        host, path, query = parts.hostname or "", parts.path, parts.query
    except ValueError:
        host, path, query = "", url, ""
    path = _PAGE_SUFFIX.sub("", unquote(path, errors="replace"))
    pieces = [host, *path.split("/")]
    if query:
        pieces.append(unquote(query, errors="replace"))
    words = [_SLUG_JUNK.sub("-", p).strip("-.") for p in pieces]
    slug = "_".join(w for w in words if w)
    slug = "".join(ch for ch in slug if ch.isprintable())
    return _cut(slug, MAX_COMPONENT_BYTES - 8).strip("-._")


def _cut(text: str, limit: int) -> str:
    data = text.encode("utf-8", "surrogateescape")
    if len(data) <= limit:
        return text
    return data[:limit].decode("utf-8", "ignore")


__all__ = ["safe_component", "safe_relpath", "record_name", "record_relpath", "url_slug", "MAX_COMPONENT_BYTES"]
