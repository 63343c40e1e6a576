"""CJK-aware line breaking for terminals (used by `reader clean --width` and the app;
Rich only breaks at spaces, which is useless for Chinese).

Rules:
- widths are terminal cells: East Asian Wide/Fullwidth characters take 2 cells,
  combining and zero-width characters 0, everything else 1;
- a line may break between any two wide (CJK) characters, between a wide character
  and a Latin word, and at spaces; Latin words and numbers (any run of narrow
  non-space characters, e.g. ``Alibaba``, ``3,800``, ``https://a.cn/x``) are not split;
- no line starts with closing punctuation (，。、；：？！）」』”’》〉】… and ASCII
  ``, . ; : ? ! ) ] }``) and no line ends with opening punctuation (（「『“‘《〈【 and
  ASCII ``( [ {``): such characters stay glued to their neighbour;
- every line fits in `width` cells.  Only a piece that cannot be broken and is wider
  than the line on its own (a long URL, or a glued chain like ``“阿”。`` at a tiny
  width) is force-split, and there the punctuation rules may give way.

Invariant (tested): for a text without newlines, `wrap` drops exactly the whitespace
at break points and at the end of the text, nothing else:
``text.rstrip() == s0 + lines[0] + s1 + lines[1] + … + s(n-1) + lines[n-1]`` where
every ``s_i`` is a (possibly empty) run of whitespace; ``s0`` (the paragraph's
indent) is empty unless the indent does not fit on a line with the first
unbreakable piece.  No
line ends with whitespace and no line after the first starts with it.  Newlines in the text are hard breaks: each
line of the text is wrapped on its own (an empty one gives an empty line).
"""
from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

# No line may start with these.
CLOSING = frozenset("，。、；：？！）」』”’》〉】〕〗｝］｠…‥・·〃々〜～％‰℃,.;:?!)]}")
# No line may end with these.
OPENING = frozenset("（「『“‘《〈【〔〖｛［｟([{")


@functools.lru_cache(maxsize=8192)
def char_width(ch: str) -> int:
    """Cells one character takes in a terminal: 0, 1 or 2."""
    if ch == "\t":
        return 1  # callers should expand tabs; count one cell like a space
    category = unicodedata.category(ch)
    if category in ("Mn", "Me", "Cf", "Cc") or unicodedata.combining(ch):
        return 0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2
    return 1


def cell_width(s: str) -> int:
    """Terminal cells `s` takes (no newlines expected)."""
    return sum(char_width(ch) for ch in s)


@dataclass
class _Atom:
    text: str
    width: int
    space: bool


def _atoms(text: str) -> list[_Atom]:
    """Spaces runs, single wide characters, and runs of narrow non-space characters;
    zero-width characters stick to what precedes them."""
    atoms: list[_Atom] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        w = char_width(ch)
        j = i + 1
        if ch.isspace():
            while j < n and text[j].isspace():
                w += char_width(text[j])
                j += 1
            atoms.append(_Atom(text[i:j], w, True))
        elif w == 2:
            while j < n and char_width(text[j]) == 0 and not text[j].isspace():
                j += 1
            atoms.append(_Atom(text[i:j], 2, False))
        else:
            while j < n and not text[j].isspace() and char_width(text[j]) < 2:
                w += char_width(text[j])
                j += 1
            atoms.append(_Atom(text[i:j], w, False))
        i = j
    return atoms


def _may_break(before: _Atom, after: _Atom) -> bool:
    return before.text[-1] not in OPENING and after.text[0] not in CLOSING


@dataclass
class _Segment:
    space: str  # whitespace before it (dropped if the segment starts a line)
    space_width: int
    atoms: list[_Atom]
    width: int

    @property
    def text(self) -> str:
        return "".join(a.text for a in self.atoms)


def segments(text: str) -> list[tuple[str, str]]:
    """The unbreakable pieces of a one-line text as (whitespace before, piece).

    Public for tests: when every piece fits the width, `wrap` obeys all the
    punctuation rules."""
    return [(s.space, s.text) for s in _segments(text)]


def _segments(text: str) -> list[_Segment]:
    segs: list[_Segment] = []
    pending: list[_Atom] = []  # spaces since the last non-space atom
    previous: _Atom | None = None
    for atom in _atoms(text):
        if atom.space:
            pending.append(atom)
            continue
        if previous is not None and not _may_break(previous, atom):
            seg = segs[-1]
            seg.atoms.extend(pending)
            seg.atoms.append(atom)
            seg.width += sum(a.width for a in pending) + atom.width
        else:
            space = "".join(a.text for a in pending)
            segs.append(_Segment(space, sum(a.width for a in pending), [atom], atom.width))
        pending = []
        previous = atom
    return segs


def _graphemes(atom: _Atom) -> list[tuple[str, int]]:
    """Characters with their zero-width followers."""
    out: list[tuple[str, int]] = []
    for ch in atom.text:
        w = char_width(ch)
        if out and w == 0:
            out[-1] = (out[-1][0] + ch, out[-1][1])
        else:
            out.append((ch, w))
    return out


def _force(atoms: list[_Atom], width: int) -> list[str]:
    """Split an unbreakable piece wider than `width`: between atoms where possible,
    inside an atom when it alone is too wide.  Spaces at the splits are dropped."""
    lines: list[str] = []
    cur, cur_w = "", 0
    pending, pending_w = "", 0  # spaces waiting for the next atom
    for atom in atoms:
        if atom.space:
            pending += atom.text
            pending_w += atom.width
            continue
        if cur and cur_w + pending_w + atom.width <= width:
            cur += pending + atom.text
            cur_w += pending_w + atom.width
            pending, pending_w = "", 0
            continue
        pending, pending_w = "", 0  # a split here: the spaces go
        if cur:
            lines.append(cur)
            cur, cur_w = "", 0
        if atom.width <= width:
            cur, cur_w = atom.text, atom.width
            continue
        for g, w in _graphemes(atom):
            if cur and cur_w + w > width:
                lines.append(cur)
                cur, cur_w = "", 0
            cur += g
            cur_w += w
    if cur:
        lines.append(cur)
    return lines


def _wrap_line(text: str, width: int) -> list[str]:
    segs = _segments(text)
    if not segs:
        return [""]
    lines: list[str] = []
    cur: list[str] = []
    cur_w = 0
    for index, seg in enumerate(segs):
        leading = index == 0  # the paragraph's own indent is kept
        if cur and cur_w + seg.space_width + seg.width <= width:
            cur += [seg.space, seg.text]
            cur_w += seg.space_width + seg.width
            continue
        if cur:
            lines.append("".join(cur))
            cur, cur_w = [], 0
        first_w = seg.width + (seg.space_width if leading else 0)
        if first_w <= width:
            cur = [seg.space, seg.text] if leading else [seg.text]
            cur_w = first_w
            continue
        pieces = _force(seg.atoms, width)  # the indent, if any, is dropped
        lines.extend(pieces[:-1])
        cur = [pieces[-1]]
        cur_w = cell_width(pieces[-1])
    if cur:
        lines.append("".join(cur))
    return lines


def wrap(text: str, width: int) -> list[str]:
    """Break `text` into lines of at most `width` terminal cells (see module doc)."""
    if width < 1:
        raise ValueError(f"width must be at least 1, not {width}")
    lines: list[str] = []
    for part in text.split("\n"):
        lines.extend(_wrap_line(part, width))
    return lines


def wrapper(width: int):
    """`wrap` with the width bound, for `render.to_text(wrap=...)`."""
    if width < 1:
        raise ValueError(f"width must be at least 1, not {width}")
    return functools.partial(wrap, width=width)
