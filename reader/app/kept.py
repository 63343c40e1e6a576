"""Blocks the reader kept on one page (`+`, "only this page"), applied to its article.

A kept block is named by its whitespace-normalized text (`state.kept_key`), not by
an index, so the keep still finds its block when extraction changes and blocks
move.  The keeps are applied exactly as a user rule is (`reader.user_rules`:
a keep rule for this page alone, matching the whole text, or its start when the
key was cut to its bounded length), so the cleaned view, raw | cleaned and the
removed list all see the same article.
"""
from __future__ import annotations

from typing import Iterable

from reader.app.state import MAX_KEPT_CHARS, kept_key
from reader.model import Article


def keep_rules(kept: Iterable[str]) -> tuple:
    """The keep rules (reader.user_rules.Rule) for a page's kept texts."""
    from reader.user_rules import Rule

    return tuple(
        Rule("keep", "*", key, match="starts" if len(key) >= MAX_KEPT_CHARS else "equals", note="kept on this page")
        for key in kept
    )


def with_kept(article: Article, kept: Iterable[str]) -> Article:
    """The article with the removed blocks `kept` names standing again where they were."""
    rules = keep_rules(kept)
    if not rules or not article.removed:
        return article
    from reader.user_rules import apply_user_rules

    return apply_user_rules(article, rules)


def kept_by(text: str, kept: Iterable[str]) -> str | None:
    """The key in `kept` that keeps a block with this text, or None."""
    for rule in keep_rules(kept):
        if rule.text_matches(text):
            return rule.text
    return None


__all__ = ["with_kept", "kept_by", "keep_rules", "kept_key"]
