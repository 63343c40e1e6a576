"""The headline of a page: which early line is it, and a short one when there is none.

A dump's headline is the headline-shaped line with its date or source line right
under it (past share buttons), else the line that repeats the head of a whole page's
<title> on its first line ("标题_站名" over menus, then "标题"), else the markdown
`#`/`##` heading nearest above the prose, else the first long headline-shaped line near
the top, else the first short one; menus, datelines and numbered section headings never are.
"""
from __future__ import annotations

import re

from reader.extract.candidate import (
    CLAUSE_ENDS,
    Candidate,
    count_chars,
    has_words,
    is_body_like,
    is_headline_like,
    is_numbered_heading,
    menu_line,
    punct_count,
)
from reader.extract.artifacts import clean_inline
from reader.extract.meta import find_date
from reader.extract import rules
from reader.extract.fold import fold
from reader.extract.rules import Cue
from reader.extract.settings import SETTINGS as S
from reader.model import BlockKind
from reader.lazy_re import lazy


def headline_text(text: str) -> str:
    """A headline as its words: without the 原创 badge a platform glues to its front
    ("原创最不愁吃肉的国家：顿顿有肉吃，…"), when what follows is a headline of its own."""
    text = text.strip()
    for label in rules.ORIGINAL_LABEL:
        rest = text[len(label):]
        if fold(text).startswith(label) and rest[:1].isalnum() and headline_shaped(rest) \
                and count_chars(rest) >= S.title_long_chars:
            return rest
    return text


def derive_title(cands: list[Candidate], kept: list[bool]) -> str:
    """A short title from the opening sentence, for pages without a headline."""
    for cand, keep in zip(cands, kept):
        text = clean_inline(cand.text)  # as the block is printed: no image marks (![status](…))
        if not keep or count_chars(text) < S.derived_title_min or is_headline_like(text):
            continue
        sentence = re.split(r"(?<=[。！？!?])", text, maxsplit=1)[0]
        if count_chars(sentence) <= S.derived_title_chars:
            return sentence.rstrip("。")
        clauses = re.split(r"(?<=[，,、；;：:])", sentence)
        title = ""
        for clause in clauses:
            if count_chars(title + clause) > S.derived_title_chars and title:
                break
            title += clause
        return title.rstrip("，,、；;：:") + ("…" if title != sentence else "")
    return ""



def pick_title(cands: list[Candidate], cues: list[tuple[Cue, str] | None], first_body: int) -> int | None:
    """The headline: a short, cue-free line before the prose starts.  A line with the
    date or source line right under it is the headline even below menus and other
    headlines; otherwise the first headline-like line near the top."""
    head = range(min(max(first_body, 0), len(cands), S.title_search_lines))
    long: int | None = None  # the first line long enough to be a headline, not a label
    short: int | None = None  # the first headline-like line of any length
    heading: int | None = None  # the last markdown "# " / "## " heading above the prose
    numbered = False  # a numbered section heading on top: the page has no headline line
    under_date = _under_date_header(cands, cues, head)
    if under_date is not None:
        return under_date
    for i in head:
        cand = cands[i]
        if cues[i] or is_dateline(cand.text) or menu_line(cand.text) \
                or fold(cand.text).startswith(rules.ORIGINAL_LABEL) and headline_text(cand.text) == cand.text.strip():
            continue  # ("原创 王五 某某公众号" is a byline; "原创最不愁吃肉的国家：…" a headline with its badge)
        if cand.kind not in (BlockKind.HEADING, BlockKind.PARAGRAPH) or is_body_like(cand.text):
            continue
        if is_numbered_heading(cand.text):
            numbered = numbered or (long is None and short is None)
            continue
        shaped = headline_shaped(cand.text)
        if cand.kind is BlockKind.HEADING and 1 <= cand.heading_level <= 2 and shaped and count_chars(cand.text) >= S.headline_min_chars:
            heading = i  # the blog's name may be an h1 too: the one nearest the prose is the post's
        byline = count_chars(cand.text) <= S.title_byline_chars and re.search(r"[/／]", cand.text) or _PERSON_TITLE.search(fold(cand.text))
        if shaped and count_chars(cand.text) >= S.title_dated_chars and not byline and dated_below(cands, cues, i):
            return i
        if numbered or i >= S.title_top_lines:
            continue  # without a date under it, only a line near the top is the headline
        if long is None and shaped and count_chars(cand.text) >= S.title_long_chars:
            long = i
        if short is None and is_headline_like(cand.text):
            short = i
    bar = title_bar_repeat(cands, cues)
    if bar is not None:
        return bar
    if heading is not None:
        return heading
    # (no dated headline, and nothing headline-like above a date near the top: the line
    # right under that date is the post's title)
    under_date = _under_date_header(cands, cues, range(min(head.stop, S.title_top_lines)), headings=False)
    if under_date is not None and (short is None or short >= under_date):
        return under_date
    if long is None and short is None:
        below = _dated_h1_below_blurb(cands, cues, head.stop)
        if below is not None:
            return below
    return long if long is not None else short


def _dated_h1_below_blurb(cands: list[Candidate], cues: list[tuple[Cue, str] | None], start: int) -> int | None:
    """A markdown page's `# ` headline with its date under it, past a first line of prose
    too short to be the article (an account's blurb in the sidebar above it)."""
    prose = 0
    for i in range(start, min(len(cands), S.title_search_lines)):
        cand = cands[i]
        if is_body_like(cand.text):
            prose += count_chars(cand.text)
            if prose >= S.body_start_min:
                return None
        elif cand.kind is BlockKind.HEADING and cand.heading_level == 1 and not cues[i] and is_dated_headline(cands, cues, i):
            return i
    return None


def _under_date_header(cands: list[Candidate], cues: list[tuple[Cue, str] | None], head: range,
                       headings: bool = True) -> int | None:
    """A blog's post title right under its date header: in markdown the heading under a
    date heading ("## Thursday, July 28, 2011" / "### 标题"), which beats the blog's own
    name heading with that date under it; with `headings` off, any line under a dateline."""
    for i in head:
        cand, above = cands[i], cands[i - 1] if i > 0 else None
        if above is None or cues[i] or not is_dateline(above.text) or not headline_shaped(cand.text) \
                or is_dateline(cand.text) or menu_line(cand.text) or is_body_like(cand.text):
            continue
        if not headings or cand.kind is BlockKind.HEADING and 1 <= cand.heading_level <= S.post_title_level and above.kind is BlockKind.HEADING:
            return i
    return None


def under_dateline(cands: list[Candidate], cues: list[tuple[Cue, str] | None], i: int) -> bool:
    """Is heading `i` a post's title under its date header (a blog prints the date over
    the title): the date confirms it as a date under a headline does."""
    return 0 < i and cands[i].kind is BlockKind.HEADING and not cues[i - 1] and is_dateline(cands[i - 1].text)


# Between a headline and the site's name in a <title>: "标题_站名", "标题 - 站名",
# "标题 | 栏目", "标题 @ 博客 :: 站名".  Not a colon: "王文：标题" is the headline itself.
_BAR_SEPARATOR = lazy(r"^\s*(?:[-_|｜—–@·]|\s)")


def title_bar_repeat(cands: list[Candidate], cues: list[tuple[Cue, str] | None]) -> int | None:
    """The first line that repeats the head of the page's first line when that line is a
    <title> bar (the headline, a separator, the site's name): a whole page flattened
    into lines starts with its <title>, and its headline stands under the menus."""
    if not cands:
        return None
    bar = cands[0].text.strip()
    for i in range(1, min(len(cands), S.title_bar_lines)):
        text = cands[i].text.strip()
        if (len(text) < len(bar) and _heads_bar(bar, text)
                and not cues[i] and headline_shaped(text) and not is_dateline(text) and not menu_line(text)):
            return i
    return None


def _heads_bar(bar: str, text: str) -> bool:
    """Does `text` stand before the bar's first separator: at its start, or after the
    book's or column's name and a space ("剑起青萍 第三十二章 夜渡寒江 - 风起中文网")?"""
    if bar.startswith(text):
        return bool(_BAR_SEPARATOR.match(bar[len(text):]))
    at = bar.find(" " + text)
    # (the name before it is one name: "(2) @ 博客名 ::" puts a blog's name after the headline)
    return 0 < at and count_chars(bar[:at]) <= S.title_bar_prefix_chars and bar[:at].isalnum() \
        and bool(_BAR_SEPARATOR.match(bar[at + 1 + len(text):]))



def dated_headline(cands: list[Candidate], cues: list[tuple[Cue, str] | None], lo: int, hi: int) -> int | None:
    """The headline nearest above line `hi` (not above `lo`) that has its date or source
    line right under it: a whole page's article headline, found from the article up."""
    for i in range(hi - 1, lo - 1, -1):
        if is_dated_headline(cands, cues, i):
            # The outlet's name may stand between the headline and its date (環球時報新媒體).
            above = next((j for j in range(i - 1, max(lo, i - S.dated_window) - 1, -1)
                          if has_words(cands[j].text) and not cues[j]), None)
            return above if above is not None and is_dated_headline(cands, cues, above) else i
    return None


def is_dated_headline(cands: list[Candidate], cues: list[tuple[Cue, str] | None], i: int) -> bool:
    """Is line `i` headline-shaped (not a byline, a menu, a label) with its date under it?"""
    text = cands[i].text
    if cues[i] or is_dateline(text) or menu_line(text) or is_body_like(text) or is_numbered_heading(text):
        return False
    byline = count_chars(text) <= S.title_byline_chars and re.search(r"[/／]", text) or _PERSON_TITLE.search(fold(text))
    return headline_shaped(text) and count_chars(text) >= S.title_dated_chars and not byline and dated_below(cands, cues, i)


# A byline or author box: "石佳/中国青年报", "王文中国人民大学重阳金融研究院执行院长".
_PERSON_TITLE = lazy(rules.PERSON_TITLE)


def headline_shaped(text: str) -> bool:
    """A headline may carry a colon and a comma (棱镜|数据业大整顿：…，用户信息几元不等)."""
    n = count_chars(text)
    return (S.headline_min_chars <= n <= S.headline_max_chars and not text.rstrip().endswith(("。", "：", ":"))
            and punct_count(text.rstrip()[:-1]) <= S.headline_shaped_punct)


def dated_below(cands: list[Candidate], cues: list[tuple[Cue, str] | None], i: int) -> bool:
    """Is a date or source line right under line `i` (past share buttons, counters and
    one short label: the outlet's or account's name, 法新社, 環球時報新媒體)?"""
    labels = 0
    for j in range(i + 1, min(i + S.dated_window, len(cands))):
        text = cands[j].text
        cue = cues[j]
        if is_dateline(text) or cue and cue[0].family == "meta" and cue[0].meta in ("date", "source", "author"):
            return True
        if cue and cue[0].family == "tags":
            return False  # (a date under the post's tags closes the post: a note's last line is no headline)
        if not cue and has_words(text):
            labels += 1
            # (the label may be a byline: "石佳/中国青年报")
            byline = count_chars(text) <= S.title_byline_chars and re.search(r"[/／]", text)
            if labels > 1 or count_chars(text) > S.dated_label_chars or re.search(r"[^\w\s·\-]", text) and not byline:
                return False
    return False



_BYLINE = lazy(rules.BYLINE)
_ASKS = lazy(r"[？！]|[?!]\s*$")



def is_dateline(text: str) -> bool:
    """A short head line that is only a date stamp, outlet and reporter (not the start of
    a sentence cut at a link: "2020年10月16日，" goes on)."""
    if count_chars(text) > S.dateline_max_chars or is_body_like(text) or punct_count(text) > S.dateline_max_punct \
            or text.rstrip().endswith(CLAUSE_ENDS) or _ASKS.search(text):
        return False  # (a dateline states: "人民日报记者：…从哪里来？" is a reporter's question)
    return bool(find_date(text) or _BYLINE.search(fold(text)))
