"""The reader: one article, pre-wrapped for CJK, with script, keyword and search tools.

Each screen owns its state as reactives (`other_script`, `highlight`,
`show_removed`); it watches the app's `width_chars` and `variant` and subscribes to
the app's `entry_changed` signal, so whatever changes, one `redraw` runs.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from reader import render
from reader.app.commands import (
    Back,
    CommandScreen,
    CompareOriginal,
    CompareOther,
    CompareRaw,
    Copy,
    CopyToFile,
    CycleVariant,
    CycleWidth,
    Export,
    Help,
    KeepBlock,
    Keywords,
    NextArticle,
    NextMatch,
    NextRemoved,
    PreviousArticle,
    PreviousMatch,
    Quit,
    Search,
    SideBySide,
    ToggleDark,
    ToggleHighlight,
    ToggleRemoved,
    ToggleScript,
    UnkeepBlock,
    screen_bindings,
)
from reader.app.layout import Para, article_paras, clean
from reader.app.library import Entry, script_label
from reader.app.widgets import ArticleView, LinesView
from reader.model import Article
from reader.terminal import sanitize

if TYPE_CHECKING:
    from reader.app.app import ReaderApp

SCRIPT_NAMES = {"simplified": "简体", "traditional": "繁體"}


def script_status(app: "ReaderApp", entry: Entry, other_script: bool, pending: bool) -> str:
    """What the status line says about the script: as written, or converted by which config."""
    from reader.app.app import other_target

    original = f"原文 {script_label(entry.script)}"
    if not other_script:
        return f"{original} · 繁 form {app.variant}" if other_target(entry) == "traditional" else original
    target = other_target(entry)
    if target is None:
        return f"{original} (no other script)"
    name = SCRIPT_NAMES[target]
    config = app.conversion_config(entry, True)
    if pending:
        return f"{name} ({config}) converting…"
    return f"{name} ({config})"


class SearchInput(Input):
    """The search box; Esc closes it and returns to the article."""

    BINDINGS = [Binding("escape", "close", "Close search", show=False)]

    def action_close(self) -> None:
        self.display = False
        self.screen.query_one(ArticleView).focus()


class KeywordPanel(OptionList):
    BINDINGS = [Binding("escape", "close", "Close keywords", show=False)]

    def action_close(self) -> None:
        self.display = False
        self.screen.query_one(ArticleView).focus()


# After the page is drawn, what the next keys need is prepared in the background:
# the other script (`t` then only swaps lines) and the keywords (`h`, `K`).
AHEAD_DELAY = 0.5


class ReadingScreen(CommandScreen):
    """What the reader and side-by-side screens share: the entry, its script and
    highlight state, and one `redraw` for every change."""

    app: "ReaderApp"

    other_script: reactive[bool] = reactive(False, init=False)
    highlight: reactive[bool] = reactive(False, init=False)
    show_removed: reactive[bool] = reactive(False, init=False)

    def __init__(self, entry: Entry) -> None:
        super().__init__()
        self.entry = entry

    def on_mount(self) -> None:
        self.app.entry_changed.subscribe(self, self._entry_changed)
        self.watch(self.app, "width_chars", self._preferences_changed, init=False)
        self.watch(self.app, "variant", self._preferences_changed, init=False)

    def _entry_changed(self, entry: Entry) -> None:
        if entry is self.entry or self.shows(entry):
            self.redraw()

    def shows(self, entry: Entry) -> bool:
        return False

    def _preferences_changed(self, _value: object) -> None:
        self.redraw()

    def watch_other_script(self, value: bool) -> None:
        if self.app.state.remember(self.entry.name, other_script=value):
            self.app.schedule_save()
        self.redraw()

    def watch_highlight(self, value: bool) -> None:
        if value:
            self.app.request_keywords(self.entry)
        self.redraw()

    def watch_show_removed(self, value: bool) -> None:
        self.redraw()

    def action_toggle_highlight(self) -> None:
        self.highlight = not self.highlight

    def action_toggle_script(self) -> None:
        from reader.app.app import other_target

        if self.entry.article is None:
            return
        if other_target(self.entry) is None:
            self.notify("This page has too little Chinese text to convert", markup=False)
            return
        self.other_script = not self.other_script

    def action_cycle_variant(self) -> None:
        from reader.app.state import VARIANT_NAMES, VARIANTS

        index = VARIANTS.index(self.app.variant) if self.app.variant in VARIANTS else -1
        self.app.variant = VARIANTS[(index + 1) % len(VARIANTS)]
        self.notify(f"Traditional form: {VARIANT_NAMES[self.app.variant]} ({self.app.variant})", markup=False)

    def pick_other(self, then: Callable[[Entry], None]) -> None:
        """Ask for another ready article of the library, then call `then` with it."""
        from reader.app.screens.picker import PickArticle

        others = [e for e in self.app.entries if e is not self.entry and e.article is not None]
        if not others:
            self.notify("No other article in the library to compare with", severity="warning", markup=False)
            return
        self.app.push_screen(PickArticle(others), lambda other: other is not None and then(other))

    def displayed(self) -> tuple[Article | None, bool]:
        return self.app.displayed(self.entry, self.other_script)

    def keyword_terms(self) -> list[str]:
        return [k.word for k in self.entry.keywords or []]

    def action_back(self) -> None:
        self.dismiss()

    def action_cycle_width(self) -> None:
        self.app.cycle_width()

    def action_copy(self) -> None:
        from reader.app.clipboard import copy_text

        article, _ = self.displayed()
        if article is None:
            self.notify("Nothing to copy yet", severity="warning", markup=False)
            return
        text = sanitize(render.to_text(article))
        message, ok = copy_text(self.app, text)
        self.notify(message, severity="information" if ok else "warning", timeout=8, markup=False)

    def action_copy_to_file(self) -> None:
        from reader.app.clipboard import copy_to_file

        article, _ = self.displayed()
        if article is None:
            self.notify("Nothing to copy yet", severity="warning", markup=False)
            return
        message, ok = copy_to_file(sanitize(render.to_text(article)))
        self.notify(message, severity="information" if ok else "error", timeout=10, markup=False)

    def action_export(self) -> None:
        from reader.app.screens.export import ExportScreen

        article, _ = self.displayed()
        if article is None:
            self.notify("Nothing to export yet", severity="warning", markup=False)
            return
        self.app.push_screen(ExportScreen(article, self.entry))

    def redraw(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class ReaderScreen(ReadingScreen):
    COMMANDS_OFFERED = (
        Help,
        Quit,
        ToggleScript,
        Search,
        ToggleHighlight,
        ToggleRemoved,
        SideBySide,
        NextArticle,
        PreviousArticle,
        CycleWidth,
        CycleVariant,
        Keywords,
        NextMatch,
        PreviousMatch,
        NextRemoved,
        KeepBlock,
        UnkeepBlock,
        Copy,
        CopyToFile,
        Export,
        Back,
        CompareOriginal,
        CompareRaw,
        CompareOther,
        ToggleDark,
    )
    # the footer at 80 columns: the most used keys first, ? and q always visible
    FOOTER_ACTIONS = ("app.help", "app.quit", "toggle_script", "search", "toggle_highlight", "toggle_removed", "side_by_side", "next_article")
    BINDINGS = screen_bindings(COMMANDS_OFFERED, FOOTER_ACTIONS)
    AUTO_FOCUS = "ArticleView"

    def __init__(self, entry: Entry) -> None:
        super().__init__(entry)
        self.query_text = ""  # the active term: a search, or the chosen keyword
        self.query_is_keyword = False
        self.current = -1
        self._restored = False
        self._converting = False
        self._prepared = False  # the background work for the next keys has started
        self._drawn: tuple = ()  # what the view shows now (see redraw)
        self._pending_jump: int | None = None  # jump to this match once laid out
        self._removed_cursor = -1
        self._restore_block: int | None = None
        self._restore_tries = 0

    def compose(self) -> ComposeResult:
        with Horizontal(id="reader-body"):
            yield ArticleView(id="article")
            yield KeywordPanel(id="keywords")
        yield SearchInput(placeholder="search (简/繁 alike) — Enter to find, Esc to close", id="search")
        yield Static(id="reader-status", classes="status")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(KeywordPanel).display = False
        self.query_one(SearchInput).display = False
        page = self.app.state.page(self.entry.name)
        self.set_reactive(ReadingScreen.other_script, page.other_script)
        self.call_after_refresh(self.redraw)
        self.set_timer(AHEAD_DELAY, self._prepare_ahead)
        self.watch(self.app, "variant", self._variant_changed, init=False)

    def _variant_changed(self, _variant: str) -> None:
        if self._prepared:  # another Traditional form: `t` will want that one
            self.app.prepare_conversion(self.entry)

    def _prepare_ahead(self) -> None:
        """While the page is read: its conversion to the other script (in a thread,
        ~40 ms on a 200,000-character page) and its keywords (in the keyword worker
        process), so `t`, `h` and the keyword panel only have to show them."""
        if not self.is_mounted or self.entry.error:
            return
        if self.entry.article is None:
            self.set_timer(AHEAD_DELAY, self._prepare_ahead)  # still loading
            return
        self._prepared = True
        self.app.prepare_conversion(self.entry)
        self.app.request_keywords(self.entry)

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    # -- drawing ---------------------------------------------------------------------
    def paras(self) -> tuple[list[Para], bool]:
        entry = self.entry
        if entry.error:
            return [Para(clean(entry.error), "note")], False
        article, pending = self.displayed()
        if article is None:
            return [Para(clean(f"Loading {entry.name}…"), "note")], False
        return article_paras(article, self.show_removed), pending

    def redraw(self) -> None:
        if not self.is_mounted:
            return
        article, pending = (None, False) if self.entry.error else self.displayed()
        keywords = self.keyword_terms() if self.highlight else []
        drawn = (self.entry.error, id(article) if article is not None else None, self.show_removed,
                 self.app.width_cells, tuple(keywords), self.query_text, self.current)
        if article is not None and drawn == self._drawn:
            # The same text in the same form (a conversion asked for and still running,
            # keywords arriving while not marked): only the status line changes.
            self._converting = pending
            self._after_layout()
            return
        self._drawn = drawn
        paras, self._converting = self.paras()
        self.view.show(paras, width_cells=self.app.width_cells, keywords=keywords, query=self.query_text, current=self.current)
        self._after_layout()

    def _after_layout(self) -> None:
        """What needs the laid-out lines: restoring the place, jumping to a match."""
        view = self.view
        if not self._restored and self.entry.article is not None and view.size.height:
            self._restored = True
            block = self.app.state.position(self.entry.name)
            if block:
                self._restore_block = block  # until the view is tall enough to show it
        self._try_restore()
        if self._pending_jump is not None:
            index, self._pending_jump = self._pending_jump, None
            if view.match_count:
                self._jump(index)
                return
            if self.query_text:
                self.notify(f"“{clean(self.query_text)}” not found", severity="warning", markup=False)
        self._fill_keyword_panel()
        self._update_status()

    def _try_restore(self) -> None:
        block = self._restore_block
        if block is None:
            return
        view = self.view
        view.scroll_to_block(block)
        if view.top_block() >= min(block, max(0, view.block_count - 1)) or view.max_scroll_y <= view.scroll_y < view.max_scroll_y + 1 and view.scroll_y > 0:
            self._restore_block = None
        elif self._restore_tries < 40:
            self._restore_tries += 1
            self.set_timer(0.05, self._try_restore)  # the new height is not known yet
        else:
            self._restore_block = None

    def position_label(self) -> str:
        view = self.view
        blocks = view.block_count
        if not blocks:
            return ""
        total = max(1, view.total_lines - view.scrollable_content_region.height)
        percent = min(100, round(100 * view.top_line / total)) if view.total_lines > view.scrollable_content_region.height else 100
        return f"¶{view.top_block() + 1}/{blocks} {percent}%"

    def _update_status(self) -> None:
        parts = [script_status(self.app, self.entry, self.other_script, self._converting), self.app.width_label()]
        position = self.position_label()
        if position:
            parts.insert(0, position)
        if len(self.app.entries) > 1:
            parts.insert(0, f"page {self.app.entries.index(self.entry) + 1}/{len(self.app.entries)}")
        article = self.entry.article
        if self.highlight:
            parts.append("keywords marked" if self.entry.keywords is not None else "finding keywords…")
        if self.show_removed and article is not None:
            parts.append(f"removed shown ({len(article.removed)})" + (f", {len(self.entry.kept)} kept" if self.entry.kept else ""))
        if self.query_text:
            total = self.view.match_count
            kind = "keyword" if self.query_is_keyword else "search"
            where = f"{self.current + 1}/{total}" if total and self.current >= 0 else f"{total} found"
            parts.append(f"{kind} “{clean(self.query_text)}” {where}")
        text = Text(" · ".join(parts), no_wrap=True, overflow="ellipsis")
        self.query_one("#reader-status", Static).update(text)

    @on(LinesView.Moved)
    def _moved(self, event: LinesView.Moved) -> None:
        event.stop()
        self.remember_place()
        if self.is_mounted:
            self._update_status()

    @property
    def status_text(self) -> str:
        return str(self.query_one("#reader-status", Static).content)

    def _fill_keyword_panel(self) -> None:
        panel = self.query_one(KeywordPanel)
        if not panel.display:
            return
        keywords = self.entry.keywords
        wanted: list[Option]
        if keywords is None:
            wanted = [Option(Text("finding keywords…", style="italic"), disabled=True, id="_loading")]
        elif not keywords:
            wanted = [Option(Text("no keywords", style="italic"), disabled=True, id="_none")]
        else:
            wanted = []
            for i, k in enumerate(keywords):
                label = Text.assemble((clean(k.word), "bold"), ("  ×", "dim"), (str(k.count), "dim"))
                wanted.append(Option(label, id=f"kw{i}"))
        ids = [o.id for o in wanted]
        if [panel.get_option_at_index(i).id for i in range(panel.option_count)] != ids:
            highlighted = panel.highlighted
            panel.clear_options()
            panel.add_options(wanted)
            if highlighted is not None and highlighted < panel.option_count:
                panel.highlighted = highlighted
        if panel.highlighted is None and keywords:
            panel.highlighted = 0

    # -- place -----------------------------------------------------------------------
    def remember_place(self) -> None:
        """Record the block at the top in the state (saved a moment later)."""
        if self.entry.article is not None and self.is_mounted and self._restored and self._restore_block is None and self.view.paras:
            if self.app.state.remember_position(self.entry.name, self.view.top_block()):
                self.app.schedule_save()

    def on_screen_suspend(self) -> None:
        self.remember_place()

    def on_screen_resume(self) -> None:
        self.redraw()

    def action_back(self) -> None:
        self.remember_place()
        self.app.save_now()
        self.dismiss()

    # -- moving between articles -----------------------------------------------------
    def _open_neighbour(self, step: int) -> None:
        entries = self.app.entries
        if len(entries) < 2:
            self.notify("This is the only page", markup=False)
            return
        index = (entries.index(self.entry) + step) % len(entries)
        self.remember_place()
        target = entries[index]
        self.app.prioritize(target)
        self.app.switch_screen(ReaderScreen(target))
        if self.app.state.set("last_page", target.name):
            self.app.schedule_save()

    def action_next_article(self) -> None:
        self._open_neighbour(1)

    def action_previous_article(self) -> None:
        self._open_neighbour(-1)

    # -- actions ---------------------------------------------------------------------
    def action_keywords(self) -> None:
        panel = self.query_one(KeywordPanel)
        if panel.display and panel.has_focus:
            panel.action_close()
            return
        panel.display = True
        self.app.request_keywords(self.entry)
        self._fill_keyword_panel()
        panel.focus()

    @on(OptionList.OptionSelected, "#keywords")
    def _keyword_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        keywords = self.entry.keywords or []
        option_id = event.option.id or ""
        if not option_id.startswith("kw"):
            return
        word = keywords[int(option_id[2:])].word
        self.set_query(word, is_keyword=True)

    def action_toggle_removed(self) -> None:
        article = self.entry.article
        if article is None:
            return
        if not self.show_removed and not article.removed:
            self.notify("Nothing was removed from this page", markup=False)
        self._removed_cursor = -1
        self.show_removed = not self.show_removed

    def _removed_units(self) -> list[int]:
        return [i for i, p in enumerate(self.view.paras) if p.role == "removed"]

    def action_next_removed(self) -> None:
        if not self.show_removed:
            self.notify("Show the removed blocks first (r)", markup=False)
            return
        units = self._removed_units()
        if not units:
            self.notify("Nothing was removed from this page", markup=False)
            return
        top = self.view.top_unit()
        after = [u for u in units if u > top] if self._removed_cursor >= 0 or top > 0 else [u for u in units if u >= top]
        self._removed_cursor = (after or units)[0]
        self.view.scroll_to_unit(self._removed_cursor)
        self._update_status()

    def action_keep_block(self) -> None:
        """Bring back the removed block at the top of the screen (or the one jumped to)."""
        article = self.entry.article
        if article is None or not self.show_removed:
            self.notify("Show the removed blocks (r), move to one (R), then + keeps it", markup=False)
            return
        units = self._removed_units()
        top = self.view.top_unit()
        candidates = [u for u in units if u >= top]
        if not candidates:
            self.notify("No removed block on or below the top of the screen", markup=False)
            return
        unit = self._removed_cursor if self._removed_cursor in units and self._removed_cursor >= top else candidates[0]
        nth = self.view.paras[unit].removed
        if nth is None or nth >= len(article.removed):
            return
        removed = article.removed[nth]
        from reader.app.screens.keep import RememberRule
        from reader.app.state import kept_key

        key = kept_key(removed.text)
        if not key:
            self.notify("This removed block has no text to keep", markup=False)
            return
        if key not in self.entry.kept:
            self._set_kept((*self.entry.kept, key))
        # remembered for this page at once (a closed terminal keeps it too); a rule
        # for the site, if the dialog makes one, takes over from the next start
        problem = self.app.state.add_kept(self.entry.name, removed.text)
        if problem:
            self.notify(problem[:1].upper() + problem[1:], severity="warning", markup=False)
        self.app.schedule_save()

        def answered(as_rule: bool | None) -> None:
            if as_rule:
                self.app.kept_as_rules.add((self.entry.name, key))
                if self.app.state.drop_kept(self.entry.name, key):
                    self.app.schedule_save()

        self.app.push_screen(RememberRule(article, removed), answered)

    def action_unkeep_block(self) -> None:
        """Undo `+`: the first block kept on this page, from the top of the screen down,
        is removed again (and forgotten in the state)."""
        from reader.app.kept import kept_by

        article = self.entry.article
        if article is None:
            return
        if not self.entry.kept:
            self.notify("No block was kept on this page (+ keeps a removed one; rules in rules.toml are edited there)", markup=False)
            return
        key = None
        for para in self.view.paras[self.view.top_unit():]:
            if para.block is not None and para.block < len(article.blocks):
                key = kept_by(article.blocks[para.block].text, self.entry.kept)
                if key is not None:
                    break
        if key is None:
            self.notify(f"No kept block at or below the top of the screen ({len(self.entry.kept)} kept on this page above it)", markup=False)
            return
        self._set_kept(tuple(k for k in self.entry.kept if k != key))
        if self.app.state.drop_kept(self.entry.name, key):
            self.app.schedule_save()
        shown = clean(key if len(key) <= 30 else key[:29] + "…")
        if (self.entry.name, key) in self.app.kept_as_rules:
            self.notify(f"Removed again for now: “{shown}”. The rule you added to rules.toml keeps it from the next start: delete it there.",
                        severity="warning", timeout=10, markup=False)
        else:
            self.notify(f"Removed again: “{shown}” (r shows it, + keeps it)", markup=False)

    def _set_kept(self, kept: tuple[str, ...]) -> None:
        """Show the page with these blocks kept; what was prepared from it is redone."""
        if not self.entry.set_kept(kept):
            return
        self.app.entry_changed.publish(self.entry)
        if self._prepared:
            self.app.prepare_conversion(self.entry)
        if self._prepared or self.highlight:
            self.app.request_keywords(self.entry)

    def action_search(self) -> None:
        box = self.query_one(SearchInput)
        box.display = True
        if self.query_text and not self.query_is_keyword:
            box.value = self.query_text
        box.focus()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        box = self.query_one(SearchInput)
        box.display = False
        self.view.focus()
        self.set_query(event.value.strip(), is_keyword=False)

    def set_query(self, query: str, *, is_keyword: bool) -> None:
        self.query_text = query
        self.query_is_keyword = is_keyword
        self.current = -1
        self._pending_jump = 0 if query else None
        self.redraw()

    def _jump(self, index: int) -> None:
        view = self.view
        total = view.match_count
        if not total:
            return
        self.current = index % total
        view.set_current(self.current)
        view.scroll_to_line(view.match_line(self.current), center=True)
        self._update_status()

    def action_next_match(self) -> None:
        if not self.query_text:
            self.notify("Nothing to jump to: search with / or pick a keyword with K", markup=False)
            return
        self._jump(self.current + 1)

    def action_previous_match(self) -> None:
        if not self.query_text:
            self.notify("Nothing to jump to: search with / or pick a keyword with K", markup=False)
            return
        self._jump(self.current - 1 if self.current >= 0 else -1)

    def action_side_by_side(self) -> None:
        """As written | the other script when `t` is on, else raw page | cleaned."""
        self._compare("original" if self.other_script else "raw")

    def action_compare_original(self) -> None:
        self._compare("original")

    def action_compare_raw(self) -> None:
        self._compare("raw")

    def action_compare_other(self) -> None:
        self.pick_other(lambda other: self._compare("other", other))

    def _compare(self, mode: str, other: Entry | None = None) -> None:
        from reader.app.screens.side_by_side import SideBySideScreen

        if self.entry.article is None:
            self.notify("The page is not ready yet", severity="warning", markup=False)
            return
        self.remember_place()

        def back(block: int | None) -> None:
            # what was toggled there (t, h, r) stays so here
            self.other_script, self.highlight, self.show_removed = screen.other_script, screen.highlight, screen.show_removed
            if block is not None:
                self.view.scroll_to_block(block)

        screen = SideBySideScreen(
            self.entry, mode, other, highlight=self.highlight, show_removed=self.show_removed,
            other_script=self.other_script, query=self.query_text,
            start_block=self.view.top_block() if self.view.top_line > 0 else None,  # at the top: the title too
        )
        self.app.push_screen(screen, back)
