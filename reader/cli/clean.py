"""`reader clean`: print the cleaned article(s) to stdout as text, markdown or JSON."""
from __future__ import annotations

from pathlib import Path

from reader import render
from reader.cli.common import Parser, load_articles, report
from reader.load import LoadError
from reader.model import Article
from reader.terminal import sanitize, stderr, stdout


def build_parser() -> Parser:
    p = Parser(prog="reader clean", description="Strip the boilerplate from scraped pages and print the article.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="page files, folders, or - for standard input")
    p.add_argument("-f", "--format", choices=render.FORMATS, default="text", help="output format (default: text)")
    p.add_argument("--show-removed", action="store_true", help="print removed blocks and their reasons to stderr")
    return p


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    out = stdout()
    several = len(args.paths) > 1 or any(Path(p).is_dir() for p in args.paths)
    failed = 0
    printed: list[Article] = []
    for item in load_articles(args.paths):
        if isinstance(item, LoadError):
            report(str(item))
            failed += 1
            continue
        article = item
        if args.show_removed:
            stderr().write(sanitize(render.removed_report(article)))
        if args.format == "json":
            printed.append(article)
            continue
        out.write(sanitize(_render(article, args.format, several, first=not printed)))
        out.flush()
        printed.append(article)
    if args.format == "json" and printed:
        out.write(sanitize(render.to_json(printed, as_list=several)))
    out.flush()
    return 1 if failed else 0


def _render(article: Article, fmt: str, several: bool, first: bool) -> str:
    if fmt == "jsonl":
        return render.to_jsonl(article)
    body = render.to_markdown(article) if fmt == "markdown" else render.to_text(article)
    return (render.header(article, fmt, first) + body) if several else body
