"""The reader: one article, pre-wrapped for CJK, with script, keyword and search tools."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from reader import render
from reader.app.commands import (
    Back,
    CompareOriginal,
    CompareOther,
    CompareRaw,
    Copy,
    CycleScript,
    CycleWidth,
    Export,
    Help,
    Keywords,
    NextMatch,
    PreviousMatch,
    Quit,
    Search,
    SideBySide,
    ToggleDark,
    ToggleHighlight,
    ToggleRemoved,
    bindings,
)
from reader.app.layout import Para, article_paras, clean
from reader.app.library import Entry, script_label
from reader.app.widgets import ArticleView
from reader.model import Article
from reader.terminal import sanitize

if TYPE_CHECKING:
    from reader.app.app import ReaderApp

SCRIPT_NAMES = {"simplified": "简体", "traditional": "繁體"}


def script_status(app: "ReaderApp", entry: Entry, pending: bool) -> str:
    """What the status line says about the script: original, or converted by which config."""
    original = f"原文 {script_label(entry.script)}"
    if app.script_mode == "original":
        return original
    name = SCRIPT_NAMES[app.script_mode]
    config = app.conversion_config(entry)
    if pending:
        return f"{name} ({config}) converting…"
    if config is None:
        return f"{name} (already {script_label(entry.script)})"
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


class ReadingScreen(Screen):
    """What the reader and side-by-side screens share: the entry and its view."""

    app: "ReaderApp"

    highlight: bool = False

    def __init__(self, entry: Entry) -> None:
        super().__init__()
        self.entry = entry

    def action_toggle_highlight(self) -> None:
        self.highlight = not self.highlight
        if self.highlight:
            self.app.request_keywords(self.entry)
        self.redraw()

    def pick_other(self, then: Callable[[Entry], None]) -> None:
        """Ask for another ready article of the library, then call `then` with it."""
        from reader.app.screens.picker import PickArticle

        others = [e for e in self.app.entries if e is not self.entry and e.article is not None]
        if not others:
            self.notify("No other article in the library to compare with", severity="warning", markup=False)
            return
        self.app.push_screen(PickArticle(others), lambda other: other is not None and then(other))

    def displayed(self) -> tuple[Article | None, bool]:
        return self.app.displayed(self.entry)

    def keyword_terms(self) -> list[str]:
        return [k.word for k in self.entry.keywords or []]

    def action_back(self) -> None:
        self.dismiss()

    def action_cycle_script(self) -> None:
        self.app.cycle_script()

    def action_cycle_width(self) -> None:
        self.app.cycle_width()

    def action_copy(self) -> None:
        article, _ = self.displayed()
        if article is None:
            self.notify("Nothing to copy yet", severity="warning", markup=False)
            return
        text = sanitize(render.to_text(article))
        self.app.copy_to_clipboard(text)
        self.notify(f"Copied {len(text)} characters", markup=False)

    def action_export(self) -> None:
        from reader.app.screens.export import ExportScreen

        article, _ = self.displayed()
        if article is None:
            self.notify("Nothing to export yet", severity="warning", markup=False)
            return
        self.app.push_screen(ExportScreen(article, self.entry))

    def reading_changed(self, entry: Entry | None) -> None:
        if entry is None or entry is self.entry:
            self.redraw()

    def entry_updated(self, entry: Entry) -> None:
        if entry is self.entry:
            self.redraw()

    def redraw(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class ReaderScreen(ReadingScreen):
    COMMANDS_OFFERED = (
        Back,
        CycleScript,
        CycleWidth,
        ToggleHighlight,
        Keywords,
        Search,
        NextMatch,
        PreviousMatch,
        ToggleRemoved,
        SideBySide,
        Copy,
        Export,
        CompareOriginal,
        CompareRaw,
        CompareOther,
        ToggleDark,
        Help,
        Quit,
    )
    BINDINGS = bindings(COMMANDS_OFFERED)
    AUTO_FOCUS = "ArticleView"

    def __init__(self, entry: Entry) -> None:
        super().__init__(entry)
        self.show_removed = False
        self.highlight = False
        self.query_text = ""  # the active term: a search, or the chosen keyword
        self.query_is_keyword = False
        self.current = -1
        self._restored = False
        self._converting = False
        self._pending_jump: int | None = None  # jump to this match once laid out
        self._scroll_to_current = False

    def compose(self) -> ComposeResult:
        with Horizontal(id="reader-body"):
            yield ArticleView(id="article")
            yield KeywordPanel(id="keywords")
        yield SearchInput(placeholder="search (简/繁 alike) — Enter to find, Esc to close", id="search")
        yield Static(id="reader-status", classes="status")
        yield Footer(compact=True)

    def on_resize(self, event) -> None:
        # every key fits in the footer at 100 columns; ^p shows when there is room
        self.query_one(Footer).show_command_palette = event.size.width >= 120

    def on_mount(self) -> None:
        self.query_one(KeywordPanel).display = False
        self.query_one(SearchInput).display = False
        self.call_after_refresh(self.redraw)

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
        paras, self._converting = self.paras()
        keywords = self.keyword_terms() if self.highlight else []
        self.view.show(
            paras,
            width_cells=self.app.width_cells,
            keywords=keywords,
            query=self.query_text,
            current=self.current,
        )
        if not self.view.laying_out:
            self._after_layout()
        else:
            self._update_status(self._converting)

    @on(ArticleView.Laid)
    def _laid(self, event: ArticleView.Laid) -> None:
        event.stop()
        self._after_layout()

    def _after_layout(self) -> None:
        """What needs the laid-out lines: restoring the place, jumping to a match."""
        view = self.view
        if not self._restored and self.entry.article is not None and view.size.height:
            self._restored = True
            block = self.app.state.position(self.entry.name)
            if block:
                view.scroll_to_block(block)
                self.call_after_refresh(view.scroll_to_block, block)
        if self._pending_jump is not None:
            index, self._pending_jump = self._pending_jump, None
            if view.matches:
                self._jump(index)
                return
            if self.query_text:
                self.notify(f"“{clean(self.query_text)}” not found", severity="warning", markup=False)
        if self._scroll_to_current:
            self._scroll_to_current = False
            if 0 <= self.current < len(view.matches):
                view.scroll_to_line(view.matches[self.current], center=True)
        self._fill_keyword_panel()
        self._update_status(self._converting)

    def _update_status(self, pending: bool = False) -> None:
        parts = [script_status(self.app, self.entry, pending), self.app.width_label()]
        article = self.entry.article
        if self.highlight:
            parts.append("highlights on" if self.entry.keywords is not None else "finding keywords…")
        if self.show_removed and article is not None:
            parts.append(f"removed shown ({len(article.removed)})")
        if self.query_text:
            total = len(self.view.matches)
            kind = "keyword" if self.query_is_keyword else "search"
            where = f"{self.current + 1}/{total}" if total and self.current >= 0 else f"{total} found"
            parts.append(f"{kind} “{clean(self.query_text)}” {where}")
        text = Text(" · ".join(parts), no_wrap=True, overflow="ellipsis")
        self.query_one("#reader-status", Static).update(text)

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
    def remember_position(self) -> None:
        if self.entry.article is not None and self.is_mounted:
            self.app.state.remember_position(self.entry.name, self.view.top_block())

    def on_screen_suspend(self) -> None:
        self.remember_position()

    def on_screen_resume(self) -> None:
        self.redraw()

    def action_back(self) -> None:
        self.remember_position()
        self.app.state.save()
        self.dismiss()

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
        self.show_removed = not self.show_removed
        if self.show_removed and not article.removed:
            self.notify("Nothing was removed from this page", markup=False)
        self.redraw()

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
        matches = self.view.matches
        if not matches or self.view.laying_out:
            return
        self.current = index % len(matches)
        self._scroll_to_current = True
        self.redraw()

    def action_next_match(self) -> None:
        if not self.query_text:
            self.notify("Nothing to jump to: search with / or pick a keyword with k", markup=False)
            return
        self._jump(self.current + 1)

    def action_previous_match(self) -> None:
        if not self.query_text:
            self.notify("Nothing to jump to: search with / or pick a keyword with k", markup=False)
            return
        self._jump(self.current - 1 if self.current >= 0 else -1)

    def action_side_by_side(self) -> None:
        self._compare("original")

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
        self.remember_position()
        self.app.push_screen(
            SideBySideScreen(self.entry, mode, other, highlight=self.highlight, show_removed=self.show_removed)
        )
