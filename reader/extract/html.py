"""HTML pages -> candidate blocks, with trafilatura as the first pass.

trafilatura finds the main content and keeps its structure (headings, lists,
quotes, tables) in its XML tree; we turn that tree into candidates, measuring link
density per block in characters, and hand them to the Chinese classifier.
"""
from __future__ import annotations

import re
from typing import Any

from reader.extract.candidate import Candidate, count_chars, is_body_like, menu_line, normalize, says_a_sentence
from reader.extract.dom import (
    Pruned,
    densest_container,
    headline_element,
    lead_before,
    links_home,
    parse,
    prune,
    text_after,
    text_lines,
    titled_above,
    typed_prose_as_paragraphs,
)
from reader.extract import rules
from reader.extract.artifacts import strip_edit_marks
from reader.extract.fold import fold
from reader.extract.inventory import Ledger, Line, Unreported, html_lines, stream_lines, unreported_prose
from reader.extract.rules import strip_decoration
from reader.extract.sections import sibling_sections
from reader.extract.meta import Meta, clean_author, find_date, parse_meta_line
from reader.extract.settings import SETTINGS as S
from reader.model import BlockKind
from reader.lazy_re import lazy

_KINDS = {
    "head": BlockKind.HEADING,
    "p": BlockKind.PARAGRAPH,
    "item": BlockKind.LIST_ITEM,
    "quote": BlockKind.QUOTE,
    "row": BlockKind.PARAGRAPH,
    "code": BlockKind.CODE,
}


def _text_of(el: Any) -> str:
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def _link_chars(el: Any) -> int:
    return sum(count_chars(_text_of(ref)) for ref in el.iter("ref"))


def _block(child: Any) -> Candidate | None:
    tag = child.tag
    if tag == "row":
        cells = [_text_of(c) for c in child if isinstance(c.tag, str)]
        text = " | ".join(c for c in cells if c)
    elif tag == "code":
        text = "".join(child.itertext()).strip("\n")
    else:
        text = _text_of(child)
    if not text:
        return None
    n = count_chars(text)
    level = 0
    if tag == "head":
        rend = child.get("rend", "h2")
        level = int(rend[1]) if len(rend) == 2 and rend[1].isdigit() else 2
    return Candidate(
        text=text,
        kind=_KINDS[tag],
        link_density=(_link_chars(child) / n) if n else 0.0,
        tag=tag,
        heading_level=level,
    )


def _break_pieces(el: Any) -> list[Candidate]:
    """A paragraph set with line breaks (`text<br>text`, `<br><br>`): one candidate per
    piece, so a section head, a photo caption or the next paragraph inside it is judged
    on its own.  Empty when the block has no break between two pieces of text."""
    pieces: list[tuple[list[str], int]] = [([], 0)]

    def walk(node: Any, in_link: bool) -> None:
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == "lb":
                pieces.append(([], 0))
            elif tag:
                add(child.text, in_link or tag == "ref")
                walk(child, in_link or tag == "ref")
            add(child.tail, in_link)

    def add(text: str | None, in_link: bool) -> None:
        if text:
            words, links = pieces[-1]
            words.append(text)
            pieces[-1] = (words, links + (count_chars(text) if in_link else 0))

    if el.find(".//lb") is None:
        return []
    add(el.text, el.tag == "ref")
    walk(el, False)
    out = []
    for words, links in pieces:
        text = " ".join("".join(words).split())
        if text:
            n = count_chars(text)
            out.append(Candidate(text=text, kind=_KINDS[el.tag], link_density=links / n if n else 0.0, tag=el.tag))
    return out if len(out) > 1 else []


def _layout_row(row: Any) -> bool:
    """A table row used for layout, not data: one cell with text, or a cell holding
    paragraphs of its own (an old portal's article sits in a <td>)."""
    cells = [c for c in row if isinstance(c.tag, str)]
    filled = [c for c in cells if "".join(c.itertext()).strip()]
    return len(filled) == 1 or any(c.find(tag) is not None for c in cells for tag in ("p", "head", "list", "quote"))


def _dump_lines(el: Any) -> list[str] | None:
    """When trafilatura falls back to dumping a whole page region into one block, the
    block is a long column of short lines: classify those lines one by one."""
    if el.tag != "p":
        return None
    lines = [" ".join(ln.split()) for ln in "".join(el.itertext()).splitlines()]
    lines = [ln for ln in lines if ln]
    if len(lines) < S.dump_min_lines or sum(count_chars(ln) for ln in lines) / len(lines) > S.dump_line_chars:
        return None
    return lines


def _walk(el: Any, out: list[Candidate]) -> None:
    """Blocks in document order; loose text between blocks (trafilatura leaves some
    in its `<div>`s as text and tails) becomes a paragraph of its own."""
    loose: list[str] = []
    loose_links = 0

    def flush() -> None:
        nonlocal loose_links
        text = " ".join("".join(loose).split())
        n = count_chars(text)
        if text:
            out.append(Candidate(text=text, link_density=loose_links / n if n else 0.0, tag="p"))
        loose.clear()
        loose_links = 0

    if el.text:
        loose.append(el.text)
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "row" and _layout_row(child):
            flush()
            for cell in child:
                if isinstance(cell.tag, str):
                    _walk(cell, out)
        elif tag in _KINDS:
            flush()
            lines = _dump_lines(child)
            if lines:
                out.extend(Candidate(text=line, tag="line") for line in lines)
                continue
            pieces = _break_pieces(child) if tag in ("p", "quote") else []
            if pieces:
                out.extend(pieces)
                continue
            block = _block(child)
            if block:
                out.append(block)
        elif tag in ("list", "table", "div", "main", "body", "cell", "doc"):
            flush()
            _walk(child, out)
        elif tag == "lb":
            loose.append("\n")
        elif tag:  # inline: hi, ref, del…
            piece = "".join(child.itertext())
            loose.append(piece)
            if tag == "ref":
                loose_links += count_chars(piece)
        if child.tail:
            loose.append(child.tail)
    flush()


_TITLE_SEPARATORS = lazy(
    r"\s*(?:_|\s[-–—|｜·]\s|\s?[|｜]\s?|\s-|-\s|(?<=[\u4e00-\u9fff])-|-(?=[\u4e00-\u9fff])|::|(?<=[^\W\d_]):\s)\s*"
)


def clean_title(title: str | None, tree: Any) -> str | None:
    """The headline without the site and channel names pages append to <title>.

    The <title> element anchors the choice (a page may carry banner <h1>s): the
    longest <h1>/<h2> that the <title> contains is the headline; failing that, the
    first segment between separators (`_`, ` - `, `|`), pages' usual
    "headline_channel_site" order, unless it is too short to be a headline."""
    element = tree.find(".//title") if tree is not None else None
    anchor = " ".join((element.text_content() if element is not None else "").split()) or (title or "")
    if not anchor:
        return None
    key = normalize(anchor)
    if tree is not None:
        parts = [p for p in _TITLE_SEPARATORS.split(anchor) if p.strip()]
        first = normalize(parts[0]) if parts else ""
        # (a heading that is one link to the home page is the site's name: a blog's banner)
        headings = (" ".join(strip_edit_marks("".join(h.itertext())).split()) for h in tree.iter("h1", "h2")
                    if not links_home(h))
        # Short headlines (长城) count when they are the <title>'s own first segment.
        found = [t for t in headings if normalize(t) and (len(normalize(t)) >= S.headline_min_chars and normalize(t) in key
                                                          or normalize(t) == first)]
        if found:
            return max(found, key=count_chars)
    parts = [p for p in _TITLE_SEPARATORS.split(anchor) if p.strip()]
    if not parts:
        return anchor
    if tree is not None and len(parts) > 1:
        # "书香燕赵论坛 -- 帖子标题" (the site first, as old forums and portals write it):
        # the headline is the segment the page prints on its own, outside any link; the
        # site's name stands only in links (logo, breadcrumb) there.
        standing = _standing_alone(tree, parts)
        if standing and normalize(parts[0]) not in standing:
            return max((p for p in parts[1:] if normalize(p) in standing), key=count_chars)
    return parts[0] if count_chars(parts[0]) >= S.headline_min_chars else max(parts, key=count_chars)


_TEXT_BOXES = ("b", "strong", "h3", "h4", "h5", "h6", "font", "span", "p", "div", "td", "th", "center")


def _standing_alone(tree: Any, parts: list[str]) -> set[str]:
    """The <title> segments (as `normalize` keys, headline-sized) that some element of
    the page holds as its whole text, outside any link."""
    keys = {normalize(p) for p in parts if count_chars(p) >= S.headline_min_chars}
    found: set[str] = set()
    for el in tree.iter(*_TEXT_BOXES):
        if len(el) > 2:
            continue  # (an element holding more than a few children holds more than a title)
        key = normalize("".join(el.itertext()))
        if key in keys and key not in found and not any(a.tag == "a" for a in el.iterancestors()) \
                and not any(True for _ in el.iter("a")):
            found.add(key)
    return found


def html_candidates(html: str) -> tuple[list[Candidate], Meta, str | None, list[Pruned]]:
    return html_extract(html)[:4]  # type: ignore[return-value]


def html_extract(html: str) -> tuple[list[Candidate], Meta, str | None, list[Pruned], list[Line]]:
    """Candidates, markup metadata, the headline, what the pruner took, and the page's
    visible lines as they stood before anything was taken (for the accounting)."""
    if _too_big(html):
        return _own_extract(html)
    import trafilatura  # lazy: text dumps never need it

    tree = parse(html)
    pruned: list[Pruned] = []
    lines: list[Line] = []
    owners: list[Any] = []  # each line's block element, for `_rescued`
    links: list[int] = []  # each line's characters inside links
    if tree is not None:
        lines = html_lines(tree, html, owners, links)
        pruned = prune(tree, _title_only(tree))
        typed_prose_as_paragraphs(tree)
    source = tree if tree is not None else html
    doc = _trafilatura(trafilatura, source)
    if (doc is None or doc.body is None or not len(doc.body)) and pruned:
        # Pruning took what trafilatura needed to find the article: start over.
        pruned = []
        source = parse(html) if tree is not None else html
        if tree is not None:
            typed_prose_as_paragraphs(source)
        doc = _trafilatura(trafilatura, source)
    out: list[Candidate] = []
    meta = Meta()
    if doc is None:
        return out, meta, None, pruned, lines
    out = _in_page_order(_as_often_as_shown(_walked(doc), lines), lines)
    dumped = _dumped(out, doc)
    if tree is not None and out and not dumped:
        found = unreported_prose(lines, owners, [c.text for c in out], tree, links)
        if _outweighs(found, out):
            # Fast mode kept the lesser part of the article: the full comparison decides.
            full = _trafilatura(trafilatura, source, fast=False)
            if full is not None:
                doc = full
                out = _in_page_order(_as_often_as_shown(_walked(doc), lines), lines)
                dumped = _dumped(out, doc)
                # what the full comparison left out too is still the page's prose
                found = unreported_prose(lines, owners, [c.text for c in out], tree, links)
        if out and not dumped:
            out = _with_lead(tree, _rescued(out, found))
    if tree is not None and (dumped or _missed_the_prose(out, lines)):
        # trafilatura found no article and dumped a page region (as lines, or as one
        # paragraph that runs the headline into the body), or kept next to none of the
        # page's prose (a tag cloud beside a <br>-separated article): take the densest
        # container instead, line by line, and let the classifier decide.
        container = densest_container(tree)
        if container is not None:
            out = [Candidate(text=line, tag="line") for line in text_lines(container)]
    if tree is not None and out:
        # the article's other sections, beside the one trafilatura (or the densest
        # container) holds: a recipe's 用料 and 小贴士 around its 做法
        out = _with_sections(out, sibling_sections(lines, owners, links, [c.text for c in out], tree))
    meta.date = find_date(doc.date or "") or None
    if doc.author:
        parsed = parse_meta_line(doc.author)
        meta.author = clean_author(parsed.author or (None if parsed.editor else doc.author))
        meta.editor = parsed.editor
    meta.site = _site_name(doc.sitename) or doc.hostname or None
    meta.url = doc.url if doc.url and doc.url.startswith(("http://", "https://")) else None
    if not meta.author and tree is not None:
        meta.author = clean_author(_author_meta(tree))  # trafilatura drops CJK names from <meta name=author>
    headline = clean_title(doc.title, tree)
    shown = headline_element(tree, headline) if tree is not None and headline else None
    if shown is None and tree is not None and doc.title and headline:
        shown = headline_element(tree, doc.title)
        if shown is not None and not links_home(shown):
            headline = doc.title  # a generic <title> (明報新聞網 - 每日明報): the og:title the page's <h1> prints
        else:
            shown = None
    first = next((c.text for c in out if is_body_like(c.text)), "")
    if tree is not None and first and shown is None:
        # The <title> names no heading of the page: look for a titled element above the body.
        headline = titled_above(tree, first) or headline
    if tree is not None and headline:
        meta.date = meta.date or _date_under(tree, headline)
        meta.site = meta.site or _site_from_title(tree, headline)
    return out, meta, headline, pruned, lines


_SCRIPTS = lazy(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)


def _too_big(html: str) -> bool:
    """More markup outside scripts and styles than any article page carries (a page
    may hold megabytes of JSON in a script and still be one article)."""
    if len(html) <= S.big_page_chars:
        return False
    scripts = sum(m.end() - m.start() for m in _SCRIPTS.finditer(html))
    return len(html) - scripts > S.big_page_chars


def _own_extract(html: str) -> tuple[list[Candidate], Meta, str | None, list[Pruned], list[Line]]:
    """A page far larger than any article page (a whole forum thread, a data table, a
    link farm saved as HTML): trafilatura's scoring grows faster than the page (a 20 MB
    page of paragraphs: five minutes) and it copies a tree that is already 14 times the
    page, so no tree is built.  The page is read as a stream of tags into lines
    (`stream_lines`), and the article is what the classifier keeps of them, as it
    judges a whole-page text dump.  Lines in a named page region (navigation, footer…)
    and link lists are left out of the candidates: the accounting lists them as
    outside the article, a run of them as one entry."""
    page = stream_lines(html)
    small = parse(page.head)  # <title>, <meta> and the first lines: headline, byline, date
    headline = clean_title(_title_only(small), small) if small is not None else None
    meta = Meta()
    if small is not None:
        meta.author = clean_author(_author_meta(small))
        if headline:
            meta.date = _date_under(small, headline)
            meta.site = _site_from_title(small, headline)
    out = []
    for line, tag, links in zip(page.lines, page.tags, page.link_chars):
        n = count_chars(line.text)
        density = links / n if n else 0.0
        if line.region or density >= S.mostly_links and not is_body_like(line.text):
            continue
        heading = len(tag) == 2 and tag[0] == "h" and tag[1].isdigit()
        out.append(Candidate(text=line.text, kind=BlockKind.HEADING if heading else BlockKind.PARAGRAPH,
                             link_density=density, tag="head" if heading else "p",
                             heading_level=int(tag[1]) if heading else 0))
    return out, meta, headline, [], page.lines


def _date_under(tree: Any, headline: str) -> str | None:
    """The date stamp printed under the headline ("时间：2019-09-24 17:08",
    "于 2024-05-06 15:47:53 发布"), for pages whose markup states none."""
    element = headline_element(tree, headline)
    return find_date(text_after(element, S.date_under_chars)) if element is not None else None


def _site_from_title(tree: Any, headline: str) -> str | None:
    """"标题_科技_腾讯网": the last segment of <title>, after the headline, names the site."""
    element = tree.find(".//title")
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(element.text_content() if element is not None else "") if p.strip()]
    if len(parts) < 2 or normalize(parts[0]) not in normalize(headline) and normalize(headline) not in normalize(parts[0]):
        return None
    site = strip_decoration(parts[-1])
    return site if S.site_min_chars <= count_chars(site) <= S.site_max_chars and normalize(site) not in normalize(headline) else None


def _site_name(name: str | None) -> str | None:
    """trafilatura's site name, unless it is a copyright line or a sentence."""
    name = " ".join((name or "").split())
    if not name or len(name) > S.site_name_max or re.search(rules.COPYRIGHT_WORDS, fold(name)):
        return None
    return name


def _author_meta(tree: Any) -> str | None:
    for el in tree.iter("meta"):
        if (el.get("name") or el.get("property") or "").lower() in ("author", "article:author", "byl"):
            value = " ".join((el.get("content") or "").split())
            if value and not value.startswith("http") and len(value) <= S.author_meta_max:
                return value
    return None


def _with_lead(tree: Any, out: list[Candidate]) -> list[Candidate]:
    """trafilatura drops a lead or summary kept in its own <div> above the body:
    put such prose back in front (the classifier still judges it: a summary that
    repeats the body goes as a duplicate)."""
    first = next((c for c in out if is_body_like(c.text)), None)
    if first is None:
        return out
    have = "".join(normalize(c.text) for c in out)
    lead = [t for t in lead_before(tree, first.text) if normalize(t)[:S.lead_seen_chars] not in have]
    return [Candidate(text=t, tag="p") for t in lead] + out


def _walked(doc: Any) -> list[Candidate]:
    out: list[Candidate] = []
    if doc.body is not None:
        _walk(doc.body, out)
    return out


def _as_often_as_shown(out: list[Candidate], lines: list[Line]) -> list[Candidate]:
    """No paragraph more often than the page shows it: trafilatura reads some layout
    tables twice (the cell, then the paragraphs inside it), and the extra copies are
    no block of the page.  A paragraph the page itself repeats stays repeated."""
    keys = [normalize(c.text) for c in out]
    if len(set(keys)) == len(keys) or not lines:
        return out
    visible = normalize("\n".join(line.text for line in lines))
    seen: dict[str, int] = {}
    kept = []
    for cand, key in zip(out, keys):
        seen[key] = seen.get(key, 0) + 1
        if key and seen[key] > 1 and seen[key] > visible.count(key):
            continue
        kept.append(cand)
    return kept


def _in_page_order(out: list[Candidate], lines: list[Line]) -> list[Candidate]:
    """The candidates in the order the page shows them: trafilatura reads a layout
    table's picture and caption out of turn (after the sidebar under the article), and
    the classifier judges each block by where it stands.  A block not found on the page
    stays after the one before it."""
    if len(out) < 2 or not lines:
        return out
    ledger = Ledger(lines)
    keyed: list[tuple[int, int]] = []  # (position on the page, candidate index)
    at = -1
    for k, cand in enumerate(out):
        found = ledger.find(cand.text)
        at = found.start if found is not None else at
        keyed.append((at, k))
    if all(a <= b for (a, _), (b, _) in zip(keyed, keyed[1:])):
        return out
    return [out[k] for _, k in sorted(keyed)]


def _missed_the_prose(out: list[Candidate], lines: list[Line]) -> bool:
    """What trafilatura kept is a small share of the prose the page shows (region
    names are not trusted here: broken markup can leave an article inside an unclosed
    breadcrumb <div>)."""
    shown = sum(count_chars(line.text) for line in lines if is_body_like(line.text))
    # (what was kept counts when it says something or runs long, as a Taiwan blog's
    # paragraph spaced for commas does: a tag cloud, the headline, counters and a
    # footer's links are no article, however many of them)
    kept = sum(c.length for c in out if not menu_line(c.text) and (
        is_body_like(c.text) or says_a_sentence(c.text) or count_chars(c.text) >= S.prose_min_chars))
    return kept < S.missed_prose_share * shown


def _dumped(out: list[Candidate], doc: Any) -> bool:
    """trafilatura dumped a page region: a column of lines, or the headline run into the body."""
    return any(c.tag == "line" for c in out) or _flattened(out, doc.title)


def _outweighs(found: list[Unreported], out: list[Candidate]) -> bool:
    """The prose left out of the article's containers is more than the prose kept."""
    left = sum(count_chars(f.text) for f in found if not f.level)
    return left > sum(c.length for c in out if is_body_like(c.text))


def _rescued(out: list[Candidate], found: list[Unreported]) -> list[Candidate]:
    """The article's prose lines and subheads that trafilatura left out put back where
    they stood, as candidates (the classifier judges them like any other); a line whose
    words a candidate already carries (a summary repeating the first paragraph) stays out."""
    result = list(out)
    for f in reversed(found):  # from the end, so earlier indexes stay true
        if f.carried:
            continue
        if f.level:
            cand = Candidate(text=f.text, kind=BlockKind.HEADING, tag="head", heading_level=f.level,
                             link_density=f.link_density)
        else:
            cand = Candidate(text=f.text, tag="p", link_density=f.link_density)
        result.insert(f.follows + 1, cand)
    return result


def _with_sections(out: list[Candidate], found: list[tuple[int, Candidate]]) -> list[Candidate]:
    """The article's sibling sections (`sections.sibling_sections`) put back where they stand."""
    result = list(out)
    for follows, cand in reversed(found):
        result.insert(follows + 1, cand)
    return result


def _flattened(out: list[Candidate], title: str | None) -> bool:
    """A paragraph that carries the headline and then the body: a flattened page."""
    key = normalize(title or "")
    if len(key) < S.flattened_title_min:
        return False
    return any(key in normalize(c.text) and len(normalize(c.text)) > len(key) + S.flattened_extra for c in out)


# A page's date is what it states in its markup, not a year guessed from the prose
# (htmldate's extensive search also runs dateparser: seconds on some pages).
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def _title_only(tree: Any) -> str | None:
    """trafilatura's headline for the page (meta tags, JSON-LD, then <h1>/<title>),
    without the rest of its metadata pass (authors, dates, tags: 25 ms a page, and
    `bare_extraction` runs that pass again anyway).  Only the pruner's headline guard
    wants it."""
    from trafilatura.metadata import examine_meta, extract_meta_json, extract_title
    from trafilatura.utils import line_processing

    found = examine_meta(tree)
    try:
        found = extract_meta_json(tree, found)
    except Exception:  # noqa: BLE001 - trafilatura's JSON-LD reader trips on odd pages; the <h1> path remains
        pass
    title = found.title or extract_title(tree)
    return line_processing(title) if title else None


def _trafilatura(trafilatura: Any, source: Any, fast: bool = True) -> Any:
    return trafilatura.bare_extraction(
        source,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_links=True,
        include_images=False,
        include_formatting=False,
        deduplicate=False,
        favor_precision=False,
        # By default no readability/justext second opinion (a third of the time): the
        # paragraphs it would have added are put back from the page's inventory
        # (`_rescued`), or it is asked after all when they outweigh what was kept.
        fast=fast,
        date_extraction_params=_DATE_PARAMS,
    )
