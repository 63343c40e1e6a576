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

from typing import TYPE_CHECKING, Any

from reader.errors import PageError

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
