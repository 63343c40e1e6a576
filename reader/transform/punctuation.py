"""ASCII punctuation in Chinese text → fullwidth (`reader clean --punctuation fullwidth`).

Scraped Chinese often has ``阿里巴巴:Make`` or ``2025年,阿里``.  In Chinese context
``, : ; ? !`` become ``，：；？！`` and ``( )`` become ``（ ）``:

- ``, : ; ? !`` are converted when the nearest non-space character before or after
  them is Chinese (a Han character or fullwidth/CJK punctuation, including one just
  converted, so ``吗?!`` → ``吗？！``);
- a pair ``( … )`` is converted when its content contains Han characters or a Han
  character stands right before it (``人工智能(AI)`` → ``人工智能（AI）``); an
  unpaired parenthesis when a Han character touches it;
- spaces on the outer side of a converted mark are dropped (fullwidth marks carry
  their own spacing): ``阿里, 腾讯`` → ``阿里，腾讯``.

Never touched: URLs and e-mail addresses, numbers like ``1,000`` and times like
``17:30`` (a ``,`` or ``:`` between two digits), and Latin phrases with no Chinese
neighbour (``Make Alibaba Great Again, ok``; ``f(x)``).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.model import Article

_URL = re.compile(
    r"(?:(?:https?|ftp)://|www\.)[^\s<>\"'\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]+"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
)
_URL_TRAILING = ".,;:!?)"
_SIMPLE = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_PARENS = {"(": "（", ")": "）"}
_SPACES = " \t"


def _is_han(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x323AF


def _is_chinese(ch: str) -> bool:
    o = ord(ch)
    return _is_han(ch) or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or ch in "“”‘’…—·"


def _protected(text: str) -> list[tuple[int, int]]:
    ranges = []
    for m in _URL.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in _URL_TRAILING:
            end -= 1
        ranges.append((m.start(), end))
    return ranges


def fullwidth_punctuation(text: str) -> str:
    if not any(ch in text for ch in ",:;?!()"):
        return text
    chars = list(text)
    n = len(chars)
    frozen = [False] * n
    for start, end in _protected(text):
        for i in range(start, end):
            frozen[i] = True
    converted = [False] * n

    def neighbour(i: int, step: int) -> str:
        j = i + step
        while 0 <= j < n and chars[j] in _SPACES:
            j += step
        return chars[j] if 0 <= j < n else ""

    # Parentheses: pair them up first (no nesting across lines).
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    singles: list[int] = []
    for i, ch in enumerate(chars):
        if frozen[i]:
            continue
        if ch == "\n":
            singles.extend(stack)
            stack = []
        elif ch == "(":
            stack.append(i)
        elif ch == ")":
            if stack:
                pairs.append((stack.pop(), i))
            else:
                singles.append(i)
    singles.extend(stack)
    for left, right in pairs:
        inner = text[left + 1 : right]
        before = neighbour(left, -1)
        if any(_is_han(c) for c in inner) or (before and _is_han(before)):
            converted[left] = converted[right] = True
    for i in singles:
        if (i > 0 and _is_han(chars[i - 1])) or (i + 1 < n and _is_han(chars[i + 1])):
            converted[i] = True
    for i in range(n):
        if converted[i]:
            chars[i] = _PARENS[chars[i]]

    # , : ; ? ! left to right, so a mark just converted is Chinese context for the next.
    for i, ch in enumerate(chars):
        if ch not in _SIMPLE or frozen[i]:
            continue
        if ch in ",:" and 0 < i < n - 1 and chars[i - 1].isdigit() and chars[i + 1].isdigit():
            continue  # 1,000  17:30
        before, after = neighbour(i, -1), neighbour(i, 1)
        if (before and _is_chinese(before)) or (after and _is_chinese(after)):
            chars[i] = _SIMPLE[ch]
            converted[i] = True

    # Drop spaces on the outer side of converted marks.
    drop = [False] * n
    for i in range(n):
        if not converted[i]:
            continue
        mark = chars[i]
        if mark != "（":  # spaces after ，：；？！）
            j = i + 1
            while j < n and chars[j] in _SPACES and not frozen[j]:
                drop[j] = True
                j += 1
        if mark != "）":  # spaces before （，：；？！
            j = i - 1
            while j >= 0 and chars[j] in _SPACES and not frozen[j]:
                drop[j] = True
                j -= 1
    return "".join(ch for ch, d in zip(chars, drop) if not d)


def fullwidth_article(article: "Article") -> "Article":
    """The article with `fullwidth_punctuation` applied to its title and blocks
    (code blocks are left alone: their punctuation is syntax)."""
    from reader.model import Block, BlockKind

    return article.with_changes(
        title=fullwidth_punctuation(article.title),
        blocks=tuple(b if b.kind is BlockKind.CODE else Block(b.kind, fullwidth_punctuation(b.text)) for b in article.blocks),
    )
