"""Simplified ⇄ Traditional conversion with OpenCC.

Config names are OpenCC's own (``s2t``, ``t2s``, ``s2twp`` …, without ``.json``).
A *chain* is several configs joined with ``+`` and applied left to right, e.g.
``"t2s+s2twp"`` first folds every Traditional form to Simplified and then converts
the whole page to Taiwan Traditional with Taiwan phrases; chains are how a mixed page
(half machine-converted) comes out in one consistent script.

Converters are created once per config and cached; OpenCC is imported lazily.
"""
from __future__ import annotations

import functools
from typing import Callable

from reader.model import Article, Block, Removed, Script, ScriptInfo

# Every config the official OpenCC binding ships (>= 1.1.9).
CONFIGS: tuple[str, ...] = (
    "s2t", "t2s",
    "s2tw", "tw2s",
    "s2hk", "hk2s",
    "s2twp", "tw2sp",
    "t2tw", "t2hk",
    "hk2t", "tw2t",
    "t2jp", "jp2t",
)
# Friendly targets for `reader clean --to` and the app's menu.
TARGETS: tuple[str, ...] = ("simplified", "traditional", "taiwan", "hongkong")
# The s→t configs that `config_for_target(..., variant=...)` accepts for "traditional".
TRADITIONAL_VARIANTS: tuple[str, ...] = ("s2t", "s2tw", "s2twp", "s2hk")

CHAIN_SEPARATOR = "+"

# The script a config's output is written in (None: not a 简/繁 target, e.g. t2jp).
_OUTPUT_SCRIPT: dict[str, Script | None] = {
    "s2t": Script.TRADITIONAL, "s2tw": Script.TRADITIONAL, "s2hk": Script.TRADITIONAL,
    "s2twp": Script.TRADITIONAL, "s2hkp": Script.TRADITIONAL, "t2tw": Script.TRADITIONAL, "t2hk": Script.TRADITIONAL,
    "hk2t": Script.TRADITIONAL, "tw2t": Script.TRADITIONAL, "jp2t": Script.TRADITIONAL,
    "t2s": Script.SIMPLIFIED, "tw2s": Script.SIMPLIFIED, "hk2s": Script.SIMPLIFIED,
    "tw2sp": Script.SIMPLIFIED, "hk2sp": Script.SIMPLIFIED,
    "t2jp": None,
}


def _available() -> set[str]:
    """Config names this OpenCC build knows (it may have a few more than CONFIGS)."""
    import opencc

    names = {name[:-5] for name in getattr(opencc, "CONFIGS", []) if name.endswith(".json")}
    return names or set(CONFIGS)


def _split(config: str) -> list[str]:
    if not isinstance(config, str) or not config.strip():
        raise ValueError("empty OpenCC config name")
    parts = [p.strip().removesuffix(".json") for p in config.split(CHAIN_SEPARATOR)]
    known = _available()
    for part in parts:
        if part not in known:
            choices = ", ".join(CONFIGS)
            raise ValueError(f"unknown OpenCC config {part!r} (choose from {choices}; chain with '+')")
    return parts


@functools.lru_cache(maxsize=None)
def _single(config: str) -> Callable[[str], str]:
    import opencc

    try:
        cc = opencc.OpenCC(config + ".json")
    except Exception as exc:  # the binding raises RuntimeError for unreadable configs
        raise ValueError(f"OpenCC cannot load config {config!r}: {exc}") from exc
    return cc.convert


@functools.lru_cache(maxsize=None)
def converter(config: str) -> Callable[[str], str]:
    """A function converting text with `config` (a name from CONFIGS or a chain "a+b").

    Raises ValueError for an unknown config.  Created once per config and cached.
    """
    steps = [_single(part) for part in _split(config)]
    if len(steps) == 1:
        return steps[0]

    def chained(text: str) -> str:
        for step in steps:
            text = step(text)
        return text

    return chained


def is_valid_config(config: str) -> bool:
    try:
        _split(config)
    except ValueError:
        return False
    return True


def config_for_target(target: str, source: Script, variant: str = "s2t") -> str | None:
    """The config (or chain) that turns a page in `source` script into `target`.

    target: one of TARGETS.  variant: which s→t config "traditional" means
    (s2t = OpenCC standard, s2tw, s2twp, s2hk); ignored for other targets.

    - simplified: Simplified page → None (nothing to do); anything else → "t2s".
    - traditional / taiwan / hongkong: Simplified page → the s→t config
      (variant / "s2twp" / "s2hk"); a Traditional, Mixed or Unknown page is first
      normalized to Simplified, e.g. "t2s+s2t", so stray Simplified forms of a
      half-converted page are converted too and the result is consistent.
    """
    if target not in TARGETS:
        raise ValueError(f"unknown target {target!r} (choose from {', '.join(TARGETS)})")
    source = Script(source)
    if target == "simplified":
        return None if source is Script.SIMPLIFIED else "t2s"
    if target == "traditional":
        if variant not in TRADITIONAL_VARIANTS:
            raise ValueError(f"unknown traditional variant {variant!r} (choose from {', '.join(TRADITIONAL_VARIANTS)})")
        final = variant
    elif target == "taiwan":
        final = "s2twp"
    else:
        final = "s2hk"
    return final if source is Script.SIMPLIFIED else f"t2s{CHAIN_SEPARATOR}{final}"


def output_script(config: str) -> Script | None:
    """The script `config`'s output is written in, or None if it is not 简/繁 (t2jp)."""
    return _OUTPUT_SCRIPT.get(_split(config)[-1])


def convert_text(text: str, config: str) -> str:
    return converter(config)(text) if text else text


def convert_article(article: Article, config: str) -> Article:
    """The same article in another script: same blocks, same order, same kinds.

    Title, author, site, source, editor and removed-block texts are converted too, and the
    `script` field describes the converted text.
    """
    from reader.transform.script import detect_script, script_info

    conv = converter(config)

    def c(text: str | None) -> str | None:
        return conv(text) if text else text

    blocks = tuple(Block(b.kind, conv(b.text)) for b in article.blocks)
    removed = tuple(Removed(conv(r.text), r.reason, r.index) for r in article.removed)
    title = conv(article.title) if article.title else article.title
    text = "\n".join([title, *(b.text for b in blocks)])
    expected = output_script(config)
    info: ScriptInfo = script_info(text, expect=expected) if expected else detect_script(text)
    return article.with_changes(
        title=title,
        blocks=blocks,
        removed=removed,
        author=c(article.author),
        site=c(article.site),
        source=c(article.source),
        editor=c(article.editor),
        script=info,
    )
