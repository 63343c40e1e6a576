"""The command base class: one class per command, carrying everything about it.

A command knows its key, the action it runs on the screen, its footer label, its
command palette title and its help text.  Screens list the commands they offer in
``COMMANDS_OFFERED``; their key bindings, the footer, the command palette and the
help screen are all generated from that list, so they can never disagree.
"""
from __future__ import annotations

from typing import ClassVar, Iterable

from textual.binding import Binding
from textual.screen import Screen


class Command:
    KEY: ClassVar[str | None] = None  # Textual key name(s), comma separated; None: palette only
    KEY_DISPLAY: ClassVar[str | None] = None  # how the key is shown (defaults to the key)
    ACTION: ClassVar[str] = ""  # the screen action it runs, e.g. "cycle_script"
    FOOTER: ClassVar[str] = ""  # short label in the footer
    TITLE: ClassVar[str] = ""  # the entry in the command palette
    HELP: ClassVar[str] = ""  # one sentence for the palette and the help screen
    SHOW_IN_FOOTER: ClassVar[bool] = True
    PRIORITY: ClassVar[bool] = False  # fires even when an input has focus (no printable keys!)

    @classmethod
    def binding(cls) -> Binding | None:
        if cls.KEY is None:
            return None
        return Binding(
            cls.KEY,
            cls.ACTION,
            cls.FOOTER or cls.TITLE,
            show=cls.SHOW_IN_FOOTER,
            key_display=cls.KEY_DISPLAY,
            priority=cls.PRIORITY,
            tooltip=cls.HELP,
        )

    @classmethod
    def key_label(cls) -> str:
        if cls.KEY is None:
            return ""
        if cls.KEY_DISPLAY:
            return cls.KEY_DISPLAY
        return cls.KEY.split(",")[0].strip()


def bindings(commands: Iterable[type[Command]]) -> list[Binding]:
    """Key bindings for a screen, generated from the commands it offers."""
    return [b for b in (c.binding() for c in commands) if b is not None]


class CommandScreen(Screen):
    """A screen that offers commands: its bindings, footer and help come from them.

    ``FOOTER_KEYS`` lists the actions shown in the footer, most important first (the
    footer is cut at the right on a narrow terminal); every other command is in the
    palette and the help screen."""

    COMMANDS_OFFERED: ClassVar[tuple[type[Command], ...]] = ()
    FOOTER_ACTIONS: ClassVar[tuple[str, ...] | None] = None


def offered(screen: Screen) -> tuple[type[Command], ...]:
    return screen.COMMANDS_OFFERED if isinstance(screen, CommandScreen) else ()


def screen_bindings(commands: Iterable[type[Command]], footer: Iterable[str] | None = None) -> list[Binding]:
    """Bindings for a screen: the footer's commands first, in the order given, shown;
    the rest hidden from the footer (still keys, in the palette and the help)."""
    commands = list(commands)
    if footer is None:
        return bindings(commands)
    order = list(footer)
    shown = [c for a in order for c in commands if c.ACTION == a]
    out = []
    for command in shown + [c for c in commands if c not in shown]:
        b = command.binding()
        if b is None:
            continue
        out.append(Binding(b.key, b.action, b.description, show=command in shown, key_display=b.key_display, priority=b.priority, tooltip=b.tooltip))
    return out
