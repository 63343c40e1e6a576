"""reader: a terminal reader for scraped Chinese news pages.

The flow is sources (inputs -> raw pages) -> load (bytes -> Page) -> extract
(Page -> Article) -> transform (script conversion, punctuation), wired in one place,
`reader.pipeline`; the CLI, the app and the batch runner present what it returns.

Library use::

    import reader
    article = reader.clean(html_bytes, url="https://example.com/a")
    article.title, article.body_text, article.to_dict()

`import reader` is cheap: it imports neither Textual, jieba, OpenCC nor the CLI.
"""
from __future__ import annotations

import os as _os
import signal as _signal
import sys as _sys


def _quiet_interrupt(signum: int, frame: object) -> None:
    """Ctrl-C while the `reader` command is still starting: exit 130, no traceback."""
    _os._exit(130)


# Only when this package is being started as the `reader` command (the console script,
# or `python -m reader`, whose argv[0] is "-m" while the package is imported), never
# for a program that imports the library; `reader.cli.main` restores Python's handler.
if (
    _os.path.basename(_sys.argv[0] if _sys.argv else "") in ("reader", "-m")
    and _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler
):
    _signal.signal(_signal.SIGINT, _quiet_interrupt)

from typing import TYPE_CHECKING, Any  # noqa: E402

from reader.errors import PageError  # noqa: E402

__version__ = "0.1.0"

if TYPE_CHECKING:
    from reader.model import Article
    from reader.pipeline import Options, clean

_LAZY = {"clean": "reader.pipeline", "Options": "reader.pipeline", "Article": "reader.model"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'reader' has no attribute {name!r}")


__all__ = ["clean", "Options", "Article", "PageError", "__version__"]
