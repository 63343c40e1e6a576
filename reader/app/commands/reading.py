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


class ToggleScript(Command):
    KEY = "t"
    ACTION = "toggle_script"
    FOOTER = "简/繁"
    TITLE = "Toggle script: as written ⇄ the other one"
    HELP = "Show the page in the other script (简 → 繁 in the chosen Traditional form, 繁 → 简); t again shows it as written."


class CycleVariant(Command):
    KEY = "v"
    ACTION = "cycle_variant"
    FOOTER = "繁 form"
    TITLE = "Traditional form: Taiwan → Taiwan with phrases → Hong Kong → OpenCC standard"
    HELP = "Which Traditional t converts to (also in the palette by name); shown in the status line and remembered."


class CycleWidth(Command):
    KEY = "w"
    ACTION = "cycle_width"
    FOOTER = "Width"
    TITLE = "Cycle reading width"
    HELP = "Reading width of 30, 40 or 50 CJK characters, or the full window."


class ToggleHighlight(Command):
    KEY = "h"
    ACTION = "toggle_highlight"
    FOOTER = "Mark keywords"
    TITLE = "Mark the keywords"
    HELP = "Highlight the article's top keywords (found by jieba, in either script)."


class Keywords(Command):
    KEY = "K"
    ACTION = "keywords"
    FOOTER = "Keywords"
    TITLE = "Keyword panel"
    HELP = "List the top keywords with counts; pick one to highlight it and jump with n / N. (K, not k: k scrolls up, as in vim.)"


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


class NextRemoved(Command):
    KEY = "R"
    ACTION = "next_removed"
    FOOTER = "Next removed"
    TITLE = "Jump to the next removed block"
    HELP = "With removed blocks shown (r), jump to the next one (wraps around)."


class KeepBlock(Command):
    KEY = "plus"
    KEY_DISPLAY = "+"
    ACTION = "keep_block"
    FOOTER = "Keep block"
    TITLE = "Keep this removed block…"
    HELP = "Bring back the removed block at the top of the screen (shown with r): remembered for this page (- undoes it), or, if you say so, as a rule for the site in rules.toml."


class UnkeepBlock(Command):
    KEY = "minus"
    KEY_DISPLAY = "-"
    ACTION = "unkeep_block"
    FOOTER = "Un-keep block"
    TITLE = "Remove a kept block again"
    HELP = "Undo +: the first block you kept on this page, from the top of the screen down, is removed again (a rule in rules.toml is edited there)."


class NextArticle(Command):
    KEY = "right_square_bracket"
    KEY_DISPLAY = "]"
    ACTION = "next_article"
    FOOTER = "Next page"
    TITLE = "Next article"
    HELP = "Open the next article of the library (in the library's order)."


class PreviousArticle(Command):
    KEY = "left_square_bracket"
    KEY_DISPLAY = "["
    ACTION = "previous_article"
    FOOTER = "Prev page"
    TITLE = "Previous article"
    HELP = "Open the previous article of the library."


class SideBySide(Command):
    KEY = "s"
    ACTION = "side_by_side"
    FOOTER = "Side"
    TITLE = "Side by side"
    HELP = "Two panes scrolling together, aligned by paragraph: as written | the other script after t, else raw page | cleaned; s again returns to one pane."


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
    HELP = "Copy the article as shown (script included): through copy_command if set, else the terminal (OSC 52), which some terminals ignore; C saves it to a file instead."


class CopyToFile(Command):
    KEY = "C"
    ACTION = "copy_to_file"
    FOOTER = "Copy to file"
    TITLE = "Copy the article to a file"
    HELP = "Write the article as shown to clipboard.txt in the state folder (for terminals without OSC 52)."


class Export(Command):
    KEY = "e"
    ACTION = "export"
    FOOTER = "Export"
    TITLE = "Export to a file…"
    HELP = "Save the article as shown to a text (.txt) or markdown (.md) file; input pages (or links to them) and non-regular files are refused, and the file is written atomically."


class OnePane(Command):
    KEY = "s"
    ACTION = "one_pane"
    FOOTER = "One pane"
    TITLE = "Back to one pane"
    HELP = "Leave side by side and return to the reader."
