"""Which script a page is written in: Simplified, Traditional, a mix, or unknown.

Each Han character is weighed as evidence by OpenCC's character dictionaries (see
`chartables`): 发 is Simplified-only, 發 Traditional-only; 云, 后, 于 count half
(Traditional writes them too in some words: 人云亦云, 皇后); characters both
scripts share (中, 人) or that OpenCC keeps by default (制, 才) say nothing.  Counting
is one regex pass over the text with tables loaded once, so detection never needs
OpenCC (the old way converted the whole text twice).

A page with a real share of both kinds is MIXED: typically a crude machine
conversion that left 云, 后, 于 beside 集團 and 長.  Too little Han text is UNKNOWN.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from reader.model import Script, ScriptInfo

MIN_HAN = 8  # fewer Han characters than this: UNKNOWN
MIN_EVIDENCE = 2  # fewer distinguishing characters than this: UNKNOWN
MIXED_SHARE = 0.04  # the minority script's share of the evidence that makes a page MIXED
MIXED_MIN = 4  # ... and at least this many minority characters (weighted)
FULL_EVIDENCE = 12  # evidence at which confidence stops growing

# Simplified forms that are ordinary in real Traditional writing too, especially in
# Taiwan (台灣, 周末, 山峰, 吃飯, 群組 …): they count little.
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
def weights() -> tuple[dict[str, float], dict[str, float]]:
    """Evidence weight of each Simplified-only and each Traditional-only form."""
    from reader.transform.chartables import tables

    t = tables()
    simplified = {c: (_WEAK if c in _WEAK_SIMPLIFIED else w) for c, w in t.simplified.items()}
    return simplified, dict(t.traditional)


@functools.lru_cache(maxsize=1)
def evidence_pattern() -> re.Pattern[str]:
    """Matches every character that is evidence of one script."""
    from reader.transform.chartables import char_class

    simplified, traditional = weights()
    return re.compile(char_class(set(simplified) | set(traditional)))


_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af]+")


def s2t_char_table() -> dict[str, str]:
    """OpenCC's default s2t form of each Simplified character it changes."""
    from reader.transform.chartables import tables

    return tables().s2t


def t2s_char_table() -> dict[str, str]:
    """What OpenCC's t2s does to each Traditional character on its own (1:1 only)."""
    from reader.transform.chartables import tables

    return tables().fold


def count(text: str) -> Counts:
    han = sum(map(len, _HAN_RUN.findall(text)))
    if not han:
        return Counts(0, 0.0, 0.0)
    simplified, traditional = weights()
    simp = trad = 0.0
    for ch, n in Counter(evidence_pattern().findall(text)).items():
        if ch in simplified:
            simp += n * simplified[ch]
        elif ch in traditional:
            trad += n * traditional[ch]
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
