"""Present: `Article` -> text, markdown, JSON for `reader clean` and for exports.

Renderers are pure functions returning strings; they never decide where the text
goes.  Every renderer sanitizes every field it prints (title, body, author, source,
input name, URL, removed text…) itself, through `sanitize_article` / `sanitize_data`,
so no caller can forget to: an escape sequence, OSC 52 clipboard write or BEL in a
field never reaches a terminal or a JSON consumer (JSON would carry ESC as "\\u001b",
which the reader of the JSON turns back into ESC).  Plain text is one paragraph per line with a blank line between paragraphs
(or wrapped lines when a line breaker is given), with the title and a blank line
above when asked for.
"""
from __future__ import annotations

import dataclasses
import json
from typing import Any, Callable

from reader.model import Article, Block, BlockKind
from reader.terminal import sanitize
from reader.lazy_re import lazy

FORMATS = ("text", "markdown", "json", "jsonl")

# (paragraph text) -> lines; the CJK line breaker plugs in here for --width.
Wrapper = Callable[[str], list[str]]
# (paragraph text) -> text with highlight marks; for coloured terminal output.
Marker = Callable[[str], str]


def sanitize_article(article: Article) -> Article:
    """The article with every text field free of escape sequences and control
    characters (tabs and newlines kept); the raw page is left as it is."""
    return _clean_fields(article)


def _clean_fields(obj: Any) -> Any:
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(obj):
        if f.name == "raw_text":
            continue  # the page as loaded (already free of escapes), not printed by renderers
        value = getattr(obj, f.name)
        clean = _clean_value(value)
        if clean is not value:
            changes[f.name] = clean
    return dataclasses.replace(obj, **changes) if changes else obj


def _clean_value(value: Any) -> Any:
    if isinstance(value, str):
        clean = sanitize(value)
        return value if clean == value else clean
    if isinstance(value, tuple) and value and dataclasses.is_dataclass(value[0]):
        items = tuple(_clean_fields(v) for v in value)
        return value if all(a is b for a, b in zip(items, value)) else items
    return value


def sanitize_data(data: Any) -> Any:
    """JSON-shaped data (dicts, lists, strings) with every string sanitized."""
    if isinstance(data, str):
        return sanitize(data)
    if isinstance(data, dict):
        return {sanitize(str(k)): sanitize_data(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [sanitize_data(v) for v in data]
    return data


def _identity(text: str) -> str:
    return text


def _lines(text: str, wrap: Wrapper | None) -> list[str]:
    return wrap(text) if wrap else [text]


def _meta_line(article: Article) -> str:
    parts = [p for p in (article.author, article.date, article.source or article.site) if p]
    return " · ".join(parts)


def to_text(article: Article, wrap: Wrapper | None = None, mark: Marker = _identity, title: bool = True) -> str:
    article = sanitize_article(article)  # before marking: the marks are ours
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


_ORDINAL = lazy(r"^\d{1,3}[.)]\s")
_MD_ORDERED = lazy(r"^(\d{1,9})([.)])(?=\s|$)")


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
    article = sanitize_article(article)
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
    """The JSON shape of an article, every string sanitized."""
    return sanitize_data(article.to_dict())


def to_json(articles: list[Article], as_list: bool) -> str:
    data: Any = [to_dict(a) for a in articles] if as_list else to_dict(articles[0])
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_jsonl(article: Article) -> str:
    return json.dumps(to_dict(article), ensure_ascii=False) + "\n"


def removed_report(article: Article) -> str:
    """The removed blocks with their reasons, one per line, for --show-removed."""
    article = sanitize_article(article)
    lines = [f"--- removed from {article.name or 'page'} ({len(article.removed)} blocks)"]
    for r in article.removed:
        text = r.text.replace("\n", " ")
        if len(text) > 120:
            text = text[:119] + "…"
        lines.append(f"[{r.reason}] {text}")
    return "\n".join(lines) + "\n"


def header(article: Article, fmt: str, first: bool) -> str:
    """What stands before each article when several are printed as text or markdown."""
    article = sanitize_article(article)
    if fmt == "markdown":
        return ("" if first else "\n---\n\n") + f"<!-- {article.name} -->\n\n"
    return ("" if first else "\n") + f"==> {article.name} <==\n\n"
