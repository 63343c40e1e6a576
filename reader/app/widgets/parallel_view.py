"""Side-by-side: two columns in one scrolling view, aligned by paragraph.

Both panes live in one Line API widget, so they can never scroll apart; each row is
the left line padded (in cells: CJK is two wide) to the column, a rule, the right
line.  The rows are built by `reader.app.layout.lay_side_by_side`.
"""
from __future__ import annotations

from functools import partial
from typing import Sequence

from textual import events

from reader.app.layout import Para, lay_side_by_side
from reader.app.widgets.lines_view import LinesView

SEPARATOR = " │ "
SYNC_LIMIT = 60_000  # characters; larger pairs are laid out in a worker thread


class ParallelView(LinesView):
    DEFAULT_CSS = """
    ParallelView { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.pairs: list[tuple[Para | None, Para | None]] = []
        self.keywords: list[str] = []
        self.width_cells: int | None = None
        self._laid_width = -1
        self._generation = 0

    def column_width(self) -> int:
        avail = max(10, (self.scrollable_content_region.width - len(SEPARATOR) - 1) // 2)
        return avail if self.width_cells is None else min(avail, self.width_cells)

    def show(self, pairs: Sequence[tuple[Para | None, Para | None]], *, width_cells: int | None, keywords: Sequence[str] = ()) -> None:
        self.pairs = list(pairs)
        self.width_cells = width_cells
        self.keywords = list(keywords)
        self.relayout()

    def relayout(self) -> None:
        if not self.size.width:
            return
        self.styles_changed()  # remember the styles this layout used
        args = (
            self.pairs,
            self.column_width(),
            self.styles_for_layout(),
            self.keywords,
            SEPARATOR,
            self.get_component_rich_style("lines-view--separator"),
        )
        self._laid_width = self.scrollable_content_region.width
        self._generation += 1
        size = sum(len(p.text) for pair in self.pairs for p in pair if p is not None)
        if size <= SYNC_LIMIT:
            self._apply(self._generation, lay_side_by_side(*args))
            return
        # a big raw page: wrap it in a thread so the event loop never stalls
        generation = self._generation
        self.run_worker(partial(self._lay_in_thread, generation, args), thread=True, group="parallel-layout", exit_on_error=False)

    def _lay_in_thread(self, generation: int, args: tuple) -> None:
        lines = lay_side_by_side(*args)
        try:
            self.app.call_from_thread(self._apply, generation, lines)
        except RuntimeError:
            pass

    def _apply(self, generation: int, lines: list) -> None:
        if generation != self._generation:
            return  # a newer layout was asked for meanwhile
        top = self.top_line
        self.set_lines(lines)
        self.scroll_to(y=top, animate=False, immediate=True)

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._laid_width:
            self.relayout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted and self.pairs and self.styles_changed():
            self.call_later(self.relayout)

    def column_text(self, side: int) -> str:
        """The plain text of one column (0 left, 1 right), for tests."""
        column = self.column_width()
        out = []
        for line in self.plain_lines:
            cells = 0
            left_chars = []
            for ch in line:
                if cells >= column:
                    break
                left_chars.append(ch)
                from rich.cells import cell_len

                cells += cell_len(ch)
            left = "".join(left_chars)
            right = line[len(left) + len(SEPARATOR):]
            out.append((left if side == 0 else right).rstrip())
        return "\n".join(out)
