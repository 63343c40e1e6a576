"""The reading pane: an article laid out at a readable width, centred.

The view owns the layout inputs (paragraphs, width, highlight terms, query); every
change goes through `LinesView.relayout`, which lays out only what is on screen and
keeps the paragraph at the top of the screen in place, so a width or script change
does not lose the reader's place.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Hashable, Sequence

from rich.text import Text

from reader.app.layout import Para, Styles, estimate_lines, find_terms, lay_paragraph
from reader.app.widgets.lines_view import LinesView

MIN_MARGIN = 1


class ArticleView(LinesView):
    DEFAULT_CSS = """
    ArticleView { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.paras: list[Para] = []
        self.width_cells: int | None = 80  # None: full width
        self.keywords: tuple[str, ...] = ()
        self.query_text = ""
        self.current_match = -1
        self._first_match: list[int] = [0]  # per paragraph: number of matches before it (+ total)
        self._block_unit: dict[int, int] = {}
        self._width = 0
        self._margin = 0
        self._rescale: tuple[int, int] | None = None

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
        anchor: tuple[int | None, int] = (None, 0)
        if keep_place and self.paras and self._heights and self.top_line > 0:  # at the top: stay there
            unit, offset = self.top_anchor()
            if unit is not None:
                old_height = max(1, self._heights[unit])
                if len(paras) == len(self.paras):  # same units (another script or width)
                    anchor = (unit, offset)
                    self._rescale = (old_height, offset)
                else:
                    block = self.block_of(unit)
                    anchor = (self._unit_of_block(block, paras), 0)
        query_changed = query != self.query_text or list(paras) != self.paras
        self.paras = list(paras)
        self._block_unit = {p.block: i for i, p in enumerate(self.paras) if p.block is not None}
        self.width_cells = width_cells
        self.keywords = tuple(keywords)
        self.query_text = query
        self.current_match = current
        if query_changed:
            self._count_matches()
        unit, offset = anchor
        self.relayout(unit, offset)

    def set_current(self, current: int) -> None:
        """Mark another match as the current one (only its paragraphs re-lay)."""
        self.current_match = current
        self.relayout(*self.top_anchor())

    def _count_matches(self) -> None:
        firsts = [0]
        if self.query_text:
            for para in self.paras:
                firsts.append(firsts[-1] + len(find_terms(para.text, [self.query_text])))
        else:
            firsts = [0] * (len(self.paras) + 1)
        self._first_match = firsts

    @staticmethod
    def _unit_of_block(block: int, paras: Sequence[Para]) -> int:
        best = 0
        for i, p in enumerate(paras):
            if p.block is not None and p.block <= block:
                best = i
        return best

    def text_width(self) -> tuple[int, int]:
        """(wrap width, left margin) for the current size."""
        avail = max(10, self.scrollable_content_region.width - 2 * MIN_MARGIN)
        width = avail if self.width_cells is None else min(self.width_cells, avail)
        margin = MIN_MARGIN + (avail - width) // 2
        return width, margin

    def relayout(self, anchor_unit: int | None = None, anchor_offset: int = 0) -> None:
        if self.size.width:
            self._width, self._margin = self.text_width()
        rescale, self._rescale = self._rescale, None
        if rescale is not None and anchor_unit is not None and self.size.width:
            old_height, offset = rescale
            new_height = self.estimate(anchor_unit) + 1
            anchor_offset = round(offset * new_height / old_height)
        super().relayout(anchor_unit, anchor_offset)

    # -- units ------------------------------------------------------------------------
    def unit_count(self) -> int:
        return len(self.paras)

    def _matches_in(self, index: int) -> tuple[int, int]:
        if not self.query_text or index + 1 >= len(self._first_match):
            return 0, 0
        return self._first_match[index], self._first_match[index + 1]

    def unit_key(self, index: int) -> Hashable:
        first, end = self._matches_in(index)
        current = self.current_match if first <= self.current_match < end else -1
        return (self.paras[index], self._width, self._margin, self.keywords, self.query_text if end > first else "", first, current)

    def lay_unit(self, index: int, styles: Styles) -> list[Text]:
        first, end = self._matches_in(index)
        query = self.query_text if end > first else ""
        laid = lay_paragraph(self.paras[index], self._width, styles, self.keywords, query, first, self.current_match)
        if not self._margin:
            return laid.lines
        pad = " " * self._margin
        return [Text(pad, end="") + line for line in laid.lines]

    def estimate(self, index: int) -> int:
        para = self.paras[index]
        lines = estimate_lines(para.text, max(1, self._width - 2))
        if para.role == "removed":
            lines += estimate_lines(para.label or "removed", max(1, self._width - 2))
        return lines

    # -- places ----------------------------------------------------------------
    def block_of(self, unit: int) -> int:
        """The kept block at (or last before) unit `unit`."""
        for i in range(min(unit, len(self.paras) - 1), -1, -1):
            if self.paras[i].block is not None:
                return self.paras[i].block  # type: ignore[return-value]
        return 0

    def top_block(self) -> int:
        """The kept block at (or last started before) the top of the view."""
        if not self.paras or not self._heights:
            return 0
        return self.block_of(self.unit_at(self.top_line)[0])

    def top_unit(self) -> int:
        return self.unit_at(self.top_line)[0] if self._heights else 0

    def scroll_to_block(self, block: int) -> None:
        if not self._block_unit:
            return
        unit = self._unit_of_block(block, self.paras) if block not in self._block_unit else self._block_unit[block]
        if unit == 0 and block == 0:
            self.scroll_to_line(0)
            return
        self.scroll_to_unit(unit)

    def scroll_to_unit(self, unit: int) -> None:
        self.lines_of(unit)
        self.scroll_to_line(self.unit_start(unit))

    @property
    def block_count(self) -> int:
        return len(self._block_unit)

    # -- matches -------------------------------------------------------------------
    @property
    def match_count(self) -> int:
        return self._first_match[-1] if self.query_text else 0

    def match_line(self, k: int) -> int:
        """The view line match `k` (in reading order) starts on."""
        index = max(0, min(bisect_right(self._first_match, k) - 1, len(self.paras) - 1))
        first = self._first_match[index]
        query = self.query_text
        laid = lay_paragraph(self.paras[index], self._width, self._styles or Styles(), (), query, first, -1)
        self.lines_of(index)
        rel = laid.match_lines[k - first] if 0 <= k - first < len(laid.match_lines) else 0
        return self.unit_start(index) + rel

    @property
    def matches(self) -> list[int]:
        return [self.match_line(k) for k in range(self.match_count)]
