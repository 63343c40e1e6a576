"""Which script a page is written in: Simplified, Traditional, a mix, or unknown.

A Han character that OpenCC's t2s changes is a Traditional-only form (集團 → 集团);
one that s2t changes is a Simplified-only form (阿里云 → 阿里雲).  Characters that
both change (variants like 麽) or neither (中, 人) say nothing.  The conversion is
done on the whole text so phrase dictionaries resolve the ambiguous ones (皇后 stays
皇后 under s2t, 乾隆 stays 乾隆 under t2s).

A page with a real share of both kinds is MIXED: typically a crude machine
conversion that left 云, 后, 于 beside 集團 and 長.  Too little Han text is UNKNOWN.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from reader.model import Script, ScriptInfo

MIN_HAN = 8  # fewer Han characters than this: UNKNOWN
MIN_EVIDENCE = 2  # fewer distinguishing characters than this: UNKNOWN
MIXED_SHARE = 0.04  # the minority script's share of the evidence that makes a page MIXED
MIXED_MIN = 4  # ... and at least this many minority characters (weighted)
FULL_EVIDENCE = 12  # evidence at which confidence stops growing

# Simplified-only forms (by OpenCC s2t) that are ordinary in real Traditional
# writing too, especially in Taiwan: 台灣, 才, 周末, 山峰, 吃飯 … They count little.
_WEAK_SIMPLIFIED = frozenset("台才周峰床吃彩群借制布占征余游冲杰咸")
_WEAK = 0.25

_LABELS = {
    Script.SIMPLIFIED: "简",
    Script.TRADITIONAL: "繁",
    Script.MIXED: "混",
    Script.UNKNOWN: "?",
}


def is_han(ch: str) -> bool:
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x323AF
    )


@dataclass(frozen=True)
class Counts:
    han: int
    simplified: float  # weighted count of Simplified-only forms
    traditional: float  # count of Traditional-only forms


@functools.lru_cache(maxsize=1)
def _char_tables() -> tuple[dict[str, str], dict[str, str]]:
    """Character-level s2t and t2s maps (1:1 only) for the BMP Han blocks."""
    from reader.transform.convert import converter

    chars = [chr(c) for r in ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00)) for c in range(*r)]
    joined = "\n".join(chars)
    tables = []
    for config in ("s2t", "t2s"):
        out = converter(config)(joined).split("\n")
        table = {}
        if len(out) == len(chars):
            table = {a: b for a, b in zip(chars, out) if a != b and len(b) == 1}
        tables.append(table)
    return tables[0], tables[1]


def s2t_char_table() -> dict[str, str]:
    return _char_tables()[0]


def t2s_char_table() -> dict[str, str]:
    return _char_tables()[1]


def _aligned(text: str, config: str, table_index: int) -> str:
    """`text` converted, with the same length (char-level fallback if phrases change it)."""
    from reader.transform.convert import converter

    out = converter(config)(text)
    if len(out) == len(text):
        return out
    table = _char_tables()[table_index]
    return "".join(table.get(ch, ch) for ch in text)


def count(text: str) -> Counts:
    han = sum(1 for ch in text if is_han(ch))
    if not han:
        return Counts(0, 0.0, 0.0)
    as_trad = _aligned(text, "s2t", 0)
    as_simp = _aligned(text, "t2s", 1)
    simp = trad = 0.0
    for ch, t, s in zip(text, as_trad, as_simp):
        if t != ch and s == ch:
            simp += _WEAK if ch in _WEAK_SIMPLIFIED else 1.0
        elif s != ch and t == ch:
            trad += 1.0
    return Counts(han, simp, trad)


def _round(x: float) -> float:
    return round(min(1.0, max(0.0, x)), 3)


def classify(counts: Counts, expect: Script | None = None) -> ScriptInfo:
    """ScriptInfo from the counts; `expect` forces the script (after a conversion)."""
    simp, trad = counts.simplified, counts.traditional
    evidence = simp + trad
    amount = min(1.0, evidence / FULL_EVIDENCE)
    if expect in (Script.SIMPLIFIED, Script.TRADITIONAL):
        own = simp if expect is Script.SIMPLIFIED else trad
        conf = (own / evidence) * amount if evidence else 0.0
        return ScriptInfo(expect, _round(conf))
    if counts.han < MIN_HAN or evidence < MIN_EVIDENCE:
        # No Han text, too little, or nothing that tells the scripts apart.
        return ScriptInfo(Script.UNKNOWN, 0.0)
    minority = min(simp, trad)
    share = minority / evidence
    if share >= MIXED_SHARE and minority >= MIXED_MIN:
        # How sure we are that it is a real mix: a larger share and more characters.
        conf = min(1.0, share / (2 * MIXED_SHARE)) * min(1.0, minority / (2 * MIXED_MIN))
        return ScriptInfo(Script.MIXED, _round(0.5 + 0.5 * conf))
    script = Script.SIMPLIFIED if simp > trad else Script.TRADITIONAL
    return ScriptInfo(script, _round((1 - share) * amount))


def detect_script(text: str) -> ScriptInfo:
    """Simplified / Traditional / Mixed / Unknown, with a confidence in 0..1."""
    return classify(count(text))


def script_info(text: str, expect: Script | None = None) -> ScriptInfo:
    """Like detect_script, but with `expect` the script is taken as given and only the
    confidence (how much of the evidence agrees) is measured."""
    return classify(count(text), expect)


def script_label(info: ScriptInfo | Script | None) -> str:
    """简 / 繁 / 混 / ? for compact UI."""
    if info is None:
        return "?"
    script = info.script if isinstance(info, ScriptInfo) else Script(info)
    return _LABELS[script]
