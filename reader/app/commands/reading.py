"""Commands of the reader and side-by-side screens."""
from __future__ import annotations

from reader.app.commands.base import Command


class Back(Command):
    KEY = "escape"
    KEY_DISPLAY = "esc"
    ACTION = "back"
    FOOTER = "Back"
    TITLE = "Back"
    SHOW_IN_FOOTER = False
    HELP = "Go back to the previous screen."


class CycleScript(Command):
    KEY = "t"
    ACTION = "cycle_script"
    FOOTER = "简/繁"
    TITLE = "Cycle script: original → Simplified → Traditional"
    HELP = "Show the page as written, converted to Simplified, or to Traditional (regional form from settings)."


class CycleWidth(Command):
    KEY = "w"
    ACTION = "cycle_width"
    FOOTER = "Width"
    TITLE = "Cycle reading width"
    HELP = "Reading width of 30, 40 or 50 CJK characters, or the full window."


class ToggleHighlight(Command):
    KEY = "h"
    ACTION = "toggle_highlight"
    FOOTER = "Mark"
    TITLE = "Toggle keyword highlighting"
    HELP = "Highlight the article's top keywords (in either script)."


class Keywords(Command):
    KEY = "k"
    ACTION = "keywords"
    FOOTER = "Words"
    TITLE = "Keyword panel"
    HELP = "List the top keywords with counts; pick one to highlight it and jump with n / N."


class Search(Command):
    KEY = "slash"
    KEY_DISPLAY = "/"
    ACTION = "search"
    FOOTER = "Find"
    TITLE = "Search in the article"
    HELP = "Find text in the article, Simplified or Traditional alike; n / N jump between hits."


class NextMatch(Command):
    KEY = "n"
    ACTION = "next_match"
    FOOTER = "Next"
    TITLE = "Next occurrence"
    HELP = "Jump to the next occurrence of the search or the chosen keyword."


class PreviousMatch(Command):
    KEY = "N"
    ACTION = "previous_match"
    FOOTER = "Prev"
    TITLE = "Previous occurrence"
    HELP = "Jump to the previous occurrence of the search or the chosen keyword."


class ToggleRemoved(Command):
    KEY = "r"
    ACTION = "toggle_removed"
    FOOTER = "Removed"
    TITLE = "Show / hide removed blocks"
    HELP = "Show what was stripped from the page, dimmed, where it stood, with the rule that removed it."


class SideBySide(Command):
    KEY = "s"
    ACTION = "side_by_side"
    FOOTER = "Side"
    TITLE = "Side by side: original | current view"
    HELP = "Two panes scrolling together, aligned by paragraph; s again returns to one pane."


class CompareOriginal(Command):
    KEY = None
    ACTION = "compare_original"
    TITLE = "Side by side: original | current view"
    HELP = "Left the text as written, right the current view (e.g. 简 | 繁 after t)."


class CompareRaw(Command):
    KEY = None
    ACTION = "compare_raw"
    TITLE = "Side by side: raw page | cleaned article"
    HELP = "Left the page as loaded, right the extracted article, aligned where the article's paragraphs stand."


class CompareOther(Command):
    KEY = None
    ACTION = "compare_other"
    TITLE = "Side by side: this article | another article…"
    HELP = "Pick another page from the library to read in parallel."


class Copy(Command):
    KEY = "c"
    ACTION = "copy"
    FOOTER = "Copy"
    TITLE = "Copy the article"
    HELP = "Copy the article, as shown (script included), to the clipboard."


class Export(Command):
    KEY = "e"
    ACTION = "export"
    FOOTER = "Export"
    TITLE = "Export to a file…"
    HELP = "Save the article as shown to a text (.txt) or markdown (.md) file; input files are never overwritten."


class OnePane(Command):
    KEY = "s"
    ACTION = "one_pane"
    FOOTER = "One pane"
    TITLE = "Back to one pane"
    HELP = "Leave side by side and return to the reader."
