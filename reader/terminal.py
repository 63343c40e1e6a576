"""Writing page text to a terminal or pipe safely.

Web text is hostile: it may carry escape sequences that move the cursor, retitle the
window or worse.  Everything printed goes through `sanitize`, and stdout is written
as UTF-8 whatever the locale says.
"""
from __future__ import annotations

import os
from reader.lazy_re import lazy
import sys
from typing import TextIO

# Whole escape sequences (ECMA-48), then any remaining C0/C1 control character except
# tab and newline.  A sequence goes with its body: removing only the ESC byte would
# leave "]0;title" or "[2J" visible.  A string sequence (OSC, DCS, SOS, PM, APC) runs
# to its terminator (BEL or ST) or, unterminated, to the end of its line, never
# further: the text after it is the page's.
ESCAPES = lazy(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"  # CSI (8-bit too), also when cut short
    r"|\x1b[\]PX^_][^\x07\x1b\x9c\n\r]*(?:\x07|\x1b\\|\x9c)?"  # OSC, DCS, SOS, PM, APC
    r"|\x1b[ -/]*[0-~]?"  # other escapes (charset designations, ESC 7…) and a lone ESC
)
_CONTROLS = lazy(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BIDI = lazy(r"[\u202a-\u202e\u2066-\u2069]")  # overrides that can disguise text


def strip_escapes(text: str) -> str:
    """Remove whole terminal escape sequences, keeping the text around them."""
    return ESCAPES.sub("", text)


# Anything sanitize would change: every sequence starts with a control character.
_UNSAFE = lazy(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def sanitize(text: str) -> str:
    """Remove terminal control sequences and control characters from page text."""
    if not _UNSAFE.search(text):
        return text  # the common case, and every second pass over text already clean
    text = ESCAPES.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROLS.sub("", text)
    return _BIDI.sub("", text)


def utf8_stream(stream: TextIO) -> TextIO:
    """The same stream, reconfigured to write UTF-8 (errors replaced, never raised)."""
    try:
        stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        pass
    return stream


def use_color(mode: str, stream: TextIO) -> bool:
    """--color auto|always|never, honouring NO_COLOR (https://no-color.org)."""
    if mode == "never":
        return False
    if mode == "always":
        return True
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


def stdout() -> TextIO:
    return utf8_stream(sys.stdout)


def stderr() -> TextIO:
    return utf8_stream(sys.stderr)
