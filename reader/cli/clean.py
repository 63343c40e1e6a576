"""`reader clean`: print the cleaned article(s) to stdout as text, markdown or JSON.

Per article: extract → convert (--convert / --to) → punctuation → highlight / wrap →
render.  Highlighting is computed on the displayed (converted) text.  jieba is only
imported with --keywords (and only when colour is actually shown).
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Callable

from reader import render
from reader.cli.common import Parser, UsageError, load_articles, report
from reader.load import LoadError
from reader.model import Article, Block, Removed, Script
from reader.terminal import sanitize, stderr, stdout, use_color

from reader.transform.convert import TARGETS  # cheap: OpenCC itself is imported lazily


def _positive(minimum: int) -> Callable[[str], int]:
    def parse(value: str) -> int:
        try:
            n = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, not {value!r}") from None
        if n < minimum:
            raise argparse.ArgumentTypeError(f"expected a number >= {minimum}, not {n}")
        return n

    parse.__name__ = "number"
    return parse


def build_parser() -> Parser:
    p = Parser(prog="reader clean", description="Strip the boilerplate from scraped pages and print the article.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="page files, folders, or - for standard input")
    p.add_argument("-f", "--format", choices=render.FORMATS, default="text", help="output format (default: text)")
    p.add_argument("--show-removed", action="store_true", help="print removed blocks and their reasons to stderr")
    p.add_argument(
        "--title", action=argparse.BooleanOptionalAction, default=None,
        help="print the headline above the body (default: markdown yes, text no, so text "
        "output is the article's own words for other programs; JSON always has the title field)",
    )
    conv = p.add_mutually_exclusive_group()
    conv.add_argument(
        "--convert",
        metavar="CONFIG",
        help="convert with an OpenCC config: s2t, t2s, s2tw, tw2s, s2hk, hk2s, s2twp, tw2sp, t2tw, t2hk, "
        "hk2t, tw2t, t2jp, jp2t, or a chain like t2s+s2twp",
    )
    conv.add_argument(
        "--to",
        choices=TARGETS,
        help="convert to a script, choosing the config from the detected one (mixed pages are normalized)",
    )
    p.add_argument(
        "--highlight", action="append", default=[], metavar="TERM",
        help="highlight TERM in colour (repeatable; matches Simplified and Traditional forms)",
    )
    p.add_argument("--keywords", type=_positive(0), default=0, metavar="N", help="highlight the top N automatic keywords in colour (loads jieba)")
    p.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto",
        help="colour highlights: auto (on a terminal, unless NO_COLOR is set), always, never",
    )
    p.add_argument("--width", type=_positive(2), metavar="N", help="wrap text output at N terminal cells (CJK-aware)")
    p.add_argument(
        "--punctuation", choices=("keep", "fullwidth"), default="keep",
        help="fullwidth: ASCII , : ; ? ! ( ) in Chinese text become ，：；？！（） (default: keep)",
    )
    return p


def _check_config(config: str) -> None:
    from reader.transform.convert import is_valid_config

    if not is_valid_config(config):
        from reader.transform.convert import CONFIGS

        raise UsageError(f"unknown OpenCC config {config!r} (choose from {', '.join(CONFIGS)}; chain with '+')")


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.convert:
        _check_config(args.convert)
    out = stdout()
    colour = bool(args.highlight or args.keywords) and use_color(args.color, out)
    several = len(args.paths) > 1 or any(Path(p).is_dir() for p in args.paths)
    failed = 0
    printed: list[Article] = []
    for item in load_articles(args.paths):
        if isinstance(item, LoadError):
            report(str(item))
            failed += 1
            continue
        article = transform(item, args)
        if args.show_removed:
            stderr().write(sanitize(render.removed_report(article)))
        if args.format == "json":
            printed.append(article)
            continue
        terms = _terms(article, args) if colour else []
        body = _render(_sanitized(article), args, terms, several, first=not printed)
        out.write(body if terms else sanitize(body))  # the article was sanitized before marking
        out.flush()
        printed.append(article)
    if args.format == "json" and printed:
        out.write(sanitize(render.to_json(printed, as_list=several)))
    out.flush()
    return 1 if failed else 0


def transform(article: Article, args) -> Article:
    """Conversion and punctuation, as asked on the command line."""
    config = args.convert
    if args.to:
        from reader.transform.convert import config_for_target
        from reader.transform.script import detect_script

        source = article.script.script if article.script else detect_script(article.title + "\n" + article.body_text).script
        config = config_for_target(args.to, Script(source))
    if config:
        from reader.transform.convert import convert_article

        article = convert_article(article, config)
    if args.punctuation == "fullwidth":
        from reader.transform.punctuation import fullwidth_article

        article = fullwidth_article(article)
    return article


def _terms(article: Article, args) -> list[str]:
    terms = [t.strip() for t in args.highlight if t.strip()]
    if args.keywords:
        from reader.transform.keywords import keywords

        terms += [k.word for k in keywords(article, top=args.keywords)]
    return list(dict.fromkeys(terms))


def _sanitized(article: Article) -> Article:
    def s(text: str | None) -> str | None:
        return sanitize(text) if text else text

    return article.with_changes(
        title=sanitize(article.title),
        blocks=tuple(Block(b.kind, sanitize(b.text)) for b in article.blocks),
        removed=tuple(Removed(sanitize(r.text), r.reason, r.index) for r in article.removed),
        author=s(article.author), date=s(article.date), site=s(article.site), source=s(article.source), editor=s(article.editor),
        name=sanitize(article.name),
    )


def _render(article: Article, args, terms: list[str], several: bool, first: bool) -> str:
    fmt = args.format
    if fmt == "jsonl":
        return render.to_jsonl(article)
    title = _with_title(args)
    if fmt == "markdown":
        body = render.to_markdown(article, mark=_marker(terms), title=title) if terms else render.to_markdown(article, title=title)
    else:
        # Paragraphs are marked whole by the line breaker; code blocks are not
        # wrapped, so their lines are marked one by one (the article was sanitized,
        # so an ESC in a line means it is marked already).
        marker = _marker(terms) if terms else None
        body = render.to_text(
            article,
            wrap=_line_breaker(args.width, terms),
            mark=(lambda line: line if "\x1b" in line else marker(line)) if marker else (lambda line: line),
            title=title,
        )
    return (render.header(article, fmt, first) + body) if several else body


def _with_title(args) -> bool:
    title = getattr(args, "title", None)
    return args.format == "markdown" if title is None else title


def _marker(terms: list[str]) -> Callable[[str], str]:
    from reader.transform.highlight import find_spans, mark_ansi

    return lambda text: mark_ansi(text, find_spans(text, terms))


def _line_breaker(width: int | None, terms: list[str]) -> Callable[[str], list[str]] | None:
    """Paragraph -> lines: wrapped at `width` if given, terms marked on the whole
    paragraph (so a match broken over two lines is marked on both)."""
    if not width and not terms:
        return None
    from reader.transform.wrap import wrap

    def lines(text: str) -> list[str]:
        wrapped = wrap(text, width) if width else [text]
        if not terms:
            return wrapped
        from reader.transform.highlight import mark_lines

        return mark_lines(text, wrapped, terms)

    return lines
