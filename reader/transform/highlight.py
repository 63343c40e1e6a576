"""Find search terms and keywords in displayed text, whatever the script.

Matching is done on a *fold* of the text: every character is mapped to one
character (so offsets in the fold are offsets in the text): Traditional → Simplified
with OpenCC's character table (only its 1:1 entries; 雲 → 云, 後 → 后), Latin
upper → lower case, fullwidth ASCII → ASCII.  Phrase-level conversions can change
length (s2twp turns 内存 into 記憶體), so they are never applied to the text; instead
each term is also tried in its converted forms (s2tw, s2twp, tw2sp …), each folded.
Only the configs that can fold the term differently are run (`variantkeys`: most
terms need no OpenCC at all, and loading its ten configs costs 90–190 ms).

So 云 finds 雲, 后 finds both 後 and 后, 内存 finds 記憶體 in a Taiwan page, and
`ai` finds `AI`.  A term that starts or ends with a Latin letter or digit only
matches at a word boundary on that side (`AI` does not match inside `MAIL`).
Spans are leftmost-longest, sorted and never overlap.  `count` counts a term in a
long text without folding it: each folded character is matched as the characters
that fold to it, so the matches are the same.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable

DEFAULT_STYLE = "\x1b[1;33m"  # bold yellow
RESET = "\x1b[0m"

# Conversions a term is also tried in (its folded forms are searched).
VARIANT_CONFIGS = ("s2t", "t2s", "s2tw", "s2twp", "s2hk", "tw2s", "tw2sp", "hk2s", "t2tw", "t2hk")


@dataclass(frozen=True)
class Span:
    start: int
    end: int  # exclusive
    term: str  # the term (as given) that matched


@functools.lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    from reader.transform.script import t2s_char_table

    table: dict[int, str] = {ord(a): b for a, b in t2s_char_table().items()}
    for code in list(range(0x41, 0x5B)) + list(range(0xC0, 0x250)) + list(range(0x370, 0x530)):
        ch = chr(code)
        low = ch.lower()
        if low != ch and len(low) == 1:
            table[code] = low
    for code in range(0xFF01, 0xFF5F):  # fullwidth ASCII
        table[code] = chr(code - 0xFEE0).lower()
    return table


def fold(text: str) -> str:
    """The length-preserving fold used for matching (see module doc)."""
    return text.translate(_fold_table())


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def variants(term: str) -> set[str]:
    """The folded forms a term is searched in: its own and its form under each of
    VARIANT_CONFIGS.  A config is run only when it can fold the term differently
    (`variantkeys`), so most terms need no OpenCC at all."""
    term = term.strip()
    if not term:
        return set()
    own = fold(term)
    from reader.transform.variantkeys import configs_changing

    needed = configs_changing(own, VARIANT_CONFIGS)
    if not needed:
        return {own}
    from reader.transform.convert import convert_text

    forms = {convert_text(term, config) for config in needed}
    return {own} | {fold(f) for f in forms if f.strip()}


@functools.lru_cache(maxsize=256)
def _compile(terms: tuple[str, ...]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    owner: dict[str, str] = {}
    for term in terms:
        for form in sorted(variants(term)):
            owner.setdefault(form, term.strip())
    if not owner:
        return None, owner
    alternatives = []
    for form in sorted(owner, key=lambda f: (-len(f), f)):
        pattern = re.escape(form)
        if _is_word_char(form[0]):
            pattern = r"(?<![0-9a-z])" + pattern
        if _is_word_char(form[-1]):
            pattern += r"(?![0-9a-z])"
        alternatives.append(pattern)
    return re.compile("|".join(alternatives)), owner


def find_spans(text: str, terms: Iterable[str]) -> list[Span]:
    """Where the terms occur in `text` (script- and case-insensitive), sorted,
    non-overlapping, leftmost-longest."""
    pattern, owner = _compile(tuple(dict.fromkeys(t for t in terms if t and t.strip())))
    if pattern is None or not text:
        return []
    folded = fold(text)
    return [Span(m.start(), m.end(), owner[m.group()]) for m in pattern.finditer(folded) if m.end() > m.start()]


@functools.lru_cache(maxsize=1)
def _preimages() -> dict[str, list[str]]:
    """Every character the fold turns into each character it writes (itself included
    when the fold leaves it)."""
    table = _fold_table()
    pre: dict[str, list[str]] = {}
    for code, out in table.items():
        pre.setdefault(out, []).append(chr(code))
    for out, chars in pre.items():
        if ord(out) not in table:
            chars.append(out)
    return pre


def _any_of(chars: Iterable[str]) -> str:
    """A regex for one of `chars`.  Characters outside the Basic Multilingual Plane
    are alternatives of their own: re tests a class that lists them one by one."""
    bmp = sorted(c for c in chars if ord(c) < 0x10000)
    parts = [re.escape(c) for c in sorted(c for c in chars if ord(c) >= 0x10000)]
    if bmp:
        parts.insert(0, re.escape(bmp[0]) if len(bmp) == 1 else "[" + "".join(map(re.escape, bmp)) + "]")
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def _unfolded(ch: str) -> str | None:
    """A regex for the characters the fold turns into `ch` (None: no character)."""
    pre = _preimages()
    if ch in pre:
        return _any_of(pre[ch])
    return None if ord(ch) in _fold_table() else re.escape(ch)


@functools.lru_cache(maxsize=1)
def _word_char_class() -> str:
    """The characters whose fold is an ASCII letter or digit (`[0-9a-z]` in the fold)."""
    pre = _preimages()
    chars = {c for ch in "0123456789abcdefghijklmnopqrstuvwxyz" for c in pre.get(ch, [ch])}
    return "[" + "".join(map(re.escape, sorted(chars))) + "]"


@functools.lru_cache(maxsize=256)
def _compile_unfolded(term: str) -> re.Pattern[str] | None:
    """`_compile((term,))`'s pattern rewritten to match the text itself: each folded
    character becomes the characters that fold to it, so the matches are the same
    without folding the text."""
    word = _word_char_class()
    alternatives = []
    for form in sorted(variants(term), key=lambda f: (-len(f), f)):
        parts = [_unfolded(ch) for ch in form]
        if None in parts:
            continue  # a character no fold writes: never in a folded text
        if _is_word_char(form[0]):
            # The boundary is checked after the first character, so re can still
            # scan for that character (a pattern opening with a look-behind is
            # tried at every position): no word character before it.
            parts[0] += f"(?<!{word}{parts[0]})"
        if _is_word_char(form[-1]):
            parts.append(f"(?!{word})")
        alternatives.append("".join(parts))
    return re.compile("|".join(alternatives)) if alternatives else None


def count(text: str, term: str) -> int:
    """How often `term` occurs in `text`, as find_spans counts (script- and
    case-insensitive, leftmost-longest), without folding the text: counting a
    page's keywords costs a scan per keyword instead of a fold of the whole page."""
    pattern = _compile_unfolded(term.strip()) if term and term.strip() else None
    return 0 if pattern is None or not text else len(pattern.findall(text))


def mark_ansi(text: str, spans: Iterable[Span], style: str = DEFAULT_STYLE) -> str:
    """`text` with `style` … reset around each span (sorted, non-overlapping)."""
    out: list[str] = []
    pos = 0
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        start, end = max(span.start, pos), min(span.end, len(text))
        if end <= start:
            continue
        out += [text[pos:start], style, text[start:end], RESET]
        pos = end
    out.append(text[pos:])
    return "".join(out)


def spans_for_lines(text: str, lines: list[str], spans: Iterable[Span]) -> list[list[Span]]:
    """Split paragraph spans over the lines `wrap` made of it (offsets per line).

    The lines must be the paragraph's text in order with only whitespace between
    them (the wrap invariant); a match broken over two lines is marked on both."""
    spans = sorted(spans, key=lambda s: s.start)
    out: list[list[Span]] = []
    pos = 0
    for line in lines:
        start = text.find(line, pos) if line else pos
        if start < 0:  # not from this text: nothing to mark
            out.append([])
            continue
        end = start + len(line)
        out.append(
            [Span(max(s.start, start) - start, min(s.end, end) - start, s.term) for s in spans if s.start < end and s.end > start]
        )
        pos = end
    return out


def mark_lines(text: str, lines: list[str], terms: Iterable[str], style: str = DEFAULT_STYLE) -> list[str]:
    """Wrapped lines of `text` with the terms marked (matched on the whole paragraph)."""
    spans = find_spans(text, terms)
    if not spans:
        return lines
    return [mark_ansi(line, line_spans, style) for line, line_spans in zip(lines, spans_for_lines(text, lines, spans))]
