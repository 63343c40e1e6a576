"""What the app remembers between runs, and the user's settings; both validated.

* Settings (``settings.toml`` in the config folder) are defaults the user edits by
  hand: ``theme``, ``variant`` (the Traditional form `t` converts to: s2t OpenCC
  standard, s2tw Taiwan, s2twp Taiwan with phrases, s2hk Hong Kong), ``width``
  (reading width in CJK characters, or "full") and ``copy_command`` (a command that
  takes the text on standard input, e.g. "wl-copy" or "xclip -selection clipboard",
  for terminals that drop OSC 52).
* State (``state.json`` in the state folder) is written by the app: the last page,
  width, theme and variant, and per page the reading position (a block index, so
  it survives a width change), whether the page is shown in the other script, and
  the removed blocks the reader kept "only on this page" (`+`, then n), by their
  whitespace-normalized text, so a keep survives a change in extraction that moves
  blocks around (see `reader.app.kept`).

Folders come from platformdirs (``$XDG_CONFIG_HOME/reader``, ``$XDG_STATE_HOME/reader``
on Linux).  Every value is validated: a bad file, or a bad value in it, is reported
(one line naming the file and the problem, shown as a notification) and the
defaults apply; reading never fails because of them.  Writes are atomic through a
per-process temporary file, and merge per page with what another instance wrote
meanwhile, under a lock, so two instances never lose each other's places.
"""
from __future__ import annotations

import json
import math
import time
import tomllib
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from reader.files import write_atomic

APP_DIR = "reader"
VARIANTS = ("s2tw", "s2twp", "s2hk", "s2t")
VARIANT_NAMES = {
    "s2tw": "Taiwan (台灣正體)",
    "s2twp": "Taiwan with phrases (軟體, 網路)",
    "s2hk": "Hong Kong (香港繁體)",
    "s2t": "OpenCC standard (舊字形)",
}
# Why s2tw: it writes the character forms Taiwan (and most Traditional text on the
# web) uses, 為 啟 眾 回歸, where OpenCC's standard gives 爲 啓 衆 迴歸, which few
# readers write; unlike s2twp it never swaps words (软件 stays 軟件), so the text
# is still the writer's.
DEFAULT_VARIANT = "s2tw"
# Reading widths in CJK characters; None is the full width of the window.
WIDTHS: tuple[int | None, ...] = (30, 40, 50, None)
DEFAULT_WIDTH = 40
DEFAULT_THEME = "textual-dark"
MAX_PAGES = 500
MAX_STATE_BYTES = 4 * 1024 * 1024
MAX_NAME = 4096
# Blocks kept on a page: at most this many per page and in all, each remembered by
# at most this many characters of its normalized text (a longer block by its start).
# Bounded so the state file stays far below MAX_STATE_BYTES (2,000 x 300 CJK
# characters is under 2 MB).
MAX_KEPT_PER_PAGE = 50
MAX_KEPT_TOTAL = 2000
MAX_KEPT_CHARS = 300


def config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_DIR, appauthor=False)


def state_dir() -> Path:
    from platformdirs import user_state_path

    return user_state_path(APP_DIR, appauthor=False)


class Invalid(ValueError):
    """A value in a settings or state file that cannot be used (the message says why)."""


def parse_width(value: Any) -> int | None:
    """A width setting: one of WIDTHS ("full" is None); anything else raises Invalid."""
    if value in ("full", "Full") or value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise Invalid(f"width must be one of {', '.join(str(w) for w in WIDTHS if w)} or \"full\", not {value!r}")
    if isinstance(value, float) and (not math.isfinite(value) or not value.is_integer()):
        raise Invalid(f"width must be a whole number of characters, not {value!r}")
    if int(value) not in WIDTHS:
        raise Invalid(f"width must be one of {', '.join(str(w) for w in WIDTHS if w)} or \"full\", not {int(value)}")
    return int(value)


def _string(value: Any, what: str, limit: int = 200) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise Invalid(f"{what} must be a short string, not {_short(value)}")
    return value


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


@dataclass
class Settings:
    theme: str = DEFAULT_THEME
    variant: str = DEFAULT_VARIANT
    width: int | None = DEFAULT_WIDTH
    copy_command: str = ""
    problems: list[str] = field(default_factory=list, compare=False, repr=False)

    @classmethod
    def load(cls, path: Path | None = None) -> "Settings":
        path = path or config_dir() / "settings.toml"
        settings = cls()
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return settings
        except (OSError, UnicodeDecodeError) as exc:
            settings.problems.append(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc}); defaults apply")
            return settings
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            settings.problems.append(f"{path}: not valid TOML ({exc}); defaults apply")
            return settings
        except RecursionError:
            settings.problems.append(f"{path}: nested too deeply; defaults apply")
            return settings
        checks = {
            "theme": lambda v: _string(v, "theme"),
            "variant": _variant,
            "width": parse_width,
            "copy_command": lambda v: _string(v, "copy_command", 1000),
        }
        for key, value in data.items():
            check = checks.get(key)
            if check is None:
                settings.problems.append(f"{path}: unknown setting {key!r} ignored (known: {', '.join(checks)})")
                continue
            try:
                setattr(settings, key, check(value))
            except Invalid as exc:
                settings.problems.append(f"{path}: {exc}; the default applies")
        return settings


def _variant(value: Any) -> str:
    if value not in VARIANTS:
        raise Invalid(f"variant must be one of {', '.join(VARIANTS)}, not {_short(value)}")
    return value


def kept_key(text: str) -> str:
    """How a kept block is remembered: its text with whitespace runs made one space,
    cut to MAX_KEPT_CHARS (a key that long matches blocks starting with it)."""
    return " ".join(text.split())[:MAX_KEPT_CHARS]


def parse_kept(value: Any) -> tuple[str, ...]:
    """A page's kept list from the state file: a list of non-empty texts, bounded;
    anything else raises Invalid."""
    if not isinstance(value, list):
        raise Invalid(f"kept must be a list of texts, not {_short(value)}")
    if len(value) > MAX_KEPT_PER_PAGE:
        raise Invalid(f"kept lists {len(value)} blocks, more than {MAX_KEPT_PER_PAGE}")
    out: list[str] = []
    for item in value:
        if not isinstance(item, str) or len(item) > MAX_KEPT_CHARS or not kept_key(item):
            raise Invalid(f"kept must hold texts of 1 to {MAX_KEPT_CHARS} characters, not {_short(item)}")
        key = kept_key(item)
        if key not in out:
            out.append(key)
    return tuple(out)


@dataclass
class PageState:
    block: int = 0  # the kept block at the top of the screen
    other_script: bool = False  # shown in the other script (`t`)
    time: float = 0.0  # when this was last changed (the newer of two instances wins)
    kept: tuple[str, ...] = ()  # removed blocks kept on this page (kept_key of their text)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"block": self.block, "time": round(self.time, 3)}
        if self.other_script:
            out["other_script"] = True
        if self.kept:
            out["kept"] = list(self.kept)
        return out

    @classmethod
    def from_json(cls, value: Any, problems: list[str] | None = None) -> "PageState":
        """A page's state; a bad value raises Invalid, except a bad kept list, which is
        reported in `problems` and dropped (the reading position still counts)."""
        if isinstance(value, bool):
            raise Invalid("a page's state must be an object")
        if isinstance(value, int):  # the old format: just the block
            value = {"block": value}
        if not isinstance(value, dict):
            raise Invalid("a page's state must be an object")
        block = value.get("block", 0)
        if isinstance(block, bool) or not isinstance(block, int) or not 0 <= block < 10**9:
            raise Invalid(f"block must be a whole number >= 0, not {_short(block)}")
        other = value.get("other_script", False)
        if not isinstance(other, bool):
            raise Invalid("other_script must be true or false")
        stamp = value.get("time", 0.0)
        if isinstance(stamp, bool) or not isinstance(stamp, (int, float)) or not math.isfinite(stamp):
            raise Invalid("time must be a number")
        kept: tuple[str, ...] = ()
        if "kept" in value:
            try:
                kept = parse_kept(value["kept"])
            except Invalid as exc:
                if problems is not None:
                    problems.append(str(exc))
        return cls(block, other, float(stamp), kept)


GLOBAL_KEYS = ("last_page", "width", "theme", "variant")


@dataclass
class State:
    last_page: str | None = None
    width: int | None | str = "unset"  # "unset": fall back to the settings
    theme: str | None = None  # the last theme picked, over the settings' default
    variant: str | None = None  # the last Traditional variant picked, over the settings'
    pages: dict[str, PageState] = field(default_factory=dict)
    path: Path | None = None
    problems: list[str] = field(default_factory=list, compare=False, repr=False)
    _dirty_pages: set[str] = field(default_factory=set, compare=False, repr=False)
    _dirty_globals: set[str] = field(default_factory=set, compare=False, repr=False)

    @classmethod
    def load(cls, path: Path | None = None) -> "State":
        path = path or state_dir() / "state.json"
        state = cls(path=path)
        data, problem = read_json(path)
        if problem:
            state.problems.append(problem)
        if data is not None:
            state._absorb(data, str(path), state.problems)
        return state

    def _absorb(self, data: dict[str, Any], shown: str, problems: list[str] | None, only_clean: bool = False) -> None:
        """Take the values of a parsed state file (all, or only those we did not change)."""

        def bad(message: str, consequence: str = "the default applies") -> None:
            if problems is not None:
                problems.append(f"{shown}: {message}; {consequence}")

        for key in GLOBAL_KEYS:
            if key not in data or (only_clean and key in self._dirty_globals):
                continue
            value = data[key]
            try:
                if key == "width":
                    self.width = parse_width(value)
                elif key == "variant":
                    self.variant = _variant(value)
                elif key == "last_page":
                    self.last_page = _string(value, "last_page", MAX_NAME)
                else:
                    self.theme = _string(value, key)
            except Invalid as exc:
                bad(str(exc))
        pages = data.get("pages", data.get("positions", {}))
        if not isinstance(pages, dict):
            bad("pages must be an object")
            return
        kept_total = sum(len(p.kept) for p in self.pages.values())
        for name, value in list(pages.items())[-MAX_PAGES:]:
            if not isinstance(name, str) or not name or len(name) > MAX_NAME:
                continue
            soft: list[str] = []
            try:
                page = PageState.from_json(value, soft)
            except Invalid as exc:
                bad(f"page {_short(name)}: {exc}")
                continue
            for problem in soft:
                bad(f"page {_short(name)}: {problem}", "those blocks are removed again")
            mine = self.pages.get(name)
            if only_clean and name in self._dirty_pages and mine is not None and mine.time >= page.time:
                continue
            kept_total += len(page.kept) - (len(mine.kept) if mine is not None else 0)
            if page.kept and kept_total > MAX_KEPT_TOTAL:
                bad(f"page {_short(name)}: more than {MAX_KEPT_TOTAL} kept blocks in all", "this page's are removed again")
                kept_total -= len(page.kept)
                page.kept = ()
            self.pages[name] = page

    # -- pages ---------------------------------------------------------------------
    def page(self, name: str) -> PageState:
        return self.pages.get(name) or PageState()

    def position(self, name: str) -> int:
        return self.page(name).block

    def remember(
        self, name: str, *, block: int | None = None, other_script: bool | None = None, kept: tuple[str, ...] | None = None
    ) -> bool:
        """Record a page's place, script or kept blocks; True when something changed."""
        if not remembered(name):
            return False
        page = self.pages.get(name) or PageState()
        new = PageState(
            max(0, block) if block is not None else page.block,
            other_script if other_script is not None else page.other_script,
            page.time,
            kept if kept is not None else page.kept,
        )
        if name in self.pages and (new.block, new.other_script, new.kept) == (page.block, page.other_script, page.kept):
            return False
        new.time = time.time()
        self.pages.pop(name, None)
        self.pages[name] = new  # most recent last
        self._dirty_pages.add(name)
        while len(self.pages) > MAX_PAGES:
            self.pages.pop(next(iter(self.pages)))
        return True

    def remember_position(self, name: str, block: int) -> bool:
        return self.remember(name, block=block)

    def kept(self, name: str) -> tuple[str, ...]:
        """The blocks kept on this page (their kept_key), in the order they were kept."""
        return self.page(name).kept

    def add_kept(self, name: str, text: str) -> str | None:
        """Remember that the removed block `text` is kept on this page.  Returns why it
        cannot be (a page that is not a file, a limit reached), or None."""
        key = kept_key(text)
        if not key:
            return "an empty block is not remembered"
        if not remembered(name):
            return "kept for this session only: a page read from standard input has no place in the state"
        kept = self.kept(name)
        if key in kept:
            return None
        if len(kept) >= MAX_KEPT_PER_PAGE:
            return f"kept for this session only: {MAX_KEPT_PER_PAGE} blocks are already kept on this page"
        if sum(len(p.kept) for p in self.pages.values()) >= MAX_KEPT_TOTAL:
            return f"kept for this session only: {MAX_KEPT_TOTAL} blocks are already kept in all"
        self.remember(name, kept=(*kept, key))
        return None

    def drop_kept(self, name: str, key: str) -> bool:
        """Forget a kept block of this page (undo); True when it was remembered."""
        kept = self.kept(name)
        if key not in kept:
            return False
        return self.remember(name, kept=tuple(k for k in kept if k != key))

    def set(self, key: str, value: Any) -> bool:
        """Set a global value (last_page, width, theme, variant); True when it changed."""
        if key not in GLOBAL_KEYS:
            raise KeyError(key)
        if getattr(self, key) == value:
            return False
        setattr(self, key, value)
        self._dirty_globals.add(key)
        return True

    @property
    def dirty(self) -> bool:
        return bool(self._dirty_pages or self._dirty_globals)

    # -- writing -------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if self.last_page:
            data["last_page"] = self.last_page
        if self.width != "unset":
            data["width"] = "full" if self.width is None else self.width
        if self.theme:
            data["theme"] = self.theme
        if self.variant:
            data["variant"] = self.variant
        data["pages"] = {name: page.to_json() for name, page in self.pages.items()}
        return data

    def save(self) -> str | None:
        """Write the state, merged with what another instance wrote since (per page,
        newest wins; global values: ours if we changed them).  Returns a problem
        line, or None.  Never raises."""
        if self.path is None:
            return None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with _locked(self.path):
                current, _ = read_json(self.path)
                if current is not None:
                    self._absorb(current, str(self.path), None, only_clean=True)
                text = json.dumps(self.to_json(), ensure_ascii=False, indent=1, allow_nan=False)
                write_atomic(self.path, text)
        except (OSError, ValueError) as exc:
            return f"could not save the reading state to {self.path}: {getattr(exc, 'strerror', None) or exc}"
        self._dirty_pages.clear()
        self._dirty_globals.clear()
        return None


def remembered(name: str) -> bool:
    """Whether a page's state is kept at all (standard input has no lasting name)."""
    return bool(name) and name != "<stdin>"


def read_json(path: Path) -> tuple[dict[str, Any] | None, str | None]:
    """A JSON object from `path`, or None and the problem (None when there is no file)."""
    try:
        if path.stat().st_size > MAX_STATE_BYTES:
            return None, f"{path}: too large for a state file; starting afresh"
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, None
    except (OSError, UnicodeDecodeError) as exc:
        return None, f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc}); starting afresh"

    def no_constants(name: str) -> Any:
        raise Invalid(f"{name} is not a valid value")

    try:
        data = json.loads(text, parse_constant=no_constants)
    except RecursionError:
        return None, f"{path}: nested too deeply; starting afresh"
    except (ValueError, Invalid) as exc:
        return None, f"{path}: not valid JSON ({exc}); starting afresh"
    if not isinstance(data, dict):
        return None, f"{path}: not a JSON object; starting afresh"
    return data, None


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An advisory lock beside `path` (where the platform has flock)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX
        yield
        return
    with open(path.with_name(f".{path.name}.lock"), "a") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


def initial_width(settings: Settings, state: State) -> int | None:
    return settings.width if state.width == "unset" else state.width  # type: ignore[return-value]


def initial_variant(settings: Settings, state: State) -> str:
    return state.variant if state.variant in VARIANTS else settings.variant
