"""Help: the keys and commands of the screen it was opened from (generated)."""
from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

SCROLL_KEYS = (
    ("↑ ↓", "scroll a line"),
    ("PgUp PgDn space b", "scroll a page"),
    ("Home End", "top / bottom"),
    ("ctrl+p", "command palette (every command, themes)"),
)


def help_table(screen: Screen) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for command in getattr(screen, "COMMANDS_OFFERED", ()):
        key = command.key_label() or "palette"
        table.add_row(Text(key), Text.assemble((command.TITLE, "bold"), "\n", (command.HELP, "dim")))
    for key, what in SCROLL_KEYS:
        table.add_row(Text(key), Text(what))
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", show=True),
    ]

    def __init__(self, about: Screen) -> None:
        super().__init__()
        self.about = about

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(Text("Keys", style="bold"), id="help-title")
            yield Static(help_table(self.about), id="help-table")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
