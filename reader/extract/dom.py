"""DOM pre-cleaning before trafilatura: remove page furniture by structure.

trafilatura's own pruning misses much of what Chinese portals wrap around an
article: recommendation feeds named in BEM style (`detail-content__recommend`),
carousels of hot headlines, teaser streams (a link title plus a summary, repeated).
Two structural signals, both generic:

* furniture names: an element whose class/id *tokens* name a furniture role
  (FURNITURE_TOKENS in rules.py), unless it holds the page's headline;
* teaser lists: a parent whose repeated children each carry a headline-sized link
  and little else: a feed of other articles, never the article's own paragraphs;
* post lists: look-alike siblings each stamped with a date and time (a thread's posts,
  a comment or answer list): when the article is the first of them (a thread's first
  post), the others are replies; when it stands outside them all, they all are.

Each removal is recorded with its reason so the reader can see what went.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from reader.extract.candidate import _WORDISH as _CONTENT_CHAR  # what count_chars counts
from reader.extract.candidate import Pruned, count_chars, han_count, normalize, punct_count
from reader.extract.parse import parse  # noqa: F401 - the tree every caller prunes comes from here
from reader.extract.rules import FURNITURE_PAIRS, FURNITURE_TOKENS, POST_STAMP
from reader.extract.settings import SETTINGS as S
from reader.lazy_re import lazy

_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
              "select", "button", "input", "textarea", "label")
_ITEM_TAGS = {"li", "div", "article", "section", "dd", "dl", "tr", "a"}
_TOKEN_SPLIT = lazy(r"[^a-z0-9]+|(?<=[a-z])(?=[A-Z])")
_NEVER = {"html", "body", "main", "article", "h1"}
# Only block containers are pruned by name: inline tokens (`hljs-comment` spans in
# code, `share` icons in a sentence) say nothing about the block around them.
_CONTAINERS = {"div", "section", "aside", "nav", "header", "footer", "ul", "ol", "dl", "table", "tbody",
               "form", "p", "li", "dd", "center", "span"}


def _tokens(el: Any) -> set[str]:
    if not el.attrib.get("class") and not el.attrib.get("id"):
        return set()  # most elements: no names to split
    raw = f"{el.get('class', '')} {el.get('id', '')}"
    tokens: set[str] = set()
    for part in _NAME_SPLIT.split(raw):
        tokens.update(t.lower() for t in _CAMEL_SPLIT.split(part) if t)
    return tokens


_NAME_SPLIT = lazy(r"[^A-Za-z0-9]+")
_CAMEL_SPLIT = lazy(r"(?<=[a-z])(?=[A-Z])")


def _text(el: Any) -> str:
    return "".join(el.itertext())


def _holds_title(el: Any, title_key: str) -> bool:
    if not title_key:
        return False
    for h in el.iter("h1", "h2"):
        key = normalize(_text(h))
        if key and (key in title_key or title_key in key):
            return True
    return False


def _holds_other_headline(el: Any, title_key: str) -> bool:
    if not title_key:
        return False
    for h in el.iter("h1"):
        key = normalize(_text(h))
        if key and key not in title_key and title_key not in key:
            return True
    return False


def _furniture_name(el: Any) -> str | None:
    tokens = _tokens(el)
    hits = tokens & FURNITURE_TOKENS
    if not hits and len(tokens) > 1:
        hits = {name for pair, name in FURNITURE_PAIRS.items() if pair <= tokens}
    return sorted(hits)[0] if hits else None


@dataclass
class _Counts:
    """What the pruner asks of every element's subtree, counted once, bottom-up (the
    tree above an element is pruned before the element is looked at, never inside it,
    so the counts stay true while elements are dropped)."""

    chars: dict[Any, int]  # content characters of the subtree's text (`_text`)
    links: dict[Any, int]  # …of those inside <a> elements (nested links counted for each)
    longest_link: dict[Any, int]  # the longest single <a> text in the subtree
    prose: dict[Any, int]  # characters of the text blocks with punctuation in their own text

    @classmethod
    def of(cls, root: Any) -> "_Counts":
        chars: dict[Any, int] = {}
        links: dict[Any, int] = {}
        longest: dict[Any, int] = {}
        prose: dict[Any, int] = {}
        for el in reversed(list(root.iter())):  # children before their parents
            tag = el.tag
            element = isinstance(tag, str)
            text = el.text if element else None
            # The element's own text (its text and its children's tails), counted piece
            # by piece: the counts add up, and white space (most tails) counts nothing.
            own = count_chars(text) if text and not text.isspace() else 0
            punctuated = element and tag in _PROSE_TAGS and bool(text) and punct_count(text) >= 1
            subtree = link_sum = link_max = prose_sum = 0
            for child in el:
                tail = child.tail
                if tail and not tail.isspace():
                    own += count_chars(tail)
                    punctuated = punctuated or punct_count(tail) >= 1
                subtree += chars.get(child, 0)
                link_sum += links.get(child, 0)
                link_max = max(link_max, longest.get(child, 0))
                prose_sum += prose.get(child, 0)
            total = own + subtree
            if tag == "a":
                link_sum += total
                link_max = max(link_max, total)
            if punctuated and tag in _PROSE_TAGS:
                prose_sum += own
            chars[el], links[el], longest[el], prose[el] = total, link_sum, link_max, prose_sum
        return cls(chars, links, longest, prose)

    def own_text(self, el: Any) -> int:
        """Characters outside links: what a reader would read in this element."""
        return self.chars[el] - self.links[el]


# Elements whose own text can be prose: blocks, and the inline styling a paragraph's text
# often sits in (an old blog's <div><font>text</font></div>); never a link's text.
_PROSE_TAGS = {"p", "div", "td", "section", "article", "li", "span", "font", "b", "strong", "em", "i", "u", "small",
               "big", "center", "blockquote", "pre", "dd"}


def _is_teaser_list(el: Any, counts: _Counts) -> bool:
    """Repeated children, each mostly one headline-sized link: a feed of other pages."""
    children = [c for c in el if isinstance(c.tag, str) and c.tag in _ITEM_TAGS]
    if len(children) < S.teaser_items:
        return False
    shape = Counter(c.tag for c in children).most_common(1)[0][1]
    if shape < S.teaser_items:
        return False
    teasers = teaser_chars = 0
    for child in children:
        text = counts.chars[child]
        # The longest single link: a headline, not keywords auto-linked in a sentence.
        link = counts.longest_link[child]
        if 0 < text <= S.teaser_item_chars and link >= S.teaser_link_chars and link >= S.teaser_link_share * text:
            teasers += 1
            teaser_chars += text
    # The teasers must be the list, not a few link boxes inside a long article.
    return (teasers >= S.teaser_items and teasers >= S.teaser_child_share * len(children)
            and teaser_chars >= S.teaser_text_share * counts.chars[el])


_REPLY_NAMES = {"reply", "replies", "comment", "comments"}
_ANSWER_ITEMS = ("li", "div", "dd", "article", "section")


def _lone_answer(el: Any, counts: _Counts, total_prose: int) -> bool:
    """A reply box holding one long reply that weighs as much as the rest of the page: a
    message board's official answer under the citizen's letter (回复单位：…), a
    question's only answer.  Readers' comments are many, or short beside the article."""
    prose = counts.prose[el]
    if prose < S.answer_min_prose or prose < S.answer_share * (total_prose - prose):
        return False
    items = [c for c in el.iter(*_ANSWER_ITEMS) if c is not el and counts.prose[c] >= S.answer_item_prose]
    # (one item holds it all: any others are the wrappers around it)
    return all(counts.prose[c] >= S.answer_one_item * prose for c in items)


def _field_holders(root: Any) -> set[Any]:
    """The elements that hold a field to type in (a text box, a text area; not a choice,
    which may be a jump menu), found before the fields go with the page's code."""
    fields = (f for f in root.iter("input", "textarea")
              if f.tag != "input" or (f.get("type") or "text").lower() in _FILLED)
    return {holder for field in fields for holder in field.iterancestors()}


_FILLED = {"text", "tel", "email", "search", "number", "password"}  # (not a hidden field or a button)


def prune(root: Any, title: str | None) -> list[Pruned]:
    """Remove furniture from the tree in place; return what went, in document order."""
    title_key = normalize(title or "")
    # A box of fields (a sign-up, search or comment form) with no more text than its
    # labels and a line of instructions is the page's, whatever its name.  (A page
    # wrapped whole in one <form>, as ASP.NET writes it, has far more text.)
    forms = _field_holders(root)
    for el in list(root.iter(*_DROP_TAGS)):
        _drop(el)
    pruned: list[Pruned] = []
    counts = _Counts.of(root)
    total_prose, total_text = counts.prose[root], counts.own_text(root)
    gone: set[Any] = set()  # elements inside a dropped container
    in_code = {el for code in root.iter("pre", "code") for el in code.iter() if el is not code}
    replies = {post for posts in _replies(root, counts) for post in posts}
    for el in list(root.iter()):
        if el in gone or not isinstance(el.tag, str) or el.tag in _NEVER or el.getparent() is None:
            continue
        name = None
        if el in replies:
            why = "furniture: reply"
        else:
            if el.tag not in _CONTAINERS or el in in_code:
                continue
            name = _furniture_name(el) or ("form" if el in forms and counts.chars[el] <= S.form_box_chars else None)
            why = f"furniture: {name}" if name else ("teaser-list" if _is_teaser_list(el, counts) else None)
        if not why or _holds_title(el, title_key) or name in _REPLY_NAMES and _lone_answer(el, counts, total_prose):
            continue
        # Never let a name take most of the page's prose with it: that is the article,
        # unless that prose sits under another article's headline.
        if (
            why != "teaser-list"
            and _holds_most(el, counts, total_prose, total_text)
            and not _holds_other_headline(el, title_key)
        ):
            continue
        text = " ".join(_text(el).split())
        if text:
            pruned.append(Pruned(text, why, _anchor_after(el)))
        gone.update(el.iter())
        _drop(el)
    return pruned


_STAMP = lazy(POST_STAMP)
_DIGITS = lazy(r"\d+")


def _signature(el: Any) -> tuple[str, str, str] | None:
    """What look-alike siblings share: tag, class, and id with its numbers blanked
    (post_123, post_124); None for an element with neither class nor id."""
    cls, ident = " ".join(el.get("class", "").split()), el.get("id", "")
    return (el.tag, cls, _DIGITS.sub("#", ident)) if cls or ident else None


def _replies(root: Any, counts: _Counts) -> list[list[Any]]:
    """The posts of each post list that are not the article: all of them when they hold
    less than most of the page's prose (the article stands outside them), all but the
    first when the first holds the most (a thread's opening post)."""
    lists = []
    for parent in root.iter():
        if not isinstance(parent.tag, str) or len(parent) < S.post_list_min:
            continue
        groups: dict[tuple[str, str, str], list[Any]] = {}
        for child in parent:
            sig = _signature(child) if isinstance(child.tag, str) else None
            if sig and counts.chars.get(child, 0) >= S.post_min_chars:
                groups.setdefault(sig, []).append(child)
        for members in groups.values():
            if len(members) >= S.post_list_min:  # (a thread's head row looks like its posts but has no stamp)
                posts = [post for post in members if _STAMP.search(_text(post))]
                if len(posts) >= S.post_list_min:
                    lists.append(posts)
    if not lists or counts.prose[root] < S.prose_page_min:
        return []
    total = counts.prose[root]
    out = []
    for posts in lists:
        prose = [counts.prose[post] for post in posts]
        if sum(prose) < S.holds_most * total:
            out.append(posts)  # the article stands outside the list: comments, answers
        elif prose[0] and prose[0] == max(prose):
            out.append(posts[1:])  # the thread's first post is the article
    return out


def _holds_most(el: Any, counts: _Counts, total_prose: int, total_text: int) -> bool:
    """Most of the page's prose, or (pages without punctuation: lyrics, poems) most
    of its non-link text."""
    if total_prose >= S.prose_page_min:
        return counts.prose[el] > S.holds_most * total_prose
    return total_text > 0 and counts.own_text(el) > S.holds_most * total_text


_INLINE = {"a", "span", "b", "strong", "em", "i", "u", "font", "br", "sup", "sub", "small", "big", "mark", "code"}
_SCORED = ("p", "div", "td", "section", "article", "pre", "blockquote", "li", "dd", "center")
_BLOCKISH = set(_SCORED) | {"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "dt", "table", "tr", "br", "hr"}


def direct_text(el: Any) -> str:
    """Text of `el` outside its nested blocks (inline children included)."""
    return (el.text or "") + "".join(
        ("".join(c.itertext()) if c.tag in _INLINE else "") + (c.tail or "") for c in el if isinstance(c.tag, str)
    )


def lead_before(root: Any, first_text: str, levels: int = 2) -> list[str]:
    """Prose blocks just above the article's first paragraph, inside the same
    container (a summary or lead in its own <div>), in document order."""
    key = normalize(first_text)[:S.lead_key_chars]
    if len(key) < S.lead_key_min:
        return []
    anchor = next((el for el in root.iter(*_SCORED) if key in normalize(direct_text(el))), None)
    if anchor is None:
        return []
    container = anchor
    for _ in range(levels):
        if container.getparent() is not None:
            container = container.getparent()
    found = []
    for el in container.iter(*_SCORED):
        if el is anchor:
            break
        text = " ".join(direct_text(el).split())
        links = sum(count_chars(_text(a)) for a in el if a.tag == "a")
        if count_chars(text) >= S.lead_min_chars and punct_count(text) >= 1 and links < S.few_links * count_chars(text):
            found.append(text)
    return found


def densest_container(root: Any) -> Any | None:
    """The element whose own text blocks carry the most prose (readability's idea:
    each text block scores its parent fully and its grandparent by half).

    Used when trafilatura falls back to dumping a whole page region."""
    scores: dict[Any, float] = {}
    for el in root.iter(*_SCORED):
        direct = direct_text(el)
        n = count_chars(direct)
        if n < S.dense_min_chars:
            continue
        links = sum(count_chars(_text(a)) for a in el if a.tag == "a")
        if links > S.mostly_links * n:
            continue
        score = 1 + punct_count(direct) + min(n // S.dense_chunk, S.dense_chunk_max)
        parent = el.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0) + score
            grand = parent.getparent()
            if grand is not None:
                scores[grand] = scores.get(grand, 0) + score / 2
    if not scores:
        return None
    best = max(scores, key=scores.__getitem__)
    # A parent scoring nearly as high holds more of the same article (a poem beside
    # its notes), not a different one.
    parent = best.getparent()
    while parent is not None and scores.get(parent, 0) >= S.dense_parent_share * scores[best]:
        best, parent = parent, parent.getparent()
    return best


_CODE_TAGS = {"script", "style", "template", "noscript"}


def text_lines(el: Any) -> list[str]:
    """The element's text, one line per block or <br>.  A newline in the source is
    white space, as in a browser: "[13]" in a <sup> stays in its sentence."""
    parts: list[str] = []

    def text(value: str | None, pre: bool) -> str:
        return (value if pre else re.sub(r"\s+", " ", value)) if value else ""

    def walk(node: Any, pre: bool = False) -> None:
        if node.tag in _CODE_TAGS:
            return  # scripts and styles are never text (their tails are walked by the parent)
        pre = pre or node.tag == "pre"
        if isinstance(node.tag, str) and node.tag in _BLOCKISH:
            parts.append("\n")
        parts.append(text(node.text, pre))
        for child in node:
            if isinstance(child.tag, str):
                walk(child, pre)
            parts.append(text(child.tail, pre))
        if isinstance(node.tag, str) and node.tag in _BLOCKISH:
            parts.append("\n")

    walk(el)
    return [" ".join(line.split()) for line in "".join(parts).split("\n") if line.strip()]


def text_after(el: Any, size: int) -> str:
    """The text that follows `el` in document order, until `size` content characters.

    Linear in what it reads: a running count (never the whole buffer recounted per
    sibling), and each sibling's text read only as far as needed (a sibling may be the
    whole article)."""
    parts = [el.tail or ""]
    seen = count_chars(parts[0])
    node = el
    while node is not None and seen < size:
        for sib in node.itersiblings():
            for piece in (" ", *_leading_text(sib, size - seen), " ", sib.tail or ""):
                parts.append(piece)
                seen += count_chars(piece)
            if seen >= size:
                break
        else:
            node = node.getparent()
            if node is not None and node.tail:
                parts.append(node.tail)
                seen += count_chars(node.tail)
            continue
        break
    return _first_chars("".join(parts), size)


def _leading_text(el: Any, size: int) -> list[str]:
    """The first text pieces of `el`, until they hold `size` content characters."""
    out: list[str] = []
    seen = 0
    for piece in el.itertext():
        out.append(piece)
        seen += count_chars(piece)
        if seen >= size:
            break
    return out


def _first_chars(text: str, size: int) -> str:
    """`text` up to its `size`-th content character."""
    for i, match in enumerate(_CONTENT_CHAR.finditer(text)):
        if i + 1 == size:
            return text[: match.end()]
    return text


def _anchor_after(el: Any, size: int = S.anchor_chars) -> str:
    """The first content characters that follow `el` in document order."""
    return normalize(text_after(el, size))[:size]


def headline_element(tree: Any, headline: str) -> Any | None:
    """The <h1>/<h2> that carries the headline."""
    key = normalize(headline)
    if len(key) < S.headline_min_chars:
        return None
    for h in tree.iter("h1", "h2"):
        text = normalize("".join(h.itertext()))
        # …give or take a label around it ("播报文章", a counter)
        if text and (len(text) >= S.headline_min_chars and text in key
                     or key in text and len(text) <= len(key) + S.title_label_margin):
            return h
    return None


_HOME = lazy(r"^(?:(?:https?:)?//[^/?#]+)?/?(?:index\.\w+)?$")


def links_home(el: Any) -> bool:
    """Is the element's text all one link to the site's home page (a blog's banner)?"""
    links = list(el.iter("a"))
    return len(links) == 1 and _HOME.match((links[0].get("href") or "").strip()) is not None \
        and normalize("".join(links[0].itertext())) == normalize("".join(el.itertext()))


def titled_above(root: Any, body_start: str) -> str | None:
    """A headline kept outside <h1>/<h2>: the first element named as a title (class or
    id token "title") whose text is headline-shaped and that the article's first
    paragraph follows closely (<div class="rumor-title">徒手抓子弹真的存在吗？</div>)."""
    key = normalize(body_start)[:S.title_element_key]
    if len(key) < S.title_element_key_min:
        return None
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        names = f"{el.get('class', '')} {el.get('id', '')}"
        if "itle" not in names and "ITLE" not in names:
            continue  # (no name holds the token: most elements, and no splitting to find it)
        if "title" not in _tokens(el) or el.tag in ("title", "head", "meta"):
            continue
        text = " ".join(_text(el).split())
        if not S.headline_min_chars <= count_chars(text) <= S.headline_max_chars \
                or punct_count(text.rstrip()[:-1]) > S.title_element_punct or text.endswith("。"):
            continue
        if key in normalize(text_after(el, S.title_element_after)) and not links_home(el):
            return text  # (a blog's name, class "title" too, links home)
    return None


def _drop(el: Any) -> None:
    """Remove an element but keep its tail text (it belongs to the parent)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


_CODE_MARKS = lazy(r"[{}();=<>\[\]$#]")


def typed_prose_as_paragraphs(root: Any) -> None:
    """A <pre> that holds prose, not code (a BBS post in its text form, an answer kept
    as typed) becomes a paragraph a line, in place: read whole, its header lines, the
    quote under it and its signature would stand or fall with the post's own text.
    Code stays as it is (its marks: {}();=<>[]$#)."""
    for pre in list(root.iter("pre")):
        if pre.find(".//code") is not None:
            continue
        lines = [" ".join(ln.split()) for ln in "".join(pre.itertext()).splitlines()]
        lines = [ln for ln in lines if ln]
        n = sum(count_chars(ln) for ln in lines)
        if len(lines) < S.pre_prose_lines or not n:
            continue
        hans = sum(han_count(ln) for ln in lines)
        marks = sum(len(_CODE_MARKS.findall(ln)) for ln in lines)
        if hans < S.pre_prose_han_share * n or marks > S.pre_code_marks_share * n:
            continue
        tail = pre.tail
        for child in list(pre):
            pre.remove(child)
        pre.text = None
        pre.tag = "div"
        for line in lines:
            para = pre.makeelement("p", {})
            para.text = line
            pre.append(para)
        pre.tail = tail
