"""Pieces every subcommand shares: argument parsing that exits 2, error reporting,
loading inputs one by one so a bad input never stops the others."""
from __future__ import annotations

import argparse
import os
import sys
from typing import Iterator

from typing import TYPE_CHECKING

from reader.errors import PageError
from reader.model import Article
from reader.terminal import sanitize, stderr


class UsageError(Exception):
    """Wrong arguments: reported as one line, exit status 2."""


class Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing usage and exiting mid-flight."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see '{self.prog} --help')")


def report(message: str) -> None:
    try:
        stderr().write(f"reader: {sanitize(message)}\n")
        stderr().flush()
    except (OSError, ValueError, AttributeError):  # 2>/dev/full, 2>&-: the exit status still tells
        discard_stderr()


def discard_stderr() -> None:
    """stderr cannot be written: send it to /dev/null from now on, so what is still
    buffered neither stops the work nor fails the exit (Python's status 120)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)
    except OSError:
        pass


def quiet_broken_pipe() -> None:
    """The reader of our output went away (`| head`): stop without a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def load_articles(paths: list[str], options: "Options | None" = None) -> Iterator[Article | PageError]:
    """Each input through the pipeline, in order; failures come back as `PageError`s
    in place, so a bad input never stops the others."""
    from reader import pipeline

    if paths.count("-") > 1:
        raise UsageError("'-' (standard input) can be given only once")
    options = options or pipeline.Options(keep_raw=False)
    for item in pipeline.iter_pages(paths, options):
        yield item if isinstance(item, PageError) else pipeline.process_safely(item, options)


if TYPE_CHECKING:
    from reader.pipeline import Options

__all__ = ["Parser", "UsageError", "report", "load_articles"]
