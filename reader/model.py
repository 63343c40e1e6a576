"""The data model shared by every stage: a loaded `Page` and an extracted `Article`.

load (bytes -> Page) -> extract (Page -> Article) -> transform (Article -> Article)
-> present (Article -> text / TUI).  Every stage after loading consumes and returns
these frozen dataclasses, so the CLI and the app never re-implement extraction.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, Literal

PageKind = Literal["html", "text"]


@dataclass(frozen=True)
class Page:
    """A decoded input: the text, how it was decoded and what kind of page it is."""

    name: str  # what the user typed (path) or "<stdin>"
    text: str
    kind: PageKind
    encoding: str  # the codec actually used to decode the bytes
    url: str | None = None  # where it was fetched from, when a container says so
    # What loading had to repair (NULs dropped, bytes replaced, mixed or doubtful
    # encodings): one line each, for the CLI's stderr and the app's notifications.
    warnings: tuple[str, ...] = ()


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    CAPTION = "caption"
    REFERENCE = "reference"
    CODE = "code"  # preformatted: line breaks are part of the text


class Script(StrEnum):
    SIMPLIFIED = "simplified"
    TRADITIONAL = "traditional"
    MIXED = "mixed"
    UNKNOWN = "unknown"  # no (or too little) Han text to tell


@dataclass(frozen=True)
class ScriptInfo:
    script: Script
    confidence: float  # 0..1


@dataclass(frozen=True)
class Block:
    """One kept piece of the article, in reading order.

    `source` is where it came from: the [start, end) character offsets into
    `Article.raw_text` of the raw lines (a dump) or elements (HTML) it was read from,
    so a viewer can align raw and cleaned text (the line number is
    `raw_text.count("\n", 0, start) + 1`); None when it cannot be placed.
    """

    kind: BlockKind
    text: str
    source: tuple[int, int] | None = None


@dataclass(frozen=True)
class Removed:
    """A piece of the page that was dropped, and the rule that dropped it.

    `index` is where it stood: the number of kept blocks that came before it, so a
    viewer can show it inline between blocks[index - 1] and blocks[index].
    """

    text: str
    reason: str  # stable short id: the rule's family, optionally with the cue: "related-links: 猜你喜欢"
    index: int
    why: str = ""  # the reason in plain words for users: "list of links to other articles"
    stage: str = ""  # what took it: dom (pruner), extractor (left outside the article), classifier, header, cleanup
    source: tuple[int, int] | None = None  # [start, end) offsets into Article.raw_text, as for Block


@dataclass(frozen=True)
class Article:
    """What a reader wants from a page, plus everything that was taken out."""

    title: str
    blocks: tuple[Block, ...]
    removed: tuple[Removed, ...] = ()
    title_derived: bool = False  # True when the page had no headline and we made one
    author: str | None = None
    date: str | None = None
    site: str | None = None
    source: str | None = None  # 来源: the outlet the text comes from
    editor: str | None = None  # 责任编辑 / 编辑: moved out of the body
    script: ScriptInfo | None = None
    name: str = ""  # the input it came from: a path, "<stdin>", or "crawl.warc.gz#17"
    url: str | None = None  # the container's URL, else the page's canonical / og:url
    page_kind: PageKind = "text"
    raw_text: str = field(default="", repr=False)  # the page as loaded, for raw | cleaned views
    warnings: tuple[str, ...] = ()  # what loading repaired (Page.warnings), for stderr / notifications

    @property
    def body_text(self) -> str:
        return "\n".join(b.text for b in self.blocks)

    def with_changes(self, **changes: object) -> "Article":
        return replace(self, **changes)  # type: ignore[arg-type]

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of `reader clean -f json` (no raw page)."""
        return {
            "title": self.title,
            "title_derived": self.title_derived,
            "author": self.author,
            "date": self.date,
            "site": self.site,
            "source": self.source,
            "editor": self.editor,
            "script": self.script.script.value if self.script else None,
            "script_confidence": self.script.confidence if self.script else None,
            "input": self.name,
            "url": self.url,
            # source: [start, end) character offsets into the page as decoded, or null
            "blocks": [{"kind": b.kind.value, "text": b.text, "source": _span(b.source)} for b in self.blocks],
            "removed": [
                {"text": r.text, "reason": r.reason, "why": r.why, "stage": r.stage, "index": r.index, "source": _span(r.source)}
                for r in self.removed
            ],
        }


def _span(source: tuple[int, int] | None) -> list[int] | None:
    return list(source) if source is not None else None
