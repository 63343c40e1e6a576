"""The reading pane: an article laid out at a readable width, centred.

The view owns the layout inputs (paragraphs, width, highlight terms, query) and
re-lays itself out on resize, keeping the paragraph at the top of the screen in
place, so a width or script change does not lose the reader's place.
"""
from __future__ import annotations

from functools import partial
from typing import Sequence

from textual import events
from textual.message import Message

from reader.app.layout import Document, Para, lay_out
from reader.app.widgets.lines_view import LinesView

MIN_MARGIN = 1
SYNC_LIMIT = 60_000  # characters; bigger articles are laid out in a worker thread


class ArticleView(LinesView):
    DEFAULT_CSS = """
    ArticleView { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.paras: list[Para] = []
        self.width_cells: int | None = 80  # None: full width
        self.keywords: list[str] = []
        self.query_text = ""
        self.current_match = -1
        self.document = Document([], {}, [], [])
        self._laid_width = -1
        self._generation = 0
        self.laying_out = False

    class Laid(Message):
        """A layout done in a worker thread (big articles) is now on screen."""

    # -- inputs ------------------------------------------------------------------
    def show(
        self,
        paras: Sequence[Para],
        *,
        width_cells: int | None,
        keywords: Sequence[str] = (),
        query: str = "",
        current: int = -1,
        keep_place: bool = True,
    ) -> None:
        anchor = self.top_block() if keep_place and self.paras else None
        self.paras = list(paras)
        self.width_cells = width_cells
        self.keywords = list(keywords)
        self.query_text = query
        self.current_match = current
        self.relayout(anchor)

    def text_width(self) -> tuple[int, int]:
        """(wrap width, left margin) for the current size."""
        avail = max(10, self.scrollable_content_region.width - 2 * MIN_MARGIN)
        width = avail if self.width_cells is None else min(self.width_cells, avail)
        margin = MIN_MARGIN + (avail - width) // 2
        return width, margin

    def relayout(self, anchor: int | None = None) -> None:
        """Lay the paragraphs out for the current size; keep block `anchor` on top.

        Articles up to SYNC_LIMIT characters are laid out at once; bigger ones in a
        worker thread (`laying_out` is True until then, and `Laid` is posted after).
        """
        if not self.size.width:
            return
        self.styles_changed()  # remember the styles this layout used
        width, margin = self.text_width()
        args = (self.paras, width, self.styles_for_layout(), self.keywords, self.query_text, self.current_match, margin)
        self._laid_width = self.scrollable_content_region.width
        self._generation += 1
        if sum(len(p.text) for p in self.paras) <= SYNC_LIMIT:
            self._apply(self._generation, lay_out(*args), anchor)
            return
        self.laying_out = True
        generation = self._generation
        self.run_worker(partial(self._lay_in_thread, generation, args, anchor), thread=True, group="article-layout", exit_on_error=False)

    def _lay_in_thread(self, generation: int, args: tuple, anchor: int | None) -> None:
        document = lay_out(*args)
        try:
            self.app.call_from_thread(self._apply, generation, document, anchor, True)
        except RuntimeError:
            pass

    def _apply(self, generation: int, document: Document, anchor: int | None, from_thread: bool = False) -> None:
        if generation != self._generation:
            return  # superseded by a newer layout
        self.laying_out = False
        self.document = document
        self.set_lines(document.lines)
        if anchor is not None:
            self.scroll_to_block(anchor)
        if from_thread:
            self.post_message(self.Laid())

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._laid_width:
            self.relayout(self.top_block() if self.paras else None)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted and self.paras and self.styles_changed():
            self.call_later(self.relayout, self.top_block())

    # -- places ----------------------------------------------------------------
    def top_block(self) -> int:
        """The kept block at (or last started before) the top of the view."""
        top = self.top_line
        best = 0
        for block, line in self.document.block_lines.items():
            if line <= top and block >= best:
                best = block
        return best

    def scroll_to_block(self, block: int) -> None:
        lines = self.document.block_lines
        if not lines:
            return
        candidates = [b for b in lines if b <= block]
        target = max(candidates) if candidates else min(lines)
        if block == 0 and target == 0:
            self.scroll_to(y=0, animate=False, immediate=True)
            return
        self.scroll_to_line(lines[target])

    @property
    def matches(self) -> list[int]:
        return self.document.matches
