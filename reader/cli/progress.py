"""Progress of a batch on stderr: a Rich bar on a terminal (pages/s, ETA when the
number of pages is known, errors so far) and a one-line summary at the end.

Shown only when stderr is a terminal and there is more than one page; `-q` silences
it.  Rich comes with Textual, and is imported only when a bar is shown.
"""
from __future__ import annotations

import time
from typing import Any

from reader.terminal import sanitize


class Progress:
    def __init__(self, enabled: bool, total: int | None) -> None:
        self.enabled = enabled
        self.total = total
        self.done = self.failed = self.skipped = 0
        self.started = time.monotonic()
        self._bar: Any = None
        self._task: Any = None

    def start(self) -> None:
        if not self.enabled:
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        console = Console(stderr=True, highlight=False, markup=False)
        columns: list[Any] = [TextColumn("reader"), BarColumn(), MofNCompleteColumn() if self.total else TextColumn("{task.completed} pages")]
        columns += [TextColumn("{task.fields[rate]}"), TimeElapsedColumn()]
        if self.total:
            columns.append(TimeRemainingColumn())
        columns.append(TextColumn("{task.fields[errors]}"))
        self._bar = Bar(*columns, console=console, transient=True)
        self._task = self._bar.add_task("pages", total=self.total, rate="", errors="")
        self._bar.start()

    def advance(self, ok: bool, skipped: bool = False) -> None:
        self.done += 1
        self.failed += not ok and not skipped
        self.skipped += skipped
        if self._bar is None:
            return
        elapsed = max(time.monotonic() - self.started, 1e-6)
        self._bar.update(
            self._task,
            advance=1,
            rate=f"{self.done / elapsed:.1f} pages/s",
            errors=f"{self.failed} failed" if self.failed else "",
        )

    def pause(self) -> None:
        """Let an error line through without tearing the bar."""
        if self._bar is not None:
            self._bar.refresh()

    def console_print(self, line: str) -> bool:
        if self._bar is None:
            return False
        self._bar.console.print(sanitize(line), markup=False, highlight=False, soft_wrap=True)
        return True

    def stop(self) -> str | None:
        """Stop the bar; the summary line, when a bar was shown."""
        if self._bar is None:
            return None
        self._bar.stop()
        elapsed = time.monotonic() - self.started
        parts = [f"{self.done} pages", f"{self.done - self.failed - self.skipped} cleaned"]
        if self.failed:
            parts.append(f"{self.failed} failed")
        if self.skipped:
            parts.append(f"{self.skipped} skipped (output exists)")
        return f"{', '.join(parts)} in {elapsed:.1f} s ({self.done / max(elapsed, 1e-6):.1f} pages/s)"
