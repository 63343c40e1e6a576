"""Laying an article out as styled terminal lines: pure functions, no widgets.

An article becomes a list of `Para`s (title, meta line, blocks, and optionally the
removed blocks where they stood).  Each paragraph is pre-wrapped with the CJK line
breaker (`reader.transform.wrap.wrap`: Rich only breaks at spaces, which mangles
Chinese) and then styled: highlight spans are found on the whole paragraph and
clipped onto its lines, so a term broken across two lines is marked on both.

Page text only ever goes into `rich.text.Text` objects, never markup strings, and is
sanitized first, so `[bold]` in a page is shown literally and escape sequences never
reach the terminal.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Sequence

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from reader.model import Article, BlockKind
from reader.terminal import sanitize

# Roles: title, meta, heading, paragraph, list_item, quote, caption, reference,
# removed (with `label` = its reason), raw (a line of the raw page), note.
BLOCK_ROLES = {kind: kind.value for kind in BlockKind}


@dataclass(frozen=True)
class Para:
    text: str
    role: str = "paragraph"
    block: int | None = None  # index of the kept block (for positions and pairing)
    label: str = ""  # removed blocks: the reason
    removed: int | None = None  # removed blocks: index into Article.removed (for its provenance)


@dataclass
class Styles:
    """Rich styles for each role; the widgets fill them from their component classes."""

    roles: dict[str, Style] = field(default_factory=dict)
    keyword: Style = field(default_factory=lambda: Style(bold=True, color="black", bgcolor="yellow"))
    match: Style = field(default_factory=lambda: Style(color="black", bgcolor="cyan"))
    current: Style = field(default_factory=lambda: Style(color="black", bgcolor="magenta", bold=True))
    label: Style = field(default_factory=lambda: Style(italic=True))
    separator: Style = field(default_factory=lambda: Style(dim=True))

    def role(self, role: str) -> Style:
        return self.roles.get(role, Style.null())


def clean(text: str) -> str:
    """Page text made safe for the terminal: no control characters, no tabs."""
    return sanitize(text).replace("\t", "    ")


def meta_line(article: Article) -> str:
    parts = [article.author, article.date, article.source, article.site]
    seen: list[str] = []
    for part in parts:
        if part and part not in seen:
            seen.append(part)
    return " · ".join(seen)


def article_paras(article: Article, show_removed: bool = False) -> list[Para]:
    """The paragraphs to show: title, byline, the blocks, removed blocks if asked."""
    paras: list[Para] = []
    if article.title:
        paras.append(Para(clean(article.title), "title"))
    meta = meta_line(article)
    if meta:
        paras.append(Para(clean(meta), "meta"))
    removed: dict[int, list[int]] = {}
    if show_removed:
        for n, r in enumerate(article.removed):
            removed.setdefault(max(0, min(r.index, len(article.blocks))), []).append(n)
    from reader.app.reasons import removed_label

    def removed_para(n: int) -> Para:
        r = article.removed[n]
        return Para(clean(r.text), "removed", None, clean(removed_label(r)), n)

    for i, block in enumerate(article.blocks):
        paras.extend(removed_para(n) for n in removed.get(i, ()))
        paras.append(Para(clean(block.text), BLOCK_ROLES.get(block.kind, "paragraph"), i))
    paras.extend(removed_para(n) for n in removed.get(len(article.blocks), ()))
    return paras


def _prefix(role: str) -> tuple[str, str]:
    """(first line prefix, continuation prefix) for a role."""
    if role == "list_item":
        return "• ", "  "
    if role == "quote":
        return "│ ", "│ "
    return "", ""


def _wrap_lines(text: str, width: int) -> list[str]:
    from reader.transform.wrap import wrap

    return wrap(text, max(1, width))


@lru_cache(maxsize=4096)
def wrap_offsets(text: str, width: int) -> tuple[tuple[int, int, str], ...]:
    """Wrap one paragraph; each line as (start, end, shown text) into `text`.

    The line breaker may drop spaces at breaks; lines are located in the paragraph
    so highlight spans can be mapped onto them.  A line that cannot be located keeps
    start == end == -1 and is shown unstyled.
    """
    out: list[tuple[int, int, str]] = []
    pos = 0
    for source_line in text.split("\n"):
        line_base = text.find(source_line, pos) if source_line else pos
        if line_base < 0:
            line_base = pos
        if not source_line.strip():
            out.append((line_base, line_base, ""))
            pos = line_base + len(source_line) + 1
            continue
        cursor = line_base
        for piece in _wrap_lines(source_line, width):
            core = piece.strip()
            if not core:
                continue
            idx = text.find(core, cursor)
            if idx < 0 or text[cursor:idx].strip():
                out.append((-1, -1, piece.rstrip()))
                continue
            # keep leading spaces the wrapper kept (indentation) inside the line
            lead = len(piece) - len(piece.lstrip())
            start = idx - lead if lead and text[idx - lead:idx] == piece[:lead] else idx
            out.append((start, idx + len(core), text[start:idx + len(core)]))
            cursor = idx + len(core)
        pos = line_base + len(source_line) + 1
    return tuple(out) or ((0, 0, ""),)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # "keyword", "match"
    index: int = -1  # for matches: its number in reading order


@dataclass
class Laid:
    """One paragraph laid out: its lines, and the matches found in it."""

    lines: list[Text]
    match_lines: list[int]  # for each match (in order), the line (relative) it starts on


def find_terms(text: str, terms: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """Where any of `terms` occurs in `text` (简/繁 alike), cached: n / N re-style often."""
    wanted = tuple(t for t in terms if t)
    if not wanted or not text:
        return ()
    return _find_terms(text, wanted)


@lru_cache(maxsize=8192)
def _find_terms(text: str, terms: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    from reader.transform.highlight import find_spans

    return tuple((s.start, s.end) for s in find_spans(text, list(terms)))


def lay_paragraph(
    para: Para,
    width: int,
    styles: Styles,
    keywords: Sequence[str] = (),
    query: str = "",
    first_match: int = 0,
    current: int = -1,
) -> Laid:
    """Wrap and style one paragraph; matches are numbered from `first_match`."""
    first_prefix, next_prefix = _prefix(para.role)
    avail = max(1, width - cell_len(first_prefix))
    base = styles.role(para.role)
    spans: list[Span] = [Span(s, e, "keyword") for s, e in find_terms(para.text, keywords)]
    found = find_terms(para.text, [query]) if query else []
    spans += [Span(s, e, "match", first_match + i) for i, (s, e) in enumerate(found)]
    lines: list[Text] = []
    if para.role == "removed":
        for i, (start, end, shown) in enumerate(wrap_offsets(para.label or "removed", max(1, width - 2))):
            lines.append(Text(("⊘ " if i == 0 else "  ") + shown, style=base + styles.label, no_wrap=True))
    match_lines: list[int] = [0] * len(found)
    for n, (start, end, shown) in enumerate(wrap_offsets(para.text, avail)):
        prefix = first_prefix if n == 0 else next_prefix
        line = Text(prefix + shown, style=base, no_wrap=True, end="")
        offset = len(prefix)
        if start >= 0:
            for span in spans:
                s, e = max(span.start, start), min(span.end, end)
                if s >= e:
                    continue
                if span.kind == "keyword":
                    style = styles.keyword
                else:
                    style = styles.current if span.index == current else styles.match
                    if span.start >= start and span.start < end:
                        match_lines[span.index - first_match] = len(lines)
                line.stylize(style, offset + s - start, offset + e - start)
        lines.append(line)
    return Laid(lines, match_lines)


@dataclass
class Document:
    """A whole article laid out for one pane."""

    lines: list[Text]
    block_lines: dict[int, int]  # kept block index -> first line
    para_lines: list[int]  # paragraph index -> first line
    matches: list[int]  # line of each match of the query, in reading order


def lay_out(
    paras: Sequence[Para],
    width: int,
    styles: Styles,
    keywords: Sequence[str] = (),
    query: str = "",
    current: int = -1,
    margin: int = 0,
) -> Document:
    """All paragraphs, a blank line between them, each line indented by `margin`."""
    lines: list[Text] = []
    block_lines: dict[int, int] = {}
    para_lines: list[int] = []
    matches: list[int] = []
    pad = " " * margin
    for i, para in enumerate(paras):
        if i:
            lines.append(Text(""))
        para_lines.append(len(lines))
        if para.block is not None:
            block_lines[para.block] = len(lines)
        laid = lay_paragraph(para, width, styles, keywords, query, len(matches), current)
        matches += [len(lines) + rel for rel in laid.match_lines]
        for line in laid.lines:
            lines.append(Text(pad, end="") + line if pad else line)
    return Document(lines, block_lines, para_lines, matches)


def pad_to(text: Text, width: int) -> Text:
    """`text` cut or padded with spaces to exactly `width` cells."""
    length = text.cell_len
    if length > width:
        text = text.copy()
        text.truncate(width, overflow="crop")
        length = text.cell_len
    if length < width:
        text = text.copy()
        text.append(" " * (width - length))
    return text


def estimate_lines(text: str, width: int) -> int:
    """About how many lines `text` wraps to at `width` cells, without wrapping it:
    a CJK character is 3 bytes in UTF-8 and 2 cells, ASCII 1 and 1 (C-speed)."""
    if not text:
        return 1
    n = len(text)
    cells = n + (len(text.encode("utf-8", "surrogatepass")) - n) // 2
    return max(text.count("\n") + 1, -(-cells // max(1, width)))


def lay_pair(
    left: Para | None,
    right: Para | None,
    column: int,
    styles: Styles,
    keywords: Sequence[str] = (),
    separator: str = " │ ",
    query: str = "",
) -> list[Text]:
    """One row group of two columns: the shorter side padded with blank lines."""
    sep = Text(separator, style=styles.separator, end="")
    lcol = lay_paragraph(left, column, styles, keywords, query).lines if left else []
    rcol = lay_paragraph(right, column, styles, keywords, query).lines if right else []
    out: list[Text] = []
    for n in range(max(len(lcol), len(rcol), 1)):
        l = lcol[n] if n < len(lcol) else Text("")
        r = rcol[n] if n < len(rcol) else Text("")
        out.append(Text.assemble(pad_to(l, column), sep, pad_to(r, column), end=""))
    return out


def lay_side_by_side(
    pairs: Iterable[tuple[Para | None, Para | None]],
    column: int,
    styles: Styles,
    keywords: Sequence[str] = (),
    separator: str = " │ ",
    separator_style: Style | None = None,
) -> list[Text]:
    """Two columns aligned by paragraph, a spacer row between pairs (all at once)."""
    if separator_style is not None:
        styles = Styles(styles.roles, styles.keyword, styles.match, styles.current, styles.label, separator_style)
    out: list[Text] = []
    for i, (left, right) in enumerate(pairs):
        if i:
            out.append(Text.assemble(pad_to(Text(""), column), Text(separator, style=styles.separator, end=""), end=""))
        out.extend(lay_pair(left, right, column, styles, keywords, separator))
    return out


def pair_by_index(left: Sequence[Para], right: Sequence[Para]) -> list[tuple[Para | None, Para | None]]:
    """Pairs in order; title with title, meta with meta, block i with block i."""
    def split(paras: Sequence[Para]) -> tuple[Para | None, Para | None, list[Para]]:
        title = next((p for p in paras if p.role == "title"), None)
        meta = next((p for p in paras if p.role == "meta"), None)
        rest = [p for p in paras if p.role not in ("title", "meta")]
        return title, meta, rest

    lt, lm, lr = split(left)
    rt, rm, rr = split(right)
    pairs: list[tuple[Para | None, Para | None]] = []
    if lt or rt:
        pairs.append((lt, rt))
    if lm or rm:
        pairs.append((lm, rm))
    for i in range(max(len(lr), len(rr))):
        pairs.append((lr[i] if i < len(lr) else None, rr[i] if i < len(rr) else None))
    return pairs


MAX_RAW = 400_000


def _find_para(raw: str, text: str, start: int) -> int:
    """Where a cleaned paragraph's text stands in the raw page, from `start`: its
    first words, else a piece from its middle or its end (the cleaner may have cut
    a prefix or joined lines); -1 if nowhere."""
    stripped = text.strip()
    if not stripped:
        return -1
    words = stripped.split()
    keys = [(words[0] if len(words[0]) >= 2 else stripped)[:16]]
    n = len(stripped)
    if n > 24:
        keys += [stripped[n // 2: n // 2 + 12], stripped[-12:]]
    for k, key in enumerate(keys):
        idx = raw.find(key, start)
        if idx >= 0:
            # a piece from the middle or end: step back to about where the paragraph starts
            return max(start, idx - (n // 2 if k == 1 else n - 12 if k == 2 else 0))
    return -1


def pair_raw(
    raw: str,
    article_paras_: Sequence[Para],
    anchors: Sequence[int | None] | None = None,
    shown: Sequence[Para] | None = None,
) -> list[tuple[Para | None, Para | None]]:
    """The raw page (left, line by line) against the article (right).

    Each kept paragraph is anchored at the raw line where it starts: from the
    provenance the block carries (`anchors`, offsets into `raw`), else by finding
    its text.  Raw lines before the anchor stand alone (what was removed, or
    markup), so both sides stay in reading order.  `shown` are the paragraphs to
    show on the right when they differ from those matched (the article converted
    to the other script: matched as written, shown converted).
    """
    raw = raw[:MAX_RAW]
    lines: list[tuple[int, str]] = []  # (offset into raw, cleaned text) of non-blank raw lines
    pos = 0
    for line in raw.split("\n"):
        shown_line = clean(line.replace("\r", ""))
        if shown_line.strip():
            lines.append((pos, shown_line))
        pos += len(line) + 1
    pairs: list[tuple[Para | None, Para | None]] = []
    cur = 0  # next raw line to emit
    search_from = 0
    right = list(shown) if shown is not None and len(shown) == len(article_paras_) else list(article_paras_)
    for n, para in enumerate(article_paras_):
        show = right[n]
        if para.role == "meta":  # assembled from several fields: nothing to anchor to
            pairs.append((None, show))
            continue
        anchor = anchors[n] if anchors is not None and n < len(anchors) else None
        idx = anchor if anchor is not None and anchor >= search_from else _find_para(raw, para.text, search_from)
        if idx < 0 or cur >= len(lines):
            pairs.append((None, show))
            continue
        # the raw line containing idx
        target = cur
        while target + 1 < len(lines) and lines[target + 1][0] <= idx:
            target += 1
        if lines[target][0] > idx:
            pairs.append((None, show))
            continue
        for i in range(cur, target):
            pairs.append((Para(lines[i][1], "raw"), None))
        pairs.append((Para(lines[target][1], "raw"), show))
        cur = target + 1
        search_from = idx + 1
    for i in range(cur, len(lines)):
        pairs.append((Para(lines[i][1], "raw"), None))
    return pairs


def raw_anchors(article: Article, paras: Sequence[Para]) -> list[int | None]:
    """For each paragraph, the raw offset its kept or removed block came from (the
    block's `source`, where extraction recorded one), else None."""
    out: list[int | None] = []
    for para in paras:
        source = None
        if para.block is not None and para.block < len(article.blocks):
            source = article.blocks[para.block].source
        elif para.removed is not None and para.removed < len(article.removed):
            source = article.removed[para.removed].source
        out.append(source[0] if source else None)
    return out
