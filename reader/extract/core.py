"""The article's core in a whole-page text dump, and the furniture around it.

A scraper that flattens a whole page (`get_text("\\n")`) keeps every menu, sidebar,
comment thread and footer around the one dense run of prose that is the article.  The
*core* is that run: the contiguous lines whose prose outweighs the furniture-shaped
lines between them.  It is the max-sum run of the line weights (as in body-text
extraction by token density): a prose line weighs its tokens, at most a few dozen per
punctuation mark (titles run together into one long line are no prose); a short
sentence weighs nothing, so a poem or a list of short sentences never breaks the run;
a menu item, link, counter or cue line costs a fixed amount, so a long stretch of them
is a wall no short comment or teaser outweighs.

The classifier trusts a core only when it holds most of the page's prose and no
end-of-article cue stands between the headline and it (`classify.py` checks that);
around a trusted core, `drop_outside` takes what is not the article.
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from reader.extract.candidate import (
    count_chars, ends_sentence, has_words, is_headline_like, is_numbered_heading, normalize, punct_count,
)
from reader.extract.headline import is_dateline
from reader.extract.settings import SETTINGS as S
from reader.lazy_re import lazy

if TYPE_CHECKING:
    from reader.extract.classify import _Pass

# One token as the scorer counts them: a Han character (any letter or digit outside
# ASCII: kana, full-width) or a run of ASCII letters/digits.  Categories, not CJK
# ranges, which `re` compiles by visiting every code point.
_TOKEN = lazy(r"[^\W_A-Za-z0-9]|[A-Za-z0-9]+")
# Clause punctuation: prose is cut into clauses by these; link titles run together into
# one line carry ！？：“” but hardly a comma ("…心疼！护士下班“出舱”累到蹲地上…").
_CLAUSE = lazy(r"[，。；、,;]")
# Cue lines that stand inside articles: a picture's placeholder, a byline.
_INLINE_FAMILIES = ("image-placeholder", "meta")


def _lead_in(text: str) -> bool:
    """"最后放一则小漫画：": a sentence introducing what follows (友情链接： is a label)."""
    return text.rstrip().endswith(("：", ":")) and count_chars(text) >= S.lead_in_min_chars


def line_weight(p: _Pass, i: int) -> float | None:
    """Prose: its tokens (capped per clause mark); a short sentence: None (neutral);
    anything else: the fixed cost of a furniture-shaped line."""
    cand = p.cands[i]
    if i in p.template:
        return -S.core_line_cost
    if p.prose(i):
        return float(min(len(_TOKEN.findall(cand.text)), S.core_tokens_per_mark * len(_CLAUSE.findall(cand.text))))
    if not p.cues[i] and cand.link_density < S.mostly_links and has_words(cand.text) \
            and (punct_count(cand.text) or ends_sentence(cand.text) or _lead_in(cand.text)):
        return None
    return -S.core_line_cost


def _introduced(p: _Pass, weights: dict[int, float | None]) -> None:
    """What a lead-in sentence introduces ("下面是雷影S7的详细配置参数：" over a table
    flattened a cell a line, "主要措施包括：" over a list) is the article's, up to its next
    paragraph: those short lines weigh nothing, so the core runs on through them.  So is
    a table of figures standing between two of the article's paragraphs with no lead-in
    (城市 / 空置率 / 北京 / 16.8% …): most of its cells hold a number, which a menu's don't."""
    seen: Counter[str] | None = None
    for i in sorted(weights):
        # (the lead-in goes on from the article's prose; a reply's "说点实际的：" or a
        # footer's "我来完善相关词条：" introduces no cells of the article's)
        if (weights.get(i - 1) or 0) <= 0:
            continue
        # (a numbered section's heading, "一、项目基本情况", introduces its section as a
        # lead-in does: a notice's table of particulars under it)
        lead = weights[i] is None and (_lead_in(p.cands[i].text) or is_numbered_heading(p.cands[i].text))
        if not lead and (weights[i] is None or weights[i] > 0):
            continue
        if seen is None:
            seen = Counter(normalize(c.text) for c in p.cands)
        k = i + 1 if lead else i
        # (a line the page repeats, "来自Android客户端" under every reply, is furniture)
        while k in weights and k - i <= S.lead_in_list_lines and not p.cues[k] and (weights[k] or 0) <= 0 \
                and count_chars(p.cands[k].text) <= S.short_line_chars and seen[normalize(p.cands[k].text)] < 2:
            k += 1
        cells = range(i + 1 if lead else i, k)
        if not lead and not (len(cells) >= S.table_cells_min and (weights.get(k) or 0) > 0
                             and 2 * sum(any(ch.isdigit() for ch in p.cands[j].text) for j in cells) >= len(cells)):
            continue
        for j in cells:
            weights[j] = None


def core_span(p: _Pass, end: int, begin: int = 0) -> tuple[int, int] | None:
    """The max-sum run of the lines from `begin` to `end`, widened over the short
    sentences at its edges; None when it holds too little prose, or too small a share of
    the prose there, or when too few lines stand outside it for the page to be a whole
    page."""
    weights = {i: line_weight(p, i) for i in range(begin, end)}
    _introduced(p, weights)
    best, span, run, start = 0.0, None, 0.0, begin
    for i, w in weights.items():
        if run <= 0:
            run, start = 0.0, i
        run += w or 0.0
        if run > best:
            best, span = run, (start, i)
    total = sum(w for w in weights.values() if w and w > 0)
    if span is None or best < S.core_min_tokens or best < S.core_min_share * total \
            or len(p.cands) - (span[1] - span[0] + 1) < S.core_page_lines:
        return None  # too little prose to stand outside of, or no whole page around it
    a, b = span
    while a > begin and weights[a - 1] is None:
        a -= 1
    while b + 1 < end and weights[b + 1] is None:
        b += 1
    return a, b


def outweigh_prose(short_chars: int, prose: int) -> bool:
    """Do short lines holding `short_chars` outweigh the article's `prose` many times
    over?  Then the page is told in short lines (a photo blog's captions under its
    pictures), and they are no list of links after an article, which is never so much
    longer than the article it follows."""
    return short_chars > S.caption_page_ratio * prose


def told_in_short_lines(p: _Pass, span: range, prose: int) -> frozenset[int]:
    """The short lines in `span` (caption- or headline-sized, no cue) when together they
    `outweigh_prose`."""
    lines = [i for i in span if p.outcomes[i].keep and not p.cues[i] and is_headline_like(p.cands[i].text)]
    return frozenset(lines) if outweigh_prose(sum(p.cands[i].length for i in lines), prose) else frozenset()


def says_something(p: _Pass, lo: int, hi: int) -> bool:
    """Is there a sentence or prose among the lines from `lo` to `hi` (not only buttons,
    labels and counters)?"""
    return any(line_weight(p, i) is None or (line_weight(p, i) or 0) > 0 for i in range(lo, hi))


def drop_outside(p: _Pass, core: tuple[int, int], headline: int | None, end: int, keep: range = range(0),
                 owned: bool = False) -> None:
    """Around a trusted core (lines before `end`, the tail's own rules took the rest):
    lines above the headline go (a dateline goes to metadata by its own rule); prose
    outside the core goes (another article's lede, a reader's comment); after the core,
    furniture-shaped lines go, and once a wall of them has passed, everything does, but
    for the lines in `keep` (the article's own close: a document's issuer and date).
    When `owned` (the line at `end` is the article's own rights line or the platform's
    storage notice, which stand inside its container), what says something between the
    core and it is the article's close, however many captions, picture-loader lines or
    ads stand before it."""
    start = core[0] if headline is None else headline
    last = core[1]
    if owned:
        last = max((i for i in range(core[1] + 1, end) if (line_weight(p, i) or 0) >= 0 and p.outcomes[i].keep),
                   default=core[1])
    if headline is not None:
        for i in range(headline):
            if p.outcomes[i].keep and not is_dateline(p.cands[i].text):
                p.drop(i, "outside-core: head")
    furniture = 0
    told = told_in_short_lines(p, range(core[1] + 1, end), sum(p.cands[i].length for i in range(core[0], core[1] + 1) if p.prose(i)))
    for i in range(core[1] + 1, end):
        if i in keep:
            continue
        w = line_weight(p, i)
        shaped = w is not None and w < 0 and i not in told
        # (up to an owned close there is no wall: the close goes on to its rights line)
        if shaped and i > last and not (p.cues[i] and p.cues[i][0].family in _INLINE_FAMILIES):
            furniture += 1
        if not p.outcomes[i].keep:
            continue
        if furniture >= S.core_wall_lines:
            p.drop(i, "outside-core: tail")
        elif shaped:
            p.drop(i, "outside-core: furniture")
    for i in range(end):
        if p.outcomes[i].keep and not start <= i <= last and p.prose(i):
            p.drop(i, "outside-core: prose")
