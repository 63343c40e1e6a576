"""CJK-aware line breaking for terminals (used by `reader clean --width` and the app;
Rich only breaks at spaces, which is useless for Chinese).

Rules:
- widths are terminal cells as Rich counts them (`rich.cells`, what the app draws
  with), so the CLI and the app break lines alike: CJK 2 cells, combining and
  zero-width characters 0, an emoji ZWJ sequence such as 👨‍👩‍👧 one 2-cell grapheme,
  ❤️ (with VS16) 2;
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
import re

# No line may start with these.
CLOSING = frozenset("，。、；：？！）」』”’》〉】〕〗｝］｠…‥・·〃々〜～％‰℃,.;:?!)]}")
# No line may end with these.
OPENING = frozenset("（「『“‘《〈【〔〖｛［｟([{")

_SPACE, _WIDE, _NARROW = 0, 1, 2
_JOINERS = ("\u200d", "\ufe0f")  # ZWJ and VS16: only Rich's grapheme walk measures these


def char_width(ch: str) -> int:
    """Cells one character takes (Rich's `get_character_cell_size`): 0, 1 or 2."""
    from rich.cells import get_character_cell_size

    return get_character_cell_size(ch)


def cell_width(s: str) -> int:
    """Terminal cells `s` takes (Rich's `cell_len`; no newlines expected)."""
    from rich.cells import cell_len

    return cell_len(s)


def _ranges(width: int) -> str:
    from rich._unicode_data import load

    parts = []
    for start, end, w in load("auto").widths:
        if w == width:
            parts.append(f"\\U{start:08x}-\\U{end:08x}" if end > start else f"\\U{start:08x}")
    return "".join(parts)


@functools.lru_cache(maxsize=1)
def _atom_pattern() -> re.Pattern[str]:
    """Space runs | a wide character with its zero-width followers | a narrow run."""
    wide, zero = _ranges(2), _ranges(0) + "\\x00-\\x1f\\x7f-\\x9f"
    return re.compile(rf"(\s+)|([{wide}](?:(?!\s)[{zero}])*)|([^\s{wide}]+)")


def _atoms(text: str) -> list[tuple[str, int, int]]:
    """(text, cells, kind) for space runs, single wide graphemes and runs of narrow
    non-space graphemes; zero-width characters stick to what precedes them."""
    from rich.cells import cell_len

    if any(j in text for j in _JOINERS):
        return _grapheme_atoms(text)
    out = []
    for m in _atom_pattern().finditer(text):
        kind = m.lastindex - 1
        s = m.group()
        out.append((s, 2 if kind == _WIDE else cell_len(s), kind))
    return out


def _grapheme_atoms(text: str) -> list[tuple[str, int, int]]:
    """`_atoms` from Rich's own grapheme walk (emoji ZWJ sequences, VS16)."""
    from rich.cells import cell_len, split_graphemes

    out: list[tuple[str, int, int]] = []
    for chunk in re.finditer(r"\s+|\S+", text):
        g_text = chunk.group()
        if g_text[0].isspace():
            out.append((g_text, cell_len(g_text), _SPACE))
            continue
        spans, _ = split_graphemes(g_text)
        for start, end, _w in spans:
            g = g_text[start:end]
            w = cell_len(g)  # (split_graphemes gives 0 to 阿 after a stray ZWJ, cell_len 2)
            kind = _WIDE if w == 2 else _NARROW
            previous = out[-1] if out and out[-1][2] != _SPACE else None
            if previous and (w == 0 or kind == _NARROW == previous[2]):
                out[-1] = (previous[0] + g, previous[1] + w, previous[2])  # zero-width sticks; narrow runs grow
            else:
                out.append((g, w, kind))
    return out


def segments(text: str) -> list[tuple[str, str]]:
    """The unbreakable pieces of a one-line text as (whitespace before, piece).

    Public for tests: when every piece fits the width, `wrap` obeys all the
    punctuation rules."""
    atoms = _atoms(text)
    return [(space, "".join(a[0] for a in atoms[i:j])) for space, _, _, i, j in _segments(atoms)]


def _segments(atoms: list[tuple[str, int, int]]) -> list[tuple[str, int, int, int, int]]:
    """(space before, its cells, cells, first atom, end atom) per unbreakable piece;
    the piece's own atoms include the spaces glued inside it."""
    segs: list[list] = []
    pending, pending_w = "", 0
    previous_last = ""
    for index, (s, w, kind) in enumerate(atoms):
        if kind == _SPACE:
            pending += s
            pending_w += w
            continue
        if segs and (previous_last in OPENING or s[0] in CLOSING):
            seg = segs[-1]
            seg[2] += pending_w + w
            seg[4] = index + 1
        else:
            segs.append([pending, pending_w, w, index, index + 1])
        pending, pending_w = "", 0
        previous_last = s[-1]
    return [tuple(seg) for seg in segs]  # type: ignore[misc]


def _graphemes(atom: tuple[str, int, int]) -> list[tuple[str, int]]:
    """The atom's graphemes with their cells (Rich's grapheme walk)."""
    from rich.cells import split_graphemes

    from rich.cells import cell_len

    text = atom[0]
    spans, _ = split_graphemes(text)
    return [(text[a:b], cell_len(text[a:b])) for a, b, _w in spans]


def _force(atoms: list[tuple[str, int, int]], width: int) -> list[str]:
    """Split an unbreakable piece wider than `width`: between atoms where possible,
    inside an atom when it alone is too wide.  Spaces at the splits are dropped."""
    lines: list[str] = []
    cur, cur_w = "", 0
    pending, pending_w = "", 0  # spaces waiting for the next atom
    for atom in atoms:
        text, w, kind = atom
        if kind == _SPACE:
            pending += text
            pending_w += w
            continue
        if cur and cur_w + pending_w + w <= width:
            cur += pending + text
            cur_w += pending_w + w
            pending, pending_w = "", 0
            continue
        pending, pending_w = "", 0  # a split here: the spaces go
        if cur:
            lines.append(cur)
            cur, cur_w = "", 0
        if w <= width:
            cur, cur_w = text, w
            continue
        for g, gw in _graphemes(atom):
            if cur and cell_width(cur + g) > width:  # measured whole, as Rich does with joiners
                lines.append(cur)
                cur, cur_w = "", 0
            cur += g
            cur_w = cell_width(cur)
    if cur:
        lines.append(cur)
    return lines


def _wrap_line(text: str, width: int) -> list[str]:
    atoms = _atoms(text)
    segs = _segments(atoms)
    if not segs:
        return [""]
    # With joiners, Rich measures a line as a whole (a VS16 widens the last character
    # it measured, even across a tab), so a line's width is not the sum of its pieces'.
    exact = any(j in text for j in _JOINERS)
    lines: list[str] = []
    cur: list[str] = []
    cur_w = 0
    first = True
    for space, space_w, w, i, j in segs:
        piece = atoms[i][0] if j == i + 1 else "".join(a[0] for a in atoms[i:j])
        grown = cell_width("".join(cur) + space + piece) if exact and cur else cur_w + space_w + w
        if cur and grown <= width:
            cur.append(space)
            cur.append(piece)
            cur_w = grown
            first = False
            continue
        if cur:
            lines.append("".join(cur))
            cur, cur_w = [], 0
        first_w = w + (space_w if first else 0)  # the paragraph's own indent is kept
        if exact:
            first_w = cell_width(space + piece if first else piece)
        if first_w <= width:
            cur = [space, piece] if first else [piece]
            cur_w = first_w
        else:
            pieces = _force(atoms[i:j], width)  # the indent, if any, is dropped
            lines.extend(pieces[:-1])
            cur = [pieces[-1]]
            cur_w = cell_width(pieces[-1])
        first = False
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
