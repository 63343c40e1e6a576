"""Present: `Article` -> text, markdown, JSON for `reader clean` and for exports.

Renderers are pure functions returning strings; they never decide where the text
goes.  Plain text is one paragraph per line with a blank line between paragraphs
(or wrapped lines when a line breaker is given), with the title and a blank line
above when asked for.
"""
from __future__ import annotations

import json
import re
from typing import Any, Callable

from reader.model import Article, Block, BlockKind

FORMATS = ("text", "markdown", "json", "jsonl")

# (paragraph text) -> lines; the CJK line breaker plugs in here for --width.
Wrapper = Callable[[str], list[str]]
# (paragraph text) -> text with highlight marks; for coloured terminal output.
Marker = Callable[[str], str]


def _identity(text: str) -> str:
    return text


def _lines(text: str, wrap: Wrapper | None) -> list[str]:
    return wrap(text) if wrap else [text]


def _meta_line(article: Article) -> str:
    parts = [p for p in (article.author, article.date, article.source or article.site) if p]
    return " · ".join(parts)


def to_text(article: Article, wrap: Wrapper | None = None, mark: Marker = _identity, title: bool = True) -> str:
    out: list[str] = []
    if title and article.title:
        out.extend(mark(line) for line in _lines(article.title, wrap))
        out.append("")
    for block in article.blocks:
        if block.kind is BlockKind.CODE:  # preformatted: its own line breaks, never wrapped
            out.extend(mark(line) for line in block.text.splitlines())
            out.append("")
            continue
        prefix = "• " if block.kind is BlockKind.LIST_ITEM and not _ORDINAL.match(block.text) else ""
        out.extend(mark(line) for line in _lines(prefix + block.text, wrap))
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


_ORDINAL = re.compile(r"^\d{1,3}[.)]\s")
_MD_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def _md_escape(text: str) -> str:
    # Only what would change the structure of the document at line start.
    if text[:1] in "#>-+*=|`":
        return "\\" + text
    return _MD_ORDERED.sub(r"\1\\\2", text)  # "1. " would start a list: "1\. "


def _md_block(block: Block) -> str:
    text = block.text
    match block.kind:
        case BlockKind.HEADING:
            return f"## {text}"
        case BlockKind.LIST_ITEM:
            return text if _ORDINAL.match(text) else f"- {text}"  # "1. …" is a list item already
        case BlockKind.QUOTE:
            return f"> {text}"
        case BlockKind.CAPTION:
            return f"*{text}*"
        case BlockKind.CODE:
            fence = "````" if "```" in text else "```"
            return f"{fence}\n{text}\n{fence}"
        case _:
            return _md_escape(text)


def to_markdown(article: Article, mark: Marker = _identity, title: bool = True) -> str:
    out: list[str] = []
    if title and article.title:
        out += [f"# {mark(article.title)}", ""]
    meta = _meta_line(article)
    if meta:
        out += [f"*{meta}*", ""]
    previous: BlockKind | None = None
    for block in article.blocks:
        if block.kind is BlockKind.LIST_ITEM and previous is BlockKind.LIST_ITEM and out and out[-1] == "":
            out.pop()  # keep list items of one list together
        out += [mark(_md_block(block)), ""]
        previous = block.kind
    return "\n".join(out).rstrip("\n") + "\n"


def to_dict(article: Article) -> dict[str, Any]:
    return article.to_dict()


def to_json(articles: list[Article], as_list: bool) -> str:
    data: Any = [to_dict(a) for a in articles] if as_list else to_dict(articles[0])
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_jsonl(article: Article) -> str:
    return json.dumps(to_dict(article), ensure_ascii=False) + "\n"


def removed_report(article: Article) -> str:
    """The removed blocks with their reasons, one per line, for --show-removed."""
    lines = [f"--- removed from {article.name or 'page'} ({len(article.removed)} blocks)"]
    for r in article.removed:
        text = r.text.replace("\n", " ")
        if len(text) > 120:
            text = text[:119] + "…"
        lines.append(f"[{r.reason}] {text}")
    return "\n".join(lines) + "\n"


def header(article: Article, fmt: str, first: bool) -> str:
    """What stands before each article when several are printed as text or markdown."""
    if fmt == "markdown":
        return ("" if first else "\n---\n\n") + f"<!-- {article.name} -->\n\n"
    return ("" if first else "\n") + f"==> {article.name} <==\n\n"
