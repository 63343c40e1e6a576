"""What the app remembers between runs, and the user's settings.

* Settings (``$XDG_CONFIG_HOME/reader/settings.toml``) are defaults the user edits by
  hand: ``theme``, ``variant`` (the regional form for Traditional: s2t, s2tw, s2twp,
  s2hk) and ``width`` (reading width in CJK characters, or "full").
* State (``$XDG_STATE_HOME/reader/state.json``) is written by the app: the last page,
  the reading position per page (as a block index, so it survives a width change),
  the last script and width.

Both are best effort: a missing, unreadable or malformed file means defaults, and a
failed write is ignored; reading must never fail because of them.
"""
from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

APP_DIR = "reader"
VARIANTS = ("s2t", "s2tw", "s2twp", "s2hk")
SCRIPTS = ("original", "simplified", "traditional")
# Reading widths in CJK characters; None is the full width of the window.
WIDTHS: tuple[int | None, ...] = (30, 40, 50, None)
DEFAULT_WIDTH = 40
DEFAULT_THEME = "textual-dark"
MAX_POSITIONS = 200


def _xdg(var: str, fallback: str) -> Path:
    value = os.environ.get(var, "")
    base = Path(value) if value and Path(value).is_absolute() else Path.home() / fallback
    return base / APP_DIR


def config_dir() -> Path:
    return _xdg("XDG_CONFIG_HOME", ".config")


def state_dir() -> Path:
    return _xdg("XDG_STATE_HOME", ".local/state")


def parse_width(value: Any) -> int | None | str:
    """A width setting: one of WIDTHS, or the string "invalid"."""
    if value in (None, "full", "Full", 0):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        return "invalid"
    return number if number in WIDTHS else "invalid"


@dataclass
class Settings:
    theme: str = DEFAULT_THEME
    variant: str = "s2t"
    width: int | None = DEFAULT_WIDTH

    @classmethod
    def load(cls, path: Path | None = None) -> "Settings":
        path = path or config_dir() / "settings.toml"
        settings = cls()
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return settings
        if isinstance(data.get("theme"), str) and data["theme"]:
            settings.theme = data["theme"]
        if data.get("variant") in VARIANTS:
            settings.variant = data["variant"]
        if "width" in data:
            width = parse_width(data["width"])
            if width != "invalid":
                settings.width = width  # type: ignore[assignment]
        return settings


@dataclass
class State:
    last_page: str | None = None
    script: str | None = None
    width: int | None | str = "unset"  # "unset": fall back to the settings
    positions: dict[str, int] = field(default_factory=dict)
    theme: str | None = None  # the last theme picked (palette or light/dark), over the settings' default
    path: Path | None = None

    @classmethod
    def load(cls, path: Path | None = None) -> "State":
        path = path or state_dir() / "state.json"
        state = cls(path=path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            return state
        if not isinstance(data, dict):
            return state
        if isinstance(data.get("last_page"), str):
            state.last_page = data["last_page"]
        if data.get("script") in SCRIPTS:
            state.script = data["script"]
        if "width" in data:
            width = parse_width(data["width"])
            if width != "invalid":
                state.width = width
        if isinstance(data.get("theme"), str) and data["theme"]:
            state.theme = data["theme"]
        positions = data.get("positions")
        if isinstance(positions, dict):
            state.positions = {
                str(k): int(v) for k, v in positions.items() if isinstance(v, int) and not isinstance(v, bool) and v >= 0
            }
        return state

    def position(self, name: str) -> int:
        return self.positions.get(name, 0)

    def remember_position(self, name: str, block: int) -> None:
        if not name or name == "<stdin>":
            return
        self.positions.pop(name, None)
        self.positions[name] = max(0, block)
        while len(self.positions) > MAX_POSITIONS:
            self.positions.pop(next(iter(self.positions)))

    def save(self) -> None:
        if self.path is None:
            return
        data = {
            "last_page": self.last_page,
            "script": self.script,
            "width": "full" if self.width is None else (None if self.width == "unset" else self.width),
            "positions": self.positions,
            "theme": self.theme,
        }
        if data["width"] is None:
            del data["width"]
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(self.path.name + ".tmp")
            tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError:
            pass


def initial_width(settings: Settings, state: State) -> int | None:
    return settings.width if state.width == "unset" else state.width  # type: ignore[return-value]
