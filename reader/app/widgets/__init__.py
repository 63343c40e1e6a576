"""Widgets of the reading app."""
from reader.app.widgets.article_view import ArticleView
from reader.app.widgets.lines_view import LinesView
from reader.app.widgets.parallel_view import ParallelView

__all__ = ["ArticleView", "LinesView", "ParallelView"]
