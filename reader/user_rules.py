"""The reader's own rules: overrule the cleaner, per site, in a file you can read.

Extraction is never perfect, so a reader must be able to say "keep this" or "drop
that" and have every later run (the app and `reader clean`) honour it.  The rules
live in ``rules.toml`` in the config folder (``$XDG_CONFIG_HOME/reader/``), written
by the app's "keep this block" command or by hand::

    # Blocks the cleaner removed that you want kept.
    [[keep]]
    site = "news.sina.com.cn"   # the page's site name or URL host; "*" for every page
    text = "当前位置"            # the block contains this text …
    # match = "contains"        # … or "equals", "starts", "regex"
    # reason = "breadcrumb"     # … or only blocks removed for this reason (words of it)

    # Blocks the cleaner kept that you want gone.
    [[remove]]
    site = "*"
    text = "本文来源：网络"

A rule applies when its site matches (the article's site name, or the URL's host or
a parent domain of it, or the input's name when the page has neither) and its text
(and reason, if given) match.  Kept-back blocks stand where they were removed;
removed blocks are listed with the reason "your rule: …".

Pure: no Textual, no I/O beyond reading and appending the rules file.  Everything
here is picklable so a worker process can apply the rules.
"""
from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from reader.model import Article, Block, BlockKind, Removed

RULES_FILE = "rules.toml"
MATCHES = ("contains", "equals", "starts", "regex")
ANY_SITE = "*"
MAX_RULES_BYTES = 1024 * 1024  # a rules file bigger than this is not one a person wrote

Action = Literal["keep", "remove"]

HEADER = """\
# reader: your own rules, applied after the cleaner by the app and by `reader clean`.
# [[keep]] brings back blocks the cleaner removed; [[remove]] drops blocks it kept.
# Keys: site (site name, URL host, or "*"), text, match (contains | equals | starts |
# regex), reason (keep rules only: words of the removal reason), note (yours).
"""


@dataclass(frozen=True)
class Rule:
    action: Action
    site: str
    text: str = ""
    match: str = "contains"
    reason: str = ""  # keep rules: only blocks removed for a reason containing this
    note: str = ""

    def site_matches(self, article: Article) -> bool:
        if self.site == ANY_SITE:
            return True
        want = self.site.strip().casefold()
        if not want:
            return False
        for have in page_sites(article):
            have = have.casefold()
            if have == want or have.endswith("." + want):
                return True
        return False

    def text_matches(self, text: str) -> bool:
        if not self.text:
            return True
        if self.match == "equals":
            return _squash(text) == _squash(self.text)
        if self.match == "starts":
            return _squash(text).startswith(_squash(self.text))
        if self.match == "regex":
            return _regex(self.text).search(text) is not None
        return _squash(self.text) in _squash(text)

    def reason_matches(self, reason: str) -> bool:
        return not self.reason or self.reason.casefold() in reason.casefold()


@dataclass(frozen=True)
class UserRules:
    """The rules of one file, and what was wrong with it (one line each, file named)."""

    rules: tuple[Rule, ...] = ()
    problems: tuple[str, ...] = ()
    path: str | None = None

    @property
    def keep(self) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.action == "keep")

    @property
    def remove(self) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.action == "remove")

    def __bool__(self) -> bool:
        return bool(self.rules)


def _squash(text: str) -> str:
    return " ".join(text.split())


_REGEX_CACHE: dict[str, re.Pattern[str]] = {}


def _regex(pattern: str) -> re.Pattern[str]:
    compiled = _REGEX_CACHE.get(pattern)
    if compiled is None:
        compiled = _REGEX_CACHE[pattern] = re.compile(pattern)
    return compiled


def page_sites(article: Article) -> list[str]:
    """The names a page's site goes by: its site name and its URL's host."""
    out = []
    if article.site:
        out.append(article.site.strip())
    if article.url:
        try:
            host = urlsplit(article.url).hostname
        except ValueError:
            host = None
        if host:
            out.append(host.removeprefix("www."))
            out.append(host)
    return out


def site_key(article: Article) -> str:
    """The site a new rule made from this page should name: the URL host if there is
    one (precise), else the site name, else every page ("*")."""
    sites = page_sites(article)
    if article.url and len(sites) >= 2:
        return sites[-2]  # the host without www.
    return sites[0] if sites else ANY_SITE


# -- reading ------------------------------------------------------------------------
def default_path() -> Path:
    from platformdirs import user_config_path

    return user_config_path("reader", appauthor=False) / RULES_FILE


def load_user_rules(path: str | os.PathLike[str] | None = None) -> UserRules:
    """The rules in `path` (default: rules.toml in the config folder).

    Never raises: a missing file is no rules; a file that cannot be read or parsed,
    or a rule with a bad value, is reported in `problems` (one line, naming the file)
    and skipped, so the cleaner's own result stands."""
    file = Path(path) if path is not None else default_path()
    shown = str(file)
    try:
        if file.stat().st_size > MAX_RULES_BYTES:
            return UserRules(problems=(f"{shown}: too large for a rules file (over 1 MB), ignored",), path=shown)
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return UserRules(path=shown)
    except OSError as exc:
        return UserRules(problems=(f"{shown}: cannot read ({exc.strerror or exc}), no rules applied",), path=shown)
    except UnicodeDecodeError:
        return UserRules(problems=(f"{shown}: not UTF-8 text, no rules applied",), path=shown)
    except tomllib.TOMLDecodeError as exc:
        return UserRules(problems=(f"{shown}: not valid TOML ({exc}), no rules applied",), path=shown)
    except RecursionError:
        return UserRules(problems=(f"{shown}: nested too deeply, no rules applied",), path=shown)
    return parse_rules(data, shown)


def parse_rules(data: dict[str, Any], shown: str = RULES_FILE) -> UserRules:
    rules: list[Rule] = []
    problems: list[str] = []
    for key in data:
        if key not in ("keep", "remove"):
            problems.append(f"{shown}: unknown table [{key}] ignored (use [[keep]] or [[remove]])")
    for action in ("keep", "remove"):
        entries = data.get(action, [])
        if not isinstance(entries, list):
            problems.append(f"{shown}: '{action}' must be a list of tables ([[{action}]]), ignored")
            continue
        for n, entry in enumerate(entries, 1):
            rule, problem = _parse_rule(action, entry)  # type: ignore[arg-type]
            if problem:
                problems.append(f"{shown}: [[{action}]] number {n}: {problem}, ignored")
            elif rule is not None:
                rules.append(rule)
    return UserRules(tuple(rules), tuple(problems), shown)


def _parse_rule(action: Action, entry: Any) -> tuple[Rule | None, str]:
    if not isinstance(entry, dict):
        return None, "not a table"
    known = {f.name for f in fields(Rule)} - {"action"}
    unknown = sorted(set(entry) - known)
    if unknown:
        return None, f"unknown key(s) {', '.join(unknown)}"
    values: dict[str, str] = {}
    for key, value in entry.items():
        if not isinstance(value, str):
            return None, f"'{key}' must be a string"
        values[key] = value
    if not values.get("site", "").strip():
        return None, "'site' is missing (a site name, a URL host, or \"*\")"
    if not values.get("text", "").strip() and not (action == "keep" and values.get("reason", "").strip()):
        return None, "'text' is missing" if action == "remove" else "give 'text' or 'reason'"
    match = values.get("match", "contains")
    if match not in MATCHES:
        return None, f"'match' must be one of {', '.join(MATCHES)}"
    if match == "regex":
        try:
            _regex(values["text"])
        except re.error as exc:
            return None, f"bad regex ({exc})"
    if action == "remove" and values.get("reason"):
        return None, "'reason' only applies to keep rules"
    return Rule(action=action, **values), ""  # type: ignore[arg-type]


# -- applying -----------------------------------------------------------------------
def apply_user_rules(article: Article, rules: UserRules | tuple[Rule, ...] | list[Rule]) -> Article:
    """The article with the rules applied: removed blocks a keep rule matches stand
    again where they were, kept blocks a remove rule matches are listed as removed
    ("your rule: …").  Only rules whose site matches the page apply.  A rule never
    removes the last kept block (an article with no text is worse than a leak)."""
    rule_list = rules.rules if isinstance(rules, UserRules) else tuple(rules)
    here = [r for r in rule_list if r.site_matches(article)]
    if not here:
        return article
    keeps = [r for r in here if r.action == "keep"]
    removes = [r for r in here if r.action == "remove"]
    sequence = reading_order(article)
    out: list[Block | Removed] = []
    for item in sequence:
        if isinstance(item, Removed):
            rule = next((r for r in keeps if r.text_matches(item.text) and r.reason_matches(item.reason)), None)
            out.append(restored_block(item) if rule is not None else item)
        else:
            rule = next((r for r in removes if r.text_matches(item.text)), None)
            out.append(removed_block(item, rule) if rule is not None else item)
    if not any(isinstance(x, Block) for x in out):
        # every kept block matched a remove rule: the remove rules do not apply here
        out = [original if isinstance(original, Block) else new for original, new in zip(sequence, out)]
    return from_reading_order(article, out)


def reading_order(article: Article) -> list[Block | Removed]:
    """Kept and removed blocks interleaved as they stood on the page."""
    by_index: dict[int, list[Removed]] = {}
    for r in article.removed:
        by_index.setdefault(max(0, min(r.index, len(article.blocks))), []).append(r)
    out: list[Block | Removed] = []
    for i, block in enumerate(article.blocks):
        out.extend(by_index.get(i, ()))
        out.append(block)
    out.extend(by_index.get(len(article.blocks), ()))
    return out


def from_reading_order(article: Article, items: list[Block | Removed]) -> Article:
    blocks: list[Block] = []
    removed: list[Removed] = []
    for item in items:
        if isinstance(item, Removed):
            removed.append(item if item.index == len(blocks) else replace(item, index=len(blocks)))
        else:
            blocks.append(item)
    return article.with_changes(blocks=tuple(blocks), removed=tuple(removed))


def restored_block(removed: Removed) -> Block:
    """A removed block as a kept one; provenance fields they share are carried over."""
    kind = getattr(removed, "kind", None)
    extra = _shared_fields(removed, Block, exclude={"text", "kind", "index", "reason"})
    return Block(kind if isinstance(kind, BlockKind) else BlockKind.PARAGRAPH, removed.text, **extra)


def removed_block(block: Block, rule: Rule) -> Removed:
    reason = f"your rule: {rule.note or rule.text or rule.reason}"
    extra = _shared_fields(block, Removed, exclude={"text", "kind", "index", "reason"})
    return Removed(block.text, reason, 0, **extra)


def _shared_fields(source: object, target: type, exclude: set[str]) -> dict[str, Any]:
    names = {f.name for f in fields(target)} - exclude
    return {f.name: getattr(source, f.name) for f in fields(source) if f.name in names}  # type: ignore[arg-type]


# -- writing ------------------------------------------------------------------------
def rule_toml(rule: Rule) -> str:
    """One rule as a readable TOML table."""
    lines = [f"[[{rule.action}]]"]
    for key in ("site", "text", "match", "reason", "note"):
        value = getattr(rule, key)
        if key == "match" and value == "contains":
            continue
        if value:
            lines.append(f"{key} = {toml_string(value)}")
    return "\n".join(lines) + "\n"


def toml_string(text: str) -> str:
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def add_rule(rule: Rule, path: str | os.PathLike[str] | None = None) -> Path:
    """Append `rule` to the rules file (created with a short header if missing); the
    user's own comments and layout are left as they are.  Raises OSError."""
    file = Path(path) if path is not None else default_path()
    file.parent.mkdir(parents=True, exist_ok=True)
    try:
        existing = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        existing = ""
    text = existing or HEADER
    if not text.endswith("\n"):
        text += "\n"
    text += "\n" + rule_toml(rule)
    tomllib.loads(text)  # never write a file this module could not read back
    tmp = file.with_name(f".{file.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, file)
    return file


__all__ = [
    "Rule",
    "UserRules",
    "load_user_rules",
    "parse_rules",
    "apply_user_rules",
    "add_rule",
    "rule_toml",
    "site_key",
    "default_path",
    "RULES_FILE",
]
