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


_OS_REASONS = {
    "ENOENT": "no such file",
    "EISDIR": "is a directory",
    "EACCES": "permission denied",
    "EPERM": "permission denied",
    "ELOOP": "symbolic link loop",
    "ENOTDIR": "not a folder",
    "ENAMETOOLONG": "file name too long",
    "ENOSPC": "no space left on the device",
    "EBADF": "it is closed",
    "EROFS": "read-only file system",
    "EDQUOT": "disk quota exceeded",
}


def os_reason(exc: OSError) -> str:
    """An OS error in the plain words every one-line message uses."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    return _OS_REASONS.get(name) or exc.strerror or str(exc)


__all__ = ["PageError", "LoadError", "ExtractError", "os_reason"]
