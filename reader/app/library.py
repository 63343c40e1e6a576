"""The pages the app was started with: one `Entry` per page, filled in as it loads.

An entry starts with its raw page (bytes, from `reader.pipeline.iter_pages`) and
gets its article or its error from the loader (`reader.app.loader`); the raw bytes
are dropped then.  The blocks the reader kept on this page (`kept`, from the app's
state) stand again in `article`; `cleaned` is the article as the loader gave it, so
a keep can be undone.  What the app derives from the article (conversions to the other
script, keywords, the folded text the library filter searches) is cached here.
Labels for the library's columns live here too, so the list and the status line
say the same thing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from reader.errors import PageError
from reader.model import Article, Script, ScriptInfo
from reader.sources import RawPage

SCRIPT_LEGEND = "文: 简 Simplified · 繁 Traditional · 混 mixed (both scripts on one page, often a partly converted copy) · ? too little Chinese to tell"


@dataclass(eq=False)
class Entry:
    name: str
    raw: RawPage | None = None  # until the page is extracted
    path: Path | None = None  # the input file, when the page is one (exports never overwrite it)
    article: Article | None = None  # `cleaned` with the `kept` blocks standing again
    error: str | None = None
    kept: tuple[str, ...] = ()  # removed blocks kept on this page (state.kept_key of their text)
    cleaned: Article | None = field(default=None, repr=False)  # as extracted, user rules applied
    conversions: dict[str, Article] = field(default_factory=dict)
    keywords: list | None = None  # list[reader.transform.keywords.Keyword] once computed
    _folded: str | None = field(default=None, repr=False)

    @classmethod
    def from_article(cls, article: Article) -> "Entry":
        entry = cls(name=article.name or article.title)
        entry.set_article(article)
        return entry

    @classmethod
    def from_raw(cls, raw: RawPage) -> "Entry":
        return cls(name=raw.name, raw=raw, path=file_path(raw))

    @property
    def ready(self) -> bool:
        return self.article is not None or self.error is not None

    @property
    def script(self) -> ScriptInfo | None:
        return self.article.script if self.article is not None else None

    def set_article(self, article: Article) -> None:
        if article.script is None:
            from reader.pipeline import with_script

            article = with_script(article)
        if not article.name:
            article = article.with_changes(name=self.name)
        self.cleaned = article
        self.error = None
        self.raw = None
        self._show_kept()

    def set_kept(self, kept: tuple[str, ...]) -> bool:
        """Keep these removed blocks on this page (by kept key); True when the article
        was made again (what was derived from it is then dropped)."""
        kept = tuple(kept)
        if kept == self.kept:
            return False
        self.kept = kept
        if self.cleaned is None:
            return False
        self._show_kept()
        return True

    def _show_kept(self) -> None:
        from reader.app.kept import with_kept

        assert self.cleaned is not None
        self.article = with_kept(self.cleaned, self.kept)
        self.conversions.clear()
        self.keywords = None
        self._folded = None

    def set_result(self, result: Article | PageError | BaseException) -> None:
        """What the loader sent back: an article, or the page's one error line."""
        if isinstance(result, Article):
            self.set_article(result)
            return
        text = str(result) if isinstance(result, PageError) else f"{self.name}: {type(result).__name__}: {result}"
        self.error = text
        self.raw = None

    # -- what the library shows and sorts by ---------------------------------------
    @property
    def title(self) -> str:
        return self.article.title if self.article and self.article.title else Path(self.name).name

    @property
    def length(self) -> int:
        return sum(len(b.text) for b in self.article.blocks) if self.article else -1

    @property
    def removed_count(self) -> int:
        return len(self.article.removed) if self.article else -1

    @property
    def date_key(self) -> str:
        """The article's date as a sortable string (YYYY-MM-DD HH:MM), "" if none."""
        return normalise_date(self.article.date) if self.article and self.article.date else ""

    @property
    def site(self) -> str:
        return (self.article.site or "") if self.article else ""

    def folded_text(self) -> str:
        """Title, site, file name and text, folded (简/繁, case) for the filter."""
        if self._folded is None:
            from reader.transform.highlight import fold

            parts = [self.name]
            if self.article is not None:
                parts += [self.article.title, self.article.site or "", self.article.body_text]
            text = "\n".join(parts)
            if self.article is None:
                return fold(text)
            self._folded = fold(text)
        return self._folded


def file_path(raw: RawPage) -> Path | None:
    """The file a raw page was read from (None for stdin and container records)."""
    if raw.name.startswith("<") or "#" in raw.name:
        return None
    path = Path(raw.name)
    return path if path.is_file() else None


_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\D{0,3}(\d{1,2})[:：](\d{2}))?")


def normalise_date(text: str) -> str:
    """'2025年3月7日 9:05' -> '2025-03-07 09:05'; text with no date -> ''."""
    m = _DATE.search(text)
    if not m:
        return ""
    y, mo, d, h, mi = m.groups()
    out = f"{y}-{int(mo):02d}-{int(d):02d}"
    if h is not None:
        out += f" {int(h):02d}:{mi}"
    return out


def script_label(info: ScriptInfo | None) -> str:
    """简/繁/混/? for the library and status line ("…" while not known yet)."""
    if info is None:
        return "…"
    return {Script.SIMPLIFIED: "简", Script.TRADITIONAL: "繁", Script.MIXED: "混"}.get(info.script, "?")


def length_label(article: Article) -> str:
    n = sum(len(b.text) for b in article.blocks)
    if n >= 10_000:
        return f"{n / 10_000:.1f}万字"
    return f"{n}字"


__all__ = ["Entry", "SCRIPT_LEGEND", "script_label", "length_label", "normalise_date", "file_path"]
