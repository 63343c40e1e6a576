"""Side by side: two panes that scroll together, aligned paragraph by paragraph.

Modes: as written | the other script (after `t`); the raw page | the cleaned
article (what `s` opens when there is no conversion to compare); this article |
another article.  Raw pairs are aligned by the provenance each block carries (its
offsets in the raw page), else by finding its text, always on the text as written,
then shown in the current script.  The reading position is kept on entry and
handed back on exit; a search from the reader is highlighted in both panes.
"""
from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Footer, Static

from reader.app.commands import (
    Back,
    CompareOriginal,
    CompareOther,
    CompareRaw,
    Copy,
    CopyToFile,
    CycleVariant,
    CycleWidth,
    Export,
    Help,
    OnePane,
    Quit,
    ToggleDark,
    ToggleHighlight,
    ToggleRemoved,
    ToggleScript,
    screen_bindings,
)
from reader.app.layout import Para, article_paras, clean, pair_by_index, pair_raw, raw_anchors
from reader.app.library import Entry, script_label
from reader.app.screens.reader import ReadingScreen, script_status
from reader.app.widgets import ParallelView

MODES = ("original", "raw", "other")


class SideBySideScreen(ReadingScreen):
    COMMANDS_OFFERED = (
        Help,
        Quit,
        OnePane,
        ToggleScript,
        ToggleHighlight,
        ToggleRemoved,
        CycleWidth,
        CycleVariant,
        CompareOriginal,
        CompareRaw,
        CompareOther,
        Copy,
        CopyToFile,
        Export,
        Back,
        ToggleDark,
    )
    FOOTER_ACTIONS = ("app.help", "app.quit", "one_pane", "toggle_script", "toggle_highlight", "toggle_removed", "cycle_width")
    BINDINGS = screen_bindings(COMMANDS_OFFERED, FOOTER_ACTIONS)
    AUTO_FOCUS = "ParallelView"

    class RawPairs(Message):
        def __init__(self, key: object, pairs: list) -> None:
            super().__init__()
            self.key = key
            self.pairs = pairs

    def __init__(
        self, entry: Entry, mode: str = "original", other: Entry | None = None, *,
        highlight: bool = False, show_removed: bool = False, other_script: bool = False,
        query: str = "", start_block: int | None = None,
    ) -> None:
        super().__init__(entry)
        self.mode = mode if mode in MODES else "original"
        self.other = other
        self.query_text = query
        self._start_block: int | None = start_block
        self._raw_pairs: tuple[object, list | None] | None = None
        self.set_reactive(ReadingScreen.highlight, highlight)
        self.set_reactive(ReadingScreen.show_removed, show_removed)
        self.set_reactive(ReadingScreen.other_script, other_script)

    def compose(self) -> ComposeResult:
        with Horizontal(id="pane-titles"):
            yield Static(id="left-title", classes="pane-title")
            yield Static(id="right-title", classes="pane-title")
        yield ParallelView(id="parallel")
        yield Static(id="side-status", classes="status")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        super().on_mount()
        if self.highlight:
            self.app.request_keywords(self.entry)
        self.call_after_refresh(self.redraw)

    def shows(self, entry: Entry) -> bool:
        return entry is self.other

    @property
    def view(self) -> ParallelView:
        return self.query_one(ParallelView)

    def top_block(self) -> int | None:
        """The kept block of the right pane at the top of the view."""
        view = self.view
        if not view.pairs:
            return None
        unit = view.top_anchor()[0] or 0
        # the first block from the top down, else (the raw page's tail at the top)
        # the last one above
        for i in [*range(unit, len(view.pairs)), *range(min(unit, len(view.pairs)) - 1, -1, -1)]:
            right = view.pairs[i][1]
            if right is not None and right.block is not None:
                return right.block
        return None

    def watch_other_script(self, value: bool) -> None:
        if not value and self.mode == "original":
            self.mode = "raw"  # as written | as written would be two identical panes
        super().watch_other_script(value)

    def action_one_pane(self) -> None:
        self.dismiss(self.top_block())

    def action_back(self) -> None:
        self.dismiss(self.top_block())

    def action_toggle_removed(self) -> None:
        self.show_removed = not self.show_removed

    def action_compare_original(self) -> None:
        self.mode = "original"
        self.redraw()

    def action_compare_raw(self) -> None:
        self.mode = "raw"
        self.redraw()

    def action_compare_other(self) -> None:
        def chosen(other: Entry) -> None:
            self.other, self.mode = other, "other"
            self.redraw()

        self.pick_other(chosen)

    # -- drawing ---------------------------------------------------------------------
    def redraw(self) -> None:
        if not self.is_mounted:
            return
        article, pending = self.displayed()
        original = self.entry.article
        if article is None or original is None:
            return
        keywords = self.keyword_terms() if self.highlight else []
        script = script_status(self.app, self.entry, self.other_script, pending)
        if self.mode == "original":
            pairs = pair_by_index(article_paras(original, self.show_removed), article_paras(article, self.show_removed))
            left_title = f"原文 {script_label(self.entry.script)}"
            right_title = script
        elif self.mode == "raw":
            left_title = f"raw page ({original.page_kind})"
            right_title = "cleaned article · " + script
            key = (id(article), len(original.raw_text), self.show_removed)
            if self._raw_pairs is None or self._raw_pairs[0] != key:
                self._raw_pairs = (key, None)
                self.run_worker(partial(self._build_raw, key, original, article, self.show_removed), thread=True, group="raw", exit_on_error=False)
            pairs = self._raw_pairs[1] or [(Para("aligning…", "note"), None)]
        else:
            other = self.other
            other_article, other_pending = self.app.displayed(other, self.other_script) if other else (None, False)
            pairs = pair_by_index(
                article_paras(article, self.show_removed),
                article_paras(other_article, self.show_removed) if other_article else [],
            )
            left_title = clean(article.title)
            right_title = clean(other_article.title) if other_article else "—"
            pending = pending or other_pending
        anchor = None
        if self._start_block is not None and len(pairs) > 1:
            block = self._start_block
            anchor = next((i for i, (_, r) in enumerate(pairs) if r is not None and r.block is not None and r.block >= block), None)
            if self.mode != "raw" or self._raw_pairs and self._raw_pairs[1] is not None:
                self._start_block = None
        self.view.show(pairs, width_cells=self.app.width_cells, keywords=keywords, query=self.query_text, anchor=anchor)
        self.query_one("#left-title", Static).update(Text(left_title, no_wrap=True, overflow="ellipsis"))
        self.query_one("#right-title", Static).update(Text(right_title, no_wrap=True, overflow="ellipsis"))
        mode_name = {"original": "as written | other script", "raw": "raw page | cleaned", "other": "two articles"}[self.mode]
        parts = [f"side by side: {mode_name}", self.app.width_label()]
        if self.highlight:
            parts.append("keywords marked" if self.entry.keywords is not None else "finding keywords…")
        if self.show_removed:
            parts.append(f"removed shown ({len(original.removed)})")
        if self.query_text:
            parts.append(f"search “{clean(self.query_text)}” marked in both panes")
        self.query_one("#side-status", Static).update(Text(" · ".join(parts), no_wrap=True, overflow="ellipsis"))

    def _build_raw(self, key: object, original, article, show_removed: bool) -> None:  # type: ignore[no-untyped-def]
        as_written = article_paras(original, show_removed)
        shown = article_paras(article, show_removed) if article is not original else None
        pairs = pair_raw(original.raw_text or "", as_written, raw_anchors(original, as_written), shown)
        self.post_message(self.RawPairs(key, pairs))

    def on_side_by_side_screen_raw_pairs(self, message: RawPairs) -> None:
        if self._raw_pairs is not None and self._raw_pairs[0] == message.key:
            self._raw_pairs = (message.key, message.pairs)
            self.redraw()

    @property
    def status_text(self) -> str:
        return str(self.query_one("#side-status", Static).content)
