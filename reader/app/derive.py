"""What the app derives from an article in a worker process: its keywords.

A top-level function (picklable) so a process pool can run it: jieba's dictionary
load and segmentation hold the interpreter for a second or more on a long page,
which in a thread would freeze the screen.  The `warm_*` functions load what the
first `h` needs ahead of it (the app runs them after its first frame), so that
press pays only for the work itself.
"""
from __future__ import annotations

from reader.model import Article

TOP_KEYWORDS = 10


def article_keywords(article: Article) -> list:
    from reader.transform.keywords import keywords

    return keywords(article, top=TOP_KEYWORDS)


def warm_keywords() -> None:
    """In the keyword worker: the segmenter, its dictionary and the IDF tables."""
    from reader.model import Block, BlockKind, Script, ScriptInfo

    # a two-sentence page runs every stage once (dictionary, IDF table, new words)
    sample = Article(
        title="阿里云发布新模型",
        blocks=(Block(BlockKind.PARAGRAPH, "阿里云在杭州举办云栖大会，发布了新一代大模型。開發者認為門檻降低了。"),),
        script=ScriptInfo(Script.SIMPLIFIED, 1.0),
    )
    article_keywords(sample)


def warm_highlighting() -> None:
    """In the app: the folding table (Traditional to Simplified, case) the search
    compares by and the table of terms OpenCC can fold otherwise; the converters
    themselves load for the few terms that need them (`highlight.variants`)."""
    from reader.transform.highlight import variants

    variants("云")
