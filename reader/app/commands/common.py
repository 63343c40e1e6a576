"""Commands every screen offers."""
from __future__ import annotations

from reader.app.commands.base import Command


class Help(Command):
    KEY = "question_mark"
    KEY_DISPLAY = "?"
    ACTION = "app.help"
    FOOTER = "Help"
    TITLE = "Help"
    HELP = "Show the keys and commands of this screen."


class Quit(Command):
    KEY = "q"
    ACTION = "app.quit"
    FOOTER = "Quit"
    TITLE = "Quit"
    HELP = "Leave the reader (your place in each page is remembered)."


class ToggleDark(Command):
    KEY = None
    ACTION = "app.toggle_dark"
    TITLE = "Toggle light/dark theme"
    HELP = "Switch between Textual's built-in light and dark themes."
