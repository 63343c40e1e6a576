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
    ("↑ ↓  j k", "scroll a line (vim keys; the keyword panel moved from k to K)"),
    ("PgUp PgDn  space b  ctrl+f ctrl+b", "scroll a page"),
    ("ctrl+d ctrl+u", "scroll half a page"),
    ("Home End  g G", "top / bottom"),
    ("ctrl+p", "command palette (every command, the Traditional form, themes)"),
)


def help_table(screen: Screen) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", max_width=16)  # long key lists wrap: the help text keeps its room
    table.add_column()
    from reader.app.commands import offered

    for command in offered(screen):
        key = command.key_label() or "palette"
        table.add_row(Text(key), Text.assemble((command.TITLE, "bold"), "\n", (command.HELP, "dim")))
    for key, what in SCROLL_KEYS:
        table.add_row(Text(key), Text(what))
    from reader.app.state import VARIANT_NAMES

    variants = " · ".join(f"{name} ({v})" for v, name in VARIANT_NAMES.items())
    table.add_row(Text("繁 form"), Text.assemble(("Traditional forms t can convert to (v or the palette): ", "bold"), variants,
                                                 "\nThe default is Taiwan (s2tw): the forms most Traditional text is written in (為 啟 眾), without swapping words."))
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
