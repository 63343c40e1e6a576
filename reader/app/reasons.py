"""Why a block was removed, in plain words for the reader.

Extraction records a stable reason id ("related-links: 猜你喜欢") and, where it
knows them, plain words (`Removed.why`).  This module picks the words to show: the
article's own, else extraction's table of plain words (`labels.words_for`), always
with the cue that fired.
"""
from __future__ import annotations

from reader.extract.labels import words_for
from reader.model import Removed

def plain_reason(reason: str, why: str = "") -> str:
    """Plain words for a removal, with the cue that fired: "breadcrumb navigation (当前位置)"."""
    family, _, cue = reason.partition(":")
    family, cue = family.strip(), cue.strip()
    words = why.strip() or words_for(reason) or "removed"
    if family.startswith("your rule"):
        return reason
    if cue and cue not in words and family not in ("furniture", "outside-article", "meta"):
        return f"{words} ({cue})"
    return words


def removed_label(removed: Removed) -> str:
    return plain_reason(removed.reason, getattr(removed, "why", "") or "")
