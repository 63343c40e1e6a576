"""The header some scrapers put above a markdown dump: its title, date and source.

Reader APIs write `Title:` / `URL Source:` / `Published Time:` lines and then
`Markdown Content:`; static-site exports write a YAML block between `---` lines.
Either way the header is metadata about the page, not the page: it becomes the title
hint and the date, and its lines are listed as removed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.extract.meta import Meta, find_date
from reader.extract.settings import SETTINGS as S
from reader.lazy_re import lazy

_READER_KEYS = lazy(r"^(Title|URL Source|Published Time|Markdown Content|Description|Author|Warning):\s*(.*)$")
_YAML_KEYS = lazy(r"^(title|date|author|source|url|published|description|tags)\s*:\s*(.*)$", re.I)


@dataclass
class Header:
    title: str | None = None
    meta: Meta = field(default_factory=Meta)
    lines: list[str] = field(default_factory=list)  # the header as it stood


def split_header(text: str) -> tuple[Header, str]:
    """(header, the rest of the dump); an empty header when the dump has none."""
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return Header(), text
    if lines[first].strip() == "---":
        end = next((i for i in range(first + 1, min(len(lines), first + S.yaml_header_lines)) if lines[i].strip() == "---"), None)
        if end is None:
            return Header(), text
        fields = [_YAML_KEYS.match(line.strip()) for line in lines[first + 1:end] if line.strip()]
        if not fields or not all(fields):
            return Header(), text
        return _header({m.group(1).lower(): m.group(2).strip().strip("\"'") for m in fields if m},
                       lines[first:end + 1]), "\n".join(lines[end + 1:])
    found: dict[str, str] = {}
    i = first
    while i < len(lines):
        line = lines[i].strip()
        m = _READER_KEYS.match(line) if line else None
        if line and not m:
            break
        if m:
            found[m.group(1).lower()] = m.group(2).strip()
        i += 1
        if m and m.group(1) == "Markdown Content":
            break
    if "title" not in found or len(found) < 2:
        return Header(), text
    return _header(found, [ln for ln in lines[first:i] if ln.strip()]), "\n".join(lines[i:])


def _header(found: dict[str, str], lines: list[str]) -> Header:
    meta = Meta(
        date=find_date(found.get("published time") or found.get("date") or found.get("published") or ""),
        author=found.get("author") or None,
        source=found.get("source") or None,
    )
    return Header(title=found.get("title") or None, meta=meta, lines=[ln.strip() for ln in lines])
