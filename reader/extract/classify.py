"""The Chinese boilerplate classifier: candidate blocks -> kept blocks + removed blocks.

One classifier serves text dumps and HTML.  It reads the page as zones:

    head  | body (first .. last prose block) | post | tail (from a terminator on)

Prose ("body-like": long, with ，。) anchors the article.  A *terminator* (a
related-links or comments heading, a platform disclaimer, an end marker) standing
after enough of the body opens the tail: everything from there on is furniture,
labelled with the cue that opened it.  Cues in other positions only remove their own
line (or, for a heading, the run of headline-like lines under it), so a paragraph
that mentions 猜你喜欢 or quotes a 声明 stays.  Structure signals (repetition of the
title or of other blocks, runs of short headline-like lines, link density, menus
flattened into one line, a row of buttons, the lines above a dump's headline) catch
furniture that carries no cue word at all.  The headline itself is found by
`headline.py`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from reader.extract.candidate import (
    CLAUSE_ENDS,
    Candidate,
    count_chars,
    ends_full_sentence,
    ends_sentence,
    has_words,
    is_body_like,
    is_encoded,
    is_headline_like,
    is_numbered_heading,
    menu_line,
    normalize,
    punct_count,
    says_a_sentence,
)
from reader.extract.core import core_span, drop_outside, outweigh_prose, says_something
from reader.extract.segment import DumpLine, titles_run_together
from reader.extract.headline import (
    dated_headline,
    derive_title,
    headline_text,
    is_dated_headline,
    is_dateline,
    pick_title,
    title_bar_repeat,
    under_dateline,
)
from reader.extract.labels import family_of
from reader.extract.meta import Meta, find_date, parse_meta_line
from reader.extract import rules
from reader.extract.fold import fold, fold_key
from reader.extract.rules import Cue, Shape, compiled_pattern, match_cue, reason
from reader.extract.settings import SETTINGS as S
from reader.model import BlockKind
from reader.lazy_re import lazy

_REFERENCE_HEAD = lazy(rules.REFERENCE_HEAD, re.I)
_REFERENCE_LINE = lazy(rules.REFERENCE_LINE)
_DISCLAIMER_VOCAB = lazy(rules.DISCLAIMER_VOCAB)
_PLATFORM_NOTICE = lazy(rules.PLATFORM_NOTICE)
_NEWS_LEAD = lazy(rules.NEWS_LEAD)
_NEWS_OPENING = lazy(rules.NEWS_OPENING)
_OPENING_DATELINE = lazy(rules.OPENING_DATELINE)
_STORY_DATELINE = lazy(rules.STORY_DATELINE)
_LIST_DATE = lazy(rules.LIST_DATE)
_PHOTO_CREDIT = lazy(rules.PHOTO_CREDIT)
_BUTTON_FIRST = lazy(rf"^[\W_]*{rules.BUTTON_WORD}")  # 分享, __微信分享: a button's own word first
_SECTION_HEAD = lazy(rules.SECTION_HEAD)
_ATTACHMENT_HEAD = lazy(rules.ATTACHMENT_HEAD)
_DOCUMENT_DATE = lazy(rules.DOCUMENT_DATE)
_ISSUER = lazy(rules.ISSUER)
_ARTICLE_RIGHTS = lazy(rules.ARTICLE_RIGHTS)


@dataclass
class Outcome:
    keep: bool = True
    reason: str = ""
    kind: BlockKind | None = None  # kind override for kept blocks
    text: str | None = None  # text override for a kept block whose tail was cut off…
    cut: str = ""  # …and that tail, moved to metadata (shown as removed with `reason`)


@dataclass
class Classified:
    """What the classifier decided: a decision per candidate, plus what it learned."""

    outcomes: list[Outcome]
    title: str
    title_derived: bool
    title_index: int | None  # the candidate used as the title (not a body block)
    meta: Meta = field(default_factory=Meta)


# Families whose cues are short-line prompts: a sentence of prose that happens to
# contain 订阅 or 下一页 is article text, not a prompt.
_PROMPT_FAMILIES = {"share-prompt", "navigation", "advertisement"}


def _cue(cand: Candidate) -> tuple[Cue, str] | None:
    found = match_cue(cand.text)
    if not found:
        return None
    cue = found[0]
    if cue.family in _PROMPT_FAMILIES or (cue.family == "meta" and cue.shape is Shape.PATTERN):
        text = cand.text.strip()
        complete = text.endswith(("。", "！", "？")) and count_chars(text) >= S.prompt_sentence_chars
        if complete or punct_count(text) >= 2 and count_chars(text) >= S.prompt_clause_chars:
            return None
    return found


def _platform_notice(text: str) -> bool:
    """The notice every Chinese self-media platform puts under an uploaded article."""
    return bool(_PLATFORM_NOTICE.search(fold(text)))


def _disclaimer_like(text: str, cue: Cue) -> bool:
    return cue.shape is Shape.PATTERN or bool(_DISCLAIMER_VOCAB.search(fold(text)))


def _is_terminator(cue: Cue, text: str) -> bool:
    if cue.region:
        return True
    if cue.family == "disclaimer":
        return _disclaimer_like(text, cue)
    if cue.family == "meta" and cue.meta == "editor":
        # "责任编辑：杨赐" under the article closes it (past the first half: above, a
        # header's editor line stands over the story); a sidebar's ticker may follow.
        # A name after the label: a wiki's "编辑" link alone is no editor line.
        return count_chars(text) <= S.editor_line_chars and bool(_EDITOR_NAMED.match(fold(text)))
    return cue.family == "end-marker"


_EDITOR_NAMED = lazy(rf"^\W*(?:{'|'.join(next(c for c in rules.CUES if c.meta == 'editor').words)})\s*[:：丨|/]\s*\w")


def _drop_above_title(p: _Pass, title_index: int, confirmed: bool = False) -> None:
    """A dump's article starts at its headline: lines above it are the page's (menus,
    channel names, other headlines), except metadata, which the cue pass takes, and
    prose, unless the headline is `confirmed` (a blog's tagline over its post)."""
    for i in range(title_index):
        if p.outcomes[i].keep and not p.cues[i] and not is_dateline(p.cands[i].text) and (confirmed or not p.prose(i)):
            p.drop(i, "above-title")


def _same(a: str, b: str) -> bool:
    na, nb = normalize(a), normalize(b)
    # The title with a label around it: "原创" before, "播报文章" after.
    return bool(na) and (na == nb or (len(nb) >= S.title_repeat_min and nb in na and len(na) <= len(nb) + S.title_label_margin))


# A dump line that is only HTML tags ("<li>", "<h2></h2>", "</li>"): markup a scraper
# took as text, from a <textarea> or script template the page never shows as such.
_BARE_TAGS = lazy(r"^(?:\s*</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>)+\s*$")
_TAGS_FIRST = lazy(r"^(?:\s*</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>){2,}")


def encoded_lines(cands: list[Candidate]) -> frozenset[int]:
    """Lines of a text dump that are encoded data, not text (`candidate.is_encoded`)."""
    return frozenset(i for i, c in enumerate(cands) if c.tag == "line" and is_encoded(c.text))


# A template's unfilled field: {AddTime}, {{ item.title }}, ${name}.
_PLACEHOLDER = lazy(r"\$?\{\{?\s*[A-Za-z_][A-Za-z0-9_.]*\s*\}?\}")


def _placeholders(text: str) -> bool:
    """A line of a template whose fields were never filled ("网友:{AddUser}", "{Content}"):
    a field in it, and next to nothing else."""
    if "{" not in text:
        return False
    fields = _PLACEHOLDER.findall(text)
    return bool(fields) and count_chars(_PLACEHOLDER.sub("", text)) <= S.placeholder_line_chars


def template_lines(cands: list[Candidate]) -> frozenset[int]:
    """Lines of a text dump that are markup source: bare tag lines, and the few lines
    standing between two of them (a slideshow's captions and picture addresses inside
    <li>…</li>).  Prose there is the template's, never shown as the article."""
    tags = [i for i, c in enumerate(cands) if c.tag == "line" and (_BARE_TAGS.match(c.text) or _placeholders(c.text))]
    # A template flattened into one line keeps its tags in front: "<li> <h2></h2> 三星电子为什么…"
    out = set(tags) | {i for i, c in enumerate(cands) if c.tag == "line" and _TAGS_FIRST.match(c.text)}
    for a, b in zip(tags, tags[1:]):
        if b - a - 1 <= S.template_gap:
            out.update(range(a + 1, b))
    return frozenset(out)


_FEED_ITEM = lazy(rules.FEED_ITEM)
_FEED_BULLET = lazy(rf"[{rules.FEED_BULLETS}]")


def feed_lines(cands: list[Candidate]) -> frozenset[int]:
    """The items of a feed of other articles, when a page has several: a line opening
    with a source and when ("News • 3 小時前…", "Yahoo財經·19 小時前"), and under it the
    item's title and lede when a title stands there.  However much a lede reads like
    prose it is not the article's.  (One such line is the article's own dateline.)"""
    # (only a line with a bullet near its start can be one: the rest are never folded)
    stamps = [i for i, c in enumerate(cands)
              if _FEED_BULLET.search(c.text, 0, S.feed_source_chars) and _FEED_ITEM.match(fold(c.text))]
    if len(stamps) < S.feed_items_min:
        return frozenset()
    found = set(stamps)
    for i in stamps:
        if i + 1 < len(cands) and i + 1 not in found and is_headline_like(cands[i + 1].text):
            found.update(k for k in (i + 1, i + 2) if k < len(cands))
    return frozenset(found)


_POST_STAMP = lazy(rules.POST_STAMP_LINE)


def thread_stamps(cands: list[Candidate], cues: list[tuple[Cue, str] | None]) -> frozenset[int]:
    """The stamps of a thread's posts (`rules.POST_STAMP_LINE`, with the post's text under
    it), when a page has several: a post under the article's is a reply, however much
    prose it holds.  (One or two such lines are the article's own date; a quoted post's
    stamp stands inside a reply, an attachment's upload time inside the post.)"""
    def post_under(i: int) -> bool:  # (a dated list of headlines has the next headline there)
        return any(not cues[k] and (is_body_like(cands[k].text) or says_a_sentence(cands[k].text))
                   for k in range(i + 1, min(i + 1 + S.stamp_post_lines, len(cands))))

    stamps = [i for i, c in enumerate(cands)
              if c.kind is not BlockKind.QUOTE and _stamp_line(c) and not _under_attachment(cues, i) and post_under(i)]
    return frozenset(stamps) if len(stamps) >= S.thread_stamps_min else frozenset()


def _stamp_line(cand: Candidate) -> bool:
    """A post's time on a line of its own (`rules.POST_STAMP_LINE`)."""
    text = cand.text
    return (":" in text or "：" in text) and len(text) <= S.stamp_line_chars and bool(_POST_STAMP.match(fold_key(text.strip())))


def _under_attachment(cues: list[tuple[Cue, str] | None], i: int) -> bool:
    """Does line `i` stand under an attachment's size line (下载 (86.42 KB)): its upload time?"""
    return i > 0 and bool(cues[i - 1]) and cues[i - 1][0] is rules.ATTACHMENT  # type: ignore[index]


def _opens_reply(p: _Pass, i: int) -> bool:
    """Is line `i` a reply's stamp?  Not the one over a Q&A page's chosen answer (最佳答案
    under it): that answer is the page's article, with its question."""
    return i in p.stamps and not any(cue and cue[0] is rules.BEST_ANSWER for cue in p.cues[i + 1:i + 1 + S.stamp_label_lines])


def _drop_post_times(p: _Pass, end: int) -> None:
    """The time lines the article's own region holds: a post's stamp (the article's post
    or its chosen answer's) and an attachment's upload time under its size line."""
    for i in range(min(end, len(p.cands))):
        if not p.outcomes[i].keep:
            continue
        if i in p.stamps:
            p.drop(i, "forum: post time")
        elif _under_attachment(p.cues, i) and _stamp_line(p.cands[i]):
            p.drop(i, "image-placeholder")


def _drop_clock_stamps(p: _Pass, end: int) -> None:
    """A transcript's or live feed's time stamps ("[14:00:45]" over each turn): a clock
    time alone on its line with a sentence under it, three times or more.  (A timetable's
    times have a short item under them, not a sentence, and stay.)"""
    stamps = [i for i in range(min(end, len(p.cands)) - 1) if _CLOCK_LINE.match(p.cands[i].text)
              and (p.prose(i + 1) or says_a_sentence(p.cands[i + 1].text))]
    if len(stamps) >= S.clock_stamps_min:
        for i in stamps:
            if p.outcomes[i].keep or p.outcomes[i].reason == "no-words":  # (a region's own label stays)
                p.drop(i, "time-stamp")


_CLOCK_LINE = lazy(r"^\s*[\[【(（]?\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?\s*[\]】)）]?\s*$")


# A line that is all one quotation or cited title (《震惊！…》, “穿秋裤没？”): the text
# quotes it; a link to another article is no quotation.
_QUOTED_LINE = lazy(r"^\s*(?:《[^《》]+》|“[^“”]+”|「[^「」]+」)\s*$")


_SECTION_NUMBER = lazy(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3}|[IVX]{1,4})\s*$")


def sentence_runs(cands: list[Candidate], cues: list[tuple[Cue, str] | None]) -> frozenset[int]:
    """Lines of a dump written a sentence a line (a 微博 post, dialogue: "我说是。",
    "她沉默了三秒，说：那到底是不是？"): no line is long enough to read as prose, but a
    run of them is.  A run is this many sentences in a row, this long in all."""
    def sentence(i: int) -> bool:
        c = cands[i]
        return (cues[i] is None and c.link_density < S.mostly_links and has_words(c.text)
                and (ends_full_sentence(c.text) or says_a_sentence(c.text) and c.text.rstrip().endswith(CLAUSE_ENDS)
                     or bool(_QUOTED_LINE.match(c.text))))  # (a title it quotes: 《震惊！…》)
    def bridge(i: int) -> bool:  # a section's bare number ("01", "三") stands in the run
        return bool(_SECTION_NUMBER.match(cands[i].text)) and i + 1 < len(cands) and sentence(i + 1)

    out: set[int] = set()
    i = 0
    while i < len(cands):
        j = i
        while j < len(cands) and (sentence(j) or j > i and bridge(j)):
            j += 1
        said = [k for k in range(i, j) if sentence(k)]
        if len(said) >= S.sentence_run_lines and sum(count_chars(cands[k].text) for k in said) >= S.sentence_run_chars:
            out.update(said)
        i = max(j, i + 1)
    return frozenset(out)


@dataclass
class _Pass:
    """The state one classification works on: candidates, their cues, decisions."""

    cands: list[Candidate]
    cues: list[tuple[Cue, str] | None]
    outcomes: list[Outcome]
    meta: Meta = field(default_factory=Meta)
    template: frozenset[int] = frozenset()  # markup source or encoded data (`template_lines`, `encoded_lines`)
    feed: frozenset[int] = frozenset()  # a feed's items (`feed_lines`): never the article's prose
    anchor: int | None = None  # the headline when the page confirms it (its <title> bar repeats it, a date stands under it)
    sentences: frozenset[int] = frozenset()  # lines of a run of short sentences (`sentence_runs`): prose together
    stamps: frozenset[int] = frozenset()  # the stamps of a thread's posts (`thread_stamps`)

    def drop(self, i: int, why: str) -> None:
        self.outcomes[i].keep = False
        self.outcomes[i].reason = why

    def to_meta(self, i: int, why: str) -> None:
        self.meta.fill(parse_meta_line(self.cands[i].text))
        self.drop(i, why)

    def prose(self, i: int) -> bool:
        return i not in self.template and i not in self.feed and self.cues[i] is None and self.cands[i].link_density < S.mostly_links \
            and (is_body_like(self.cands[i].text) or i in self.sentences)


_LABEL_VALUE = [lazy(p) for p in rules.META_FIELDS.values()]


def split_labels(cands: list[Candidate]) -> list[Candidate]:
    """A metadata label takes only itself: "作者：佚名 " followed by a paragraph of prose
    becomes the label line (metadata) and the paragraph (judged as any other)."""
    out: list[Candidate] = []
    for cand in cands:
        found = match_cue(cand.text)
        label = None
        if found and found[0].family == "meta" and found[0].shape is Shape.PREFIX:
            folded = fold(cand.text)
            label = next((m for m in (r.match(folded) for r in _LABEL_VALUE) if m), None)
        rest = cand.text[label.end():].strip() if label else ""
        if label and is_body_like(rest):
            out.append(replace(cand, text=cand.text[: label.end()].strip(), link_density=0.0))
            out.append(replace(cand, text=rest))
        else:
            out.append(cand)
    return out


def classify(cands: list[Candidate], title_hint: str | None = None) -> Classified:
    n = len(cands)
    encoded = encoded_lines(cands)
    cues = [_cue(c) for c in cands]
    p = _Pass(cands, cues, [Outcome() for _ in cands], template=template_lines(cands) | encoded,
              feed=feed_lines(cands), sentences=sentence_runs(cands, cues), stamps=thread_stamps(cands, cues))
    for i in p.template:
        p.drop(i, "encoded-data" if i in encoded else "markup")
    body_idx = [i for i in range(n) if p.prose(i)]
    first_body = body_idx[0] if body_idx else n

    # Title: the page's own headline, or the first headline-like line of the dump.
    title_index: int | None = None
    title = (title_hint or "").strip()
    if not title:
        # (a markdown heading is a blog's tagline, however long, not the article's first prose)
        title_index = pick_title(cands, p.cues, next((i for i in body_idx if cands[i].kind is not BlockKind.HEADING), n))
        if title_index is not None:
            title = headline_text(cands[title_index].text)
            p.drop(title_index, "title")
            if title_bar_repeat(cands, p.cues) == title_index or is_dated_headline(cands, p.cues, title_index) \
                    or under_dateline(cands, p.cues, title_index):
                p.anchor = title_index

    if title_hint:
        # The page's headline among the blocks (an e-paper prints its kicker above it):
        # the short lines above it are the page's or the headline's, not the article.
        shown = next((i for i in range(first_body) if _same(cands[i].text, title) and not is_body_like(cands[i].text)), None)
        if shown is not None:
            _drop_above_title(p, shown)
    under_blurb = _headline_under_blurb(p, title, title_index, first_body, body_idx) if title_hint or title_index else None
    if under_blurb is not None:
        # A dated headline under a blurb (an account card's): the blurb is the page's,
        # and the article starts under its headline.
        for i in body_idx:
            if i < under_blurb:
                p.drop(i, "above-title")
        _drop_above_title(p, under_blurb)
        body_idx = [i for i in body_idx if i > under_blurb]
        first_body = body_idx[0] if body_idx else n
    terminator = _find_terminator(p, sum(cands[i].length for i in body_idx), title_index)
    body_idx = [i for i in body_idx if i < terminator]
    # A whole page flattened into lines: the body is its core, not all of its prose,
    # and its headline the dated one nearest above the core (not the first on the page).
    span = _core_span(p, terminator)
    if span and title and not title_hint:
        # The article stands under its headline: when the headline (the title, repeated
        # with its date under it) comes after the start of the densest run, what stands
        # above it was something else (a ticker, a list of teasers): the core is under it.
        room = 2 * len(title) + S.title_label_margin  # (longer lines cannot repeat it)
        below = next((i for i in range(span[0] + 1, terminator)
                      if len(cands[i].text) <= room and _same(cands[i].text, title) and is_dated_headline(cands, p.cues, i)), None)
        again = core_span(p, terminator, below + 1) if below is not None else None
        span = again or span
    if span and not title_hint:
        lo = max(0, span[0] - S.title_search_lines)
        found = dated_headline(cands, p.cues, lo, span[0])
        if found is not None and found != title_index and (
                title_index is None or title_index < lo or not is_dated_headline(cands, p.cues, title_index)):
            if title_index is not None:
                p.outcomes[title_index] = Outcome()
            title_index, title = found, cands[found].text.strip()
            p.drop(title_index, "title")
            p.anchor = found  # (a dated headline)
    core = _trusted_core(p, span, title, title_index)
    inside = [i for i in body_idx if core[0][0] <= i <= core[0][1]] if core else []
    if inside:
        body_idx, first_body = inside, inside[0]
    else:
        core = None  # (no prose of the article's in it: the prose above its headline went)
    last_body = body_idx[-1] if body_idx else -1

    _classify_tail(p, terminator)
    i = 0
    while i < terminator:
        if i == title_index:
            i += 1
            continue
        zone = "head" if i < first_body else ("post" if i > last_body else "body")
        i = _apply_cue(p, i, zone, body_idx, terminator) if p.cues[i] else _apply_shape(p, i, zone)

    _drop_post_times(p, terminator)
    _drop_clock_stamps(p, terminator)
    _drop_menus(cands, p.outcomes, first_body, last_body)
    if title_index is not None:
        # (the page confirms its headline, and no core was found: the core's own pass
        # takes the prose around it)
        _drop_above_title(p, title_index, confirmed=p.anchor == title_index and core is None)
    # (a page with no prose, a song or a poem, repeats its chorus between headline and tail)
    verses = last_body < 0 and title_index is not None
    _drop_repeats(cands, p.outcomes, title, *((title_index + 1, terminator - 1) if verses else (first_body, last_body)))
    _drop_lead_repeat(cands, p.outcomes, first_body)
    _drop_trailing_headlines(cands, p.outcomes, last_body, terminator, sum(cands[i].length for i in body_idx))
    _drop_signature(p, last_body, terminator)
    if last_body >= 0:
        _drop_after_buttons(p, range((title_index or 0) + 1, first_body))
        _drop_after_buttons(p, range(last_body + 1, terminator))
    _drop_inline_headlines(p, first_body, last_body)
    if core:
        # (an official document's close, its issuer over the date, is the document's own)
        closed = range(last_body + 1, _document_close(cands, p.outcomes, last_body + 1, terminator) if last_body >= 0 else 0)
        # (the article's own rights line, or the platform's storage notice under an
        # uploaded article, stands inside the article's container: what says something
        # between the core and it is the article's close)
        owned = terminator < n and bool(p.cues[terminator]) and (
            bool(_ARTICLE_RIGHTS.search(fold(cands[terminator].text))) or _platform_notice(cands[terminator].text))
        drop_outside(p, *core, terminator, keep=closed, owned=owned)
    _assign_kinds(cands, p.outcomes)
    _drop_empty_headings(cands, p.outcomes)
    if title:
        _take_byline(p, first_body)
        if title_index is not None:
            _take_dateline_label(p, title_index, first_body)
    _take_editor_tag(p)
    _unquote_indented_article(p.outcomes)

    title_derived = False
    if not title:
        title = derive_title(cands, [o.keep for o in p.outcomes])
        title_derived = bool(title)
    return Classified(p.outcomes, title, title_derived, title_index, p.meta)


def _headline_under_blurb(p: _Pass, title: str, title_index: int | None, first_body: int,
                          body_idx: list[int]) -> int | None:
    """The headline, when a little prose (less than an article's start) stands above it:
    the markdown `# ` headline `pick_title` found under it, or in a dump whose title came
    with it (a reader service's Title: header), the dated line below that repeats it."""
    if title_index is not None:
        cand = p.cands[title_index]
        return title_index if title_index > first_body and cand.kind is BlockKind.HEADING and cand.heading_level == 1 else None
    if not body_idx or not all(isinstance(c, DumpLine) for c in p.cands):
        return None
    room = 2 * len(title) + S.title_label_margin  # (longer lines cannot repeat it)
    for i in range(first_body + 1, min(len(p.cands), S.title_bar_lines)):
        if sum(p.cands[k].length for k in body_idx if k < i) >= S.body_start_min:
            return None
        if len(p.cands[i].text) <= room and _same(p.cands[i].text, title) and is_dated_headline(p.cands, p.cues, i):
            return i
    return None


def _headline_at(p: _Pass, title: str, title_index: int | None, before: int) -> int | None:
    """Where the headline stands above line `before`: the title line, or the last line
    above that repeats it (a whole page's <title> on top, its headline over the article);
    below a headline with its date under it, only a repeat dated too (a notice's own text
    repeats its title, undated, under the codes that open it)."""
    dated = p.anchor is not None and is_dated_headline(p.cands, p.cues, p.anchor)
    for i in range(before - 1, -1, -1):
        if i == title_index or title and (_same(p.cands[i].text, title) or _same(title, p.cands[i].text)) \
                and not (dated and i > p.anchor and not is_dated_headline(p.cands, p.cues, i)):  # type: ignore[operator]
            return i
    return None


def _core_span(p: _Pass, end: int) -> tuple[int, int] | None:
    """A text dump's core (`core.py`): only a dump may be a whole page flattened."""
    if not p.cands or not all(isinstance(c, DumpLine) for c in p.cands):
        return None
    return core_span(p, end)


def _trusted_core(p: _Pass, span: tuple[int, int] | None, title: str,
                  title_index: int | None) -> tuple[tuple[int, int], int | None] | None:
    """The core and the headline above it.  When an end-of-article cue (a related list,
    a disclaimer) stands between the two, after some of the article's own sentences, the
    run is what follows the article (a teaser list under 大家都在看): the core is then
    looked for between the headline and that cue.  (A 评论 button in the share bar under
    the headline ends nothing.)"""
    if span is None:
        return None
    headline = _headline_at(p, title, title_index, span[0])
    if headline is None:
        return span, headline
    end = next((k for k in range(headline + 1, span[0]) if p.cues[k] and _is_terminator(p.cues[k][0], p.cands[k].text)
                and not _in_share_bar(p, k) and says_something(p, headline + 1, k)), None)
    if end is None:
        return span, headline
    inner = core_span(p, end, headline + 1)
    return (inner, headline) if inner else None


def _find_terminator(p: _Pass, total_prose: int, title_index: int | None = None) -> int:
    """The first furniture cue that stands after enough of the article."""
    if title_index is not None and (total_prose == 0 or _note_without_prose(p, title_index)):
        return _verse_terminator(p, title_index)
    seen = 0
    # (a dump's article starts under its headline; an HTML page's body starts with it)
    dump = all(isinstance(c, DumpLine) for c in p.cands)
    opening: int | None = None  # the first paragraph under the headline…
    own_dateline: str | None = None  # …and the dateline it opens with, if any
    own_headline = -S.dated_window - 1
    # (only a line about the headline's length can repeat it: the rest need no comparing)
    headline_room = 2 * len(p.cands[title_index].text) + S.title_label_margin if title_index is not None else 0
    for i, cue in enumerate(p.cues):
        # A heading of its own (其他人也在看) over a list of teasers (headline, lede,
        # headline, lede…) ends even a short article, though the ledes may hold more
        # prose than the article does.
        enough = min(S.body_start_min, S.body_start_share * total_prose)
        if cue and cue[0].shape is Shape.HEADING and _teasers_follow(p, i):
            enough = min(enough, S.heading_end_min)
        elif cue and _platform_notice(p.cands[i].text):
            enough = 0  # a platform's storage notice closes whatever article stands above it, however short
        above_headline = p.anchor is not None and i < p.anchor  # (a blog's 相關文章 tab over its confirmed headline)
        if cue and seen > 0 and seen >= enough and _is_terminator(cue[0], p.cands[i].text) and not _in_share_bar(p, i) \
                and not above_headline and not _in_menu(p, i):
            # A disclaimer or end marker in the first half is a quote, not the end
            # (a platform's storage notice never is: a feed may load the next article).
            if cue[0].region or seen >= S.quote_zone * total_prose or _platform_notice(p.cands[i].text):
                if cue[0].family != "comment-thread":
                    return i
                return _post_start(p, i)
        if cue and cue[0].family == "related-links" and seen > 0 and seen >= enough and not above_headline \
                and _story_follows(p, i):
            return i  # 【延伸阅读】 and another story's text under it, its own dateline first
        if _opens_reply(p, i) and seen > 0 and seen >= enough and not above_headline:
            return _post_start(p, i)  # a reply's stamp: the thread starts at its poster's lines
        if not cue and title_index is not None and i != title_index and len(p.cands[i].text) <= headline_room \
                and _same(p.cands[i].text, p.cands[title_index].text):
            own_headline = i  # the page's own headline repeated over its story: no other article starts there
        if not cue and seen >= S.body_start_min and seen >= S.quote_zone * total_prose and _another_article(p, i) \
                and not 0 <= i - own_headline <= S.dated_window:
            return i
        if p.prose(i) and p.outcomes[i].keep:  # (not a blurb that went above the headline)
            if opening is None and (i > title_index if title_index is not None else not dump):
                # (the story under the headline: a ticker's items above it are not the article)
                opening, own_dateline = i, _opening_dateline(p.cands[i].text)
            elif own_dateline and _opening_dateline(p.cands[i].text) == own_dateline:
                return i  # the same dateline again opens the next story (a feed of flash items under one)
            seen += p.cands[i].length
    return len(p.cands)


def _opening_dateline(text: str) -> str | None:
    """The dateline a story's first paragraph opens with, as written before its date
    ("【标题】财联社6月18日电，…" -> "财联社电"): a story has one, so the same one opening a
    later paragraph opens another story."""
    m = _OPENING_DATELINE.match(fold(text))
    return m["outlet"] + m["kind"] if m else None


def _story_follows(p: _Pass, i: int) -> bool:
    """Does another story's text follow the related link or heading at `i`: prose that
    opens with a news dateline ("参考消息网2月16日报道 据…"), as only a story's first
    paragraph does?"""
    j = i + 1
    if j >= len(p.cands) or not p.prose(j):
        return False
    text = fold(p.cands[j].text)
    return bool(_NEWS_OPENING.match(text) or _NEWS_LEAD.match(text))


def _in_menu(p: _Pass, i: int) -> bool:
    """A one-word heading among a menu's items (相簿 / 部落格 / 留言 / 名片): a link in
    the menu, not the heading of a comment section, which a menu never stands around."""
    def item(k: int) -> bool:
        if not 0 <= k < len(p.cands) or p.prose(k):
            return False
        text = p.cands[k].text
        return count_chars(text) <= S.menu_word_chars and punct_count(text) == 0 and has_words(text) \
            and not text.rstrip().endswith(("：", ":")) and (k == i or not p.cues[k] or p.cues[k][0].family == "navigation")
    cue = p.cues[i]
    return bool(cue) and cue[0].family == "comments" and item(i) and item(i - 1) and item(i + 1) \
        and (item(i - 2) or item(i + 2))


def _post_start(p: _Pass, i: int) -> int:
    """Where the first comment or reply starts: its poster's name (and avatar, floor)
    stand above its time line."""
    start = i
    while start > i - S.comment_lead_lines and start >= 1 and not p.prose(start - 1) and not p.cues[start - 1] \
            and p.outcomes[start - 1].reason != "title":
        start -= 1
    return start


def _in_share_bar(p: _Pass, i: int) -> bool:
    """A 评论 button (and its count) in the share bar over the article: a share button
    (分享, 收藏) follows it within a line or two, where a comment section's heading has
    comments or a count of who joined in."""
    if p.cues[i][0].family != "comments":  # type: ignore[index]
        return False
    return any(p.cues[j] and p.cues[j][0].family in ("share-prompt", "buttons")  # type: ignore[index]
               and _BUTTON_FIRST.match(fold(p.cands[j].text))
               for j in range(i + 1, min(i + 1 + S.share_bar_window, len(p.cands))))


def _note_without_prose(p: _Pass, title_index: int) -> bool:
    """A post told in short lines (a note a line an item, emoji for bullets) whose only
    prose is its readers' comments: no prose stands between its headline and the first
    comment or related heading under it."""
    end = next((i for i in range(title_index + 1, len(p.cands)) if p.cues[i] and p.cues[i][0].region
                and p.cues[i][0].family in ("comments", "related-links") and not _in_share_bar(p, i)), None)
    if end is None or any(p.prose(k) for k in range(title_index + 1, end)):
        return False
    said = sum(1 for k in range(title_index + 1, end) if not p.cues[k] and says_a_sentence(p.cands[k].text))
    return said >= S.verse_lines_min


def _verse_terminator(p: _Pass, title_index: int) -> int:
    """A page with no prose at all (a song's lyrics, a poem, a photo post): the article is
    the lines under its headline, and it ends at the first region cue (Labels:, 评论,
    相关文章) that stands under enough of them, as a prose article's does."""
    lines = 0
    for i in range(title_index + 1, len(p.cands)):
        cue = p.cues[i]
        if cue and lines >= S.verse_lines_min and cue[0].region and cue[0].family != "comment-thread":
            return i
        if not cue and i not in p.template and has_words(p.cands[i].text):
            lines += 1
    return len(p.cands)


def _another_article(p: _Pass, i: int) -> bool:
    """A headline with its own dateline under it and prose under that, after most of
    the article: the next article of a composite page (a related story printed whole)."""
    if p.outcomes[i].reason == "title" or not is_dated_headline(p.cands, p.cues, i):
        return False
    return any(p.prose(j) for j in range(i + 1, min(i + 1 + S.dated_window, len(p.cands))))


def _teasers_follow(p: _Pass, i: int) -> bool:
    """Do headlines and their ledes alternate under line `i` (two ledes or more, each
    right under a headline-like line)?"""
    ledes, previous = 0, ""
    for j in range(i + 1, min(i + 1 + S.teaser_window, len(p.cands))):
        text = p.cands[j].text
        if p.cues[j] or not has_words(text):
            continue
        if p.prose(j) or j in p.feed and is_body_like(text):  # (a feed's lede is a teaser's)
            ledes += bool(previous) and is_headline_like(previous)
        previous = text
    return ledes >= S.teaser_min


def _classify_tail(p: _Pass, start: int) -> None:
    """Everything from the terminator on goes, labelled by the region it sits in."""
    region = ""
    after_end = resumed = final = another = bare_dates = False
    if start < len(p.cands) and not p.cues[start]:
        region, another = "another-article", True  # (found by `_another_article`)
    for i in range(start, len(p.cands)):
        cue = p.cues[i]
        # A dateline under a related heading heads another article, and so does a list
        # item's date ("03-29") or a paragraph opening with one ("新京报讯 （记者…）"):
        # the prose under it is not ours.  But when the list's items are a headline and
        # a date each (an earlier date had the next headline right under it), the prose
        # under the last date is no item's: the article goes on under its related box
        # (there only: under a later region those dates count again).
        text = p.cands[i].text.strip()
        if region and not resumed and (is_dateline(text) or _LIST_DATE.match(text)):
            if family_of(region) != "related-links":
                another = True
            elif i + 1 < len(p.cands) and not p.prose(i + 1):
                bare_dates = True
            else:
                another = another or not bare_dates
        another = another or bool(region) and not resumed and bool(_NEWS_LEAD.match(fold(text)))
        if cue and cue[0].region and bare_dates:
            # (the list's dates spared only the prose right under it, in its own region)
            another, bare_dates = True, False
        if cue:
            why = reason(*cue)
            if cue[0].family == "end-marker":
                after_end = True
            elif cue[0].region or cue[0].family == "disclaimer":
                region = why
                after_end = resumed = False
                # Under a platform's storage notice the page moves on to other articles.
                final = final or _platform_notice(p.cands[i].text)
            if cue[0].family == "meta":
                p.to_meta(i, why)
            else:
                p.drop(i, why)
        elif after_end and not region and _REFERENCE_LINE.match(p.cands[i].text):
            p.outcomes[i].kind = BlockKind.REFERENCE  # sources listed after 全文完 are the article's
        elif not final and (resumed or region and not another and _resumes_body(p.cands, p.cues, i)):
            region, resumed = "", True  # prose under a heading that was not furniture after all
            _apply_shape(p, i, "post")  # …still judged by shape: a row of links is no prose
        else:
            p.drop(i, region or "tail")


def _apply_cue(p: _Pass, i: int, zone: str, body_idx: list[int], end: int) -> int:
    """Before the tail a cue removes its own line (a heading: its headline run too).
    Returns the next index to look at."""
    cue, matched = p.cues[i]  # type: ignore[misc]
    text = p.cands[i].text
    why = reason(cue, matched)
    if cue.family == "meta" or cue.family == "comment-thread" and zone == "head" and find_date(text):
        # (above the article, "2019-09-09 16:19:28 来源: 华龙网 举报" is the dateline, not a comment)
        if zone != "body" or any(w in fold(text) for w in rules.STRONG_META) or count_chars(text) <= S.meta_in_body_chars:
            p.to_meta(i, why if cue.family == "meta" else "meta: dateline")
    elif cue.family == "disclaimer":
        # Inside the body a 声明 is quoted, not the platform's.
        if _disclaimer_like(text, cue) and zone != "body":
            p.drop(i, why)
    elif cue.family == "consent":
        if zone != "body":  # banners stand above or below; an article may discuss 同意隐私政策
            p.drop(i, why)
    elif cue.family == "teaser" and is_body_like(text) and p.cands[i].link_density < S.mostly_links and zone != "post":
        # The article's own paragraph with a "詳情>>" link at its end: the link goes.
        m = compiled_pattern(cue).search(fold_key(text))  # (a fold keeps every offset)
        if m and m.start() > 0:
            p.outcomes[i].text, p.outcomes[i].cut, p.outcomes[i].reason = text[: m.start()], text[m.start():m.end()].strip(), why
    elif cue.family == "duplicate-summary":
        body = "".join(normalize(p.cands[j].text) for j in body_idx if j != i)
        content = normalize(re.sub(r"^\W*\w{2,4}\W", "", text))[:-S.summary_tail_cut]
        if len(content) >= S.summary_min_chars and content[:S.summary_probe_chars] in body:
            p.drop(i, why)
    elif cue.family == "account-card" and zone != "body" and rules.strip_decoration(fold(text)) == matched and i + 1 < end \
            and not p.cues[i + 1] and count_chars(p.cands[i + 1].text) <= S.card_value_chars:
        # "功能介绍" alone on its line: the account's blurb under it is the card's too
        p.drop(i, why)
        p.drop(i + 1, why)
        return i + 2
    elif cue.region and _in_share_bar(p, i):
        p.drop(i, "share-prompt")  # (评论 among the share buttons over the article opens no comment region)
    elif cue.region:
        p.drop(i, why)
        j = i + 1
        # (a list under its heading never runs on past the page's confirmed headline: what follows is the article)
        while j < end and (not p.prose(j) or titles_run_together(p.cands[j])) and j != p.anchor and (
            is_headline_like(p.cands[j].text) or p.cands[j].link_density >= S.mostly_links or p.cues[j]
            or titles_run_together(p.cands[j]) or cue.family == "tags" and _tag_word(p.cands[j].text)
        ):
            p.drop(j, p.cues[j] and reason(*p.cues[j]) or why)  # type: ignore[misc]
            j += 1
        return j
    else:
        p.drop(i, why)
    return i + 1


def _tag_word(text: str) -> bool:
    """"LPR", "经济": a tag under its label, a word or two with no punctuation."""
    return 0 < count_chars(text) <= S.tag_max_chars and punct_count(text) == 0


def _apply_shape(p: _Pass, i: int, zone: str) -> int:
    """Lines with no cue word: judged by shape and zone."""
    text = p.cands[i].text
    if zone == "head" and is_dateline(text):
        p.to_meta(i, "meta: dateline")  # "2024-05-20 09:37" alone too: the page's date
    elif not has_words(text) and (zone != "body" or count_chars(text) == 0):
        p.drop(i, "no-words")  # "272", "(1次)", a lone "，": counters and debris
    elif zone == "post" and _SIGNOFF.search(fold(text)) and count_chars(text) <= S.signoff_max_chars and punct_count(text) == 0:
        p.to_meta(i, "meta: byline")
    elif zone == "post" and _PROMO_LABEL.match(text) and count_chars(text) <= S.promo_max_chars and not ends_sentence(text):
        p.drop(i, "advertisement")  # 【加入我們】…, 【推广】… after the article
    elif p.cands[i].link_density >= S.mostly_links and not p.prose(i) and not _linked_sentence(p.cands[i]):
        p.drop(i, "link-list")
    return i + 1


def _linked_sentence(cand: Candidate) -> bool:
    """A sentence whose names are links ("首批高校为北京林业大学、北京交通大学、…。"):
    clauses between the links and a full stop, not a list of link titles."""
    return (cand.link_density < S.linked_sentence_links and ends_full_sentence(cand.text)
            and punct_count(cand.text) >= S.prose_min_punct)


def _take_byline(p: _Pass, first_body: int) -> None:
    """A short name line right under the headline (the first line still kept above
    the prose, whether the headline came from the dump or from the markup)."""
    n = len(p.cands)
    j = next((k for k in range(min(first_body, n)) if p.outcomes[k].keep), None)
    if j is None:
        return
    text = p.cands[j].text.strip()
    after = next((p.cands[k].text for k in range(j + 1, n) if p.outcomes[k].keep), "")
    # A name line is followed by prose, not by more lines of its own shape (a poem).
    followed_by_prose = punct_count(after) >= 1 and count_chars(after) > count_chars(text) + S.byline_prose_margin
    # (a page's subhead element, <h2>写在前面</h2>, is the first section's name)
    subhead = p.cands[j].tag == "head" and p.cands[j].heading_level >= 2
    # (a line ending in a colon opens what follows, a letter's 尊敬的市长：, and names no one)
    if S.byline_min_chars <= count_chars(text) <= S.byline_max_chars and punct_count(text) == 0 and not p.cues[j] \
            and followed_by_prose and not subhead and not text.endswith(("：", ":")):
        p.meta.author = p.meta.author or text.strip("()（）")
        p.drop(j, "meta: byline")


def _take_dateline_label(p: _Pass, title_index: int, first_body: int) -> None:
    """Between the headline and the prose, a short label standing right over the date
    or byline line is part of that dateline block: the outlet (人民日报客户端 over
    作者：林涛) or the account (老周的小城日子 over 2019-04-16 07:42:18)."""
    for i in range(title_index + 1, min(first_body, len(p.cands)) - 1):
        text = p.cands[i].text.strip()
        if not p.outcomes[i].keep or p.cues[i] or not has_words(text) or punct_count(text) \
                or count_chars(text) > S.dated_label_chars:
            continue
        nxt = p.cands[i + 1].text
        cue = p.cues[i + 1]
        under = is_dateline(nxt) or bool(cue and cue[0].family == "meta" and cue[0].meta in ("date", "author", "source"))
        if not under:
            continue
        author_below = bool(cue and cue[0].meta == "author")
        if author_below:
            p.meta.source = p.meta.source or text
        else:
            p.meta.author = p.meta.author or text
        p.drop(i, "meta: byline")


_EDITOR_TAG = lazy(rules.EDITOR_TAG)


def _take_editor_tag(p: _Pass) -> None:
    """"…蛋供給不足的問題。（編輯：蘇龍麒）1120221": the editor's tag closing the last
    paragraph goes to metadata."""
    last = next((i for i in range(len(p.cands) - 1, -1, -1) if p.outcomes[i].keep), None)
    if last is None:
        return
    text = p.cands[last].text
    m = _EDITOR_TAG.search(fold(text))
    if m and m.start() > 0 and ends_sentence(text[: m.start()]):
        tag = text[m.start():]  # as written (the match is on the fold)
        p.meta.fill(parse_meta_line(tag.strip().strip("()（）")))
        p.outcomes[last].text, p.outcomes[last].cut = text[: m.start()], tag.strip()
        p.outcomes[last].reason = "meta: editor"


_PROMO_LABEL = lazy(r"^[【\[][^】\]]{2,8}[】\]]")
_SIGNOFF = lazy(rules.SIGNOFF)


def _resumes_body(cands: list[Candidate], cues: list, i: int) -> bool:
    """Two complete prose blocks in a row, no headline between: the article goes on.

    Teaser summaries under a related heading alternate with their headlines and are
    usually cut short (…), so they never make such a pair; nor do titles a dump's lines
    ran together.  An ad slot's label or a picture between the two parts nothing (广告)."""
    pair = [i] + [k for k in range(i + 1, min(i + 1 + S.resume_gap_lines + 1, len(cands)))
                  if not (cues[k] and cues[k][0].family in _GAP_FAMILIES)][:1]
    return len(pair) == 2 and all(
        not cues[k] and is_body_like(cands[k].text) and cands[k].link_density < S.few_links
        and not titles_run_together(cands[k]) and ends_sentence(cands[k].text)
        and not cands[k].text.rstrip().endswith(("…", "...", "..."))
        for k in pair
    )


_GAP_FAMILIES = ("advertisement", "sponsored", "image-placeholder", "photo-credit")


def _drop_menus(cands: list[Candidate], outcomes: list[Outcome], first_body: int, last_body: int) -> None:
    """Outside the body, a run of 3+ tiny unpunctuated lines (首页 / 诗人 / 诗歌) is a menu."""
    def shaped(i: int) -> bool:
        text = cands[i].text
        return count_chars(text) <= limit and punct_count(text) == 0 and text.rstrip()[-1:] not in "。！？!?"

    def tiny(i: int) -> bool:
        return outcomes[i].keep and shaped(i)

    def size(run: list[int]) -> int:
        """The run's items; above the article, counting the tiny ones another rule
        already took (字号：).  (After it, the trailing-headlines rule reads the rest.)"""
        if run[-1] >= first_body:
            return len(run)
        end = run[-1] + 1
        while end < len(cands) and not outcomes[end].keep:
            end += 1
        return sum(1 for k in range(run[0], end) if k in run or not outcomes[k].keep and shaped(k))

    # Without prose there is no "outside": only two- and three-character runs
    # (首页 / 新闻 / 财经) count, so poems of four-character lines stay.
    limit = S.menu_word_chars if last_body >= 0 else S.menu_word_chars_no_prose
    # Blocks already removed are transparent: a menu interleaved with counts
    # removed by another rule is still one menu.
    kept = [i for i in range(len(cands)) if outcomes[i].keep and not first_body <= i <= last_body]
    if last_body >= 0:  # a menu flattened into one line (with prose to stand outside of)
        for i in kept:
            if menu_line(cands[i].text):
                outcomes[i].keep, outcomes[i].reason = False, "navigation: menu"
        kept = [i for i in kept if outcomes[i].keep]
    run: list[int] = []
    for pos, i in enumerate(kept + [-1]):
        contiguous = run and all(not outcomes[k].keep for k in range(run[-1] + 1, i)) and i >= 0
        if i >= 0 and tiny(i) and (not run or contiguous):
            run.append(i)
            continue
        if run and size(run) >= S.menu_run and len(run) >= 2 and not _introduces_list(cands, run[0]):
            for k in run:
                outcomes[k].keep, outcomes[k].reason = False, "navigation: menu"
        run = [i] if i >= 0 and tiny(i) else []


def _introduces_list(cands: list[Candidate], i: int) -> bool:
    """Is the block before `i` a lead-in ending with a colon (the list is the article's)?"""
    return i > 0 and cands[i - 1].text.rstrip().endswith(("：", ":")) and count_chars(cands[i - 1].text) >= S.lead_in_min_chars


def _drop_repeats(cands: list[Candidate], outcomes: list[Outcome], title: str, first_body: int, last_body: int) -> None:
    seen: set[str] = set()
    for i, (cand, out) in enumerate(zip(cands, outcomes)):
        if not out.keep:
            continue
        # (the title with a label around it is a repeat; a sentence that says it is not:
        # "今年是我在北京租房的第七年。" under "在北京租房的第七年")
        if title and _same(cand.text, title) and not is_body_like(cand.text) \
                and not (ends_full_sentence(cand.text) and normalize(cand.text) != normalize(title)):
            out.keep, out.reason = False, "title-repeat"
            continue
        key = normalize(cand.text)
        # Repeated prose is the page's own (two photos, one caption); repeated
        # unpunctuated headlines are link furniture.
        if len(key) >= S.repeat_min_chars and key in seen and punct_count(cand.text) == 0 and not first_body <= i <= last_body:
            out.keep, out.reason = False, "duplicate"
            continue
        seen.add(key)


def _document_close(cands: list[Candidate], outcomes: list[Outcome], start: int, end: int) -> int:
    """Where an official document's close ends, from `start` (right after its last
    paragraph): an attachment list (附件：1.… and the numbered items under it), then the
    issuer (an office: …人民政府办公室) over the date it was signed.  Those lines are the document's, however much
    they look like a list of headlines.  Returns `start` when there is no such close."""
    i = start
    if i < end and _ATTACHMENT_HEAD.match(cands[i].text):
        i += 1
        while i < end and is_numbered_heading(cands[i].text):  # 2.森林防火值班电话
            i += 1
    if i + 1 < end and outcomes[i].keep and count_chars(cands[i].text) <= S.issuer_max_chars \
            and _ISSUER.search(fold(cands[i].text.strip())) and _DOCUMENT_DATE.match(cands[i + 1].text):
        return i + 2
    return i if i > start else start


def _drop_trailing_headlines(cands: list[Candidate], outcomes: list[Outcome], last_body: int, end: int,
                             prose: int) -> None:
    """After the last prose block, a run of 3+ short headline-like lines is a link list.

    Only when there is prose to be after: a page of short unpunctuated lines (a poem,
    a blog written with spaces for commas) has no body end to measure from.  An
    official document's close (attachments, issuer, date) is the document's."""
    if last_body < 0:
        return
    closed = _document_close(cands, outcomes, last_body + 1, end)
    references = False
    run = []
    for i in range(closed, end):
        references = references or bool(_REFERENCE_HEAD.match(fold(cands[i].text.strip())))
        if references:
            continue  # a source list under 参考资料 is the article's, however it looks
        if outcomes[i].keep and _SECTION_HEAD.match(fold(cands[i].text)):
            break  # "四、相关命令汇总": the article's next section, and what follows is its own
        if outcomes[i].keep and is_headline_like(cands[i].text) and not _REFERENCE_LINE.match(cands[i].text) \
                and not _PHOTO_CREDIT.search(fold(cands[i].text)):  # the last picture's credit is no link
            if not run and _introduces_list(cands, i):
                break  # "主要措施包括：" and its items end the article
            run.append(i)
    # (unless they `outweigh_prose`: a page told in short lines is no list after an article)
    if len(run) >= S.headline_run and not outweigh_prose(sum(cands[i].length for i in run), prose):
        for i in run:
            outcomes[i].keep, outcomes[i].reason = False, "headline-list"


_BUTTON_FAMILIES = ("share-prompt", "buttons", "navigation", "call-to-action", "advertisement", "account-card", "comments")


def _drop_after_buttons(p: _Pass, span: range) -> None:
    """Around the article (between headline and body, after the body), once a row of
    buttons has started (下载客户端, 阅读原文, 分享), the short lines that follow it are
    more buttons (独家抢先看, 在看, 已同步到看一看), not the article.  A line that stops
    on a comma (深夜看书须尽欢，) is part of a sentence or verse: no button does."""
    started = False
    for i in span:
        out, text = p.outcomes[i], p.cands[i].text
        if not out.keep:
            started = started or family_of(out.reason) in _BUTTON_FAMILIES
        elif p.prose(i) or _STORY_DATELINE.match(fold(text)) or text.rstrip().endswith("。") and count_chars(text) >= S.row_ending_sentence_chars \
                or _SECTION_HEAD.match(fold(text)) or p.cands[i].tag == "head":
            # a row of buttons is contiguous: prose, a sentence, the story's dateline, a
            # numbered section heading (第一章…, the contents of a long document) or a
            # heading element (译文 above its text: a page sets no button as <h2>) ends it
            started = False
        elif started and count_chars(text) <= S.button_row_chars and not ends_full_sentence(text) \
                and not text.rstrip().endswith(CLAUSE_ENDS) and not _REFERENCE_LINE.match(text) and not is_dateline(text):
            p.drop(i, "button-row")


_RULE_LINE = lazy(r"^\s*(?:[_\-=—─~*]{5,}|--)\s*$")  # (a BBS puts "--" alone over the signature, as mail does)


def _drop_signature(p: _Pass, last_body: int, end: int) -> None:
    """On a forum page (its counters or floor labels among the cues), a rule under the
    post (__________, ----------) and the few short lines under it are the poster's
    signature (vBulletin prints it so), however much they read like a sentence."""
    if last_body < 0 or not any(c and c[0].family in ("forum", "comments") for c in p.cues):
        return
    # (the signature may say a sentence, and so be the last "prose": the rule may stand
    # that many lines above it)
    start = max(last_body - S.signature_lines + 1, 1)
    rule = next((i for i in range(start, end) if _RULE_LINE.match(p.cands[i].text)), None)
    if rule is None or rule <= last_body and any(count_chars(p.cands[k].text) > S.short_line_chars
                                                 for k in range(rule + 1, last_body + 1)):
        return
    k = rule + 1
    while k < min(end, rule + 1 + S.signature_lines) and count_chars(p.cands[k].text) <= S.short_line_chars \
            and not p.cues[k]:
        if p.outcomes[k].keep:
            p.drop(k, "forum: signature")
        k += 1


def _drop_inline_headlines(p: _Pass, first_body: int, last_body: int) -> None:
    """Inside a dump's body, two or more headline-length lines in a row between
    paragraphs are links to other articles (a subheading, even one set on two lines,
    is shorter: 近两成股票已被腰斩 / 沪指跌了28.63%)."""
    def headline(i: int) -> bool:
        text = p.cands[i].text
        return (p.outcomes[i].keep and p.cands[i].tag == "line" and p.cands[i].kind is BlockKind.PARAGRAPH
                and is_headline_like(text) and not ends_sentence(text) and count_chars(text) >= S.inline_headline_chars
                and not is_numbered_heading(text) and not _QUOTED_LINE.match(text))

    i = first_body + 1
    while i < last_body:
        j = i
        while j < last_body and headline(j):
            j += 1
        if j - i >= S.inline_headline_run and p.prose(i - 1) and p.prose(j) and not _introduces_list(p.cands, i):
            for k in range(i, j):
                p.drop(k, "headline-list")
        i = j + 1 if j > i else i + 1


def _drop_empty_headings(cands: list[Candidate], outcomes: list[Outcome]) -> None:
    """Headings and lead-ins ("理论新闻精选：") left with nothing under them at the end:
    what they introduced was furniture."""
    def introduces_furniture(i: int) -> bool:
        # "最后放一则小漫画：" over the article's last picture stays; over links it goes.
        after = outcomes[i + 1].reason if i + 1 < len(outcomes) else ""
        return cands[i].text.rstrip().endswith(("：", ":")) and (
            count_chars(cands[i].text) <= S.empty_lead_in_chars or bool(after) and family_of(after) != "image-placeholder")

    kept = [i for i, o in enumerate(outcomes) if o.keep]
    while len(kept) > 1 and (outcomes[kept[-1]].kind is BlockKind.HEADING or introduces_furniture(kept[-1])):
        outcomes[kept[-1]].keep, outcomes[kept[-1]].reason = False, "empty-heading"
        kept.pop()


def _drop_lead_repeat(cands: list[Candidate], outcomes: list[Outcome], first_body: int) -> None:
    """A lead paragraph stitched from sentences the body repeats word for word is the
    page's summary of it (导语: a quote lifted from the article)."""
    if first_body >= len(cands) or not outcomes[first_body].keep:
        return
    lead = normalize(cands[first_body].text)
    clauses = [k for k in map(normalize, re.split(r"[，。！？；,!?;：:]", cands[first_body].text)) if len(k) >= S.lead_clause_chars]
    total = sum(map(len, clauses))
    if total < S.lead_min_chars:
        return
    for cand, out in zip(cands[first_body + 1:], outcomes[first_body + 1:]):
        block = normalize(cand.text)
        # An excerpt of one longer paragraph (a paragraph restated at length is not).
        if out.keep and len(block) >= S.lead_excerpt_ratio * len(lead) \
                and sum(len(k) for k in clauses if k in block) >= S.lead_excerpt_share * total:
            outcomes[first_body].keep, outcomes[first_body].reason = False, "duplicate-summary"
            return


def _assign_kinds(cands: list[Candidate], outcomes: list[Outcome]) -> None:
    in_references = False
    for cand, out in zip(cands, outcomes):
        if not out.keep:
            continue
        text = cand.text.strip()
        if _REFERENCE_HEAD.match(fold(text)):
            in_references = True
            out.kind = BlockKind.HEADING
            continue
        if out.kind is not None:
            continue
        # (under its heading a citation is a source however long: "[1] 作者. 题名[J]. 刊名, 2017, …")
        if in_references and (not is_body_like(text) or _REFERENCE_LINE.match(text)) \
                or _REFERENCE_LINE.match(text) and not is_body_like(text):
            out.kind = BlockKind.REFERENCE
            continue
        in_references = False
        if cand.kind is not BlockKind.PARAGRAPH:
            out.kind = cand.kind
        elif is_numbered_heading(text) and count_chars(text) <= S.short_line_chars and not is_body_like(text):
            out.kind = BlockKind.HEADING
        elif len(text) <= 2 * S.short_line_chars and count_chars(text) <= S.short_line_chars and _PHOTO_CREDIT.search(fold(text)):
            out.kind = BlockKind.CAPTION  # "…调试灯光。中新社记者 杜洋 摄": a sentence, but the picture's
        elif (cand.tag == "line" and not ends_sentence(text) and not text.endswith(("：", ":"))
              and count_chars(text) <= S.short_line_chars and punct_count(text) <= S.caption_max_punct):
            out.kind = BlockKind.CAPTION
        else:
            out.kind = BlockKind.PARAGRAPH


def _unquote_indented_article(outcomes: list[Outcome]) -> None:
    """An article all in <blockquote> is the article indented (old forums set the post
    in one): its paragraphs are no quotation."""
    prose = [out for out in outcomes if out.keep and out.kind in (BlockKind.PARAGRAPH, BlockKind.QUOTE)]
    if prose and all(out.kind is BlockKind.QUOTE for out in prose):
        for out in prose:
            out.kind = BlockKind.PARAGRAPH
