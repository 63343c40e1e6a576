"""Where a text is Simplified and where Traditional, clause by clause.

A mixed page (typically a crude machine conversion, or a Traditional article quoting
a Simplified one) is cut into clauses at ，。！？；： and line breaks.  Each clause is
weighed with the same character evidence as `script.detect_script`; the heavier side
names it.  A clause with no evidence (all 中, 人, numbers) belongs to the clause
before it on its line (or, at the start of a line, to the first decided one after
it; a line with no evidence goes with the line before).  Consecutive clauses of one script
make a `Run`.

Inside a run, single characters of the other script can still stand (阿里云 in a
Traditional clause of a half-converted page): `strays` finds those that are real
evidence (weight ≥ 0.5, so not the 台 / 峰 that Taiwan writes too).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from reader.model import Script

_CLAUSE_END = re.compile(r"[，。！？；：,;!?\n]+")
STRAY_WEIGHT = 0.5


@dataclass(frozen=True)
class Run:
    start: int
    end: int  # exclusive
    script: Script  # SIMPLIFIED, TRADITIONAL, or UNKNOWN (no evidence in the whole text)


def runs(text: str) -> list[Run]:
    """The text cut into maximal runs of one script (they cover it, in order)."""
    if not text:
        return []
    from reader.transform.script import evidence_pattern, weights

    simplified, traditional = weights()
    ends = [m.end() for m in _CLAUSE_END.finditer(text)]
    if not ends or ends[-1] != len(text):
        ends.append(len(text))
    scores = [[0.0, 0.0] for _ in ends]
    k = 0
    for m in evidence_pattern().finditer(text):
        pos = m.start()
        while ends[k] <= pos:
            k += 1
        ch = m.group()
        if ch in simplified:
            scores[k][0] += simplified[ch]
        elif ch in traditional:
            scores[k][1] += traditional[ch]
    kinds: list[Script | None] = [
        Script.SIMPLIFIED if s > t else Script.TRADITIONAL if t > s else None for s, t in scores
    ]
    _fill_neutral(kinds, [text[end - 1] == "\n" for end in ends])
    out: list[Run] = []
    start, current, previous_end = 0, kinds[0], 0
    for end, kind in zip(ends, kinds):
        if kind is not None and kind is not current:
            out.append(Run(start, previous_end, current))
            start, current = previous_end, kind
        previous_end = end
    out.append(Run(start, len(text), current))
    return [r for r in out if r.end > r.start]


def _fill_neutral(kinds: list[Script | None], line_ends: list[bool]) -> None:
    """Give each clause without evidence a script, in place: the decided clause before
    it on the same line, else the first one after it on that line, else the line
    before, else the first decided clause of the text (UNKNOWN if there is none)."""
    first = next((kind for kind in kinds if kind is not None), Script.UNKNOWN)
    previous = first
    line_start = 0
    for i, (kind, ends_line) in enumerate(zip(kinds, line_ends)):
        if ends_line or i == len(kinds) - 1:
            line = kinds[line_start : i + 1]
            decided = [k for k in line if k is not None]
            current = decided[0] if decided else previous
            for j in range(line_start, i + 1):
                if kinds[j] is None:
                    kinds[j] = current
                else:
                    current = kinds[j]
            previous = current
            line_start = i + 1


@functools.lru_cache(maxsize=2)
def _stray_chars(script: Script) -> tuple[frozenset[str], re.Pattern[str] | None]:
    from reader.transform.chartables import char_class
    from reader.transform.script import weights

    simplified, traditional = weights()
    table = simplified if script is Script.SIMPLIFIED else traditional
    chars = frozenset(c for c, w in table.items() if w >= STRAY_WEIGHT)
    return chars, (re.compile(char_class(chars)) if chars else None)


def strays(text: str, script: Script) -> list[int]:
    """Offsets of characters that are clear evidence of `script` (SIMPLIFIED or
    TRADITIONAL) in `text`."""
    chars, pattern = _stray_chars(script)
    return [m.start() for m in pattern.finditer(text) if m.group() in chars] if pattern else []
