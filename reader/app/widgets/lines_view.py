"""A scrolling view of laid-out units (paragraphs, or pairs of them): the base of
both text panes, and their one re-layout code path.

A subclass says what its units are (`unit_count`), how to lay one out at the
current width (`lay_unit` -> lines) and how tall one probably is (`estimate`).  The
view lays out only what is on screen (and a screen either side): the rest has an
estimated height, corrected when it is laid out, so `t`, `w` and `h` cost the same
on a 200,000-character page as on a short one.  Laid units are kept in a cache
keyed by everything that shapes them (text, width, highlights, search), so toggling
back is free.  When a unit above the top of the screen changes height the view
scrolls by the same amount: the text being read never moves.

Lines are `rich.text.Text` objects built by `reader.app.layout`; nothing here parses
markup.  Rendering is one cached `Strip` per line.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Hashable

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.app.layout import Styles

CACHE_LIMIT = 20_000  # laid units kept (across widths, scripts and highlights)
BLANK = Text("")


class LinesView(ScrollView, can_focus=True):
    BINDINGS = [
        Binding("space", "page_down", "Page down", show=False),
        Binding("b", "page_up", "Page up", show=False),
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
        Binding("ctrl+d", "half_page(1)", "Half page down", show=False),
        Binding("ctrl+u", "half_page(-1)", "Half page up", show=False),
        Binding("ctrl+f", "page_down", "Page down", show=False),
        Binding("ctrl+b", "page_up", "Page up", show=False),
    ]
    COMPONENT_CLASSES = {
        "lines-view--title",
        "lines-view--meta",
        "lines-view--heading",
        "lines-view--quote",
        "lines-view--caption",
        "lines-view--reference",
        "lines-view--removed",
        "lines-view--label",
        "lines-view--raw",
        "lines-view--keyword",
        "lines-view--match",
        "lines-view--current",
        "lines-view--separator",
        "lines-view--note",
    }
    DEFAULT_CSS = """
    LinesView {
        background: $surface;
        scrollbar-gutter: stable;
        overflow-x: hidden;
    }
    LinesView > .lines-view--title { text-style: bold; color: $text-primary; }
    LinesView > .lines-view--meta { color: $text-muted; }
    LinesView > .lines-view--heading { text-style: bold; }
    LinesView > .lines-view--quote { color: $text-secondary; }
    LinesView > .lines-view--caption { text-style: italic; color: $text-muted; }
    LinesView > .lines-view--reference { color: $text-muted; }
    LinesView > .lines-view--removed { color: $text-disabled; }
    LinesView > .lines-view--label { color: $text-warning; text-style: italic; }
    LinesView > .lines-view--raw { color: $text-muted; }
    LinesView > .lines-view--keyword { background: $warning-muted; color: $text; text-style: bold; }
    LinesView > .lines-view--match { background: $accent-muted; color: $text; }
    LinesView > .lines-view--current { background: $accent; color: $text; text-style: bold reverse; }
    LinesView > .lines-view--separator { color: $text-disabled; }
    LinesView > .lines-view--note { color: $text-muted; text-style: italic; }
    """

    class Moved(Message):
        """The top of the view moved to another unit (for positions and indicators)."""

        def __init__(self, view: "LinesView") -> None:
            super().__init__()
            self.view = view

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._heights: list[int] = []  # per unit, estimated until laid (with its spacer line)
        self._starts: list[int] = [0]
        self._starts_valid = True
        self._laid: dict[int, list[Text]] = {}  # this layout's units, by index
        self._cache: dict[Hashable, list[Text]] = {}
        self._strips: dict[tuple[int, int], Strip] = {}
        self._laid_width = -1
        self._style_key: object = None
        self._styles: Styles | None = None
        self._last_top_unit = -1
        self._ensuring = False
        self.laying_out = False  # kept for callers: layout never runs in the background now

    # -- what a subclass provides ----------------------------------------------------
    def unit_count(self) -> int:
        return 0

    def unit_key(self, index: int) -> Hashable:
        """Everything that shapes unit `index` (None: do not cache)."""
        return None

    def lay_unit(self, index: int, styles: Styles) -> list[Text]:
        return []

    def estimate(self, index: int) -> int:
        return 1

    def spacer(self) -> Text:
        """The line between two units."""
        return BLANK

    def after_relayout(self) -> None:
        """Called after every re-layout (the view knows its new geometry)."""

    # -- the one re-layout path --------------------------------------------------------
    def relayout(self, anchor_unit: int | None = None, anchor_offset: int = 0) -> None:
        """Forget the current layout and start a new one, keeping `anchor_unit` (with
        `anchor_offset` lines into it) at the top of the view."""
        if not self.size.width:
            return
        self.styles_changed()
        self._styles = self.styles_for_layout()
        self._laid_width = self.scrollable_content_region.width
        n = self.unit_count()
        self._laid = {}
        self._strips.clear()
        self._heights = [max(1, self.estimate(i)) + (1 if i < n - 1 else 0) for i in range(n)]
        self._starts_valid = False
        self._update_size()
        if anchor_unit is not None and n:
            anchor_unit = max(0, min(anchor_unit, n - 1))
            self._ensure(anchor_unit, self.scrollable_content_region.height + 2)
            self._set_scroll(self.unit_start(anchor_unit) + min(anchor_offset, self._heights[anchor_unit] - 1))
        else:
            self._ensure_visible()
        self.refresh()
        self.after_relayout()

    def _update_size(self) -> None:
        self.virtual_size = Size(self._laid_width, self.total_lines)

    @property
    def total_lines(self) -> int:
        self._refresh_starts()
        return self._starts[-1]

    def _refresh_starts(self) -> None:
        if self._starts_valid:
            return
        starts = [0]
        total = 0
        for h in self._heights:
            total += h
            starts.append(total)
        self._starts = starts
        self._starts_valid = True

    def unit_start(self, index: int) -> int:
        self._refresh_starts()
        return self._starts[max(0, min(index, len(self._heights)))]

    def unit_at(self, line: int) -> tuple[int, int]:
        """(unit, line within it) for a line of the view."""
        self._refresh_starts()
        if not self._heights:
            return 0, 0
        index = max(0, min(bisect_right(self._starts, line) - 1, len(self._heights) - 1))
        return index, line - self._starts[index]

    def lines_of(self, index: int) -> list[Text]:
        """Unit `index` laid out (from the cache when its shape is unchanged)."""
        lines = self._laid.get(index)
        if lines is not None:
            return lines
        key = self.unit_key(index)
        cached = self._cache.get(key) if key is not None else None
        if cached is None:
            assert self._styles is not None
            cached = self.lay_unit(index, self._styles)
            if index < len(self._heights) - 1:
                cached = cached + [self.spacer()]
            if not cached:
                cached = [BLANK]
            if key is not None:
                if len(self._cache) >= CACHE_LIMIT:
                    self._cache.clear()
                self._cache[key] = cached
        self._laid[index] = cached
        if len(cached) != self._heights[index]:
            self._heights[index] = len(cached)
            self._starts_valid = False
        return cached

    def _ensure(self, first: int, lines: int) -> int:
        """Lay out units from `first` until `lines` lines are laid; returns the last unit."""
        index, count = first, 0
        n = len(self._heights)
        while index < n and count < lines:
            count += len(self.lines_of(index))
            index += 1
        self._update_size()
        return index - 1

    def _ensure_visible(self) -> None:
        """Lay out what is on screen and a screen either side; a unit above the top
        that changes height scrolls the view by as much, so the text stays put."""
        if not self._heights:
            self._update_size()
            return
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_y)
        unit, offset = self.unit_at(top)
        before = self.unit_start(unit)
        # a screen above: lay out units upwards, tracking how far the top moves
        up = unit - 1
        laid_above = 0
        while up >= 0 and laid_above < height:
            laid_above += len(self.lines_of(up))
            up -= 1
        self._refresh_starts()
        shift = self.unit_start(unit) - before
        self._ensure(unit, offset + 2 * height + 1)
        if shift:
            self._set_scroll(top + shift)

    def _set_scroll(self, y: int) -> None:
        # force: right after a re-layout Textual has not yet shown the scrollbar the
        # new virtual size needs, and refuses to scroll (a side-by-side view opened
        # at the reader's place stayed at the top); the offset is still clamped.
        self.scroll_to(y=max(0, y), animate=False, immediate=True, force=True)

    def lay_all(self) -> None:
        """Lay out every unit (tests, copying the view): exact heights everywhere."""
        for i in range(len(self._heights)):
            self.lines_of(i)
        self._update_size()

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if self._heights and self._styles is not None and not self._ensuring:
            self._ensuring = True
            try:
                self._ensure_visible()
            finally:
                self._ensuring = False
        unit = self.unit_at(round(self.scroll_y))[0] if self._heights else -1
        if unit != self._last_top_unit:
            self._last_top_unit = unit
            self.post_message(self.Moved(self))

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._laid_width:
            self.relayout(*self.top_anchor())
        elif self._heights:
            self._ensure_visible()

    def top_anchor(self) -> tuple[int | None, int]:
        if not self._heights or self._laid_width < 0:
            return None, 0
        return self.unit_at(self.top_line)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
        if self.is_mounted and self._heights and self.styles_changed():
            self._cache.clear()
            self.call_later(lambda: self.relayout(*self.top_anchor()))

    # -- content, for tests and copying ----------------------------------------------
    @property
    def lines(self) -> list[Text]:
        self.lay_all()
        out: list[Text] = []
        for i in range(len(self._heights)):
            out.extend(self.lines_of(i))
        return out

    @property
    def plain_lines(self) -> list[str]:
        return [line.plain for line in self.lines]

    @property
    def plain(self) -> str:
        return "\n".join(line.rstrip() for line in self.plain_lines)

    def line_at(self, y: int) -> Text:
        unit, offset = self.unit_at(y)
        if y >= self.total_lines or not self._heights:
            return BLANK
        lines = self.lines_of(unit)
        return lines[offset] if offset < len(lines) else BLANK

    def styles_for_layout(self) -> Styles:
        def get(name: str) -> Style:
            return self.get_component_rich_style(f"lines-view--{name}")

        roles = {role: get(role) for role in ("title", "meta", "heading", "quote", "caption", "reference", "removed", "raw", "note")}
        return Styles(roles=roles, keyword=get("keyword"), match=get("match"), current=get("current"), label=get("label"),
                      separator=get("separator"))

    def styles_changed(self) -> bool:
        """True (once) when the theme or CSS changed the styles used for layout."""
        styles = self.styles_for_layout()
        key = (tuple(sorted(styles.roles.items())), styles.keyword, styles.match, styles.current, styles.label, self.rich_style)
        if key == self._style_key:
            return False
        self._style_key = key
        return True

    # -- rendering -------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        style = self.rich_style
        if not self._heights or index >= self.total_lines:
            return Strip.blank(width, style)
        unit, offset = self.unit_at(index)
        key = (unit, offset)
        strip = self._strips.get(key)
        if strip is None:
            lines = self.lines_of(unit)
            text = lines[offset] if offset < len(lines) else BLANK
            strip = Strip(list(text.render(self.app.console, end="")))
            self._strips[key] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, style).apply_style(style).apply_offsets(scroll_x, index)

    @property
    def top_line(self) -> int:
        return round(self.scroll_y)

    def scroll_to_line(self, line: int, *, center: bool = False) -> None:
        height = self.scrollable_content_region.height
        y = line - (height // 3 if center else 0)
        self._set_scroll(y)
        self._ensure_visible()

    def action_half_page(self, direction: int) -> None:
        self.scroll_to_line(self.top_line + direction * max(1, self.scrollable_content_region.height // 2))

    def visible_text(self) -> str:
        """The lines on screen now (for tests and the e2e check)."""
        top = self.top_line
        height = self.scrollable_content_region.height
        return "\n".join(self.line_at(y).plain.rstrip() for y in range(top, min(top + height, self.total_lines)))
