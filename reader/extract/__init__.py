"""Extract: `Page` -> `Article` (kept blocks + removed blocks with reasons).

HTML goes through trafilatura first (structure kept: headings, lists, quotes) and
text dumps through the line segmenter; both then meet the same classifier, so a
cue or structural rule behaves the same whatever the page was saved as.
"""
from __future__ import annotations

from reader.extract.artifacts import clean_code, clean_inline, clean_removed, split_end_mark, uses_link_marks
from reader.extract.candidate import Candidate, normalize
from reader.extract.dom import Pruned
from reader.extract.classify import classify
from reader.extract.meta import Meta
from reader.errors import ExtractError
from reader.model import Article, Block, BlockKind, Page, Removed


def candidates_for(page: Page) -> tuple[list[Candidate], Meta, str | None, list[Pruned]]:
    """The page's candidate blocks, the metadata its markup states, a title hint, and
    the furniture pruned from the markup before extraction."""
    if page.kind == "html":
        from reader.extract.html import html_candidates

        return html_candidates(page.text)
    from reader.extract.frontmatter import split_header
    from reader.extract.html import clean_title
    from reader.extract.segment import segment_text

    header, body = split_header(page.text)
    title = clean_title(header.title, None) if header.title else None
    anchor = normalize(title or "")[:12]
    return segment_text(body), header.meta, title, [Pruned(line, "meta: header", anchor) for line in header.lines]


def extract(page: Page) -> Article:
    cands, markup_meta, title_hint, pruned = candidates_for(page)
    result = classify(cands, title_hint)
    link_marks = page.kind == "text" and uses_link_marks(page.text)

    blocks: list[Block] = []
    removed: list[Removed] = []
    for cand, outcome in zip(cands, result.outcomes):
        if outcome.keep:
            code = cand.kind is BlockKind.CODE
            raw = outcome.text if outcome.text is not None else cand.text
            raw, end_mark = (raw, "") if code else split_end_mark(raw)
            text = clean_code(raw) if code else clean_inline(raw, link_marks)
            if text:
                blocks.append(Block(BlockKind.CODE if code else outcome.kind or cand.kind, text))
            if end_mark:
                removed.append(Removed(end_mark, "end-marker", len(blocks)))
            if outcome.cut:
                removed.append(Removed(clean_removed(outcome.cut), outcome.reason, len(blocks)))
        elif outcome.reason != "title":
            removed.append(Removed(clean_removed(cand.text), outcome.reason, len(blocks)))
    if not blocks:
        raise ExtractError("no article text found")
    removed.extend(Removed(clean_removed(p.text)[:2000], p.reason, _place(p, blocks, result.title)) for p in pruned)
    removed.sort(key=lambda r: r.index)  # stable: document order within each gap

    meta = result.meta
    meta.fill(markup_meta)
    title = clean_inline(result.title, link_marks)
    article = Article(
        title=title,
        blocks=tuple(blocks),
        removed=tuple(removed),
        title_derived=result.title_derived,
        author=meta.author,
        date=meta.date,
        site=meta.site,
        source=meta.source,
        editor=meta.editor,
        name=page.name,
        url=page.url or meta.url,
        page_kind=page.kind,
        raw_text=page.text,
    )
    return article


def _place(pruned: Pruned, blocks: list[Block], title: str) -> int:
    """Where DOM furniture stood: before the first kept block its following text opens."""
    if not pruned.anchor:
        return len(blocks)
    if pruned.anchor in normalize(title):
        return 0
    for i, block in enumerate(blocks):
        if pruned.anchor in normalize(block.text):
            return i
    return len(blocks)


__all__ = ["ExtractError", "extract", "candidates_for"]
