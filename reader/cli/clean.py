"""`reader clean`: print the cleaned article(s) as text, markdown or JSON, to stdout
or one file per article under --output-dir.

The pipeline (load → extract → convert → punctuation) runs in `reader.batch`, in
worker processes when there is more than one page; this module only renders what
comes back, in input order: highlight / wrap → render → sanitize → write.
Highlighting is computed on the displayed (converted) text.  jieba is only imported
with --keywords (and only when colour is actually shown).
"""
from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path
from typing import Callable, TextIO

from reader import pipeline, render
from reader.cli.common import Parser, UsageError, discard_stderr, report
from reader.cli.output import DirSink, OutputError, StdoutSink, stdout_stream as output_stream
from reader.cli.progress import Progress
from reader.model import Article
from reader.pipeline import Options
from reader.sources import Skipped
from reader.terminal import sanitize, use_color

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
    p = Parser(
        prog="reader clean",
        description="Strip the boilerplate from scraped pages and print the article. Inputs are page files "
        "(HTML in any encoding, text or markdown dumps), folders, - for standard input, and scrape containers "
        "recognised by content: gzip/bz2/xz files, WARC (.warc, .warc.gz) and JSONL feed exports.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="page files, folders, containers, or - for standard input")
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
    p.add_argument("--rules", metavar="FILE",
                   help="your keep/remove rules (default: rules.toml in the config folder, as the app writes it)")
    p.add_argument("--no-rules", action="store_true", help="ignore your rules file: the cleaner's result as it is")
    batch = p.add_argument_group("batches")
    batch.add_argument("-j", "--jobs", type=_positive(1), metavar="N",
                       help="worker processes (default: one per CPU when there is more than one page)")
    batch.add_argument("-o", "--output-dir", metavar="DIR",
                       help="write one file per article under DIR (.txt, .md or .json by format), mirroring the "
                       "input tree; a container's records go to DIR/<container>/<record>; existing files are skipped")
    batch.add_argument("--overwrite", action="store_true", help="with --output-dir: redo outputs that exist")
    batch.add_argument("--timeout", type=_seconds, default=60.0, metavar="SECONDS",
                       help="give up on a page after SECONDS (default: 60; 0: never)")
    batch.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary on stderr")
    batch.add_argument("--field", metavar="NAME",
                       help="JSONL: the field holding the page (default: the first of html, raw_html, body, content, text)")
    batch.add_argument("--dask", metavar="SCHEDULER",
                       help="run on a Dask distributed cluster at SCHEDULER (tcp://host:8786); needs the dask extra")
    return p


def _seconds(value: str) -> float:
    try:
        n = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, not {value!r}") from None
    if not (0 <= n < 1e9):
        raise argparse.ArgumentTypeError(f"expected a number of seconds >= 0, not {value}")
    return n


def stderr_stream() -> TextIO | None:
    import sys

    from reader.terminal import utf8_stream

    return utf8_stream(sys.stderr) if sys.stderr is not None else None


def _check_config(config: str) -> None:
    from reader.transform.convert import is_valid_config

    if not is_valid_config(config):
        from reader.transform.convert import CONFIGS

        raise UsageError(f"unknown OpenCC config {config!r} (choose from {', '.join(CONFIGS)}; chain with '+')")


EXIT_CODES = """exit status:
  0    every page was cleaned (or its output existed already)
  1    some page could not be read or held no article, or output could not be written
  2    usage error (bad option or argument)
  130  interrupted (Ctrl-C)
  a closed pipe (reader clean … | head) ends quietly with 0"""


def options_from(args: argparse.Namespace) -> Options:
    """The pipeline options this command line asks for."""
    rules: tuple = ()
    if not args.no_rules:
        from reader.user_rules import load_user_rules

        loaded = load_user_rules(args.rules)
        for problem in loaded.problems:
            report(problem)
        if args.rules and not Path(args.rules).exists():
            raise UsageError(f"--rules: {args.rules}: no such file")
        rules = loaded.rules
    return Options(
        user_rules=rules,
        convert=args.convert,
        to=args.to,
        punctuation=args.punctuation,
        detect_script=args.format in ("json", "jsonl"),
        keep_raw=False,  # printed articles never show the raw page: do not carry it
        field=args.field,
    )


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.convert:
        _check_config(args.convert)
    if args.paths.count("-") > 1:
        raise UsageError("'-' (standard input) can be given only once")
    options = options_from(args)
    try:
        return _run(args, options)
    except OutputError as exc:
        report(str(exc))
        return 1
    except Exception as exc:
        if type(exc).__name__ != "ClusterError":
            raise
        report(str(exc))
        return 1


def _run(args: argparse.Namespace, options: Options) -> int:
    from reader import batch

    dir_sink = DirSink(Path(args.output_dir), args.format, args.overwrite) if args.output_dir else None
    out = None if dir_sink else output_stream()
    several = len(args.paths) > 1 or any(_is_dir(p) for p in args.paths)
    items = pipeline.iter_pages(args.paths, options)
    if args.dask:
        from reader.cluster import run_on_cluster

        outcomes = run_on_cluster(items, options, args.dask, timeout=args.timeout or None,
                                  skip=dir_sink.exists if dir_sink else None)
    else:
        outcomes = batch.run(items, options, jobs=args.jobs, timeout=args.timeout or None,
                             skip=dir_sink.exists if dir_sink else None)
    # Peek at two outcomes: a folder or container of one page prints like one page.
    first = list(itertools.islice(outcomes, 2))
    several = several or len(first) > 1
    outcomes = itertools.chain(first, outcomes)

    errors = stderr_stream()
    progress = Progress(enabled=not args.quiet and several and _is_terminal(errors), total=None)
    sink = StdoutSink(out, args.format, several) if out is not None or dir_sink is None else None
    colour = bool(args.highlight or args.keywords) and dir_sink is None and use_color(args.color, out)
    failed = 0
    progress.start()
    try:
        for outcome in outcomes:
            result = outcome.result
            if result is None:  # output exists: a resumed run
                progress.advance(ok=True, skipped=True)
                continue
            if isinstance(result, Skipped):  # a FIFO or device in a folder: a note, not a failure
                _warn(errors, progress, str(result))
                continue
            if not isinstance(result, Article):
                failed += 1
                progress.advance(ok=False)
                _warn(errors, progress, str(result))
                continue
            article = render.sanitize_article(result)  # once; the renderers' own pass is then cheap
            for warning in article.warnings:  # what loading repaired: said, not fatal
                _warn(errors, progress, f"{article.name}: warning: {warning}")
            if args.show_removed:
                _warn(errors, progress, render.removed_report(article).rstrip("\n"), prefix=False)
            if dir_sink is not None:
                if args.format == "json":
                    text = json.dumps(render.sanitize_data(article.to_dict()), ensure_ascii=False, indent=2) + "\n"
                else:
                    text = _render(article, args, [], several=False, first=True)
                try:
                    dir_sink.write(outcome.relpath, text, article.name)
                except OutputError as exc:
                    failed += 1
                    progress.advance(ok=False)
                    _warn(errors, progress, str(exc))
                    continue
            else:
                assert sink is not None
                if args.format == "json":
                    sink.write(sink.article_json(render.sanitize_data(article.to_dict())))
                else:
                    terms = _terms(article, args) if colour else []
                    body = _render(article, args, terms, several, first=sink.count == 0)
                    sink.write(body if terms else sanitize(body))  # sanitized before marking
                sink.count += 1
            progress.advance(ok=True)
        if sink is not None:
            sink.close(any_output=sink.count > 0)
    finally:
        summary = progress.stop()
    if summary:
        _warn(errors, None, summary)
    return 1 if failed else 0


def _warn(errors: TextIO | None, progress: Progress | None, line: str, prefix: bool = True) -> None:
    """One line on stderr; stderr failing (2>/dev/full) must not stop the articles."""
    text = f"reader: {line}" if prefix else line
    if progress is not None and progress.console_print(text):
        return
    if errors is None:
        return
    try:
        errors.write(sanitize(text) + "\n")
        errors.flush()
    except (OSError, ValueError):
        discard_stderr()


def _is_dir(path: str) -> bool:
    try:
        return path != "-" and Path(path).is_dir()
    except (OSError, ValueError):
        return False


def _is_terminal(stream: TextIO | None) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (ValueError, OSError):
        return False


def _terms(article: Article, args) -> list[str]:
    terms = [t.strip() for t in args.highlight if t.strip()]
    if args.keywords:
        from reader.transform.keywords import keywords

        terms += [k.word for k in keywords(article, top=args.keywords)]
    return list(dict.fromkeys(terms))


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
