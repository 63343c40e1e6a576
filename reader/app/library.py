"""The pages the app was started with, each extracted lazily in a worker thread.

An `Entry` starts with only its name; the app fills in the article (or the error)
from a worker, so the library paints at once and fills in as pages are read.
Conversions of the article to another script are cached on the entry.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from reader.load import LoadError, Source, read_source
from reader.model import Article, Page, ScriptInfo

Extractor = Callable[[Page], Article]


def default_extract(page: Page) -> Article:
    from reader.extract import extract  # lazy: keeps `reader --help` and first paint fast

    return extract(page)


@dataclass(eq=False)
class Entry:
    name: str
    source: Source | None = None
    page: Page | None = None  # pre-read (standard input)
    article: Article | None = None
    error: str | None = None
    script: ScriptInfo | None = None
    conversions: dict[str, Article] = field(default_factory=dict)
    keywords: list | None = None  # list[reader.transform.keywords.Keyword] once computed

    @classmethod
    def from_article(cls, article: Article) -> "Entry":
        entry = cls(name=article.name or article.title)
        entry.set_article(article)
        return entry

    @property
    def ready(self) -> bool:
        return self.article is not None or self.error is not None

    @property
    def path(self) -> Path | None:
        return self.source.path if self.source else None

    def set_article(self, article: Article) -> None:
        if article.script is None:
            article = article.with_changes(script=_detect(article))
        self.article = article
        self.script = article.script

    def load(self, extractor: Extractor) -> None:
        """Read and extract the page (in a worker thread); errors are kept, not raised."""
        try:
            page = self.page
            if page is None:
                if self.source is None:
                    raise LoadError(f"{self.name}: nothing to read")
                page = read_source(self.source)
            article = extractor(page)
            if not article.name:
                article = article.with_changes(name=self.name)
            self.set_article(article)
        except LoadError as exc:
            self.error = str(exc)
        except Exception as exc:  # an extractor bug must not take the app down
            name = type(exc).__name__
            self.error = f"{self.name}: {exc}" if name == "ExtractError" else f"{self.name}: {name}: {exc}"


def _detect(article: Article) -> ScriptInfo:
    from reader.transform.script import detect_script

    return detect_script(article.title + "\n" + article.body_text)


def script_label(info: ScriptInfo | None) -> str:
    """简/繁/混/? for the library and status line ("…" while not known yet)."""
    if info is None:
        return "…"
    from reader.transform.script import script_label as label

    return label(info)


def length_label(article: Article) -> str:
    n = sum(len(b.text) for b in article.blocks)
    if n >= 10_000:
        return f"{n / 10_000:.1f}万字"
    return f"{n}字"
