"""The one error a page can raise: `PageError`, with a one-line reason.

Loading (`LoadError`: unreadable, too large, binary) and extraction (`ExtractError`:
no article text) both derive from it, so a caller of the library API or a batch
worker catches one type and reports `str(exc)` as the page's one error line.
"""
from __future__ import annotations


class PageError(Exception):
    """A page that cannot be turned into an article; `str()` is one line for the user."""

    def __str__(self) -> str:
        text = super().__str__()
        return " ".join(text.split())  # never two lines, whatever a file name holds


class LoadError(PageError):
    """An input that cannot be read as a page."""


class ExtractError(PageError):
    """The page holds no article text."""


__all__ = ["PageError", "LoadError", "ExtractError"]
