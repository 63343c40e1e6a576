"""The pipeline: the one place that wires load -> extract -> transform.

`Options` holds every choice a run makes; `process(raw, options)` turns one
`RawPage` into an `Article` (or raises `PageError`), and is what the CLI, the app's
library loader, the batch runner and the Dask engine all call.  `clean()` is the
library API on top of it.  Heavy libraries (trafilatura, OpenCC) are imported by the
stages that need them, when they need them.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any, Iterable, Iterator

from reader.errors import ExtractError, LoadError, PageError
from reader.model import Article, Page
from reader.sources import MAX_BYTES, RawPage, ReadOptions


@dataclass(frozen=True)
class Options:
    """Everything a run decides, passed explicitly to every stage (picklable)."""

    convert: str | None = None  # an OpenCC config ("s2twp", "t2s+s2hk", …)
    to: str | None = None  # a target script: simplified, traditional, taiwan, hongkong
    punctuation: str = "keep"  # "fullwidth": ASCII ,:;?!() in Chinese text become full width
    detect_script: bool = False  # fill Article.script (JSON output and the app want it)
    keep_raw: bool = True  # keep the decoded page on Article.raw_text (the app's raw | cleaned)
    max_bytes: int = MAX_BYTES
    field: str | None = None  # the JSONL field holding the page
    user_rules: tuple[Any, ...] = ()  # the reader's own keep/remove rules (reader.user_rules.Rule)

    @property
    def read(self) -> ReadOptions:
        return ReadOptions(max_bytes=self.max_bytes, field=self.field)

    @classmethod
    def from_kwargs(cls, **kwargs: Any) -> "Options":
        names = {f.name for f in fields(cls)}
        unknown = sorted(set(kwargs) - names)
        if unknown:
            raise TypeError(f"unknown option(s): {', '.join(unknown)} (choose from {', '.join(sorted(names))})")
        return cls(**kwargs)


def load(raw: RawPage, options: Options) -> Page:
    from reader.load import load_bytes

    if len(raw.data) > options.max_bytes:
        raise LoadError(f"{raw.name}: too large to be a page ({len(raw.data) // (1024 * 1024)} MB)")
    page = load_bytes(raw.data, raw.name, encoding_hint=raw.encoding)
    return replace(page, url=raw.url) if raw.url else page


def transform(article: Article, options: Options) -> Article:
    """Script detection, conversion and punctuation, as the options ask; nothing else."""
    if options.to:
        from reader.transform.convert import convert_article_to

        article = convert_article_to(with_script(article), options.to)  # only what is not yet in the target
    elif options.convert:
        from reader.transform.convert import convert_article

        article = convert_article(article, options.convert)
    if options.punctuation == "fullwidth":
        from reader.transform.punctuation import fullwidth_article

        article = fullwidth_article(article)
    if options.detect_script:
        article = with_script(article)
    return article


def with_script(article: Article) -> Article:
    """The article with `script` filled (detected on its title and body) if it is not."""
    if article.script is not None:
        return article
    from reader.transform.script import detect_script

    return article.with_changes(script=detect_script(article.title + "\n" + article.body_text))


def process(raw: RawPage, options: Options = Options()) -> Article:
    """load -> extract -> transform for one page; raises `PageError` (one line) only."""
    from reader.extract import extract

    page = load(raw, options)
    try:
        article = extract(page).with_changes(warnings=page.warnings)
    except ExtractError as exc:
        raise ExtractError(f"{raw.name}: {exc}") from None
    if options.user_rules:
        from reader.user_rules import apply_user_rules

        article = apply_user_rules(article, options.user_rules)
    if not options.keep_raw:
        article = article.with_changes(raw_text="")
    return transform(article, options)


def process_safely(raw: RawPage, options: Options) -> Article | PageError:
    """`process`, with any failure as a value: a bug on one page must not stop a batch."""
    try:
        return process(raw, options)
    except PageError as exc:
        return exc
    except RecursionError:
        return PageError(f"{raw.name}: the page is nested too deeply to read")
    except MemoryError:
        return PageError(f"{raw.name}: out of memory reading this page")
    except Exception as exc:  # noqa: BLE001 - reported as the page's one error line
        return PageError(f"{raw.name}: internal error ({type(exc).__name__}: {exc})")


def warm_up(options: Options) -> None:
    """Import what `process` will need with these options (trafilatura, lxml, the cue
    table, script detection, OpenCC), so the first page does not pay for it: in the
    batch parent before workers are forked (they share it), in the app's page worker."""
    import reader.extract
    import reader.extract.html  # noqa: F401 - trafilatura itself is imported on first use
    import trafilatura  # noqa: F401

    if options.detect_script or options.to:
        import reader.transform.script  # noqa: F401
    if options.to or options.convert:
        import reader.transform.convert  # noqa: F401


def iter_pages(args: Iterable[str], options: Options = Options(), stdin: Any = None) -> Iterator[RawPage | LoadError]:
    """The inputs the arguments name, as raw pages (or errors in their place)."""
    from reader.sources import iter_inputs

    return iter_inputs(args, options.read, stdin=stdin)


def clean(data: bytes | str, *, url: str | None = None, name: str | None = None, **options: Any) -> Article:
    """The library API: one page (bytes in any encoding, or text) -> `Article`.

    >>> import reader
    >>> article = reader.clean(open("page.html", "rb").read(), url="https://example.com/a")
    >>> article.title, article.body_text, article.to_dict()["removed"]

    Keyword options are the fields of `Options` (convert, to, punctuation,
    detect_script, keep_raw, max_bytes).  Raises `reader.PageError` with a one-line
    reason when the page holds no article or cannot be read.
    """
    opts = Options.from_kwargs(**options)
    if isinstance(data, str):
        data = data.encode("utf-8", "replace")  # a lone surrogate is a bad character, not a crash
    elif not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"clean() takes bytes or str, not {type(data).__name__}")
    raw = RawPage(name=name or url or "<page>", data=bytes(data), url=url)
    result = process_safely(raw, opts)
    if isinstance(result, PageError):
        raise result
    return result


__all__ = ["Options", "process", "process_safely", "transform", "with_script", "clean", "iter_pages", "PageError", "ExtractError", "LoadError"]
