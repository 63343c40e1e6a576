"""Text dumps -> candidate blocks, with hard-broken sentences joined back.

A flattened page is one block per line (blank lines may or may not separate them).
Markdown marks (`#`, `-`, `>`, ``` fences) give the block kind, and the share of a
line inside [text](url) links is its link density.  Scrapers also break sentences
in the middle (`…AI竞争` / blank line / `不是单一技术的竞争…`): a line that stops
mid-sentence is joined to the next when the next one carries the sentence on.  A dump
a text browser wrote (w3m, lynx -dump) is cut at a fixed width wherever the next word
or character did not fit, mid-word, before a full stop: its width is read off the
lines that stand at it, and its paragraphs are put back by it (`_wrap_width`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from reader.extract.candidate import (
    Candidate,
    count_chars,
    ends_sentence,
    is_encoded,
    is_headline_like,
    is_numbered_heading,
    punct_count,
)
from reader.extract.artifacts import inline_images_out, markdown_link_share, strip_inline_markup
from reader.extract import rules
from reader.extract.fold import fold
from reader.extract.rules import match_cue
from reader.extract.settings import SETTINGS as S
from reader.model import BlockKind
from reader.lazy_re import lazy

_MD_HEADING = lazy(r"^(?:[-*+]\s+)?(#{1,6})\s+(.*)$")  # "- ## 标题": a heading in a list of posts
# A bullet goes; a number stays with its item ("1. 哪些原因…？" is how the page counts).
_MD_LIST = lazy(r"^\s*(?:(?:[-*+•·]\s+)+(.*)|(\d{1,3}[.)]\s+.*))$")
_MD_QUOTE = lazy(r"^\s*>\s?(.*)$")
_FENCE = lazy(r"^(?:`{3,}|~{3,})\s*[A-Za-z0-9_+#.-]*\s*$")  # ```python, ~~~: a code fence
_OPENERS = "：:（(「『“‘《〈【—"
_IMAGE_ONLY = lazy(r"^(?:!\[[^\]\n]*\]\([^)\n]*\)\s*)+$")
_DATED = lazy(r"(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}")
# A caption ends with its photo credit: "…纸团。沙坪坝区公安分局供图 华龙网".
_CREDIT = lazy(rules.PHOTO_CREDIT)


@dataclass
class DumpLine(Candidate):
    """A candidate read from a text dump's line, not from markup: only a dump may be a
    whole page flattened, menus and all, so only among these does the classifier look
    for the article's core (`core.py`)."""

    # The dump's lines, when this one was joined from several that each stopped
    # mid-sentence: the classifier can still tell a column of titles run together.
    parts: tuple[str, ...] = ()
    columns: int = 0  # the raw line's width in display columns (`_wrap_width`)


def _line_candidate(line: str) -> Candidate:
    m = _MD_HEADING.match(line)
    if m:
        return DumpLine(m.group(2).strip(), BlockKind.HEADING, tag="line", heading_level=len(m.group(1)))
    m = _MD_QUOTE.match(line)
    if m and m.group(1).strip():
        return DumpLine(m.group(1).strip(), BlockKind.QUOTE, tag="line")
    m = _MD_LIST.match(line)
    if m and not re.match(r"^\s*\d{1,3}\.\S", line):
        item = (m.group(1) if m.group(1) is not None else m.group(2)).strip()
        if item:  # (a bullet whose item was only an image has nothing left to list)
            return DumpLine(item, BlockKind.LIST_ITEM, tag="line")
    return DumpLine(line.strip(), BlockKind.PARAGRAPH, tag="line")


def _continues(prev: Candidate, nxt: Candidate) -> bool:
    """Does `prev` stop mid-sentence and `nxt` carry the same sentence on?"""
    if prev.kind is not BlockKind.PARAGRAPH or nxt.kind is not BlockKind.PARAGRAPH:
        return False
    if prev.link_density >= S.mostly_links or nxt.link_density >= S.mostly_links:
        return False  # a link (an ad's, a headline's) is never half of the article's sentence
    a, b = prev.text.rstrip(), nxt.text.lstrip()
    # Lines ending in an opener (：, （, 「…) introduce a list or quote on the next line.
    if not a or not b or ends_sentence(a) or a[-1] in _OPENERS:
        return False
    # A short line without punctuation is a caption or heading, not a broken sentence.
    if count_chars(a) < S.broken_line_min or punct_count(a) < 1:
        return False
    if is_numbered_heading(b) or match_cue(b) or _CREDIT.search(fold(a)):
        return False
    cue = match_cue(a)
    if cue and (cue[0].family != "disclaimer" or a[-1] in "》）)】」』"):
        # (a notice is a sentence, and may be cut inside its own cue words: "…仅提供信息存储空" /
        # "间服务。"; one that closes a bracket is whole: "…原文标题：《…》")
        return False
    if _DATED.match(b):
        return False  # a list item's date opens its own line ("2021-01-19某某…"), never a broken one
    if len(b) >= S.repeat_probe_chars and a.startswith(b[:S.repeat_probe_chars]):
        return False  # the headline under the <title> bar that starts with it: the same title twice
    if is_encoded(a) or is_encoded(b):
        return False  # an inline image's base64 cut into lines is data, whatever it "continues"
    # …and a short unpunctuated next line is a label or dateline (中国新闻网,
    # 金融市场棱镜2019-09-23 07:48), not the rest of one.
    if count_chars(b) < S.label_line_max and punct_count(b) == 0 and not ends_sentence(b):
        return False
    first = b[0]
    return first.isalnum() or first in "“‘「『《（("


_TABLE_RULE = lazy(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")


def _table_row(line: str) -> str:
    """"| 正在加载... |" -> "正在加载..."; "| a | b |" -> "a | b"; the "|---|" rule -> ""."""
    if not (line.startswith("|") and line.endswith("|") and len(line) > 1):
        return line
    if _TABLE_RULE.match(line):
        return ""
    return " | ".join(cell.strip() for cell in line[1:-1].split("|") if cell.strip())


def _join_split_links(lines: list[str]) -> list[str]:
    """A markdown link broken over two lines ("- [![](thumb.jpg)" over "标题](url)": a
    converter writes a thumbnail's <br> inside the link) is one line, so the title reads
    as the link it is, not as a line of text."""
    out: list[str] = []
    fenced = False  # (a code block's lines stay as written)
    for line in lines:
        prev = out[-1] if out else ""
        close = line.find("](")
        if not fenced and close > 0 and "[" not in line[:close] and prev.count("[") > prev.count("]") \
                and markdown_link_share(f"{prev} {line}") > 0:
            out[-1] = f"{prev.rstrip()} {line.strip()}"
            continue
        fenced ^= line.strip().startswith(("```", "~~~"))
        out.append(line)
    return out


def _blocks(text: str) -> list[Candidate]:
    """One candidate per line; a fenced code block (```) is one candidate, lines kept.
    A fence opens only on ``` or ~~~ with at most a language name after it, and a fence
    that never closes was no fence (a dump's "~~~~ 扫一扫" must not swallow the page):
    its lines are read as lines."""
    blocks: list[Candidate] = []
    fence: list[str] | None = None
    lines = _join_split_links(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    last_fence = max((k for k, x in enumerate(lines) if x.strip().startswith(("```", "~~~"))), default=-1)
    for i, raw in enumerate(lines):
        line = raw.strip()
        if fence is not None:
            if line.startswith(("```", "~~~")):
                if any(x.strip() for x in fence):
                    blocks.append(DumpLine("\n".join(fence).strip("\n"), BlockKind.CODE, tag="line"))
                fence = None
            else:
                fence.append(raw.rstrip())
            continue
        if _FENCE.match(line) and last_fence > i:  # (a closing fence stands further down)
            fence = []
            continue
        share = markdown_link_share(line)  # measured before the links are unwrapped
        line = inline_images_out(strip_inline_markup(_table_row(line))).strip()
        if line:
            block = _line_candidate(line)
            block.link_density = share
            if isinstance(block, DumpLine):
                block.columns = _line_columns(raw.strip())
            blocks.append(block)
    return blocks


# East Asian wide and full-width characters: two columns each in a terminal.
_WIDE = lazy("[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
             "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]")


def display_columns(text: str) -> int:
    # (the app's rich.cells.cell_len gives the same widths, but importing it would put
    # ~9 ms on `reader clean`'s start-up path; this class compiles on first use, ~3 ms)
    return len(text) + len(_WIDE.findall(text))


def _line_columns(line: str) -> int:
    """A dump line's display width, where it can tell a wrap: a line shorter than
    `S.wrap_probe_chars` is never a cut one (0), and one longer than
    `S.wrap_line_max_chars` never is either (measured as if all wide)."""
    if len(line) < S.wrap_probe_chars:
        return 0
    return 2 * len(line) if len(line) > S.wrap_line_max_chars else display_columns(line)


def _wrap_width(blocks: list[Candidate]) -> int | None:
    """The display width a hard-wrapped dump was cut at (a text browser's dump: w3m,
    lynx), or None.  A dump is wrapped when several lines of prose stand at one widest
    width; an unwrapped dump's widest line is one long paragraph of its own (two at
    most share it in every dump we hold).  (A wrapper counting characters, textwrap's,
    cannot cut Chinese text: it has no spaces.)"""
    lines = [b for b in blocks if isinstance(b, DumpLine) and b.kind is BlockKind.PARAGRAPH]
    if not lines:
        return None
    widest = max(b.columns for b in lines)
    # (what a wrapper cuts is prose, marks inside: a list of phrases or titles of one
    # width, a blog written with spaces for commas, was never cut)
    full = sum(b.columns >= widest - S.wrap_slack and punct_count(b.text) > 0 for b in lines)
    return widest if widest >= S.wrap_width_min and full >= S.wrap_lines_min else None


def _first_unit(text: str) -> int:
    """The width of what the wrapper would have had to fit on the line above: the next
    line's first Latin word (with its space), or its first character."""
    m = _FIRST_WORD.match(text)
    return len(m.group(0)) + 1 if m else display_columns(text[:1])


_FIRST_WORD = lazy(r"[!-~]+")


def _wrapped_on(prev: Candidate, nxt: Candidate, wrap: int | None) -> bool:
    """Was `nxt` the rest of `prev`'s paragraph, cut by the dump's wrapper?  A greedy
    wrapper breaks a line only where the next word or character did not fit, so a
    paragraph's last line leaves room for it and a cut one does not."""
    if wrap is None or not isinstance(prev, DumpLine) or not isinstance(nxt, DumpLine):
        return False
    if prev.kind is not BlockKind.PARAGRAPH or nxt.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
        return False
    if _DATED.match(nxt.text):
        return False  # (as in `_continues`)
    if _IMAGE_ONLY.match(nxt.text):
        return False  # a picture's mark is a line of its own, never the rest of a sentence
    # (a cut line is nearly full: one with more room left was a paragraph's last)
    return prev.columns >= wrap - S.wrap_room_max and prev.columns + _first_unit(nxt.text) > wrap



# A full stop somewhere in a joined line: what a broken sentence has and a column of
# titles ("…不仅仅是脑残可以解释的" / "你们语音控制算神马，…手势控制！") does not.
_FULL_STOP = lazy(r"[。．；;]|\.(?:\s|$)")


def titles_run_together(cand: Candidate) -> bool:
    """A line joined from dump lines that were each a title (short, no full stop in
    any): a list's headlines that only looked like one broken sentence."""
    parts = getattr(cand, "parts", ())
    return len(parts) > 1 and not _FULL_STOP.search(cand.text) and all(is_headline_like(x) for x in parts)


def segment_text(text: str) -> list[Candidate]:
    blocks = _blocks(text)
    wrap = _wrap_width(blocks)
    out: list[Candidate] = []
    prev: Candidate | None = None  # the dump's line above (out[-1] may hold several joined)
    for block in blocks:
        if out and (_continues(out[-1], block) or prev is not None and _wrapped_on(prev, block, wrap)):
            joined = out[-1]
            joiner = " " if joined.text[-1:].isascii() and block.text[:1].isascii() else ""
            if isinstance(joined, DumpLine):
                joined.parts = (joined.parts or (joined.text,)) + (block.text,)
            joined.text = joined.text + joiner + block.text
        else:
            out.append(block)
        prev = block
    return out
