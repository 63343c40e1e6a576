"""After "keep this block": offer to remember it as a rule for the site.

The block is already back on this page, and remembered for it in the app's state
(`-` removes it again); this asks whether every page of the site should keep it,
and if so appends a readable [[keep]] rule to rules.toml in the config folder
(which `reader clean` honours too).
"""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.app.layout import clean
from reader.model import Article, Removed


def plain_reason(reason: str) -> str:
    from reader.app.reasons import plain_reason as explain

    return explain(reason)


class RememberRule(ModalScreen[bool]):
    BINDINGS = [
        Binding("y", "remember", "Yes, for the site"),
        Binding("n,escape", "cancel", "Only this page"),
    ]

    def __init__(self, article: Article, removed: Removed) -> None:
        super().__init__()
        self.article = article
        self.removed = removed

    def compose(self) -> ComposeResult:
        from reader.user_rules import site_key

        site = site_key(self.article)
        with Vertical(id="keep-box"):
            yield Static(Text("Kept on this page", style="bold"))
            yield Static(Text(clean(self.removed.text)[:200], style="italic"))
            yield Static(Text(f"It was removed as: {plain_reason(self.removed.reason)}", style="dim"))
            yield Static(Text(f"Keep it on every page of {site if site != '*' else 'every site'}? "
                              f"y: add a rule to rules.toml in the config folder   n: only this page (remembered; - undoes it)"))

    def action_remember(self) -> None:
        from reader.user_rules import Rule, add_rule, site_key

        rule = Rule("keep", site_key(self.article), self.removed.text.strip()[:200], note="kept in the app")
        try:
            path = add_rule(rule)
        except (OSError, ValueError) as exc:
            self.app.notify(f"Could not write the rules file: {exc}", severity="error", markup=False)
            self.dismiss(False)
            return
        self.app.notify(f"Rule added to {path}", markup=False)
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
