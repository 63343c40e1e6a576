"""`reader [PATH…]`: open pages in the reading app.

* no PATH: the sample articles shipped inside the package;
* one file: straight into the reader; several paths or a folder: the library;
* `-`: the page is read from standard input first, then the terminal is reopened
  as standard input so the app still gets keys (`cat page.html | reader -`);
* stdout not a terminal: print the cleaned text instead, like `reader clean`.

Pages come from `reader.pipeline.iter_pages` (paths, folders, containers, stdin) as
raw bytes; the app extracts them through the same pipeline in worker processes.
"""
from __future__ import annotations

import argparse

import os
import sys
from importlib import resources
from pathlib import Path

from reader.cli.common import Parser, UsageError, report


def build_parser() -> Parser:
    p = Parser(
        prog="reader",
        description=(
            "Read scraped Chinese news pages in the terminal: boilerplate stripped, "
            "简/繁 conversion, keyword highlighting. Subcommands: 'reader clean PATH…' "
            "prints the cleaned text, 'reader keywords PATH…' lists keywords."
        ),
        epilog=(
            "With no PATH the bundled sample articles open. Keys: press ? in the app.\n\n"
            "exit status: 0 fine; 1 an input could not be read (or output not written); "
            "2 usage error; 130 interrupted; 128+N the terminal closed (signal N), "
            "after the reading place was saved"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="page files, folders, or - for standard input")
    return p


def sample_dir() -> Path:
    """The sample articles shipped in the package (falls back to a source checkout)."""
    packaged = Path(str(resources.files("reader") / "sample_articles"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "sample_articles"


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _stdin_is_terminal() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def reopen_terminal_as_stdin() -> None:
    """After reading a piped page, take keys from the terminal (as toolong does)."""
    if _stdin_is_terminal():
        return
    fd = os.open("/dev/tty", os.O_RDONLY)
    os.dup2(fd, 0)
    os.close(fd)
    sys.stdin = sys.__stdin__ = os.fdopen(0, "r", closefd=False)


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    paths: list[str] = list(args.paths)
    if not paths:
        samples = sample_dir()
        if not samples.is_dir():
            report("the sample articles are missing from this installation; give a PATH")
            return 1
        paths = [str(samples)]
    if paths.count("-") > 1:
        raise UsageError("'-' (standard input) can be given only once")

    if not _stdout_is_terminal():
        from reader.cli import clean

        return clean.run(paths)

    from reader.app.library import Entry
    from reader.errors import LoadError
    from reader.pipeline import iter_pages

    entries: list[Entry] = []
    errors: list[str] = []
    for item in iter_pages(paths):
        if isinstance(item, LoadError):
            report(str(item))
            errors.append(str(item))
            continue
        entries.append(Entry.from_raw(item))
    if not entries:
        return 1
    if "-" in paths or not _stdin_is_terminal():
        try:
            reopen_terminal_as_stdin()
        except OSError as exc:
            report(f"cannot open the terminal for keys after reading standard input: {exc.strerror or exc}")
            return 1

    single_file = len(paths) == 1 and len(entries) == 1 and not Path(paths[0]).is_dir()
    from reader.app.app import ReaderApp

    app = ReaderApp(entries, open_index=0 if single_file else None, errors=errors)
    app.run()
    if app.watchdog is not None:
        app.watchdog.cancel()  # the shutdown a signal asked for did finish
    return 1 if errors and app.return_code in (None, 0) else (app.return_code or 0)


__all__ = ["run", "sample_dir"]
