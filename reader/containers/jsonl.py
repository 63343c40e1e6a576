"""JSONL / NDJSON feeds (scrapy feed exports, crawler dumps): one page per line.

Read line by line with a cap, so memory holds one record and a line longer than the
page limit is an error for that line, not a hang.  The page is the first of
`PAGE_FIELDS` holding a non-empty string, or the one field the user named; `url`
comes from the record's `url`.  A line that is not a JSON object, or lacks the
field, becomes one `LoadError` naming `file.jsonl#LINE` (1-based, blank lines
counted) and the rest go on.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Iterator

from reader.containers.naming import record_name, record_relpath
from reader.containers.streams import Buffered, Damaged
from reader.errors import LoadError
from reader.lazy_re import lazy

if TYPE_CHECKING:
    from reader.sources import RawPage, ReadOptions

PAGE_FIELDS = ("html", "raw_html", "body", "content", "text")
# A JSON object's opening: `{` then a string key and a colon, or `{}`.
_OBJECT_START = lazy(rb'\s*\{\s*(?:"(?:[^"\\\r\n]|\\.)*"\s*:|\})')
_BOM = b"\xef\xbb\xbf"


def looks_like_jsonl(head: bytes, complete: bool = False) -> bool:
    """True when the first non-blank line is (or, cut by the head, begins as) a JSON
    object; `complete` says `head` is the whole stream."""
    text = head[len(_BOM):] if head.startswith(_BOM) else head
    text = text.lstrip(b" \t\r\n")
    if not text.startswith(b"{"):
        return False
    end = text.find(b"\n")
    if end < 0 and complete:
        end = len(text)  # the whole stream is one line
    if end >= 0:
        try:
            return isinstance(json.loads(text[:end]), dict)
        except (ValueError, RecursionError):
            return False
    return _OBJECT_START.match(text) is not None  # a long first line: judge its start


def iter_jsonl(stream, name: str, options: "ReadOptions", relpath: str) -> Iterator["RawPage | LoadError"]:  # type: ignore[no-untyped-def]
    from reader.sources import RawPage

    buf = stream if isinstance(stream, Buffered) else Buffered(stream)
    limit = options.max_bytes
    number = 0
    while True:
        try:
            line = buf.readline(limit + 1)
        except Damaged as exc:
            buf.discard()
            yield LoadError(f"{name}: {exc.reason} (after line {number})")
            continue
        if not line:
            return
        number += 1
        where = record_name(name, number)
        if not line.endswith(b"\n") and len(line) > limit:
            try:
                buf.skip_line()
            except Damaged as exc:
                buf.discard()
                yield LoadError(f"{name}: {exc.reason} (inside line {number})")
                continue
            yield LoadError(f"{where}: line too long to be a page (over {_mb(limit)} MB)")
            continue
        if number == 1 and line.startswith(_BOM):
            line = line[len(_BOM):]
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as exc:
            yield LoadError(f"{where}: not a JSON object ({_json_reason(exc)})")
            continue
        if not isinstance(record, dict):
            yield LoadError(f"{where}: not a JSON object (a JSON {_json_type(record)})")
            continue
        text = page_text(record, options.field)
        if text is None:
            wanted = options.field or ", ".join(PAGE_FIELDS)
            yield LoadError(f"{where}: no page text (no non-empty string field {wanted})")
            continue
        url = record.get("url")
        url = url.strip() if isinstance(url, str) and url.strip() else None
        yield RawPage(
            name=where,
            data=text.encode("utf-8", "replace"),  # lone surrogates from \ud800 escapes
            url=url,
            encoding="utf-8",
            relpath=record_relpath(relpath, number, url),
        )


def page_text(record: dict, field: str | None) -> str | None:
    for key in (field,) if field else PAGE_FIELDS:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _json_reason(exc: Exception) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    text = str(exc)
    return text.split(":")[0] if isinstance(exc, json.JSONDecodeError) else text


def _json_type(value: object) -> str:
    return {list: "array", str: "string", bool: "boolean", type(None): "null"}.get(type(value), "number")


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):g}"


__all__ = ["iter_jsonl", "looks_like_jsonl", "page_text", "PAGE_FIELDS"]
