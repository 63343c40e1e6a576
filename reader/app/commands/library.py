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
    HELP = "Type to keep only pages whose title, site, file name or text contains it (简/繁 alike: 云 finds 雲); Esc leaves the filter."


class SortLibrary(Command):
    KEY = "o"
    ACTION = "cycle_sort"
    FOOTER = "Sort"
    TITLE = "Sort by: file → date → site → title → length → removed"
    HELP = "Cycle the library's order (o again for the next); the column sorted by is marked ▼ (newest, longest, most removed first)."


class ScriptLegend(Command):
    KEY = None
    ACTION = "script_legend"
    TITLE = "What 简 繁 混 mean"
    HELP = "The 文 column: 简 Simplified, 繁 Traditional, 混 both on one page (often a partly converted copy), ? too little Chinese to tell."
