"""Side-by-side: two columns in one scrolling view, aligned by paragraph.

Both panes live in one widget, so they can never scroll apart; each row is the left
line padded (in cells: CJK is two wide) to the column, a rule, the right line.  A
unit is one pair of paragraphs (`reader.app.layout.lay_pair`); the shared
`LinesView.relayout` lays out only the pairs on screen.
"""
from __future__ import annotations

from typing import Hashable, Sequence

from rich.cells import cell_len
from rich.text import Text

from reader.app.layout import Para, Styles, estimate_lines, lay_pair, pad_to
from reader.app.widgets.lines_view import LinesView

SEPARATOR = " │ "


class ParallelView(LinesView):
    DEFAULT_CSS = """
    ParallelView { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.pairs: list[tuple[Para | None, Para | None]] = []
        self.keywords: tuple[str, ...] = ()
        self.query_text = ""
        self.width_cells: int | None = None
        self._column = 10

    def column_width(self) -> int:
        avail = max(10, (self.scrollable_content_region.width - len(SEPARATOR) - 1) // 2)
        return avail if self.width_cells is None else min(avail, self.width_cells)

    def show(
        self,
        pairs: Sequence[tuple[Para | None, Para | None]],
        *,
        width_cells: int | None,
        keywords: Sequence[str] = (),
        query: str = "",
        anchor: int | None = None,
    ) -> None:
        """Show `pairs`; `anchor` is the pair to put at the top (default: keep the
        pair now at the top when the pairs are the same in number)."""
        if anchor is None and self.pairs and len(pairs) == len(self.pairs) and self._heights:
            anchor, offset = self.top_anchor()
        else:
            offset = 0
        self.pairs = list(pairs)
        self.width_cells = width_cells
        self.keywords = tuple(keywords)
        self.query_text = query
        self.relayout(anchor, offset)

    def relayout(self, anchor_unit: int | None = None, anchor_offset: int = 0) -> None:
        if self.size.width:
            self._column = self.column_width()
        super().relayout(anchor_unit, anchor_offset)

    # -- units ----------------------------------------------------------------------
    def unit_count(self) -> int:
        return len(self.pairs)

    def unit_key(self, index: int) -> Hashable:
        left, right = self.pairs[index]
        return ("pair", left, right, self._column, self.keywords, self.query_text)

    def lay_unit(self, index: int, styles: Styles) -> list[Text]:
        left, right = self.pairs[index]
        return lay_pair(left, right, self._column, styles, self.keywords, SEPARATOR, self.query_text)

    def estimate(self, index: int) -> int:
        return max((estimate_lines(p.text, self._column - 2) + (1 if p.role == "removed" else 0) for p in self.pairs[index] if p is not None), default=1)

    def spacer(self) -> Text:
        styles = self._styles
        sep = Text(SEPARATOR, style=styles.separator if styles else "", end="")
        return Text.assemble(pad_to(Text(""), self._column), sep, end="")

    def unit_of(self, predicate) -> int | None:  # type: ignore[no-untyped-def]
        """The first pair whose right or left paragraph satisfies `predicate`."""
        for i, pair in enumerate(self.pairs):
            if any(p is not None and predicate(p) for p in pair):
                return i
        return None

    def scroll_to_unit(self, unit: int) -> None:
        self.lines_of(unit)
        self.scroll_to_line(self.unit_start(unit))

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
                cells += cell_len(ch)
            left = "".join(left_chars)
            right = line[len(left) + len(SEPARATOR):]
            out.append((left if side == 0 else right).rstrip())
        return "\n".join(out)
