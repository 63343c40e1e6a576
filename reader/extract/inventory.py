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
from typing import Any, NamedTuple

from reader.extract.candidate import normalize
from reader.extract.rules import REFERENCE_HEAD, REFERENCE_LINE, REGION_TOKENS
from reader.extract.settings import SETTINGS as S
from reader.lazy_re import lazy

_SKIP = {"script", "style", "noscript", "template"}
_BLOCK = {"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
          "section", "article", "header", "footer", "nav", "aside", "dd", "dt", "dl", "blockquote", "pre", "form",
          "center", "title", "main", "figure", "figcaption", "option", "button", "select", "hr", "address"}
# Regions named by their tag: where an unaccounted line stood says what it was.
_REGION_TAGS = {"title": "page-title", "nav": "navigation", "header": "page-header", "footer": "page-footer",
                "aside": "sidebar", "form": "form", "select": "form", "button": "form", "option": "form",
                "textarea": "form", "label": "form", "iframe": "embed", "object": "embed", "svg": "embed"}
_TOKEN = lazy(r"[a-z]+")
# A search key: the first run of characters a page writes literally (no entities, tags or spaces).
_KEY = lazy(r"[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9\uff00-\uffef\u3000-\u303f，。、；：？！“”‘’《》（）]{2,12}")


@dataclass(frozen=True)
class Line:
    """One visible line of the page."""

    text: str
    span: tuple[int, int] | None  # [start, end) in the raw text; None when it cannot be found
    region: str = ""  # page-title, navigation, page-header, page-footer, sidebar, form, embed, or ""


def html_lines(tree: Any, raw: str, owners: list[Any] | None = None,
               links: list[int] | None = None) -> list[Line]:
    """The visible lines of a parsed page (before any pruning), with raw spans.

    `owners`, when given, receives each line's block element (the one it starts in),
    in step with the lines; kept apart so that the lines never hold the tree alive.
    `links`, when given, receives each line's characters inside links, in step too."""
    from reader.extract.candidate import count_chars

    lines: list[tuple[str, str, list[str], Any, int]] = []  # (text, region, its text nodes, owner, link chars)
    buf: list[str] = []
    linked: list[str] = []  # the pieces of the line being built that stand in a link
    state: list[Any] = ["", None, False]  # the region and owner of the line being built; any text in it yet

    def flush() -> None:
        if state[2]:
            text = " ".join("".join(buf).split())
            lines.append((text, state[0], [t for t in buf if t.strip()], state[1],
                          count_chars("".join(linked)) if links is not None else 0))
        buf.clear()
        linked.clear()
        state[0], state[1], state[2] = "", None, False

    def add(value: str | None, region: str, owner: Any, in_link: bool = False) -> None:
        if value:
            if not state[2]:  # the line's region and owner are those of its first text
                state[0], state[1] = region, owner
                state[2] = not value.isspace()
            buf.append(value)
            if in_link:
                linked.append(value)

    def walk(node: Any, region: str, owner: Any, in_link: bool = False) -> None:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag in _SKIP or not tag:
            return
        inside = in_link or tag == "a"
        if not region:
            region = _REGION_TAGS.get(tag, "") or (_region_of_names(node) if node.get("class") or node.get("id") else "")
        block = tag in _BLOCK
        if block:
            flush()
            owner = node
        add(node.text, region, owner, inside)
        for child in node:
            walk(child, region, owner, inside)
            add(child.tail, region, owner, inside)
        if block:
            flush()

    walk(tree, "", tree)
    flush()
    out: list[Line] = []
    cursor = 0
    for text, region, nodes, owner, in_links in lines:
        span = _locate(raw, nodes, cursor)
        if span:
            cursor = span[0] + 1
        out.append(Line(text, span, region))
        if owners is not None:
            owners.append(owner)
        if links is not None:
            links.append(in_links)
    return out


@dataclass
class Streamed:
    """A big page read as a stream of tags (no tree): its lines, and for each line the
    tag that opened it and its characters inside links; the markup a headline and a
    byline are read from (<title>, <meta>, the first lines), as a small page."""

    lines: list[Line]
    tags: list[str]
    link_chars: list[int]
    head: str


# A comment's start, a declaration (<!DOCTYPE>, <![CDATA[…]>, <?xml?>), or a tag.
_TAG_TOKEN = lazy(r"<!--|<[!?][^>]*>|<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*>")
_RAW_TEXT = ("script", "style", "noscript", "template", "title", "textarea")
_CELLS = ("td", "th")


def stream_lines(raw: str) -> Streamed:
    """The visible lines of a page far larger than any article page, read in one pass
    over its tags, in time and memory that grow with the page and nothing else (a tree
    of a 10 MB table is 14 times the page).  Lines are cut as `html_lines` cuts them,
    but a table row is one line (its cells parted by " | ", as trafilatura writes rows)
    and regions are known by tag only; spans come from the tokens themselves."""
    import html as htmllib

    from reader.extract.candidate import count_chars

    lines: list[Line] = []
    tags: list[str] = []
    link_chars: list[int] = []
    head: list[str] = []
    pieces: list[str] = []
    first = last = 0  # the raw span of the line being built
    region = block = ""  # …its region and the tag that opened it
    links = link_depth = 0
    started = [False]  # the line being built has text (a flag: rows may have thousands of cells)
    regions: list[str] = []  # open region elements

    def flush() -> None:
        nonlocal links
        text = " ".join("".join(pieces).split())
        if text:
            lines.append(Line(text, (first, last), region))
            tags.append(block_of_line)
            link_chars.append(links)
        pieces.clear()
        links = 0
        started[0] = False

    block_of_line = ""
    pos = 0
    n = len(raw)
    while pos < n:
        match = _TAG_TOKEN.search(raw, pos)
        stop = match.start() if match else n
        piece = raw[pos:stop]
        if piece.strip():
            text = htmllib.unescape(piece) if "&" in piece else piece
            if not started[0] and text.strip():
                started[0] = True
                first = pos + len(piece) - len(piece.lstrip())
                region = _REGION_TAGS.get(regions[0], "") if regions else ""
                block_of_line = block
            last = stop - (len(piece) - len(piece.rstrip()))
            pieces.append(text)
            if link_depth:
                links += count_chars(text)
        elif piece:
            pieces.append(" ")
        if match is None:
            break
        pos = match.end()
        if match.group(0) == "<!--":
            end = raw.find("-->", pos)
            pos = n if end < 0 else end + len("-->")
            continue
        if match.group(2) is None:
            continue  # a declaration
        closing, name = match.group(1), match.group(2).lower()
        if name in _RAW_TEXT and not closing:
            end = _find_close(raw, name, pos)
            if name == "title" and not any(h.startswith("<title>") for h in head):
                inner = raw[pos:end if end >= 0 else n]
                head.append(f"<title>{inner}</title>")
                text = " ".join(htmllib.unescape(inner).split())
                if text:  # a line of its own, as in the tree's inventory
                    flush()
                    lines.append(Line(text, (pos, pos + len(inner)), "page-title"))
                    tags.append("title")
                    link_chars.append(0)
            pos = n if end < 0 else raw.find(">", end) + 1 or n
        elif name == "meta" and not closing:
            if len(head) < S.stream_meta_tags:
                head.append(match.group(0))
        elif name == "a":
            link_depth = max(0, link_depth - 1) if closing else link_depth + 1
        elif name in _CELLS:
            if not closing and started[0]:
                pieces.append(" | ")
        elif name in _BLOCK:
            flush()
            if not closing:
                block = name
        if name in _REGION_TAGS and name not in ("title", "select", "button", "option", "label", "textarea"):
            if not closing:
                regions.append(name)
            elif name in regions:
                regions.reverse()
                regions.remove(name)  # the innermost one it closes
                regions.reverse()
    flush()
    page = ["<html><head>", *head, "</head><body>"]
    for line, tag in zip(lines[:S.stream_head_lines], tags):
        if tag == "title":
            continue
        element = tag if tag in ("h1", "h2", "h3") else "p"
        page.append(f"<{element}>{htmllib.escape(line.text)}</{element}>")
    page.append("</body></html>")
    return Streamed(lines, tags, link_chars, "".join(page))


def _find_close(raw: str, name: str, pos: int) -> int:
    """Where `</name` starts after `pos`, in any case: one search that stops at the
    first (searching each case apart would scan to the end of a big page per tag)."""
    found = _CLOSERS[name].search(raw, pos)
    return found.start() if found else -1


_CLOSERS = {name: lazy(f"</{name}", re.I) for name in _RAW_TEXT}


class Unreported(NamedTuple):
    """A line of the article that no candidate carries."""

    follows: int  # the index of the candidate it follows, or -1 for before the first
    text: str
    carried: bool  # a candidate already carries these words elsewhere
    level: int = 0  # 2..6 for a heading element (<h2>..<h6>; an <h1> inside the article, 2), else 0
    link_density: float = 0.0  # its share of characters inside links


def unreported_prose(lines: list[Line], owners: list[Any], kept: list[str],
                     root: Any, links: list[int] | None = None) -> list[Unreported]:
    """Prose lines of the page that no candidate carries but that stand among the
    article's own paragraphs: inside the run of lines the candidates hold, or next to it
    (a chain of such lines), in a container that also holds candidate prose, outside
    any named page region, and still in the tree (not pruned); and the subheads
    (<h2>..<h6>) inside that run or just above it, which trafilatura drops from some
    templates (a travel note's "Day1 兰州—临夏—夏河" in a <div class="title">).  In order.

    trafilatura's fast mode (no readability/justext second opinion) sometimes keeps
    only some of an article's paragraphs; these are the ones it left out.  Candidates
    are matched in order, each to its own place (a paragraph the page repeats is held
    once per candidate that carries it, not everywhere it occurs)."""
    from reader.extract.candidate import count_chars, is_body_like, says_a_sentence

    placed = place(lines, kept)
    free, body = placed.free, placed.body
    if not body:
        return []
    containers = {_parent(owners[i]) for i in body} - {None}

    def lost(i: int, inside: bool = False, above: bool = False) -> bool:
        line = lines[i]
        # Inside the article's run a short sentence counts too: a picture's caption
        # (我不要你觉得，我就要我觉得。横批：明言明语) between two of its paragraphs, beside
        # them.  Prose may sit a few levels down (an unclosed <p> nests the next ones in it).
        if i not in free or line.region:
            return False
        if is_body_like(line.text) or (inside or above) and _subhead(owners[i], line.text, inside):
            held = _held(owners[i], containers, S.rescue_depth)
        else:
            # (a list's item stands a level further down than a paragraph: <ul><li>)
            depth = 2 if owners[i] is not None and owners[i].tag == "li" else 1
            held = inside and says_a_sentence(line.text) and _held(owners[i], containers, depth)
        return held and _in_tree(owners[i], root)  # (last: it walks up to the root)

    found_lines = [i for i in range(body[0] + 1, body[-1]) if lost(i, inside=True)]
    after = body[-1] + 1
    while after < len(lines) and lost(after):
        found_lines.append(after)
        after += 1
    found_lines += _references_after(lines, owners, free, after, containers, root)
    before = body[0] - 1
    # (past the kept lines over the first paragraph, a list's items, up to the headline:
    # a press release's opening paragraph may be all trafilatura left out above them)
    while before >= 0 and before not in free and owners[before] is not None and owners[before].tag != "h1":
        before -= 1
    while before >= 0 and lost(before, above=True):
        found_lines.append(before)
        before -= 1
    if not found_lines:
        return []
    have = normalize("".join(kept))
    out = []
    for i in sorted(found_lines):
        key = normalize(lines[i].text)
        # (an <h1> put back heads a section under the page's headline: level 2)
        level = max(2, int(owners[i].tag[1])) if _subhead(owners[i], lines[i].text, inside=True) else 0
        n = count_chars(lines[i].text)
        density = links[i] / n if links and n else 0.0
        # (carried: its words are kept elsewhere, whole or by both ends; an encyclopedia's
        # paragraphs may all open "截至2019年末，某某镇")
        carried = key in have or key[:S.find_head] in have and key[-S.find_head:] in have
        out.append(Unreported(placed.follows(i), lines[i].text, carried,
                              level, density))
    return out


def _references_after(lines: list[Line], owners: list[Any], free: set[int], at: int, containers: set[Any],
                      root: Any) -> list[int]:
    """The article's list of sources right under it, in a box of its own beside the
    article's (a health or science article's 参考文献 box): its heading and the entries
    under it, each shaped as a citation ("[1] 作者. 题名[J]. 刊名, 2017…")."""
    from reader.extract.fold import fold

    if at >= len(lines) or at not in free or lines[at].region or not _REFERENCE_HEAD.match(fold(lines[at].text.strip())):
        return []
    beside = {_parent(c) for c in containers} - {None}
    if not _held(owners[at], containers | beside, S.rescue_depth) or not _in_tree(owners[at], root):
        return []
    entries = []
    for k in range(at + 1, len(lines)):
        if k not in free or lines[k].region or not _REFERENCE_ENTRY.match(lines[k].text):
            break
        entries.append(k)
    return [at, *entries] if entries else []


_REFERENCE_HEAD = lazy(REFERENCE_HEAD)
_REFERENCE_ENTRY = lazy(REFERENCE_LINE)


@dataclass
class Placed:
    """Where a page's kept candidates stand among its visible lines."""

    free: set[int]  # lines no candidate accounts for
    body: list[int]  # the kept prose lines (kept sentences, for an article written a sentence a paragraph)
    starts: list[int]  # the lines the found candidates start on, in page order…
    latest: list[int]  # …and the highest candidate index among the first j of them

    def follows(self, i: int) -> int:
        """The candidate a line put back at line `i` follows (the last, in document
        order, found above it), or -1 for before the first."""
        j = bisect.bisect_left(self.starts, i)
        return self.latest[j - 1] if j else -1


def place(lines: list[Line], kept: list[str]) -> Placed:
    """Match the kept candidates to the page's lines, in order, each to its own place (a
    paragraph the page repeats is held once per candidate that carries it)."""
    from reader.extract.candidate import is_body_like, says_a_sentence

    ledger = Ledger(lines)
    where: list[tuple[int, int]] = []  # (inventory line a candidate starts on, candidate index)
    for k, text in enumerate(kept):
        found = ledger.find(text)
        if found is not None:
            where.append((ledger.line_at(found.start), k))
    free = {ledger.line_at(pos) for pos, _ in ledger.unaccounted()}
    body = [i for i, line in enumerate(lines) if i not in free and is_body_like(line.text)]
    if len(body) < 2:
        # An article written a sentence a paragraph (a WeChat post): its kept sentences
        # mark where it stands.
        body = [i for i, line in enumerate(lines) if i not in free and says_a_sentence(line.text)]
    where.sort()
    latest: list[int] = []
    for _, k in where:
        latest.append(max(k, latest[-1]) if latest else k)
    return Placed(free, body, [at for at, _ in where], latest)


def in_tree(el: Any, root: Any) -> bool:
    """Is `el` still in the tree under `root` (not pruned)?"""
    return _in_tree(el, root)


_SUBHEADS = ("h2", "h3", "h4", "h5", "h6")


def _subhead(owner: Any, text: str, inside: bool = False) -> bool:
    """A heading element short enough to be one (an <h1> is the page's headline, but
    one between the article's paragraphs heads a section: a 专栏 sets its sections so),
    not a link's title (an embedded video box's <h2><a>…</a></h2>)."""
    from reader.extract.candidate import count_chars

    if owner is None or owner.tag not in _SUBHEADS and not (inside and owner.tag == "h1") \
            or not 0 < (n := count_chars(text)) <= S.headline_max_chars:
        return False
    return sum(count_chars("".join(a.itertext())) for a in owner.iter("a")) < S.mostly_links * n


def _parent(el: Any) -> Any:
    return el.getparent() if el is not None else None


def _held(el: Any, containers: set[Any], depth: int) -> bool:
    """Is one of `el`'s nearest `depth` ancestors among `containers`?"""
    for _ in range(depth):
        el = _parent(el)
        if el is None:
            return False
        if el in containers:
            return True
    return False


def _in_tree(el: Any, root: Any) -> bool:
    while el is not None and el is not root:
        el = el.getparent()
    return el is root


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
        stretch = S.locate_stretch * max(1, sum(map(len, nodes)))
        # Searched no further than it could be accepted: a key the page does not write
        # literally (an entity) must not cost a scan to the end of a big page.
        found = raw.find(keys[-1], end - len(key), start + stretch + len(keys[-1]))
        if found >= 0 and found - start < stretch:
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
        # Where each whole line stands, by its text: a short block ("首页") is the line
        # that says exactly that, not the start of a longer one ("首页 新闻").
        self.whole: dict[str, list[int]] = {}
        for start, key in zip(self.starts, keys):
            if key:
                self.whole.setdefault(key, []).append(start)

    def find(self, text: str, mark: bool = True, everywhere: bool = False) -> Match | None:
        """Find `text` (after the last block found, else anywhere) and mark it accounted for."""
        key = normalize(text)
        if not key:
            return None
        head = key[:S.find_head]
        at = self._whole_line(key)
        if at < 0:
            at = self._free(head, self.cursor)
        if at < 0:
            at = self._free(head, 0)
        if at < 0:
            return self._find_pieces(key, mark)
        end = at + len(key)
        stretched = False
        if self.text[at:end] != key and len(key) > S.find_head:
            # The block differs from the page inside (text joined or cut): find its end.
            tail = self.text.find(key[-S.find_head:], at)
            fits = 0 <= tail and tail + S.find_head - at <= S.find_stretch * len(key)
            end = tail + S.find_head if fits else at + len(head)
            stretched = fits
        end = min(end, len(self.text))
        if mark:
            if stretched:
                self._mark_held(at, end, key)
            else:
                self._mark(at, end)
            if everywhere:
                nxt = self.text.find(key, end)
                while nxt >= 0:
                    self._mark(nxt, nxt + len(key))
                    nxt = self.text.find(key, nxt + len(key))
        self.cursor = max(self.cursor, at + 1) if not everywhere else self.cursor
        return Match(at, end)

    def _whole_line(self, key: str) -> int:
        """A line whose whole text is `key` and that no block has taken yet, after the
        cursor if there is one there, else anywhere; -1 when there is none."""
        starts = [at for at in self.whole.get(key, ()) if not self.covered[at]]
        if not starts:
            return -1
        return next((at for at in starts if at >= self.cursor), starts[0])

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

    def _mark_held(self, start: int, end: int, key: str) -> None:
        """Mark the lines between `start` and `end` that the block holds: a block joined
        from two pieces of the page (two <span>s) does not account for the menu item
        standing between them, which it left out."""
        for i in range(self.line_at(start), self.line_at(max(start, end - 1)) + 1):
            lo = max(self.starts[i], start)
            hi = min(self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text), end)
            if hi > lo and self.text[lo:hi] in key:
                self._mark(lo, hi)

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
