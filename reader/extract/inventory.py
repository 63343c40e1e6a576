"""Nothing vanishes: the page's visible lines, where each stands in the raw text, and
which of them no kept or removed block accounts for.

Extraction takes text away in three places (the DOM pruner, trafilatura, the
classifier); only the last two report what they took.  So the page is inventoried
once, before anything is pruned: every visible line (as a browser shows it, one a
block element or `<br>`) with its character span in the raw text.  After extraction
every block, kept or removed, is matched against that inventory; the lines nobody
matched are listed as removed too, labelled by the region of the page they stood in.
The same matching gives each block its `source` span, which lets a viewer put the
raw page and the cleaned article side by side.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from reader.extract.candidate import normalize
from reader.extract.rules import REGION_TOKENS
from reader.extract.settings import SETTINGS as S

_SKIP = {"script", "style", "noscript", "template"}
_BLOCK = {"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
          "section", "article", "header", "footer", "nav", "aside", "dd", "dt", "dl", "blockquote", "pre", "form",
          "center", "title", "main", "figure", "figcaption", "option", "button", "select", "hr", "address"}
# Regions named by their tag: where an unaccounted line stood says what it was.
_REGION_TAGS = {"title": "page-title", "nav": "navigation", "header": "page-header", "footer": "page-footer",
                "aside": "sidebar", "form": "form", "select": "form", "button": "form", "option": "form",
                "textarea": "form", "label": "form", "iframe": "embed", "object": "embed", "svg": "embed"}
_TOKEN = re.compile(r"[a-z]+")
# A search key: the first run of characters a page writes literally (no entities, tags or spaces).
_KEY = re.compile(r"[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9\uff00-\uffef\u3000-\u303f，。、；：？！“”‘’《》（）]{2,12}")


@dataclass(frozen=True)
class Line:
    """One visible line of the page."""

    text: str
    span: tuple[int, int] | None  # [start, end) in the raw text; None when it cannot be found
    region: str = ""  # page-title, navigation, page-header, page-footer, sidebar, form, embed, or ""


def html_lines(tree: Any, raw: str) -> list[Line]:
    """The visible lines of a parsed page (before any pruning), with raw spans."""
    lines: list[tuple[str, str, list[str]]] = []  # (text, region, the text nodes it is made of)
    buf: list[str] = []
    region_of_buf = [""]

    def flush() -> None:
        text = " ".join("".join(buf).split())
        if text:
            lines.append((text, region_of_buf[0], [t for t in buf if t.strip()]))
        buf.clear()
        region_of_buf[0] = ""

    def add(value: str | None, region: str) -> None:
        if value:
            if not buf or not "".join(buf).strip():
                region_of_buf[0] = region
            buf.append(value)

    def walk(node: Any, region: str) -> None:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag in _SKIP or not tag:
            return
        region = region or _REGION_TAGS.get(tag, "") or _region_of_names(node)
        block = tag in _BLOCK
        if block:
            flush()
        add(node.text, region)
        for child in node:
            walk(child, region)
            add(child.tail, region)
        if block:
            flush()

    walk(tree, "")
    flush()
    out: list[Line] = []
    cursor = 0
    for text, region, nodes in lines:
        span = _locate(raw, nodes, cursor)
        if span:
            cursor = span[0] + 1
        out.append(Line(text, span, region))
    return out


def _region_of_names(node: Any) -> str:
    names = f"{node.get('class', '')} {node.get('id', '')}".lower()
    if not names.strip():
        return ""
    for token in _TOKEN.findall(names):
        if token in REGION_TOKENS:
            return REGION_TOKENS[token]
    return ""


def _locate(raw: str, nodes: list[str], cursor: int) -> tuple[int, int] | None:
    """Where a line made of these text nodes stands in the raw page: a forward search
    for the first node's first literal run, then for the last node's last one."""
    first = _KEY.search(nodes[0]) if nodes else None
    if first is None:
        return None
    key = first.group(0)
    # A short key could match far ahead (in a script, an attribute): look nearby only.
    limit = len(raw) if len(key) >= S.locate_short_key else min(len(raw), cursor + S.locate_near)
    start = raw.find(key, cursor, limit)
    if start < 0:
        return None
    start -= first.start() if raw[start - first.start():start] == nodes[0][:first.start()] else 0
    keys = _KEY.findall(nodes[-1])
    end = start + len(key)
    if keys:
        found = raw.find(keys[-1], end - len(key))
        if found >= 0 and found - start < S.locate_stretch * max(1, sum(map(len, nodes))):
            end = max(end, found + len(keys[-1]))
    return start, end


def text_lines(raw: str) -> list[Line]:
    """A text dump's lines, with their spans (the raw text as loaded, \\r\\n or not);
    markdown links count by their text, as the segmenter reads them."""
    from reader.extract.artifacts import strip_inline_markup

    return [Line(" ".join(strip_inline_markup(m.group(0)).split()), (m.start(), m.end()))
            for m in re.finditer(r"[^\r\n]+", raw) if m.group(0).strip()]


@dataclass
class Match:
    """Where one block's text was found in the inventory."""

    start: int  # position in the ledger's normalized text
    end: int

    def span(self, ledger: "Ledger") -> tuple[int, int] | None:
        return ledger.raw_span(self.start, self.end)


class Ledger:
    """The inventory as one normalized string, so that blocks (whatever their white
    space, punctuation or markup) can be found in it and the lines they cover marked."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        # The <title> element is never matched: it names the page, and what it adds to
        # the headline (channel, site) is listed, not taken for the headline itself.
        keys = [normalize(line.text) if line.region != "page-title" else "\x00" * len(normalize(line.text))
                for line in lines]
        self.starts: list[int] = []
        pos = 0
        for key in keys:
            self.starts.append(pos)
            pos += len(key)
        self.text = "".join(keys)
        self.covered = bytearray(len(self.text))
        self.cursor = 0

    def find(self, text: str, mark: bool = True, everywhere: bool = False) -> Match | None:
        """Find `text` (after the last block found, else anywhere) and mark it accounted for."""
        key = normalize(text)
        if not key:
            return None
        head = key[:S.find_head]
        at = self._free(head, self.cursor)
        if at < 0:
            at = self._free(head, 0)
        if at < 0:
            return self._find_pieces(key, mark)
        end = at + len(key)
        if self.text[at:end] != key and len(key) > S.find_head:
            # The block differs from the page inside (text joined or cut): find its end.
            tail = self.text.find(key[-S.find_head:], at)
            fits = 0 <= tail and tail + S.find_head - at <= S.find_stretch * len(key)
            end = tail + S.find_head if fits else at + len(head)
        end = min(end, len(self.text))
        if mark:
            self._mark(at, end)
            if everywhere:
                nxt = self.text.find(key, end)
                while nxt >= 0:
                    self._mark(nxt, nxt + len(key))
                    nxt = self.text.find(key, nxt + len(key))
        self.cursor = max(self.cursor, at + 1) if not everywhere else self.cursor
        return Match(at, end)

    def _free(self, head: str, start: int) -> int:
        """The first occurrence of `head` from `start` that no block has taken yet (a
        summary quoting the first paragraph must not take that paragraph's place);
        failing that, the first occurrence."""
        first = at = self.text.find(head, start)
        for _ in range(S.find_tries):
            if at < 0 or not self.covered[at]:
                break
            at = self.text.find(head, at + 1)
        return at if at >= 0 else first

    def _find_pieces(self, key: str, mark: bool) -> Match | None:
        """A block stitched from several places (a table row, a cleaned line): mark
        the pieces of it the page holds, a few characters at a time."""
        first = last = -1
        for i in range(0, len(key), S.piece_chars):
            piece = key[i:i + S.piece_chars]
            if len(piece) < S.piece_min:
                break
            at = self.text.find(piece)
            if at >= 0:
                if mark:
                    self._mark(at, at + len(piece))
                first = at if first < 0 else min(first, at)
                last = max(last, at + len(piece))
        return Match(first, last) if first >= 0 else None

    def title_shown(self, title: str) -> None:
        """A <title> that says no more than the headline is accounted for by it."""
        key = normalize(title)
        for i, line in enumerate(self.lines):
            if line.region == "page-title" and key and normalize(line.text) in key:
                end = self.starts[i + 1] if i + 1 < len(self.lines) else len(self.text)
                self._mark(self.starts[i], end)

    def take_lines(self, match: Match) -> str:
        """The whole lines a match touches, marked accounted for, as one text: a
        container's text as the page shows it (with the buttons and labels inside it
        that were dropped before its text was read)."""
        first, last = self.line_at(match.start), self.line_at(max(match.start, match.end - 1))
        self._mark(self.starts[first], self.starts[last + 1] if last + 1 < len(self.lines) else len(self.text))
        return " ".join(line.text for line in self.lines[first:last + 1])

    def _mark(self, start: int, end: int) -> None:
        self.covered[start:end] = b"\x01" * (end - start)

    def line_at(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def raw_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The raw-text span of the lines from ledger position `start` to `end`."""
        spans = [self.lines[i].span for i in range(self.line_at(start), self.line_at(max(start, end - 1)) + 1)]
        spans = [s for s in spans if s]
        return (spans[0][0], max(s[1] for s in spans)) if spans else None

    def unaccounted(self, share: float = S.unaccounted_share) -> list[tuple[int, Line]]:
        """Lines (with their ledger position) of which more than `share` is unmatched."""
        out = []
        for i, line in enumerate(self.lines):
            start = self.starts[i]
            end = self.starts[i + 1] if i + 1 < len(self.lines) else len(self.text)
            if end > start and self.covered[start:end].count(0) > share * (end - start):
                out.append((start, line))
        return out
