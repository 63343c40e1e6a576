"""Commands: each one a class carrying its key, palette entry and help text."""
from reader.app.commands.base import Command, bindings
from reader.app.commands.common import Help, Quit, ToggleDark
from reader.app.commands.library import FilterLibrary, OpenPage
from reader.app.commands.reading import (
    Back,
    CompareOriginal,
    CompareOther,
    CompareRaw,
    Copy,
    CycleScript,
    CycleWidth,
    Export,
    Keywords,
    NextMatch,
    OnePane,
    PreviousMatch,
    Search,
    SideBySide,
    ToggleHighlight,
    ToggleRemoved,
)

__all__ = [
    "Command",
    "bindings",
    "Help",
    "Quit",
    "ToggleDark",
    "FilterLibrary",
    "OpenPage",
    "Back",
    "CompareOriginal",
    "CompareOther",
    "CompareRaw",
    "Copy",
    "CycleScript",
    "CycleWidth",
    "Export",
    "Keywords",
    "NextMatch",
    "OnePane",
    "PreviousMatch",
    "Search",
    "SideBySide",
    "ToggleHighlight",
    "ToggleRemoved",
]
