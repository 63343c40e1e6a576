"""What the app derives from an article in a worker process: its keywords.

A top-level function (picklable) so a process pool can run it: jieba's dictionary
load and segmentation hold the interpreter for a second or more on a long page,
which in a thread would freeze the screen.
"""
from __future__ import annotations

from reader.model import Article

TOP_KEYWORDS = 10


def article_keywords(article: Article) -> list:
    from reader.transform.keywords import keywords

    return keywords(article, top=TOP_KEYWORDS)
