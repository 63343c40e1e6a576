"""HTML text -> lxml tree, for the pruner and for trafilatura, whatever the markup holds.

The one place where page text enters a tree, so the one place that makes it fit:

* characters XML refuses (C0 controls, noncharacters) arrive through numeric
  references (`&#11;`, `&#27;`, `&#xFFFE;`) after loading has cleaned the raw text;
  lxml then raises ValueError or libxml2 stops, and the article is lost.  They are
  removed here, a reference that starts an escape sequence with its whole sequence;
* libxml2's limits: text nodes and attributes over 10 MB and nesting deeper than 256
  elements need `huge_tree`; beyond 2048 levels it gives up on the whole document.
  Subtrees nested deeper than `MAX_DEPTH` are flattened into one paragraph per block
  (Python code walking the tree recursively would fail on them too), and a page
  libxml2 cannot parse is rebuilt from its text as flat paragraphs, so the article's
  words are kept either way.
"""
from __future__ import annotations

import re
from reader.lazy_re import lazy
from typing import Any

MAX_DEPTH = 200  # real pages nest 20-60 deep; 300 unclosed <font> tags are not structure
_LIBXML2_MAX_DEPTH = 2048  # with huge_tree; a deeper document comes back empty

_XML_PROLOG = lazy(r"^\s*<\?xml[^>]*>")
_CHAR_REF = lazy(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")
# What no tree may hold: C0 controls but tab and line breaks, DEL, C1 controls,
# surrogates and noncharacters.
_JUNK = lazy(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def _is_junk(code: int) -> bool:
    return (
        code < 0x20 and code not in (0x09, 0x0A, 0x0D)
        or code == 0x7F
        or 0xD800 <= code <= 0xDFFF
        or 0xFDD0 <= code <= 0xFDEF
        or (code & 0xFFFE) == 0xFFFE
        or code > 0x10FFFF
    )


def _junk_ref(match: re.Match[str]) -> str:
    hexa, dec = match.groups()
    code = int(hexa, 16) if hexa else int(dec)
    if code == 0 or code > 0x10FFFF:
        return ""
    # The character itself, so the escape sequence it may start is removed whole below.
    return chr(code) if _is_junk(code) else match.group(0)


def xml_safe(html: str) -> str:
    """The markup with XML-incompatible characters gone, raw or as numeric references,
    and with whole terminal escape sequences gone (`&#27;]0;title&#7;` included)."""
    from reader.terminal import ESCAPES

    if "&#" in html:
        html = _CHAR_REF.sub(_junk_ref, html)
    if "\x1b" in html or "\x9b" in html:  # every sequence starts with one; the scan costs 2 ms a page
        html = ESCAPES.sub("", html)
    return _JUNK.sub("", html)


def parse(html: str) -> Any:
    """The page's tree (lxml.html), or None when the page holds no markup or text."""
    import lxml.html

    html = xml_safe(_XML_PROLOG.sub("", html))
    if not html.strip():
        return None
    root, gave_up = _parse(html)
    if root is None or gave_up or not _has_text(root) and _has_text_source(html):
        # libxml2 stopped (nested past its limit, or junk it cannot read): keep the words.
        root, _ = _parse(flat_html(html))
    else:
        _flatten_below(root, MAX_DEPTH)
    return root if isinstance(root, lxml.html.HtmlElement) else None


def _parse(html: str) -> tuple[Any, bool]:
    """The tree, and whether libxml2 stopped early (a fatal error: the tree holds
    only what came before it)."""
    import lxml.html

    # Comments go at parse time: text after an inline `<!--keyword-->` is the
    # comment's tail, which trafilatura drops along with the comment.
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except Exception:  # lxml raises bare ParserError/ValueError on junk
        return None, True
    return root, any(e.level_name == "FATAL" for e in parser.error_log)


def _has_text(root: Any) -> bool:
    body = root.find("body")
    return body is not None and any(t.strip() for t in body.itertext())


_TAG = lazy(r"<[^>]*>")


def _has_text_source(html: str) -> bool:
    return bool(_TAG.sub("", html[:1_000_000]).strip())


_BLOCKS = frozenset(
    "p div br li ul ol dl dt dd h1 h2 h3 h4 h5 h6 table tr td th tbody thead section article "
    "header footer main aside nav blockquote pre hr center form figure figcaption".split()
)
_SKIP = frozenset(("script", "style", "noscript", "template", "svg"))


def _flatten_below(root: Any, limit: int) -> None:
    """Each element `limit` levels deep keeps its content as a flat run of paragraphs
    (one per block or line break below it) instead of its nested subtree."""
    from lxml import etree

    # One XPath step per level: linear in the size of the tree, done in C.
    for el in root.xpath("/*" * limit + "[*]"):
        lines = _block_lines(el)
        tail = el.tail
        for child in list(el):
            el.remove(child)
        el.text = None
        for line in lines:
            etree.SubElement(el, "p").text = line
        el.tail = tail


def _block_lines(el: Any) -> list[str]:
    """The text under `el`, one line per block, walked without recursion."""
    from lxml import etree

    parts: list[str] = [el.text or ""]
    skipping = 0
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if node is el:
            continue
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            if tag in _SKIP:
                skipping += 1
            if not skipping:
                if tag in _BLOCKS:
                    parts.append("\n")
                parts.append(node.text or "")
        else:
            if tag in _SKIP:
                skipping -= 1
            if not skipping:
                if tag in _BLOCKS:
                    parts.append("\n")
                parts.append(node.tail or "")
    return [" ".join(line.split()) for line in "".join(parts).split("\n") if line.strip()]


_TAG_TOKEN = lazy(r"<!--|<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*>")
_RAW_TEXT = ("script", "style", "noscript", "template", "title", "textarea")


def flat_html(html: str) -> str:
    """The page as flat markup: its <title> and <meta> tags, then one element per
    block of text (headings stay headings, links stay links), nothing nested.  For
    pages whose real tree libxml2 cannot build."""
    head: list[str] = []
    body: list[str] = ["<p>"]
    pos = 0
    lower = html.lower()
    while True:
        match = _TAG_TOKEN.search(html, pos)
        if match is None:
            body.append(html[pos:])
            break
        body.append(html[pos : match.start()])
        pos = match.end()
        if match.group(0) == "<!--":
            end = html.find("-->", pos)
            pos = len(html) if end < 0 else end + 3
            continue
        closing, name = match.group(1), match.group(2).lower()
        if name in _RAW_TEXT and not closing:
            end = lower.find(f"</{name}", pos)  # one search: an unclosed script runs to the end
            if name == "title" and not any(h.startswith("<title") for h in head):
                head.append(f"<title>{html[pos:end if end >= 0 else len(html)]}</title>")
            pos = len(html) if end < 0 else html.find(">", end) + 1 or len(html)
        elif name == "meta" and not closing:
            head.append(match.group(0))
        elif name in ("h1", "h2", "h3"):
            body.append(f"</{name}><p>" if closing else f"</p><{name}>")
        elif name == "a":
            body.append(match.group(0))
        elif name in _BLOCKS:
            body.append("</p><p>")
    return "<html><head>" + "".join(head) + "</head><body>" + "".join(body) + "</p></body></html>"
