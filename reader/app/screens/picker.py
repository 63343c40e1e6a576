"""Pick another article from the library (for side by side)."""
from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.app.layout import clean
from reader.app.library import Entry


class PickArticle(ModalScreen[Entry | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, entries: list[Entry]) -> None:
        super().__init__()
        self.entries = entries

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box"):
            yield Static(Text("Compare with…", style="bold"))
            yield OptionList(
                *[Option(Text(clean(e.article.title if e.article else e.name), no_wrap=True, overflow="ellipsis"), id=str(i)) for i, e in enumerate(self.entries)],
                id="picker",
            )

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.entries[int(event.option.id or 0)])

    def action_cancel(self) -> None:
        self.dismiss(None)
