"""Side by side: two panes that scroll together, aligned paragraph by paragraph.

Modes: the original text | the current view (简 | 繁 after `t`); the raw page | the
cleaned article; this article | another article from the library.  Pairs for the
raw mode are built in a worker (raw pages can be large); the others are cheap.
"""
from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Footer, Static

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
    OnePane,
    Quit,
    ToggleDark,
    ToggleHighlight,
    ToggleRemoved,
    bindings,
)
from reader.app.layout import Para, article_paras, clean, pair_by_index, pair_raw
from reader.app.library import Entry, script_label
from reader.app.screens.reader import ReadingScreen, script_status
from reader.app.widgets import ParallelView

MODES = ("original", "raw", "other")


class SideBySideScreen(ReadingScreen):
    COMMANDS_OFFERED = (
        OnePane,
        Back,
        CycleScript,
        CycleWidth,
        ToggleHighlight,
        ToggleRemoved,
        CompareOriginal,
        CompareRaw,
        CompareOther,
        Copy,
        Export,
        ToggleDark,
        Help,
        Quit,
    )
    BINDINGS = bindings(COMMANDS_OFFERED)
    AUTO_FOCUS = "ParallelView"

    def __init__(
        self, entry: Entry, mode: str = "original", other: Entry | None = None, *,
        highlight: bool = False, show_removed: bool = False,
    ) -> None:
        super().__init__(entry)
        self.mode = mode if mode in MODES else "original"
        self.other = other
        self.highlight = highlight
        self.show_removed = show_removed
        self._raw_pairs: list | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="pane-titles"):
            yield Static(id="left-title", classes="pane-title")
            yield Static(id="right-title", classes="pane-title")
        yield ParallelView(id="parallel")
        yield Static(id="side-status", classes="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        if self.highlight:
            self.app.request_keywords(self.entry)
        self.call_after_refresh(self.redraw)

    @property
    def view(self) -> ParallelView:
        return self.query_one(ParallelView)

    def action_one_pane(self) -> None:
        self.dismiss()

    def action_toggle_removed(self) -> None:
        """Removed blocks, where they stood, in both panes (they pair up: conversion
        keeps their places)."""
        self.show_removed = not self.show_removed
        self._raw_pairs = None
        self.redraw()

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

    def reading_changed(self, entry: Entry | None) -> None:
        if entry is None or entry is self.entry or entry is self.other:
            self.redraw()

    # -- drawing ---------------------------------------------------------------------
    def redraw(self) -> None:
        if not self.is_mounted:
            return
        article, pending = self.displayed()
        original = self.entry.article
        if article is None or original is None:
            return
        keywords = self.keyword_terms() if self.highlight else []
        left_title: str
        right_title: str
        if self.mode == "original":
            pairs = pair_by_index(article_paras(original, self.show_removed), article_paras(article, self.show_removed))
            left_title = f"原文 {script_label(self.entry.script)}"
            right_title = script_status(self.app, self.entry, pending)
        elif self.mode == "raw":
            left_title = f"raw page ({original.page_kind})"
            right_title = "cleaned article · " + script_status(self.app, self.entry, pending)
            key = (id(article), original.raw_text and len(original.raw_text), self.show_removed)
            if self._raw_pairs is None or self._raw_pairs[0] != key:
                self._raw_pairs = (key, None)
                self.run_worker(partial(self._build_raw, key, original.raw_text, article), thread=True, group="raw", exit_on_error=False)
            pairs = self._raw_pairs[1]
            if pairs is None:
                pairs = [(Para("aligning…", "note"), None)]
        else:
            other = self.other
            other_article, other_pending = self.app.displayed(other) if other else (None, False)
            pairs = pair_by_index(
                article_paras(article, self.show_removed),
                article_paras(other_article, self.show_removed) if other_article else [],
            )
            left_title = clean(article.title)
            right_title = clean(other_article.title) if other_article else "—"
            pending = pending or other_pending
        self.view.show(pairs, width_cells=self.app.width_cells, keywords=keywords)
        self.query_one("#left-title", Static).update(Text(left_title, no_wrap=True, overflow="ellipsis"))
        self.query_one("#right-title", Static).update(Text(right_title, no_wrap=True, overflow="ellipsis"))
        mode_name = {"original": "original | current", "raw": "raw page | cleaned", "other": "two articles"}[self.mode]
        parts = [f"side by side: {mode_name}", self.app.width_label()]
        if self.highlight:
            parts.append("highlights on" if self.entry.keywords is not None else "finding keywords…")
        if self.show_removed:
            parts.append(f"removed shown ({len(original.removed)})")
        self.query_one("#side-status", Static).update(Text(" · ".join(parts), no_wrap=True, overflow="ellipsis"))

    def _build_raw(self, key: object, raw: str, article) -> None:
        pairs = pair_raw(raw or "", article_paras(article, self.show_removed))
        self.app._call(self._raw_ready, key, pairs)

    def _raw_ready(self, key: object, pairs: list) -> None:
        if self._raw_pairs is not None and self._raw_pairs[0] == key:
            self._raw_pairs = (key, pairs)
            self.redraw()

    @property
    def status_text(self) -> str:
        return str(self.query_one("#side-status", Static).content)
