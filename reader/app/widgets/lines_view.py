"""A scrolling view of pre-built lines (Line API): the base of both text panes.

Lines are `rich.text.Text` objects built by `reader.app.layout`; nothing here parses
markup.  Rendering is one cached `Strip` per visible line, so long pages scroll
without re-rendering the whole document.
"""
from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.app.layout import Styles


class LinesView(ScrollView, can_focus=True):
    BINDINGS = [
        Binding("space", "page_down", "Page down", show=False),
        Binding("b", "page_up", "Page up", show=False),
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

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._lines: list[Text] = []
        self._strips: dict[int, Strip] = {}

    # -- content ---------------------------------------------------------------
    @property
    def lines(self) -> list[Text]:
        return self._lines

    @property
    def plain_lines(self) -> list[str]:
        return [line.plain for line in self._lines]

    @property
    def plain(self) -> str:
        return "\n".join(line.rstrip() for line in self.plain_lines)

    def set_lines(self, lines: list[Text]) -> None:
        self._lines = lines
        self._strips.clear()
        width = max((line.cell_len for line in lines), default=0)
        self.virtual_size = Size(width, len(lines))
        self.refresh()

    def styles_for_layout(self) -> Styles:
        def get(name: str) -> Style:
            return self.get_component_rich_style(f"lines-view--{name}")

        roles = {role: get(role) for role in ("title", "meta", "heading", "quote", "caption", "reference", "removed", "raw", "note")}
        return Styles(roles=roles, keyword=get("keyword"), match=get("match"), current=get("current"), label=get("label"))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def styles_changed(self) -> bool:
        """True (once) when the theme or CSS changed the styles used for layout."""
        styles = self.styles_for_layout()
        key = (tuple(sorted(styles.roles.items())), styles.keyword, styles.match, styles.current, styles.label, self.rich_style)
        if key == getattr(self, "_style_key", None):
            return False
        self._style_key = key
        return True

    # -- rendering -------------------------------------------------------------
    def _strip(self, index: int) -> Strip:
        strip = self._strips.get(index)
        if strip is None:
            text = self._lines[index]
            strip = Strip(list(text.render(self.app.console, end="")))
            self._strips[index] = strip
        return strip

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        style = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, style)
        strip = self._strip(index).crop_extend(scroll_x, scroll_x + width, style).apply_style(style)
        return strip.apply_offsets(scroll_x, index)

    @property
    def top_line(self) -> int:
        return round(self.scroll_y)

    def scroll_to_line(self, line: int, *, center: bool = False) -> None:
        height = self.scrollable_content_region.height
        y = line - (height // 3 if center else 0)
        self.scroll_to(y=max(0, y), animate=False, immediate=True)

    def visible_text(self) -> str:
        """The lines on screen now (for tests and the e2e check)."""
        top = self.top_line
        height = self.scrollable_content_region.height
        return "\n".join(line.plain.rstrip() for line in self._lines[top:top + height])
