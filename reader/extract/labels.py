"""Why a piece of the page was removed: typed labels, each with plain words for users.

A removal carries a stable short id (`Removed.reason`: the family, plus the cue that
fired for cue rules, "related-links: 猜你喜欢") and, from here, the plain words a
reader is shown ("list of links to other articles") and the stage that took it.
Passes ask `family_of(reason)` instead of taking reason strings apart themselves, so
the id format is owned by this one module.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Stage(StrEnum):
    """Which part of extraction took the text out."""

    DOM = "dom"  # the pruner, before trafilatura: a container named as furniture, a teaser feed
    EXTRACTOR = "extractor"  # trafilatura left it out of the article (or it stood outside the text we read)
    CLASSIFIER = "classifier"  # the zone classifier: a cue or a structural rule
    HEADER = "header"  # a dump's front matter (Title: / YAML)
    CLEANUP = "cleanup"  # cut from the end of a kept block (（完）, an editor's tag)


@dataclass(frozen=True)
class Label:
    family: str  # the stable id (the part of `reason` before any ":")
    words: str  # plain words for users
    stage: Stage = Stage.CLASSIFIER


_C = Stage.CLASSIFIER
LABELS: dict[str, Label] = {label.family: label for label in (
    # cue families (rules.py)
    Label("related-links", "list of links to other articles"),
    Label("comments", "reader comments"),
    Label("comment-thread", "reader comments"),
    Label("disclaimer", "platform disclaimer or copyright notice"),
    Label("breadcrumb", "breadcrumb navigation"),
    Label("meta", "byline, date or source (kept as the article's details)"),
    Label("account-card", "the publishing account's profile card"),
    Label("end-marker", "end-of-article mark"),
    Label("navigation", "site navigation links"),
    Label("login", "the site's greeting and login links"),
    Label("buttons", "share and like buttons"),
    Label("share-prompt", "share, follow or app prompt"),
    Label("tags", "tags"),
    Label("teaser", "link to the full story"),
    Label("call-to-action", "call to action (click here)"),
    Label("consent", "cookie or privacy banner"),
    Label("image-placeholder", "image placeholder"),
    Label("sponsored", "advertisement"),
    Label("advertisement", "advertisement"),
    Label("duplicate-summary", "summary that repeats the article"),
    Label("slideshow", "slideshow controls"),
    Label("photo-credit", "a picture's credit"),
    Label("forum", "forum thread controls (counters, floor labels, edit notes)"),
    # structural rules (classify.py)
    Label("title-repeat", "the headline repeated"),
    Label("duplicate", "a line repeated elsewhere on the page"),
    Label("headline-list", "list of headlines of other articles"),
    Label("tail", "page furniture after the article"),
    Label("another-article", "another article printed on the same page"),
    Label("link-list", "block that is mostly links"),
    Label("empty-heading", "heading with nothing under it"),
    Label("button-row", "row of buttons"),
    Label("above-title", "lines above the headline (menus, channel names)"),
    Label("no-words", "counters and stray punctuation"),
    Label("time-stamp", "a transcript's or live feed's time stamp"),
    Label("markup", "page markup shown as text (a hidden template or slideshow)"),
    Label("encoded-data", "encoded data kept as text (an inline image's base64)"),
    Label("title", "the headline (shown as the title)"),
    # around the core of a whole-page dump (core.py)
    Label("outside-core", "outside the article: the page around it"),
    # the DOM pruner (dom.py)
    Label("teaser-list", "list of links to other articles", Stage.DOM),
    Label("furniture", "page furniture", Stage.DOM),
    # what no rule saw: the inventory (inventory.py)
    Label("outside-article", "outside the article", Stage.EXTRACTOR),
)}

# What a furniture class/id token or a page region names, in plain words.
ROLE_WORDS: dict[str, str] = {
    **dict.fromkeys(("header", "page-header"), "page header"),
    **dict.fromkeys(("footer", "page-footer"), "page footer"),
    **dict.fromkeys(("nav", "navbar", "navigation", "menu", "submenu"), "navigation menu"),
    **dict.fromkeys(("sidebar", "aside"), "sidebar"),
    **dict.fromkeys(("breadcrumb", "breadcrumbs", "crumb", "crumbs"), "breadcrumb navigation"),
    **dict.fromkeys(("recommend", "recommends", "recommended", "recommendation", "recommendations", "related",
                     "relate", "guess", "feed", "feeds"), "list of links to other articles"),
    **dict.fromkeys(("hotnews", "ranking", "rank", "toplist"), "list of popular articles"),
    **dict.fromkeys(("comment", "comments", "cmmt", "cmmts", "reply", "replies"), "reader comments"),
    **dict.fromkeys(("share", "sharing", "social"), "share buttons"),
    **dict.fromkeys(("ad", "ads", "advert", "advertisement", "adsbygoogle", "banner", "sponsor", "promo",
                     "promotion"), "advertisement"),
    **dict.fromkeys(("copyright", "disclaimer"), "copyright or disclaimer notice"),
    **dict.fromkeys(("login", "signin"), "login box"),
    "search": "search box",
    "form": "form to fill in (sign-up, search or comment box)",
    **dict.fromkeys(("carousel", "slider"), "slideshow"),
    **dict.fromkeys(("pagination", "pager"), "page numbers"),
    "qrcode": "QR code",
    "infobox": "the entry's box of facts (name, area, population…)",
    **dict.fromkeys(("toc", "catalog"), "table of contents"),
    **dict.fromkeys(("sign", "signature", "signatures"), "a signature (a poster's, under a forum post)"),
    "subscribe": "subscription box",
    **dict.fromkeys(("widget", "toolbar"), "page widget"),
    "page-title": "the page's <title> (the browser tab)",
    "form": "form controls",
    "embed": "embedded frame",
}

# Sub-ids whose words differ from their family's.
_SPECIFIC: dict[str, str] = {
    "navigation: menu": "navigation menu",
    "forum: post time": "a post's time (in a thread or under a Q&A page's answer)",
    "meta: byline": "the author's name (kept as the article's details)",
    "meta: dateline": "date and source line (kept as the article's details)",
    "meta: editor": "editor's name (kept as the article's details)",
    "meta: header": "the dump's header (title, date, source)",
    "outside-core: head": "outside the article: the page above its headline",
    "outside-core: tail": "outside the article: the page after it",
    "outside-core: furniture": "outside the article: menus and links after it",
    "outside-core: prose": "outside the article: text elsewhere on the page (comments, other stories)",
}


def family_of(reason: str) -> str:
    """The stable id of a reason: "related-links: 猜你喜欢" -> "related-links"."""
    return reason.split(":", 1)[0].strip()


def label_of(reason: str) -> Label:
    return LABELS.get(family_of(reason)) or Label(family_of(reason), family_of(reason).replace("-", " "))


def words_for(reason: str) -> str:
    """Plain words for a reason id, for users ("furniture: search" -> "search box")."""
    if reason in _SPECIFIC:
        return _SPECIFIC[reason]
    family, _, detail = reason.partition(":")
    detail = detail.strip()
    if family in ("furniture", "outside-article") and detail:
        role = ROLE_WORDS.get(detail, detail)
        return role if family == "furniture" else f"outside the article: {role}"
    return label_of(reason).words


def stage_of(reason: str) -> Stage:
    if reason == "meta: header":
        return Stage.HEADER
    return label_of(reason).stage
