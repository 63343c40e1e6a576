"""Writing page text to a terminal or pipe safely.

Web text is hostile: it may carry escape sequences that move the cursor, retitle the
window or worse.  Everything printed goes through `sanitize`, and stdout is written
as UTF-8 whatever the locale says.
"""
from __future__ import annotations

import os
import re
import sys
from typing import TextIO

# CSI / OSC / DCS and other escape sequences, then any remaining C0/C1 control char
# except tab and newline.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC
    r"|\x1b[@-Z\\-_]"  # other two-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")  # overrides that can disguise text


def sanitize(text: str) -> str:
    """Remove terminal control sequences and control characters from page text."""
    text = _ESCAPES.sub("", text)
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
