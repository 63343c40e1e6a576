"""The reading app: a library of pages, a reader, side-by-side comparison.

The app owns everything shared between screens: the library entries, the reading
preferences (script, width; remembered in the XDG state file), and the workers that
extract pages, convert scripts (OpenCC) and find keywords (jieba).  None of that work
ever runs on the event loop; screens show what is ready and are told when more is.
"""
from __future__ import annotations

from functools import partial
from typing import Callable, Iterable

from textual.app import App, SystemCommand
from textual.screen import Screen
from textual.worker import get_current_worker

from reader.app.library import Entry, Extractor, default_extract
from reader.app.state import WIDTHS, Settings, State, initial_width
from reader.model import Article, Script
from reader.terminal import sanitize

SCRIPT_MODES = ("original", "simplified", "traditional")


class ReaderApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "reader"
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        entries: Iterable[Entry],
        *,
        open_index: int | None = None,
        settings: Settings | None = None,
        state: State | None = None,
        extractor: Extractor = default_extract,
        errors: Iterable[str] = (),
    ) -> None:
        super().__init__()
        self.entries: list[Entry] = list(entries)
        self.open_index = open_index
        self.settings = settings if settings is not None else Settings.load()
        self.state = state if state is not None else State.load()
        self.extractor = extractor
        self.startup_errors = list(errors)
        self.script_mode = self.state.script if self.state.script in SCRIPT_MODES else "original"
        width = initial_width(self.settings, self.state)
        self.width_chars: int | None = width if width in WIDTHS else 40
        self._pending: set[tuple[int, str]] = set()

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
        for message in self.startup_errors:
            self.notify(sanitize(message), severity="error", timeout=8, markup=False)
        order = list(range(len(self.entries)))
        if self.open_index is not None:
            order.remove(self.open_index)
            order.insert(0, self.open_index)
            self.open_entry(self.entries[self.open_index])
        self.run_worker(self._warm_up, thread=True, group="warm", exit_on_error=False)
        if any(not e.ready for e in self.entries):
            self.run_worker(partial(self._extract_all, order), thread=True, group="extract", exit_on_error=False)

    def _extract_all(self, order: list[int]) -> None:
        worker = get_current_worker()
        for index in order:
            if worker.is_cancelled:
                return
            entry = self.entries[index]
            if entry.ready:
                continue
            entry.load(self.extractor)
            if not self._call(self._entry_ready, entry):
                return

    @staticmethod
    def _warm_up() -> None:
        """Build the 简/繁 folding table off the event loop, before the first search."""
        from reader.transform.highlight import find_spans

        find_spans("云", ["雲"])

    def _call(self, callback: Callable, *args: object) -> bool:
        """Run `callback` on the event loop from a worker; False once the app is gone."""
        try:
            self.call_from_thread(callback, *args)
        except RuntimeError:
            return False
        return True

    def _entry_ready(self, entry: Entry) -> None:
        for screen in self.screen_stack:
            handler = getattr(screen, "entry_updated", None)
            if handler is not None:
                handler(entry)

    # -- screens ---------------------------------------------------------------------
    def open_entry(self, entry: Entry) -> None:
        from reader.app.screens.reader import ReaderScreen

        self.state.last_page = entry.name
        self.push_screen(ReaderScreen(entry))

    def reading_changed(self, entry: Entry | None = None) -> None:
        """Preferences or derived data changed: every reading screen redraws."""
        for screen in self.screen_stack:
            handler = getattr(screen, "reading_changed", None)
            if handler is not None:
                handler(entry)

    def action_help(self) -> None:
        from reader.app.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(HelpScreen(self.screen))

    def _remember_theme(self, theme) -> None:
        self.state.theme = theme.name
        self.state.save()

    def action_toggle_dark(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    async def action_quit(self) -> None:
        for screen in self.screen_stack:
            remember = getattr(screen, "remember_position", None)
            if remember is not None:
                remember()
        self.state.save()
        self.workers.cancel_group(self, "extract")
        self.exit(0)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette: this screen's commands first, then Textual's own."""
        seen: set[str] = set()
        for command in getattr(screen, "COMMANDS_OFFERED", ()):
            if command.ACTION in seen:
                continue
            seen.add(command.ACTION)
            title = command.TITLE
            if command.KEY:
                title = f"{title}  ({command.key_label()})"
            yield SystemCommand(title, command.HELP, partial(self._run_command, screen, command.ACTION))
        for command in super().get_system_commands(screen):
            if command.title not in ("Quit",):
                yield command

    async def _run_command(self, screen: Screen, action: str) -> None:
        await screen.run_action(action)

    # -- preferences ---------------------------------------------------------------
    @property
    def width_cells(self) -> int | None:
        return None if self.width_chars is None else self.width_chars * 2

    def cycle_width(self) -> None:
        index = WIDTHS.index(self.width_chars) if self.width_chars in WIDTHS else 0
        self.width_chars = WIDTHS[(index + 1) % len(WIDTHS)]
        self.state.width = self.width_chars
        self.state.save()
        self.reading_changed()

    def cycle_script(self) -> None:
        index = SCRIPT_MODES.index(self.script_mode)
        self.script_mode = SCRIPT_MODES[(index + 1) % len(SCRIPT_MODES)]
        self.state.script = self.script_mode
        self.state.save()
        self.reading_changed()

    def width_label(self) -> str:
        return "full width" if self.width_chars is None else f"{self.width_chars}字"

    # -- script conversion -----------------------------------------------------------
    def conversion_config(self, entry: Entry) -> str | None:
        if self.script_mode == "original" or entry.article is None:
            return None
        from reader.transform.convert import config_for_target

        source = entry.script.script if entry.script else Script.UNKNOWN
        return config_for_target(self.script_mode, source, self.settings.variant)

    def displayed(self, entry: Entry) -> tuple[Article | None, bool]:
        """The article in the current script, and whether a conversion is pending."""
        article = entry.article
        if article is None:
            return None, False
        config = self.conversion_config(entry)
        if config is None:
            return article, False
        converted = entry.conversions.get(config)
        if converted is not None:
            return converted, False
        self._request_conversion(entry, config)
        return article, True

    def _request_conversion(self, entry: Entry, config: str) -> None:
        key = (id(entry), config)
        if key in self._pending:
            return
        self._pending.add(key)
        self.run_worker(partial(self._convert, entry, config), thread=True, group="convert", exit_on_error=False)

    def _convert(self, entry: Entry, config: str) -> None:
        from reader.transform.convert import convert_article

        assert entry.article is not None
        try:
            result: Article | Exception = convert_article(entry.article, config)
        except Exception as exc:  # a converter failure is reported, not fatal
            result = exc
        self._call(self._conversion_done, entry, config, result)

    def _conversion_done(self, entry: Entry, config: str, result: Article | Exception) -> None:
        self._pending.discard((id(entry), config))
        if isinstance(result, Exception):
            self.notify(sanitize(f"Could not convert ({config}): {result}"), severity="error", markup=False)
            return
        entry.conversions[config] = result
        self.reading_changed(entry)

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
            self.run_worker(partial(self._keywords, entry), thread=True, group="keywords", exit_on_error=False)
        return False

    def _keywords(self, entry: Entry) -> None:
        from reader.transform.keywords import keywords, load_jieba

        assert entry.article is not None
        try:
            load_jieba()
            result: list | Exception = keywords(entry.article, top=10)
        except Exception as exc:
            result = exc
        self._call(self._keywords_done, entry, result)

    def _keywords_done(self, entry: Entry, result: list | Exception) -> None:
        self._pending.discard((id(entry), "keywords"))
        if isinstance(result, Exception):
            self.notify(sanitize(f"Could not find keywords: {result}"), severity="error", markup=False)
            entry.keywords = []
        else:
            entry.keywords = result
        self.reading_changed(entry)

    def input_paths(self) -> set:
        """Resolved paths of every input file: exports must never overwrite these."""
        out = set()
        for entry in self.entries:
            if entry.path is not None:
                try:
                    out.add(entry.path.resolve())
                except OSError:
                    pass
        return out
