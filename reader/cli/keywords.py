"""`reader keywords`: the article's automatic keywords (jieba TF-IDF or TextRank),
in the page's own script, as a ranked table or JSON."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from reader.cli.common import Parser, UsageError, load_articles, report
from reader.errors import PageError
from reader.terminal import sanitize, stdout


def _top(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a number >= 1, not {n}")
    return n


def build_parser() -> Parser:
    p = Parser(prog="reader keywords", description="Print the keywords of scraped Chinese pages.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="page files, folders, or - for standard input")
    p.add_argument("--top", type=_top, default=10, metavar="N", help="how many keywords (default: 10)")
    p.add_argument("--method", choices=("tfidf", "textrank"), default="tfidf", help="jieba's ranking (default: tfidf)")
    p.add_argument("-f", "--format", choices=("text", "json"), default="text", help="output format (default: text)")
    p.add_argument("--userdict", metavar="FILE", help="jieba user dictionary (word [freq] [tag] per line)")
    p.add_argument("--stopwords", metavar="FILE", help="extra stop words, one per line")
    return p


SIDE_FILE_LIMIT = 16 * 1024 * 1024  # a stop-word list or dictionary a person keeps is far smaller


def _side_file(option: str, path: str) -> bytes:
    from reader.errors import LoadError
    from reader.sources import read_small_file

    try:
        return read_small_file(path, SIDE_FILE_LIMIT)
    except LoadError as exc:
        raise UsageError(f"{option}: {exc}") from None


def _as_regular_file(path: str, data: bytes) -> str:
    """jieba reads its dictionary by path: a FIFO already read goes through a temporary copy."""
    import os
    import stat
    import tempfile

    if stat.S_ISREG(os.stat(path).st_mode):
        return path
    fd, tmp = tempfile.mkstemp(prefix="reader-userdict-", suffix=".txt")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    return tmp


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    from reader.transform.keywords import Keyword, keywords, load_userdict

    stop: list[str] = []
    if args.stopwords:
        text = _side_file("--stopwords", args.stopwords).decode("utf-8-sig", errors="replace")
        stop = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if args.userdict:
        data = _side_file("--userdict", args.userdict)
        try:
            load_userdict(_as_regular_file(args.userdict, data))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise UsageError(f"--userdict: cannot read {args.userdict}: {exc.strerror if isinstance(exc, OSError) else exc}") from None

    out = stdout()
    several = len(args.paths) > 1 or any(Path(p).is_dir() for p in args.paths)
    failed = 0
    results: list[tuple[str, list[Keyword]]] = []
    for item in load_articles(args.paths):
        if isinstance(item, PageError):
            report(str(item))
            failed += 1
            continue
        found = keywords(item, top=args.top, method=args.method, stopwords=stop)
        if args.format == "json":
            results.append((item.name, found))
            continue
        if several:
            out.write(("\n" if results else "") + f"==> {sanitize(item.name)} <==\n")
        out.write(sanitize(table(found)))
        out.flush()
        results.append((item.name, found))
    if args.format == "json" and results:
        def objs(found: list[Keyword]) -> list[dict]:
            return [{"word": k.word, "weight": k.weight, "count": k.count} for k in found]

        data = [{"input": name, "keywords": objs(found)} for name, found in results] if several else objs(results[0][1])
        out.write(sanitize(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")
    out.flush()
    return 1 if failed else 0


def table(found) -> str:
    """A ranked table: rank, word (padded by terminal cells), weight, count."""
    from reader.transform.wrap import cell_width

    if not found:
        return "(no keywords)\n"
    word_w = max(4, *(cell_width(k.word) for k in found))
    lines = [f"{'#':>3}  {'word'}{' ' * (word_w - 4)}  {'weight':>8}  {'count':>5}"]
    for rank, k in enumerate(found, 1):
        pad = " " * (word_w - cell_width(k.word))
        lines.append(f"{rank:>3}  {k.word}{pad}  {k.weight:>8.4f}  {k.count:>5}")
    return "\n".join(lines) + "\n"
