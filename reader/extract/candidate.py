"""The unit the classifier works on, and the measurements it looks at.

Both extraction paths (HTML and text dumps) turn a page into a list of
`Candidate`s; the classifier then decides, block by block, what is article.
Lengths are counted in characters, not words: Chinese has no spaces.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.model import BlockKind
from reader.extract.fold import fold
from reader.extract.settings import SETTINGS as S
from reader.lazy_re import lazy

_HAN = lazy(r"[\u3400-\u9fff\uf900-\ufaff]")
# Content characters are letters and digits of any script (Han, Latin, kana,
# full-width ２０２４); written as Unicode categories, not code-point ranges, which
# `re` compiles by visiting every code point (about 1 ms a class at every start).
_WORDISH = lazy(r"[^\W_]")
_NOT_WORDISH = lazy(r"[\W_]+")  # one string, not a list per character
_SENTENCE_PUNCT = lazy(r"[，。；！？、,;]")
_TERMINAL = "。！？!?…；;」”’』)）】\"'."
# A line that stops on one of these stops mid-sentence (a clause goes on, or a verse).
CLAUSE_ENDS = ("，", "、", "；", ",", ";")
_NUMBERED = lazy(
    r"^\s*(?:[一二三四五六七八九十百]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．](?!\d)"
    r"|第[一二三四五六七八九十\d]+[章节部分篇]|[①②③④⑤⑥⑦⑧⑨⑩]|[A-Z][、.．](?![A-Z][.．])\s?)"
)


@dataclass
class Candidate:
    text: str
    kind: BlockKind = BlockKind.PARAGRAPH
    link_density: float = 0.0  # share of the block's characters inside links (HTML only)
    tag: str = ""  # where it came from: the HTML element, or "line" for dumps
    heading_level: int = 0  # <h1>..<h6>, 0 when not a heading element

    @property
    def length(self) -> int:
        return count_chars(self.text)


@dataclass(frozen=True)
class Pruned:
    """Text taken from the page before extraction (DOM furniture, a dump's header
    lines), with the reason.  Defined here, not in dom.py, so that text dumps never
    import the HTML modules."""

    text: str
    reason: str
    # The first content characters after it, to place it among the kept blocks.
    anchor: str = field(default="", compare=False)


def count_chars(text: str) -> int:
    """Characters that carry content: letters and digits (Han, Latin, kana, full-width…)."""
    return len(_NOT_WORDISH.sub("", text))


_WORDS = lazy(r"[^\W\d_]")  # a letter of any script


def has_words(text: str) -> bool:
    """Any letter at all (counters like "272" or "(1次)" have none)."""
    return bool(_WORDS.search(text))


def han_count(text: str) -> int:
    return len(_HAN.findall(text))


# Long runs of base64 ("iVBORw0KGgo…": an inline image's data a scraper kept as text,
# often cut into lines).
_BASE64_RUN = lazy(r"(?:data:[\w/+.-]+;base64,)?[A-Za-z0-9+/=]{%d,}" % S.encoded_run_chars)


def is_encoded(text: str) -> bool:
    """A line made mostly of base64 runs: data, never words."""
    data = sum(map(len, _BASE64_RUN.findall(text)))
    return data > 0 and data >= S.encoded_share * (len(text) - text.count(" "))


def punct_count(text: str) -> int:
    """Sentence punctuation: the signature of body prose (headline lists have none)."""
    return len(_SENTENCE_PUNCT.findall(text))


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in _TERMINAL


def ends_full_sentence(text: str) -> bool:
    """Ends with 。！？ (or ! ?), inside closing quotes or not: “…时乎不我待！”.  Stricter
    than `ends_sentence`, which also takes a closing quote or … as an end."""
    return text.rstrip().rstrip("”’」』\"')）)").endswith(("。", "！", "？", "!", "?"))


def is_numbered_heading(text: str) -> bool:
    return bool(_NUMBERED.match(fold(text[:S.numbered_probe_chars])))  # (第一節: matched on the fold)


def is_body_like(text: str) -> bool:
    """Prose: long enough, with sentence punctuation inside."""
    n, marks = count_chars(text), punct_count(text)
    return n >= S.prose_min_chars and marks >= S.prose_min_punct or n >= S.prose_long_chars and marks >= 1


def says_a_sentence(text: str) -> bool:
    """A short line that is still a sentence (a caption, a one-line paragraph): it
    has words, a mark inside or at its end, and is not a label (有料：)."""
    stripped = text.rstrip()
    return (count_chars(text) >= S.sentence_min_chars and not stripped.endswith(("：", ":"))
            and (punct_count(stripped[:-1]) >= 1 or ends_full_sentence(text)))


def is_headline_like(text: str) -> bool:
    """Short, no sentence-internal punctuation, not ending a sentence: a title or link."""
    n = count_chars(text)
    if not S.headline_min_chars <= n <= S.headline_max_chars or text.rstrip().endswith(("：", ":")):  # a lead-in
        return False
    inner = text.rstrip()[:-1]
    return punct_count(inner) <= S.headline_inner_punct and not text.rstrip().endswith("。")


def normalize(text: str) -> str:
    """Text reduced to its content characters, for comparing blocks."""
    return _NOT_WORDISH.sub("", text).lower()


_MENU_SEPARATORS = lazy(r"\s+|\s*[|｜]\s*")


def menu_line(text: str) -> bool:
    """A flattened menu: four or more short items on one line, no sentence punctuation
    (首页 资讯 视频 财经 娱乐).  Items are mostly two to four characters; a poem's
    phrases of five or seven are not (four-character verse is: callers only look
    outside an article's prose)."""
    bars = [t for t in re.split(r"\s*[|｜]\s*", text.strip()) if t]
    if len(bars) >= S.menu_min_items and not re.search(r"[。！？]", text) \
            and sorted(map(count_chars, bars))[len(bars) // 2] <= S.menu_bar_median:
        return True  # a footer's link bar: 自律公约|网络110报警服务|举报中心|总机：…
    if re.search(r"[，。；！？、：:]", text):
        return False
    items = [t for t in _MENU_SEPARATORS.split(text.strip()) if t]
    if len(items) < S.menu_min_items or 2 * sum(bool(_HAN.search(t)) for t in items) <= len(items):
        return False  # English words are short too: "not html at all" is no menu
    sizes = sorted(count_chars(t) for t in items)
    return sizes[-1] <= S.menu_item_max and sizes[len(sizes) // 2] <= S.menu_item_median
