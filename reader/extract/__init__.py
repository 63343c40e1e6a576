"""Extract: `Page` -> `Article` (kept blocks + removed blocks with reasons).

HTML goes through trafilatura first (structure kept: headings, lists, quotes) and
text dumps through the line segmenter; both then meet the same classifier, so a
cue or structural rule behaves the same whatever the page was saved as.

Nothing vanishes: every visible line of the page ends up in a kept block, a removed
block (with the rule's id, plain words and stage), or the metadata; lines no stage
reported are listed as removed "outside the article" (`inventory.py`).  Every block
carries its `source` span in the raw text.
"""
from __future__ import annotations

import bisect
from dataclasses import replace

from reader.extract.artifacts import clean_code, clean_inline, clean_removed, split_end_mark, uses_link_marks
from reader.extract.candidate import Candidate, Pruned, is_body_like, normalize
from reader.extract.classify import classify, split_labels
from reader.extract.inventory import Ledger, Line, Match, text_lines
from reader.extract.labels import Stage, stage_of, words_for
from reader.extract.meta import Meta
from reader.extract import rules
from reader.extract.fold import fold
from reader.extract.rules import heading_cue, match_cue, reason
from reader.lazy_re import lazy
from reader.extract.settings import SETTINGS as S
from reader.errors import ExtractError
from reader.model import Article, Block, BlockKind, Page, Removed


def candidates_for(page: Page) -> tuple[list[Candidate], Meta, str | None, list[Pruned]]:
    """The page's candidate blocks, the metadata its markup states, a title hint, and
    the furniture pruned from the markup before extraction."""
    return _read(page)[:4]  # type: ignore[return-value]


def _read(page: Page) -> tuple[list[Candidate], Meta, str | None, list[Pruned], list[Line]]:
    """candidates_for, plus the page's visible lines (the inventory nothing may leave)."""
    if page.kind == "html":
        from reader.extract.html import html_extract

        return html_extract(page.text)
    from reader.extract.frontmatter import split_header
    from reader.extract.segment import segment_text

    header, body = split_header(page.text)
    title = None
    if header.title:
        from reader.extract.html import clean_title  # the HTML modules only when a dump has a header

        title = clean_title(header.title, None)
    anchor = normalize(title or "")[:S.anchor_chars]
    pruned = [Pruned(line, "meta: header", anchor) for line in header.lines]
    return segment_text(body), header.meta, title, pruned, text_lines(page.text)


def extract(page: Page) -> Article:
    cands, markup_meta, title_hint, pruned, lines = _read(page)
    cands = split_labels(cands)
    result = classify(cands, title_hint)
    link_marks = page.kind == "text" and uses_link_marks(page.text)
    ledger = Ledger(lines)

    blocks: list[Block] = []
    starts: list[int] = []  # each kept block's inventory position, to place removed text among them
    removed: list[tuple[int, Removed]] = []  # (where it stood in the inventory, what)
    at = 0  # the inventory position of the last block placed: an unmatched one stands there too

    def remove(text: str, reason: str, index: int, found: Match | None, stage: str = "") -> None:
        removed.append((found.start if found else at, Removed(
            text, reason, index, why=words_for(reason), stage=stage or stage_of(reason),
            source=found.span(ledger) if found else None)))

    for cand, outcome in zip(cands, result.outcomes):
        found = ledger.find(cand.text)
        at = found.start if found else at
        source = found.span(ledger) if found else None
        if outcome.keep:
            code = cand.kind is BlockKind.CODE
            raw = outcome.text if outcome.text is not None else cand.text
            raw, end_mark = (raw, "") if code else split_end_mark(raw)
            text = clean_code(raw) if code else clean_inline(raw, link_marks)
            if text:
                blocks.append(Block(BlockKind.CODE if code else outcome.kind or cand.kind, text, source))
                starts.append(at)
            if end_mark:
                remove(end_mark, "end-marker", len(blocks), found, Stage.CLEANUP)
            if outcome.cut:
                remove(clean_removed(outcome.cut), outcome.reason, len(blocks), found, Stage.CLEANUP)
        elif outcome.reason != "title":
            remove(clean_removed(cand.text), outcome.reason, len(blocks), found)
    if not blocks or _all_page_furniture(ledger, blocks, starts):
        raise ExtractError("no article text found")
    cut = _after_dropped_heading(ledger, blocks, starts)
    if cut is not None:
        at_cut, why = cut
        while starts and starts[-1] > at_cut:
            block, pos = blocks.pop(), starts.pop()
            removed.append((pos, Removed(block.text, why, len(blocks), why=words_for(why),
                                         stage=Stage.CLASSIFIER, source=block.source)))
        removed[:] = [(pos, replace(r, index=min(r.index, len(blocks)))) for pos, r in removed]
    if result.title:
        ledger.find(result.title)  # the headline once: a repeat elsewhere is listed
        ledger.title_shown(result.title)
    for p in pruned:
        found = ledger.find(p.text)
        index = bisect.bisect_left(starts, found.start) if found else _place(p, blocks, result.title)
        text = ledger.take_lines(found) if found and page.kind == "html" else p.text
        remove(clean_removed(text), p.reason if p.reason == "meta: header" else _pruned_reason(p), index, found)
    for group in _runs(ledger):
        pos, text, region, span = group
        reason = f"outside-article: {region}" if region else "outside-article"
        removed.append((pos, Removed(clean_removed(text), reason, bisect.bisect_left(starts, pos),
                                     why=words_for(reason), stage=Stage.EXTRACTOR, source=span)))
    removed.sort(key=lambda r: (r[1].index, r[0]))  # stable: document order within each gap

    meta = result.meta
    meta.fill(markup_meta)
    title = clean_inline(result.title, link_marks)
    article = Article(
        title=title,
        blocks=tuple(blocks),
        removed=tuple(r for _, r in removed),
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


def _all_page_furniture(ledger: Ledger, blocks: list[Block], starts: list[int]) -> bool:
    """Every kept block is a short line standing in a named page region (a menu in
    <nav>, a footer): the extractor took the page's furniture for its article because
    there is no article."""
    for block, pos in zip(blocks, starts):
        line = bisect.bisect_right(ledger.starts, pos) - 1
        if line < 0 or not ledger.lines[line].region or is_body_like(block.text):
            return False
    return True


def _after_dropped_heading(ledger: Ledger, blocks: list[Block], starts: list[int]) -> tuple[int, str] | None:
    """A related-links or comments heading that trafilatura left out (so the classifier
    never saw it) still ends the article: a short run of kept blocks standing under it,
    after most of the prose, is the related story's summary or the first comment.

    Returns the heading's inventory position and its reason, or None."""
    sizes = [len(normalize(b.text)) for b in blocks]
    total = sum(sizes)
    order = sorted(range(len(blocks)), key=starts.__getitem__)  # kept blocks by inventory position
    at_sorted = [starts[k] for k in order]
    below = [0]  # prose in the first k blocks of that order
    for k in order:
        below.append(below[-1] + sizes[k])
    for pos, line in ledger.unaccounted():
        found = heading_cue(line.text)
        if not found or not found[0].region:
            continue
        before = below[bisect.bisect_left(at_sorted, pos)]
        first = bisect.bisect_right(at_sorted, pos)
        after = len(blocks) - first
        # (a story under it that opens with its own news lead is another article, however long)
        lead = any(_NEWS_LEAD.match(fold(blocks[k].text)) for k in order[first:first + 2])
        if after and before >= S.after_heading_min and (
                lead or before >= S.after_heading_share * total and after <= S.after_heading_blocks):
            return pos, reason(*found)
    return None


_NEWS_LEAD = lazy(rules.NEWS_LEAD)


def _pruned_reason(pruned: Pruned) -> str:
    """The pruner names a container by its class/id token ("furniture: search"); when
    the text itself is a cue's (a breadcrumb, a related-links heading), say that."""
    found = match_cue(pruned.text.split("\n", 1)[0][:S.pruned_probe_chars])
    if found and found[0].family in _CONTENT_NAMED:
        return reason(*found)
    return pruned.reason


# Cue families that name furniture better than the container's class/id token does.
_CONTENT_NAMED = {"breadcrumb", "related-links", "comments", "disclaimer", "navigation", "tags", "consent"}


def _runs(ledger: Ledger) -> list[tuple[int, str, str, tuple[int, int] | None]]:
    """Unaccounted lines, consecutive ones of one region joined: (position, text,
    region, raw span).  Pieces are joined once per run (a run may be a hundred
    thousand lines long on a big page)."""
    runs: list[tuple[int, list[str], str, tuple[int, int] | None]] = []
    last = -2
    for pos, line in ledger.unaccounted():
        i = ledger.line_at(pos)
        if runs and i == last + 1 and runs[-1][2] == line.region:
            p0, texts, region, span = runs[-1]
            if span and line.span:
                span = (span[0], max(span[1], line.span[1]))
            texts.append(line.text)
            runs[-1] = (p0, texts, region, span or line.span)
        else:
            runs.append((pos, [line.text], line.region, line.span))
        last = i
    return [(pos, " ".join(texts), region, span) for pos, texts, region, span in runs]


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
