"""Pieces every subcommand shares: argument parsing that exits 2, error reporting,
loading inputs one by one so a bad input never stops the others."""
from __future__ import annotations

import argparse
import os
import sys
from typing import Iterator

from reader.load import LoadError, Source, expand_inputs, read_source
from reader.model import Article
from reader.terminal import sanitize, stderr


class UsageError(Exception):
    """Wrong arguments: reported as one line, exit status 2."""


class Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing usage and exiting mid-flight."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see '{self.prog} --help')")


def report(message: str) -> None:
    stderr().write(f"reader: {sanitize(message)}\n")
    stderr().flush()


def quiet_broken_pipe() -> None:
    """The reader of our output went away (`| head`): stop without a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def load_articles(paths: list[str]) -> Iterator[Article | LoadError]:
    """Extract each input in order; failures come back as `LoadError`s in place."""
    from reader.extract import ExtractError, extract

    if paths.count("-") > 1:
        raise UsageError("'-' (standard input) can be given only once")
    for item in expand_inputs(paths):
        if isinstance(item, LoadError):
            yield item
            continue
        try:
            page = read_source(item)
            yield extract(page)
        except LoadError as exc:
            yield exc
        except ExtractError as exc:
            yield LoadError(f"{item.name}: {exc}")


__all__ = ["Parser", "UsageError", "report", "load_articles", "Source"]
