"""Commands of the library screen."""
from __future__ import annotations

from reader.app.commands.base import Command


class OpenPage(Command):
    KEY = "enter"
    KEY_DISPLAY = "⏎"
    ACTION = "open_page"
    FOOTER = "Open"
    TITLE = "Open page"
    HELP = "Read the selected page."


class FilterLibrary(Command):
    KEY = "slash"
    KEY_DISPLAY = "/"
    ACTION = "filter"
    FOOTER = "Filter"
    TITLE = "Filter the library"
    HELP = "Type to keep only pages whose title, site or file name contains the text; Esc leaves the filter."
