"""HTML pages -> candidate blocks, with trafilatura as the first pass.

trafilatura finds the main content and keeps its structure (headings, lists,
quotes, tables) in its XML tree; we turn that tree into candidates, measuring link
density per block in characters, and hand them to the Chinese classifier.
"""
from __future__ import annotations

from typing import Any

from reader.extract.candidate import Candidate, count_chars
from reader.extract.dom import Pruned, parse, prune
from reader.extract.meta import Meta, find_date, parse_meta_line
from reader.model import BlockKind

_KINDS = {
    "head": BlockKind.HEADING,
    "p": BlockKind.PARAGRAPH,
    "item": BlockKind.LIST_ITEM,
    "quote": BlockKind.QUOTE,
    "row": BlockKind.PARAGRAPH,
    "code": BlockKind.PARAGRAPH,
}


def _text_of(el: Any) -> str:
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def _link_chars(el: Any) -> int:
    return sum(count_chars(_text_of(ref)) for ref in el.iter("ref"))


def _walk(el: Any, out: list[Candidate]) -> None:
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in ("list", "table", "div", "main", "body"):
            _walk(child, out)
            continue
        if tag == "row":
            cells = [_text_of(c) for c in child if isinstance(c.tag, str)]
            text = " | ".join(c for c in cells if c)
        elif tag in _KINDS:
            text = _text_of(child)
        else:
            continue
        if not text:
            continue
        n = count_chars(text)
        level = 0
        if tag == "head":
            rend = child.get("rend", "h2")
            level = int(rend[1]) if len(rend) == 2 and rend[1].isdigit() else 2
        out.append(Candidate(
            text=text,
            kind=_KINDS[tag],
            link_density=(_link_chars(child) / n) if n else 0.0,
            tag=tag,
            heading_level=level,
        ))


def html_candidates(html: str) -> tuple[list[Candidate], Meta, str | None, list[Pruned]]:
    import trafilatura  # lazy: text dumps never need it

    tree = parse(html)
    pruned: list[Pruned] = []
    if tree is not None:
        title = trafilatura.extract_metadata(tree).title if hasattr(trafilatura, "extract_metadata") else None
        pruned = prune(tree, title)
    doc = trafilatura.bare_extraction(
        tree if tree is not None else html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_links=True,
        include_images=False,
        include_formatting=False,
        deduplicate=False,
        favor_precision=False,
    )
    out: list[Candidate] = []
    meta = Meta()
    if doc is None:
        return out, meta, None, pruned
    if doc.body is not None:
        _walk(doc.body, out)
    meta.date = find_date(doc.date or "") or None
    if doc.author:
        parsed = parse_meta_line(doc.author)
        meta.author = parsed.author or (None if parsed.editor else doc.author)
        meta.editor = parsed.editor
    meta.site = doc.sitename or doc.hostname or None
    return out, meta, doc.title or None, pruned
