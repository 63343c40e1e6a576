"""Scraper artifacts cleaned *inside* kept text.

Flatteners leave marks that are not content: 『』 around words that were links,
stray inline tags (`<strong>`), markdown image marks, zero-width characters, HTML
entities.  The wire-service end mark （完） glued to a last sentence is split off
(`split_end_mark`) so the caller can list it as removed.
"""
from __future__ import annotations

import re

from reader.extract import rules
from reader.extract.fold import fold
from reader.terminal import sanitize  # whole escape sequences, not just their ESC byte
from reader.lazy_re import lazy

_ZERO_WIDTH = lazy(r"[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]")
_INLINE_TAG = lazy(
    r"</?(?:strong|b|i|em|u|s|span|font|a|br|p|div|sup|sub|mark|small|big|code|img|section)\b[^<>]{0,300}>",
    re.I,
)
_MD_IMAGE = lazy(r"!\[[^\]\n]{0,200}\]\([^)\n]{0,500}\)")
# [text](url): the text may hold one level of brackets ([[3]](#cite_note-3)) or be empty
# ([](url), an icon link: nothing to read), the url anything up to its closing
# parenthesis (javascript: void 0;, topic/647/, a (b) c; an ad's tracking url runs long).
_MD_LINK = lazy(r"(?<!!)\[((?:[^\[\]\n]|\[[^\[\]\n]*\]){0,200})\]\([^()\n]{0,2000}(?:\([^()\n]*\)[^()\n]{0,500})*\)")
# [text](javascript:…): a bookmarklet's code holds parentheses of any depth (a share
# button's "(function(s,d,e,r,l,p,t,z,c){…})()"); it runs to the line's last ")".
_MD_SCRIPT_LINK = lazy(r"(?<!!)\[([^\[\]\n]{0,200})\]\(\s*javascript:[^\n]*\)", re.I)
# An image inlined as data (![](data:image/png;base64,iVBOR…)): thousands of characters
# of encoding, no text; the mark stays, the data goes.
_MD_DATA_URI = lazy(r"\]\(data:[^)\s]*\)")
# [![alt](src)](href): an image that links somewhere is an image mark.
_MD_IMAGE_LINK = lazy(r"\[(!\[[^\]\n]{0,200}\]\([^)\n]{0,500}\))\]\([^)\n]{0,500}\)")
_MD_STRONG = lazy(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
# [ _广告_ 通知…: a single mark around a few words, set off by spaces or brackets (never
# inside a word, snake_case, a*b*c, nor the _ of a title bar: 标题_站名_频道).
_MD_EMPHASIS = lazy(r"(?<![^\s\[(（])([_*])(?=[^\s_*])([^_*\n]{1,60}?)(?<=[^\s_*])\1(?![^\s\])）。，,.:：])")
# A wiki's section edit links, left in headings: 雄安新區[編輯].
EDIT_MARKS = lazy(rules.EDIT_MARK, re.I)
_LINK_MARK = lazy(r"『([^『』「」\n]{1,12})』")
_END_MARK = lazy(rules.END_MARK)
_SPACES = lazy(r"[ \t\u00a0\u3000]+")
_WORD = lazy(r"[^\W_]")


def strip_inline_markup(text: str) -> str:
    """Markup a flattener left inside a line: [text](url) links, **bold**, _emphasis_ and
    stray inline tags (<strong>…</strong>), which would otherwise count as text."""
    if "<" in text:
        text = _INLINE_TAG.sub("", text)
    if "](data:" in text:
        text = _MD_DATA_URI.sub("]()", text)
    if "](" in text:
        text = _MD_LINK.sub(r"\1", _MD_IMAGE_LINK.sub(r"\1", text))
        if "](" in text and "javascript:" in text.lower():  # (what the plain link pattern could not close)
            text = _MD_SCRIPT_LINK.sub(r"\1", text)
    if "[" in text:
        text = strip_edit_marks(text)
    if "**" in text or "__" in text:
        text = _MD_STRONG.sub(r"\2", text)
    if "_" in text or "*" in text:
        text = _MD_EMPHASIS.sub(r"\2", text)
    return text


def strip_edit_marks(text: str) -> str:
    """雄安新區[編輯] -> 雄安新區: a wiki's edit links, found on the folded text."""
    spans = [m.span() for m in EDIT_MARKS.finditer(fold(text))]
    for start, end in reversed(spans):
        text = text[:start] + text[end:]
    return text


def markdown_link_share(text: str) -> float:
    """The share of a line's content characters that sit inside [text](url) links."""
    if "](" not in text:
        return 0.0
    from reader.extract.candidate import count_chars

    text = _MD_IMAGE_LINK.sub(r"\1", text)
    # (a wiki's section edit link, "### 古代[[編輯](…)]", is no link of the heading's: it goes)
    links = [m.group(1) for m in _MD_LINK.finditer(text)]
    edits = sum(count_chars(t) for t in links if EDIT_MARKS.fullmatch(fold(f"[{t}]")))
    linked = sum(count_chars(t) for t in links) - edits
    total = count_chars(_MD_LINK.sub(r"\1", text)) - edits
    return linked / total if total else 0.0


def uses_link_marks(text: str) -> bool:
    """『』 as link marks: several short 『…』 spans and no 「」 quotes they could nest in."""
    return "「" not in text and len(_LINK_MARK.findall(text)) >= 2


def inline_images_out(text: str) -> str:
    """"![status](chrome-extension://…) 标题_站名" -> "标题_站名": a picture's mark inside
    a line of text is no part of what the line says (its url would count as words); a
    line that is only a mark keeps it (a picture's place in the article)."""
    if "![" not in text:
        return text
    rest = _SPACES.sub(" ", _MD_IMAGE.sub(" ", text)).strip()
    return rest if _WORD.search(rest) else text


def clean_removed(text: str) -> str:
    """Removed text is shown as it was (image marks included), minus control chars."""
    return _SPACES.sub(" ", sanitize(_ZERO_WIDTH.sub("", text))).strip()


def clean_code(text: str) -> str:
    """Preformatted text keeps its lines and indentation; only controls go."""
    text = sanitize(_ZERO_WIDTH.sub("", text.replace("\t", "    ")))
    return "\n".join(line.rstrip() for line in text.splitlines()).strip("\n")


def clean_inline(text: str, link_marks: bool = False) -> str:
    """Remove artifacts from one block of kept text."""
    text = sanitize(_ZERO_WIDTH.sub("", text))
    if "&" in text:
        import html  # only pages with entities left in their text pay for it

        text = html.unescape(text)
    text = _MD_IMAGE.sub("", text)
    text = _INLINE_TAG.sub("", text)
    if link_marks:
        text = _LINK_MARK.sub(r"\1", text)
    return _SPACES.sub(" ", text).strip()


def split_end_mark(text: str) -> tuple[str, str]:
    """"…焕发新活力。（完）" -> ("…焕发新活力。", "（完）")."""
    m = _END_MARK.search(text)
    return (text[: m.start()], m.group(0).strip()) if m else (text, "")
