"""The library: one row per page, filled in as the pages are extracted.

Columns: title, date, site, 文 (script: the legend is in the status line and the
palette), length, removed.  `o` cycles the order (file, date, site, title, length,
removed); `/` filters on title, site, file name and the article's text, 简/繁 and
case alike (云 finds 雲), and says how many match.  Rows update in place as pages
load; a sorted or filtered list is rebuilt at most a few times a second.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Input, Static

from reader.app.commands import CommandScreen, FilterLibrary, Help, OpenPage, Quit, ScriptLegend, SortLibrary, ToggleDark, screen_bindings
from reader.app.layout import clean
from reader.app.library import SCRIPT_LEGEND, Entry, length_label, script_label

if TYPE_CHECKING:
    from reader.app.app import ReaderApp

FIXED_COLUMNS = (("date", "Date", 10), ("site", "Site", 14), ("script", "文", 2), ("length", "Length", 7), ("removed", "Rm", 3))
SORTS = ("file", "date", "site", "title", "length", "removed")
SORT_COLUMN = {"date": "date", "site": "site", "title": "title", "length": "length", "removed": "removed"}
REBUILD_EVERY = 0.4  # seconds, while pages load into a sorted or filtered list


def fit(text: str, width: int, style: str = "") -> Text:
    """Page text cut to `width` terminal cells (CJK counts two) with an ellipsis."""
    out = Text(clean(text).replace("\n", " "), style=style, no_wrap=True, end="")
    if out.cell_len > width:
        out.truncate(width, overflow="ellipsis")
    return out


def sort_key(kind: str):  # type: ignore[no-untyped-def]
    """Newest, longest and most-removed first; sites and titles A→Z; pages not yet
    loaded last."""
    if kind == "date":
        return lambda e: (not e.date_key, "".join(chr(0x10FFFF - ord(c)) for c in e.date_key))
    if kind == "site":
        return lambda e: (not e.site, e.site.casefold())
    if kind == "title":
        return lambda e: (e.article is None, e.title.casefold())
    if kind == "length":
        return lambda e: (e.article is None, -e.length)
    if kind == "removed":
        return lambda e: (e.article is None, -e.removed_count)
    return None


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


class LibraryScreen(CommandScreen):
    COMMANDS_OFFERED = (OpenPage, Help, Quit, FilterLibrary, SortLibrary, ScriptLegend, ToggleDark)
    FOOTER_ACTIONS = ("app.help", "app.quit", "filter", "cycle_sort")
    BINDINGS = screen_bindings(COMMANDS_OFFERED, FOOTER_ACTIONS)
    AUTO_FOCUS = "DataTable"

    app: "ReaderApp"

    def __init__(self) -> None:
        super().__init__()
        self.sort = "file"
        self._rebuild_timer = None
        self._matching = 0

    def compose(self) -> ComposeResult:
        yield Static(id="library-title", classes="screen-title")
        yield FilterInput(placeholder="filter: title, site, file name or text (简/繁 alike)", id="filter")
        yield PageTable(id="pages", cursor_type="row", zebra_stripes=True)
        yield Static(id="library-status", classes="status")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(FilterInput).display = False
        self._build()
        self.app.entry_changed.subscribe(self, self._entry_changed)
        last = self.app.state.last_page
        if last:
            self.move_to(last)

    # -- table -----------------------------------------------------------------------
    def title_width(self) -> int:
        table_width = self.size.width or 100
        fixed = sum(w for _, _, w in FIXED_COLUMNS) + 2 * (len(FIXED_COLUMNS) + 1) + 2
        return max(12, table_width - fixed)

    def visible_entries(self) -> list[int]:
        needle = self.query_one(FilterInput).value.strip()
        entries = self.app.entries
        order = list(range(len(entries)))
        key = sort_key(self.sort)
        if key is not None:
            order.sort(key=lambda i: key(entries[i]))
        if not needle:
            return order
        from reader.transform.highlight import find_spans

        return [i for i in order if find_spans(entries[i].folded_text(), [needle])]

    def _cells(self, entry: Entry) -> list[Text]:
        width = self.title_width()
        if entry.error:
            reason = entry.error.removeprefix(f"{entry.name}: ")
            label = f"⚠ {reason} · {entry.path.name if entry.path else entry.name}"
            return [fit(label, width, "italic"), Text(""), Text(""), Text("!"), Text(""), Text("")]
        if entry.article is None:
            return [fit(entry.name, width, "dim"), Text(""), Text("…", style="dim"), Text(""), Text(""), Text("")]
        article = entry.article
        return [
            fit(article.title or entry.name, width),
            Text(entry.date_key[:10]),
            fit(article.site or "", FIXED_COLUMNS[1][2]),
            Text(script_label(entry.script)),
            Text(length_label(article), justify="right"),
            Text(str(len(article.removed)), justify="right"),
        ]

    def _build(self) -> None:
        table = self.query_one(DataTable)
        current_key = None
        if table.row_count:
            try:
                current_key = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value
            except Exception:
                current_key = None
        table.clear(columns=True)
        marked = SORT_COLUMN.get(self.sort)
        table.add_column("Title" + (" ▼" if marked == "title" else ""), width=self.title_width(), key="title")
        for key, label, width in FIXED_COLUMNS:
            table.add_column(label + ("▼" if marked == key else ""), width=width, key=key)
        rows = self.visible_entries()
        self._matching = len(rows)
        for i in rows:
            table.add_row(*self._cells(self.app.entries[i]), key=str(i))
        if current_key is not None and current_key in {str(i) for i in rows}:
            table.move_cursor(row=table.get_row_index(current_key))
        self._update_status()

    def _update_status(self) -> None:
        entries = self.app.entries
        loading = sum(1 for e in entries if not e.ready)
        failed = sum(1 for e in entries if e.error)
        parts = [f"{len(entries)} page{'s' if len(entries) != 1 else ''}"]
        needle = self.query_one(FilterInput).value.strip()
        if needle:
            parts.append(f"{self._matching} match “{clean(needle)}”" + (" so far" if loading else ""))
        if loading:
            parts.append(f"{loading} loading")
        if failed:
            parts.append(f"{failed} failed")
        if self.sort != "file":
            parts.append(f"sorted by {self.sort}")
        parts.append("文: 简 Simplified 繁 Traditional 混 mixed")
        self.query_one("#library-status", Static).update(Text(" · ".join(parts), no_wrap=True, overflow="ellipsis"))
        self.query_one("#library-title", Static).update(Text("reader · library", style="bold"))

    def _entry_changed(self, entry: Entry) -> None:
        if self.sort != "file" or self.query_one(FilterInput).value.strip():
            self._schedule_rebuild()  # the page may now sort elsewhere, or match
            return
        table = self.query_one(DataTable)
        key = str(self.app.entries.index(entry))
        try:
            table.get_row_index(key)
        except Exception:
            return
        for column, value in zip(("title", *[k for k, _, _ in FIXED_COLUMNS]), self._cells(entry)):
            table.update_cell(key, column, value)
        self._update_status()

    def _schedule_rebuild(self) -> None:
        if self._rebuild_timer is None:
            self._rebuild_timer = self.set_timer(REBUILD_EVERY, self._rebuild_now)

    def _rebuild_now(self) -> None:
        self._rebuild_timer = None
        self._build()

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

    def on_screen_resume(self) -> None:
        self._build()
        if self.app.state.last_page:
            self.move_to(self.app.state.last_page)

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

    def action_cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self._build()
        self.notify(f"Sorted by {self.sort}", markup=False, timeout=2)

    def action_script_legend(self) -> None:
        self.notify(SCRIPT_LEGEND, markup=False, timeout=10)

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._build()

    @on(Input.Submitted, "#filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        self.query_one(DataTable).focus()
