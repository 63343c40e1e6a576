"""The reading app: a library of pages, a reader, side-by-side comparison.

The app holds what every screen shares, as Textual reactives and signals:

* `width_chars` and `variant` (reactive): the reading width and the Traditional
  form `t` converts to; screens watch them (``self.watch(self.app, …)``).
* `entry_changed` (a Signal): an entry got its article, error, conversion or
  keywords; screens subscribe and redraw what shows it.

Pages are extracted by `reader.app.loader` in worker processes through the one
pipeline; conversions run in a thread, keywords in a process; results come back as
messages.  The state file is saved a moment after every change that matters, on
quitting, and on SIGHUP/SIGTERM (a closed terminal keeps the place).
"""
from __future__ import annotations

import os
import signal
import threading
from functools import partial
from typing import Any, Callable, Hashable, Iterable

from textual.app import App, SystemCommand
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.signal import Signal

from reader.app.library import Entry
from reader.app.state import VARIANTS, WIDTHS, Settings, State, initial_variant, initial_width
from reader.model import Article, Script
from reader.pipeline import Options
from reader.terminal import sanitize

SAVE_DELAY = 1.0  # seconds: a burst of scrolling is one write
BACKGROUND_DELAY = 0.25  # seconds after the first frame: Textual's first refreshes settle by then
SHUTDOWN_GRACE_SECONDS = 3.0  # after SIGTERM, a shutdown still running this long is hung: the process ends
LOAD_OPTIONS = Options(detect_script=True, keep_raw=True)


class ReaderApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "reader"
    ENABLE_COMMAND_PALETTE = True

    width_chars: reactive[int | None] = reactive(40, init=False)
    variant: reactive[str] = reactive("s2tw", init=False)

    # How a signal ends the process when the usual shutdown cannot (`_on_signal`).
    terminate: Callable[[int], None] = staticmethod(os._exit)

    class EntryLoaded(Message):
        """The loader finished a page (posted from its thread)."""

        def __init__(self, key: Hashable, result: Any) -> None:
            super().__init__()
            self.key = key
            self.result = result

    class DerivedReady(Message):
        """A conversion or the keywords of an entry are ready (or failed); `source`
        is the article they were derived from."""

        def __init__(self, entry: Entry, kind: str, result: Any, source: Article | None = None) -> None:
            super().__init__()
            self.entry = entry
            self.kind = kind
            self.result = result
            self.source = source

    def __init__(
        self,
        entries: Iterable[Entry],
        *,
        open_index: int | None = None,
        settings: Settings | None = None,
        state: State | None = None,
        errors: Iterable[str] = (),
        process: Callable | None = None,
        executor: str = "process",
        user_rules: Any = None,
    ) -> None:
        super().__init__()
        self.entries: list[Entry] = list(entries)
        self.open_index = open_index
        self.settings = settings if settings is not None else Settings.load()
        self.state = state if state is not None else State.load()
        self.startup_errors = list(errors)
        self.executor_kind = executor
        self._process = process
        self._user_rules = user_rules
        self.entry_changed: Signal[Entry] = Signal(self, "entry-changed")
        self.kept_as_rules: set[tuple[str, str]] = set()  # (page, kept key) made a rule this session
        for entry in self.entries:  # blocks kept "only on this page" in an earlier run
            entry.set_kept(self.state.kept(entry.name))
        width = initial_width(self.settings, self.state)
        self.set_reactive(ReaderApp.width_chars, width if width in WIDTHS else 40)
        self.set_reactive(ReaderApp.variant, initial_variant(self.settings, self.state))
        self._pending: set[tuple[int, str]] = set()
        self._loader = None
        self._keyword_pool = None
        self._save_timer = None
        self.watchdog: threading.Timer | None = None  # armed by SIGTERM (`_on_signal`)
        self._wanted: list[Entry] = []  # opened before the loader started
        self._background_started = False
        self._keyword_lock = threading.Lock()
        self._stopped = False  # unmounted: no new worker pools

    # -- start ---------------------------------------------------------------------
    def get_default_screen(self) -> Screen:
        from reader.app.screens.library import LibraryScreen

        return LibraryScreen()

    def on_mount(self) -> None:
        for theme in (self.state.theme, self.settings.theme):
            if theme in self.available_themes:
                self.theme = theme
                break
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        for message in [*self.startup_errors, *self.settings.problems, *self.state.problems]:
            self.notify(sanitize(message), severity="error", timeout=10, markup=False)
        if self.open_index is not None:
            self.open_entry(self.entries[self.open_index])
        self._install_signal_handlers()
        if self.open_index is not None and not self.entries[self.open_index].ready:
            self._start_background()  # the page asked for is what the first screen needs
            return
        # what the first screen does not need (worker processes, rules, the keyword
        # worker's dictionary) starts once it is painted and settled: on two cores a
        # fork server importing the pipeline beside the first frame doubles its time.
        # Opening a page before then starts it at once (`prioritize`).
        self.call_after_refresh(self.set_timer, BACKGROUND_DELAY, self._start_background, name="start-background")

    def _start_background(self) -> None:
        if self._background_started:
            return
        self._background_started = True
        self._start_loader()
        self.run_worker(self._warm_keywords, thread=True, group="warm", exit_on_error=False)

    def _warm_keywords(self) -> None:
        """Load the dictionary in the keyword worker and the converters `h` marks
        with here, in a thread (starting a process waits for the fork server), so
        the first `h` pays only for the work."""
        from reader.app.derive import warm_highlighting, warm_keywords

        loading = self._keyword_executor().submit(warm_keywords) if self.executor_kind == "process" else None
        warm_highlighting()
        if loading is not None:
            loading.result()  # this worker is done when the keyword process is warm

    def _start_loader(self) -> None:
        from dataclasses import replace

        from reader.user_rules import load_user_rules

        rules = self._user_rules if self._user_rules is not None else load_user_rules()
        self._user_rules = rules
        for problem in rules.problems:
            self.notify(sanitize(problem), severity="error", timeout=10, markup=False)
        options = replace(LOAD_OPTIONS, user_rules=tuple(rules.rules))  # the pipeline applies them
        pending = [(i, e.raw) for i, e in enumerate(self.entries) if not e.ready and e.raw is not None]
        if not pending:
            return
        from reader.app.loader import Loader

        kwargs: dict[str, Any] = {"executor": self.executor_kind}
        if self._process is not None:
            kwargs["process"] = self._process
        self._loader = Loader(options, self._loaded_in_thread, **kwargs)
        wanted = {self.entries.index(e) for e in self._wanted}
        if self.open_index is not None:
            wanted.add(self.open_index)
        first = [item for item in pending if item[0] in wanted]
        for key, raw in first:
            self._loader.prioritize(key, raw)
        self._loader.start(item for item in pending if item not in first)

    def _loaded_in_thread(self, key: Hashable, result: Any) -> None:
        self.post_message(self.EntryLoaded(key, result))  # thread-safe

    def on_reader_app_entry_loaded(self, message: EntryLoaded) -> None:
        entry = self.entries[message.key]  # type: ignore[index]
        entry.set_result(message.result)
        self.entry_changed.publish(entry)

    @property
    def loading(self) -> int:
        return sum(1 for e in self.entries if not e.ready)

    # -- screens ---------------------------------------------------------------------
    def open_entry(self, entry: Entry) -> None:
        from reader.app.screens.reader import ReaderScreen

        self.prioritize(entry)
        if self.state.set("last_page", entry.name):
            self.schedule_save()
        self.push_screen(ReaderScreen(entry))

    def prioritize(self, entry: Entry) -> None:
        """Extract this entry next, ahead of the library's queue."""
        if entry.ready:
            return
        if self._loader is None:
            self._wanted.append(entry)
            if self.is_running:
                self._start_background()  # the page is wanted now: no waiting for the timer
            return
        self._loader.prioritize(self.entries.index(entry), entry.raw)

    def action_help(self) -> None:
        from reader.app.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(HelpScreen(self.screen))

    def _remember_theme(self, theme) -> None:
        if self.state.set("theme", theme.name):
            self.schedule_save()

    def action_toggle_dark(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    async def action_quit(self) -> None:
        self.save_now()
        self.exit(0)

    def on_unmount(self) -> None:
        self.save_now()
        if self._loader is not None:
            self._loader.close()
        with self._keyword_lock:
            self._stopped = True
            if self._keyword_pool is not None:
                from reader.app.loader import stop_pool

                stop_pool(self._keyword_pool)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette: this screen's commands first, then Textual's own."""
        from reader.app.commands import offered

        seen: set[str] = set()
        for command in offered(screen):
            if command.ACTION in seen:
                continue
            seen.add(command.ACTION)
            title = command.TITLE
            if command.KEY:
                title = f"{title}  ({command.key_label()})"
            yield SystemCommand(title, command.HELP, partial(screen.run_action, command.ACTION))
        for variant in VARIANTS:
            from reader.app.state import VARIANT_NAMES

            mark = " ✓" if variant == self.variant else ""
            yield SystemCommand(
                f"Traditional form: {VARIANT_NAMES[variant]} ({variant}){mark}",
                "What t converts Simplified text to; remembered.",
                partial(self.set_variant, variant),
            )
        for command in super().get_system_commands(screen):
            if command.title not in ("Quit",):
                yield command

    # -- preferences ---------------------------------------------------------------
    @property
    def width_cells(self) -> int | None:
        return None if self.width_chars is None else self.width_chars * 2

    def cycle_width(self) -> None:
        index = WIDTHS.index(self.width_chars) if self.width_chars in WIDTHS else 0
        self.width_chars = WIDTHS[(index + 1) % len(WIDTHS)]

    def watch_width_chars(self, width: int | None) -> None:
        if self.state.set("width", width):
            self.schedule_save()

    def set_variant(self, variant: str) -> None:
        if variant in VARIANTS:
            self.variant = variant

    def watch_variant(self, variant: str) -> None:
        if self.state.set("variant", variant):
            self.schedule_save()

    def width_label(self) -> str:
        return "full width" if self.width_chars is None else f"{self.width_chars}字"

    # -- saving ----------------------------------------------------------------------
    def schedule_save(self) -> None:
        """Save the state a moment from now (a burst of changes is one write)."""
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self.save_now, name="save-state")

    def save_now(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self.state.dirty:
            problem = self.state.save()
            if problem and self.is_running:
                self.notify(sanitize(problem), severity="error", markup=False)

    def _install_signal_handlers(self) -> None:
        """A closed terminal (SIGHUP) or a kill (SIGTERM) saves the place first."""
        import asyncio

        try:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGHUP, signal.SIGTERM):
                loop.add_signal_handler(sig, self._on_signal, sig)
        except (NotImplementedError, RuntimeError, AttributeError, ValueError):
            pass  # not on this platform, or not the main thread (tests)

    def _on_signal(self, sig: int) -> None:
        """Save, then go.  After SIGHUP the terminal is gone: there is nothing to restore
        on it, and Textual's shutdown can block for ever on a writer queue nobody drains
        any more (Textualize/textual#6692), leaving the process behind: it exits at once.
        After SIGTERM the terminal may still be there, so the app shuts down as usual,
        and a watchdog ends the process if that shutdown hangs."""
        code = 128 + int(sig)
        try:
            self.save_now()
        finally:
            if sig == signal.SIGHUP:
                self.terminate(code)
            else:
                self.watchdog = threading.Timer(SHUTDOWN_GRACE_SECONDS, self.terminate, args=(code,))
                self.watchdog.daemon = True
                self.watchdog.start()  # (`cli.open_app` stops it once the app has returned)
                self.exit(return_code=code)

    # -- script conversion -----------------------------------------------------------
    def conversion_config(self, entry: Entry, other_script: bool) -> str | None:
        """The OpenCC config that shows `entry` in the other script (None: as written)."""
        if not other_script or entry.article is None:
            return None
        from reader.transform.convert import config_for_target

        target = other_target(entry)
        if target is None:
            return None
        source = entry.script.script if entry.script else Script.UNKNOWN
        return config_for_target(target, source, self.variant)

    def displayed(self, entry: Entry, other_script: bool) -> tuple[Article | None, bool]:
        """The article in the chosen script, and whether a conversion is pending."""
        article = entry.article
        if article is None:
            return None, False
        config = self.conversion_config(entry, other_script)
        if config is None:
            return article, False
        converted = entry.conversions.get(config)
        if converted is not None:
            return converted, False
        self._request_conversion(entry, config)
        return article, True

    def prepare_conversion(self, entry: Entry) -> None:
        """Convert `entry` to its other script in the background (a thread), so a
        later `t` only swaps in lines: the same `convert_article` a `t` would run."""
        config = self.conversion_config(entry, True)
        if config is not None and config not in entry.conversions:
            self._request_conversion(entry, config)

    def _request_conversion(self, entry: Entry, config: str) -> None:
        key = (id(entry), config)
        if key in self._pending:
            return
        self._pending.add(key)
        assert entry.article is not None
        self.run_worker(partial(self._convert, entry, config, entry.article), thread=True, group="convert", exit_on_error=False)

    def _convert(self, entry: Entry, config: str, article: Article) -> None:
        from reader.transform.convert import convert_article

        try:
            result: Article | Exception = convert_article(article, config)
        except Exception as exc:  # a converter failure is reported, not fatal
            result = exc
        self.post_message(self.DerivedReady(entry, config, result, article))

    def on_reader_app_derived_ready(self, message: DerivedReady) -> None:
        entry, kind, result = message.entry, message.kind, message.result
        self._pending.discard((id(entry), kind))
        if message.source is not None and message.source is not entry.article:
            # derived from an article since changed (a block kept or un-kept): stale,
            # and still wanted (it was asked for): derive it again from the new one
            if entry.article is not None:
                if kind == "keywords":
                    self.request_keywords(entry)
                else:
                    self._request_conversion(entry, kind)
            return
        if kind == "keywords":
            if isinstance(result, BaseException):
                self.notify(sanitize(f"Could not find keywords: {result}"), severity="error", markup=False)
                entry.keywords = []
            else:
                entry.keywords = result
        elif isinstance(result, BaseException):
            self.notify(sanitize(f"Could not convert ({kind}): {result}"), severity="error", markup=False)
            return
        else:
            entry.conversions[kind] = result
        self.entry_changed.publish(entry)

    # -- keywords --------------------------------------------------------------------
    def request_keywords(self, entry: Entry) -> bool:
        """Start computing the keywords if needed; True when they are ready now."""
        if entry.keywords is not None:
            return True
        if entry.article is None:
            return False
        key = (id(entry), "keywords")
        if key not in self._pending:
            self._pending.add(key)
            self.run_worker(partial(self._keywords, entry, entry.article), thread=True, group="keywords", exit_on_error=False)
        return False

    def _keywords(self, entry: Entry, article: Article) -> None:
        from reader.app.derive import article_keywords

        try:
            if self.executor_kind == "thread":
                result: Any = article_keywords(article)
            else:
                result = self._keyword_executor().submit(article_keywords, article).result()
        except Exception as exc:  # noqa: BLE001 - reported, never fatal
            result = exc
        self.post_message(self.DerivedReady(entry, "keywords", result, article))

    def _keyword_executor(self):
        """One worker process for jieba: segmenting a long page never stalls the UI.
        Called from worker threads (the warm-up and `h`), hence the lock."""
        with self._keyword_lock:
            if self._keyword_pool is None:
                from concurrent.futures import ProcessPoolExecutor

                from reader.app.loader import _process_context, prepare_processes

                if self._stopped:
                    raise RuntimeError("the app is closing")
                prepare_processes()
                self._keyword_pool = ProcessPoolExecutor(max_workers=1, mp_context=_process_context())
            return self._keyword_pool

    def input_files(self) -> list:
        """Every input file: exports must never overwrite one (compared by inode)."""
        return [e.path for e in self.entries if e.path is not None]


def other_target(entry: Entry) -> str | None:
    """What `t` converts a page to: the other script of the one it is written in."""
    script = entry.script.script if entry.script else Script.UNKNOWN
    if script is Script.SIMPLIFIED:
        return "traditional"
    if script in (Script.TRADITIONAL,):
        return "simplified"
    if script is Script.MIXED:
        return "traditional"  # a half-converted page: make it consistent
    return None
