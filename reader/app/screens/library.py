"""The library: one row per page, filled in as the pages are extracted."""
from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from reader.app.commands import FilterLibrary, Help, OpenPage, Quit, ToggleDark, bindings
from reader.app.layout import clean
from reader.app.library import Entry, length_label, script_label

if TYPE_CHECKING:
    from reader.app.app import ReaderApp

FIXED_COLUMNS = (("site", "Site", 16), ("script", "文", 2), ("length", "Length", 8), ("removed", "Removed", 7))


def fit(text: str, width: int, style: str = "") -> Text:
    """Page text cut to `width` terminal cells (CJK counts two) with an ellipsis."""
    out = Text(clean(text).replace("\n", " "), style=style, no_wrap=True, end="")
    if out.cell_len > width:
        out.truncate(width, overflow="ellipsis")
    return out


class FilterInput(Input):
    """The filter box; Esc returns to the list (keeping the filter)."""

    BINDINGS = [Binding("escape", "leave", "Leave filter", show=False)]

    def action_leave(self) -> None:
        self.screen.query_one(DataTable).focus()
        if not self.value:
            self.display = False


class PageTable(DataTable):
    """The page list; Enter opens (shown in the footer, from the OpenPage command)."""

    BINDINGS = [Binding(OpenPage.KEY, "screen.open_page", OpenPage.FOOTER, key_display=OpenPage.KEY_DISPLAY)]


class LibraryScreen(Screen):
    COMMANDS_OFFERED = (OpenPage, FilterLibrary, ToggleDark, Help, Quit)
    BINDINGS = bindings(COMMANDS_OFFERED)
    AUTO_FOCUS = "DataTable"

    app: "ReaderApp"

    def compose(self) -> ComposeResult:
        yield Static(id="library-title", classes="screen-title")
        yield FilterInput(placeholder="filter: title, site or file name", id="filter")
        yield PageTable(id="pages", cursor_type="row", zebra_stripes=True)
        yield Static(id="library-status", classes="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(FilterInput).display = False
        self._build()
        last = self.app.state.last_page
        if last:
            self.move_to(last)

    # -- table -----------------------------------------------------------------------
    def title_width(self) -> int:
        table_width = self.size.width or 100
        fixed = sum(w for _, _, w in FIXED_COLUMNS) + 2 * (len(FIXED_COLUMNS) + 1) + 2
        return max(16, table_width - fixed)

    def visible_entries(self) -> list[int]:
        needle = self.query_one(FilterInput).value.strip().casefold()
        out = []
        for i, entry in enumerate(self.app.entries):
            if needle:
                hay = " ".join(
                    x for x in (entry.name, entry.article.title if entry.article else "", entry.article.site if entry.article else "") if x
                ).casefold()
                if needle not in hay and not self._script_insensitive(needle, hay):
                    continue
            out.append(i)
        return out

    @staticmethod
    def _script_insensitive(needle: str, hay: str) -> bool:
        try:
            from reader.transform.highlight import find_spans
        except ImportError:
            return False
        return bool(find_spans(hay, [needle]))

    def _cells(self, entry: Entry) -> list[Text]:
        width = self.title_width()
        if entry.error:
            reason = entry.error.removeprefix(f"{entry.name}: ")
            label = f"⚠ {reason} · {entry.path.name if entry.path else entry.name}"
            return [fit(label, width, "italic"), Text(""), Text("!"), Text(""), Text("")]
        if entry.article is None:
            return [fit(entry.name, width, "dim"), Text("…", style="dim"), Text(""), Text(""), Text("")]
        article = entry.article
        return [
            fit(article.title or entry.name, width),
            fit(article.site or "", FIXED_COLUMNS[0][2]),
            Text(script_label(entry.script)),
            Text(length_label(article), justify="right"),
            Text(str(len(article.removed)), justify="right"),
        ]

    def _build(self) -> None:
        table = self.query_one(DataTable)
        current = table.cursor_row if table.row_count else 0
        current_key = None
        if table.row_count:
            try:
                current_key = table.coordinate_to_cell_key((current, 0)).row_key.value
            except Exception:
                current_key = None
        table.clear(columns=True)
        table.add_column("Title", width=self.title_width(), key="title")
        for key, label, width in FIXED_COLUMNS:
            table.add_column(label, width=width, key=key)
        rows = self.visible_entries()
        for i in rows:
            table.add_row(*self._cells(self.app.entries[i]), key=str(i))
        if current_key is not None and current_key in {str(i) for i in rows}:
            table.move_cursor(row=table.get_row_index(current_key))
        self._update_status()

    def _update_status(self) -> None:
        entries = self.app.entries
        loading = sum(1 for e in entries if not e.ready)
        failed = sum(1 for e in entries if e.error)
        shown = self.query_one(DataTable).row_count
        parts = [f"{len(entries)} page{'s' if len(entries) != 1 else ''}"]
        if shown != len(entries):
            parts.append(f"{shown} shown")
        if loading:
            parts.append(f"{loading} loading")
        if failed:
            parts.append(f"{failed} failed")
        self.query_one("#library-status", Static).update(Text(" · ".join(parts)))
        self.query_one("#library-title", Static).update(Text("reader · library", style="bold"))

    def entry_updated(self, entry: Entry) -> None:
        table = self.query_one(DataTable)
        index = self.app.entries.index(entry)
        key = str(index)
        if self.query_one(FilterInput).value.strip():
            self._build()  # the title may now match (or not)
            return
        try:
            table.get_row_index(key)
        except Exception:
            return
        for column, value in zip(("title", *[k for k, _, _ in FIXED_COLUMNS]), self._cells(entry)):
            table.update_cell(key, column, value)
        self._update_status()

    def move_to(self, name: str) -> None:
        table = self.query_one(DataTable)
        for i, entry in enumerate(self.app.entries):
            if entry.name == name:
                try:
                    table.move_cursor(row=table.get_row_index(str(i)))
                except Exception:
                    pass
                return

    def on_resize(self, event: events.Resize) -> None:
        self._build()

    def selected_entry(self) -> Entry | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value
        return self.app.entries[int(key)] if key is not None else None

    # -- actions -------------------------------------------------------------------
    def action_open_page(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.app.open_entry(entry)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()  # a mouse click on the selected row
        self.action_open_page()

    def action_filter(self) -> None:
        box = self.query_one(FilterInput)
        box.display = True
        box.focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._build()

    @on(Input.Submitted, "#filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        self.query_one(DataTable).focus()
