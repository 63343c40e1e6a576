"""Corrections to OpenCC's phrase traps: places where a phrase entry matches across a
word boundary and rewrites two words into a wrong third (s2twp turns 部分区域 into
部分割槽域, because its 分区 → 分割槽 entry matches inside 部分|区域).

The table is data, `reader/data/opencc_corrections.tsv`, one trap per line::

    configs<TAB>phrase with | at the word boundary<TAB>expected output<TAB>reason

A correction does not rewrite OpenCC's output: it tells OpenCC where the words are.
Wherever the phrase occurs, the text is cut at the ``|`` and each side is converted on
its own, so no phrase can match across the boundary; the rest of the conversion is
OpenCC's.  `benchmarks/opencc_traps.py` is how the entries were found; a test checks
each entry gives its expected output.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Callable

DATA_FILE = "opencc_corrections.tsv"
CUT = "|"


@dataclass(frozen=True)
class Correction:
    configs: tuple[str, ...]  # the OpenCC configs that fall into the trap
    phrase: str  # the source text, without the cut marks
    cuts: tuple[int, ...]  # offsets in `phrase` where words meet
    expected: str  # what the corrected conversion gives
    reason: str


def _parse(line: str) -> Correction:
    configs, marked, expected, reason = line.split("\t")
    cuts, pos = [], 0
    for ch in marked:
        if ch == CUT:
            cuts.append(pos)
        else:
            pos += 1
    if not cuts:
        raise ValueError(f"correction {marked!r} has no {CUT!r} cut")
    return Correction(tuple(c.strip() for c in configs.split(",")), marked.replace(CUT, ""), tuple(cuts), expected, reason)


@functools.lru_cache(maxsize=1)
def table() -> tuple[Correction, ...]:
    text = resources.files("reader").joinpath("data", DATA_FILE).read_text(encoding="utf-8")
    return tuple(_parse(line) for line in text.splitlines() if line.strip() and not line.startswith("#"))


@functools.lru_cache(maxsize=None)
def _for(config: str) -> tuple[re.Pattern[str] | None, dict[str, tuple[int, ...]]]:
    cuts = {c.phrase: c.cuts for c in table() if config in c.configs}
    if not cuts:
        return None, cuts
    return re.compile("|".join(re.escape(p) for p in sorted(cuts, key=len, reverse=True))), cuts


def corrected(config: str, convert: Callable[[str], str]) -> Callable[[str], str]:
    """`convert` (OpenCC with `config`), cutting the text at the table's word
    boundaries first; `convert` itself when the table has nothing for `config`."""
    pattern, cuts = _for(config)
    if pattern is None:
        return convert

    def run(text: str) -> str:
        points: list[int] = []
        for m in pattern.finditer(text):
            points.extend(m.start() + c for c in cuts[m.group()])
        if not points:
            return convert(text)
        bounds = [0, *points, len(text)]
        return "".join(convert(text[a:b]) for a, b in zip(bounds, bounds[1:]) if b > a)

    return run
