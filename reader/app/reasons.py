"""Why a block was removed, in plain words for the reader.

Extraction records a stable reason id ("related-links: 猜你喜欢") and, where it
knows them, plain words (`Removed.why`).  This module picks the words to show: the
article's own, else a short table of the common families, else the id with its
dashes spelled out, always with the cue that fired.
"""
from __future__ import annotations

from reader.model import Removed

_FALLBACK = {
    "related-links": "list of links to other articles",
    "teaser-list": "list of links to other articles",
    "headline-list": "list of other headlines",
    "link-list": "list of links",
    "comment-thread": "reader comments",
    "comments": "reader comments",
    "disclaimer": "platform disclaimer or copyright notice",
    "breadcrumb": "breadcrumb navigation",
    "meta": "byline, date or source (kept as the article's details)",
    "share-prompt": "share buttons or prompt",
    "end-marker": "end-of-article marker",
    "image-placeholder": "image placeholder",
    "call-to-action": "follow / subscribe prompt",
    "account-card": "account card",
    "page-title": "the page's title bar",
    "page-header": "page header",
    "page-footer": "page footer",
    "outside-article": "outside the article",
    "furniture": "page furniture",
    "duplicate-summary": "summary repeating the article",
    "title-repeat": "headline repeated",
}


def plain_reason(reason: str, why: str = "") -> str:
    """Plain words for a removal, with the cue that fired: "breadcrumb navigation (当前位置)"."""
    family, _, cue = reason.partition(":")
    family, cue = family.strip(), cue.strip()
    words = why.strip()
    if not words:
        try:
            from reader.extract.labels import words_for  # plain words, where extraction has them
        except ImportError:
            words = ""
        else:
            words = words_for(reason)
    if not words:
        words = _FALLBACK.get(family, family.replace("-", " ") or "removed")
    if family.startswith("your rule"):
        return reason
    if cue and cue not in words and family not in ("furniture", "outside-article", "meta"):
        return f"{words} ({cue})"
    return words


def removed_label(removed: Removed) -> str:
    return plain_reason(removed.reason, getattr(removed, "why", "") or "")
