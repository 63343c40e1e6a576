"""Export the article as shown to a text or markdown file.

The format follows the file name (.md / .markdown: markdown, anything else: text).
An input page is never overwritten, whatever name reaches it (a hard or symbolic
link is the same file: compared by device and inode); a target that is not a regular
file (a FIFO would block the app, a device never ends) is refused; any other
existing file needs a second Enter; the file is written to a temporary file in the
same folder and renamed over the target, so a full disk never destroys the old one.
"""
from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from reader import render
from reader.app.library import Entry
from reader.model import Article
from reader.terminal import sanitize

if TYPE_CHECKING:
    from reader.app.app import ReaderApp


def default_name(entry: Entry, directory: Path | None = None) -> Path:
    stem = Path(entry.name).stem if entry.path is not None else "article"
    stem = re.sub(r"[^\w.\-]+", "_", stem) or "article"
    directory = directory or Path.cwd()
    candidate = directory / f"{stem}.reader.txt"
    n = 1
    while candidate.exists():
        n += 1
        candidate = directory / f"{stem}.reader-{n}.txt"
    return candidate


def export_text(article: Article, path: Path) -> str:
    if path.suffix.lower() in (".md", ".markdown"):
        return sanitize(render.to_markdown(article))
    return sanitize(render.to_text(article))


def same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def check_target(path: Path, inputs: Iterable[Path]) -> str | None:
    """Why `path` may not be written, or None.  Never blocks (stat, not open)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        return f"cannot use {path}: {exc.strerror or exc}"
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            return f"{path} is a folder"
        if not stat.S_ISREG(info.st_mode):
            kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else "not a regular file"
            return f"{path} is {kind}; export writes regular files only"
        for page in inputs:
            try:
                if same_file(info, os.stat(page)):
                    return f"{path} is an input page (the same file); it is never overwritten"
            except OSError:
                continue
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        return f"{parent} is not a folder"
    return None


def write_export(path: Path, text: str) -> None:
    """Write atomically (see reader.files): the old file stays whole if this fails."""
    from reader.files import write_atomic

    write_atomic(path, text)


class ExportScreen(ModalScreen[Path | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    app: "ReaderApp"

    def __init__(self, article: Article, entry: Entry) -> None:
        super().__init__()
        self.article = article
        self.entry = entry
        self._confirm: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Static(Text("Export the article as shown", style="bold"))
            yield Static(Text("File name: .md for markdown, anything else for plain text.", style="dim"))
            yield Input(str(default_name(self.entry)), id="export-path")
            yield Static(id="export-message")

    def _say(self, message: str, style: str = "") -> None:
        self.query_one("#export-message", Static).update(Text(message, style=style))

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        if not value:
            self._say("Give a file name", "bold red")
            return
        path = Path(value).expanduser()
        problem = check_target(path, self.app.input_files())
        if problem:
            self._say(problem, "bold red")
            return
        if path.exists() and self._confirm != path:
            self._confirm = path
            self._say(f"{path} exists: Enter again to replace it, Esc to cancel", "bold yellow")
            return
        try:
            write_export(path, export_text(self.article, path))
        except OSError as exc:
            self._say(f"Could not write {path}: {exc.strerror or exc}", "bold red")
            return
        self.app.notify(sanitize(f"Exported to {path}"), markup=False)
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
